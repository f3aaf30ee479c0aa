# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The appreciation certificate as printed by Debian's wkhtmltopdf: the main
sentence reads in order in both languages, the donor's name and level on
lines of their own (no overlap with the sentence), no garbled rial sign, the
university's name in the print's language."""

import io
import re
import unicodedata

from odoo.tests import tagged
from odoo.tools.pdf import PdfFileReader

from .common import HealthCharityReportsCase

CERTIFICATE = "health_charity_reports.hc_recognition_report_certificate"
# what extraction may add or drop around Persian letters: spaces, tabs,
# punctuation, ZWNJ, tatweel and the diacritics (shadda...)
_NOISE = re.compile(r"[\s\u200c\u0640\u064b-\u065f.,:؛،]")


def _norm(text):
    return _NOISE.sub("", unicodedata.normalize("NFKC", text))


@tagged("post_install", "-at_install")
class TestCertificateLayout(HealthCharityReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.university.hc_certificate_name = "Hamedan University of Medical Sciences"
        cls.university.update_field_translations(
            "hc_certificate_name", {"fa_IR": "دانشگاه علوم پزشکی همدان"}
        )
        cls.level = cls.env.ref("health_charity.recognition_level_silver")
        cls.donor_fa = cls.env["res.partner"].create(
            {"name": "حاج احمد کاظمی", "hc_is_donor": True}
        )
        cls.recognitions = cls.env["hc.recognition"].create(
            [
                {
                    "donor_id": donor.id,
                    "level_id": cls.level.id,
                    "date": "2025-03-21",
                    "company_id": cls.university.id,
                }
                for donor in (cls.donor_company, cls.donor_fa)
            ]
        )

    def _lines(self, recognition, lang):
        """The PDF's text lines, top to bottom, from the positions of the
        text runs (PyPDF2, shipped with Odoo)."""
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(lang=lang, force_report_rendering=True)
            ._render_qweb_pdf(CERTIFICATE, recognition.ids)
        )
        page = PdfFileReader(io.BytesIO(pdf)).pages[0]
        runs = {}

        def visit(text, cm, tm, _font, _size):
            if text.strip():
                y = round(cm[5] + tm[5] * cm[3])
                runs.setdefault(y, []).append(text)

        page.extract_text(visitor_text=visit)
        return [" ".join(runs[y]) for y in sorted(runs, reverse=True)]

    def _line_of(self, lines, text):
        """Index of the line holding ``text`` (Persian runs may come out in
        visual order: reversed)."""
        needle = _norm(text)
        for index, line in enumerate(lines):
            if needle in _norm(line) or needle in _norm(line)[::-1]:
                return index
        self.fail(f"{text!r} not found in the certificate: {lines}")

    def _assert_reads_in_order(self, lines, donor, level, fragments):
        opening, middle, closing = (self._line_of(lines, f) for f in fragments)
        name = self._line_of(lines, donor)
        level_line = self._line_of(lines, level)
        self.assertEqual(
            [opening, name, middle, level_line, closing],
            sorted({opening, name, middle, level_line, closing}),
            f"the main sentence does not read in order: {lines}",
        )
        # the name and the level are alone on their line: nothing overlaps
        self.assertIn(_norm(lines[name]), (_norm(donor), _norm(donor)[::-1]))
        self.assertIn(_norm(lines[level_line]), (_norm(level), _norm(level)[::-1]))

    def test_persian_print(self):
        level_fa = self.level.with_context(lang="fa_IR").name
        for recognition in self.recognitions:
            lines = self._lines(recognition, "fa_IR")
            self._assert_reads_in_order(
                lines,
                recognition.donor_id.name,
                level_fa,
                ("گرامی", "ارزشمند", "صمیمانه"),
            )
            self.assertEqual(self._line_of(lines, "علوم پزشکی همدان"), 0)
            text = " ".join(lines)
            self.assertNotIn("\ufdfc", text)  # the rial sign, garbled by that Qt
            self.assertNotIn("Hamedan", text)
            self._line_of(lines, "ریال")

    def test_english_print(self):
        for recognition in self.recognitions:
            lines = self._lines(recognition, "en_US")
            self._assert_reads_in_order(
                lines,
                recognition.donor_id.name,
                self.level.with_context(lang="en_US").name,
                ("esteemed benefactor", "valued partnership", "sincere gratitude"),
            )
            self.assertEqual(
                self._line_of(lines, "Hamedan University of Medical Sciences"), 0
            )
            self._line_of(lines, "rials")
            self.assertNotIn("\ufdfc", " ".join(lines))
