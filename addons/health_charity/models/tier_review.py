# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools.jalali import reads_jalali, to_jalali_str
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
    # the OCA stores it in the language of whoever created the review; the
    # review panel shows it in the reader's
    todo_by = fields.Char(compute="_compute_todo_by", store=False)

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

    @api.depends("reviewer_ids")
    @api.depends_context("lang")
    def _compute_todo_by(self):
        """Who must review, in the reader's language: the group, or the
        first three reviewers and how many more."""
        shown = 3
        for rec in self:
            if rec.reviewer_group_id:
                rec.todo_by = self.env._("Group %s", rec.reviewer_group_id.name)
                continue
            names = ", ".join(rec.reviewer_ids[:shown].mapped("display_name"))
            more = len(rec.reviewer_ids) - shown
            rec.todo_by = (
                self.env._("%(names)s and %(count)s more", names=names, count=more)
                if more > 0
                else names or False
            )

    @api.depends_context("tz", "lang", "hc_jalali_calendar")
    def _compute_reviewed_formated_date(self):
        """The validation date in the reader's calendar: Jalali for readers
        of the Jalali calendar (``1404/09/06 10:30``), else as the OCA
        writes it."""
        res = super()._compute_reviewed_formated_date()
        if reads_jalali(self.env):
            for review in self.filtered("reviewed_date"):
                local = fields.Datetime.context_timestamp(review, review.reviewed_date)
                review.reviewed_formated_date = f"{to_jalali_str(local)} {local:%H:%M}"
        return res

    def _notify_review_reminder_body(self):
        """The reminder in the reviewers' language (the OCA cron writes it
        in OdooBot's), for reviews of our records."""
        if not self._hc_is_ours():
            return super()._notify_review_reminder_body()
        # sudo: the reviewed record's office and the reviewers' language
        record = self.env[self.model].sudo().browse(self.res_id)
        reader = record._hc_for_readers(self.sudo().reviewer_ids.partner_id)
        days = (fields.Datetime.now() - self.create_date).days
        return reader.env._("A review has been requested %s days ago.", days)

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
