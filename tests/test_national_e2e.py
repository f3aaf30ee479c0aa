"""National roll-up across two databases on one PostgreSQL: a university's
database sends its approved consolidation to the Ministry's database over
Odoo's external JSON-RPC API, as production does between two servers.

Both databases are copies of the test database (`createdb -T`), served by
one Odoo server (a database filter that lets both through). The university
uses its demo data (the approved consolidation of 1403); the Ministry gets a
user bound to the university, with an API key, and the university's record
with its signing key.
"""

import base64
import json
import os
import shutil
import subprocess
import time
import uuid
from configparser import ConfigParser
from pathlib import Path

import pytest
import requests
from conftest import ROOT, JsonRpc, RpcError, _free_port

SIGNING_KEY = "e2e-signing-key-" + uuid.uuid4().hex
CODE = "HUMS"


def _data_dir(conf):
    parser = ConfigParser()
    parser.read(conf)
    return Path(parser.get("options", "data_dir"))


def _copy_db(template, name, conf):
    subprocess.run(["dropdb", "--if-exists", name], check=True)
    done = subprocess.run(
        ["createdb", "-T", template, name], capture_output=True, text=True
    )
    if done.returncode:
        pytest.fail(f"createdb -T {template} {name}: {done.stderr}")
    store = _data_dir(conf) / "filestore"
    if (store / template).is_dir():
        shutil.copytree(store / template, store / name, dirs_exist_ok=True)


def _drop_db(name, conf):
    subprocess.run(["dropdb", "--if-exists", name], check=False)
    shutil.rmtree(_data_dir(conf) / "filestore" / name, ignore_errors=True)


def _api_key(conf, db, login):
    """An API key of the Ministry's bound user (keys are made in the
    preferences, behind a password check: here through `odoo shell`)."""
    script = (
        f"user = env['res.users'].search([('login', '=', {login!r})])\n"
        "key = env['res.users.apikeys'].with_user(user).sudo()._generate("
        "'rpc', 'university', None)\n"
        "env.cr.commit()\n"
        "print('APIKEY=' + key)\n"
    )
    done = subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "odoo"),
            "shell",
            "-c",
            conf,
            "-d",
            db,
            "--no-http",
            "--log-level=warn",
        ],
        input=script,
        capture_output=True,
        text=True,
        timeout=300,
    )
    for line in done.stdout.splitlines():
        if line.startswith("APIKEY="):
            return line[len("APIKEY=") :]
    pytest.fail(f"no API key made: {done.stdout[-2000:]} {done.stderr[-2000:]}")


def _ref(rpc, xmlid):
    module, name = xmlid.split(".")
    rows = rpc.call(
        "ir.model.data",
        "search_read",
        [("module", "=", module), ("name", "=", name)],
        fields=["res_id"],
    )
    assert rows, f"missing {xmlid}"
    return rows[0]["res_id"]


