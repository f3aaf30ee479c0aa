# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from ..tools.rate_limit import RateLimiter


class HcVerifyController(http.Controller):
    """Public check of a receipt or certificate by its verification code.

    Shows only the document type, reference, date, unit and total. An
    unknown, malformed or guessed code gets the same neutral page, and each
    client is limited to a few checks a minute."""

    _hc_verify_limiter = RateLimiter(limit=20, window=60)

    @http.route(
        "/health-charity/verify/<string:code>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=False,
        readonly=True,
    )
    def hc_verify(self, code, **kwargs):
        if not self._hc_verify_limiter.hit(request.httprequest.remote_addr):
            return request.render(
                "health_charity.hc_verify_page", {"too_many": True}, status=429
            )
        document = request.env["hc.report.helpers"]._hc_find_verified_document(code)
        return request.render(
            "health_charity.hc_verify_page",
            {"document": document, "too_many": False},
            status=200 if document else 404,
        )
