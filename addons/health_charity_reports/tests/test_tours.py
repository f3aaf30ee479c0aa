# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestOfficeTours(HttpCase):
    """The office's main flows in headless Chromium (tours in
    health_charity/static/tests/tours/hc_tours.js)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Company = cls.env["res.company"]
        cls.university = Company.create({"name": "Tour University"})
        cls.hospital_a = Company.create(
            {"name": "Tour Hospital A", "parent_id": cls.university.id}
        )
        cls.hospital_b = Company.create(
            {"name": "Tour Hospital B", "parent_id": cls.university.id}
        )
        units = cls.university | cls.hospital_a | cls.hospital_b

        def user(login, group, companies, company):
            return new_test_user(
                cls.env,
                login=login,
                groups=f"{group},base.group_multi_company",
                company_id=company.id,
                company_ids=[Command.set(companies.ids)],
            )

        cls.staff = user(
            "hc_tour_staff", "health_charity.group_hc_user", units, cls.university
        )
        cls.approver = user(
            "hc_tour_approver",
            "health_charity.group_hc_approver",
            units,
            cls.university,
        )
        cls.finance = user(
            "hc_tour_finance", "health_charity.group_hc_finance", units, cls.university
        )
        cls.officer_a = user(
            "hc_tour_officer",
            "health_charity.group_hc_user",
            cls.hospital_a,
            cls.hospital_a,
        )
        # the valuation committee's flow is tested in test_valuation; this tour
        # follows a gift through the approver, finance and the workbook
        units.hc_valuation_committee = False
        Account = cls.env["account.account"].with_company(cls.university)
        bank = Account.create(
            {"name": "Tour Bank", "code": "TR1010", "account_type": "asset_cash"}
        )
        assets = Account.create(
            {"name": "Tour Assets", "code": "TR1510", "account_type": "asset_current"}
        )
        income = Account.create(
            {"name": "Tour Income", "code": "TR7100", "account_type": "income_other"}
        )
        journal = cls.env["account.journal"].create(
            {
                "name": "Tour Contributions",
                "code": "TRC",
                "type": "general",
                "company_id": cls.university.id,
                "default_account_id": bank.id,
            }
        )
        cls.university.write(
            {"hc_journal_id": journal.id, "hc_income_account_id": income.id}
        )
        for xmlid in ("category_medical_equipment", "category_food_package"):
            cls.env.ref(f"health_charity.{xmlid}").with_company(
                cls.university
            ).account_id = assets
        Partner = cls.env["res.partner"]
        cls.donor = Partner.create(
            {"name": "Tour Donor", "hc_is_donor": True, "hc_donor_type": "company"}
        )
        cash = cls.env.ref("health_charity.category_cash")
        for company, name in (
            (cls.hospital_a, "Hospital A Donor"),
            (cls.hospital_b, "Hospital B Donor"),
        ):
            donor = Partner.create(
                {"name": name, "hc_is_donor": True, "hc_donor_type": "company"}
            )
            cls.env["hc.contribution"].create(
                {
                    "donor_id": donor.id,
                    "company_id": company.id,
                    "line_ids": [
                        Command.create(
                            {
                                "category_id": cash.id,
                                "name": "Cash",
                                "quantity": 1,
                                "unit_value": 1_000_000,
                                "valuation_basis": "cash",
                            }
                        )
                    ],
                }
            )
        cls.consolidation = cls.env["hc.consolidation"].create(
            {
                "name": "Tour Consolidation",
                "period_type": "dates",
                "date_from": "2020-01-01",
                "date_to": "2030-12-31",
                "company_id": cls.university.id,
                "unit_company_ids": [Command.set(units.ids)],
            }
        )

    def test_office_flow(self):
        self.start_tour(
            "/odoo/action-health_charity.hc_contribution_action/new",
            "hc_tour_record_gift",
            login=self.staff.login,
        )
        gift = self.env["hc.contribution"].search([("donor_id", "=", self.donor.id)])
        self.assertEqual(gift.state, "submitted")
        self.assertEqual(len(gift.line_ids), 2)
        self.assertEqual(gift.amount_total, 1_500_000_000)
        self.assertEqual(
            set(gift.line_ids.mapped("valuation_basis")), {"invoice", "market_quote"}
        )
        self.assertIn("1404-558", gift.note)
        self.start_tour(
            "/odoo/action-health_charity.hc_contribution_action_to_review",
            "hc_tour_approve_gift",
            login=self.approver.login,
        )
        self.assertEqual(gift.state, "approved")
        self.start_tour(
            "/odoo/action-health_charity.hc_contribution_action",
            "hc_tour_post_gift",
            login=self.finance.login,
        )
        self.assertEqual(gift.state, "posted")
        self.assertTrue(gift.move_id)
        self.consolidation.with_user(self.finance).action_compute()
        self.start_tour(
            "/odoo/action-health_charity_reports.hc_consolidation_action/"
            f"{self.consolidation.id}",
            "hc_tour_export_workbook",
            login=self.finance.login,
        )

    def test_html_in_names_is_escaped(self):
        self.env["hc.organization"].create(
            {
                "name": "<b>Evil NGO</b><script>window.hcPwned = 1</script>",
                "org_type": "ngo",
                "company_id": self.university.id,
            }
        )
        self.start_tour(
            "/odoo/action-health_charity.hc_organization_action_ngo",
            "hc_tour_escaping",
            login=self.staff.login,
        )

    def test_officer_sees_only_their_hospital(self):
        self.start_tour(
            "/odoo/action-health_charity.hc_contribution_action",
            "hc_tour_officer_isolation",
            login=self.officer_a.login,
        )
