"""Build addons/health_charity/static/xls/hc_contribution_import_template.xlsx,
the contributions import template offered by the import dialog (Persian
headers, one row per line; a gift's own columns are left empty on the rows
of its further lines). Run: .venv/bin/python scripts/build_import_template.py"""

from pathlib import Path

import xlsxwriter

OUT = (
    Path(__file__).resolve().parent.parent
    / "addons/health_charity/static/xls/hc_contribution_import_template.xlsx"
)
HEADERS = [
    ("خیر (نام یا کد ملی)", 26),
    ("تاریخ کمک", 14),
    ("واحد", 30),
    ("دسته", 22),
    ("شرح کالا", 28),
    ("تعداد", 10),
    ("ارزش واحد (ریال)", 18),
    ("مبنای ارزش‌گذاری", 18),
    ("یادداشت", 30),
]
ROWS = [
    ["0499370899", "1404/09/06", "", "تجهیزات پزشکی", "دستگاه اکسیژن‌ساز", 2,
     450000000, "فاکتور خرید", "اهدای سالانه"],
    ["", "", "", "بسته غذایی", "بستهٔ غذایی خانوار", 50, 12000000,
     "استعلام بازار", ""],
    ["علی رضایی", "۱۴۰۴/۰۹/۱۰", "", "نقدی", "واریز به حساب خیریه", 1,
     250000000, "وجه نقد دریافتی", ""],
]  # fmt: skip
NOTES = [
    "هر سطر یک قلم کمک است. برای اقلام بعدیِ همان کمک، ستون‌های خیر، تاریخ، واحد و "
    "یادداشت را خالی بگذارید.",
    "تاریخ‌ها شمسی (۱۴۰۴/۰۹/۰۶) یا میلادی (2025-11-27) با ارقام فارسی یا لاتین "
    "پذیرفته می‌شوند.",
    "خیر با نام یا کد ملی ده‌رقمی پیدا می‌شود؛ واحد خالی یعنی واحد جاری شما.",
    "One row per line. Leave the donor, date, unit and note columns empty on "
    "the rows of a gift's further lines.",
    "Dates in the Solar Hijri (1404/09/06) or Gregorian (2025-11-27) calendar, "
    "Persian or Latin digits. Donors by name or 10-digit national ID.",
]


def main():
    OUT.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(OUT))
    header = workbook.add_format(
        {"bold": True, "bg_color": "#DDEBF7", "border": 1, "reading_order": 2}
    )
    text = workbook.add_format({"reading_order": 2})
    number = workbook.add_format({"num_format": "#,##0", "reading_order": 2})
    sheet = workbook.add_worksheet("کمک‌ها")
    sheet.right_to_left()
    for col, (label, width) in enumerate(HEADERS):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, label, header)
    for row, values in enumerate(ROWS, start=1):
        for col, value in enumerate(values):
            if isinstance(value, int | float):
                sheet.write_number(row, col, value, number)
            else:
                sheet.write_string(row, col, value, text)
    sheet.freeze_panes(1, 0)
    notes = workbook.add_worksheet("راهنما")
    notes.right_to_left()
    notes.set_column(0, 0, 110)
    for row, note in enumerate(NOTES):
        notes.write_string(row, 0, note, text)
    workbook.close()
    print(OUT)


if __name__ == "__main__":
    main()
