/** @odoo-module **/
/* Portal flows of benefactors and NGOs, run by tests/test_portal_tours.py. */

import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

tours.add("hc_tour_benefactor", {
    url: "/my/gifts",
    steps: () => [
        {
            content: "The page is in Persian, right to left",
            trigger: "#wrapwrap.o_rtl .hc-portal-gifts h4:contains(تعهدها)",
        },
        {
            content: "The posted gift is listed with its Jalali date",
            trigger: ".hc-gifts-table tr[data-gift-ref] td:contains(1404/01/01)",
        },
        {
            content: "Download its receipt",
            trigger: ".hc-gifts-table tr[data-gift-ref] a.hc-receipt-link",
            async run() {
                const response = await fetch(this.anchor.href);
                const type = response.headers.get("Content-Type");
                const body = await response.text();
                if (response.status !== 200 || type !== "application/pdf") {
                    throw new Error(`receipt: ${response.status} ${type}`);
                }
                if (!body.includes(this.anchor.closest("tr").dataset.giftRef)) {
                    throw new Error("the receipt is not this gift's");
                }
                document.body.classList.add("hc-receipt-downloaded");
            },
        },
        {
            trigger: "body.hc-receipt-downloaded",
        },
        {
            content: "Go to the needs",
            trigger: "a.hc-needs-link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Pledge toward the incubator",
            trigger: ".hc-need[data-need-name='Tour incubator'] input[name=amount]",
            run: "edit 75000000",
        },
        {
            trigger: ".hc-need[data-need-name='Tour incubator'] input[name=note]",
            run: "edit برای بخش نوزادان",
        },
        {
            trigger: ".hc-need[data-need-name='Tour incubator'] button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Back on my gifts, thanked",
            trigger: ".hc-pledge-thanks",
        },
        {
            content: "The pledge is listed",
            trigger: ".hc-pledges-table td:contains(Tour incubator)",
        },
    ],
});

tours.add("hc_tour_ngo", {
    url: "/my/organization",
    steps: () => [
        {
            content: "Our organisation",
            trigger: ".hc-org-name:contains(Tour Makran NGO)",
        },
        {
            content: "Propose a new address",
            trigger: ".hc-propose-change input[name=city]",
            run: "edit Chabahar",
        },
        {
            trigger: ".hc-propose-change input[name=volunteer_count]",
            run: "edit 55",
        },
        {
            trigger: ".hc-propose-change button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Sent to the office",
            trigger: ".hc-portal-message",
        },
        {
            content: "The profile has not changed yet",
            trigger: ".hc-requests td:contains(Pending)",
        },
        {
            content: "Answer the visit's findings",
            trigger: ".hc-visit .hc-visit-answer textarea[name=corrective_action]",
            run: "edit Vaccine fridge thermometer replaced and logged twice a day",
        },
        {
            trigger: ".hc-visit .hc-visit-answer button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".hc-visit-response:contains(thermometer replaced)",
        },
        {
            content: "Apply for a delegation",
            trigger: ".hc-apply-delegation select[name=service_id]",
            run: "selectByLabel Tour vaccination service",
        },
        {
            trigger: ".hc-apply-delegation input[name=start_date]",
            run() {
                this.anchor.value = "2027-01-01";
            },
        },
        {
            trigger: ".hc-apply-delegation input[name=end_date]",
            run() {
                this.anchor.value = "2027-12-31";
            },
        },
        {
            trigger: ".hc-apply-delegation input[name=target_population]",
            run: "edit 4000",
        },
        {
            trigger: ".hc-apply-delegation button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The application is listed as a draft",
            trigger: ".hc-portal-message",
        },
        {
            trigger: ".hc-delegation h5:contains(Tour vaccination service):contains(Draft)",
        },
    ],
});
