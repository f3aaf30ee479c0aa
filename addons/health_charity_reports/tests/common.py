# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl

from odoo.addons.health_charity.tests.common import HealthCharityCase


class HealthCharityReportsCase(HealthCharityCase):
    """Approved gifts in the university and both hospitals, around Nowruz
    1404 (2025-03-21) and in Jalali 1404 Q1."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gifts = cls.env["hc.contribution"]
        specs = [
            # (company, user, date, lines)
            (cls.university, cls.staff, "2025-03-20", [(cls.cat_cash, 1, 10_000_000)]),
            (
                cls.hospital_a,
                cls.officer_a,
                "2025-03-21",
                [(cls.cat_medical, 2, 300_000_000), (cls.cat_cash, 1, 5_000_000)],
            ),
            (
                cls.hospital_a,
                cls.officer_a,
                "2025-05-10",
                [(cls.cat_food, 100, 2_000_000)],
            ),
            (
                cls.hospital_b,
                cls.officer_b,
                "2025-06-21",
                [(cls.cat_construction, 1, 800_000_000)],
            ),
            (
                cls.hospital_b,
                cls.officer_b,
                "2025-06-22",
                [(cls.cat_cash, 1, 7_000_000)],
            ),
        ]
        for company, user, date, lines in specs:
            gift = cls._contribution(
                user=user,
                company=company,
                date=date,
                lines=[cls._line(cat, qty, val) for cat, qty, val in lines],
            )
            gift.with_user(user).action_submit()
            cls.gifts |= gift
        cls.units = cls.university | cls.hospital_a | cls.hospital_b

    @classmethod
    def _consolidation(cls, user=None, **vals):
        user = user or cls.finance
        base = {
            "period_type": "jalali",
            "jalali_year": 1404,
            "jalali_quarter": "1",
            "company_id": cls.university.id,
            "unit_company_ids": [(6, 0, cls.units.ids)],
        }
        base.update(vals)
        return (
            cls.env["hc.consolidation"]
            .with_user(user)
            .with_context(allowed_company_ids=cls.units.ids)
            .create(base)
        )

    def _run_jobs(self):
        """Run the consolidation jobs as the scheduler does. The jobs write
        their rows in transactions of their own: in test mode those share
        the test's transaction (rolled back at the end)."""
        if self.registry.test_cr is None:
            self.registry.enter_test_mode(self.env.cr)
            self.addCleanup(self.registry.leave_test_mode)
        done = self.env["hc.consolidation.job"]._cron_run_jobs()
        self.env.invalidate_all()
        return done

    def _render_xlsx(self, report_name, records, user=None):
        report = self.env["ir.actions.report"]
        if user:
            report = report.with_user(user)
            records = records.with_user(user)
        content, ext = report.with_context(
            allowed_company_ids=(user or self.env.user).company_ids.ids
        )._render_xlsx(report_name, records.ids, data={})
        self.assertEqual(ext, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))
