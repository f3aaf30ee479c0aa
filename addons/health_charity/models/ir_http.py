# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """Tell the web client to open the session on every unit the user
        may use (see static/src/js/company_service.js): the company
        switcher narrows the lists, it does not hide work by default."""
        result = super().session_info()
        user = self.env.user
        if user._is_internal() and user.has_group("health_charity.group_hc_user"):
            result["hc_all_units_by_default"] = True
        return result
