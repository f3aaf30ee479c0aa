/** @odoo-module **/
/* A clerk imports a hospital's spreadsheet through the import dialog,
 * chooses to import the good rows and gets the bad ones back: the dialog
 * opens the import's record. Run by tests/test_import_tour.py. */

import { registry } from "@web/core/registry";

const CSV = [
    "Donor,Date,Category,Description,Quantity,Unit Value",
    "Import Tour Donor,2025-05-01,Medical Equipment,Tour item 1,2,1500000",
    "Import Tour Donor,2025-05-02,Medical Equipment,Tour item 2,-1,1500000",
    "Import Tour Donor,2025-05-03,Medical Equipment,Tour item 3,1,2500000",
].join("\n");

registry.category("web_tour.tours").add("hc_tour_import_good_rows", {
    url: "/odoo/action-health_charity.hc_contribution_action",
    steps: () => [
        {
            content: "Open the gear menu of the contributions list",
            trigger: ".o_control_panel .o_cp_action_menus .dropdown-toggle",
            run: "click",
        },
        {
            content: "Import records",
            trigger: ".o_import_menu",
            run: "click",
        },
        {
            content: "Upload the hospital's file",
            trigger: "button.o_import_file",
            run() {
                const input = document.querySelector("input.o_input_file");
                const transfer = new DataTransfer();
                transfer.items.add(new File([CSV], "hospital.csv", { type: "text/csv" }));
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Choose: import the good rows, give back the bad ones",
            trigger: ".o_hc_import_mode select",
            run: "select good_rows",
        },
        {
            content: "The columns are mapped by themselves",
            trigger: ".o_import_data_content:contains('Donor')",
        },
        {
            content: "Import",
            trigger: ".o_control_panel button.btn-primary:contains('Import')",
            run: "click",
        },
        {
            content: "The import's record opens: one row to fix",
            trigger: ".o_form_view .o_field_widget[name=bad_row_count]:contains('1')",
        },
        {
            content: "Two gifts imported",
            trigger: "button[name=action_open_contributions]:contains('2')",
        },
        {
            content: "The rows to fix can be downloaded",
            trigger: ".o_form_view .o_field_widget[name=bad_file_id] a",
        },
    ],
});
