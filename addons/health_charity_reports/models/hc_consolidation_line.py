# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HcConsolidationLine(models.Model):
    """One unit × category cell of a consolidation snapshot."""

    _name = "hc.consolidation.line"
    _inherit = ["hc.integrity.mixin"]
    _description = "Consolidation Line"
    # snapshot lines are written by action_compute only
    _hc_client_create = False
    _hc_parent_field = "consolidation_id"
    _order = "consolidation_id, unit_id, sequence, id"

    consolidation_id = fields.Many2one(
        "hc.consolidation", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="consolidation_id.company_id", store=True, index=True
    )
    unit_id = fields.Many2one("res.company", required=True, index=True)
    category_id = fields.Many2one(
        "hc.contribution.category", required=True, ondelete="restrict"
    )
    kind = fields.Selection(related="category_id.kind", store=True)
    sequence = fields.Integer(related="category_id.sequence", store=True)
    count = fields.Integer("Contributions")
    line_count = fields.Integer("Lines")
    value = fields.Monetary()
    currency_id = fields.Many2one(related="consolidation_id.currency_id")

    @api.model
    def _hc_get_write_policy(self):
        """Nothing: a snapshot changes only by computing it again."""
        return {}
