# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0: the donor's stored university-wide figures move to
``hc_contribution_total_all`` / ``hc_contribution_count_all`` (managers
only); ``hc_contribution_total`` becomes the reader's figure, computed from
the gifts the reader may see. Renaming the columns keeps every stored total
(no recomputation of all donors on upgrade)."""

from odoo.tools.sql import column_exists, rename_column


def migrate(cr, version):
    for old, new in (
        ("hc_contribution_total", "hc_contribution_total_all"),
        ("hc_contribution_count", "hc_contribution_count_all"),
    ):
        if column_exists(cr, "res_partner", old) and not column_exists(
            cr, "res_partner", new
        ):
            rename_column(cr, "res_partner", old, new)
