# Health Charity — the two README commands are `make run` and `make test`.
SHELL := /bin/bash
export ODOO_SRC ?= /opt/odoo-src/18.0

.PHONY: install run test lint bench load pot clean-db help cluster cluster-stop cluster-clean
help:
	@echo "make run    - install, create the demo database (first time) and serve http://localhost:8069"
	@echo "make test   - install, lint, run every test on a throwaway database"
	@echo "make bench  - performance benchmark (BENCH_LINES=100000 by default)"
	@echo "make load   - bounded concurrent load test (not in CI; TARGET=cluster: through make cluster)"
	@echo "make cluster - two Odoo nodes, nginx, PostgreSQL primary + streaming replica on this machine (not in CI)"
	@echo "make cluster-stop / cluster-clean - stop it / stop it and remove var/cluster/"
	@echo "make pot    - export the .pot templates of both addons"

install:
	@./scripts/install.sh

run: install
	@./scripts/run.sh

test: install
	@./scripts/test.sh

lint: install
	@./scripts/lint.sh

bench: install
	@./scripts/bench.sh

load: install
	@./scripts/load.sh

cluster: install
	@./scripts/cluster.sh start

cluster-stop:
	@./scripts/cluster.sh stop

cluster-clean:
	@./scripts/cluster.sh clean

pot: install
	@./scripts/pot.sh
