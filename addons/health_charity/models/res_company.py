# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import AccessError

from .hc_integrity_mixin import hc_is_internal


class ResCompany(models.Model):
    _inherit = "res.company"

    hc_journal_id = fields.Many2one(
        "account.journal",
        "Contributions Journal",
        check_company=True,
        help="Journal of the entries that post contributions to accounting. "
        "Hospitals without one use their university's.",
    )
    hc_income_account_id = fields.Many2one(
        "account.account",
        "Contribution Income Account",
        check_company=True,
        help="Credited for the value of every posted contribution (unless its "
        "category has its own income account).",
    )
    hc_visit_score_threshold = fields.Integer(
        "Low Supervision Score",
        default=50,
        help="A supervision visit scoring below this value schedules a review "
        "of the delegation.",
    )

    hc_lock_date = fields.Date(
        "Contributions Lock Date",
        readonly=True,
        help="No gift of this unit dated on or before this day may be created, "
        "moved in, approved or posted: the period is in a submitted, approved "
        "or reported consolidation. Set by the consolidation, released only "
        "by an approved reopening.",
    )
    hc_founding_date = fields.Date(
        "Records Gifts Since",
        help="Gifts dated before this day are refused at submission (the unit "
        "did not exist yet).",
    )
    # valuation (the committee and its thresholds)
    hc_valuation_committee = fields.Boolean(
        "Valuation Committee",
        default=True,
        help="In-kind gifts with no reference value, a deviation above the "
        "tolerance or a value above the committee threshold wait for the "
        "valuation committee's review before approval.",
    )
    hc_valuation_tolerance = fields.Float(
        "Valuation Tolerance (%)",
        default=20.0,
        help="How far (in percent) a unit value may deviate from the reference "
        "value before the valuation committee reviews it.",
    )
    hc_valuation_committee_threshold = fields.Monetary(
        "Committee Review Above",
        currency_field="currency_id",
        help="In-kind lines worth more than this are reviewed by the valuation "
        "committee (0: no threshold).",
    )
    hc_appraisal_threshold = fields.Monetary(
        "Expert Appraisal Above",
        currency_field="currency_id",
        help="In-kind lines worth more than this need an expert appraisal "
        "(valuation basis and document) to be submitted (0: no threshold).",
    )

    def write(self, vals):
        if "hc_lock_date" in vals and not (self.env.su or hc_is_internal()):
            raise AccessError(
                self.env._(
                    "The contributions lock date is set by submitting a "
                    "consolidation and released by an approved reopening."
                )
            )
        return super().write(vals)

    def _hc_accounting_company(self):
        """The company whose accounting settings apply: this one, or the
        nearest parent (university) that has a contributions journal."""
        self.ensure_one()
        for company in self.parent_ids[::-1]:
            if company.hc_journal_id:
                return company
        return self

    def _hc_demo_set_office_lang(self, lang):
        """Demo data only: the units work in ``lang`` (their partner's
        language, which the texts written for the office follow)."""
        self.partner_id.lang = lang
        return True
