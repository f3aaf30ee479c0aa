/** @odoo-module */
// Copyright 2026 Health Charity Team
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

/**
 * Solar Hijri (Jalali) calendar helpers for the web client.
 *
 * Gregorian -> Jalali is read from the browser's own
 * `Intl.DateTimeFormat(..., { calendar: "persian" })` (the official
 * 33-year-cycle calendar, as the Iranian calendar authority publishes it).
 * Jalali -> Gregorian is found by estimating the Gregorian day and
 * correcting it with the same Intl formatter until both agree: no
 * arithmetic calendar (such as the 2820-year cycle) is involved.
 *
 * All dates here are plain `{ year, month, day }` objects (a luxon DateTime
 * has these three properties too); nothing depends on a time zone.
 */

import { _t } from "@web/core/l10n/translation";

const DAY_MS = 86400000;
const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";
const NON_LATIN_DIGIT_RE = /[۰-۹٠-٩]/g;
const CACHE_LIMIT = 4096;

/** Persian month names, Farvardin first (not translated: they are Persian). */
export const PERSIAN_MONTH_NAMES = [
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
];

/**
 * Month names in the user's language (translated from the usual Latin
 * transliteration; the Persian translation gives the Persian names).
 *
 * @returns {string[]}
 */
export function getJalaliMonthNames() {
    return [
        _t("Farvardin"),
        _t("Ordibehesht"),
        _t("Khordad"),
        _t("Tir"),
        _t("Mordad"),
        _t("Shahrivar"),
        _t("Mehr"),
        _t("Aban"),
        _t("Azar"),
        _t("Dey"),
        _t("Bahman"),
        _t("Esfand"),
    ].map(String);
}

// -----------------------------------------------------------------------------
// Digits
// -----------------------------------------------------------------------------

/**
 * Replaces Persian (۰-۹) and Arabic-Indic (٠-٩) digits by Latin ones.
 *
 * @param {string} value
 * @returns {string}
 */
export function toLatinDigits(value) {
    if (typeof value !== "string") {
        return value;
    }
    return value.replace(NON_LATIN_DIGIT_RE, (digit) => {
        const index = PERSIAN_DIGITS.indexOf(digit);
        return String(index >= 0 ? index : ARABIC_DIGITS.indexOf(digit));
    });
}

/**
 * Replaces Latin digits by Persian ones.
 *
 * @param {string} value
 * @returns {string}
 */
export function toPersianDigits(value) {
    return String(value).replace(/[0-9]/g, (digit) => PERSIAN_DIGITS[Number(digit)]);
}

/**
 * Latin digits and ASCII separators for a number typed with a Persian or
 * Arabic keyboard: Arabic decimal separator (U+066B) becomes ".", Arabic
 * thousands separator (U+066C) and Arabic comma become ",".
 *
 * @param {string} value
 * @returns {string}
 */
export function normalizeNumberInput(value) {
    if (typeof value !== "string") {
        return value;
    }
    return toLatinDigits(value).replace(/\u066B/g, ".").replace(/[\u066C\u060C]/g, ",");
}

// -----------------------------------------------------------------------------
// Conversion
// -----------------------------------------------------------------------------

let intlFormatter = null;
const toJalaliCache = new Map();

function getFormatter() {
    if (!intlFormatter) {
        intlFormatter = new Intl.DateTimeFormat("en-US-u-ca-persian-nu-latn", {
            timeZone: "UTC",
            year: "numeric",
            month: "numeric",
            day: "numeric",
        });
    }
    return intlFormatter;
}

function utcTime(year, month, day) {
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    date.setUTCHours(12, 0, 0, 0);
    return date.getTime();
}

function jalaliFromTime(time) {
    const parts = {};
    for (const { type, value } of getFormatter().formatToParts(new Date(time))) {
        parts[type] = value;
    }
    // Some engines add an era ("AP") to the year part: keep the digits only
    return {
        year: parseInt(parts.year, 10),
        month: parseInt(parts.month, 10),
        day: parseInt(parts.day, 10),
    };
}

function gregorianFromTime(time) {
    const date = new Date(time);
    return {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
    };
}

