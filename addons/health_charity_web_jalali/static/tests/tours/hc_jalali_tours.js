/** @odoo-module */
// Copyright 2026 Health Charity Team
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { registry } from "@web/core/registry";

const CRON_ROW = ".o_list_view .o_data_row:contains('HC Jalali Tour Cron')";
const NEXTCALL_INPUT = ".o_form_view .o_field_widget[name=nextcall] input";

/**
 * A Persian user (fa_IR, Asia/Tehran) sees a scheduled action's next
 * execution date in Jalali in the list, types a Jalali date and time in
 * Persian digits in the form and a number in Persian digits; the test
 * checks the Gregorian values stored on the server.
 */
registry.category("web_tour.tours").add("hc_jalali_cron_tour", {
    steps: () => [
        {
            content: "The list shows the Jalali date (2025-03-20 is 1403/12/30)",
            trigger: `${CRON_ROW} td[name=nextcall]:contains('1403/12/30 12:00:00')`,
        },
        {
            content: "Open the scheduled action",
            trigger: `${CRON_ROW} td[name=name]`,
            run: "click",
        },
        {
            content: "The form shows the Jalali date too",
            trigger: `${NEXTCALL_INPUT}:value('1403/12/30 12:00:00')`,
        },
        {
            content: "Type a Jalali date and time in Persian digits",
            trigger: NEXTCALL_INPUT,
            run: "edit ۱۴۰۴/۰۹/۰۶ ۱۰:۳۰:۰۰",
        },
        {
            content: "The date picker shows the Jalali month (Azar 1404, 30 days)",
            trigger: ".o_datetime_picker .o_date_item_cell:not(.o_out_of_range):contains('30')",
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
        {
            content: "Saved: the form shows the typed Jalali date",
            trigger: ".o_form_view .o_form_saved .o_field_widget[name=nextcall] input:value('1404/09/06 10:30:00')",
        },
        {
            trigger: ".o_breadcrumb .o_back_button, .o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            content: "Back in the list, in Jalali",
            trigger: `${CRON_ROW} td[name=nextcall]:contains('1404/09/06 10:30:00')`,
        },
    ],
});
