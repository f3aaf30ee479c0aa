# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from .hc_approval_mixin import hc_is_internal

# What a direct write may change on a review of our records (allow-list):
# the reviewer's comment, the OCA reminder date and the move to
# pending/waiting that the OCA computes make in the reviewer's name.
WRITABLE_FIELDS = {"comment", "status", "last_reminder_date"}


class TierReview(models.Model):
    _inherit = "tier.review"

    hc_company_id = fields.Many2one(
        "res.company",
        "Unit of the Reviewed Record",
        compute="_compute_hc_company_id",
        store=True,
        index="btree_not_null",
    )

    @api.depends("model", "res_id")
    def _compute_hc_company_id(self):
        """Reviews of our records are read by the users of the record's unit
        (record rule); the reviewed record gives the unit."""
        names = self.env["hc.approval.mixin"]._hc_approval_model_names()
        for review in self:
            company = self.env["res.company"]
            if review.model in names and review.res_id:
                # sudo: the unit of the reviewed record, whoever creates it
                record = self.env[review.model].sudo().browse(review.res_id).exists()
                company = record.company_id if "company_id" in record else company
            review.hc_company_id = company

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
            names = set(vals)
            if names <= WRITABLE_FIELDS and vals.get("status", "pending") in (
                "pending",
                "waiting",
            ):
                if "comment" not in names or all(
                    self.env.user in review.reviewer_ids for review in self
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
