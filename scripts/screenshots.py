#!/usr/bin/env python3
"""Retake the README screenshots (docs/screenshots/*.png) from a demo database.

    .venv/bin/python scripts/screenshots.py --url http://127.0.0.1:8175 --db hcshots

The database must hold the demo data of health_charity and health_charity_reports
and a server must be serving it at --url. Each screen is opened in headless
Chromium (DevTools protocol over websocket-client) as the demo user named below,
at 1440x900, and captured only once the view has rendered its real content
(rows, form sheet or dashboard charts) and no request is pending.
Every demo user works in Persian, so every screen is the Persian RTL client.
certificate.png is a PDF print and is not retaken here.
"""

import argparse
import base64
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
import websocket

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
WIDTH, HEIGHT = 1440, 900

LIST_READY = "document.querySelectorAll('.o_list_view .o_data_row').length >= 1"
FORM_READY = (
    "!!document.querySelector('.o_form_view .o_form_sheet')"
    " && document.querySelectorAll('.o_form_view .o_field_x2many .o_data_row')"
    ".length >= 1"
)
GROUPED_READY = (
    "document.querySelectorAll('.o_list_view .o_group_header').length >= 2"
    " && document.querySelectorAll('.o_list_view .o_data_row').length >= 1"
)
DASHBOARD_READY = (
    "!!document.querySelector('.o_spreadsheet_dashboard_action .o-spreadsheet')"
    " && document.querySelectorAll('.o-figure canvas').length >= 2"
)
# expand the first group of a grouped list (Jalali months, most recent first)
OPEN_FIRST_GROUP = (
    "(() => { const h = document.querySelector('.o_list_view .o_group_header');"
    " if (h && !h.classList.contains('o_group_open')) { h.click(); } return true; })()"
)


def shots(posted_gift_id):
    """(file, login, path, ready expression, optional JS run before waiting)."""
    contributions = "/odoo/action-health_charity.hc_contribution_action"
    return [
        ("contributions-list.png", "hc_staff", contributions, LIST_READY, None),
        (
            "contribution-form.png",
            "hc_staff",
            f"{contributions}/{posted_gift_id}",
            FORM_READY,
            None,
        ),
        ("review-inbox.png", "hc_approver", "/odoo/hc-to-review", LIST_READY, None),
        (
            "consolidations.png",
            "hc_finance",
            "/odoo/action-health_charity_reports.hc_consolidation_action",
            LIST_READY,
            None,
        ),
        (
            "dashboard.png",
            "hc_manager",
            "/odoo/action-health_charity_reports.hc_dashboard_action_spreadsheet",
            DASHBOARD_READY,
            None,
        ),
        (
            "persian-rtl-contributions.png",
            "hc_fa",
            contributions,
            GROUPED_READY,
            # the same list grouped by Jalali month, first month opened
            "odoo.__WOWL_DEBUG__.root.env.services.action.doAction("
            "'health_charity.hc_contribution_action', {clearBreadcrumbs: true,"
            " additionalContext: {search_default_group_jalali_month: 1}})"
            ".then(() => new Promise(r => setTimeout(r, 1500)))"
            f".then(() => {OPEN_FIRST_GROUP})",
        ),
    ]


def authenticate(url, db, login):
    """A logged-in requests session (the password of every demo user is its login)."""
    session = requests.Session()
    resp = session.post(
        f"{url}/web/session/authenticate",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"db": db, "login": login, "password": login},
        },
        timeout=60,
    )
    resp.raise_for_status()
    body = resp.json()
    if body.get("error") or not body.get("result", {}).get("uid"):
        raise SystemExit(f"cannot log in as {login}: {body.get('error')}")
    return session, body["result"]


def call_kw(session, url, model, method, args, kwargs):
    resp = session.post(
        f"{url}/web/dataset/call_kw/{model}/{method}",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs,
            },
        },
        timeout=60,
    )
    resp.raise_for_status()
    body = resp.json()
    if body.get("error"):
        raise SystemExit(f"{model}.{method}: {body['error']}")
    return body["result"]


