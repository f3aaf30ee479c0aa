# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .hc_national_submission import SUBMISSION_STATES


class HcNationalSubmissionDisclosure(models.Model):
    """Disclosure totals of a package: a category and a valuation
    technique (how much, how it was valued, what became of it)."""

    _name = "hc.national.submission.disclosure"
    _description = "National Submission Disclosure"
    _inherit = ["hc.integrity.mixin"]
    _order = "submission_id, id"
    _hc_client_create = False
    _hc_parent_field = "submission_id"
    _hc_policy_state_path = "submission_id.state"

    submission_id = fields.Many2one(
        "hc.national.submission",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    university_id = fields.Many2one(
        related="submission_id.university_id", store=True, string="University"
    )
    province_id = fields.Many2one(
        related="submission_id.province_id", store=True, string="Province"
    )
    jalali_period_id = fields.Many2one(
        related="submission_id.jalali_period_id", store=True, string="Quarter"
    )
    submission_state = fields.Selection(
        related="submission_id.state", store=True, string="Submission Status"
    )
    company_id = fields.Many2one(related="submission_id.company_id", store=True)
    # stored so that the rows of a package are created with it: each
    # amount's rounding reads it, and a non-stored related one is looked up
    # through the submission and its company for every amount
    currency_id = fields.Many2one(related="submission_id.currency_id", store=True)
    category_code = fields.Char(readonly=True)
    category_id = fields.Many2one("hc.contribution.category", readonly=True)
    kind = fields.Selection(
        [("cash", "Cash"), ("in_kind", "In-kind"), ("construction", "Construction")],
        readonly=True,
    )
    technique = fields.Selection(
        selection=lambda self: self.env["hc.contribution.line"]
        ._fields["valuation_technique"]
        .selection,
        string="Valuation Technique",
        readonly=True,
    )
    lines = fields.Integer(readonly=True)
    value = fields.Monetary(readonly=True)
    value_referenced = fields.Monetary("Value with a Reference", readonly=True)
    value_reviewed = fields.Monetary("Value Reviewed by the Committee", readonly=True)
    value_restricted = fields.Monetary("Restricted Value", readonly=True)
    value_sold = fields.Monetary(readonly=True)

    @api.model
    def _hc_get_write_policy(self):
        """Disclosures are what the university sent: never edited."""
        return {state: set() for state, _label in SUBMISSION_STATES}
