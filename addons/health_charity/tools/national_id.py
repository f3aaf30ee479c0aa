# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Iranian national ID (کد ملی): 10 digits, the last one a check digit."""

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def latin_digits(value):
    """Persian/Arabic-Indic digits to ASCII, nothing else changed."""
    return value.translate(_DIGITS) if value else value


def normalize_digits(value):
    """Persian/Arabic-Indic digits to ASCII, surrounding blanks and dashes
    removed."""
    if not value:
        return value
    return value.translate(_DIGITS).strip().replace("-", "").replace(" ", "")


def national_id_check_digit(first_nine):
    total = sum(int(d) * (10 - i) for i, d in enumerate(first_nine))
    remainder = total % 11
    return remainder if remainder < 2 else 11 - remainder


def is_valid_national_id(value):
    value = normalize_digits(value or "")
    if len(value) != 10 or not value.isdigit():
        return False
    if len(set(value)) == 1:  # 0000000000, 1111111111 ... are not issued
        return False
    return national_id_check_digit(value[:9]) == int(value[9])
