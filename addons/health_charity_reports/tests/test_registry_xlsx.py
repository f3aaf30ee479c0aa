# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import tagged

from .common import HealthCharityReportsCase


@tagged("post_install", "-at_install")
class TestRegistryExports(HealthCharityReportsCase):
    def test_organizations_and_delegations(self):
        area = self.env["hc.activity.area"].create({"name": "Kidney", "code": "t_k"})
        ngo = self.env["hc.organization"].create(
            {
                "name": "+Iranshahr Kidney NGO",
                "org_type": "ngo",
                "registration_number": "T-X-1",
                "registration_date": date(2025, 3, 21),
                "license_expiry_date": date(2030, 1, 1),
                "activity_area_ids": [(6, 0, area.ids)],
                "is_underserved": True,
            }
        )
        ngo.action_activate()
        wb = self._render_xlsx(
            "health_charity_reports.organization_xlsx", ngo, user=self.staff
        )
        rows = list(wb.worksheets[0].iter_rows(values_only=True))
        self.assertEqual(rows[1][0], "+Iranshahr Kidney NGO")  # text, no formula
        self.assertIn("1404/01/01", rows[1])
        service = self.env["hc.health.service"].create(
            {"name": "Dialysis support", "code": "T_DIAL"}
        )
        delegation = self.env["hc.service.delegation"].create(
            {
                "organization_id": ngo.id,
                "service_id": service.id,
                "start_date": "2026-01-01",
                "end_date": "2026-12-31",
                "company_id": self.university.id,
            }
        )
        # visits are recorded once the delegation is approved
        delegation.action_submit()
        delegation.with_user(self.approver).validate_tier()
        delegation.action_activate()
        for day, score in (("2026-02-01", 70), ("2026-03-01", 40)):
            self.env["hc.delegation.visit"].create(
                {"delegation_id": delegation.id, "date": day, "score": score}
            )
        wb = self._render_xlsx(
            "health_charity_reports.delegation_xlsx", delegation, user=self.staff
        )
        rows = list(wb.worksheets[0].iter_rows(values_only=True))
        self.assertEqual(len(rows), 3)  # header + one row per visit
        self.assertEqual([r[11] for r in rows[1:]], [70, 40])
        self.assertEqual(rows[1][8], 55)
