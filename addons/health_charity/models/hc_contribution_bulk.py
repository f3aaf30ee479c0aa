# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Set-based creation of contributions and their lines.

A Ministry roll-up loads up to a million contribution lines; through the
generic ORM ``create`` that is about 1,600 lines a second. The explicit
entry point :meth:`_hc_create_bulk` (called by the import dialog through
``load``, by the loader and by the benchmark; never by ``create``) writes the
same values, defaults, references, rounding, totals, constraints, company
checks and access rules as multi-row ``INSERT`` statements, then the same
chatter as the ORM path (a "created" entry per gift and the creator as
follower, batched). ``test_contribution_bulk`` proves both paths store the
same rows and the same chatter.

The path only runs when it knows every stored field of both models
(:meth:`_get_bulk_computed_fields`): a module adding a stored computed
field or an unusual value sends the batch back to the ORM, correct and
slower, never wrong.
"""

from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.tools import SQL, float_repr, float_round, split_every

from odoo.addons.health_charity_web_jalali.tools.jalali_table import (
    jalali_period_keys,
)

from .hc_contribution_line import deviation, exact_value
from .hc_integrity_mixin import hc_internal, hc_is_internal

BULK_INSERT_ROWS = 2000
BULK_MIN_SIZE = 100
MEMO_SIZE = 10000  # distinct values remembered per field


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
        lines_list = [
            [dict(command[2]) for command in vals.pop("line_ids", None) or ()]
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
        now = self.env.cr.now()
        magic = {
            "create_uid": self.env.uid,
            "create_date": now,
            "write_uid": self.env.uid,
            "write_date": now,
        }

        header_rows, line_rows = [], []
        jalali_keys = {}  # one conversion per distinct date of the batch
        for vals, lines in zip(headers, lines_list, strict=True):
            vals = {**header_defaults, **vals}
            vals.update(self._prepare_bulk_jalali(vals, jalali_keys, converter))
            currency = currencies[vals.get("company_id")]
            line_values = [
                self._prepare_bulk_line(
                    {**line_defaults, **line},
                    vals.get("company_id"),
                    currency,
                    converter,
                )
                for line in lines
            ]
            self._prepare_bulk_valuation(line_values, kinds, references, vals)
            vals.update(self._prepare_bulk_amounts(line_values, kinds))
            vals["currency_id"] = currency.id or None
            vals["validation_status"] = "no"  # no review yet
            header_rows.append(converter.row(self, {**magic, **vals}, currency))
            line_rows.append(
                [
                    converter.row(Line, {**magic, **line}, currency)
                    for line in line_values
                ]
            )

        ids = self._bulk_insert(self, header_rows)
        for contribution_id, rows in zip(ids, line_rows, strict=True):
            for row in rows:
                row["contribution_id"] = contribution_id
        all_line_rows = [row for rows in line_rows for row in rows]
        line_ids = self._bulk_insert(Line, all_line_rows)
        records = self.browse(ids)
        self._bulk_finalize(
            [(records, header_rows), (Line.browse(line_ids), all_line_rows)]
        )
        records._hc_check_lock_date()  # as the ORM path's create
        return records

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
        dates = {
            fields.Date.to_date(vals.get("date", defaults.get("date")))
            for vals in headers
        }
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
        day = fields.Date.to_date(header.get("date"))
        for line in line_values:
            reference = Reference
            if references and kinds.get(line.get("category_id")) not in (None, "cash"):
                reference = Reference._hc_match(
                    references, line, day, header.get("company_id")
                )
            line["reference_id"] = reference.id or None
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
        """The totals ``_compute_amounts`` would store, from the line rows."""
        cash = in_kind = 0.0
        for line in line_values:
            if kinds.get(line.get("category_id")) == "cash":
                cash += line["value"]
            else:
                in_kind += line["value"]
        return {
            "amount_cash": cash,
            "amount_in_kind": in_kind,
            "amount_total": cash + in_kind,
        }

    @api.model
    def _bulk_insert(self, model, rows):
        """Multi-row parametrised INSERTs; returns the new ids in order."""
        if not rows:
            return []
        columns = sorted(set().union(*rows))
        ids = []
        for chunk in split_every(BULK_INSERT_ROWS, rows):
            self.env.cr.execute(
                SQL(
                    "INSERT INTO %s (%s) VALUES %s RETURNING id",
                    SQL.identifier(model._table),
                    SQL(", ").join(map(SQL.identifier, columns)),
                    SQL(", ").join(
                        tuple(row.get(column) for column in columns) for row in chunk
                    ),
                )
            )
            ids.extend(new_id for (new_id,) in self.env.cr.fetchall())
        return ids

    @api.model
    def _bulk_finalize(self, batches):
        """What the ORM does after its INSERT, for ``[(records, rows)]``:
        let the fields of other records that depend on them (donor totals...)
        recompute, keep the computed values written with the rows, run the
        Python constraints and company checks, apply the record rules."""
        self.env.invalidate_all()
        computed = self._get_bulk_computed_fields()
        batches = [(records, set().union(*rows)) for records, rows in batches if rows]
        for records, fnames in batches:
            records.modified(list(fnames), create=True)
        for records, _fnames in batches:
            for fname in computed[records._name]:
                self.env.remove_to_compute(records._fields[fname], records)
        for records, fnames in batches:
            records._validate_fields(fnames)
            if records._check_company_auto:
                records._check_company()
            records.check_access("create")


class _ColumnConverter:
    """Field values to the cache and column formats the ORM would give them
    (``convert_to_cache``, ``convert_to_column_insert``, monetary values
    rounded as ``res.currency.round`` does), memoised: a batch repeats the
    same few quantities, categories and dates thousands of times."""

    def __init__(self):
        self.memo = defaultdict(dict)
        self.roundings = {}

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
        """(rounding, decimal places) of a currency, read once."""
        try:
            return self.roundings[currency.id]
        except KeyError:
            result = self.roundings[currency.id] = (
                currency.rounding,
                currency.decimal_places,
            )
            return result

    def rounded(self, currency, value):
        """A monetary value as the cache holds it (``currency.round``)."""
        if not currency:
            return value
        return float_round(value, precision_rounding=self.rounding(currency)[0])

    def cache(self, model, name, value):
        field = model._fields[name]
        return self._memoised(
            ("cache", model._name, name),
            value,
            lambda value: field.convert_to_cache(value, model),
        )

    def row(self, model, vals, currency):
        """The column values of one record. The hot loop of the path (every
        field of every row): the memo lookup of :meth:`_memoised` is inlined
        here, a call and a closure per cell cost 2.5 times as much."""
        row = {}
        memos = self.memo
        prefix = (model._name, currency.id)
        for name, value in vals.items():
            memo = memos[prefix, name]
            try:
                row[name] = memo[value]
            except KeyError:
                row[name] = self._convert(model, name, value, currency)
                if len(memo) < MEMO_SIZE:
                    memo[value] = row[name]
            except TypeError:  # an unhashable value: not remembered
                row[name] = self._convert(model, name, value, currency)
        return row

    def _convert(self, model, name, value, currency):
        if name in models.LOG_ACCESS_COLUMNS:
            return value
        field = model._fields[name]
        if field.type == "monetary":
            value = self.rounded(currency, float(value or 0.0))
            return float_repr(value, self.rounding(currency)[1]) if currency else value
        return field.convert_to_column_insert(value, model)
