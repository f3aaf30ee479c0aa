# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One import of a contributions spreadsheet through the import dialog.

Every import the dialog writes leaves one record: who imported which file,
how many gifts and lines it made, the rows it refused and why, and those
rows as a spreadsheet to fix and import again. Small files are imported in
the clerk's request (the record is its summary); big files (from
``health_charity.import_background_lines`` lines, 20,000 by default) are
queued and imported by the scheduled action *Health Charity: import
contribution files*, in chunks of whole gifts, each chunk committed with the
job's progress so that a worker that dies resumes where it stopped and no
request or cron call outlives the worker's time limits.

Whole file or nothing (the default mode): once a bad row is found, the
remaining chunks are only checked (every bad row is still reported) and the
gifts the job had already written are deleted again; nothing of the file
stays. "Import the good rows" keeps the good gifts and reports the others.
"""

import logging
import time
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .hc_contribution_load import hc_import_memory, hc_import_session
from .hc_integrity_mixin import hc_internal

_logger = logging.getLogger(__name__)

BACKGROUND_LINES = 20000
# rows per committed chunk (a chunk ends with a whole gift): a chunk costs
# about 50 ms besides its rows (load, defaults, commit, progress)
CHUNK_ROWS = 20000
UNDO_CHUNK = 5000
# one scheduler call works for at most this long, then hands over (the
# cron worker's own limit is --limit-time-real-cron, 120 s by default)
CRON_TIME_BUDGET = 50
STALE_AFTER = timedelta(minutes=30)
MAX_ATTEMPTS = 3
MAX_MESSAGES = 200  # reasons kept on the record (the bad-rows file has all)
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# (db, job id, write date) -> (import_fields, rows, raw row numbers): the
# file parsed once per process, not once per chunk
_PARSED = {}


class HcContributionImport(models.Model):
    _name = "hc.contribution.import"
    _description = "Contribution File Import"
    _inherit = ["hc.integrity.mixin", "hc.job.mixin"]
    _order = "id desc"
    _check_company_auto = True
    # made by the import dialog only, never entered
    _hc_client_create = False

    name = fields.Char("File", required=True, readonly=True)
    company_id = fields.Many2one(
        "res.company",
        "Unit",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users",
        "Imported By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        help="The import runs with this user's rights.",
    )
    mode = fields.Selection(
        [
            ("all", "Whole file or nothing"),
            ("good_rows", "Import the good rows, return the bad ones"),
        ],
        required=True,
        readonly=True,
        default="all",
    )
    dryrun = fields.Boolean(
        "Test Only", readonly=True, help="The file was checked, nothing written."
    )
    background = fields.Boolean(readonly=True)
    state = fields.Selection(
        [
            ("queued", "Queued"),
            ("running", "Running"),
            ("undoing", "Undoing"),
            ("done", "Done"),
            ("refused", "Refused"),
            ("failed", "Failed"),
        ],
        string="Status",
        default="queued",
        required=True,
        readonly=True,
        index=True,
    )
    file_id = fields.Many2one("ir.attachment", "Imported File", readonly=True)
    import_fields = fields.Json(readonly=True)
    import_columns = fields.Json(readonly=True)
    import_options = fields.Json(readonly=True)
    row_count = fields.Integer("Rows", readonly=True)
    next_row = fields.Integer(readonly=True)
    checked = fields.Boolean(
        "Rows Checked",
        readonly=True,
        help="Whole file or nothing: every row was checked before any was written.",
    )
    progress = fields.Integer(readonly=True, help="Percent done.")
    attempts = fields.Integer(readonly=True)
    started = fields.Datetime(readonly=True)
    finished = fields.Datetime(readonly=True)
    gift_count = fields.Integer("Gifts Imported", readonly=True)
    bad_row_count = fields.Integer("Rows Refused", readonly=True)
    bad_rows = fields.Json(
        readonly=True, help="Row number in the file -> reasons (the file's rows)."
    )
    messages = fields.Text("Reasons", readonly=True)
    error = fields.Text(readonly=True)
    bad_file_id = fields.Many2one("ir.attachment", "Rows to Fix", readonly=True)
    contribution_ids = fields.One2many(
        "hc.contribution", "import_id", "Contributions", readonly=True
    )

    @api.model
    def _hc_get_write_policy(self):
        """Nothing of an import is entered: the application writes it."""
        return {state: set() for state, _label in self._fields["state"].selection}

    # ------------------------------------------------------------ settings
    @api.model
    def _get_background_lines(self):
        """Files from this many rows on are imported in the background
        (system parameter ``health_charity.import_background_lines``)."""
        # sudo: a technical setting read by every clerk who imports
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("health_charity.import_background_lines", BACKGROUND_LINES)
        )
        return int(value)

    @api.model
    def _get_cron(self):
        return self.env.ref("health_charity.ir_cron_hc_contribution_import")

    # ------------------------------------------------------------- creation
    @api.model
    def _hc_prepare_vals(self, wizard, fields_, columns, options, mode, dryrun):
        return {
            "name": wizard.file_name or self.env._("Contributions file"),
            "mode": mode,
            "dryrun": dryrun,
            "import_fields": list(fields_),
            "import_columns": list(columns),
            "import_options": {
                key: value
                for key, value in options.items()
                if key not in ("limit", "skip")
            },
        }

    @api.model
    def _hc_new(self, vals):
        """An import record for the current user (our code only)."""
        # sudo: the record is the application's bookkeeping (nobody enters
        # one); it belongs to the clerk, who reads it through the rules
        with hc_internal():
            record = self.sudo().create(
                dict(vals, user_id=self.env.uid, company_id=self.env.company.id)
            )
        return record.with_env(self.env)

    @api.model
    def _hc_queue(self, wizard, fields_, columns, options, mode, dryrun, row_count):
        """Queue a big file for the background."""
        vals = self._hc_prepare_vals(wizard, fields_, columns, options, mode, dryrun)
        job = self._hc_new(dict(vals, background=True, row_count=row_count))
        # sudo: the file belongs to the import record, readable with it
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": job.name,
                    "raw": wizard.file,
                    "mimetype": wizard.file_type,
                    "res_model": job._name,
                    "res_id": job.id,
                }
            )
        )
        job._hc_write({"file_id": attachment.id})
        self._get_cron().sudo()._trigger()  # sudo: waking the scheduler up
        return job

    def _hc_write(self, vals):
        """Bookkeeping of the import; a new status goes through
        ``_hc_set_state``, the one method that writes a status."""
        vals = dict(vals)
        state = vals.pop("state", None)
        # sudo: the application's bookkeeping, whoever runs the import
        record = self.sudo()
        with hc_internal():
            if state:
                return record._hc_set_state(state, vals)
            return record.write(vals)

    # ------------------------------------------------------------ outcome
    def _hc_record_errors(self, messages, raw_rows, offset=0):
        """Remember the bad rows of ``messages`` (Odoo's import messages,
        their ``rows`` counted from ``offset`` in the imported data)."""
        self.ensure_one()
        bad = dict(self.bad_rows or {})
        for message in messages:
            rows = message.get("rows") or {}
            start = rows.get("from")
            if start is None:
                continue
            stop = rows.get("to", start)
            for index in range(offset + start, offset + stop + 1):
                key = str(raw_rows[index] if index < len(raw_rows) else index + 1)
                reasons = bad.setdefault(key, [])
                if message["message"] not in reasons:
                    reasons.append(message["message"])
        return bad

    def _hc_summary_text(self, bad):
        lines = []
        for row, reasons in sorted(bad.items(), key=lambda item: int(item[0])):
            lines.extend(
                self.env._("Row %(row)s: %(reason)s", row=row, reason=reason)
                for reason in reasons
            )
            if len(lines) >= MAX_MESSAGES:
                lines.append(self.env._("… and more: see the rows to fix."))
                break
        return "\n".join(lines)

    def _hc_close(self, state, vals=None, wizard=None):
        """Final status, summary and the file of the rows to fix."""
        self.ensure_one()
        vals = dict(vals or {})
        bad = vals.get("bad_rows", self.bad_rows) or {}
        vals.update(
            bad_rows=bad,
            bad_row_count=len(bad),
            messages=self._hc_summary_text(bad) or False,
            progress=100,
            finished=fields.Datetime.now(),
        )
        if bad:
            # the file as the dialog had it (a background import makes one)
            wizard = wizard or self._hc_wizard(self.env)
            raw = wizard._hc_bad_rows_xlsx(
                self.import_options or {}, {int(row): r for row, r in bad.items()}
            )
            # sudo: the file belongs to the import record, readable with it
            vals["bad_file_id"] = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Rows to fix - %s", self.name),
                        "raw": raw,
                        "mimetype": XLSX_MIMETYPE,
                        "res_model": self._name,
                        "res_id": self.id,
                    }
                )
                .id
            )
        self._hc_write(dict(vals, state=state))

    # ------------------------------------------------------------- request
    @api.model
    def _hc_start(self, wizard, fields_, columns, options, mode, dryrun):
        """The record of an import run in the clerk's request, made before
        the rows are loaded so that the gifts are linked to it as they are
        written; nothing for a test."""
        if dryrun:
            return self.browse()
        vals = self._hc_prepare_vals(wizard, fields_, columns, options, mode, dryrun)
        return self._hc_new(dict(vals, state="running", started=fields.Datetime.now()))

    def _hc_summarize(self, wizard, fields_, options, result):
        """Close the record of an import run in the request, or drop it when
        nothing of the file was kept (whole file or nothing, refused)."""
        if not self:
            return self
        messages = [m for m in result.get("messages") or () if m.get("type") == "error"]
        ids = result.get("ids") or []
        if not (ids or (messages and self.mode == "good_rows")):
            with hc_internal():
                # sudo: the application's bookkeeping (see _hc_new)
                self.sudo().unlink()
            return self.browse()
        raw_rows = wizard._hc_raw_row_numbers(fields_, options)
        bad = self._hc_record_errors(messages, raw_rows)
        self._hc_close(
            "done",
            {"bad_rows": bad, "gift_count": len(ids), "row_count": len(raw_rows)},
            wizard=wizard,
        )
        return self

    # ---------------------------------------------------------------- runner
    @api.model
    def _hc_due_domain(self):
        return [("state", "in", ("queued", "undoing"))]

    @api.model
    def _hc_stale_domain(self):
        return [
            ("state", "=", "running"),
            ("write_date", "<", fields.Datetime.now() - STALE_AFTER),
        ]

    def _hc_on_stale(self):
        """An import left running by a worker that died resumes where the
        last committed chunk stopped, or fails once its attempts are spent."""
        if self.attempts >= MAX_ATTEMPTS:
            self._hc_write(
                {
                    "state": "failed",
                    "finished": fields.Datetime.now(),
                    "error": self.env._(
                        "The import could not be completed after %s attempts.",
                        MAX_ATTEMPTS,
                    ),
                }
            )
        else:
            self._hc_write({"state": "queued", "attempts": self.attempts + 1})

    def _hc_on_claim(self):
        if self.state == "queued":  # an import being undone stays so
            self._hc_write(
                {
                    "state": "running",
                    "started": self.started or fields.Datetime.now(),
                    "error": False,
                }
            )

    @api.model
    def _cron_run_imports(self):
        """Work on due imports for up to CRON_TIME_BUDGET seconds, then tell
        the scheduler how many remain (it calls again while some do)."""
        self._hc_recover_stale()
        deadline = time.monotonic() + CRON_TIME_BUDGET
        done = 0
        while job := self._hc_claim_next():  # at least one chunk per call
            if job._hc_run(deadline):
                done += 1
            if time.monotonic() >= deadline:
                break
        # sudo: counting the queue, whoever runs the scheduler
        remaining = self.sudo().search_count(self._hc_due_domain())
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done

    def _hc_run(self, deadline):
        """Work on one claimed import until it ends or ``deadline``;
        returns whether it ended. Every chunk is committed together with
        the job's progress."""
        self.ensure_one()
        try:
            if self.state == "undoing":
                return self._hc_undo(deadline)
            return self._hc_import_chunks(deadline)
        except Exception as e:  # noqa: BLE001 - reported on the import
            _logger.exception("Import %s failed", self.id)
            with self.env.registry.cursor() as cr:
                job = self.with_env(self.env(cr=cr, su=True))
                job._hc_write(
                    {
                        # whole file or nothing: what was written goes again
                        "state": (
                            "undoing"
                            if job.mode == "all" and job.gift_count
                            else "failed"
                        ),
                        "error": str(e) or type(e).__name__,
                        "finished": fields.Datetime.now(),
                    }
                )
            return False

    def _hc_job_env(self, cr):
        """The job's own environment: its user, unit and language."""
        user = self.user_id
        return self.env(
            cr=cr,
            user=user.id,
            su=False,
            context={
                "lang": user.lang,
                "tz": user.tz,
                "allowed_company_ids": [self.company_id.id],
            },
        )

    def _hc_wizard(self, env):
        """A base_import wizard holding the file, as the dialog had it."""
        job = self.with_env(env)
        return env["base_import.import"].create(
            {
                "res_model": "hc.contribution",
                "file": job.file_id.sudo().raw,  # sudo: the job's own file
                "file_type": job.file_id.sudo().mimetype,
                "file_name": job.name,
            }
        )

    def _hc_parsed(self):
        """(import fields, data rows, raw row numbers, load context) of the
        file, parsed once per process (the wizard holding the file is made
        only then)."""
        key = (self.env.cr.dbname, self.id, self.file_id.id)
        if key not in _PARSED:
            _PARSED.clear()
            _PARSED[key] = self._hc_wizard(self.env)._hc_prepare_load(
                self.import_fields, dict(self.import_options or {})
            )
        return _PARSED[key]

    def _hc_import_chunks(self, deadline):
        self.ensure_one()
        # each distinct donor, unit and category of the file is looked up
        # once for all the chunks of this call, not once per chunk
        with hc_import_memory():
            return self._hc_import_chunks_loop(deadline)

    def _hc_import_chunks_loop(self, deadline):
        while True:
            with self.env.registry.cursor() as cr:
                env = self._hc_job_env(cr)
                job = self.with_env(env)
                import_fields, data, raw_rows, load_context = job._hc_parsed()
                start = job.next_row
                if start == 0 and job.row_count != len(data):
                    job._hc_write({"row_count": len(data)})  # counted, not estimated
                if start >= len(data) and job._hc_checking() and not job.bad_rows:
                    # every row is good: now the same rows are written
                    job._hc_write({"checked": True, "next_row": 0})
                    continue
                if start >= len(data):
                    return job._hc_end()
                # whole file or nothing: every row is checked before any is
                # written (and after a bad row, only checked)
                check_only = (
                    job.dryrun
                    or job._hc_checking()
                    or (job.mode == "all" and bool(job.bad_rows))
                )
                Contribution = env["hc.contribution"].with_context(
                    load_context, _import_limit=CHUNK_ROWS
                )
                with hc_import_session(job.mode, check_only, job.id):
                    result = Contribution.load(import_fields, data[start:])
                errors = [m for m in result["messages"] if m.get("type") == "error"]
                ids = result["ids"] or []
                if errors and job.mode == "all" and ids:
                    raise UserError(env._("Rows were written despite errors."))
                next_row = start + result["nextrow"] if result["nextrow"] else len(data)
                # out of time: back in the queue, the next call goes on
                handover = time.monotonic() > deadline and next_row < len(data)
                job._hc_write(
                    {
                        "state": "queued" if handover else "running",
                        "next_row": next_row,
                        "progress": job._hc_progress(next_row, len(data)),
                        "gift_count": job.gift_count + len(ids),
                        "bad_rows": job._hc_record_errors(errors, raw_rows, start),
                    }
                )
            if handover:
                return False

    def _hc_checking(self):
        """Whether the import is in its checking pass: a whole-file import
        reads every row before it writes any, so that a bad row refuses the
        file before a gift of it is saved (the write pass then finds the
        names and values already converted)."""
        return self.mode == "all" and not self.dryrun and not self.checked

    def _hc_progress(self, next_row, rows):
        """Percent done: a whole-file import's checking pass is the first
        half, its write pass the second."""
        done = next_row / max(rows, 1)
        if self.mode != "all" or self.dryrun:
            return int(100 * done)
        return int(50 * done) + (50 if self.checked else 0)

    def _hc_end(self):
        """All rows seen: done, refused (nothing kept) or undone."""
        _PARSED.clear()  # the rows are not needed any more
        if self.dryrun:
            self._hc_close("done")
        elif self.mode == "all" and self.bad_rows and self.gift_count:
            self._hc_write({"state": "undoing"})
            return False
        elif self.mode == "all" and self.bad_rows:
            self._hc_close("refused")
        else:
            self._hc_close("done")
        return True

    def _hc_undo(self, deadline):
        """Whole file or nothing: delete the gifts this import wrote."""
        while True:
            with self.env.registry.cursor() as cr:
                env = self._hc_job_env(cr)
                job = self.with_env(env)
                gifts = env["hc.contribution"].search(
                    [("import_id", "=", job.id)], limit=UNDO_CHUNK
                )
                if not gifts:
                    job._hc_close(
                        "refused" if job.bad_rows else "failed",
                        {"gift_count": 0},
                    )
                    return True
                gifts.unlink()
            if time.monotonic() > deadline:
                return False  # still "undoing": due again at the next call

    # -------------------------------------------------------------- actions
    def action_open_contributions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_charity.hc_contribution_action"
        )
        action["domain"] = [("import_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_refresh(self):
        """The form's refresh button while the import runs."""
        return True
