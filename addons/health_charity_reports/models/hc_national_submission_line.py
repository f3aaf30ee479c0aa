# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .hc_national_submission import SUBMISSION_STATES


class HcNationalSubmissionLine(models.Model):
    """One line of a university's package: a unit and a category."""

    _name = "hc.national.submission.line"
    _description = "National Submission Line"
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
    unit_name = fields.Char("Unit", readonly=True)
    category_code = fields.Char(readonly=True)
    category_id = fields.Many2one("hc.contribution.category", readonly=True)
    kind = fields.Selection(
        [("cash", "Cash"), ("in_kind", "In-kind"), ("construction", "Construction")],
        readonly=True,
    )
    count = fields.Integer("Contributions", readonly=True)
    line_count = fields.Integer("Lines", readonly=True)
    value = fields.Monetary(readonly=True)

    @api.model
    def _hc_get_write_policy(self):
        """Lines are what the university sent: never edited."""
        return {state: set() for state, _label in SUBMISSION_STATES}
