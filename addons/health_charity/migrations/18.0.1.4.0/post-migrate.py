# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.4.0: a whole-file background import now checks every row before
it writes any (``hc.contribution.import.checked``). Imports made by the
previous release wrote as they checked: they are marked checked, so that one
still queued or running goes on writing where it stopped instead of starting
a checking pass over rows it has already written."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(SQL("UPDATE hc_contribution_import SET checked = TRUE"))
