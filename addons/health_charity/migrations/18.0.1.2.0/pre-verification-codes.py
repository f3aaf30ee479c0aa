# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0: certificates (recognitions) carry a verification code from
their creation. The column is added and filled here, one random code per
row, before Odoo adds it: Odoo would fill existing rows with one single
default value, which the unique constraint refuses."""

import secrets

from odoo.tools.sql import column_exists, create_column


def migrate(cr, version):
    if not column_exists(cr, "hc_recognition", "verification_code"):
        create_column(cr, "hc_recognition", "verification_code", "varchar")
    cr.execute("SELECT id FROM hc_recognition WHERE verification_code IS NULL")
    for (rec_id,) in cr.fetchall():
        cr.execute(
            "UPDATE hc_recognition SET verification_code = %s WHERE id = %s",
            (secrets.token_urlsafe(16), rec_id),
        )
