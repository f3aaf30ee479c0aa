# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Buttons that only read are marked ``@api.readonly``: with a replica
configured (``db_replica_host``) Odoo serves them from it. Called through
the web client's route, they run in a read-only transaction (the test
cursor of a read-only request sets ``SET TRANSACTION READ ONLY``), which
proves they write nothing."""

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

READONLY = {
    "hc.consolidation": ["action_view_contributions", "action_download_workbook"],
    "hc.national.university": ["action_view_submissions"],
    "hc.national.submission": ["action_download_package"],
}


@tagged("post_install", "-at_install")
class TestReadonlyCalls(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        cls.user = new_test_user(
            cls.env,
            login="hc_t_readonly_manager",
            groups="health_charity.group_hc_manager",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )
        cls.consolidation = cls.env["hc.consolidation"].create(
            {
                "period_type": "dates",
                "date_from": "2025-04-01",
                "date_to": "2025-04-30",
                "company_id": company.id,
                "unit_company_ids": [Command.set(company.ids)],
            }
        )
        cls.university = cls.env["hc.national.university"].create(
            {"name": "Readonly University", "code": "RO-TEST"}
        )

    def _call_button(self, model, method, record):
        return self.make_jsonrpc_request(
            "/web/dataset/call_button",
            {"model": model, "method": method, "args": [record.ids], "kwargs": {}},
        )

    def test_declared_readonly(self):
        for model, methods in READONLY.items():
            for method in methods:
                self.assertIs(
                    getattr(type(self.env[model]), method)._readonly, True, method
                )
        # a button that writes is not
        self.assertFalse(
            hasattr(type(self.env["hc.consolidation"]).action_compute, "_readonly")
        )

    def test_served_in_a_readonly_transaction(self):
        self.authenticate(self.user.login, self.user.login)
        action = self._call_button(
            "hc.consolidation", "action_view_contributions", self.consolidation
        )
        self.assertEqual(action["res_model"], "hc.contribution")
        self.assertEqual(
            action["domain"], [["consolidation_id", "=", self.consolidation.id]]
        )
        action = self._call_button(
            "hc.national.university", "action_view_submissions", self.university
        )
        self.assertEqual(action["res_model"], "hc.national.submission")
