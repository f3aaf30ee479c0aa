/** @odoo-module */
// Copyright 2026 Health Charity Team
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

/**
 * Jalali date picker: the month grid shows Jalali months (Persian month
 * names, weeks from Saturday to Friday, Friday marked as the weekend, week
 * numbers of the Jalali year), the year grid Jalali months and the decade
 * grid Jalali years. The values stay luxon DateTimes (Gregorian), so
 * selecting, ranges, min/max dates and the time part work as in Odoo.
 *
 * `state.focusDate` is kept on the first day of a Jalali month (days), year
 * (months) or decade/century (years, decades).
 */

import { _t } from "@web/core/l10n/translation";
import { isInRange, today } from "@web/core/l10n/dates";
import { DateTimePicker } from "@web/core/datetime/datetime_picker";
import { patch } from "@web/core/utils/patch";
import {
    addJalaliMonths,
    fromJalali,
    getJalaliMonthNames,
    jalaliMonthLength,
    toJalali,
} from "../../jalali";
import { isJalaliActive } from "../../jalali_mode";
import { toDisplayDigits } from "../../native_digits_mode";

const { DateTime, Info } = luxon;

const SATURDAY = 6;
const FRIDAY = 5;
const DAYS_PER_WEEK = 7;
const GRID_COUNT = 10;
const GRID_MARGIN = 1;
/** Jalali months moved by "previous"/"next" at each precision level. */
const STEP_MONTHS = { days: 1, months: 12, years: 120, decades: 1200 };

/**
 * @param {{ year: number, month: number, day: number }} jalaliDate
 * @param {DateTime} reference gives the zone and locale
 * @returns {DateTime} start of that day
 */
export function jalaliToDateTime(jalaliDate, reference) {
    const gregorian = fromJalali(jalaliDate);
    return (reference || DateTime.local()).set(gregorian).startOf("day");
}

/**
 * @param {DateTime} date
 * @returns {DateTime} first day of its Jalali month
 */
export function startOfJalaliMonth(date) {
    const { year, month } = toJalali(date);
    return jalaliToDateTime({ year, month, day: 1 }, date);
}

/**
 * @param {DateTime} date
 * @param {number} months
 * @returns {DateTime} same time of the day, `months` Jalali months later
 */
export function plusJalaliMonths(date, months) {
    const moved = fromJalali(addJalaliMonths(toJalali(date), months));
    return date.set(moved);
}

function jalaliYearRange(year, reference) {
    const start = jalaliToDateTime({ year, month: 1, day: 1 }, reference);
    const next = jalaliToDateTime({ year: year + 1, month: 1, day: 1 }, reference);
    return [start, next.minus({ millisecond: 1 })];
}

/** Week number in the Jalali year (the week holding Farvardin 1 is 1). */
function jalaliWeekNumber(lastDayOfWeek) {
    const { year } = toJalali(lastDayOfWeek);
    const newYear = jalaliToDateTime({ year, month: 1, day: 1 }, lastDayOfWeek);
    const offset = (newYear.weekday - SATURDAY + DAYS_PER_WEEK) % DAYS_PER_WEEK;
    const dayOfYear = Math.round(lastDayOfWeek.startOf("day").diff(newYear, "days").days);
    return Math.floor((dayOfYear + offset) / DAYS_PER_WEEK) + 1;
}

function buildMonth(monthStart, index, weekCount, params) {
    const { maxDate, minDate, showWeekNumbers, isDateValid, dayCellClass } = params;
    const { year, month } = toJalali(monthStart);
    const monthRange = [
        monthStart,
        monthStart.plus({ day: jalaliMonthLength(year, month) - 1 }).endOf("day"),
    ];
    const gridStart = monthStart.minus({
        day: (monthStart.weekday - SATURDAY + DAYS_PER_WEEK) % DAYS_PER_WEEK,
    });
    const now = today();
    const weeks = [];
    for (let w = 0; w < weekCount; w++) {
        const days = [];
        for (let d = 0; d < DAYS_PER_WEEK; d++) {
            const day = gridStart.plus({ day: w * DAYS_PER_WEEK + d });
            const range = [day, day.endOf("day")];
            const classes = [dayCellClass?.(day) || ""];
            if (day.weekday === FRIDAY) {
                classes.push("o_hc_jalali_weekend");
            }
            days.push({
                id: day.toISODate(),
                includesToday: isInRange(now, range),
                isOutOfRange: !isInRange(day, monthRange),
                isValid:
                    isInRange(range, [minDate, maxDate]) && (isDateValid ? isDateValid(day) : true),
                label: toDisplayDigits(String(toJalali(day).day)),
                range,
                extraClass: classes.join(" ").trim(),
            });
        }
        weeks.push({ number: jalaliWeekNumber(days[DAYS_PER_WEEK - 1].range[0]), days });
    }
    const daysOfWeek = weeks[0].days.map(({ range: [day] }) => [
        day.weekdayShort,
        day.weekdayLong,
        Info.weekdays("narrow", { locale: day.locale })[day.weekday - 1],
    ]);
    if (showWeekNumbers) {
        daysOfWeek.unshift(["#", _t("Week numbers"), "#"]);
    }
    return { id: `__month__${index}`, number: month, daysOfWeek, weeks };
}

