# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared base of the Health Charity XLSX reports (OCA report_xlsx).

Every report is a list of columns plus its query, the way OCA
``account_financial_report`` lays its reports out: a :class:`Column` is
declared once (key, label, kind, width, and either the SQL expression that
selects it or the function that reads it from a record); the query's SELECT
list and the writer are both generated from that list, so no positional
tuple is shared between a query and a writer.

Override points: ``_get_detail_columns`` (columns of the detail sheet),
``_get_detail_from`` (which tables), ``_get_cell_writer`` (how a kind of
cell is written).
Rows come from one SQL query read through a server-side cursor and are
written in order with xlsxwriter's ``constant_memory`` mode, so memory stays
flat whatever the number of lines. Access is checked on the records before
anything is read; the SQL is restricted to the units the user may read.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from xlsxwriter.utility import datetime_to_excel_datetime

from odoo import models
from odoo.tools import SQL

from odoo.addons.health_charity.tools.jalali import to_jalali_str

FORMULA_PREFIXES = ("=", "+", "-", "@")
FETCH_SIZE = 5000
SHEET_NAME_MAX = 31
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Column:
    """One column of a report, declared once.

    ``kind`` is ``text``, ``number``, ``quantity``, ``percent`` or ``date``;
    ``sql`` selects the raw value (SQL reports), ``get`` reads it from a
    record (record reports); ``convert`` turns the raw value into what the
    cell shows (a selection label, a Jalali date...)."""

    key: str
    label: str
    kind: str = "text"
    width: int = 14
    sql: SQL | None = None
    get: Callable | None = None
    convert: Callable | None = None


