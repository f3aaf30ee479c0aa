# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import fields, models

from odoo.addons.health_charity_web_jalali.tools.jalali_table import to_jalali

from ..tools.jalali import jalali_period_bounds

# what a prefix or suffix may use besides Odoo's own keys
JALALI_KEYS = ("jalali_year", "range_jalali_year")


class IrSequence(models.Model):
    """Sequences numbered per Solar Hijri year: ``%(range_jalali_year)s`` in
    a prefix or suffix (``CON/%(range_jalali_year)s/`` gives
    ``CON/1404/000123``) is the Jalali year of the sequence's date range,
    ``%(jalali_year)s`` the one of the document's date, and the date ranges
    such a sequence creates run from 1 Farvardin to the end of Esfand."""

    _inherit = "ir.sequence"

    def _hc_uses_jalali_year(self):
        self.ensure_one()
        text = (self.prefix or "") + (self.suffix or "")
        return any(f"%({key})s" in text for key in JALALI_KEYS)

    def _get_prefix_suffix(self, date=None, date_range=None):
        if not self._hc_uses_jalali_year():
            return super()._get_prefix_suffix(date=date, date_range=date_range)
        context = self.env.context
        today = fields.Date.context_today(self)
        day = fields.Date.to_date(date or context.get("ir_sequence_date")) or today
        range_day = (
            fields.Date.to_date(date_range or context.get("ir_sequence_date_range"))
            or today
        )
        values = {
            "%(jalali_year)s": f"{to_jalali(day)[0]:04d}",
            "%(range_jalali_year)s": f"{to_jalali(range_day)[0]:04d}",
        }

        def replace(text):
            for key, value in values.items():
                text = text.replace(key, value)
            return text

        # the same sequence with the Jalali keys written out, interpolated by
        # Odoo for its own keys (a new record: nothing is written)
        interpolated = self.new(
            {
                "name": self.name,
                "prefix": replace(self.prefix or ""),
                "suffix": replace(self.suffix or ""),
            }
        )
        return interpolated._get_prefix_suffix(date=date, date_range=date_range)

    def _create_date_range_seq(self, date):
        if not self._hc_uses_jalali_year():
            return super()._create_date_range_seq(date)
        day = fields.Date.to_date(date)
        date_from, date_to = jalali_period_bounds(to_jalali(day)[0])
        # as Odoo does for calendar years: never overlap an existing range
        Range = self.env["ir.sequence.date_range"]
        following = Range.search(
            [
                ("sequence_id", "=", self.id),
                ("date_from", ">=", day),
                ("date_from", "<=", date_to),
            ],
            order="date_from desc",
            limit=1,
        )
        if following:
            date_to = following.date_from - datetime.timedelta(days=1)
        preceding = Range.search(
            [
                ("sequence_id", "=", self.id),
                ("date_to", ">=", date_from),
                ("date_to", "<=", day),
            ],
            order="date_to desc",
            limit=1,
        )
        if preceding:
            date_from = preceding.date_to + datetime.timedelta(days=1)
        # sudo: as Odoo's own date ranges, created for any user who numbers
        return Range.sudo().create(
            {"date_from": date_from, "date_to": date_to, "sequence_id": self.id}
        )
