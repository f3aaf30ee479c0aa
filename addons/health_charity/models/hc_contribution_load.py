# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Loading a contributions file (``load``, what the import dialog calls).

Every bad row of the file is found before anything is written: the whole
file or nothing, or the good rows only when the dialog asks for it. The
rows go to the set-based entry point ``_hc_create_bulk``.
"""

import contextvars
from collections import defaultdict
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from odoo import Command, api, models
from odoo.exceptions import ValidationError
from odoo.models import itemgetter_tuple

from odoo.addons.base.models.ir_fields import REFERENCING_FIELDS

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


# {model name: {field name: {cell text: (ok, converted value)}}} shared by
# the ``load`` calls of one file (set by hc_import_memory only)
_HC_CELL_MEMORY = contextvars.ContextVar("hc_cell_memory", default=None)


@contextmanager
def hc_import_memory():
    """Lookups and converted values remembered for the block: the chunks of
    a background import (and its check and write passes) share them; an
    outer block's memory is kept."""
    with hc_import_id_cache():
        if _HC_CELL_MEMORY.get() is not None:
            yield
            return
        token = _HC_CELL_MEMORY.set({})
        try:
            yield
        finally:
            _HC_CELL_MEMORY.reset(token)


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
    # loading a file and the set-based create (hc_contribution_bulk.py) are
    # two concerns of the model, each in its own file
    # pylint: disable=consider-merging-classes-inherited
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
            with hc_import_memory(), self.env.cr.savepoint() as savepoint:
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

    def _extract_records(self, field_paths, data, log=lambda a: None, limit=None):
        """The rows of a contributions file as records, one per gift (a row
        whose gift columns are empty adds a line to the gift above), in one
        pass: each record keeps its rows, which the conversion reads cell by
        cell (it is Odoo's record when anything else reads it). Odoo's
        reader skips through the file from its start again for every gift
        and builds a sub-reader for the lines of each; files of other shapes
        (external ids, other relations) still go through it."""
        limit = float("inf") if limit is None else limit
        plan = _HC_IMPORT_RUN.get() and self._hc_get_extract_plan(field_paths)
        if not plan:
            yield from super()._extract_records(field_paths, data, log=log, limit=limit)
            return
        gift_cells, line_cells = plan.gift_cells, plan.line_cells
        count = len(data)
        index = 0
        while index < count and index < limit:
            end = index + 1
            while end < count:
                row = data[end]
                if any(gift_cells(row)) or not any(line_cells(row)):
                    break
                end += 1
            yield (
                _GiftRows(plan, data[index:end]),
                {"rows": {"from": index, "to": end - 1}},
            )
            index = end

    @api.model
    def _hc_get_extract_plan(self, field_paths):
        """How the one-pass reader takes the file's columns apart (an
        :class:`_ExtractPlan`), or None when a column is of a shape only
        Odoo's reader knows."""
        plan = _ExtractPlan()
        seen = set()
        for index, path in enumerate(field_paths):
            path = tuple(path)
            if not path or path in seen or REFERENCING_FIELDS.intersection(path):
                return None
            seen.add(path)
            field = self._fields.get(path[0])
            if field is None:
                return None
            if field.type == "one2many" and len(path) == 2:
                if plan.line_field not in (None, path[0]):
                    return None
                plan.line_field = path[0]
                kind = _simple_kind(self.env[field.comodel_name]._fields.get(path[1]))
                if kind is None:
                    return None
                plan.lines.append((path[1], index, kind == "many2one"))
                continue
            kind = _simple_kind(field)
            if len(path) != 1 or kind is None:
                return None
            plan.header.append((path[0], index, kind == "many2one"))
        return plan.ready()

    def _convert_records(self, records, log=lambda a: None):
        """Odoo's conversion of imported values, each distinct value of a
        column converted once per file (a file repeats the same donors,
        dates, units, categories and amounts on thousands of rows). A
        record with a value Odoo would warn about or refuse goes through
        Odoo's own conversion, so that its messages are Odoo's."""
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

        odoo_convert = super()._convert_records
        records = list(records)
        if not (records and isinstance(records[0][0], _GiftRows)):
            # a file of another shape, read by Odoo's reader: Odoo's way
            yield from odoo_convert(records, log=hc_log)
            return
        cells = _CellConverter(self)
        cells.remember_names(records)
        for index, (record, extras) in enumerate(records):
            converted = cells.gift_rows(record)
            if converted is None:  # Odoo's own conversion, for its messages

                def relog(message, index=index):
                    hc_log(dict(message, record=index))

                [(__, __, converted, __)] = odoo_convert([(record, extras)], log=relog)
            yield False, False, converted, dict(extras, record=index)

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


