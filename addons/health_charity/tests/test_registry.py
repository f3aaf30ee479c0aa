# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestRegistry(HealthCharityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.house = cls.env["hc.ngo.house"].create(
            {
                "name": "Makran Health NGO House",
                "city": "Iranshahr",
                "is_underserved": True,
                "company_id": cls.university.id,
            }
        )

    def _org(self, **vals):
        base = {
            "name": "Makran Health NGO",
            "org_type": "ngo",
            "registration_number": "NGO-1001",
            "company_id": self.university.id,
        }
        base.update(vals)
        return self.env["hc.organization"].with_user(self.staff).create(base)

    def test_organization_is_a_partner(self):
        org = self._org(ngo_house_id=self.house.id, city="Iranshahr")
        self.assertTrue(org.partner_id.is_company)
        self.assertEqual(org.partner_id.name, "Makran Health NGO")
        self.assertEqual(org.partner_id.city, "Iranshahr")
        self.assertIn(org, self.house.organization_ids)
        self.assertEqual(self.house.organization_count, 1)

    def test_registration_number_unique_per_type(self):
        self._org()
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._org(name="Copy NGO")
        # the same number under another type is another registry
        charity = self._org(name="Charity", org_type="charity")
        self.assertEqual(charity.registration_number, "NGO-1001")

    def test_lifecycle(self):
        org = self._org()
        self.assertEqual(org.state, "draft")
        org.action_activate()
        self.assertEqual(org.state, "active")
        org.action_suspend()
        self.assertEqual(org.state, "suspended")
        with self.assertRaises(UserError):
            org.action_suspend()
        org.action_activate()
        org.action_dissolve()
        self.assertEqual(org.state, "dissolved")
        self.assertFalse(org.active)
        org.action_draft()
        self.assertTrue(org.active)

    def test_licence_dates(self):
        with self.assertRaises(ValidationError):
            self._org(registration_date="2025-05-01", license_expiry_date="2024-05-01")

    def test_licence_reminder(self):
        today = fields.Date.context_today(self.env["hc.organization"])
        soon = self._org(license_expiry_date=today + timedelta(days=20))
        soon.action_activate()
        later = self._org(
            name="Later NGO",
            registration_number="NGO-2",
            license_expiry_date=today + timedelta(days=90),
        )
        activity_type = self.env.ref("health_charity.mail_activity_type_hc_licence")
        self.env["hc.organization"]._cron_license_expiry_reminder()
        act = soon.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(len(act), 1)
        self.assertEqual(act.user_id, self.staff)
        self.assertEqual(act.date_deadline, soon.license_expiry_date)
        self.assertFalse(later.activity_ids)
        # running again does not duplicate the reminder
        self.env["hc.organization"]._cron_license_expiry_reminder()
        self.assertEqual(len(soon.activity_ids), 1)

    def test_branch_sees_registry_but_cannot_change_other_units(self):
        org = self._org()
        self.assertEqual(
            self.env["hc.organization"].with_user(self.officer_a).browse(org.id).name,
            "Makran Health NGO",
        )
        from odoo.exceptions import AccessError

        with self.assertRaises(AccessError):
            org.with_user(self.officer_a).write({"member_count": 4})

    def test_provinces_of_iran_shipped(self):
        states = self.env["res.country.state"].search(
            [("country_id", "=", self.env.ref("base.ir").id)]
        )
        self.assertEqual(len(states), 31)
