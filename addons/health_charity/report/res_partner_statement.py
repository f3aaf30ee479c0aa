# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError

from ..tools.jalali import jalali_period_bounds


class HcDonorStatement(models.AbstractModel):
    """Annual statement of a benefactor: the posted gifts of one Solar Hijri
    year. Gifts are read with the reader's rights, so an officer's statement
    holds the gifts of their units (the office's holds all)."""

    _name = "report.health_charity.hc_donor_statement"
    _description = "Benefactor Annual Statement"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        try:
            year = int(data.get("jalali_year") or 0)
        except (TypeError, ValueError):
            year = 0
        if not 1300 <= year <= 1600:
            raise UserError(self.env._("Choose the Solar Hijri year of the statement."))
        partners = self.env["res.partner"].browse(docids)
        partners.check_access("read")
        date_from, date_to = jalali_period_bounds(year)
        helpers = self.env["hc.report.helpers"]
        lang = helpers._hc_print_lang()
        gifts_by_partner = {
            partner.id: self._hc_get_statement_gifts(
                partner, date_from, date_to
            ).with_context(lang=lang)
            for partner in partners
        }
        return dict(
            helpers._hc_helper_values(),
            doc_ids=docids,
            doc_model="res.partner",
            docs=partners.with_context(lang=lang),
            jalali_year=year,
            gifts_by_partner=gifts_by_partner,
        )

    @api.model
    def _hc_get_statement_gifts(self, partner, date_from, date_to):
        """Override point: the gifts a statement lists."""
        return self.env["hc.contribution"].search(
            [
                ("donor_id", "=", partner.id),
                ("state", "=", "posted"),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            order="date, id",
        )
