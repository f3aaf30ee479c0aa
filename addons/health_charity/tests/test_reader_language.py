# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Texts the addons write (activities, chatter notes, review notifications,
what the crons write) are in the reader's language with Jalali dates for
Persian readers, whatever the acting user's language (hc.mail.mixin)."""

from datetime import date, timedelta

from odoo import SUPERUSER_ID, Command, fields
from odoo.tests import new_test_user, tagged

from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestReaderLanguage(HealthCharityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.env["res.lang"]._activate_lang("en_US")
        # the office works in Persian; the clerks below do not all
        cls.all_units.partner_id.lang = "fa_IR"
        for user in (cls.staff, cls.approver, cls.approver_2, cls.manager):
            user.lang = "en_US"

        def user(login, lang):
            return new_test_user(
                cls.env,
                login=login,
                lang=lang,
                groups="health_charity.group_hc_user",
                company_id=cls.university.id,
                company_ids=[Command.set(cls.all_units.ids)],
            )

        cls.clerk_fa = user("hc_t_clerk_fa", "fa_IR")
        cls.clerk_en = user("hc_t_clerk_en", "en_US")
        area = cls.env["hc.activity.area"].create({"name": "Dialysis", "code": "t_dia"})
        cls.ngo = cls.env["hc.organization"].create(
            {
                "name": "Zahedan Kidney NGO",
                "org_type": "ngo",
                "registration_number": "T-LANG-1",
                "license_expiry_date": date(2030, 1, 1),
                "activity_area_ids": [Command.set(area.ids)],
                "company_id": cls.university.id,
            }
        )
        cls.ngo.action_activate()
        service = cls.env["hc.health.service"].create(
            {
                "name": "Dialysis support",
                "code": "T_DIA",
                "activity_area_ids": [Command.set(area.ids)],
            }
        )
        cls.delegation = cls.env["hc.service.delegation"].create(
            {
                "organization_id": cls.ngo.id,
                "service_id": service.id,
                "company_id": cls.university.id,
                "start_date": "2025-01-01",
                "end_date": "2027-12-31",
                "target_population": 500,
            }
        )

    def _visit(self, day=date(2025, 3, 20), score=30):
        return self.env["hc.delegation.visit"].new({"date": day, "score": score})

    # ------------------------------------------------------------ activities
    def test_english_user_gives_a_persian_assignee_a_persian_activity(self):
        self.delegation.user_id = self.clerk_fa
        delegation = self.delegation.with_user(self.clerk_en).with_context(lang="en_US")
        delegation._schedule_review_activity(self._visit())
        activity = self.delegation.activity_ids
        self.assertEqual(activity.user_id, self.clerk_fa)
        self.assertEqual(activity.summary, "امتیاز نظارتی پایین (30)")
        # 2025-03-20 is 30 Esfand 1403, in the Jalali calendar
        self.assertIn("1403/12/30", str(activity.note))
        self.assertNotIn("2025", str(activity.note))

    def test_persian_user_gives_an_english_assignee_an_english_activity(self):
        self.delegation.user_id = self.clerk_en
        delegation = self.delegation.with_user(self.clerk_fa).with_context(lang="fa_IR")
        delegation._schedule_review_activity(self._visit())
        activity = self.delegation.activity_ids
        self.assertEqual(activity.summary, "Low supervision score (30)")
        self.assertIn("03/20/2025", str(activity.note))

    def test_the_jalali_preference_gives_jalali_dates_in_english(self):
        self.clerk_en.hc_jalali_calendar = True
        self.delegation.user_id = self.clerk_en
        self.delegation.with_user(self.clerk_fa)._schedule_review_activity(
            self._visit()
        )
        activity = self.delegation.activity_ids
        self.assertEqual(activity.summary, "Low supervision score (30)")
        self.assertIn("1403/12/30", str(activity.note))

    # ------------------------------------------------------------ the crons
    def _cron_env(self):
        """What a scheduled action runs in: OdooBot, in English."""
        return self.env(user=SUPERUSER_ID, context={"lang": "en_US"}, su=False)

    def test_licence_cron_writes_in_the_assignees_language(self):
        today = fields.Date.context_today(self.ngo)
        expiry = today + timedelta(days=10)
        self.ngo.write({"license_expiry_date": expiry, "user_id": self.clerk_fa.id})
        self._cron_env()["hc.organization"]._cron_license_expiry_reminder()
        activity = self.ngo.activity_ids
        self.assertEqual(activity.summary, "مجوز Zahedan Kidney NGO منقضی می‌شود")
        jalali = self.env["hc.mail.mixin"]._hc_in_lang("fa_IR")._hc_format_date(expiry)
        self.assertIn(jalali, str(activity.note))
        self.assertIn("منقضی", str(activity.note))

    def test_overdue_visit_cron_writes_in_persian_for_a_persian_office(self):
        self.delegation.user_id = self.clerk_fa
        self.delegation.action_submit()
        self.delegation.with_user(self.approver).validate_tier()
        self.delegation.action_activate()
        self.env["hc.delegation.visit"].create(
            {
                "delegation_id": self.delegation.id,
                "date": date.today() - timedelta(days=60),
                "score": 90,
                "next_visit_date": date.today() - timedelta(days=1),
            }
        )
        self._cron_env()["hc.service.delegation"]._cron_flag_overdue_visits()
        activity = self.delegation.activity_ids
        self.assertEqual(activity.summary, "بازدید نظارتی معوق")
        self.assertIn("موعد بازدید نظارتی", str(activity.note))

    # ---------------------------------------------------------- chatter notes
    def test_a_note_is_written_in_the_offices_language(self):
        ngo = self.ngo.with_user(self.manager).with_context(lang="en_US")
        ngo._hc_transfer_company(self.hospital_a)
        message = self.ngo.message_ids[0]
        self.assertIn("منتقل شد", str(message.body))
        # an English office reads it in English, whoever writes it
        self.hospital_a.partner_id.lang = "en_US"
        self.university.partner_id.lang = "en_US"
        ngo.with_user(self.manager).with_context(lang="fa_IR")._hc_transfer_company(
            self.university
        )
        self.assertIn("Transferred from", str(self.ngo.message_ids[0].body))

    def test_office_language_falls_back_to_the_university(self):
        self.hospital_b.partner_id.lang = False
        gift = self._contribution(company=self.hospital_b)
        self.assertEqual(gift._hc_office_lang(), "fa_IR")
        self.all_units.partner_id.lang = False
        self.assertEqual(gift._hc_office_lang(), "en_US")

    # ------------------------------------------------ review notifications
    def test_review_request_is_told_in_the_reviewers_language(self):
        self.approver.lang = "fa_IR"
        self.approver_2.lang = "fa_IR"
        self.manager.lang = "fa_IR"
        gift = self._contribution(
            user=self.clerk_en, lines=[self._line(self.cat_cash, 1, 2_000_000_000)]
        )
        gift.with_user(self.clerk_en).with_context(lang="en_US").action_submit()
        bodies = " ".join(gift.message_ids.mapped(lambda m: str(m.body)))
        self.assertNotIn("A record to be reviewed has been created", bodies)
        self.assertIn("hc_t_clerk_en", bodies)
        # the decision is told to the followers: English ones read English
        # (the reviewers' open reviews are done by then)
        gift.with_user(self.approver).validate_tier()
        self.assertEqual(gift.state, "approved")
        gift.message_unsubscribe(partner_ids=gift.message_partner_ids.ids)
        gift.message_subscribe(partner_ids=self.clerk_en.partner_id.ids)
        approver = gift.with_user(self.approver).with_context(lang="fa_IR")
        self.assertEqual(
            approver._notify_accepted_reviews_body(),
            f"A review was accepted by {self.approver.name}.",
        )
        # Persian followers read Persian, whoever decides
        gift.message_subscribe(partner_ids=self.clerk_fa.partner_id.ids)
        gift.message_unsubscribe(partner_ids=self.clerk_en.partner_id.ids)
        rejecter = gift.with_user(self.approver).with_context(lang="en_US")
        self.assertIn("رد شد", rejecter._notify_rejected_review_body())

    def test_review_panel_in_the_readers_language_and_calendar(self):
        gift = self._contribution(lines=[self._line(self.cat_cash, 1, 2_000_000_000)])
        gift.action_submit()
        review = gift.review_ids
        group = self.env.ref("health_charity.group_hc_approver")
        self.assertEqual(
            review.with_context(lang="en_US").todo_by, f"Group {group.name}"
        )
        todo_fa = review.with_context(lang="fa_IR").todo_by
        self.assertTrue(todo_fa.startswith("گروه"), todo_fa)
        gift.with_user(self.approver).validate_tier()
        review.invalidate_recordset()
        self.assertTrue(review.reviewed_date)
        shown = review.with_context(
            lang="fa_IR", tz="Asia/Tehran"
        ).reviewed_formated_date
        self.assertRegex(shown, r"^14\d\d/\d\d/\d\d \d\d:\d\d$")
        shown_en = review.with_context(lang="en_US", tz="UTC").reviewed_formated_date
        self.assertTrue(shown_en.startswith(str(review.reviewed_date.year)))
