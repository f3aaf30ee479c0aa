# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestProject(HealthCharityCase):
    def _project(self, user=None, company=None, **vals):
        company = company or self.university
        base = {
            "name": "Road emergency base of Razan",
            "project_type": "road_emergency_base",
            "company_id": company.id,
            "estimated_cost": 40_000_000_000,
        }
        base.update(vals)
        return (
            self.env["hc.project"]
            .with_user(user or self.staff)
            .with_company(company)
            .create(base)
        )

    def test_lifecycle_analytic_and_amounts(self):
        project = self._project()
        project.action_submit()
        self.assertEqual(project.state, "proposed")
        self.assertTrue(project.review_ids)
        with self.assertRaises(UserError):
            project.with_user(self.staff).validate_tier()
        project.with_user(self.approver).validate_tier()
        self.assertEqual(project.state, "approved")
        analytic = project.analytic_account_id
        self.assertTrue(analytic)
        self.assertEqual(
            analytic.plan_id,
            self.env.ref("health_charity.account_analytic_plan_hc_projects"),
        )
        # gifts: pledged vs received
        pledged = self._contribution(
            project_id=project.id,
            lines=[self._line(self.cat_construction, 1, 5_000_000_000)],
        )
        received = self._contribution(
            project_id=project.id,
            lines=[self._line(self.cat_construction, 1, 900_000_000)],
        )
        received.with_user(self.staff).action_submit()
        self.assertEqual(project.pledged_amount, 5_900_000_000)
        self.assertEqual(project.received_amount, 900_000_000)
        self.assertEqual(pledged.state, "draft")
        # the entry of a project gift carries the analytic account
        received.with_user(self.finance).action_post()
        income = received.move_id.line_ids.filtered("credit")
        self.assertEqual(income.analytic_distribution, {str(analytic.id): 100.0})
        project.action_start()
        self.assertEqual(project.state, "in_progress")
        project.action_complete()
        self.assertEqual(project.progress, 100)
        project.action_hand_over()
        self.assertEqual(project.state, "handed_over")
        self.assertTrue(project.handover_date)
        with self.assertRaises(UserError):
            project.action_start()

    def test_rejected_project(self):
        project = self._project()
        project.action_submit()
        project.with_user(self.approver).reject_tier()
        self.assertEqual(project.state, "rejected")
        self.assertFalse(project.analytic_account_id)
        project.action_reset()
        self.assertEqual(project.state, "proposed")

    def test_milestones_and_bad_progress(self):
        project = self._project(
            milestone_ids=[
                (0, 0, {"name": "Land from the endower", "deadline": "2026-03-01"}),
                (0, 0, {"name": "Foundation", "deadline": "2026-06-01"}),
            ]
        )
        self.assertEqual(len(project.milestone_ids), 2)
        from psycopg2 import IntegrityError

        from odoo.tools import mute_logger

        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                project.progress = 150
                project.flush_recordset()

    def test_hospital_isolation(self):
        project_b = self._project(user=self.officer_b, company=self.hospital_b)
        self.assertNotIn(
            project_b, self.env["hc.project"].with_user(self.officer_a).search([])
        )
        with self.assertRaises(AccessError):
            project_b.with_user(self.officer_a).write({"progress": 10})
