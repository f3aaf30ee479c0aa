# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import date
from unittest.mock import patch

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import SQL
from odoo.tools.misc import file_open

from odoo.addons.health_charity.models import hc_contribution_import
from odoo.addons.health_charity.models.hc_integrity_mixin import hc_internal

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

    def test_each_reference_looked_up_once(self):
        """A file names the same donors and categories on every row: the
        distinct names of a column are looked up together, in one query; a
        name searched otherwise (a donor's national ID) once per file."""
        Partner = type(self.env["res.partner"])
        calls = []
        original = Partner.name_search

        def spy(model, name="", *args, **kwargs):
            calls.append((model._name, name))
            return original(model, name, *args, **kwargs)

        rows = self._rows()[:300]
        for row in rows[::3]:
            row[0] = self.donor.hc_national_id
        Contribution = self.env["hc.contribution"].with_user(self.staff)
        with patch.object(Partner, "name_search", spy):
            result = Contribution.load(self.FIELDS, rows)
        self.assertEqual(len(result["ids"]), 300)
        # the two names in one query; the national ID by Odoo's search, once
        self.assertEqual(calls, [("res.partner", self.donor.hc_national_id)])
        gifts = Contribution.browse(result["ids"])
        self.assertEqual(gifts[0].donor_id, self.donor)
        self.assertEqual(gifts[2].donor_id, self.donor_company)

    def test_good_file_imports(self):
        Contribution = self.env["hc.contribution"].with_user(self.staff)
        result = Contribution.load(self.FIELDS, self._rows()[:500])
        self.assertEqual(len(result["ids"]), 500)
        self.assertEqual(
            sum(Contribution.browse(result["ids"]).mapped("amount_total")),
            500 * 3_000_000,
        )


@tagged("post_install", "-at_install")
class TestImportTemplate(HealthCharityCase):
    """The contributions template through the import dialog, in Persian:
    headers mapped by themselves, Jalali dates in either digit set, donors
    by national ID, Persian category names."""

    def _wizard(self, content, file_type, file_name):
        return (
            self.env["base_import.import"]
            .with_user(self.staff)
            .with_context(lang="fa_IR", tracking_disable=False)
            .create(
                {
                    "res_model": "hc.contribution",
                    "file": content,
                    "file_type": file_type,
                    "file_name": file_name,
                }
            )
        )

    def test_template_offered(self):
        templates = self.env["hc.contribution"].get_import_templates()
        self.assertEqual(len(templates), 1)
        path = templates[0]["template"]
        self.assertTrue(path.endswith(".xlsx"))
        with file_open(path.lstrip("/"), "rb") as template:
            self.assertTrue(template.read(2) == b"PK")

    def test_template_imports_in_persian(self):
        if not self.env["res.lang"]._lang_get("fa_IR"):
            self.skipTest("Persian is not loaded")
        self.donor.hc_national_id = "0499370899"
        persian_donor = self.env["res.partner"].create(
            {"name": "علی رضایی", "hc_is_donor": True, "hc_donor_type": "individual"}
        )
        self.env.flush_all()  # saved before the clerk imports (as in real use)
        with file_open(
            "health_charity/static/xls/hc_contribution_import_template.xlsx", "rb"
        ) as template:
            content = template.read()
        wizard = self._wizard(
            content,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "template.xlsx",
        )
        options = {"has_headers": True, "date_format": "%Y/%m/%d"}
        preview = wizard.parse_preview(dict(options))
        self.assertFalse(preview.get("error"), preview)
        mapping = [
            "/".join(preview["matches"][i]) if i in preview["matches"] else False
            for i in range(len(preview["headers"]))
        ]
        self.assertEqual(
            mapping,
            [
                "donor_id",
                "date",
                "company_id",
                "line_ids/category_id",
                "line_ids/name",
                "line_ids/quantity",
                "line_ids/unit_value",
                "line_ids/valuation_basis",
                "note",
            ],
        )
        fields = [f or False for f in mapping]
        # "Test" first: every row checked, nothing written
        before = self.env["hc.contribution"].search_count([])
        result = wizard.execute_import(
            fields, preview["headers"], dict(options), dryrun=True
        )
        self.assertFalse(
            [m for m in result["messages"] if m["type"] == "error"], result
        )
        self.assertEqual(self.env["hc.contribution"].search_count([]), before)
        result = wizard.execute_import(fields, preview["headers"], dict(options))
        self.assertFalse(
            [m for m in result["messages"] if m["type"] == "error"], result
        )
        gifts = self.env["hc.contribution"].browse(result["ids"]).sorted("id")
        self.assertEqual(len(gifts), 2)
        first, second = gifts
        self.assertEqual(first.donor_id, self.donor)  # by national ID
        self.assertEqual(str(first.date), "2025-11-27")  # 1404/09/06
        self.assertEqual(str(second.date), "2025-12-01")  # ۱۴۰۴/۰۹/۱۰
        self.assertEqual(len(first.line_ids), 2)
        self.assertEqual(first.amount_total, 2 * 450_000_000 + 50 * 12_000_000)
        self.assertEqual(
            first.line_ids.mapped("category_id"), self.cat_medical | self.cat_food
        )
        self.assertEqual(second.donor_id, persian_donor)
        self.assertEqual(second.line_ids.valuation_basis, "cash")
        # the chatter as for a gift entered by hand
        self.assertEqual(len(first.message_ids), 1)


