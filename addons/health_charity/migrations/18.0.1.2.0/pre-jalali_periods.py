# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0: the Jalali period columns of contributions are created here,
empty, so that the update does not recompute them record by record through
the ORM; ``post-jalali_periods`` fills them in a few set-based statements."""

from odoo.tools import SQL

COLUMNS = ("date_jalali_year", "date_jalali_quarter", "date_jalali_month")


def migrate(cr, version):
    for column in COLUMNS:
        cr.execute(
            SQL(
                "ALTER TABLE hc_contribution ADD COLUMN IF NOT EXISTS %s varchar",
                SQL.identifier(column),
            )
        )
