# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestAccounting(HealthCharityCase):
    def _approved(self, **kw):
        rec = self._contribution(
            lines=[
                self._line(self.cat_cash, 1, 200_000_000),
                self._line(self.cat_medical, 2, 150_000_000),
                self._line(self.cat_food, 100, 2_500_000),
            ],
            **kw,
        )
        rec.with_user(self.staff).action_submit()
        self.assertEqual(rec.state, "approved")
        return rec

    def test_post_creates_balanced_entry(self):
        rec = self._approved()
        rec.with_user(self.finance).action_post()
        self.assertEqual(rec.state, "posted")
        move = rec.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.journal_id, self.journal)
        self.assertEqual(sum(move.line_ids.mapped("debit")), rec.amount_total)
        self.assertEqual(sum(move.line_ids.mapped("credit")), rec.amount_total)
        by_account = {
            acc: sum(
                move.line_ids.filtered(lambda ml, a=acc: ml.account_id == a).mapped(
                    "balance"
                )
            )
            for acc in move.line_ids.account_id
        }
        self.assertEqual(by_account[self.account_bank], 200_000_000)
        self.assertEqual(by_account[self.account_in_kind], 300_000_000 + 250_000_000)
        self.assertEqual(by_account[self.account_income], -rec.amount_total)
        # one debit line per category
        self.assertEqual(len(move.line_ids.filtered(lambda ml: ml.debit)), 3)
        self.assertEqual(move.line_ids.partner_id, self.donor)

    def test_only_finance_posts(self):
        rec = self._approved()
        with self.assertRaises(AccessError):
            rec.with_user(self.staff).action_post()
        self.assertFalse(rec.move_id)

    def test_post_twice_refused(self):
        rec = self._approved()
        rec.with_user(self.finance).action_post()
        with self.assertRaises(UserError):
            rec.with_user(self.finance).action_post()
        self.assertEqual(
            self.env["account.move"].search_count([("ref", "ilike", rec.name)]), 1
        )

    def test_post_without_accounts_refused(self):
        self.university.hc_journal_id = False
        rec = self._approved()
        with self.assertRaisesRegex(UserError, "No contributions journal"):
            rec.with_user(self.finance).action_post()
        self.assertEqual(rec.state, "approved")
        self.assertFalse(rec.move_id)
        self.university.hc_journal_id = self.journal
        self.cat_food.with_company(self.university).account_id = False
        with self.assertRaisesRegex(UserError, "No debit account"):
            rec.with_user(self.finance).action_post()
        self.assertFalse(
            self.env["account.move"].search([("journal_id", "=", self.journal.id)])
        )

    def test_cancel_posted_reverses(self):
        rec = self._approved()
        rec.with_user(self.finance).action_post()
        move = rec.move_id
        rec.with_user(self.finance).action_cancel()
        self.assertEqual(rec.state, "cancelled")
        self.assertTrue(rec.reversal_move_id)
        self.assertEqual(rec.reversal_move_id.reversed_entry_id, move)
        self.assertEqual(move.reversal_move_ids, rec.reversal_move_id)
        self.assertEqual(rec.reversal_move_id.state, "posted")
        self.assertTrue(move.exists(), "nothing is deleted")
        # no longer counted in the donor's total
        self.assertEqual(self.donor.hc_contribution_total, 0)

    def test_branch_uses_university_accounting(self):
        rec = self._approved(company=self.hospital_a, user=self.officer_a)
        rec.with_user(self.finance).action_post()
        self.assertEqual(rec.move_id.journal_id, self.journal)
