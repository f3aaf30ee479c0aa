# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every role's inbox holds work in the demo (a database installed with
demo data; skipped on one without)."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoInboxes(TransactionCase):
    def setUp(self):
        super().setUp()
        if not self.env.ref(
            "health_charity_reports.hc_consolidation_demo_1403",
            raise_if_not_found=False,
        ):
            self.skipTest("the demo data is not loaded in this database")

    def _to_review(self, login_xmlid, model):
        user = self.env.ref(login_xmlid)
        env = self.env(user=user, context={"allowed_company_ids": user.company_ids.ids})
        return env[model].search([("can_review", "=", True)])

    def test_manager_has_a_reopening_to_decide(self):
        """The manager's own tier (reopening a consolidation) has work: the
        request finance made for the 1403 consolidation."""
        requests = self._to_review(
            "health_charity.user_hc_manager", "hc.consolidation.reopening"
        )
        self.assertTrue(requests)
        request = requests.filtered(
            lambda r: r.consolidation_id
            == self.env.ref("health_charity_reports.hc_consolidation_demo_1403")
        )
        self.assertEqual(request.state, "submitted")
        self.assertEqual(
            request.requested_by_id, self.env.ref("health_charity.user_hc_finance")
        )
        self.assertTrue(request.reason)
        # the request is told on the consolidation in the office's language
        notes = request.consolidation_id.message_ids.mapped(lambda m: str(m.body))
        self.assertTrue(any("بازگشایی" in body for body in notes), notes)
        # the manager's inbox action opens on it
        action = self.env.ref(
            "health_charity_reports.hc_consolidation_reopening_action"
        )
        self.assertIn("search_default_to_review", action.context)
        # finance asked: finance does not decide it
        self.assertFalse(
            self._to_review(
                "health_charity.user_hc_finance", "hc.consolidation.reopening"
            )
        )

    def test_approver_and_finance_have_work(self):
        self.assertTrue(
            self._to_review("health_charity.user_hc_approver", "hc.contribution")
        )
        self.assertTrue(
            self._to_review("health_charity.user_hc_finance", "hc.consolidation")
        )

    def test_demo_consolidations_named_in_persian(self):
        consolidation = self.env.ref(
            "health_charity_reports.hc_consolidation_demo_1404"
        )
        self.assertNotIn("Consolidation", consolidation.name)
