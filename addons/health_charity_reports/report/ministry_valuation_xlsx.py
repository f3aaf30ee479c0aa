# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import models
from odoo.tools import SQL

from odoo.addons.health_charity.tools.jalali import to_jalali_str

from .hc_report_xlsx_abstract import Column, _col_letter


class MinistryValuationXlsx(models.AbstractModel):
    """The Ministry valuation workbook of one consolidation: summary by
    category × unit (first sheet), the valuation disclosures by category and
    technique, one sheet per unit in the same unified format, and one row
    per contribution line (last sheet)."""

    _name = "report.health_charity_reports.ministry_valuation_xlsx"
    _description = "Ministry Valuation Workbook"
    _inherit = "report.health_charity_reports.abstract_xlsx"

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        for consolidation in objs:
            # the file covers exactly the units stored on the consolidation,
            # whatever the company switcher shows: refused, with the unit
            # named, to a user who may not read one of them
            consolidation._get_unit_ids()
        formats = self._get_formats(workbook)
        for consolidation in objs:
            self._write_consolidation(workbook, consolidation, formats)

    def _get_kinds(self):
        return self._selection_labels("hc.contribution.category", "kind")

    def _write_consolidation(self, workbook, consolidation, formats):
        units = consolidation.unit_company_ids.sorted("id")
        lines = consolidation.line_ids
        categories = lines.category_id.sorted(lambda c: (c.sequence, c.id))
        if not categories:
            categories = self.env["hc.contribution.category"].search([])
        cells = defaultdict(float)
        counts = defaultdict(int)
        for line in lines:
            cells[line.unit_id.id, line.category_id.id] += line.value
            counts[line.unit_id.id, line.category_id.id] += line.count
        self._write_summary(workbook, consolidation, units, categories, cells, formats)
        self._write_disclosures(workbook, consolidation, formats)
        for unit in units:
            self._write_unit_sheet(
                workbook, consolidation, unit, categories, cells, counts, formats
            )
        progress = None
        record = self.env.context.get("hc_progress_record")
        # set by the background job only: a caller's JSON value is no record
        if not isinstance(record, models.BaseModel):
            record = None
        if record and consolidation.contribution_line_count:
            total_lines = consolidation.contribution_line_count

            def progress(done):
                record._hc_set_progress(min(99, 100 * done // total_lines))

        self._write_detail_sheet(
            workbook,
            self.env._("Contribution Lines"),
            consolidation._get_candidate_where(),
            formats,
            progress=progress,
        )

    # ------------------------------------------------------------ disclosures
    def _get_disclosure_columns(self):
        """Per category and valuation technique (the first three columns
        are the grouping keys): how much, how it was valued, what became of
        it. Shares are of the value, in percent."""
        value = SQL("l.value")

        def share(condition):
            return SQL(
                "100.0 * COALESCE(SUM(l.value) FILTER (WHERE %s), 0)"
                " / NULLIF(SUM(l.value), 0)",
                condition,
            )

        def value_where(condition):
            return SQL("COALESCE(SUM(l.value) FILTER (WHERE %s), 0)", condition)

        referenced = SQL("l.reference_id IS NOT NULL")
        reviewed = SQL("c.valuation_reviewed")
        return [
            Column(
                "category",
                self.env._("Category"),
                "text",
                26,
                SQL("COALESCE(cat.name->>%s, cat.name->>'en_US')", self._lang()),
            ),
            Column(
                "kind",
                self.env._("Kind"),
                "text",
                14,
                SQL("cat.kind"),
                convert=self._labels("hc.contribution.category", "kind"),
            ),
            Column(
                "technique",
                self.env._("Valuation Technique"),
                "text",
                22,
                SQL("l.valuation_technique"),
                convert=self._labels("hc.contribution.line", "valuation_technique"),
            ),
            Column("count", self.env._("Lines"), "number", 10, SQL("COUNT(*)")),
            Column("value", self.env._("Value"), "number", 20, SQL("SUM(%s)", value)),
            Column(
                "value_referenced",
                self.env._("Value with a Reference"),
                "number",
                20,
                value_where(referenced),
            ),
            Column(
                "share_referenced",
                self.env._("With a Reference (%)"),
                "percent",
                12,
                share(referenced),
            ),
            Column(
                "value_reviewed",
                self.env._("Value Reviewed by the Committee"),
                "number",
                20,
                value_where(reviewed),
            ),
            Column(
                "share_reviewed",
                self.env._("Reviewed by the Committee (%)"),
                "percent",
                12,
                share(reviewed),
            ),
            Column(
                "restricted",
                self.env._("Restricted by the Donor"),
                "number",
                18,
                value_where(SQL("l.restriction IN ('purpose', 'time')")),
            ),
            Column(
                "used",
                self.env._("Used or Distributed"),
                "number",
                18,
                value_where(SQL("l.disposition IN ('used', 'distributed')")),
            ),
            Column(
                "sold",
                self.env._("Sold"),
                "number",
                18,
                value_where(SQL("l.disposition = 'sold'")),
            ),
            Column(
                "in_stock",
                self.env._("In Stock"),
                "number",
                18,
                value_where(SQL("l.disposition = 'in_stock'")),
            ),
        ]

    def _query_disclosures(self, consolidation, columns):
        self.env["hc.contribution"].flush_model()
        self.env["hc.contribution.line"].flush_model()
        self.env.cr.execute(
            SQL(
                """SELECT %s FROM %s WHERE %s
                   GROUP BY 1, 2, 3, cat.sequence, cat.id
                   ORDER BY cat.sequence, cat.id, 3 NULLS FIRST""",
                SQL(", ").join(column.sql for column in columns),
                self._get_detail_from(),
                consolidation._get_candidate_where(),
            )
        )
        return self.env.cr.fetchall()

    def _write_disclosures(self, workbook, consolidation, formats):
        """Every in-kind rial traced to a technique, a reference or the
        committee; the totals equal the detail sheet's."""
        sheet = self._add_sheet(workbook, self.env._("Disclosures"))
        self._write_header_block(
            sheet, consolidation, self.env._("Valuation disclosures"), formats
        )
        columns = self._get_disclosure_columns()
        header_row = 5
        self._write_header_row(sheet, columns, formats, header_row)
        writers = [self._get_cell_writer(sheet, c.kind, formats) for c in columns]
        keys = [c.key for c in columns]
        sums = defaultdict(float)
        row = header_row
        for rec in self._query_disclosures(consolidation, columns):
            row += 1
            for col, (column, value) in enumerate(zip(columns, rec, strict=True)):
                if column.convert:
                    value = column.convert(value)
                if column.kind == "number":
                    sums[column.key] += value or 0.0
                writers[col](row, col, value)
        sheet.freeze_panes(header_row + 1, 0)
        total_row = row + 1
        self._write_text(
            sheet, total_row, 0, self.env._("Total"), formats["total_label"]
        )
        for col, column in enumerate(columns):
            letter = _col_letter(col)
            if column.kind == "number":
                sheet.write_formula(
                    total_row,
                    col,
                    f"=SUM({letter}{header_row + 2}:{letter}{total_row})",
                    formats["total"],
                    sums[column.key],
                )
        for key, part in (
            ("share_referenced", "value_referenced"),
            ("share_reviewed", "value_reviewed"),
        ):
            col = keys.index(key)
            share = 100.0 * sums[part] / sums["value"] if sums["value"] else 0.0
            sheet.write_number(total_row, col, share, formats["percent"])
        return sums

    def _row_sum_formula(self, row, first_col, last_col):
        return (
            f"=SUM({_col_letter(first_col)}{row + 1}:{_col_letter(last_col)}{row + 1})"
        )

    def _write_header_block(self, sheet, consolidation, title, formats):
        sheet.write_string(0, 0, title, formats["title"])
        self._write_text(sheet, 1, 0, self.env._("Consolidation"), formats["text"])
        self._write_text(sheet, 1, 1, consolidation.name, formats["text"])
        self._write_text(sheet, 2, 0, self.env._("Period"), formats["text"])
        self._write_text(
            sheet,
            2,
            1,
            f"{to_jalali_str(consolidation.date_from)} - "
            f"{to_jalali_str(consolidation.date_to)}",
            formats["text"],
        )
        self._write_text(sheet, 3, 0, self.env._("University"), formats["text"])
        self._write_text(sheet, 3, 1, consolidation.company_id.name, formats["text"])

    def _write_summary(
        self, workbook, consolidation, units, categories, cells, formats
    ):
        sheet = self._add_sheet(workbook, self.env._("Summary"))
        self._write_header_block(
            sheet,
            consolidation,
            self.env._("Valuation of benefactors' contributions"),
            formats,
        )
        kinds = self._get_kinds()
        header_row = 5
        headers = (
            [self.env._("Category"), self.env._("Kind")]
            + units.mapped("name")
            + [self.env._("Total")]
        )
        sheet.set_column(0, 0, 26)
        sheet.set_column(1, 1, 14)
        sheet.set_column(2, len(headers), 20)
        for col, label in enumerate(headers):
            self._write_text(sheet, header_row, col, label, formats["header"])
        first_data_row = header_row + 1
        row = first_data_row
        total_col = len(headers) - 1
        kind_totals = defaultdict(lambda: defaultdict(float))
        for category in categories:
            self._write_text(sheet, row, 0, category.name, formats["text"])
            self._write_text(sheet, row, 1, kinds.get(category.kind), formats["text"])
            row_total = 0.0
            for col, unit in enumerate(units, start=2):
                value = cells[unit.id, category.id]
                row_total += value
                kind_totals[category.kind][unit.id] += value
                sheet.write_number(row, col, value, formats["number"])
            sheet.write_formula(
                row,
                total_col,
                self._row_sum_formula(row, 2, total_col - 1),
                formats["number"],
                row_total,
            )
            row += 1
        last_data_row = row - 1
        # subtotals by kind, then the grand total
        for kind in ("cash", "in_kind", "construction"):
            self._write_text(
                sheet,
                row,
                0,
                self.env._("Subtotal: %s", kinds.get(kind)),
                formats["total_label"],
            )
            self._write_text(sheet, row, 1, kinds.get(kind), formats["total_label"])
            kind_sum = 0.0
            for col, unit in enumerate(units, start=2):
                value = kind_totals[kind][unit.id]
                kind_sum += value
                letter = _col_letter(col)
                sheet.write_formula(
                    row,
                    col,
                    f"=SUMIF($B${first_data_row + 1}:$B${last_data_row + 1},"
                    f'"{kinds.get(kind)}",{letter}{first_data_row + 1}:'
                    f"{letter}{last_data_row + 1})",
                    formats["total"],
                    value,
                )
            sheet.write_formula(
                row,
                total_col,
                self._row_sum_formula(row, 2, total_col - 1),
                formats["total"],
                kind_sum,
            )
            row += 1
        self._write_text(
            sheet, row, 0, self.env._("Grand Total"), formats["total_label"]
        )
        self._write_text(sheet, row, 1, "", formats["total_label"])
        grand = 0.0
        for col, unit in enumerate(units, start=2):
            value = sum(cells[unit.id, c.id] for c in categories)
            grand += value
            letter = _col_letter(col)
            sheet.write_formula(
                row,
                col,
                f"=SUM({letter}{first_data_row + 1}:{letter}{last_data_row + 1})",
                formats["total"],
                value,
            )
        letter = _col_letter(total_col)
        sheet.write_formula(
            row,
            total_col,
            f"=SUM({letter}{first_data_row + 1}:{letter}{last_data_row + 1})",
            formats["total"],
            grand,
        )

    def _write_unit_sheet(
        self, workbook, consolidation, unit, categories, cells, counts, formats
    ):
        sheet = self._add_sheet(workbook, unit.name)
        self._write_header_block(sheet, consolidation, unit.name, formats)
        kinds = self._get_kinds()
        header_row = 5
        for col, label in enumerate(
            [
                self.env._("Category"),
                self.env._("Kind"),
                self.env._("Contributions"),
                self.env._("Value"),
            ]
        ):
            self._write_text(sheet, header_row, col, label, formats["header"])
        sheet.set_column(0, 0, 26)
        sheet.set_column(1, 3, 18)
        row = header_row + 1
        total = 0.0
        count_total = 0
        for category in categories:
            value = cells[unit.id, category.id]
            count = counts[unit.id, category.id]
            total += value
            count_total += count
            self._write_text(sheet, row, 0, category.name, formats["text"])
            self._write_text(sheet, row, 1, kinds.get(category.kind), formats["text"])
            sheet.write_number(row, 2, count, formats["number"])
            sheet.write_number(row, 3, value, formats["number"])
            row += 1
        self._write_text(sheet, row, 0, self.env._("Total"), formats["total_label"])
        sheet.write_formula(
            row, 2, f"=SUM(C{header_row + 2}:C{row})", formats["total"], count_total
        )
        sheet.write_formula(
            row, 3, f"=SUM(D{header_row + 2}:D{row})", formats["total"], total
        )
