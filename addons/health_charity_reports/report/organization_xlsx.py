# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .hc_report_xlsx_abstract import Column


class OrganizationXlsx(models.AbstractModel):
    """Registry export of NGOs, charities and hospital charities."""

    _name = "report.health_charity_reports.organization_xlsx"
    _description = "Organisations Registry Workbook"
    _inherit = "report.health_charity_reports.abstract_xlsx"

    def _get_columns(self):
        label, jalali = self._labels, self._jalali()
        return [
            Column("name", self.env._("Name"), "text", 30, get=lambda o: o.name),
            Column(
                "org_type",
                self.env._("Type"),
                "text",
                18,
                get=lambda o: o.org_type,
                convert=label("hc.organization", "org_type"),
            ),
            Column(
                "registration_number",
                self.env._("Registration Number"),
                "text",
                18,
                get=lambda o: o.registration_number,
            ),
            Column(
                "registration_date",
                self.env._("Registration Date"),
                "text",
                14,
                get=lambda o: o.registration_date,
                convert=jalali,
            ),
            Column(
                "license_expiry_date",
                self.env._("Licence Expiry"),
                "text",
                14,
                get=lambda o: o.license_expiry_date,
                convert=jalali,
            ),
            Column(
                "state",
                self.env._("Status"),
                "text",
                12,
                get=lambda o: o.state,
                convert=label("hc.organization", "state"),
            ),
            Column(
                "province",
                self.env._("Province"),
                "text",
                18,
                get=lambda o: o.state_id.name,
            ),
            Column("city", self.env._("City"), "text", 16, get=lambda o: o.city),
            Column(
                "ngo_house",
                self.env._("NGO House"),
                "text",
                24,
                get=lambda o: o.ngo_house_id.name,
            ),
            Column(
                "network",
                self.env._("National Network"),
                "text",
                24,
                get=lambda o: o.network_id.name,
            ),
            Column(
                "activity_areas",
                self.env._("Activity Areas"),
                "text",
                30,
                get=lambda o: ", ".join(o.activity_area_ids.mapped("name")),
            ),
            Column(
                "underserved",
                self.env._("Underserved Region"),
                "text",
                10,
                get=lambda o: o.is_underserved,
                convert=self._yes_no(),
            ),
            Column(
                "unit", self.env._("Unit"), "text", 24, get=lambda o: o.company_id.name
            ),
            Column("phone", self.env._("Phone"), "text", 16, get=lambda o: o.phone),
            Column("email", self.env._("Email"), "text", 24, get=lambda o: o.email),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        formats = self._get_formats(workbook)
        sheet = self._add_sheet(workbook, self.env._("Organisations"))
        self._write_records_table(
            sheet, self._get_columns(), objs.sorted("name"), formats
        )
