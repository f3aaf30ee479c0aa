# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.health_charity.models.hc_integrity_mixin import hc_internal


class ResCompany(models.Model):
    _inherit = "res.company"

    hc_certificate_name = fields.Char(
        "Name on Certificates",
        translate=True,
        help="The unit's name as printed on appreciation certificates, in "
        "each language (e.g. its Persian name on the Persian print). Empty: "
        "the company name.",
    )

    # connection of a university to the Ministry (national roll-up): secrets,
    # readable by managers only
    hc_ministry_url = fields.Char(
        "Ministry Server URL",
        groups="health_charity.group_hc_manager",
        help="Address of the Ministry's Odoo, e.g. https://hc.behdasht.gov.ir",
    )
    hc_ministry_db = fields.Char(
        "Ministry Database", groups="health_charity.group_hc_manager"
    )
    hc_ministry_login = fields.Char(
        "Ministry Login",
        groups="health_charity.group_hc_manager",
        help="The Ministry user bound to this university.",
    )
    hc_ministry_api_key = fields.Char(
        "Ministry API Key",
        groups="health_charity.group_hc_manager",
        help="An API key of that user (its preferences › Account Security).",
    )
    hc_ministry_university_code = fields.Char(
        "University Code",
        groups="health_charity.group_hc_manager",
        help="The code the Ministry gave this university.",
    )
    hc_ministry_signing_key = fields.Char(
        "Signing Key",
        groups="health_charity.group_hc_manager",
        help="Secret shared with the Ministry: every package is signed with it "
        "(HMAC-SHA256) so that the Ministry can prove who sent what.",
    )

    def _hc_update_lock_date(self):
        """The lock date of a unit is the end of the last period of a
        consolidation covering it that is not in draft."""
        Consolidation = self.env[
            "hc.consolidation"
        ].sudo()  # every consolidation counts, whoever reads
        for company in self:
            last = Consolidation.search(
                [("unit_company_ids", "in", company.id), ("state", "!=", "draft")],
                order="date_to desc",
                limit=1,
            )
            if company.hc_lock_date != (last.date_to or False):
                with hc_internal():
                    # sudo: units are written by administrators only; the lock
                    # date is the consolidation's, not the user's
                    company.sudo().hc_lock_date = last.date_to or False

    def _hc_demo_set_certificate_name(self, names_by_lang):
        """Demo data only: the name printed on certificates, per language
        (English first: it is the source value)."""
        for lang in sorted(names_by_lang, key=lambda code: code != "en_US"):
            self.with_context(lang=lang).hc_certificate_name = names_by_lang[lang]
        return True
