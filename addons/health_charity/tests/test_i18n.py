# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

ADDONS = Path(__file__).resolve().parents[2]
MODULES = ("health_charity", "health_charity_reports")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


@tagged("post_install", "-at_install")
class TestPersianTranslation(TransactionCase):
    def _po(self, module, name):
        return polib.pofile(str(ADDONS / module / "i18n" / name))

    def test_every_term_translated(self):
        for module in MODULES:
            po = {e.msgid: e for e in self._po(module, "fa.po")}
            pot = self._po(module, f"{module}.pot")
            for entry in pot:
                self.assertIn(entry.msgid, po, f"{module}: {entry.msgid!r} missing")
                translated = po[entry.msgid]
                self.assertTrue(translated.msgstr, f"{module}: {entry.msgid!r}")
                self.assertNotIn("fuzzy", translated.flags)
                self.assertEqual(
                    sorted(PLACEHOLDER.findall(entry.msgid)),
                    sorted(PLACEHOLDER.findall(translated.msgstr)),
                    f"{module}: placeholders of {entry.msgid!r}",
                )

    def test_templates_up_to_date(self):
        """Every term the code and data declare today is in fa.po."""
        for module in MODULES:
            po = {e.msgid for e in self._po(module, "fa.po") if e.msgstr}
            reader = TranslationModuleReader(self.env.cr, modules=[module])
            terms = {row[4] for row in reader if row[0] == module and row[4]}
            self.assertTrue(terms)
            untranslated = sorted(terms - po)
            self.assertFalse(
                untranslated,
                f"{module}: run `make pot` and translate: {untranslated[:10]}",
            )

    def test_persian_served_to_users(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env["ir.module.module"]._load_module_terms(
            ["health_charity", "health_charity_reports"], ["fa_IR"], overwrite=True
        )
        menu = self.env.ref("health_charity.hc_menu_root").with_context(lang="fa_IR")
        self.assertEqual(menu.name, "خیرین سلامت")
        field = self.env["ir.model.fields"]._get("hc.contribution", "donor_id")
        self.assertEqual(field.with_context(lang="fa_IR").field_description, "خیّر")
