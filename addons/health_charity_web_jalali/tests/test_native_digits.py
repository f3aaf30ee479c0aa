# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
from pathlib import Path

from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

MIGRATION = (
    Path(__file__).resolve().parents[1]
    / "migrations"
    / "18.0.1.1.0"
    / "post-hc13_native_digits.py"
)


@tagged("post_install", "-at_install")
class TestNativeDigitsSetting(TransactionCase):
    """ "Persian Digits", an option of the user's language, reaches the web
    client in the user context."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lang = cls.env["res.lang"]
        Lang._activate_lang("fa_IR")
        Lang._activate_lang("en_US")
        cls.persian = Lang._lang_get("fa_IR")
        cls.user_fa = new_test_user(cls.env, login="hcd_fa", lang="fa_IR")
        cls.user_en = new_test_user(cls.env, login="hcd_en", lang="en_US")

    def test_on_for_persian_by_default(self):
        self.assertTrue(self.persian.hc_native_digits)
        self.assertFalse(self.env["res.lang"]._lang_get("en_US").hc_native_digits)

    def test_users_follow_their_language(self):
        """(``ir.http.session_info`` puts it in the user context: checked in
        the browser below.)"""
        self.assertIs(self.user_fa._hc_use_native_digits(), True)
        self.assertIs(self.user_en._hc_use_native_digits(), False)
        self.persian.hc_native_digits = False
        self.assertIs(self.user_fa._hc_use_native_digits(), False)
        # another language may ask for them too
        self.env["res.lang"]._lang_get("en_US").hc_native_digits = True
        self.assertIs(self.user_en._hc_use_native_digits(), True)

    def test_on_the_language_form(self):
        arch = self.env["res.lang"].get_view(view_type="form")["arch"]
        self.assertIn('name="hc_native_digits"', arch)

    def test_migration_turns_it_on_for_persian(self):
        self.persian.hc_native_digits = False
        spec = importlib.util.spec_from_file_location("hc13_native_digits", MIGRATION)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.1.0.0")
        self.persian.invalidate_recordset()
        self.assertTrue(self.persian.hc_native_digits)


@tagged("post_install", "-at_install")
class TestNativeDigitsBrowser(HttpCase):
    """A Persian user's web client writes numbers and dates in Persian
    digits; an English user's in Latin ones."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        new_test_user(cls.env, login="hcd_web_fa", lang="fa_IR", tz="Asia/Tehran")
        new_test_user(cls.env, login="hcd_web_en", lang="en_US")

    def _check(self, login, integer, date, serialized):
        code = f"""
            (() => {{
                const formatters = odoo.loader.modules
                    .get("@web/core/registry").registry.category("formatters");
                const dates = odoo.loader.modules.get("@web/core/l10n/dates");
                const day = luxon.DateTime.local(2025, 3, 20);
                const shown = [
                    formatters.get("integer")(1234567),
                    dates.formatDate(day),
                    dates.serializeDate(day),
                ];
                const expected = {[integer, date, serialized]!r};
                if (JSON.stringify(shown) !== JSON.stringify(expected)) {{
                    console.error(`shown ${{JSON.stringify(shown)}}`);
                }} else {{
                    console.log("test successful");
                }}
            }})()
        """
        self.browser_js("/odoo", code, ready="odoo.isReady", login=login)

    def test_persian_user_sees_persian_digits(self):
        self._check("hcd_web_fa", "۱,۲۳۴,۵۶۷", "۱۴۰۳/۱۲/۳۰", "2025-03-20")

    def test_english_user_sees_latin_digits(self):
        self._check("hcd_web_en", "1,234,567", "03/20/2025", "2025-03-20")
