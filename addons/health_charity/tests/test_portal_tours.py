# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Portal flows in headless Chromium (static/tests/tours/hc_portal_tours.js):
a benefactor working in Persian, an NGO's contact person in English."""

from datetime import date

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestPortalTours(HealthCharityCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.env["ir.module.module"]._load_module_terms(
            ["health_charity"], ["fa_IR"], overwrite=True
        )

    def _portal_user(self, login, partner, lang="en_US"):
        return new_test_user(
            self.env,
            login=login,
            groups="base.group_portal",
            partner_id=partner.id,
            lang=lang,
            company_id=self.university.id,
            company_ids=[Command.set(self.all_units.ids)],
        )

    def test_benefactor_flow_in_persian(self):
        gift = self._contribution(
            date="2025-03-21", lines=[self._line(self.cat_cash, 1, 12_000_000)]
        )
        gift.with_user(self.staff).action_submit()
        gift.with_user(self.finance).action_post()
        need = self.env["hc.need"].create(
            {
                "name": "Tour incubator",
                "company_id": self.hospital_a.id,
                "estimated_value": 400_000_000,
                "is_public": True,
            }
        )
        self._portal_user("hc_tour_benefactor", self.donor, lang="fa_IR")
        self.start_tour("/my/gifts", "hc_tour_benefactor", login="hc_tour_benefactor")
        pledge = self.env["hc.pledge"].search([("need_id", "=", need.id)])
        self.assertEqual(
            (pledge.donor_id, pledge.amount, pledge.state),
            (self.donor, 75_000_000, "pledged"),
        )
        self.assertEqual(pledge.note, "برای بخش نوزادان")
        self.assertEqual(need.pledged_amount, 75_000_000)

    def test_ngo_flow(self):
        service = self.env["hc.health.service"].create(
            {"name": "Tour vaccination service", "code": "T_TOURVAC"}
        )
        ngo = self.env["hc.organization"].create(
            {
                "name": "Tour Makran NGO",
                "org_type": "ngo",
                "company_id": self.hospital_a.id,
                "user_id": self.officer_a.id,
                "license_expiry_date": date(2035, 1, 1),
                "city": "Iranshahr",
            }
        )
        ngo.action_activate()
        delegation = self.env["hc.service.delegation"].create(
            {
                "organization_id": ngo.id,
                "service_id": service.id,
                "company_id": self.hospital_a.id,
                "user_id": self.officer_a.id,
                "start_date": "2026-01-01",
                "end_date": "2026-12-31",
            }
        )
        delegation._hc_set_state("active")
        visit = self.env["hc.delegation.visit"].create(
            {
                "delegation_id": delegation.id,
                "score": 45,
                "inspector_id": self.officer_a.id,
                "findings": "Fridge temperature not logged",
            }
        )
        contact = self.env["res.partner"].create(
            {"name": "Tour NGO contact", "parent_id": ngo.partner_id.id}
        )
        self._portal_user("hc_tour_ngo", contact)
        self.start_tour("/my/organization", "hc_tour_ngo", login="hc_tour_ngo")
        change = self.env["hc.organization.change"].search(
            [("organization_id", "=", ngo.id)]
        )
        self.assertEqual((change.city, change.volunteer_count), ("Chabahar", 55))
        self.assertEqual(ngo.city, "Iranshahr")  # until the office accepts
        self.assertIn("thermometer replaced", visit.ngo_response)
        applied = self.env["hc.service.delegation"].search(
            [("organization_id", "=", ngo.id), ("state", "=", "draft")]
        )
        self.assertEqual(
            (applied.service_id, applied.company_id, applied.target_population),
            (service, self.hospital_a, 4000),
        )
