/** @odoo-module */
// Copyright 2026 Health Charity Team
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

/**
 * Jalali dates everywhere the web client shows or reads a date.
 *
 * `formatDate`, `formatDateTime`, `parseDate` and `parseDateTime` of
 * `@web/core/l10n/dates` are imported by name by many modules (field
 * formatters, the date picker service, the domain editor, chatter
 * activities...), so replacing them would not reach those modules. They all
 * end in luxon's `DateTime#toFormat` / `DateTime.fromFormat` with the
 * user's own date format (`localization.dateFormat`), which is what is
 * patched here:
 *
 * - `toFormat(fmt)`: when `fmt` starts with the user's date format (or its
 *   condensed form), that part is written as a Jalali `yyyy/MM/dd`
 *   (`yyyy/M/d`), the rest (the time) by luxon. Server formats
 *   (`serializeDate*`: `yyyy-MM-dd...` with `numberingSystem: "latn"`) are
 *   never touched, so the server and RPC stay Gregorian.
 * - `fromFormat(text)`: a text starting with a Jalali date (year below
 *   1700, "/", "-" or "." between parts, any digits) is converted to its
 *   Gregorian day; an optional time is read with the user's time formats.
 * - `toLocaleString(opts)` (chatter, notifications): date parts are
 *   written by Intl with the persian calendar (`outputCalendar`, given per
 *   call and never set globally: it only changes formatting in luxon).
 *
 * Weeks start on Saturday in Jalali mode.
 *
 * With the "Persian Digits" option of the user's language, the dates shown
 * (display formats and `toLocaleString`) are written with Persian digits;
 * the server formats keep Latin ones.
 */

import { localization } from "@web/core/l10n/localization";
import { localizationService } from "@web/core/l10n/localization_service";
import { patch } from "@web/core/utils/patch";
import { formatJalali, fromJalali, splitJalaliDateTime, toLatinDigits } from "../jalali";
import { isJalaliActive } from "../jalali_mode";
import { isNativeDigitsActive, toDisplayDigits } from "../native_digits_mode";

const { DateTime, Settings } = luxon;

export const JALALI_DATE_FORMAT = "yyyy/MM/dd";
export const JALALI_CONDENSED_DATE_FORMAT = "yyyy/M/d";
const SATURDAY = 6;
const NON_LATIN_DIGIT_RE = /[۰-۹٠-٩]/;

const condensedFormats = new Map();

/** Same rule as `getCondensedFormat` in `@web/core/l10n/dates`. */
function condense(format) {
    if (!condensedFormats.has(format)) {
        condensedFormats.set(
            format,
            format
                .replace(/(^|[^M])M{2}([^M]|$)/, "$1M$2")
                .replace(/(^|[^d])d{2}([^d]|$)/, "$1d$2")
                .replace(/(^|[^H])H{2}([^H]|$)/, "$1H$2")
        );
    }
    return condensedFormats.get(format);
}

/**
 * When `fmt` is one of the user's display formats, the Jalali format of its
 * date part and the luxon format of the rest.
 *
 * @param {string} fmt
 * @returns {{ dateFormat: string, rest: string } | null}
 */
export function splitDisplayFormat(fmt) {
    if (typeof fmt !== "string" || !("dateFormat" in localization)) {
        return null;
    }
    const userFormat = localization.dateFormat;
    if (fmt.startsWith(userFormat)) {
        return { dateFormat: JALALI_DATE_FORMAT, rest: fmt.slice(userFormat.length) };
    }
    const condensed = condense(userFormat);
    if (fmt.startsWith(condensed)) {
        return { dateFormat: JALALI_CONDENSED_DATE_FORMAT, rest: fmt.slice(condensed.length) };
    }
    return null;
}

function timeFormats() {
    const formats = [];
    if ("timeFormat" in localization) {
        formats.push(localization.timeFormat, localization.shortTimeFormat);
    }
    return [...formats, "H:m:s", "H:m", "H"];
}