@pytest.fixture(scope="module")
def national():
    db = os.environ.get("HC_TEST_DB")
    conf = os.environ.get("HC_TEST_CONF")
    if not db or not conf:
        pytest.skip("HC_TEST_DB / HC_TEST_CONF not set (run through `make test`)")
    univ_db, min_db = f"{db}_univ", f"{db}_min"
    _copy_db(db, univ_db, conf)
    _copy_db(db, min_db, conf)
    port = _free_port()
    log = open(ROOT / "var" / "e2e-national-server.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "odoo"),
            "-c",
            conf,
            f"--db-filter=^({univ_db}|{min_db})$",
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
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"Odoo exited early, see {log.name}")
            try:
                requests.post(
                    f"{url}/jsonrpc",
                    json={
                        "jsonrpc": "2.0",
                        "method": "call",
                        "params": {"service": "common", "method": "version"},
                    },
                    timeout=5,
                )
                break
            except requests.RequestException:
                time.sleep(1)
        else:
            pytest.fail("Odoo did not answer within 120 s")
        # the Ministry: a user bound to the university, its API key
        m_admin = JsonRpc(url, min_db, "admin", "admin")
        bot = m_admin.call(
            "res.users",
            "create",
            {"name": "HUMS sender", "login": "hums_sender", "password": "hums_pw"},
        )
        m_admin.call(
            "res.users",
            "create",
            {
                "name": "Ministry analyst",
                "login": "ministry_analyst",
                "password": "ministry_analyst_pw",
                "groups_id": [
                    (4, _ref(m_admin, "health_charity_reports.group_hc_national"))
                ],
            },
        )
        university = m_admin.call(
            "hc.national.university",
            "create",
            {
                "name": "Hamedan University of Medical Sciences",
                "code": CODE,
                "signing_key": SIGNING_KEY,
                "user_id": bot,
            },
        )
        api_key = _api_key(conf, min_db, "hums_sender")
        # the university: a company, its finance, manager and staff users,
        # an approved gift and the approved consolidation of 1404 Q1
        u_admin = JsonRpc(url, univ_db, "admin", "admin")
        company = u_admin.call("res.company", "create", {"name": "E2E University"})
        groups = {
            g: _ref(u_admin, f"health_charity.group_hc_{g}")
            for g in ("user", "finance", "manager")
        }
        users = {}
        for role in ("staff", "finance", "manager"):
            u_admin.call(
                "res.users",
                "create",
                {
                    "name": f"E2E {role}",
                    "login": f"e2e_nat_{role}",
                    "email": f"e2e_nat_{role}@example.com",
                    "password": f"e2e_nat_{role}_pw",
                    "company_id": company,
                    "company_ids": [(6, 0, [company])],
                    "groups_id": [
                        (6, 0, [groups["user" if role == "staff" else role]])
                    ],
                },
            )
            users[role] = JsonRpc(url, univ_db, f"e2e_nat_{role}", f"e2e_nat_{role}_pw")
        ctx = {"context": {"allowed_company_ids": [company]}}
        donor = users["staff"].call(
            "res.partner",
            "create",
            {
                "name": "E2E national donor",
                "hc_is_donor": True,
                "hc_donor_type": "company",
            },
        )
        cash = _ref(u_admin, "health_charity.category_cash")
        _approved_gift(users["staff"], company, donor, cash, "2025-04-10", 10_000_000)
        consolidation = users["finance"].call(
            "hc.consolidation",
            "create",
            {
                "period_type": "jalali",
                "jalali_year": 1404,
                "jalali_quarter": "1",
                "company_id": company,
                "unit_company_ids": [(6, 0, [company])],
            },
            **ctx,
        )
        _approve(users, consolidation)
        u_admin.call(
            "res.company",
            "write",
            [company],
            {
                "hc_ministry_url": url,
                "hc_ministry_db": min_db,
                "hc_ministry_login": "hums_sender",
                "hc_ministry_api_key": api_key,
                "hc_ministry_university_code": CODE,
                "hc_ministry_signing_key": SIGNING_KEY,
            },
        )
        yield {
            "url": url,
            "company": company,
            "donor": donor,
            "cash": cash,
            "u_admin": u_admin,
            "m_admin": m_admin,
            **users,
            "sender": JsonRpc(url, min_db, "hums_sender", api_key),
            "analyst": JsonRpc(url, min_db, "ministry_analyst", "ministry_analyst_pw"),
            "university": university,
            "consolidation": consolidation,
            "cron": _ref(
                u_admin, "health_charity_reports.ir_cron_hc_consolidation_job"
            ),
        }
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        _drop_db(univ_db, conf)
        _drop_db(min_db, conf)


def _approved_gift(staff, company, donor, category, date, value):
    ctx = {"context": {"allowed_company_ids": [company]}}
    gift = staff.call(
        "hc.contribution",
        "create",
        {
            "donor_id": donor,
            "company_id": company,
            "date": date,
            "line_ids": [
                (
                    0,
                    0,
                    {
                        "category_id": category,
                        "name": "Cash gift",
                        "quantity": 1,
                        "unit_value": value,
                        "valuation_basis": "cash",
                    },
                )
            ],
        },
        **ctx,
    )
    staff.call("hc.contribution", "action_submit", [gift], **ctx)
    state = staff.call("hc.contribution", "read", [gift], ["state"], **ctx)[0]
    assert state["state"] == "approved"
    return gift


