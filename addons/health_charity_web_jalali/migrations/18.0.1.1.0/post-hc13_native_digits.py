# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Persian digits on for Persian on databases of the previous release (new
installs get it from data/res_lang_data.xml, which is noupdate)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    persian = env.ref("base.lang_fa_IR", raise_if_not_found=False)
    if persian:
        persian.hc_native_digits = True