/** Day of the Jalali year, 0-based, as if every year had 366 days. */
function dayOfJalaliYear(month, day) {
    return (month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1;
}

/**
 * Gregorian -> Jalali.
 *
 * @param {{ year: number, month: number, day: number }} date Gregorian date
 *  (a luxon DateTime works: its own year, month and day are used)
 * @returns {{ year: number, month: number, day: number }}
 */
export function toJalali({ year, month, day }) {
    const key = year * 10000 + month * 100 + day;
    let result = toJalaliCache.get(key);
    if (!result) {
        if (toJalaliCache.size >= CACHE_LIMIT) {
            toJalaliCache.clear();
        }
        result = Object.freeze(jalaliFromTime(utcTime(year, month, day)));
        toJalaliCache.set(key, result);
    }
    return { ...result };
}

/**
 * Jalali -> Gregorian, or `null` when the Jalali date does not exist
 * (e.g. 30 Esfand of a common year, month 13, day 32).
 *
 * The Gregorian day is estimated (Farvardin 1 is close to March 21 of
 * year + 621), then moved by the difference Intl reports, until Intl gives
 * back exactly the requested Jalali date.
 *
 * @param {{ year: number, month: number, day: number }} jalali
 * @returns {{ year: number, month: number, day: number } | null}
 */
export function fromJalali({ year, month, day }) {
    if (
        ![year, month, day].every(Number.isInteger) ||
        year < 1 ||
        month < 1 ||
        month > 12 ||
        day < 1 ||
        day > (month <= 6 ? 31 : 30)
    ) {
        return null;
    }
    const target = dayOfJalaliYear(month, day);
    let time = utcTime(year + 621, 3, 21) + target * DAY_MS;
    for (let attempt = 0; attempt < 5; attempt++) {
        const found = jalaliFromTime(time);
        // Virtual 366-day years: exact within a year, at most one day off
        // across a new year, which the next round corrects.
        const shift = (year - found.year) * 366 + target - dayOfJalaliYear(found.month, found.day);
        if (!shift) {
            break;
        }
        time += shift * DAY_MS;
    }
    const found = jalaliFromTime(time);
    if (found.year !== year || found.month !== month || found.day !== day) {
        return null;
    }
    return gregorianFromTime(time);
}

/**
 * @param {number} year Jalali year
 * @returns {boolean} whether Esfand of that year has 30 days
 */
export function isJalaliLeapYear(year) {
    return fromJalali({ year, month: 12, day: 30 }) !== null;
}

/**
 * @param {number} year Jalali year
 * @param {number} month Jalali month (1-12)
 * @returns {number} number of days of that month
 */
export function jalaliMonthLength(year, month) {
    if (month <= 6) {
        return 31;
    }
    if (month <= 11) {
        return 30;
    }
    return isJalaliLeapYear(year) ? 30 : 29;
}

/**
 * Adds (or removes) Jalali months, keeping the day when it exists in the
 * target month, else the last day of that month.
 *
 * @param {{ year: number, month: number, day: number }} jalali
 * @param {number} months
 */
export function addJalaliMonths({ year, month, day }, months) {
    const index = year * 12 + (month - 1) + months;
    const newYear = Math.floor(index / 12);
    const newMonth = index - newYear * 12 + 1;
    return {
        year: newYear,
        month: newMonth,
        day: Math.min(day, jalaliMonthLength(newYear, newMonth)),
    };
}

// -----------------------------------------------------------------------------
// Parsing and formatting
// -----------------------------------------------------------------------------

const JALALI_DATE_RE =
    /^\s*(\d{2}|\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?=$|[\sT])(.*)$/s;

/**
 * Splits a typed value into its Jalali date (year/month/day, with "/", "-"
 * or "." between them, in Latin, Persian or Arabic-Indic digits) and the
 * rest (a time, usually). Two-digit years are read as 13xx (from 50) or
 * 14xx (below 50). Years from 1700 on are not Jalali and give `null`.
 *
 * @param {string} value
 * @returns {{ date: { year: number, month: number, day: number }, rest: string } | null}
 */
export function splitJalaliDateTime(value) {
    if (typeof value !== "string") {
        return null;
    }
    const match = toLatinDigits(value).match(JALALI_DATE_RE);
    if (!match) {
        return null;
    }
    let year = parseInt(match[1], 10);
    if (match[1].length === 2) {
        year += year < 50 ? 1400 : 1300;
    }
    if (year >= 1700) {
        return null;
    }
    return {
        date: { year, month: parseInt(match[2], 10), day: parseInt(match[3], 10) },
        rest: match[4],
    };
}

/**
 * Parses a Jalali date typed by a user (`1404/9/6`, `۱۴۰۴/۰۹/۰۶`,
 * `١٤٠٤-٠٩-٠٦`) into its Gregorian date, or `null` when the text is not a
 * valid Jalali date.
 *
 * @param {string} value
 * @returns {{ year: number, month: number, day: number } | null}
 */
export function parseJalali(value) {
    const split = splitJalaliDateTime(value);
    if (!split || split.rest.trim()) {
        return null;
    }
    return fromJalali(split.date);
}

const FORMAT_TOKEN_RE = /'[^']*'|yyyy|yy|MMMM|MM|M|dd|d/g;

/**
 * Formats a Gregorian date as a Jalali one.
 *
 * Tokens: `yyyy`, `yy`, `MMMM` (month name), `MM`, `M`, `dd`, `d`; text
 * between single quotes is copied as is.
 *
 * @param {{ year: number, month: number, day: number }} date Gregorian date
 *  (or a luxon DateTime)
 * @param {Object} [options]
 * @param {string} [options.format="yyyy/MM/dd"]
 * @param {"latn" | "persian"} [options.digits="latn"]
 * @param {string[]} [options.monthNames] defaults to the translated names
 * @returns {string}
 */
export function formatJalali(date, options = {}) {
    const { year, month, day } = toJalali(date);
    const format = options.format || "yyyy/MM/dd";
    const pad = (number, size) => String(number).padStart(size, "0");
    const result = format.replace(FORMAT_TOKEN_RE, (token) => {
        switch (token) {
            case "yyyy":
                return pad(year, 4);
            case "yy":
                return pad(year % 100, 2);
            case "MMMM":
                return (options.monthNames || getJalaliMonthNames())[month - 1];
            case "MM":
                return pad(month, 2);
            case "M":
                return String(month);
            case "dd":
                return pad(day, 2);
            case "d":
                return String(day);
            default:
                return token.slice(1, -1);
        }
    });
    return options.digits === "persian" ? toPersianDigits(result) : result;
}
