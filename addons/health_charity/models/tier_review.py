# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError

from .hc_approval_mixin import hc_is_internal

# What a direct write may never change on a review of our records; the OCA
# compute of ``can_review`` itself only moves a review to pending/waiting.
PROTECTED_FIELDS = {
    "status",
    "done_by",
    "reviewed_date",
    "res_id",
    "model",
    "definition_id",
    "requested_by",
    "sequence",
}


class TierReview(models.Model):
    _inherit = "tier.review"

    @api.depends("requested_by")
    def _compute_reviewer_ids(self):
        return super()._compute_reviewer_ids()

    def _get_reviewers(self):
        """Nobody reviews their own request on Health Charity records: the
        user who submitted and the user who created the record are removed
        from the reviewers (the OCA mixin does not prevent self-approval)."""
        reviewers = super()._get_reviewers()
        if self.model in self.env["hc.approval.mixin"]._hc_approval_model_names():
            record = self.env[self.model].browse(self.res_id).exists()
            reviewers -= self.requested_by | record.create_uid
        return reviewers

    def _hc_is_ours(self, models_=None):
        names = self.env["hc.approval.mixin"]._hc_approval_model_names()
        return any(m in names for m in (models_ or self.mapped("model")))

    def _hc_check_direct_change(self, models_=None, vals=None):
        """Reviews of Health Charity records change only through the
        approval flow, never by a direct create/write/unlink (which the OCA
        access rights allow to every internal user)."""
        if hc_is_internal() or self.env.su or not self._hc_is_ours(models_):
            return
        if vals is not None:
            changed = set(vals) & PROTECTED_FIELDS
            if not changed or (
                changed == {"status"} and vals["status"] in ("pending", "waiting")
            ):
                return
        raise AccessError(
            self.env._(
                "Reviews of Health Charity records can only be changed by "
                "validating or rejecting the record."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        self._hc_check_direct_change(models_=[v.get("model") for v in vals_list])
        return super().create(vals_list)

    def write(self, vals):
        self._hc_check_direct_change(vals=vals)
        return super().write(vals)

    def unlink(self):
        self._hc_check_direct_change()
        return super().unlink()
