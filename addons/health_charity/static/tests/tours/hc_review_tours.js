/** @odoo-module **/
/* A Persian approver's review panel (OCA base_tier_validation) in Persian:
 * the banner, its buttons, the reviews table and its values. Run by
 * tests/test_tier_translation.py. */

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hc_tour_review_panel_fa", {
    steps: () => [
        {
            content: "The banner says the gift needs a review, in Persian",
            trigger: ".o_form_view .alert-warning:contains('این سند باید')",
        },
        {
            content: "and names who approves it next",
            trigger: ".o_form_view .alert-warning:contains('مرحله بعد')",
        },
        {
            content: "The reviews panel is titled in Persian: open it",
            trigger: ".o_form_view .o_info_btn:contains('بررسی‌ها')",
            run: "click",
        },
        {
            content: "Its columns are in Persian",
            trigger: ".o_review th[name=th_todo_by]:contains('بر عهده')",
        },
        {
            trigger: ".o_review th[name=th_display_status]:contains('وضعیت')",
        },
        {
            content: "The review waits, in Persian",
            trigger: ".o_review td[name=td_display_status]:contains('در انتظار بررسی')",
        },
        {
            content: "for a group, in Persian",
            trigger: ".o_review td[name=td_todo_by]:contains('گروه')",
        },
        {
            content: "Reject is offered in Persian",
            trigger: ".o_form_view .alert-warning button[name=reject_tier]:contains('رد')",
        },
        {
            content: "Approve (in Persian)",
            trigger: ".o_form_view .alert-warning button[name=validate_tier]:contains('تأیید')",
            run: "click",
        },
        {
            content: "The review is approved, in Persian",
            trigger: ".o_review td[name=td_display_status]:contains('تأییدشده')",
        },
        {
            content: "on a Jalali date",
            trigger: ".o_review td[name=td_reviewed_date]:contains('14')",
        },
    ],
});
