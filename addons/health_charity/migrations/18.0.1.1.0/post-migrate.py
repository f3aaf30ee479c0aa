# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: chain the gifts approved under the previous release (in the
order they were recorded, per unit), so that the integrity check covers
them from now on."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    gifts = env["hc.contribution"].search(
        [("state", "in", ("approved", "posted")), ("hc_hash", "=", False)],
        order="company_id, id",
    )
    gifts._hc_chain_hash()
