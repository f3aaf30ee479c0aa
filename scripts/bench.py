"""Health Charity benchmark: our ORM paths against raw baselines.

Run through `make bench` (BENCH_LINES=N). Every step is measured in this
process on the same data, and reported as a ratio to its raw baseline.
"""

import argparse
import collections
import datetime
import hashlib
import io
import json
import os
import random
import threading
import time

import psutil
import xlsxwriter

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.tools import SQL

BATCH = 2000  # contributions per create() call
UNIVERSITIES = 60  # the national step: every university's package of a quarter


class PeakRss:
    """Peak resident memory growth of this (the Odoo) process during a step."""

    def __init__(self):
        self.proc = psutil.Process(os.getpid())

    def __enter__(self):
        self.base = self.peak = self.proc.memory_info().rss
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self):
        while self.running:
            self.peak = max(self.peak, self.proc.memory_info().rss)
            time.sleep(0.02)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.growth_mb = (self.peak - self.base) / 2**20


def timed(fn):
    with PeakRss() as mem:
        start = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - start
    return elapsed, mem.growth_mb, result


def setup_world(env, n_donors):
    Company = env["res.company"]
    university = Company.create({"name": "Bench University"})
    units = university
    for i in range(3):
        units |= Company.create(
            {"name": f"Bench Hospital {i + 1}", "parent_id": university.id}
        )
    env.user.company_ids |= units
    types = ["individual", "company", "endower", "charity", "other"]
    donors = env["res.partner"].create(
        [
            {
                "name": f"Bench donor {i}",
                "hc_is_donor": True,
                "hc_donor_type": types[i % len(types)],
            }
            for i in range(n_donors)
        ]
    )
    categories = env["hc.contribution.category"].search([])
    return units, donors, categories


def generate(n_lines, units, donors, categories, seed=1404):
    """Contributions of 1-7 lines (4 on average) over two Jalali years."""
    rnd = random.Random(seed)
    start = datetime.date(2024, 3, 20)
    contributions = []
    lines_left = n_lines
    while lines_left > 0:
        n = min(lines_left, rnd.randint(1, 7))
        lines_left -= n
        lines = []
        for _ in range(n):
            cat = categories[rnd.randrange(len(categories))]
            lines.append(
                {
                    "category_id": cat.id,
                    "name": cat.name,
                    "quantity": rnd.randint(1, 50),
                    "unit_value": rnd.randint(1, 5000) * 100_000,
                    "valuation_basis": "cash" if cat.kind == "cash" else "invoice",
                }
            )
        contributions.append(
            {
                "donor_id": donors[rnd.randrange(len(donors))].id,
                "company_id": units[rnd.randrange(len(units))].id,
                "date": start + datetime.timedelta(days=rnd.randrange(730)),
                "lines": lines,
            }
        )
    return contributions


def load_orm(env, contributions):
    """Bulk creation through the set-based entry point the import and the
    loader use, without chatter (as a migration loads)."""
    Contribution = env["hc.contribution"].with_context(
        mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
    )
    for i in range(0, len(contributions), BATCH):
        chunk = contributions[i : i + BATCH]
        Contribution._hc_create_bulk(
            [
                {
                    "donor_id": c["donor_id"],
                    "company_id": c["company_id"],
                    "date": c["date"],
                    "line_ids": [Command.create(line) for line in c["lines"]],
                }
                for c in chunk
            ]
        )
        env.flush_all()
        env.invalidate_all()
    return len(contributions)


def load_raw(cr, contributions):
    """COPY of the same rows into the same two tables, with their indexes,
    foreign keys and checks (the caller rolls back). Ids come from the
    tables' own sequence, as a raw importer would take them."""
    return _copy_rows(cr, contributions, "hc_contribution", "hc_contribution_line")


