# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.health_charity.tools.jalali import to_jalali_str


class OrganizationXlsx(models.AbstractModel):
    """Registry export of NGOs, charities and hospital charities."""

    _name = "report.health_charity_reports.organization_xlsx"
    _description = "Organisations Registry Workbook"
    _inherit = "report.health_charity_reports.abstract_xlsx"

    def _get_columns(self, labels):
        return [
            (self.env._("Name"), 30, lambda o: o.name),
            (self.env._("Type"), 18, lambda o: labels["org_type"].get(o.org_type)),
            (self.env._("Registration Number"), 18, lambda o: o.registration_number),
            (
                self.env._("Registration Date"),
                14,
                lambda o: to_jalali_str(o.registration_date),
            ),
            (
                self.env._("Licence Expiry"),
                14,
                lambda o: to_jalali_str(o.license_expiry_date),
            ),
            (self.env._("Status"), 12, lambda o: labels["state"].get(o.state)),
            (self.env._("Province"), 18, lambda o: o.state_id.name),
            (self.env._("City"), 16, lambda o: o.city),
            (self.env._("NGO House"), 24, lambda o: o.ngo_house_id.name),
            (self.env._("National Network"), 24, lambda o: o.network_id.name),
            (
                self.env._("Activity Areas"),
                30,
                lambda o: ", ".join(o.activity_area_ids.mapped("name")),
            ),
            (
                self.env._("Underserved Region"),
                10,
                lambda o: self.env._("Yes") if o.is_underserved else self.env._("No"),
            ),
            (self.env._("Unit"), 24, lambda o: o.company_id.name),
            (self.env._("Phone"), 16, lambda o: o.phone),
            (self.env._("Email"), 24, lambda o: o.email),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        labels = {
            "org_type": self._selection_labels("hc.organization", "org_type"),
            "state": self._selection_labels("hc.organization", "state"),
        }
        formats = self._get_formats(workbook)
        sheet = self._add_sheet(workbook, self.env._("Organisations"))
        columns = self._get_columns(labels)
        for col, (label, width, _getter) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, label, formats["header"])
        for row, org in enumerate(objs.sorted("name"), start=1):
            for col, (_label, _width, getter) in enumerate(columns):
                self._write_text(sheet, row, col, getter(org) or "", formats["text"])
