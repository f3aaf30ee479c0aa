# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv.expression import OR as expression_or

from ..tools.national_id import is_valid_national_id, normalize_digits
from .hc_integrity_mixin import hc_is_internal


class ResPartner(models.Model):
    _inherit = "res.partner"

    hc_is_donor = fields.Boolean("Benefactor", index=True)
    hc_donor_type = fields.Selection(
        [
            ("individual", "Individual"),
            ("company", "Company"),
            ("endower", "Endower"),
            ("charity", "Charity"),
            ("other", "Other"),
        ],
        "Donor Type",
        index=True,
    )
    hc_national_id = fields.Char(
        "National ID",
        size=10,
        copy=False,
        index=True,
        groups="health_charity.group_hc_user",
        help="Personal data: visible to Health Charity users only.",
    )
    hc_contribution_ids = fields.One2many("hc.contribution", "donor_id")
    # The university-wide figures: stored, for the recognition levels and the
    # office's rankings; readable by managers only (a hospital's officer
    # must not learn what a donor gave to the other hospitals).
    hc_contribution_total_all = fields.Monetary(
        "Total Given (all units)",
        compute="_compute_hc_contribution_total_all",
        store=True,
        currency_field="hc_currency_id",
        groups="health_charity.group_hc_manager",
        help="Value of the donor's approved and posted contributions in every unit.",
    )
    hc_contribution_count_all = fields.Integer(
        "Contributions (all units)",
        compute="_compute_hc_contribution_total_all",
        store=True,
        groups="health_charity.group_hc_manager",
    )
    # What the reader may see: the gifts of the units the user may use.
    hc_contribution_total = fields.Monetary(
        "Total Given",
        compute="_compute_hc_contribution_total",
        search="_search_hc_contribution_total",
        currency_field="hc_currency_id",
        help="Value of the donor's approved and posted contributions in the "
        "units you may use.",
    )
    hc_contribution_count = fields.Integer(
        "Contributions", compute="_compute_hc_contribution_total"
    )
    hc_currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_hc_currency_id",
        default=lambda self: self.env.company.currency_id,
    )
    hc_recognition_level_id = fields.Many2one(
        "hc.recognition.level",
        "Recognition Level",
        compute="_compute_hc_recognition_level_id",
        store=True,
        index=True,
    )
    hc_recognition_ids = fields.One2many("hc.recognition", "donor_id")
    hc_organization_ids = fields.One2many(
        "hc.organization", "partner_id", "Registry Organisations"
    )

    def _compute_hc_currency_id(self):
        for partner in self:
            partner.hc_currency_id = self.env.company.currency_id

    @api.model
    def _hc_counted_states(self):
        return ("approved", "posted")

    @api.depends("hc_contribution_ids.state", "hc_contribution_ids.amount_total")
    def _compute_hc_contribution_total_all(self):
        donors = self.filtered("id")
        totals = {}
        if donors.ids:
            # the stored values first: Odoo then writes only the donors whose
            # totals change (a batch of new drafts changes none), instead of
            # rewriting thousands of partner rows after every import batch;
            # only these columns (reading one field would load every column
            # of the donors' rows)
            donors.sudo().fetch(
                [
                    "hc_contribution_total_all",
                    "hc_contribution_count_all",
                    "hc_recognition_level_id",
                ]
            )
            # sudo: the stored figure counts every unit by definition; it is
            # readable by managers only (field groups)
            totals = self.sudo()._hc_read_donor_totals(donors.ids)
        for partner in self:
            total, count = totals.get(partner.id, (0.0, 0))
            partner.hc_contribution_total_all = total
            partner.hc_contribution_count_all = count

    def _hc_read_donor_totals(self, donor_ids=None):
        """{donor id: (total, count)} of the approved and posted gifts of the
        given donors (every donor if None) that this environment may read."""
        domain = [("state", "in", self._hc_counted_states())]
        if donor_ids is not None:
            domain.append(("donor_id", "in", donor_ids))
        groups = self.env["hc.contribution"]._read_group(
            domain,
            ["donor_id"],
            ["amount_total:sum", "__count"],
        )
        return {donor.id: (total, count) for donor, total, count in groups}

    @api.model
    def _search_display_name(self, operator, value):
        """A benefactor is also found by national ID (an import's donor
        column may hold either), by office users only."""
        domain = super()._search_display_name(operator, value)
        code = normalize_digits(value) if isinstance(value, str) else None
        if (
            code
            and len(code) == 10
            and code.isdigit()
            and operator in ("ilike", "=", "=ilike", "like")
            and self.env.user.has_group("health_charity.group_hc_user")
        ):
            domain = expression_or([domain, [("hc_national_id", "=", code)]])
        return domain

    def _hc_reader_env(self):
        """The reader's gifts: every unit the user may use, not only those
        ticked in the company switcher (the switcher narrows lists, a donor's
        figure does not change with it)."""
        if self.env.su:
            return self.env
        context = dict(
            self.env.context, allowed_company_ids=self.env.user.company_ids.ids
        )
        return self.env(context=context)

    @api.depends("hc_contribution_ids.state", "hc_contribution_ids.amount_total")
    @api.depends_context("uid")
    def _compute_hc_contribution_total(self):
        donors = self.filtered("id")
        totals = {}
        if donors.ids:
            totals = self.with_env(self._hc_reader_env())._hc_read_donor_totals(
                donors.ids
            )
        for partner in self:
            total, count = totals.get(partner._origin.id, (0.0, 0))
            partner.hc_contribution_total = total
            partner.hc_contribution_count = count

    def _search_hc_contribution_total(self, operator, value):
        if operator not in ("=", "!=", "<", "<=", ">", ">="):
            raise UserError(self.env._("Unsupported search on the donor's total."))
        value = value or 0.0
        totals = {
            donor_id: total
            for donor_id, (total, _count) in self.with_env(self._hc_reader_env())
            ._hc_read_donor_totals()
            .items()
        }
        compare = {
            "=": lambda t: t == value,
            "!=": lambda t: t != value,
            "<": lambda t: t < value,
            "<=": lambda t: t <= value,
            ">": lambda t: t > value,
            ">=": lambda t: t >= value,
        }[operator]
        matching = [donor_id for donor_id, total in totals.items() if compare(total)]
        if compare(0.0):  # donors without a counted gift have a total of 0
            return ["!", ("id", "in", [d for d in totals if not compare(totals[d])])]
        return [("id", "in", matching)]

    @api.depends("hc_contribution_total_all")
    def _compute_hc_recognition_level_id(self):
        levels = self.env["hc.recognition.level"].search([], order="min_amount desc")
        for partner in self:
            # sudo: the level follows the university-wide total (only the
            # level, not the figure, is shown to the reader)
            total = partner.sudo().hc_contribution_total_all
            partner.hc_recognition_level_id = next(
                (level for level in levels if total and total >= level.min_amount),
                False,
            )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        # a donor being created: from the Donors menu or a gift's donor field
        if "lang" in fields_list and self.env.context.get("default_hc_is_donor"):
            values["lang"] = self._hc_default_donor_lang() or values.get("lang")
        return values

    @api.model
    def _hc_default_donor_lang(self):
        """New donors write and read in Persian when it is installed (the
        office's certificates and letters follow the partner's language)."""
        installed = dict(self.env["res.lang"].get_installed())
        return "fa_IR" if "fa_IR" in installed else False

    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.su or hc_is_internal()):
            protected = self._hc_get_protected_partner_fields()
            if any(key[8:] in protected for key in self.env.context):
                # drop default_<total> keys: a new environment, not with_context()
                context = {
                    k: v for k, v in self.env.context.items() if k[8:] not in protected
                }
                self = self.with_env(self.env(context=context))
            for vals in vals_list:
                if set(vals) & self._hc_get_protected_partner_fields():
                    raise AccessError(
                        self.env._(
                            "Donor totals and recognition levels are computed "
                            "from the gifts and cannot be entered."
                        )
                    )
        for vals in vals_list:
            if vals.get("hc_national_id"):
                vals["hc_national_id"] = normalize_digits(vals["hc_national_id"])
                self._hc_check_national_id(
                    vals["hc_national_id"],
                    vals.get("hc_donor_type"),
                    vals.get("name") or "",
                )
        return super().create(vals_list)

    @api.model
    def _hc_get_protected_partner_fields(self):
        """Donor figures computed from the gifts: never written by a client."""
        return {
            "hc_contribution_total",
            "hc_contribution_count",
            "hc_contribution_total_all",
            "hc_contribution_count_all",
            "hc_recognition_level_id",
        } & set(self._fields)

    def _hc_check_registry_owner(self):
        """A donor or an organisation's partner is changed only by the unit
        that owns it (its company, or its organisation's) or by the office
        (users of that unit's university)."""
        if self.env.su or hc_is_internal():
            return
        allowed = self.env.user.company_ids
        for partner in self:
            owners = partner.company_id | partner.sudo().hc_organization_ids.company_id
            for owner in owners:
                if owner not in allowed and owner.root_id not in allowed:
                    raise AccessError(
                        self.env._(
                            "%(partner)s belongs to %(unit)s: only that unit or "
                            "the office may change it.",
                            partner=partner.display_name,
                            unit=owner.name,
                        )
                    )

    def write(self, vals):
        if not (self.env.su or hc_is_internal()):
            protected = set(vals) & self._hc_get_protected_partner_fields()
            if protected:
                raise AccessError(
                    self.env._(
                        "Donor totals and recognition levels are computed from "
                        "the gifts and cannot be changed."
                    )
                )
            if any(p.hc_is_donor or p.sudo().hc_organization_ids for p in self):
                self._hc_check_registry_owner()
        if vals.get("hc_national_id"):
            vals["hc_national_id"] = normalize_digits(vals["hc_national_id"])
        if vals.get("hc_national_id") or vals.get("hc_donor_type"):
            for partner in self:
                partner._hc_check_national_id(
                    vals.get("hc_national_id", partner.hc_national_id),
                    vals.get("hc_donor_type", partner.hc_donor_type),
                    partner.display_name,
                    exclude=partner,
                )
        return super().write(vals)

    @api.constrains("hc_national_id", "hc_donor_type")
    def _check_hc_national_id_constraint(self):
        for partner in self.filtered("hc_national_id"):
            partner._hc_check_national_id(
                partner.hc_national_id,
                partner.hc_donor_type,
                partner.display_name,
                exclude=partner,
            )

    @api.model
    def _hc_check_national_id(self, code, donor_type, name, exclude=None):
        """Refuse an invalid national ID, and one already registered for
        another individual, before anything is written."""
        if not code:
            return
        if not is_valid_national_id(code):
            raise ValidationError(
                self.env._(
                    "National ID %(code)s of %(name)s is not valid: it "
                    "must have 10 digits and a correct check digit.",
                    code=code,
                    name=name,
                )
            )
        if donor_type != "individual":
            return
        domain = [
            ("hc_donor_type", "=", "individual"),
            ("hc_national_id", "=", code),
        ]
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        duplicate = (
            self.sudo()  # donors are one registry: look across all units
            .with_context(active_test=False)
            .search(domain, limit=1)
        )
        if duplicate:
            raise ValidationError(
                self.env._(
                    "National ID %(code)s is already registered for %(other)s.",
                    code=code,
                    other=duplicate.display_name,
                )
            )

    def init(self):
        # Integrity beyond the Python check (concurrent imports): one
        # individual per national ID.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS res_partner_hc_national_id_uniq
            ON res_partner (hc_national_id)
            WHERE hc_donor_type = 'individual' AND hc_national_id IS NOT NULL
            """
        )

    def action_view_hc_contributions(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "health_charity.hc_contribution_action"
        )
        action["domain"] = [("donor_id", "=", self.id)]
        action["context"] = {"default_donor_id": self.id}
        return action

    def action_view_hc_recognitions(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "health_charity.hc_recognition_action"
        )
        action["domain"] = [("donor_id", "=", self.id)]
        action["context"] = {"default_donor_id": self.id}
        return action
