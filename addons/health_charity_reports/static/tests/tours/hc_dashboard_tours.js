/** @odoo-module **/
/* The office's spreadsheet dashboard opens and draws its charts and tables
 * (run by tests/test_dashboard.py). A failed data request or a formula error
 * logs to the console, which fails the tour. */

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("hc_tour_dashboard", {
    steps: () => [
        {
            content: "The spreadsheet dashboard is shown",
            trigger: ".o_spreadsheet_dashboard_action .o-spreadsheet",
        },
        {
            content: "Its charts are drawn",
            trigger: ".o-spreadsheet .o-figure canvas",
        },
        {
            content: "The charts of the first screen are drawn",
            trigger: ".o-spreadsheet .o-figure canvas",
            run() {
                const count = document.querySelectorAll(".o-spreadsheet .o-figure canvas").length;
                if (count < 4) {
                    throw new Error(`only ${count} charts drawn`);
                }
            },
        },
        {
            content: "No error dialog",
            trigger: "body:not(:has(.o_error_dialog))",
        },
    ],
});
