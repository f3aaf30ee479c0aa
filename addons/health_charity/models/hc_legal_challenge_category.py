# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HcLegalChallengeCategory(models.Model):
    _name = "hc.legal.challenge.category"
    _inherit = ["hc.integrity.mixin"]
    _description = "Legal Challenge Category"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
