# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.health_charity.models.hc_integrity_mixin import hc_internal


class HcContribution(models.Model):
    """Consolidation lock: a contribution attached to a consolidation that
    is not in draft keeps its values and its status."""

    _inherit = "hc.contribution"

    consolidation_id = fields.Many2one(
        "hc.consolidation",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )

    def _hc_set_consolidation(self, consolidation):
        """Attach the gifts to ``consolidation`` (or release them with an
        empty one): our code only, through the ORM in one write. The caller
        holds their row locks and has checked the user may use every unit
        of the consolidation, whatever units the company switcher shows."""
        if not self:
            return True
        units = self.company_id | consolidation.unit_company_ids
        gifts = self.with_context(
            allowed_company_ids=units.ids, skip_validation_check=True
        )
        with hc_internal():
            return gifts.write({"consolidation_id": consolidation.id or False})

    def _is_value_locked(self):
        return super()._is_value_locked() or bool(
            self.consolidation_id and self.consolidation_id.state != "draft"
        )

    def _hc_get_lock_period_name(self, company, day):
        consolidation = (
            self.env["hc.consolidation"]
            .sudo()
            .search(  # name only
                [
                    ("unit_company_ids", "in", company.id),
                    ("state", "!=", "draft"),
                    ("date_from", "<=", day),
                    ("date_to", ">=", day),
                ],
                limit=1,
            )
        )
        if consolidation:
            return self.env._(
                "%(name)s (%(state)s)",
                name=consolidation.name,
                state=dict(
                    consolidation._fields["state"]._description_selection(self.env)
                )[consolidation.state],
            )
        return super()._hc_get_lock_period_name(company, day)

    def _check_not_consolidated(self):
        for rec in self:
            if rec.consolidation_id and rec.consolidation_id.state != "draft":
                raise UserError(
                    self.env._(
                        "%(ref)s is part of the consolidation %(cons)s: reset "
                        "the consolidation to draft first.",
                        ref=rec.name,
                        cons=rec.consolidation_id.name,
                    )
                )

    def action_cancel(self):
        self._check_not_consolidated()
        return super().action_cancel()

    def action_draft(self):
        self._check_not_consolidated()
        return super().action_draft()

    def unlink(self):
        self._check_not_consolidated()
        return super().unlink()
