# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .hc_integrity_mixin import ALL


class HcNeed(models.Model):
    """A health-sector need benefactors can fund (duty 2)."""

    _name = "hc.need"
    _description = "Health Sector Need"
    _inherit = ["mail.thread", "mail.activity.mixin", "hc.integrity.mixin"]
    _order = "priority desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    category_id = fields.Many2one("hc.contribution.category", tracking=True)
    company_id = fields.Many2one(
        "res.company",
        "Unit",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    description = fields.Html()
    estimated_value = fields.Monetary(tracking=True)
    priority = fields.Selection(
        [("0", "Low"), ("1", "Normal"), ("2", "High"), ("3", "Urgent")],
        default="1",
        tracking=True,
    )
    is_underserved = fields.Boolean("Underserved Region")
    deadline = fields.Date()
    contribution_ids = fields.One2many("hc.contribution", "need_id")
    is_public = fields.Boolean(
        "Published on the Portal",
        tracking=True,
        help="Listed at /health-charity/needs while open: benefactors may "
        "pledge toward it.",
    )
    pledge_ids = fields.One2many("hc.pledge", "need_id", "Pledges")
    pledged_amount = fields.Monetary(
        compute="_compute_pledged_amount",
        store=True,
        help="Value of the pledges not cancelled (still promised or received).",
    )
    funded_amount = fields.Monetary(compute="_compute_funded_amount", store=True)
    funded_percent = fields.Float(compute="_compute_funded_amount", store=True)
    state = fields.Selection(
        string="Status",
        selection=[("open", "Open"), ("funded", "Funded"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
        index=True,
    )

    @api.model
    def _hc_get_write_policy(self):
        """What users may change in each status (see hc.integrity.mixin)."""
        return {
            "open": ALL,
            "funded": {"description", "priority", "deadline", "is_public"},
            "closed": {"description", "is_public"},
        }

    _sql_constraints = [
        (
            "estimated_value_not_negative",
            "CHECK(estimated_value >= 0)",
            "The estimated value cannot be negative.",
        ),
    ]

    @api.depends(
        "contribution_ids.state", "contribution_ids.amount_total", "estimated_value"
    )
    def _compute_funded_amount(self):
        groups = self.env["hc.contribution"]._read_group(
            [
                ("need_id", "in", self.filtered("id").ids),
                ("state", "in", ("approved", "posted")),
            ],
            ["need_id"],
            ["amount_total:sum"],
        )
        funded = {need.id: total for need, total in groups}
        for need in self:
            need.funded_amount = funded.get(need.id, 0.0)
            need.funded_percent = (
                100.0 * need.funded_amount / need.estimated_value
                if need.estimated_value
                else 0.0
            )

    @api.depends("pledge_ids.state", "pledge_ids.amount")
    def _compute_pledged_amount(self):
        groups = self.env["hc.pledge"]._read_group(
            [
                ("need_id", "in", self.filtered("id").ids),
                ("state", "!=", "cancelled"),
            ],
            ["need_id"],
            ["amount:sum"],
        )
        pledged = {need.id: total for need, total in groups}
        for need in self:
            need.pledged_amount = pledged.get(need.id, 0.0)

    def action_mark_funded(self):
        self._hc_set_state("funded")

    def action_close(self):
        self._hc_set_state("closed")

    def action_reopen(self):
        self._hc_set_state("open")