def posted_in_kind_gift(url, db):
    """The posted gift with in-kind value and the most lines (all units)."""
    session, info = authenticate(url, db, "hc_staff")
    companies = list(info["user_companies"]["allowed_companies"])
    gifts = call_kw(
        session,
        url,
        "hc.contribution",
        "search_read",
        [[("state", "=", "posted"), ("amount_in_kind", ">", 0)]],
        {
            "fields": ["line_ids"],
            "context": {"allowed_company_ids": [int(c) for c in companies]},
        },
    )
    if not gifts:
        raise SystemExit("no posted in-kind gift in the demo database")
    return max(gifts, key=lambda g: (len(g["line_ids"]), g["id"]))["id"]


class Chromium:
    """A headless Chromium driven through the DevTools protocol."""

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="hc-shots-")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.proc = subprocess.Popen(  # pylint: disable=consider-using-with
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                f"--window-size={WIDTH},{HEIGHT}",
                f"--remote-debugging-port={port}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        ws_url = None
        for _ in range(100):
            try:
                targets = requests.get(f"http://127.0.0.1:{port}/json/list", timeout=2)
                pages = [t for t in targets.json() if t.get("type") == "page"]
                if pages:
                    ws_url = pages[0]["webSocketDebuggerUrl"]
                    break
            except requests.RequestException:
                pass
            time.sleep(0.2)
        if not ws_url:
            self.close()
            raise SystemExit(f"{binary} did not start its DevTools endpoint")
        self.ws = websocket.create_connection(ws_url, timeout=120, suppress_origin=True)
        self.next_id = 0
        self.send("Page.enable")
        self.send("Network.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=WIDTH,
            height=HEIGHT,
            deviceScaleFactor=1,
            mobile=False,
        )

    def send(self, method, **params):
        self.next_id += 1
        self.ws.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def evaluate(self, expression, await_promise=False):
        result = self.send(
            "Runtime.evaluate",
            expression=expression,
            returnByValue=True,
            awaitPromise=await_promise,
        )
        if result.get("exceptionDetails"):
            raise RuntimeError(f"{expression[:60]}…: {result['exceptionDetails']}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression, timeout=60):
        """Poll until the expression is true, the fonts are loaded and no RPC runs."""
        full = (
            f"({expression}) && document.fonts.status === 'loaded'"
            " && !document.querySelector('.o_loading_indicator, .o_blockUI')"
        )
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(
                f"(() => {{ try {{ return !!({full}); }}"
                " catch (e) { return false; } })()"
            ):
                return
            time.sleep(0.3)
        raise SystemExit(f"timed out waiting for: {expression}")

    def login_as(self, url, cookies):
        self.send("Network.clearBrowserCookies")
        for name, value in cookies.items():
            self.send("Network.setCookie", name=name, value=value, url=url)

    def capture(self, path):
        data = self.send(
            "Page.captureScreenshot",
            format="png",
            clip={"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT, "scale": 1},
        )["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self):
        try:
            self.ws.close()
        except AttributeError:
            pass
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", required=True)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--only", nargs="*", help="file names to retake (default: all)")
    parser.add_argument(
        "--settle",
        type=float,
        default=1.5,
        help="seconds to wait once ready (animations)",
    )
    args = parser.parse_args()
    url = args.url.rstrip("/")

    gift_id = posted_in_kind_gift(url, args.db)
    browser = Chromium(args.chromium)
    try:
        for name, login, path, ready, script in shots(gift_id):
            if args.only and name not in args.only:
                continue
            session, info = authenticate(url, args.db, login)
            # every unit the user may use is selected in the company switcher
            user_companies = info["user_companies"]
            companies = [str(user_companies["current_company"])]
            companies += [
                str(c)
                for c in user_companies["allowed_companies"]
                if str(c) not in companies
            ]
            cookies = dict(session.cookies.items())
            cookies["cids"] = "-".join(companies)
            browser.login_as(url, cookies)
            browser.send("Page.navigate", url=f"{url}{path}")
            browser.wait_for(
                "!!document.querySelector('.o_action_manager .o_action')"
                if script
                else ready
            )
            if script:
                browser.evaluate(script, await_promise=True)
                browser.wait_for(ready)
            # close the toasts that may cover the view, move the pointer away
            browser.evaluate(
                "document.querySelectorAll('.o_notification_close')"
                ".forEach(b => b.click()); true"
            )
            time.sleep(args.settle if "dashboard" not in name else args.settle + 3)
            browser.wait_for(ready)
            target = OUT / name
            browser.capture(target)
            print(f"{target.relative_to(ROOT)}  ({login}, {path})")
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
