# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A consolidation submitted while another connection approves gifts of the
same period: the snapshot and the lock stay consistent."""

import uuid

from odoo import Command, api
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, tagged
from odoo.tools import config


@tagged("post_install", "-at_install")
class TestConsolidationConcurrency(BaseCase):
    def setUp(self):
        super().setUp()
        self.registry = Registry(config["db_name"])
        tag = uuid.uuid4().hex[:8]
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {"tracking_disable": True})
            company = env["res.company"].create({"name": f"Cons concurrency {tag}"})
            donor = env["res.partner"].create(
                {"name": "Donor", "hc_is_donor": True, "hc_donor_type": "company"}
            )
            self.company_id, self.donor_id = company.id, donor.id
            self.cash_id = env.ref("health_charity.category_cash").id
            self._gift(env)
            cons = env["hc.consolidation"].create(
                {
                    "name": f"Concurrent {tag}",
                    "period_type": "dates",
                    "date_from": "2025-04-01",
                    "date_to": "2025-04-30",
                    "company_id": company.id,
                    "unit_company_ids": [Command.set(company.ids)],
                }
            )
            cons.with_context(allowed_company_ids=company.ids).action_compute()
            self.cons_id = cons.id
            cr.commit()  # pylint: disable=invalid-commit

    def _gift(self, env):
        gift = env["hc.contribution"].create(
            {
                "donor_id": self.donor_id,
                "company_id": self.company_id,
                "date": "2025-04-10",
                "line_ids": [
                    Command.create(
                        {
                            "category_id": self.cash_id,
                            "name": "Cash",
                            "quantity": 1,
                            "unit_value": 1_000_000,
                            "valuation_basis": "cash",
                        }
                    )
                ],
            }
        )
        gift.action_submit()
        return gift

    def _env(self, cr):
        return api.Environment(
            cr, api.SUPERUSER_ID, {"allowed_company_ids": [self.company_id]}
        )

    def test_gift_approved_during_submission_blocks_it(self):
        """An approval in flight holds its unit: the submission does not
        close the period under it (the gift would be approved inside a
        locked period); it says so, and once the approval is committed the
        snapshot no longer matches and must be computed again."""
        with self.registry.cursor() as cr_a, self.registry.cursor() as cr_b:
            self._gift(self._env(cr_b))  # approved, not committed yet
            cons = self._env(cr_a)["hc.consolidation"].browse(self.cons_id)
            with self.assertRaisesRegex(UserError, "being approved right now"):
                cons.action_submit()
            cr_a.rollback()
            cr_b.commit()  # pylint: disable=invalid-commit
        with self.registry.cursor() as cr:
            env = self._env(cr)
            cons = env["hc.consolidation"].browse(self.cons_id)
            self.assertEqual(cons.state, "draft")
            with self.assertRaisesRegex(UserError, "changed since it was computed"):
                cons.action_submit()
            cr.rollback()
            cons.action_compute()
            cons.action_submit()
            self.assertEqual(cons.state, "submitted")
            self.assertEqual(len(cons.contribution_ids), 2)
            company = env["res.company"].browse(self.company_id)
            self.assertEqual(str(company.hc_lock_date), "2025-04-30")
            cr.commit()  # pylint: disable=invalid-commit

    def test_gift_committed_before_submission_makes_it_refuse(self):
        with self.registry.cursor() as cr_b:
            self._gift(self._env(cr_b))
            cr_b.commit()  # pylint: disable=invalid-commit
        with self.registry.cursor() as cr_a:
            cons = self._env(cr_a)["hc.consolidation"].browse(self.cons_id)
            with self.assertRaisesRegex(UserError, "changed since it was computed"):
                cons.action_submit()
            cr_a.rollback()
            self.assertEqual(cons.state, "draft")
            self.assertFalse(cons.contribution_ids)
