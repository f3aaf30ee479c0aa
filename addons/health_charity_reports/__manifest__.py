# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Health Charity Reports",
    "summary": "Period consolidation, Ministry valuation workbook, analysis "
    "and benefactor certificates",
    "version": "18.0.1.0.0",
    "category": "Services/Health Charity",
    "website": "https://github.com/health-charity/health-charity",
    "author": "Health Charity Team",
    "maintainers": ["health-charity"],
    "license": "AGPL-3",
    "installable": True,
    "depends": ["health_charity", "report_xlsx"],
    "external_dependencies": {"python": ["jdatetime", "xlsxwriter"]},
    "data": [],
}
