# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class HcStatusMixin(models.AbstractModel):
    """The status check shared by the case models' buttons."""

    _name = "hc.status.mixin"
    _description = "Health Charity Status Check"

    def _check_state(self, allowed, action=None):
        """Refuse the transition of records whose status is not in
        ``allowed``; ``action`` names it in the message ("activated")."""
        for rec in self:
            if rec.state in allowed:
                continue
            if action:
                raise UserError(
                    self.env._(
                        "%(name)s cannot be %(action)s from its current status.",
                        name=rec.display_name,
                        action=action,
                    )
                )
            raise UserError(
                self.env._(
                    "%(name)s cannot change to this status from its current one.",
                    name=rec.display_name,
                )
            )
