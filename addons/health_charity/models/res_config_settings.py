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
    hc_valuation_committee = fields.Boolean(
        related="company_id.hc_valuation_committee", readonly=False
    )
    hc_valuation_tolerance = fields.Float(
        related="company_id.hc_valuation_tolerance", readonly=False
    )
    hc_valuation_committee_threshold = fields.Monetary(
        related="company_id.hc_valuation_committee_threshold",
        readonly=False,
        currency_field="hc_company_currency_id",
    )
    hc_appraisal_threshold = fields.Monetary(
        related="company_id.hc_appraisal_threshold",
        readonly=False,
        currency_field="hc_company_currency_id",
    )
    hc_company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Unit Currency"
    )
