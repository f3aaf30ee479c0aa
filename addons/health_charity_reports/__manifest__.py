# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Health Charity Reports",
    "summary": "Period consolidation, Ministry valuation workbook, analysis "
    "and benefactor certificates",
    "version": "18.0.1.2.0",
    "category": "Services/Health Charity",
    "website": "https://github.com/health-charity/health-charity",
    "author": "Health Charity Team",
    "maintainers": ["health-charity"],
    "license": "AGPL-3",
    "installable": True,
    "depends": ["health_charity", "report_xlsx", "board"],
    "external_dependencies": {"python": ["jdatetime", "xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/health_charity_reports_security.xml",
        "data/hc_jalali_period_data.xml",
        "data/hc_report_data.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "report/hc_recognition_certificate.xml",
        "views/hc_consolidation_views.xml",
        "views/hc_contribution_report_views.xml",
        "views/hc_contribution_views.xml",
        "views/hc_dashboard_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/hc_consolidation_demo.xml"],
}