def load_raw_bare(cr, contributions):
    """The same COPY into index-less temporary copies of the tables: what
    PostgreSQL's parser alone costs (shown for reference, not the target)."""
    cr.execute("CREATE TEMP TABLE bench_c (LIKE hc_contribution INCLUDING DEFAULTS)")
    cr.execute(
        "CREATE TEMP TABLE bench_l (LIKE hc_contribution_line INCLUDING DEFAULTS)"
    )
    return _copy_rows(cr, contributions, "bench_c", "bench_l", line_ids=True)


def _copy_rows(cr, contributions, header_table, line_table, line_ids=False):
    uid = SUPERUSER_ID
    cr.execute(
        "SELECT nextval('hc_contribution_id_seq') FROM generate_series(1, %s)",
        [len(contributions)],
    )
    ids = [row[0] for row in cr.fetchall()]
    cbuf, lbuf = io.StringIO(), io.StringIO()
    n_lines = 0
    for cid, c in zip(ids, contributions, strict=True):
        total = sum(line["quantity"] * line["unit_value"] for line in c["lines"])
        cbuf.write(
            f"{cid}\tB{cid}\t{c['donor_id']}\t{c['date']}\t{c['company_id']}"
            f"\tdraft\t{total}\t{uid}\t{uid}\tnow\tnow\n"
        )
        for line in c["lines"]:
            n_lines += 1
            value = line["quantity"] * line["unit_value"]
            if line_ids:
                lbuf.write(f"{n_lines}\t")
            lbuf.write(
                f"{cid}\t{line['category_id']}\t{line['name']}"
                f"\t{line['quantity']}\t{line['unit_value']}\t{value}"
                f"\t{line['valuation_basis']}\t{c['company_id']}\t10"
                f"\t{uid}\t{uid}\tnow\tnow\n"
            )
    cbuf.seek(0)
    lbuf.seek(0)
    log = ("create_uid", "write_uid", "create_date", "write_date")
    cr._obj.copy_from(
        cbuf,
        header_table,
        columns=(
            "id",
            "name",
            "donor_id",
            "date",
            "company_id",
            "state",
            "amount_total",
            *log,
        ),
    )
    cr._obj.copy_from(
        lbuf,
        line_table,
        columns=(
            *(("id",) if line_ids else ()),
            "contribution_id",
            "category_id",
            "name",
            "quantity",
            "unit_value",
            "value",
            "valuation_basis",
            "company_id",
            "sequence",
            *log,
        ),
    )
    return n_lines


IMPORT_FIELDS = [
    "donor_id",
    "date",
    "company_id",
    "line_ids/category_id",
    "line_ids/name",
    "line_ids/quantity",
    "line_ids/unit_value",
    "line_ids/valuation_basis",
]


def build_import_xlsx(env, contributions):
    """The contributions as a hospital's spreadsheet: one row per line, the
    gift's own columns empty on the rows of its further lines."""
    names = {
        model: dict(env[model].browse(ids).mapped(lambda r: (r.id, r.display_name)))
        for model, ids in (
            ("res.partner", {c["donor_id"] for c in contributions}),
            ("res.company", {c["company_id"] for c in contributions}),
            (
                "hc.contribution.category",
                {line["category_id"] for c in contributions for line in c["lines"]},
            ),
        )
    }
    buf = io.BytesIO()
    workbook = xlsxwriter.Workbook(buf, {"constant_memory": True})
    sheet = workbook.add_worksheet("Gifts")
    for col, label in enumerate(IMPORT_FIELDS):
        sheet.write_string(0, col, label)
    row = 0
    for c in contributions:
        for i, line in enumerate(c["lines"]):
            row += 1
            if i == 0:
                sheet.write_string(row, 0, names["res.partner"][c["donor_id"]])
                sheet.write_string(row, 1, str(c["date"]))
                sheet.write_string(row, 2, names["res.company"][c["company_id"]])
            category = names["hc.contribution.category"][line["category_id"]]
            sheet.write_string(row, 3, category)
            sheet.write_string(row, 4, line["name"])
            sheet.write_number(row, 5, line["quantity"])
            sheet.write_number(row, 6, line["unit_value"])
            sheet.write_string(row, 7, line["valuation_basis"])
    workbook.close()
    return buf.getvalue()


