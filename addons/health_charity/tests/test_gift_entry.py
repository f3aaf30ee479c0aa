# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The journal entry of a gift, as finance sees it: its journal items, a
way back to the gift, and no reset or reversal around the gift."""

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestGiftEntry(HealthCharityCase):
    def _posted(self):
        gift = self._contribution(
            lines=[
                self._line(self.cat_cash, 1, 200_000_000),
                self._line(self.cat_food, 100, 2_500_000),
            ]
        )
        gift.with_user(self.staff).action_submit()
        gift.with_user(self.finance).action_post()
        return gift

    def test_entry_shows_lines_and_links_back(self):
        gift = self._posted()
        move = gift.move_id.with_user(self.finance)
        self.assertTrue(move.hc_is_gift_entry)
        self.assertFalse(move.show_reset_to_draft_button)
        action = move.action_view_hc_contribution()
        self.assertEqual((action["res_model"], action["res_id"]), (gift._name, gift.id))
        # finance reads the journal items (read-only accounting)
        self.assertTrue(self.finance.has_group("account.group_account_readonly"))
        arch = etree.fromstring(
            self.env["account.move"]
            .with_user(self.finance)
            .get_view(view_type="form")["arch"]
        )
        self.assertTrue(arch.xpath("//page[@name='aml_tab']"))
        self.assertTrue(arch.xpath("//button[@name='action_view_hc_contribution']"))
        reverse = arch.xpath("//header/button[@data-hotkey='z']")[0]
        self.assertIn("hc_is_gift_entry", reverse.get("invisible"))
        # other entries keep their reset button
        other = self.env["account.move"].create(
            {
                "journal_id": self.journal.id,
                "line_ids": [
                    (0, 0, {"account_id": self.account_bank.id, "debit": 10}),
                    (0, 0, {"account_id": self.account_income.id, "credit": 10}),
                ],
            }
        )
        other.action_post()
        self.assertFalse(other.hc_is_gift_entry)
        self.assertTrue(other.show_reset_to_draft_button)

    def test_entry_is_undone_only_through_the_gift(self):
        gift = self._posted()
        move = gift.move_id.with_user(self.finance)
        with self.assertRaisesRegex(UserError, "cancel the contribution"):
            move.button_draft()
        wizard = (
            self.env["account.move.reversal"]
            .with_user(self.finance)
            .with_context(active_model="account.move", active_ids=move.ids)
            .create({"journal_id": move.journal_id.id})
        )
        with self.assertRaisesRegex(UserError, "cancel the contribution"):
            wizard.refund_moves()
        self.assertEqual(move.state, "posted")
        self.assertFalse(move.reversal_move_ids)
        # through the gift: a reversal entry
        gift.with_user(self.finance).action_cancel()
        self.assertEqual(gift.state, "cancelled")
        self.assertEqual(gift.reversal_move_id.reversed_entry_id, gift.move_id)
