# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .hc_integrity_mixin import ALL


class HcProjectMilestone(models.Model):
    _name = "hc.project.milestone"
    _inherit = ["hc.integrity.mixin"]
    _description = "Project Milestone"
    _hc_policy_state_path = "project_id.state"
    _hc_parent_field = "project_id"
    _order = "project_id, sequence, deadline, id"
    _check_company_auto = True

    project_id = fields.Many2one(
        "hc.project", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    deadline = fields.Date()
    weight = fields.Float(default=1.0, help="Share of the project's progress.")
    is_done = fields.Boolean("Done")
    done_date = fields.Date(
        compute="_compute_done_date",
        store=True,
        readonly=False,
        help="Set to today when the milestone is ticked; may be corrected.",
    )
    note = fields.Text()

    _sql_constraints = [
        (
            "weight_not_negative",
            "CHECK(weight >= 0)",
            "The weight of a milestone cannot be negative.",
        ),
    ]

    @api.model
    def _hc_get_write_policy(self):
        """What users may change in each status (see hc.integrity.mixin):
        milestones are planned with the project and ticked while it runs;
        a completed project's milestones are its record."""
        return {"proposed": ALL, "approved": ALL, "in_progress": ALL}

    @api.depends("is_done")
    def _compute_done_date(self):
        today = fields.Date.context_today(self)
        for milestone in self:
            if not milestone.is_done:
                milestone.done_date = False
            else:
                milestone.done_date = milestone.done_date or today
