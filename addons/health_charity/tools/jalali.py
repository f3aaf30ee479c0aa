# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Solar Hijri (Jalali) helpers on top of ``jdatetime``."""

import datetime

import jdatetime


def to_jalali_str(value, sep="/"):
    """``date``/``datetime`` to ``YYYY/MM/DD`` in the Solar Hijri calendar."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    jd = jdatetime.date.fromgregorian(date=value)
    return f"{jd.year:04d}{sep}{jd.month:02d}{sep}{jd.day:02d}"


def jalali_year_quarter(value):
    """(Jalali year, quarter 1-4) of a Gregorian date."""
    jd = jdatetime.date.fromgregorian(date=value)
    return jd.year, (jd.month - 1) // 3 + 1


def jalali_period_bounds(year, quarter=None):
    """Gregorian first and last day of a Jalali year or quarter (Farvardin 1
    starts the year; quarters are three months)."""
    if quarter:
        if quarter not in (1, 2, 3, 4):
            raise ValueError("quarter must be 1-4")
        start = jdatetime.date(year, 3 * (quarter - 1) + 1, 1)
        end = (
            jdatetime.date(year + 1, 1, 1)
            if quarter == 4
            else jdatetime.date(year, 3 * quarter + 1, 1)
        )
    else:
        start = jdatetime.date(year, 1, 1)
        end = jdatetime.date(year + 1, 1, 1)
    return start.togregorian(), end.togregorian() - datetime.timedelta(days=1)


def jalali_relative_domain(today, relative):
    """Domain on the stored Jalali period keys (``hc.jalali.date.mixin``) of
    a period relative to ``today``: ``this_quarter``, ``last_quarter``,
    ``this_year`` or ``last_year``."""
    jd = jdatetime.date.fromgregorian(date=today)
    year, quarter = jd.year, (jd.month - 1) // 3 + 1
    if relative == "this_quarter":
        return [("date_jalali_quarter", "=", f"{year:04d}-Q{quarter}")]
    if relative == "last_quarter":
        if quarter == 1:
            year, quarter = year - 1, 5
        return [("date_jalali_quarter", "=", f"{year:04d}-Q{quarter - 1}")]
    if relative == "this_year":
        return [("date_jalali_year", "=", f"{year:04d}")]
    if relative == "last_year":
        return [("date_jalali_year", "=", f"{year - 1:04d}")]
    raise ValueError(f"unknown Jalali period: {relative!r}")


def reads_jalali(env):
    """Whether the reader of ``env`` reads dates in the Jalali calendar: as
    the web client says (``hc_jalali_calendar`` in the context), else when
    they read Persian."""
    return bool(
        env.context.get("hc_jalali_calendar", (env.lang or "").startswith("fa"))
    )
