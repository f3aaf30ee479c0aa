"""Bounded load test: N clients create, submit and approve contributions
while others read lists and the analysis, then every created record is
checked (nothing lost, right totals).

Clients talk to Odoo as the web client does (a session, then
``/web/dataset/call_kw`` and ``call_button``): that route is read-only for
methods marked ``@api.readonly`` (``web_search_read``, ``web_read_group``...),
so with ``db_replica_host`` set Odoo serves them from the replica. The
external API (``--api jsonrpc``, ``/jsonrpc``) always runs on the primary in
Odoo 18 (``odoo/service/model.py``: "could be conditionally readonly").

With ``--replica-dsn`` (and ``--primary-dsn``) the transactions each
PostgreSQL server ran on the database during the run are read from
``pg_stat_database`` before and after (xact_commit + xact_rollback): what
the replica served is measured on the replica itself. With ``--access-log``
(the proxy's log, upstream address per request) the requests each Odoo node
served are counted.
"""

import argparse
import os
import random
import statistics
import threading
import time

import psycopg2
import requests


class Client:
    """One user: a web session (the web client's routes) or the external
    JSON-RPC API."""

    def __init__(self, url, db, login, password, api="web"):
        self.url, self.db, self.password, self.api = url, db, password, api
        self.session = requests.Session()
        if api == "web":
            self.uid = self._post(
                "/web/session/authenticate",
                {"db": db, "login": login, "password": password},
            )["uid"]
        else:
            self.uid = self._rpc("common", "login", db, login, password)

    def _post(self, path, params):
        payload = {"jsonrpc": "2.0", "method": "call", "params": params, "id": 1}
        res = self.session.post(f"{self.url}{path}", json=payload, timeout=120).json()
        if "error" in res:
            raise RuntimeError(res["error"]["data"].get("message"))
        return res.get("result")

    def _rpc(self, service, method, *args):
        return self._post(
            "/jsonrpc", {"service": service, "method": method, "args": args}
        )

    def call(self, model, method, *args, **kw):
        if self.api == "web":
            button = method.startswith(("action_", "validate_"))
            route = "call_button" if button else "call_kw"
            return self._post(
                f"/web/dataset/{route}/{model}/{method}",
                {"model": model, "method": method, "args": list(args), "kwargs": kw},
            )
        return self._rpc(
            "object", "execute_kw", self.db, self.uid, self.password, model, method,
            list(args), kw,
        )  # fmt: skip


def db_activity(dsn, db):
    """What the server of ``dsn`` ran on ``db`` so far, read on that server
    (through its ``postgres`` database, so that reading does not count):

    - with ``pg_stat_statements`` (make cluster loads it): ``requests``, the
      transactions Odoo opened (its ``BEGIN ISOLATION LEVEL ...``: one per
      request on the replica), and ``queries``, the other statements;
    - otherwise ``pg_stat_database``'s transactions (each statement outside
      a transaction counts too, e.g. the ``DISCARD ALL`` of a pooled
      connection).
    """
    cnx = psycopg2.connect(dsn, dbname="postgres")
    try:
        cnx.autocommit = True
        with cnx.cursor() as cr:
            cr.execute(
                "SELECT pg_is_in_recovery(), xact_commit + xact_rollback,"
                " tup_returned + tup_fetched FROM pg_stat_database WHERE datname = %s",
                [db],
            )
            standby, xacts, tuples = cr.fetchone()
            activity = {"standby": standby, "xacts": xacts, "tuples": tuples}
            cr.execute(
                "SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'"
            )
            if cr.fetchone():
                cr.execute(
                    """
                    SELECT COALESCE(SUM(s.calls) FILTER (
                               WHERE s.query ILIKE 'BEGIN ISOLATION%%'), 0),
                           COALESCE(SUM(s.calls) FILTER (
                               WHERE s.query ILIKE 'BEGIN ISOLATION%%READ ONLY'), 0),
                           COALESCE(SUM(s.calls) FILTER (WHERE NOT s.query ILIKE ANY (
                               ARRAY['BEGIN%%', 'COMMIT%%', 'ROLLBACK%%', 'DISCARD%%',
                                     'SAVEPOINT%%', 'RELEASE%%'])), 0),
                           COALESCE(SUM(s.rows) FILTER (
                               WHERE s.query ILIKE 'SELECT%%'), 0)
                      FROM pg_stat_statements s
                      JOIN pg_database d ON d.oid = s.dbid
                     WHERE d.datname = %s
                    """,
                    [db],
                )
                requests, ro, queries, rows = cr.fetchone()
                activity.update(
                    requests=int(requests), readonly=int(ro), queries=int(queries),
                    rows=int(rows),
                )  # fmt: skip
            return activity
    finally:
        cnx.close()


