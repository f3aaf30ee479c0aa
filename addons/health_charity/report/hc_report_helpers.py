# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import re

from odoo import api, models

from ..tools.jalali import to_jalali_str
from ..tools.persian_words import to_persian_words

# what secrets.token_urlsafe(16) gives (22 characters), with some margin
VERIFICATION_CODE = re.compile(r"[A-Za-z0-9_-]{16,64}")


class HcReportHelpers(models.AbstractModel):
    """What the receipt, the annual statement and the verification page
    share: Jalali dates, amounts in Persian words, the QR code and the
    language they are printed in."""

    _name = "hc.report.helpers"
    _description = "Health Charity Report Helpers"

    @api.model
    def _hc_print_lang(self):
        """Receipts are Persian documents: printed in Persian when it is
        installed (override point)."""
        lang = self.env["res.lang"]._lang_get("fa_IR")
        return lang.code if lang and lang.active else self.env.lang or "en_US"

    @api.model
    def _hc_qr_data_uri(self, value):
        """The QR code inline (a data URI): wkhtmltopdf needs no request to
        the server to draw it."""
        png = self.env["ir.actions.report"].barcode(
            "QR", value, width=160, height=160, barLevel="M"
        )
        return "data:image/png;base64,%s" % base64.b64encode(png).decode()

    @api.model
    def _hc_selection_label(self, record, field_name):
        field = record._fields[field_name]
        return dict(field._description_selection(record.env)).get(
            record[field_name], ""
        )

    @api.model
    def _hc_helper_values(self):
        return {
            "jalali": to_jalali_str,
            "amount_words": to_persian_words,
            "qr_data_uri": self._hc_qr_data_uri,
            "selection_label": self._hc_selection_label,
            "print_lang": self._hc_print_lang(),
        }

    # ---------------------------------------------------------- verification
    @api.model
    def _hc_verifiable_models(self):
        """Override point: ``{model: (domain of valid documents, values)}``."""
        return {
            "hc.contribution": [("state", "=", "posted")],
            "hc.recognition": [],
        }

    @api.model
    def _hc_find_verified_document(self, code):
        """The public facts of the document carrying ``code``, or None.
        Nothing else is read: the donor, the lines and the notes stay out."""
        if not code or not VERIFICATION_CODE.fullmatch(code):
            return None
        for model, domain in self._hc_verifiable_models().items():
            # sudo: a public visitor checks a code printed on a document;
            # only the facts listed in _hc_get_public_facts are returned
            record = (
                self.env[model]
                .sudo()
                .search([("verification_code", "=", code)] + domain, limit=1)
            )
            if record:
                return record._hc_get_public_facts()
        return None
