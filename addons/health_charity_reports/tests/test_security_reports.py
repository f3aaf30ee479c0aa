# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import HealthCharityReportsCase

READ = (True, False, False, False)
ALL = (True, True, True, True)
NONE = (False, False, False, False)
MATRIX = {
    "hc.consolidation": {"user": READ, "finance": ALL, "manager": ALL},
    "hc.consolidation.line": {"user": READ, "finance": ALL, "manager": ALL},
    "hc.contribution.report": {"user": READ, "finance": READ, "manager": READ},
    "hc.jalali.period": {"user": READ, "finance": READ, "manager": READ},
}


@tagged("post_install", "-at_install")
class TestReportsSecurity(HealthCharityReportsCase):
    def test_access_matrix(self):
        portal = new_test_user(
            self.env, login="hc_r_portal", groups="base.group_portal"
        )
        roles = {
            "user": [self.staff, self.officer_a, self.approver],
            "finance": [self.finance],
            "manager": [self.manager],
            "outsider": [portal, self.env.ref("base.public_user")],
        }
        for model, expected in MATRIX.items():
            for role, users in roles.items():
                for user in users:
                    rights = tuple(
                        self.env[model].with_user(user).has_access(op)
                        for op in ("read", "write", "create", "unlink")
                    )
                    self.assertEqual(
                        rights, expected.get(role, NONE), (model, user.login)
                    )

    def test_officer_cannot_print_another_hospitals_records(self):
        recognition = self.env["hc.recognition"].create(
            {
                "donor_id": self.donor.id,
                "level_id": self.env.ref("health_charity.recognition_level_bronze").id,
                "company_id": self.hospital_b.id,
            }
        )
        report = self.env["ir.actions.report"].with_user(self.officer_a)
        with self.assertRaises(AccessError):
            report._render_qweb_html(
                "health_charity_reports.hc_recognition_report_certificate",
                recognition.ids,
            )
        gift_b = self.gifts.filtered(lambda g: g.company_id == self.hospital_b)
        with self.assertRaises(AccessError):
            report._render_xlsx(
                "health_charity_reports.contribution_xlsx", gift_b.ids, data={}
            )
