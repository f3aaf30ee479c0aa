# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestDelegation(HealthCharityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.area = cls.env["hc.activity.area"].create(
            {"name": "Diabetes care", "code": "t_diabetes"}
        )
        cls.other_area = cls.env["hc.activity.area"].create(
            {"name": "Thalassemia", "code": "t_thal"}
        )
        cls.service = cls.env["hc.health.service"].create(
            {
                "name": "Diabetes screening",
                "code": "T_DSCR",
                "activity_area_ids": [(6, 0, cls.area.ids)],
            }
        )
        cls.ngo = cls.env["hc.organization"].create(
            {
                "name": "Saravan Diabetes NGO",
                "org_type": "ngo",
                "registration_number": "T-NGO-1",
                "license_expiry_date": date(2030, 1, 1),
                "activity_area_ids": [(6, 0, cls.area.ids)],
                "company_id": cls.university.id,
            }
        )
        cls.ngo.action_activate()

    def _delegation(self, user=None, company=None, **vals):
        company = company or self.university
        base = {
            "organization_id": self.ngo.id,
            "service_id": self.service.id,
            "company_id": company.id,
            "start_date": "2026-01-01",
            "end_date": "2026-12-31",
            "target_population": 5000,
        }
        base.update(vals)
        return (
            self.env["hc.service.delegation"]
            .with_user(user or self.staff)
            .with_company(company)
            .create(base)
        )

    def test_lifecycle_with_approval(self):
        rec = self._delegation()
        self.assertTrue(rec.name.startswith("DEL/"))
        rec.action_submit()
        self.assertEqual(rec.state, "submitted")
        with self.assertRaises(UserError):
            rec.with_user(self.staff).validate_tier()
        rec.with_user(self.approver).validate_tier()
        self.assertEqual(rec.state, "approved")
        rec.action_activate()
        self.assertEqual(rec.state, "active")
        rec.action_suspend()
        self.assertEqual(rec.state, "suspended")
        rec.action_activate()
        rec.action_close()
        self.assertEqual(rec.state, "closed")
        with self.assertRaises(UserError):
            rec.action_activate()

    def test_reject(self):
        rec = self._delegation()
        rec.action_submit()
        rec.with_user(self.approver).action_reject()
        self.assertEqual(rec.state, "rejected")
        rec.action_draft()
        self.assertEqual(rec.state, "draft")

    def test_dates_refused(self):
        with self.assertRaisesRegex(ValidationError, "end after it starts"):
            self._delegation(end_date="2025-12-31")
        with self.assertRaisesRegex(ValidationError, "end after it starts"):
            self._delegation(end_date="2026-01-01")

    def test_ngo_must_be_active_licensed_and_qualified(self):
        self.ngo.action_suspend()
        with self.assertRaisesRegex(ValidationError, "active NGO"):
            self._delegation()
        self.ngo.action_activate()
        charity = self.env["hc.organization"].create(
            {"name": "A charity", "org_type": "charity", "state": "active"}
        )
        with self.assertRaisesRegex(ValidationError, "active NGO"):
            self._delegation(organization_id=charity.id)
        self.ngo.license_expiry_date = date(2025, 12, 31)
        with self.assertRaisesRegex(ValidationError, "licence"):
            self._delegation()
        self.ngo.license_expiry_date = date(2030, 1, 1)
        self.service.activity_area_ids |= self.other_area
        with self.assertRaisesRegex(ValidationError, "does not work in the areas"):
            self._delegation()

    def test_no_overlapping_active_delegations(self):
        first = self._delegation()
        first.action_submit()
        first.with_user(self.approver).validate_tier()
        first.action_activate()
        second = self._delegation(start_date="2026-06-01", end_date="2027-06-01")
        second.action_submit()
        second.with_user(self.approver).validate_tier()
        with self.assertRaisesRegex(ValidationError, "already has an active"):
            second.action_activate()
        # after the first one closes, the second may start
        first.action_close()
        second.action_activate()
        self.assertEqual(second.state, "active")

    def _active_delegation(self, **vals):
        rec = self._delegation(**vals)
        rec.action_submit()
        rec.with_user(self.approver).validate_tier()
        rec.action_activate()
        return rec

    def test_visits_scores_and_low_score_activity(self):
        rec = self._active_delegation()
        Visit = self.env["hc.delegation.visit"].with_user(self.staff)
        Visit.create(
            {
                "delegation_id": rec.id,
                "date": "2026-02-01",
                "score": 80,
                "next_visit_date": "2026-04-01",
            }
        )
        self.assertFalse(rec.activity_ids)
        Visit.create(
            {
                "delegation_id": rec.id,
                "date": "2026-04-01",
                "score": 30,
                "findings": "Missing records",
                "corrective_action": "Train the staff",
                "next_visit_date": "2026-05-01",
            }
        )
        self.assertEqual(rec.last_score, 30)
        self.assertEqual(rec.average_score, 55.0)
        self.assertEqual(rec.next_visit_date, date(2026, 5, 1))
        activity_type = self.env.ref(
            "health_charity.mail_activity_type_hc_delegation_review"
        )
        self.assertEqual(rec.activity_ids.activity_type_id, activity_type)
        # a configurable threshold
        self.university.hc_visit_score_threshold = 90
        Visit.create({"delegation_id": rec.id, "date": "2026-05-01", "score": 85})
        self.assertEqual(len(rec.activity_ids), 2)

    def test_score_outside_range_refused(self):
        rec = self._delegation()
        for score in (-1, 101):
            with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
                self.env["hc.delegation.visit"].create(
                    {"delegation_id": rec.id, "date": "2026-02-01", "score": score}
                )
        self.assertFalse(rec.visit_ids)

    def test_overdue_visits_flagged(self):
        rec = self._delegation(start_date="2025-01-01", end_date="2027-01-01")
        rec.action_submit()
        rec.with_user(self.approver).validate_tier()
        rec.action_activate()
        self.env["hc.delegation.visit"].create(
            {
                "delegation_id": rec.id,
                "date": date.today() - timedelta(days=60),
                "score": 90,
                "next_visit_date": date.today() - timedelta(days=1),
            }
        )
        self.env["hc.service.delegation"]._cron_flag_overdue_visits()
        self.assertTrue(rec.visit_overdue)
        self.assertEqual(len(rec.activity_ids), 1)
        self.env["hc.service.delegation"]._cron_flag_overdue_visits()
        self.assertEqual(len(rec.activity_ids), 1)

    def test_hospital_isolation(self):
        rec_b = self._delegation(user=self.officer_b, company=self.hospital_b)
        found = self.env["hc.service.delegation"].with_user(self.officer_a).search([])
        self.assertNotIn(rec_b, found)
        with self.assertRaises(AccessError):
            rec_b.with_user(self.officer_a).read(["name"])
        with self.assertRaises(AccessError):
            self._delegation(user=self.officer_a, company=self.hospital_b)
