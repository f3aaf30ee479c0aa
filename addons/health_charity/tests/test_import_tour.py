# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestImportTour(HttpCase):
    """The import dialog in the browser (tour hc_tour_import_good_rows): the
    bad-rows choice, the whole file in one call, the import's record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = new_test_user(
            cls.env,
            login="hc_tour_import_clerk",
            groups="health_charity.group_hc_user",
        )
        cls.donor = cls.env["res.partner"].create(
            {"name": "Import Tour Donor", "hc_is_donor": True}
        )
        cls.clerk.company_id.hc_valuation_committee = False

    def test_import_good_rows_and_get_bad_ones_back(self):
        self.start_tour(
            "/odoo/action-health_charity.hc_contribution_action",
            "hc_tour_import_good_rows",
            login=self.clerk.login,
        )
        record = self.env["hc.contribution.import"].search(
            [("user_id", "=", self.clerk.id)]
        )
        self.assertEqual(len(record), 1)
        self.assertEqual(record.mode, "good_rows")
        self.assertEqual(record.gift_count, 2)
        self.assertEqual(sorted(record.bad_rows), ["3"])
        self.assertEqual(
            sorted(record.contribution_ids.line_ids.mapped("name")),
            ["Tour item 1", "Tour item 3"],
        )
        self.assertEqual(record.contribution_ids.donor_id, self.donor)
