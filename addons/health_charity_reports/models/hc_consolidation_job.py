# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Background work of a consolidation, one small record per job.

A job is queued by a button of the consolidation (the Ministry workbook of a
big period, the sending to the Ministry) and run by the scheduled action
*Health Charity: run consolidation jobs*, which reports its progress with
Odoo's cron progress API (``ir.cron._notify_progress``) so that the
scheduler calls it again while jobs remain.

The job's own row is written only in short transactions of their own
(claiming, progress, outcome): users see a job start and advance while it
runs, and the long transaction that renders the workbook or builds the
package only reads, so it never conflicts with them. A worker that dies
leaves its job "running": an hour later the job is tried again, a bounded
number of times.
"""

import logging
import time
import traceback
from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.health_charity.models.hc_integrity_mixin import hc_internal

_logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
STALE_AFTER = timedelta(hours=1)
# seconds before the next attempt of a failed sending (network, Ministry down)
RETRY_DELAYS = (60, 300, 1800)
# one scheduler call runs jobs for at most this long, then hands over
CRON_TIME_BUDGET = 60


class HcTransientJobError(Exception):
    """A failure worth another attempt later (network, server unavailable)."""


class HcConsolidationJob(models.Model):
    _name = "hc.consolidation.job"
    _description = "Consolidation Background Job"
    _inherit = ["hc.integrity.mixin", "hc.job.mixin"]
    _order = "id desc"
    # jobs are made by the consolidation's buttons, never entered
    _hc_client_create = False

    consolidation_id = fields.Many2one(
        "hc.consolidation",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="consolidation_id.company_id", store=True, string="University"
    )
    kind = fields.Selection(
        [("workbook", "Ministry Workbook"), ("ministry_send", "Sending to Ministry")],
        required=True,
        readonly=True,
    )
    state = fields.Selection(
        [
            ("queued", "Queued"),
            ("running", "Running"),
            ("done", "Done"),
            ("failed", "Failed"),
        ],
        string="Status",
        default="queued",
        required=True,
        readonly=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        "Requested By",
        readonly=True,
        help="The job runs with this user's rights.",
    )
    attempts = fields.Integer(readonly=True)
    progress = fields.Integer(readonly=True, help="Percent done.")
    error = fields.Text(readonly=True)
    started = fields.Datetime(readonly=True)
    finished = fields.Datetime(readonly=True)
    next_attempt = fields.Datetime(
        readonly=True, help="A failed sending is tried again from then on."
    )
    attachment_id = fields.Many2one("ir.attachment", "File", readonly=True)
    # sending to the Ministry
    version = fields.Integer(readonly=True)
    content_hash = fields.Char(
        readonly=True, help="Fingerprint of the consolidation's content as sent."
    )
    answer_state = fields.Selection(
        [
            ("received", "Received"),
            ("accepted", "Accepted"),
            ("refused", "Refused"),
            ("superseded", "Superseded"),
        ],
        "Ministry's Answer",
        readonly=True,
    )
    answer_message = fields.Text("Ministry's Message", readonly=True)
    answer_reference = fields.Char("Ministry's Reference", readonly=True)

    @api.model
    def _hc_get_write_policy(self):
        """Nothing of a job is entered: the application writes it."""
        return {state: set() for state in ("queued", "running", "done", "failed")}

    # ------------------------------------------------------------ queueing
    @api.model
    def _hc_queue(self, consolidation, kind, vals=None):
        """Queue a job for ``consolidation`` (our code only) and wake the
        scheduler up."""
        # sudo: the job is the application's bookkeeping (nobody enters or
        # edits one); the caller checked the user's rights on the
        # consolidation, and the job runs with that user's rights (user_id)
        with hc_internal():
            job = self.sudo().create(
                dict(
                    vals or {},
                    consolidation_id=consolidation.id,
                    kind=kind,
                    user_id=self.env.uid,
                )
            )
        self._hc_get_cron().sudo()._trigger()  # sudo: waking the scheduler up
        return job.with_env(self.env)

    @api.model
    def _hc_get_cron(self):
        return self.env.ref("health_charity_reports.ir_cron_hc_consolidation_job")

    # ---------------------------------------------------------- side writes
    def _hc_write_own(self, vals):
        with self._hc_own_transaction() as job:
            job._hc_apply(vals)

    def _hc_apply(self, vals):
        """Write the job's bookkeeping; a new status goes through
        ``_hc_set_state``, the one method that writes a status."""
        vals = dict(vals)
        state = vals.pop("state", None)
        with hc_internal():
            if state:
                return self._hc_set_state(state, vals)
            return self.write(vals)

    def _hc_set_progress(self, percent):
        """Progress, visible to users while the job runs."""
        self.ensure_one()
        self._hc_write_own({"progress": max(0, min(100, int(percent)))})

    def _hc_for_requester(self):
        """The job as its requester reads it: the workbook, its file name
        and the job's messages in their language, not the scheduler's."""
        self.ensure_one()
        if self.user_id:
            return self._hc_for_user(self.user_id)
        return self._hc_in_lang(self._hc_office_lang())

    # ---------------------------------------------------------------- runner
    @api.model
    def _hc_due_domain(self):
        now = fields.Datetime.now()
        return [
            ("state", "=", "queued"),
            "|",
            ("next_attempt", "=", False),
            ("next_attempt", "<=", now),
        ]

    @api.model
    def _hc_stale_domain(self):
        return [
            ("state", "=", "running"),
            ("started", "<", fields.Datetime.now() - STALE_AFTER),
        ]

    def _hc_on_stale(self):
        """A job left "running" by a worker that died: queued again, or
        failed once its attempts are spent."""
        job = self._hc_for_requester()
        if job.attempts >= MAX_ATTEMPTS:
            job._hc_write_own(
                {
                    "state": "failed",
                    "finished": fields.Datetime.now(),
                    "error": job.env._(
                        "The job could not be completed after %s attempts.",
                        MAX_ATTEMPTS,
                    ),
                }
            )
        else:
            job._hc_write_own({"state": "queued", "next_attempt": False})

    def _hc_on_claim(self):
        self._hc_apply(
            {
                "state": "running",
                "attempts": self.attempts + 1,
                "started": fields.Datetime.now(),
                "progress": 0,
                "error": False,
            }
        )

    @api.model
    def _cron_run_jobs(self):
        """Run due jobs for up to a minute, then tell the scheduler how many
        remain (it calls again at once while some do)."""
        self._hc_recover_stale()
        done = 0
        start = time.monotonic()
        while time.monotonic() - start < CRON_TIME_BUDGET:
            job = self._hc_claim_next()
            if not job:
                break
            job._hc_for_requester()._hc_run()
            done += 1
        remaining = self.search_count(self._hc_due_domain())
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done

    def _hc_run(self):
        """Run one claimed job in a transaction opened after the claim (so
        it sees the job whatever the scheduler's transaction saw); the work
        only reads, its outcome is written in a transaction of its own."""
        self.ensure_one()
        self.env.flush_all()
        try:
            with self.env.registry.cursor() as cr:
                job = self.with_env(self.env(cr=cr))
                vals = getattr(job, f"_hc_run_{job.kind}")()
        except HcTransientJobError as e:
            _logger.warning("Job %s will be retried: %s", self.id, e)
            self._hc_retry_later(str(e))
        except Exception as e:  # noqa: BLE001 - reported on the job
            _logger.exception("Job %s failed", self.id)
            self._hc_write_own(
                {
                    "state": "failed",
                    "finished": fields.Datetime.now(),
                    "error": str(e) or traceback.format_exc(limit=1),
                }
            )
        else:
            self._hc_finish(vals)

    def _hc_retry_later(self, error):
        """Queue the job again after a delay growing with its attempts, or
        fail it once they are spent."""
        self.ensure_one()
        with self._hc_own_transaction() as job:
            if job.attempts >= MAX_ATTEMPTS:
                vals = {
                    "state": "failed",
                    "finished": fields.Datetime.now(),
                    "error": self.env._(
                        "Gave up after %(count)s attempts: %(error)s",
                        count=job.attempts,
                        error=error,
                    ),
                }
                at = None
            else:
                delay = RETRY_DELAYS[min(job.attempts, len(RETRY_DELAYS)) - 1]
                at = fields.Datetime.now() + timedelta(seconds=delay)
                vals = {"state": "queued", "error": error, "next_attempt": at}
            job._hc_apply(vals)
        if at:
            self._hc_get_cron().sudo()._trigger(at)  # sudo: see _hc_queue

    def _hc_finish(self, vals):
        """Record the outcome; ``vals`` may carry ``raw`` (the file to
        attach to the consolidation) and answer fields."""
        self.ensure_one()
        raw = vals.pop("raw", None)
        with self._hc_own_transaction() as job:
            if raw is not None:
                consolidation = job.consolidation_id
                # the earlier files of the same kind are replaced
                earlier = job.search(
                    [
                        ("consolidation_id", "=", consolidation.id),
                        ("kind", "=", job.kind),
                        ("attachment_id", "!=", False),
                    ]
                )
                old_files = earlier.attachment_id
                vals["attachment_id"] = job._hc_create_attachment(raw).id
                with hc_internal():
                    earlier.write({"attachment_id": False})
                old_files.unlink()
            job._hc_apply(
                dict(
                    vals,
                    state="done",
                    progress=100,
                    error=False,
                    finished=fields.Datetime.now(),
                )
            )

    def _hc_create_attachment(self, raw):
        self.ensure_one()
        consolidation = self.consolidation_id
        return self.env["ir.attachment"].create(
            {
                "name": f"{consolidation.hc_report_filename()}.xlsx",
                "raw": raw,
                "res_model": consolidation._name,
                "res_id": consolidation.id,
                "mimetype": (
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                ),
            }
        )

    # ------------------------------------------------------------ the work
    def _hc_run_workbook(self):
        """Render the Ministry workbook with the rights of the user who asked
        for it (who must be able to read every unit of the consolidation)."""
        self.ensure_one()
        user = self.user_id or self.env.user
        consolidation = self.consolidation_id.with_user(user)
        consolidation._get_unit_ids()
        report = self.env.ref(
            "health_charity_reports.hc_consolidation_report_ministry_xlsx"
        ).with_user(user)
        content, _ext = report.with_context(hc_progress_record=self)._render_xlsx(
            report.report_name, consolidation.ids, data={}
        )
        return {"raw": content}

    def _hc_run_ministry_send(self):
        """Build, sign and send the consolidation's package (see
        ``hc.consolidation._hc_send_to_ministry``)."""
        self.ensure_one()
        user = self.user_id or self.env.user
        return self.consolidation_id.with_user(user)._hc_send_to_ministry(self)
