# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import contextlib

from odoo.tests import tagged

from odoo.addons.health_charity.models.hc_contribution_load import (
    _HC_IMPORT_RUN,
    _ImportRun,
)
from odoo.addons.health_charity.models.ir_fields_converter import hc_import_id_cache

from .common import VALID_NATIONAL_IDS, HealthCharityCase

FIELDS = [
    "donor_id",
    "date",
    "company_id",
    "note",
    "line_ids/category_id",
    "line_ids/name",
    "line_ids/quantity",
    "line_ids/unit_value",
    "line_ids/valuation_basis",
]


@tagged("post_install", "-at_install")
class TestImportConversion(HealthCharityCase):
    """The one-pass reader and the remembering converter of a contributions
    file give what Odoo's generic ``_extract_records`` and
    ``_convert_records`` give: the same records, values and messages, good
    and bad rows alike."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # two donors of the same name: Odoo warns and takes the first
        cls.env["res.partner"].create(
            [{"name": "Twin Donor", "hc_is_donor": True} for _i in range(2)]
        )

    def _rows(self):
        unit = self.hospital_a.name
        rows, gift_rows = [], []
        for i in range(60):
            gift_rows.append(len(rows))
            donor = "Ali Rezaei" if i % 3 else "Alvand Pharma Co."
            rows.append(
                [
                    donor,
                    "2025-05-01",
                    unit,
                    f"Gift {i}",
                    "Medical Equipment",
                    f"Item {i}",
                ]
                + [str(i % 5 + 1), "1500000", "invoice"]
            )
            if i % 4 == 0:  # further lines of the same gift
                rows.append(["", "", "", "", "Cash", "Cash", "1", "2500000", "cash"])
                rows.append(["", "", "", "", "", "Line without category", "1", "5"])
                rows[-1].append("invoice")
        # by gift: (column, value)
        bad = {
            3: (0, "Nobody We Know"),  # donor not found
            7: (1, "2025-13-40"),  # not a date
            11: (6, "two"),  # not a number
            15: (4, "No Such Category"),
            19: (8, "barter"),  # not a valuation basis
            23: (0, "Twin Donor"),  # found twice: a warning
            27: (2, "No Such Unit"),
            31: (0, VALID_NATIONAL_IDS[0]),  # a donor by national ID: found
        }
        for gift, (column, value) in bad.items():
            rows[gift_rows[gift]][column] = value
        # a line row after a bad gift, and an empty row
        rows.insert(
            gift_rows[3] + 1,
            ["", "", "", "", "Medical Equipment", "Extra", "1", "10", "invoice"],
        )
        rows.append([""] * len(FIELDS))
        return rows

    def _read(self, fast):
        """(records, converted, messages) of the rows, through our reader
        and converter (``fast``) or through Odoo's."""
        Contribution = self.env["hc.contribution"].with_user(self.staff)
        paths = [field.split("/") for field in FIELDS]
        messages = []
        run = _ImportRun()
        token = _HC_IMPORT_RUN.set(run if fast else None)
        # the names of a column looked up together, as ``load`` does
        names = hc_import_id_cache() if fast else contextlib.nullcontext()
        try:
            with names:
                records = list(
                    Contribution._extract_records(
                        paths, self._rows(), log=messages.append
                    )
                )
                converted = list(
                    Contribution._convert_records(records, log=messages.append)
                )
        finally:
            _HC_IMPORT_RUN.reset(token)
        messages = sorted(
            (
                m["record"],
                m["type"],
                m.get("field"),
                m["message"],
                m["rows"]["from"],
                m["rows"]["to"],
            )
            for m in messages + run.errors
        )
        return records, converted, messages

    def test_same_as_odoo(self):
        fast_records, fast_converted, fast_messages = self._read(fast=True)
        odoo_records, odoo_converted, odoo_messages = self._read(fast=False)
        self.assertEqual(fast_records, odoo_records)
        self.assertEqual(len(fast_converted), 61)  # 60 gifts and the empty row
        self.assertEqual(fast_converted, odoo_converted)
        self.assertEqual(fast_messages, odoo_messages)
        # the file's faults are all there, one row each
        errors = [m for m in fast_messages if m[1] == "error"]
        self.assertEqual([m[0] for m in errors], [3, 7, 11, 15, 19, 27], fast_messages)
        warnings = [m for m in fast_messages if m[1] == "warning"]
        self.assertEqual([m[0] for m in warnings], [23])
        # a gift of three lines in order, the second a cash line
        gift = fast_converted[0][2]
        self.assertEqual(
            [command[2]["name"] for command in gift["line_ids"]],
            ["Item 0", "Cash", "Line without category"],
        )
        self.assertFalse(gift["line_ids"][2][2]["category_id"])
        self.assertEqual(len(fast_converted[3][2]["line_ids"]), 2)  # + "Extra"
        self.assertEqual(gift["company_id"], self.hospital_a.id)
        self.assertEqual(fast_converted[31][2]["donor_id"], self.donor.id)

    def test_other_shapes_take_odoo_reader(self):
        """External ids or a column twice: Odoo's own reader."""
        Contribution = self.env["hc.contribution"]
        self.assertTrue(Contribution._hc_get_extract_plan([["donor_id"], ["date"]]))
        for paths in (
            [["id"], ["donor_id"]],
            [["donor_id", "id"]],
            [["date"], ["date"]],
            [["line_ids", "category_id", "id"]],
            [["line_ids", "attachment_ids"]],
        ):
            self.assertFalse(Contribution._hc_get_extract_plan(paths), paths)