/**
 * Items and title of the Jalali grid at the given precision.
 *
 * @param {"days" | "months" | "years" | "decades"} precision
 * @param {DateTime} focusDate
 * @param {Object} params same as Odoo's `getItems` parameters
 */
export function getJalaliGrid(precision, focusDate, params) {
    const monthNames = getJalaliMonthNames();
    const focus = toJalali(focusDate);
    if (precision === "days") {
        const starts = [startOfJalaliMonth(focusDate)];
        if (params.additionalMonth) {
            starts.push(startOfJalaliMonth(plusJalaliMonths(starts[0], 1)));
        }
        const weekCount = Math.max(
            ...starts.map((start) => {
                const { year, month } = toJalali(start);
                const offset = (start.weekday - SATURDAY + DAYS_PER_WEEK) % DAYS_PER_WEEK;
                return Math.ceil((offset + jalaliMonthLength(year, month)) / DAYS_PER_WEEK);
            })
        );
        return {
            title: starts.map((start) => {
                const { year, month } = toJalali(start);
                return toDisplayDigits(`${monthNames[month - 1]} ${year}`);
            }),
            items: starts.map((start, i) => buildMonth(start, i, weekCount, params)),
        };
    }
    if (precision === "months") {
        return {
            title: toDisplayDigits(String(focus.year)),
            items: monthNames.map((name, i) => {
                const start = jalaliToDateTime(
                    { year: focus.year, month: i + 1, day: 1 },
                    focusDate
                );
                const length = jalaliMonthLength(focus.year, i + 1);
                const range = [start, start.plus({ day: length - 1 }).endOf("day")];
                return {
                    id: start.toISODate(),
                    includesToday: isInRange(today(), range),
                    isOutOfRange: false,
                    isValid: isInRange(range, [params.minDate, params.maxDate]),
                    label: name,
                    range,
                };
            }),
        };
    }
    const span = precision === "years" ? 10 : 100;
    const unit = span / GRID_COUNT;
    const first = Math.floor(focus.year / span) * span;
    const items = [];
    for (let i = -GRID_MARGIN; i < GRID_COUNT + GRID_MARGIN; i++) {
        const year = first + i * unit;
        const [start] = jalaliYearRange(year, focusDate);
        const [, end] = jalaliYearRange(year + unit - 1, focusDate);
        const range = [start, end];
        items.push({
            id: start.toISODate(),
            includesToday: isInRange(today(), range),
            isOutOfRange: i < 0 || i >= GRID_COUNT,
            isValid: isInRange(range, [params.minDate, params.maxDate]),
            label: toDisplayDigits(String(year)),
            range,
        });
    }
    return { title: toDisplayDigits(`${first - unit} - ${first + span}`), items };
}

patch(DateTimePicker.prototype, {
    onWillRender() {
        super.onWillRender(...arguments);
        if (!isJalaliActive() || !this.state.focusDate) {
            return;
        }
        const { dayCellClass, isDateValid, range, showWeekNumbers } = this.props;
        const grid = getJalaliGrid(this.state.precision, this.state.focusDate, {
            additionalMonth: this.additionalMonth,
            maxDate: this.maxDate,
            minDate: this.minDate,
            showWeekNumbers: showWeekNumbers ?? !range,
            isDateValid,
            dayCellClass,
        });
        this.title = grid.title;
        this.items = grid.items;
    },

    adjustFocus(values, focusedDateIndex) {
        if (!isJalaliActive()) {
            return super.adjustFocus(...arguments);
        }
        if (!this.shouldAdjustFocusDate && this.state.focusDate) {
            return;
        }
        let dateToFocus =
            values[focusedDateIndex] || values[focusedDateIndex === 1 ? 0 : 1] || today();
        if (this.additionalMonth && focusedDateIndex === 1 && values[0] && values[1]) {
            const [first, second] = values.map(toJalali);
            if (first.year !== second.year || first.month !== second.month) {
                dateToFocus = plusJalaliMonths(dateToFocus, -1);
            }
        }
        this.shouldAdjustFocusDate = false;
        this.state.focusDate = this.clamp(startOfJalaliMonth(dateToFocus));
    },

    next(ev) {
        if (!isJalaliActive()) {
            return super.next(...arguments);
        }
        ev.preventDefault();
        this.state.focusDate = this.clamp(
            plusJalaliMonths(this.state.focusDate, STEP_MONTHS[this.state.precision])
        );
    },

    previous(ev) {
        if (!isJalaliActive()) {
            return super.previous(...arguments);
        }
        ev.preventDefault();
        this.state.focusDate = this.clamp(
            plusJalaliMonths(this.state.focusDate, -STEP_MONTHS[this.state.precision])
        );
    },
});
