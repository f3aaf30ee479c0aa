# Odoo 18 (official image) + the pinned project requirements.
# The addons are mounted at /mnt/extra-addons (see docker-compose.yml).
FROM odoo:18.0
USER root
COPY requirements.txt /tmp/requirements.txt
# Odoo itself comes from the image: drop nothing, only add our pins.
RUN pip3 install --no-cache-dir --break-system-packages -r /tmp/requirements.txt \
    || pip3 install --no-cache-dir -r /tmp/requirements.txt
USER odoo
