# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Property tests (hypothesis): valuation arithmetic, monetary rounding
shortcuts, Jalali conversion and periods, national IDs."""

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import jdatetime
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo.tests import tagged
from odoo.tools import float_repr, float_round

from ..models.hc_contribution_line import exact_value
from ..tools.jalali import jalali_period_bounds, jalali_year_quarter, to_jalali_str
from ..tools.money import repr_amount, round_amount
from ..tools.national_id import is_valid_national_id, national_id_check_digit
from .common import HealthCharityCase

SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
# the money shortcuts are pure and cheap: many more examples
MONEY_SETTINGS = settings(SETTINGS, max_examples=2000)
amounts = st.one_of(
    st.integers(min_value=-(2**52), max_value=2**52).map(float),
    st.integers(min_value=-(10**12), max_value=10**12).map(lambda n: n / 100),
    st.floats(min_value=-1e16, max_value=1e16, allow_nan=False, allow_subnormal=False),
)
dates = st.dates(
    min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2060, 1, 1)
)


@tagged("post_install", "-at_install")
class TestProperties(HealthCharityCase):
    @SETTINGS
    @given(
        st.lists(
            st.tuples(
                st.integers(min_value=1, max_value=1_000),
                st.integers(min_value=0, max_value=5 * 10**10),
            ),
            min_size=1,
            max_size=5,
        )
    )
    def test_valuation_sums_large_rial_amounts(self, lines):
        """Exact to the rial for every amount below 2**48 rials (about 281
        trillion): Odoo's float_round, used by monetary fields, perturbs
        larger values."""
        with self.cr.savepoint(flush=False) as sp:
            rec = self._contribution(
                lines=[self._line(self.cat_medical, q, v) for q, v in lines]
            )
            expected = sum(q * v for q, v in lines)
            self.assertEqual(rec.amount_total, expected)
            self.assertEqual(sum(rec.line_ids.mapped("value")), expected)
            self.assertEqual(rec.amount_in_kind, expected)
            self.assertEqual(rec.amount_cash, 0)
            sp.rollback()

    @SETTINGS
    @given(dates)
    def test_jalali_round_trip(self, day):
        text = to_jalali_str(day)
        year, month, dom = (int(x) for x in text.split("/"))
        self.assertEqual(jdatetime.date(year, month, dom).togregorian(), day)
        jyear, quarter = jalali_year_quarter(day)
        start, end = jalali_period_bounds(jyear, quarter)
        self.assertLessEqual(start, day)
        self.assertLessEqual(day, end)
        self.assertEqual(to_jalali_str(start)[5:], f"{3 * (quarter - 1) + 1:02d}/01")

    @SETTINGS
    @given(st.integers(min_value=1300, max_value=1500))
    def test_jalali_years_are_contiguous(self, year):
        start, end = jalali_period_bounds(year)
        next_start, _next_end = jalali_period_bounds(year + 1)
        self.assertEqual((next_start - end).days, 1)
        quarters = [jalali_period_bounds(year, q) for q in (1, 2, 3, 4)]
        self.assertEqual(quarters[0][0], start)
        self.assertEqual(quarters[3][1], end)
        self.assertIn((end - start).days + 1, (365, 366))

    @SETTINGS
    @given(st.text(alphabet="0123456789", min_size=9, max_size=9))
    def test_national_id_check_digit(self, first_nine):
        code = first_nine + str(national_id_check_digit(first_nine))
        self.assertEqual(is_valid_national_id(code), len(set(code)) > 1)
        wrong = first_nine + str((int(code[9]) + 1) % 10)
        self.assertFalse(is_valid_national_id(wrong))

    @MONEY_SETTINGS
    @given(amounts, st.sampled_from([1.0, 0.01, 0.05, 0.001, 0.5, 0.25, 5.0, 1000.0]))
    def test_round_amount_is_float_round(self, value, rounding):
        """The set-based path's shortcut gives float_round's result, bit for
        bit (repr tells -0.0 from 0.0)."""
        self.assertEqual(
            repr(round_amount(value, rounding)),
            repr(float_round(value, precision_rounding=rounding)),
        )

    @MONEY_SETTINGS
    @given(amounts, st.integers(min_value=0, max_value=6))
    def test_repr_amount_is_float_repr(self, value, digits):
        self.assertEqual(repr_amount(value, digits), float_repr(value, digits))

    @MONEY_SETTINGS
    @given(
        st.integers(min_value=-(2**40), max_value=2**40).map(float)
        | st.sampled_from([0, -0.0])
        | amounts,
        st.integers(min_value=-(2**40), max_value=2**40).map(float)
        | st.sampled_from([0, -0.0])
        | amounts,
        st.integers(min_value=0, max_value=4),
    )
    def test_exact_value_shortcut(self, quantity, unit_value, digits):
        """Whole quantities and unit values skip the decimal arithmetic: the
        same value, bit for bit."""
        product = Decimal(repr(quantity or 0.0)) * Decimal(repr(unit_value or 0.0))
        step = Decimal(1).scaleb(-digits)
        try:
            expected = float(product.quantize(step, ROUND_HALF_UP))
        except InvalidOperation:  # beyond the decimal precision: refused both ways
            with self.assertRaises(InvalidOperation):
                exact_value(quantity, unit_value, digits)
            return
        got = exact_value(quantity, unit_value, digits)
        self.assertEqual(repr(got), repr(expected))
