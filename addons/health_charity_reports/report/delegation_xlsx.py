# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.health_charity.tools.jalali import to_jalali_str


class DelegationXlsx(models.AbstractModel):
    """Registry export of service delegations with their supervision visits:
    one row per visit (a delegation without visits has one row)."""

    _name = "report.health_charity_reports.delegation_xlsx"
    _description = "Delegations and Visits Workbook"
    _inherit = "report.health_charity_reports.abstract_xlsx"

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        states = self._selection_labels("hc.service.delegation", "state")
        formats = self._get_formats(workbook)
        sheet = self._add_sheet(workbook, self.env._("Delegations"))
        headers = [
            (self.env._("Reference"), 18),
            (self.env._("NGO"), 28),
            (self.env._("Service"), 24),
            (self.env._("Unit"), 24),
            (self.env._("Start"), 12),
            (self.env._("End"), 12),
            (self.env._("Status"), 12),
            (self.env._("Target Population"), 12),
            (self.env._("Average Score"), 10),
            (self.env._("Visit Date"), 12),
            (self.env._("Inspector"), 20),
            (self.env._("Score"), 8),
            (self.env._("Findings"), 40),
            (self.env._("Corrective Action"), 40),
            (self.env._("Next Visit"), 12),
        ]
        for col, (label, width) in enumerate(headers):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, label, formats["header"])
        row = 0
        for delegation in objs.sorted(lambda d: (d.start_date, d.id)):
            head = [
                delegation.name,
                delegation.organization_id.name,
                delegation.service_id.name,
                delegation.company_id.name,
                to_jalali_str(delegation.start_date),
                to_jalali_str(delegation.end_date),
                states.get(delegation.state),
            ]
            for visit in delegation.visit_ids.sorted("date") or [None]:
                row += 1
                for col, value in enumerate(head):
                    self._write_text(sheet, row, col, value, formats["text"])
                sheet.write_number(
                    row, 7, delegation.target_population, formats["number"]
                )
                sheet.write_number(row, 8, delegation.average_score, formats["number"])
                if visit:
                    self._write_text(
                        sheet, row, 9, to_jalali_str(visit.date), formats["text"]
                    )
                    self._write_text(
                        sheet, row, 10, visit.inspector_id.name, formats["text"]
                    )
                    sheet.write_number(row, 11, visit.score, formats["number"])
                    self._write_text(sheet, row, 12, visit.findings, formats["text"])
                    self._write_text(
                        sheet, row, 13, visit.corrective_action, formats["text"]
                    )
                    self._write_text(
                        sheet,
                        row,
                        14,
                        to_jalali_str(visit.next_visit_date),
                        formats["text"],
                    )
