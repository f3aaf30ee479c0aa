# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import json

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .hc_approval_mixin import hc_transition
from .hc_contribution_line import exact_value, hc_revaluing
from .hc_integrity_mixin import ALL, hc_internal


class HcRevaluation(models.Model):
    """The only way a value changes after approval: a re-valuation of one
    line (old and new unit value, reason, evidence), approved by the
    valuation committee. On approval it writes the line's new unit value,
    keeps the history on the line and, for a posted gift, posts an
    adjusting journal entry (the gift's own entry is never edited)."""

    _name = "hc.revaluation"
    _inherit = ["mail.thread", "hc.approval.mixin"]
    _description = "Re-valuation"
    _order = "id desc"
    _check_company_auto = True
    _hc_parent_field = "line_id"

    _state_from = ["submitted"]
    _hc_require_review = True

    name = fields.Char("Reference", readonly=True, copy=False, default="/")
    line_id = fields.Many2one(
        "hc.contribution.line",
        "Contribution Line",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
        domain="[('contribution_id.state', 'in', ('approved', 'posted'))]",
    )
    contribution_id = fields.Many2one(
        related="line_id.contribution_id", store=True, index=True, string="Gift"
    )
    company_id = fields.Many2one(related="line_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="line_id.currency_id")
    quantity = fields.Float(related="line_id.quantity")
    old_unit_value = fields.Monetary(
        readonly=True, help="The line's unit value when the re-valuation was made."
    )
    new_unit_value = fields.Monetary(required=True, tracking=True)
    old_value = fields.Monetary(compute="_compute_values", store=True)
    new_value = fields.Monetary(compute="_compute_values", store=True)
    difference = fields.Monetary(compute="_compute_values", store=True)
    reason = fields.Text(required=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "hc_revaluation_attachment_rel",
        "revaluation_id",
        "attachment_id",
        "Evidence",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    move_id = fields.Many2one(
        "account.move", "Adjusting Entry", readonly=True, copy=False, index=True
    )
    approved_date = fields.Datetime(readonly=True, copy=False)
    hc_hash = fields.Char("Inalterability Hash", readonly=True, copy=False)

    _sql_constraints = [
        (
            "new_unit_value_not_negative",
            "CHECK(new_unit_value >= 0)",
            "The new unit value cannot be negative.",
        ),
    ]

    @api.model
    def _hc_get_write_policy(self):
        return {"draft": ALL}

    @api.depends("old_unit_value", "new_unit_value", "line_id.quantity")
    def _compute_values(self):
        for rec in self:
            digits = rec.currency_id.decimal_places if rec.currency_id else 2
            rec.old_value = exact_value(
                rec.line_id.quantity, rec.old_unit_value, digits
            )
            rec.new_value = exact_value(
                rec.line_id.quantity, rec.new_unit_value, digits
            )
            rec.difference = rec.new_value - rec.old_value

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._hc_check_line_revaluable()
        with hc_internal():  # the old value is the line's, never the client's
            for rec in records:
                rec.write(
                    {
                        "old_unit_value": rec.line_id.unit_value,
                        "name": self.env["ir.sequence"].next_by_code("hc.revaluation")
                        or "/",
                    }
                )
        return records

    # ----------------------------------------------------------------- checks
    def _hc_check_line_revaluable(self):
        for rec in self:
            gift = rec.contribution_id
            if gift.state not in ("approved", "posted"):
                raise ValidationError(
                    self.env._(
                        "%(ref)s is not approved: change its lines directly "
                        "(re-valuations are for approved gifts).",
                        ref=gift.name,
                    )
                )
            # a gift inside a submitted, approved or reported consolidation is
            # refused here, the consolidation named (its lock date)
            gift._hc_check_lock_date()

    def _hc_check_submittable(self):
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._(
                        "Only draft re-valuations can be submitted (%s).", rec.name
                    )
                )
            if (
                rec.currency_id.compare_amounts(rec.new_unit_value, rec.old_unit_value)
                == 0
            ):
                raise ValidationError(
                    self.env._("%(ref)s does not change the unit value.", ref=rec.name)
                )
            if rec.line_id.unit_value != rec.old_unit_value:
                raise UserError(
                    self.env._(
                        "The line was re-valued since %(ref)s was made: start "
                        "from its current value.",
                        ref=rec.name,
                    )
                )
        self._hc_check_line_revaluable()

    # ---------------------------------------------------------------- actions
    @hc_transition
    def action_submit(self):
        self._hc_check_submittable()
        self._hc_set_state("submitted")
        self._hc_request_approval()
        return True

    @hc_transition
    def action_draft(self):
        for rec in self:
            if rec.state not in ("submitted", "rejected"):
                raise UserError(
                    self.env._(
                        "Only a submitted or rejected re-valuation goes back to "
                        "draft (%s).",
                        rec.name,
                    )
                )
        self._hc_reset_reviews()
        self._hc_set_state("draft")
        return True

    @hc_transition
    def _hc_on_approved(self):
        self._hc_lock_rows()
        self.contribution_id._hc_lock_units()
        self._hc_check_line_revaluable()
        super()._hc_on_approved()
        for rec in self:
            rec._hc_apply()
        return True

    def _hc_apply(self):
        """Write the new value on the line, post the adjusting entry of a
        posted gift and chain the re-valuation to the gift's hash."""
        self.ensure_one()
        line, gift = self.line_id, self.contribution_id
        # sudo: the committee's approval grants the change, not the
        # reviewer's write access to the gift (which is locked)
        with hc_internal(), hc_revaluing():
            line.sudo().write({"unit_value": self.new_unit_value})
        vals = {"approved_date": fields.Datetime.now()}
        if gift.state == "posted" and gift.move_id:
            # sudo: the adjusting entry follows the approved re-valuation
            # whoever approved it (as the gift's own posting does)
            move = self.sudo()._hc_create_adjusting_move()
            vals["move_id"] = move.id
        with hc_internal():
            self.sudo().write(vals)  # sudo: application fields, see above
            self.sudo().write({"hc_hash": self._hc_compute_hash()})
        gift._hc_post_note(
            lambda g: g.env._(
                "Line %(line)s re-valued from %(old)s to %(new)s per unit "
                "(%(ref)s): %(reason)s",
                line=line.name,
                old=g._hc_format_amount(self.old_unit_value, g.currency_id),
                new=g._hc_format_amount(self.new_unit_value, g.currency_id),
                ref=self.name,
                reason=self.reason,
            )
        )

    # -------------------------------------------------------------- accounting
    def _prepare_adjusting_move_vals(self):
        """A debit and a credit of the difference on the accounts of the
        gift's entry (reversed for a decrease)."""
        self.ensure_one()
        gift = self.contribution_id
        journal = gift._get_journal()
        category = self.line_id.category_id
        amount = abs(self.difference)
        increase = self.difference > 0
        debit_account = gift._get_debit_account(category, journal)
        income_account = gift._get_income_account(category)
        label = self.env._(
            "Re-valuation %(ref)s of %(gift)s", ref=self.name, gift=gift.name
        )
        lines = [
            {
                "name": label,
                "account_id": debit_account.id,
                "partner_id": gift.donor_id.id,
                "debit": amount if increase else 0.0,
                "credit": 0.0 if increase else amount,
            },
            {
                "name": label,
                "account_id": income_account.id,
                "partner_id": gift.donor_id.id,
                "debit": 0.0 if increase else amount,
                "credit": amount if increase else 0.0,
            },
        ]
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "date": fields.Date.context_today(self),
            "ref": label,
            "line_ids": [Command.create(vals) for vals in lines],
        }

    def _hc_create_adjusting_move(self):
        self.ensure_one()
        with hc_internal():
            move = self.env["account.move"].create(self._prepare_adjusting_move_vals())
            move.action_post()
        return move

    # ---------------------------------------------------------- inalterability
    def _hc_hash_payload(self):
        self.ensure_one()
        return [
            self.id,
            self.line_id.id,
            self.contribution_id.hc_hash or "",
            repr(self.old_unit_value),
            repr(self.new_unit_value),
            self.reason or "",
            self.move_id.id or 0,
        ]

    def _hc_compute_hash(self):
        self.ensure_one()
        payload = json.dumps(self._hc_hash_payload())
        return hashlib.sha256(payload.encode()).hexdigest()

    @api.model
    def _hc_approved_history(self, lines):
        """{line id: approved re-valuations, oldest first}."""
        history = {}
        # sudo: the inalterability check reads every re-valuation of the
        # gifts it proves, whoever runs it
        approved = self.sudo().search(
            [("line_id", "in", lines.ids), ("state", "=", "approved")],
            order="approved_date, id",
        )
        for rec in approved:
            history.setdefault(rec.line_id.id, self.sudo())
            history[rec.line_id.id] |= rec
        return history
