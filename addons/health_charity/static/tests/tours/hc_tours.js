/** @odoo-module **/
/* Browser flows of the Health Charity office, run by tests/test_tours.py. */

import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

function addLine(row, category, description, quantity, unitValue) {
    const sel = `.o_data_row:nth-child(${row}).o_selected_row`;
    return [
        {
            content: "Add a line",
            trigger: ".o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: `Category ${category}`,
            trigger: `${sel} .o_field_widget[name=category_id] input`,
            run: `edit ${category}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-item:contains(${category})`,
            run: "click",
        },
        {
            trigger: `${sel} .o_field_widget[name=name] input`,
            run: `edit ${description}`,
        },
        {
            trigger: `${sel} .o_field_widget[name=quantity] input`,
            run: `edit ${quantity}`,
        },
        {
            trigger: `${sel} .o_field_widget[name=unit_value] input`,
            run: `edit ${unitValue}`,
        },
    ];
}

tours.add("hc_tour_record_gift", {
    url: "/odoo/action-health_charity.hc_contribution_action/new",
    steps: () => [
        {
            content: "Choose the donor",
            trigger: ".o_field_widget[name=donor_id] input",
            run: "edit Tour Donor",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Donor)",
            run: "click",
        },
        {
            content: "Open the notes",
            trigger: ".o_notebook_headers .nav-link:contains(Notes)",
            run: "click",
        },
        {
            content: "Evidence: how the value was established",
            trigger: ".o_field_widget[name=note] .odoo-editor-editable",
            run: "editor Invoice of Bu-Ali Medical Equipment no. 1404-558 attached",
        },
        {
            content: "Back to the lines",
            trigger: ".o_notebook_headers .nav-link:contains(Lines)",
            run: "click",
        },
        ...addLine(1, "Medical Equipment", "Ventilator", "2", "600000000"),
        ...addLine(2, "Food Package", "Food packages", "100", "3000000"),
        {
            content: "Save",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {trigger: ".o_form_saved"},
        {
            content: "Submit for approval",
            trigger: "button[name=action_submit]",
            run: "click",
        },
        {
            content: "A big gift waits for an approver",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Submitted)",
        },
    ],
});

tours.add("hc_tour_approve_gift", {
    url: "/odoo/action-health_charity.hc_contribution_action_to_review",
    steps: () => [
        {
            content: "The gift is in the review inbox",
            trigger: ".o_data_row .o_data_cell:contains(Tour Donor)",
            run: "click",
        },
        {
            content: "Validate",
            trigger: "button[name=validate_tier]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Approved)",
        },
    ],
});

tours.add("hc_tour_post_gift", {
    url: "/odoo/action-health_charity.hc_contribution_action",
    steps: () => [
        {
            trigger: ".o_data_row .o_data_cell:contains(Tour Donor)",
            run: "click",
        },
        {
            content: "Post to accounting",
            trigger: "button[name=action_post]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Posted)",
        },
    ],
});

tours.add("hc_tour_export_workbook", {
    steps: () => [
        {
            content: "Download the Ministry workbook",
            trigger: "button[name=action_generate_workbook]",
            async run() {
                const id = window.location.pathname.split("/").pop();
                const response = await fetch(
                    `/report/xlsx/health_charity_reports.ministry_valuation_xlsx/${id}`
                );
                const type = response.headers.get("Content-Type") || "";
                const body = await response.arrayBuffer();
                if (!response.ok || !type.includes("spreadsheetml") || body.byteLength < 1000) {
                    throw new Error(`Ministry workbook not downloaded (${response.status} ${type})`);
                }
                document.body.classList.add("hc_workbook_downloaded");
            },
        },
        {trigger: "body.hc_workbook_downloaded"},
    ],
});

tours.add("hc_tour_officer_isolation", {
    url: "/odoo/action-health_charity.hc_contribution_action",
    steps: () => [
        {
            content: "The officer sees their hospital's gifts",
            trigger: ".o_data_row .o_data_cell:contains(Hospital A Donor)",
        },
        {
            content: "... and not another hospital's",
            trigger: ".o_list_renderer:not(:has(.o_data_cell:contains(Hospital B Donor)))",
        },
    ],
});

tours.add("hc_tour_escaping", {
    url: "/odoo/action-health_charity.hc_organization_action_ngo",
    steps: () => [
        {
            content: "HTML in a name is shown as text, never run",
            trigger: ".o_data_row .o_data_cell:contains(Evil NGO)",
            run() {
                const cell = [...document.querySelectorAll(".o_data_cell")].find((c) =>
                    c.textContent.includes("Evil NGO")
                );
                if (
                    !cell.textContent.includes("<b>Evil NGO</b>") ||
                    cell.querySelector("b, script") ||
                    window.hcPwned
                ) {
                    throw new Error("The organisation name was rendered as HTML");
                }
                document.body.classList.add("hc_escaped_ok");
            },
        },
        {trigger: "body.hc_escaped_ok"},
    ],
});
