# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class HcRecognitionCertificate(models.AbstractModel):
    """Appreciation certificate: access is checked on the recognitions
    before anything is rendered (a URL may name any ids)."""

    _name = "report.health_charity_reports.hc_recognition_certificate"
    _description = "Appreciation Certificate"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hc.recognition"].browse(docids)
        docs.check_access("read")
        return {"doc_ids": docids, "doc_model": "hc.recognition", "docs": docs}
