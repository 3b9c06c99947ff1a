"""The moving-average costing rule as plain arithmetic: exact half-up rounding of the weighted
average, stock coming in at its cost (or the average), stock going out at the average."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from core.money import round_half_up
from services.parts.costing import Costed, cost_movement, new_average

amounts = st.integers(min_value=0, max_value=10**9)
quantities = st.integers(min_value=1, max_value=10**9)


@given(on_hand=quantities, average=amounts, quantity=quantities, cost=amounts)
def test_the_new_average_is_the_weighted_average_rounded_half_up(on_hand, average, quantity, cost):
    exact = (Decimal(on_hand) * average + Decimal(quantity) * cost) / (on_hand + quantity)
    assert new_average(on_hand, average, quantity, cost) == round_half_up(exact)


@given(on_hand=st.integers(min_value=-10**6, max_value=0), average=amounts, quantity=quantities, cost=amounts)
def test_stock_arriving_on_an_empty_or_negative_shelf_takes_its_own_cost(on_hand, average, quantity, cost):
    assert new_average(on_hand, average, quantity, cost) == cost


def test_a_half_rounds_up():
    # (1 × 1 + 1 × 2) / 2 = 1.5
    assert new_average(1000, 1, 1000, 2) == 2
    # (2 × 0 + 1 × 1) / 3 = 0.33…
    assert new_average(2000, 0, 1000, 1) == 0


@given(on_hand=st.integers(min_value=-10**6, max_value=10**6), average=amounts,
       quantity=st.integers(min_value=-10**6, max_value=-1), unit_cost=st.none() | amounts)
def test_stock_going_out_leaves_at_the_average_and_keeps_it(on_hand, average, quantity, unit_cost):
    assert cost_movement(on_hand=on_hand, average=average, quantity=quantity, unit_cost=unit_cost) == Costed(
        average, average)


def test_stock_coming_in_comes_at_its_cost_or_else_at_the_average():
    assert cost_movement(on_hand=4000, average=1000, quantity=1000, unit_cost=1500) == Costed(1500, 1100)
    assert cost_movement(on_hand=4000, average=1000, quantity=1000) == Costed(1000, 1000)
    assert cost_movement(on_hand=0, average=1000, quantity=1000, unit_cost=1500) == Costed(1500, 1500)
