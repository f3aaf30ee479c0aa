/** @odoo-module */
// Copyright 2026 Health Charity Team
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { registry } from "@web/core/registry";
import { toLatinDigits } from "@health_charity_web_jalali/jalali";

const CRON_ROW = ".o_list_view .o_data_row:contains('HC Jalali Tour Cron')";
const NEXTCALL_INPUT = ".o_form_view .o_field_widget[name=nextcall] input";

/** A step checking the text (or value) of its trigger starts with `expected`. */
function expectText(content, trigger, expected) {
    return {
        content,
        trigger,
        run() {
            // Persian users see Persian digits (an option of their language):
            // the values are compared in Latin ones
            const text = toLatinDigits((this.anchor.value ?? this.anchor.textContent).trim());
            if (!text.startsWith(expected)) {
                throw new Error(`${content}: expected "${expected}", got "${text}"`);
            }
        },
    };
}

/**
 * A Persian user (fa_IR, Asia/Tehran) sees a scheduled action's next
 * execution date in Jalali in the list, types a Jalali date and time in
 * Persian digits in the form and a number in Persian digits; the test
 * checks the Gregorian values stored on the server.
 */
registry.category("web_tour.tours").add("hc_jalali_cron_tour", {
    steps: () => [
        expectText(
            "The list shows the Jalali date (2025-03-20 is 1403/12/30)",
            `${CRON_ROW} td[name=nextcall]`,
            "1403/12/30 "
        ),
        {
            content: "Work in the user's time zone (the web client uses the browser's)",
            trigger: ".o_list_view",
            run() {
                luxon.Settings.defaultZone = "Asia/Tehran";
            },
        },
        {
            content: "Open the scheduled action",
            trigger: `${CRON_ROW} td[name=name]`,
            run: "click",
        },
        expectText("The form shows the Jalali date too", NEXTCALL_INPUT, "1403/12/30 12:00"),
        {
            content: "Type a Jalali date and time in Persian digits",
            trigger: NEXTCALL_INPUT,
            run: "edit ۱۴۰۴/۰۹/۰۶ ۱۰:۳۰:۰۰",
        },
        expectText(
            "The date picker opened on the stored date's Jalali month",
            ".o_datetime_picker .o_header_part",
            "اسفند 1403"
        ),
        {
            content: "1403 is a leap year: Esfand has 30 days",
            trigger:
                ".o_datetime_picker button.o_date_item_cell:contains('30'), " +
                ".o_datetime_picker button.o_date_item_cell:contains('۳۰')",
        },
        {
            content: "Apply the typed date",
            trigger: NEXTCALL_INPUT,
            run: "press Enter",
        },
        {
            content: "Open the date picker again",
            trigger: NEXTCALL_INPUT,
            run: "click",
        },
        expectText(
            "The date picker shows the Jalali month of the typed date",
            ".o_datetime_picker .o_header_part",
            "آذر 1404"
        ),
        {
            content: "Friday is marked as the weekend",
            trigger: ".o_datetime_picker .o_date_item_cell.o_hc_jalali_weekend",
        },
        {
            content: "Next Jalali month",
            trigger: ".o_datetime_picker .o_next",
            run: "click",
        },
        expectText("Dey follows Azar", ".o_datetime_picker .o_header_part", "دی 1404"),
        {
            trigger: ".o_datetime_picker .o_previous",
            run: "click",
        },
        expectText("Back to Azar", ".o_datetime_picker .o_header_part", "آذر 1404"),
        {
            trigger: NEXTCALL_INPUT,
            run: "click",
        },
        {
            trigger: NEXTCALL_INPUT,
            run: "press Enter",
        },
        {
            content: "Type a number in Persian digits",
            trigger: ".o_form_view .o_field_widget[name=interval_number] input",
            run: "edit ۱۲",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        expectText(
            "Saved: the form shows the typed Jalali date",
            ".o_form_view .o_form_saved .o_field_widget[name=nextcall] input",
            "1404/09/06 10:30"
        ),
        {
            trigger: ".o_breadcrumb .o_back_button, .o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        expectText("Back in the list, in Jalali", `${CRON_ROW} td[name=nextcall]`, "1404/09/06 10:30"),
    ],
});
