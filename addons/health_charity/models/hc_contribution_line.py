# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import contextvars
from contextlib import contextmanager
from decimal import ROUND_HALF_UP, Decimal

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .hc_integrity_mixin import ALL

# Set only while an approved re-valuation writes the new unit value of a line
# of an approved or posted gift (a Python context variable: no RPC caller
# can set it).
_HC_REVALUING = contextvars.ContextVar("hc_revaluing", default=False)


@contextmanager
def hc_revaluing():
    token = _HC_REVALUING.set(True)
    try:
        yield
    finally:
        _HC_REVALUING.reset(token)


def exact_value(quantity, unit_value, digits):
    """quantity × unit value in decimal arithmetic, rounded half-up to
    ``digits`` decimals (shared by the ORM compute and the bulk path)."""
    quantity, unit_value = quantity or 0.0, unit_value or 0.0
    if type(quantity) is float and type(unit_value) is float:
        product = quantity * unit_value
        if quantity.is_integer() and unit_value.is_integer() and abs(product) < 2**53:
            return product  # whole numbers: the float product is exact already
    value = Decimal(repr(quantity)) * Decimal(repr(unit_value))
    return float(value.quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP))


def deviation(unit_value, reference_unit_value):
    """The deviation of a unit value from its reference, in percent (shared
    by the ORM compute and the bulk path)."""
    if not reference_unit_value:
        return 0.0
    return round((unit_value - reference_unit_value) * 100.0 / reference_unit_value, 2)


