# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

# Valid Iranian national IDs (check digit verified) for test donors
VALID_NATIONAL_IDS = ["0499370899", "0790419904", "0084575948", "0013542419"]


class HealthCharityCase(TransactionCase):
    """Shared setup: a university with two hospital branches, one user per
    role, donors, accounts and a contributions journal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.irr = cls.env.ref("base.IRR")
        cls.irr.active = True
        cls.university = cls.env["res.company"].create(
            {
                "name": "Hamedan University of Medical Sciences (test)",
                "currency_id": cls.irr.id,
            }
        )
        cls.hospital_a = cls.env["res.company"].create(
            {
                "name": "Besat Hospital (test)",
                "parent_id": cls.university.id,
                "currency_id": cls.irr.id,
            }
        )
        cls.hospital_b = cls.env["res.company"].create(
            {
                "name": "Sina Hospital (test)",
                "parent_id": cls.university.id,
                "currency_id": cls.irr.id,
            }
        )
        all_units = cls.all_units = cls.university | cls.hospital_a | cls.hospital_b
        # the valuation committee is tested on its own (test_valuation); the
        # other tests follow the plain approval rules
        all_units.hc_valuation_committee = False

        def user(login, groups, companies, company):
            return new_test_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=company.id,
                company_ids=[Command.set(companies.ids)],
            )

        cls.staff = user(
            "hc_t_staff", "health_charity.group_hc_user", all_units, cls.university
        )
        cls.officer_a = user(
            "hc_t_officer_a",
            "health_charity.group_hc_user",
            cls.hospital_a,
            cls.hospital_a,
        )
        cls.officer_b = user(
            "hc_t_officer_b",
            "health_charity.group_hc_user",
            cls.hospital_b,
            cls.hospital_b,
        )
        cls.approver = user(
            "hc_t_approver",
            "health_charity.group_hc_approver",
            all_units,
            cls.university,
        )
        cls.approver_2 = user(
            "hc_t_approver2",
            "health_charity.group_hc_approver",
            all_units,
            cls.university,
        )
        cls.finance = user(
            "hc_t_finance", "health_charity.group_hc_finance", all_units, cls.university
        )
        cls.manager = user(
            "hc_t_manager", "health_charity.group_hc_manager", all_units, cls.university
        )
        cls._setup_accounting()

        cls.cat_cash = cls.env.ref("health_charity.category_cash")
        cls.cat_medical = cls.env.ref("health_charity.category_medical_equipment")
        cls.cat_food = cls.env.ref("health_charity.category_food_package")
        cls.cat_construction = cls.env.ref("health_charity.category_construction")
        for category in cls.cat_medical | cls.cat_food | cls.cat_construction:
            category.with_company(cls.university).account_id = cls.account_in_kind
        Partner = cls.env["res.partner"]
        cls.donor = Partner.create(
            {
                "name": "Ali Rezaei",
                "hc_is_donor": True,
                "hc_donor_type": "individual",
                "hc_national_id": VALID_NATIONAL_IDS[0],
            }
        )
        cls.donor_company = Partner.create(
            {
                "name": "Alvand Pharma Co.",
                "is_company": True,
                "hc_is_donor": True,
                "hc_donor_type": "company",
            }
        )

    @classmethod
    def _setup_accounting(cls):
        Account = cls.env["account.account"].with_company(cls.university)
        cls.account_bank = Account.create(
            {"name": "HC Bank", "code": "HC1010", "account_type": "asset_cash"}
        )
        cls.account_in_kind = Account.create(
            {
                "name": "Donated Assets",
                "code": "HC1510",
                "account_type": "asset_current",
            }
        )
        cls.account_income = Account.create(
            {
                "name": "Donation Income",
                "code": "HC7100",
                "account_type": "income_other",
            }
        )
        cls.journal = (
            cls.env["account.journal"]
            .with_company(cls.university)
            .create(
                {
                    "name": "Contributions",
                    "code": "HCON",
                    "type": "general",
                    "company_id": cls.university.id,
                    "default_account_id": cls.account_bank.id,
                }
            )
        )
        cls.university.write(
            {
                "hc_journal_id": cls.journal.id,
                "hc_income_account_id": cls.account_income.id,
            }
        )

    @classmethod
    def _line(cls, category, quantity, unit_value, **extra):
        vals = {
            "category_id": category.id,
            "name": extra.pop("name", category.name),
            "quantity": quantity,
            "unit_value": unit_value,
            "valuation_basis": "cash" if category.kind == "cash" else "invoice",
        }
        vals.update(extra)
        return Command.create(vals)

    @classmethod
    def _contribution(cls, user=None, company=None, lines=None, donor=None, **extra):
        env_user = user or cls.staff
        company = company or cls.university
        Contribution = (
            cls.env["hc.contribution"].with_user(env_user).with_company(company)
        )
        vals = {
            "donor_id": (donor or cls.donor).id,
            "company_id": company.id,
            "line_ids": lines
            if lines is not None
            else [cls._line(cls.cat_cash, 1, 5_000_000)],
        }
        vals.update(extra)
        return Contribution.create(vals)
