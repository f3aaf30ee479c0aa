# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestQueryCounts(HealthCharityCase):
    """Hot paths keep a number of queries that does not grow with the data."""

    def _count(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def _create(self, n_lines, n_contributions=1):
        Contribution = self.env["hc.contribution"].with_user(self.staff)
        return Contribution.create(
            [
                {
                    "donor_id": self.donor.id,
                    "company_id": self.university.id,
                    "line_ids": [
                        self._line(self.cat_medical, 1, 1_000 + i)
                        for i in range(n_lines)
                    ],
                }
                for _c in range(n_contributions)
            ]
        )

    def test_create_does_not_grow_with_lines(self):
        self._create(2)  # warm the caches
        small = self._count(lambda: self._create(2))
        big = self._count(lambda: self._create(60))
        self.assertLessEqual(big - small, 5, (small, big))

    def test_batch_create_is_batched(self):
        self._create(3, 2)
        few = self._count(lambda: self._create(3, 2))
        many = self._count(lambda: self._create(3, 40))
        # references come from one nextval query per year: all batched
        self.assertLessEqual(many - few, 5, (few, many))

    def test_list_and_donor_reads(self):
        self._create(3, 30)
        fields = ["name", "date", "donor_id", "company_id", "amount_total", "state"]
        Contribution = self.env["hc.contribution"].with_user(self.staff)
        Contribution.search_read([], fields, limit=80)
        with self.assertQueryCount(__system__=3, hc_t_staff=3):
            self.env.invalidate_all()
            Contribution.search_read([], fields, limit=80)
        Partner = self.env["res.partner"].with_user(self.staff)
        donor_fields = ["name", "hc_donor_type", "hc_contribution_total"]
        Partner.search_read([("hc_is_donor", "=", True)], donor_fields, limit=80)
        # search, read, and one grouped query for the reader's totals of the
        # whole page (plus the user's units): constant, whatever the page size
        with self.assertQueryCount(__system__=4, hc_t_staff=4):
            self.env.invalidate_all()
            Partner.search_read([("hc_is_donor", "=", True)], donor_fields, limit=80)
