# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import contextvars
from contextlib import contextmanager

from odoo import api, models

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
