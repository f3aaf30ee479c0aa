# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0: gifts posted under the previous release get the verification
code of their receipt (no email is sent for them)."""

from odoo import SUPERUSER_ID, api

from odoo.addons.health_charity.models.hc_integrity_mixin import hc_internal


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    Contribution = env["hc.contribution"]
    gifts = Contribution.with_context(active_test=False).search(
        [("state", "=", "posted"), ("verification_code", "=", False)]
    )
    with hc_internal():
        for gift in gifts:
            gift.write({"verification_code": Contribution._hc_new_verification_code()})
