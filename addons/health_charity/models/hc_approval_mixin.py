# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class HcApprovalMixin(models.AbstractModel):
    """Multi-level approval shared by contributions, delegations, projects and
    consolidations, on top of OCA ``tier.validation``.

    The record enters ``_state_from`` (e.g. ``submitted``) and asks for
    validation. With no applicable tier definition, or once every review is
    approved, it moves to ``_hc_state_approved`` by itself; a rejected review
    moves it to ``_hc_state_rejected``. Both moves happen in
    :meth:`_hc_sync_state_with_reviews`, the single override point.

    It also closes two gaps of the OCA mixin: a user who is not a reviewer
    gets a clear error instead of a silent no-op, and the requester of a
    review is never one of its reviewers (see ``tier.review``).
    """

    _name = "hc.approval.mixin"
    _inherit = ["tier.validation"]
    _description = "Health Charity Approval Flow"

    _tier_validation_manual_config = False
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"
    _hc_state_approved = "approved"
    _hc_state_rejected = "rejected"

    @api.model
    def _hc_approval_model_names(self):
        """Concrete models that use this approval flow."""
        registry = self.env.registry
        return [
            name
            for name in registry.descendants(["hc.approval.mixin"], "_inherit")
            if not registry[name]._abstract
        ]

    def _hc_request_approval(self):
        """Request the reviews of records that just entered ``_state_from``;
        approve at once those no tier definition applies to."""
        for rec in self:
            reviews = rec.request_validation()
            if not reviews and not rec.review_ids:
                rec._hc_on_approved()
        return True

    def _hc_sync_state_with_reviews(self):
        for rec in self:
            if rec[rec._state_field] not in rec._state_from:
                continue
            if rec.validation_status == "validated":
                rec._hc_on_approved()
            elif rec.validation_status == "rejected":
                rec._hc_on_rejected()

    def _hc_on_approved(self):
        """Override point: what approval does (default: move the state)."""
        # need_validation is a non-stored compute without dependencies: its
        # value cached before the reviews existed must not be reused.
        self.invalidate_recordset(["need_validation"])
        self.write({self._state_field: self._hc_state_approved})

    def _hc_on_rejected(self):
        """Override point: what rejection does (default: move the state)."""
        self.with_context(skip_validation_check=True).write(
            {self._state_field: self._hc_state_rejected}
        )

    def _hc_reset_reviews(self):
        """Drop the reviews of records going back to draft or cancelled: a
        new submission asks for a new approval."""
        self.mapped("review_ids").unlink()

    def _hc_check_can_review(self):
        for rec in self:
            if rec[rec._state_field] not in rec._state_from:
                raise UserError(
                    self.env._(
                        "%(record)s is not waiting for a review.",
                        record=rec.display_name,
                    )
                )
            if not rec.can_review:
                raise UserError(
                    self.env._(
                        "You are not a reviewer of %(record)s, or it is not "
                        "your turn to review it. Requesters never approve "
                        "their own records.",
                        record=rec.display_name,
                    )
                )

    def validate_tier(self):
        self._hc_check_can_review()
        return super().validate_tier()

    def reject_tier(self):
        self._hc_check_can_review()
        return super().reject_tier()

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers=tiers)
        self._hc_sync_state_with_reviews()
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers=tiers)
        self._hc_sync_state_with_reviews()
        return res
