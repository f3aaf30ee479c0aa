# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HcHealthService(models.Model):
    """A health service the university may delegate to NGOs (duty 3)."""

    _name = "hc.health.service"
    _inherit = ["hc.integrity.mixin"]
    _description = "Delegable Health Service"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    description = fields.Text(translate=True)
    activity_area_ids = fields.Many2many(
        "hc.activity.area",
        string="Required Activity Areas",
        help="An NGO must work in all these areas to receive the service.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a health service must be unique."),
    ]
