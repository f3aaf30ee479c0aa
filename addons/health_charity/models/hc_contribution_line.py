# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from decimal import ROUND_HALF_UP, Decimal

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .hc_integrity_mixin import ALL


def exact_value(quantity, unit_value, digits):
    """quantity × unit value in decimal arithmetic, rounded half-up to
    ``digits`` decimals (shared by the ORM compute and the bulk path)."""
    value = Decimal(repr(quantity or 0.0)) * Decimal(repr(unit_value or 0.0))
    return float(value.quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP))


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
        """A line follows its gift: editable while the gift is a draft."""
        return {"draft": ALL}

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
            if not self.unit_value:
                self.unit_value = self.product_id.standard_price

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
