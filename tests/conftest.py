"""End-to-end fixtures: a real Odoo server on a free port, driven over
JSON-RPC and XML-RPC as an integration client would.

`make test` sets HC_TEST_DB (a database with both addons installed) and
HC_TEST_CONF (the Odoo configuration); without them these tests are skipped.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def odoo_server():
    db = os.environ.get("HC_TEST_DB")
    conf = os.environ.get("HC_TEST_CONF")
    if not db or not conf:
        pytest.skip("HC_TEST_DB / HC_TEST_CONF not set (run through `make test`)")
    port = _free_port()
    log = open(ROOT / "var" / "e2e-server.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "odoo"),
            "-c",
            conf,
            "-d",
            db,
            f"--db-filter=^{db}$",
            "--http-port",
            str(port),
            "--http-interface",
            "127.0.0.1",
            "--max-cron-threads=0",
            "--log-level=warn",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"Odoo exited early, see {log.name}")
        try:
            if requests.get(f"{url}/web/login", timeout=5).status_code == 200:
                break
        except requests.RequestException:
            pass
        time.sleep(1)
    else:
        proc.kill()
        pytest.fail("Odoo did not answer on /web/login within 120 s")
    yield {"url": url, "db": db}
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


class JsonRpc:
    """Minimal JSON-RPC client (the /jsonrpc endpoint of Odoo)."""

    def __init__(self, url, db, login, password):
        self.url, self.db, self.password = url, db, password
        self.uid = self._call("common", "login", db, login, password)
        if not self.uid:
            raise PermissionError(f"login refused for {login}")

    def _call(self, service, method, *args):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"service": service, "method": method, "args": args},
            "id": 1,
        }
        res = requests.post(f"{self.url}/jsonrpc", json=payload, timeout=120).json()
        if "error" in res:
            raise RpcError(res["error"])
        return res.get("result")

    def call(self, model, method, *args, **kwargs):
        return self._call(
            "object",
            "execute_kw",
            self.db,
            self.uid,
            self.password,
            model,
            method,
            list(args),
            kwargs,
        )


class RpcError(Exception):
    def __init__(self, error):
        data = error.get("data", {})
        self.name = data.get("name", "")
        self.message = data.get("message", error.get("message", ""))
        super().__init__(f"{self.name}: {self.message}")


@pytest.fixture(scope="session")
def admin(odoo_server):
    return JsonRpc(odoo_server["url"], odoo_server["db"], "admin", "admin")


@pytest.fixture(scope="session")
def rpc_factory(odoo_server):
    def make(login, password):
        return JsonRpc(odoo_server["url"], odoo_server["db"], login, password)

    return make


sys.path.insert(0, str(Path(__file__).parent))
