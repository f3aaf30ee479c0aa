# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools.jalali import jalali_relative_domain

RELATIVE_PERIODS = [
    ("this_quarter", "This Jalali Quarter"),
    ("last_quarter", "Last Jalali Quarter"),
    ("this_year", "This Jalali Year"),
    ("last_year", "Last Jalali Year"),
]


class HcJalaliPeriodMixin(models.AbstractModel):
    """The filters "this Jalali quarter", "last Jalali year"... of a model
    with Jalali period keys ``date_jalali_year`` and ``date_jalali_quarter``
    (stored by ``hc.jalali.date.mixin``, or columns of a SQL view), relative
    to the user's today."""

    _name = "hc.jalali.period.mixin"
    _description = "Solar Hijri Period Filters"

    date_jalali_relative = fields.Selection(
        RELATIVE_PERIODS,
        "Jalali Period",
        compute="_compute_date_jalali_relative",
        search="_search_date_jalali_relative",
        help="The most recent of these periods the date falls in, relative to "
        "today; searching for a period finds the whole period.",
    )

    @api.depends_context("tz")
    @api.depends("date_jalali_year", "date_jalali_quarter")
    def _compute_date_jalali_relative(self):
        today = fields.Date.context_today(self)
        keys = {
            value: jalali_relative_domain(today, value)[0][2]
            for value, __ in RELATIVE_PERIODS
        }
        for rec in self:
            rec.date_jalali_relative = next(
                (
                    value
                    for value, __ in RELATIVE_PERIODS
                    if keys[value] in (rec.date_jalali_quarter, rec.date_jalali_year)
                ),
                False,
            )

    def _search_date_jalali_relative(self, operator, value):
        if operator not in ("=", "in") or not value:
            return NotImplemented
        values = [value] if isinstance(value, str) else value
        today = fields.Date.context_today(self)
        domains = [jalali_relative_domain(today, v) for v in values]
        return ["|"] * (len(domains) - 1) + [leaf for dom in domains for leaf in dom]
