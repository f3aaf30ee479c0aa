# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HcContributionCategory(models.Model):
    _name = "hc.contribution.category"
    _inherit = ["hc.integrity.mixin"]
    _description = "Contribution Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    kind = fields.Selection(
        [
            ("cash", "Cash"),
            ("in_kind", "In-kind"),
            ("construction", "Construction"),
        ],
        required=True,
        default="in_kind",
    )
    sequence = fields.Integer(default=10)
    min_unit_value = fields.Float(
        "Lowest Plausible Unit Value",
        digits=(16, 0),
        help="In rials. A gift whose line is valued below this per unit is "
        "refused at submission (0: no lower bound).",
    )
    max_unit_value = fields.Float(
        "Highest Plausible Unit Value",
        digits=(16, 0),
        help="In rials. A gift whose line is valued above this per unit is "
        "refused at submission (0: no upper bound).",
    )
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    default_valuation_basis = fields.Selection(
        selection="_selection_valuation_basis",
        help="Proposed on new lines of this category.",
    )
    account_id = fields.Many2one(
        "account.account",
        "Debit Account",
        company_dependent=True,
        help="Account debited when a contribution of this category is posted "
        "(the in-kind asset or expense account). Cash lines use the bank "
        "account of the contributions journal when this is empty.",
    )
    income_account_id = fields.Many2one(
        "account.account",
        company_dependent=True,
        help="Credited instead of the company's contribution income account.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The category code must be unique."),
    ]

    def _selection_valuation_basis(self):
        return (
            self.env["hc.contribution.line"]
            ._fields["valuation_basis"]
            ._description_selection(self.env)
        )

    @api.model
    def _hc_demo_set_accounts(
        self, company_id, in_kind_account_id, construction_account_id
    ):
        """Demo data only: debit accounts of the shipped categories in the
        given company."""
        for category in self.with_company(company_id).search([]):
            if category.kind == "in_kind":
                category.account_id = in_kind_account_id
            elif category.kind == "construction":
                category.account_id = construction_account_id
        return True

    @api.model
    def _hc_demo_set_category_accounts(self, company_id, accounts_by_code):
        """Demo data only: the debit account of each shipped category (by
        code) in the given company."""
        categories = self.with_company(company_id).search(
            [("code", "in", list(accounts_by_code))]
        )
        for category in categories:
            category.account_id = accounts_by_code[category.code]
        return True
