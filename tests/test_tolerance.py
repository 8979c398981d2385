"""reconcile.tolerance: the room a figure's precision, approximator, unit and currency leave."""
from __future__ import annotations

import dataclasses
import doctest
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile import judge, tolerance
from reconcile.errors import ReconcileError
from reconcile.model import Quantity
from reconcile.quantities import parse_quantities
from reconcile.tolerance import (
    Rate,
    RateError,
    Rates,
    Tolerance,
    ToleranceError,
    allowance,
    as_rates,
    convert_money,
    interval,
    money_reason,
    parse_rate,
    stated_rate,
    written_step,
)


def _one(text: str) -> Quantity:
    found = parse_quantities(text)
    assert len(found) == 1, found
    return found[0]


def _meet(a: str, b: str, **kw) -> bool:
    """Whether the two figures' intervals overlap (touching counts, as in judge)."""
    qa, qb = _one(a), _one(b)
    lo_a, hi_a, _, _ = interval(qa, other=qb, **kw)
    lo_b, hi_b, _, _ = interval(qb, other=qa, **kw)
    return max(lo_a, lo_b) <= min(hi_a, hi_b) + 1e-9 * max(1.0, abs(max(lo_a, lo_b)))


def test_tolerance_docstring_examples_hold():
    result = doctest.testmod(tolerance, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 20 and result.failed == 0


@pytest.mark.parametrize(("text", "step"), [
    ("about 60", 10.0), ("about 5,000", 1000.0), ("about 5,200", 100.0), ("nearly 187,000", 1000.0),
    ("about 1.5 million", 1e5), ("about 1.23 million", 1e4), ("60.5%", 0.1), ("about 60.0%", 0.1),
    ("about $1.5bn", 1e8), ("about 50 cents", 0.1), ("about sixty", 10.0), ("about a dozen", 1.0),
    ("two and a half million", 1e5), ("two thirds", None),
], ids=["60", "5,000", "5,200", "187,000", "1.5-million", "1.23-million", "60.5%", "60.0%-zero-written",
        "1.5bn-dollars", "50-cents", "sixty-words", "dozen", "2.5-million-words", "two-thirds-no-precision"])
def test_tolerance_written_step_is_the_last_significant_digit(text, step):
    assert written_step(_one(text)) == step


@pytest.mark.parametrize(("text", "step"), [
    ("300 metres", 1.0), ("1.6 miles", 0.1), ("1.5 million barrels", 1e5), ("£3m", 1e6), ("1.5 km2", 0.1),
    ("three hundred metres", 1.0),
], ids=["300", "1.6", "1.5-million", "3m-pounds", "km2-superscript-digit-ignored", "words"])
def test_tolerance_written_step_with_zeros_counts_every_written_digit(text, step):
    assert written_step(_one(text), zeros=True) == step


# The rule's examples: (approximate figure, other figure, whether they meet)
_VERDICTS = [
    ("about 60%", "64%", True),
    ("about 60%", "70%", False),
    ("about 5,000", "5,400", True),
    ("about 5,200", "5,400", False),
    ("about 5,200", "5,290", True),
    ("nearly 187,000", "186,779", True),
    ("nearly 187,000", "185,500", False),
    ("about 1.5 million", "1.58 million", True),
    ("about 1.23 million", "1.25 million", False),
    ("approximately 495,000", "494,989", True),
    ("about 12", "13", True),
    ("about 60.5%", "60.58%", True),
    ("about 60.5%", "61%", False),
    ("around 750", "between 500 and 700", False),
]


@pytest.mark.parametrize(("a", "b", "meet"), _VERDICTS, ids=[f"{a} vs {b}" for a, b, _ in _VERDICTS])
def test_tolerance_approximate_figures_reach_one_step_of_their_precision(a, b, meet):
    assert _meet(a, b) is meet


@pytest.mark.parametrize(("a", "b"), [("about 5,200", "5,400"), ("about 1.23 million", "1.25 million"),
                                      ("nearly 187,000", "185,500"), ("around 750", "between 500 and 700")],
                         ids=["5,200", "1.23-million", "nearly-187,000", "750-vs-range"])
def test_tolerance_table_only_policy_keeps_the_old_tolerance(a, b):
    assert not _meet(a, b)
    assert _meet(a, b, policy=Tolerance(steps=None))


_POLICIES = [
    (Tolerance(steps=0.5), "about 5,200", (5150.0, 5250.0)),
    (Tolerance(steps=2.0), "about 5,200", (5000.0, 5400.0)),
    (Tolerance(steps=1.0, ceiling=0.01), "about 5,200", (5148.0, 5252.0)),
    (Tolerance(steps=None, ceiling=0.05), "about 5,200", (4940.0, 5460.0)),
    (Tolerance(steps=1.0, floor=0.05), "about 5,200", (4940.0, 5460.0)),
    (Tolerance(steps=1.0, floor=0.05), "about 60", (54.0, 66.0)),
    (Tolerance(steps=0.0), "about 5,200", (5200.0, 5200.0)),
]


@pytest.mark.parametrize(("policy", "text", "bounds"), _POLICIES,
                         ids=["half-step", "two-steps", "ceiling-below-step", "ceiling-replaces-table",
                              "floor-above-step", "floor-below-cap", "no-room"])
def test_tolerance_policy_fields_override_the_rule(policy, text, bounds):
    lo, hi, lo_inc, hi_inc = interval(_one(text), policy=policy)
    assert (lo, hi) == pytest.approx(bounds)
    assert lo_inc and hi_inc


@pytest.mark.parametrize("text", ["between 40 and 60", "more than 300", "at least 300", "up to 400", "about 40-60",
                                  "300", "five", "under 1,000"],
                         ids=["range", "more-than", "at-least", "up-to", "approximate-range", "exact", "words",
                              "under"])
def test_tolerance_ranges_bounds_and_exact_figures_keep_their_interval(text):
    q = _one(text)
    assert interval(q) == q.widened()
    assert interval(q, policy=Tolerance(steps=None)) == q.widened()


@pytest.mark.parametrize(("text", "bounds"), [
    ("nearly 187,000", (186000.0, 187000.0, True, False)),
    ("nearly 1,000", (900.0, 1000.0, True, False)),
    ("just over 300", (300.0, 330.0, False, True)),
    ("just over 320", (320.0, 330.0, False, True)),
], ids=["nearly-187,000", "nearly-1,000-table-caps", "just-over-300", "just-over-320"])
def test_tolerance_one_sided_approximators_widen_their_open_side_only(text, bounds):
    assert interval(_one(text)) == pytest.approx(bounds)


def test_tolerance_table_only_policy_is_quantity_widened():
    for text in ["about 60%", "about 5,200", "nearly 187,000", "just over 300", "about 1.23 million", "some 2,000"]:
        q = _one(text)
        assert interval(q, policy=Tolerance(steps=None)) == q.widened(), text


@pytest.mark.parametrize(("a", "b", "meet"), [
    ("300 metres", "984 feet", True),
    ("300 metres", "948 feet", False),
    ("1.5 million barrels", "238 million litres", True),
    ("30 °C", "86°F", True),
    ("86°F", "30.3 °C", True),
    ("30 °C", "90°F", False),
    ("100 km/h", "62 mph", True),
    ("100 km/h", "65 mph", False),
    ("5 hectares", "15 acres", False),
    ("5 hectares", "12.4 acres", True),
    ("10,000 litres", "2,642 gallons", True),
], ids=["300m-984ft", "300m-948ft", "barrels-litres-scaled", "C-F", "F-C", "C-F-apart", "kmh-mph", "kmh-mph-apart",
        "ha-acres-apart", "ha-acres", "litres-gallons"])
def test_tolerance_exact_figures_in_other_units_allow_half_their_last_digit(a, b, meet):
    assert _meet(a, b) is meet


def test_tolerance_exact_figures_in_one_unit_are_not_widened():
    assert not _meet("300 metres", "300.4 metres")
    assert interval(_one("300 metres"), other=_one("300.4 metres")) == (300.0, 300.0, True, True)


def test_tolerance_judge_interval_delegates():
    a, b = _one("about 5,200 metres"), _one("3.3 miles")
    assert judge.interval(a, other=b) == interval(a, other=b)
    assert judge.interval(b, other=a) == interval(b, other=a)
    assert written_step(_one("1.5 million barrels"), zeros=True) == 1e5
    assert written_step(_one("hundreds"), zeros=True) is None


@given(value=st.integers(min_value=1, max_value=10**9), tol=st.sampled_from([0.05, 0.1, 0.2]),
       steps=st.sampled_from([None, 0.5, 1.0, 2.0]))
def test_tolerance_room_never_exceeds_the_table_and_always_holds_the_value(value, tol, steps):
    q = Quantity(f"about {value:,}", 0, 1, float(value), float(value), approximate=True, tolerance=tol)
    room = allowance(q, policy=Tolerance(steps=steps))
    assert 0 <= room <= value * tol * (1 + 1e-9)
    lo, hi, _, _ = interval(q, policy=Tolerance(steps=steps))
    assert lo <= value <= hi
    if steps == 1.0:
        assert room == pytest.approx(min(value * tol, written_step(q)))


@pytest.mark.parametrize(("field", "value"), [("steps", -1), ("floor", -0.1), ("ceiling", math.inf),
                                              ("unit_steps", None), ("floor", "0.1"), ("steps", True)],
                         ids=["negative-steps", "negative-floor", "infinite-ceiling", "none-unit-steps",
                              "string-floor", "bool-steps"])
def test_tolerance_policy_rejects_unusable_values(field, value):
    with pytest.raises(ToleranceError, match=f"Tolerance.{field}"):
        Tolerance(**{field: value})


def test_tolerance_policy_is_frozen_and_documented():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Tolerance().steps = 2.0  # type: ignore[misc]
    assert issubclass(ToleranceError, ReconcileError) and issubclass(RateError, ReconcileError)
    for f in dataclasses.fields(Tolerance):
        assert f.name in Tolerance.__doc__


# --- money ---------------------------------------------------------------------------

def test_tolerance_money_is_not_converted_without_rates():
    eur, usd = parse_quantities("€100m or $108m")
    assert interval(eur, other=usd) == (1e8, 1e8, True, True)
    assert money_reason(eur, usd, rates=None) == ""
    assert money_reason(eur, usd, rates={"GBP": 1.27}) == ""  # no rate links EUR and USD


@pytest.mark.parametrize(("text", "rates", "meet"), [
    ("€100m or $108m", {"EUR": 1.08}, True),
    ("€100m or $110m", {"EUR": 1.08}, False),
    ("€100m or $108m", {"EUR/USD": 1.08}, True),
    ("€100m or $108m", {"USD/EUR": 1 / 1.08}, True),
    ("€100m or $108m", ["EUR=1.08"], True),
    ("€100m or $108m", [Rate("EUR", "USD", 1.08)], True),
    ("£100m or €117m", {"GBP/EUR": 1.17, "EUR": 1.08}, True),
    ("£100m or $126m", {"GBP/EUR": 1.17, "EUR": 1.08}, True),
    ("£100m or $130m", {"GBP/EUR": 1.17, "EUR": 1.08}, False),
    ("about €120m or $115m", {"EUR": 1.08}, False),
    ("about €120m or $125m", {"EUR": 1.08}, True),
], ids=["supplied-code", "supplied-code-apart", "pair", "inverted-pair", "strings", "rate-objects", "gbp-eur",
        "chained-gbp-usd", "chained-apart", "approximate-apart", "approximate-within"])
def test_tolerance_money_converts_at_supplied_rates(text, rates, meet):
    a, b = parse_quantities(text)
    assert _meet(a.text, b.text, rates=rates) is meet
    assert interval(a, other=b) == interval(a)  # without rates: in its own currency, as written


@pytest.mark.parametrize(("rates", "a", "b", "reason"), [
    ({"EUR": 1.08}, "€100m", "$108m", "at the supplied rate 1 EUR = 1.08 USD"),
    ({"EUR": 1.08}, "$108m", "€100m", "at the supplied rate 1 EUR = 1.08 USD"),
    ({"GBP/EUR": 1.17, "EUR": 1.08}, "£100m", "$126m", "at the supplied rates 1 EUR = 1.08 USD and 1 GBP = 1.17 EUR"),
    ([Rate("EUR", "USD", 1.08, "stated in bbc.txt")], "€100m", "$108m",
     "at the rate stated in bbc.txt, 1 EUR = 1.08 USD"),
], ids=["supplied", "either-order", "chain", "stated"])
def test_tolerance_money_reason_names_the_rate(rates, a, b, reason):
    qa, qb = _one(a), _one(b)
    assert money_reason(qa, qb, rates=rates) == money_reason(qb, qa, rates=rates) == reason


def test_tolerance_money_converts_with_the_rate_named():
    assert convert_money(100, "EUR", "USD", rates={"EUR": 1.08}) == (108.0, "at the supplied rate 1 EUR = 1.08 USD")
    value, reason = convert_money(108, "usd", "eur", rates={"EUR": 1.08})
    assert value == pytest.approx(100.0) and reason == "at the supplied rate 1 EUR = 1.08 USD"
    with pytest.raises(RateError, match="JPY/EUR="):
        convert_money(100, "EUR", "JPY", rates={"EUR": 1.08})


@pytest.mark.parametrize(("text", "rate"), [
    ("EUR=1.08", Rate("EUR", "USD", 1.08)),
    ("eur/usd=1.08", Rate("EUR", "USD", 1.08)),
    ("GBP/EUR 1.17", Rate("GBP", "EUR", 1.17)),
    ("1 EUR = 1.08 USD", Rate("EUR", "USD", 1.08)),
    ("JPY: 0.0067", Rate("JPY", "USD", 0.0067)),
], ids=["code", "pair-lower", "pair-space", "sentence", "colon"])
def test_tolerance_parse_rate_reads_a_users_notation(text, rate):
    assert parse_rate(text) == rate


@pytest.mark.parametrize("text", ["EUR", "1.08", "EUR=-1", "EUR=0", "EUR/USD=1.08 GBP", "EURO=1.08", "USD=1"],
                         ids=["no-value", "no-code", "negative", "zero", "two-quotes", "four-letters", "same-currency"])
def test_tolerance_parse_rate_rejects_what_is_no_rate(text):
    with pytest.raises(RateError):
        parse_rate(text)


def test_tolerance_as_rates_rejects_a_mapping_that_is_no_rates():
    with pytest.raises(RateError, match="EUR"):
        as_rates({"EUR": "a lot"})


@given(base=st.sampled_from(["EUR", "GBP", "JPY", "INR"]),
       value=st.floats(min_value=1e-6, max_value=1e6, allow_nan=False, allow_infinity=False))
def test_tolerance_rate_round_trips_through_its_text(base, value):
    rate = Rate(base, "USD", value)
    back = parse_rate(str(rate))
    assert (back.base, back.quote) == (base, "USD") and back.value == pytest.approx(value, rel=1e-5)
    assert as_rates([rate]).factor("USD", base) == pytest.approx(1 / value)


def test_tolerance_rates_pick_the_shortest_chain():
    rates = as_rates({"EUR": 1.08, "GBP/EUR": 1.17, "GBP": 1.30})
    assert isinstance(rates, Rates)
    assert rates.factor("GBP", "USD") == 1.30
    assert rates.path("EUR", "EUR") == ()
    assert rates.factor("EUR", "CHF") is None


def test_tolerance_stated_rate_comes_from_an_amount_and_its_equivalent():
    eur, usd = parse_quantities("€100m ($108m)")
    rate = stated_rate(eur, usd, source="bbc.txt")
    assert rate == Rate("EUR", "USD", 1.08, "stated in bbc.txt")
    assert _meet("€50m", "$54m", rates=[rate])
    with pytest.raises(RateError):
        stated_rate(eur, _one("108 people"))


@pytest.mark.parametrize(("args", "ok"), [(("eur", "usd", 1.08), True), (("EUR", "USD", 0), False),
                                          (("EUR", "USD", math.nan), False), (("EUR", "", 1.08), False),
                                          (("EUR", "eur", 1.08), False), (("EUR", "USD", True), False)],
                         ids=["lower-case-codes", "zero", "nan", "no-quote", "same-currency", "bool-value"])
def test_tolerance_rate_checks_its_codes_and_value(args, ok):
    if ok:
        assert Rate(*args) == Rate("EUR", "USD", 1.08)
    else:
        with pytest.raises(RateError):
            Rate(*args)


@pytest.mark.parametrize(
    ("text", "status"),
    [("1.6 million or 1.57 million", True), ("1.6 million or 1.67 million", False),
     ("$6.19 billion or $6.74 billion", False), ("1,600,000 or 1,570,000", False)],
    ids=["finer-inside-the-rounding", "finer-outside", "same-precision", "no-scale-word"],
)
def test_tolerance_a_figure_in_millions_is_rounded_against_a_finer_one(text, status):
    from reconcile.judge import _meet
    from reconcile.quantities import parse_quantities
    from reconcile.tolerance import interval

    a, b = parse_quantities(text)
    assert _meet(interval(a, other=b), interval(b, other=a)) is status
