# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class HcContributionReport(models.Model):
    """Read-only analysis of contribution lines (pivot, graph, dashboard)."""

    _name = "hc.contribution.report"
    _description = "Contribution Analysis"
    _inherit = ["hc.jalali.period.mixin"]
    _auto = False
    _order = "date desc"
    _rec_name = "contribution_id"

    contribution_id = fields.Many2one("hc.contribution", readonly=True)
    date = fields.Date(readonly=True)
    jalali_year = fields.Integer("Solar Hijri Year", readonly=True, aggregator="max")
    jalali_quarter = fields.Integer(
        "Solar Hijri Quarter", readonly=True, aggregator="max"
    )
    # the Jalali period keys of the gift (hc.jalali.date.mixin), labelled
    # "Q3 1404", "آذر 1404" in group headers
    date_jalali_year = fields.Char("Jalali Year", readonly=True, jalali_period="year")
    date_jalali_quarter = fields.Char(
        "Jalali Quarter", readonly=True, jalali_period="quarter"
    )
    date_jalali_month = fields.Char(
        "Jalali Month", readonly=True, jalali_period="month"
    )
    jalali_period_id = fields.Many2one(
        "hc.jalali.period", "Solar Hijri Quarter Period", readonly=True
    )
    company_id = fields.Many2one("res.company", "Unit", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    donor_id = fields.Many2one("res.partner", readonly=True)
    donor_type = fields.Selection(
        selection=lambda self: self.env["res.partner"]
        ._fields["hc_donor_type"]
        ._description_selection(self.env),
        readonly=True,
    )
    category_id = fields.Many2one("hc.contribution.category", readonly=True)
    kind = fields.Selection(
        selection=lambda self: self.env["hc.contribution.category"]
        ._fields["kind"]
        ._description_selection(self.env),
        readonly=True,
    )
    organization_id = fields.Many2one("hc.organization", "Organisation", readonly=True)
    project_id = fields.Many2one("hc.project", readonly=True)
    is_underserved = fields.Boolean("Underserved Region", readonly=True)
    # the same as a labelled choice: charts and pivots show words, not
    # "true"/"false"
    region = fields.Selection(
        [("underserved", "Underserved Regions"), ("other", "Other Regions")],
        readonly=True,
    )
    state = fields.Selection(
        selection=lambda self: self.env["hc.contribution"]
        ._fields["state"]
        ._description_selection(self.env),
        readonly=True,
    )
    valuation_basis = fields.Selection(
        selection=lambda self: self.env["hc.contribution.line"]
        ._fields["valuation_basis"]
        ._description_selection(self.env),
        readonly=True,
    )
    quantity = fields.Float(readonly=True)
    value = fields.Monetary(readonly=True)
    contribution_count = fields.Integer("Contributions", readonly=True)

    def _select(self):
        return SQL(
            """
            l.id AS id,
            c.id AS contribution_id,
            c.date AS date,
            jp.year AS jalali_year,
            jp.quarter AS jalali_quarter,
            jp.id AS jalali_period_id,
            c.date_jalali_year AS date_jalali_year,
            c.date_jalali_quarter AS date_jalali_quarter,
            c.date_jalali_month AS date_jalali_month,
            c.company_id AS company_id,
            c.currency_id AS currency_id,
            c.donor_id AS donor_id,
            p.hc_donor_type AS donor_type,
            l.category_id AS category_id,
            cat.kind AS kind,
            c.organization_id AS organization_id,
            c.project_id AS project_id,
            COALESCE(c.is_underserved, FALSE) OR COALESCE(o.is_underserved, FALSE)
                AS is_underserved,
            CASE WHEN COALESCE(c.is_underserved, FALSE)
                      OR COALESCE(o.is_underserved, FALSE)
                 THEN 'underserved' ELSE 'other' END AS region,
            c.state AS state,
            l.valuation_basis AS valuation_basis,
            l.quantity AS quantity,
            l.value AS value,
            CASE WHEN l.id = (SELECT MIN(l2.id) FROM hc_contribution_line l2
                              WHERE l2.contribution_id = c.id)
                 THEN 1 ELSE 0 END AS contribution_count
            """
        )

    def _from(self):
        return SQL(
            """
            hc_contribution_line l
            JOIN hc_contribution c ON c.id = l.contribution_id
            JOIN hc_contribution_category cat ON cat.id = l.category_id
            JOIN res_partner p ON p.id = c.donor_id
            LEFT JOIN hc_organization o ON o.id = c.organization_id
            LEFT JOIN hc_jalali_period jp
                   ON c.date BETWEEN jp.date_from AND jp.date_to
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (SELECT %s FROM %s)",
                SQL.identifier(self._table),
                self._select(),
                self._from(),
            )
        )
