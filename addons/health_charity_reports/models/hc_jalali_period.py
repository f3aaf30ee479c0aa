# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.health_charity.tools.jalali import jalali_period_bounds

FIRST_YEAR, LAST_YEAR = 1380, 1430


class HcJalaliPeriod(models.Model):
    """Gregorian bounds of every Solar Hijri quarter, so that SQL views and
    reports can group by Jalali year and quarter with a plain join."""

    _name = "hc.jalali.period"
    _description = "Solar Hijri Quarter"
    _order = "date_from"
    _rec_name = "name"

    name = fields.Char(required=True)
    year = fields.Integer(required=True, index=True)
    quarter = fields.Integer(required=True)
    date_from = fields.Date(required=True, index=True)
    date_to = fields.Date(required=True, index=True)

    _sql_constraints = [
        ("year_quarter_uniq", "unique(year, quarter)", "One row per quarter."),
    ]

    @api.model
    def _fill(self):
        existing = {(p.year, p.quarter) for p in self.search([])}
        vals_list = []
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for quarter in (1, 2, 3, 4):
                if (year, quarter) in existing:
                    continue
                date_from, date_to = jalali_period_bounds(year, quarter)
                vals_list.append(
                    {
                        "name": f"{year} Q{quarter}",
                        "year": year,
                        "quarter": quarter,
                        "date_from": date_from,
                        "date_to": date_to,
                    }
                )
        return self.create(vals_list)
