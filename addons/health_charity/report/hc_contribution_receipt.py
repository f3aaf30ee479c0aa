# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class HcContributionReceipt(models.AbstractModel):
    """Receipt of a posted gift. Access is checked on the gifts before
    anything is rendered (a report URL may name any ids)."""

    _name = "report.health_charity.hc_contribution_receipt"
    _description = "Contribution Receipt"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hc.contribution"].browse(docids)
        docs.check_access("read")
        unposted = docs.filtered(lambda d: d.state != "posted")
        if unposted:
            raise UserError(
                self.env._(
                    "Only posted contributions have a receipt: %s",
                    ", ".join(unposted.mapped("name")),
                )
            )
        helpers = self.env["hc.report.helpers"]
        lang = helpers._hc_print_lang()
        return dict(
            helpers._hc_helper_values(),
            doc_ids=docids,
            doc_model="hc.contribution",
            docs=docs.with_context(lang=lang),
        )
