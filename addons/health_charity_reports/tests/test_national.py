# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""National roll-up in one database: the university side builds, signs and
sends the package through a job; the Ministry side (the same addons) checks
and stores it. The transport is replaced by a direct call of the Ministry's
``hc_receive`` as the bound user (the two-database test over JSON-RPC is in
``tests/test_national_e2e.py``)."""

import copy
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.health_charity.models.hc_integrity_mixin import hc_internal

from ..models.hc_consolidation_job import HcTransientJobError
from ..tools import national_package
from .common import HealthCharityReportsCase

KEY = "university-signing-key"


@tagged("post_install", "-at_install")
class TestNational(HealthCharityReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cons = cls._consolidation()
        cls.cons.action_compute()
        cls.cons.action_submit()
        cls.cons.with_user(cls.manager).validate_tier()
        cls.university.sudo().write(
            {
                "hc_ministry_url": "http://ministry.invalid",
                "hc_ministry_db": "ministry",
                "hc_ministry_login": "hc_t_ministry_bot",
                "hc_ministry_api_key": "api-key",
                "hc_ministry_university_code": "HUMS",
                "hc_ministry_signing_key": KEY,
            }
        )
        # the Ministry side
        cls.bot = new_test_user(
            cls.env, login="hc_t_ministry_bot", groups="base.group_user"
        )
        cls.analyst = new_test_user(
            cls.env,
            login="hc_t_ministry_analyst",
            groups="health_charity_reports.group_hc_national",
        )
        cls.hums = cls.env["hc.national.university"].create(
            {
                "name": "Hamedan University of Medical Sciences",
                "code": "HUMS",
                "state_id": cls.env.ref("base.state_ir_13", raise_if_not_found=False)
                and cls.env.ref("base.state_ir_13").id,
                "signing_key": KEY,
                "user_id": cls.bot.id,
            }
        )
        cls.other = cls.env["hc.national.university"].create(
            {"name": "Zahedan University", "code": "ZAUMS", "signing_key": "other"}
        )
        cls.q1 = cls.env["hc.jalali.period"].search(
            [("year", "=", 1404), ("quarter", "=", 1)]
        )

    def setUp(self):
        super().setUp()
        bot = self.bot

        def deliver(consolidation, settings, package, signature):
            self.delivered.append((copy.deepcopy(package), signature))
            return (
                consolidation.env["hc.national.submission"]
                .with_user(bot)
                .hc_receive(package, signature)
            )

        self.delivered = []
        self.patch(type(self.env["hc.consolidation"]), "_hc_ministry_call", deliver)

    def _send(self):
        self.assertIs(self.cons.with_user(self.finance).action_send_to_ministry(), True)
        job = self.env["hc.consolidation.job"].search(
            [("consolidation_id", "=", self.cons.id), ("kind", "=", "ministry_send")],
            limit=1,
        )
        self._run_jobs()
        return job

    def _submissions(self):
        return self.env["hc.national.submission"].search(
            [("university_id", "=", self.hums.id)], order="version"
        )

    def _receive(self, package, signature, user=None):
        return (
            self.env["hc.national.submission"]
            .with_user(user or self.bot)
            .hc_receive(package, signature)
        )

    # ---------------------------------------------------------- packaging
    def test_package_adds_up_and_is_signed(self):
        cons = self.cons.with_user(self.finance)
        package = cons._prepare_ministry_package(1, "HUMS")
        self.assertEqual(national_package.schema_problems(package), [])
        self.assertEqual(national_package.total_problems(package), [])
        self.assertEqual(package["amount_total"], cons.amount_total)
        self.assertEqual(len(package["lines"]), len(cons.line_ids))
        self.assertEqual(len(package["details"]), cons.contribution_line_count)
        self.assertEqual(
            {d["reference"] for d in package["details"]},
            set(cons.contribution_ids.mapped("name")),
        )
        self.assertAlmostEqual(
            sum(r["value"] for r in package["disclosures"]), cons.amount_total
        )
        # every in-kind line carries its valuation technique
        techniques = {
            r["technique"] for r in package["disclosures"] if r["kind"] == "in_kind"
        }
        self.assertTrue(techniques)
        self.assertNotIn("", techniques)
        signature = national_package.sign(package, KEY)
        self.assertEqual(len(signature), 64)
        self.assertTrue(national_package.verify(package, KEY, signature))
        self.assertFalse(national_package.verify(package, "another key", signature))
        tampered = copy.deepcopy(package)
        tampered["details"][0]["value"] += 1
        self.assertFalse(national_package.verify(tampered, KEY, signature))
        self.assertEqual(
            [p[:2] for p in national_package.total_problems(tampered)],
            [("details", "value")],
        )
        broken = dict(package, version="1", lines=[{"unit": 3}])
        problems = national_package.schema_problems(broken)
        self.assertIn(("header", None, "version"), problems)
        self.assertIn(("lines", 0, "unit"), problems)

    def test_schema_check_column_by_column(self):
        """The column-by-column recognition of a package that fits gives the
        row-by-row answer on what does not fit: a bool for a number, a NaN,
        a missing field, a row that is not a dict, a wrong type late in the
        list."""
        package = self.cons.with_user(self.finance)._prepare_ministry_package(1, "HUMS")
        self.assertTrue(package["details"])
        self.assertEqual(national_package.schema_problems(package), [])
        last = len(package["details"]) - 1
        cases = [
            ("details", last, "quantity", True),
            ("details", 0, "value", float("nan")),
            ("details", last, "unit_value", float("inf")),
            ("details", 0, "reference", 12),
            ("disclosures", 0, "lines", 1.0),
            ("lines", 0, "unit", None),
        ]
        for part, index, name, value in cases:
            with self.subTest(part=part, name=name, value=value):
                broken = copy.deepcopy(package)
                broken[part][index][name] = value
                self.assertEqual(
                    national_package.schema_problems(broken), [(part, index, name)]
                )
        broken = copy.deepcopy(package)
        del broken["details"][last]["technique"]
        broken["lines"].append("not a row")
        self.assertEqual(
            national_package.schema_problems(broken),
            [("lines", len(package["lines"]), "*"), ("details", last, "technique")],
        )
        # huge but finite amounts whose sum overflows are not refused
        big = copy.deepcopy(package)
        big["details"][0]["value"] = big["details"][last]["value"] = 1.5e308
        self.assertEqual(national_package.schema_problems(big), [])

    def test_rows_stored_set_based_as_create_stores_them(self):
        """A package's lines and disclosures, stored with one INSERT, read
        back as the ORM's create() stores the same values (related fields,
        rounding, logs), and anything computed from them is recomputed."""
        answer = self._receive(*self._signed_package())
        self.assertEqual(answer["state"], "accepted")
        submission = self._submissions()
        self.assertEqual(submission.state, "accepted")
        Line = self.env["hc.national.submission.line"]
        Disclosure = self.env["hc.national.submission.disclosure"]
        for Model, rows in (
            (Line, submission.line_ids),
            (Disclosure, submission.disclosure_ids),
        ):
            self.assertTrue(rows)
            names = [
                name
                for name, field in Model._fields.items()
                if field.store
                and field.column_type
                and name not in ("id", "create_date", "write_date")
            ]
            stored = rows.read(names)
            vals_list = [
                {
                    key: value[0] if isinstance(value, tuple) else value
                    for key, value in row.items()
                    if key not in ("id", "create_uid", "write_uid")
                }
                for row in stored
            ]
            # the same values through create(), on the same submission
            created = Model.create(vals_list).read(names)
            for mine, orm in zip(stored, created, strict=True):
                for name in names:
                    if name in ("create_uid", "write_uid"):
                        self.assertEqual(mine[name][0], self.bot.id)
                        continue
                    self.assertEqual(mine[name], orm[name], name)
            self.assertEqual(set(rows.mapped("submission_state")), {"accepted"})
            self.assertEqual(rows.university_id, self.hums)
            self.assertEqual(rows.province_id, self.hums.state_id)
            self.assertEqual(rows.jalali_period_id, self.q1)
            self.assertEqual(rows.currency_id, submission.currency_id)
        # the status of the rows follows the submission's
        with hc_internal():
            submission._hc_set_state("superseded")
        self.assertEqual(
            set(submission.line_ids.mapped("submission_state")), {"superseded"}
        )

    def test_rows_fall_back_to_create(self):
        """Rows whose values do not cover the model's stored fields (e.g. a
        module added one) go through create()."""
        self._receive(*self._signed_package())
        submission = self._submissions()
        rows = submission.env["hc.national.submission"]._hc_insert_rows(
            "hc.national.submission.line",
            [{"submission_id": submission.id, "unit_name": "X", "value": 1.4}],
        )
        self.assertEqual(rows.university_id, self.hums)
        self.assertEqual(rows.value, rows.currency_id.round(1.4))  # by create()

    def _signed_package(self):
        package = self.cons.with_user(self.finance)._prepare_ministry_package(1, "HUMS")
        return package, national_package.sign(package, KEY)

    # ------------------------------------------------------------- sending
    def test_send_receive_accept(self):
        self.assertEqual(self.cons.ministry_state, "not_sent")
        job = self.cons.with_user(self.finance)._hc_queue_ministry_send()
        self.assertEqual(job.kind, "ministry_send")
        self.assertEqual(job.version, 1)
        self.assertEqual(self.cons.ministry_state, "queued")
        # a second click while it waits queues nothing more
        self.assertEqual(
            self.cons.with_user(self.finance)._hc_queue_ministry_send(), job
        )
        self._run_jobs()
        self.assertEqual(job.state, "done")
        self.assertEqual(job.attempts, 1)
        self.assertEqual(job.answer_state, "accepted")
        self.assertEqual(self.cons.ministry_state, "accepted")
        self.assertEqual(self.cons.ministry_version, 1)
        submission = self._submissions()
        self.assertEqual(len(submission), 1)
        self.assertEqual(submission.state, "accepted")
        self.assertEqual(job.answer_reference, submission.name)
        self.assertEqual(submission.university_code, "HUMS")
        self.assertEqual(submission.university_name, self.university.name)
        self.assertEqual(submission.amount_total, self.cons.amount_total)
        self.assertEqual(submission.date_from, self.cons.date_from)
        self.assertEqual(submission.jalali_period_id, self.q1)
        self.assertEqual(
            sum(submission.line_ids.mapped("value")), self.cons.amount_total
        )
        self.assertEqual(
            submission.line_ids.category_id, self.cons.line_ids.category_id
        )
        self.assertEqual(
            sum(submission.disclosure_ids.mapped("value")), self.cons.amount_total
        )
        self.assertTrue(submission.disclosure_ids.filtered("technique"))
        # the package as received is kept, with its signature: proof of who
        # sent what
        package, signature = self.delivered[0]
        self.assertEqual(submission.signature, signature)
        self.assertEqual(
            submission.package_attachment_id.raw, national_package.canonical(package)
        )
        # the Ministry's analyst sees it, the university's staff do not
        self.assertEqual(
            self.env["hc.national.submission"].with_user(self.analyst).search([]),
            submission,
        )
        with self.assertRaises(AccessError):
            submission.with_user(self.staff).read(["amount_total"])
        with self.assertRaises(AccessError):
            submission.with_user(self.analyst).write({"amount_total": 1})

    def test_resend_is_idempotent(self):
        first = self._send()
        second = self._send()
        self.assertNotEqual(first, second)
        self.assertEqual(second.version, 1)
        self.assertEqual(second.answer_state, "accepted")
        self.assertEqual(len(self.delivered), 2)
        self.assertEqual(self.delivered[0], self.delivered[1])
        self.assertEqual(len(self._submissions()), 1)

    def test_new_version_supersedes(self):
        self._send()
        v1 = self._submissions()
        # reopened, a late gift approved, approved again: version 2
        request = self.cons.with_user(self.finance).action_reopen()
        request.with_user(self.manager).validate_tier()
        self.assertEqual(self.cons.state, "draft")
        late = self._contribution(
            user=self.officer_a,
            company=self.hospital_a,
            date="2025-04-15",
            lines=[self._line(self.cat_cash, 1, 3_000_000)],
        )
        late.with_user(self.officer_a).action_submit()
        self.cons.action_compute()
        self.cons.action_submit()
        self.cons.with_user(self.manager).validate_tier()
        job = self._send()
        self.assertEqual(job.version, 2)
        self.assertEqual(self.cons.ministry_state, "accepted")
        self.assertEqual(self.cons.ministry_version, 2)
        v1_after, v2 = self._submissions()
        self.assertEqual(v1_after, v1)
        self.assertEqual(v1.state, "superseded")
        self.assertEqual(v1.superseded_by_id, v2)
        self.assertEqual(v2.state, "accepted")
        self.assertEqual(v2.amount_total, v1.amount_total + 3_000_000)
        # the old version arriving late is refused
        old_package, old_signature = self.delivered[0]
        answer = self._receive(old_package, old_signature)
        self.assertEqual(answer["state"], "superseded")
        changed = dict(old_package, consolidation="again")
        answer = self._receive(changed, national_package.sign(changed, KEY))
        self.assertEqual(answer["state"], "refused")
        self.assertIn("another content", answer["message"])

    def test_tampered_package_refused(self):
        package = self.cons.with_user(self.finance)._prepare_ministry_package(1, "HUMS")
        signature = national_package.sign(package, KEY)
        tampered = copy.deepcopy(package)
        tampered["amount_total"] += 1_000_000
        tampered["lines"][0]["value"] += 1_000_000
        answer = self._receive(tampered, signature)
        self.assertEqual(answer["state"], "refused")
        self.assertIn("signature", answer["message"])
        self.assertFalse(self._submissions())
        # signed, but the lines do not add up to the header: stored refused,
        # with the reason
        wrong = copy.deepcopy(package)
        wrong["amount_total"] += 1_000_000
        answer = self._receive(wrong, national_package.sign(wrong, KEY))
        self.assertEqual(answer["state"], "refused")
        self.assertIn("does not add up", answer["message"])
        refused = self._submissions()
        self.assertEqual(refused.state, "refused")
        self.assertEqual(refused.refusal_reason, answer["message"])
        # a package that does not follow the layout
        answer = self._receive(
            {"schema": "x"}, national_package.sign({"schema": "x"}, KEY)
        )
        self.assertEqual(answer["state"], "refused")
        self.assertIn("layout", answer["message"])

    def test_refusal_reaches_the_university(self):
        def broken_package(consolidation, version, code):
            package = original(consolidation, version, code)
            package["amount_total"] += 1
            return package

        Consolidation = type(self.env["hc.consolidation"])
        original = Consolidation._prepare_ministry_package
        self.patch(Consolidation, "_prepare_ministry_package", broken_package)
        job = self._send()
        self.assertEqual(job.state, "done")
        self.assertEqual(self.cons.ministry_state, "refused")
        self.assertIn("does not add up", self.cons.ministry_answer)

    def test_receive_only_by_the_bound_user(self):
        package = self.cons.with_user(self.finance)._prepare_ministry_package(1, "HUMS")
        signature = national_package.sign(package, KEY)
        with self.assertRaises(AccessError):
            self._receive(package, signature, user=self.analyst)
        # the bound user of one university cannot deliver for another
        other = dict(package, university_code="ZAUMS")
        answer = self._receive(other, national_package.sign(other, "other"))
        self.assertEqual(answer["state"], "refused")
        self.assertFalse(self.env["hc.national.submission"].search([]))

    def test_send_rights_and_settings(self):
        with self.assertRaises(AccessError):
            self.cons.with_user(self.staff).action_send_to_ministry()
        draft = self._consolidation(jalali_quarter="2")
        with self.assertRaises(UserError):
            draft.with_user(self.finance).action_send_to_ministry()
        # the connection's secrets are the managers'
        with self.assertRaises(AccessError):
            self.university.with_user(self.finance).read(["hc_ministry_signing_key"])
        self.university.sudo().hc_ministry_signing_key = False
        with self.assertRaisesRegex(UserError, "signing_key"):
            self.cons.with_user(self.finance).action_send_to_ministry()

    def test_network_failure_retried_with_backoff(self):
        def down(consolidation, settings, package, signature):
            raise HcTransientJobError("connection refused")

        self.patch(type(self.env["hc.consolidation"]), "_hc_ministry_call", down)
        job = self._send()
        self.assertEqual(job.state, "queued")
        self.assertEqual(job.attempts, 1)
        self.assertGreater(job.next_attempt, fields.Datetime.now())
        self.assertIn("connection refused", self.cons.ministry_error)
        self.assertEqual(self.cons.ministry_state, "queued")
        # not due yet: nothing runs
        self.assertEqual(self._run_jobs(), 0)
        with hc_internal():
            job.sudo().write(
                {"next_attempt": fields.Datetime.now() - timedelta(seconds=1)}
            )
        self._run_jobs()
        self.assertEqual(job.attempts, 2)
        with hc_internal():
            job.sudo().write({"next_attempt": False})
        self._run_jobs()
        self.assertEqual(job.state, "failed")
        self.assertIn("3 attempts", job.error)
        self.assertEqual(self.cons.ministry_state, "not_sent")

    def test_who_has_not_submitted(self):
        University = self.env["hc.national.university"].with_user(self.analyst)
        missing = University.search([("missing_period_id", "=", self.q1.id)])
        self.assertEqual(missing, self.hums | self.other)
        self._send()
        missing = University.search([("missing_period_id", "=", self.q1.id)])
        self.assertEqual(missing, self.other)
        self.assertEqual(
            University.search([("missing_period_id", "ilike", "1404 Q1")]), self.other
        )
        self.assertEqual(self.hums.last_period_id, self.q1)

    def test_national_workbook(self):
        import io

        import openpyxl

        self._send()
        submission = self._submissions()
        content, ext = (
            self.env["ir.actions.report"]
            .with_user(self.analyst)
            ._render_xlsx(
                "health_charity_reports.national_xlsx", submission.ids, data={}
            )
        )
        self.assertEqual(ext, "xlsx")
        wb = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
        self.assertEqual(wb.sheetnames[:3], ["Summary", "Submissions", "Disclosures"])
        self.assertEqual(len(wb.sheetnames), 4)  # one sheet per university
        summary = list(wb["Summary"].iter_rows(values_only=True))
        grand = next(r for r in summary if r[0] == "Grand Total")
        self.assertEqual(grand[-1], self.cons.amount_total)
        disclosures = list(wb["Disclosures"].iter_rows(values_only=True))
        header = list(disclosures[0])
        total = next(r for r in disclosures if r[0] == "Total")
        self.assertEqual(total[header.index("Value")], self.cons.amount_total)
        self.assertIn("Valuation Technique", header)
        unit_sheet = list(wb.worksheets[3].iter_rows(values_only=True))
        header = list(unit_sheet[2])
        total = next(r for r in unit_sheet if r[0] == "Total")
        self.assertEqual(total[header.index("Value")], self.cons.amount_total)
        self.assertEqual(
            {r[0] for r in unit_sheet[3:] if r[0] != "Total"},
            set(self.cons.line_ids.unit_id.mapped("name")),
        )
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.staff)._render_xlsx(
                "health_charity_reports.national_xlsx", submission.ids, data={}
            )
