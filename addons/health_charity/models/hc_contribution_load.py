# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Loading a contributions file (``load``, what the import dialog calls).

Every bad row of the file is found before anything is written: the whole
file or nothing, or the good rows only when the dialog asks for it. The
rows go to the set-based entry point ``_hc_create_bulk``.
"""

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass, field

from odoo import Command, api, models
from odoo.exceptions import ValidationError

from .ir_fields_converter import hc_import_id_cache

IMPORT_MODES = ("all", "good_rows")
# How the next ``load`` treats bad rows (set by the import dialog and the
# background import, never by a caller: a Python context variable).
_HC_IMPORT_SESSION = contextvars.ContextVar("hc_import_session", default=None)
# The file being loaded (set by ``load`` only).
_HC_IMPORT_RUN = contextvars.ContextVar("hc_import_run", default=None)


@dataclass
class _ImportRun:
    """One ``load`` of a contributions file: its mode, the errors found by
    row and the records (by their index in the file) known to be bad."""

    mode: str = "all"
    check_only: bool = False
    import_id: int | None = None  # the hc.contribution.import recording it
    errors: list = field(default_factory=list)
    bad_records: set = field(default_factory=set)

    @property
    def writes(self):
        """Whether good records are written (whole file or nothing: not
        once a bad one is known)."""
        return not self.check_only and (self.mode == "good_rows" or not self.errors)


@contextmanager
def hc_import_session(mode="all", check_only=False, import_id=None):
    """Bad rows during the ``load`` calls of this block: ``all`` refuses the
    whole file, ``good_rows`` writes the good ones; ``check_only`` writes
    nothing. The gifts written are linked to the import ``import_id``."""
    token = _HC_IMPORT_SESSION.set((mode, check_only, import_id))
    try:
        yield
    finally:
        _HC_IMPORT_SESSION.reset(token)


class HcContribution(models.Model):
    _inherit = "hc.contribution"

    @api.model
    def _hc_current_import_id(self):
        """The import recording the file being loaded, if any."""
        run = _HC_IMPORT_RUN.get()
        return run.import_id if run else None

    def _load_records_create(self, vals_list):
        # the import dialog (base_import -> load) takes the set-based path
        return self._hc_create_bulk(vals_list)

    def load(self, fields, data):
        """Every bad row of the file is reported (by its row, in the user's
        language) before anything is written, and then nothing is: the
        whole file or nothing (or, when the import dialog asks for it, the
        good rows only). Odoo's own ``load`` retries a failed batch row by
        row through the ORM, minutes for a big file; the rows are checked
        first instead (see :meth:`_hc_import_row_errors`)."""
        mode, check_only, import_id = _HC_IMPORT_SESSION.get() or ("all", False, None)
        run = _ImportRun(mode=mode, check_only=check_only, import_id=import_id)
        token = _HC_IMPORT_RUN.set(run)
        try:
            with hc_import_id_cache(), self.env.cr.savepoint() as savepoint:
                result = super().load(fields, data)
                if run.errors:
                    if not run.writes:
                        savepoint.rollback()
                        self.env.invalidate_all()
                        result = dict(result, ids=False)
                    result = dict(result, messages=run.errors + result["messages"])
        finally:
            _HC_IMPORT_RUN.reset(token)
        return result

    def _convert_records(self, records, log=lambda a: None):
        run = _HC_IMPORT_RUN.get()
        if run is None:
            yield from super()._convert_records(records, log=log)
            return

        def hc_log(message):
            # a value not understood (a donor or category not found, a bad
            # number or date) marks its record bad; the others go on
            if message.get("type") == "error" and "record" in message:
                run.errors.append(message)
                run.bad_records.add(message["record"])
            else:
                log(message)

        yield from super()._convert_records(records, log=hc_log)

    def _load_records(self, data_list, update=False, ignore_duplicates=False):
        run = _HC_IMPORT_RUN.get()
        if run is not None:
            good = []
            for data in data_list:
                info = data.get("info") or {}
                if info.get("record") in run.bad_records:
                    continue
                messages = self._hc_import_row_errors(data["values"])
                if messages:
                    run.errors.extend(
                        dict(info, type="error", message=message)
                        for message in messages
                    )
                    run.bad_records.add(info.get("record"))
                    continue
                good.append(data)
            if not (run.writes and good):
                return self.browse()
            data_list = good
        return super()._load_records(
            data_list, update=update, ignore_duplicates=ignore_duplicates
        )

    @api.model
    def _hc_import_row_errors(self, vals):
        """What is wrong with one imported gift, in words a clerk
        understands (empty: nothing)."""
        Line = self.env["hc.contribution.line"]
        errors = []
        if not vals.get("donor_id"):
            errors.append(self.env._("The donor is missing or was not found."))
        for command in vals.get("line_ids") or ():
            if not isinstance(command, list | tuple) or command[0] != Command.CREATE:
                continue
            line = command[2]
            if not line.get("category_id"):
                errors.append(
                    self.env._(
                        "Line %(line)s: the category is missing or was not found.",
                        line=line.get("name") or "",
                    )
                )
            try:
                Line._check_amount_vals(line)
            except ValidationError as error:
                errors.append(str(error))
        return errors
