# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
import io
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.pdf import PdfFileReader

from ..tools.persian_words import to_persian_digits, to_persian_words
from ..tools.rate_limit import RateLimiter
from .common import HealthCharityCase

RECEIPT = "health_charity.hc_contribution_report_receipt"
STATEMENT = "health_charity.hc_donor_report_statement"


class TestPersianWords(HealthCharityCase):
    def test_words(self):
        cases = {
            0: "صفر",
            7: "هفت",
            13: "سیزده",
            40: "چهل",
            99: "نود و نه",
            105: "صد و پنج",
            999: "نهصد و نود و نه",
            1000: "یک هزار",
            12000: "دوازده هزار",
            1_250_000: "یک میلیون و دویست و پنجاه هزار",
            2_000_000_000: "دو میلیارد",
            1_234_567_890: "یک میلیارد و دویست و سی و چهار میلیون و پانصد و "
            "شصت و هفت هزار و هشتصد و نود",
            3_000_000_000_001: "سه هزار میلیارد و یک",
            -5: "منفی پنج",
        }
        for number, words in cases.items():
            self.assertEqual(to_persian_words(number), words, number)
        self.assertEqual(to_persian_words(1500.9), "یک هزار و پانصد")
        self.assertEqual(to_persian_digits("1404/01/01"), "۱۴۰۴/۰۱/۰۱")
        with self.assertRaises(ValueError):
            to_persian_words(10**18)

    def test_rate_limiter(self):
        limiter = RateLimiter(limit=3, window=60)
        self.assertTrue(all(limiter.hit("ip", now=t) for t in (0, 1, 2)))
        self.assertFalse(limiter.hit("ip", now=3))
        self.assertTrue(limiter.hit("other", now=3))  # per client
        self.assertTrue(limiter.hit("ip", now=60.5))  # the window slides