def _simple_kind(field):
    """``many2one`` or ``plain`` for a field the one-pass reader and the
    remembering converter know; None for the others."""
    if field is None or field.type in ("one2many", "many2many", "properties"):
        return None
    if field.type in ("many2one_reference", "reference", "binary", "json"):
        return None
    return "many2one" if field.type == "many2one" else "plain"


def _convert_row(row, columns):
    """{field: value} of one row's cells (see _CellConverter._plan_columns),
    or None when a cell needs Odoo's own conversion. The hot loop of the
    import: the memory is read inline."""
    values = {}
    for name, column, many2one, cells, memory in columns:
        cell = row[column]
        if not cell:
            values[name] = False
            continue
        try:
            ok, value = memory[cell]
        except (KeyError, TypeError):
            ok, value = cells.convert_cell(name, cell, many2one)
        if not ok:
            return None
        values[name] = value
    return values


class _ExtractPlan:
    """The columns of a contributions file: the gift's own and its lines'
    (field name, column, whether a many2one named by its record's name)."""

    def __init__(self):
        self.header = []
        self.line_field = None
        self.lines = []
        self.gift_cells = self.line_cells = None

    def ready(self):
        # a row's gift cells and line cells, as tuples (C speed)
        self.gift_cells = itemgetter_tuple([column for _n, column, _m in self.header])
        self.line_cells = itemgetter_tuple([column for _n, column, _m in self.lines])
        return self


class _GiftRows(Mapping):
    """One gift as the one-pass reader gives it: its rows of the file, read
    cell by cell by :meth:`_CellConverter.gift_rows`; read as a mapping, it
    is the record Odoo's reader makes of them (built on first use: only a
    gift that takes Odoo's conversion needs it)."""

    __slots__ = ("_record", "plan", "rows")

    def __init__(self, plan, rows):
        self.plan = plan
        self.rows = rows
        self._record = None

    def _odoo(self):
        if self._record is None:
            plan, first = self.plan, self.rows[0]
            record = {
                name: first[column] for name, column, m2o in plan.header if not m2o
            }
            for name, column, m2o in plan.header:
                if m2o:
                    record[name] = [{None: first[column]}] if first[column] else []
            if plan.line_field:
                lines = []
                for row in self.rows:
                    if not any(plan.line_cells(row)):
                        continue
                    line = {
                        name: row[column] for name, column, m2o in plan.lines if not m2o
                    }
                    for name, column, m2o in plan.lines:
                        if m2o:
                            line[name] = [{None: row[column]}] if row[column] else []
                    lines.append(line)
                record[plan.line_field] = lines
            self._record = record
        return self._record

    def __getitem__(self, key):
        return self._odoo()[key]

    def __iter__(self):
        return iter(self._odoo())

    def __len__(self):
        return len(self._odoo())


