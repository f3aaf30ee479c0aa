# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ResCurrency(models.Model):
    _inherit = "res.currency"

    @api.model
    def _hc_use_whole_rials(self):
        """The rial has no subunit in use. Odoo ships IRR with a rounding of
        0.01, which drifts on the very large rial amounts gifts reach; set it
        to whole rials while no accounting entry uses IRR yet (Odoo refuses
        the change afterwards, and so do we, silently)."""
        irr = self.env.ref("base.IRR", raise_if_not_found=False)
        if not irr or irr.rounding == 1.0 or irr._has_accounting_entries():
            return False
        irr.rounding = 1.0
        return True