@tagged("post_install", "-at_install")
class TestReceipts(HealthCharityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.donor.email = "ali.rezaei@example.com"
        cls.gift = cls._contribution(
            date="2025-03-21",  # 1404/01/01
            lines=[
                cls._line(cls.cat_cash, 1, 1_000_000, name="Cash gift"),
                cls._line(
                    cls.cat_medical,
                    2,
                    125_000,
                    name="Wheelchair",
                    valuation_basis="market_quote",
                ),
            ],
        )
        cls.gift.with_user(cls.staff).action_submit()
        cls.gift.with_user(cls.finance).action_post()

    def test_code_set_when_posted_unguessable_unique(self):
        self.assertEqual(self.gift.state, "posted")
        code = self.gift.verification_code
        self.assertTrue(re.fullmatch(r"[A-Za-z0-9_-]{22}", code), code)
        other = self._contribution()
        self.assertFalse(other.verification_code)  # drafts have none
        other.with_user(self.staff).action_submit()
        self.assertFalse(other.verification_code)  # nor approved gifts
        other.with_user(self.finance).action_post()
        self.assertTrue(other.verification_code)
        self.assertNotEqual(other.verification_code, code)
        # nobody types a code, and a posted gift's code never changes
        for user in (self.staff, self.finance, self.manager):
            with self.assertRaises(AccessError):
                self.gift.with_user(user).write({"verification_code": "x" * 22})
        draft = self._contribution()
        with self.assertRaises(AccessError):
            draft.with_user(self.staff).write({"verification_code": code})
        copy = self.gift.copy()
        self.assertFalse(copy.verification_code)
        # the database refuses a duplicate whatever the path
        with self.assertRaises(Exception), self.env.cr.savepoint():  # noqa: B017
            self.env.cr.execute(
                "UPDATE hc_contribution SET verification_code = %s WHERE id = %s",
                (code, other.id),
            )

    def test_receipt_html(self):
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            RECEIPT, self.gift.ids
        )
        html = html.decode()
        self.assertIn('dir="rtl"', html)
        self.assertIn("1404/01/01", html)  # Jalali date
        self.assertIn(self.gift.name, html)
        self.assertIn(self.gift.verification_code, html)
        self.assertIn("/health-charity/verify/%s" % self.gift.verification_code, html)
        self.assertIn("data:image/png;base64,", html)  # the QR code, inline
        # total 1,250,000 in words, the unit, the valuation basis of a line
        self.assertIn("یک میلیون و دویست و پنجاه هزار", html)
        self.assertIn(self.university.name, html)
        self.assertIn("Wheelchair", html)
        basis = dict(
            self.gift.line_ids._fields["valuation_basis"]._description_selection(
                self.env["hc.contribution"].with_context(lang="fa_IR").env
            )
        )["market_quote"]
        self.assertIn(basis, html)

    def test_receipt_pdf_renders_text(self):
        """Debian's unpatched wkhtmltopdf draws the page: the text (codes,
        reference, Jalali date) is extractable."""
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(RECEIPT, self.gift.ids)
        )
        self.assertTrue(pdf.startswith(b"%PDF"))
        reader = PdfFileReader(io.BytesIO(pdf))
        self.assertEqual(len(reader.pages), 1)
        text = reader.pages[0].extract_text()
        flat = re.sub(r"\s+", "", text)
        self.assertIn(self.gift.verification_code, flat)
        self.assertIn(self.gift.name, flat)
        self.assertIn("1404/01/01", flat)
        # Persian comes out as presentation forms in visual (right-to-left)
        # order: normalised and read back, the total in words is there
        persian = unicodedata.normalize("NFKC", text)[::-1]
        self.assertIn("یک میلیون و دویست و پنجاه هزار", re.sub(r"\s+", " ", persian))

    def test_receipt_pdf_layout_right_to_left(self):
        """Word boxes of the page (poppler's pdftotext): the Persian text
        sits on the right, as a right-to-left page lays it out."""
        if not shutil.which("pdftotext"):
            self.skipTest("poppler-utils (pdftotext) is not installed")
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(RECEIPT, self.gift.ids)
        )
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "receipt.pdf"
            path.write_bytes(pdf)
            html = subprocess.run(
                ["pdftotext", "-bbox", str(path), "-"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        page = re.search(r'<page width="([\d.]+)"', html)
        width = float(page.group(1))
        words = [
            (unicodedata.normalize("NFKC", word), float(x_min), float(x_max))
            for x_min, x_max, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" '
                r'yMax="[\d.]+">([^<]*)</word>',
                html,
            )
        ]
        persian = [
            (x_min + x_max) / 2
            for word, x_min, x_max in words
            if word and all("\u0600" <= char <= "\u06ff" for char in word)
        ]
        # Persian is drawn (glyphs, not empty boxes) and laid out from the
        # right: most of it on the right half, up to the right margin
        self.assertGreater(len(persian), 100)
        self.assertGreater(sum(persian) / len(persian), width / 2)
        self.assertGreater(max(persian), width * 0.85)
        reference = next(w for w in words if w[0] == self.gift.name)
        self.assertGreater(reference[1], width / 2)

    def test_receipt_only_for_posted_and_readable_gifts(self):
        draft = self._contribution()
        with self.assertRaises(UserError):
            self.env["ir.actions.report"]._render_qweb_html(RECEIPT, draft.ids)
        gift_b = self._contribution(user=self.officer_b, company=self.hospital_b)
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.officer_a)._render_qweb_html(
                RECEIPT, gift_b.ids
            )

    def test_receipt_emailed_when_posted(self):
        messages = self.gift.message_ids.filtered(
            lambda m: m.message_type != "notification" or m.attachment_ids
        ).filtered(lambda m: self.donor in m.partner_ids)
        self.assertEqual(len(messages), 1)
        self.assertIn(self.gift.name, messages.subject)
        self.assertIn(
            "/health-charity/verify/%s" % self.gift.verification_code, messages.body
        )
        self.assertEqual(len(messages.attachment_ids), 1)
        # the rendered receipt (HTML in test mode, where Odoo skips
        # wkhtmltopdf unless forced; test_receipt_pdf_renders_text draws it)
        self.assertIn(self.gift.verification_code.encode(), messages.attachment_ids.raw)
        template = self.env.ref("health_charity.hc_contribution_mail_template_receipt")
        self.assertTrue(
            self.env["ir.model.data"]
            .search(
                [
                    ("module", "=", "health_charity"),
                    ("name", "=", "hc_contribution_mail_template_receipt"),
                ]
            )
            .noupdate
        )
        self.assertIn(
            self.env.ref(RECEIPT), template.report_template_ids
        )  # editable by the office, and the receipt rides along

    def test_send_receipt_again(self):
        action = self.gift.with_user(self.finance).action_send_receipt()
        self.assertEqual(action["res_model"], "mail.compose.message")
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.finance)
            .with_context(**action["context"])
            .create({})
        )
        self.assertIn(self.gift.name, composer.subject)
        self.assertEqual(composer.partner_ids, self.donor)
        with self.assertRaises(UserError):
            self._contribution().action_send_receipt()

    def test_annual_statement(self):
        wizard = (
            self.env["hc.donor.statement"]
            .with_user(self.staff)
            .with_context(active_model="res.partner", active_ids=self.donor.ids)
            .create({"jalali_year": 1404})
        )
        self.assertEqual(wizard.partner_ids, self.donor)
        action = wizard.action_print()
        self.assertEqual(action["data"], {"jalali_year": 1404})
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(self.staff)
            ._render_qweb_html(STATEMENT, self.donor.ids, data=action["data"])
        )
        html = html.decode()
        self.assertIn(self.gift.name, html)
        self.assertIn(self.gift.verification_code, html)
        self.assertIn("یک میلیون و دویست و پنجاه هزار", html)
        # another Jalali year lists nothing
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            STATEMENT, self.donor.ids, data={"jalali_year": 1403}
        )
        self.assertNotIn(self.gift.name, html.decode())
        with self.assertRaises(UserError):
            self.env["ir.actions.report"]._render_qweb_html(
                STATEMENT, self.donor.ids, data={"jalali_year": 2025}
            )
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(STATEMENT, self.donor.ids, data=action["data"])
        )
        text = PdfFileReader(io.BytesIO(pdf)).pages[0].extract_text()
        self.assertIn(self.gift.name, re.sub(r"\s+", "", text))

    def test_public_facts(self):
        facts = self.env["hc.report.helpers"]._hc_find_verified_document(
            self.gift.verification_code
        )
        self.assertEqual(
            set(facts),
            {"document_type", "reference", "date", "unit", "amount", "currency"},
        )
        self.assertEqual(facts["reference"], self.gift.name)
        self.assertEqual(facts["date"], "1404/01/01")
        self.assertEqual(facts["amount"], 1_250_000)
        Helpers = self.env["hc.report.helpers"]
        code = self.gift.verification_code
        one_off = code[:-1] + ("B" if code.endswith("A") else "A")
        for code in ("", "x", "' OR 1=1 --", one_off):
            self.assertIsNone(Helpers._hc_find_verified_document(code), code)
        # a cancelled gift's receipt no longer verifies
        self.gift.with_user(self.finance).action_cancel()
        self.assertIsNone(
            Helpers._hc_find_verified_document(self.gift.verification_code)
        )


