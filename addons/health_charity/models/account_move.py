# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .hc_integrity_mixin import hc_is_internal


class AccountMove(models.Model):
    _inherit = "account.move"

    hc_contribution_ids = fields.One2many(
        "hc.contribution", "move_id", "Contributions", readonly=True
    )
    hc_is_gift_entry = fields.Boolean(
        "Entry of a Contribution",
        compute="_compute_hc_is_gift_entry",
        help="Posted from a contribution: reset and reversal go through it.",
    )

    @api.depends("hc_contribution_ids")
    def _compute_hc_is_gift_entry(self):
        # sudo: the link exists whatever the user may read of the gift
        for move in self:
            move.hc_is_gift_entry = bool(move.sudo().hc_contribution_ids)

    @api.depends("hc_contribution_ids")
    def _compute_show_reset_to_draft_button(self):
        """A gift's entry is never reset here: cancel the gift (reversal)."""
        res = super()._compute_show_reset_to_draft_button()
        for move in self.filtered("hc_is_gift_entry"):
            move.show_reset_to_draft_button = False
        return res

    def action_view_hc_contribution(self):
        """Back to the gift(s) the entry posts (read with the user's rights:
        a user who may not read the gift gets the usual access error)."""
        self.ensure_one()
        gifts = self.hc_contribution_ids
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Contribution"),
            "res_model": "hc.contribution",
        }
        if len(gifts) == 1:
            return dict(action, res_id=gifts.id, view_mode="form")
        return dict(action, domain=[("id", "in", gifts.ids)], view_mode="list,form")

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

    def _reverse_moves(self, default_values_list=None, cancel=False):
        # the "Reverse Entry" wizard ends here: a gift's entry is reversed by
        # cancelling the gift, which keeps the gift and its entry in step
        self._hc_check_not_gift_entry()
        return super()._reverse_moves(
            default_values_list=default_values_list, cancel=cancel
        )
