# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import api, fields, models

from odoo.addons.health_charity.tools.jalali import to_jalali_str

# Arabic-script letters (Persian included): such a text is laid out right to
# left on the certificate, any other left to right.
_RTL_LETTERS = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


class HcRecognition(models.Model):
    """Certificate helpers of a benefactor recognition."""

    _inherit = "hc.recognition"

    jalali_date = fields.Char("Solar Hijri Date", compute="_compute_jalali_date")

    @api.depends("date")
    def _compute_jalali_date(self):
        for rec in self:
            rec.jalali_date = to_jalali_str(rec.date)

    # ------------------------------------------------------- certificate
    def _hc_certificate_direction(self):
        """Direction of the print: the language it is printed in."""
        lang = self.env["res.lang"]._lang_get(self.env.lang or "en_US")
        return lang.direction if lang else "ltr"

    @api.model
    def _hc_text_direction(self, text):
        """Direction of one name on its own line (a Latin donor name stays
        left to right on the Persian print, and a Persian one right to left
        on the English print)."""
        return "rtl" if text and _RTL_LETTERS.search(text) else "ltr"

    def _hc_certificate_unit_name(self):
        self.ensure_one()
        university = self.company_id.root_id
        return university.hc_certificate_name or university.name

    @api.model
    def _hc_certificate_report_ref(self):
        return "health_charity_reports.hc_recognition_report_certificate"
