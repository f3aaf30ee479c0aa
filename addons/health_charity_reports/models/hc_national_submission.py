# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError

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
        if not national_package.verify(package, university.signing_key, signature):
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
        digest = national_package.package_hash(package)
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
            university, package, signature, digest, date_from, date_to
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
        self, university, package, signature, digest, date_from, date_to
    ):
        categories = {
            c.code: c for c in self.env["hc.contribution.category"].search([])
        }
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
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "unit_name": line["unit"],
                                "category_code": line["category_code"],
                                "category_id": categories.get(line["category_code"])
                                and categories[line["category_code"]].id,
                                "kind": line["kind"]
                                if line["kind"] in kinds
                                else False,
                                "count": line["count"],
                                "line_count": line["line_count"],
                                "value": line["value"],
                            },
                        )
                        for line in package["lines"]
                    ],
                    "disclosure_ids": [
                        (
                            0,
                            0,
                            {
                                "category_code": row["category_code"],
                                "category_id": categories.get(row["category_code"])
                                and categories[row["category_code"]].id,
                                "kind": row["kind"] if row["kind"] in kinds else False,
                                "technique": row["technique"]
                                if row["technique"] in techniques
                                else False,
                                "lines": row["lines"],
                                "value": row["value"],
                                "value_referenced": row["value_referenced"],
                                "value_reviewed": row["value_reviewed"],
                                "value_restricted": row["value_restricted"],
                                "value_sold": row["value_sold"],
                            },
                        )
                        for row in package["disclosures"]
                    ],
                }
            )
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{name}.json",
                    "raw": national_package.canonical(package),
                    "res_model": self._name,
                    "res_id": submission.id,
                    "mimetype": "application/json",
                }
            )
            submission.package_attachment_id = attachment
        return submission

    @api.readonly
    def action_download_package(self):
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.package_attachment_id.id}?download=true",
            "target": "self",
        }
