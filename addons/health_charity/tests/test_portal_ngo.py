# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The NGO portal over HTTP and RPC: an NGO's contact person does its part
without a clerk, and never reaches another NGO's records."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from ..controllers.ngo_portal import HcNgoPortal
from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestNgoPortal(HealthCharityCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.area = cls.env["hc.activity.area"].create(
            {"name": "Diabetes care", "code": "t_portal_diabetes"}
        )
        cls.service = cls.env["hc.health.service"].create(
            {"name": "Diabetes screening (portal)", "code": "T_PDSCR"}
        )
        cls.ngo_a, cls.ngo_b = (
            cls._ngo("Iranshahr Health NGO", cls.hospital_a),
            (cls._ngo("Zahedan Health NGO", cls.hospital_b)),
        )
        cls.user_a = cls._contact_user(cls.ngo_a, "hc_t_ngo_a")
        cls.user_b = cls._contact_user(cls.ngo_b, "hc_t_ngo_b")
        cls.delegation_a, cls.visit_a = cls._delegation_with_visit(cls.ngo_a)
        cls.delegation_b, cls.visit_b = cls._delegation_with_visit(cls.ngo_b)
        cls.doc_a, cls.doc_b = (
            cls.env["ir.attachment"].create(
                {
                    "name": f"licence-{org.id}.pdf",
                    "raw": b"%PDF licence of " + org.name.encode(),
                    "res_model": "hc.organization",
                    "res_id": org.id,
                }
            )
            for org in (cls.ngo_a, cls.ngo_b)
        )
        cls.program_b = cls.env["hc.program"].create(
            {
                "name": "Zahedan volunteer camp",
                "program_type": "volunteer_camp",
                "date_start": "2026-02-01 08:00:00",
                "date_end": "2026-02-02 08:00:00",
                "company_id": cls.hospital_b.id,
                "organization_ids": [Command.set(cls.ngo_b.ids)],
            }
        )

    @classmethod
    def _ngo(cls, name, company):
        org = cls.env["hc.organization"].create(
            {
                "name": name,
                "org_type": "ngo",
                "registration_number": "T-P-%s" % company.id,
                "license_number": "L-%s" % company.id,
                "license_expiry_date": date(2035, 1, 1),
                "activity_area_ids": [Command.set(cls.area.ids)],
                "company_id": company.id,
                "user_id": cls.officer_a.id
                if company == cls.hospital_a
                else cls.officer_b.id,
                "city": "Iranshahr" if "Iranshahr" in name else "Zahedan",
                "member_count": 12,
            }
        )
        org.action_activate()
        return org

    @classmethod
    def _contact_user(cls, org, login):
        contact = cls.env["res.partner"].create(
            {"name": f"Contact of {org.name}", "parent_id": org.partner_id.id}
        )
        return new_test_user(
            cls.env,
            login=login,
            groups="base.group_portal",
            partner_id=contact.id,
            company_id=cls.university.id,
            company_ids=[Command.set(cls.all_units.ids)],
        )

    @classmethod
    def _delegation_with_visit(cls, org):
        delegation = cls.env["hc.service.delegation"].create(
            {
                "organization_id": org.id,
                "service_id": cls.service.id,
                "company_id": org.company_id.id,
                "user_id": org.user_id.id,
                "start_date": "2026-01-01",
                "end_date": "2026-12-31",
            }
        )
        delegation._hc_set_state("active")
        visit = cls.env["hc.delegation.visit"].create(
            {
                "delegation_id": delegation.id,
                "date": "2026-03-01",
                "score": 70,
                "inspector_id": org.user_id.id,
                "findings": f"Cold chain log missing at {org.name}",
            }
        )
        return delegation, visit

    def _csrf(self, url="/my/organization"):
        page = self.url_open(url).text
        return page.split('name="csrf_token" value="')[1].split('"')[0]

    # ---------------------------------------------------------------- HTTP
    def test_page_shows_own_organisation_only(self):
        self.authenticate("hc_t_ngo_a", "hc_t_ngo_a")
        page = self.url_open("/my/organization").text
        self.assertIn(self.ngo_a.name, page)
        self.assertIn("1413/10/11", page)  # licence expiry 2035-01-01, Jalali
        self.assertIn(self.delegation_a.name, page)
        self.assertIn("Cold chain log missing at Iranshahr", page)
        self.assertIn(self.doc_a.name, page)
        for other in (
            self.ngo_b.name,
            self.delegation_b.name,
            "Cold chain log missing at Zahedan",
            self.doc_b.name,
            self.program_b.name,
        ):
            self.assertNotIn(other, page)

    def test_home_counters(self):
        self.authenticate("hc_t_ngo_a", "hc_t_ngo_a")
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["hc_organization_count", "hc_gift_count"]}
        )
        self.assertEqual(counters, {"hc_organization_count": 1, "hc_gift_count": 0})

    def test_other_ngo_records_by_id_are_not_found(self):
        self.authenticate("hc_t_ngo_a", "hc_t_ngo_a")
        own = self.url_open("/my/organization/document/%s" % self.doc_a.id)
        self.assertEqual(own.status_code, 200)
        self.assertIn(b"Iranshahr", own.content)
        self.assertEqual(
            self.url_open("/my/organization/document/%s" % self.doc_b.id).status_code,
            404,
        )
        # what staff attach to an internal note of the organisation stays in
        # the office
        memo = self.env["ir.attachment"].create(
            {
                "name": "internal-memo.txt",
                "raw": b"staff only",
                "res_model": "hc.organization",
                "res_id": self.ngo_a.id,
            }
        )
        self.ngo_a.message_post(
            body="Our assessment", attachment_ids=memo.ids, subtype_xmlid="mail.mt_note"
        )
        self.assertNotIn("internal-memo.txt", self.url_open("/my/organization").text)
        self.assertEqual(
            self.url_open("/my/organization/document/%s" % memo.id).status_code, 404
        )
        csrf = self._csrf()
        response = self.url_open(
            "/my/organization/visit/%s/answer" % self.visit_b.id,
            data={"corrective_action": "Hijack", "csrf_token": csrf},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.visit_b.ngo_response)
        # a benefactor without organisation has no page to reach
        self.authenticate(None, None)
        response = self.url_open("/my/organization", allow_redirects=False)
        self.assertEqual(response.status_code, 303)

    def test_propose_change_reaches_registry_only_when_accepted(self):
        self.authenticate("hc_t_ngo_a", "hc_t_ngo_a")
        response = self.url_open(
            "/my/organization/change",
            data={
                "city": "Chabahar",
                "member_count": "40",
                "license_number": "L-RENEWED",
                "license_expiry_date": "2036-03-20",
                "activity_area_ids": str(self.area.id),
                "csrf_token": self._csrf(),
            },
            files={"documents": ("renewed-licence.pdf", b"%PDF renewed")},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("hc-portal-message", response.text)
        change = self.env["hc.organization.change"].search(
            [("organization_id", "=", self.ngo_a.id)]
        )
        self.assertEqual(len(change), 1)
        self.assertEqual(change.state, "pending")
        self.assertEqual(change.attachment_ids.name, "renewed-licence.pdf")
        self.assertEqual(self.ngo_a.city, "Iranshahr")  # nothing changed yet
        self.assertEqual(self.ngo_a.member_count, 12)
        # the responsible is asked to review it
        self.assertEqual(change.activity_ids.user_id, self.officer_a)
        # another unit's officer cannot decide; the NGO cannot either
        with self.assertRaises(AccessError):
            change.with_user(self.officer_b).action_accept()
        with self.assertRaises(AccessError):
            change.with_user(self.user_a).action_accept()
        change.with_user(self.officer_a).action_accept()
        self.assertEqual(change.state, "accepted")
        self.assertEqual(
            (
                self.ngo_a.city,
                self.ngo_a.member_count,
                self.ngo_a.license_number,
                self.ngo_a.license_expiry_date,
            ),
            ("Chabahar", 40, "L-RENEWED", date(2036, 3, 20)),
        )
        self.assertEqual(change.attachment_ids.res_model, "hc.organization")
        self.assertEqual(change.attachment_ids.res_id, self.ngo_a.id)
        refused = self.env["hc.organization.change"].create(
            {"organization_id": self.ngo_a.id, "city": "Nowhere"}
        )
        refused.with_user(self.officer_a).action_refuse()
        self.assertEqual(self.ngo_a.city, "Chabahar")

    def test_answer_visit_tells_inspector(self):
        self.authenticate("hc_t_ngo_a", "hc_t_ngo_a")
        self.url_open(
            "/my/organization/visit/%s/answer" % self.visit_a.id,
            data={
                "corrective_action": "Cold chain log kept daily since March",
                "csrf_token": self._csrf(),
            },
            files={"documents": ("log.jpg", b"\xff\xd8 photo")},
        )
        self.assertEqual(
            self.visit_a.ngo_response, "Cold chain log kept daily since March"
        )
        self.assertTrue(self.visit_a.ngo_response_date)
        evidence = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "hc.delegation.visit"),
                ("res_id", "=", self.visit_a.id),
            ]
        )
        self.assertEqual(evidence.name, "log.jpg")
        activity = self.delegation_a.activity_ids.filtered(
            lambda a: "corrective action" in a.summary
        )
        self.assertEqual(activity.user_id, self.officer_a)  # the inspector
        # the inspector's own text is untouched
        self.assertFalse(self.visit_a.corrective_action)

    def test_apply_for_delegation(self):
        self.authenticate("hc_t_ngo_a", "hc_t_ngo_a")
        response = self.url_open(
            "/my/organization/delegation",
            data={
                "service_id": str(self.service.id),
                "start_date": "2027-01-01",
                "end_date": "2027-12-31",
                "target_population": "3000",
                "csrf_token": self._csrf(),
            },
        )
        self.assertIn("hc-portal-message", response.text)
        applied = self.env["hc.service.delegation"].search(
            [("organization_id", "=", self.ngo_a.id), ("state", "=", "draft")]
        )
        self.assertEqual(len(applied), 1)
        self.assertEqual(applied.company_id, self.hospital_a)  # its unit
        self.assertEqual(applied.user_id, self.officer_a)
        self.assertEqual(applied.target_population, 3000)
        # refused by the usual rules, with the reason shown
        response = self.url_open(
            "/my/organization/delegation",
            data={
                "service_id": str(self.service.id),
                "start_date": "2040-01-01",  # the licence has expired by then
                "end_date": "2040-12-31",
                "csrf_token": self._csrf(),
            },
        )
        self.assertIn("hc-portal-error", response.text)
        self.assertEqual(
            self.env["hc.service.delegation"].search_count(
                [("organization_id", "=", self.ngo_a.id)]
            ),
            2,
        )

    def test_public_registration(self):
        # registrations land in the public user's unit: here the university
        public = self.env.ref("base.public_user")
        public.company_ids = [Command.link(self.university.id)]
        public.company_id = self.university
        HcNgoPortal._hc_register_limiter.reset()
        self.addCleanup(HcNgoPortal._hc_register_limiter.reset)
        csrf = self._csrf("/health-charity/ngo/register")
        Org = self.env["hc.organization"].with_context(active_test=False)
        before = Org.search_count([])
        users_before = self.env["res.users"].search_count([])
        response = self.url_open(
            "/health-charity/ngo/register",
            data={
                "name": "Saravan Thalassemia NGO",
                "registration_number": "T-REG-77",
                "city": "Saravan",
                "contact_name": "Maryam Baluch",
                "contact_email": "maryam@example.com",
                "csrf_token": csrf,
            },
        )
        self.assertIn("hc-register-done", response.text)
        org = Org.search([("registration_number", "=", "T-REG-77")])
        self.assertEqual(org.state, "draft")
        self.assertEqual(org.child_ids.email, "maryam@example.com")
        request = self.env["hc.organization.change"].search(
            [("organization_id", "=", org.id)]
        )
        self.assertEqual(
            (request.request_type, request.state), ("registration", "pending")
        )
        self.assertEqual(self.env["res.users"].search_count([]), users_before)
        # the honeypot: same answer, nothing recorded
        response = self.url_open(
            "/health-charity/ngo/register",
            data={
                "name": "Spam NGO",
                "contact_name": "Bot",
                "contact_email": "bot@example.com",
                "hc_homepage": "http://spam.example.com",
                "csrf_token": csrf,
            },
        )
        self.assertIn("hc-register-done", response.text)
        self.assertEqual(Org.search_count([]), before + 1)
        # a duplicate registration number is refused with the reason
        response = self.url_open(
            "/health-charity/ngo/register",
            data={
                "name": "Copy",
                "registration_number": "T-REG-77",
                "contact_name": "X",
                "contact_email": "x@example.com",
                "csrf_token": csrf,
            },
        )
        self.assertIn("hc-register-error", response.text)
        # the rate limit
        for _i in range(10):
            response = self.url_open(
                "/health-charity/ngo/register",
                data={"name": "", "csrf_token": csrf},
            )
        self.assertEqual(response.status_code, 429)
        self.assertEqual(Org.search_count([]), before + 1)
        # staff accept: the contact person is invited (a portal account)
        request.with_user(self.manager).action_accept()
        user = self.env["res.users"].search([("partner_id", "=", org.child_ids.id)])
        self.assertTrue(user._is_portal())

    # ----------------------------------------------------------------- RPC
    def test_rpc_other_ngo_records_refused(self):
        for model, own, other in (
            ("hc.organization", self.ngo_a, self.ngo_b),
            ("hc.service.delegation", self.delegation_a, self.delegation_b),
            ("hc.delegation.visit", self.visit_a, self.visit_b),
        ):
            Model = self.env[model].with_user(self.user_a)
            self.assertEqual(Model.search([]), own.with_user(self.user_a), model)
            own.with_user(self.user_a).read(["display_name"])
            with self.assertRaises(AccessError, msg=model):
                other.with_user(self.user_a).read(["display_name"])
            with self.assertRaises(AccessError, msg=model):
                own.with_user(self.user_a).write({"display_name": "x"})
        self.assertFalse(self.env["hc.program"].with_user(self.user_a).search([]))
        with self.assertRaises(AccessError):
            self.program_b.with_user(self.user_a).read(["name"])
        with self.assertRaises(AccessError):
            self.env["hc.organization.change"].with_user(self.user_a).create(
                {"organization_id": self.ngo_a.id, "city": "x"}
            )
        with self.assertRaises(AccessError):
            self.doc_b.with_user(self.user_a).read(["raw"])
        with self.assertRaises(AccessError):
            self.delegation_a.with_user(self.user_a).action_suspend()
        self.assertEqual(self.delegation_a.state, "active")
        with self.assertRaises(AccessError):
            self.donor.with_user(self.user_a).read(["hc_national_id"])
        # reviews (tier validation) are the office's, although OCA's
        # base_tier_validation lets portal users read reviews
        submitted = self.env["hc.service.delegation"].create(
            {
                "organization_id": self.ngo_a.id,
                "service_id": self.service.id,
                "company_id": self.hospital_a.id,
                "start_date": "2027-01-01",
                "end_date": "2027-06-30",
            }
        )
        submitted.with_user(self.officer_a).action_submit()
        self.assertTrue(submitted.review_ids)
        Review = self.env["tier.review"].with_user(self.user_a)
        self.assertFalse(Review.search([("res_id", "=", submitted.id)]))
        with self.assertRaises(AccessError):
            submitted.review_ids.with_user(self.user_a).read(["comment"])
