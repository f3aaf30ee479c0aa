# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.tools import SQL


class ContributionXlsx(models.AbstractModel):
    """The selected contributions, one row per line."""

    _name = "report.health_charity_reports.contribution_xlsx"
    _description = "Contributions Workbook"
    _inherit = "report.health_charity_reports.abstract_xlsx"

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        formats = self._get_formats(workbook)
        where = SQL(
            "c.id = ANY(%s) AND c.company_id = ANY(%s)",
            objs.ids,
            self.env.user.company_ids.ids,
        )
        self._write_detail_sheet(workbook, self.env._("Contributions"), where, formats)
