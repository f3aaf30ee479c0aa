# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import jdatetime

from odoo import api, fields, models
from odoo.exceptions import UserError


class HcDonorStatement(models.TransientModel):
    """Pick the Solar Hijri year of benefactors' annual statements."""

    _name = "hc.donor.statement"
    _description = "Print Annual Statements"

    partner_ids = fields.Many2many("res.partner", string="Benefactors", required=True)
    jalali_year = fields.Integer(
        "Solar Hijri Year", required=True, default=lambda self: self._default_year()
    )

    @api.model
    def _default_year(self):
        """The last full year: statements are asked for after Esfand."""
        return (
            jdatetime.date.fromgregorian(date=fields.Date.context_today(self)).year - 1
        )

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if (
            "partner_ids" in fields_list
            and self.env.context.get("active_model") == "res.partner"
        ):
            res["partner_ids"] = [
                fields.Command.set(self.env.context.get("active_ids") or [])
            ]
        return res

    def action_print(self):
        self.ensure_one()
        if not 1300 <= self.jalali_year <= 1600:
            raise UserError(self.env._("Choose the Solar Hijri year of the statement."))
        return self.env.ref("health_charity.hc_donor_report_statement").report_action(
            self.partner_ids, data={"jalali_year": self.jalali_year}
        )
