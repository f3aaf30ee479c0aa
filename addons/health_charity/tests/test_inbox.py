# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The review inbox shows every unit the user may use, whatever the company
switcher shows, and nothing more; menus follow the roles."""

from odoo.tests import tagged

from .common import HealthCharityCase

INBOX = "health_charity.hc_contribution_action_server_to_review"


@tagged("post_install", "-at_install")
class TestInbox(HealthCharityCase):
    def _run_inbox(self, user, company):
        env = self.env(user=user, context={"allowed_company_ids": company.ids})
        return env.ref(INBOX).with_env(env).run()

    def _pending(self, company, amount=2_000_000_000):
        gift = self._contribution(
            company=company, lines=[self._line(self.cat_cash, 1, amount)]
        )
        gift.with_user(self.staff).with_company(company).action_submit()
        self.assertEqual(gift.state, "submitted")
        return gift

    def test_inbox_holds_every_allowed_unit(self):
        gift_a = self._pending(self.hospital_a)
        gift_b = self._pending(self.hospital_b)
        # the switcher shows the university only
        action = self._run_inbox(self.approver, self.university)
        context = action["context"]
        self.assertEqual(context["allowed_company_ids"][0], self.university.id)
        self.assertEqual(set(context["allowed_company_ids"]), set(self.all_units.ids))
        self.assertTrue(context["hc_all_units"])
        self.assertTrue(context["search_default_to_review"])
        env = self.env(
            user=self.approver,
            context={"allowed_company_ids": context["allowed_company_ids"]},
        )
        found = env["hc.contribution"].search([("can_review", "=", True)])
        self.assertEqual(found, gift_a | gift_b)
        # no sample rows: the inbox's list has none, and an empty state
        view = self.env.ref("health_charity.hc_contribution_view_list_review")
        self.assertIn(view.id, [v for v, _mode in action["views"]])
        self.assertIn('sample="0"', env["hc.contribution"].get_view(view.id)["arch"])
        self.assertIn("Nothing waits for your review", str(action["help"]))

    def test_inbox_never_widens_a_hospital_officer(self):
        self._pending(self.hospital_b)
        action = self._run_inbox(self.officer_a, self.hospital_a)
        self.assertEqual(action["context"]["allowed_company_ids"], self.hospital_a.ids)

    def test_menus_follow_the_roles(self):
        to_review = self.env.ref("health_charity.hc_contribution_menu_to_review")
        visible = {
            user: self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            for user in (self.staff, self.officer_a, self.approver, self.manager)
        }
        self.assertNotIn(to_review.id, visible[self.staff])
        self.assertNotIn(to_review.id, visible[self.officer_a])
        self.assertIn(to_review.id, visible[self.approver])
        self.assertIn(to_review.id, visible[self.manager])
