/** @odoo-module **/
/*
 * A Health Charity user opens the web client on every unit they may use:
 * Odoo activates only the user's default company when the browser has no
 * company selection yet (no "cids" cookie, none in the URL), which hid the
 * other hospitals' gifts and reviews. The switcher still narrows the
 * selection afterwards; that choice is kept in the cookie as usual.
 */
import { cookie } from "@web/core/browser/cookie";
import { router } from "@web/core/browser/router";
import { registry } from "@web/core/registry";
import { session } from "@web/session";
import { companyService } from "@web/webclient/company_service";

export const hcCompanyService = {
    ...companyService,
    start(env, deps) {
        const allowed = Object.keys(session.user_companies?.allowed_companies || {});
        if (
            session.hc_all_units_by_default &&
            allowed.length > 1 &&
            !("cids" in router.current) &&
            !cookie.get("cids")
        ) {
            const current = String(session.user_companies.current_company);
            const ids = [current, ...allowed.filter((id) => id !== current)];
            cookie.set("cids", ids.join("-"));
        }
        return companyService.start(env, deps);
    },
};

registry.category("services").add("company", hcCompanyService, { force: true });
