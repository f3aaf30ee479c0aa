# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Set-based creation of contributions and their lines.

A Ministry roll-up loads up to a million contribution lines; through the
generic ORM ``create`` that is about 1,600 lines a second. The explicit
entry point :meth:`_hc_create_bulk` (called by the import dialog through
``load``, by the loader and by the benchmark; never by ``create``) writes the
same values, defaults, references, rounding, totals, constraints, company
checks and access rules with ``COPY`` (ids taken from the tables' sequences
first), then the same chatter as the ORM path (a "created" entry per gift
and the creator as follower, batched). ``test_contribution_bulk`` proves
both paths store the same rows and the same chatter.

What remains beyond the ``COPY`` itself is per cell or per record Python:
values converted once per distinct value (:class:`_ColumnConverter`), the
written values put in the cache as ``create`` does (so that ``modified``
and the checks read nothing back), the company check once per distinct
combination and the line amounts checked on the written values.

The path only runs when it knows every stored field of both models
(:meth:`_get_bulk_computed_fields`): a module adding a stored computed
field or an unusual value sends the batch back to the ORM, correct and
slower, never wrong.
"""

import datetime
import io
import math
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache
from itertools import repeat
from operator import itemgetter

from psycopg2.extras import Json as PsycopgJson

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.health_charity_web_jalali.tools.jalali_table import (
    jalali_period_keys,
)

from ..tools.money import repr_amount, round_amount
from .hc_contribution_line import HcContributionLine, deviation, exact_value
from .hc_integrity_mixin import hc_internal, hc_is_internal

BULK_MIN_SIZE = 100
MEMO_SIZE = 10000  # distinct values remembered per field
# what _compute_reference_id and _compute_deviation_percent store without one
NO_REFERENCE = {
    "reference_id": None,
    "reference_unit_value": 0.0,
    "deviation_percent": 0.0,
}


class HcContribution(models.Model):
    _inherit = "hc.contribution"

    @api.model
    def _hc_create_bulk(self, vals_list):
        """Create contributions set-based when the batch allows it (see
        :meth:`_can_bulk_create`), through ``create`` otherwise: the result
        is the same either way, only the speed differs."""
        if not (self.env.su or hc_is_internal()):
            # the set-based path reads defaults itself (default_get): drop the
            # caller's default_<protected> keys here, as the ORM path does
            self = self._hc_sanitize_context()
        if not self._can_bulk_create(vals_list):
            records = self.create(vals_list)
            import_id = self._hc_current_import_id()
            if import_id:
                with hc_internal():
                    records.write({"import_id": import_id})
            return records
        records = self._bulk_create(vals_list)
        records._hc_bulk_chatter()
        return records

    def _hc_bulk_chatter(self):
        """What ``mail.thread.create`` does for new records, batched: the
        creator follows them and each gets its "created" log entry."""
        context = self.env.context
        if not self or context.get("tracking_disable"):
            return
        user = self.env.user
        if not context.get("mail_create_nosubscribe") and user.active:
            self.env["mail.followers"]._insert_followers(
                self._name,
                self.ids,
                user.partner_id.ids,
                subtypes=None,
                customer_ids=[],
                check_existing=False,
            )
        if not context.get("mail_create_nolog"):
            self._hc_log_batch_bulk(self._hc_creation_messages())

    def _hc_creation_messages(self):
        """{id: the "created" entry's text}: ``_creation_message`` of each
        record, asked once when the model keeps mail.thread's own (it names
        the model only: the same text for every record)."""
        own = type(self)._creation_message
        if own is type(self.env["mail.thread"])._creation_message:
            body = self[:1]._creation_message()
            return dict.fromkeys(self.ids, body)
        return {record.id: record._creation_message() for record in self}

    def _hc_log_batch_bulk(self, bodies):
        """``_message_log_batch(bodies)`` for many records: the first record
        of each distinct body gets its entry from the ORM, the others a copy
        of that entry made in one statement (only the record it is on
        differs: a batch log shares its author, subtype, message id and
        date). About 20 times faster than the ORM's create per entry for a
        file of thousands of gifts."""
        Message = self.env["mail.message"]
        by_body = defaultdict(list)
        for res_id, body in bodies.items():
            by_body[body].append(res_id)
        columns = [
            name
            for name, field in Message._fields.items()
            if field.store and field.column_type and name not in ("id", "res_id")
        ]
        for body, res_ids in by_body.items():
            first = self.browse(res_ids[0])
            template = first._message_log_batch(bodies={first.id: body})
            if len(res_ids) < 2:
                continue
            template.flush_recordset()
            self.env.cr.execute(
                SQL(
                    "INSERT INTO mail_message (res_id, %(columns)s) "
                    "SELECT copies.res_id, %(values)s "
                    "FROM mail_message, unnest(%(res_ids)s) AS copies(res_id) "
                    "WHERE mail_message.id = %(template)s",
                    columns=SQL(", ").join(map(SQL.identifier, columns)),
                    values=SQL(", ").join(
                        SQL.identifier("mail_message", name) for name in columns
                    ),
                    res_ids=res_ids[1:],
                    template=template.id,
                )
            )
        # as mail.message's create: the gifts' chatter is read again
        self.invalidate_recordset(
            ["message_ids", "message_needaction", "message_needaction_counter"]
        )

    # ------------------------------------------------------------ eligibility
    @api.model
    def _get_bulk_min_size(self):
        """Batches from this size on take the set-based path (system
        parameter ``health_charity.bulk_min_size``; 0 turns it off)."""
        # sudo: a technical setting read by any user who creates gifts
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("health_charity.bulk_min_size", BULK_MIN_SIZE)
        )
        return int(value)

    @api.model
    def _get_bulk_computed_fields(self):
        """Stored computed fields the bulk path fills itself, per model."""
        return {
            "hc.contribution": {
                "amount_total",
                "amount_cash",
                "amount_in_kind",
                "currency_id",
                "validation_status",
                "date_jalali_year",
                "date_jalali_quarter",
                "date_jalali_month",
            },
            "hc.contribution.line": {
                "value",
                "company_id",
                "reference_id",
                "reference_unit_value",
                "deviation_percent",
            },
        }

    @api.model
    def _get_bulk_writable_fields(self, model):
        """Plain stored columns of ``model`` the bulk path may write."""
        return {
            name
            for name, field in model._fields.items()
            if field.store
            and field.column_type
            and not field.compute
            and not field.inherited
            and not field.translate
            and not field.company_dependent
            and field.type not in ("binary", "properties")
            and name not in models.MAGIC_COLUMNS
        }

    @api.model
    def _can_bulk_create(self, vals_list):
        min_size = self._get_bulk_min_size()
        context = self.env.context
        if not min_size or len(vals_list) < min_size or self._inherits:
            return False
        # the chatter is reproduced for the creator only: a gift recorded for
        # another user (who would be subscribed and told) takes the ORM path
        uid = self.env.uid
        if any(vals.get("user_id", uid) != uid for vals in vals_list) or (
            context.get("default_user_id", uid) != uid
        ):
            return False
        Line = self.env["hc.contribution.line"]
        known = self._get_bulk_computed_fields()
        for model in (self, Line):
            computed = {
                name
                for name, field in model._fields.items()
                if field.store and field.compute
            }
            if computed - known[model._name]:
                return False
        header_fields = self._get_bulk_writable_fields(self) | {"line_ids"}
        line_fields = self._get_bulk_writable_fields(Line) - {"contribution_id"}
        for vals in vals_list:
            if not header_fields.issuperset(vals):
                return False
            for command in vals.get("line_ids") or ():
                if not (
                    isinstance(command, list | tuple)
                    and len(command) == 3
                    and command[0] == Command.CREATE
                    and line_fields.issuperset(command[2])
                ):
                    return False
        return True

    # ------------------------------------------------------------------ path
    @api.model
    def _bulk_create(self, vals_list):
        Line = self.env["hc.contribution.line"]
        self.check_access("create")
        Line.check_access("create")
        self._hc_check_create_vals(vals_list)
        headers = [dict(vals) for vals in vals_list]
        import_id = self._hc_current_import_id()
        if import_id:  # set by our import, after the caller's values are checked
            for vals in headers:
                vals["import_id"] = import_id
        # the lines' values are read, never changed (see _prepare_bulk_line)
        lines_list = [
            [command[2] for command in vals.pop("line_ids", None) or ()]
            for vals in headers
        ]
        for lines in lines_list:
            for line in lines:
                Line._check_amount_vals(line)
        self._assign_names(headers)
        self.env.flush_all()

        converter = _ColumnConverter()
        header_defaults = self._get_bulk_defaults(self)
        line_defaults = self._get_bulk_defaults(Line)
        currencies = self._get_bulk_currencies(headers, header_defaults)
        kinds = self._get_bulk_category_kinds(lines_list)
        references = self._get_bulk_references(headers, header_defaults)

        header_values, header_currencies = [], []
        line_values, line_currencies, line_parents = [], [], []
        jalali_keys = {}  # one conversion per distinct date of the batch
        for index, (vals, lines) in enumerate(zip(headers, lines_list, strict=True)):
            vals = {**header_defaults, **vals}
            vals.update(self._prepare_bulk_jalali(vals, jalali_keys, converter))
            currency = currencies[vals.get("company_id")]
            converter.register(currency)
            lines = [
                self._prepare_bulk_line(
                    {**line_defaults, **line},
                    vals.get("company_id"),
                    currency,
                    converter,
                )
                for line in lines
            ]
            self._prepare_bulk_valuation(lines, kinds, references, vals)
            vals.update(self._prepare_bulk_amounts(lines, kinds))
            currency_id = currency.id
            vals["currency_id"] = currency_id or None
            vals["validation_status"] = "no"  # no review yet
            header_values.append(vals)
            header_currencies.append(currency_id)
            line_values += lines
            line_currencies += [currency_id] * len(lines)
            line_parents += [index] * len(lines)

        log_access = self._get_bulk_log_access_values()
        log_texts = {name: copy_text(value) for name, value in log_access.items()}
        header_texts, header_caches = converter.columns(
            self, header_values, header_currencies
        )
        ids = self._bulk_copy(self, {**header_texts, **log_texts})
        line_texts, line_caches = converter.columns(Line, line_values, line_currencies)
        line_texts["contribution_id"] = [str(ids[index]) for index in line_parents]
        line_caches["contribution_id"] = [ids[index] for index in line_parents]
        line_ids = self._bulk_copy(Line, {**line_texts, **log_texts})
        records = self.browse(ids)
        self._bulk_finalize(
            [
                (records, {**header_caches, **log_access}),
                (Line.browse(line_ids), {**line_caches, **log_access}),
            ]
        )
        records._hc_check_lock_date()  # as the ORM path's create
        return records

    @api.model
    def _get_bulk_log_access_values(self):
        """The creation and last-update columns, the same for every row of
        the batch (the transaction's time, as the ORM writes them)."""
        now = self.env.cr.now()
        return {
            "create_uid": self.env.uid,
            "create_date": now,
            "write_uid": self.env.uid,
            "write_date": now,
        }

    @api.model
    def _prepare_bulk_jalali(self, vals, memo, converter):
        """The Jalali period keys ``_compute_date_jalali`` would store."""
        day = converter.cache(self, "date", vals.get("date"))
        if day not in memo:
            memo[day] = dict(
                zip(
                    ("date_jalali_year", "date_jalali_quarter", "date_jalali_month"),
                    jalali_period_keys(day),
                    strict=True,
                )
            )
        return memo[day]

    @api.model
    def _prepare_bulk_line(self, line, company_id, currency, converter):
        """A line's values with the fields its computes would store: the
        company of its contribution and the exact value, computed from the
        quantity and unit value as the ORM caches them (rounded to the unit
        of measure precision and to the currency)."""
        Line = self.env["hc.contribution.line"]
        quantity = converter.cache(Line, "quantity", line.get("quantity"))
        unit_value = converter.rounded(currency, float(line.get("unit_value") or 0.0))
        digits = converter.rounding(currency)[1] if currency else 2
        line["company_id"] = company_id
        line["value"] = converter.rounded(
            currency, exact_value(quantity, unit_value, digits)
        )
        return line

    @api.model
    def _get_bulk_references(self, headers, defaults):
        """The reference values that may apply to the batch, indexed: one
        query for the whole batch (``_compute_reference_id`` does the same
        per recordset)."""
        Reference = self.env["hc.valuation.reference"]
        company_ids = {
            vals.get("company_id", defaults.get("company_id")) for vals in headers
        }
        dates = {_to_date(vals.get("date", defaults.get("date"))) for vals in headers}
        candidates = Reference._hc_get_candidates(
            {company_id for company_id in company_ids if company_id},
            {day for day in dates if day},
        )
        return Reference._hc_build_index(candidates)

    @api.model
    def _prepare_bulk_valuation(self, line_values, kinds, references, header):
        """The reference, its unit value and the deviation the line computes
        would store."""
        Reference = self.env["hc.valuation.reference"]
        day = _to_date(header.get("date"))
        for line in line_values:
            reference = Reference
            if references and kinds.get(line.get("category_id")) not in (None, "cash"):
                reference = Reference._hc_match(
                    references, line, day, header.get("company_id")
                )
            if not reference:  # most lines: the values of no reference
                line.update(NO_REFERENCE)
                continue
            line["reference_id"] = reference.id
            line["reference_unit_value"] = reference.unit_value or 0.0
            line["deviation_percent"] = deviation(
                float(line.get("unit_value") or 0.0), reference.unit_value
            )

    @api.model
    def _get_bulk_defaults(self, model):
        """Default values, evaluated once for the batch (they depend on the
        context and the user, which are the same for every record)."""
        writable = self._get_bulk_writable_fields(model)
        return model.default_get(list(writable))

    @api.model
    def _get_bulk_currencies(self, headers, defaults):
        company_ids = {
            vals.get("company_id", defaults.get("company_id")) for vals in headers
        }
        companies = (
            self.env["res.company"]
            .browse([company_id for company_id in company_ids if company_id])
            .exists()
        )
        currencies = {company.id: company.currency_id for company in companies}
        return defaultdict(lambda: self.env["res.currency"], currencies)

    @api.model
    def _get_bulk_category_kinds(self, lines_list):
        category_ids = {
            line["category_id"]
            for lines in lines_list
            for line in lines
            if line.get("category_id")
        }
        categories = self.env["hc.contribution.category"].browse(category_ids).exists()
        return {category.id: category.kind for category in categories}

    @api.model
    def _prepare_bulk_amounts(self, line_values, kinds):
        """The totals ``_compute_amounts`` would store, from the line rows
        (the same formula: ``_hc_totals``)."""
        return self._hc_totals(
            (kinds.get(line.get("category_id")), line["value"]) for line in line_values
        )

    @api.model
    def _bulk_copy(self, model, columns):
        """Write rows with ``COPY ... FROM STDIN``; ``columns`` maps each
        column to the COPY text of its value per row (see :func:`copy_text`;
        a single string: the same text on every row). The ids are taken
        beforehand from the table's own sequence, in ascending order as
        ``INSERT ... RETURNING`` would give them; returns them. COPY parses
        rows about twice as fast as an INSERT of the same values, and the
        rows need no SQL literal each."""
        sizes = {len(texts) for texts in columns.values() if isinstance(texts, list)}
        (count,) = sizes or {0}  # every column has a text per row
        if not count:
            return []
        cr = self.env.cr
        # the sequence looked up once (a subquery), not once per row
        cr.execute(
            SQL(
                "SELECT nextval((SELECT pg_get_serial_sequence(%s, 'id'))::regclass)"
                " FROM generate_series(1, %s)",
                model._table,
                count,
            )
        )
        ids = sorted(new_id for (new_id,) in cr.fetchall())
        names = ["id", *columns]
        texts = [list(map(str, ids))] + [
            texts if isinstance(texts, list) else [texts] * count
            for texts in columns.values()
        ]
        data = io.StringIO("\n".join(map("\t".join, zip(*texts))) + "\n")
        query = SQL(
            "COPY %s (%s) FROM STDIN",
            SQL.identifier(model._table),
            SQL(", ").join(map(SQL.identifier, names)),
        )
        # psycopg2's COPY is not wrapped by odoo's cursor; the statement is
        # built from identifiers only, the data travels as COPY text
        cr._obj.copy_expert(query.code, data, size=COPY_BUFFER_SIZE)
        return ids

    @api.model
    def _bulk_finalize(self, batches):
        """What the ORM does after its INSERT, for ``[(records, {field:
        values})]`` (the values written, in cache format: a list with a value
        per record, or one value for all): put them in the cache, let the
        fields of other records that depend on them (donor totals...)
        recompute, keep the computed values written with the rows, run the
        Python constraints and company checks, apply the record rules."""
        self.env.invalidate_all()
        computed = self._get_bulk_computed_fields()
        batches = [(records, values) for records, values in batches if records]
        for records, values in batches:
            self._bulk_fill_cache(records, values)
        for records, values in batches:
            records.modified(list(values), create=True)
        for records, _values in batches:
            for fname in computed[records._name]:
                self.env.remove_to_compute(records._fields[fname], records)
        for records, values in batches:
            self._bulk_validate(records, values)
            if records._check_company_auto:
                self._bulk_check_company(records, values)
            records.check_access("create")

    @api.model
    def _bulk_fill_cache(self, records, values):
        """Put the new records' values in the cache, as ``create`` does: the
        columns written, and the empty value of the other plain columns
        (NULL in the rows). Without it, ``modified`` reads the new rows back
        to find the gifts of the lines and the donors and projects of the
        gifts, and the checks after it the fields they test."""
        cache = self.env.cache
        for fname, field in records._fields.items():
            if fname in values:
                field_values = _per_record(values[fname])
            elif (
                field.store
                and field.column_type
                and not (field.compute or field.translate or field.company_dependent)
                and fname != "id"
            ):  # (a NULL translated or company-dependent column reads as more)
                field_values = repeat(field.convert_to_cache(None, records))
            else:
                continue
            cache.update(records, field, field_values)

    @api.model
    def _get_bulk_constraint_checks(self):
        """{constraint method: name of its set-based equivalent}, for the
        Python constraints that loop over every record. A constraint is
        replaced only while nobody overrides it (the very function here)."""
        return {HcContributionLine._check_amounts: "_bulk_check_line_amounts"}

    @api.model
    def _bulk_validate(self, records, values):
        """``records._validate_fields(values)``, the constraints listed by
        :meth:`_get_bulk_constraint_checks` run set-based."""
        fnames = set(values)
        bulk_checks = self._get_bulk_constraint_checks()
        for check in records._constraint_methods:
            if fnames.isdisjoint(check._constrains):
                continue
            if check in bulk_checks:
                getattr(self, bulk_checks[check])(records, values)
            else:
                check(records)

    @api.model
    def _bulk_check_line_amounts(self, lines, values):
        """``_check_amounts`` on the values written (as the cache holds
        them): the first line it would refuse is checked by the constraint
        itself, which raises its message."""
        if not {"quantity", "unit_value"} <= values.keys():
            lines._check_amounts()
            return
        amounts = zip(
            _per_record(values["quantity"]), _per_record(values["unit_value"])
        )
        for index, (quantity, unit_value) in enumerate(amounts):
            if (quantity or 0) <= 0 or (unit_value or 0) < 0:
                lines[index]._check_amounts()

    @api.model
    def _bulk_check_company(self, records, values):
        """``records._check_company()``, run on one record per distinct
        combination of company and checked values: a record's check depends
        on nothing else, and a batch has a handful of combinations. When one
        fails, the check runs on every record to raise the ORM's message."""
        fields_ = records._fields
        fnames = [
            fname
            for fname in values
            if fname in ("company_id", "company_ids")
            or (fields_[fname].relational and fields_[fname].check_company)
        ]
        first = {}
        for index, key in enumerate(zip(*(values[fname] for fname in fnames))):
            first.setdefault(key, index)
        try:
            records.browse(
                [records._ids[index] for index in first.values()]
            )._check_company()
        except UserError:
            records._check_company()
            raise


def _per_record(values):
    """A column's values: a list with one per record, or one value for all."""
    return values if isinstance(values, list) else repeat(values)


class _ColumnConverter:
    """Field values to the cache and column formats the ORM would give them
    (``convert_to_cache``, ``convert_to_column_insert``, monetary values
    rounded as ``res.currency.round`` does), memoised: a batch repeats the
    same few quantities, categories and dates thousands of times."""

    def __init__(self):
        self.memo = defaultdict(dict)
        self.roundings = {}
        self.currencies = {}

    def _memoised(self, key, value, convert):
        """``convert(value)``, remembered under ``key`` (up to MEMO_SIZE
        distinct values per key; unhashable values are not remembered)."""
        memo = self.memo[key]
        try:
            return memo[value]
        except KeyError:
            result = convert(value)
            if len(memo) < MEMO_SIZE:
                memo[value] = result
            return result
        except TypeError:
            return convert(value)

    def rounding(self, currency):
        """(rounding, decimal places) of a currency, read once (by its ids:
        cheaper than ``currency.id`` in the per-line calls)."""
        try:
            return self.roundings[currency._ids]
        except KeyError:
            result = self.roundings[currency._ids] = (
                currency.rounding,
                currency.decimal_places,
            )
            return result

    def rounded(self, currency, value):
        """A monetary value as the cache holds it (``currency.round``)."""
        if not currency:
            return value
        return round_amount(value, self.rounding(currency)[0])

    def cache(self, model, name, value):
        field = model._fields[name]
        return self._memoised(
            ("cache", model._name, name),
            value,
            lambda value: field.convert_to_cache(value, model),
        )

    def register(self, currency):
        """Make ``currency`` known by its id to :meth:`columns`."""
        self.currencies.setdefault(currency.id, currency)

    def columns(self, model, vals_list, currency_ids):
        """The records' values column by column, as ``({column: [COPY text
        per record]}, {column: [cache value per record]})``, each record's
        monetary values rounded to its currency (ids in ``currency_ids``,
        registered with :meth:`register`). A column absent from a record's
        values is NULL there, as in a multi-row INSERT."""
        texts, caches = {}, {}
        for name in sorted(set().union(*vals_list)):
            field = model._fields[name]
            values = [vals.get(name, ABSENT) for vals in vals_list]
            if field.type == "monetary":
                values = list(zip(currency_ids, values))
            converted = self._column(model, field, values)
            texts[name] = list(map(itemgetter(0), converted))
            caches[name] = list(map(itemgetter(1), converted))
        return texts, caches

    def _column(self, model, field, values):
        """``(COPY text, cache value)`` of every value of one column,
        memoised per distinct value: the hot loop of the path (every field of
        every row), one dictionary lookup per cell when the value was seen
        before."""
        memo = self.memo[model._name, field.name]
        try:
            results = list(map(memo.get, values, repeat(MISSING)))
        except TypeError:  # an unhashable value: nothing remembered
            return [self._convert(field, model, value) for value in values]
        if MISSING in results:
            for index, result in enumerate(results):
                if result is MISSING:
                    value = values[index]
                    result = results[index] = memo.get(value, MISSING)
                    if result is MISSING:
                        result = results[index] = self._convert(field, model, value)
                        if len(memo) < MEMO_SIZE:
                            memo[value] = result
        return results

    def _convert(self, field, model, value):
        """``(COPY text, cache value)`` of a value, as ``convert_to_column``
        and ``convert_to_cache`` give it (a monetary value comes as
        ``(currency id, value)``: rounded once, the cache holds the rounded
        value and the column its text, as ``Monetary.convert_to_column``
        rounds and formats it)."""
        if field.type == "monetary":
            currency_id, value = value
            if value is ABSENT:
                return NULL, field.convert_to_cache(None, model)
            currency = self.currencies[currency_id]
            value = self.rounded(currency, float(value or 0.0))
            if currency:
                return repr_amount(value, self.rounding(currency)[1]), value
            return copy_text(value), value
        if value is ABSENT:
            return NULL, field.convert_to_cache(None, model)
        return (
            copy_text(field.convert_to_column_insert(value, model)),
            field.convert_to_cache(value, model),
        )


# COPY text format: NULL, and the characters escaped in a value
NULL = "\\N"
COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
COPY_BUFFER_SIZE = 1 << 20
ABSENT = object()  # a column a record has no value for
MISSING = object()  # a value not converted yet


def copy_text(value):
    """A column value (as psycopg2 would send it) in COPY text format."""
    if value is None:
        return NULL
    if value is True or value is False:
        return "t" if value else "f"
    if isinstance(value, str):
        return value.translate(COPY_ESCAPES)
    if isinstance(value, float):
        # as psycopg2 sends a float (repr), with PostgreSQL's special names
        if math.isfinite(value):
            return repr(value)
        return "NaN" if math.isnan(value) else ("-" * (value < 0) + "Infinity")
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, datetime.date):  # datetimes too
        return value.isoformat()
    if isinstance(value, PsycopgJson):
        return value.dumps(value.adapted).translate(COPY_ESCAPES)
    raise TypeError(f"no COPY text for {type(value).__name__} {value!r}")


@lru_cache(maxsize=4096)
def _to_date(value):
    """``fields.Date.to_date``, remembered: a batch names the same few
    hundred days on thousands of gifts (a date is hashable and immutable)."""
    return fields.Date.to_date(value)