class HcContributionLine(models.Model):
    """One item of a gift. Kept lean (no chatter, one stored compute): a
    university records tens of thousands of lines a year."""

    _name = "hc.contribution.line"
    _inherit = ["hc.integrity.mixin"]
    _description = "Contribution Line"
    _order = "contribution_id, sequence, id"
    _check_company_auto = True
    _hc_policy_state_path = "contribution_id.state"
    _hc_parent_field = "contribution_id"

    contribution_id = fields.Many2one(
        "hc.contribution",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        related="contribution_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="contribution_id.currency_id")
    category_id = fields.Many2one(
        "hc.contribution.category", required=True, index=True, ondelete="restrict"
    )
    kind = fields.Selection(related="category_id.kind")
    product_id = fields.Many2one("product.product", check_company=True)
    name = fields.Char("Description", required=True)
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    uom_id = fields.Many2one("uom.uom", "Unit of Measure")
    unit_value = fields.Monetary()
    value = fields.Monetary(compute="_compute_value", store=True)
    valuation_basis = fields.Selection(
        [
            ("cash", "Cash Received"),
            ("invoice", "Purchase Invoice"),
            ("market_quote", "Market Quote"),
            ("expert_appraisal", "Expert Appraisal"),
            ("donor_declared", "Declared by Donor"),
        ],
        help="How the rial value was established (required for in-kind gifts).",
    )
    valuation_note = fields.Char("Valuation Evidence Note")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "hc_contribution_line_attachment_rel",
        "line_id",
        "attachment_id",
        "Evidence",
    )

    # valuation: the reference, the technique and the disclosures
    reference_id = fields.Many2one(
        "hc.valuation.reference",
        "Reference Value",
        compute="_compute_reference_id",
        store=True,
        index="btree_not_null",
        help="The approved reference value of this item valid on the gift's "
        "date (by product, or by category, description and unit).",
    )
    reference_unit_value = fields.Monetary(
        compute="_compute_reference_id",
        store=True,
        help="The reference unit value when the line was valued.",
    )
    deviation_percent = fields.Float(
        "Deviation (%)",
        compute="_compute_deviation_percent",
        store=True,
        digits=(16, 2),
        aggregator=False,
        help="How far the unit value is from the reference unit value.",
    )
    valuation_technique = fields.Selection(
        [
            ("quoted_price", "Quoted Market Price"),
            ("comparable_purchase", "Comparable Purchase"),
            ("expert_appraisal", "Expert Appraisal"),
            ("donor_invoice", "Donor Invoice"),
            ("cost", "Cost"),
        ],
        help="How the fair value was measured (disclosed in the Ministry "
        "workbook). Set from the valuation basis at submission if empty.",
    )
    valuation_date = fields.Date(
        help="When the value was measured (the gift's date if empty at submission)."
    )
    restriction = fields.Selection(
        [
            ("none", "None"),
            ("purpose", "Purpose"),
            ("time", "Time"),
        ],
        "Donor Restriction",
        default="none",
    )
    disposition = fields.Selection(
        [
            ("used", "Used in the University's Programs"),
            ("distributed", "Distributed to Beneficiaries"),
            ("sold", "Sold"),
            ("in_stock", "In Stock"),
        ],
        help="What became of the goods.",
    )
    revaluation_ids = fields.One2many("hc.revaluation", "line_id", "Re-valuations")

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity > 0)", "The quantity must be positive."),
        (
            "unit_value_not_negative",
            "CHECK(unit_value >= 0)",
            "The unit value cannot be negative.",
        ),
    ]

    @api.model
    def _hc_get_write_policy(self):
        """A line follows its gift: editable while the gift is a draft; what
        became of the goods is recorded after approval (the value is not:
        that is a re-valuation)."""
        after = {"disposition"}
        return {"draft": ALL, "approved": after, "posted": after}

    @api.depends(
        "product_id",
        "category_id",
        "name",
        "uom_id",
        "contribution_id.date",
        "contribution_id.company_id",
    )
    def _compute_reference_id(self):
        Reference = self.env["hc.valuation.reference"]
        items = self.filtered(lambda line: line.kind and line.kind != "cash")
        candidates = Reference._hc_get_candidates(
            set(items.contribution_id.company_id.ids),
            {line.contribution_id.date for line in items if line.contribution_id.date},
        )
        index = Reference._hc_build_index(candidates)
        for line in self:
            reference = Reference
            if line in items:
                reference = Reference._hc_match(
                    index,
                    line._hc_item_values(),
                    line.contribution_id.date,
                    line.contribution_id.company_id.id,
                )
            line.reference_id = reference
            line.reference_unit_value = reference.unit_value

    def _hc_approved_values(self, revaluations=None):
        """(unit value, value) as the gift was approved: before its first
        approved re-valuation, if any."""
        self.ensure_one()
        if not revaluations:
            return self.unit_value, self.value
        unit_value = revaluations[0].old_unit_value
        return unit_value, self._get_exact_value(self.quantity, unit_value)

    def _hc_item_values(self):
        self.ensure_one()
        return {
            "product_id": self.product_id.id,
            "category_id": self.category_id.id,
            "name": self.name,
            "uom_id": self.uom_id.id,
        }

    @api.depends("unit_value", "reference_unit_value")
    def _compute_deviation_percent(self):
        for line in self:
            line.deviation_percent = deviation(
                line.unit_value, line.reference_unit_value
            )

    def _hc_valuation_review_reasons(self):
        """Why this in-kind line needs the valuation committee (empty list:
        it does not)."""
        self.ensure_one()
        company = self.contribution_id.company_id
        if self.kind == "cash" or not company.hc_valuation_committee:
            return []
        reasons = []
        if not self.reference_id:
            reasons.append(self.env._("no reference value"))
        elif abs(self.deviation_percent) > company.hc_valuation_tolerance:
            reasons.append(
                self.env._(
                    "%(deviation)s%% from the reference",
                    deviation=round(self.deviation_percent, 1),
                )
            )
        threshold = company.hc_valuation_committee_threshold
        if threshold and self.value > threshold:
            reasons.append(self.env._("above the committee threshold"))
        return reasons

    def _hc_default_technique(self):
        """The valuation technique implied by the basis or the reference."""
        self.ensure_one()
        by_basis = {
            "invoice": "donor_invoice",
            "market_quote": "quoted_price",
            "expert_appraisal": "expert_appraisal",
        }
        by_source = {
            "ministry": "quoted_price",
            "market_survey": "quoted_price",
            "purchase_history": "comparable_purchase",
            "expert": "expert_appraisal",
        }
        return by_basis.get(self.valuation_basis) or by_source.get(
            self.reference_id.source
        )

    @api.depends("quantity", "unit_value")
    def _compute_value(self):
        for line in self:
            line.value = line._get_exact_value(line.quantity, line.unit_value)

    def _get_exact_value(self, quantity, unit_value):
        """quantity × unit value in decimal arithmetic, rounded to the
        currency: float products of rial amounts in the trillions would
        otherwise drift by a few hundredths."""
        digits = self.currency_id.decimal_places if self.currency_id else 2
        return exact_value(quantity, unit_value, digits)

    @api.constrains("quantity", "unit_value")
    def _check_amounts(self):
        for line in self:
            line._check_amount_vals(
                {
                    "name": line.name,
                    "quantity": line.quantity,
                    "unit_value": line.unit_value,
                }
            )

    @api.model
    def _check_amount_vals(self, vals):
        """Refuse bad amounts with a clear message before the database
        constraints (which keep integrity for raw imports) are reached."""
        name = vals.get("name") or self.name or ""
        if "quantity" in vals and (vals["quantity"] or 0) <= 0:
            raise ValidationError(
                self.env._(
                    "Line %(line)s: the quantity must be greater than zero.",
                    line=name,
                )
            )
        if "unit_value" in vals and (vals["unit_value"] or 0) < 0:
            raise ValidationError(
                self.env._(
                    "Line %(line)s: the unit value cannot be negative.",
                    line=name,
                )
            )

    @api.onchange("category_id")
    def _onchange_category_id(self):
        if self.category_id.default_valuation_basis and not self.valuation_basis:
            self.valuation_basis = self.category_id.default_valuation_basis
        if self.category_id.kind == "cash" and not self.valuation_basis:
            self.valuation_basis = "cash"

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.name = self.product_id.display_name
            self.uom_id = self.product_id.uom_id
        self._hc_propose_unit_value()

    @api.onchange("category_id", "name", "uom_id")
    def _onchange_item(self):
        self._hc_propose_unit_value()

    def _hc_propose_unit_value(self):
        """Propose the reference unit value valid on the gift's date (or the
        product's cost) for a line without a unit value yet."""
        self._compute_reference_id()
        if self.reference_id:
            if (
                not self.unit_value
                or self.unit_value == self._origin.reference_unit_value
            ):
                self.unit_value = self.reference_unit_value
            if not self.valuation_technique:
                self.valuation_technique = self._hc_default_technique()
        elif self.product_id and not self.unit_value:
            self.unit_value = self.product_id.standard_price

    # ---------------------------------------------------------------- actions
    def action_revalue(self):
        """Open a new re-valuation of this line (nothing is written here)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Re-value %s", self.name),
            "res_model": "hc.revaluation",
            "view_mode": "form",
            "target": "current",
            "context": {"default_line_id": self.id},
        }

    @api.model
    def _hc_get_outlier_domain(self):
        """In-kind lines whose deviation from the reference is above their
        unit's tolerance."""
        domain = []
        companies = self.env.user.company_ids
        for tolerance in set(companies.mapped("hc_valuation_tolerance")):
            units = companies.filtered(
                lambda c, t=tolerance: c.hc_valuation_tolerance == t
            )
            part = [
                "&",
                ("company_id", "in", units.ids),
                "|",
                ("deviation_percent", ">", tolerance),
                ("deviation_percent", "<", -tolerance),
            ]
            domain = ["|", *domain, *part] if domain else part
        return [
            ("reference_id", "!=", False),
            ("contribution_id.state", "not in", ("cancelled", "rejected")),
            *domain,
        ]

    @api.model
    def action_view_outliers(self):
        """Lines valued far from their reference, in every unit the user
        may use, by item: who values what how."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_charity.hc_contribution_line_action"
        )
        action.update(
            {
                "name": self.env._("Valuation Outliers"),
                "domain": self._hc_get_outlier_domain(),
                "context": {"search_default_group_item": 1},
            }
        )
        return action

    @api.model_create_multi
    def create(self, vals_list):
        contributions = self.env["hc.contribution"].browse(
            {
                vals["contribution_id"]
                for vals in vals_list
                if vals.get("contribution_id")
            }
        )
        contributions._check_values_editable()
        for vals in vals_list:
            self._check_amount_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        if (
            set(vals) - self._hc_get_write_policy()["approved"]
            and not _HC_REVALUING.get()
        ):
            self.contribution_id._check_values_editable()
        for line in self:
            line._check_amount_vals(vals)
        if "contribution_id" in vals:
            self.env["hc.contribution"].browse(
                vals["contribution_id"]
            )._check_values_editable()
        return super().write(vals)

    def unlink(self):
        self.contribution_id._check_values_editable()
        return super().unlink()
