# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import logging

import requests

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.health_charity.models.hc_integrity_mixin import (
    ALL,
    hc_transition,
)
from odoo.addons.health_charity.tools.jalali import (
    jalali_period_bounds,
    jalali_year_quarter,
    to_jalali_str,
)

from ..models.hc_consolidation_job import HcTransientJobError
from ..tools import national_package

_logger = logging.getLogger(__name__)

MINISTRY_TIMEOUT = 120

# Above this many contribution lines the Ministry workbook is produced by a
# background job into an attachment (web workers stop after 120 s / 2.5 GB).
BACKGROUND_WORKBOOK_LINES = 50_000


class HcConsolidation(models.Model):
    """Period closing of contributions for the university and its hospitals
    in one unified format (duty 14).

    ``action_compute`` takes a snapshot (one line per unit and category) of
    the approved and posted contributions of the period that are in no other
    consolidation. ``action_submit`` attaches exactly those contributions
    (``consolidation_id``) under row locks and refuses if anything changed
    since the snapshot; from then on they are locked. Back to draft releases
    them. Recomputing is only possible in draft.
    """

    _name = "hc.consolidation"
    _description = "Contribution Consolidation"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hc.approval.mixin",
        "hc.jalali.date.mixin",
    ]
    # a consolidation falls in the Jalali periods where it starts
    _hc_jalali_date_field = "date_from"
    _order = "date_from desc, id desc"
    _check_company_auto = True

    _state_from = ["submitted"]
    _state_to = ["approved", "reported"]
    _cancel_state = "draft"
    _hc_state_rejected = "draft"

    name = fields.Char(required=True, tracking=True, default="/", copy=False)
    company_id = fields.Many2one(
        "res.company",
        "University",
        required=True,
        index=True,
        default=lambda self: self.env.company.root_id,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    unit_company_ids = fields.Many2many(
        "res.company",
        "hc_consolidation_unit_rel",
        "consolidation_id",
        "company_id",
        "Units",
        required=True,
        default=lambda self: self._default_unit_company_ids(),
        help="The hospitals and the university itself included in the period.",
    )
    period_type = fields.Selection(
        [("jalali", "Solar Hijri Year / Quarter"), ("dates", "Dates")],
        default="jalali",
        required=True,
    )
    jalali_year = fields.Integer(
        "Solar Hijri Year",
        default=lambda self: jalali_year_quarter(fields.Date.context_today(self))[0],
    )
    jalali_quarter = fields.Selection(
        [
            ("0", "Whole Year"),
            ("1", "Q1 (Farvardin-Khordad)"),
            ("2", "Q2 (Tir-Shahrivar)"),
            ("3", "Q3 (Mehr-Azar)"),
            ("4", "Q4 (Dey-Esfand)"),
        ],
        "Quarter",
        default="0",
    )
    date_from = fields.Date(
        compute="_compute_dates",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    date_to = fields.Date(
        compute="_compute_dates",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    line_ids = fields.One2many("hc.consolidation.line", "consolidation_id", "Lines")
    contribution_ids = fields.One2many("hc.contribution", "consolidation_id")
    contribution_count = fields.Integer("Contributions", readonly=True)
    contribution_line_count = fields.Integer("Contribution Lines", readonly=True)
    amount_cash = fields.Monetary("Cash", readonly=True)
    amount_in_kind = fields.Monetary("In-kind", readonly=True)
    amount_construction = fields.Monetary("Construction", readonly=True)
    amount_total = fields.Monetary("Total Value", readonly=True, tracking=True)
    computed_date = fields.Datetime("Computed On", readonly=True, copy=False)
    state = fields.Selection(
        string="Status",
        selection=[
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("reported", "Reported"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    reported_date = fields.Date(readonly=True, copy=False, tracking=True)
    ministry_reference = fields.Char(tracking=True, copy=False)
    note = fields.Html()
    # background jobs (hc.consolidation.job): the workbook of a big period
    # and the sending to the Ministry; shown here from the latest job
    job_ids = fields.One2many("hc.consolidation.job", "consolidation_id", "Jobs")
    workbook_state = fields.Selection(
        [
            ("none", "Not Generated"),
            ("queued", "Queued"),
            ("running", "Generating"),
            ("done", "Ready"),
            ("failed", "Failed"),
        ],
        compute="_compute_workbook",
    )
    workbook_progress = fields.Integer(compute="_compute_workbook")
    workbook_error = fields.Text(compute="_compute_workbook")
    workbook_attachment_id = fields.Many2one(
        "ir.attachment", "Workbook", compute="_compute_workbook"
    )
    ministry_state = fields.Selection(
        [
            ("not_sent", "Not Sent"),
            ("queued", "Queued"),
            ("sent", "Sent"),
            ("accepted", "Accepted"),
            ("refused", "Refused"),
        ],
        "Ministry Status",
        compute="_compute_ministry",
        search="_search_ministry_state",
    )
    ministry_version = fields.Integer(
        "Version Sent",
        compute="_compute_ministry",
        help="Each corrected consolidation goes to the Ministry as a new version.",
    )
    ministry_error = fields.Text("Last Sending Error", compute="_compute_ministry")
    ministry_answer = fields.Text("Ministry's Answer", compute="_compute_ministry")

    _sql_constraints = [
        (
            "dates_order",
            "CHECK(date_from <= date_to)",
            "The period cannot end before it starts.",
        ),
    ]

    # ---------------------------------------------------------- write policy
    @api.model
    def _hc_get_write_policy(self):
        """The period and units in draft; afterwards the notes and the
        Ministry's reference only."""
        after = {"note", "ministry_reference"}
        return {"draft": ALL, "submitted": after, "approved": after, "reported": after}

    @api.model
    def _hc_get_extra_protected_fields(self):
        # the snapshot and the attached gifts come from action_compute and
        # action_submit only, the jobs from the buttons that queue them
        return {"line_ids", "contribution_ids", "job_ids"}

    def _get_last_job(self, kind):
        self.ensure_one()
        jobs = self.job_ids.filtered(lambda j: j.kind == kind)
        return jobs.sorted("id", reverse=True)[:1]

    @api.depends("job_ids.state", "job_ids.progress")
    def _compute_workbook(self):
        for rec in self:
            job = rec._get_last_job("workbook")
            rec.workbook_state = job.state if job else "none"
            rec.workbook_progress = job.progress if job else 0
            rec.workbook_error = job.error if job.state == "failed" else False
            rec.workbook_attachment_id = job.attachment_id

    @api.depends("job_ids.state", "job_ids.answer_state")
    def _compute_ministry(self):
        for rec in self:
            job = rec._get_last_job("ministry_send")
            rec.ministry_state = rec._get_ministry_state(job)
            rec.ministry_version = job.version
            rec.ministry_error = job.error
            rec.ministry_answer = job.answer_message

    @api.model
    def _get_ministry_state(self, job):
        if not job:
            return "not_sent"
        if job.state in ("queued", "running"):
            return "queued"
        if job.state == "failed":
            return "not_sent"
        if job.answer_state in ("accepted", "refused"):
            return job.answer_state
        return "sent"

    def _search_ministry_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Unsupported search on the Ministry status."))
        values = {value} if isinstance(value, str) else set(value)
        matching = self.search([]).filtered(lambda r: r.ministry_state in values)
        positive = operator in ("=", "in")
        return [("id", "in" if positive else "not in", matching.ids)]

    @api.model
    def _default_unit_company_ids(self):
        root = self.env.company.root_id
        return self.env["res.company"].search(
            [("id", "child_of", root.id), ("id", "in", self.env.companies.ids)]
        )

    @api.depends("period_type", "jalali_year", "jalali_quarter")
    def _compute_dates(self):
        for rec in self:
            if rec.period_type != "jalali" or not rec.jalali_year:
                continue
            quarter = int(rec.jalali_quarter or 0)
            rec.date_from, rec.date_to = jalali_period_bounds(
                rec.jalali_year, quarter or None
            )

    @api.constrains("jalali_year", "period_type")
    def _check_jalali_year(self):
        for rec in self:
            if rec.period_type == "jalali" and not 1300 <= rec.jalali_year <= 1500:
                raise ValidationError(
                    self.env._(
                        "%(year)s is not a valid Solar Hijri year.",
                        year=rec.jalali_year,
                    )
                )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for rec in self:
            if rec.date_from and rec.date_to and rec.date_to < rec.date_from:
                raise ValidationError(
                    self.env._("The period cannot end before it starts.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for rec in records.filtered(lambda r: r.name == "/"):
            rec.name = rec._get_default_name()
        return records

    def write(self, vals):
        period_fields = {
            "date_from",
            "date_to",
            "unit_company_ids",
            "company_id",
            "period_type",
            "jalali_year",
            "jalali_quarter",
        }
        if period_fields & set(vals) and any(r.state != "draft" for r in self):
            raise UserError(
                self.env._(
                    "The period and units of a consolidation can only change in draft."
                )
            )
        return super().write(vals)

    def unlink(self):
        if any(rec.state != "draft" for rec in self):
            raise UserError(self.env._("Only draft consolidations can be deleted."))
        self._release_contributions()
        return super().unlink()

    def _get_default_name(self):
        """In the language of the user who creates it: a Solar Hijri period
        ("تجمیع 1404 فصل 1" / "Consolidation 1404 Q1"), Jalali dates for a
        Persian user's date range."""
        self.ensure_one()
        if self.period_type == "jalali" and self.jalali_year:
            quarter = int(self.jalali_quarter or 0)
            period = (
                self.env._(
                    "%(year)s Q%(quarter)s", year=self.jalali_year, quarter=quarter
                )
                if quarter
                else str(self.jalali_year)
            )
        elif (self.env.lang or "").startswith("fa"):
            period = f"{to_jalali_str(self.date_from)} - {to_jalali_str(self.date_to)}"
        else:
            period = f"{self.date_from} - {self.date_to}"
        return self.env._("Consolidation %(period)s", period=period)

    def hc_report_filename(self):
        """The Ministry workbook's file name, in the reader's language (the
        words keep their zero-width non-joiners, never "_")."""
        self.ensure_one()
        return self.env._("Ministry valuation - %(name)s", name=self.name)

    # ------------------------------------------------------------- security
    def _check_finance(self):
        if not self.env.user.has_group("health_charity.group_hc_finance"):
            raise AccessError(
                self.env._(
                    "Only finance users may compute, submit or report consolidations."
                )
            )

    def _get_unit_ids(self):
        """Units of the consolidation the current user may use."""
        self.ensure_one()
        allowed = self.env.user.company_ids
        units = self.unit_company_ids & allowed
        if units != self.unit_company_ids:
            raise AccessError(
                self.env._(
                    "You are not allowed to consolidate units %(units)s.",
                    units=", ".join((self.unit_company_ids - allowed).mapped("name")),
                )
            )
        return units.ids

    # ------------------------------------------------------------- snapshot
    def _get_candidate_where(self):
        """SQL condition selecting the contributions (alias ``c``) of this
        consolidation: attached ones once submitted, otherwise the approved
        and posted contributions of the period and units in no other
        consolidation."""
        self.ensure_one()
        if self.state != "draft":
            return SQL("c.consolidation_id = %s", self.id)
        return SQL(
            """c.company_id = ANY(%(units)s)
               AND c.date BETWEEN %(date_from)s AND %(date_to)s
               AND c.state IN ('approved', 'posted')
               AND (c.consolidation_id IS NULL OR c.consolidation_id = %(id)s)""",
            units=self._get_unit_ids(),
            date_from=self.date_from,
            date_to=self.date_to,
            id=self.id,
        )

    def _query_snapshot(self):
        """{(unit_id, category_id): (count, lines, value)} of the candidates."""
        return self._query_aggregates()[0]

    def _query_aggregates(self):
        """One scan of the candidates, grouped by unit and category and, in
        the same pass (``GROUPING SETS``), by unit: the snapshot and the
        (contributions, lines) counts, a gift with lines in two categories
        counted once. The totals add up the units' (a gift has one unit):
        a distinct count over every line of the period, as a grand total
        would need, sorts all their gifts once more (a fifth of the query
        at a million lines); per unit, the sort already made serves it."""
        self.ensure_one()
        self.env["hc.contribution"].flush_model()
        self.env["hc.contribution.line"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT c.company_id, l.category_id, COUNT(DISTINCT c.id),
                       COUNT(l.id), COALESCE(SUM(l.value), 0),
                       GROUPING(c.company_id, l.category_id)
                  FROM hc_contribution c
                  JOIN hc_contribution_line l ON l.contribution_id = c.id
                 WHERE %s
              GROUP BY GROUPING SETS ((c.company_id, l.category_id), (c.company_id))
                """,
                self._get_candidate_where(),
            )
        )
        snapshot, total_count, total_lines = {}, 0, 0
        for unit, category, count, lines, value, per_unit in self.env.cr.fetchall():
            if per_unit:
                total_count += count
                total_lines += lines
            else:
                snapshot[unit, category] = (count, lines, value)
        return snapshot, (total_count, total_lines)

    def _prepare_line_vals(self, snapshot):
        return [
            {
                "consolidation_id": self.id,
                "unit_id": unit_id,
                "category_id": category_id,
                "count": count,
                "line_count": line_count,
                "value": value,
            }
            for (unit_id, category_id), (count, line_count, value) in sorted(
                snapshot.items()
            )
        ]

    def _prepare_totals_vals(self, totals):
        self.ensure_one()
        count, line_count = totals
        by_kind = {"cash": 0.0, "in_kind": 0.0, "construction": 0.0}
        for line in self.line_ids:
            by_kind[line.kind] += line.value
        return {
            "contribution_count": count,
            "contribution_line_count": line_count,
            "amount_cash": by_kind["cash"],
            "amount_in_kind": by_kind["in_kind"],
            "amount_construction": by_kind["construction"],
            "amount_total": sum(by_kind.values()),
        }

    @hc_transition
    def action_compute(self):
        self._check_finance()
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._(
                        "%(name)s is not in draft: its snapshot cannot change. "
                        "Reset it to draft first.",
                        name=rec.name,
                    )
                )
            snapshot, totals = rec._query_aggregates()
            rec.line_ids = [Command.clear()] + [
                Command.create(vals) for vals in rec._prepare_line_vals(snapshot)
            ]
            rec.write(
                dict(
                    rec._prepare_totals_vals(totals),
                    computed_date=fields.Datetime.now(),
                )
            )
        return True

    def _attach_contributions(self):
        """Attach the snapshot's contributions under row locks; refuse if
        the data changed since the snapshot was taken."""
        self.ensure_one()
        # a savepoint: when the snapshot does not match, nothing stays attached
        # even if the caller catches the error
        with self.env.cr.savepoint():
            snapshot = self._query_snapshot()
            self.env.cr.execute(
                SQL(
                    "SELECT c.id FROM hc_contribution c WHERE %s FOR UPDATE",
                    self._get_candidate_where(),
                )
            )
            gift_ids = [row[0] for row in self.env.cr.fetchall()]
            # under the row locks, through the ORM (write_date, tracking,
            # rules and the gifts' write policy), in one write
            self.env["hc.contribution"].browse(gift_ids)._hc_set_consolidation(self)
            expected = {
                (line.unit_id.id, line.category_id.id): (
                    line.count,
                    line.line_count,
                    line.value,
                )
                for line in self.line_ids
            }
            if snapshot != expected or not expected:
                raise UserError(
                    self.env._(
                        "The contributions of %(name)s changed since it was "
                        "computed (or there are none): compute it again before "
                        "submitting.",
                        name=self.name,
                    )
                )

    def _release_contributions(self):
        if not self.ids:
            return
        gifts = self.env["hc.contribution"].search(
            [("consolidation_id", "in", self.ids)]
        )
        gifts._hc_set_consolidation(self.browse())

    # -------------------------------------------------------------- actions
    @hc_transition
    def action_submit(self):
        self._check_finance()
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._(
                        "Only draft consolidations can be submitted (%s).", rec.name
                    )
                )
            # wait for no approval in flight: see hc.contribution._hc_lock_units
            self.env["hc.contribution"]._hc_lock_units_of(
                rec.unit_company_ids, nowait=True
            )
            rec._attach_contributions()
        self._hc_set_state("submitted")
        self.unit_company_ids._hc_update_lock_date()
        self._hc_request_approval()
        return True

    @hc_transition
    def action_mark_reported(self):
        self._check_finance()
        for rec in self:
            if rec.state != "approved":
                raise UserError(
                    self.env._(
                        "Only approved consolidations can be marked as sent to "
                        "the Ministry (%s).",
                        rec.name,
                    )
                )
        self._hc_set_state(
            "reported", {"reported_date": fields.Date.context_today(self)}
        )
        return True

    def action_reopen(self):
        """Ask for approval to send a submitted, approved or reported
        consolidation back to draft (finance); a reviewer other than the
        requester approves it, then the gifts and the units' lock dates are
        released. The request and its outcome stay on the chatter."""
        self._check_finance()
        requests = self.env["hc.consolidation.reopening"]
        for rec in self:
            if rec.state == "draft":
                raise UserError(
                    self.env._("%(name)s is already in draft.", name=rec.name)
                )
            requests |= requests.create({"consolidation_id": rec.id})
        requests.action_submit()
        return requests

    def _hc_demo_reopen_as(self, user_xmlid, reason):
        """Demo data only (private, not callable over RPC): ask, as the given
        demo user, to reopen the consolidation for ``reason``."""
        user = self.env.ref(user_xmlid)
        requests = (
            self.env["hc.consolidation.reopening"]
            .with_user(user)
            .create([{"consolidation_id": rec.id, "reason": reason} for rec in self])
        )
        requests.action_submit()
        return True

    def action_draft(self):
        """Kept for clients of the first release: a consolidation goes back
        to draft only through an approved reopening."""
        return self.action_reopen()

    @hc_transition
    def _hc_back_to_draft(self):
        """Release the gifts and the lock dates (approved reopening or
        rejection)."""
        units = self.unit_company_ids
        self._hc_reset_reviews()
        self._release_contributions()
        self._hc_set_state("draft", {"reported_date": False})
        units._hc_update_lock_date()
        return True

    @hc_transition
    def _hc_on_rejected(self):
        # sudo: the reviewer rejects through the review, see the mixin
        self.sudo()._hc_back_to_draft()

    def action_check_integrity(self):
        """Prove that no approved gift of the period and units changed after
        its approval (hash chain), or name the first one that did. The result
        is written on the chatter as the trail of the check."""
        self._check_finance()
        self.ensure_one()
        units = self.env["res.company"].browse(self._get_unit_ids())
        checked, broken = self.env["hc.contribution"]._hc_check_inalterability(
            units, self.date_from, self.date_to
        )

        def render(rec):
            if broken:
                return rec.env._(
                    "Integrity check failed: %(ref)s (%(unit)s) changed after it "
                    "was approved. %(count)s approved contributions checked.",
                    ref=broken.name,
                    unit=broken.company_id.name,
                    count=checked,
                )
            return rec.env._(
                "Integrity check passed: the %(count)s approved contributions of "
                "the period are unchanged since their approval.",
                count=checked,
            )

        # the trail in the office's language, the answer in the user's
        self._hc_post_note(render)
        message = render(self)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "danger" if broken else "success",
                "sticky": bool(broken),
            },
        }

    @api.readonly
    def action_view_contributions(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "health_charity.hc_contribution_action"
        )
        action["domain"] = [("consolidation_id", "=", self.id)]
        action["context"] = {}
        return action

    # ------------------------------------------------------------ workbook
    def action_generate_workbook(self):
        """Download the Ministry workbook at once when it is small; queue a
        background job producing an attachment when it is big."""
        self.ensure_one()
        self.check_access("read")
        self._get_unit_ids()
        if self.contribution_line_count <= self._get_background_threshold():
            return self.env.ref(
                "health_charity_reports.hc_consolidation_report_ministry_xlsx"
            ).report_action(self)
        self.env["hc.consolidation.job"]._hc_queue(self, "workbook")
        return True

    @api.model
    def _get_background_threshold(self):
        return BACKGROUND_WORKBOOK_LINES

    @api.readonly
    def action_download_workbook(self):
        self.ensure_one()
        self.check_access("read")
        if not self.workbook_attachment_id:
            raise UserError(self.env._("The workbook is not ready yet."))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.workbook_attachment_id.id}?download=true",
            "target": "self",
        }

    # ------------------------------------------------- sending to the Ministry
    def action_send_to_ministry(self):
        """Queue the sending of an approved or reported consolidation to the
        Ministry (finance). Sending the same content again is harmless: it
        goes with the same version, which the Ministry recognises; a
        consolidation corrected after a reopening goes as the next version."""
        self._hc_queue_ministry_send()
        return True

    def _hc_queue_ministry_send(self):
        """Queue (or find the queued) sending jobs; returns them."""
        self._check_finance()
        Job = self.env["hc.consolidation.job"]
        jobs = Job.browse()
        for rec in self:
            if rec.state not in ("approved", "reported"):
                raise UserError(
                    self.env._(
                        "Only approved or reported consolidations can be sent to "
                        "the Ministry (%s).",
                        rec.name,
                    )
                )
            rec._get_unit_ids()
            rec._check_ministry_settings()
            content_hash = rec._get_ministry_content_hash()
            sent = rec.job_ids.filtered(
                lambda j: j.kind == "ministry_send" and j.state != "failed"
            ).sorted("id", reverse=True)
            pending = sent.filtered(lambda j: j.state in ("queued", "running"))
            if pending[:1].content_hash == content_hash:
                jobs |= pending[:1]
                continue
            if sent[:1].content_hash == content_hash:
                version = sent[:1].version
            else:
                version = max(sent.mapped("version") or [0]) + 1
            jobs |= Job._hc_queue(
                rec, "ministry_send", {"version": version, "content_hash": content_hash}
            )
        return jobs

    def _get_ministry_settings(self):
        """The university's Ministry connection (managers-only fields)."""
        self.ensure_one()
        # sudo: finance sends with the university's credentials without
        # reading them; they never leave the server
        company = self.company_id.sudo()
        return {
            "url": (company.hc_ministry_url or "").rstrip("/"),
            "db": company.hc_ministry_db,
            "login": company.hc_ministry_login,
            "api_key": company.hc_ministry_api_key,
            "code": company.hc_ministry_university_code,
            "signing_key": company.hc_ministry_signing_key,
        }

    def _check_ministry_settings(self):
        settings = self._get_ministry_settings()
        missing = [key for key, value in settings.items() if not value]
        if missing:
            raise UserError(
                self.env._(
                    "The connection to the Ministry of %(company)s is not "
                    "configured (Settings › Health Charity › Ministry): %(missing)s.",
                    company=self.company_id.name,
                    missing=", ".join(missing),
                )
            )
        return settings

    def _get_ministry_content_hash(self):
        """Fingerprint of what is sent: the period, the units and the
        snapshot. An unchanged consolidation keeps its version."""
        self.ensure_one()
        content = [
            str(self.date_from),
            str(self.date_to),
            sorted(self.unit_company_ids.ids),
            sorted(
                (line.unit_id.id, line.category_id.id, line.line_count, line.value)
                for line in self.line_ids
            ),
        ]
        return hashlib.sha256(repr(content).encode()).hexdigest()

    def _prepare_ministry_package(self, version, university_code):
        """The package (see ``tools/national_package.py``): the header, the
        snapshot per unit and category, the disclosure totals per category
        and valuation technique, and every contribution line."""
        self.ensure_one()
        self._get_unit_ids()
        lines = [
            {
                "unit": line.unit_id.name,
                "category_code": line.category_id.code,
                "category_name": line.category_id.name,
                "kind": line.kind,
                "count": line.count,
                "line_count": line.line_count,
                "value": float(line.value),
            }
            for line in self.line_ids.sorted(lambda r: (r.unit_id.id, r.category_id.id))
        ]
        return {
            "schema": national_package.SCHEMA,
            "university_code": university_code,
            "university_name": self.company_id.name,
            "consolidation": self.name,
            "date_from": str(self.date_from),
            "date_to": str(self.date_to),
            "version": version,
            "currency": self.currency_id.name,
            "amount_total": float(self.amount_total),
            "contribution_count": self.contribution_count,
            "line_count": self.contribution_line_count,
            "lines": lines,
            "disclosures": self._get_ministry_disclosures(),
            "details": self._get_ministry_details(),
        }

    def _get_ministry_disclosures(self):
        self.env["hc.contribution"].flush_model()
        self.env["hc.contribution.line"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT cat.code, cat.kind, COALESCE(l.valuation_technique, ''),
                       COUNT(*), COALESCE(SUM(l.value), 0),
                       COALESCE(SUM(l.value) FILTER (
                           WHERE l.reference_id IS NOT NULL), 0),
                       COALESCE(SUM(l.value) FILTER (
                           WHERE c.valuation_reviewed), 0),
                       COALESCE(SUM(l.value) FILTER (
                           WHERE COALESCE(l.restriction, 'none') != 'none'), 0),
                       COALESCE(SUM(l.value) FILTER (
                           WHERE l.disposition = 'sold'), 0)
                  FROM hc_contribution_line l
                  JOIN hc_contribution c ON c.id = l.contribution_id
                  JOIN hc_contribution_category cat ON cat.id = l.category_id
                 WHERE %s
              GROUP BY cat.code, cat.kind, l.valuation_technique
              ORDER BY cat.code, l.valuation_technique NULLS FIRST
                """,
                self._get_candidate_where(),
            )
        )
        keys = (
            "category_code",
            "kind",
            "technique",
            "lines",
            "value",
            "value_referenced",
            "value_reviewed",
            "value_restricted",
            "value_sold",
        )
        return [
            {
                key: float(value) if key.startswith("value") else value
                for key, value in zip(keys, row, strict=True)
            }
            for row in self.env.cr.fetchall()
        ]

    def _get_ministry_details(self):
        self.env.cr.execute(
            SQL(
                """
                SELECT c.name, c.date::text, comp.name, cat.code, l.quantity,
                       l.unit_value, l.value, COALESCE(l.valuation_basis, ''),
                       COALESCE(l.valuation_technique, '')
                  FROM hc_contribution_line l
                  JOIN hc_contribution c ON c.id = l.contribution_id
                  JOIN res_company comp ON comp.id = c.company_id
                  JOIN hc_contribution_category cat ON cat.id = l.category_id
                 WHERE %s
              ORDER BY c.date, c.id, l.sequence, l.id
                """,
                self._get_candidate_where(),
            )
        )
        return [
            {
                "reference": ref,
                "date": date,
                "unit": unit,
                "category_code": code,
                "quantity": float(quantity),
                "unit_value": float(unit_value),
                "value": float(value),
                "valuation_basis": basis,
                "technique": technique,
            }
            for (
                ref,
                date,
                unit,
                code,
                quantity,
                unit_value,
                value,
                basis,
                technique,
            ) in self.env.cr.fetchall()
        ]

    def _hc_send_to_ministry(self, job):
        """The work of a sending job: build and sign the package, send it,
        and return the Ministry's answer for the job."""
        self.ensure_one()
        settings = self._check_ministry_settings()
        package = self._prepare_ministry_package(job.version, settings["code"])
        signature = national_package.sign(package, settings["signing_key"])
        answer = self._hc_ministry_call(settings, package, signature)
        if not isinstance(answer, dict) or answer.get("state") not in (
            "received",
            "accepted",
            "refused",
            "superseded",
        ):
            raise UserError(
                self.env._("The Ministry gave an answer that is not understood.")
            )
        return {
            "answer_state": answer["state"],
            "answer_message": answer.get("message") or False,
            "answer_reference": answer.get("reference") or False,
        }

    @api.model
    def _hc_ministry_call(self, settings, package, signature):
        """Call ``hc.national.submission.hc_receive`` on the Ministry's Odoo
        over its external JSON-RPC API, authenticated with the API key.
        Network failures are retried later; an error the Ministry's server
        raises is final."""

        def call(service, method, *args):
            payload = {
                "jsonrpc": "2.0",
                "method": "call",
                "params": {"service": service, "method": method, "args": args},
                "id": 1,
            }
            try:
                response = requests.post(
                    f"{settings['url']}/jsonrpc", json=payload, timeout=MINISTRY_TIMEOUT
                )
                if response.status_code >= 500 or response.status_code == 429:
                    raise HcTransientJobError(
                        self.env._(
                            "The Ministry's server answered %s.", response.status_code
                        )
                    )
                response.raise_for_status()
                result = response.json()
            except (requests.ConnectionError, requests.Timeout) as e:
                raise HcTransientJobError(
                    self.env._("The Ministry's server cannot be reached: %s", e)
                ) from e
            except (requests.RequestException, ValueError) as e:
                raise UserError(
                    self.env._("The Ministry's server refused the call: %s", e)
                ) from e
            if "error" in result:
                data = result["error"].get("data") or {}
                raise UserError(
                    self.env._(
                        "The Ministry's server refused the call: %s",
                        data.get("message") or result["error"].get("message"),
                    )
                )
            return result.get("result")

        uid = call(
            "common", "login", settings["db"], settings["login"], settings["api_key"]
        )
        if not uid:
            raise UserError(
                self.env._(
                    "The Ministry refused the login or API key of %s.",
                    settings["login"],
                )
            )
        return call(
            "object",
            "execute_kw",
            settings["db"],
            uid,
            settings["api_key"],
            "hc.national.submission",
            "hc_receive",
            [package, signature],
            {},
        )
