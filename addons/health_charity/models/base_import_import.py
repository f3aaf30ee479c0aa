# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

import jdatetime

from odoo import models
from odoo.tools import DEFAULT_SERVER_DATE_FORMAT

from ..tools.national_id import latin_digits

# 1404/9/6, 1404-09-06, ۱۴۰۴/۰۹/۰۶ (after the digits are made Latin)
JALALI_DATE = re.compile(r"^\s*(1[2-4]\d\d)[/\-.](\d{1,2})[/\-.](\d{1,2})\s*$")


class BaseImportImport(models.TransientModel):
    """The import dialog for the hospitals' own spreadsheets: Persian or
    English headers mapped by themselves, Persian and Arabic-Indic digits
    read as numbers, Jalali dates (either digit set) stored as the right
    Gregorian day."""

    _inherit = "base_import.import"

    def _hc_import_headers(self):
        """{header as written in the file: field path} of the imported
        model (``_hc_import_headers`` on the model), or nothing."""
        model = self.env[self.res_model] if self.res_model else None
        if model is None or not hasattr(model, "_hc_import_headers"):
            return {}
        return {
            _header_key(header): path
            for header, path in model._hc_import_headers().items()
        }

    def _get_mapping_suggestion(
        self, header, fields_tree, header_types, mapping_fields
    ):
        path = self._hc_import_headers().get(_header_key(header))
        if path and not mapping_fields.get(header.lower()):
            return {"field_path": path.split("/"), "distance": 0}
        return super()._get_mapping_suggestion(
            header, fields_tree, header_types, mapping_fields
        )

    def _parse_import_data(self, data, import_fields, options):
        if self._hc_import_headers():
            self._hc_normalize_cells(data, import_fields, options)
        return super()._parse_import_data(data, import_fields, options)

    def _hc_normalize_cells(self, data, import_fields, options):
        """Latin digits in every cell; Jalali dates in date columns written
        as the Gregorian day in the file's date format."""
        date_columns = [
            index
            for index, name in enumerate(import_fields)
            if name and self._hc_field_type(name) in ("date", "datetime")
        ]
        date_format = options.get("date_format") or DEFAULT_SERVER_DATE_FORMAT
        # a gift's unit left empty is the unit the clerk works in (the
        # template says so); rows of further lines stay empty
        unit = (
            import_fields.index("company_id") if "company_id" in import_fields else None
        )
        header_columns = [
            index
            for index, name in enumerate(import_fields)
            if name and "/" not in name and index != unit
        ]
        for line in data:
            if (
                unit is not None
                and not (line[unit] or "").strip()
                and any((line[index] or "").strip() for index in header_columns)
            ):
                line[unit] = self.env.company.name
            for index, cell in enumerate(line):
                if isinstance(cell, str) and cell:
                    line[index] = latin_digits(cell)
            for index in date_columns:
                match = JALALI_DATE.match(line[index] or "")
                if match:
                    year, month, day = (int(part) for part in match.groups())
                    try:
                        gregorian = jdatetime.date(year, month, day).togregorian()
                    except ValueError:
                        continue  # left as typed: the parser names the row
                    line[index] = gregorian.strftime(date_format)

    def _hc_field_type(self, path):
        model = self.env[self.res_model]
        names = path.split("/")
        for name in names[:-1]:
            field = model._fields.get(name)
            if field is None or not field.relational:
                return None
            model = self.env[field.comodel_name]
        field = model._fields.get(names[-1])
        return field.type if field is not None else None


def _header_key(header):
    return " ".join(
        latin_digits(header or "").replace("\u200c", " ").casefold().split()
    )
