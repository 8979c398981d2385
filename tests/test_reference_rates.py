"""Reference exchange rates: the bundled table, and sums in two currencies compared at it.

A sum converted at a reference rate (an approximate annual average) may agree with
another; where the two do not meet, the pair is for review, never a conflict. A rate
the user supplies always wins and keeps its power to prove a conflict.
"""
from __future__ import annotations

import datetime as dt
import fnmatch
import math
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from reconcile.align import Alignment, _currency_groups
from reconcile.api import judge_claims
from reconcile.claims import extract_claims
from reconcile.cli import app
from reconcile.judge import REFERENCE_ONLY, judge
from reconcile.model import Article, Claim, Quantity
from reconcile.tolerance import (
    REFERENCE_REACH,
    RateError,
    Tolerance,
    as_rates,
    by_reference,
    load_reference_rates,
    pair_rates,
)

ROOT = Path(__file__).resolve().parent.parent
TABLE = load_reference_rates()
KNOWN = sorted(TABLE.currencies)
# The currencies the brief of the table named: each must be there.
MAJORS = ["USD", "EUR", "GBP", "JPY", "CNY", "INR", "BRL", "IDR", "CHF", "CAD", "AUD", "KRW", "RUB", "TRY", "MXN",
          "ZAR", "NGN", "EGP", "PKR", "BDT", "PHP", "THB", "VND", "MYR", "SGD", "HKD", "SAR", "AED", "ILS", "SEK",
          "NOK", "DKK", "PLN"]

# Seven agreements of the cluster benchmark, each retold in two small articles of its year:
# (text a, text b, year, the rate the reason names).
AGREEMENTS = {
    "brl-billions": ("Rebuilding the flooded state will cost R$50.9 billion, the government said.",
                     "Rebuilding the flooded state will cost about $9.9 billion, the government said.",
                     2024, "at the 2024 reference rate 1 USD ≈ 5.39 BRL"),
    "brl-payment": ("Each family will receive a one-off payment of R$5,100.",
                    "Each family will receive a one-off payment of roughly $1,000.",
                    2024, "at the 2024 reference rate 1 USD ≈ 5.39 BRL"),
    "gbp-fund": ("Ministers set up an emergency fund of £5m for the survivors.",
                 "Ministers set up an emergency fund of about $6.4 million for the survivors.",
                 2017, "at the 2017 reference rate 1 GBP ≈ 1.29 USD"),
    "jpy-relief": ("Relief supplies for the quake zone will cost 4.74 billion yen.",
                   "Relief supplies for the quake zone will cost about $33 million.",
                   2024, "at the 2024 reference rate 1 USD ≈ 151 JPY"),
    "idr-compensation": ("The government will pay compensation of 50 million rupiah to each bereaved family.",
                         "The government will pay compensation of roughly $3,300 to each bereaved family.",
                         2022, "at the 2022 reference rate 1 USD ≈ 14,900 IDR"),
    "cny-price": ("The Seagull hatchback has a price of 73,800 yuan in China.",
                  "The Seagull hatchback has a price of about $10,400 in China.",
                  2024, "at the 2024 reference rate 1 USD ≈ 7.19 CNY"),
    "eur-price": ("Boeing listed the jet at a price of $121.6 million.",
                  "Boeing listed the jet at a price of about €108 million.",
                  2019, "at the 2019 reference rate 1 EUR ≈ 1.12 USD"),
}
FAR = ("Ministers set up an emergency fund of £5m for the survivors.",
       "Ministers set up an emergency fund of about $9 million for the survivors.")


def _articles(text_a: str, text_b: str, year: int) -> list[Article]:
    return [Article("a", text_a, published=dt.date(year, 6, 2)), Article("b", text_b, published=dt.date(year, 6, 4))]


def _findings(nlp, text_a: str, text_b: str, year: int, **options) -> list[tuple[str, str]]:
    articles = _articles(text_a, text_b, year)
    report = judge_claims(articles, extract_claims(articles, nlp=nlp), group_by="none", **options)
    return [(f.status, f.reason) for f in report.findings]


