/** @odoo-module **/
/*
 * A day's work in every role, run by
 * health_charity_reports/tests/test_day_tours.py on records it creates.
 * Each tour asserts what the screen shows: rows, totals, buttons present or
 * absent.
 */

import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

function statusIs(label) {
    return {
        content: `Status: ${label}`,
        trigger: `.o_statusbar_status button.o_arrow_button_current:contains(${label})`,
    };
}

// Office staff: every unit's gifts without touching the switcher, then a
// supervision visit on a hospital's active delegation from Cases > Visits.
tours.add("hc_day_staff", {
    steps: () => [
        {
            content: "A gift of the university",
            trigger: ".o_data_row .o_data_cell:contains(Day University Donor)",
        },
        {
            content: "... of hospital A",
            trigger: ".o_data_row .o_data_cell:contains(Day Hospital A Donor)",
        },
        {
            content: "... and of hospital B, by default",
            trigger: ".o_data_row .o_data_cell:contains(Day Hospital B Donor)",
        },
        {
            content: "Cases",
            trigger: ".o_menu_sections button:contains(Cases)",
            run: "click",
        },
        {
            content: "Visits",
            trigger: ".o-dropdown--menu .dropdown-item:contains(Visits)",
            run: "click",
        },
        {
            content: "New visit",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Find the delegation by its service",
            trigger: ".o_field_widget[name=delegation_id] input",
            run: "edit Day Diabetes",
        },
        {
            content: "The active delegation of hospital B is offered...",
            trigger: ".o-autocomplete--dropdown-item:contains(DEL/)",
        },
        {
            content: "... and no broken Create",
            trigger:
                ".o-autocomplete--dropdown-menu:not(:has(.o_m2o_dropdown_option_create)):not(:has(.o_m2o_dropdown_option_create_edit))",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(DEL/)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=organization_id]:contains(Day Kidney NGO)",
        },
        {
            content: "Score",
            trigger: ".o_field_widget[name=score] input",
            run: "edit 45",
        },
        {
            content: "Findings",
            trigger: ".o_field_widget[name=findings] textarea",
            run: "edit Waiting-room log missing",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {trigger: ".o_form_saved"},
        {
            content: "The visit belongs to hospital B",
            trigger: ".o_field_widget[name=company_id]:contains(Day Hospital B)",
        },
    ],
});

