# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResLang(models.Model):
    _inherit = "res.lang"

    hc_native_digits = fields.Boolean(
        string="Persian Digits",
        help="Show numbers and dates with Persian digits (۰-۹) in the web client "
        "for users of this language. Display only: any digits can be typed, and "
        "the server, reports and the API keep Latin digits.",
    )
