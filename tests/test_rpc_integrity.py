"""The integrity attacks of the second round, over real JSON-RPC against a
running server, as ordinary office logins of two hospitals would try them.
Each attack is refused and nothing changed."""

import pytest
from conftest import RpcError
from test_rpc_e2e import _gift, world  # noqa: F401 (the shared fixture)


def _read(rpc, model, rid, fields):
    return rpc.call(model, "read", [rid], fields)[0]


def _refused(call, *args, **kwargs):
    with pytest.raises(RpcError) as err:
        call(*args, **kwargs)
    assert err.value.name.startswith("odoo.exceptions.")
    return err.value


def _cash(amount):
    return [
        {
            "category_id": None,
            "name": "Cash gift",
            "quantity": 1,
            "unit_value": amount,
            "valuation_basis": "cash",
        }
    ]


def _approved_gift(w, amount=5_000_000):
    lines = _cash(amount)
    lines[0]["category_id"] = w["cash"]
    gift = _gift(w["staff"], w, w["university"], lines)
    w["staff"].call("hc.contribution", "action_submit", [gift])
    return gift


def test_born_approved_and_default_state_refused(world):  # noqa: F811
    staff = world["staff"]
    lines = _cash(1_000_000)
    lines[0]["category_id"] = world["cash"]
    gift = staff.call(
        "hc.contribution",
        "create",
        {
            "donor_id": world["donor"],
            "company_id": world["university"],
            "line_ids": [(0, 0, line) for line in lines],
        },
        context={
            "default_state": "approved",
            "default_move_id": 1,
            "skip_validation_check": True,
            "hc_bypass_value_lock": True,
        },
    )
    assert _read(staff, "hc.contribution", gift, ["state"])["state"] == "draft"
    _refused(
        staff.call,
        "hc.contribution",
        "create",
        {"donor_id": world["donor"], "state": "posted"},
    )


def test_posted_values_and_links_refused(world):  # noqa: F811
    staff, finance = world["staff"], world["finance"]
    gift = _approved_gift(world)
    finance.call("hc.contribution", "action_post", [gift])
    before = _read(staff, "hc.contribution", gift, ["amount_total", "line_ids"])
    line = before["line_ids"][0]
    for rpc in (staff, finance):
        for vals in ({"amount_total": 1}, {"move_id": False}, {"state": "draft"}):
            _refused(rpc.call, "hc.contribution", "write", [gift], vals)
        _refused(
            rpc.call,
            "hc.contribution.line",
            "write",
            [line],
            {"unit_value": 1},
            context={"hc_bypass_value_lock": True, "skip_validation_check": True},
        )
        _refused(rpc.call, "hc.contribution.line", "write", [line], {"value": 1})
    after = _read(staff, "hc.contribution", gift, ["amount_total", "state"])
    assert after["amount_total"] == before["amount_total"]
    assert after["state"] == "posted"


def test_public_mixin_methods_refused(world):  # noqa: F811
    staff = world["staff"]
    lines = _cash(4_000_000_000)
    lines[0]["category_id"] = world["cash"]
    gift = _gift(staff, world, world["university"], lines)
    staff.call("hc.contribution", "action_submit", [gift])
    for method in ("restart_validation", "request_validation"):
        _refused(staff.call, "hc.contribution", method, [gift])
    reviews = staff.call(
        "tier.review",
        "search",
        [("model", "=", "hc.contribution"), ("res_id", "=", gift)],
    )
    _refused(
        staff.call,
        "tier.review",
        "write",
        reviews,
        {"reviewer_ids": [(4, staff.uid)]},
    )
    assert _read(staff, "hc.contribution", gift, ["state"])["state"] == "submitted"


def test_other_hospital_unreachable(world):  # noqa: F811
    officer_a, officer_b = world["officer_a"], world["officer_b"]
    lines = _cash(2_000_000)
    lines[0]["category_id"] = world["cash"]
    gift_a = _gift(officer_a, world, world["hosp_a"], lines)
    # no move through a plain write
    _refused(
        officer_a.call,
        "hc.contribution",
        "write",
        [gift_a],
        {"company_id": world["hosp_b"]},
        context={"allowed_company_ids": [world["hosp_a"], world["hosp_b"]]},
    )
    # another hospital's gift is not readable
    _refused(officer_b.call, "hc.contribution", "read", [gift_a], ["amount_total"])
    # another hospital's organisation is not changed through its partner
    org = world["staff"].call(
        "hc.organization",
        "create",
        {"name": "E2E Sina NGO", "org_type": "ngo", "company_id": world["hosp_b"]},
        context={"allowed_company_ids": [world["hosp_b"]]},
    )
    partner = _read(world["staff"], "hc.organization", org, ["partner_id"])[
        "partner_id"
    ][0]
    _refused(officer_a.call, "res.partner", "write", [partner], {"name": "hijacked"})


def test_scheduled_job_fields_refused(world):  # noqa: F811
    finance = world["finance"]
    consolidation = finance.call(
        "hc.consolidation",
        "create",
        {
            "period_type": "dates",
            "date_from": "2020-01-01",
            "date_to": "2020-12-31",
            "company_id": world["university"],
            "unit_company_ids": [
                (6, 0, [world["university"], world["hosp_a"], world["hosp_b"]])
            ],
        },
        context={
            "allowed_company_ids": [
                world["university"],
                world["hosp_a"],
                world["hosp_b"],
            ]
        },
    )
    # the background jobs are records of the application: never entered
    _refused(
        finance.call,
        "hc.consolidation.job",
        "create",
        {"consolidation_id": consolidation, "kind": "workbook", "user_id": 2},
    )
    for vals in (
        {"job_ids": [(0, 0, {"kind": "workbook", "user_id": 2})]},
        {"workbook_attachment_id": 1},
        {"workbook_state": "queued"},
        {"amount_total": 1},
        {"state": "reported"},
    ):
        _refused(finance.call, "hc.consolidation", "write", [consolidation], vals)


def test_donor_totals_scoped_over_rpc(world):  # noqa: F811
    """A hospital's officer reads the donor's figure for that hospital only,
    and never the university-wide stored total."""
    officer_a, officer_b = world["officer_a"], world["officer_b"]

    def total(rpc):
        return _read(rpc, "res.partner", world["donor"], ["hc_contribution_total"])[
            "hc_contribution_total"
        ]

    before_a, before_b = total(officer_a), total(officer_b)
    lines = _cash(4_000_000)
    lines[0]["category_id"] = world["cash"]
    gift_b = _gift(officer_b, world, world["hosp_b"], lines)
    officer_b.call(
        "hc.contribution",
        "action_submit",
        [gift_b],
        context={"allowed_company_ids": [world["hosp_b"]]},
    )
    assert total(officer_b) == before_b + 4_000_000
    assert total(officer_a) == before_a  # hospital B's gift is not A's business
    _refused(
        officer_a.call,
        "res.partner",
        "read",
        [world["donor"]],
        ["hc_contribution_total_all"],
    )
    _refused(
        officer_a.call,
        "res.partner",
        "search",
        [("id", "=", world["donor"]), ("hc_contribution_total_all", ">", 0)],
    )
