# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

MODULE = "health_charity_web_jalali"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


@tagged("post_install", "-at_install")
class TestJalaliTranslation(TransactionCase):
    def _po(self, name):
        return polib.pofile(file_path(f"{MODULE}/i18n/{name}"))

    def test_every_term_translated(self):
        po = {entry.msgid: entry for entry in self._po("fa.po")}
        for entry in self._po(f"{MODULE}.pot"):
            self.assertIn(entry.msgid, po)
            self.assertTrue(po[entry.msgid].msgstr, entry.msgid)
            self.assertNotIn("fuzzy", po[entry.msgid].flags)
            self.assertEqual(
                sorted(PLACEHOLDER.findall(entry.msgid)),
                sorted(PLACEHOLDER.findall(po[entry.msgid].msgstr)),
            )

    def test_templates_up_to_date(self):
        translated = {entry.msgid for entry in self._po("fa.po") if entry.msgstr}
        reader = TranslationModuleReader(self.env.cr, modules=[MODULE])
        terms = {row[4] for row in reader if row[0] == MODULE and row[4]}
        self.assertIn("Farvardin", terms)
        self.assertFalse(sorted(terms - translated))

    def test_month_names_in_persian(self):
        po = {entry.msgid: entry.msgstr for entry in self._po("fa.po")}
        self.assertEqual(po["Farvardin"], "فروردین")
        self.assertEqual(po["Esfand"], "اسفند")