def import_dialog(env, content):
    """What the import dialog's Import button calls (chatter on) and, for a
    big file, the background import it queues, run to its end by the
    scheduled action's method (chunks committed as in production)."""
    context = {k: v for k, v in env.context.items() if k != "tracking_disable"}
    wizard = env(context=context)["base_import.import"].create(
        {
            "res_model": "hc.contribution",
            "file": content,
            "file_type": "application/vnd.openxmlformats-officedocument"
            ".spreadsheetml.sheet",
            "file_name": "bench.xlsx",
        }
    )
    result = wizard.execute_import(
        IMPORT_FIELDS,
        IMPORT_FIELDS,
        {"has_headers": True, "date_format": "%Y-%m-%d"},
    )
    errors = [m for m in result["messages"] if m["type"] == "error"]
    if result.get("hc_import_id"):
        env.cr.commit()
        Import = env["hc.contribution.import"]
        job = Import.browse(result["hc_import_id"])
        while job.state in ("queued", "running", "undoing"):
            Import._cron_run_imports()
            env.cr.commit()
            job.invalidate_recordset()
        if job.state != "done":
            raise RuntimeError(f"bench import failed: {job.messages or job.error}")
        return job.gift_count
    if errors or not result["ids"]:
        raise RuntimeError(f"bench import failed: {errors[:3]}")
    return len(result["ids"])


def spread_states(env):
    """Realistic states (set in SQL: this is data preparation, not measured)."""
    env.cr.execute(
        """
        UPDATE hc_contribution SET state = CASE
            WHEN id % 10 < 5 THEN 'posted'
            WHEN id % 10 < 8 THEN 'approved'
            WHEN id % 10 = 8 THEN 'submitted'
            ELSE 'draft' END
        """
    )
    env.invalidate_all()
    donors = env["res.partner"].search([("hc_is_donor", "=", True)])
    donors._compute_hc_contribution_total_all()
    donors._compute_hc_recognition_level_id()
    env.flush_all()


# ------------------------------------------------------------------ national
def setup_ministry(env, n_universities):
    """The Ministry's side: universities in the provinces, each with its
    signing key and its bound user (whose API key it sends with)."""
    states = env["res.country.state"].search([("country_id.code", "=", "IR")])
    users = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "name": f"Bench Ministry bot {i:02d}",
                    "login": f"bench_ministry_{i:02d}",
                    "groups_id": [Command.set([env.ref("base.group_user").id])],
                }
                for i in range(n_universities)
            ]
        )
    )
    return env["hc.national.university"].create(
        [
            {
                "name": f"Bench University of Medical Sciences {i:02d}",
                "code": f"BU{i:02d}",
                "state_id": states[i % len(states)].id if states else False,
                "signing_key": hashlib.sha256(f"bench-key-{i}".encode()).hexdigest(),
                "user_id": user.id,
            }
            for i, user in enumerate(users)
        ]
    )


