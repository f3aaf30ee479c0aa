# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Health Charity: Jalali Calendar in the Web Client",
    "summary": "Solar Hijri (Jalali) dates in lists, forms, group headers, chatter "
    "and date pickers; Persian digits typed in number and date fields",
    "version": "18.0.1.1.0",
    "category": "Hidden/Tools",
    "website": "https://github.com/health-charity/health-charity",
    "author": "Health Charity Team",
    "maintainers": ["health-charity"],
    "license": "AGPL-3",
    "installable": True,
    "depends": ["web"],
    "external_dependencies": {"python": ["jdatetime"]},
    "data": [
        "data/res_lang_data.xml",
        "views/res_lang_views.xml",
        "views/res_users_views.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "health_charity_web_jalali/static/src/**/*",
        ],
        "web.assets_tests": [
            "health_charity_web_jalali/static/tests/tours/*.js",
            "health_charity_web_jalali/static/tests/jalali_browser_checks.js",
        ],
    },
}
