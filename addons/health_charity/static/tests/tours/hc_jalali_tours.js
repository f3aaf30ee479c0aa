/** @odoo-module **/
/* The office in Persian (fa_IR): Jalali dates shown, typed and grouped.
 * Run by tests/test_jalali_tour.py. */

import { registry } from "@web/core/registry";
import { toLatinDigits } from "@health_charity_web_jalali/jalali";

const DONOR_ROW = ".o_list_view .o_data_row:contains('Jalali Tour Donor')";

function expectText(content, trigger, expected) {
    return {
        content,
        trigger,
        run() {
            // Persian users see Persian digits (an option of their language):
            // the values are compared in Latin ones
            const text = toLatinDigits((this.anchor.value ?? this.anchor.textContent).trim());
            if (!text.includes(expected)) {
                throw new Error(`${content}: expected "${expected}", got "${text}"`);
            }
        },
    };
}

registry.category("web_tour.tours").add("hc_tour_jalali_gifts", {
    url: "/odoo/action-health_charity.hc_contribution_action",
    steps: () => [
        expectText(
            "The list shows a gift of 2025-03-20 on 30 Esfand 1403",
            `${DONOR_ROW}:contains('CON/1403/') td[name=date]`,
            "1403/12/30"
        ),
        {
            content: "Open the search options",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Group by Jalali month (ماه شمسی)",
            trigger: ".o_group_by_menu .o_menu_item:contains('ماه شمسی')",
            run: "click",
        },
        expectText(
            "Esfand 1403 holds one gift",
            ".o_group_header:contains('اسفند 1403')",
            "(1)"
        ),
        expectText(
            "Farvardin 1404 holds the gifts of 21 March and 20 April 2025",
            ".o_group_header:contains('فروردین 1404')",
            "(2)"
        ),
        {
            content: "No Gregorian month bucket",
            trigger: ".o_list_view:not(:has(.o_group_header:contains('2025')))",
        },
        {
            content: "Record a new gift",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=donor_id] input",
            run: "edit Jalali Tour Donor",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Jalali Tour Donor)",
            run: "click",
        },
        {
            content: "Type a Jalali date in Persian digits",
            trigger: ".o_form_view .o_field_widget[name=date] input",
            run: "edit ۱۴۰۴/۰۹/۰۶",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=date] input",
            run: "press Enter",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        expectText(
            "Saved, shown in Jalali",
            ".o_form_view .o_form_saved .o_field_widget[name=date] input",
            "1404/09/06"
        ),
        expectText(
            "Numbered in the Jalali year of its date",
            ".o_form_view .o_field_widget[name=name]",
            "CON/1404/"
        ),
    ],
});
