# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0: a project's progress follows its milestones (weighted) unless
it is entered. Existing projects get the new mode "from milestones" (the
column default); their progress is recomputed from the milestones they have
(a project without milestones keeps its entered value)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    projects = env["hc.project"].with_context(active_test=False).search([])
    env.add_to_compute(env["hc.project"]._fields["progress"], projects)
    projects.flush_recordset(["progress"])