@tagged("post_install", "-at_install")
class TestImportModes(HealthCharityCase):
    """The dialog's choices for bad rows, the record each import leaves, and
    big files imported in the background, chunk by chunk."""

    HEADERS = ["Donor", "Date", "Category", "Description", "Quantity", "Unit Value"]
    FIELDS = [
        "donor_id",
        "date",
        "line_ids/category_id",
        "line_ids/name",
        "line_ids/quantity",
        "line_ids/unit_value",
    ]

    def _csv(self, count, bad=()):
        rows = [",".join(self.HEADERS)]
        for i in range(count):
            quantity = "-1" if i in bad else "2"
            rows.append(
                f"Ali Rezaei,2025-05-01,Medical Equipment,Item {i},{quantity},1500000"
            )
        return ("\n".join(rows) + "\n").encode()

    def _wizard(self, content, user=None):
        return (
            self.env["base_import.import"]
            .with_user(user or self.staff)
            .create(
                {
                    "res_model": "hc.contribution",
                    "file": content,
                    "file_type": "text/csv",
                    "file_name": "hospital.csv",
                }
            )
        )

    def _import(self, content, mode=None, dryrun=False, user=None):
        options = {
            "has_headers": True,
            "separator": ",",
            "quoting": '"',
            "encoding": "utf-8",
            "date_format": "%Y-%m-%d",
            "float_thousand_separator": ",",  # as the dialog sends them
            "float_decimal_separator": ".",
            "limit": 2000,  # the dialog's batches: ignored for contributions
            "skip": 0,
        }
        if mode:
            options["hc_import_mode"] = mode
        wizard = self._wizard(content, user=user)
        return wizard.execute_import(
            self.FIELDS, [h.lower() for h in self.HEADERS], options, dryrun=dryrun
        )

    def _gifts(self):
        return self.env["hc.contribution"].search(
            [("line_ids.name", "=like", "Item %")]
        )

    def test_whole_file_or_nothing_by_default(self):
        result = self._import(self._csv(30, bad={4, 21}))
        errors = [m for m in result["messages"] if m["type"] == "error"]
        self.assertEqual([m["rows"]["from"] for m in errors], [4, 21])
        self.assertFalse(result["ids"])
        self.assertFalse(self._gifts())
        self.assertFalse(result.get("hc_import_id"))

    def test_good_rows_imported_bad_rows_returned_as_file(self):
        result = self._import(self._csv(30, bad={4, 21}), mode="good_rows")
        self.assertEqual(len(self._gifts()), 28)
        record = self.env["hc.contribution.import"].browse(result["hc_import_id"])
        self.assertEqual(record.state, "done")
        self.assertEqual(record.gift_count, 28)
        self.assertEqual(record.bad_row_count, 2)
        self.assertEqual(sorted(record.bad_rows), ["23", "6"])  # file rows
        self.assertEqual(record.contribution_ids, self._gifts())
        self.assertIn("Item 4", record.messages)
        # the rows to fix: the header, the two rows as written, the reason
        book = openpyxl.load_workbook(io.BytesIO(record.bad_file_id.raw))
        rows = [[c.value for c in row] for row in book.active.iter_rows()]
        self.assertEqual(rows[0][:6], self.HEADERS)
        self.assertEqual([row[3] for row in rows[1:]], ["Item 4", "Item 21"])
        self.assertTrue(all(row[6] for row in rows[1:]))
        # the clerk reads their own import record and file
        record.with_user(self.staff).read(["bad_file_id", "messages"])

    def test_number_and_date_columns_read_as_odoo_reads_them(self):
        """The number and date columns are parsed once per distinct value:
        separators and a Jalali day are read as before, and a bad date is
        still reported with its line, as Odoo reports it."""
        rows = [",".join(self.HEADERS)]
        for i in range(6):
            day = "1404/02/11" if i % 2 else "2025-05-01"
            rows.append(f'Ali Rezaei,{day},Medical Equipment,Item {i},2,"1,500,000"')
        result = self._import(("\n".join(rows) + "\n").encode())
        self.assertEqual(len(result["ids"] or []), 6, result["messages"])
        gifts = self._gifts()
        self.assertEqual(set(gifts.mapped("date")), {date(2025, 5, 1)})
        self.assertEqual(set(gifts.line_ids.mapped("unit_value")), {1_500_000})
        gifts.unlink()
        rows[5] = rows[5].replace("2025-05-01", "2025-02-30")  # Item 4
        result = self._import(("\n".join(rows) + "\n").encode())
        self.assertFalse(result.get("ids"))
        [error] = result["messages"]
        self.assertIn("Error in line 5", error["message"])
        self.assertIn("day is out of range", error["message"])

    def test_good_file_leaves_a_record(self):
        result = self._import(self._csv(12))
        self.assertEqual(len(result["ids"]), 12)
        gifts = self.env["hc.contribution"].browse(result["ids"])
        self.assertEqual(len(gifts.import_id), 1)
        self.assertEqual(gifts.import_id.gift_count, 12)
        self.assertEqual(gifts.import_id.state, "done")

    def _background(self, content, mode=None, chunk=7, dryrun=False):
        self.env["ir.config_parameter"].set_param(
            "health_charity.import_background_lines", 20
        )
        result = self._import(content, mode=mode, dryrun=dryrun)
        self.assertFalse(result["ids"])
        job = self.env["hc.contribution.import"].browse(result["hc_import_id"])
        self.assertEqual(job.state, "queued")
        self.assertTrue(job.background)
        self.assertFalse(self._gifts())  # nothing before the scheduler runs
        # the chunks commit in transactions of their own: in test mode those
        # share the test's transaction (rolled back at the end)
        if self.registry.test_cr is None:
            self.registry.enter_test_mode(self.env.cr)
            self.addCleanup(self.registry.leave_test_mode)
        # one chunk per scheduler call: the import hands over and resumes
        with (
            patch.object(hc_contribution_import, "CHUNK_ROWS", chunk),
            patch.object(hc_contribution_import, "CRON_TIME_BUDGET", 0),
        ):
            for _attempt in range(20):
                self.env["hc.contribution.import"]._cron_run_imports()
                job.invalidate_recordset()
                if job.state not in ("queued", "running", "undoing"):
                    break
        return job

    def test_big_file_in_background(self):
        job = self._background(self._csv(45))
        self.assertEqual(job.state, "done")
        self.assertEqual(job.progress, 100)
        self.assertEqual(job.row_count, 45)
        self.assertEqual(job.gift_count, 45)
        self.assertEqual(job.next_row, 45)
        self.assertTrue(job.checked)  # every row read before any was written
        self.assertEqual(job.attempts, 0)  # handed over, never failed
        gifts = self._gifts()
        self.assertEqual(len(gifts), 45)
        self.assertEqual(gifts.import_id, job)
        self.assertEqual(set(gifts.mapped("create_uid")), {self.staff})
        self.assertEqual(sum(gifts.mapped("amount_total")), 45 * 3_000_000)

    def test_big_file_with_a_late_bad_row_keeps_nothing(self):
        """Whole file or nothing: every row is checked before any is
        written, so a bad row near the end refuses the file before a gift of
        it is saved; every bad row is still reported."""
        Contribution = type(self.env["hc.contribution"])
        writes = []
        original = Contribution._hc_create_bulk

        def spy(model, vals_list):
            writes.append(len(vals_list))
            return original(model, vals_list)

        with patch.object(Contribution, "_hc_create_bulk", spy):
            job = self._background(self._csv(45, bad={30, 44}))
        self.assertEqual(job.state, "refused")
        self.assertEqual(job.bad_row_count, 2)
        self.assertEqual(sorted(job.bad_rows, key=int), ["32", "46"])
        self.assertTrue(job.bad_file_id)
        self.assertEqual(job.gift_count, 0)
        self.assertFalse(job.checked)
        self.assertEqual(writes, [])  # no gift was ever written
        self.assertFalse(self._gifts())

    def test_big_file_failing_while_written_is_undone(self):
        """A gift refused only when it is written (a check the row checks do
        not make): the chunks already written are deleted again and the row
        is reported."""
        Contribution = type(self.env["hc.contribution"])
        original = Contribution._hc_create_bulk
        writes = []
        refused = "Refused when written."

        def failing(model, vals_list):
            writes.append(len(vals_list))
            for vals in vals_list:
                if vals["line_ids"][0][2]["name"] == "Item 30":
                    raise ValidationError(refused)
            return original(model, vals_list)

        with patch.object(Contribution, "_hc_create_bulk", failing):
            job = self._background(self._csv(45))
        self.assertTrue(job.checked)  # the rows passed the checks
        self.assertGreaterEqual(sum(writes), 28)  # chunks written before it
        self.assertEqual(job.state, "refused")
        # the row (Odoo names the first row of the failed batch too)
        self.assertIn("32", job.bad_rows)
        self.assertIn("Refused when written.", job.messages)
        self.assertEqual(job.gift_count, 0)
        self.assertFalse(self._gifts())

    def test_import_left_running_by_a_dead_worker(self):
        """An import a dead worker left running resumes at the next call
        (its attempts counted); once they are spent, it fails."""
        self.env["ir.config_parameter"].set_param(
            "health_charity.import_background_lines", 20
        )
        Import = self.env["hc.contribution.import"]
        jobs = Import.browse(
            [self._import(self._csv(25))["hc_import_id"] for _i in range(2)]
        )
        for job, attempts in zip(jobs, (0, 3), strict=True):
            with hc_internal():
                job._hc_write({"state": "running", "attempts": attempts})
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE hc_contribution_import SET write_date = %s WHERE id IN %s",
                "2020-01-01",
                tuple(jobs.ids),
            )
        )
        jobs.invalidate_recordset()
        if self.registry.test_cr is None:
            self.registry.enter_test_mode(self.env.cr)
            self.addCleanup(self.registry.leave_test_mode)
        Import._cron_run_imports()
        jobs.invalidate_recordset()
        resumed, spent = jobs
        self.assertEqual(resumed.state, "done")
        self.assertEqual(resumed.attempts, 1)
        self.assertEqual(resumed.gift_count, 25)
        self.assertEqual(spent.state, "failed")
        self.assertIn("3 attempts", spent.error)

    def test_big_file_good_rows_in_background(self):
        job = self._background(self._csv(45, bad={30}), mode="good_rows")
        self.assertEqual(job.state, "done")
        self.assertEqual(job.gift_count, 44)
        self.assertEqual(job.bad_row_count, 1)
        self.assertEqual(len(self._gifts()), 44)

    def test_big_file_test_only_writes_nothing(self):
        job = self._background(self._csv(45, bad={40}), dryrun=True)
        self.assertEqual(job.state, "done")
        self.assertEqual(job.bad_row_count, 1)
        self.assertFalse(self._gifts())

    def test_import_records_are_not_entered_by_clients(self):
        Import = self.env["hc.contribution.import"].with_user(self.staff)
        with self.assertRaises(AccessError):
            Import.create({"name": "forged.csv"})
        result = self._import(self._csv(3))
        record = self.env["hc.contribution.import"].browse(
            self.env["hc.contribution"].browse(result["ids"]).import_id.id
        )
        with self.assertRaises(AccessError):
            record.with_user(self.staff).write({"gift_count": 1000})
        # a gift's import is the application's to set
        gift = (
            self.env["hc.contribution"].browse(result["ids"][0]).with_user(self.staff)
        )
        with self.assertRaises(UserError):
            gift.write({"import_id": False})
        # another clerk does not see it
        with self.assertRaises(AccessError):
            record.with_user(self.approver).read(["name"])