// Hospital officer: a visit with findings and a corrective action on their
// active delegation; the approved terms stay read-only; no consolidations.
tours.add("hc_day_officer", {
    steps: () => [
        statusIs("Active"),
        {
            content: "The approved dates are locked",
            trigger: ".o_field_widget[name=start_date].o_readonly_modifier",
        },
        {
            content: "Add a supervision visit",
            trigger: ".o_field_widget[name=visit_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=visit_ids] .o_selected_row .o_field_widget[name=score] input",
            run: "edit 40",
        },
        {
            trigger: ".o_field_widget[name=visit_ids] .o_selected_row .o_field_widget[name=findings] textarea",
            run: "edit No patient log",
        },
        {
            trigger:
                ".o_field_widget[name=visit_ids] .o_selected_row .o_field_widget[name=corrective_action] textarea",
            run: "edit Keep a daily patient log",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {trigger: ".o_form_saved"},
        {
            content: "The visit is listed and scored",
            trigger: ".o_field_widget[name=visit_ids] .o_data_row .o_data_cell:contains(No patient log)",
        },
        {
            trigger: ".o_field_widget[name=last_score]:contains(40)",
        },
        {
            content: "Reporting",
            trigger: ".o_menu_sections button:contains(Reporting)",
            run: "click",
        },
        {
            content: "Analysis, but no consolidations for a hospital officer",
            trigger:
                ".o-dropdown--menu:has(.dropdown-item:contains(Contribution Analysis)):not(:has(.dropdown-item:contains(Consolidations)))",
        },
    ],
});

// Approver: the inbox holds every unit's pending gifts although the switcher
// shows only the university; the banner names the reviewers; approve one.
tours.add("hc_day_approver", {
    steps: () => [
        {
            content: "Hospital B's gift waits in the inbox",
            trigger: ".o_data_row .o_data_cell:contains(Day Hospital B Donor)",
        },
        {
            content: "... and hospital A's",
            trigger: ".o_data_row .o_data_cell:contains(Day Hospital A Donor)",
        },
        {
            content: "Two gifts to review, nothing else",
            trigger: ".o_list_renderer:not(:has(.o_data_row:nth-child(3)))",
        },
        {
            trigger: ".o_data_row .o_data_cell:contains(Day Hospital B Donor)",
            run: "click",
        },
        {
            content: "The banner says who approves",
            trigger: ".alert:contains(to be approved by):contains(Day Approver)",
        },
        {
            content: "Validate",
            trigger: "button[name=validate_tier]",
            run: "click",
        },
        statusIs("Approved"),
    ],
});

// Finance reviews nothing: an honest empty inbox, no sample rows.
tours.add("hc_day_finance_inbox", {
    steps: () => [
        {
            content: "Nothing waits for review",
            trigger: ".o_view_nocontent:contains(Nothing waits for your review)",
        },
        {
            content: "No sample rows",
            trigger: ".o_content:not(:has(.o_view_sample_data)):not(:has(.o_data_row))",
        },
    ],
});

// Finance: post an approved gift, read its entry's journal items, go back
// to the gift; the entry offers no reset and no reversal around the gift.
tours.add("hc_day_finance", {
    steps: () => [
        statusIs("Approved"),
        {
            content: "Post to accounting",
            trigger: "button[name=action_post]",
            run: "click",
        },
        statusIs("Posted"),
        {
            content: "Open the journal entry",
            trigger: "button[name=action_view_move]",
            run: "click",
        },
        {
            content: "The journal items are shown",
            trigger: ".o_notebook_headers .nav-link.active:contains(Journal Items)",
        },
        {
            content: "Bank debited",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains(Day Bank)",
        },
        {
            content: "Income credited",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains(Day Income)",
        },
        {
            content: "No reset to draft, no reversal: it goes through the gift",
            trigger:
                ".o_form_statusbar:not(:has(button[name=button_draft])):not(:has(button:contains(Reverse Entry)))",
        },
        {
            trigger: ".alert-info:contains(cancel the contribution)",
        },
        {
            content: "Back to the gift",
            trigger: "button[name=action_view_hc_contribution]",
            run: "click",
        },
        statusIs("Posted"),
        {
            trigger: ".o_field_widget[name=donor_id]:contains(Day University Donor)",
        },
    ],
});

// Manager: a running project ticks a milestone; the weighted progress
// follows; the funding received against the estimate stays visible.
tours.add("hc_day_manager", {
    steps: () => [
        statusIs("In Progress"),
        {
            trigger: ".o_field_widget[name=milestone_summary]:contains(2 of 4)",
        },
        {
            content: "Funding: a quarter of the estimate received",
            trigger: ".o_field_widget[name=funding_percent]:contains(25)",
        },
        {
            content: "The approved estimate is locked",
            trigger: ".o_field_widget[name=estimated_cost].o_readonly_modifier",
        },
        {
            trigger: ".o_field_widget[name=progress]:contains(25)",
        },
        {
            content: "Tick the structure milestone",
            trigger: ".o_field_widget[name=milestone_ids] .o_data_row:contains(Structure) .o_data_cell[name=name]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=milestone_ids] .o_selected_row .o_field_widget[name=is_done] input",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {trigger: ".o_form_saved"},
        {
            content: "Progress follows the milestones (weighted)",
            trigger: ".o_field_widget[name=progress]:contains(50)",
        },
        {
            trigger: ".o_field_widget[name=milestone_summary]:contains(3 of 4)",
        },
    ],
});