def national_packages(universities, categories, n_lines, seed=1404):
    """One signed package per university for the Jalali quarter 1404 Q1,
    ``n_lines`` detail lines in all, laid out as the university side builds
    them (``hc.consolidation._prepare_ministry_package``): the snapshot per
    unit and category, the disclosures per category and technique, every
    line; the header adds up."""
    rnd = random.Random(seed)
    start = datetime.date(2025, 3, 21)
    techniques = ["quoted_price", "comparable_purchase", "expert_appraisal",
                  "donor_invoice", "cost"]  # fmt: skip
    packages = []
    per_university = n_lines // len(universities)
    for index, university in enumerate(universities):
        n = per_university + (n_lines % len(universities) if index == 0 else 0)
        units = [f"{university.code} unit {u}" for u in range(rnd.randint(3, 6))]
        details, contributions = [], 0
        while len(details) < n:
            contributions += 1
            reference = f"CON/1404/{contributions:06d}"
            unit = rnd.choice(units)
            date = str(start + datetime.timedelta(days=rnd.randrange(92)))
            for _ in range(min(n - len(details), rnd.randint(1, 7))):
                cat = categories[rnd.randrange(len(categories))]
                quantity = rnd.randint(1, 50)
                unit_value = rnd.randint(1, 5000) * 100_000
                cash = cat.kind == "cash"
                details.append(
                    {
                        "reference": reference,
                        "date": date,
                        "unit": unit,
                        "category_code": cat.code,
                        "quantity": float(quantity),
                        "unit_value": float(unit_value),
                        "value": float(quantity * unit_value),
                        "valuation_basis": "cash" if cash else "invoice",
                        "technique": "" if cash else rnd.choice(techniques),
                    }
                )
        kinds = {c.code: c for c in categories}
        snapshot = collections.defaultdict(lambda: [set(), 0, 0.0])
        disclosures = collections.defaultdict(lambda: [0, 0.0, 0.0, 0.0, 0.0, 0.0])
        for row in details:
            cell = snapshot[row["unit"], row["category_code"]]
            cell[0].add(row["reference"])
            cell[1] += 1
            cell[2] += row["value"]
            d = disclosures[row["category_code"], row["technique"]]
            d[0] += 1
            d[1] += row["value"]
            d[2] += row["value"] if rnd.random() < 0.6 else 0.0  # with a reference
            d[3] += row["value"] if rnd.random() < 0.2 else 0.0  # reviewed
            d[4] += row["value"] if rnd.random() < 0.1 else 0.0  # restricted
            d[5] += row["value"] if rnd.random() < 0.05 else 0.0  # sold
        total = sum(row["value"] for row in details)
        package = {
            "schema": "hc.national.package/1",
            "university_code": university.code,
            "university_name": university.name,
            "consolidation": f"{university.code} 1404 Q1",
            "date_from": "2025-03-21",
            "date_to": "2025-06-21",
            "version": 1,
            "currency": "IRR",
            "amount_total": total,
            "contribution_count": contributions,
            "line_count": len(details),
            "lines": [
                {
                    "unit": unit,
                    "category_code": code,
                    "category_name": kinds[code].name,
                    "kind": kinds[code].kind,
                    "count": len(refs),
                    "line_count": count,
                    "value": value,
                }
                for (unit, code), (refs, count, value) in sorted(snapshot.items())
            ],
            "disclosures": [
                {
                    "category_code": code,
                    "kind": kinds[code].kind,
                    "technique": technique,
                    "lines": d[0],
                    "value": d[1],
                    "value_referenced": d[2],
                    "value_reviewed": d[3],
                    "value_restricted": d[4],
                    "value_sold": d[5],
                }
                for (code, technique), d in sorted(disclosures.items())
            ],
            "details": details,
        }
        packages.append((university, package))
    return packages


def national_receive(env, packages):
    """Each university's call as the JSON-RPC endpoint runs it: the bound
    user calls ``hc.national.submission.hc_receive(package, signature)``
    (the body as decoded JSON), one transaction per call."""
    for university, package, signature in packages:
        user_env = env(user=university.user_id.id, context={})
        answer = user_env["hc.national.submission"].hc_receive(package, signature)
        if answer["state"] != "accepted":
            raise RuntimeError(f"bench: {university.code} refused: {answer}")
        env.cr.commit()
    return len(packages)


NATIONAL_DETAIL_COLUMNS = (
    "university_code",
    "reference",
    "date",
    "unit",
    "category_code",
    "quantity",
    "unit_value",
    "value",
    "valuation_basis",
    "technique",
)


