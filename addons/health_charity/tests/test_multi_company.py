# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestMultiCompany(HealthCharityCase):
    def test_officer_cannot_read_other_hospital(self):
        gift_b = self._contribution(user=self.officer_b, company=self.hospital_b)
        Contribution = self.env["hc.contribution"].with_user(self.officer_a)
        self.assertNotIn(gift_b, Contribution.search([]))
        with self.assertRaises(AccessError):
            Contribution.browse(gift_b.id).read(["amount_total"])
        with self.assertRaises(AccessError):
            gift_b.with_user(self.officer_a).write({"note": "x"})
        lines = self.env["hc.contribution.line"].with_user(self.officer_a).search([])
        self.assertFalse(lines & gift_b.line_ids)

    def test_officer_cannot_create_in_other_hospital(self):
        with self.assertRaises(AccessError):
            self._contribution(user=self.officer_a, company=self.hospital_b)
        with self.assertRaises(AccessError):
            self.env["hc.contribution"].with_user(self.officer_a).create(
                {
                    "donor_id": self.donor.id,
                    "company_id": self.hospital_b.id,
                }
            )

    def test_staff_sees_all_units(self):
        gift_a = self._contribution(user=self.officer_a, company=self.hospital_a)
        gift_b = self._contribution(user=self.officer_b, company=self.hospital_b)
        seen = (
            self.env["hc.contribution"]
            .with_user(self.staff)
            .with_context(allowed_company_ids=self.all_units.ids)
            .search([])
        )
        self.assertIn(gift_a, seen)
        self.assertIn(gift_b, seen)

    def test_donors_are_one_registry(self):
        self.assertEqual(
            self.env["res.partner"]
            .with_user(self.officer_b)
            .browse(self.donor.id)
            .name,
            "Ali Rezaei",
        )
        gift = self._contribution(user=self.officer_b, company=self.hospital_b)
        self.assertEqual(gift.donor_id, self.donor)

    def test_need_and_project_isolated(self):
        need = (
            self.env["hc.need"]
            .with_user(self.officer_b)
            .with_company(self.hospital_b)
            .create({"name": "Ventilator", "company_id": self.hospital_b.id})
        )
        self.assertFalse(
            self.env["hc.need"].with_user(self.officer_a).search([("id", "=", need.id)])
        )
