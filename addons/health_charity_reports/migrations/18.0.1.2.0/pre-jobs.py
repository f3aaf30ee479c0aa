# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The background workbook leaves hc.consolidation for hc.consolidation.job:
keep the old job columns aside (the fields become computed) so that the
post-migration turns them into job records."""

from odoo.tools import SQL

OLD_COLUMNS = (
    "workbook_state",
    "workbook_attempts",
    "workbook_started",
    "workbook_error",
    "workbook_user_id",
    "workbook_attachment_id",
)


def migrate(cr, version):
    if not version:
        return
    for column in OLD_COLUMNS:
        cr.execute(
            SQL(
                """SELECT 1 FROM information_schema.columns
                    WHERE table_name = 'hc_consolidation' AND column_name = %s""",
                column,
            )
        )
        if cr.fetchone():
            cr.execute(
                SQL(
                    "ALTER TABLE hc_consolidation RENAME COLUMN %s TO %s",
                    SQL.identifier(column),
                    SQL.identifier(f"old_{column}"),
                )
            )
