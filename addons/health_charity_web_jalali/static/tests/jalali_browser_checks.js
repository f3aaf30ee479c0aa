/** @odoo-module */
// Copyright 2026 Health Charity Team
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

/**
 * Unit checks of the Jalali web client code, run in headless Chromium by
 * `tests/test_jalali_browser.py` (`HttpCase.browser_js`): the shared table
 * `static/tests/jalali_dates.json` (also asserted by the Python test), the
 * patched date formatting and parsing, the registry parsers and the picker
 * grid. No test framework: the first failed check throws with its message.
 */

import {
    formatDate,
    formatDateTime,
    parseDate,
    parseDateTime,
    serializeDate,
    serializeDateTime,
} from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import {
    PERSIAN_MONTH_NAMES,
    formatJalali,
    fromJalali,
    isJalaliLeapYear,
    jalaliMonthLength,
    parseJalali,
    toJalali,
    toLatinDigits,
} from "@health_charity_web_jalali/jalali";
import { setJalaliMode } from "@health_charity_web_jalali/jalali_mode";
import {
    isNativeDigitsActive,
    setNativeDigitsMode,
    toDisplayDigits,
} from "@health_charity_web_jalali/native_digits_mode";
import { getJalaliGrid } from "@health_charity_web_jalali/core/datetime/datetime_picker_patch";
import { readLatinDigits } from "@health_charity_web_jalali/views/fields/number_fields_patch";
import { FloatField } from "@web/views/fields/float/float_field";

const { DateTime } = luxon;

function check(condition, message) {
    if (!condition) {
        throw new Error(`Jalali check failed: ${message}`);
    }
}

function equal(actual, expected, message) {
    check(
        JSON.stringify(actual) === JSON.stringify(expected),
        `${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`
    );
}

const isoToObject = (iso) => {
    const [year, month, day] = iso.split("-").map(Number);
    return { year, month, day };
};
const jalaliToObject = (text) => {
    const [year, month, day] = text.split("/").map(Number);
    return { year, month, day };
};
const objectToIso = ({ year, month, day }) =>
    `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(
        2,
        "0"
    )}`;

function checkTable(table) {
    check(table.dates.length >= 20, "the table has its dates");
    for (const row of table.dates) {
        equal(toJalali(isoToObject(row.gregorian)), jalaliToObject(row.jalali), `toJalali ${row.gregorian}`);
        equal(fromJalali(jalaliToObject(row.jalali)), isoToObject(row.gregorian), `fromJalali ${row.jalali}`);
        equal(formatJalali(isoToObject(row.gregorian)), row.jalali, `formatJalali ${row.gregorian}`);
        equal(objectToIso(parseJalali(row.jalali)), row.gregorian, `parseJalali ${row.jalali}`);
    }
    for (const text of table.invalid_jalali) {
        equal(fromJalali(jalaliToObject(text)), null, `invalid ${text}`);
        equal(parseJalali(text), null, `parse invalid ${text}`);
    }
    for (const { input, gregorian } of table.parse) {
        const parsed = parseJalali(input);
        check(parsed, `parseJalali ${input}`);
        equal(objectToIso(parsed), gregorian, `parseJalali ${input}`);
    }
    for (const year of table.leap_years) {
        check(isJalaliLeapYear(year), `${year} is a leap year`);
        equal(jalaliMonthLength(year, 12), 30, `Esfand ${year}`);
    }
    for (const year of table.common_years) {
        check(!isJalaliLeapYear(year), `${year} is a common year`);
        equal(jalaliMonthLength(year, 12), 29, `Esfand ${year}`);
    }
    // every day of 1300-1500 round-trips (Intl on both sides, no table)
    let day = DateTime.utc(1921, 3, 21);
    const end = DateTime.utc(2121, 3, 21);
    let previous = null;
    while (day < end) {
        const jalali = toJalali(day);
        equal(fromJalali(jalali), { year: day.year, month: day.month, day: day.day }, `round trip ${day.toISODate()}`);
        if (previous) {
            const next =
                jalali.day === 1
                    ? previous.day === jalaliMonthLength(previous.year, previous.month)
                    : jalali.day === previous.day + 1;
            check(next, `${day.toISODate()} follows ${JSON.stringify(previous)}`);
        }
        previous = jalali;
        day = day.plus({ day: 1 });
    }
}

