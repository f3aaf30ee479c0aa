# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

import pytz

from odoo import models
from odoo.models import READ_GROUP_TIME_GRANULARITY
from odoo.tools import DEFAULT_SERVER_DATE_FORMAT, DEFAULT_SERVER_DATETIME_FORMAT

from ..tools.jalali_table import (
    format_jalali,
    jalali_month_name,
    parse_jalali_period_key,
)

JALALI_PERIODS = ("year", "quarter", "month")


class Base(models.AbstractModel):
    _inherit = "base"

    def _valid_field_parameter(self, field, name):
        # jalali_period="year"|"quarter"|"month": a Char field holding the
        # keys of jalali_table.jalali_period_keys, labelled in group headers
        return name == "jalali_period" or super()._valid_field_parameter(field, name)

    def _read_group_format_result(self, rows_dict, lazy_groupby):
        """Jalali labels for date groups (list and kanban group headers,
        pivot and graph) when the web client asks for them
        (``hc_jalali_calendar`` in the context).

        The groups themselves stay Gregorian (days, weeks, months... as the
        database truncates them), so a group of a day is labelled with its
        Jalali date and a longer group with its first and last Jalali days:
        a Gregorian month is not a Jalali one.
        """
        result = super()._read_group_format_result(rows_dict, lazy_groupby)
        self._hc_jalali_period_group_labels(rows_dict, lazy_groupby)
        if not self.env.context.get("hc_jalali_calendar"):
            return result
        for groupby in lazy_groupby:
            field = self._fields.get(groupby.split(":")[0].split(".")[0])
            if not field or field.type not in ("date", "datetime"):
                continue
            granularity = groupby.split(":")[1] if ":" in groupby else "month"
            if granularity not in READ_GROUP_TIME_GRANULARITY:
                continue
            for row in rows_dict:
                bounds = (row.get("__range") or {}).get(groupby)
                if bounds:
                    row[groupby] = self._hc_jalali_group_label(
                        field, granularity, bounds
                    )
        return result

    def _hc_jalali_period_group_labels(self, rows_dict, lazy_groupby):
        """Readable labels ("Azar 1404", "آذر 1404", "Q3 1404") for groups of
        Jalali period key fields (``jalali_period`` set on a Char field). The
        web client opens a group with its ``__domain``, built from the key
        before this, so only the label changes."""
        lang = self.env.lang
        for groupby in lazy_groupby:
            field = self._fields.get(groupby.split(":")[0].split(".")[0])
            period = getattr(field, "jalali_period", None)
            if period not in JALALI_PERIODS or groupby != field.name:
                continue
            for row in rows_dict:
                parsed = parse_jalali_period_key(row.get(groupby), period)
                if not parsed:
                    continue
                year, part = parsed
                if period == "month":
                    row[groupby] = f"{jalali_month_name(part, lang)} {year}"
                elif period == "quarter":
                    row[groupby] = self.env._(
                        "Q%(quarter)s %(year)s", quarter=part, year=year
                    )
                else:
                    row[groupby] = str(year)

    def _hc_jalali_group_label(self, field, granularity, bounds):
        """Jalali label of one date group from its ``__range`` bounds."""
        if field.type == "datetime":
            start, stop = (
                datetime.datetime.strptime(bounds[key], DEFAULT_SERVER_DATETIME_FORMAT)
                for key in ("from", "to")
            )
            tz_name = self.env.context.get("tz")
            if tz_name in pytz.all_timezones_set:
                tz = pytz.timezone(tz_name)
                start, stop = (
                    pytz.utc.localize(value).astimezone(tz).replace(tzinfo=None)
                    for value in (start, stop)
                )
        else:
            start, stop = (
                datetime.datetime.strptime(bounds[key], DEFAULT_SERVER_DATE_FORMAT)
                for key in ("from", "to")
            )
        if granularity == "hour":
            return f"{start:%H}:00 {format_jalali(start)}"
        last_day = stop - datetime.timedelta(days=1)
        if granularity == "day" or last_day.date() <= start.date():
            return format_jalali(start)
        return f"{format_jalali(start)} – {format_jalali(last_day)}"
