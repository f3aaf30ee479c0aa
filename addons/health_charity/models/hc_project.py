# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HcProject(models.Model):
    """Charity construction and development project (duty 13). The case
    management (milestones, analytic account, lifecycle buttons) is extended
    in ``hc_project_case.py``."""

    _name = "hc.project"
    _description = "Charity Project"
    _inherit = ["mail.thread", "mail.activity.mixin", "hc.approval.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _state_from = ["proposed"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"

    name = fields.Char(required=True, tracking=True)
    project_type = fields.Selection(
        [
            ("road_emergency_base", "Road Emergency Base"),
            ("health_center", "Comprehensive Health Centre"),
            ("hospital_building", "Hospital Building"),
            ("equipment", "Equipment Programme"),
            ("other", "Other"),
        ],
        required=True,
        default="health_center",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        "Unit",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    estimated_cost = fields.Monetary(tracking=True)
    contribution_ids = fields.One2many("hc.contribution", "project_id")
    pledged_amount = fields.Monetary(
        compute="_compute_amounts",
        store=True,
        help="Value of the linked contributions not rejected or cancelled.",
    )
    received_amount = fields.Monetary(
        compute="_compute_amounts",
        store=True,
        help="Value of the linked approved and posted contributions.",
    )
    progress = fields.Float(tracking=True, help="Physical progress, in percent.")
    is_underserved = fields.Boolean("Underserved Region", tracking=True)
    state = fields.Selection(
        [
            ("proposed", "Proposed"),
            ("approved", "Approved"),
            ("in_progress", "In Progress"),
            ("completed", "Completed"),
            ("handed_over", "Handed Over"),
            ("rejected", "Rejected"),
            ("cancelled", "Cancelled"),
        ],
        default="proposed",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )

    _sql_constraints = [
        (
            "progress_range",
            "CHECK(progress >= 0 AND progress <= 100)",
            "The progress must be between 0 and 100 percent.",
        ),
        (
            "estimated_cost_not_negative",
            "CHECK(estimated_cost >= 0)",
            "The estimated cost cannot be negative.",
        ),
    ]

    @api.depends("contribution_ids.state", "contribution_ids.amount_total")
    def _compute_amounts(self):
        groups = self.env["hc.contribution"]._read_group(
            [
                ("project_id", "in", self.filtered("id").ids),
                ("state", "not in", ("rejected", "cancelled")),
            ],
            ["project_id", "state"],
            ["amount_total:sum"],
        )
        pledged, received = {}, {}
        for project, state, total in groups:
            pledged[project.id] = pledged.get(project.id, 0.0) + total
            if state in ("approved", "posted"):
                received[project.id] = received.get(project.id, 0.0) + total
        for project in self:
            project.pledged_amount = pledged.get(project.id, 0.0)
            project.received_amount = received.get(project.id, 0.0)
