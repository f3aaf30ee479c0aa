# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import HealthCharityReportsCase


@tagged("post_install", "-at_install")
class TestContributionAnalysis(HealthCharityReportsCase):
    def test_report_matches_lines(self):
        Report = self.env["hc.contribution.report"]
        rows = Report.search([("contribution_id", "in", self.gifts.ids)])
        self.assertEqual(len(rows), len(self.gifts.line_ids))
        self.assertEqual(
            sum(rows.mapped("value")), sum(self.gifts.mapped("amount_total"))
        )
        self.assertEqual(sum(rows.mapped("contribution_count")), len(self.gifts))

    def test_region_is_labelled(self):
        """The dashboard's underserved share groups by a labelled choice."""
        self.gifts[0].sudo().is_underserved = True
        self.env.flush_all()
        Report = self.env["hc.contribution.report"]
        rows = Report.search([("contribution_id", "in", self.gifts.ids)])
        regions = {row.contribution_id: row.region for row in rows}
        self.assertEqual(regions[self.gifts[0]], "underserved")
        self.assertEqual(set(regions.values()), {"underserved", "other"})
        labels = dict(Report._fields["region"]._description_selection(self.env))
        self.assertEqual(labels["underserved"], "Underserved Regions")

    def test_jalali_year_and_quarter(self):
        Report = self.env["hc.contribution.report"]
        esfand = Report.search(
            [("contribution_id", "in", self.gifts.ids), ("date", "=", "2025-03-20")]
        )
        self.assertEqual((esfand.jalali_year, esfand.jalali_quarter), (1403, 4))
        nowruz = Report.search(
            [("contribution_id", "in", self.gifts.ids), ("date", "=", "2025-03-21")]
        )
        self.assertEqual(set(nowruz.mapped("jalali_year")), {1404})
        groups = Report._read_group(
            [("contribution_id", "in", self.gifts.ids)],
            ["jalali_year", "jalali_quarter"],
            ["value:sum"],
        )
        by_period = {(y, q): v for y, q, v in groups}
        self.assertEqual(by_period[1404, 1], 1_605_000_000)
        self.assertEqual(by_period[1404, 2], 7_000_000)

    def test_hospital_isolation(self):
        rows = (
            self.env["hc.contribution.report"]
            .with_user(self.officer_a)
            .search([("contribution_id", "in", self.gifts.ids)])
        )
        self.assertEqual(rows.company_id, self.hospital_a)
        groups = (
            self.env["hc.contribution.report"]
            .with_user(self.officer_a)
            ._read_group([], ["company_id"], ["value:sum"])
        )
        self.assertEqual({g[0] for g in groups}, {self.hospital_a})

    def test_group_and_filter_by_jalali_month(self):
        Report = self.env["hc.contribution.report"]
        domain = [("contribution_id", "in", self.gifts.ids)]
        groups = Report.web_read_group(
            domain, ["value:sum"], ["date_jalali_month"], orderby="date_jalali_month"
        )["groups"]
        expected = Report._read_group(domain, ["date_jalali_month"], ["value:sum"])
        self.assertEqual(
            [group["value"] for group in groups], [value for __, value in expected]
        )
        # keys as the gifts store them, labels with the Jalali month names
        self.assertEqual([key for key, __ in expected][:2], ["1403/12", "1404/01"])
        self.assertEqual(groups[0]["date_jalali_month"], "Esfand 1403")
        esfand = Report.search(groups[0]["__domain"])
        self.assertEqual(set(esfand.mapped("date")), {date(2025, 3, 20)})

    @freeze_time("2025-04-10")  # Farvardin 1404: last quarter is Q4 1403
    def test_relative_jalali_filters(self):
        Report = self.env["hc.contribution.report"]
        domain = [("contribution_id", "in", self.gifts.ids)]
        last = Report.search(domain + [("date_jalali_relative", "=", "last_quarter")])
        self.assertEqual(set(last.mapped("date_jalali_quarter")), {"1403-Q4"})
        this_year = Report.search(domain + [("date_jalali_relative", "=", "this_year")])
        self.assertEqual(set(this_year.mapped("jalali_year")), {1404})
        self.assertEqual(
            len(last) + len(this_year), Report.search_count(domain), "all of 1403-4"
        )
