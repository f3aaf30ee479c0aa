# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HcProjectMilestone(models.Model):
    _name = "hc.project.milestone"
    _description = "Project Milestone"
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
    done_date = fields.Date()
    note = fields.Text()
