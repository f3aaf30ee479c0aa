/** @odoo-module **/
/*
 * A review inbox opens on every unit the user may use (the action's context
 * carries "hc_all_units" and the user's allowed companies, see
 * hc.approval.mixin._hc_action_all_units). Odoo 18's search model puts the
 * session's context (the switcher's companies) over the action's: for these
 * actions only, the action's companies win, so the inbox never hides a
 * hospital's pending work. The server still checks them against the user's
 * allowed companies.
 */
import { patch } from "@web/core/utils/patch";
import { SearchModel } from "@web/search/search_model";

patch(SearchModel.prototype, {
    _getContext() {
        const context = super._getContext(...arguments);
        const globalContext = this.globalContext || {};
        if (globalContext.hc_all_units && globalContext.allowed_company_ids) {
            context.allowed_company_ids = globalContext.allowed_company_ids;
        }
        return context;
    },
});
