# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import hashlib

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from odoo.addons.health_charity.models.hc_integrity_mixin import hc_internal
from odoo.addons.health_charity.tools.jalali import jalali_year_quarter

from ..tools import national_package

SUBMISSION_STATES = [
    ("received", "Received"),
    ("accepted", "Accepted"),
    ("refused", "Refused"),
    ("superseded", "Superseded"),
]


class HcNationalSubmission(models.Model):
    """A university's consolidation as the Ministry received it (Ministry
    side of the national roll-up): one per university, period and version.

    Packages arrive through :meth:`hc_receive`, called over the external API
    by the Ministry user bound to the university. The signature, the layout
    and the totals are checked; what does not pass is refused with a reason
    the university reads in its answer. A new version of a period supersedes
    the accepted one; every version stays, with the package as received."""

    _name = "hc.national.submission"
    _description = "National Submission"
    _inherit = ["mail.thread", "hc.integrity.mixin"]
    _order = "date_from desc, university_code, version desc"
    _hc_client_create = False

    name = fields.Char(readonly=True)
    university_id = fields.Many2one(
        "hc.national.university", required=True, readonly=True, index=True
    )
    university_code = fields.Char(readonly=True, index=True)
    university_name = fields.Char(readonly=True)
    province_id = fields.Many2one(
        related="university_id.state_id", store=True, string="Province"
    )
    consolidation_name = fields.Char("Consolidation", readonly=True)
    date_from = fields.Date(readonly=True, required=True)
    date_to = fields.Date(readonly=True, required=True)
    jalali_period_id = fields.Many2one(
        "hc.jalali.period",
        "Quarter",
        compute="_compute_jalali_period_id",
        store=True,
        help="The Solar Hijri quarter the period starts in.",
    )
    version = fields.Integer(readonly=True, required=True)
    state = fields.Selection(
        SUBMISSION_STATES,
        string="Status",
        default="received",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda s: s.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_total = fields.Monetary("Total Value", readonly=True)
    contribution_count = fields.Integer("Contributions", readonly=True)
    line_count = fields.Integer("Contribution Lines", readonly=True)
    line_ids = fields.One2many("hc.national.submission.line", "submission_id")
    disclosure_ids = fields.One2many(
        "hc.national.submission.disclosure", "submission_id"
    )
    refusal_reason = fields.Text(readonly=True, tracking=True)
    received_date = fields.Datetime(readonly=True)
    superseded_by_id = fields.Many2one("hc.national.submission", readonly=True)
    package_hash = fields.Char(readonly=True, help="SHA-256 of the package.")
    signature = fields.Char(readonly=True, help="HMAC-SHA256 of the package.")
    package_attachment_id = fields.Many2one("ir.attachment", "Package", readonly=True)

    _sql_constraints = [
        (
            "university_period_version_uniq",
            "unique(university_id, date_from, date_to, version)",
            "One submission per university, period and version.",
        ),
    ]

    @api.model
    def _hc_get_write_policy(self):
        """What the university sent is never edited."""
        return {state: set() for state, _label in SUBMISSION_STATES}

    @api.depends("date_from")
    def _compute_jalali_period_id(self):
        Period = self.env["hc.jalali.period"]
        for rec in self:
            if not rec.date_from:
                rec.jalali_period_id = False
                continue
            year, quarter = jalali_year_quarter(rec.date_from)
            rec.jalali_period_id = Period.search(
                [("year", "=", year), ("quarter", "=", quarter)], limit=1
            )

    # ------------------------------------------------------------- receiving
    @api.model
    def hc_receive(self, package, signature):
        """Receive a university's package (external API). Only the Ministry
        user bound to a university may call it, for that university. Returns
        the answer: ``state`` (accepted, refused...), ``message`` (the reason
        of a refusal), ``reference`` and ``version``."""
        university = self._hc_get_caller_university()
        # sudo: the bound user delivers packages; storing and reading the
        # submissions is the Ministry's, checked here
        return self.sudo()._hc_receive(university.sudo(), package, signature)

    @api.model
    def _hc_get_caller_university(self):
        # sudo: the binding is read to identify the caller, nothing more
        university = (
            self.env["hc.national.university"]
            .sudo()
            .search([("user_id", "=", self.env.uid)], limit=1)
        )
        if not university:
            raise AccessError(
                self.env._(
                    "Your user is bound to no university: it cannot deliver "
                    "packages to the Ministry."
                )
            )
        return university

    @api.model
    def _hc_refusal(self, message, version=None):
        return {"state": "refused", "message": message, "version": version}

    @api.model
    def _hc_receive(self, university, package, signature):
        # serialised once: the signature, the hash and the stored package
        # are all about these bytes
        data = national_package.canonical(package)
        if not national_package.verify_bytes(data, university.signing_key, signature):
            return self._hc_refusal(
                self.env._(
                    "The signature does not match the package: it was changed "
                    "after it was signed, or signed with another key."
                )
            )
        problems = national_package.schema_problems(package)
        if problems:
            return self._hc_refusal(
                self.env._(
                    "The package does not follow the layout %(schema)s: %(fields)s.",
                    schema=national_package.SCHEMA,
                    fields=", ".join(
                        f"{part}[{index}].{name}" if index is not None else name
                        for part, index, name in problems[:10]
                    ),
                )
            )
        version = package["version"]
        if package["university_code"] != university.code:
            return self._hc_refusal(
                self.env._(
                    "The package is for the university %(sent)s; your user "
                    "delivers for %(bound)s.",
                    sent=package["university_code"],
                    bound=university.code,
                ),
                version,
            )
        try:
            date_from = datetime.date.fromisoformat(package["date_from"])
            date_to = datetime.date.fromisoformat(package["date_to"])
        except ValueError:
            date_from = date_to = None
        if not date_from or not date_to or date_to < date_from or version < 1:
            return self._hc_refusal(
                self.env._("The period or the version of the package is not valid."),
                version,
            )
        digest = hashlib.sha256(data).hexdigest()
        same_period = self.search(
            [
                ("university_id", "=", university.id),
                ("date_from", "=", date_from),
                ("date_to", "=", date_to),
            ]
        )
        existing = same_period.filtered(lambda s: s.version == version)
        if existing:
            if existing.package_hash == digest:
                # the same package again: the same answer, nothing stored
                return existing._hc_answer()
            return self._hc_refusal(
                self.env._(
                    "Version %(version)s of this period was already received "
                    "with another content: send the correction as a new version.",
                    version=version,
                ),
                version,
            )
        newer = same_period.filtered(
            lambda s: s.version > version and s.state == "accepted"
        )
        if newer:
            return self._hc_refusal(
                self.env._(
                    "Version %(newer)s of this period is already accepted.",
                    newer=max(newer.mapped("version")),
                ),
                version,
            )
        submission = self._hc_create_submission(
            university, package, signature, digest, date_from, date_to, data
        )
        totals = national_package.total_problems(package)
        if totals:
            submission._hc_set_state(
                "refused", {"refusal_reason": submission._hc_totals_reason(totals)}
            )
        else:
            older = same_period.filtered(lambda s: s.state in ("received", "accepted"))
            older._hc_set_state("superseded", {"superseded_by_id": submission.id})
            submission._hc_set_state("accepted")
        return submission._hc_answer()

    def _hc_totals_reason(self, totals):
        details = []
        for part, field, found, header in totals:
            details.append(
                self.env._(
                    "%(part)s %(field)s sum to %(found)s, the header says %(header)s",
                    part=part,
                    field=field,
                    found=found,
                    header=header,
                )
            )
        return self.env._(
            "The package does not add up: %(details)s.", details="; ".join(details)
        )

    def _hc_answer(self):
        self.ensure_one()
        return {
            "state": self.state,
            "message": self.refusal_reason or "",
            "reference": self.name,
            "version": self.version,
        }

    @api.model
    def _hc_create_submission(
        self, university, package, signature, digest, date_from, date_to, data=None
    ):
        Category = self.env["hc.contribution.category"]
        categories = {c.code: c for c in Category.search([])}
        techniques = {
            value
            for value, _label in self.env["hc.national.submission.disclosure"]
            ._fields["technique"]
            ._description_selection(self.env)
        }
        kinds = {"cash", "in_kind", "construction"}
        name = f"{university.code} {package['date_from']} v{package['version']}"
        with hc_internal():
            submission = self.create(
                {
                    "name": name,
                    "university_id": university.id,
                    "university_code": university.code,
                    "university_name": package["university_name"],
                    "consolidation_name": package["consolidation"],
                    "date_from": date_from,
                    "date_to": date_to,
                    "version": package["version"],
                    "amount_total": package["amount_total"],
                    "contribution_count": package["contribution_count"],
                    "line_count": package["line_count"],
                    "received_date": fields.Datetime.now(),
                    "package_hash": digest,
                    "signature": signature,
                }
            )
            # The lines' stored related fields (university, province,
            # quarter, status, company) are the submission's: given once
            # here, the ORM stores them with the rows instead of computing
            # them record by record (measured: most of the receiving time of
            # a package, see README "Performance").
            parent = {
                "submission_id": submission.id,
                "university_id": submission.university_id.id,
                "province_id": submission.province_id.id,
                "jalali_period_id": submission.jalali_period_id.id,
                "submission_state": submission.state,
                "company_id": submission.company_id.id,
                # read by each amount's rounding: given, it is not looked up
                # through submission > company for every amount
                "currency_id": submission.currency_id.id,
            }
            self._hc_insert_rows(
                "hc.national.submission.line",
                [
                    dict(
                        parent,
                        unit_name=line["unit"],
                        category_code=line["category_code"],
                        category_id=categories.get(line["category_code"], Category).id,
                        kind=line["kind"] if line["kind"] in kinds else False,
                        count=line["count"],
                        line_count=line["line_count"],
                        value=line["value"],
                    )
                    for line in package["lines"]
                ],
            )
            self._hc_insert_rows(
                "hc.national.submission.disclosure",
                [
                    dict(
                        parent,
                        category_code=row["category_code"],
                        category_id=categories.get(row["category_code"], Category).id,
                        kind=row["kind"] if row["kind"] in kinds else False,
                        technique=row["technique"]
                        if row["technique"] in techniques
                        else False,
                        lines=row["lines"],
                        value=row["value"],
                        value_referenced=row["value_referenced"],
                        value_reviewed=row["value_reviewed"],
                        value_restricted=row["value_restricted"],
                        value_sold=row["value_sold"],
                    )
                    for row in package["disclosures"]
                ],
            )
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{name}.json",
                    "raw": data or national_package.canonical(package),
                    "res_model": self._name,
                    "res_id": submission.id,
                    "mimetype": "application/json",
                }
            )
            submission.package_attachment_id = attachment
        return submission

    # the columns the set-based path writes besides the ones it is given
    _HC_LOG_COLUMNS = ("id", "create_uid", "create_date", "write_uid", "write_date")

    @api.model
    def _hc_insert_rows(self, model_name, vals_list):
        """Store the rows of a package (its lines, its disclosures) with one
        multi-row ``INSERT`` instead of ``create()``.

        Measured on 60 packages (3,700 rows, ``make bench``): ``create()``
        spent most of the receiving time on these read-only rows, mostly on
        the rounding of each amount (a new record per amount to read its
        currency). Here every value is given (the stored related fields are
        the submission's, amounts rounded as the ORM rounds them), the rows
        get their creation and write logs, then the ORM is told about them
        (``modified``: anything computed from them is recomputed) and its
        caches are invalidated. A model whose stored fields differ from the
        values given (a module added one) goes through ``create()``."""
        Model = self.env[model_name]
        columns = list(vals_list[0]) if vals_list else []
        stored = {
            name
            for name, field in Model._fields.items()
            if field.store and field.column_type
        }
        if (
            not vals_list
            or stored != set(columns) | set(self._HC_LOG_COLUMNS)
            or any(set(vals) != set(columns) for vals in vals_list)
        ):
            return Model.create(vals_list)
        rounding = {}
        for name in columns:
            field = Model._fields[name]
            if field.type == "monetary":
                rounding[name] = Model._fields[field.get_currency_field(Model)].name
        currencies = self.env["res.currency"].browse(
            {vals["currency_id"] for vals in vals_list if vals.get("currency_id")}
        )
        currency_of = {currency.id: currency for currency in currencies}

        def column_value(vals, name):
            value = vals[name]
            if name in rounding:
                currency = currency_of.get(vals[rounding[name]])
                value = float(value or 0.0)
                return currency.round(value) if currency else value
            return None if value is False else value

        now, uid = self.env.cr.now(), self.env.uid
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "INSERT INTO %s (%s) VALUES %s RETURNING id",
                SQL.identifier(Model._table),
                SQL(", ").join(
                    SQL.identifier(name)
                    for name in [*columns, *self._HC_LOG_COLUMNS[1:]]
                ),
                SQL(", ").join(
                    SQL(
                        "(%s)",
                        SQL(", ").join(
                            [
                                *(column_value(vals, name) for name in columns),
                                uid,
                                now,
                                uid,
                                now,
                            ]
                        ),
                    )
                    for vals in vals_list
                ),
            )
        )
        records = Model.browse([row[0] for row in self.env.cr.fetchall()])
        Model.invalidate_model()
        self.invalidate_model(["line_ids", "disclosure_ids"])
        # as create() does: the computed fields given are kept, the others
        # that depend on the new rows are marked for recomputation
        given = [Model._fields[name] for name in columns if Model._fields[name].compute]
        with self.env.protecting(given, records):
            records.modified(columns, create=True)
        return records

    @api.readonly
    def action_download_package(self):
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.package_attachment_id.id}?download=true",
            "target": "self",
        }
