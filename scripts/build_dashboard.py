#!/usr/bin/env python3
# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Writes the office's spreadsheet dashboard (Odoo 18 ``spreadsheet_dashboard``)
as data: ``health_charity_reports/data/files/hc_dashboard.json``.

The dashboard is built here, not drawn by hand in the spreadsheet editor,
so that a change is a reviewable diff. Labels are ``_t("...")`` formulas and
chart titles, exported to the .pot by Odoo and translated in fa.po. Periods
are Jalali: charts group by the stored Jalali keys of the gifts
(``date_jalali_quarter``), never by Gregorian months.

Run: ``.venv/bin/python scripts/build_dashboard.py``
"""

import json
from pathlib import Path

OUT = (
    Path(__file__).resolve().parents[1]
    / "addons/health_charity_reports/data/files/hc_dashboard.json"
)
REPORT = "hc.contribution.report"
VALID = [["state", "in", ["approved", "posted"]]]
MENU = "health_charity.hc_menu_root"
TOP = 10  # rows of the top lists


def chart(
    fig_id,
    x,
    y,
    width,
    height,
    title,
    model,
    group_by,
    measure,
    mode,
    domain,
    stacked=False,
):
    data = {
        "title": {"text": title},
        "background": "#FFFFFF",
        "legendPosition": "top",
        "metaData": {
            "groupBy": group_by,
            "measure": measure,
            "order": None,
            "resModel": model,
            "mode": mode,
        },
        "searchParams": {
            "comparison": None,
            "context": {},
            "domain": domain,
            "groupBy": group_by,
            "orderBy": [],
        },
        "type": f"odoo_{mode}",
        "fieldMatching": {},
    }
    if mode != "pie":
        data.update(verticalAxisPosition="left", stacked=stacked)
    return {
        "id": fig_id,
        "x": x,
        "y": y,
        "width": width,
        "height": height,
        "tag": "chart",
        "data": data,
    }


def pivot(pivot_id, name, model, row, measure, domain):
    return {
        "type": "ODOO",
        "fieldMatching": {},
        "context": {},
        "domain": domain,
        "id": pivot_id,
        "measures": [{"id": measure, "fieldName": measure}],
        "model": model,
        "name": name,
        "sortedColumn": {"groupId": [[], []], "measure": measure, "order": "desc"},
        "formulaId": pivot_id,
        "columns": [],
        "rows": [{"fieldName": row}],
    }


def odoo_list(list_id, name, model, columns, domain, order_by):
    return {
        "columns": columns,
        "domain": domain,
        "model": model,
        "context": {},
        "orderBy": [{"name": order_by[0], "asc": order_by[1]}],
        "id": list_id,
        "name": name,
        "fieldMatching": {},
    }


def build():
    cells, styles, formats = {}, {}, {}

    def put(ref, content, style=None, fmt=None):
        cells[ref] = {"content": content}
        if style:
            styles[ref] = style
        if fmt:
            formats[ref] = fmt

    put("A1", '=_t("Health Charity Dashboard")', 1)
    put("A2", '=_t("Approved and posted gifts, in rials, by Solar Hijri period")', 4)

    # charts: rows 4-21 (two per row), then 22-39
    figures = [
        chart(
            "hc-value-quarter",
            0,
            70,
            560,
            330,
            "Value by Jalali Quarter",
            REPORT,
            ["date_jalali_quarter"],
            "value",
            "bar",
            VALID,
        ),
        chart(
            "hc-value-category",
            570,
            70,
            560,
            330,
            "Value by Category and Kind",
            REPORT,
            ["category_id", "kind"],
            "value",
            "bar",
            VALID,
            stacked=True,
        ),
        chart(
            "hc-value-unit",
            0,
            410,
            560,
            330,
            "Value by Unit",
            REPORT,
            ["company_id"],
            "value",
            "bar",
            VALID,
        ),
        chart(
            "hc-underserved",
            570,
            410,
            560,
            330,
            "Share Reaching Underserved Regions",
            REPORT,
            ["region"],
            "value",
            "pie",
            VALID,
        ),
        chart(
            "hc-delegation-score",
            0,
            750,
            1130,
            300,
            "Average Supervision Score by Delegated NGO",
            "hc.service.delegation",
            ["organization_id"],
            "average_score",
            "bar",
            [["state", "=", "active"]],
        ),
    ]

    # top benefactors (pivot 1), open needs (list 1), low scores (list 2)
    start = 52
    put(f"A{start}", '=_t("Top Benefactors")', 1)
    put(f"A{start + 1}", '=_t("Benefactor")', 2)
    put(f"B{start + 1}", '=_t("Value (rials)")', 2)
    put(f"D{start}", '=_t("Open Needs")', 1)
    put(f"D{start + 1}", '=_t("Need")', 2)
    put(f"E{start + 1}", '=_t("Unit")', 2)
    put(f"F{start + 1}", '=_t("Estimated Value (rials)")', 2)
    for i in range(1, TOP + 1):
        row = start + 1 + i
        put(f"A{row}", f'=PIVOT.HEADER(1,"#donor_id",{i})', 3)
        put(f"B{row}", f'=PIVOT.VALUE(1,"value","#donor_id",{i})', 3, 1)
        put(f"D{row}", f'=ODOO.LIST(1,{i},"name")', 3)
        put(f"E{row}", f'=ODOO.LIST(1,{i},"company_id")', 3)
        put(f"F{row}", f'=ODOO.LIST(1,{i},"estimated_value")', 3, 1)
    low = start + TOP + 3
    put(f"A{low}", '=_t("Delegations with Low Supervision Scores")', 1)
    put(f"A{low + 1}", '=_t("Delegation")', 2)
    put(f"B{low + 1}", '=_t("NGO")', 2)
    put(f"D{low + 1}", '=_t("Average Score")', 2)
    put(f"E{low + 1}", '=_t("Next Visit Due")', 2)
    for i in range(1, TOP + 1):
        row = low + 1 + i
        put(f"A{row}", f'=ODOO.LIST(2,{i},"name")', 3)
        put(f"B{row}", f'=ODOO.LIST(2,{i},"organization_id")', 3)
        put(f"D{row}", f'=ODOO.LIST(2,{i},"average_score")', 3)
        put(f"E{row}", f'=ODOO.LIST(2,{i},"next_visit_date")', 3)

    sheet = {
        "id": "hc-dashboard",
        "name": "Dashboard",
        "colNumber": 8,
        "rowNumber": low + TOP + 3,
        "rows": {},
        "cols": {
            "0": {"size": 260},
            "1": {"size": 170},
            "2": {"size": 30},
            "3": {"size": 300},
            "4": {"size": 200},
            "5": {"size": 170},
        },
        "merges": [],
        "cells": cells,
        "styles": styles,
        "formats": formats,
        "borders": {},
        "conditionalFormats": [],
        "figures": figures,
        "tables": [],
        "areGridLinesVisible": False,
        "isVisible": True,
        "headerGroups": {"ROW": [], "COL": []},
        "dataValidationRules": [],
        "comments": {},
    }
    return {
        "version": 21,
        "sheets": [sheet],
        "styles": {
            "1": {"textColor": "#01666b", "bold": True, "fontSize": 16},
            "2": {"textColor": "#434343", "fontSize": 11, "bold": True},
            "3": {"textColor": "#434343", "verticalAlign": "middle"},
            "4": {"textColor": "#434343", "fontSize": 11},
        },
        "formats": {"1": "#,##0"},
        "borders": {},
        "revisionId": "START_REVISION",
        "uniqueFigureIds": True,
        "settings": {},
        "pivots": {
            "1": pivot("1", "Top Benefactors", REPORT, "donor_id", "value", VALID),
        },
        "pivotNextId": 2,
        "customTableStyles": {},
        "odooVersion": 12,
        "globalFilters": [],
        "lists": {
            "1": odoo_list(
                "1",
                "Open Needs",
                "hc.need",
                ["name", "company_id", "estimated_value", "priority"],
                [["state", "=", "open"]],
                ("priority", False),
            ),
            "2": odoo_list(
                "2",
                "Delegations with Low Supervision Scores",
                "hc.service.delegation",
                ["name", "organization_id", "average_score", "next_visit_date"],
                # a visit below the unit's threshold (hc_visit_score_threshold)
                [["state", "=", "active"], ["visit_ids.is_low_score", "=", True]],
                ("average_score", True),
            ),
        },
        "listNextId": 3,
        "chartOdooMenusReferences": {figure["id"]: MENU for figure in figures},
    }


def main():
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(build(), indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
