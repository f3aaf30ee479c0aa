"""Cross-addon end-to-end tests: a running server driven over JSON-RPC and
XML-RPC, the way the Ministry integrations and imports use it."""

import uuid
import xmlrpc.client

import pytest
import requests
from conftest import RpcError

CONTRACT_CATEGORIES = {
    "cash",
    "medical_equipment",
    "hospital_equipment",
    "food_package",
    "welfare_aid",
    "construction",
    "other",
}


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
def world(admin, rpc_factory):
    """A university with two hospital branches, role users, accounting."""
    tag = uuid.uuid4().hex[:6]
    university = admin.call("res.company", "create", {"name": f"E2E University {tag}"})
    hosp_a, hosp_b = (
        admin.call(
            "res.company",
            "create",
            {"name": f"E2E Hospital {x} {tag}", "parent_id": university},
        )
        for x in "AB"
    )
    units = [university, hosp_a, hosp_b]
    groups = {
        g: _ref(admin, f"health_charity.group_hc_{g}")
        for g in ("user", "approver", "finance", "valuation")
    }

    def user(login, group, companies, company):
        admin.call(
            "res.users",
            "create",
            {
                "name": login,
                "login": f"{login}_{tag}",
                "password": f"{login}_{tag}_pw",
                "company_id": company,
                "company_ids": [(6, 0, companies)],
                "groups_id": [(6, 0, [groups[group]])],
            },
        )
        return rpc_factory(f"{login}_{tag}", f"{login}_{tag}_pw")

    w = {
        "tag": tag,
        "university": university,
        "hosp_a": hosp_a,
        "hosp_b": hosp_b,
        "staff": user("e2e_staff", "user", units, university),
        "officer_a": user("e2e_officer_a", "user", [hosp_a], hosp_a),
        "officer_b": user("e2e_officer_b", "user", [hosp_b], hosp_b),
        "approver": user("e2e_approver", "approver", units, university),
        "finance": user("e2e_finance", "finance", units, university),
        "valuer": user("e2e_valuer", "valuation", units, university),
    }
    ctx = {"allowed_company_ids": [university]}
    accounts = {
        kind: admin.call(
            "account.account",
            "create",
            {"name": f"E2E {kind}", "code": f"E2E{i}{tag[:3]}", "account_type": kind},
            context=ctx,
        )
        for i, kind in enumerate(("asset_cash", "asset_current", "income_other"))
    }
    journal = admin.call(
        "account.journal",
        "create",
        {
            "name": f"E2E Contributions {tag}",
            "code": f"E{tag[:4]}",
            "type": "general",
            "company_id": university,
            "default_account_id": accounts["asset_cash"],
        },
        context=ctx,
    )
    admin.call(
        "res.company",
        "write",
        [university],
        {"hc_journal_id": journal, "hc_income_account_id": accounts["income_other"]},
    )
    medical = _ref(admin, "health_charity.category_medical_equipment")
    admin.call(
        "hc.contribution.category",
        "write",
        [medical],
        {"account_id": accounts["asset_current"]},
        context=ctx,
    )
    w["donor"] = w["staff"].call(
        "res.partner",
        "create",
        {"name": f"E2E Donor {tag}", "hc_is_donor": True, "hc_donor_type": "company"},
    )
    w["cash"] = _ref(admin, "health_charity.category_cash")
    w["medical"] = medical
    return w


def _gift(rpc, w, company, lines):
    return rpc.call(
        "hc.contribution",
        "create",
        {
            "donor_id": w["donor"],
            "company_id": company,
            "line_ids": [(0, 0, line) for line in lines],
        },
        context={"allowed_company_ids": [company]},
    )


def test_login_page_and_app_menu(odoo_server, admin):
    assert (
        requests.get(f"{odoo_server['url']}/web/login", timeout=10).status_code == 200
    )
    root = _ref(admin, "health_charity.hc_menu_root")
    visible = admin.call("ir.ui.menu", "search", [("id", "=", root)])
    assert visible == [root]


def test_contract_categories_over_xmlrpc(odoo_server):
    common = xmlrpc.client.ServerProxy(f"{odoo_server['url']}/xmlrpc/2/common")
    uid = common.authenticate(odoo_server["db"], "admin", "admin", {})
    models = xmlrpc.client.ServerProxy(f"{odoo_server['url']}/xmlrpc/2/object")
    rows = models.execute_kw(
        odoo_server["db"],
        uid,
        "admin",
        "hc.contribution.category",
        "search_read",
        [[]],
        {"fields": ["code", "kind"]},
    )
    assert CONTRACT_CATEGORIES <= {r["code"] for r in rows}


