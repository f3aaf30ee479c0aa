# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .hc_integrity_mixin import hc_transition


class HcPledge(models.Model):
    """A benefactor's promise toward a public need, made on the portal;
    staff turn it into a contribution when the gift arrives."""

    _name = "hc.pledge"
    _description = "Pledge"
    _inherit = ["mail.thread", "mail.activity.mixin", "hc.integrity.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _rec_names_search = ["need_id", "donor_id"]

    need_id = fields.Many2one(
        "hc.need", required=True, index=True, tracking=True, check_company=True
    )
    donor_id = fields.Many2one(
        "res.partner",
        "Benefactor",
        required=True,
        index=True,
        tracking=True,
        domain="[('hc_is_donor', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company",
        "Unit",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(required=True, tracking=True)
    expected_date = fields.Date(tracking=True)
    note = fields.Text("Message from the Benefactor")
    state = fields.Selection(
        string="Status",
        selection=[
            ("pledged", "Pledged"),
            ("received", "Received"),
            ("cancelled", "Cancelled"),
        ],
        default="pledged",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    contribution_id = fields.Many2one(
        "hc.contribution", readonly=True, copy=False, check_company=True
    )

    _sql_constraints = [
        ("amount_positive", "CHECK(amount > 0)", "A pledge must be positive."),
    ]

    @api.model
    def _hc_get_write_policy(self):
        """What users may change in each status (see hc.integrity.mixin)."""
        return {
            "pledged": {"amount", "expected_date", "note", "need_id", "donor_id"},
            "received": {"note"},
            "cancelled": {"note"},
        }

    @api.depends("need_id", "donor_id", "amount")
    def _compute_display_name(self):
        for pledge in self:
            pledge.display_name = "%s - %s" % (
                pledge.need_id.name or "",
                pledge.donor_id.name or "",
            )

    @api.constrains("need_id", "company_id")
    def _check_need_unit(self):
        for pledge in self:
            if pledge.need_id.company_id != pledge.company_id:
                raise ValidationError(
                    self.env._("A pledge belongs to the unit of its need.")
                )

    # --------------------------------------------------------------- actions
    def _check_can_receive(self):
        for pledge in self:
            if pledge.state != "pledged":
                raise UserError(
                    self.env._(
                        "%(pledge)s is no longer open: only pledged promises "
                        "become contributions.",
                        pledge=pledge.display_name,
                    )
                )

    @hc_transition
    def action_create_contribution(self):
        """The gift arrived: a draft contribution for the pledged value,
        which then goes through the usual approvals."""
        self.ensure_one()
        self._check_can_receive()
        self.check_access("write")
        contribution = (
            self.env["hc.contribution"]
            .with_company(self.company_id)
            .create(self._prepare_contribution_vals())
        )
        self._hc_set_state("received", {"contribution_id": contribution.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "hc.contribution",
            "res_id": contribution.id,
            "view_mode": "form",
        }

    def _prepare_contribution_vals(self):
        self.ensure_one()
        category = self.need_id.category_id or self.env.ref(
            "health_charity.category_cash"
        )
        return {
            "donor_id": self.donor_id.id,
            "company_id": self.company_id.id,
            "need_id": self.need_id.id,
            "line_ids": [
                Command.create(
                    {
                        "category_id": category.id,
                        "name": self.need_id.name,
                        "quantity": 1,
                        "unit_value": self.amount,
                        "valuation_basis": "cash" if category.kind == "cash" else False,
                    }
                )
            ],
        }

    @hc_transition
    def action_cancel(self):
        self.check_access("write")
        for pledge in self:
            if pledge.state != "pledged":
                raise UserError(
                    self.env._(
                        "%(pledge)s cannot be cancelled from its current status.",
                        pledge=pledge.display_name,
                    )
                )
        self._hc_set_state("cancelled")
        return True
