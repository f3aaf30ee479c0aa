# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import json
import secrets
from collections import defaultdict

from psycopg2 import errors as pg_errors

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, format_date, formatLang
from odoo.tools.sql import create_index

from ..tools.jalali import to_jalali_str
from .hc_integrity_mixin import ALL, hc_internal, hc_is_internal, hc_transition

# No gift of a university of medical sciences predates this year: a date
# before it is a Solar Hijri year typed in the Gregorian calendar.
MIN_YEAR = 1900


class HcContribution(models.Model):
    """A benefactor's gift, cash or in-kind, valued in rials (duty 12)."""

    _name = "hc.contribution"
    _description = "Contribution"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hc.approval.mixin",
        "hc.jalali.date.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    _state_from = ["submitted"]
    _state_to = ["approved", "posted"]

    name = fields.Char(
        "Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    donor_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain="[('hc_is_donor', '=', True)]",
    )
    donor_type = fields.Selection(related="donor_id.hc_donor_type", string="Donor Type")
    date = fields.Date(
        required=True, default=fields.Date.context_today, index=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company",
        "Unit",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(
        related="company_id.currency_id", store=True, string="Currency"
    )
    user_id = fields.Many2one(
        "res.users", "Recorded By", default=lambda self: self.env.user, tracking=True
    )
    organization_id = fields.Many2one(
        "hc.organization",
        "Through Organisation",
        index=True,
        tracking=True,
        help="The NGO, charity or hospital charity the gift came through.",
    )
    project_id = fields.Many2one(
        "hc.project", index=True, tracking=True, check_company=True
    )
    need_id = fields.Many2one("hc.need", index=True, tracking=True, check_company=True)
    is_underserved = fields.Boolean(
        "For an Underserved Region",
        tracking=True,
        help="The gift serves an underserved region (مناطق کم‌برخوردار).",
    )
    line_ids = fields.One2many(
        "hc.contribution.line", "contribution_id", "Lines", copy=True
    )
    amount_total = fields.Monetary(
        "Total Value", compute="_compute_amounts", store=True, tracking=True
    )
    amount_cash = fields.Monetary("Cash", compute="_compute_amounts", store=True)
    amount_in_kind = fields.Monetary("In-kind", compute="_compute_amounts", store=True)
    state = fields.Selection(
        string="Status",
        selection=[
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("posted", "Posted"),
            ("rejected", "Rejected"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    move_id = fields.Many2one(
        "account.move",
        "Journal Entry",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    reversal_move_id = fields.Many2one(
        "account.move", "Reversal Entry", readonly=True, copy=False
    )
    import_id = fields.Many2one(
        "hc.contribution.import",
        "Imported From",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The spreadsheet import that recorded this gift.",
    )
    # internal: never shown to the benefactor (portal)
    note = fields.Html("Notes", groups="health_charity.group_hc_user")
    # valuation committee
    valuation_review_required = fields.Boolean(
        compute="_compute_valuation_review",
        help="An in-kind line has no reference value, deviates from it beyond "
        "the tolerance or is worth more than the committee threshold: the "
        "valuation committee reviews the gift before approval.",
    )
    valuation_review_reason = fields.Text(compute="_compute_valuation_review")
    valuation_reviewed = fields.Boolean(
        "Reviewed by the Valuation Committee", readonly=True, copy=False
    )
    revaluation_count = fields.Integer(compute="_compute_revaluation_count")
    # inalterability: approved valuations are chained per unit with a hash
    hc_hash = fields.Char("Inalterability Hash", readonly=True, copy=False)
    hc_hash_sequence = fields.Integer(
        "Inalterability Number", readonly=True, copy=False, index="btree_not_null"
    )
    # receipts: the code printed on the receipt and its QR code, checked by
    # anyone at /health-charity/verify/<code> (see _hc_on_posted)
    verification_code = fields.Char(readonly=True, copy=False)

    _sql_constraints = [
        (
            "verification_code_uniq",
            "unique(verification_code)",
            "A verification code identifies one receipt.",
        ),
    ]

    @api.depends("line_ids.value", "line_ids.category_id.kind")
    def _compute_amounts(self):
        for rec in self:
            rec.update(
                rec._hc_totals(
                    (line.category_id.kind, line.value) for line in rec.line_ids
                )
            )

    @api.model
    def _hc_totals(self, kinds_and_values):
        """A gift's totals from its lines' (category kind, value): the one
        formula of the ORM's compute and of the set-based path."""
        cash = in_kind = 0.0
        for kind, value in kinds_and_values:
            if kind == "cash":
                cash += value
            else:
                in_kind += value
        return {
            "amount_cash": cash,
            "amount_in_kind": in_kind,
            "amount_total": cash + in_kind,
        }

    @api.depends(
        "line_ids.reference_id",
        "line_ids.deviation_percent",
        "line_ids.value",
        "company_id",
    )
    def _compute_valuation_review(self):
        for rec in self:
            reasons = []
            for line in rec.line_ids:
                why = line._hc_valuation_review_reasons()
                if why:
                    reasons.append(f"{line.name}: {', '.join(why)}")
            rec.valuation_review_required = bool(reasons)
            rec.valuation_review_reason = "\n".join(reasons)

    def _compute_revaluation_count(self):
        groups = self.env["hc.revaluation"]._read_group(
            [("contribution_id", "in", self.ids)], ["contribution_id"], ["__count"]
        )
        counts = {gift.id: count for gift, count in groups}
        for rec in self:
            rec.revaluation_count = counts.get(rec.id, 0)

    def init(self):
        # Donor totals (res.partner._compute_hc_contribution_total_all) read the
        # approved and posted gifts of a few donors after every batch: this
        # index reaches them without scanning each donor's drafts.
        create_index(
            self.env.cr,
            "hc_contribution_donor_id_state_index",
            self._table,
            ["donor_id", "state"],
        )

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        self._assign_names(vals_list)
        records = super().create(vals_list)
        records._hc_check_lock_date()
        return records

    @api.model
    def _assign_names(self, vals_list):
        """References from the contribution sequence, numbered in one query
        per yearly date range of the batch, not one per record: bulk imports
        of tens of thousands of gifts stay a handful of queries. A reference
        sent by a client is replaced: only the sequence numbers gifts."""
        if not hc_is_internal():
            for vals in vals_list:
                vals["name"] = "/"
        todo = [vals for vals in vals_list if vals.get("name", "/") == "/"]
        if not todo:
            return
        # sudo: like ir.sequence.next_by_code, users need not read sequences
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search(
                [
                    ("code", "=", "hc.contribution"),
                    ("company_id", "in", [self.env.company.id, False]),
                ],
                order="company_id",
                limit=1,
            )
        )
        if not sequence:
            for vals in todo:
                vals["name"] = "/"
            return
        if not sequence.use_date_range:
            for vals, name in zip(todo, self._get_next_names(sequence, len(todo))):
                vals["name"] = name
            return
        by_range = defaultdict(list)
        ranges = []
        range_of_day = {}  # looked up once per distinct date of the batch
        today = fields.Date.context_today(self)
        days = {}  # each distinct date value read once
        for vals in todo:
            raw = vals.get("date")
            day = days.get(raw)
            if day is None:
                day = days[raw] = fields.Date.to_date(raw) or today
            date_range = range_of_day.get(day)
            if date_range is None:
                date_range = range_of_day[day] = next(
                    (r for r in ranges if r.date_from <= day <= r.date_to), None
                )
            if date_range is None:
                date_range = self.env["ir.sequence.date_range"].sudo().search(
                    [
                        ("sequence_id", "=", sequence.id),
                        ("date_from", "<=", day),
                        ("date_to", ">=", day),
                    ],
                    limit=1,
                ) or sequence._create_date_range_seq(day)
                ranges.append(date_range)
                range_of_day[day] = date_range
            by_range[date_range].append(vals)
        for date_range, range_vals in by_range.items():
            names = self._get_next_names(sequence, len(range_vals), date_range)
            for vals, name in zip(range_vals, names):
                vals["name"] = name

    @api.model
    def _get_next_names(self, sequence, count, date_range=None):
        """``count`` consecutive references, as ``_next()`` would give them
        one by one. Standard (PostgreSQL) sequences hand out all the numbers
        in one ``nextval`` query; no-gap sequences keep Odoo's own locking."""
        if date_range:
            date_range = date_range.with_context(
                ir_sequence_date_range=date_range.date_from
            )
            sequence = date_range.sequence_id
        if sequence.implementation != "standard":
            return [(date_range or sequence)._next() for __ in range(count)]
        pg_sequence = (
            f"ir_sequence_{sequence.id:03d}_{date_range.id:03d}"
            if date_range
            else f"ir_sequence_{sequence.id:03d}"
        )
        self.env.cr.execute(
            SQL("SELECT nextval(%s) FROM generate_series(1, %s)", pg_sequence, count)
        )
        numbers = sorted(number for (number,) in self.env.cr.fetchall())
        prefix, suffix = sequence._get_prefix_suffix()
        return [f"{prefix}{number:0{sequence.padding}d}{suffix}" for number in numbers]

    # ---------------------------------------------------------- write policy
    @api.model
    def _hc_get_write_policy(self):
        """Everything in draft; afterwards only the notes. A value changes
        after approval through a re-valuation, never through a write."""
        notes = {"note"}
        return {
            "draft": ALL,
            "submitted": notes,
            "approved": notes,
            "posted": notes,
            "rejected": notes,
            "cancelled": notes,
        }

    @api.model
    def _hc_get_create_filled_fields(self):
        return {"name"}

    def write(self, vals):
        locked = set(vals) & set(self._get_locked_fields())
        if locked:
            self._check_values_editable()
        if {"date", "company_id"} & set(vals):
            self._hc_check_lock_date()
        res = super().write(vals)
        if {"date", "company_id"} & set(vals):
            self._hc_check_lock_date()
        return res

    # ------------------------------------------------------------ lock date
    def _hc_get_lock_period_name(self, company, day):
        """Override point: how the locked period is named in messages."""
        return self.env._(
            "closed up to %(date)s", date=format_date(self.env, company.hc_lock_date)
        )

    def _hc_check_lock_date(self):
        """No gift of a unit dated on or before its lock date is created,
        moved in, approved or posted."""
        if not any(self.company_id.mapped("hc_lock_date")):
            return  # most batches: no unit of theirs is locked
        for rec in self:
            lock = rec.company_id.hc_lock_date
            if lock and rec.date and rec.date <= lock:
                raise UserError(
                    self.env._(
                        "%(ref)s is dated %(date)s, in a closed period of "
                        "%(unit)s: %(period)s. Date it after %(lock)s or ask "
                        "finance to reopen the consolidation.",
                        ref=rec.name,
                        date=format_date(self.env, rec.date),
                        unit=rec.company_id.name,
                        period=self._hc_get_lock_period_name(rec.company_id, rec.date),
                        lock=format_date(self.env, lock),
                    )
                )

    def unlink(self):
        if any(rec.state not in ("draft", "cancelled") or rec.move_id for rec in self):
            raise UserError(
                self.env._(
                    "Only draft or cancelled contributions without a journal "
                    "entry can be deleted; cancel the others instead."
                )
            )
        return super().unlink()

    # --------------------------------------------------------------- locking
    @api.model
    def _get_locked_fields(self):
        """Fields that carry the value of the gift."""
        return [
            "donor_id",
            "date",
            "company_id",
            "line_ids",
            "amount_total",
            "amount_cash",
            "amount_in_kind",
        ]

    def _is_value_locked(self):
        """Override point (consolidation adds its own lock)."""
        self.ensure_one()
        return self.state in ("approved", "posted")

    def _check_values_editable(self):
        for rec in self:
            if rec._is_value_locked():
                raise UserError(
                    self.env._(
                        "The values of %(ref)s are locked (%(state)s): cancel "
                        "it and record a new contribution instead.",
                        ref=rec.name,
                        state=dict(rec._fields["state"].selection)[rec.state],
                    )
                )
            if rec.state == "submitted" and not rec._check_allow_write_under_validation(
                {"line_ids": True}
            ):
                raise UserError(
                    self.env._(
                        "%(ref)s is under review: its values cannot be changed "
                        "until it is approved, rejected or reset to draft.",
                        ref=rec.name,
                    )
                )
            if rec.state in ("rejected", "cancelled"):
                raise UserError(
                    self.env._(
                        "%(ref)s is %(state)s: reset it to draft to change it.",
                        ref=rec.name,
                        state=dict(rec._fields["state"].selection)[rec.state],
                    )
                )

    # ------------------------------------------------------------ validation
    def _check_submittable(self):
        self._hc_check_lock_date()
        today = fields.Date.context_today(self)
        for rec in self:
            rec._hc_check_lines_complete()
            rec._hc_check_plausible(today)
            rec._hc_check_appraisals()
        self._hc_fill_disclosures()

    def _hc_check_appraisals(self):
        """In-kind lines above the appraisal threshold need an expert
        appraisal and its document."""
        self.ensure_one()
        threshold = self.company_id.hc_appraisal_threshold
        if not threshold:
            return
        for line in self.line_ids:
            if line.kind == "cash" or line.value <= threshold:
                continue
            if line.valuation_basis != "expert_appraisal" or not line.attachment_ids:
                raise ValidationError(
                    self.env._(
                        "Line %(line)s of %(ref)s is worth %(value)s, above "
                        "%(threshold)s: set the valuation basis to Expert "
                        "Appraisal and attach the appraisal document.",
                        line=line.name,
                        ref=self.name,
                        value=formatLang(
                            self.env, line.value, currency_obj=self.currency_id
                        ),
                        threshold=formatLang(
                            self.env, threshold, currency_obj=self.currency_id
                        ),
                    )
                )

    def _hc_fill_disclosures(self):
        """The disclosures a clerk left empty, from what the gift says: the
        technique from the valuation basis or the reference, the valuation
        date from the gift's date."""
        for line in self.line_ids.filtered(lambda line: line.kind != "cash"):
            vals = {}
            technique = not line.valuation_technique and line._hc_default_technique()
            if technique:
                vals["valuation_technique"] = technique
            if not line.valuation_date:
                vals["valuation_date"] = line.contribution_id.date
            if vals:
                line.write(vals)

    def _hc_check_lines_complete(self):
        for rec in self:
            if not rec.line_ids:
                raise ValidationError(
                    self.env._(
                        "%(ref)s has no lines: add what the donor gave before "
                        "submitting.",
                        ref=rec.name,
                    )
                )
            missing = rec.line_ids.filtered(
                lambda line: line.kind != "cash" and not line.valuation_basis
            )
            if missing:
                raise ValidationError(
                    self.env._(
                        "Set how the value was established (valuation basis) "
                        "on the in-kind lines of %(ref)s: %(lines)s",
                        ref=rec.name,
                        lines=", ".join(missing.mapped("name")),
                    )
                )

    def _hc_check_plausible(self, today):
        """What gets approved must make sense: a value, a date within the
        unit's life, unit values within what the category allows."""
        self.ensure_one()
        founded = self.company_id.hc_founding_date
        if self.date > today:
            raise ValidationError(
                self.env._(
                    "%(ref)s is dated in the future (%(date)s).",
                    ref=self.name,
                    date=format_date(self.env, self.date),
                )
            )
        if (founded and self.date < founded) or self.date.year < MIN_YEAR:
            raise ValidationError(
                self.env._(
                    "%(ref)s is dated %(date)s, before %(unit)s recorded gifts: "
                    "check the date (a Solar Hijri year typed as a Gregorian "
                    "one?).",
                    ref=self.name,
                    date=format_date(self.env, self.date),
                    unit=self.company_id.name,
                )
            )
        if self.currency_id.is_zero(self.amount_total):
            raise ValidationError(
                self.env._(
                    "%(ref)s has a total value of zero: enter the unit values "
                    "of its lines.",
                    ref=self.name,
                )
            )
        for line in self.line_ids:
            category = line.category_id
            low, high = category.min_unit_value, category.max_unit_value
            if (low and line.unit_value < low) or (high and line.unit_value > high):
                raise ValidationError(
                    self.env._(
                        "Line %(line)s of %(ref)s is valued at %(value)s per "
                        "unit, outside what %(category)s allows (%(low)s to "
                        "%(high)s).",
                        line=line.name,
                        ref=self.name,
                        value=formatLang(
                            self.env, line.unit_value, currency_obj=self.currency_id
                        ),
                        category=category.name,
                        low=formatLang(self.env, low, digits=0),
                        high=formatLang(self.env, high, digits=0) if high else "∞",
                    )
                )

    # --------------------------------------------------------------- actions
    @hc_transition
    def action_submit(self):
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._(
                        "Only draft contributions can be submitted (%s).", rec.name
                    )
                )
        self._check_submittable()
        self._hc_set_state("submitted")
        self._hc_request_approval()
        return True

    def _lock_for_update(self):
        """Row locks against a concurrent approval or posting."""
        try:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM hc_contribution WHERE id IN %s FOR UPDATE NOWAIT",
                    tuple(self.ids),
                )
            )
        except pg_errors.LockNotAvailable as e:
            raise UserError(
                self.env._(
                    "Another user is working on these contributions right "
                    "now. Reload and try again."
                )
            ) from e
        self.invalidate_recordset(["state", "move_id"])

    @hc_transition
    def action_post(self):
        if not self.env.user.has_group("health_charity.group_hc_finance"):
            raise AccessError(
                self.env._("Only finance users may post contributions to accounting.")
            )
        self._lock_for_update()
        self._hc_check_lock_date()
        for rec in self:
            if rec.state != "approved" or rec.move_id:
                raise UserError(
                    self.env._(
                        "%(ref)s cannot be posted: only approved contributions "
                        "not yet posted can be.",
                        ref=rec.name,
                    )
                )
            move = self.env["account.move"].create(rec._prepare_move_vals())
            move.action_post()
            rec._hc_set_state("posted", {"move_id": move.id})
        self._hc_on_posted()
        return True

    # -------------------------------------------------------------- receipts
    @api.model
    def _hc_new_verification_code(self):
        """Unguessable (128 random bits), short enough for a printed URL."""
        return secrets.token_urlsafe(16)

    def _hc_on_posted(self):
        """A posted gift gets its verification code and its receipt is
        emailed to the donor."""
        for rec in self.filtered(lambda r: not r.verification_code):
            with hc_internal():
                rec.write({"verification_code": self._hc_new_verification_code()})
        self._hc_send_receipt()

    def _hc_send_receipt(self):
        """Email the receipt (template editable by the office) to donors who
        have an email address."""
        template = self.env.ref(
            "health_charity.hc_contribution_mail_template_receipt",
            raise_if_not_found=False,
        )
        if not template:
            return
        for rec in self.filtered(lambda r: r.donor_id.email):
            rec.message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                partner_ids=rec.donor_id.ids,
            )

    def action_send_receipt(self):
        """Open the email composer with the receipt (to send it again, or to
        another address)."""
        self.ensure_one()
        if self.state != "posted":
            raise UserError(
                self.env._("Only posted contributions have a receipt: %s", self.name)
            )
        template = self.env.ref("health_charity.hc_contribution_mail_template_receipt")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
            },
        }

    def _hc_verification_url(self):
        self.ensure_one()
        return "%s/health-charity/verify/%s" % (
            self.get_base_url(),
            self.verification_code,
        )

    def _hc_get_public_facts(self):
        """What /health-charity/verify shows to anyone holding the receipt:
        enough to expose a forgery, nothing more (no donor, no lines)."""
        self.ensure_one()
        return {
            "document_type": self.env._("Contribution Receipt"),
            "reference": self.name,
            "date": to_jalali_str(self.date),
            "unit": self.company_id.name,
            "amount": self.amount_total,
            "currency": self.currency_id,
        }

    @hc_transition
    def action_reject(self):
        """Reject as a reviewer (through the tier review) or, for a manager,
        directly."""
        for rec in self:
            if rec.state != "submitted":
                raise UserError(
                    self.env._(
                        "Only submitted contributions can be rejected (%s).", rec.name
                    )
                )
            if rec.can_review:
                rec.reject_tier()
            elif self.env.user.has_group("health_charity.group_hc_manager"):
                rec._hc_on_rejected()
            else:
                rec._hc_check_can_review()
        return True

    @hc_transition
    def action_cancel(self):
        for rec in self:
            if rec.state == "cancelled":
                continue
            if rec.state == "posted":
                rec._reverse_move()
        self._hc_reset_reviews()
        self._hc_set_state("cancelled")
        return True

    @hc_transition
    def action_draft(self):
        for rec in self:
            if rec.state not in ("submitted", "rejected", "cancelled"):
                raise UserError(
                    self.env._(
                        "%(ref)s cannot go back to draft from its current status.",
                        ref=rec.name,
                    )
                )
            if rec.move_id and not rec.reversal_move_id:
                raise UserError(
                    self.env._("%s still has a posted journal entry.", rec.name)
                )
            if rec.hc_hash:
                raise UserError(
                    self.env._(
                        "%(ref)s was approved: its valuation is final and "
                        "chained. Record a new contribution instead.",
                        ref=rec.name,
                    )
                )
        self._hc_reset_reviews()
        self._hc_set_state("draft", {"move_id": False, "reversal_move_id": False})
        return True

    def _hc_lock_units(self):
        self._hc_lock_units_of(self.company_id)

    @api.model
    def _hc_lock_units_of(self, companies, nowait=False):
        """Row locks on the units: approvals (which extend a unit's hash
        chain) and consolidation submissions (which move its lock date, and
        do not wait: ``nowait``) follow one another, so no gift is approved
        into a period while it is being closed."""
        if not companies:
            return
        try:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM res_company WHERE id IN %s ORDER BY id "
                    "FOR NO KEY UPDATE" + (" NOWAIT" if nowait else ""),
                    tuple(companies.ids),
                )
            )
        except pg_errors.LockNotAvailable as e:
            raise UserError(
                self.env._(
                    "Gifts of %(units)s are being approved right now: try again "
                    "in a moment.",
                    units=", ".join(companies.mapped("name")),
                )
            ) from e
        companies.invalidate_recordset(["hc_lock_date"])

    @hc_transition
    def _hc_on_approved(self):
        self._hc_lock_units()
        self._hc_check_lock_date()
        res = super()._hc_on_approved()
        committee = self.env.ref(
            "health_charity.tier_definition_hc_contribution_valuation",
            raise_if_not_found=False,
        )
        reviewed = self.filtered(
            lambda rec: committee
            and rec.review_ids.filtered(
                lambda review: review.definition_id == committee
                and review.status == "approved"
            )
        )
        if reviewed:
            # sudo: set by the approval itself, whoever approves
            reviewed.sudo().write({"valuation_reviewed": True})
        self._hc_chain_hash()
        return res

    def hc_receipt_filename(self):
        """The receipt's file name in the reader's language (Persian words
        keep their zero-width non-joiners)."""
        self.ensure_one()
        return self.env._("Receipt - %(ref)s", ref=self.name)

    # ---------------------------------------------------------------- import
    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Contributions"),
                "template": "/health_charity/static/xls/"
                "hc_contribution_import_template.xlsx",
            }
        ]

    @api.model
    def _hc_import_headers(self):
        """The template's headers (Persian and English) and the fields they
        fill: one row per line; a gift's own columns are left empty on the
        rows of its further lines."""
        return {
            "خیر (نام یا کد ملی)": "donor_id",
            "Donor (name or national ID)": "donor_id",
            "خیر": "donor_id",
            "کد ملی خیر": "donor_id",
            "تاریخ": "date",
            "تاریخ کمک": "date",
            "Gift Date": "date",
            "واحد": "company_id",
            "Unit": "company_id",
            "از طریق سازمان": "organization_id",
            "پروژه": "project_id",
            "برای مناطق کم‌برخوردار": "is_underserved",
            "یادداشت": "note",
            "دسته": "line_ids/category_id",
            "دسته‌بندی": "line_ids/category_id",
            "Category": "line_ids/category_id",
            "شرح": "line_ids/name",
            "شرح کالا": "line_ids/name",
            "Description": "line_ids/name",
            "تعداد": "line_ids/quantity",
            "Quantity": "line_ids/quantity",
            "ارزش واحد (ریال)": "line_ids/unit_value",
            "ارزش واحد": "line_ids/unit_value",
            "Unit Value": "line_ids/unit_value",
            "Unit Value (IRR)": "line_ids/unit_value",
            "مبنای ارزش‌گذاری": "line_ids/valuation_basis",
            "Valuation Basis": "line_ids/valuation_basis",
            "روش ارزش‌گذاری": "line_ids/valuation_technique",
            "Valuation Technique": "line_ids/valuation_technique",
            "محدودیت خیر": "line_ids/restriction",
            "سرانجام کالا": "line_ids/disposition",
        }

    def action_view_revaluations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_charity.hc_revaluation_action"
        )
        action["domain"] = [("contribution_id", "=", self.id)]
        action["context"] = {}
        return action

    # -------------------------------------------------------- inalterability
    def _hc_hash_payload(self, history=None):
        """What an approved valuation consists of (override point: add a
        field and the chain covers it from the next approval on)."""
        self.ensure_one()
        if history is None:
            history = self.env["hc.revaluation"]._hc_approved_history(self.line_ids)
        lines, revalued = [], 0.0
        for line in self.line_ids.sorted("id"):
            unit_value, value = line._hc_approved_values(history.get(line.id))
            revalued += line.value - value
            lines.append(
                [
                    line.id,
                    line.category_id.id,
                    line.name or "",
                    repr(line.quantity),
                    repr(unit_value),
                    repr(value),
                    line.valuation_basis or "",
                ]
            )
        # the values as approved: approved re-valuations are chained on
        # their own (hc.revaluation.hc_hash) and checked against the lines
        total = self.currency_id.round(self.amount_total - revalued)
        return [
            self.id,
            self.name,
            self.company_id.id,
            self.currency_id.id,
            str(self.date),
            self.donor_id.id,
            repr(total),
            lines,
        ]

    def _hc_revaluations_intact(self, history):
        """Each approved re-valuation (``history``, see
        ``hc.revaluation._hc_approved_history``) still hashes to its stored
        hash, and the line carries the last approved value."""
        self.ensure_one()
        for line in self.line_ids:
            revaluations = history.get(line.id)
            if not revaluations:
                continue
            if any(rev._hc_compute_hash() != rev.hc_hash for rev in revaluations):
                return False
            if line.unit_value != revaluations[-1].new_unit_value:
                return False
        return True

    def _hc_compute_hash(self, previous, payload=None):
        self.ensure_one()
        payload = payload if payload is not None else self._hc_hash_payload()
        text = json.dumps([previous or "", payload])
        return hashlib.sha256(text.encode()).hexdigest()

    def _hc_chain_hash(self):
        """Chain the approved gifts to the last one of their unit. The unit's
        row lock serialises concurrent approvals of one unit."""
        for rec in self.sorted("id"):
            if rec.hc_hash:
                continue
            self.flush_model()
            rec._hc_lock_units()
            self.env.cr.execute(
                SQL(
                    """SELECT hc_hash, hc_hash_sequence FROM hc_contribution
                        WHERE company_id = %s AND hc_hash_sequence IS NOT NULL
                     ORDER BY hc_hash_sequence DESC LIMIT 1""",
                    rec.company_id.id,
                )
            )
            previous, sequence = self.env.cr.fetchone() or (None, 0)
            with hc_internal():
                # sudo: the chain is the application's, whoever approves
                rec.sudo().write(
                    {
                        "hc_hash": rec._hc_compute_hash(previous),
                        "hc_hash_sequence": sequence + 1,
                    }
                )

    @api.model
    def _hc_check_inalterability(self, companies, date_from=None, date_to=None):
        """Recompute the hashes of the approved gifts of ``companies`` (in a
        period) from what is stored now. Returns ``(checked, broken)``, where
        ``broken`` is the first gift whose values changed after approval."""
        self.flush_model()
        self.env["hc.contribution.line"].flush_model()
        checked = 0
        for company in companies:
            domain = [
                ("company_id", "=", company.id),
                ("hc_hash_sequence", "!=", False),
            ]
            chain = (
                self.sudo()
                .with_context(active_test=False)
                .search(  # audit
                    domain, order="hc_hash_sequence"
                )
            )
            previous = None
            for rec in chain:
                in_period = (not date_from or rec.date >= date_from) and (
                    not date_to or rec.date <= date_to
                )
                if in_period:
                    checked += 1
                    # one read of the approved re-valuations per gift, for the
                    # hash, the original total and the re-valuations' own hashes
                    history = self.env["hc.revaluation"]._hc_approved_history(
                        rec.line_ids
                    )
                    payload = rec._hc_hash_payload(history)
                    # the gift's own entry carries the total as approved
                    original_total = float(payload[6])
                    posted_ok = (
                        rec.state != "posted"
                        or not rec.move_id
                        or (
                            rec.currency_id.compare_amounts(
                                rec.move_id.amount_total, original_total
                            )
                            == 0
                        )
                    )
                    if (
                        rec._hc_compute_hash(previous, payload) != rec.hc_hash
                        or not posted_ok
                        or not rec._hc_revaluations_intact(history)
                    ):
                        return checked, rec.with_env(self.env)
                previous = rec.hc_hash
        return checked, self.browse()

    def action_view_move(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.move_id.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------ accounting
    def _get_accounting_company(self):
        return self.company_id._hc_accounting_company()

    def _get_journal(self):
        journal = self._get_accounting_company().hc_journal_id
        if not journal:
            raise UserError(
                self.env._(
                    "No contributions journal is set for %(unit)s: set one in "
                    "Health Charity > Configuration > Settings.",
                    unit=self.company_id.name,
                )
            )
        return journal

    def _get_debit_account(self, category, journal):
        company = self._get_accounting_company()
        account = category.with_company(company).account_id
        if not account and category.kind == "cash":
            account = journal.default_account_id
        if not account:
            raise UserError(
                self.env._(
                    "No debit account is set on the category %(category)s: set "
                    "it in Health Charity > Configuration > Categories.",
                    category=category.name,
                )
            )
        return account

    def _get_income_account(self, category):
        company = self._get_accounting_company()
        account = (
            category.with_company(company).income_account_id
            or company.hc_income_account_id
        )
        if not account:
            raise UserError(
                self.env._(
                    "No contribution income account is set for %(unit)s: set "
                    "one in Health Charity > Configuration > Settings.",
                    unit=company.name,
                )
            )
        return account

    def _prepare_move_line_vals(self, journal):
        """One debit per category, one credit per income account (with the
        project's analytic account)."""
        self.ensure_one()
        debits = defaultdict(float)
        credits = defaultdict(float)
        for line in self.line_ids:
            debits[line.category_id] += line.value
            credits[self._get_income_account(line.category_id)] += line.value
        vals = []
        for category, amount in debits.items():
            vals.append(
                {
                    "name": f"{self.name} - {category.name}",
                    "account_id": self._get_debit_account(category, journal).id,
                    "partner_id": self.donor_id.id,
                    "debit": amount,
                    "credit": 0.0,
                }
            )
        # gifts to a project carry its analytic account on the income side,
        # so that the project's costs and gifts meet in accounting
        analytic = self.project_id.analytic_account_id
        for account, amount in credits.items():
            credit_vals = {
                "name": self.name,
                "account_id": account.id,
                "partner_id": self.donor_id.id,
                "debit": 0.0,
                "credit": amount,
            }
            if analytic:
                credit_vals["analytic_distribution"] = {str(analytic.id): 100.0}
            vals.append(credit_vals)
        return vals

    def _prepare_move_vals(self):
        self.ensure_one()
        journal = self._get_journal()
        return {
            "move_type": "entry",
            "journal_id": journal.id,
            "date": self.date,
            "ref": self.env._(
                "Contribution %(ref)s of %(donor)s",
                ref=self.name,
                donor=self.donor_id.name,
            ),
            "line_ids": [
                Command.create(v) for v in self._prepare_move_line_vals(journal)
            ],
        }

    def _reverse_move(self):
        self.ensure_one()
        if not self.env.user.has_group("health_charity.group_hc_finance"):
            raise AccessError(
                self.env._("Only finance users may cancel a posted contribution.")
            )
        reversal = self.move_id._reverse_moves(
            default_values_list=[
                {
                    "date": fields.Date.context_today(self),
                    "ref": self.env._("Cancellation of %s", self.name),
                }
            ],
            cancel=True,
        )
        self.reversal_move_id = reversal