function checkDates() {
    setJalaliMode(true);
    try {
        const nowruzEve = DateTime.local(2025, 3, 20);
        equal(formatDate(nowruzEve), "1403/12/30", "formatDate");
        equal(formatDate(DateTime.local(2026, 2, 21), { condensed: true }), "1404/12/2", "condensed");
        check(
            formatDateTime(DateTime.local(2025, 3, 21, 10, 30, 5)).startsWith("1404/01/01 "),
            "formatDateTime"
        );
        check(
            formatDateTime(DateTime.local(2025, 3, 21, 10, 30, 5)).includes("30"),
            "formatDateTime keeps the time"
        );
        equal(serializeDate(nowruzEve), "2025-03-20", "serializeDate stays Gregorian");
        check(
            /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(
                serializeDateTime(DateTime.local(2025, 3, 21, 10, 30, 5))
            ),
            "serializeDateTime stays Gregorian with Latin digits"
        );
        equal(registry.category("formatters").get("date")(nowruzEve), "1403/12/30", "date formatter");
        equal(serializeDate(parseDate("۱۴۰۴/۰۹/۰۶")), "2025-11-27", "parseDate Persian digits");
        equal(serializeDate(parseDate("١٤٠٤/٠٩/٠٦")), "2025-11-27", "parseDate Arabic digits");
        equal(serializeDate(parseDate("1404/9/6")), "2025-11-27", "parseDate short");
        equal(serializeDate(parseDate("1403/12/30")), "2025-03-20", "parseDate 30 Esfand");
        equal(serializeDate(parseDate("2025-11-27")), "2025-11-27", "a Gregorian year is Gregorian");
        const typed = parseDateTime("۱۴۰۴/۰۹/۰۶ ۱۰:۳۰:۰۰");
        equal(
            [typed.year, typed.month, typed.day, typed.hour, typed.minute],
            [2025, 11, 27, 10, 30],
            "parseDateTime"
        );
        const noTime = parseDateTime("1404/09/06");
        equal([noTime.day, noTime.hour], [27, 0], "parseDateTime without time");
        let error = null;
        try {
            parseDate("1404/12/30");
        } catch (e) {
            error = e;
        }
        equal(error?.name, "ConversionError", "1404 has no 30 Esfand");
        equal(
            serializeDate(registry.category("parsers").get("date")("۱۴۰۳/۱۲/۳۰")),
            "2025-03-20",
            "date parser (search bar)"
        );
        const medium = toLatinDigits(DateTime.local(2025, 11, 27).toLocaleString(DateTime.DATE_MED));
        check(medium.includes("1404") && !medium.includes("2025"), `toLocaleString ${medium}`);
        const time = DateTime.local(2025, 11, 27, 9, 5).toLocaleString(DateTime.TIME_24_SIMPLE);
        check(toLatinDigits(time).includes("09:05") || toLatinDigits(time).includes("9:05"), `time ${time}`);

        const grid = getJalaliGrid("days", DateTime.local(2025, 11, 27), {
            minDate: DateTime.local(1000, 1, 1),
            maxDate: DateTime.local(9999, 12, 31),
            showWeekNumbers: true,
        });
        const [month] = grid.items;
        equal(month.number, 9, "Azar");
        const inMonth = month.weeks.flatMap((week) => week.days).filter((d) => !d.isOutOfRange);
        equal(inMonth.length, 30, "Azar has 30 days");
        equal(inMonth[0].range[0].toISODate(), "2025-11-22", "1 Azar 1404");
        check(month.weeks.every((week) => week.days[0].range[0].weekday === 6), "weeks start on Saturday");
        check(
            month.weeks.every((week) => week.days[6].extraClass.includes("o_hc_jalali_weekend")),
            "Friday is the weekend"
        );
        check(grid.title[0].endsWith(" 1404"), `title ${grid.title}`);
        const months = getJalaliGrid("months", DateTime.local(2025, 11, 27), {
            minDate: DateTime.local(1000, 1, 1),
            maxDate: DateTime.local(9999, 12, 31),
        });
        equal(months.items.length, 12, "12 months");
        equal(months.items[0].range[0].toISODate(), "2025-03-21", "Farvardin 1404");
        equal(months.items[11].range[1].toISODate(), "2026-03-20", "Esfand 1404 ends");
        equal(PERSIAN_MONTH_NAMES[8], "آذر", "Persian month name");
    } finally {
        setJalaliMode(null);
    }
    setJalaliMode(false);
    try {
        check(formatDate(DateTime.local(2025, 3, 20)).includes("2025"), "Gregorian when off");
        // digits are read for every user
        equal(registry.category("parsers").get("float")("۵۰۰۰۰۰۰۰۰"), 500000000, "float parser");
        equal(registry.category("parsers").get("integer")("٤٢"), 42, "integer parser");
        equal(registry.category("parsers").get("monetary")("۱۲۳٫۵"), 123.5, "monetary parser");
        // Odoo alone reads this monetary value as 0
        equal(registry.category("parsers").get("monetary")("۵۰۰۰۰۰۰۰۰"), 500000000, "monetary");
        equal(
            FloatField.prototype.parse.call({ props: { inputType: "text" } }, "۱۲٫۵"),
            12.5,
            "FloatField#parse"
        );
        // the inputs of integer, float, monetary... fields
        const input = document.createElement("input");
        readLatinDigits(input);
        input.value = "۵۰۰,۰۰۰";
        equal(input.value, "500,000", "number input reads Latin digits");
    } finally {
        setJalaliMode(null);
    }
}

