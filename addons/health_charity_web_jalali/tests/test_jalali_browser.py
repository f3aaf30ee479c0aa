# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo.tests import HttpCase, new_test_user, tagged

CHECKS_MODULE = "@health_charity_web_jalali/../tests/jalali_browser_checks"
TABLE_URL = "/health_charity_web_jalali/static/tests/jalali_dates.json"


@tagged("post_install", "-at_install")
class TestJalaliBrowser(HttpCase):
    """The web client in headless Chromium."""

    def test_js_unit_checks(self):
        """static/tests/jalali_browser_checks.js against the shared table."""
        code = f"""
            (async () => {{
                const table = await (await fetch({TABLE_URL!r})).json();
                const checks = odoo.loader.modules.get({CHECKS_MODULE!r});
                await checks.runJalaliChecks(table);
                console.log("test successful");
            }})().catch((error) => console.error(error.message || error))
        """
        ready = f"odoo.loader.modules.has({CHECKS_MODULE!r})"
        self.browser_js("/odoo", code, ready=ready, login="admin", timeout=120)

    def _check_user_mode(self, login, expected_date, expected_week_start):
        code = f"""
            (() => {{
                const {{ formatDate }} = odoo.loader.modules.get(
                    "@web/core/l10n/dates"
                );
                const {{ localization }} = odoo.loader.modules.get(
                    "@web/core/l10n/localization"
                );
                const shown = formatDate(luxon.DateTime.local(2025, 3, 20));
                if (shown !== {expected_date!r}) {{
                    console.error(`2025-03-20 shown as ${{shown}}`);
                }} else if (localization.weekStart !== {expected_week_start}) {{
                    console.error(`week starts on day ${{localization.weekStart}}`);
                }} else {{
                    console.log("test successful");
                }}
            }})()
        """
        self.browser_js("/odoo", code, ready="odoo.isReady", login=login)

    def test_preference_turns_jalali_on(self):
        """An English-speaking user who ticks the preference sees Jalali
        dates and weeks from Saturday; without it, Gregorian."""
        self.env["res.lang"]._activate_lang("en_US")
        user = new_test_user(self.env, login="hcj_pref_en", lang="en_US")
        self._check_user_mode("hcj_pref_en", "03/20/2025", 7)
        user.hc_jalali_calendar = True
        self._check_user_mode("hcj_pref_en", "1403/12/30", 6)


@tagged("post_install", "-at_install")
class TestJalaliTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        # Persian month names in the date picker
        cls.env["ir.module.module"]._load_module_terms(
            ["health_charity_web_jalali"], ["fa_IR"], overwrite=True
        )
        cls.user_fa = new_test_user(
            cls.env,
            login="hcj_tour_fa",
            groups="base.group_user,base.group_system",
            lang="fa_IR",
            tz="Asia/Tehran",
        )
        # 2025-03-20 08:30 UTC is 12:00 in Tehran (UTC+03:30), 1403/12/30
        cls.cron = cls.env["ir.cron"].create(
            {
                "name": "HC Jalali Tour Cron",
                "model_id": cls.env.ref("base.model_res_partner").id,
                "state": "code",
                "code": "pass",
                "interval_number": 1,
                "interval_type": "days",
                "nextcall": datetime.datetime(2025, 3, 20, 8, 30),
                "active": True,
            }
        )

    def test_persian_user_list_and_form(self):
        self.start_tour(
            "/odoo/action-base.ir_cron_act", "hc_jalali_cron_tour", login="hcj_tour_fa"
        )
        self.cron.invalidate_recordset()
        # typed ۱۴۰۴/۰۹/۰۶ ۱۰:۳۰:۰۰ in Tehran = 2025-11-27 07:00 UTC
        self.assertEqual(self.cron.nextcall, datetime.datetime(2025, 11, 27, 7, 0))
        # typed ۱۲
        self.assertEqual(self.cron.interval_number, 12)
