#!/usr/bin/env bash
# ruff (format check + lint) and pylint-odoo with OCA settings on both addons.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check addons/health_charity addons/health_charity_reports addons/health_charity_web_jalali tests scripts
.venv/bin/ruff format --check addons/health_charity addons/health_charity_reports addons/health_charity_web_jalali tests scripts
.venv/bin/pylint --rcfile=.pylintrc --score=n addons/health_charity addons/health_charity_reports addons/health_charity_web_jalali
echo "lint: OK"
