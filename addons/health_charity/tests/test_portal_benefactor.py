# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The benefactor's portal over HTTP, and what a benefactor's portal
account reaches over RPC (the ORM as that user)."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestBenefactorPortal(HealthCharityCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def portal_user(login, partner):
            return new_test_user(
                cls.env,
                login=login,
                groups="base.group_portal",
                partner_id=partner.id,
                company_id=cls.university.id,
                company_ids=[Command.set(cls.all_units.ids)],
            )

        cls.benefactor = portal_user("hc_t_benefactor", cls.donor)
        cls.other = portal_user("hc_t_benefactor2", cls.donor_company)

        def posted(donor, company, value):
            user = cls.officer_a if company == cls.hospital_a else cls.staff
            gift = cls._contribution(
                user=user,
                company=company,
                donor=donor,
                lines=[cls._line(cls.cat_cash, 1, value)],
                note="<p>Internal: donor prefers no publicity</p>",
            )
            gift.with_user(user).action_submit()
            gift.with_user(cls.finance).with_company(company).action_post()
            return gift

        cls.gift = posted(cls.donor, cls.university, 40_000_000)
        cls.gift_a = posted(cls.donor, cls.hospital_a, 2_000_000)
        cls.draft = cls._contribution(donor=cls.donor)
        cls.other_gift = posted(cls.donor_company, cls.university, 9_000_000)
        level = cls.env.ref("health_charity.recognition_level_bronze")
        cls.recognition, cls.other_recognition = cls.env["hc.recognition"].create(
            [
                {
                    "donor_id": donor.id,
                    "level_id": level.id,
                    "company_id": cls.university.id,
                }
                for donor in (cls.donor, cls.donor_company)
            ]
        )
        Need = cls.env["hc.need"]
        cls.need = Need.create(
            {
                "name": "Dialysis machine",
                "company_id": cls.hospital_a.id,
                "category_id": cls.cat_medical.id,
                "estimated_value": 900_000_000,
                "is_public": True,
            }
        )
        cls.hidden_need = Need.create(
            {"name": "Internal renovation", "estimated_value": 1_000_000}
        )
        cls.closed_need = Need.create(
            {"name": "Old ambulance", "estimated_value": 1, "is_public": True}
        )
        cls.closed_need.action_close()

    # ---------------------------------------------------------------- HTTP
    def test_my_gifts_lists_own_gifts_only(self):
        self.authenticate("hc_t_benefactor", "hc_t_benefactor")
        page = self.url_open("/my/gifts").text
        self.assertIn(self.gift.name, page)
        self.assertIn(self.gift_a.name, page)  # every unit
        self.assertNotIn(self.draft.name, page)
        self.assertNotIn(self.other_gift.name, page)
        self.assertNotIn("Internal: donor", page)
        self.assertIn("42,000,000", page)  # the total, across units
        self.assertIn(self.donor.hc_recognition_level_id.name or "-", page)
        self.assertIn("/my/gifts/%s/receipt" % self.gift.id, page)
        self.assertIn("/my/gifts/certificate/%s" % self.recognition.id, page)
        home = self.url_open("/my").text
        self.assertIn("/my/gifts", home)

    def test_receipts_and_certificates_of_others_are_not_found(self):
        self.authenticate("hc_t_benefactor", "hc_t_benefactor")
        ok = self.url_open("/my/gifts/%s/receipt" % self.gift.id)
        self.assertEqual(ok.status_code, 200)
        self.assertEqual(ok.headers["Content-Type"], "application/pdf")
        self.assertIn(self.gift.verification_code, ok.text)
        for url in (
            "/my/gifts/%s/receipt" % self.other_gift.id,
            "/my/gifts/%s/receipt" % self.draft.id,  # own, but no receipt
            "/my/gifts/%s/receipt" % (self.other_gift.id + 1000),
            "/my/gifts/certificate/%s" % self.other_recognition.id,
        ):
            self.assertEqual(self.url_open(url).status_code, 404, url)
        statement = self.url_open("/my/gifts/statement/1404")
        self.assertEqual(statement.status_code, 200)
        self.assertNotIn(self.other_gift.name, statement.text)

    def test_anonymous_visitors_are_sent_to_login(self):
        response = self.url_open(
            "/my/gifts/%s/receipt" % self.gift.id, allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def test_needs_page_and_pledge(self):
        page = self.url_open("/health-charity/needs").text  # public
        self.assertIn("Dialysis machine", page)
        self.assertNotIn("Internal renovation", page)
        self.assertNotIn("Old ambulance", page)
        self.assertIn("Log in to pledge", page)
        self.authenticate("hc_t_benefactor", "hc_t_benefactor")
        page = self.url_open("/health-charity/needs").text
        self.assertIn("hc-pledge-form", page)
        response = self.url_open(
            "/health-charity/needs/%s/pledge" % self.need.id,
            data={
                "amount": "150000000",
                "expected_date": "2099-01-01",
                "note": "For the dialysis ward",
                "csrf_token": self._csrf(),
            },
        )
        self.assertEqual(response.status_code, 200)
        pledge = self.env["hc.pledge"].search([("need_id", "=", self.need.id)])
        self.assertEqual(len(pledge), 1)
        self.assertEqual(pledge.donor_id, self.donor)
        self.assertEqual(pledge.company_id, self.hospital_a)
        self.assertEqual(pledge.amount, 150_000_000)
        self.assertEqual(pledge.state, "pledged")
        self.assertEqual(self.need.pledged_amount, 150_000_000)
        # the office sees it on the need's chatter
        self.assertIn(self.donor.name, self.need.message_ids[:1].body)
        # a need that is not published, or a bad amount: nothing recorded
        for need, amount in ((self.hidden_need, "5"), (self.need, "-5")):
            self.url_open(
                "/health-charity/needs/%s/pledge" % need.id,
                data={"amount": amount, "csrf_token": self._csrf()},
            )
        self.assertEqual(self.env["hc.pledge"].search_count([]), 1)

    def _csrf(self):
        page = self.url_open("/health-charity/needs").text
        return page.split('name="csrf_token" value="')[1].split('"')[0]

    # ----------------------------------------------------------------- RPC
    def test_rpc_sees_own_records_only(self):
        Gift = self.env["hc.contribution"].with_user(self.benefactor)
        self.assertEqual(
            set(Gift.search([]).ids), {self.gift.id, self.gift_a.id, self.draft.id}
        )
        with self.assertRaises(AccessError):
            Gift.browse(self.other_gift.id).read(["amount_total"])
        with self.assertRaises(AccessError):
            Gift.browse(self.gift.id).read(["note"])  # internal notes
        with self.assertRaises(AccessError):
            Gift.browse(self.draft.id).write({"is_underserved": True})
        with self.assertRaises(AccessError):
            self.env["hc.pledge"].with_user(self.benefactor).create(
                {"need_id": self.need.id, "donor_id": self.donor.id, "amount": 1}
            )
        with self.assertRaises(AccessError):
            self.donor.with_user(self.other).read(["hc_national_id"])
        Need = self.env["hc.need"].with_user(self.benefactor)
        self.assertNotIn(self.hidden_need, Need.search([]))
        with self.assertRaises(AccessError):
            Need.browse(self.hidden_need.id).read(["name"])
        Recognition = self.env["hc.recognition"].with_user(self.other)
        self.assertEqual(Recognition.search([]), self.other_recognition)

    # ---------------------------------------------------------------- staff
    def test_staff_turn_pledge_into_draft_gift(self):
        pledge = self.env["hc.pledge"].create(
            {
                "need_id": self.need.id,
                "donor_id": self.donor.id,
                "company_id": self.hospital_a.id,
                "amount": 300_000_000,
            }
        )
        action = pledge.with_user(self.officer_a).action_create_contribution()
        gift = self.env["hc.contribution"].browse(action["res_id"])
        self.assertEqual(gift.state, "draft")
        self.assertEqual(
            (gift.donor_id, gift.need_id, gift.company_id, gift.amount_total),
            (self.donor, self.need, self.hospital_a, 300_000_000),
        )
        self.assertEqual((pledge.state, pledge.contribution_id), ("received", gift))
        with self.assertRaises(UserError):
            pledge.with_user(self.officer_a).action_create_contribution()
        # the usual approvals: once approved, the need has received it
        gift.line_ids.valuation_basis = "invoice"
        gift.with_user(self.officer_a).action_submit()
        self.assertEqual(self.need.funded_amount, 300_000_000)
        self.assertEqual(self.need.pledged_amount, 300_000_000)
        # another unit's officer cannot touch the pledge
        other = self.env["hc.pledge"].create(
            {
                "need_id": self.need.id,
                "donor_id": self.donor.id,
                "company_id": self.hospital_a.id,
                "amount": 1_000,
            }
        )
        with self.assertRaises(AccessError):
            other.with_user(self.officer_b).action_create_contribution()
        with self.assertRaises(AccessError):
            other.with_user(self.benefactor).action_cancel()
        other.with_user(self.officer_a).action_cancel()
        self.assertEqual(self.need.pledged_amount, 300_000_000)
