# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestContribution(HealthCharityCase):
    def test_valuation_with_large_rial_amounts(self):
        rec = self._contribution(
            lines=[
                self._line(self.cat_cash, 1, 50_000_000_000),
                self._line(self.cat_medical, 3, 12_345_678_901),
                self._line(self.cat_food, 1500, 4_500_000),
                self._line(self.cat_construction, 1, 987_654_321_000),
            ]
        )
        self.assertEqual(rec.line_ids[1].value, 37_037_036_703)
        self.assertEqual(rec.amount_cash, 50_000_000_000)
        self.assertEqual(
            rec.amount_in_kind, 37_037_036_703 + 6_750_000_000 + 987_654_321_000
        )
        self.assertEqual(rec.amount_total, rec.amount_cash + rec.amount_in_kind)
        self.assertTrue(rec.name.startswith("CON/"))
        older = self._contribution(date="2025-02-01")
        self.assertTrue(older.name.startswith("CON/1403/"), older.name)

    def test_zero_or_negative_quantity_refused(self):
        for qty in (0, -2):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                self._contribution(lines=[self._line(self.cat_medical, qty, 1000)])
        self.assertFalse(
            self.env["hc.contribution"].search([("donor_id", "=", self.donor.id)])
        )

    def test_negative_unit_value_refused(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._contribution(lines=[self._line(self.cat_medical, 1, -5)])

    def test_database_refuses_bad_amounts(self):
        rec = self._contribution()
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self.cr.execute(
                    "UPDATE hc_contribution_line SET quantity = 0 WHERE id = %s",
                    [rec.line_ids.id],
                )

    def test_submit_without_lines_refused(self):
        rec = self._contribution(lines=[])
        with self.assertRaisesRegex(ValidationError, "no lines"):
            rec.with_user(self.staff).action_submit()
        self.assertEqual(rec.state, "draft")

    def test_in_kind_without_valuation_basis_refused(self):
        rec = self._contribution(
            lines=[self._line(self.cat_medical, 2, 1000, valuation_basis=False)]
        )
        with self.assertRaisesRegex(ValidationError, "valuation basis"):
            rec.with_user(self.staff).action_submit()
        self.assertEqual(rec.state, "draft")

    def test_small_gift_approved_by_itself(self):
        rec = self._contribution()
        rec.with_user(self.staff).action_submit()
        self.assertEqual(rec.state, "approved")
        self.assertFalse(rec.review_ids)

    def test_values_locked_once_approved(self):
        rec = self._contribution()
        rec.with_user(self.staff).action_submit()
        with self.assertRaisesRegex(UserError, "locked"):
            rec.with_user(self.staff).write({"date": "2026-01-01"})
        with self.assertRaisesRegex(UserError, "locked"):
            rec.line_ids.with_user(self.staff).write({"unit_value": 1})
        with self.assertRaisesRegex(UserError, "locked"):
            rec.line_ids.with_user(self.staff).unlink()
        with self.assertRaises(UserError):
            rec.with_user(self.staff).unlink()
        # notes stay editable
        rec.with_user(self.staff).note = "<p>thank-you letter sent</p>"
        self.assertEqual(rec.line_ids.unit_value, 5_000_000)

    def test_form_onchange_valuation_basis(self):
        form = Form(self.env["hc.contribution"].with_user(self.staff))
        form.donor_id = self.donor
        with form.line_ids.new() as line:
            line.category_id = self.cat_food
            line.name = "Rice and oil packages"
            line.quantity = 10
            line.unit_value = 3_000_000
        rec = form.save()
        self.assertEqual(rec.line_ids.valuation_basis, "market_quote")
        self.assertEqual(rec.amount_total, 30_000_000)

    def test_donor_total_and_recognition_level(self):
        silver = self.env.ref("health_charity.recognition_level_silver")
        rec = self._contribution(lines=[self._line(self.cat_cash, 1, 900_000_000)])
        rec.with_user(self.staff).action_submit()
        self.assertEqual(self.donor.hc_contribution_total, 900_000_000)
        self.assertEqual(
            self.donor.hc_recognition_level_id,
            self.env.ref("health_charity.recognition_level_bronze"),
        )
        rec2 = self._contribution(lines=[self._line(self.cat_cash, 1, 100_000_000)])
        rec2.with_user(self.staff).action_submit()
        self.assertEqual(self.donor.hc_contribution_total, 1_000_000_000)
        self.assertEqual(self.donor.hc_recognition_level_id, silver)
        # a draft gift does not count
        self._contribution(lines=[self._line(self.cat_cash, 1, 10**12)])
        self.assertEqual(self.donor.hc_contribution_total, 1_000_000_000)
        self.assertEqual(self.donor.hc_contribution_count, 2)

    def test_need_funding(self):
        need = self.env["hc.need"].create(
            {
                "name": "Dialysis machine",
                "estimated_value": 20_000_000,
                "company_id": self.university.id,
            }
        )
        rec = self._contribution(need_id=need.id)
        self.assertEqual(need.funded_amount, 0)
        rec.with_user(self.staff).action_submit()
        self.assertEqual(need.funded_amount, 5_000_000)
        self.assertAlmostEqual(need.funded_percent, 25.0)
