# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """Tell the web client whether the user sees the Jalali calendar
        (``user_context['hc_jalali_calendar']``; the client sends it back
        with every call, so group labels follow it too) and Persian digits
        (``hc_native_digits``, the option of the user's language)."""
        result = super().session_info()
        if self.env.uid and isinstance(result.get("user_context"), dict):
            user = self.env.user
            # a copy: the dict is also the session's stored context
            result["user_context"] = dict(
                result["user_context"],
                hc_jalali_calendar=user._hc_use_jalali(),
                hc_native_digits=user._hc_use_native_digits(),
            )
        return result
