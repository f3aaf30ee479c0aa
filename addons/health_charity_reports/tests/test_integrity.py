# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Integrity of the numbers, tried as a hostile office user would over RPC:
every write the ORM accepts from a user is what RPC reaches, every context
key can be sent by any caller."""

import datetime
import inspect
import re
from pathlib import Path

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.health_charity.models.hc_integrity_mixin import ALL, hc_internal

from .common import HealthCharityReportsCase

ADDONS = Path(__file__).resolve().parents[2]
MAGIC = {"id", "display_name", "create_date", "create_uid", "write_date", "write_uid"}


def _hc_models(env):
    """Every concrete model of both addons that carries the write policy."""
    names = env.registry.descendants(["hc.integrity.mixin"], "_inherit")
    return sorted(
        name
        for name in names
        if not env.registry[name]._abstract and not env.registry[name]._transient
    )


@tagged("post_install", "-at_install")
class TestIntegrity(HealthCharityReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(
            cls.env, login="hc_t_portal", groups="base.group_portal"
        )
        cls.roles = {
            "staff": cls.staff,
            "officer": cls.officer_a,
            "approver": cls.approver,
            "finance": cls.finance,
            "manager": cls.manager,
            "portal": cls.portal,
        }
        cls.approved = cls.gifts[0]
        cls.approved.invalidate_recordset()
        cls._portal_fixtures()
        cls._national_fixtures()

    @classmethod
    def _portal_fixtures(cls):
        """A record of each portal model, so that the matrix covers them."""
        need = cls.env["hc.need"].create(
            {"name": "Matrix need", "company_id": cls.university.id, "is_public": True}
        )
        cls.env["hc.pledge"].create(
            {
                "need_id": need.id,
                "donor_id": cls.donor.id,
                "company_id": cls.university.id,
                "amount": 1_000,
            }
        )
        org = cls.env["hc.organization"].create(
            {"name": "Matrix NGO", "company_id": cls.university.id}
        )
        cls.env["hc.organization.change"].create(
            {"organization_id": org.id, "city": "Matrix"}
        )

    @classmethod
    def _national_fixtures(cls):
        """Records of the models only the application creates (jobs, the
        Ministry's submissions), so that the write matrix covers them."""
        consolidation = cls._consolidation(jalali_quarter="3")
        cls.env["hc.consolidation.job"].with_user(cls.finance)._hc_queue(
            consolidation.with_user(cls.finance), "workbook"
        )
        university = cls.env["hc.national.university"].create(
            {"name": "Matrix University", "code": "MATRIX", "signing_key": "k"}
        )
        with hc_internal():
            cls.env["hc.national.submission"].create(
                {
                    "name": "MATRIX v1",
                    "university_id": university.id,
                    "university_code": "MATRIX",
                    "date_from": "2025-03-21",
                    "date_to": "2025-06-21",
                    "version": 1,
                    "amount_total": 100.0,
                    "line_ids": [
                        Command.create(
                            {"unit_name": "Unit", "category_code": "cash", "value": 100}
                        )
                    ],
                    "disclosure_ids": [
                        Command.create(
                            {"category_code": "cash", "lines": 1, "value": 100}
                        )
                    ],
                }
            )

    # ------------------------------------------------------------ helpers
    def _sample_value(self, record, name, field):
        current = record[name]
        if field.type in ("char", "text", "html"):
            return "matrix %s" % name
        if field.type == "integer":
            return (current or 0) + 3
        if field.type in ("float", "monetary"):
            return (current or 0.0) + 12_345.0
        if field.type == "boolean":
            return not current
        if field.type == "date":
            return fields.Date.to_date("2025-04-02")
        if field.type == "datetime":
            return fields.Datetime.to_datetime("2025-04-02 08:00:00")
        if field.type == "selection":
            options = [
                v for v, _l in field._description_selection(self.env) if v != current
            ]
            return options[0] if options else None
        if field.type == "many2one":
            other = (
                self.env[field.comodel_name]
                .sudo()
                .search([("id", "!=", current.id)], limit=1)
            )
            return other.id or None
        if field.type == "many2many":
            return [Command.clear()]
        return None

    def _records_by_state(self, model):
        """One record per status of the model (its status forced in a
        savepoint where the fixtures have none in that status)."""
        Model = self.env[model]
        record = Model.search([], limit=1, order="id desc")
        if not record:
            return []
        state_field = Model._hc_state_field_name()
        if Model._hc_policy_state_path:
            parent_path, parent_state = Model._hc_policy_state_path.rsplit(".", 1)
            parent = record.mapped(parent_path)
            states = parent._fields[parent_state].get_values(self.env)
            return [(s, record, parent) for s in states]
        if not state_field:
            return [(False, record, None)]
        states = Model._fields[state_field].get_values(self.env)
        return [(s, record, record) for s in states]

    def _snapshot(self, record, names):
        record.invalidate_recordset()
        return {n: record.sudo()[n] for n in names}

    # ------------------------------------------------------------ matrix
    def test_write_matrix(self):
        """Every model, stored field, role and status: a write either
        succeeds because the policy allows it, or is refused and nothing
        changed. Generated from fields_get: a new field is covered."""
        checked = refused = 0
        covered = set()
        for model in _hc_models(self.env):
            for state, record, holder in self._records_by_state(model):
                covered.add(model)
                with self.env.cr.savepoint(flush=False) as sp:
                    if holder is not None and state:
                        try:
                            with self.env.cr.savepoint():
                                holder.sudo()._hc_set_state(state)
                        except ValidationError:
                            # the OCA mixin refuses the status without its
                            # reviews: that status is covered by the fixtures
                            sp.rollback()
                            continue
                        holder.invalidate_recordset()
                    stored = [
                        name
                        for name, desc in record.fields_get(
                            attributes=["store"]
                        ).items()
                        if desc.get("store") and name not in MAGIC
                    ]
                    for role, user in self.roles.items():
                        as_user = record.with_user(user).with_context(
                            allowed_company_ids=user.company_ids.ids
                        )
                        writable = record._hc_writable_fields()
                        governed = {n for n in stored if record._hc_is_governed(n)}
                        try:
                            as_user.check_access("write")
                            acl_ok = True
                        except AccessError:
                            acl_ok = False
                        for name in stored:
                            field = record._fields[name]
                            if field.type == "one2many":
                                continue
                            value = self._sample_value(record, name, field)
                            if value is None:
                                continue
                            before = self._snapshot(record, [name])
                            may = acl_ok and (name in writable or name not in governed)
                            may = may and name not in record._hc_get_protected_fields()
                            error = None
                            try:
                                with (
                                    self.env.cr.savepoint(),
                                    mute_logger("odoo.models", "odoo.sql_db"),
                                ):
                                    as_user.write({name: value})
                                    as_user.flush_recordset()
                            except (AccessError, UserError, ValueError) as e:
                                error = e
                            except Exception as e:  # noqa: BLE001
                                error = e
                            checked += 1
                            where = f"{model}.{name} [{state}] as {role}"
                            if not may:
                                refused += 1
                                self.assertIsNotNone(
                                    error, f"{where}: the write was not refused"
                                )
                                self.assertEqual(
                                    self._snapshot(record, [name]),
                                    before,
                                    f"{where}: refused but changed",
                                )
                            elif error is not None:
                                # allowed by the policy: only a business rule
                                # on the sample value may refuse it
                                self.assertNotIsInstance(
                                    error,
                                    AccessError,
                                    f"{where}: allowed by the policy, got {error}",
                                )
                    sp.rollback()
        for model in ("hc.pledge", "hc.organization.change", "hc.need"):
            self.assertIn(model, covered)
        self.assertGreater(checked, 1000)
        self.assertGreater(refused, checked // 3)
        for model in (
            "hc.consolidation.job",
            "hc.national.university",
            "hc.national.submission",
            "hc.national.submission.line",
            "hc.national.submission.disclosure",
        ):
            self.assertTrue(self._records_by_state(model), model)

    def test_protected_fields_never_writable(self):
        """Independently of the per-status policy: statuses, stored totals and
        accounting links are refused to every role in every status."""
        critical = {
            "hc.contribution": [
                "state",
                "amount_total",
                "move_id",
                "consolidation_id",
                "hc_hash",
            ],
            "hc.contribution.line": ["value"],
            "hc.need": ["funded_amount", "state"],
            "hc.service.delegation": ["average_score", "state"],
            "hc.consolidation": [
                "amount_total",
                "line_ids",
                "state",
            ],
            "hc.consolidation.job": ["state", "user_id", "attachment_id", "error"],
        }
        for model, names in critical.items():
            protected = self.env[model]._hc_get_protected_fields()
            for name in names:
                self.assertIn(name, protected, f"{model}.{name}")
        donor = self.donor.with_user(self.manager)
        with self.assertRaises(AccessError):
            donor.write({"hc_contribution_total": 10**12})

    # ------------------------------------------------------- context keys
    @classmethod
    def _scanned_context_keys(cls):
        """Every context key our code reads (found by scanning it), plus the
        OCA and Odoo keys that relax a check."""
        keys = {"skip_validation_check", "skip_check_state_condition", "install_mode"}
        pattern = re.compile(
            r"context\.get\(\s*[\"'](\w+)[\"']|context\[\s*[\"'](\w+)[\"']\]"
            r"|with_context\((\w+)="
        )
        for path in ADDONS.glob("health_charity*/**/*.py"):
            if "tests" in path.parts:
                continue
            for match in pattern.finditer(path.read_text()):
                keys.add(next(g for g in match.groups() if g))
        return keys

    def test_context_keys_do_not_weaken_checks(self):
        """Every public method of every model, called as a hostile office
        user with every scanned context key set (and default_<field> for
        every protected field), has the same outcome as without them."""
        keys = self._scanned_context_keys()
        self.assertIn("skip_validation_check", keys)
        hostile = self.officer_a
        for model in _hc_models(self.env):
            Model = self.env[model]
            record = Model.search([], limit=1, order="id desc")
            if not record:
                continue
            forged = dict.fromkeys(keys, True)
            for name in Model._hc_get_protected_fields():
                forged[f"default_{name}"] = "approved"
            methods = sorted(
                name
                for name, member in inspect.getmembers(type(Model))
                if callable(member)
                and not name.startswith("_")
                and "health_charity" in getattr(member, "__module__", "")
                and (
                    name.startswith("action_")
                    or name
                    in {
                        "request_validation",
                        "restart_validation",
                        "validate_tier",
                        "reject_tier",
                    }
                )
            )
            state_field = Model._hc_state_field_name()
            for method in methods:
                outcomes = []
                for context in ({}, forged):
                    with self.env.cr.savepoint(flush=False) as sp:
                        target = record.with_user(hostile).with_context(**context)
                        try:
                            with mute_logger("odoo.models", "odoo.sql_db"):
                                getattr(target, method)()
                                target.flush_model()
                            outcome = "ok"
                        except Exception:  # noqa: BLE001
                            outcome = "refused"
                        record.invalidate_recordset()
                        state = record.sudo()[state_field] if state_field else None
                        outcomes.append((outcome, state))
                        sp.rollback()
                # a forged key may only make a call stricter: what is refused
                # without it stays refused, and the status ends up the same
                plain, with_keys = outcomes
                if plain[0] == "refused":
                    self.assertEqual(
                        with_keys, plain, f"{model}.{method} with forged context"
                    )
                else:
                    self.assertIn(
                        with_keys[1],
                        (plain[1], record.sudo()[state_field] if state_field else None),
                        f"{model}.{method} with forged context",
                    )

    def test_default_state_in_context_ignored(self):
        gift = self._contribution(user=self.staff).with_context(
            default_state="approved", default_move_id=1
        )
        self.assertEqual(gift.state, "draft")
        Contribution = self.env["hc.contribution"].with_user(self.staff)
        gift = Contribution.with_context(
            default_state="posted", default_amount_total=5
        ).create(
            {
                "donor_id": self.donor.id,
                "company_id": self.university.id,
                "line_ids": [self._line(self.cat_cash, 1, 1_000)],
            }
        )
        self.assertEqual(gift.state, "draft")
        self.assertEqual(gift.amount_total, 1_000)
        with self.assertRaises(AccessError):
            Contribution.create({"donor_id": self.donor.id, "state": "approved"})

    # ------------------------------------------------------------ attacks
    def test_self_review_and_reviewer_injection(self):
        big = self._contribution(
            user=self.approver,
            lines=[self._line(self.cat_cash, 1, 2_000_000_000)],
        )
        big.with_user(self.approver).action_submit()
        self.assertEqual(big.state, "submitted")
        review = big.review_ids
        with self.assertRaises(AccessError):
            review.with_user(self.approver).write(
                {"reviewer_ids": [Command.link(self.approver.id)]}
            )
        with self.assertRaises(AccessError):
            review.with_user(self.approver).write({"status": "approved"})
        with self.assertRaises(UserError):
            big.with_user(self.approver).validate_tier()
        with self.assertRaises(AccessError):
            big.with_user(self.approver).restart_validation()
        with self.assertRaises(AccessError):
            big.with_user(self.staff).request_validation()
        # the comment wizard path checks the reviewer too
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.approver)
            .create(
                {
                    "res_model": big._name,
                    "res_id": big.id,
                    "validate_reject": "validate",
                    "review_ids": [Command.set(review.ids)],
                    "comment": "ok",
                }
            )
        )
        with self.assertRaises(UserError):
            wizard.add_comment()
        self.assertEqual(big.state, "submitted")
        big.with_user(self.approver_2).validate_tier()
        self.assertEqual(big.state, "approved")

    def test_posted_values_cannot_change(self):
        gift = self._contribution(user=self.staff)
        gift.with_user(self.staff).action_submit()
        gift.with_user(self.finance).action_post()
        self.assertEqual(gift.state, "posted")
        line = gift.line_ids
        for user in (self.staff, self.finance, self.manager):
            for vals in ({"unit_value": 1}, {"quantity": 9}):
                with self.assertRaises(UserError):
                    line.with_user(user).with_context(hc_bypass_value_lock=True).write(
                        vals
                    )
            with self.assertRaises(Exception):  # noqa: B017 - refused either way
                gift.with_user(user).write({"date": "2025-04-01"})
            with self.assertRaises(Exception):  # noqa: B017 - refused either way
                gift.with_user(user).write({"move_id": False})
            with self.assertRaises(Exception):  # noqa: B017 - refused either way
                line.with_user(user).write({"value": 1})
        with self.assertRaises(UserError):
            gift.move_id.with_user(self.finance).button_draft()
        self.assertEqual(gift.amount_total, 5_000_000)

    def test_records_never_leave_their_unit(self):
        gift = self._contribution(user=self.staff, company=self.hospital_a)
        with self.assertRaises(AccessError):
            gift.with_user(self.staff).write({"company_id": self.hospital_b.id})
        with self.assertRaises(AccessError):
            gift.line_ids.with_user(self.staff).write(
                {"contribution_id": self.approved.id}
            )
        gift.with_user(self.manager).with_context(
            allowed_company_ids=self.all_units.ids
        )._hc_transfer_company(self.hospital_b)
        self.assertEqual(gift.sudo().company_id, self.hospital_b)
        self.assertIn("Transferred", gift.sudo().message_ids[0].body)

    def test_other_unit_organisation_partner(self):
        org = (
            self.env["hc.organization"]
            .with_company(self.hospital_b)
            .create(
                {
                    "name": "Sina NGO",
                    "org_type": "ngo",
                    "company_id": self.hospital_b.id,
                }
            )
        )
        with self.assertRaises(AccessError):
            org.partner_id.with_user(self.officer_a).write({"name": "hijacked"})
        org.partner_id.with_user(self.staff).write({"phone": "+98 81 1234"})

    def test_reviews_scoped_to_units(self):
        big = self._contribution(
            user=self.officer_b,
            company=self.hospital_b,
            lines=[self._line(self.cat_cash, 1, 3_000_000_000)],
        )
        big.with_user(self.officer_b).action_submit()
        reviews = (
            self.env["tier.review"]
            .with_user(self.officer_a)
            .search([("res_id", "=", big.id), ("model", "=", big._name)])
        )
        self.assertFalse(reviews)

    def test_donor_totals_scoped_to_reader(self):
        """A hospital's officer sees what the donor gave to that hospital;
        the university-wide figure is the office's (managers) only."""
        donor = self.env["res.partner"].create(
            {"name": "Scoped Donor", "hc_is_donor": True, "hc_donor_type": "individual"}
        )
        gift_a = self._contribution(
            user=self.officer_a,
            company=self.hospital_a,
            lines=[self._line(self.cat_cash, 1, 70_000_000)],
            donor=donor,
        )
        gift_a.with_user(self.officer_a).action_submit()
        gift_b = self._contribution(
            user=self.officer_b,
            company=self.hospital_b,
            lines=[self._line(self.cat_cash, 1, 30_000_000)],
            donor=donor,
        )
        gift_b.with_user(self.officer_b).action_submit()
        self.assertEqual((gift_a | gift_b).mapped("state"), ["approved"] * 2)
        self.env.invalidate_all()
        as_a = donor.with_user(self.officer_a)
        self.assertEqual(as_a.hc_contribution_total, 70_000_000)
        self.assertEqual(as_a.hc_contribution_count, 1)
        # the company switcher narrows lists, not the donor's figure
        self.assertEqual(
            donor.with_user(self.staff)
            .with_company(self.university)
            .hc_contribution_total,
            100_000_000,
        )
        self.assertEqual(
            donor.with_user(self.manager).hc_contribution_total_all, 100_000_000
        )
        with self.assertRaises(AccessError):
            as_a.read(["hc_contribution_total_all"])
        # searching by the total does not reveal the other hospital's gifts
        Partner = self.env["res.partner"].with_user(self.officer_a)
        self.assertFalse(
            Partner.search(
                [("id", "=", donor.id), ("hc_contribution_total", ">", 80_000_000)]
            )
        )
        self.assertTrue(
            Partner.search(
                [
                    ("id", "=", donor.id),
                    ("hc_contribution_total", ">=", 70_000_000),
                ]
            )
        )
        self.assertTrue(
            self.env["res.partner"]
            .with_user(self.staff)
            .search([("id", "=", donor.id), ("hc_contribution_total", ">", 80_000_000)])
        )
        self.assertTrue(
            Partner.search(
                [("id", "=", self.donor_company.id), ("hc_contribution_total", "<", 1)]
            )
        )
        # the recognition level follows the university-wide total
        self.assertEqual(
            as_a.hc_recognition_level_id,
            donor.with_user(self.manager).hc_recognition_level_id,
        )

    def test_sanity_at_submission(self):
        zero = self._contribution(lines=[self._line(self.cat_cash, 1, 0)])
        with self.assertRaisesRegex(ValidationError, "zero"):
            zero.with_user(self.staff).action_submit()
        old = self._contribution(date="1404-09-06")
        with self.assertRaisesRegex(ValidationError, "Solar Hijri"):
            old.with_user(self.staff).action_submit()
        future = self._contribution(
            date=fields.Date.today() + datetime.timedelta(days=3)
        )
        with self.assertRaisesRegex(ValidationError, "future"):
            future.with_user(self.staff).action_submit()
        self.cat_food.sudo().max_unit_value = 10_000_000
        dear = self._contribution(lines=[self._line(self.cat_food, 1, 90_000_000)])
        with self.assertRaisesRegex(ValidationError, "outside"):
            dear.with_user(self.staff).action_submit()
        self.assertEqual(dear.state, "draft")

    # ----------------------------------------------- lock dates, reopening
    def _submitted_consolidation(self):
        consolidation = self._consolidation()
        consolidation.action_compute()
        consolidation.action_submit()
        return consolidation

    def test_lock_date_and_reopening(self):
        consolidation = self._submitted_consolidation()
        self.assertEqual(self.hospital_a.hc_lock_date, consolidation.date_to)
        # a gift dated into the closed period: refused, the period named
        with self.assertRaisesRegex(UserError, consolidation.name):
            self._contribution(
                user=self.officer_a, company=self.hospital_a, date="2025-04-10"
            )
        later = self._contribution(
            user=self.officer_a, company=self.hospital_a, date="2025-07-10"
        )
        with self.assertRaisesRegex(UserError, "closed period"):
            later.with_user(self.officer_a).write({"date": "2025-04-10"})
        with self.assertRaises(AccessError):
            self.hospital_a.with_user(self.manager).write({"hc_lock_date": False})
        # one finance user alone cannot reopen
        request = consolidation.with_user(self.finance).action_reopen()
        self.assertEqual(request.state, "submitted")
        self.assertEqual(consolidation.state, "submitted")
        with self.assertRaises(UserError):
            request.with_user(self.finance).validate_tier()
        request.with_user(self.manager).validate_tier()
        self.assertEqual(request.state, "approved")
        self.assertEqual(consolidation.state, "draft")
        self.assertFalse(self.hospital_a.hc_lock_date)
        self.assertFalse(consolidation.contribution_ids)
        bodies = " ".join(consolidation.message_ids.mapped("body"))
        self.assertIn("Reopened", bodies)

    def test_approver_reviews_consolidation(self):
        """A named reviewer who is an approver but not in finance approves a
        consolidation without write access to it."""
        definition = self.env.ref(
            "health_charity_reports.tier_definition_hc_consolidation"
        )
        definition.reviewer_group_id = self.env.ref("health_charity.group_hc_approver")
        consolidation = self._submitted_consolidation()
        self.assertEqual(consolidation.state, "submitted")
        consolidation.with_user(self.approver).with_context(
            allowed_company_ids=self.units.ids
        ).validate_tier()
        self.assertEqual(consolidation.state, "approved")

    def test_workbook_units_not_screen_state(self):
        consolidation = self._submitted_consolidation()
        with self.assertRaisesRegex(AccessError, re.escape(self.hospital_b.name)):
            consolidation.with_user(self.officer_a)._get_unit_ids()
        book = self._render_xlsx(
            "health_charity_reports.ministry_valuation_xlsx",
            consolidation,
            user=self.finance,
        )
        narrowed = (
            self.env["ir.actions.report"]
            .with_user(self.finance)
            .with_context(allowed_company_ids=self.university.ids)
        )
        content, _ext = narrowed._render_xlsx(
            "health_charity_reports.ministry_valuation_xlsx",
            consolidation.ids,
            data={},
        )
        self.assertGreater(len(content), 1000)
        self.assertTrue(book.sheetnames)
        job = (
            self.env["hc.consolidation.job"]
            .with_user(self.finance)
            ._hc_queue(consolidation.with_user(self.finance), "workbook")
        )
        with self.assertRaises(AccessError):
            job.write({"user_id": self.env.ref("base.user_admin").id})

    # ------------------------------------------------------------ hash chain
    def test_hash_chain_detects_sql_tampering(self):
        approved = self.gifts.filtered(lambda g: g.state == "approved")
        self.assertTrue(approved)
        self.assertTrue(all(approved.mapped("hc_hash")))
        checked, broken = self.env["hc.contribution"]._hc_check_inalterability(
            self.units
        )
        self.assertGreaterEqual(checked, len(approved))
        self.assertFalse(broken)
        victim = approved.filtered(
            lambda g: str(g.date) == "2025-05-10"
        )  # inside the consolidated quarter
        self.env.cr.execute(
            "UPDATE hc_contribution_line SET unit_value = unit_value + 1, "
            "value = value + 1 WHERE contribution_id = %s",
            [victim.id],
        )
        self.env.invalidate_all()
        checked, broken = self.env["hc.contribution"]._hc_check_inalterability(
            self.units
        )
        self.assertEqual(broken, victim)
        consolidation = self._consolidation()
        consolidation.action_compute()
        consolidation.action_submit()
        result = consolidation.with_user(self.finance).action_check_integrity()
        self.assertEqual(result["params"]["type"], "danger")
        self.assertIn(victim.name, result["params"]["message"])

    def test_policy_declared_for_every_model(self):
        for model in _hc_models(self.env):
            policy = self.env[model]._hc_get_write_policy()
            self.assertIsInstance(policy, dict, model)
            for allowed in policy.values():
                self.assertTrue(allowed == ALL or isinstance(allowed, set), model)
