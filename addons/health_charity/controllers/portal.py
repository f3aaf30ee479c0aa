# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The benefactor's portal: their gifts, receipts, certificates, annual
statements and pledges, and the public list of needs.

Pages read with ``sudo()`` and an explicit ownership check: a benefactor's
gifts may be in any unit of the university, which the unit record rules
(made for staff) would hide from a portal user. Every ``sudo()`` below
comes after that check, and an id that is not the visitor's own gets the
same 404 as an id that does not exist."""

import datetime

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.http import content_disposition, request
from odoo.tools import float_round

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..tools.jalali import to_jalali_str
from .ngo_portal import HcNgoPortal

GIFT_STATES = ("submitted", "approved", "posted", "cancelled")


class HcBenefactorPortal(CustomerPortal):
    # ------------------------------------------------------------ helpers
    @staticmethod
    def _hc_benefactor():
        """The donor partner of the logged-in user (a company's contact
        acts for the company), or an empty recordset."""
        user = request.env.user
        if user._is_public():
            return request.env["res.partner"]
        partner = user.partner_id.commercial_partner_id
        # sudo: the donor flag of one's own partner (portal users may not
        # read every field of it)
        return partner if partner.sudo().hc_is_donor else partner.browse()

    def _hc_my_gifts_domain(self, partner):
        return [("donor_id", "=", partner.id), ("state", "in", GIFT_STATES)]

    def _hc_my_record(self, model, record_id, domain):
        """One record of the visitor's own, or 404."""
        partner = self._hc_benefactor()
        if not partner:
            raise NotFound()
        # sudo: the record is returned only if it matches the ownership domain
        record = (
            request.env[model].sudo().search([("id", "=", record_id)] + domain, limit=1)
        )
        if not record:
            raise NotFound()
        return record

    def _hc_pdf_response(self, report_ref, records, filename, data=None):
        # sudo: the caller checked that the records are the visitor's own
        report = request.env["ir.actions.report"].sudo()
        if len(records.company_id) == 1:
            report = report.with_company(records.company_id)
        pdf, _type = report._render_qweb_pdf(report_ref, records.ids, data=data)
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )

    # --------------------------------------------------------------- home
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "hc_gift_count" in counters:
            partner = self._hc_benefactor()
            values["hc_gift_count"] = (
                # sudo: counting the visitor's own gifts (domain on donor)
                request.env["hc.contribution"]
                .sudo()
                .search_count(self._hc_my_gifts_domain(partner))
                if partner
                else 0
            )
        if "hc_organization_count" in counters:
            values["hc_organization_count"] = len(HcNgoPortal._hc_my_organization())
        return values

    # -------------------------------------------------------------- gifts
    @http.route("/my/gifts", type="http", auth="user", website=True)
    def hc_my_gifts(self, **kwargs):
        partner = self._hc_benefactor()
        values = self._prepare_portal_layout_values()
        # sudo: every record below is filtered on the visitor's partner
        gifts = recognitions = pledges = request.env["hc.contribution"]
        if partner:
            gifts = (
                request.env["hc.contribution"]
                .sudo()
                .search(self._hc_my_gifts_domain(partner))
            )
            recognitions = (
                request.env["hc.recognition"]
                .sudo()
                .search([("donor_id", "=", partner.id)])
            )
            pledges = (
                request.env["hc.pledge"].sudo().search([("donor_id", "=", partner.id)])
            )
        today_year = int(to_jalali_str(fields.Date.context_today(partner))[:4])
        values.update(
            {
                "page_name": "hc_gifts",
                "benefactor": partner.sudo(),
                # sudo: hc_contribution_total counts what the reader may
                # see; the benefactor's own total covers every unit
                "total": partner.sudo().hc_contribution_total if partner else 0.0,
                "level": partner.sudo().hc_recognition_level_id,
                "gifts": gifts,
                "recognitions": recognitions,
                "pledges": pledges,
                "jalali": to_jalali_str,
                "statement_years": list(range(today_year, today_year - 5, -1)),
                "certificate_report": request.env[
                    "hc.recognition"
                ]._hc_certificate_report_ref(),
                "pledged": kwargs.get("pledged"),
            }
        )
        return request.render("health_charity.hc_portal_my_gifts", values)

    @http.route("/my/gifts/<int:gift_id>/receipt", type="http", auth="user")
    def hc_my_gift_receipt(self, gift_id, **kwargs):
        partner = self._hc_benefactor()
        gift = self._hc_my_record(
            "hc.contribution",
            gift_id,
            [("donor_id", "=", partner.id), ("state", "=", "posted")],
        )
        return self._hc_pdf_response(
            "health_charity.hc_contribution_report_receipt",
            gift,
            "%s.pdf" % gift.name.replace("/", "_"),
        )

    @http.route("/my/gifts/certificate/<int:recognition_id>", type="http", auth="user")
    def hc_my_certificate(self, recognition_id, **kwargs):
        partner = self._hc_benefactor()
        report_ref = request.env["hc.recognition"]._hc_certificate_report_ref()
        if not report_ref:
            raise NotFound()
        recognition = self._hc_my_record(
            "hc.recognition", recognition_id, [("donor_id", "=", partner.id)]
        )
        return self._hc_pdf_response(
            report_ref, recognition, "certificate-%s.pdf" % recognition.id
        )

    @http.route("/my/gifts/statement/<int:year>", type="http", auth="user")
    def hc_my_statement(self, year, **kwargs):
        partner = self._hc_benefactor()
        if not partner or not 1300 <= year <= 1600:
            raise NotFound()
        return self._hc_pdf_response(
            "health_charity.hc_donor_report_statement",
            partner,
            "statement-%s.pdf" % year,
            data={"jalali_year": year},
        )

    # -------------------------------------------------------------- needs
    def _hc_public_needs_domain(self):
        return [("is_public", "=", True), ("state", "=", "open")]

    @http.route(
        "/health-charity/needs",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=True,
        readonly=True,
    )
    def hc_needs(self, **kwargs):
        # sudo: the published, open needs are public; the template shows
        # their name, unit, category, description and amounts only
        needs = request.env["hc.need"].sudo().search(self._hc_public_needs_domain())
        values = {
            "needs": needs,
            "benefactor": self._hc_benefactor(),
            "is_public_user": request.env.user._is_public(),
            "error": kwargs.get("error"),
            "today": fields.Date.context_today(request.env.user),
        }
        return request.render("health_charity.hc_portal_needs", values)

    @http.route(
        "/health-charity/needs/<int:need_id>/pledge",
        type="http",
        auth="user",
        methods=["POST"],
    )
    def hc_pledge(self, need_id, amount=None, expected_date=None, note=None, **kw):
        partner = self._hc_benefactor()
        # sudo: the need is used only if it is published and open
        need = (
            request.env["hc.need"]
            .sudo()
            .search([("id", "=", need_id)] + self._hc_public_needs_domain(), limit=1)
        )
        if not need:
            raise NotFound()
        if not partner:
            return request.redirect("/health-charity/needs?error=not_benefactor")
        vals = self._hc_prepare_pledge_vals(need, partner, amount, expected_date, note)
        if not vals:
            return request.redirect("/health-charity/needs?error=invalid")
        # sudo: portal users have no create right on pledges; the values
        # come from the checks above (own partner, published need)
        pledge = request.env["hc.pledge"].sudo().create(vals)
        need._hc_post_note(
            lambda n: n.env._(
                "%(donor)s pledged %(amount)s toward this need (%(pledge)s).",
                donor=partner.name,
                amount=n._hc_format_amount(pledge.amount, pledge.currency_id),
                pledge=pledge.with_env(n.env).display_name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return request.redirect("/my/gifts?pledged=1")

    def _hc_prepare_pledge_vals(self, need, partner, amount, expected_date, note):
        try:
            amount = float_round(float(amount or 0), precision_digits=0)
        except ValueError:
            return None
        if amount <= 0 or amount > 1e15:
            return None
        day = None
        if expected_date:
            try:
                day = fields.Date.to_date(expected_date)
            except ValueError:
                return None
            if day < datetime.date.today():
                return None
        return {
            "need_id": need.id,
            "donor_id": partner.id,
            "company_id": need.company_id.id,
            "amount": amount,
            "expected_date": day,
            "note": (note or "")[:2000] or False,
        }
