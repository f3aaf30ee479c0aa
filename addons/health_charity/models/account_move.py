# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

from .hc_integrity_mixin import hc_is_internal


class AccountMove(models.Model):
    _inherit = "account.move"

    hc_contribution_ids = fields.One2many(
        "hc.contribution", "move_id", "Contributions", readonly=True
    )

    def _hc_check_not_gift_entry(self):
        """The entry of a gift is reset or removed only through the gift
        (cancel: a reversal), never around it."""
        if hc_is_internal():
            return
        # sudo: the link exists whatever the user may read of the gift
        gifts = self.sudo().hc_contribution_ids
        if gifts:
            raise UserError(
                self.env._(
                    "This entry posts the contribution %(ref)s: cancel the "
                    "contribution instead (a reversal entry is made).",
                    ref=", ".join(gifts.mapped("name")),
                )
            )

    def button_draft(self):
        self._hc_check_not_gift_entry()
        return super().button_draft()

    def button_cancel(self):
        self._hc_check_not_gift_entry()
        return super().button_cancel()

    def unlink(self):
        self._hc_check_not_gift_entry()
        return super().unlink()