# --- the table -------------------------------------------------------------------------------

def test_reference_rates_table_is_sane():
    assert TABLE.first_year == 2000 and TABLE.last_year == 2025
    assert set(MAJORS) <= TABLE.currencies
    for code, years in TABLE.usd.items():
        assert len(code) == 3 and code.isalpha() and code.isupper(), code
        assert years, f"{code} has no year"
        for year, value in years.items():
            assert TABLE.first_year <= year <= TABLE.last_year, (code, year)
            assert math.isfinite(value) and value > 0, (code, year)
    assert set(TABLE.usd["USD"].values()) == {1.0}
    assert sorted(TABLE.usd["USD"]) == list(range(TABLE.first_year, TABLE.last_year + 1))


@pytest.mark.parametrize(
    ("code", "year", "low", "high"),
    [("EUR", 2019, 1.10, 1.14), ("GBP", 2017, 1.26, 1.32), ("JPY", 2024, 1 / 155, 1 / 148),
     ("CNY", 2024, 1 / 7.3, 1 / 7.1), ("IDR", 2022, 1 / 15_100, 1 / 14_600), ("BRL", 2024, 1 / 5.5, 1 / 5.2),
     ("SAR", 2010, 1 / 3.76, 1 / 3.74), ("HKD", 2003, 1 / 7.85, 1 / 7.75)],
    ids=["eur", "gbp", "jpy", "cny", "idr", "brl", "sar-peg", "hkd-peg"],
)
def test_reference_rates_known_averages(code, year, low, high):
    assert low <= TABLE.value(code, year) <= high


def test_reference_rates_leave_out_what_no_average_stands_for():
    # the rouble in 2022, the lira before its redenomination: no figure rather than a guess
    assert TABLE.value("RUB", 2022) is None
    assert TABLE.value("TRY", 2003) is None
    assert TABLE.rate("RUB", "USD", 2022) is None


def test_reference_rates_nearest_year_within_reach_only():
    assert TABLE.value("EUR", TABLE.last_year + 1) == TABLE.value("EUR", TABLE.last_year)
    assert TABLE.value("EUR", TABLE.first_year - REFERENCE_REACH) == TABLE.value("EUR", TABLE.first_year)
    assert TABLE.value("EUR", TABLE.last_year + REFERENCE_REACH + 1) is None


def test_reference_rates_header_says_what_the_figures_are():
    text = (ROOT / "reconcile" / "data" / "rates.toml").read_text(encoding="utf-8")
    header = text[:text.index("quote =")]
    for words in ("approximate annual averages", "within a", "never for proving", "--rate", "always wins",
                  "Nothing is downloaded"):
        assert words.lower() in " ".join(header.replace("#", " ").split()).lower(), words


def test_reference_rates_file_ships_as_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["reconcile"]
    assert any(fnmatch.fnmatch("data/rates.toml", p) for p in patterns)


@pytest.mark.parametrize(
    ("text", "message"),
    [('quote = "EUR"\nfirst_year = 2000\nlast_year = 2001\n', "quote"),
     ('quote = "USD"\nfirst_year = 2000\nlast_year = 2001\n[rates.EUR]\n1999 = 1.1\n', "EUR 1999"),
     ('quote = "USD"\nfirst_year = 2000\nlast_year = 2001\n[rates.EUR]\n2000 = -1\n', "EUR 2000"),
     ('quote = "USD"\nfirst_year = 2000\nlast_year = 2001\n[rates.euro]\n2000 = 1.1\n', "euro"),
     ("quote = [", "not TOML")],
    ids=["other-quote", "year-out-of-range", "negative", "not-a-code", "not-toml"],
)
def test_reference_rates_a_bad_file_is_a_rate_error(tmp_path, text, message):
    path = tmp_path / "rates.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RateError, match=message):
        load_reference_rates(str(path))


# --- the seven agreements, through the public API --------------------------------------------

