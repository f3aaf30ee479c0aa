# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared base of the Health Charity XLSX reports (OCA report_xlsx).

Override points: ``_get_detail_columns`` (columns of the detail sheet),
``_get_detail_query`` (which lines, which fields), ``_get_cell_writer`` (how
a kind of cell is written).
Rows come from one SQL query read through a server-side cursor and are
written in order with xlsxwriter's ``constant_memory`` mode, so memory stays
flat whatever the number of lines. Access is checked on the records before
anything is read; the SQL is restricted to the units the user may read.
"""

import datetime

from xlsxwriter.utility import datetime_to_excel_datetime

from odoo import models
from odoo.tools import SQL

from odoo.addons.health_charity.tools.jalali import to_jalali_str

FORMULA_PREFIXES = ("=", "+", "-", "@")
FETCH_SIZE = 5000


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
            "text": workbook.add_format(rtl),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd", **rtl}),
            "number": workbook.add_format({"num_format": "#,##0", **rtl}),
            "quantity": workbook.add_format({"num_format": "#,##0.##", **rtl}),
            "total_label": workbook.add_format({"bold": True, "top": 1, **rtl}),
            "total": workbook.add_format(
                {"bold": True, "top": 1, "num_format": "#,##0", **rtl}
            ),
        }

    def _add_sheet(self, workbook, name):
        sheet = workbook.add_worksheet(name[:31])
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
        (``number``, ``quantity``, ``date`` or ``text``), resolved once per
        column: the detail sheet writes millions of cells. Dates are
        converted to Excel serial numbers once per day (what
        ``write_datetime`` stores)."""
        if kind in ("number", "quantity"):
            fmt = formats[kind]
            write_number, write_blank = sheet.write_number, sheet.write_blank

            def write(row, col, value):
                if value is None and kind == "number":
                    return write_blank(row, col, None, fmt)
                return write_number(row, col, float(value or 0), fmt)

            return write
        if kind == "date":
            fmt, serials = formats["date"], {}

            def write(row, col, value):
                if not value:
                    return sheet.write_blank(row, col, None, fmt)
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
        write_string, write_blank = sheet.write_string, sheet.write_blank

        def write(row, col, value):
            # always a string: never a formula (see _write_text)
            if value is None or value is False:
                return write_blank(row, col, None, fmt)
            return write_string(row, col, str(value), fmt)

        return write

    def _selection_labels(self, model, field):
        return dict(self.env[model]._fields[field]._description_selection(self.env))

    # --------------------------------------------------------------- detail
    def _get_detail_columns(self):
        """(key, label, kind, width) of the detail sheet, in order."""
        return [
            ("reference", self.env._("Reference"), "text", 20),
            ("date", self.env._("Date"), "date", 12),
            ("jalali_date", self.env._("Jalali Date"), "text", 12),
            ("unit", self.env._("Unit"), "text", 28),
            ("donor", self.env._("Donor"), "text", 28),
            ("donor_type", self.env._("Donor Type"), "text", 14),
            ("national_id", self.env._("National ID"), "text", 12),
            ("organization", self.env._("Organisation"), "text", 24),
            ("category", self.env._("Category"), "text", 20),
            ("kind", self.env._("Kind"), "text", 12),
            ("description", self.env._("Description"), "text", 30),
            ("quantity", self.env._("Quantity"), "quantity", 10),
            ("unit_value", self.env._("Unit Value"), "number", 16),
            ("value", self.env._("Value"), "number", 18),
            ("valuation_basis", self.env._("Valuation Basis"), "text", 18),
            ("project", self.env._("Project"), "text", 22),
            ("underserved", self.env._("Underserved Region"), "text", 10),
            ("state", self.env._("Status"), "text", 12),
        ]

    def _get_detail_query(self, where):
        lang = self._lang()
        return SQL(
            """
            SELECT c.name, c.date, comp.name, p.name, p.hc_donor_type,
                   p.hc_national_id, op.name,
                   COALESCE(cat.name->>%(lang)s, cat.name->>'en_US'), cat.kind,
                   l.name, l.quantity, l.unit_value, l.value, l.valuation_basis,
                   pr.name, COALESCE(c.is_underserved, FALSE), c.state
              FROM hc_contribution_line l
              JOIN hc_contribution c ON c.id = l.contribution_id
              JOIN res_company comp ON comp.id = c.company_id
              JOIN res_partner p ON p.id = c.donor_id
              JOIN hc_contribution_category cat ON cat.id = l.category_id
         LEFT JOIN hc_organization o ON o.id = c.organization_id
         LEFT JOIN res_partner op ON op.id = o.partner_id
         LEFT JOIN hc_project pr ON pr.id = c.project_id
             WHERE %(where)s
          ORDER BY c.date, c.id, l.sequence, l.id
            """,
            lang=lang,
            where=where,
        )

    def _iter_detail_rows(self, where):
        """Rows of the detail query, fetched in batches through a named
        (server-side) cursor of the current transaction."""
        for model in ("hc.contribution", "hc.contribution.line"):
            self.env[model].flush_model()
        query = self._get_detail_query(where)
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
        """Write the detail sheet; returns the number of rows written."""
        sheet = self._add_sheet(workbook, name)
        columns = self._get_detail_columns()
        for col, (_key, label, _kind, width) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, label, formats["header"])
        sheet.freeze_panes(1, 0)
        donor_types = self._selection_labels("res.partner", "hc_donor_type")
        kinds = self._selection_labels("hc.contribution.category", "kind")
        bases = self._selection_labels("hc.contribution.line", "valuation_basis")
        states = self._selection_labels("hc.contribution", "state")
        yes, no = self.env._("Yes"), self.env._("No")
        jalali_cache = {}
        writers = [
            self._get_cell_writer(sheet, kind, formats) for _k, _l, kind, _w in columns
        ]
        keys = [key for key, _l, _k, _w in columns]
        row = 0
        total = 0.0
        for rec in self._iter_detail_rows(where):
            (ref, date, unit, donor, donor_type, national_id, org, category, kind,
             description, quantity, unit_value, value, basis, project, underserved,
             state) = rec  # fmt: skip
            if date not in jalali_cache:
                jalali_cache[date] = to_jalali_str(date)
            values = {
                "reference": ref,
                "date": date,
                "jalali_date": jalali_cache[date],
                "unit": unit,
                "donor": donor,
                "donor_type": donor_types.get(donor_type, donor_type or ""),
                "national_id": national_id,
                "organization": org,
                "category": category,
                "kind": kinds.get(kind, kind),
                "description": description,
                "quantity": quantity,
                "unit_value": unit_value,
                "value": value,
                "valuation_basis": bases.get(basis, basis or ""),
                "project": project,
                "underserved": yes if underserved else no,
                "state": states.get(state, state),
            }
            row += 1
            total += value or 0.0
            for col, key in enumerate(keys):
                writers[col](row, col, values[key])
            if progress and row % 50000 == 0:
                progress(row)
        value_col = keys.index("value")
        self._write_text(sheet, row + 1, 0, self.env._("Total"), formats["total_label"])
        if row:
            col_letter = _col_letter(value_col)
            sheet.write_formula(
                row + 1,
                value_col,
                f"=SUM({col_letter}2:{col_letter}{row + 1})",
                formats["total"],
                total,
            )
        else:
            sheet.write_number(row + 1, value_col, 0, formats["total"])
        return row


def _col_letter(col):
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
