# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestJalaliTour(HttpCase):
    """A Persian clerk's gifts list (tour hc_tour_jalali_gifts)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.env["ir.module.module"]._load_module_terms(
            ["health_charity", "health_charity_web_jalali"], ["fa_IR"], overwrite=True
        )
        cls.clerk = new_test_user(
            cls.env,
            login="hc_tour_fa_clerk",
            groups="health_charity.group_hc_user",
            lang="fa_IR",
            tz="Asia/Tehran",
        )
        cls.donor = cls.env["res.partner"].create(
            {"name": "Jalali Tour Donor", "hc_is_donor": True}
        )
        cash = cls.env.ref("health_charity.category_cash")
        cls.gifts = cls.env["hc.contribution"].create(
            [
                {
                    "donor_id": cls.donor.id,
                    "company_id": cls.clerk.company_id.id,
                    "date": day,
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
                for day in ("2025-03-20", "2025-03-21", "2025-04-20")
            ]
        )

    def test_persian_clerk_sees_types_and_groups_jalali(self):
        self.start_tour(
            "/odoo/action-health_charity.hc_contribution_action",
            "hc_tour_jalali_gifts",
            login=self.clerk.login,
        )
        new = self.env["hc.contribution"].search(
            [("donor_id", "=", self.donor.id), ("id", "not in", self.gifts.ids)]
        )
        self.assertEqual(len(new), 1)
        # ۱۴۰۴/۰۹/۰۶ typed in the form is 27 November 2025 on the server
        self.assertEqual(new.date, datetime.date(2025, 11, 27))
        self.assertEqual(new.date_jalali_month, "1404/09")
        self.assertRegex(new.name, r"^CON/1404/\d{6}$")