/**
 * @param {{ year: number, month: number, day: number }} jalaliDate
 * @param {string} rest typed after the date (a time), Latin digits
 * @param {Object} opts luxon parsing options
 * @param {Function} parse luxon's own `fromFormat`
 * @returns {DateTime}
 */
function jalaliTextToDateTime(jalaliDate, rest, opts, parse) {
    const gregorian = fromJalali(jalaliDate);
    if (!gregorian) {
        return DateTime.invalid("not a Jalali date");
    }
    const time = rest.replace(/^T/, " ").trim();
    if (!time) {
        return DateTime.fromObject(gregorian, {
            zone: opts.zone,
            locale: opts.locale,
            numberingSystem: opts.numberingSystem,
        });
    }
    const pad = (number, size) => String(number).padStart(size, "0");
    const isoDate = `${pad(gregorian.year, 4)}-${pad(gregorian.month, 2)}-${pad(gregorian.day, 2)}`;
    const latinOpts = { ...opts, numberingSystem: "latn" };
    for (const timeFormat of timeFormats()) {
        const result = parse(`${isoDate} ${time}`, `yyyy-MM-dd ${timeFormat}`, latinOpts);
        if (result.isValid) {
            return opts.numberingSystem
                ? result
                : result.reconfigure({ numberingSystem: Settings.defaultNumberingSystem });
        }
    }
    return DateTime.invalid("not a Jalali date and time");
}

patch(DateTime.prototype, {
    toFormat(fmt, opts) {
        if (!this.isValid || opts?.numberingSystem === "latn") {
            return super.toFormat(fmt, opts);
        }
        const split = splitDisplayFormat(fmt);
        if (!split) {
            return super.toFormat(fmt, opts);
        }
        if (isJalaliActive()) {
            const date = formatJalali(this, { format: split.dateFormat });
            return toDisplayDigits(split.rest ? date + super.toFormat(split.rest, opts) : date);
        }
        return toDisplayDigits(super.toFormat(fmt, opts));
    },

    toLocaleString(formatOpts = DateTime.DATE_SHORT, opts = {}) {
        if (
            this.isValid &&
            !opts.outputCalendar &&
            formatOpts &&
            (formatOpts.year || formatOpts.month || formatOpts.day || formatOpts.dateStyle) &&
            isJalaliActive()
        ) {
            opts = { ...opts, outputCalendar: "persian" };
        }
        if (this.isValid && !opts.numberingSystem && isNativeDigitsActive()) {
            opts = { ...opts, numberingSystem: "arabext" };
        }
        return super.toLocaleString(formatOpts, opts);
    },
});

patch(DateTime, {
    fromFormat(text, fmt, opts = {}) {
        if (typeof text !== "string") {
            return super.fromFormat(text, fmt, opts);
        }
        const numberingSystem = opts.numberingSystem || Settings.defaultNumberingSystem || "latn";
        if (numberingSystem === "latn" && NON_LATIN_DIGIT_RE.test(text)) {
            text = toLatinDigits(text);
        }
        if (!isJalaliActive()) {
            return super.fromFormat(text, fmt, opts);
        }
        const split = splitJalaliDateTime(text);
        if (split) {
            return jalaliTextToDateTime(split.date, split.rest, opts, (...args) =>
                super.fromFormat(...args)
            );
        }
        const result = super.fromFormat(text, fmt, opts);
        if (result.isValid && result.year < 1700) {
            // The web client also tries the user's format without its
            // separators ("14040906"): such a year is a Jalali one.
            const gregorian = fromJalali(result);
            return gregorian ? result.set(gregorian) : DateTime.invalid("not a Jalali date");
        }
        return result;
    },
});

patch(localizationService, {
    async start() {
        const result = await super.start(...arguments);
        if (isJalaliActive()) {
            localization.weekStart = SATURDAY;
        }
        return result;
    },
});
