/** @odoo-module **/
/*
 * The import dialog for contributions: the whole file in one call (never
 * the dialog's batches: whole file or nothing), a choice of what to do with
 * bad rows, and the import's record (summary, progress of a big file in the
 * background, the rows to fix) opened when the server made one.
 */
import { patch } from "@web/core/utils/patch";
import { BaseImportModel } from "@base_import/import_model";
import { ImportAction } from "@base_import/import_action/import_action";

const HC_MODEL = "hc.contribution";

patch(BaseImportModel.prototype, {
    async init() {
        if (this.resModel === HC_MODEL) {
            this.importOptionsValues.hc_import_mode = { value: "all" };
        }
        return super.init(...arguments);
    },

    async _callImport(dryrun, args) {
        const res = await super._callImport(...arguments);
        if (res && res.hc_import_id) {
            this.hcImportId = res.hc_import_id;
        }
        return res;
    },
});

patch(ImportAction.prototype, {
    get isBatched() {
        return this.resModel === HC_MODEL ? false : super.isBatched;
    },

    async handleImport(isTest = true) {
        this.model.hcImportId = false;
        await super.handleImport(...arguments);
        const importId = this.model.hcImportId;
        if (importId) {
            this.model.hcImportId = false;
            await this.env.services.action.doAction({
                type: "ir.actions.act_window",
                res_model: "hc.contribution.import",
                res_id: importId,
                views: [[false, "form"]],
                target: "current",
            });
        }
    },
});
