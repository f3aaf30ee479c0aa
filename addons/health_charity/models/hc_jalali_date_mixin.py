# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.health_charity_web_jalali.tools.jalali_table import (
    jalali_period_keys,
)


class HcJalaliDateMixin(models.AbstractModel):
    """Jalali year, quarter and month of a record's date, stored as sortable
    keys ("1404", "1404-Q3", "1404/09") so that lists, pivots and graphs
    group by Solar Hijri periods (labelled "Q3 1404", "آذر 1404" by
    ``health_charity_web_jalali``) and filter on them
    (``hc.jalali.period.mixin``)."""

    _name = "hc.jalali.date.mixin"
    _inherit = "hc.jalali.period.mixin"
    _description = "Solar Hijri Periods of a Date"
    # the date field the periods are read from
    _hc_jalali_date_field = "date"

    date_jalali_year = fields.Char(
        "Jalali Year",
        compute="_compute_date_jalali",
        store=True,
        index=True,
        jalali_period="year",
    )
    date_jalali_quarter = fields.Char(
        "Jalali Quarter",
        compute="_compute_date_jalali",
        store=True,
        index=True,
        jalali_period="quarter",
    )
    date_jalali_month = fields.Char(
        "Jalali Month",
        compute="_compute_date_jalali",
        store=True,
        index=True,
        jalali_period="month",
    )

    @api.depends(lambda self: [self._hc_jalali_date_field])
    def _compute_date_jalali(self):
        keys = {}  # one conversion per distinct date of the batch
        for rec in self:
            day = rec[self._hc_jalali_date_field]
            if day not in keys:
                keys[day] = jalali_period_keys(day)
            (
                rec.date_jalali_year,
                rec.date_jalali_quarter,
                rec.date_jalali_month,
            ) = keys[day]
