# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HcContribution(models.Model):
    """Gifts to a project carry its analytic account in their journal entry,
    so that the project's costs and gifts meet in accounting (kept apart
    from hc_contribution.py: it only exists once projects have accounts)."""

    _inherit = "hc.contribution"

    def _prepare_move_line_vals(self, journal):
        vals_list = super()._prepare_move_line_vals(journal)
        analytic = self.project_id.analytic_account_id
        if analytic:
            for vals in vals_list:
                if vals["credit"]:
                    vals["analytic_distribution"] = {str(analytic.id): 100.0}
        return vals_list