def _approve(users, consolidation):
    """Compute and submit (finance), approve (the manager, another finance
    user: nobody approves their own request)."""
    for method in ("action_compute", "action_submit"):
        users["finance"].call("hc.consolidation", method, [consolidation])
    users["manager"].call("hc.consolidation", "validate_tier", [consolidation])


def _send(n):
    """The finance user's button, then the scheduled action run once (as
    the scheduler would)."""
    n["finance"].call(
        "hc.consolidation", "action_send_to_ministry", [n["consolidation"]]
    )
    n["u_admin"].call("ir.cron", "method_direct_trigger", [n["cron"]])
    return n["finance"].call(
        "hc.consolidation",
        "read",
        [n["consolidation"]],
        ["ministry_state", "ministry_version", "ministry_error", "ministry_answer"],
    )[0]


def _submissions(n):
    return n["analyst"].call(
        "hc.national.submission",
        "search_read",
        [("university_id", "=", n["university"])],
        fields=["version", "state", "amount_total", "signature", "refusal_reason"],
        order="version",
    )


def test_send_receive_resend_tamper_supersede(national):
    n = national
    cons = n["finance"].call(
        "hc.consolidation",
        "read",
        [n["consolidation"]],
        ["state", "amount_total", "ministry_state"],
    )[0]
    assert cons["state"] == "approved"
    assert cons["ministry_state"] == "not_sent"

    # a university sends, the Ministry receives and accepts
    status = _send(n)
    assert status["ministry_state"] == "accepted", status
    assert status["ministry_version"] == 1
    (v1,) = _submissions(n)
    assert v1["state"] == "accepted"
    assert v1["amount_total"] == cons["amount_total"]
    lines = n["analyst"].call(
        "hc.national.submission.line",
        "search_read",
        [("university_id", "=", n["university"])],
        fields=["value"],
    )
    assert round(sum(r["value"] for r in lines), 2) == cons["amount_total"]

    # sending again is harmless: same version, one submission
    status = _send(n)
    assert status["ministry_state"] == "accepted"
    assert status["ministry_version"] == 1
    assert len(_submissions(n)) == 1

    # a tampered package is refused, nothing stored
    attachment = n["m_admin"].call(
        "hc.national.submission", "read", [v1["id"]], ["package_attachment_id"]
    )[0]["package_attachment_id"][0]
    raw = n["m_admin"].call("ir.attachment", "read", [attachment], ["datas"])[0][
        "datas"
    ]
    package = json.loads(base64.b64decode(raw))
    package["details"][0]["value"] += 1_000_000
    package["amount_total"] += 1_000_000
    answer = n["sender"].call(
        "hc.national.submission", "hc_receive", package, v1["signature"]
    )
    assert answer["state"] == "refused"
    assert "signature" in answer["message"]
    assert len(_submissions(n)) == 1
    # only the bound user delivers
    with pytest.raises(RpcError) as refused:
        n["analyst"].call(
            "hc.national.submission", "hc_receive", package, v1["signature"]
        )
    assert "AccessError" in refused.value.name

    # the consolidation is reopened, a late gift approved, approved again:
    # it goes as version 2, which supersedes version 1
    n["finance"].call("hc.consolidation", "action_reopen", [n["consolidation"]])
    request = n["manager"].call(
        "hc.consolidation.reopening",
        "search",
        [("consolidation_id", "=", n["consolidation"]), ("state", "=", "submitted")],
    )
    n["manager"].call("hc.consolidation.reopening", "validate_tier", request)
    _approved_gift(
        n["staff"], n["company"], n["donor"], n["cash"], "2025-05-01", 7_000_000
    )
    _approve(n, n["consolidation"])
    status = _send(n)
    assert status["ministry_state"] == "accepted", status
    assert status["ministry_version"] == 2
    v1_after, v2 = _submissions(n)
    assert v1_after["state"] == "superseded"
    assert v2["state"] == "accepted"
    assert v2["amount_total"] == v1["amount_total"] + 7_000_000
