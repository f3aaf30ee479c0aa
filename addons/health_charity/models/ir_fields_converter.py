# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import contextvars
from contextlib import contextmanager

from odoo import api, models
from odoo.osv import expression
from odoo.tools import split_every

# distinct names looked up per query by _hc_remember_names
NAMES_PER_QUERY = 1000

# {(comodel, subfield, value): (id, field type, warnings)} while one file of
# contributions is converted (set by hc.contribution.load only)
_HC_IMPORT_IDS = contextvars.ContextVar("hc_import_ids", default=None)


@contextmanager
def hc_import_id_cache():
    """Remember lookups for the block; an outer block's memory is kept (the
    chunks of a background import share one)."""
    if _HC_IMPORT_IDS.get() is not None:
        yield
        return
    token = _HC_IMPORT_IDS.set({})
    try:
        yield
    finally:
        _HC_IMPORT_IDS.reset(token)


class IrFieldsConverter(models.AbstractModel):
    """A hospital's file names the same few donors, units and categories on
    thousands of rows: while a contribution file is imported, each distinct
    reference is looked up once (Odoo looks it up on every row)."""

    _inherit = "ir.fields.converter"

    @api.model
    def db_id_for(self, model, field, subfield, value):
        cache = _HC_IMPORT_IDS.get()
        creates = (self.env.context.get("name_create_enabled_fields") or {}).get(
            field.name
        )
        # a record the import may create is not remembered: its chunk may be
        # rolled back
        if cache is None or creates or not isinstance(value, str):
            return super().db_id_for(model, field, subfield, value)
        key = (field.comodel_name, subfield, value)
        if key not in cache:
            result = super().db_id_for(model, field, subfield, value)
            if result[0] is None or result[2]:
                return result  # not found, or with warnings: not remembered
            cache[key] = result
        return cache[key]

    @api.model
    def _hc_remember_names(self, comodel_name, values):
        """Look the distinct names of a column up in one query per thousand
        names, and remember each found exactly once (what ``db_id_for``'s
        ``name_search(value, '=')`` would find without a warning). A name
        the model searches otherwise than by its name fields (an override of
        ``_search_display_name`` adding criteria for it, as a donor's
        national ID), found twice or not found is left to ``db_id_for``."""
        cache = _HC_IMPORT_IDS.get()
        if cache is None:
            return
        Model = self.env[comodel_name]
        fnames = Model._rec_names_search or (
            [Model._rec_name] if Model._rec_name else []
        )
        fields_ = [Model._fields.get(fname) for fname in fnames]
        if not fnames or any(
            field is None or field.type not in ("char", "text") or not field.store
            for field in fields_
        ):
            return
        todo = []
        for value in set(values):
            if (
                isinstance(value, str)
                and value
                and (comodel_name, None, value) not in cache
                # the model's own search for this name is the plain one
                and Model._search_display_name("=", value)
                == models.BaseModel._search_display_name(Model, "=", value)
            ):
                todo.append(value)
        found = {}
        for chunk in split_every(NAMES_PER_QUERY, todo, list):
            wanted = set(chunk)
            domain = expression.OR([[(fname, "in", chunk)] for fname in fnames])
            for record in Model.search_fetch(domain, fnames):
                for value in wanted.intersection(record[fname] for fname in fnames):
                    found.setdefault(value, set()).add(record.id)
        for value, ids in found.items():
            if len(ids) == 1:
                cache[(comodel_name, None, value)] = (next(iter(ids)), "name", [])
