# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two users acting on the same gift at once, on real committed data and
two database connections: exactly one journal entry, a clear message for
the other user."""

import uuid

from odoo import Command, api
from odoo.exceptions import UserError
from odoo.tests import BaseCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestConcurrentPosting(BaseCase):
    def setUp(self):
        super().setUp()
        from odoo.modules.registry import Registry
        from odoo.tools import config

        self.registry = Registry(config["db_name"])
        self.tag = uuid.uuid4().hex[:8]
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {"tracking_disable": True})
            company = env["res.company"].create({"name": f"Concurrency {self.tag}"})
            Account = env["account.account"].with_company(company)
            bank = Account.create(
                {"name": "Bank", "code": "CC101", "account_type": "asset_cash"}
            )
            income = Account.create(
                {"name": "Income", "code": "CC701", "account_type": "income_other"}
            )
            journal = env["account.journal"].create(
                {
                    "name": "Contributions",
                    "code": "CCJ",
                    "type": "general",
                    "company_id": company.id,
                    "default_account_id": bank.id,
                }
            )
            company.write(
                {"hc_journal_id": journal.id, "hc_income_account_id": income.id}
            )
            users = [
                new_test_user(
                    env,
                    login=f"hc_cc_fin{i}_{self.tag}",
                    groups="health_charity.group_hc_finance",
                    company_id=company.id,
                    company_ids=[Command.set(company.ids)],
                )
                for i in (1, 2)
            ]
            donor = env["res.partner"].create(
                {
                    "name": "Concurrent donor",
                    "hc_is_donor": True,
                    "hc_donor_type": "company",
                }
            )
            gift = (
                env["hc.contribution"]
                .with_user(users[0])
                .with_company(company)
                .create(
                    {
                        "donor_id": donor.id,
                        "company_id": company.id,
                        "line_ids": [
                            Command.create(
                                {
                                    "category_id": env.ref(
                                        "health_charity.category_cash"
                                    ).id,
                                    "name": "Cash",
                                    "quantity": 1,
                                    "unit_value": 5_000_000,
                                    "valuation_basis": "cash",
                                }
                            )
                        ],
                    }
                )
            )
            gift.action_submit()
            self.ids = {
                "company": company.id,
                "journal": journal.id,
                "users": [u.id for u in users],
                "gift": gift.id,
            }
            cr.commit()  # pylint: disable=invalid-commit

    def _env(self, cr, user_id):
        return api.Environment(
            cr, user_id, {"allowed_company_ids": [self.ids["company"]]}
        )

    def test_two_approvers_validate_at_once(self):
        user_a, user_b = self.ids["users"]
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            env.ref("health_charity.group_hc_approver").users = [
                Command.link(user_a),
                Command.link(user_b),
            ]
            big = env["hc.contribution"].create(
                {
                    "donor_id": env["hc.contribution"]
                    .browse(self.ids["gift"])
                    .donor_id.id,
                    "company_id": self.ids["company"],
                    "line_ids": [
                        Command.create(
                            {
                                "category_id": env.ref(
                                    "health_charity.category_cash"
                                ).id,
                                "name": "Big gift",
                                "quantity": 1,
                                "unit_value": 2_000_000_000,
                                "valuation_basis": "cash",
                            }
                        )
                    ],
                }
            )
            big.action_submit()
            big_id = big.id
            cr.commit()  # pylint: disable=invalid-commit
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            rec_a = self._env(cr_a, user_a)["hc.contribution"].browse(big_id)
            rec_b = self._env(cr_b, user_b)["hc.contribution"].browse(big_id)
            rec_a.validate_tier()
            with self.assertRaisesRegex(UserError, "Another user is reviewing"):
                rec_b.validate_tier()
            cr_b.rollback()
            cr_a.commit()  # pylint: disable=invalid-commit
            rec_b.invalidate_recordset()
            with self.assertRaisesRegex(UserError, "not waiting for a review"):
                rec_b.validate_tier()
            cr_b.rollback()
        with self.registry.cursor() as cr:
            rec = api.Environment(cr, api.SUPERUSER_ID, {})["hc.contribution"].browse(
                big_id
            )
            self.assertEqual(rec.state, "approved")
            self.assertEqual(rec.review_ids.status, "approved")
            self.assertEqual(rec.review_ids.done_by.id, user_a)

    def test_two_finance_users_post_at_once(self):
        user_a, user_b = self.ids["users"]
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            gift_a = self._env(cr_a, user_a)["hc.contribution"].browse(self.ids["gift"])
            gift_b = self._env(cr_b, user_b)["hc.contribution"].browse(self.ids["gift"])
            gift_a.action_post()  # holds the row lock until commit
            with self.assertRaisesRegex(UserError, "Another user is working"):
                gift_b.action_post()
            cr_b.rollback()
            cr_a.commit()  # pylint: disable=invalid-commit
            gift_b.invalidate_recordset()
            with self.assertRaisesRegex(UserError, "cannot be posted"):
                gift_b.action_post()
            cr_b.rollback()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            moves = env["account.move"].search(
                [("journal_id", "=", self.ids["journal"])]
            )
            self.assertEqual(len(moves), 1)
            self.assertEqual(
                env["hc.contribution"].browse(self.ids["gift"]).state, "posted"
            )
