# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Whole numbers in Persian words, as written on receipts and cheques.

``num2words`` learnt Persian only in 0.5.11 and Odoo 18 pins 0.5.10 on
Python 3.11, so this small function does it (tested in
``tests/test_persian_words.py``)."""

ONES = ["", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"]
TEENS = [
    "ده",
    "یازده",
    "دوازده",
    "سیزده",
    "چهارده",
    "پانزده",
    "شانزده",
    "هفده",
    "هجده",
    "نوزده",
]
TENS = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"]
HUNDREDS = [
    "",
    "صد",
    "دویست",
    "سیصد",
    "چهارصد",
    "پانصد",
    "ششصد",
    "هفتصد",
    "هشتصد",
    "نهصد",
]
# short scale, as Iranian banks write amounts
SCALES = ["", "هزار", "میلیون", "میلیارد", "هزار میلیارد", "میلیون میلیارد"]
AND = " و "
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _below_thousand(number):
    hundreds, rest = divmod(number, 100)
    parts = []
    if hundreds:
        parts.append(HUNDREDS[hundreds])
    if 10 <= rest < 20:
        parts.append(TEENS[rest - 10])
    else:
        tens, ones = divmod(rest, 10)
        if tens:
            parts.append(TENS[tens])
        if ones:
            parts.append(ONES[ones])
    return AND.join(parts)


def to_persian_words(number):
    """``1250000`` → ``یک میلیون و دویست و پنجاه هزار``. Fractions are
    dropped (amounts are whole rials); negative numbers get «منفی»."""
    number = int(number)
    if number == 0:
        return "صفر"
    if number < 0:
        return "منفی " + to_persian_words(-number)
    groups = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    if len(groups) > len(SCALES):
        raise ValueError("number too large")
    parts = []
    for scale, group in reversed(list(enumerate(groups))):
        if not group:
            continue
        words = _below_thousand(group)
        parts.append(f"{words} {SCALES[scale]}".strip())
    return AND.join(parts)


def to_persian_digits(text):
    """Latin digits of ``text`` as Persian digits (۰-۹)."""
    return str(text).translate(PERSIAN_DIGITS)
