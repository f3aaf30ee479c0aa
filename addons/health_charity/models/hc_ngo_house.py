# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HcNgoHouse(models.Model):
    """NGO house (سرای سمن): a shared hub hosting several NGOs."""

    _name = "hc.ngo.house"
    _description = "NGO House"
    _inherit = ["mail.thread", "mail.activity.mixin", "hc.integrity.mixin"]
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    country_id = fields.Many2one(
        "res.country", default=lambda self: self.env.ref("base.ir", False)
    )
    state_id = fields.Many2one(
        "res.country.state",
        "Province",
        domain="[('country_id', '=?', country_id)]",
        tracking=True,
    )
    city = fields.Char(tracking=True)
    is_underserved = fields.Boolean("Underserved Region", tracking=True)
    opening_date = fields.Date()
    organization_ids = fields.One2many(
        "hc.organization", "ngo_house_id", "Hosted Organisations"
    )
    organization_count = fields.Integer(compute="_compute_organization_count")
    activity_area_ids = fields.Many2many("hc.activity.area", string="Activity Areas")
    services_offered = fields.Text(
        help="Education, counselling and support offered to patients and "
        "families, e.g. for special diseases."
    )
    active = fields.Boolean(default=True)

    @api.depends("organization_ids")
    def _compute_organization_count(self):
        for house in self:
            house.organization_count = len(house.organization_ids)
