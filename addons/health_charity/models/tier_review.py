# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


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
