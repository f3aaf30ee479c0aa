# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .hc_integrity_mixin import hc_internal


class HcRecognitionLevel(models.Model):
    """Honour level reached by a benefactor's total giving (duty 7)."""

    _name = "hc.recognition.level"
    _inherit = ["hc.integrity.mixin"]
    _description = "Recognition Level"
    _order = "min_amount"

    name = fields.Char(required=True, translate=True)
    min_amount = fields.Monetary(
        "Minimum Total", required=True, currency_field="currency_id"
    )
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id
    )
    color = fields.Integer()
    certificate_text = fields.Text(translate=True)

    _sql_constraints = [
        (
            "min_amount_positive",
            "CHECK(min_amount >= 0)",
            "The minimum total cannot be negative.",
        ),
        (
            "min_amount_uniq",
            "unique(min_amount)",
            "Two levels cannot have the same minimum.",
        ),
    ]

    def write(self, vals):
        res = super().write(vals)
        if "min_amount" in vals:
            self._recompute_donor_levels()
        return res

    def _recompute_donor_levels(self):
        # sudo: every donor with a gift, whatever unit the editor uses
        donors = (
            self.env["res.partner"]
            .sudo()
            .search([("hc_contribution_total_all", ">", 0)])
        )
        with hc_internal():  # the levels are the application's to recompute
            donors._compute_hc_recognition_level_id()
