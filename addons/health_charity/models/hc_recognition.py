# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import secrets

from odoo import api, fields, models

from ..tools.jalali import to_jalali_str


class HcRecognition(models.Model):
    """A benefactor honoured at a level (certificate in the reports addon)."""

    _name = "hc.recognition"
    _description = "Benefactor Recognition"
    _inherit = ["mail.thread", "hc.integrity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    donor_id = fields.Many2one(
        "res.partner", "Benefactor", required=True, index=True, tracking=True
    )
    level_id = fields.Many2one("hc.recognition.level", required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    reason = fields.Text()
    company_id = fields.Many2one(
        "res.company",
        "Unit",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    total_at_date = fields.Monetary(
        "Total Given",
        help="The benefactor's total when honoured.",
    )
    # printed on the certificate with its QR code, checked by anyone at
    # /health-charity/verify/<code>; unguessable (128 random bits)
    verification_code = fields.Char(
        readonly=True, copy=False, default=lambda self: secrets.token_urlsafe(16)
    )

    _sql_constraints = [
        (
            "verification_code_uniq",
            "unique(verification_code)",
            "A verification code identifies one certificate.",
        ),
    ]

    @api.onchange("donor_id")
    def _onchange_donor_id(self):
        if self.donor_id:
            self.total_at_date = self.donor_id.hc_contribution_total
            self.level_id = self.donor_id.hc_recognition_level_id

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for rec in records.filtered(lambda r: not r.total_at_date):
            rec.total_at_date = rec.donor_id.hc_contribution_total
        return records

    def _hc_verification_url(self):
        self.ensure_one()
        return "%s/health-charity/verify/%s" % (
            self.get_base_url(),
            self.verification_code,
        )

    def _hc_get_public_facts(self):
        """What /health-charity/verify shows to anyone holding the
        certificate: enough to expose a forgery, nothing more."""
        self.ensure_one()
        return {
            "document_type": self.env._("Appreciation Certificate"),
            "reference": self.level_id.name,
            "date": to_jalali_str(self.date),
            "unit": self.company_id.name,
            "amount": self.total_at_date,
            "currency": self.currency_id,
        }

    @api.model
    def _hc_certificate_report_ref(self):
        """Override point: the certificate report (the reports addon prints
        it), False while none is installed."""
        return False
