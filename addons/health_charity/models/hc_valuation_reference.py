# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.national_id import latin_digits
from .hc_approval_mixin import hc_transition
from .hc_integrity_mixin import ALL


def item_key(name):
    """A free item description as the reference lookup compares it: digits
    in Latin, Arabic letters folded to their Persian forms, case and spaces
    ignored (``"  Blanket "`` and ``"blanket"`` are the same item)."""
    text = latin_digits(name or "")
    text = text.replace("\u064a", "\u06cc").replace("\u0643", "\u06a9")
    return " ".join(text.casefold().split())


class HcValuationReference(models.Model):
    """A reference unit value of an item for a period: what the office
    accepts as the fair value of a blanket, a food package or an ultrasound
    device. In-kind lines are compared with it; a deviation beyond the
    tolerance goes to the valuation committee."""

    _name = "hc.valuation.reference"
    _inherit = ["mail.thread", "hc.approval.mixin"]
    _description = "Valuation Reference"
    _order = "category_id, name, date_from desc, id desc"
    _check_company_auto = True

    _state_from = ["submitted"]
    _hc_require_review = True
    _hc_state_rejected = "draft"

    name = fields.Char("Item", required=True, tracking=True)
    product_id = fields.Many2one(
        "product.product",
        check_company=True,
        help="Lines of this product use the reference; without a product, "
        "lines whose description is the item's name (in its category) do.",
    )
    category_id = fields.Many2one(
        "hc.contribution.category",
        required=True,
        ondelete="restrict",
        domain=[("kind", "!=", "cash")],
        tracking=True,
    )
    uom_id = fields.Many2one("uom.uom", "Unit of Measure")
    company_id = fields.Many2one(
        "res.company",
        "Unit",
        index=True,
        help="Empty: the reference applies to every unit.",
    )
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id, required=True
    )
    unit_value = fields.Monetary("Reference Unit Value", required=True, tracking=True)
    date_from = fields.Date("Valid From", required=True, tracking=True)
    date_to = fields.Date("Valid To", tracking=True)
    source = fields.Selection(
        [
            ("ministry", "Ministry Price List"),
            ("market_survey", "Market Survey"),
            ("purchase_history", "Purchase History"),
            ("expert", "Expert Opinion"),
        ],
        required=True,
        default="market_survey",
        tracking=True,
    )
    source_note = fields.Char("Source Detail")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("archived", "Archived"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )

    _sql_constraints = [
        (
            "unit_value_positive",
            "CHECK(unit_value > 0)",
            "The reference unit value must be greater than zero.",
        ),
        (
            "dates_ordered",
            "CHECK(date_to IS NULL OR date_to >= date_from)",
            "A reference cannot end before it starts.",
        ),
    ]

    @api.model
    def _hc_get_write_policy(self):
        """Everything in draft; an approved reference only gets an end date
        (a new value is a new reference, so that the lines valued with the
        old one keep their trace)."""
        return {"draft": ALL, "approved": {"date_to"}}

    @api.constrains(
        "product_id",
        "category_id",
        "name",
        "uom_id",
        "company_id",
        "date_from",
        "date_to",
        "state",
    )
    def _check_overlap(self):
        for ref in self.filtered(lambda r: r.state in ("submitted", "approved")):
            overlapping = self.search(
                [
                    ("id", "!=", ref.id),
                    ("state", "in", ("submitted", "approved")),
                    ("category_id", "=", ref.category_id.id),
                    ("product_id", "=", ref.product_id.id),
                    ("uom_id", "=", ref.uom_id.id),
                    ("company_id", "=", ref.company_id.id),
                    "|",
                    ("date_to", "=", False),
                    ("date_to", ">=", ref.date_from),
                ]
                + ([("date_from", "<=", ref.date_to)] if ref.date_to else [])
            ).filtered(
                lambda other, ref=ref: item_key(other.name) == item_key(ref.name)
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "%(item)s already has a reference value for part of "
                        "this period (%(other)s): end it before adding a new one.",
                        item=ref.name,
                        other=overlapping[0].display_name,
                    )
                )

    @api.depends("name", "unit_value", "date_from")
    def _compute_display_name(self):
        for ref in self:
            ref.display_name = f"{ref.name} ({ref.date_from or ''})"

    # --------------------------------------------------------------- actions
    @hc_transition
    def action_submit(self):
        for ref in self:
            if ref.state != "draft":
                raise UserError(
                    self.env._("Only draft references can be submitted (%s).", ref.name)
                )
        self._hc_set_state("submitted")
        self._check_overlap()
        self._hc_request_approval()
        return True

    @hc_transition
    def action_draft(self):
        for ref in self:
            if ref.state != "submitted" or ref.validation_status == "validated":
                raise UserError(
                    self.env._(
                        "Only a reference waiting for review can go back to draft "
                        "(%s).",
                        ref.name,
                    )
                )
        self._hc_reset_reviews()
        self._hc_set_state("draft")
        return True

    @hc_transition
    def action_archive_reference(self):
        """End an approved reference: it no longer proposes values (the
        lines valued with it keep it)."""
        if not self.env.user.has_group("health_charity.group_hc_manager"):
            raise UserError(self.env._("Only a manager may archive a reference."))
        for ref in self:
            if ref.state != "approved":
                raise UserError(
                    self.env._(
                        "Only approved references can be archived (%s).", ref.name
                    )
                )
        self._hc_set_state("archived")
        return True

    # ---------------------------------------------------------------- lookup
    @api.model
    def _hc_get_candidates(self, company_ids, dates):
        """Approved references that may apply to lines of these units and
        dates, in one query (the bulk path calls this once per batch)."""
        if not dates:
            return self.browse()
        # sudo: the reference list is shared by every unit; the lookup only
        # reads approved values (the lines keep the reference they used)
        return (
            self.sudo()
            .search(
                [
                    ("state", "=", "approved"),
                    ("company_id", "in", list(company_ids) + [False]),
                    ("date_from", "<=", max(dates)),
                    "|",
                    ("date_to", "=", False),
                    ("date_to", ">=", min(dates)),
                ],
                order="date_from desc, id desc",
            )
            .with_env(self.env)
        )

    @api.model
    def _hc_build_index(self, references):
        """{lookup key: [references, newest first]}: by product, and by
        category, item name and unit of measure."""
        index = defaultdict(list)
        for ref in references:
            if ref.product_id:
                index[("product", ref.product_id.id)].append(ref)
            index[
                ("item", ref.category_id.id, item_key(ref.name), ref.uom_id.id)
            ].append(ref)
        return index

    @api.model
    def _hc_match(self, index, item, date, company_id):
        """The reference valid on ``date`` for an item (a dict with
        ``product_id``, ``category_id``, ``name``, ``uom_id``): the unit's
        own before the university-wide one, the newest first."""
        keys = []
        if item.get("product_id"):
            keys.append(("product", item["product_id"]))
        keys.append(
            (
                "item",
                item.get("category_id"),
                item_key(item.get("name")),
                item.get("uom_id") or False,
            )
        )
        if item.get("uom_id"):
            keys.append(
                ("item", item.get("category_id"), item_key(item.get("name")), False)
            )
        for key in keys:
            valid = [
                ref
                for ref in index.get(key, ())
                if date
                and ref.date_from <= date
                and (not ref.date_to or ref.date_to >= date)
                and ref.company_id.id in (company_id, False)
            ]
            if valid:
                own = [ref for ref in valid if ref.company_id]
                return (own or valid)[0]
        return self.browse()
