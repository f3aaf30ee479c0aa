# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .hc_approval_mixin import hc_transition
from .hc_integrity_mixin import ALL


class HcProject(models.Model):
    """Charity construction and development project (duty 13): road
    emergency bases, comprehensive health centres, hospital buildings and
    equipment programmes. Approval through tier validation creates an
    analytic account so that costs and gifts meet in accounting."""

    _name = "hc.project"
    _description = "Charity Project"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hc.approval.mixin",
        "hc.status.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    _state_from = ["proposed"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"

    name = fields.Char(required=True, tracking=True)
    project_type = fields.Selection(
        [
            ("road_emergency_base", "Road Emergency Base"),
            ("health_center", "Comprehensive Health Centre"),
            ("hospital_building", "Hospital Building"),
            ("equipment", "Equipment Programme"),
            ("other", "Other"),
        ],
        required=True,
        default="health_center",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        "Unit",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    estimated_cost = fields.Monetary(tracking=True)
    contribution_ids = fields.One2many("hc.contribution", "project_id")
    pledged_amount = fields.Monetary(
        compute="_compute_amounts",
        store=True,
        help="Value of the linked contributions not rejected or cancelled.",
    )
    received_amount = fields.Monetary(
        compute="_compute_amounts",
        store=True,
        help="Value of the linked approved and posted contributions.",
    )
    progress_mode = fields.Selection(
        [("milestones", "From Milestones"), ("manual", "Entered")],
        "Progress Measured",
        default="milestones",
        required=True,
        tracking=True,
        help="From milestones: the weighted share of the milestones done "
        "(a project without milestones keeps the entered value). Entered: "
        "typed by the responsible.",
    )
    progress = fields.Float(
        compute="_compute_progress",
        store=True,
        readonly=False,
        tracking=True,
        help="Physical progress, in percent.",
    )
    state_id = fields.Many2one(
        "res.country.state", "Province", domain="[('country_id.code', '=', 'IR')]"
    )
    city = fields.Char()
    location = fields.Char(help="Road, village or address of the site.")
    user_id = fields.Many2one(
        "res.users",
        "Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    partner_ids = fields.Many2many(
        "res.partner", string="Benefactors and Endowers", tracking=True
    )
    date_start = fields.Date("Start Date", tracking=True)
    date_end = fields.Date("Planned End", tracking=True)
    handover_date = fields.Date(readonly=True, tracking=True, copy=False)
    milestone_ids = fields.One2many("hc.project.milestone", "project_id", "Milestones")
    milestone_summary = fields.Char(
        "Milestones Done", compute="_compute_milestone_summary"
    )
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        readonly=True,
        copy=False,
        check_company=True,
        tracking=True,
    )
    funding_percent = fields.Float(compute="_compute_funding_percent")
    description = fields.Html()
    is_underserved = fields.Boolean("Underserved Region", tracking=True)
    state = fields.Selection(
        string="Status",
        selection=[
            ("proposed", "Proposed"),
            ("approved", "Approved"),
            ("in_progress", "In Progress"),
            ("completed", "Completed"),
            ("handed_over", "Handed Over"),
            ("rejected", "Rejected"),
            ("cancelled", "Cancelled"),
        ],
        default="proposed",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )

    _sql_constraints = [
        (
            "progress_range",
            "CHECK(progress >= 0 AND progress <= 100)",
            "The progress must be between 0 and 100 percent.",
        ),
        (
            "estimated_cost_not_negative",
            "CHECK(estimated_cost >= 0)",
            "The estimated cost cannot be negative.",
        ),
    ]

    @api.model
    def _hc_get_write_policy(self):
        """What users may change in each status (see hc.integrity.mixin)."""
        work = {
            "milestone_ids",
            "progress",
            "progress_mode",
            "user_id",
            "partner_ids",
            "description",
            "date_end",
            "location",
            "city",
        }
        return {
            "proposed": ALL,
            "submitted": {"description"},
            "approved": work,
            "in_progress": work,
            "completed": {"description"},
            "handed_over": {"description"},
            "cancelled": {"description"},
            "rejected": {"description"},
        }

    @api.depends("progress_mode", "milestone_ids.is_done", "milestone_ids.weight")
    def _compute_progress(self):
        for project in self:
            milestones = project.milestone_ids
            total = sum(milestones.mapped("weight"))
            if (
                project.progress_mode != "milestones"
                or total <= 0
                or project.state in ("completed", "handed_over")
            ):
                project.progress = project.progress or 0.0  # entered: kept
                continue
            done = sum(milestones.filtered("is_done").mapped("weight"))
            project.progress = round(100.0 * done / total, 2)

    @api.depends("milestone_ids.is_done")
    def _compute_milestone_summary(self):
        for project in self:
            milestones = project.milestone_ids
            project.milestone_summary = self.env._(
                "%(done)s of %(total)s",
                done=len(milestones.filtered("is_done")),
                total=len(milestones),
            )

    @api.depends("received_amount", "estimated_cost")
    def _compute_funding_percent(self):
        for project in self:
            project.funding_percent = (
                100.0 * project.received_amount / project.estimated_cost
                if project.estimated_cost
                else 0.0
            )

    @api.depends("contribution_ids.state", "contribution_ids.amount_total")
    def _compute_amounts(self):
        groups = self.env["hc.contribution"]._read_group(
            [
                ("project_id", "in", self.filtered("id").ids),
                ("state", "not in", ("rejected", "cancelled")),
            ],
            ["project_id", "state"],
            ["amount_total:sum"],
        )
        pledged, received = {}, {}
        for project, state, total in groups:
            pledged[project.id] = pledged.get(project.id, 0.0) + total
            if state in ("approved", "posted"):
                received[project.id] = received.get(project.id, 0.0) + total
        for project in self:
            project.pledged_amount = pledged.get(project.id, 0.0)
            project.received_amount = received.get(project.id, 0.0)

    # --------------------------------------------------------------- actions
    @hc_transition
    def action_submit(self):
        """Ask for approval (the project stays "proposed" meanwhile)."""
        self._check_state(("proposed",), self.env._("submitted"))
        if any(rec.review_ids for rec in self):
            raise UserError(self.env._("An approval is already requested."))
        self._hc_request_approval()
        return True

    def _hc_on_approved(self):
        res = super()._hc_on_approved()
        for project in self.filtered(lambda p: not p.analytic_account_id):
            # sudo: reviewers need not manage analytic accounting; the account
            # is built from the approved project only (name, unit, plan).
            project.analytic_account_id = (
                self.env["account.analytic.account"]
                .sudo()
                .create(project._prepare_analytic_account_vals())
            )
        return res

    @api.model
    def _get_analytic_plan(self):
        plan = self.env.ref(
            "health_charity.account_analytic_plan_hc_projects", raise_if_not_found=False
        )
        # sudo: recreate the shipped plan if an administrator deleted it
        return plan or self.env["account.analytic.plan"].sudo().create(
            {"name": self.env._("Health Charity Projects")}
        )

    def _prepare_analytic_account_vals(self):
        self.ensure_one()
        return {
            "name": self.name,
            "code": f"HCP{self.id:05d}",
            "plan_id": self._get_analytic_plan().id,
            "company_id": self.company_id.id,
        }

    @hc_transition
    def action_start(self):
        self._check_state(("approved",), self.env._("started"))
        self._hc_set_state(
            "in_progress",
            {
                "date_start": fields.Date.context_today(self),
            },
        )
        return True

    @hc_transition
    def action_complete(self):
        self._check_state(("in_progress",), self.env._("completed"))
        self._hc_set_state("completed", {"progress": 100.0})
        return True

    @hc_transition
    def action_hand_over(self):
        self._check_state(("completed",), self.env._("handed over"))
        self._hc_set_state(
            "handed_over", {"handover_date": fields.Date.context_today(self)}
        )
        return True

    @hc_transition
    def action_cancel(self):
        self._check_state(
            ("proposed", "approved", "in_progress"), self.env._("cancelled")
        )
        self._hc_reset_reviews()
        self._hc_set_state("cancelled")
        return True

    @hc_transition
    def action_reset(self):
        self._check_state(("rejected", "cancelled"), self.env._("reset"))
        self._hc_reset_reviews()
        self._hc_set_state("proposed")
        return True
