# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .hc_integrity_mixin import ALL


class HcLegalChallenge(models.Model):
    """A legal obstacle to people's participation, reviewed by the office
    and escalated to the Ministry (duty 11)."""

    _name = "hc.legal.challenge"
    _description = "Legal Challenge"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hc.status.mixin",
        "hc.integrity.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char("Title", required=True, tracking=True)
    description = fields.Html(required=True)
    category_id = fields.Many2one("hc.legal.challenge.category", tracking=True)
    company_id = fields.Many2one(
        "res.company",
        "Unit",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    organization_id = fields.Many2one(
        "hc.organization", "Raised by Organisation", tracking=True
    )
    raised_by_id = fields.Many2one(
        "res.users", "Raised by", default=lambda self: self.env.user, tracking=True
    )
    sent_date = fields.Date(
        "Sent to Ministry On", readonly=True, tracking=True, copy=False
    )
    ministry_reference = fields.Char(tracking=True, copy=False)
    answer_due_date = fields.Date("Answer Expected By", tracking=True, copy=False)
    ministry_response = fields.Html(copy=False)
    response_date = fields.Date(tracking=True, copy=False)
    is_overdue = fields.Boolean(
        "Answer Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    state = fields.Selection(
        string="Status",
        selection=[
            ("draft", "Draft"),
            ("review", "Under Review"),
            ("sent_to_ministry", "Sent to Ministry"),
            ("resolved", "Resolved"),
            ("closed", "Closed"),
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
        answer = {
            "ministry_reference",
            "answer_due_date",
            "ministry_response",
            "response_date",
        }
        return {
            "draft": ALL,
            "review": ALL,
            "sent_to_ministry": answer,
            "resolved": {"ministry_response"},
        }

    @api.model
    def _get_answer_delay(self):
        return 30

    @api.depends("state", "answer_due_date")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for rec in self:
            rec.is_overdue = bool(
                rec.state == "sent_to_ministry"
                and rec.answer_due_date
                and rec.answer_due_date < today
            )

    def _search_is_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        domain = [("state", "=", "sent_to_ministry"), ("answer_due_date", "<", today)]
        positive = (operator == "=") == bool(value)
        return domain if positive else ["!", "&", *domain]

    def action_review(self):
        self._check_state(("draft",))
        self._hc_set_state("review")

    def action_send_to_ministry(self):
        self._check_state(("review",))
        for rec in self:
            if not rec.ministry_reference:
                raise UserError(
                    self.env._(
                        "Set the reference of the letter sent to the Ministry "
                        "for %(name)s.",
                        name=rec.name,
                    )
                )
        today = fields.Date.context_today(self)
        for rec in self:
            rec._hc_set_state(
                "sent_to_ministry",
                {
                    "sent_date": today,
                    "answer_due_date": rec.answer_due_date
                    or today + timedelta(days=self._get_answer_delay()),
                },
            )

    def action_resolve(self):
        self._check_state(("sent_to_ministry", "review"))
        for rec in self:
            if rec.state == "sent_to_ministry" and not rec.ministry_response:
                raise UserError(
                    self.env._(
                        "Record the Ministry's response to %(name)s first.",
                        name=rec.name,
                    )
                )
        self._hc_set_state(
            "resolved", {"response_date": fields.Date.context_today(self)}
        )

    def action_close(self):
        self._check_state(("draft", "review", "sent_to_ministry", "resolved"))
        self._hc_set_state("closed")

    def action_draft(self):
        self._check_state(("closed",))
        self._hc_set_state("draft")
