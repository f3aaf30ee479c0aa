# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.health_charity.models.hc_integrity_mixin import hc_internal

from .common import HealthCharityReportsCase

MINISTRY = "health_charity_reports.ministry_valuation_xlsx"
CONTRIBUTIONS = "health_charity_reports.contribution_xlsx"
CONTRACT_HEADERS = [
    "Reference",
    "Date",
    "Jalali Date",
    "Unit",
    "Donor",
    "Donor Type",
    "Category",
    "Kind",
    "Quantity",
    "Unit Value",
    "Value",
    "Valuation Basis",
    "Reference Unit Value",
    "Deviation (%)",
    "Valuation Technique",
]


@tagged("post_install", "-at_install")
class TestMinistryWorkbook(HealthCharityReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cons = cls._consolidation(jalali_quarter="0", jalali_year=1403)
        # 1403 whole year: only the gift of 2025-03-20 (Esfand 30, 1403)
        cls.cons_1404 = cls._consolidation()
        cls.cons_1404.action_compute()

    def _detail(self, wb):
        sheet = wb.worksheets[-1]
        rows = list(sheet.iter_rows(values_only=True))
        header = list(rows[0])
        return header, rows[1:]

    def test_layout_and_totals(self):
        wb = self._render_xlsx(MINISTRY, self.cons_1404, user=self.finance)
        names = wb.sheetnames
        # summary, disclosures, 3 units, detail
        self.assertEqual(len(names), 1 + 1 + 3 + 1)
        self.assertEqual(names[1], "Disclosures")
        self.assertIn(self.hospital_a.name[:31], names)
        header, rows = self._detail(wb)
        for label in CONTRACT_HEADERS:
            self.assertIn(label, header)
        col = {label: header.index(label) for label in header}
        data = [r for r in rows if r[0] != "Total"]
        self.assertEqual(len(data), self.cons_1404.contribution_line_count)
        self.assertEqual(
            sum(r[col["Value"]] for r in data), self.cons_1404.amount_total
        )
        for r in data:
            self.assertIsInstance(r[col["Value"]], float | int)
            self.assertTrue(r[col["Reference"]].startswith("CON/"))
        total_row = [r for r in rows if r[0] == "Total"]
        self.assertEqual(len(total_row), 1)
        # SUBTOTAL: the total follows the autofilter
        self.assertTrue(total_row[0][col["Value"]].startswith("=SUBTOTAL(9,"))
        # the summary's grand total equals the database total
        summary = wb.worksheets[0]
        grand = [
            r for r in summary.iter_rows(values_only=True) if r[0] == "Grand Total"
        ]
        self.assertTrue(grand)
        self.assertTrue(str(grand[0][-1]).startswith("=SUM("))

    def _render_values(self, consolidation):
        import io

        import openpyxl

        content, _ext = (
            self.env["ir.actions.report"]
            .with_user(self.finance)
            .with_context(allowed_company_ids=self.units.ids)
            ._render_xlsx(MINISTRY, consolidation.ids, data={})
        )
        return openpyxl.load_workbook(io.BytesIO(content), data_only=True)

    def test_disclosures_sheet_totals_equal_detail(self):
        wb = self._render_values(self.cons_1404)
        rows = list(wb["Disclosures"].iter_rows(values_only=True))
        header_at = next(i for i, r in enumerate(rows) if r[0] == "Category")
        header = list(rows[header_at])
        total = next(r for r in rows if r[0] == "Total")
        data = [r for r in rows[header_at + 1 :] if r[0] != "Total"]
        value_col = header.index("Value")
        detail = list(wb.worksheets[-1].iter_rows(values_only=True))
        detail_value_col = list(detail[0]).index("Value")
        self.assertEqual(total[value_col], detail[-1][detail_value_col])
        self.assertEqual(total[value_col], self.cons_1404.amount_total)
        self.assertEqual(sum(r[value_col] for r in data), self.cons_1404.amount_total)
        self.assertEqual(
            total[header.index("Lines")], self.cons_1404.contribution_line_count
        )
        # one row per category and technique, every technique labelled
        techniques = {r[header.index("Valuation Technique")] for r in data}
        self.assertTrue(techniques)
        for key in ("With a Reference (%)", "Reviewed by the Committee (%)"):
            self.assertIn(key, header)
            share = total[header.index(key)]
            self.assertTrue(0 <= share <= 100, (key, share))

    def test_detail_sheet_layout(self):
        wb = self._render_values(self.cons_1404)
        detail = wb.worksheets[-1]
        self.assertEqual(detail.freeze_panes, "A2")
        self.assertTrue(detail.auto_filter.ref)
        header = [c.value for c in detail[1]]
        quantity = detail.cell(row=2, column=header.index("Quantity") + 1)
        # a whole quantity shows without a trailing "." ("5", not "5.")
        self.assertEqual(quantity.number_format, "#,##0")

    def test_sheet_names_unique_and_readable(self):
        from ..report.hc_report_xlsx_abstract import unique_sheet_name

        used = set()
        long_name = "Imam Khomeini Hospital of Iranshahr: Women's Ward"
        first = unique_sheet_name(long_name, used)
        second = unique_sheet_name(long_name, used)
        self.assertLessEqual(len(first), 31)
        self.assertLessEqual(len(second), 31)
        self.assertNotEqual(first, second)
        self.assertNotIn(":", first)
        self.assertTrue(first.startswith("Imam Khomeini Hospital of"))
        self.assertTrue(first.endswith("…"))
        self.assertEqual(unique_sheet_name("Besat Hospital", used), "Besat Hospital")

    def test_cached_formula_values(self):
        """Readers that do not calculate see the computed totals."""
        import io

        import openpyxl

        content, _ext = (
            self.env["ir.actions.report"]
            .with_user(self.finance)
            .with_context(allowed_company_ids=self.units.ids)
            ._render_xlsx(MINISTRY, self.cons_1404.ids, data={})
        )
        wb = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
        summary = wb.worksheets[0]
        grand = next(
            r for r in summary.iter_rows(values_only=True) if r[0] == "Grand Total"
        )
        self.assertEqual(grand[-1], self.cons_1404.amount_total)
        detail = list(wb.worksheets[-1].iter_rows(values_only=True))
        self.assertEqual(detail[-1][0], "Total")
        value_col = list(detail[0]).index("Value")
        self.assertEqual(detail[-1][value_col], self.cons_1404.amount_total)

    def test_jalali_dates_at_nowruz(self):
        self.cons.action_compute()
        wb = self._render_xlsx(MINISTRY, self.cons, user=self.finance)
        header, rows = self._detail(wb)
        jcol = header.index("Jalali Date")
        self.assertEqual(rows[0][jcol], "1403/12/30")
        # the Gregorian date is a real Excel date, not text
        self.assertEqual(rows[0][header.index("Date")], datetime(2025, 3, 20))
        wb = self._render_xlsx(MINISTRY, self.cons_1404, user=self.finance)
        header, rows = self._detail(wb)
        self.assertIn("1404/01/01", [r[jcol] for r in rows])

    def test_per_unit_sheets(self):
        wb = self._render_xlsx(MINISTRY, self.cons_1404, user=self.finance)
        sheet = wb[self.hospital_a.name[:31]]
        values = [r for r in sheet.iter_rows(values_only=True) if r[0] == "Total"]
        self.assertEqual(len(values), 1)
        expected = sum(
            line.value
            for line in self.cons_1404.line_ids
            if line.unit_id == self.hospital_a
        )
        self.assertEqual(expected, 805_000_000)

    def test_access_refused(self):
        with self.assertRaises(AccessError):
            self._render_xlsx(MINISTRY, self.cons_1404, user=self.officer_a)
        gift_b = self.gifts.filtered(lambda g: g.company_id == self.hospital_b)
        with self.assertRaises(AccessError):
            self._render_xlsx(CONTRIBUTIONS, gift_b, user=self.officer_a)

    def test_contribution_export_and_formula_injection(self):
        gift = self._contribution(
            lines=[self._line(self.cat_cash, 1, 1_000, name='=HYPERLINK("x")')]
        )
        wb = self._render_xlsx(CONTRIBUTIONS, gift | self.gifts[0], user=self.staff)
        header, rows = self._detail(wb)
        desc = header.index("Description")
        texts = [r[desc] for r in rows]
        self.assertIn('=HYPERLINK("x")', texts)  # stored as text, not a formula
        sheet = wb.worksheets[-1]
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == '=HYPERLINK("x")':
                    self.assertEqual(cell.data_type, "s")

    def _job(self, **vals):
        cons = self.cons_1404.with_user(self.finance)
        job = (
            self.env["hc.consolidation.job"]
            .with_user(self.finance)
            ._hc_queue(cons, "workbook")
        )
        if vals:
            with hc_internal():
                job.sudo().write(vals)
        return cons, job

    def test_failed_job_is_reported_and_retried(self):
        cons, job = self._job()

        def boom(self):
            raise ValueError("worker died")

        self.patch(type(self.env["hc.consolidation.job"]), "_hc_run_workbook", boom)
        self.assertEqual(self._run_jobs(), 1)
        self.assertEqual(job.state, "failed")
        self.assertEqual(job.attempts, 1)
        self.assertEqual(cons.workbook_state, "failed")
        self.assertIn("worker died", cons.workbook_error)
        self.assertFalse(cons.workbook_attachment_id)
        # no system parameter carries progress any more
        params = (
            self.env["ir.config_parameter"]
            .sudo()
            .search([("key", "like", "workbook_progress")])
        )
        self.assertFalse(params)

    def test_killed_job_is_retried(self):
        """A job whose worker died stays "running": an hour later the next run
        produces the workbook (attempts are counted and bounded)."""
        cons, job = self._job(
            state="running", started="2020-01-01 00:00:00", attempts=1
        )
        self._run_jobs()
        self.assertEqual(job.state, "done")
        self.assertEqual(job.attempts, 2)
        self.assertEqual(cons.workbook_state, "done")
        self.assertTrue(cons.workbook_attachment_id.raw.startswith(b"PK"))
        _cons, job = self._job(
            state="running", started="2020-01-01 00:00:00", attempts=3
        )
        self._run_jobs()
        self.assertEqual(job.state, "failed")
        self.assertIn("3 attempts", job.error)

    def test_job_is_the_applications(self):
        """Nobody enters or edits a job, whatever their role."""
        _cons, job = self._job()
        Job = self.env["hc.consolidation.job"]
        for name in ("state", "user_id", "attachment_id", "progress", "attempts"):
            self.assertIn(name, Job._hc_get_protected_fields())
        with self.assertRaises(AccessError):
            job.with_user(self.finance).write({"progress": 50})
        with self.assertRaises(AccessError):
            Job.with_user(self.manager).create(
                {"consolidation_id": self.cons_1404.id, "kind": "workbook"}
            )
        # an officer who may not read every unit does not see the job
        self.assertFalse(Job.with_user(self.officer_a).search([("id", "=", job.id)]))

    def test_persian_user_gets_rtl_sheets(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.finance.lang = "fa_IR"
        wb = self._render_xlsx(MINISTRY, self.cons_1404, user=self.finance)
        for sheet in wb.worksheets:
            self.assertTrue(sheet.sheet_view.rightToLeft)

    def test_big_workbook_in_background(self):
        cons = self.cons_1404.with_user(self.finance)
        action = cons.action_generate_workbook()
        self.assertEqual(action["type"], "ir.actions.report")
        self.patch(
            type(self.env["hc.consolidation"]),
            "_get_background_threshold",
            lambda self: 0,
        )
        self.assertTrue(cons.action_generate_workbook())
        self.assertEqual(cons.workbook_state, "queued")
        job = cons.job_ids
        self.assertEqual(job.user_id, self.finance)
        self.assertEqual(job.kind, "workbook")
        self._run_jobs()
        self.assertEqual(cons.workbook_state, "done")
        self.assertEqual(cons.workbook_progress, 100)
        first = cons.workbook_attachment_id
        self.assertTrue(first.raw.startswith(b"PK"))
        self.assertEqual(first.res_model, "hc.consolidation")
        self.assertEqual(first.res_id, cons.id)
        action = cons.action_download_workbook()
        self.assertIn(str(first.id), action["url"])
        # a new workbook replaces the file of the previous one
        cons.action_generate_workbook()
        self._run_jobs()
        self.assertTrue(cons.workbook_attachment_id)
        self.assertNotEqual(cons.workbook_attachment_id, first)
        self.assertFalse(first.exists())


@tagged("post_install", "-at_install")
class TestNamesInTheReadersLanguage(HealthCharityReportsCase):
    def test_persian_names_and_file_names(self):
        if not self.env["res.lang"]._lang_get("fa_IR"):
            self.skipTest("Persian is not loaded")
        Consolidation = self.env["hc.consolidation"].with_user(self.finance)
        cons = Consolidation.with_context(lang="fa_IR").create(
            {
                "period_type": "jalali",
                "jalali_year": 1404,
                "jalali_quarter": "1",
                "company_id": self.university.id,
                "unit_company_ids": [Command.set(self.units.ids)],
            }
        )
        self.assertEqual(cons.name, "تجمیع 1404 فصل 1")
        name = cons.with_env(cons.env(context={"lang": "fa_IR"})).hc_report_filename()
        self.assertIn("\u200c", name)  # ارزش‌گذاری, کمک‌ها: ZWNJ, never "_"
        self.assertNotIn("_", name)
        english = Consolidation.with_context(lang="en_US").create(
            {
                "period_type": "jalali",
                "jalali_year": 1403,
                "jalali_quarter": "2",
                "company_id": self.university.id,
                "unit_company_ids": [Command.set(self.units.ids)],
            }
        )
        self.assertEqual(english.name, "Consolidation 1403 Q2")
