# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestImport(HealthCharityCase):
    """Odoo's standard import (``load``) of a 10,000-row contribution file."""

    def _rows(self, bad_row=None, bad_rows=()):
        bad_rows = set(bad_rows) | ({bad_row} if bad_row is not None else set())
        rows = []
        for i in range(10_000):
            rows.append(
                [
                    "Ali Rezaei" if i % 2 else "Alvand Pharma Co.",
                    "2025-05-01",
                    "Medical Equipment",
                    f"Item {i}",
                    "-1" if i in bad_rows else "2",
                    "1500000",
                    "invoice",
                ]
            )
        return rows

    FIELDS = [
        "donor_id",
        "date",
        "line_ids/category_id",
        "line_ids/name",
        "line_ids/quantity",
        "line_ids/unit_value",
        "line_ids/valuation_basis",
    ]

    def test_one_bad_row_names_the_row_and_saves_nothing(self):
        Contribution = self.env["hc.contribution"].with_user(self.staff)
        before = Contribution.search_count([])
        result = Contribution.load(self.FIELDS, self._rows(bad_row=7_777))
        self.assertFalse(result["ids"])
        messages = [m for m in result["messages"] if m["type"] == "error"]
        self.assertTrue(messages)
        self.assertIn("quantity", messages[0]["message"])
        # the message names the offending line of the file
        self.assertIn("Item 7777", messages[0]["message"])
        self.assertEqual(Contribution.search_count([]), before)

    def test_every_bad_row_reported_quickly(self):
        """Every bad row, by its row number, before anything is written; a
        10,000-row file is checked in seconds (Odoo's row-by-row retry of a
        failed batch took minutes)."""
        import time

        Contribution = self.env["hc.contribution"].with_user(self.staff)
        before = Contribution.search_count([])
        start = time.monotonic()
        result = Contribution.load(self.FIELDS, self._rows(bad_rows=(12, 7_777, 9_000)))
        elapsed = time.monotonic() - start
        self.assertFalse(result["ids"])
        errors = [m for m in result["messages"] if m["type"] == "error"]
        self.assertEqual([m["rows"]["from"] for m in errors], [12, 7_777, 9_000])
        self.assertIn("Item 9000", errors[2]["message"])
        self.assertEqual(Contribution.search_count([]), before)
        self.assertLess(elapsed, 60)

    def test_good_file_imports(self):
        Contribution = self.env["hc.contribution"].with_user(self.staff)
        result = Contribution.load(self.FIELDS, self._rows()[:500])
        self.assertEqual(len(result["ids"]), 500)
        self.assertEqual(
            sum(Contribution.browse(result["ids"]).mapped("amount_total")),
            500 * 3_000_000,
        )