function checkNativeDigits() {
    const formatters = registry.category("formatters");
    const parsers = registry.category("parsers");
    const nowruzEve = DateTime.local(2025, 3, 20);
    setNativeDigitsMode(true);
    setJalaliMode(true);
    try {
        check(isNativeDigitsActive(), "native digits on");
        equal(toDisplayDigits("CON 1404/12"), "CON ۱۴۰۴/۱۲", "toDisplayDigits");
        equal(toDisplayDigits(42), 42, "a number stays a number (number inputs)");
        equal(formatters.get("integer")(1234567), "۱,۲۳۴,۵۶۷", "integer");
        equal(formatters.get("float")(1234.5), "۱,۲۳۴.۵۰", "float");
        equal(formatters.get("float")(1234.5, { digits: [16, 1] }), "۱,۲۳۴.۵", "float digits");
        equal(formatters.get("float_time")(1.5), "۰۱:۳۰", "float_time");
        equal(formatters.get("percentage")(0.25), "۲۵%", "percentage");
        check(
            typeof formatters.get("float").extractOptions === "function",
            "the wrapped formatter keeps extractOptions"
        );
        const money = formatters.get("monetary")(1350000000, { digits: [16, 0] });
        check(money.includes("۱,۳۵۰,۰۰۰,۰۰۰") && !/[0-9]/.test(money), `monetary ${money}`);
        // Jalali dates with Persian digits; the server still gets Latin ones
        equal(formatDate(nowruzEve), "۱۴۰۳/۱۲/۳۰", "formatDate");
        equal(formatters.get("date")(nowruzEve), "۱۴۰۳/۱۲/۳۰", "date formatter");
        const dateTime = formatDateTime(DateTime.local(2025, 3, 21, 10, 30, 5));
        check(dateTime.startsWith("۱۴۰۴/۰۱/۰۱ ") && !/[0-9]/.test(dateTime), `datetime ${dateTime}`);
        equal(serializeDate(nowruzEve), "2025-03-20", "serializeDate stays Latin");
        check(
            /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(
                serializeDateTime(DateTime.local(2025, 3, 21, 10, 30, 5))
            ),
            "serializeDateTime stays Latin"
        );
        // what is shown is read back (a date input keeps its text)
        equal(serializeDate(parseDate(formatDate(nowruzEve))), "2025-03-20", "round trip");
        equal(parsers.get("integer")(formatters.get("integer")(1234567)), 1234567, "int back");
        equal(parsers.get("float")(formatters.get("float")(1234.5)), 1234.5, "float back");
        const medium = DateTime.local(2025, 11, 27).toLocaleString(DateTime.DATE_MED);
        check(medium.includes("۱۴۰۴") && !/[0-9]/.test(medium), `toLocaleString ${medium}`);
        const grid = getJalaliGrid("days", DateTime.local(2025, 11, 27), {
            minDate: DateTime.local(1000, 1, 1),
            maxDate: DateTime.local(9999, 12, 31),
        });
        const days = grid.items[0].weeks.flatMap((week) => week.days);
        check(days.some((d) => d.label === "۳۰"), "picker days in Persian digits");
        check(grid.title[0].endsWith(" ۱۴۰۴"), `picker title ${grid.title}`);
        // Gregorian users who ask for Persian digits get them too
        setJalaliMode(false);
        const gregorian = formatDate(nowruzEve);
        check(gregorian.includes("۲۰۲۵") && !/[0-9]/.test(gregorian), `gregorian ${gregorian}`);
    } finally {
        setNativeDigitsMode(null);
        setJalaliMode(null);
    }
    setNativeDigitsMode(false);
    try {
        equal(formatters.get("integer")(1234567), "1,234,567", "Latin when off");
        equal(toDisplayDigits("1404"), "1404", "toDisplayDigits off");
    } finally {
        setNativeDigitsMode(null);
    }
}

/**
 * @param {Object} table content of jalali_dates.json
 */
export async function runJalaliChecks(table) {
    checkTable(table);
    checkDates();
    checkNativeDigits();
    return true;
}