def test_gift_lifecycle_submit_approve_post(world):
    staff, approver, finance = world["staff"], world["approver"], world["finance"]
    gift = _gift(
        staff,
        world,
        world["university"],
        [
            {
                "category_id": world["medical"],
                "name": "Ventilator",
                "quantity": 2,
                "unit_value": 750_000_000,
                "valuation_basis": "invoice",
            },
            {
                "category_id": world["cash"],
                "name": "Bank transfer",
                "quantity": 1,
                "unit_value": 250_000_000,
                "valuation_basis": "cash",
            },
        ],
    )
    staff.call("hc.contribution", "action_submit", [gift])
    rec = staff.call(
        "hc.contribution", "read", [gift], ["state", "amount_total", "amount_cash"]
    )[0]
    assert rec["state"] == "submitted"  # 1.75e9 IRR needs an approver
    assert rec["amount_total"] == 1_750_000_000
    assert rec["amount_cash"] == 250_000_000

    # the requester is not a reviewer of their own gift
    with pytest.raises(RpcError):
        staff.call("hc.contribution", "validate_tier", [gift])
    pending = approver.call(
        "hc.contribution", "search", [("can_review", "=", True), ("id", "=", gift)]
    )
    assert pending == [gift]
    approver.call("hc.contribution", "validate_tier", [gift])
    # the ventilator has no reference value: the valuation committee too
    assert staff.call("hc.contribution", "read", [gift], ["state"])[0]["state"] == (
        "submitted"
    )
    world["valuer"].call("hc.contribution", "validate_tier", [gift])
    rec = staff.call(
        "hc.contribution", "read", [gift], ["state", "valuation_reviewed"]
    )[0]
    assert rec == {"id": gift, "state": "approved", "valuation_reviewed": True}

    # only finance posts; the entry is balanced
    with pytest.raises(RpcError) as err:
        staff.call("hc.contribution", "action_post", [gift])
    assert err.value.name == "odoo.exceptions.AccessError"
    finance.call("hc.contribution", "action_post", [gift])
    rec = finance.call("hc.contribution", "read", [gift], ["state", "move_id"])[0]
    assert rec["state"] == "posted"
    lines = finance.call(
        "account.move.line",
        "search_read",
        [("move_id", "=", rec["move_id"][0])],
        fields=["debit", "credit"],
    )
    assert sum(line["debit"] for line in lines) == 1_750_000_000
    assert sum(line["credit"] for line in lines) == 1_750_000_000

    # locked values refuse writes, even with the tier mixin's bypass key
    line_ids = staff.call("hc.contribution", "read", [gift], ["line_ids"])[0][
        "line_ids"
    ]
    with pytest.raises(RpcError):
        staff.call(
            "hc.contribution.line",
            "write",
            line_ids,
            {"unit_value": 1},
            context={"skip_validation_check": True},
        )
    assert (
        staff.call("hc.contribution", "read", [gift], ["amount_total"])[0][
            "amount_total"
        ]
        == 1_750_000_000
    )


def test_bad_input_is_refused_and_nothing_saved(world):
    staff = world["staff"]
    before = staff.call("hc.contribution", "search_count", [])
    with pytest.raises(RpcError) as err:
        _gift(
            staff,
            world,
            world["university"],
            [
                {
                    "category_id": world["medical"],
                    "name": "Broken",
                    "quantity": 0,
                    "unit_value": 10,
                    "valuation_basis": "invoice",
                }
            ],
        )
    assert "quantity" in err.value.message
    assert staff.call("hc.contribution", "search_count", []) == before
    with pytest.raises(RpcError) as err:
        staff.call(
            "res.partner",
            "create",
            {
                "name": "Bad national ID",
                "hc_is_donor": True,
                "hc_donor_type": "individual",
                "hc_national_id": "1234567890",
            },
        )
    assert "National ID" in err.value.message


def test_hospital_isolation_over_rpc(world):
    gift_b = _gift(
        world["officer_b"],
        world,
        world["hosp_b"],
        [
            {
                "category_id": world["cash"],
                "name": "Cash",
                "quantity": 1,
                "unit_value": 1_000_000,
                "valuation_basis": "cash",
            }
        ],
    )
    officer_a = world["officer_a"]
    assert gift_b not in officer_a.call("hc.contribution", "search", [])
    with pytest.raises(RpcError) as err:
        officer_a.call("hc.contribution", "read", [gift_b], ["amount_total"])
    assert err.value.name == "odoo.exceptions.AccessError"
    with pytest.raises(RpcError):
        officer_a.call(
            "hc.contribution",
            "create",
            {"donor_id": world["donor"], "company_id": world["hosp_b"]},
        )
    groups = officer_a.call(
        "hc.contribution",
        "read_group",
        [],
        ["amount_total:sum"],
        ["company_id"],
    )
    assert world["hosp_b"] not in [
        g["company_id"][0] for g in groups if g["company_id"]
    ]


def test_approval_holes_closed_over_rpc(world):
    """OCA base_tier_validation lets internal users write tier.review and
    honours `skip_validation_check` from the caller: neither approves."""
    staff, approver = world["staff"], world["approver"]
    gift = _gift(
        staff,
        world,
        world["university"],
        [
            {
                "category_id": world["medical"],
                "name": "MRI coil",
                "quantity": 1,
                "unit_value": 3_000_000_000,
                "valuation_basis": "invoice",
            }
        ],
    )
    staff.call("hc.contribution", "action_submit", [gift])
    reviews = staff.call(
        "tier.review",
        "search",
        [("model", "=", "hc.contribution"), ("res_id", "=", gift)],
    )
    assert reviews
    for rpc in (staff, approver):
        with pytest.raises(RpcError) as err:
            rpc.call("tier.review", "write", reviews, {"status": "approved"})
        assert err.value.name == "odoo.exceptions.AccessError"
    with pytest.raises(RpcError):
        staff.call(
            "hc.contribution",
            "write",
            [gift],
            {"state": "approved"},
            context={"skip_validation_check": True},
        )
    # a non-reviewer's validation changes nothing
    with pytest.raises(RpcError):
        world["finance"].call("hc.contribution", "validate_tier", [gift])
    state = staff.call("hc.contribution", "read", [gift], ["state"])[0]["state"]
    assert state == "submitted"