def unique_sheet_name(name, used):
    """An Excel sheet name for ``name``: forbidden characters replaced, cut
    at a word boundary to 31 characters with an ellipsis, and kept unique
    among ``used`` (which it extends) with a number."""
    clean = SHEET_NAME_FORBIDDEN.sub("-", name or "").strip().strip("'") or "-"
    candidate, number = clean, 1
    while True:
        suffix = f" ({number})" if number > 1 else ""
        room = SHEET_NAME_MAX - len(suffix)
        base = clean
        if len(base) > room:
            cut = base[: room - 1]
            if " " in cut[room // 2 :]:
                cut = cut[: cut.rindex(" ")]
            base = cut.rstrip() + "…"
        candidate = base + suffix
        if candidate.casefold() not in used:
            used.add(candidate.casefold())
            return candidate
        number += 1


class HcReportXlsxAbstract(models.AbstractModel):
    _name = "report.health_charity_reports.abstract_xlsx"
    _description = "Health Charity XLSX Report (abstract)"
    _inherit = "report.report_xlsx.abstract"

    def get_workbook_options(self):
        return {"constant_memory": True, "strings_to_formulas": False}

    # ---------------------------------------------------------------- basics
    def _is_rtl(self):
        lang = self.env.context.get("lang") or self.env.user.lang or ""
        return lang.startswith(("fa", "ar", "he"))

    def _lang(self):
        return self.env.context.get("lang") or self.env.user.lang or "en_US"

    def _get_formats(self, workbook):
        rtl = {"reading_order": 2} if self._is_rtl() else {}
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14, **rtl}),
            "header": workbook.add_format(
                {
                    "bold": True,
                    "bg_color": "#DDEBF7",
                    "border": 1,
                    "text_wrap": True,
                    **rtl,
                }
            ),
            # a text cell in a left-to-right workbook has no format at all
            # (an empty one is still an attribute on each of a million cells)
            "text": workbook.add_format(rtl) if rtl else None,
            "date": workbook.add_format({"num_format": "yyyy-mm-dd", **rtl}),
            "number": workbook.add_format({"num_format": "#,##0", **rtl}),
            # whole quantities without the trailing "." of "#,##0.##"
            "quantity": workbook.add_format({"num_format": "#,##0", **rtl}),
            "quantity_decimal": workbook.add_format({"num_format": "#,##0.0##", **rtl}),
            "percent": workbook.add_format({"num_format": "0.0", **rtl}),
            "total_label": workbook.add_format({"bold": True, "top": 1, **rtl}),
            "total": workbook.add_format(
                {"bold": True, "top": 1, "num_format": "#,##0", **rtl}
            ),
        }

    def _add_sheet(self, workbook, name):
        used = getattr(workbook, "_hc_sheet_names", None)
        if used is None:
            used = workbook._hc_sheet_names = set()
        sheet = workbook.add_worksheet(unique_sheet_name(name, used))
        if self._is_rtl():
            sheet.right_to_left()
        return sheet

    def _write_text(self, sheet, row, col, value, fmt=None):
        """Text is always written as a string: a cell starting with = + - @
        is never turned into a formula (no formula injection)."""
        if value is None or value is False:
            return sheet.write_blank(row, col, None, fmt)
        return sheet.write_string(row, col, str(value), fmt)

    def _get_cell_writer(self, sheet, kind, formats):
        """A function ``(row, col, value)`` writing one kind of cell
        (``number``, ``quantity``, ``percent``, ``date`` or ``text``), resolved once per
        column: the detail sheet writes millions of cells. Dates are
        converted to Excel serial numbers once per day (what
        ``write_datetime`` stores)."""
        if kind == "quantity":
            whole, decimal = formats["quantity"], formats["quantity_decimal"]
            write_number = sheet.write_number

            def write(row, col, value):
                value = float(value or 0)
                fmt = whole if value.is_integer() else decimal
                return write_number(row, col, value, fmt)

            return write
        if kind in ("number", "percent"):
            fmt = formats[kind]
            write_number = sheet.write_number

            def write(row, col, value):
                if value is not None:  # an empty cell is left unwritten
                    write_number(row, col, float(value or 0), fmt)

            return write
        if kind == "date":
            fmt, serials = formats["date"], {}

            def write(row, col, value):
                if not value:
                    return None  # an empty cell is left unwritten
                serial = serials.get(value)
                if serial is None:
                    serial = serials[value] = datetime_to_excel_datetime(
                        datetime.datetime.combine(value, datetime.time()),
                        sheet.date_1904,
                        sheet.remove_timezone,
                    )
                return sheet.write_number(row, col, serial, fmt)

            return write
        fmt = formats["text"]
        write_string = sheet.write_string

        def write(row, col, value):
            # always a string: never a formula (see _write_text); an empty
            # cell is left unwritten (a blank with a format is a cell of the
            # file all the same: a fifth of the detail sheet's cells)
            if value is not None and value is not False:
                write_string(row, col, str(value), fmt)

        return write

    def _selection_labels(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    def _write_header_row(self, sheet, columns, formats, row=0):
        for col, column in enumerate(columns):
            sheet.set_column(col, col, column.width)
            sheet.write_string(row, col, column.label, formats["header"])

    def _write_records_table(self, sheet, columns, records, formats, row=0):
        """A header row and one row per record, read through the columns'
        ``get``; frozen header and autofilter. Returns the last row."""
        self._write_header_row(sheet, columns, formats, row)
        writers = [self._get_cell_writer(sheet, c.kind, formats) for c in columns]
        first = row
        for record in records:
            row += 1
            for col, column in enumerate(columns):
                value = column.get(record)
                if column.convert:
                    value = column.convert(value)
                writers[col](row, col, value)
        sheet.freeze_panes(first + 1, 0)
        sheet.autofilter(first, 0, max(row, first), len(columns) - 1)
        return row

    # --------------------------------------------------------------- detail
    def _labels(self, model, field):
        """A converter from a selection value to its label."""
        labels = self._selection_labels(model, field)
        return lambda value: labels.get(value, value or "")

    def _jalali(self):
        """A converter from a date to its Jalali text (memoised per day)."""
        cache = {}

        def convert(value):
            if value not in cache:
                cache[value] = to_jalali_str(value)
            return cache[value]

        return convert

    def _yes_no(self):
        yes, no = self.env._("Yes"), self.env._("No")
        return lambda value: yes if value else no

    def _get_detail_columns(self):
        """The columns of the detail sheet (one row per contribution line)."""
        lang = self._lang()
        label = self._labels
        return [
            Column("reference", self.env._("Reference"), "text", 20, SQL("c.name")),
            Column("date", self.env._("Date"), "date", 12, SQL("c.date")),
            Column(
                "jalali_date",
                self.env._("Jalali Date"),
                "text",
                12,
                SQL("c.date"),
                convert=self._jalali(),
            ),
            Column("unit", self.env._("Unit"), "text", 28, SQL("comp.name")),
            Column("donor", self.env._("Donor"), "text", 28, SQL("p.name")),
            Column(
                "donor_type",
                self.env._("Donor Type"),
                "text",
                14,
                SQL("p.hc_donor_type"),
                convert=label("res.partner", "hc_donor_type"),
            ),
            Column(
                "national_id",
                self.env._("National ID"),
                "text",
                12,
                SQL("p.hc_national_id"),
            ),
            Column(
                "organization", self.env._("Organisation"), "text", 24, SQL("op.name")
            ),
            Column(
                "category",
                self.env._("Category"),
                "text",
                20,
                SQL("COALESCE(cat.name->>%s, cat.name->>'en_US')", lang),
            ),
            Column(
                "kind",
                self.env._("Kind"),
                "text",
                12,
                SQL("cat.kind"),
                convert=label("hc.contribution.category", "kind"),
            ),
            Column("description", self.env._("Description"), "text", 30, SQL("l.name")),
            Column(
                "quantity", self.env._("Quantity"), "quantity", 10, SQL("l.quantity")
            ),
            Column(
                "unit_value",
                self.env._("Unit Value"),
                "number",
                16,
                SQL("l.unit_value"),
            ),
            Column(
                "reference_unit_value",
                self.env._("Reference Unit Value"),
                "number",
                16,
                SQL("NULLIF(l.reference_unit_value, 0)"),
            ),
            Column(
                "deviation",
                self.env._("Deviation (%)"),
                "percent",
                10,
                SQL(
                    "CASE WHEN l.reference_id IS NOT NULL THEN l.deviation_percent END"
                ),
            ),
            Column("value", self.env._("Value"), "number", 18, SQL("l.value")),
            Column(
                "valuation_basis",
                self.env._("Valuation Basis"),
                "text",
                18,
                SQL("l.valuation_basis"),
                convert=label("hc.contribution.line", "valuation_basis"),
            ),
            Column(
                "valuation_technique",
                self.env._("Valuation Technique"),
                "text",
                18,
                SQL("l.valuation_technique"),
                convert=label("hc.contribution.line", "valuation_technique"),
            ),
            Column(
                "restriction",
                self.env._("Donor Restriction"),
                "text",
                12,
                SQL("l.restriction"),
                convert=label("hc.contribution.line", "restriction"),
            ),
            Column(
                "disposition",
                self.env._("Disposition"),
                "text",
                18,
                SQL("l.disposition"),
                convert=label("hc.contribution.line", "disposition"),
            ),
            Column("project", self.env._("Project"), "text", 22, SQL("pr.name")),
            Column(
                "underserved",
                self.env._("Underserved Region"),
                "text",
                10,
                SQL("COALESCE(c.is_underserved, FALSE)"),
                convert=self._yes_no(),
            ),
            Column(
                "state",
                self.env._("Status"),
                "text",
                12,
                SQL("c.state"),
                convert=label("hc.contribution", "state"),
            ),
        ]

    def _get_detail_from(self):
        """The tables of the detail query (aliases used by the columns)."""
        return SQL(
            """hc_contribution_line l
              JOIN hc_contribution c ON c.id = l.contribution_id
              JOIN res_company comp ON comp.id = c.company_id
              JOIN res_partner p ON p.id = c.donor_id
              JOIN hc_contribution_category cat ON cat.id = l.category_id
         LEFT JOIN hc_organization o ON o.id = c.organization_id
         LEFT JOIN res_partner op ON op.id = o.partner_id
         LEFT JOIN hc_project pr ON pr.id = c.project_id"""
        )

    def _get_detail_query(self, where, columns=None):
        columns = columns or self._get_detail_columns()
        return SQL(
            "SELECT %s FROM %s WHERE %s ORDER BY c.date, c.id, l.sequence, l.id",
            SQL(", ").join(column.sql for column in columns),
            self._get_detail_from(),
            where,
        )

    def _iter_detail_rows(self, where, columns=None):
        """Rows of the detail query, fetched in batches through a named
        (server-side) cursor of the current transaction."""
        for model in ("hc.contribution", "hc.contribution.line"):
            self.env[model].flush_model()
        query = self._get_detail_query(where, columns)
        # a named cursor streams rows; it lives in the current transaction
        with self.env.cr._cnx.cursor(name="hc_xlsx_detail") as cursor:
            cursor.itersize = FETCH_SIZE
            cursor.execute(query.code, query.params)
            while True:
                rows = cursor.fetchmany(FETCH_SIZE)
                if not rows:
                    break
                yield from rows

    def _write_detail_sheet(self, workbook, name, where, formats, progress=None):
        """Write the detail sheet; returns ``(rows written, total value)``."""
        sheet = self._add_sheet(workbook, name)
        columns = self._get_detail_columns()
        self._write_header_row(sheet, columns, formats)
        sheet.freeze_panes(1, 0)
        writers = [self._get_cell_writer(sheet, c.kind, formats) for c in columns]
        converters = [(col, c.convert) for col, c in enumerate(columns) if c.convert]
        value_col = next(col for col, c in enumerate(columns) if c.key == "value")
        row = 0
        total = 0.0
        for rec in self._iter_detail_rows(where, columns):
            values = list(rec)
            for col, convert in converters:
                values[col] = convert(values[col])
            row += 1
            total += values[value_col] or 0.0
            for col, value in enumerate(values):
                writers[col](row, col, value)
            if progress and row % 50000 == 0:
                progress(row)
        sheet.autofilter(0, 0, row, len(columns) - 1)
        self._write_text(sheet, row + 1, 0, self.env._("Total"), formats["total_label"])
        if row:
            col_letter = _col_letter(value_col)
            sheet.write_formula(
                row + 1,
                value_col,
                f"=SUBTOTAL(9,{col_letter}2:{col_letter}{row + 1})",
                formats["total"],
                total,
            )
        else:
            sheet.write_number(row + 1, value_col, 0, formats["total"])
        return row, total


def _col_letter(col):
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