@pytest.mark.parametrize(("text_a", "text_b", "year", "rate"), list(AGREEMENTS.values()), ids=list(AGREEMENTS))
def test_reference_rates_confirm_an_agreement_across_currencies(nlp, text_a, text_b, year, rate):
    [(status, reason)] = _findings(nlp, text_a, text_b, year)
    assert status == "agree"
    assert reason.endswith(f"meet once converted {rate}")


@pytest.mark.parametrize(("text_a", "text_b", "year", "rate"), list(AGREEMENTS.values()), ids=list(AGREEMENTS))
def test_reference_rates_off_never_mix_currencies(nlp, text_a, text_b, year, rate):
    assert _findings(nlp, text_a, text_b, year, reference_rates=False) == []


def test_reference_rates_a_pair_far_apart_is_for_review_never_a_conflict(nlp):
    [(status, reason)] = _findings(nlp, *FAR, 2017)
    assert status == "review"
    assert "converted at the 2017 reference rate 1 GBP ≈ 1.29 USD" in reason
    assert reason.endswith(REFERENCE_ONLY)


def test_reference_rates_a_supplied_rate_keeps_its_power_to_prove_a_conflict(nlp):
    [(status, reason)] = _findings(nlp, *FAR, 2017, rates={"GBP": 1.29})
    assert status == "conflict"
    assert reason.endswith("converted at the supplied rate 1 GBP = 1.29 USD")
    # and wins over the reference rate where both could convert
    text_a, text_b, year, _ = AGREEMENTS["gbp-fund"]
    [(status, reason)] = _findings(nlp, text_a, text_b, year, rates={"GBP": 1.8})
    assert status == "conflict" and "supplied rate 1 GBP = 1.8 USD" in reason
    assert _findings(nlp, text_a, text_b, year, rates={"GBP": 1.28}) == _findings(
        nlp, text_a, text_b, year, rates={"GBP": 1.28}, reference_rates=False)


def test_reference_rates_an_undated_pair_is_not_compared(nlp):
    text_a, text_b, _, _ = AGREEMENTS["gbp-fund"]
    articles = [Article("a", text_a), Article("b", text_b)]
    assert judge_claims(articles, extract_claims(articles, nlp=nlp), group_by="none").findings == []


def test_reference_rates_cli_flag_turns_them_off(tmp_path):
    text_a, text_b, year, rate = AGREEMENTS["gbp-fund"]
    (tmp_path / "a.txt").write_text(text_a, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text_b, encoding="utf-8")
    args = ["report", str(tmp_path), "--published", f"{year}-06-20", "--group-by", "none", "--format", "jsonl",
            "--quiet"]
    on = CliRunner().invoke(app, args)
    off = CliRunner().invoke(app, [*args, "--no-reference-rates"])
    assert on.exit_code == off.exit_code == 0
    assert '"status":"agree"' in on.stdout and rate in on.stdout
    assert off.stdout == ""


# --- blocks and properties -------------------------------------------------------------------

def test_reference_rates_join_the_currencies_they_know_in_one_block():
    groups = _currency_groups(as_rates({"XAU/CHF": 2000.0, "ZZZ/YYY": 2.0}, reference=True))
    assert {groups[code] for code in KNOWN} == {KNOWN[0]} and groups["XAU"] == KNOWN[0]
    assert groups["ZZZ"] == groups["YYY"] == "YYY"
    assert _currency_groups(as_rates({"EUR": 1.08})) == {"EUR": "EUR", "USD": "EUR"}  # as before


def _money(cid: str, text: str, value: float, unit: str, *, approximate: bool, published: str,
           month: int | None = None) -> Claim:
    q = Quantity(text, 0, len(text), value, value, approximate=approximate, tolerance=0.1 if approximate else 0.0,
                 kind="money", unit=unit)
    year = int(published[:4])
    when = {} if month is None else {"time_text": f"in {dt.date(year, month, 1):%B}",
                                     "time_start": dt.date(year, month, 1), "time_end": dt.date(year, month, 28)}
    return Claim(cid, cid, 0, len(text), text, 0, text, q, thing="fund", thing_norm="fund", topic="fund",
                 event_norm="pay", extra={"published": published}, **when)


