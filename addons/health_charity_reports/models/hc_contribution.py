# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


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
