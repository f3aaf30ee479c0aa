# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import models

from odoo.addons.health_charity.tools.jalali import to_jalali_str

from .hc_report_xlsx_abstract import Column, _col_letter


class NationalXlsx(models.AbstractModel):
    """The national workbook (Ministry side), in the design of the Ministry
    valuation workbook: a summary by category × university with the grand
    total (first sheet), the submissions, the valuation disclosures by
    category and technique, and one sheet per university with its lines by
    unit and category."""

    _name = "report.health_charity_reports.national_xlsx"
    _description = "National Workbook"
    _inherit = "report.health_charity_reports.abstract_xlsx"

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        submissions = objs.sorted(lambda s: (s.university_code, s.date_from, s.id))
        formats = self._get_formats(workbook)
        self._write_summary(workbook, submissions, formats)
        sheet = self._add_sheet(workbook, self.env._("Submissions"))
        last = self._write_records_table(
            sheet, self._get_submission_columns(), submissions, formats
        )
        self._write_total_row(
            sheet,
            self._get_submission_columns(),
            1,
            last,
            formats,
            {
                "contributions": sum(submissions.mapped("contribution_count")),
                "lines": sum(submissions.mapped("line_count")),
                "value": sum(submissions.mapped("amount_total")),
            },
        )
        self._write_disclosures(workbook, submissions, formats)
        for submission in submissions:
            self._write_university_sheet(workbook, submission, formats)

    # -------------------------------------------------------------- columns
    def _get_submission_columns(self):
        state = self._labels("hc.national.submission", "state")
        return [
            Column(
                "code", self.env._("Code"), "text", 10, get=lambda s: s.university_code
            ),
            Column(
                "university",
                self.env._("University"),
                "text",
                34,
                get=lambda s: s.university_id.name,
            ),
            Column(
                "province",
                self.env._("Province"),
                "text",
                18,
                get=lambda s: s.province_id.name,
            ),
            Column(
                "quarter",
                self.env._("Quarter"),
                "text",
                10,
                get=lambda s: s.jalali_period_id.name,
            ),
            Column(
                "period",
                self.env._("Period"),
                "text",
                24,
                get=lambda s: (
                    f"{to_jalali_str(s.date_from)} - {to_jalali_str(s.date_to)}"
                ),
            ),
            Column(
                "version", self.env._("Version"), "number", 8, get=lambda s: s.version
            ),
            Column(
                "state",
                self.env._("Status"),
                "text",
                12,
                get=lambda s: s.state,
                convert=state,
            ),
            Column(
                "contributions",
                self.env._("Contributions"),
                "number",
                14,
                get=lambda s: s.contribution_count,
            ),
            Column(
                "lines", self.env._("Lines"), "number", 10, get=lambda s: s.line_count
            ),
            Column(
                "value", self.env._("Value"), "number", 20, get=lambda s: s.amount_total
            ),
        ]

    def _get_line_columns(self):
        kind = self._labels("hc.national.submission.line", "kind")
        return [
            Column("unit", self.env._("Unit"), "text", 30, get=lambda r: r.unit_name),
            Column(
                "category",
                self.env._("Category"),
                "text",
                26,
                get=lambda r: r.category_id.name or r.category_code,
            ),
            Column(
                "kind",
                self.env._("Kind"),
                "text",
                14,
                get=lambda r: r.kind,
                convert=kind,
            ),
            Column(
                "count",
                self.env._("Contributions"),
                "number",
                14,
                get=lambda r: r.count,
            ),
            Column(
                "lines", self.env._("Lines"), "number", 10, get=lambda r: r.line_count
            ),
            Column("value", self.env._("Value"), "number", 20, get=lambda r: r.value),
        ]

    def _get_disclosure_columns(self):
        technique = self._labels("hc.national.submission.disclosure", "technique")
        kind = self._labels("hc.national.submission.disclosure", "kind")
        return [
            Column("category", self.env._("Category"), "text", 26, get=lambda r: r[0]),
            Column(
                "kind", self.env._("Kind"), "text", 14, get=lambda r: r[1], convert=kind
            ),
            Column(
                "technique",
                self.env._("Valuation Technique"),
                "text",
                22,
                get=lambda r: r[2],
                convert=technique,
            ),
            Column(
                "lines", self.env._("Lines"), "number", 10, get=lambda r: r[3]["lines"]
            ),
            Column(
                "value", self.env._("Value"), "number", 20, get=lambda r: r[3]["value"]
            ),
            Column(
                "value_referenced",
                self.env._("Value with a Reference"),
                "number",
                20,
                get=lambda r: r[3]["value_referenced"],
            ),
            Column(
                "value_reviewed",
                self.env._("Value Reviewed by the Committee"),
                "number",
                20,
                get=lambda r: r[3]["value_reviewed"],
            ),
            Column(
                "value_restricted",
                self.env._("Restricted Value"),
                "number",
                18,
                get=lambda r: r[3]["value_restricted"],
            ),
            Column(
                "value_sold",
                self.env._("Value Sold"),
                "number",
                18,
                get=lambda r: r[3]["value_sold"],
            ),
        ]

    # --------------------------------------------------------------- sheets
    def _write_total_row(
        self, sheet, columns, first_row, last_row, formats, values=None
    ):
        """A "Total" row under a table: SUM formulas carrying their value."""
        row = last_row + 1
        self._write_text(sheet, row, 0, self.env._("Total"), formats["total_label"])
        for col, column in enumerate(columns):
            if column.kind != "number" or column.key == "version":
                continue
            letter = _col_letter(col)
            value = (values or {}).get(column.key, 0.0)
            sheet.write_formula(
                row,
                col,
                f"=SUM({letter}{first_row + 1}:{letter}{last_row + 1})",
                formats["total"],
                value,
            )
        return row

    def _write_summary(self, workbook, submissions, formats):
        sheet = self._add_sheet(workbook, self.env._("Summary"))
        sheet.write_string(
            0,
            0,
            self.env._("National valuation of benefactors' contributions"),
            formats["title"],
        )
        periods = sorted(set(submissions.jalali_period_id.mapped("name")))
        self._write_text(sheet, 1, 0, self.env._("Quarter"), formats["text"])
        self._write_text(sheet, 1, 1, ", ".join(periods), formats["text"])
        cells = defaultdict(float)
        categories = submissions.line_ids.category_id.sorted(
            lambda c: (c.sequence, c.id)
        )
        for line in submissions.line_ids:
            cells[line.submission_id.id, line.category_id.id] += line.value
        kinds = self._selection_labels("hc.contribution.category", "kind")
        header_row = 3
        headers = (
            [self.env._("Category"), self.env._("Kind")]
            + [f"{s.university_code} v{s.version}" for s in submissions]
            + [self.env._("Total")]
        )
        sheet.set_column(0, 0, 26)
        sheet.set_column(1, 1, 14)
        sheet.set_column(2, len(headers), 18)
        for col, label in enumerate(headers):
            self._write_text(sheet, header_row, col, label, formats["header"])
        row = header_row + 1
        total_col = len(headers) - 1
        for category in categories:
            self._write_text(sheet, row, 0, category.name, formats["text"])
            self._write_text(sheet, row, 1, kinds.get(category.kind), formats["text"])
            row_total = 0.0
            for col, submission in enumerate(submissions, start=2):
                value = cells[submission.id, category.id]
                row_total += value
                sheet.write_number(row, col, value, formats["number"])
            sheet.write_formula(
                row,
                total_col,
                f"=SUM(C{row + 1}:{_col_letter(total_col - 1)}{row + 1})",
                formats["number"],
                row_total,
            )
            row += 1
        self._write_text(
            sheet, row, 0, self.env._("Grand Total"), formats["total_label"]
        )
        first, last = header_row + 2, row
        for col, submission in enumerate(submissions, start=2):
            letter = _col_letter(col)
            sheet.write_formula(
                row,
                col,
                f"=SUM({letter}{first}:{letter}{last})",
                formats["total"],
                sum(cells[submission.id, c.id] for c in categories),
            )
        letter = _col_letter(total_col)
        sheet.write_formula(
            row,
            total_col,
            f"=SUM({letter}{first}:{letter}{last})",
            formats["total"],
            sum(cells.values()),
        )
        sheet.freeze_panes(header_row + 1, 2)

    def _write_disclosures(self, workbook, submissions, formats):
        sheet = self._add_sheet(workbook, self.env._("Disclosures"))
        keys = (
            "lines",
            "value",
            "value_referenced",
            "value_reviewed",
            "value_restricted",
            "value_sold",
        )
        groups = defaultdict(lambda: dict.fromkeys(keys, 0.0))
        for row in submissions.disclosure_ids:
            key = (
                row.category_id.name or row.category_code,
                row.kind,
                row.technique or "",
            )
            for name in keys:
                groups[key][name] += row[name]
        rows = [(*key, sums) for key, sums in sorted(groups.items())]
        columns = self._get_disclosure_columns()
        last = self._write_records_table(sheet, columns, rows, formats)
        totals = {name: sum(r[3][name] for r in rows) for name in keys}
        self._write_total_row(sheet, columns, 1, last, formats, totals)

    def _write_university_sheet(self, workbook, submission, formats):
        sheet = self._add_sheet(workbook, submission.university_id.name)
        columns = self._get_line_columns()
        sheet.write_string(
            0,
            0,
            f"{submission.university_id.name} ({submission.university_code}) - "
            f"{submission.jalali_period_id.name or ''} v{submission.version}",
            formats["title"],
        )
        lines = submission.line_ids
        last = self._write_records_table(sheet, columns, lines, formats, row=2)
        self._write_total_row(
            sheet,
            columns,
            3,
            last,
            formats,
            {
                "count": sum(lines.mapped("count")),
                "lines": sum(lines.mapped("line_count")),
                "value": sum(lines.mapped("value")),
            },
        )
