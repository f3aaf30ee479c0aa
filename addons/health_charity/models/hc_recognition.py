# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HcRecognition(models.Model):
    """A benefactor honoured at a level (certificate in the reports addon)."""

    _name = "hc.recognition"
    _description = "Benefactor Recognition"
    _inherit = ["mail.thread", "hc.integrity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    donor_id = fields.Many2one(
        "res.partner", "Benefactor", required=True, index=True, tracking=True
    )
    level_id = fields.Many2one("hc.recognition.level", required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    reason = fields.Text()
    company_id = fields.Many2one(
        "res.company",
        "Unit",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    total_at_date = fields.Monetary(
        "Total Given",
        help="The benefactor's total when honoured.",
    )

    @api.onchange("donor_id")
    def _onchange_donor_id(self):
        if self.donor_id:
            self.total_at_date = self.donor_id.hc_contribution_total
            self.level_id = self.donor_id.hc_recognition_level_id

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for rec in records.filtered(lambda r: not r.total_at_date):
            rec.total_at_date = rec.donor_id.hc_contribution_total
        return records
