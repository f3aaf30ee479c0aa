# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


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

    def _hc_accounting_company(self):
        """The company whose accounting settings apply: this one, or the
        nearest parent (university) that has a contributions journal."""
        self.ensure_one()
        for company in self.parent_ids[::-1]:
            if company.hc_journal_id:
                return company
        return self
