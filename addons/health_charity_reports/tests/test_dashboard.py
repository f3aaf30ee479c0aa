# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import json

from odoo.tests import HttpCase, tagged

from .common import HealthCharityReportsCase


@tagged("post_install", "-at_install")
class TestSpreadsheetDashboard(HealthCharityReportsCase):
    """The dashboard shipped as data asks the server only for what exists:
    every chart, pivot and list of its JSON reads its model as the
    spreadsheet would, and its periods are Jalali."""

    def _data(self):
        dashboard = self.env.ref(
            "health_charity_reports.spreadsheet_dashboard_health_charity"
        )
        return json.loads(base64.b64decode(dashboard.spreadsheet_binary_data))

    def test_menu_opens_the_spreadsheet_dashboard(self):
        menu = self.env.ref("health_charity_reports.hc_dashboard_menu")
        self.assertEqual(menu.action.tag, "action_spreadsheet_dashboard")
        dashboard = self.env.ref(
            "health_charity_reports.spreadsheet_dashboard_health_charity"
        )
        self.assertEqual(menu.action.params["dashboard_id"], dashboard.id)
        self.assertIn(self.env.ref("health_charity.group_hc_user"), dashboard.group_ids)
        self.assertIn(
            dashboard,
            self.env["spreadsheet.dashboard"].with_user(self.staff).search([]),
        )

    def test_charts_read_their_data(self):
        charts = [
            figure["data"]
            for sheet in self._data()["sheets"]
            for figure in sheet["figures"]
            if figure["tag"] == "chart"
        ]
        self.assertEqual(len(charts), 5)
        for chart in charts:
            meta, search = chart["metaData"], chart["searchParams"]
            Model = self.env[meta["resModel"]].with_user(self.finance)
            groups = Model.web_read_group(
                search["domain"], [f"{meta['measure']}:sum"], meta["groupBy"][:1]
            )["groups"]
            self.assertTrue(groups or meta["resModel"] != "hc.contribution.report")
        quarter = next(
            c for c in charts if "date_jalali_quarter" in c["metaData"]["groupBy"]
        )
        Report = self.env["hc.contribution.report"]
        labels = [
            g["date_jalali_quarter"]
            for g in Report.web_read_group(
                quarter["searchParams"]["domain"],
                ["value:sum"],
                ["date_jalali_quarter"],
            )["groups"]
        ]
        self.assertIn("Q1 1404", labels)  # Jalali quarters, not Gregorian months

    def test_pivots_and_lists_read_their_data(self):
        data = self._data()
        for pivot in data["pivots"].values():
            Model = self.env[pivot["model"]].with_user(self.finance)
            rows = [row["fieldName"] for row in pivot["rows"]]
            measures = [f"{m['fieldName']}:sum" for m in pivot["measures"]]
            self.assertTrue(Model.read_group(pivot["domain"], measures, rows))
        for odoo_list in data["lists"].values():
            Model = self.env[odoo_list["model"]].with_user(self.finance)
            order = ", ".join(
                f"{o['name']} {'asc' if o['asc'] else 'desc'}"
                for o in odoo_list["orderBy"]
            )
            records = Model.search(odoo_list["domain"], order=order, limit=10)
            records.read(odoo_list["columns"])


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase, HealthCharityReportsCase):
    """The finance head opens the dashboard over the gifts of the common
    set-up (tour hc_tour_dashboard): it loads without errors."""

    def test_dashboard_opens(self):
        self.start_tour(
            "/odoo/action-health_charity_reports.hc_dashboard_action_spreadsheet",
            "hc_tour_dashboard",
            login=self.finance.login,
        )
