# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from ..models.hc_integrity_mixin import hc_internal
from .common import HealthCharityCase


@tagged("post_install", "-at_install")
class TestValuation(HealthCharityCase):
    """Reference values, the valuation committee, expert appraisals and
    re-valuations (issue: valuation you can defend)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.all_units.write(
            {
                "hc_valuation_committee": True,
                "hc_valuation_tolerance": 20.0,
                "hc_appraisal_threshold": 5_000_000_000,
            }
        )
        cls.valuer = new_test_user(
            cls.env,
            login="hc_t_valuer",
            groups="health_charity.group_hc_valuation",
            company_id=cls.university.id,
            company_ids=[Command.set(cls.all_units.ids)],
        )
        cls.blanket_1403 = cls._reference(
            "Wool blanket", 4_000_000, date(2024, 3, 20), date(2025, 3, 20)
        )
        cls.blanket_1404 = cls._reference("Wool blanket", 5_000_000, date(2025, 3, 21))

    @classmethod
    def _reference(cls, name, unit_value, date_from, date_to=None, **extra):
        vals = {
            "name": name,
            "category_id": cls.cat_food.id,
            "unit_value": unit_value,
            "date_from": date_from,
            "date_to": date_to,
            "source": "market_survey",
        }
        vals.update(extra)
        ref = cls.env["hc.valuation.reference"].with_user(cls.manager).create(vals)
        ref.with_user(cls.manager).action_submit()
        ref.with_user(cls.valuer).validate_tier()
        return ref

    def _in_kind(self, unit_value, day=date(2025, 6, 1), name="wool  Blanket", qty=10):
        return self._contribution(
            lines=[
                self._line(
                    self.cat_food,
                    qty,
                    unit_value,
                    name=name,
                    valuation_basis="market_quote",
                )
            ],
            date=day,
        )

    # ------------------------------------------------------------ references
    def test_reference_approval_flow(self):
        self.assertEqual(self.blanket_1404.state, "approved")
        draft = (
            self.env["hc.valuation.reference"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Insulin pen",
                    "category_id": self.cat_medical.id,
                    "unit_value": 900_000,
                    "date_from": date(2025, 3, 21),
                }
            )
        )
        draft.with_user(self.manager).action_submit()
        self.assertEqual(draft.state, "submitted")
        with self.assertRaises(UserError):  # the requester does not approve
            draft.with_user(self.manager).validate_tier()
        draft.with_user(self.valuer).validate_tier()
        self.assertEqual(draft.state, "approved")
        # an approved value is never rewritten: a new value is a new reference
        with self.assertRaises(UserError):
            draft.with_user(self.manager).write({"unit_value": 1})
        draft.with_user(self.manager).write({"date_to": date(2025, 12, 31)})
        self.assertEqual(draft.unit_value, 900_000)
        # office staff read references but do not maintain them
        with self.assertRaises(AccessError):
            draft.with_user(self.staff).write({"date_to": date(2026, 1, 1)})

    def test_references_imported_from_a_spreadsheet(self):
        """A price list loads through Odoo's import (as drafts: approval
        still goes through the committee)."""
        Reference = self.env["hc.valuation.reference"].with_user(self.manager)
        result = Reference.load(
            ["name", "category_id", "unit_value", "date_from", "source"],
            [
                ["Rice bag 10 kg", "Food Package", "9500000", "2025-03-21", "ministry"],
                [
                    "Insulin pen",
                    "Medical Equipment",
                    "900000",
                    "2025-03-21",
                    "ministry",
                ],
            ],
        )
        self.assertFalse(result["messages"], result)
        refs = Reference.browse(result["ids"])
        self.assertEqual(refs.mapped("state"), ["draft", "draft"])
        self.assertEqual(refs.mapped("unit_value"), [9_500_000, 900_000])
        # a forged status in the file is refused
        forged = Reference.load(
            ["name", "category_id", "unit_value", "date_from", "state"],
            [["Tea", "Food Package", "1000", "2025-03-21", "approved"]],
        )
        self.assertFalse(forged["ids"])

    def test_overlapping_reference_refused(self):
        with self.assertRaises(ValidationError):
            self._reference("WOOL BLANKET", 6_000_000, date(2025, 6, 1))

    def test_reference_proposed_on_the_gift_date(self):
        gift_1403 = self._in_kind(4_000_000, day=date(2025, 1, 10))
        gift_1404 = self._in_kind(5_500_000, day=date(2025, 6, 1))
        self.assertEqual(gift_1403.line_ids.reference_id, self.blanket_1403)
        self.assertEqual(gift_1404.line_ids.reference_id, self.blanket_1404)
        self.assertEqual(gift_1404.line_ids.reference_unit_value, 5_000_000)
        self.assertEqual(gift_1404.line_ids.deviation_percent, 10.0)
        self.assertEqual(gift_1403.line_ids.deviation_percent, 0.0)
        # the form proposes the reference value for a new line
        form = Form(
            self.env["hc.contribution"]
            .with_user(self.staff)
            .with_company(self.university)
        )
        form.donor_id = self.donor
        form.date = date(2025, 1, 10)
        with form.line_ids.new() as line:
            line.category_id = self.cat_food
            line.name = "Wool blanket"
            line.quantity = 3
        gift = form.save()
        self.assertEqual(gift.line_ids.unit_value, 4_000_000)
        self.assertEqual(gift.line_ids.reference_id, self.blanket_1403)
        self.assertEqual(gift.line_ids.valuation_technique, "quoted_price")
        # the reference is the application's, not the client's
        with self.assertRaises(AccessError):
            gift.line_ids.with_user(self.staff).write(
                {"reference_id": self.blanket_1404.id}
            )

    def test_unit_reference_before_university_reference(self):
        own = self._reference(
            "Wool blanket",
            5_400_000,
            date(2025, 3, 21),
            company_id=self.hospital_a.id,
        )
        gift = self._contribution(
            user=self.officer_a,
            company=self.hospital_a,
            lines=[self._line(self.cat_food, 1, 5_400_000, name="Wool blanket")],
            date=date(2025, 6, 1),
        )
        self.assertEqual(gift.line_ids.reference_id, own)
        other = self._contribution(
            user=self.officer_b,
            company=self.hospital_b,
            lines=[self._line(self.cat_food, 1, 5_400_000, name="Wool blanket")],
            date=date(2025, 6, 1),
        )
        self.assertEqual(other.line_ids.reference_id, self.blanket_1404)

    # ------------------------------------------------------------- committee
    def test_within_tolerance_needs_no_committee(self):
        gift = self._in_kind(5_500_000)
        self.assertFalse(gift.valuation_review_required)
        gift.with_user(self.staff).action_submit()
        self.assertEqual(gift.state, "approved")
        self.assertFalse(gift.valuation_reviewed)
        line = gift.line_ids
        self.assertEqual(line.valuation_technique, "quoted_price")
        self.assertEqual(line.valuation_date, gift.date)

    def test_committee_reviews_deviation_and_missing_reference(self):
        far = self._in_kind(9_000_000)  # +80 %
        unknown = self._in_kind(1_000_000, name="Hospital bed sheet")
        for gift in far | unknown:
            self.assertTrue(gift.valuation_review_required)
            gift.with_user(self.staff).action_submit()
            self.assertEqual(gift.state, "submitted")
        self.assertIn("80.0%", far.valuation_review_reason)
        self.assertIn("no reference value", unknown.valuation_review_reason)
        # an approver who is not on the committee cannot stand in for it
        with self.assertRaises(UserError):
            far.with_user(self.approver).validate_tier()
        self.assertEqual(far.state, "submitted")
        far.with_user(self.valuer).validate_tier()
        self.assertEqual(far.state, "approved")
        self.assertTrue(far.valuation_reviewed)
        # the committee threshold sends even a referenced value to it
        self.university.hc_valuation_committee_threshold = 40_000_000
        big = self._in_kind(5_000_000)  # 50,000,000 for ten
        self.assertTrue(big.valuation_review_required)

    def test_appraisal_threshold(self):
        gift = self._contribution(
            lines=[
                self._line(
                    self.cat_medical,
                    1,
                    6_000_000_000,
                    name="CT scanner",
                    valuation_basis="invoice",
                )
            ],
            date=date(2025, 6, 1),
        )
        with self.assertRaisesRegex(ValidationError, "Expert"):
            with self.env.cr.savepoint():
                gift.with_user(self.staff).action_submit()
        self.assertEqual(gift.state, "draft")
        gift.line_ids.with_user(self.staff).write(
            {"valuation_basis": "expert_appraisal"}
        )
        with self.assertRaises(ValidationError):  # still no document
            gift.with_user(self.staff).action_submit()
        appraisal = (
            self.env["ir.attachment"]
            .with_user(self.staff)
            .create(
                {
                    "name": "appraisal.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 appraisal"),
                }
            )
        )
        gift.line_ids.with_user(self.staff).write(
            {"attachment_ids": [Command.link(appraisal.id)]}
        )
        gift.with_user(self.staff).action_submit()
        self.assertEqual(gift.state, "submitted")  # and to the committee

    # ----------------------------------------------------------- re-valuation
    def _approved_posted(self, unit_value=5_000_000):
        gift = self._in_kind(unit_value)
        gift.with_user(self.staff).action_submit()
        self.assertEqual(gift.state, "approved")
        gift.with_user(self.finance).action_post()
        return gift

    def _revaluation(self, gift, new_unit_value, user=None):
        return (
            self.env["hc.revaluation"]
            .with_user(user or self.staff)
            .create(
                {
                    "line_id": gift.line_ids.id,
                    "new_unit_value": new_unit_value,
                    "reason": "Invoice found: the blankets were single, not double.",
                }
            )
        )

    def test_revaluation_of_posted_gift(self):
        gift = self._approved_posted(5_000_000)
        line = gift.line_ids
        # a write is not a correction
        with self.assertRaises(UserError):
            line.with_user(self.staff).write({"unit_value": 3_000_000})
        reval = self._revaluation(gift, 3_000_000)
        self.assertEqual(reval.old_unit_value, 5_000_000)
        self.assertEqual(reval.difference, -20_000_000)
        reval.with_user(self.staff).action_submit()
        self.assertEqual(reval.state, "submitted")
        self.assertEqual(line.unit_value, 5_000_000)  # not before approval
        with self.assertRaises(UserError):
            reval.with_user(self.staff).validate_tier()
        reval.with_user(self.valuer).validate_tier()
        self.assertEqual(reval.state, "approved")
        self.assertEqual(line.unit_value, 3_000_000)
        self.assertEqual(gift.amount_total, 30_000_000)
        self.assertEqual(line.revaluation_ids, reval)
        # the posted entry is untouched; an adjusting entry carries the change
        self.assertEqual(gift.move_id.amount_total, 50_000_000)
        self.assertEqual(gift.move_id.state, "posted")
        adjusting = reval.move_id
        self.assertEqual(adjusting.state, "posted")
        self.assertEqual(adjusting.amount_total, 20_000_000)
        self.assertEqual(
            adjusting.line_ids.filtered(
                lambda ml: ml.account_id == self.account_income
            ).balance,
            20_000_000,  # income debited: the gift was worth less
        )
        self.assertTrue(any(reval.name in (m.body or "") for m in gift.message_ids))
        # the chain still proves the period: the re-valuation is part of it
        checked, broken = self.env["hc.contribution"]._hc_check_inalterability(
            self.university
        )
        self.assertGreaterEqual(checked, 1)
        self.assertFalse(broken)

    def test_revaluation_tampering_detected(self):
        gift = self._approved_posted(5_000_000)
        reval = self._revaluation(gift, 6_000_000)
        reval.with_user(self.staff).action_submit()
        reval.with_user(self.valuer).validate_tier()
        self.assertEqual(gift.amount_total, 60_000_000)
        self.env.flush_all()
        # the line and its re-valuation changed together, behind the ORM
        self.env.cr.execute(
            "UPDATE hc_revaluation SET new_unit_value = 9000000 WHERE id = %s",
            [reval.id],
        )
        self.env.cr.execute(
            "UPDATE hc_contribution_line SET unit_value = 9000000 WHERE id = %s",
            [gift.line_ids.id],
        )
        self.env.invalidate_all()
        _checked, broken = self.env["hc.contribution"]._hc_check_inalterability(
            self.university
        )
        self.assertEqual(broken, gift)

    def test_revaluation_refused_in_closed_period(self):
        gift = self._approved_posted(5_000_000)
        with hc_internal():
            self.university.write({"hc_lock_date": date(2025, 6, 30)})
        with self.assertRaisesRegex(UserError, "closed period"):
            with self.env.cr.savepoint():
                self._revaluation(gift, 4_000_000)
        self.assertFalse(gift.line_ids.revaluation_ids)

    def test_revaluation_only_of_approved_gifts(self):
        draft = self._in_kind(5_000_000)
        with self.assertRaises(ValidationError):
            self._revaluation(draft, 4_000_000)
        gift = self._approved_posted(5_000_000)
        reval = self._revaluation(gift, 5_000_000)
        with self.assertRaises(ValidationError):  # no change
            reval.with_user(self.staff).action_submit()
        # the old value is the line's, not the client's
        with self.assertRaises(AccessError):
            self.env["hc.revaluation"].with_user(self.staff).create(
                {
                    "line_id": gift.line_ids.id,
                    "old_unit_value": 1,
                    "new_unit_value": 2,
                    "reason": "forged",
                }
            )

    # ------------------------------------------------------------- outliers
    def test_outliers(self):
        far = self._in_kind(9_000_000)
        near = self._in_kind(5_200_000)
        low = self._in_kind(1_000_000)  # -80 %
        Line = self.env["hc.contribution.line"].with_user(self.staff)
        outliers = Line.search(Line._hc_get_outlier_domain())
        self.assertIn(far.line_ids, outliers)
        self.assertIn(low.line_ids, outliers)
        self.assertNotIn(near.line_ids, outliers)
        action = Line.action_view_outliers()
        self.assertEqual(action["res_model"], "hc.contribution.line")

    # ------------------------------------------------------------ bulk path
    def test_bulk_path_matches_references(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "health_charity.bulk_min_size", 2
        )
        vals = [
            {
                "donor_id": self.donor.id,
                "company_id": self.university.id,
                "date": day,
                "line_ids": [
                    Command.create(
                        {
                            "category_id": self.cat_food.id,
                            "name": "Wool blanket",
                            "quantity": 2,
                            "unit_value": 6_000_000,
                        }
                    )
                ],
            }
            for day in (date(2025, 1, 10), date(2025, 6, 1), date(2025, 7, 1))
        ]
        Contribution = (
            self.env["hc.contribution"]
            .with_user(self.staff)
            .with_company(self.university)
        )
        self.assertTrue(
            Contribution.with_context(tracking_disable=True)._can_bulk_create(vals)
        )
        bulk = Contribution.with_context(tracking_disable=True)._hc_create_bulk(vals)
        orm = Contribution.with_context(tracking_disable=False).create(vals)
        fields = ["reference_id", "reference_unit_value", "deviation_percent"]
        self.env.invalidate_all()
        self.assertEqual(
            bulk.line_ids.read(fields, load=None),
            [
                dict(row, id=bulk_id)
                for row, bulk_id in zip(
                    orm.line_ids.read(fields, load=None), bulk.line_ids.ids, strict=True
                )
            ],
        )
        self.assertEqual(
            bulk.line_ids.mapped("reference_id"),
            self.blanket_1403 | self.blanket_1404,
        )
        self.assertEqual(bulk.line_ids.mapped("deviation_percent"), [50.0, 20.0, 20.0])
