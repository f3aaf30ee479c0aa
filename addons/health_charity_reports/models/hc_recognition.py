# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.health_charity.tools.jalali import to_jalali_str


class HcRecognition(models.Model):
    """Certificate helpers of a benefactor recognition."""

    _inherit = "hc.recognition"

    jalali_date = fields.Char("Solar Hijri Date", compute="_compute_jalali_date")

    @api.depends("date")
    def _compute_jalali_date(self):
        for rec in self:
            rec.jalali_date = to_jalali_str(rec.date)

    @api.model
    def _hc_certificate_report_ref(self):
        return "health_charity_reports.hc_recognition_report_certificate"