_codes = st.sampled_from(KNOWN)
_years = st.integers(min_value=TABLE.first_year - REFERENCE_REACH, max_value=TABLE.last_year + REFERENCE_REACH)


@given(a=_codes, b=_codes, year=_years)
def test_reference_rates_converting_there_and_back_is_identity(a, b, year):
    rate = TABLE.rate(a, b, year)
    if a == b or TABLE.value(a, year) is None or TABLE.value(b, year) is None:
        assert rate is None
        return
    rates = as_rates([rate])
    assert rates.factor(a, b) * rates.factor(b, a) == pytest.approx(1.0)
    assert rates.factor(a, b) == pytest.approx(TABLE.value(a, year) / TABLE.value(b, year))
    assert rate.value >= 1.0  # written from the dearer currency: "1 GBP ≈ 1.29 USD", "1 USD ≈ 151 JPY"


@given(a=_codes, b=_codes, year=st.integers(min_value=TABLE.first_year, max_value=TABLE.last_year),
       x=st.floats(min_value=1.0, max_value=1e12), y=st.floats(min_value=1.0, max_value=1e12),
       approx_a=st.booleans(), approx_b=st.booleans(), later=st.booleans())
def test_reference_rates_never_make_a_conflict_or_an_update(a, b, year, x, y, approx_a, approx_b, later):
    if a == b:
        return
    published = f"{year}-12-01"
    ca = _money("a", f"{x:g}", x, a, approximate=approx_a, published=published, month=1 if later else None)
    cb = _money("b", f"{y:g}", y, b, approximate=approx_b, published=published, month=3 if later else None)
    rates = as_rates({}, reference=True)
    finding = judge(Alignment(ca, cb, 0.9, ("same thing: fund",)), rates=rates)
    linked = TABLE.rate(a, b, year) is not None
    if not linked:
        assert finding is None  # no rate for that year: nothing to compare
        return
    assert finding is not None and finding.status in ("agree", "review")
    assert f"{year} reference rate" in finding.reason


@given(x=st.floats(min_value=1.0, max_value=1e9), y=st.floats(min_value=1.0, max_value=1e9),
       rate=st.floats(min_value=0.5, max_value=2.0))
def test_reference_rates_a_supplied_rate_judges_as_before(x, y, rate):
    ca = _money("a", f"£{x:g}", x, "GBP", approximate=False, published="2017-06-20")
    cb = _money("b", f"${y:g}", y, "USD", approximate=True, published="2017-06-20")
    al = Alignment(ca, cb, 0.9, ("same thing: fund",))
    supplied = as_rates({"GBP": rate})
    assert judge(al, rates=as_rates(supplied, reference=True)) == judge(al, rates=supplied)
    assert not by_reference(ca.quantity, cb.quantity, rates=pair_rates(ca.quantity, cb.quantity,
                                                                      rates=as_rates(supplied, reference=True),
                                                                      year=2017))


def test_reference_rates_room_is_a_policy_field(nlp):
    text_a, text_b, year, _ = AGREEMENTS["gbp-fund"]
    articles = _articles(text_a, text_b, year)
    claims = extract_claims(articles, nlp=nlp)
    tight = judge_claims(articles, claims, group_by="none", tolerance=Tolerance(reference_room=0.0)).findings
    loose = judge_claims(articles, claims, group_by="none").findings
    assert [f.status for f in loose] == ["agree"]
    # £5m (4.5m-5.5m once rounded) against about $6.4m (4.89m-5.04m GBP at 1.289): they meet with no room too
    assert [f.status for f in tight] == ["agree"]
    far = judge_claims(_articles(*FAR, 2017), extract_claims(_articles(*FAR, 2017), nlp=nlp), group_by="none",
                       tolerance=Tolerance(reference_room=0.5)).findings
    assert [f.status for f in far] == ["agree"]  # with half the value of room, $9m reaches £5m