def node_counts(path, offset):
    """Requests per upstream in the proxy's access log after ``offset``."""
    counts = {}
    with open(path, encoding="utf-8", errors="replace") as log:
        log.seek(offset)
        for line in log:
            upstream = line.split()[-2]
            counts[upstream] = counts.get(upstream, 0) + 1
    return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--api", choices=("web", "jsonrpc"), default="web")
    parser.add_argument(
        "--writers", type=int, help="clients that write (default: half of them)"
    )
    parser.add_argument("--primary-dsn", help="libpq DSN of the primary server")
    parser.add_argument("--replica-dsn", help="libpq DSN of the replica server")
    parser.add_argument("--access-log", help="the proxy's access log")
    args = parser.parse_args()

    def client(login):
        return Client(args.url, args.db, login, login, api=args.api)

    admin = Client(args.url, args.db, "admin", "admin", api=args.api)
    university = admin.call(
        "ir.model.data", "search_read",
        [("module", "=", "health_charity"), ("name", "=", "res_company_university")],
        fields=["res_id"],
    )[0]["res_id"]  # fmt: skip
    cash = admin.call(
        "ir.model.data", "search_read",
        [("module", "=", "health_charity"), ("name", "=", "category_cash")],
        fields=["res_id"],
    )[0]["res_id"]  # fmt: skip
    donors = admin.call("res.partner", "search", [("hc_is_donor", "=", True)])
    latencies, errors, created = [], [], []
    reads = [0]
    lock = threading.Lock()

    def timed(fn, read=False):
        start = time.perf_counter()
        try:
            return fn()
        except Exception as e:  # noqa: BLE001 - counted and reported
            with lock:
                errors.append(str(e)[:200])
        finally:
            with lock:
                latencies.append(time.perf_counter() - start)
                reads[0] += read

    def writer(idx):
        staff = client("hc_staff")
        approver = client("hc_approver")
        rnd = random.Random(idx)
        ctx = {"allowed_company_ids": [university]}
        while time.time() < deadline:
            value = rnd.choice([5_000_000, 80_000_000, 1_500_000_000])
            gid = timed(
                lambda v=value: staff.call(
                    "hc.contribution", "create",
                    {
                        "donor_id": rnd.choice(donors),
                        "company_id": university,
                        "line_ids": [(0, 0, {
                            "category_id": cash, "name": "Load test",
                            "quantity": 1, "unit_value": v, "valuation_basis": "cash",
                        })],
                    },
                    context=ctx,
                )
            )  # fmt: skip
            if not gid:
                continue
            with lock:
                created.append((gid, value))
            timed(lambda g=gid: staff.call("hc.contribution", "action_submit", [g]))
            if value >= 1_000_000_000:
                timed(
                    lambda g=gid: approver.call("hc.contribution", "validate_tier", [g])
                )

    def reader(idx):
        staff = client("hc_staff")
        # what the web client asks when the list and the analysis open
        spec = {
            "name": {},
            "date": {},
            "donor_id": {"fields": {"display_name": {}}},
            "company_id": {"fields": {"display_name": {}}},
            "amount_total": {},
            "currency_id": {"fields": {}},
            "state": {},
        }
        while time.time() < deadline:
            timed(
                lambda: staff.call(
                    "hc.contribution", "web_search_read", [], spec,
                    limit=80, count_limit=10001,
                ),
                read=True,
            )  # fmt: skip
            timed(lambda: staff.call("hc.contribution", "search_count", []), read=True)
            timed(
                lambda: staff.call(
                    "hc.contribution.report", "web_read_group", [],
                    ["value:sum"], ["company_id", "category_id"], lazy=False,
                ),
                read=True,
            )  # fmt: skip

    servers = {
        name: dsn
        for name, dsn in (("primary", args.primary_dsn), ("replica", args.replica_dsn))
        if dsn
    }
    before = {name: db_activity(dsn, args.db) for name, dsn in servers.items()}
    log_offset = os.path.getsize(args.access_log) if args.access_log else 0
    writers = args.clients // 2 if args.writers is None else args.writers
    threads = [
        threading.Thread(target=writer if i < writers else reader, args=(i,))
        for i in range(args.clients)
    ]
    deadline = time.time() + args.seconds
    start = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - start
    if servers:
        # a backend reports its pg_stat_database counters when it goes idle,
        # at most every 10 s (PostgreSQL 15's PGSTAT_IDLE_INTERVAL)
        time.sleep(12)
    after = {name: db_activity(dsn, args.db) for name, dsn in servers.items()}

    # nothing lost: every created gift exists with its total and a final state
    ids = [gid for gid, _v in created]
    rows = {
        r["id"]: r
        for r in admin.call(
            "hc.contribution", "read", ids, ["amount_total", "state"],
            context={"allowed_company_ids": [university]},
        )
    }  # fmt: skip
    lost = [gid for gid in ids if gid not in rows]
    wrong = [
        gid for gid, v in created if gid in rows and rows[gid]["amount_total"] != v
    ]
    pending = [
        gid for gid in rows if rows[gid]["state"] not in ("approved", "submitted")
    ]
    lat = sorted(latencies)
    p50 = statistics.median(lat) if lat else 0
    p95 = lat[int(len(lat) * 0.95) - 1] if lat else 0
    print(
        f"clients={args.clients} writers={writers} api={args.api} "
        f"seconds={elapsed:.0f} "
        f"requests={len(lat)} read_requests={reads[0]} "
        f"rps={len(lat) / elapsed:.1f} p50_ms={p50 * 1000:.0f} "
        f"p95_ms={p95 * 1000:.0f} errors={len(errors)} created={len(ids)} "
        f"lost={len(lost)} wrong_totals={len(wrong)} unexpected_state={len(pending)}"
    )
    deltas = {
        name: {k: v - before[name][k] for k, v in after[name].items() if k != "standby"}
        for name in servers
    }
    for name, delta in deltas.items():
        if after[name]["standby"] != (name == "replica"):
            print(f"warning: the {name} DSN points to a server whose standby "
                  f"status is {after[name]['standby']}")  # fmt: skip
        line = (
            f"{name}: pg_stat_database transactions={delta['xacts']} "
            f"rows={delta['tuples']}"
        )
        if "requests" in delta:
            line += (
                f"; pg_stat_statements transactions={delta['requests']} "
                f"(read-only {delta['readonly']}) queries={delta['queries']} "
                f"rows_selected={delta['rows']}"
            )
        print(line + f" (database {args.db}, during the run)")
    if "replica" in deltas:
        replica = deltas["replica"]
        served = replica.get("requests", replica["xacts"])
        queries = replica.get("queries", 0)
        all_queries = sum(delta.get("queries", 0) for delta in deltas.values())
        print(
            f"replica_served={served} read-only transactions for "
            f"read_requests={reads[0]} sent (a login and a session's first read "
            f"add one each); replica_queries={queries} of {all_queries} "
            f"({100 * queries / max(all_queries, 1):.0f}%)"
        )
    if args.access_log:
        counts = node_counts(args.access_log, log_offset)
        print(
            "per node (proxy log): "
            + ", ".join(f"{node}={n}" for node, n in sorted(counts.items()))
        )
    for e in errors[:5]:
        print("error:", e)
    raise SystemExit(1 if errors or lost or wrong else 0)


if __name__ == "__main__":
    main()
