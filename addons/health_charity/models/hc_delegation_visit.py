# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .hc_integrity_mixin import ALL, hc_internal


class HcDelegationVisit(models.Model):
    """Supervision visit of a delegated service."""

    _name = "hc.delegation.visit"
    _description = "Supervision Visit"
    _hc_policy_state_path = "delegation_id.state"
    _hc_parent_field = "delegation_id"
    _inherit = ["mail.thread", "hc.integrity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    delegation_id = fields.Many2one(
        "hc.service.delegation",
        required=True,
        index=True,
        ondelete="cascade",
        # not check_company: a new visit has no unit yet (it comes from the
        # delegation), which would filter the choice down to nothing
        domain="[('company_id', 'in', allowed_company_ids), "
        "('state', 'in', ('approved', 'active', 'suspended'))]",
    )
    company_id = fields.Many2one(
        related="delegation_id.company_id", store=True, index=True
    )
    organization_id = fields.Many2one(related="delegation_id.organization_id")
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    inspector_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    score = fields.Integer(required=True, tracking=True)
    findings = fields.Text()
    corrective_action = fields.Text()
    next_visit_date = fields.Date(tracking=True)
    is_low_score = fields.Boolean(compute="_compute_is_low_score", store=True)
    # the NGO's answer to the findings, given on the portal
    ngo_response = fields.Text("NGO Response", readonly=True, copy=False)
    ngo_response_date = fields.Datetime("Answered On", readonly=True, copy=False)

    _sql_constraints = [
        (
            "score_range",
            "CHECK(score >= 0 AND score <= 100)",
            "The supervision score must be between 0 and 100.",
        ),
    ]

    @api.model
    def _hc_get_write_policy(self):
        """What users may change in each status (see hc.integrity.mixin)."""
        # visits, findings and corrective actions are the daily work on an
        # approved or active delegation
        return dict.fromkeys(self._hc_get_visit_states(), ALL)

    @api.model
    def _hc_get_visit_states(self):
        """Statuses of a delegation in which visits are recorded: once it is
        approved and until it is closed."""
        return ("approved", "active", "suspended")

    def _check_delegation_open(self):
        states = self._hc_get_visit_states()
        for visit in self:
            if visit.delegation_id.state not in states:
                raise UserError(
                    self.env._(
                        "Supervision visits are recorded on approved, active "
                        "or suspended delegations; %(ref)s is not one.",
                        ref=visit.delegation_id.display_name,
                    )
                )

    @api.depends("score", "company_id.hc_visit_score_threshold")
    def _compute_is_low_score(self):
        for visit in self:
            visit.is_low_score = visit.score < visit._get_score_threshold()

    def _get_score_threshold(self):
        return (self.company_id or self.env.company).hc_visit_score_threshold or 50

    @api.model
    def _check_score_vals(self, vals):
        if "score" in vals and not 0 <= (vals["score"] or 0) <= 100:
            raise ValidationError(
                self.env._("The supervision score must be between 0 and 100.")
            )

    @api.constrains("date", "next_visit_date")
    def _check_next_visit_date(self):
        for visit in self:
            if visit.next_visit_date and visit.next_visit_date <= visit.date:
                raise ValidationError(
                    self.env._("The next visit must come after this visit.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_score_vals(vals)
        visits = super().create(vals_list)
        visits._check_delegation_open()
        for visit in visits.filtered("is_low_score"):
            visit.delegation_id._schedule_review_activity(visit)
        return visits

    def write(self, vals):
        self._check_score_vals(vals)
        was_low = {visit.id: visit.is_low_score for visit in self}
        res = super().write(vals)
        for visit in self.filtered(lambda v: v.is_low_score and not was_low[v.id]):
            visit.delegation_id._schedule_review_activity(visit)
        return res

    # ---------------------------------------------------------------- portal
    def _hc_portal_can_answer(self):
        self.ensure_one()
        return self.delegation_id.state in ("approved", "active", "suspended")

    def _hc_portal_answer(self, text, files=()):
        """The NGO answers the findings with its corrective action and
        evidence (``files``: ``(name, bytes)``); the inspector is asked to
        check it. Called by the portal controller once it has checked that
        the visit belongs to the visitor's organisation."""
        self.ensure_one()
        if not self._hc_portal_can_answer():
            raise ValidationError(
                self.env._("This delegation is closed: its visits are final.")
            )
        text = (text or "").strip()
        if not text:
            raise ValidationError(self.env._("Describe the corrective action taken."))
        with hc_internal():
            self.write(
                {"ngo_response": text, "ngo_response_date": fields.Datetime.now()}
            )
        attachments = self.env["ir.attachment"].create(
            [
                {
                    "name": name,
                    "raw": content,
                    "res_model": self._name,
                    "res_id": self.id,
                }
                for name, content in files
            ]
        )
        self._hc_post_note(
            lambda v: v.env._("Corrective action from the NGO: %s", text),
            attachment_ids=attachments.ids,
        )
        # on the delegation (visits carry no activities), in the inspector's
        # language (the NGO's portal user writes it)
        self.delegation_id._hc_schedule_activity(
            "mail.mail_activity_data_todo",
            self.inspector_id
            or self.delegation_id.user_id
            or self.env.ref("base.user_admin"),
            lambda d: {
                "summary": d.env._(
                    "Check the NGO's corrective action (visit of %s)",
                    d._hc_format_date(self.date),
                ),
                "note": text,
            },
        )
        return attachments
