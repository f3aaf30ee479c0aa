# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hc_ministry_url = fields.Char(related="company_id.hc_ministry_url", readonly=False)
    hc_ministry_db = fields.Char(related="company_id.hc_ministry_db", readonly=False)
    hc_ministry_login = fields.Char(
        related="company_id.hc_ministry_login", readonly=False
    )
    hc_ministry_api_key = fields.Char(
        related="company_id.hc_ministry_api_key", readonly=False
    )
    hc_ministry_university_code = fields.Char(
        related="company_id.hc_ministry_university_code", readonly=False
    )
    hc_ministry_signing_key = fields.Char(
        related="company_id.hc_ministry_signing_key", readonly=False
    )
