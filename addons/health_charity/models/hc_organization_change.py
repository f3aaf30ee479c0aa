# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

from .hc_integrity_mixin import hc_internal, hc_transition


class HcOrganizationChange(models.Model):
    """What an NGO asks from the portal: a registration (public form) or a
    change of its profile. Nothing reaches the registry before staff accept
    it."""

    _name = "hc.organization.change"
    _description = "Organisation Change Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "hc.integrity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    organization_id = fields.Many2one(
        "hc.organization", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="organization_id.company_id", store=True, index=True
    )
    request_type = fields.Selection(
        [("registration", "Registration"), ("profile", "Profile Change")],
        required=True,
        default="profile",
    )
    requested_by_id = fields.Many2one("res.partner", readonly=True)
    state = fields.Selection(
        string="Status",
        selection=[
            ("pending", "Pending"),
            ("accepted", "Accepted"),
            ("refused", "Refused"),
        ],
        default="pending",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    # proposed values (empty = unchanged)
    street = fields.Char()
    city = fields.Char()
    phone = fields.Char()
    email = fields.Char()
    member_count = fields.Integer("Members")
    volunteer_count = fields.Integer("Volunteers")
    activity_area_ids = fields.Many2many("hc.activity.area", string="Activity Areas")
    license_number = fields.Char("Licence Number")
    license_expiry_date = fields.Date("Licence Expiry")
    attachment_ids = fields.Many2many("ir.attachment", string="Documents")
    contact_name = fields.Char(help="Registration: the person to invite.")
    contact_email = fields.Char()
    message = fields.Text()
    refusal_reason = fields.Text()

    @api.model
    def _hc_get_write_policy(self):
        """What users may change in each status (see hc.integrity.mixin)."""
        return {
            "pending": {"refusal_reason", "message"},
            "accepted": set(),
            "refused": set(),
        }

    @api.depends("organization_id", "request_type")
    def _compute_display_name(self):
        labels = dict(self._fields["request_type"]._description_selection(self.env))
        for req in self:
            req.display_name = "%s - %s" % (
                req.organization_id.name or "",
                labels.get(req.request_type, ""),
            )

    # -------------------------------------------------------------- values
    @api.model
    def _hc_get_profile_fields(self):
        """Override point: the organisation fields a request may change."""
        return [
            "street",
            "city",
            "phone",
            "email",
            "member_count",
            "volunteer_count",
            "license_number",
            "license_expiry_date",
        ]

    def _prepare_organization_vals(self):
        self.ensure_one()
        vals = {
            name: self[name] for name in self._hc_get_profile_fields() if self[name]
        }
        if self.activity_area_ids:
            vals["activity_area_ids"] = [Command.set(self.activity_area_ids.ids)]
        return vals

    # ------------------------------------------------------------- actions
    def _check_can_decide(self):
        for req in self:
            if req.state != "pending":
                raise UserError(
                    self.env._("%(req)s was already decided.", req=req.display_name)
                )
            if not self.env.user.has_group("health_charity.group_hc_user"):
                raise AccessError(self.env._("Only the office decides on requests."))
            # the reviewer must be allowed to change the organisation
            req.organization_id.check_access("write")

    @hc_transition
    def action_accept(self):
        self._check_can_decide()
        for req in self:
            org = req.organization_id
            if req.request_type == "profile":
                org.write(req._prepare_organization_vals())
            for attachment in req.attachment_ids:
                # sudo: the documents move from the request to the registry
                attachment.sudo().write({"res_model": org._name, "res_id": org.id})
            if req.request_type == "registration":
                req._hc_grant_portal_access()
            org._hc_post_note(
                lambda o, req=req: o.env._(
                    "Request accepted by %(user)s: %(req)s",
                    user=self.env.user.name,
                    req=req.with_env(o.env).display_name,
                )
            )
        self._hc_set_state("accepted")
        return True

    @hc_transition
    def action_refuse(self):
        self._check_can_decide()
        self._hc_set_state("refused")
        return True

    def _hc_grant_portal_access(self):
        """A registration accepted: the contact person gets a portal
        account (Odoo's invitation email)."""
        self.ensure_one()
        org = self.organization_id
        contact = org.child_ids.filtered(
            lambda p: p.email and p.email == self.contact_email
        )[:1]
        if not contact:
            return
        with hc_internal():
            # sudo: granting a portal account needs the user-creation right,
            # which office staff do not have; the office accepted it above
            wizard = (
                self.env["portal.wizard"]
                .sudo()
                .create({"partner_ids": [Command.set(contact.ids)]})
            )
            wizard.user_ids.action_grant_access()
