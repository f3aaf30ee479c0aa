# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A day's work in every role, in headless Chromium (tours in
health_charity/static/tests/tours/hc_day_tours.js). Each test checks in the
database what the tour did on the screen."""

from datetime import date

from odoo import Command, fields, http
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDayTours(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Company = cls.env["res.company"]
        cls.university = Company.create({"name": "Day University"})
        cls.hospital_a = Company.create(
            {"name": "Day Hospital A", "parent_id": cls.university.id}
        )
        cls.hospital_b = Company.create(
            {"name": "Day Hospital B", "parent_id": cls.university.id}
        )
        units = cls.university | cls.hospital_a | cls.hospital_b

        def user(login, name, group, companies, company):
            return new_test_user(
                cls.env,
                login=login,
                name=name,
                groups=f"{group},base.group_multi_company",
                company_id=company.id,
                company_ids=[Command.set(companies.ids)],
            )

        cls.staff = user(
            "hc_day_staff",
            "Day Staff",
            "health_charity.group_hc_user",
            units,
            cls.university,
        )
        cls.officer = user(
            "hc_day_officer",
            "Day Officer",
            "health_charity.group_hc_user",
            cls.hospital_a,
            cls.hospital_a,
        )
        cls.approver = user(
            "hc_day_approver",
            "Day Approver",
            "health_charity.group_hc_approver",
            units,
            cls.university,
        )
        cls.finance = user(
            "hc_day_finance",
            "Day Finance",
            "health_charity.group_hc_finance",
            units,
            cls.university,
        )
        cls.manager = user(
            "hc_day_manager",
            "Day Manager",
            "health_charity.group_hc_manager",
            units,
            cls.university,
        )
        cls._setup_accounting()
        cls._setup_gifts()
        cls._setup_cases()
        # Build Odoo's table of static folders here, in one thread: when the
        # first tour of a run builds it, the browser's parallel requests parse
        # the manifests in several server threads at once, which Python
        # 3.11's parser does not survive ("AST constructor recursion depth
        # mismatch", a 500 on a static file, a tour that never starts).
        assert http.root.statics

    @classmethod
    def _setup_accounting(cls):
        Account = cls.env["account.account"].with_company(cls.university)
        bank = Account.create(
            {"name": "Day Bank", "code": "DY1010", "account_type": "asset_cash"}
        )
        income = Account.create(
            {"name": "Day Income", "code": "DY7100", "account_type": "income_other"}
        )
        journal = cls.env["account.journal"].create(
            {
                "name": "Day Contributions",
                "code": "DYC",
                "type": "general",
                "company_id": cls.university.id,
                "default_account_id": bank.id,
            }
        )
        cls.university.write(
            {"hc_journal_id": journal.id, "hc_income_account_id": income.id}
        )

    @classmethod
    def _gift(cls, company, donor_name, amount, **extra):
        donor = cls.env["res.partner"].create(
            {"name": donor_name, "hc_is_donor": True, "hc_donor_type": "company"}
        )
        cash = cls.env.ref("health_charity.category_cash")
        gift = (
            cls.env["hc.contribution"]
            .with_user(cls.staff)
            .with_company(company)
            .create(
                {
                    "donor_id": donor.id,
                    "company_id": company.id,
                    **extra,
                    "line_ids": [
                        Command.create(
                            {
                                "category_id": cash.id,
                                "name": "Cash",
                                "quantity": 1,
                                "unit_value": amount,
                                "valuation_basis": "cash",
                            }
                        )
                    ],
                }
            )
        )
        gift.action_submit()
        return gift

    @classmethod
    def _setup_gifts(cls):
        # big gifts wait for an approver; a small one is approved at once
        cls.gift_a = cls._gift(cls.hospital_a, "Day Hospital A Donor", 2_000_000_000)
        cls.gift_b = cls._gift(cls.hospital_b, "Day Hospital B Donor", 3_000_000_000)
        cls.gift_u = cls._gift(cls.university, "Day University Donor", 5_000_000)

    @classmethod
    def _setup_cases(cls):
        area = cls.env["hc.activity.area"].create(
            {"name": "Day chronic care", "code": "day_chronic"}
        )
        ngo = cls.env["hc.organization"].create(
            {
                "name": "Day Kidney NGO",
                "org_type": "ngo",
                "registration_number": "DAY-NGO-1",
                "license_expiry_date": date(2035, 1, 1),
                "activity_area_ids": [Command.set(area.ids)],
                "company_id": cls.university.id,
            }
        )
        ngo.action_activate()
        Service = cls.env["hc.health.service"]
        dialysis, diabetes = (
            Service.create(
                {
                    "name": name,
                    "code": code,
                    "activity_area_ids": [Command.set(area.ids)],
                }
            )
            for name, code in (
                ("Day Home Dialysis", "DAY_DIAL"),
                ("Day Diabetes Screening", "DAY_DIAB"),
            )
        )

        def active(company, service, requester):
            delegation = (
                cls.env["hc.service.delegation"]
                .with_user(requester)
                .with_company(company)
                .create(
                    {
                        "organization_id": ngo.id,
                        "service_id": service.id,
                        "company_id": company.id,
                        "start_date": "2026-01-01",
                        "end_date": "2027-12-31",
                    }
                )
            )
            delegation.action_submit()
            delegation.with_user(cls.approver).validate_tier()
            delegation.action_activate()
            return delegation

        cls.delegation_a = active(cls.hospital_a, dialysis, cls.officer)
        cls.delegation_b = active(cls.hospital_b, diabetes, cls.staff)
        cls.project = (
            cls.env["hc.project"]
            .with_user(cls.staff)
            .create(
                {
                    "name": "Day Health Centre",
                    "company_id": cls.university.id,
                    "estimated_cost": 80_000_000_000,
                    "milestone_ids": [
                        Command.create({"name": "Land", "weight": 1, "is_done": True}),
                        Command.create(
                            {"name": "Permit", "weight": 1, "is_done": True}
                        ),
                        Command.create({"name": "Structure", "weight": 2}),
                        Command.create({"name": "Equipment", "weight": 4}),
                    ],
                }
            )
        )
        cls.project.action_submit()
        cls.project.with_user(cls.approver).validate_tier()
        cls.project.action_start()
        funding = cls._gift(
            cls.university, "Day Endower", 20_000_000_000, project_id=cls.project.id
        )
        funding.with_user(cls.approver).validate_tier()

    def test_staff_day(self):
        self.start_tour(
            "/odoo/action-health_charity.hc_contribution_action",
            "hc_day_staff",
            login=self.staff.login,
        )
        visit = self.delegation_b.visit_ids
        self.assertEqual(len(visit), 1)
        self.assertEqual(visit.score, 45)
        self.assertEqual(visit.company_id, self.hospital_b)
        self.assertEqual(visit.inspector_id, self.staff)

    def test_officer_day(self):
        self.start_tour(
            f"/odoo/action-health_charity.hc_service_delegation_action/"
            f"{self.delegation_a.id}",
            "hc_day_officer",
            login=self.officer.login,
        )
        visit = self.delegation_a.visit_ids
        self.assertEqual(
            (visit.score, visit.findings, visit.corrective_action),
            (40, "No patient log", "Keep a daily patient log"),
        )
        self.assertEqual(self.delegation_a.state, "active")
        self.assertEqual(self.delegation_a.start_date, date(2026, 1, 1))
        # the menus follow the role
        menus = self.env["ir.ui.menu"].with_user(self.officer)._visible_menu_ids()
        self.assertNotIn(
            self.env.ref("health_charity_reports.hc_consolidation_menu").id, menus
        )
        self.assertNotIn(
            self.env.ref("health_charity.hc_contribution_menu_to_review").id, menus
        )
        finance_menus = (
            self.env["ir.ui.menu"].with_user(self.finance)._visible_menu_ids()
        )
        self.assertIn(
            self.env.ref("health_charity_reports.hc_consolidation_menu").id,
            finance_menus,
        )

    def test_approver_day(self):
        # the switcher shows the university only: the inbox still holds the
        # hospitals' gifts
        self.start_tour(
            f"/odoo/hc-to-review?cids={self.university.id}",
            "hc_day_approver",
            login=self.approver.login,
        )
        self.assertEqual(self.gift_b.state, "approved")
        self.assertEqual(self.gift_a.state, "submitted")

    def test_finance_day(self):
        self.start_tour(
            "/odoo/hc-to-review", "hc_day_finance_inbox", login=self.finance.login
        )
        self.start_tour(
            f"/odoo/action-health_charity.hc_contribution_action/{self.gift_u.id}",
            "hc_day_finance",
            login=self.finance.login,
        )
        gift = self.gift_u.with_env(self.env)
        self.assertEqual(gift.state, "posted")
        self.assertEqual(gift.move_id.state, "posted")
        self.assertTrue(gift.move_id.hc_is_gift_entry)

    def test_manager_day(self):
        self.start_tour(
            f"/odoo/action-health_charity.hc_project_action/{self.project.id}",
            "hc_day_manager",
            login=self.manager.login,
        )
        structure = self.project.milestone_ids.filtered(lambda m: m.name == "Structure")
        self.assertTrue(structure.is_done)
        self.assertEqual(structure.done_date, fields.Date.context_today(structure))
        self.assertEqual(self.project.progress, 50.0)
        self.assertEqual(self.project.state, "in_progress")
