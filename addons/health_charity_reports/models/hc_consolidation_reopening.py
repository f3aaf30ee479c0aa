# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.health_charity.models.hc_integrity_mixin import ALL, hc_transition


class HcConsolidationReopening(models.Model):
    """A request to send a submitted, approved or reported consolidation
    back to draft. It always needs a review by someone other than the
    requester (tier definition shipped as data); the request, its reviewer
    and its outcome stay as the trail."""

    _name = "hc.consolidation.reopening"
    _description = "Consolidation Reopening"
    _inherit = ["mail.thread", "hc.approval.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "rejected"
    _hc_require_review = True
    _hc_parent_field = "consolidation_id"

    consolidation_id = fields.Many2one(
        "hc.consolidation",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="consolidation_id.company_id", store=True, index=True
    )
    consolidation_state = fields.Selection(
        related="consolidation_id.state", string="Consolidation Status"
    )
    reason = fields.Text(tracking=True)
    requested_by_id = fields.Many2one(
        "res.users", readonly=True, default=lambda self: self.env.user
    )
    state = fields.Selection(
        string="Status",
        selection=[
            ("draft", "Draft"),
            ("submitted", "Waiting for Approval"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    @api.model
    def _hc_get_write_policy(self):
        """The reason while in draft; nothing afterwards."""
        return {"draft": ALL}

    @api.model
    def _hc_get_create_filled_fields(self):
        return {"requested_by_id"}

    @api.depends("consolidation_id")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = self.env._(
                "Reopening of %(name)s", name=rec.consolidation_id.name or ""
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals["requested_by_id"] = self.env.uid
        return super().create(vals_list)

    @hc_transition
    def action_submit(self):
        self.consolidation_id._check_finance()
        for rec in self:
            if rec.state != "draft" or rec.consolidation_id.state == "draft":
                raise UserError(
                    self.env._(
                        "%(name)s cannot be submitted: the consolidation is "
                        "already in draft or the request was already sent.",
                        name=rec.display_name,
                    )
                )
        self._hc_set_state("submitted")
        for rec in self:
            rec.consolidation_id._hc_post_note(
                lambda c, rec=rec: c.env._(
                    "%(user)s asked to reopen this consolidation: %(reason)s",
                    user=self.env.user.name,
                    reason=rec.reason or "-",
                )
            )
        self._hc_request_approval()
        return True

    @hc_transition
    def _hc_on_approved(self):
        res = super()._hc_on_approved()
        for rec in self:
            # sudo: the reviewer's right comes from the review (see mixin)
            consolidation = rec.consolidation_id.sudo()
            consolidation._hc_back_to_draft()
            consolidation._hc_post_note(
                lambda c, rec=rec: c.env._(
                    "Reopened: the request of %(requester)s was approved by %(user)s.",
                    requester=rec.requested_by_id.name,
                    user=self.env.user.name,
                )
            )
        return res

    @hc_transition
    def _hc_on_rejected(self):
        res = super()._hc_on_rejected()
        for rec in self:
            # sudo: the reviewer's right comes from the review (see mixin)
            rec.consolidation_id.sudo()._hc_post_note(
                lambda c: c.env._(
                    "The request to reopen this consolidation was refused by %(user)s.",
                    user=self.env.user.name,
                )
            )
        return res
