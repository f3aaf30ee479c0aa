# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import TransactionCase, tagged

from odoo.addons.health_charity.tools.jalali import (
    jalali_period_bounds,
    jalali_year_quarter,
    to_jalali_str,
)


@tagged("post_install", "-at_install")
class TestJalali(TransactionCase):
    def test_nowruz_boundaries(self):
        # 1403 is a leap year: Esfand has 30 days
        self.assertEqual(to_jalali_str(date(2025, 3, 20)), "1403/12/30")
        self.assertEqual(to_jalali_str(date(2025, 3, 21)), "1404/01/01")
        self.assertEqual(to_jalali_str(date(2024, 3, 20)), "1403/01/01")
        self.assertEqual(to_jalali_str(date(2024, 3, 19)), "1402/12/29")

    def test_quarters(self):
        self.assertEqual(
            jalali_period_bounds(1404, 1), (date(2025, 3, 21), date(2025, 6, 21))
        )
        self.assertEqual(
            jalali_period_bounds(1404, 2), (date(2025, 6, 22), date(2025, 9, 22))
        )
        self.assertEqual(
            jalali_period_bounds(1403, 4), (date(2024, 12, 21), date(2025, 3, 20))
        )
        self.assertEqual(
            jalali_period_bounds(1403), (date(2024, 3, 20), date(2025, 3, 20))
        )
        self.assertEqual(jalali_year_quarter(date(2025, 3, 20)), (1403, 4))
        self.assertEqual(jalali_year_quarter(date(2025, 3, 21)), (1404, 1))
        with self.assertRaises(ValueError):
            jalali_period_bounds(1404, 5)

    def test_period_table(self):
        period = self.env["hc.jalali.period"].search(
            [("year", "=", 1404), ("quarter", "=", 1)]
        )
        self.assertEqual(period.date_from, date(2025, 3, 21))
        self.assertEqual(period.date_to, date(2025, 6, 21))
        # contiguous quarters, no gaps or overlaps
        periods = self.env["hc.jalali.period"].search([], order="date_from")
        for prev, nxt in zip(periods, periods[1:], strict=False):
            self.assertEqual((nxt.date_from - prev.date_to).days, 1)
