# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import HealthCharityCase

BIG = 2_000_000_000

# operation rights per model and role: (read, write, create, unlink)
NONE = (False, False, False, False)
READ = (True, False, False, False)
RWC = (True, True, True, False)
ALL = (True, True, True, True)
MATRIX = {
    # model: {role: rights}
    "hc.organization": {"user": RWC, "manager": ALL, "portal": READ},
    "hc.ngo.house": {"user": RWC, "manager": ALL},
    "hc.ngo.network": {"user": READ, "manager": ALL},
    "hc.activity.area": {"user": READ, "manager": ALL, "portal": READ},
    "hc.contribution.category": {"user": READ, "manager": ALL, "portal": READ},
    "hc.contribution": {"user": ALL, "manager": ALL, "portal": READ},
    "hc.contribution.line": {"user": ALL, "manager": ALL},
    "hc.need": {"user": RWC, "manager": ALL, "portal": READ},
    "hc.project": {"user": RWC, "manager": ALL},
    "hc.project.milestone": {"user": ALL, "manager": ALL},
    "hc.recognition.level": {"user": READ, "manager": ALL, "portal": READ},
    "hc.recognition": {"user": RWC, "manager": ALL, "portal": READ},
    "hc.health.service": {"user": READ, "manager": ALL, "portal": READ},
    "hc.service.delegation": {"user": RWC, "manager": ALL, "portal": READ},
    "hc.delegation.visit": {"user": RWC, "manager": ALL, "portal": READ},
    "hc.program": {"user": RWC, "manager": ALL, "portal": READ},
    "hc.legal.challenge.category": {"user": READ, "manager": ALL},
    "hc.legal.challenge": {"user": RWC, "manager": ALL},
    "hc.agreement": {"user": RWC, "manager": ALL},
    "hc.pledge": {"user": RWC, "manager": ALL, "portal": READ},
    "hc.organization.change": {"user": RWC, "manager": ALL, "portal": READ},
}
# Portal users read (their own records, by record rules; see
# test_portal_benefactor and test_portal_ngo) and never write over RPC.


@tagged("post_install", "-at_install")
class TestAccessMatrix(HealthCharityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(
            cls.env, login="hc_t_portal", groups="base.group_portal"
        )
        cls.public = cls.env.ref("base.public_user")
        cls.employee = new_test_user(
            cls.env, login="hc_t_employee", groups="base.group_user"
        )

    def _rights(self, user, model):
        Model = self.env[model].with_user(user)
        return tuple(
            Model.has_access(op) for op in ("read", "write", "create", "unlink")
        )

    def test_matrix(self):
        roles = {
            "user": [self.staff, self.officer_a, self.approver, self.finance],
            "manager": [self.manager],
            "portal": [self.portal],
            "outsider": [self.public, self.employee],
        }
        for model, expected in MATRIX.items():
            for role, users in roles.items():
                rights = expected.get(role, NONE)
                for user in users:
                    self.assertEqual(
                        self._rights(user, model),
                        rights,
                        f"{model} for {user.login}",
                    )

    def test_national_id_is_personal_data(self):
        donor = self.donor.with_user(self.employee)
        with self.assertRaises(AccessError):
            donor.read(["hc_national_id"])
        self.assertEqual(
            self.donor.with_user(self.officer_a).hc_national_id,
            self.donor.hc_national_id,
        )


@tagged("post_install", "-at_install")
class TestApprovalHoles(HealthCharityCase):
    """The known holes of OCA base_tier_validation, closed."""

    def _submitted_big(self):
        rec = self._contribution(lines=[self._line(self.cat_medical, 1, BIG)])
        rec.with_user(self.staff).action_submit()
        self.assertEqual(rec.state, "submitted")
        return rec

    def test_direct_review_write_never_approves(self):
        rec = self._submitted_big()
        review = rec.review_ids.with_user(self.staff)
        with self.assertRaises(AccessError):
            review.write({"status": "approved"})
        with self.assertRaises(AccessError):
            review.with_user(self.approver).write({"status": "approved"})
        with self.assertRaises(AccessError):
            review.unlink()
        with self.assertRaises(AccessError):
            self.env["tier.review"].with_user(self.staff).create(
                {
                    "model": rec._name,
                    "res_id": rec.id,
                    "definition_id": review.definition_id.id,
                    "status": "approved",
                }
            )
        self.assertEqual(rec.state, "submitted")
        self.assertEqual(rec.review_ids.status, "pending")

    def test_skip_validation_check_is_ignored(self):
        rec = self._submitted_big()
        forged = rec.with_user(self.staff).with_context(skip_validation_check=True)
        with self.assertRaises(Exception):  # noqa: B017 - refused either way
            forged.write({"donor_id": self.donor_company.id})
        with self.assertRaises(AccessError):
            forged.write({"state": "approved"})
        with self.assertRaises(UserError):
            forged.line_ids.write({"unit_value": 1})
        self.assertEqual(rec.donor_id, self.donor)
        self.assertEqual(rec.amount_total, BIG)

    def test_state_cannot_be_forced(self):
        with self.assertRaises(AccessError):
            self._contribution(state="posted")
        rec = self._contribution()
        rec.with_user(self.staff).action_submit()
        self.assertEqual(rec.state, "approved")
        with self.assertRaises(AccessError):
            rec.with_user(self.manager).write({"state": "draft"})
        with self.assertRaises(AccessError):
            rec.with_user(self.finance).write({"state": "posted"})
        self.assertEqual(rec.state, "approved")

    def test_non_reviewer_validation_leaves_state(self):
        rec = self._submitted_big()
        for user in (self.staff, self.finance, self.officer_a):
            with self.assertRaises(UserError):
                rec.with_user(user).validate_tier()
            self.assertEqual(rec.state, "submitted")
        self.assertEqual(rec.review_ids.status, "pending")

    def test_value_fields_are_tracked(self):
        """The chatter keeps who changed the value-carrying fields."""
        tracked = self.env["hc.contribution"]._track_get_fields()
        for name in ("state", "amount_total", "donor_id", "date", "company_id"):
            self.assertIn(name, tracked)
        self.assertIn("state", self.env["hc.service.delegation"]._track_get_fields())
        self.assertIn("state", self.env["hc.project"]._track_get_fields())

    def test_delegation_and_project_share_the_guards(self):
        project = (
            self.env["hc.project"]
            .with_user(self.staff)
            .create({"name": "Health centre", "company_id": self.university.id})
        )
        with self.assertRaises(AccessError):
            project.write({"state": "approved"})
        project.action_submit()
        with self.assertRaises(AccessError):
            project.review_ids.with_user(self.staff).write({"status": "approved"})
        self.assertEqual(project.state, "proposed")
        self.assertFalse(project.analytic_account_id)
