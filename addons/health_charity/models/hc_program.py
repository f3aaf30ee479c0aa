# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .hc_integrity_mixin import ALL


class HcProgram(models.Model):
    """Trainings, awareness and media campaigns, capacity building,
    volunteer service camps, joint programs and NGO-house meetings (duties
    6, 8, 10, 15 and seed 001)."""

    _name = "hc.program"
    _description = "Program"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "hc.status.mixin",
        "hc.integrity.mixin",
    ]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    program_type = fields.Selection(
        [
            ("training", "Training"),
            ("awareness", "Awareness"),
            ("capacity_building", "Capacity Building"),
            ("volunteer_camp", "Volunteer Service Camp"),
            ("media", "Media"),
            ("joint_program", "Joint Program"),
            ("meeting", "Meeting"),
        ],
        required=True,
        default="training",
        tracking=True,
        index=True,
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
        "Organiser",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    date_start = fields.Datetime("Start", required=True, tracking=True)
    date_end = fields.Datetime("End", required=True, tracking=True)
    place = fields.Char(tracking=True)
    state_id = fields.Many2one(
        "res.country.state", "Province", domain="[('country_id.code', '=', 'IR')]"
    )
    ngo_house_id = fields.Many2one("hc.ngo.house", "NGO House")
    is_underserved = fields.Boolean("Underserved Region", tracking=True)
    organization_ids = fields.Many2many("hc.organization", string="Organisations")
    partner_ids = fields.Many2many("res.partner", string="Participants")
    participant_count = fields.Integer(compute="_compute_participant_count")
    beneficiary_count = fields.Integer("Beneficiaries", tracking=True)
    services_delivered = fields.Text()
    minutes = fields.Html()
    description = fields.Html()
    state = fields.Selection(
        string="Status",
        selection=[
            ("draft", "Planned"),
            ("confirmed", "Confirmed"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )

    @api.model
    def _hc_get_write_policy(self):
        """What users may change in each status (see hc.integrity.mixin)."""
        report = {
            "beneficiary_count",
            "services_delivered",
            "minutes",
            "description",
            "partner_ids",
            "organization_ids",
        }
        return {
            "draft": ALL,
            "confirmed": ALL,
            "done": report,
            "cancelled": {"description"},
        }

    _sql_constraints = [
        (
            "dates_order",
            "CHECK(date_end >= date_start)",
            "A program cannot end before it starts.",
        ),
        (
            "beneficiary_count_positive",
            "CHECK(beneficiary_count >= 0)",
            "The number of beneficiaries cannot be negative.",
        ),
    ]

    @api.depends("partner_ids")
    def _compute_participant_count(self):
        for program in self:
            program.participant_count = len(program.partner_ids)

    @api.model
    def _check_dates_vals(self, start, end):
        if start and end and end < start:
            raise ValidationError(self.env._("A program cannot end before it starts."))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for program in self:
            program._check_dates_vals(program.date_start, program.date_end)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_dates_vals(
                fields.Datetime.to_datetime(vals.get("date_start")),
                fields.Datetime.to_datetime(vals.get("date_end")),
            )
        return super().create(vals_list)

    def write(self, vals):
        if "date_start" in vals or "date_end" in vals:
            for program in self:
                program._check_dates_vals(
                    fields.Datetime.to_datetime(vals.get("date_start"))
                    or program.date_start,
                    fields.Datetime.to_datetime(vals.get("date_end"))
                    or program.date_end,
                )
        return super().write(vals)

    def action_confirm(self):
        self._check_state(("draft",))
        self._hc_set_state("confirmed")

    def action_done(self):
        self._check_state(("draft", "confirmed"))
        self._hc_set_state("done")

    def action_cancel(self):
        self._check_state(("draft", "confirmed"))
        self._hc_set_state("cancelled")

    def action_draft(self):
        self._check_state(("cancelled",))
        self._hc_set_state("draft")