class _CellConverter:
    """Odoo's import converters (``ir.fields.converter``) for the gifts and
    their lines, each distinct value of a field converted once. Only clean
    conversions are remembered and used: a value with a warning or an error
    makes the conversion give up on its record (None), which then takes
    Odoo's own conversion and messages."""

    def __init__(self, model):
        converter = model.env["ir.fields.converter"]
        creatable = model.env.context.get("name_create_enabled_fields") or {}
        memory = _HC_CELL_MEMORY.get()
        self.memory = {} if memory is None else memory
        self.gift = _ModelCells(converter, model, creatable, self.memory)
        self.lines = {}  # one2many field name: _ModelCells of its lines
        self.columns = {}  # id(plan): the plan's columns with their memories
        self.converter = converter
        self.model = model
        self.creatable = creatable

    def remember_names(self, records):
        """Each many2one column's distinct names looked up at once (see
        ``ir.fields.converter._hc_remember_names``)."""
        names = defaultdict(set)  # (model, field name, path in the file): names
        for gift, _extras in records:
            self._plan_names(gift, names)
        for (model_name, name, path), values in names.items():
            field = self.model.env[model_name]._fields[name]
            if self.creatable.get(path):
                continue  # records the import may create are looked up per row
            self.converter._hc_remember_names(field.comodel_name, values - {""})

    def _plan_names(self, gift, names):
        plan = gift.plan
        first = gift.rows[0]
        for name, column, m2o in plan.header:
            if m2o:
                names[self.model._name, name, name].add(first[column])
        if plan.line_field:
            comodel = self.model._fields[plan.line_field].comodel_name
            for name, column, m2o in plan.lines:
                if m2o:
                    key = (comodel, name, f"{plan.line_field}/{name}")
                    names[key].update(row[column] for row in gift.rows)

    def _plan_columns(self, plan):
        """The plan's columns as (field name, column, many2one, its
        _ModelCells, the memory of the field's converted values)."""
        if id(plan) in self.columns:
            return self.columns[id(plan)]
        header = [
            (name, column, m2o, *self.gift.column(name))
            for name, column, m2o in plan.header
        ]
        lines = []
        if plan.line_field:
            cells = self._line_cells(self.model._fields[plan.line_field])
            lines = [
                (name, column, m2o, *cells.column(name))
                for name, column, m2o in plan.lines
            ]
        # the plan object lives as long as the file's load: keep it alive
        # with its columns so that id(plan) is not reused
        self.columns[id(plan)] = (plan, header, lines)
        return self.columns[id(plan)]

    def gift_rows(self, gift):
        """The values of a gift of the one-pass reader, or None."""
        plan, header, lines = self._plan_columns(gift.plan)
        rows = gift.rows
        converted = _convert_row(rows[0], header)
        if converted is None or not plan.line_field:
            return converted
        line_cells = plan.line_cells
        commands = []
        for row in rows:
            if any(line_cells(row)):
                values = _convert_row(row, lines)
                if values is None:
                    return None
                commands.append(Command.create(values))
        # no line at all: False, as Odoo converts an empty value
        converted[plan.line_field] = commands or False
        return converted

    def _line_cells(self, field):
        cells = self.lines.get(field.name)
        if cells is None:
            prefix = field.name + "/"
            converter = self.converter.with_context(
                name_create_enabled_fields={
                    key[len(prefix) :]: value
                    for key, value in self.creatable.items()
                    if key.startswith(prefix)
                },
                parent_fields_hierarchy=[field.name],
            )
            comodel = self.model.env[field.comodel_name]
            cells = self.lines[field.name] = _ModelCells(
                converter,
                comodel,
                converter.env.context["name_create_enabled_fields"],
                self.memory,
            )
        return cells


class _ModelCells:
    """Converted values of one model's fields, remembered by the cell's
    text (a many2one's cell: the name it gives)."""

    def __init__(self, converter, model, creatable, memory):
        self.converter = converter
        self.model = model
        # a record the import may create by its name is not remembered:
        # creating it is the conversion's side effect, once per row
        self.creatable = {name for name, create in creatable.items() if create}
        self.functions = {}
        # the file's other chunks share what is converted (same user, same
        # options: the same result)
        self.memo = memory.setdefault(model._name, {})

    def column(self, name):
        """(this, the memory of the field's converted values or an empty
        one never filled when the field's values are not remembered)."""
        if name in self.creatable:
            return self, {}
        return self, self.memo.setdefault(name, {})

    def convert_cell(self, name, cell, many2one):
        """The outcome for one cell's text, converted once per distinct
        text of the field (a many2one's text is a record's name)."""
        memo = self.memo.setdefault(name, {})
        if cell in memo:
            return memo[cell]
        function = self.functions.get(name)
        if function is None:
            field = self.model._fields[name]
            function = self.functions[name] = self.converter.to_field(self.model, field)
        if function is None:
            return False, None
        try:
            result, warnings = function([{None: cell}] if many2one else cell)
        except (ValueError, UnicodeError):
            outcome = (False, None)
        else:
            outcome = (False, None) if warnings else (True, result)
        if name not in self.creatable:
            memo[cell] = outcome
        return outcome
