# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Move the background workbook of each consolidation (a queued or running
job, a failed one, a produced file) from the consolidation's old columns
into hc.consolidation.job records; drop the progress system parameters, the
old scheduled action and the old columns."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

from odoo.addons.health_charity.models.hc_integrity_mixin import hc_internal

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
    env = api.Environment(cr, SUPERUSER_ID, {})
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = 'hc_consolidation'
              AND column_name LIKE 'old_workbook_%'"""
    )
    present = {row[0] for row in cr.fetchall()}
    if present >= {f"old_{c}" for c in OLD_COLUMNS}:
        cr.execute(
            """SELECT id, old_workbook_state, old_workbook_attempts,
                      old_workbook_started, old_workbook_error,
                      old_workbook_user_id, old_workbook_attachment_id
                 FROM hc_consolidation
                WHERE old_workbook_state IN ('queued', 'running', 'done', 'failed')"""
        )
        vals_list = []
        for cons_id, state, attempts, started, error, user_id, att_id in cr.fetchall():
            vals_list.append(
                {
                    "consolidation_id": cons_id,
                    "kind": "workbook",
                    # a job that was running died with the old worker: run it
                    # again under the new scheduler
                    "state": "queued" if state == "running" else state,
                    "attempts": attempts or 0,
                    "started": started,
                    "error": error,
                    "user_id": user_id,
                    "attachment_id": att_id if state == "done" else False,
                    "progress": 100 if state == "done" else 0,
                }
            )
        with hc_internal():
            env["hc.consolidation.job"].create(vals_list)
    for column in present:
        cr.execute(
            SQL(
                "ALTER TABLE hc_consolidation DROP COLUMN %s",
                SQL.identifier(column),
            )
        )
    # progress is on the job now: no system parameter per consolidation
    cr.execute(
        """DELETE FROM ir_config_parameter
            WHERE key LIKE 'health_charity_reports.workbook\\_progress.%'"""
    )
    old_cron = env.ref(
        "health_charity_reports.ir_cron_hc_consolidation_workbook",
        raise_if_not_found=False,
    )
    if old_cron:
        old_cron.unlink()
