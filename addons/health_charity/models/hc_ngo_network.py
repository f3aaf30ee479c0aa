# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HcNgoNetwork(models.Model):
    _name = "hc.ngo.network"
    _inherit = ["hc.integrity.mixin"]
    _description = "National NGO Network"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    description = fields.Text()
    organization_ids = fields.One2many("hc.organization", "network_id", "Members")
    active = fields.Boolean(default=True)
