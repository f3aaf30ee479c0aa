# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import json

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path

from ..tools import jalali_table

TABLE = "health_charity_web_jalali/static/tests/jalali_dates.json"


def load_table():
    with open(file_path(TABLE), encoding="utf-8") as table:
        return json.load(table)


def jalali_tuple(text):
    return tuple(int(part) for part in text.split("/"))


@tagged("post_install", "-at_install")
class TestJalaliTable(TransactionCase):
    """The server conversion against the table the JS test asserts too."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.table = load_table()

    def test_required_dates(self):
        dates = {row["jalali"]: row["gregorian"] for row in self.table["dates"]}
        self.assertEqual(dates["1403/12/30"], "2025-03-20")
        self.assertEqual(dates["1404/01/01"], "2025-03-21")
        self.assertEqual(dates["1404/12/02"], "2026-02-21")
        self.assertEqual(dates["1399/12/30"], "2021-03-20")

    def test_dates(self):
        for row in self.table["dates"]:
            gregorian = datetime.date.fromisoformat(row["gregorian"])
            with self.subTest(row=row):
                self.assertEqual(
                    jalali_table.to_jalali(gregorian), jalali_tuple(row["jalali"])
                )
                self.assertEqual(
                    jalali_table.from_jalali(*jalali_tuple(row["jalali"])), gregorian
                )
                self.assertEqual(jalali_table.format_jalali(gregorian), row["jalali"])
                self.assertEqual(jalali_table.parse_jalali(row["jalali"]), gregorian)

    def test_datetime_uses_its_date(self):
        value = datetime.datetime(2025, 3, 20, 23, 59)
        self.assertEqual(jalali_table.format_jalali(value), "1403/12/30")

    def test_invalid(self):
        for text in self.table["invalid_jalali"]:
            with self.subTest(text=text), self.assertRaises(ValueError):
                jalali_table.parse_jalali(text)
        for text in ("", "hello", "2025/13", "1404/09"):
            with self.subTest(text=text), self.assertRaises(ValueError):
                jalali_table.parse_jalali(text)

    def test_parse(self):
        for case in self.table["parse"]:
            with self.subTest(case=case):
                self.assertEqual(
                    jalali_table.parse_jalali(case["input"]),
                    datetime.date.fromisoformat(case["gregorian"]),
                )

    def test_leap_years(self):
        for year in self.table["leap_years"]:
            self.assertTrue(jalali_table.is_jalali_leap_year(year), year)
            jalali_table.from_jalali(year, 12, 30)
        for year in self.table["common_years"]:
            self.assertFalse(jalali_table.is_jalali_leap_year(year), year)
            with self.assertRaises(ValueError):
                jalali_table.from_jalali(year, 12, 30)

    def test_digits(self):
        self.assertEqual(jalali_table.to_latin_digits("۱۲۳٤٥٦"), "123456")
        self.assertEqual(jalali_table.format_jalali(False), "")

    def test_round_trip_two_centuries(self):
        day = datetime.date(1921, 3, 21)
        previous = None
        while day < datetime.date(2121, 3, 21):
            jalali = jalali_table.to_jalali(day)
            self.assertEqual(jalali_table.from_jalali(*jalali), day)
            if previous:
                self.assertIn(
                    jalali[2] - previous[2], (1,) if jalali[2] > 1 else (-28, -29, -30)
                )
            previous = jalali
            day += datetime.timedelta(days=1)
