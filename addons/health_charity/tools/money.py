# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo's monetary rounding and formatting, with shortcuts where their result
is known without the arithmetic: the set-based creation of contributions
rounds every amount of a million lines two or three times, and most amounts
are whole (rials, or whole units of the currency). The results are those of
``float_round`` and ``float_repr``, bit for bit (``test_properties``)."""

from functools import cache

from odoo.tools.float_utils import float_invert, float_repr, float_round

# float_round nudges the value, counted in rounding steps, by
# 2**(log2(|steps|) - 50) before rounding it: under 2**47 steps the nudge
# stays below 1/8 and a whole number of steps rounds to itself
WHOLE_STEPS_LIMIT = 2.0**47


@cache
def _steps_per_unit(rounding):
    """How many rounding steps make one unit, when it is a whole number (100
    for 0.01, 1 for 1.0): what float_round multiplies or divides by."""
    if rounding == 1.0:
        return 1.0
    if rounding < 1.0:
        steps = float_invert(rounding)
        if steps.is_integer():
            return steps
    return None


def round_amount(value, rounding):
    """``float_round(value, precision_rounding=rounding)`` of a float. A whole
    amount, in a currency whose rounding divides its unit, is returned as it
    is: float_round's normalise, round and denormalise steps give it back
    unchanged (a whole number of steps, multiplied then divided exactly)."""
    if value and value.is_integer():
        steps = _steps_per_unit(rounding)
        if steps and abs(value) * steps < WHOLE_STEPS_LIMIT:
            return value
    return float_round(value, precision_rounding=rounding)


def repr_amount(value, digits):
    """``float_repr(value, digits)``. Its test for zero (rounding the value to
    ``digits``) cannot hold for a value of one unit or more: skipped there."""
    if abs(value) >= 1.0:
        return "%.*f" % (digits, value)
    return float_repr(value, digits)
