# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The public verification page, over HTTP, as anyone holding a receipt
(or trying to forge or enumerate one) reaches it."""

import re
import secrets

from odoo.tests import HttpCase, tagged

from ..controllers.verify import HcVerifyController
from .common import HealthCharityCase

NOISE = re.compile(r'csrf_token: "[^"]*"|name="csrf_token" value="[^"]*"')


@tagged("post_install", "-at_install")
class TestVerifyRoute(HealthCharityCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gift = cls._contribution(
            date="2025-03-21",
            lines=[cls._line(cls.cat_cash, 1, 7_654_321, name="Secret line")],
            note="<p>Internal note about the donor</p>",
        )
        cls.gift.with_user(cls.staff).action_submit()
        cls.gift.with_user(cls.finance).action_post()
        cls.recognition = cls.env["hc.recognition"].create(
            {
                "donor_id": cls.donor.id,
                "level_id": cls.env.ref("health_charity.recognition_level_bronze").id,
                "date": "2025-06-21",
                "company_id": cls.hospital_a.id,
            }
        )

    def setUp(self):
        super().setUp()
        HcVerifyController._hc_verify_limiter.reset()
        self.addCleanup(HcVerifyController._hc_verify_limiter.reset)

    def _get(self, code):
        return self.url_open("/health-charity/verify/%s" % code, allow_redirects=False)

    def test_valid_receipt_shows_only_public_facts(self):
        response = self._get(self.gift.verification_code)
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("hc-verify-found", page)
        self.assertIn(self.gift.name, page)
        self.assertIn("1404/01/01", page)
        self.assertIn(self.university.name, page)
        self.assertIn("7,654,321", page)
        for secret in (
            self.donor.name,
            self.donor.hc_national_id,
            "Secret line",
            "Internal note",
            self.gift.sudo().move_id.name,
        ):
            self.assertNotIn(secret, page)

    def test_valid_certificate(self):
        response = self._get(self.recognition.verification_code)
        self.assertEqual(response.status_code, 200)
        self.assertIn("1404/03/31", response.text)
        self.assertIn(self.hospital_a.name, response.text)
        self.assertNotIn(self.donor.name, response.text)

    def test_unknown_guessed_sequential_codes_get_one_neutral_page(self):
        code = self.gift.verification_code
        draft = self._contribution()
        attempts = [
            secrets.token_urlsafe(16),  # unknown
            code[:-1] + ("A" if code[-1] != "A" else "B"),  # guessed: one off
            code.upper() if code.upper() != code else code.lower(),
            code[:16],  # a prefix
            str(self.gift.id),  # sequential ids and references
            str(self.gift.id + 1),
            self.gift.name.replace("/", "-"),
            draft.name.replace("/", "-"),
            "%25",  # malformed
            "' OR '1'='1",
            "a" * 300,
        ]
        bodies = set()
        for attempt in attempts:
            response = self._get(attempt)
            self.assertEqual(response.status_code, 404, attempt)
            self.assertIn("hc-verify-not-found", response.text, attempt)
            self.assertNotIn(self.gift.name, response.text, attempt)
            bodies.add(NOISE.sub("", response.text))
        # the same page whatever was tried: nothing to learn from it
        self.assertEqual(len(bodies), 1)

    def test_unposted_and_cancelled_gifts_do_not_verify(self):
        approved = self._contribution()
        approved.with_user(self.staff).action_submit()
        self.assertFalse(approved.verification_code)
        code = self.gift.verification_code
        self.gift.with_user(self.finance).action_cancel()
        self.assertEqual(self._get(code).status_code, 404)

    def test_rate_limited(self):
        limit = HcVerifyController._hc_verify_limiter.limit
        for _i in range(limit):
            self.assertEqual(self._get(secrets.token_urlsafe(16)).status_code, 404)
        response = self._get(self.gift.verification_code)
        self.assertEqual(response.status_code, 429)
        self.assertIn("hc-verify-limited", response.text)
        self.assertNotIn(self.gift.name, response.text)
