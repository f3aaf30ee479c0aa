# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .hc_approval_mixin import hc_transition
from .hc_integrity_mixin import ALL, hc_is_internal


class HcServiceDelegation(models.Model):
    """Delegation of a health service to an active NGO, with the
    university's supervision (duty 3)."""

    _name = "hc.service.delegation"
    _description = "Service Delegation"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hc.approval.mixin",
        "hc.status.mixin",
    ]
    _order = "start_date desc, id desc"
    _check_company_auto = True
    # a visit's delegation is found by its reference, its NGO or its service
    _rec_names_search = ["name", "organization_id.name", "service_id.name"]

    _state_from = ["submitted"]
    _state_to = ["approved", "active"]
    _cancel_state = "closed"

    name = fields.Char(
        "Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    organization_id = fields.Many2one(
        "hc.organization",
        "NGO",
        required=True,
        index=True,
        tracking=True,
        domain="[('org_type', '=', 'ngo'), ('state', '=', 'active')]",
    )
    service_id = fields.Many2one(
        "hc.health.service", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company",
        "Unit",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        "Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    start_date = fields.Date(required=True, tracking=True)
    end_date = fields.Date(required=True, tracking=True)
    area_served = fields.Char(tracking=True)
    state_id = fields.Many2one(
        "res.country.state",
        "Province",
        domain="[('country_id.code', '=', 'IR')]",
    )
    is_underserved = fields.Boolean("Underserved Region", tracking=True)
    target_population = fields.Integer(tracking=True)
    contract_reference = fields.Char(tracking=True)
    description = fields.Html()
    visit_ids = fields.One2many("hc.delegation.visit", "delegation_id", "Visits")
    visit_count = fields.Integer(compute="_compute_visit_stats", store=True)
    last_score = fields.Integer(compute="_compute_visit_stats", store=True)
    average_score = fields.Float(
        compute="_compute_visit_stats", store=True, digits=(5, 1), aggregator="avg"
    )
    last_visit_date = fields.Date(compute="_compute_visit_stats", store=True)
    next_visit_date = fields.Date(
        "Next Visit Due", compute="_compute_visit_stats", store=True
    )
    visit_overdue = fields.Boolean(
        readonly=True,
        copy=False,
        help="Set by the daily check when the next supervision visit is late.",
    )
    state = fields.Selection(
        string="Status",
        selection=[
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("active", "Active"),
            ("suspended", "Suspended"),
            ("closed", "Closed"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )

    _sql_constraints = [
        (
            "dates_order",
            "CHECK(end_date > start_date)",
            "A delegation must end after it starts.",
        ),
        (
            "target_population_positive",
            "CHECK(target_population >= 0)",
            "The target population cannot be negative.",
        ),
    ]

    @api.model
    def _hc_get_create_filled_fields(self):
        return {"name"}

    @api.model
    def _hc_get_write_policy(self):
        """What users may change in each status (see hc.integrity.mixin)."""
        work = {"user_id", "visit_ids", "description", "contract_reference"}
        return {
            "draft": ALL,
            "submitted": {"description"},
            "approved": work,
            "active": work,
            "suspended": work,
            "closed": {"description"},
            "rejected": {"description"},
        }

    @api.depends("visit_ids.score", "visit_ids.date", "visit_ids.next_visit_date")
    def _compute_visit_stats(self):
        for rec in self:
            visits = rec.visit_ids.sorted(lambda v: (v.date, v.id))
            last = visits[-1:] if visits else visits
            rec.visit_count = len(visits)
            rec.last_score = last.score
            rec.average_score = (
                sum(visits.mapped("score")) / len(visits) if visits else 0.0
            )
            rec.last_visit_date = last.date
            rec.next_visit_date = last.next_visit_date

    # ----------------------------------------------------------- constraints
    def _check_dates_vals(self, start, end):
        if start and end and end <= start:
            raise ValidationError(self.env._("A delegation must end after it starts."))

    @api.constrains("start_date", "end_date")
    def _check_dates(self):
        for rec in self:
            rec._check_dates_vals(rec.start_date, rec.end_date)

    @api.constrains("organization_id", "service_id", "start_date")
    def _check_organization(self):
        for rec in self:
            org = rec.organization_id
            if org.org_type != "ngo" or org.state != "active":
                raise ValidationError(
                    self.env._(
                        "Services can only be delegated to an active NGO; "
                        "%(org)s is not one.",
                        org=org.name,
                    )
                )
            if rec.state in ("closed", "rejected"):
                continue
            if not org.license_expiry_date or (
                rec.start_date and org.license_expiry_date < rec.start_date
            ):
                raise ValidationError(
                    self.env._(
                        "The licence of %(org)s must be valid on the start date "
                        "of the delegation.",
                        org=org.name,
                    )
                )
            missing = rec.service_id.activity_area_ids - org.activity_area_ids
            if missing:
                raise ValidationError(
                    self.env._(
                        "%(org)s does not work in the areas required by "
                        "%(service)s: %(areas)s.",
                        org=org.name,
                        service=rec.service_id.name,
                        areas=", ".join(missing.mapped("name")),
                    )
                )

    def _check_no_overlap(self):
        """No two active delegations of the same service to the same NGO
        overlap in time."""
        for rec in self:
            overlap = self.sudo().search(  # sudo: overlaps across all units count
                [
                    ("id", "!=", rec.id),
                    ("state", "=", "active"),
                    ("organization_id", "=", rec.organization_id.id),
                    ("service_id", "=", rec.service_id.id),
                    ("start_date", "<", rec.end_date),
                    ("end_date", ">", rec.start_date),
                ],
                limit=1,
            )
            if overlap:
                raise ValidationError(
                    self.env._(
                        "%(org)s already has an active delegation of %(service)s "
                        "over these dates (%(other)s).",
                        org=rec.organization_id.name,
                        service=rec.service_id.name,
                        other=overlap.name,
                    )
                )

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not hc_is_internal():
                vals["name"] = "/"  # only the sequence numbers delegations
            self._check_dates_vals(
                fields.Date.to_date(vals.get("start_date")),
                fields.Date.to_date(vals.get("end_date")),
            )
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("hc.service.delegation") or "/"
                )
        return super().create(vals_list)

    # --------------------------------------------------------------- actions
    @hc_transition
    def action_submit(self):
        self._check_state(("draft",), self.env._("submitted"))
        self._check_organization()
        self._hc_set_state("submitted")
        self._hc_request_approval()
        return True

    @hc_transition
    def action_activate(self):
        self._check_state(("approved", "suspended"), self.env._("activated"))
        self._check_organization()
        self._check_no_overlap()
        self._hc_set_state("active")
        return True

    @hc_transition
    def action_suspend(self):
        self._check_state(("active",), self.env._("suspended"))
        self._hc_set_state("suspended")
        return True

    @hc_transition
    def action_close(self):
        self._check_state(("active", "suspended", "approved"), self.env._("closed"))
        self._hc_set_state("closed")
        return True

    @hc_transition
    def action_reject(self):
        self._check_state(("submitted",), self.env._("rejected"))
        for rec in self:
            if rec.can_review:
                rec.reject_tier()
            elif self.env.user.has_group("health_charity.group_hc_manager"):
                rec._hc_on_rejected()
            else:
                rec._hc_check_can_review()
        return True

    @hc_transition
    def action_draft(self):
        self._check_state(("submitted", "rejected"), self.env._("reset to draft"))
        self._hc_reset_reviews()
        self._hc_set_state("draft")
        return True

    # -------------------------------------------------------------- schedule
    def _schedule_review_activity(self, visit):
        """A low supervision score asks the responsible to review the
        delegation."""
        self.ensure_one()
        self._hc_schedule_activity(
            "health_charity.mail_activity_type_hc_delegation_review",
            self.user_id or self.env.user,
            lambda d: {
                "summary": d.env._("Low supervision score (%s)", visit.score),
                "note": d.env._(
                    "The visit of %(date)s scored %(score)s: review the delegation "
                    "%(ref)s and its corrective actions.",
                    date=d._hc_format_date(visit.date),
                    score=visit.score,
                    ref=d.name,
                ),
            },
        )

    @api.model
    def _cron_flag_overdue_visits(self):
        """Flag active delegations whose next supervision visit is late and
        remind their responsible once."""
        today = fields.Date.context_today(self)
        active = self.search([("state", "=", "active")])
        overdue = active.filtered(
            lambda d: d.next_visit_date and d.next_visit_date < today
        )
        (active - overdue).filtered("visit_overdue").write({"visit_overdue": False})
        for rec in overdue.filtered(lambda d: not d.visit_overdue):
            rec.visit_overdue = True
            # in the responsible's language, not the cron user's
            rec._hc_schedule_activity(
                "health_charity.mail_activity_type_hc_delegation_review",
                rec.user_id or self.env.user,
                lambda d: {
                    "summary": d.env._("Supervision visit overdue"),
                    "note": d.env._(
                        "The supervision visit of %(ref)s was due on %(date)s.",
                        ref=d.name,
                        date=d._hc_format_date(d.next_visit_date),
                    ),
                },
            )
        return True