def national_copy(cr, packages):
    """COPY of the same rows (every detail line, and the snapshot lines)
    into plain tables (the caller rolls back)."""
    cr.execute(
        """CREATE TABLE bench_national_detail (
               university_code varchar, reference varchar, date date,
               unit varchar, category_code varchar, quantity numeric,
               unit_value numeric, value numeric, valuation_basis varchar,
               technique varchar)"""
    )
    cr.execute(
        """CREATE TABLE bench_national_line (
               university_code varchar, unit varchar, category_code varchar,
               kind varchar, count integer, line_count integer, value numeric)"""
    )
    n_lines = 0
    for _university, package, _signature in packages:
        code = package["university_code"]
        dbuf, lbuf = io.StringIO(), io.StringIO()
        for d in package["details"]:
            dbuf.write(
                f"{code}\t{d['reference']}\t{d['date']}\t{d['unit']}"
                f"\t{d['category_code']}\t{d['quantity']}\t{d['unit_value']}"
                f"\t{d['value']}\t{d['valuation_basis']}\t{d['technique']}\n"
            )
        for line in package["lines"]:
            lbuf.write(
                f"{code}\t{line['unit']}\t{line['category_code']}\t{line['kind']}"
                f"\t{line['count']}\t{line['line_count']}\t{line['value']}\n"
            )
        dbuf.seek(0)
        lbuf.seek(0)
        cr._obj.copy_from(
            dbuf, "bench_national_detail", columns=NATIONAL_DETAIL_COLUMNS
        )
        cr._obj.copy_from(lbuf, "bench_national_line")
        n_lines += len(package["details"])
    return n_lines


# the national totals the Ministry's screens and workbook show for a
# quarter: (model, group by) on the accepted submissions
NATIONAL_ROLLUPS = [
    ("hc.national.submission.line", ["university_id"]),
    ("hc.national.submission.line", ["province_id"]),
    ("hc.national.submission.line", ["category_id"]),
    ("hc.national.submission.line", ["province_id", "category_id"]),
    ("hc.national.submission.line", ["university_id", "category_id"]),
    ("hc.national.submission.disclosure", ["technique"]),
    ("hc.national.submission.disclosure", ["category_id", "technique"]),
]


def national_rollup_orm(env, period):
    """What the National Analysis and By Valuation Technique screens ask
    (read_group of the accepted submissions of the quarter; the pivot's
    groupings and the workbook's summary), with the groups' names."""
    result = []
    for model, groupby in NATIONAL_ROLLUPS:
        env.invalidate_all()
        result.append(
            env[model].read_group(
                [
                    ("submission_state", "=", "accepted"),
                    ("jalali_period_id", "=", period.id),
                ],
                ["value:sum"],
                groupby,
                lazy=False,
            )  # fmt: skip
        )
    return result


def national_rollup_sql(cr, period):
    """The same totals with plain GROUP BYs on the same tables."""
    result = []
    for model, groupby in NATIONAL_ROLLUPS:
        table = SQL.identifier(model.replace(".", "_"))
        columns = SQL(", ").join(SQL.identifier(name) for name in groupby)
        cr.execute(
            SQL(
                """SELECT %(columns)s, COUNT(*), SUM(value) FROM %(table)s
                    WHERE submission_state = 'accepted'
                      AND jalali_period_id = %(period)s
                 GROUP BY %(columns)s""",
                columns=columns,
                table=table,
                period=period.id,
            )
        )
        result.append(cr.fetchall())
    return result


def national_rollup_detail_sql(cr):
    """The same totals from the rows the COPY baseline stored: one plain
    GROUP BY (grouping sets) over every detail line, the province through
    the university."""
    cr.execute(
        """SELECT d.university_code, u.state_id, d.category_code, d.technique,
                  COUNT(*), SUM(d.value)
             FROM bench_national_detail d
             JOIN hc_national_university u ON u.code = d.university_code
         GROUP BY GROUPING SETS (
                  (d.university_code), (u.state_id), (d.category_code),
                  (u.state_id, d.category_code), (d.university_code, d.category_code),
                  (d.technique), (d.category_code, d.technique))"""
    )
    return cr.fetchall()


