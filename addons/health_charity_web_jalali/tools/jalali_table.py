# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Jalali (Solar Hijri) conversion on the server, on top of ``jdatetime``.

The web client converts with the browser's ``Intl`` persian calendar
(``static/src/jalali.js``); both sides are checked against the same table,
``static/tests/jalali_dates.json``.
"""

import datetime
import re

import jdatetime

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, "0123456789" * 2)
_JALALI_RE = re.compile(
    r"^\s*(\d{2}|\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$"
)

LATIN_MONTH_NAMES = (
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
)
PERSIAN_MONTH_NAMES = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)


_PERIOD_KEY_RE = {
    "year": re.compile(r"^(\d{4})$"),
    "quarter": re.compile(r"^(\d{4})-Q([1-4])$"),
    "month": re.compile(r"^(\d{4})/(\d{2})$"),
}


def to_latin_digits(text):
    """Persian (۰-۹) and Arabic-Indic (٠-٩) digits to Latin ones."""
    return text.translate(_TO_LATIN)


def to_jalali(value):
    """Gregorian ``date``/``datetime`` to a ``(year, month, day)`` tuple."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    jd = jdatetime.date.fromgregorian(date=value)
    return jd.year, jd.month, jd.day


def from_jalali(year, month, day):
    """Jalali year, month, day to a Gregorian ``date``; ``ValueError`` when
    the Jalali date does not exist (30 Esfand of a common year...)."""
    return jdatetime.date(year, month, day).togregorian()


def is_jalali_leap_year(year):
    """Whether Esfand of that Jalali year has 30 days."""
    return jdatetime.date(year, 1, 1).isleap()


def parse_jalali(text):
    """Gregorian ``date`` of a typed Jalali date (``1404/9/6``,
    ``۱۴۰۴/۰۹/۰۶``, ``١٤٠٤-٠٩-٠٦``; two-digit years are 13xx from 50 and
    14xx below); ``ValueError`` when it is not a valid Jalali date."""
    match = _JALALI_RE.match(to_latin_digits(text or ""))
    if not match:
        raise ValueError(f"not a Jalali date: {text!r}")
    year, month, day = (int(group) for group in match.groups())
    if len(match.group(1)) == 2:
        year += 1400 if year < 50 else 1300
    return from_jalali(year, month, day)


def format_jalali(value, sep="/"):
    """``date``/``datetime`` as ``YYYY/MM/DD`` in the Jalali calendar."""
    if not value:
        return ""
    year, month, day = to_jalali(value)
    return f"{year:04d}{sep}{month:02d}{sep}{day:02d}"


def jalali_period_keys(value):
    """Sortable keys of the Jalali year, quarter and month of a Gregorian
    ``date``: ``("1404", "1404-Q3", "1404/09")``; ``(False,) * 3`` without a
    date. Stored as they are, they group and sort as the calendar does."""
    if not value:
        return False, False, False
    year, month, __ = to_jalali(value)
    return (
        f"{year:04d}",
        f"{year:04d}-Q{(month - 1) // 3 + 1}",
        f"{year:04d}/{month:02d}",
    )


def parse_jalali_period_key(key, period):
    """``(year, quarter_or_month)`` of a key made by :func:`jalali_period_keys`
    (``(year, None)`` for a year); ``None`` for anything else."""
    match = _PERIOD_KEY_RE[period].match(key or "")
    if not match:
        return None
    year = int(match.group(1))
    return (year, None) if period == "year" else (year, int(match.group(2)))


def jalali_month_name(month, lang=None):
    """Name of a Jalali month (1-12): Persian for a Persian language, the
    usual Latin transliteration otherwise."""
    names = PERSIAN_MONTH_NAMES if (lang or "").startswith("fa") else LATIN_MONTH_NAMES
    return names[month - 1]
