# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    hc_jalali_calendar = fields.Boolean(
        string="Jalali Calendar",
        help="Show and type dates in the Solar Hijri (Jalali) calendar in the web "
        "client. Always on for users working in Persian.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["hc_jalali_calendar"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["hc_jalali_calendar"]

    def _hc_use_jalali(self):
        """Whether this user sees the Jalali calendar: Persian language or
        the preference."""
        self.ensure_one()
        return bool(self.hc_jalali_calendar or (self.lang or "").startswith("fa"))

    def _hc_use_native_digits(self):
        """Whether this user sees Persian digits: the option of their
        language."""
        self.ensure_one()
        lang = self.env["res.lang"]._lang_get(self.lang or "")
        return bool(lang and lang.hc_native_digits)