def national_step(cr, env, n_lines):
    """60 universities' packages of a quarter received through the real
    receiving path, then rolled up as the Ministry's screens do; against
    COPY of the same rows and a plain GROUP BY over them. The roll-up is
    also compared with plain GROUP BYs over the tables it reads (what the
    ORM adds to the same query)."""
    from odoo.addons.health_charity_reports.tools import national_package

    categories = env["hc.contribution.category"].search([])
    universities = setup_ministry(env, UNIVERSITIES)
    packages = [
        (university, package, national_package.sign(package, university.signing_key))
        for university, package in national_packages(universities, categories, n_lines)
    ]
    period = env["hc.jalali.period"].search([("year", "=", 1404), ("quarter", "=", 1)])
    wire = sum(len(json.dumps({"args": [p, sig]}).encode()) for _u, p, sig in packages)
    cr.commit()
    results = []
    t_raw, _m, _ = timed(lambda: national_copy(cr, packages))
    t_raw_group, _m, _ = timed(lambda: national_rollup_detail_sql(cr))
    cr.rollback()
    t_ours, m_ours, _ = timed(lambda: national_receive(env, packages))
    results.append(("nat_ingest", n_lines, t_ours, m_ours, t_raw))
    national_rollup_orm(env, period)  # warm caches, as a user's second click
    t_roll, m_roll, rolled = timed(lambda: national_rollup_orm(env, period))
    results.append(("nat_rollup", n_lines, t_roll, m_roll, t_raw_group))
    national_rollup_sql(cr, period)
    t_rollsql, _m, raw_rolled = timed(lambda: national_rollup_sql(cr, period))
    # the two roll-ups give the same totals
    for orm_groups, sql_rows in zip(rolled, raw_rolled, strict=True):
        assert round(sum(g["value"] for g in orm_groups), 2) == round(
            float(sum(r[-1] for r in sql_rows)), 2
        ), "bench: the national roll-ups differ"
    n_rows = env["hc.national.submission.line"].search_count([]) + env[
        "hc.national.submission.disclosure"
    ].search_count([])
    results.append(("nat_roll_orm", n_rows, t_roll, m_roll, t_rollsql))
    info = (
        f"national: {len(packages)} universities, {n_lines} lines, "
        f"{wire / 2**20:.1f} MB of JSON-RPC arguments, {n_rows} rows stored "
        f"(lines per unit and category, disclosures per category and technique)"
    )
    return results, info


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument(
        "--import-lines",
        type=int,
        default=None,
        help="lines of the import step (default: all; from 20,000 lines the "
        "dialog queues the file and the background import runs it)",
    )
    parser.add_argument(
        "--only",
        choices=("national", "load"),
        help="run only this step (national: needs no contributions; load: "
        "the set-based creation against COPY)",
    )
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    results, notes = [], []
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        if args.only == "national":
            national_results, national_note = national_step(cr, env, args.lines)
            print_report(args.lines, national_results, [national_note], {})
            return
        units, donors, categories = setup_world(env, max(200, args.lines // 50))
        env = env(context=dict(env.context, allowed_company_ids=units.ids))
        data = generate(args.lines, units, donors, categories)
        n_lines = sum(len(c["lines"]) for c in data)
        cr.commit()

        t_orm, m_orm, _ = timed(lambda: load_orm(env, data))
        cr.commit()
        t_raw, m_raw, _ = timed(lambda: load_raw(cr, data))
        cr.rollback()
        t_bare, _m, _ = timed(lambda: load_raw_bare(cr, data))
        cr.rollback()
        results.append(("load", n_lines, t_orm, m_orm, t_raw))
        if args.only == "load":
            notes.append(_bare_note(t_orm, t_bare))
            print_report(n_lines, results, notes, {})
            return
        spread_states(env)
        cr.commit()

        # consolidate: action_compute vs one GROUP BY
        cons = env["hc.consolidation"].create(
            {
                "name": "Bench",
                "period_type": "dates",
                "date_from": "2024-03-20",
                "date_to": "2026-03-20",
                "company_id": units[0].id,
                "unit_company_ids": [Command.set(units.ids)],
            }
        )
        cr.commit()
        t_cons, m_cons, _ = timed(cons.action_compute)
        cr.commit()

        def raw_group():
            cr.execute(
                SQL(
                    """
                    SELECT c.company_id, l.category_id, COUNT(DISTINCT c.id),
                           COUNT(l.id), SUM(l.value)
                      FROM hc_contribution c
                      JOIN hc_contribution_line l ON l.contribution_id = c.id
                     WHERE c.company_id = ANY(%s) AND c.state IN ('approved', 'posted')
                       AND c.date BETWEEN '2024-03-20' AND '2026-03-20'
                  GROUP BY 1, 2
                    """,
                    units.ids,
                )
            )
            return cr.fetchall()

        t_group, _m, _ = timed(raw_group)
        results.append(
            ("consolidate", cons.contribution_line_count, t_cons, m_cons, t_group)
        )

        # export: the Ministry workbook vs plain xlsxwriter on the same rows
        report = env["ir.actions.report"]
        t_exp, m_exp, (content, _ext) = timed(
            lambda: report._render_xlsx(
                "health_charity_reports.ministry_valuation_xlsx", cons.ids, data={}
            )
        )

        def raw_xlsx():
            buf = io.BytesIO()
            wb = xlsxwriter.Workbook(buf, {"constant_memory": True})
            ws = wb.add_worksheet("Lines")
            num = wb.add_format({"num_format": "#,##0"})
            query = env[
                "report.health_charity_reports.ministry_valuation_xlsx"
            ]._get_detail_query(cons._get_candidate_where())
            with cr._cnx.cursor(name="bench_raw") as ncr:
                ncr.itersize = 5000
                ncr.execute(query.code, query.params)
                row = 0
                while True:
                    rows = ncr.fetchmany(5000)
                    if not rows:
                        break
                    for rec in rows:
                        row += 1
                        for col, value in enumerate(rec):
                            if isinstance(value, int | float):
                                ws.write_number(row, col, value, num)
                            elif isinstance(value, datetime.date):
                                ws.write_string(row, col, value.isoformat())
                            elif value is not None:
                                ws.write_string(row, col, str(value))
            wb.close()
            return buf.getvalue()

        t_rawx, m_rawx, _ = timed(raw_xlsx)
        results.append(("export", cons.contribution_line_count, t_exp, m_exp, t_rawx))
        export_peak = m_exp

        # list: the contributions list (80 rows + count)
        Contribution = env["hc.contribution"]

        # what the web client asks when the list opens: the list view's
        # fields, 80 rows, and a count capped at 10,000 (its count_limit)
        spec = {
            "name": {},
            "date": {},
            "donor_id": {"fields": {"display_name": {}}},
            "company_id": {"fields": {"display_name": {}}},
            "amount_total": {},
            "currency_id": {"fields": {}},
            "state": {},
        }

        def orm_list():
            env.invalidate_all()
            return Contribution.web_search_read(
                [], spec, limit=80, order="date desc, id desc", count_limit=10001
            )

        def raw_list():
            cr.execute(
                """SELECT c.id, c.name, c.date, c.donor_id, p.name, c.company_id,
                          co.name, c.amount_total, c.currency_id, c.state
                     FROM hc_contribution c
                     JOIN res_partner p ON p.id = c.donor_id
                     JOIN res_company co ON co.id = c.company_id
                 ORDER BY c.date DESC, c.id DESC LIMIT 80"""
            )
            rows = cr.fetchall()
            cr.execute(
                "SELECT COUNT(*) FROM (SELECT 1 FROM hc_contribution LIMIT 10001) t"
            )
            return rows, cr.fetchone()

        orm_list()  # warm caches, as a user's second click
        t_list, m_list, _ = timed(orm_list)
        t_rawl, _m, _ = timed(raw_list)
        results.append(("list", 80, t_list, m_list, t_rawl))

        Partner = env["res.partner"]

        def orm_donors():
            env.invalidate_all()
            return Partner.search_read(
                [("hc_is_donor", "=", True)],
                [
                    "name",
                    "hc_donor_type",
                    "hc_contribution_total_all",
                    "hc_recognition_level_id",
                ],
                limit=80,
                order="hc_contribution_total_all desc",
            )

        def raw_donors():
            cr.execute(
                """SELECT p.id, p.name, p.hc_donor_type, p.hc_contribution_total_all,
                          l.id, l.name
                     FROM res_partner p
                LEFT JOIN hc_recognition_level l ON l.id = p.hc_recognition_level_id
                    WHERE p.hc_is_donor
                 ORDER BY p.hc_contribution_total_all DESC LIMIT 80"""
            )
            return cr.fetchall()

        orm_donors()
        t_don, m_don, _ = timed(orm_donors)
        t_rawd, _m, _ = timed(raw_donors)
        results.append(("donor", 80, t_don, m_don, t_rawd))
        cr.rollback()

        # import: an XLSX of the lines through base_import (what the dialog
        # calls), against COPY of the same rows; both rolled back
        subset, count = [], 0
        for c in data:
            if args.import_lines and count >= args.import_lines:
                break
            subset.append(c)
            count += len(c["lines"])
        content = build_import_xlsx(env, subset)
        cr.commit()
        t_imp, m_imp, _ = timed(lambda: import_dialog(env, content))
        cr.rollback()
        t_rawi, _m, _ = timed(lambda: load_raw(cr, subset))
        cr.rollback()
        results.append(("import", count, t_imp, m_imp, t_rawi))

        national_results, national_note = national_step(cr, env, args.lines)
        results += national_results

    notes.append(_bare_note(results[0][2], t_bare))
    notes.append(national_note)
    print_report(n_lines, results, notes, {"export_peak_mb": export_peak})


def _bare_note(t_orm, t_bare):
    return (
        f"load vs COPY into index-less temp tables (parsing only, for reference): "
        f"{t_bare:.3f} s, {t_orm / t_bare:.1f}x"
    )


BENCH_KEYS = {
    "load": "load_x",
    "consolidate": "consolidate_x",
    "export": "export_x",
    "list": "list_x",
    "donor": "donor_x",
    "import": "import_x",
    "nat_ingest": "national_ingest_x",
    "nat_rollup": "national_rollup_x",
    "nat_roll_orm": "national_rollup_orm_x",
}


def print_report(n_lines, results, notes, extra):
    print()
    print(f"Health Charity benchmark: {n_lines} contribution lines")
    print(
        f"{'step':<12}{'rows':>10}{'ours (s)':>11}{'rows/s':>12}"
        f"{'peak MB':>9}{'raw (s)':>10}{'ratio':>8}"
    )
    ratios = {}
    for step, rows, ours, mem, raw in results:
        ratio = ours / raw if raw else float("inf")
        ratios[BENCH_KEYS[step]] = ratio
        print(
            f"{step:<12}{rows:>10}{ours:>11.3f}{rows / ours if ours else 0:>12.0f}"
            f"{mem:>9.1f}{raw:>10.3f}{ratio:>8.2f}"
        )
    for note in notes:
        print(note)
    print(
        f"bench: lines={n_lines} "
        + " ".join(f"{key}={value:.2f}" for key, value in ratios.items())
        + "".join(f" {key}={value:.1f}" for key, value in extra.items())
    )


if __name__ == "__main__":
    main()
