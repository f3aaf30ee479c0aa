# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import re

from odoo.tests import tagged
from odoo.tools.pdf import PdfFileReader

from .common import HealthCharityReportsCase

CERTIFICATE = "health_charity_reports.hc_recognition_report_certificate"


@tagged("post_install", "-at_install")
class TestCertificate(HealthCharityReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        level = cls.env.ref("health_charity.recognition_level_silver")
        cls.recognitions = cls.env["hc.recognition"].create(
            [
                {
                    "donor_id": cls.donor.id,
                    "level_id": level.id,
                    "date": "2025-03-21",
                    "reason": "<script>alert(1)</script> generous donor",
                    "company_id": cls.university.id,
                },
                {
                    "donor_id": cls.donor_company.id,
                    "level_id": level.id,
                    "date": "2025-06-21",
                    "company_id": cls.university.id,
                },
            ]
        )

    def test_html_content_rtl_jalali_escaped(self):
        html, _type = (
            self.env["ir.actions.report"]
            .with_context(lang="fa_IR")
            ._render_qweb_html(CERTIFICATE, self.recognitions.ids)
        )
        html = html.decode()
        self.assertIn('dir="rtl"', html)
        self.assertIn("1404/01/01", html)
        self.assertIn("1404/03/31", html)
        self.assertIn("Ali Rezaei", html)
        self.assertIn("Noto Naskh Arabic", html)
        self.assertNotIn("<script>alert(1)</script>", html)
        self.assertIn("&lt;script&gt;", html)
        self.assertEqual(html.count('hc-certificate"'), 2)  # printable in batch
        # each certificate carries its own verification code and QR code
        for rec in self.recognitions:
            self.assertIn("/health-charity/verify/%s" % rec.verification_code, html)
        self.assertEqual(html.count("data:image/png;base64,"), 2)

    def test_pdf(self):
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(CERTIFICATE, self.recognitions.ids)
        )
        self.assertTrue(pdf.startswith(b"%PDF"))
        reader = PdfFileReader(io.BytesIO(pdf))
        self.assertEqual(len(reader.pages), 2)
        # the code is drawn on its certificate's page (inside the border)
        for page, rec in zip(reader.pages, self.recognitions, strict=True):
            self.assertIn(
                rec.verification_code, re.sub(r"\s+", "", page.extract_text())
            )
