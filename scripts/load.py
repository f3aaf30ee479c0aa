"""Bounded load test: N JSON-RPC clients create, submit and approve
contributions while others read lists and the analysis, then every created
record is checked (nothing lost, right totals)."""

import argparse
import random
import statistics
import threading
import time

import requests


class Client:
    def __init__(self, url, db, login, password):
        self.url, self.db, self.password = url, db, password
        self.session = requests.Session()
        self.uid = self._call("common", "login", db, login, password)

    def _call(self, service, method, *args):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"service": service, "method": method, "args": args},
            "id": 1,
        }
        res = self.session.post(f"{self.url}/jsonrpc", json=payload, timeout=60).json()
        if "error" in res:
            raise RuntimeError(res["error"]["data"].get("message"))
        return res.get("result")

    def call(self, model, method, *args, **kw):
        return self._call(
            "object", "execute_kw", self.db, self.uid, self.password, model, method,
            list(args), kw,
        )  # fmt: skip


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()

    admin = Client(args.url, args.db, "admin", "admin")
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
    lock = threading.Lock()
    deadline = time.time() + args.seconds

    def timed(fn):
        start = time.perf_counter()
        try:
            return fn()
        except Exception as e:  # noqa: BLE001 - counted and reported
            with lock:
                errors.append(str(e)[:200])
        finally:
            with lock:
                latencies.append(time.perf_counter() - start)

    def writer(idx):
        staff = Client(args.url, args.db, "hc_staff", "hc_staff")
        approver = Client(args.url, args.db, "hc_approver", "hc_approver")
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
        staff = Client(args.url, args.db, "hc_staff", "hc_staff")
        fields = ["name", "date", "donor_id", "company_id", "amount_total", "state"]
        while time.time() < deadline:
            timed(
                lambda: staff.call(
                    "hc.contribution", "search_read", [], fields=fields, limit=80
                )
            )
            timed(lambda: staff.call("hc.contribution", "search_count", []))
            timed(
                lambda: staff.call(
                    "hc.contribution.report", "read_group", [],
                    ["value:sum"], ["company_id", "category_id"], lazy=False,
                )
            )  # fmt: skip

    threads = [
        threading.Thread(target=writer if i % 2 == 0 else reader, args=(i,))
        for i in range(args.clients)
    ]
    start = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.time() - start

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
        f"clients={args.clients} seconds={elapsed:.0f} requests={len(lat)} "
        f"rps={len(lat) / elapsed:.1f} p50_ms={p50 * 1000:.0f} "
        f"p95_ms={p95 * 1000:.0f} errors={len(errors)} created={len(ids)} "
        f"lost={len(lost)} wrong_totals={len(wrong)} unexpected_state={len(pending)}"
    )
    for e in errors[:5]:
        print("error:", e)
    raise SystemExit(1 if errors or lost or wrong else 0)


if __name__ == "__main__":
    main()
