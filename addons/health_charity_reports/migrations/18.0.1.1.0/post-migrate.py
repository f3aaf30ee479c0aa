# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: the record rules of consolidations follow the units a user
may use, not the company switcher (rules are noupdate data: rewritten
here), and every unit gets the lock date of its consolidations."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    rules = {
        "hc_consolidation_rule_company": (
            "[('company_id', 'in', user.company_ids.ids), "
            "('unit_company_ids', 'not any', "
            "[('id', 'not in', user.company_ids.ids)])]"
        ),
        "hc_consolidation_line_rule_company": (
            "[('consolidation_id.unit_company_ids', 'not any', "
            "[('id', 'not in', user.company_ids.ids)])]"
        ),
    }
    for xmlid, domain in rules.items():
        rule = env.ref(f"health_charity_reports.{xmlid}", raise_if_not_found=False)
        if rule:
            rule.domain_force = domain
    env["res.company"].search([])._hc_update_lock_date()
