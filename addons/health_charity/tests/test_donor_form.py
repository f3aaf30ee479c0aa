# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.tests import Form, tagged

from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestDonorForm(HealthCharityCase):
    def test_benefactor_block_comes_first(self):
        """Type, national ID, totals and recognition sit above the contact
        details, not in a tab of the notebook."""
        Partner = self.env["res.partner"].with_user(self.staff)
        arch = etree.fromstring(Partner.get_view(view_type="form")["arch"])
        block = arch.xpath("//group[@name='health_charity']")
        self.assertEqual(len(block), 1)
        names = block[0].xpath(".//field/@name")
        for name in (
            "hc_donor_type",
            "hc_national_id",
            "hc_contribution_total",
            "hc_recognition_level_id",
        ):
            self.assertIn(name, names)
        self.assertFalse(block[0].xpath("ancestor::notebook"))
        first_group = arch.xpath("//sheet/group")[0]
        self.assertEqual(first_group.get("name"), "health_charity")

    def test_new_donor_defaults_to_persian(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        Partner = self.env["res.partner"].with_user(self.staff)
        donor = Partner.with_context(default_hc_is_donor=True)
        self.assertEqual(donor.default_get(["lang"])["lang"], "fa_IR")
        with Form(donor.with_context(default_hc_donor_type="individual")) as form:
            form.name = "Zahra Baluch"
        self.assertEqual(form.record.lang, "fa_IR")
        # other contacts keep the user's language
        self.assertNotEqual(
            Partner.with_user(self.staff).default_get(["lang"]).get("lang"), "fa_IR"
        )

    def test_no_persian_default_when_not_installed(self):
        self.env["res.lang"].with_context(active_test=False).search(
            [("code", "=", "fa_IR")]
        ).active = False
        donor = self.env["res.partner"].with_context(default_hc_is_donor=True)
        self.assertNotEqual(donor.default_get(["lang"]).get("lang"), "fa_IR")
