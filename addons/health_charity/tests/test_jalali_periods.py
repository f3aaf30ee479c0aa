# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
from pathlib import Path

from freezegun import freeze_time

from odoo.tests import tagged

from .common import HealthCharityCase

MIGRATION = Path(__file__).parents[1] / "migrations/18.0.1.2.0/post-jalali_periods.py"


def _load_migration():
    spec = importlib.util.spec_from_file_location("hc_post_jalali", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestJalaliPeriods(HealthCharityCase):
    """Gifts carry their Jalali year, quarter and month as stored keys: the
    groups and filters of the web client are Solar Hijri periods, not
    Gregorian months relabelled."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        # 30 Esfand 1403 (a leap year), 1 and 31 Farvardin 1404,
        # 1 Ordibehesht 1404; then 1 Mehr 1404
        cls.dates = ["2025-03-20", "2025-03-21", "2025-04-20", "2025-04-21"]
        cls.gifts = cls.env["hc.contribution"]
        for day in cls.dates + ["2025-09-23"]:
            cls.gifts |= cls._contribution(date=day)

    def _keys(self, gift):
        return gift.date_jalali_year, gift.date_jalali_quarter, gift.date_jalali_month

    def test_keys_follow_the_jalali_calendar(self):
        self.assertEqual(
            [self._keys(gift) for gift in self.gifts],
            [
                ("1403", "1403-Q4", "1403/12"),
                ("1404", "1404-Q1", "1404/01"),
                ("1404", "1404-Q1", "1404/01"),
                ("1404", "1404-Q1", "1404/02"),
                ("1404", "1404-Q3", "1404/07"),
            ],
        )

    def test_keys_follow_a_changed_date(self):
        gift = self.gifts[0]
        gift.with_user(self.staff).date = "2025-12-22"  # 1 Dey 1404
        self.assertEqual(self._keys(gift), ("1404", "1404-Q4", "1404/10"))

    def _groups(self, groupby, lang="en_US"):
        Contribution = self.env["hc.contribution"].with_context(lang=lang)
        return Contribution.web_read_group(
            [("id", "in", self.gifts.ids)],
            ["amount_total:sum"],
            [groupby],
            orderby=groupby,
        )["groups"]

    def test_group_by_jalali_month(self):
        groups = self._groups("date_jalali_month")
        self.assertEqual(
            [(g["date_jalali_month"], g["date_jalali_month_count"]) for g in groups],
            [
                ("Esfand 1403", 1),
                ("Farvardin 1404", 2),
                ("Ordibehesht 1404", 1),
                ("Mehr 1404", 1),
            ],
        )
        # the client opens a group with its domain: the key, not the label
        farvardin = self.env["hc.contribution"].search(groups[1]["__domain"])
        self.assertEqual(farvardin, self.gifts[1:3])
        persian = self._groups("date_jalali_month", lang="fa_IR")
        self.assertEqual(persian[0]["date_jalali_month"], "اسفند 1403")

    def test_group_by_jalali_quarter_and_year(self):
        quarters = self._groups("date_jalali_quarter")
        self.assertEqual(
            [g["date_jalali_quarter"] for g in quarters],
            ["Q4 1403", "Q1 1404", "Q3 1404"],
        )
        self.assertEqual([g["date_jalali_quarter_count"] for g in quarters], [1, 3, 1])
        years = self._groups("date_jalali_year")
        self.assertEqual([g["date_jalali_year"] for g in years], ["1403", "1404"])

    def _filtered(self, relative):
        return self.env["hc.contribution"].search(
            [("id", "in", self.gifts.ids), ("date_jalali_relative", "=", relative)]
        )

    @freeze_time("2025-10-15")  # 23 Mehr 1404, its third quarter
    def test_relative_filters(self):
        self.assertEqual(self._filtered("this_quarter"), self.gifts[4])
        self.assertFalse(self._filtered("last_quarter"))
        self.assertEqual(self._filtered("this_year"), self.gifts[1:])
        self.assertEqual(self._filtered("last_year"), self.gifts[0])
        self.assertEqual(self.gifts[4].date_jalali_relative, "this_quarter")
        self.assertEqual(self.gifts[1].date_jalali_relative, "this_year")
        self.assertEqual(self.gifts[0].date_jalali_relative, "last_year")

    @freeze_time("2025-04-01")  # 12 Farvardin 1404: last quarter is 1403's
    def test_last_quarter_across_the_new_year(self):
        self.assertEqual(self._filtered("last_quarter"), self.gifts[0])
        self.assertEqual(self._filtered("this_quarter"), self.gifts[1:4])

    def test_bulk_path_fills_the_keys(self):
        self.env["ir.config_parameter"].set_param("health_charity.bulk_min_size", "2")
        Contribution = self.env["hc.contribution"].with_user(self.staff)
        vals = {"donor_id": self.donor.id, "company_id": self.university.id}
        self.assertTrue(
            Contribution._can_bulk_create([dict(vals, date=d) for d in self.dates])
        )
        bulk = Contribution._hc_create_bulk([dict(vals, date=d) for d in self.dates])
        self.env.invalidate_all()
        self.assertEqual(
            [self._keys(gift) for gift in bulk],
            [self._keys(gift) for gift in self.gifts[:4]],
        )

    def test_migration_fills_existing_gifts(self):
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hc_contribution SET date_jalali_year = NULL, "
            "date_jalali_quarter = NULL, date_jalali_month = NULL WHERE id IN %s",
            [tuple(self.gifts.ids)],
        )
        self.env.invalidate_all()
        self.assertFalse(any(self.gifts.mapped("date_jalali_month")))
        migration = _load_migration()
        migration.DATES_PER_BATCH = 2  # several batches
        migration._fill_jalali_periods(self.env.cr)
        self.env.invalidate_all()
        self.assertEqual(
            self.gifts.mapped("date_jalali_month"),
            ["1403/12", "1404/01", "1404/01", "1404/02", "1404/07"],
        )


@tagged("post_install", "-at_install")
class TestJalaliReferences(HealthCharityCase):
    """References are numbered per Jalali year of the gift's date."""

    def test_reference_uses_the_jalali_year_of_the_date(self):
        esfand = self._contribution(date="2025-03-20")
        farvardin = self._contribution(date="2025-03-21")
        self.assertRegex(esfand.name, r"^CON/1403/\d{6}$")
        self.assertRegex(farvardin.name, r"^CON/1404/\d{6}$")
        ranges = self.env["ir.sequence.date_range"].search(
            [
                (
                    "sequence_id",
                    "=",
                    self.env.ref("health_charity.seq_hc_contribution").id,
                )
            ]
        )
        range_1404 = ranges.filtered(lambda r: r.date_from.isoformat() == "2025-03-21")
        self.assertEqual(range_1404.date_to.isoformat(), "2026-03-20")
        # the next gift of 1404 takes the next number of the same range
        next_one = self._contribution(date="2025-12-01")
        self.assertEqual(
            int(next_one.name.rsplit("/", 1)[1]),
            int(farvardin.name.rsplit("/", 1)[1]) + 1,
        )

    def test_migration_switches_gregorian_numbering(self):
        sequence = self.env.ref("health_charity.seq_hc_contribution")
        sequence.prefix = "CON/%(range_year)s/"
        sequence.date_range_ids.unlink()
        old = self._contribution(date="2025-06-01")
        self.assertTrue(old.name.startswith("CON/2025/"), old.name)
        _load_migration()._number_per_jalali_year(self.env)
        self.assertEqual(sequence.prefix, "CON/%(range_jalali_year)s/")
        new = self._contribution(date="2025-06-02")
        self.assertTrue(new.name.startswith("CON/1404/"), new.name)
        self.assertTrue(old.name.startswith("CON/2025/"), "not renamed")
