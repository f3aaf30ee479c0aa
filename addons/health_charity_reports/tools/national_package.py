# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The package a university sends to the Ministry: its layout, its canonical
bytes and its signature (HMAC-SHA256 with the university's key).

Pure functions, used by both sides: the university signs the canonical
bytes of the package it builds, the Ministry recomputes them from the
package it received (JSON round-trips keep the same keys, strings, integers
and floats) and compares in constant time.
"""

import hashlib
import hmac
import itertools
import json
import math

SCHEMA = "hc.national.package/1"

# field -> accepted Python types, per part of the package
HEADER = {
    "schema": (str,),
    "university_code": (str,),
    "university_name": (str,),
    "consolidation": (str,),
    "date_from": (str,),
    "date_to": (str,),
    "version": (int,),
    "currency": (str,),
    "amount_total": (int, float),
    "contribution_count": (int,),
    "line_count": (int,),
    "lines": (list,),
    "disclosures": (list,),
    "details": (list,),
}
LINE = {
    "unit": (str,),
    "category_code": (str,),
    "category_name": (str,),
    "kind": (str,),
    "count": (int,),
    "line_count": (int,),
    "value": (int, float),
}
DISCLOSURE = {
    "category_code": (str,),
    "kind": (str,),
    "technique": (str,),
    "lines": (int,),
    "value": (int, float),
    "value_referenced": (int, float),
    "value_reviewed": (int, float),
    "value_restricted": (int, float),
    "value_sold": (int, float),
}
DETAIL = {
    "reference": (str,),
    "date": (str,),
    "unit": (str,),
    "category_code": (str,),
    "quantity": (int, float),
    "unit_value": (int, float),
    "value": (int, float),
    "valuation_basis": (str,),
    "technique": (str,),
}
PARTS = {"lines": LINE, "disclosures": DISCLOSURE, "details": DETAIL}


def canonical(package):
    """The bytes that are signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        package, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode()


def sign_bytes(data, key):
    """HMAC-SHA256 of canonical bytes (see :func:`canonical`)."""
    return hmac.new(key.encode(), data, hashlib.sha256).hexdigest()


def sign(package, key):
    return sign_bytes(canonical(package), key)


def verify_bytes(data, key, signature):
    """Whether ``signature`` signs the canonical bytes ``data`` with ``key``
    (constant-time comparison). The receiving side serialises a package
    once and checks, hashes and keeps those bytes."""
    if not key or not isinstance(signature, str):
        return False
    return hmac.compare_digest(sign_bytes(data, key), signature)


def verify(package, key, signature):
    return verify_bytes(canonical(package), key, signature)


def package_hash(package):
    return hashlib.sha256(canonical(package)).hexdigest()


def schema_problems(package):
    """Where the package departs from the layout: a list of
    ``(part, index, field)`` (index None for the header), empty when it
    fits.

    A package that fits is recognised column by column (the set of the
    types found in each field, and whether its floats add up to a finite
    number), which costs a few set operations per field instead of a
    Python call per value; only a package that does not fit is walked row
    by row to name each problem."""
    if not isinstance(package, dict):
        return [("header", None, "*")]
    problems = [
        ("header", None, name)
        for name, types in HEADER.items()
        if not _is_a(package.get(name), types)
    ]
    if package.get("schema") not in (None, SCHEMA) and not problems:
        problems.append(("header", None, "schema"))
    for part, layout in PARTS.items():
        rows = package.get(part)
        if not isinstance(rows, list) or _fits(rows, layout):
            continue
        for index, row in enumerate(rows):
            if not isinstance(row, dict):
                problems.append((part, index, "*"))
                continue
            problems += [
                (part, index, name)
                for name, types in layout.items()
                if not _is_a(row.get(name), types)
            ]
    return problems


def _fits(rows, layout):
    """Whether every row is a dict whose fields have exactly the layout's
    types (no bool for a number: ``type(True)`` is ``bool``) and whose
    floats are finite. False sends the caller to the row-by-row check, so a
    False here is never wrong, only slower."""
    if set(map(type, rows)) - {dict}:
        return False
    for name, types in layout.items():
        values = list(map(dict.get, rows, itertools.repeat(name)))
        if set(map(type, values)) - set(types):
            return False
        if float in types and not math.isfinite(
            sum(value for value in values if type(value) is float)
        ):
            return False  # a NaN or an infinity (or floats that overflow)
    return True


def _is_a(value, types):
    if isinstance(value, bool) or not isinstance(value, types):
        return False
    return not isinstance(value, float) or math.isfinite(value)


def amounts_equal(a, b):
    """Rial amounts compared to the hundredth (floats through JSON)."""
    return round(a, 2) == round(b, 2)


def total_problems(package):
    """Which sums of the package do not add up to its header: a list of
    ``(part, field, sum found, header value)``."""
    total = package["amount_total"]
    line_count = package["line_count"]
    sums = [
        ("lines", "value", sum(r["value"] for r in package["lines"]), total),
        (
            "lines",
            "line_count",
            sum(r["line_count"] for r in package["lines"]),
            line_count,
        ),
        (
            "disclosures",
            "value",
            sum(r["value"] for r in package["disclosures"]),
            total,
        ),
        (
            "disclosures",
            "lines",
            sum(r["lines"] for r in package["disclosures"]),
            line_count,
        ),
        ("details", "value", sum(r["value"] for r in package["details"]), total),
        ("details", "count", len(package["details"]), line_count),
    ]
    return [s for s in sums if not amounts_equal(s[2], s[3])]