@tagged("post_install", "-at_install")
class TestReceiptMigration(HealthCharityCase):
    """The 18.0.1.2.0 scripts give codes to what the previous release
    posted and certified."""

    def _script(self, name):
        path = Path(__file__).resolve().parents[1] / "migrations" / "18.0.1.2.0" / name
        spec = importlib.util.spec_from_file_location(name[:-3].replace("-", "_"), path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    def test_codes_filled(self):
        gifts = self._contribution() | self._contribution()
        gifts.with_user(self.staff).action_submit()
        gifts.with_user(self.finance).action_post()
        draft = self._contribution()
        level = self.env.ref("health_charity.recognition_level_bronze")
        recognitions = self.env["hc.recognition"].create(
            [{"donor_id": self.donor.id, "level_id": level.id}] * 2
        )
        self.env.flush_all()
        # as the previous release left them: no codes
        self.env.cr.execute(
            "UPDATE hc_contribution SET verification_code = NULL WHERE id IN %s",
            [tuple(gifts.ids)],
        )
        self.env.cr.execute(
            "UPDATE hc_recognition SET verification_code = NULL WHERE id IN %s",
            [tuple(recognitions.ids)],
        )
        self.env.invalidate_all()
        self._script("pre-verification-codes.py").migrate(self.env.cr, "18.0.1.1.0")
        self._script("post-receipts.py").migrate(self.env.cr, "18.0.1.1.0")
        self.env.invalidate_all()
        codes = gifts.mapped("verification_code") + recognitions.mapped(
            "verification_code"
        )
        self.assertEqual(len(set(codes)), 4)
        self.assertTrue(all(re.fullmatch(r"[A-Za-z0-9_-]{22}", c) for c in codes))
        self.assertFalse(draft.verification_code)
