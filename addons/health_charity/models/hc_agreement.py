# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .hc_integrity_mixin import ALL


class HcAgreement(models.Model):
    """Agreement (MOU) with another body, the Endowment Organisation first
    (duty 5)."""

    _name = "hc.agreement"
    _description = "Agreement"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hc.status.mixin",
        "hc.integrity.mixin",
    ]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char("Subject", required=True, tracking=True)
    reference = fields.Char(tracking=True, copy=False)
    partner_id = fields.Many2one(
        "res.partner", "Partner Body", required=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company",
        "Unit",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users", "Responsible", default=lambda self: self.env.user, tracking=True
    )
    date_start = fields.Date("Start", required=True, tracking=True)
    date_end = fields.Date("End", tracking=True)
    description = fields.Html()
    state = fields.Selection(
        string="Status",
        selection=[
            ("draft", "Draft"),
            ("active", "In Force"),
            ("expired", "Expired"),
            ("terminated", "Terminated"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )

    @api.model
    def _hc_get_write_policy(self):
        """What users may change in each status (see hc.integrity.mixin)."""
        return {
            "draft": ALL,
            "active": {"description", "date_end", "user_id"},
            "expired": {"description"},
            "terminated": {"description"},
        }

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for rec in self:
            if rec.date_end and rec.date_end < rec.date_start:
                raise ValidationError(
                    self.env._("An agreement cannot end before it starts.")
                )

    def action_activate(self):
        self._check_state(("draft",))
        self._hc_set_state("active")

    def action_terminate(self):
        self._check_state(("active",))
        self._hc_set_state("terminated")

    def action_draft(self):
        self._check_state(("terminated", "expired"))
        self._hc_set_state("draft")

    @api.model
    def _cron_expire_agreements(self):
        today = fields.Date.context_today(self)
        self.search([("state", "=", "active"), ("date_end", "<", today)])._hc_set_state(
            "expired", {}
        )
        return True
