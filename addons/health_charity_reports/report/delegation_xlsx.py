# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .hc_report_xlsx_abstract import Column


class DelegationXlsx(models.AbstractModel):
    """Registry export of service delegations with their supervision visits:
    one row per visit (a delegation without visits has one row)."""

    _name = "report.health_charity_reports.delegation_xlsx"
    _description = "Delegations and Visits Workbook"
    _inherit = "report.health_charity_reports.abstract_xlsx"

    def _get_columns(self):
        """Columns of a row ``(delegation, visit or None)``."""
        jalali = self._jalali()

        def visit(read):
            return lambda row: read(row[1]) if row[1] else None

        return [
            Column(
                "reference",
                self.env._("Reference"),
                "text",
                18,
                get=lambda r: r[0].name,
            ),
            Column(
                "ngo",
                self.env._("NGO"),
                "text",
                28,
                get=lambda r: r[0].organization_id.name,
            ),
            Column(
                "service",
                self.env._("Service"),
                "text",
                24,
                get=lambda r: r[0].service_id.name,
            ),
            Column(
                "unit",
                self.env._("Unit"),
                "text",
                24,
                get=lambda r: r[0].company_id.name,
            ),
            Column(
                "start",
                self.env._("Start"),
                "text",
                12,
                get=lambda r: r[0].start_date,
                convert=jalali,
            ),
            Column(
                "end",
                self.env._("End"),
                "text",
                12,
                get=lambda r: r[0].end_date,
                convert=jalali,
            ),
            Column(
                "state",
                self.env._("Status"),
                "text",
                12,
                get=lambda r: r[0].state,
                convert=self._labels("hc.service.delegation", "state"),
            ),
            Column(
                "target_population",
                self.env._("Target Population"),
                "number",
                12,
                get=lambda r: r[0].target_population,
            ),
            Column(
                "average_score",
                self.env._("Average Score"),
                "number",
                10,
                get=lambda r: r[0].average_score,
            ),
            Column(
                "visit_date",
                self.env._("Visit Date"),
                "text",
                12,
                get=visit(lambda v: v.date),
                convert=jalali,
            ),
            Column(
                "inspector",
                self.env._("Inspector"),
                "text",
                20,
                get=visit(lambda v: v.inspector_id.name),
            ),
            Column(
                "score", self.env._("Score"), "number", 8, get=visit(lambda v: v.score)
            ),
            Column(
                "findings",
                self.env._("Findings"),
                "text",
                40,
                get=visit(lambda v: v.findings),
            ),
            Column(
                "corrective_action",
                self.env._("Corrective Action"),
                "text",
                40,
                get=visit(lambda v: v.corrective_action),
            ),
            Column(
                "next_visit",
                self.env._("Next Visit"),
                "text",
                12,
                get=visit(lambda v: v.next_visit_date),
                convert=jalali,
            ),
        ]

    def _get_rows(self, delegations):
        for delegation in delegations.sorted(lambda d: (d.start_date, d.id)):
            for visit in delegation.visit_ids.sorted("date") or [None]:
                yield delegation, visit

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        formats = self._get_formats(workbook)
        sheet = self._add_sheet(workbook, self.env._("Delegations"))
        self._write_records_table(
            sheet, self._get_columns(), self._get_rows(objs), formats
        )
