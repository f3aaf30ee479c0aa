# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..tools.national_id import is_valid_national_id, normalize_digits
from .common import VALID_NATIONAL_IDS, HealthCharityCase


@tagged("post_install", "-at_install")
class TestNationalId(HealthCharityCase):
    def test_checksum(self):
        for code in VALID_NATIONAL_IDS:
            self.assertTrue(is_valid_national_id(code), code)
        for code in ("0499370898", "123", "12345678901", "abcdefghij", "", None):
            self.assertFalse(is_valid_national_id(code), code)
        # repeated digits pass the checksum but are never issued
        self.assertFalse(is_valid_national_id("1111111111"))

    def test_persian_digits_normalised(self):
        self.assertEqual(normalize_digits("۰۴۹۹۳۷۰۸۹۹"), "0499370899")
        partner = self.env["res.partner"].create(
            {
                "name": "Maryam Ahmadi",
                "hc_is_donor": True,
                "hc_donor_type": "individual",
                "hc_national_id": "۰۷۹۰-۴۱۹۹۰۴",
            }
        )
        self.assertEqual(partner.hc_national_id, "0790419904")

    def test_invalid_refused(self):
        with self.assertRaisesRegex(ValidationError, "not valid"):
            self.env["res.partner"].create(
                {
                    "name": "Bad ID",
                    "hc_is_donor": True,
                    "hc_donor_type": "individual",
                    "hc_national_id": "0499370898",
                }
            )

    def test_duplicate_individual_refused(self):
        with self.assertRaisesRegex(ValidationError, "already registered"):
            self.env["res.partner"].with_user(self.officer_b).create(
                {
                    "name": "Same Person",
                    "hc_is_donor": True,
                    "hc_donor_type": "individual",
                    "hc_national_id": self.donor.hc_national_id,
                }
            )
