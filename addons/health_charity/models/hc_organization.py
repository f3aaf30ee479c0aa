# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .hc_integrity_mixin import ALL


class HcOrganization(models.Model):
    """NGO, charity institution or hospital charity; one university-wide
    registry (``_inherits`` ``res.partner`` for addresses and contacts)."""

    _name = "hc.organization"
    _description = "NGO / Charity Organisation"
    _inherits = {"res.partner": "partner_id"}
    _inherit = ["mail.thread", "mail.activity.mixin", "hc.integrity.mixin"]
    _order = "name"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", required=True, ondelete="cascade", index=True
    )
    org_type = fields.Selection(
        [
            ("ngo", "NGO"),
            ("charity", "Charity Institution"),
            ("hospital_charity", "Hospital Charity"),
        ],
        "Organisation Type",
        required=True,
        default="ngo",
        tracking=True,
        index=True,
    )
    registration_number = fields.Char(tracking=True, index=True, copy=False)
    registration_date = fields.Date()
    license_number = fields.Char("Licence Number", tracking=True, copy=False)
    license_authority = fields.Char("Licensing Authority")
    license_expiry_date = fields.Date("Licence Expiry", tracking=True)
    license_reminder_date = fields.Date(
        "Licence Reminder For",
        copy=False,
        readonly=True,
        help="Expiry date for which the renewal reminder was scheduled.",
    )
    activity_area_ids = fields.Many2many("hc.activity.area", string="Activity Areas")
    is_underserved = fields.Boolean("Serves Underserved Regions", tracking=True)
    ngo_house_id = fields.Many2one(
        "hc.ngo.house", "NGO House", tracking=True, check_company=True
    )
    network_id = fields.Many2one("hc.ngo.network", "National Network", tracking=True)
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
    member_count = fields.Integer("Members")
    volunteer_count = fields.Integer("Volunteers")
    description = fields.Html()
    state = fields.Selection(
        string="Status",
        selection=[
            ("draft", "Draft"),
            ("active", "Active"),
            ("suspended", "Suspended"),
            ("dissolved", "Dissolved"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    license_state = fields.Selection(
        [("none", "No Licence"), ("valid", "Valid"), ("expired", "Expired")],
        "Licence Status",
        compute="_compute_license_state",
    )

    @api.model
    def _hc_get_write_policy(self):
        """What users may change in each status (see hc.integrity.mixin)."""
        return {
            "draft": ALL,
            "active": ALL,
            "suspended": ALL,
            "dissolved": {"description"},
        }

    _sql_constraints = [
        (
            "registration_number_type_uniq",
            "unique(org_type, registration_number)",
            "This registration number is already registered for an "
            "organisation of the same type.",
        ),
    ]

    @api.depends("license_expiry_date")
    def _compute_license_state(self):
        today = fields.Date.context_today(self)
        for org in self:
            if not org.license_expiry_date:
                org.license_state = "none"
            elif org.license_expiry_date < today:
                org.license_state = "expired"
            else:
                org.license_state = "valid"

    @api.constrains("registration_number", "org_type")
    def _check_registration_number(self):
        for org in self.filtered("registration_number"):
            org._check_registration_number_vals(
                org.registration_number, org.org_type, exclude=org
            )

    @api.model
    def _check_registration_number_vals(self, number, org_type, exclude=None):
        """Refuse a registration number already used for the same type of
        organisation, before anything is written."""
        if not number:
            return
        domain = [("org_type", "=", org_type), ("registration_number", "=", number)]
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        duplicate = (
            self.sudo()  # the registry is university-wide: check all units
            .with_context(active_test=False)
            .search(domain, limit=1)
        )
        if duplicate:
            raise ValidationError(
                self.env._(
                    "Registration number %(number)s is already used by %(other)s.",
                    number=number,
                    other=duplicate.name,
                )
            )

    @api.constrains("registration_date", "license_expiry_date")
    def _check_dates(self):
        for org in self:
            if (
                org.registration_date
                and org.license_expiry_date
                and org.license_expiry_date < org.registration_date
            ):
                raise ValidationError(
                    self.env._(
                        "The licence of %(org)s cannot expire before its "
                        "registration date.",
                        org=org.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("is_company", True)
            self._check_registration_number_vals(
                vals.get("registration_number"),
                vals.get("org_type") or self.default_get(["org_type"]).get("org_type"),
            )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("registration_number") or vals.get("org_type"):
            for org in self:
                org._check_registration_number_vals(
                    vals.get("registration_number", org.registration_number),
                    vals.get("org_type", org.org_type),
                    exclude=org,
                )
        return super().write(vals)

    def _check_state_transition(self, allowed_from, target):
        for org in self:
            if org.state not in allowed_from:
                raise UserError(
                    self.env._(
                        "%(org)s cannot become %(target)s from its current status.",
                        org=org.name,
                        target=dict(self._fields["state"].selection)[target],
                    )
                )

    def action_activate(self):
        self._check_state_transition(("draft", "suspended"), "active")
        self._hc_set_state("active")

    def action_suspend(self):
        self._check_state_transition(("active",), "suspended")
        self._hc_set_state("suspended")

    def action_dissolve(self):
        self._check_state_transition(("draft", "active", "suspended"), "dissolved")
        self._hc_set_state("dissolved", {"active": False})

    def action_draft(self):
        self._check_state_transition(("suspended", "dissolved"), "draft")
        self._hc_set_state("draft", {"active": True})

    @api.model
    def _get_license_reminder_days(self):
        return 30

    @api.model
    def _cron_license_expiry_reminder(self):
        """Schedule one renewal activity per licence expiring within the
        reminder window (30 days by default)."""
        today = fields.Date.context_today(self)
        limit = today + timedelta(days=self._get_license_reminder_days())
        orgs = self.search(
            [
                ("state", "in", ("draft", "active")),
                ("license_expiry_date", ">=", today),
                ("license_expiry_date", "<=", limit),
            ]
        )
        activity_type = self.env.ref("health_charity.mail_activity_type_hc_licence")
        for org in orgs.filtered(
            lambda o: o.license_reminder_date != o.license_expiry_date
        ):
            # in the assignee's language, not the cron user's
            org._hc_schedule_activity(
                "health_charity.mail_activity_type_hc_licence",
                org.user_id
                or activity_type.default_user_id
                or self.env.ref("base.user_admin"),
                lambda o: {
                    "summary": o.env._("Licence of %s expires", o.name),
                    "note": o.env._(
                        "The licence of %(org)s expires on %(date)s: ask the "
                        "organisation for its renewal.",
                        org=o.name,
                        date=o._hc_format_date(o.license_expiry_date),
                    ),
                },
                date_deadline=org.license_expiry_date,
            )
            org.license_reminder_date = org.license_expiry_date
        return True
