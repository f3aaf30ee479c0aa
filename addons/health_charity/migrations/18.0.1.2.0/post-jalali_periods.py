# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0: Jalali periods and references.

- Fill the Jalali year, quarter and month keys of the existing gifts: one
  ``UPDATE ... FROM (VALUES ...)`` per batch of distinct dates (a year of
  gifts is at most 366 dates, whatever the number of gifts).
- Number the references of gifts and delegations per Jalali year
  (``CON/1404/000123``): the sequences' prefixes use the Jalali year and
  their calendar-year date ranges are removed (a new Jalali-year range is
  created at the first reference of each year). Existing references are
  kept as they are.
"""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL, split_every

from odoo.addons.health_charity_web_jalali.tools.jalali_table import (
    jalali_period_keys,
)

DATES_PER_BATCH = 366
SEQUENCES = (
    "health_charity.seq_hc_contribution",
    "health_charity.seq_hc_service_delegation",
)


def _fill_jalali_periods(cr):
    cr.execute(
        "SELECT DISTINCT date FROM hc_contribution "
        "WHERE date IS NOT NULL AND date_jalali_month IS NULL ORDER BY date"
    )
    dates = [day for (day,) in cr.fetchall()]
    for batch in split_every(DATES_PER_BATCH, dates):
        rows = SQL(", ").join(
            SQL("(%s::date, %s, %s, %s)", day, *jalali_period_keys(day))
            for day in batch
        )
        cr.execute(
            SQL(
                """
                UPDATE hc_contribution c
                   SET date_jalali_year = v.year_key,
                       date_jalali_quarter = v.quarter_key,
                       date_jalali_month = v.month_key
                  FROM (VALUES %s) AS v(day, year_key, quarter_key, month_key)
                 WHERE c.date = v.day AND c.date_jalali_month IS NULL
                """,
                rows,
            )
        )


def _number_per_jalali_year(env):
    for xmlid in SEQUENCES:
        sequence = env.ref(xmlid, raise_if_not_found=False)
        if not sequence or "%(range_year)s" not in (sequence.prefix or ""):
            continue
        sequence.date_range_ids.unlink()
        sequence.prefix = sequence.prefix.replace(
            "%(range_year)s", "%(range_jalali_year)s"
        )


def migrate(cr, version):
    _fill_jalali_periods(cr)
    _number_per_jalali_year(api.Environment(cr, SUPERUSER_ID, {}))
