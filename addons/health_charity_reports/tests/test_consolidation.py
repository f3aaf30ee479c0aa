# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import HealthCharityReportsCase


@tagged("post_install", "-at_install")
class TestConsolidation(HealthCharityReportsCase):
    def test_jalali_quarter_period(self):
        cons = self._consolidation()
        self.assertEqual(cons.date_from, date(2025, 3, 21))
        self.assertEqual(cons.date_to, date(2025, 6, 21))
        self.assertIn("1404 Q1", cons.name)
        whole = self._consolidation(jalali_quarter="0")
        self.assertEqual(whole.date_to, date(2026, 3, 20))

    def test_jalali_period_keys_from_the_start_date(self):
        q4 = self._consolidation(jalali_year=1403, jalali_quarter="4")
        self.assertEqual(q4.date_from, date(2024, 12, 21))
        self.assertEqual(
            (q4.date_jalali_year, q4.date_jalali_quarter, q4.date_jalali_month),
            ("1403", "1403-Q4", "1403/10"),
        )
        Consolidation = self.env["hc.consolidation"]
        groups = Consolidation.web_read_group(
            [("id", "=", q4.id)], ["id:count"], ["date_jalali_quarter"]
        )["groups"]
        self.assertEqual(groups[0]["date_jalali_quarter"], "Q4 1403")

    def test_compute_one_line_per_unit_and_category(self):
        cons = self._consolidation()
        cons.action_compute()
        cells = {(line.unit_id, line.category_id): line for line in cons.line_ids}
        # 2025-03-20 (Esfand 30, 1403) and 2025-06-22 (Q2) are outside Q1
        self.assertEqual(len(cells), 4)
        self.assertEqual(cells[self.hospital_a, self.cat_medical].value, 600_000_000)
        self.assertEqual(cells[self.hospital_a, self.cat_cash].value, 5_000_000)
        self.assertEqual(cells[self.hospital_a, self.cat_food].value, 200_000_000)
        self.assertEqual(cells[self.hospital_a, self.cat_food].count, 1)
        self.assertEqual(
            cells[self.hospital_b, self.cat_construction].value, 800_000_000
        )
        self.assertEqual(cons.amount_total, 1_605_000_000)
        self.assertEqual(cons.amount_cash, 5_000_000)
        self.assertEqual(cons.amount_construction, 800_000_000)
        self.assertEqual(cons.amount_in_kind, 800_000_000)
        self.assertEqual(cons.contribution_count, 3)
        self.assertEqual(cons.contribution_line_count, 4)

    def test_only_approved_and_posted_counted(self):
        draft = self._contribution(
            user=self.officer_a, company=self.hospital_a, date="2025-04-01"
        )
        cons = self._consolidation()
        cons.action_compute()
        self.assertNotIn(draft, cons.contribution_ids)
        self.assertEqual(cons.amount_total, 1_605_000_000)

    def test_lock_and_release(self):
        cons = self._consolidation()
        cons.action_compute()
        cons.action_submit()
        self.assertEqual(cons.state, "submitted")
        attached = cons.contribution_ids
        self.assertEqual(len(attached), 3)
        gift = attached[0]
        with self.assertRaisesRegex(UserError, "locked"):
            gift.with_user(self.staff).write({"date": "2025-04-02"})
        with self.assertRaises(UserError):
            gift.with_user(self.finance).action_cancel()
        with self.assertRaisesRegex(UserError, "not in draft"):
            cons.action_compute()
        with self.assertRaises(UserError):
            cons.write({"date_to": "2025-12-01"})
        # another consolidation of the same period finds nothing left
        other = self._consolidation()
        other.action_compute()
        self.assertFalse(other.line_ids)
        self.assertEqual(other.amount_total, 0)
        # approval by another finance user (the requester cannot approve)
        with self.assertRaises(UserError):
            cons.with_user(self.finance).validate_tier()
        cons.with_user(self.manager).validate_tier()
        self.assertEqual(cons.state, "approved")
        cons.action_mark_reported()
        self.assertEqual(cons.state, "reported")
        self.assertTrue(cons.reported_date)
        # back to draft only through an approved reopening, which releases them
        request = cons.action_draft()
        self.assertEqual(cons.state, "reported")
        request.with_user(self.manager).validate_tier()
        self.assertEqual(cons.state, "draft")
        self.assertFalse(gift.consolidation_id)
        gift.with_user(self.finance).action_cancel()
        self.assertEqual(gift.state, "cancelled")

    def test_snapshot_never_changes_silently(self):
        cons = self._consolidation()
        cons.action_compute()
        late = self._contribution(
            user=self.officer_a,
            company=self.hospital_a,
            date="2025-04-15",
            lines=[self._line(self.cat_cash, 1, 1_000_000)],
        )
        late.with_user(self.officer_a).action_submit()
        with self.assertRaisesRegex(UserError, "changed since it was computed"):
            cons.action_submit()
        self.assertEqual(cons.state, "draft")
        self.assertFalse(late.consolidation_id)
        cons.action_compute()
        cons.action_submit()
        self.assertEqual(late.consolidation_id, cons)

    def test_only_finance(self):
        with self.assertRaises(AccessError):
            self._consolidation(user=self.staff)
        cons = self._consolidation()
        with self.assertRaises(AccessError):
            cons.with_user(self.staff).action_compute()

    def test_rejection_releases(self):
        cons = self._consolidation()
        cons.action_compute()
        cons.action_submit()
        cons.with_user(self.manager).reject_tier()
        self.assertEqual(cons.state, "draft")
        self.assertFalse(cons.contribution_ids)

    def test_hospital_officer_cannot_read(self):
        cons = self._consolidation()
        with self.assertRaises(AccessError):
            cons.with_user(self.officer_a).read(["amount_total"])


@tagged("post_install", "-at_install")
class TestConsolidationQueries(HealthCharityReportsCase):
    def test_compute_queries_do_not_grow_with_contributions(self):
        def count():
            cons = self._consolidation()
            self.env.flush_all()
            before = self.cr.sql_log_count
            cons.action_compute()
            self.env.flush_all()
            return self.cr.sql_log_count - before

        small = count()
        for i in range(40):
            gift = self._contribution(
                user=self.officer_a,
                company=self.hospital_a,
                date="2025-04-%02d" % (1 + i % 28),
                lines=[
                    self._line(self.cat_cash, 1, 1_000),
                    self._line(self.cat_food, 2, 10),
                ],
            )
            gift.with_user(self.officer_a).action_submit()
        big = count()
        self.assertLessEqual(big, small + 2, (small, big))
