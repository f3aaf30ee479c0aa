# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The OCA review panel (base_tier_validation ships no Persian) in Persian:
i18n_extra/fa.po of this addon translates the wheel's records and web
terms; its Python messages are replaced by ours (test_reader_language)."""

import re

import polib

from odoo import Command
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def _load_persian(env):
    env["res.lang"]._activate_lang("fa_IR")
    env["ir.module.module"]._load_module_terms(
        ["health_charity", "health_charity_web_jalali"], ["fa_IR"], overwrite=True
    )


@tagged("post_install", "-at_install")
class TestTierTranslation(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        _load_persian(cls.env)
        cls.po = polib.pofile(file_path("health_charity/i18n_extra/fa.po"))

    def test_every_term_of_the_wheel_translated(self):
        """Every term base_tier_validation declares today (but its Python
        messages) is translated: an upgraded wheel with new terms fails
        here."""
        translated = {e.msgid: e.msgstr for e in self.po if e.msgstr}
        reader = TranslationModuleReader(self.env.cr, modules=["base_tier_validation"])
        terms = {
            row[4]
            for row in reader
            if row[0] == "base_tier_validation"
            and row[4]
            and not (row[1] == "code" and row[2].endswith(".py"))
        }
        self.assertGreater(len(terms), 100)
        self.assertFalse(sorted(terms - set(translated))[:10])
        for msgid in terms:
            self.assertEqual(
                sorted(PLACEHOLDER.findall(msgid)),
                sorted(PLACEHOLDER.findall(translated[msgid])),
                msgid,
            )

    def test_fields_and_statuses_in_persian(self):
        Review = self.env["tier.review"].with_context(lang="fa_IR")
        statuses = dict(Review.fields_get(["status"])["status"]["selection"])
        self.assertEqual(statuses["pending"], "در انتظار بررسی")
        self.assertEqual(statuses["approved"], "تأییدشده")
        self.assertEqual(statuses["rejected"], "رد شده")
        self.assertEqual(statuses["waiting"], "در نوبت")
        field = self.env["ir.model.fields"]._get("tier.review", "todo_by")
        self.assertEqual(field.with_context(lang="fa_IR").field_description, "بر عهده")

    def test_banner_and_buttons_in_persian(self):
        arch = (
            self.env["hc.contribution"]
            .with_context(lang="fa_IR")
            .get_view(view_type="form")["arch"]
        )
        self.assertIn("این سند باید", arch)
        self.assertRegex(arch, r'name="validate_tier"[^>]*string="تأیید"')
        self.assertRegex(arch, r'name="reject_tier"[^>]*string="رد"')
        self.assertNotIn("This Record needs to be", arch)
        english = self.env["hc.contribution"].with_context(lang="en_US")
        self.assertIn("This Record needs to be", english.get_view()["arch"])

    def test_review_panel_terms_served_to_the_web_client(self):
        modules, _lang = self.env["ir.http"].get_translations_for_webclient(
            ["base_tier_validation", "health_charity"], "fa_IR"
        )
        terms = {
            message["id"]: message["string"]
            for module in modules.values()
            for message in module["messages"]
        }
        self.assertEqual(terms["Todo by"], "بر عهده")
        self.assertEqual(terms["Reviews"], "بررسی‌ها")
        self.assertEqual(terms["No reviews to do."], "بررسی‌ای در انتظار شما نیست.")


@tagged("post_install", "-at_install")
class TestTierTranslationTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        _load_persian(cls.env)
        company = cls.env.company
        cls.env.ref("base.IRR").active = True
        cls.clerk = new_test_user(
            cls.env,
            login="hc_tier_fa_clerk",
            groups="health_charity.group_hc_user",
            lang="fa_IR",
        )
        cls.approver = new_test_user(
            cls.env,
            login="hc_tier_fa_approver",
            groups="health_charity.group_hc_approver",
            lang="fa_IR",
            tz="Asia/Tehran",
        )
        company.hc_valuation_committee = False
        donor = cls.env["res.partner"].create({"name": "Review Tour Donor"})
        cash = cls.env.ref("health_charity.category_cash")
        cls.gift = (
            cls.env["hc.contribution"]
            .with_user(cls.clerk)
            .create(
                {
                    "donor_id": donor.id,
                    "company_id": company.id,
                    "line_ids": [
                        Command.create(
                            {
                                "category_id": cash.id,
                                "name": "Cash",
                                "quantity": 1,
                                "unit_value": 2_000_000_000,
                                "valuation_basis": "cash",
                            }
                        )
                    ],
                }
            )
        )
        cls.gift.action_submit()

    def test_persian_approver_reviews_in_persian(self):
        self.assertTrue(self.gift.with_user(self.approver).can_review)
        self.start_tour(
            f"/odoo/action-health_charity.hc_contribution_action/{self.gift.id}",
            "hc_tour_review_panel_fa",
            login=self.approver.login,
        )
        self.assertEqual(self.gift.state, "approved")
