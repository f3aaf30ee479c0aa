# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class HcNationalUniversity(models.Model):
    """A university of medical sciences as the Ministry knows it (Ministry
    side of the national roll-up): its code, province, the key its packages
    are signed with and the Ministry user bound to it, whose API key the
    university sends with."""

    _name = "hc.national.university"
    _description = "University (Ministry)"
    _inherit = ["mail.thread", "hc.integrity.mixin"]
    _order = "code"

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, tracking=True, index=True)
    state_id = fields.Many2one("res.country.state", "Province", tracking=True)
    signing_key = fields.Char(
        groups="health_charity.group_hc_manager",
        copy=False,
        help="Secret shared with the university: its packages are signed with "
        "it (HMAC-SHA256).",
    )
    user_id = fields.Many2one(
        "res.users",
        "Bound User",
        tracking=True,
        copy=False,
        ondelete="restrict",
        help="The Ministry user whose API key the university sends with; only "
        "this user may deliver the university's packages.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    submission_ids = fields.One2many("hc.national.submission", "university_id")
    last_submission_date = fields.Datetime(
        compute="_compute_last_submission", string="Last Received"
    )
    last_period_id = fields.Many2one(
        "hc.jalali.period", compute="_compute_last_submission", string="Last Quarter"
    )
    missing_period_id = fields.Many2one(
        "hc.jalali.period",
        "Not Submitted For",
        compute="_compute_missing_period_id",
        search="_search_missing_period_id",
        help="Search universities that have no accepted submission covering "
        "a Solar Hijri quarter.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The university code must be unique."),
        ("user_uniq", "unique(user_id)", "A user is bound to one university only."),
    ]

    @api.depends("submission_ids.state")
    def _compute_last_submission(self):
        for rec in self:
            accepted = rec.submission_ids.filtered(lambda s: s.state == "accepted")
            last = accepted.sorted("date_to", reverse=True)[:1]
            rec.last_submission_date = last.received_date
            rec.last_period_id = last.jalali_period_id

    def _compute_missing_period_id(self):
        # a search criterion only: which quarter is asked depends on the search
        self.missing_period_id = False

    def _search_missing_period_id(self, operator, value):
        Period = self.env["hc.jalali.period"]
        if operator in ("=", "in") and value:
            periods = Period.browse(value if isinstance(value, list) else [value])
        elif operator in ("ilike", "=ilike", "like") and isinstance(value, str):
            periods = Period.search([("name", operator, value)])
        else:
            raise UserError(
                self.env._("Search the missing submissions by a Solar Hijri quarter.")
            )
        submitted = self.browse()
        Submission = self.env["hc.national.submission"]
        for period in periods:
            covering = Submission.search(
                [
                    ("state", "=", "accepted"),
                    ("date_from", "<=", period.date_from),
                    ("date_to", ">=", period.date_to),
                ]
            )
            submitted |= covering.university_id
        return [("id", "not in", submitted.ids)]

    @api.readonly
    def action_view_submissions(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.actions"]._for_xml_id(
            "health_charity_reports.hc_national_submission_action"
        )
        action["domain"] = [("university_id", "=", self.id)]
        action["context"] = {}
        return action
