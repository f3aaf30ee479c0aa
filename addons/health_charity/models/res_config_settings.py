# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    hc_journal_id = fields.Many2one(
        related="company_id.hc_journal_id", readonly=False, check_company=True
    )
    hc_income_account_id = fields.Many2one(
        related="company_id.hc_income_account_id", readonly=False, check_company=True
    )
    hc_visit_score_threshold = fields.Integer(
        related="company_id.hc_visit_score_threshold", readonly=False
    )
    hc_lock_date = fields.Date(related="company_id.hc_lock_date")
    hc_founding_date = fields.Date(
        related="company_id.hc_founding_date", readonly=False
    )
