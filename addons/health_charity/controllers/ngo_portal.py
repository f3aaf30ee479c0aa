# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The NGO's portal (/my/organization) and the public registration form.

The contact person of an organisation is a portal user whose commercial
partner is the organisation's partner. Pages read with ``sudo()`` after
finding the visitor's own organisation, and every record named by id in a
URL is looked up within that organisation: another organisation's id gets
the same 404 as an id that does not exist. Nothing the NGO types changes
the registry: profile changes are requests that staff accept or refuse."""

from werkzeug.exceptions import NotFound

from odoo import Command, fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import content_disposition, request

from ..tools.jalali import to_jalali_str
from ..tools.rate_limit import RateLimiter

MAX_FILES = 5
MAX_FILE_SIZE = 10 * 1024 * 1024
TEXT_LIMIT = 2000


def _text(value, limit=256):
    return (value or "").strip()[:limit]


def _int(value):
    try:
        number = int(value or 0)
    except ValueError:
        return 0
    return max(0, min(number, 10**7))


def _date(value):
    try:
        return fields.Date.to_date(value) if value else None
    except ValueError:
        return None


class HcNgoPortal(http.Controller):
    _hc_register_limiter = RateLimiter(limit=5, window=3600)

    # ------------------------------------------------------------ helpers
    @staticmethod
    def _hc_my_organization():
        user = request.env.user
        if user._is_public() or not user._is_portal():
            return request.env["hc.organization"]
        # sudo: the organisation whose partner is the visitor's own company
        return (
            request.env["hc.organization"]
            .sudo()
            .search(
                [("partner_id", "=", user.partner_id.commercial_partner_id.id)],
                limit=1,
            )
        )

    def _hc_organization_or_404(self):
        org = self._hc_my_organization()
        if not org:
            raise NotFound()
        return org

    @staticmethod
    def _hc_org_documents(org):
        """The organisation's documents the NGO may see: those attached to
        it, except what staff attached to internal notes of its chatter."""
        # org is sudo (see _hc_my_organization): bound to that organisation
        internal = (
            org.env["mail.message"]
            .search(
                [
                    ("model", "=", org._name),
                    ("res_id", "=", org.id),
                    "|",
                    ("is_internal", "=", True),
                    ("subtype_id.internal", "=", True),
                ]
            )
            .attachment_ids
        )
        return (
            org.env["ir.attachment"].search(
                [("res_model", "=", org._name), ("res_id", "=", org.id)]
            )
            - internal
        )

    @staticmethod
    def _hc_uploaded_files():
        files = []
        for upload in request.httprequest.files.getlist("documents")[:MAX_FILES]:
            content = upload.read(MAX_FILE_SIZE + 1)
            if upload.filename and content and len(content) <= MAX_FILE_SIZE:
                files.append((_text(upload.filename, 128), content))
        return files

    def _hc_redirect(self, message=None, error=None):
        if message:
            request.session["hc_portal_message"] = message
        if error:
            request.session["hc_portal_error"] = error
        return request.redirect("/my/organization")

    # ---------------------------------------------------------------- page
    @http.route("/my/organization", type="http", auth="user", website=True)
    def hc_my_organization(self, **kwargs):
        org = self._hc_my_organization()
        values = {
            "page_name": "hc_organization",
            "org": org,
            "jalali": to_jalali_str,
            "message": request.session.pop("hc_portal_message", None),
            "error": request.session.pop("hc_portal_error", None),
        }
        if org:
            # org is sudo (see _hc_my_organization): every search below is
            # bound to the visitor's organisation
            delegations = org.env["hc.service.delegation"].search(
                [("organization_id", "=", org.id)]
            )
            values.update(
                {
                    "documents": self._hc_org_documents(org),
                    "delegations": delegations,
                    "programs": org.env["hc.program"].search(
                        [("organization_ids", "in", org.ids)]
                    ),
                    "requests": org.env["hc.organization.change"].search(
                        [("organization_id", "=", org.id)]
                    ),
                    "services": org.env["hc.health.service"].search([]),
                    "areas": org.env["hc.activity.area"].search([]),
                    "today": fields.Date.context_today(org),
                }
            )
        return request.render("health_charity.hc_portal_my_organization", values)

    @http.route(
        "/my/organization/document/<int:attachment_id>", type="http", auth="user"
    )
    def hc_my_document(self, attachment_id, **kwargs):
        org = self._hc_organization_or_404()
        attachment = self._hc_org_documents(org).filtered(
            lambda a: a.id == attachment_id
        )
        if not attachment:
            raise NotFound()
        return request.make_response(
            attachment.raw or b"",
            headers=[
                ("Content-Type", attachment.mimetype or "application/octet-stream"),
                ("Content-Disposition", content_disposition(attachment.name)),
                ("X-Content-Type-Options", "nosniff"),
            ],
        )

    # ------------------------------------------------------------- changes
    @http.route("/my/organization/change", type="http", auth="user", methods=["POST"])
    def hc_propose_change(self, **post):
        org = self._hc_organization_or_404()
        vals = self._hc_prepare_change_vals(org, post)
        files = self._hc_uploaded_files()
        if len(vals) <= 3 and not files:
            return self._hc_redirect(error=request.env._("Nothing to change."))
        # sudo: portal users have no create right; the request only
        # proposes values that staff review before the registry changes
        change = request.env["hc.organization.change"].sudo().create(vals)
        if files:
            attachments = (
                request.env["ir.attachment"]
                .sudo()
                .create(
                    [
                        {
                            "name": name,
                            "raw": content,
                            "res_model": change._name,
                            "res_id": change.id,
                        }
                        for name, content in files
                    ]
                )
            )
            change.attachment_ids = [Command.set(attachments.ids)]
        # in the office user's language, not the NGO's
        change._hc_schedule_activity(
            "mail.mail_activity_data_todo",
            org.user_id or request.env.ref("base.user_admin"),
            lambda c: {
                "summary": c.env._(
                    "Review the profile change of %s", c.organization_id.name
                )
            },
        )
        return self._hc_redirect(
            message=request.env._("Your request was sent to the office.")
        )

    def _hc_prepare_change_vals(self, org, post):
        vals = {
            "organization_id": org.id,
            "request_type": "profile",
            "requested_by_id": request.env.user.partner_id.id,
        }
        for name in ("street", "city", "phone", "email", "license_number"):
            if _text(post.get(name)):
                vals[name] = _text(post.get(name))
        for name in ("member_count", "volunteer_count"):
            if _int(post.get(name)):
                vals[name] = _int(post.get(name))
        if _date(post.get("license_expiry_date")):
            vals["license_expiry_date"] = _date(post.get("license_expiry_date"))
        area_ids = [
            int(a)
            for a in request.httprequest.form.getlist("activity_area_ids")
            if a.isdigit()
        ]
        # sudo: the catalogue of activity areas is public to portal users
        areas = request.env["hc.activity.area"].sudo().browse(area_ids).exists()
        if areas:
            vals["activity_area_ids"] = [Command.set(areas.ids)]
        if _text(post.get("message"), TEXT_LIMIT):
            vals["message"] = _text(post.get("message"), TEXT_LIMIT)
        return vals

    # --------------------------------------------------------------- visits
    @http.route(
        "/my/organization/visit/<int:visit_id>/answer",
        type="http",
        auth="user",
        methods=["POST"],
    )
    def hc_answer_visit(self, visit_id, corrective_action=None, **post):
        org = self._hc_organization_or_404()
        # sudo: only a visit of one of the visitor's delegations
        visit = (
            request.env["hc.delegation.visit"]
            .sudo()
            .search(
                [("id", "=", visit_id), ("delegation_id.organization_id", "=", org.id)],
                limit=1,
            )
        )
        if not visit:
            raise NotFound()
        try:
            visit._hc_portal_answer(
                _text(corrective_action, TEXT_LIMIT), self._hc_uploaded_files()
            )
        except (UserError, ValidationError) as e:
            return self._hc_redirect(error=str(e))
        return self._hc_redirect(
            message=request.env._("Your answer was sent to the inspector.")
        )

    # ---------------------------------------------------------- delegations
    @http.route(
        "/my/organization/delegation", type="http", auth="user", methods=["POST"]
    )
    def hc_apply_delegation(self, **post):
        org = self._hc_organization_or_404()
        service_id = _int(post.get("service_id"))
        # sudo: the catalogue of delegable services is public
        service = request.env["hc.health.service"].sudo().browse(service_id).exists()
        start, end = _date(post.get("start_date")), _date(post.get("end_date"))
        if not service or not start or not end:
            return self._hc_redirect(
                error=request.env._("Choose a service and the dates.")
            )
        vals = self._hc_prepare_delegation_vals(org, service, start, end, post)
        try:
            with request.env.cr.savepoint():
                # sudo: portal users have no create right; a draft in the
                # organisation's unit, which then goes through the approvals
                delegation = request.env["hc.service.delegation"].sudo().create(vals)
        except (UserError, ValidationError) as e:
            return self._hc_redirect(error=str(e))
        delegation._hc_post_note(
            lambda d: d.env._("Applied for on the portal by %s.", org.name)
        )
        return self._hc_redirect(
            message=request.env._(
                "Your application %s was sent to the office.", delegation.name
            )
        )

    def _hc_prepare_delegation_vals(self, org, service, start, end, post):
        return {
            "organization_id": org.id,
            "service_id": service.id,
            "company_id": org.company_id.id,
            "user_id": org.user_id.id,
            "start_date": start,
            "end_date": end,
            "target_population": _int(post.get("target_population")),
            "area_served": _text(post.get("area_served")) or False,
        }

    # -------------------------------------------------------- registration
    @http.route(
        "/health-charity/ngo/register",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=True,
    )
    def hc_ngo_register(self, **post):
        values = {"post": post, "error": None, "done": False}
        if request.httprequest.method != "POST":
            return request.render("health_charity.hc_ngo_register", values)
        if post.get("hc_homepage"):
            # the honeypot: people do not see this field, bots fill it in;
            # they get the same answer as people, and nothing is recorded
            values["done"] = True
            return request.render("health_charity.hc_ngo_register", values)
        if not self._hc_register_limiter.hit(request.httprequest.remote_addr):
            values["error"] = request.env._(
                "Too many registrations from your connection: try again later."
            )
            return request.render("health_charity.hc_ngo_register", values, status=429)
        name, contact, email = (
            _text(post.get("name")),
            _text(post.get("contact_name")),
            _text(post.get("contact_email")),
        )
        if not name or not contact or "@" not in email:
            values["error"] = request.env._(
                "Enter the organisation's name, a contact person and their email."
            )
            return request.render("health_charity.hc_ngo_register", values)
        try:
            with request.env.cr.savepoint():
                self._hc_register_organization(post)
        except (UserError, ValidationError) as e:
            values["error"] = str(e)
            return request.render("health_charity.hc_ngo_register", values)
        values["done"] = True
        return request.render("health_charity.hc_ngo_register", values)

    def _hc_registration_company(self):
        """Override point: the unit that receives public registrations (the
        public user's company: the university)."""
        return request.env.user.sudo().company_id

    def _hc_register_organization(self, post):
        """A draft organisation, its contact person (no account yet) and a
        pending registration request for the office."""
        company = self._hc_registration_company()
        # sudo: a public visitor registers; what is created is a draft the
        # office reviews, and no user account exists before it accepts
        Organization = request.env["hc.organization"].sudo().with_company(company)
        org = Organization.create(
            {
                "name": _text(post.get("name")),
                "org_type": "ngo",
                "company_id": company.id,
                "user_id": False,
                "registration_number": _text(post.get("registration_number")) or False,
                "city": _text(post.get("city")) or False,
                "phone": _text(post.get("phone")) or False,
                "email": _text(post.get("email")) or False,
            }
        )
        request.env["res.partner"].sudo().create(
            {
                "name": _text(post.get("contact_name")),
                "email": _text(post.get("contact_email")),
                "parent_id": org.partner_id.id,
                "type": "contact",
            }
        )
        return (
            request.env["hc.organization.change"]
            .sudo()
            .create(
                {
                    "organization_id": org.id,
                    "request_type": "registration",
                    "contact_name": _text(post.get("contact_name")),
                    "contact_email": _text(post.get("contact_email")),
                    "message": _text(post.get("message"), TEXT_LIMIT) or False,
                }
            )
        )
