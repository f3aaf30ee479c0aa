# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The work that follows approval: supervision visits on an active
delegation, milestones and progress of a running project. What was approved
stays locked; the follow-up work does not (server and form agree)."""

from datetime import date

from lxml import etree

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestRunningCases(HealthCharityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        area = cls.env["hc.activity.area"].create(
            {"name": "Dialysis", "code": "t_rc_dialysis"}
        )
        cls.service = cls.env["hc.health.service"].create(
            {
                "name": "Home dialysis support",
                "code": "T_RC_DIAL",
                "activity_area_ids": [Command.set(area.ids)],
            }
        )
        cls.ngo = cls.env["hc.organization"].create(
            {
                "name": "Iranshahr Kidney NGO",
                "org_type": "ngo",
                "registration_number": "T-RC-1",
                "license_expiry_date": date(2030, 1, 1),
                "activity_area_ids": [Command.set(area.ids)],
                "company_id": cls.university.id,
            }
        )
        cls.ngo.action_activate()

    def _delegation(self, company=None, user=None, year=2026):
        company = company or self.hospital_a
        return (
            self.env["hc.service.delegation"]
            .with_user(user or self.staff)
            .with_company(company)
            .create(
                {
                    "organization_id": self.ngo.id,
                    "service_id": self.service.id,
                    "company_id": company.id,
                    "start_date": f"{year}-01-01",
                    "end_date": f"{year}-12-31",
                }
            )
        )

    def _active(self, **kw):
        rec = self._delegation(**kw)
        rec.action_submit()
        rec.with_user(self.approver).validate_tier()
        rec.action_activate()
        return rec

    def _form_readonly(self, model, field):
        arch = self.env[model].with_user(self.staff).get_view(view_type="form")["arch"]
        node = etree.fromstring(arch).xpath(f"//field[@name='{field}']")[0]
        return node.get("readonly") or ""

    # ----------------------------------------------------------- delegations
    def test_visit_on_active_delegation(self):
        rec = self._active()
        self.assertEqual(rec.validation_status, "validated")
        staff_rec = rec.with_user(self.staff)
        # the daily work: a visit through the delegation form's list...
        staff_rec.write(
            {
                "visit_ids": [
                    Command.create(
                        {"date": "2026-03-01", "score": 40, "findings": "No log"}
                    )
                ]
            }
        )
        visit = rec.visit_ids
        self.assertEqual(visit.company_id, self.hospital_a)
        # ...its findings and corrective action completed later
        visit.with_user(self.staff).write(
            {"findings": "No patient log", "corrective_action": "Keep a log"}
        )
        self.assertEqual(visit.corrective_action, "Keep a log")
        self.assertEqual(rec.last_score, 40)
        # the follow-up fields of the delegation stay editable
        staff_rec.write({"contract_reference": "C-1405-12"})
        # the approved terms stay locked
        for vals in (
            {"start_date": "2026-02-01"},
            {"target_population": 10},
            {"service_id": self.service.id},
        ):
            with self.assertRaises(UserError), self.env.cr.savepoint():
                staff_rec.write(vals)
        # a suspended delegation is still supervised, a closed one is not
        rec.action_suspend()
        visit.with_user(self.staff).write({"score": 60})
        rec.action_close()
        with self.assertRaises(UserError), self.env.cr.savepoint():
            visit.with_user(self.staff).write({"findings": "late edit"})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.env["hc.delegation.visit"].with_user(self.staff).create(
                {"delegation_id": rec.id, "date": "2026-06-01", "score": 80}
            )

    def test_no_visit_before_approval(self):
        rec = self._delegation()
        Visit = self.env["hc.delegation.visit"].with_user(self.staff)
        vals = {"delegation_id": rec.id, "date": "2026-02-01", "score": 70}
        with self.assertRaisesRegex(UserError, "approved, active or suspended"):
            with self.env.cr.savepoint():
                Visit.create(vals)
        rec.action_submit()
        with self.assertRaisesRegex(UserError, "approved, active or suspended"):
            with self.env.cr.savepoint():
                Visit.create(vals)
        self.assertFalse(rec.visit_ids)

    def test_tier_exceptions_follow_the_policy(self):
        Delegation = self.env["hc.service.delegation"]
        after = set(Delegation._get_after_validation_exceptions())
        self.assertTrue({"visit_ids", "contract_reference", "user_id"} <= after)
        self.assertFalse({"start_date", "organization_id", "service_id"} & after)
        self.assertEqual(
            {"description"} & set(Delegation._get_under_validation_exceptions()),
            {"description"},
        )
        Project = self.env["hc.project"]
        after = set(Project._get_after_validation_exceptions())
        self.assertTrue({"milestone_ids", "progress", "progress_mode"} <= after)
        self.assertNotIn("estimated_cost", after)

    def test_forms_offer_what_the_server_accepts(self):
        visits = self._form_readonly("hc.service.delegation", "visit_ids")
        self.assertIn("'active'", visits)
        self.assertNotIn("validation_status not in", visits)
        start = self._form_readonly("hc.service.delegation", "start_date")
        self.assertIn("validation_status not in ('no', False)", start)
        milestones = self._form_readonly("hc.project", "milestone_ids")
        self.assertIn("'in_progress'", milestones)
        self.assertNotIn("'completed'", milestones)

    def test_new_visit_finds_delegations_of_every_allowed_unit(self):
        rec_a = self._active(company=self.hospital_a)
        rec_b = self._active(company=self.hospital_b, user=self.officer_b, year=2027)
        draft = self._delegation(company=self.hospital_a)
        field = self.env["hc.delegation.visit"]._fields["delegation_id"]
        self.assertFalse(field.check_company)
        staff = self.env(
            user=self.staff, context={"allowed_company_ids": self.all_units.ids}
        )
        form = Form(staff["hc.delegation.visit"])
        form.delegation_id = rec_b
        form.score = 75
        visit = form.save()
        self.assertEqual(visit.company_id, self.hospital_b)
        found = staff["hc.service.delegation"].search(
            [
                ("company_id", "in", self.all_units.ids),
                ("state", "in", ("approved", "active", "suspended")),
            ]
        )
        self.assertEqual(found & (rec_a | rec_b | draft), rec_a | rec_b)
        # an officer of hospital A never picks hospital B's delegation
        officer = self.env(
            user=self.officer_a, context={"allowed_company_ids": self.hospital_a.ids}
        )
        self.assertNotIn(rec_b, officer["hc.service.delegation"].search([]))

    def test_banner_names_the_reviewers(self):
        rec = self._delegation()
        rec.action_submit()
        rec.invalidate_recordset(["next_review"])
        banner = rec.with_user(self.staff).next_review
        self.assertIn(self.approver.name, banner)
        self.assertIn(self.approver_2.name, banner)
        # the requester never reviews their own record
        self.assertNotIn(self.staff.name, banner)

    # --------------------------------------------------------------- projects
    def _project(self, **vals):
        base = {
            "name": "Comprehensive health centre of Bampur",
            "company_id": self.university.id,
            "estimated_cost": 80_000_000_000,
            "milestone_ids": [
                Command.create({"name": "Land", "weight": 1}),
                Command.create({"name": "Structure", "weight": 3}),
                Command.create({"name": "Equipment", "weight": 4}),
            ],
        }
        base.update(vals)
        return self.env["hc.project"].with_user(self.staff).create(base)

    def test_running_project_ticks_milestones(self):
        project = self._project()
        self.assertEqual(project.progress, 0)
        project.action_submit()
        project.with_user(self.approver).validate_tier()
        project.action_start()
        self.assertEqual(project.state, "in_progress")
        land, structure, _equipment = project.milestone_ids
        project.with_user(self.staff).write(
            {
                "milestone_ids": [
                    Command.update(land.id, {"is_done": True}),
                    Command.update(structure.id, {"is_done": True}),
                ]
            }
        )
        self.assertEqual(project.progress, 50.0)  # (1 + 3) / 8, weighted
        self.assertEqual(land.done_date, date.today())
        self.assertEqual(project.milestone_summary, "2 of 3")
        # a milestone added while the project runs
        project.with_user(self.staff).write(
            {"milestone_ids": [Command.create({"name": "Hand-over", "weight": 2})]}
        )
        self.assertEqual(project.progress, 40.0)
        structure.with_user(self.staff).is_done = False
        self.assertFalse(structure.done_date)
        # entered progress
        project.with_user(self.staff).write({"progress_mode": "manual", "progress": 35})
        self.assertEqual(project.progress, 35)
        land.with_user(self.staff).weight = 5
        self.assertEqual(project.progress, 35)
        # the approved terms stay locked
        with self.assertRaises(UserError), self.env.cr.savepoint():
            project.with_user(self.staff).estimated_cost = 1
        # the funding stays visible: received vs estimated
        gift = self._contribution(
            project_id=project.id,
            lines=[self._line(self.cat_construction, 1, 20_000_000_000)],
        )
        gift.with_user(self.staff).action_submit()
        gift.with_user(self.approver).validate_tier()
        self.assertEqual(project.received_amount, 20_000_000_000)
        self.assertEqual(project.funding_percent, 25.0)
        # a completed project's milestones are its record
        project.action_complete()
        self.assertEqual(project.progress, 100)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            land.with_user(self.staff).is_done = False
