# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import HealthCharityCase

BIG = 1_500_000_000


@tagged("post_install", "-at_install")
class TestTierValidation(HealthCharityCase):
    def _big(self, user=None):
        return self._contribution(
            user=user, lines=[self._line(self.cat_medical, 1, BIG)]
        )

    def test_big_gift_needs_an_approver(self):
        rec = self._big()
        rec.with_user(self.staff).action_submit()
        self.assertEqual(rec.state, "submitted")
        self.assertEqual(len(rec.review_ids), 1)
        self.assertIn(self.approver, rec.review_ids.reviewer_ids)
        # shows in the approver's inbox ("To Review")
        to_review = (
            self.env["hc.contribution"]
            .with_user(self.approver)
            .search([("can_review", "=", True)])
        )
        self.assertIn(rec, to_review)
        rec.with_user(self.approver).validate_tier()
        self.assertEqual(rec.state, "approved")
        self.assertEqual(rec.validation_status, "validated")

    def test_reject(self):
        rec = self._big()
        rec.with_user(self.staff).action_submit()
        rec.with_user(self.approver).reject_tier()
        self.assertEqual(rec.state, "rejected")
        # back to draft clears the reviews, resubmission asks again
        rec.with_user(self.staff).action_draft()
        self.assertFalse(rec.review_ids)
        rec.with_user(self.staff).action_submit()
        self.assertEqual(rec.state, "submitted")

    def test_action_reject_by_reviewer(self):
        rec = self._big()
        rec.with_user(self.staff).action_submit()
        rec.with_user(self.approver).action_reject()
        self.assertEqual(rec.state, "rejected")

    def test_self_approval_refused(self):
        rec = self._big(user=self.approver)
        rec.with_user(self.approver).action_submit()
        self.assertNotIn(self.approver, rec.review_ids.reviewer_ids)
        self.assertIn(self.approver_2, rec.review_ids.reviewer_ids)
        with self.assertRaisesRegex(UserError, "not a reviewer"):
            rec.with_user(self.approver).validate_tier()
        self.assertEqual(rec.state, "submitted")
        rec.with_user(self.approver_2).validate_tier()
        self.assertEqual(rec.state, "approved")

    def test_non_reviewer_cannot_validate(self):
        rec = self._big()
        rec.with_user(self.staff).action_submit()
        with self.assertRaises(UserError):
            rec.with_user(self.finance).validate_tier()
        self.assertEqual(rec.state, "submitted")
        with self.assertRaises(UserError):
            rec.with_user(self.officer_a).action_reject()
        self.assertEqual(rec.state, "submitted")

    def test_edit_under_review_refused(self):
        rec = self._big()
        rec.with_user(self.staff).action_submit()
        with self.assertRaisesRegex(UserError, "under review"):
            rec.with_user(self.staff).write({"donor_id": self.donor_company.id})
        with self.assertRaisesRegex(UserError, "under review"):
            rec.line_ids.with_user(self.staff).write({"unit_value": 1})
        self.assertEqual(rec.amount_total, BIG)

    def test_cannot_force_state_without_review(self):
        rec = self._big()
        rec.with_user(self.staff).action_submit()
        with self.assertRaises(AccessError):
            rec.with_user(self.staff).write({"state": "approved"})
        self.assertEqual(rec.state, "submitted")

    def test_tier_definition_is_editable_data(self):
        tier = self.env.ref("health_charity.tier_definition_hc_contribution_big_gift")
        self.assertEqual(
            tier.reviewer_group_id, self.env.ref("health_charity.group_hc_approver")
        )
        tier.definition_domain = "[('amount_total', '>=', 1000)]"
        rec = self._contribution()
        rec.with_user(self.staff).action_submit()
        self.assertEqual(rec.state, "submitted")
