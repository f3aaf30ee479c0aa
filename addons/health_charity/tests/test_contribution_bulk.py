# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import io
from unittest.mock import patch

from psycopg2.extras import Json

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..models.hc_contribution_bulk import copy_text
from ..models.hc_integrity_mixin import hc_internal
from .common import HealthCharityCase

# what legitimately differs between two creations of the same values; the
# ORM path also leaves write_uid to the superuser that recomputes the totals
# (compute_sudo), where the bulk path keeps the user who wrote them
IGNORED = {
    "id",
    "name",
    "create_date",
    "write_date",
    "write_uid",
    "line_ids",
    "contribution_id",
}


@tagged("post_install", "-at_install")
class TestContributionBulk(HealthCharityCase):
    """Big batches created without tracking take the set-based path of
    ``hc_contribution_bulk``: it must store exactly what the ORM stores."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Contribution = (
            cls.env["hc.contribution"]
            .with_user(cls.staff)
            .with_context(allowed_company_ids=cls.all_units.ids)
        )
        cls.organization = cls.env["hc.organization"].create(
            {"name": "Mehr Charity (bulk test)", "org_type": "charity"}
        )

    def _set_min_size(self, size):
        self.env["ir.config_parameter"].set_param(
            "health_charity.bulk_min_size", str(size)
        )

    def _vals_list(self):
        """Values that exercise defaults, rounding, both kinds and units."""
        return [
            {
                "donor_id": self.donor.id,
                "company_id": self.university.id,
                "date": "2025-03-21",
                "line_ids": [
                    self._line(self.cat_cash, 1, 12_500_000.4),
                    self._line(self.cat_medical, 2.5, 3_333_333.5, name="Monitor"),
                ],
            },
            {
                "donor_id": self.donor_company.id,
                "company_id": self.hospital_a.id,
                "organization_id": self.organization.id,
                "is_underserved": True,
                "note": "<p>Pledge</p><script>alert(1)</script>",
                "line_ids": [self._line(self.cat_food, 0.333, 7_000_001)],
            },
            {"donor_id": self.donor.id, "company_id": self.hospital_b.id},
            {
                "donor_id": self.donor.id,
                "date": datetime.date(2024, 12, 31),
                "line_ids": [
                    self._line(self.cat_construction, 3, 9_999_999_999_999.0),
                    self._line(self.cat_cash, 7, 1_000_000, sequence=1),
                ],
            },
        ]

    def _create(self, min_size, contribution=None):
        self._set_min_size(min_size)
        model = self.Contribution if contribution is None else contribution
        records = model._hc_create_bulk(self._vals_list())
        self.env.flush_all()
        self.env.invalidate_all()
        return records

    def _stored(self, records):
        fnames = [
            name
            for name, field in records._fields.items()
            if field.store and field.column_type and name not in IGNORED
        ]
        return [
            {name: value for name, value in row.items() if name not in IGNORED}
            for row in records.read(fnames, load=None)
        ]

    def test_bulk_path_is_taken(self):
        self._set_min_size(2)
        self.assertTrue(self.Contribution._can_bulk_create(self._vals_list()))
        self._set_min_size(0)
        self.assertFalse(self.Contribution._can_bulk_create(self._vals_list()))
        self._set_min_size(2)
        # with the chatter too (the import dialog does not disable tracking)
        tracked = self.Contribution.with_context(tracking_disable=False)
        self.assertTrue(tracked._can_bulk_create(self._vals_list()))
        # a gift recorded for another user subscribes and tells them: ORM path
        for_other = self._vals_list()
        for_other[0]["user_id"] = self.approver.id
        self.assertFalse(self.Contribution._can_bulk_create(for_other))
        # create() itself never branches: only the named entry point does
        self.assertEqual(len(self.Contribution.create(self._vals_list()[:2])), 2)
        with_evidence = self._vals_list()
        with_evidence[0]["line_ids"][0][2]["attachment_ids"] = []
        self.assertFalse(self.Contribution._can_bulk_create(with_evidence))

    def test_same_rows_as_the_orm(self):
        orm = self._create(0)
        bulk = self._create(2)
        for expected, got in zip(self._stored(orm), self._stored(bulk), strict=True):
            self.assertEqual(got, expected)
        orm_lines, bulk_lines = orm.line_ids, bulk.line_ids
        self.assertEqual(len(bulk_lines), 5)
        for expected, got in zip(
            self._stored(orm_lines), self._stored(bulk_lines), strict=True
        ):
            self.assertEqual(got, expected)
        self.assertEqual(bulk[3].amount_cash, 7_000_000)
        self.assertNotIn("<script>", bulk[1].note)
        self.assertEqual(bulk[3].company_id, self.university)  # the default

    def test_same_chatter_as_the_orm(self):
        """Nothing a user sees differs: followers and the "created" entry."""
        tracked = self.Contribution.with_context(tracking_disable=False)
        orm = self._create(0, tracked)
        bulk = self._create(2, tracked)

        def chatter(record):
            return (
                record.message_partner_ids,
                record.message_follower_ids.subtype_ids,
                [
                    (
                        m.body,
                        m.message_type,
                        m.subtype_id,
                        m.author_id,
                        m.model,
                        m.res_id == record.id,
                        m.email_from,
                        m.reply_to,
                        m.is_internal,
                        m.record_name,
                        m.record_company_id,
                        m.partner_ids,
                        m.attachment_ids,
                        m.sudo().tracking_value_ids,  # sudo: admin-only field
                        m.needaction,
                    )
                    for m in record.message_ids
                ],
            )

        for first, second in zip(orm, bulk, strict=True):
            self.assertEqual(chatter(second), chatter(first))
            self.assertEqual(second.message_partner_ids, self.staff.partner_id)
            self.assertEqual(len(second.message_ids), 1)
        # the entries after the first are copies made in SQL: one per gift,
        # each on its own gift, read back through the ORM like the others
        self.assertGreater(len(bulk), 2)
        messages = bulk.message_ids
        self.assertEqual(len(messages), len(bulk))
        self.assertEqual(set(messages.mapped("res_id")), set(bulk.ids))

    def test_import_dialog_takes_the_bulk_path(self):
        """base_import's execute_import (what the dialog's Import button
        calls) reaches the set-based path, chatter included."""
        self._set_min_size(2)
        rows = [
            [
                "Ali Rezaei",
                "2025-05-01",
                "Medical Equipment",
                f"Item {i}",
                "2",
                "1500000",
            ]
            for i in range(6)
        ]
        csv = "\n".join(
            [
                "Donor,Date,Lines/Category,Lines/Description,Lines/Quantity,"
                "Lines/Unit Value"
            ]
            + [",".join(row) for row in rows]
        )
        wizard = (
            self.env["base_import.import"]
            .with_user(self.staff)
            .with_context(tracking_disable=False)  # as in the web client
            .create(
                {
                    "res_model": "hc.contribution",
                    "file": csv.encode(),
                    "file_type": "text/csv",
                    "file_name": "gifts.csv",
                }
            )
        )
        import_fields = [
            "donor_id",
            "date",
            "line_ids/category_id",
            "line_ids/name",
            "line_ids/quantity",
            "line_ids/unit_value",
        ]
        options = {
            "has_headers": True,
            "separator": ",",
            "quoting": '"',
            "date_format": "%Y-%m-%d",
            "float_thousand_separator": ",",
            "float_decimal_separator": ".",
        }
        calls = []
        original = type(self.env["hc.contribution"])._bulk_create

        def spy(model, vals_list):
            calls.append(len(vals_list))
            return original(model, vals_list)

        with patch.object(type(self.env["hc.contribution"]), "_bulk_create", spy):
            result = wizard.with_user(self.staff).execute_import(
                import_fields, [], options
            )
        self.assertFalse(
            [m for m in result["messages"] if m["type"] == "error"], result
        )
        self.assertEqual(calls, [6])
        gifts = self.env["hc.contribution"].browse(result["ids"])
        self.assertEqual(len(gifts), 6)
        self.assertEqual(gifts.mapped("amount_total"), [3_000_000.0] * 6)
        for gift in gifts:
            self.assertEqual(len(gift.message_ids), 1)
            self.assertEqual(gift.message_partner_ids, self.staff.partner_id)

    def test_references_follow_the_sequence(self):
        orm = self._create(0)
        bulk = self._create(2)

        def number(ref):
            return int(ref.rsplit("/", 1)[1])

        for first, second in zip(orm, bulk, strict=True):
            self.assertEqual(
                first.name.rsplit("/", 1)[0], second.name.rsplit("/", 1)[0]
            )
        # each year numbers on from the first batch: 2025 and 2024 had one
        # reference each, today's year two
        self.assertEqual(number(bulk[0].name), number(orm[0].name) + 1)
        self.assertEqual(number(bulk[3].name), number(orm[3].name) + 1)
        self.assertEqual(number(orm[2].name), number(orm[1].name) + 1)
        self.assertEqual(number(bulk[1].name), number(orm[2].name) + 1)
        self.assertEqual(number(bulk[2].name), number(bulk[1].name) + 1)

    def test_donor_totals_follow(self):
        bulk = self._create(2)
        self.assertEqual(self.donor.hc_contribution_total, 0.0)  # all drafts
        self.donor.invalidate_recordset()
        self.assertIn(bulk[0], self.donor.hc_contribution_ids)
        bulk[0].with_user(self.staff).action_submit()
        self.assertEqual(bulk[0].state, "approved")  # no tier for this size
        self.assertEqual(self.donor.hc_contribution_total, bulk[0].amount_total)

    def test_bad_line_refused_before_anything_is_written(self):
        self._set_min_size(2)
        vals_list = self._vals_list()
        vals_list[2]["line_ids"] = [self._line(self.cat_food, 0, 10, name="Rice")]
        before = self.env["hc.contribution"].search_count([])
        with self.assertRaisesRegex(ValidationError, "Rice"):
            self.Contribution._hc_create_bulk(vals_list)
        self.assertEqual(self.env["hc.contribution"].search_count([]), before)

    def test_other_units_refused(self):
        self._set_min_size(2)
        vals_list = self._vals_list()
        Officer = self.env["hc.contribution"].with_user(self.officer_a)
        for vals in vals_list:
            vals["company_id"] = self.hospital_a.id
        vals_list[1]["company_id"] = self.hospital_b.id
        with self.assertRaises(AccessError):
            Officer._hc_create_bulk(vals_list)

    def test_first_status_enforced(self):
        self._set_min_size(2)
        vals_list = self._vals_list()
        vals_list[0]["state"] = "approved"
        with self.assertRaises(AccessError):
            self.Contribution._hc_create_bulk(vals_list)

    def test_forged_defaults_ignored(self):
        """A caller's default_<protected> keys do not reach the set-based
        path's defaults: the batch is born in draft, unhashed, unposted."""
        self._set_min_size(2)
        records = self.Contribution.with_context(
            default_state="approved", default_hc_hash="forged", default_move_id=1
        )._hc_create_bulk(self._vals_list())
        self.assertEqual(set(records.mapped("state")), {"draft"})
        self.assertFalse(any(records.mapped("hc_hash")))
        self.assertFalse(records.move_id)

    def test_lock_date_enforced(self):
        self._set_min_size(2)
        with hc_internal():
            self.hospital_a.sudo().hc_lock_date = fields.Date.today()
        count = self.env["hc.contribution"].search_count([])
        # a refused request rolls back (as RPC does): a savepoint here
        with (
            self.assertRaisesRegex(UserError, "closed period"),
            self.env.cr.savepoint(),
        ):
            self.Contribution._hc_create_bulk(self._vals_list())
        self.assertEqual(self.env["hc.contribution"].search_count([]), count)

    def test_queries_do_not_grow_with_the_batch(self):
        self._set_min_size(2)

        def count(n):
            vals_list = (self._vals_list() * n)[: 4 * n]
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.Contribution._hc_create_bulk(vals_list)
            self.env.flush_all()
            return self.cr.sql_log_count - before

        count(1)  # warm the caches
        small, big = count(2), count(50)
        self.assertLessEqual(big - small, 6, (small, big))

    def test_text_stored_as_typed(self):
        """Tabs, line breaks, backslashes and a literal \\N travel through
        COPY's text format and are stored as the ORM stores them."""
        text = "Monitor\t(2) \\N C:\\ward\r\nsecond line"

        def vals_list():
            vals_list = self._vals_list()
            vals_list[0]["line_ids"][1][2]["name"] = text
            vals_list[1]["note"] = f"<p>{text}</p>"
            return vals_list

        self._set_min_size(0)
        orm = self.Contribution._hc_create_bulk(vals_list())
        self._set_min_size(2)
        bulk = self.Contribution._hc_create_bulk(vals_list())
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(self._stored(bulk), self._stored(orm))
        self.assertEqual(self._stored(bulk.line_ids), self._stored(orm.line_ids))
        self.assertEqual(bulk[0].line_ids[1].name, text)

    def test_cache_holds_what_is_stored(self):
        """The values the set-based path leaves in the cache (as create does,
        instead of reading the new rows back) are those stored."""
        self._set_min_size(2)
        records = self.Contribution._hc_create_bulk(self._vals_list())
        cached = [self._stored(records), self._stored(records.line_ids)]
        self.env.invalidate_all()
        self.assertEqual(
            [self._stored(records), self._stored(records.line_ids)], cached
        )

    def test_company_check_on_every_record(self):
        """The company check runs once per distinct unit and project, and a
        wrong project on any gift of the batch is refused as the ORM refuses
        it."""
        project = self.env["hc.project"].create(
            {"name": "Bampur centre (bulk test)", "company_id": self.hospital_a.id}
        )
        vals_list = self._vals_list()
        vals_list[0]["project_id"] = project.id  # university: refused
        vals_list[2]["project_id"] = project.id  # hospital B: refused
        for size in (0, 2):  # the ORM path, then the set-based one
            self._set_min_size(size)
            with (
                self.assertRaisesRegex(UserError, "Incompatible companies"),
                self.env.cr.savepoint(),
            ):
                self.Contribution._hc_create_bulk(vals_list)
        vals_list[0]["company_id"] = vals_list[2]["company_id"] = self.hospital_a.id
        self.assertEqual(len(self.Contribution._hc_create_bulk(vals_list)), 4)

    def test_copy_text(self):
        """COPY reads from copy_text what psycopg2's parameters write."""
        rows = [
            (None, None, None, None, None, None, None, None),
            (True, 0, 1.5, "1e+16", "", datetime.date(2025, 3, 21), None, None),
            (
                False,
                -7,
                2.5e-07,
                "12.50",
                text := "a\tb\nc\\d\re \\N",
                datetime.date(2024, 12, 31),
                datetime.datetime(2025, 3, 21, 8, 30, 1, 5),
                Json({"k": text}),
            ),
            (None, None, float("inf"), None, "\\N", None, None, None),
            (None, None, float("-inf"), None, "\\.", None, None, None),
            (None, None, float("nan"), None, "é ی \u200c", None, None, None),
        ]
        cr = self.env.cr
        cr.execute(
            """CREATE TEMP TABLE hc_probe_insert (b bool, i int4, f float8,
               n numeric, t varchar, d date, ts timestamp, j jsonb)"""
        )
        cr.execute("CREATE TEMP TABLE hc_probe_copy (LIKE hc_probe_insert)")
        for row in rows:
            cr.execute("INSERT INTO hc_probe_insert VALUES %s", [row])
        data = "".join("\t".join(map(copy_text, row)) + "\n" for row in rows)
        cr._obj.copy_expert("COPY hc_probe_copy FROM STDIN", io.StringIO(data))
        cr.execute("SELECT * FROM hc_probe_insert")
        inserted = [tuple(map(repr, row)) for row in cr.fetchall()]
        cr.execute("SELECT * FROM hc_probe_copy")
        self.assertEqual([tuple(map(repr, row)) for row in cr.fetchall()], inserted)
