# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestJalaliPreference(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.env["res.lang"]._activate_lang("en_US")
        cls.user_en = new_test_user(cls.env, login="hcj_en", lang="en_US")
        cls.user_fa = new_test_user(cls.env, login="hcj_fa", lang="fa_IR")

    def test_who_sees_jalali(self):
        self.assertFalse(self.user_en._hc_use_jalali())
        self.assertTrue(self.user_fa._hc_use_jalali())
        self.user_en.hc_jalali_calendar = True
        self.assertTrue(self.user_en._hc_use_jalali())

    def test_user_sets_own_preference(self):
        user = self.user_en.with_user(self.user_en)
        user.write({"hc_jalali_calendar": True})
        self.assertTrue(self.user_en.hc_jalali_calendar)
        self.assertIn("hc_jalali_calendar", user.read(["hc_jalali_calendar"])[0])

    def test_preferences_form(self):
        view = self.env.ref("base.view_users_form_simple_modif")
        arch = self.env["res.users"].get_view(view.id)["arch"]
        self.assertIn('name="hc_jalali_calendar"', arch)

    def _group_labels(self, groupby, jalali=True, **context):
        currency = self.env.ref("base.EUR")
        rates = self.env["res.currency.rate"].create(
            [
                {"currency_id": currency.id, "name": "2025-03-20", "rate": 1.1},
                {"currency_id": currency.id, "name": "2025-03-21", "rate": 1.2},
            ]
        )
        Rate = self.env["res.currency.rate"].with_context(
            hc_jalali_calendar=jalali, **context
        )
        groups = Rate.read_group(
            [("id", "in", rates.ids)], ["rate:sum"], [groupby], orderby=groupby
        )
        return [group[groupby] for group in groups]

    def test_group_labels_day(self):
        self.assertEqual(self._group_labels("name:day"), ["1403/12/30", "1404/01/01"])

    def test_group_labels_month(self):
        # a Gregorian month is labelled with its Jalali first and last days
        self.assertEqual(self._group_labels("name:month"), ["1403/12/11 – 1404/01/11"])

    def test_group_labels_stay_gregorian_without_the_context(self):
        labels = self._group_labels("name:day", jalali=False)
        self.assertTrue(all("2025" in label for label in labels), labels)

    def test_group_labels_datetime_in_user_timezone(self):
        cron = self.env["ir.cron"].search([], limit=1)
        cron.nextcall = datetime.datetime(2025, 3, 20, 21, 0)  # 00:30 in Tehran
        groups = (
            self.env["ir.cron"]
            .with_context(hc_jalali_calendar=True, tz="Asia/Tehran")
            .read_group([("id", "=", cron.id)], ["nextcall"], ["nextcall:day"])
        )
        self.assertEqual(groups[0]["nextcall:day"], "1404/01/01")


@tagged("post_install", "-at_install")
class TestJalaliSessionInfo(HttpCase):
    def test_session_info(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env["res.lang"]._activate_lang("en_US")
        new_test_user(self.env, login="hcj_session_fa", lang="fa_IR")
        new_test_user(self.env, login="hcj_session_en", lang="en_US")
        for login, expected in (("hcj_session_fa", True), ("hcj_session_en", False)):
            self.authenticate(login, login)
            response = self.url_open(
                "/web/session/get_session_info",
                data="{}",
                headers={"Content-Type": "application/json"},
            )
            context = response.json()["result"]["user_context"]
            self.assertIs(context["hc_jalali_calendar"], expected, login)
