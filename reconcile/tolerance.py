"""The interval a quantity allows: what its writer's rounding, approximator and unit leave open.

The rule
--------
A figure written approximately ("about 5,200", "nearly 187,000") tells two things:
the approximator says it is not exact, and the digits say how exact it is. A writer
who rounds to hundreds writes "about 5,200"; one who rounds to thousands writes
"about 5,000". So an approximate figure reaches from its stated value by

    ``min(steps x written step, table tolerance x |value|)``, at least ``floor x |value|``

where the *written step* is the place of its last significant non-zero digit
(:func:`written_step`: "about 60" -> 10, "about 5,000" -> 1,000, "about 5,200" ->
100, "nearly 187,000" -> 1,000, "about 1.5 million" -> 100,000, "about 60.5%" ->
0.1), ``steps`` is 1 by default (the writer's last digit may be off by one: a true
5,270 may be written "about 5,200" by one who truncates and "about 5,300" by one who
rounds), and the *table tolerance* is the approximator's own relative tolerance from
the number tables (10 % for "about", "nearly", "just over"), which caps the room.

The cap matters for figures with one significant digit: "about 60" has a written
step of 10 but reaches only 6 (10 %), so "about 60%" and 64% agree while 70%
conflicts. From two significant digits on the step is smaller than 10 % and decides:
"about 5,200" reaches 100, so 5,400 conflicts, where the table alone (520) let it
agree. A point widens both ways; a one-sided approximate bound ("nearly 187,000",
"just over 300") widens on its open side only; ranges and comparators ("more than",
"at least") keep the interval they state (:meth:`reconcile.model.Quantity.widened`).

A figure stated exactly is not widened, except against a figure in another unit or
currency: a writer converting "300 metres" into feet rounds, so an exact figure then
allows half the step of the last digit it is written with, zeros included ("300"
-> 1, "1.6" -> 0.1): 299.5 to 300.5 m, which 984 feet (299.9 m) meets and 948 feet
(288.9 m) does not.

Every choice is a field of :class:`Tolerance`; ``Tolerance(steps=None)`` gives
approximators their table tolerance only, as before this module.

Money in two currencies is compared at a rate the user supplies or an article states
(:class:`Rate`, :func:`as_rates`), which may prove a conflict; where none links the two
currencies, at the bundled reference rate of the claims' year (:class:`ReferenceRates`,
:func:`pair_rates`): an approximate annual average, so the converted sum is given
``Tolerance.reference_room`` (8%) either way and the pair may agree, never conflict.
:func:`money_reason` says which rate was used, for the finding's reason.

Examples
--------
>>> from reconcile.quantities import parse_quantities
>>> def allows(text):
...     lo, hi, _, _ = interval(parse_quantities(text)[0])
...     return lo, hi
>>> allows("about 60%")        # 64% agrees, 70% conflicts
(54.0, 66.0)
>>> allows("about 5,000")      # 5,400 agrees
(4500.0, 5500.0)
>>> allows("about 5,200")      # 5,400 conflicts (the table alone: 4,680 to 5,720)
(5100.0, 5300.0)
>>> allows("nearly 187,000")   # 185,500 conflicts
(186000.0, 187000.0)
>>> allows("about 1.5 million")
(1400000.0, 1600000.0)
>>> allows("about 1.23 million")
(1220000.0, 1240000.0)
>>> lo, hi, _, _ = interval(parse_quantities("about 5,200")[0], policy=Tolerance(steps=None))
>>> lo, hi
(4680.0, 5720.0)
"""
from __future__ import annotations

import math
import re
import tomllib
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from reconcile.errors import ReconcileError
from reconcile.model import Quantity
from reconcile.units import to_base

__all__ = [
    "DEFAULT_TOLERANCE", "REFERENCE", "REFERENCE_REACH", "Interval", "Rate", "RateError", "Rates", "ReferenceRates",
    "Tolerance", "ToleranceError", "allowance", "as_rates", "by_reference", "convert_money", "interval",
    "load_reference_rates", "money_reason", "pair_rates", "parse_rate", "stated_rate", "written_step",
]

Interval = tuple[float, float, bool, bool]
"""``(low, high, low_inclusive, high_inclusive)``; unbounded sides are ``-inf``/``inf``."""

DEFAULT_QUOTE = "USD"
"""The currency a bare rate is quoted in: ``{"EUR": 1.08}`` is 1 EUR = 1.08 USD."""

REFERENCE_REACH = 2
"""How many years before or after the reference table a claim's year may lie and still be
converted at the table's nearest year; beyond that, rates have drifted too far to say."""
REFERENCE = "reference"
"""The origin of a rate from the bundled table (:class:`ReferenceRates`)."""

# The first numeral of a mention, with thousands separators (comma, thin or no-break
# space, or a plain space before exactly three digits) and a decimal part.
_NUMERAL = re.compile(r"[0-9]{1,3}(?:[,\u202f\u00a0 ][0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
# A value read from words with more significant digits than this ("a third" is
# 33.333...%) says nothing of its writer's precision.
_MAX_DIGITS = 6
_RATE = re.compile(
    r"^\s*(?:1\s+)?(?P<base>[A-Za-z]{3})\s*(?:/\s*(?P<quote>[A-Za-z]{3}))?\s*[=:]?\s*"
    r"(?P<value>[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\s*(?P<quote2>[A-Za-z]{3})?\s*$")


class ToleranceError(ReconcileError):
    """A tolerance policy was given a value it cannot use (a negative step or share)."""


class RateError(ReconcileError):
    """An exchange rate is malformed, or no supplied rate links two currencies."""


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How much room a figure is given beyond what it states.

    Parameters
    ----------
    steps
        An approximate figure reaches at most this many steps of its written precision
        (:func:`written_step`) from its value; default 1.0. ``None``: approximators use
        only their table tolerance (the behaviour before precision was read).
    floor
        Least room of an approximate figure, as a share of its value; default 0.0 (none).
    ceiling
        Most room of an approximate figure, as a share of its value; default ``None``:
        the approximator's own tolerance from the number tables (0.1 for "about").
    unit_steps
        Room of an exact figure compared with one in another unit or currency, in steps
        of the last digit it is written with; default 0.5 (it was rounded to that digit).
    reference_room
        Room of a sum converted at a reference rate (:class:`ReferenceRates`), as a share
        of its value either way; default 0.08: a year's average rate may be several
        percent off the day's, and the writer who converted rounded.

    Examples
    --------
    >>> Tolerance()
    Tolerance(steps=1.0, floor=0.0, ceiling=None, unit_steps=0.5, reference_room=0.08)
    >>> Tolerance(steps=-1)
    Traceback (most recent call last):
    ...
    reconcile.tolerance.ToleranceError: Tolerance.steps must be a number >= 0 or None, not -1
    """

    steps: float | None = 1.0
    floor: float = 0.0
    ceiling: float | None = None
    unit_steps: float = 0.5
    reference_room: float = 0.08

    def __post_init__(self) -> None:
        for name in ("steps", "floor", "ceiling", "unit_steps", "reference_room"):
            value = getattr(self, name)
            optional = name in ("steps", "ceiling")
            if value is None and optional:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0 \
                    or not math.isfinite(value):
                allowed = "a number >= 0 or None" if optional else "a number >= 0"
                raise ToleranceError(f"Tolerance.{name} must be {allowed}, not {value!r}")


DEFAULT_TOLERANCE = Tolerance()
"""The policy :func:`interval` uses when given none."""


def interval(q: Quantity, *, other: Quantity | None = None, rates: Rates | Mapping[str, float] | None = None,
             policy: Tolerance | None = None) -> Interval:
    """The interval ``q`` allows, in base units when it has a unit.

    Parameters
    ----------
    q
        The quantity.
    other
        The quantity it is compared with (default ``None``): an exact figure is widened
        by half its last digit only when ``other`` is in another unit or currency, and
        money is converted only when ``other`` is money in another currency.
    rates
        Exchange rates (:func:`as_rates`: ``{"EUR": 1.08}`` is 1 EUR = 1.08 USD); default
        ``None``: money is never converted. A sum converted at a reference rate
        (:func:`pair_rates`) is widened by ``policy.reference_room`` either way.
    policy
        Default ``None``: :data:`DEFAULT_TOLERANCE`.

    Returns
    -------
    Interval
        ``(low, high, low_inclusive, high_inclusive)``. Money in two currencies linked by
        ``rates`` comes back in the one whose code sorts first, so both sides of a pair
        land in the same currency.

    Examples
    --------
    >>> from reconcile.quantities import parse_quantities
    >>> m300, ft984 = parse_quantities("300 metres or 984 feet")
    >>> interval(m300)
    (300.0, 300.0, True, True)
    >>> lo, hi, _, _ = interval(m300, other=ft984)
    >>> round(lo, 1), round(hi, 1)
    (299.5, 300.5)
    >>> eur, usd = parse_quantities("€100m or $109m")
    >>> interval(eur, other=usd, rates={"EUR": 1.08})
    (99500000.0, 100500000.0, True, True)
    >>> lo, hi, _, _ = interval(usd, other=eur, rates={"EUR": 1.08})
    >>> round(lo / 1e6, 3), round(hi / 1e6, 3)
    (100.463, 101.389)
    >>> reference = as_rates([Rate("EUR", "USD", 1.08, REFERENCE, year=2023)])
    >>> lo, hi, _, _ = interval(usd, other=eur, rates=reference)  # 8% either way
    >>> round(lo / 1e6, 1), round(hi / 1e6, 1)
    (92.4, 109.5)
    """
    policy = DEFAULT_TOLERANCE if policy is None else policy
    lo, hi, lo_inc, hi_inc = _widened(q, policy)
    if lo == hi and not q.approximate and other is not None and _SCALED.search(q.text) \
            and _finer(other, q):
        # "1.6 million" against "1.57 million": a figure written in millions is rounded
        # to its last digit, and a finer one inside that rounding agrees with it
        lo, hi = _rounded(q, lo, policy)
    crosses = other is not None and bool(other.unit) and bool(q.unit) and other.unit != q.unit
    if q.kind == "measure" and q.unit:
        if crosses and lo == hi and not q.approximate:
            lo, hi = _rounded(q, lo, policy)
        lo = to_base(lo, q.unit)[0] if math.isfinite(lo) else lo
        hi = to_base(hi, q.unit)[0] if math.isfinite(hi) else hi
        if lo > hi:  # conversions with an offset keep order, but be safe
            lo, hi = hi, lo
    elif crosses and rates is not None and other is not None:
        table = as_rates(rates)
        factor = _money_factor(q, other, table)
        if factor is not None:
            if lo == hi and not q.approximate:
                lo, hi = _rounded(q, lo, policy)
            lo, hi = lo * factor, hi * factor
            if q.unit != min(q.unit, other.unit) and by_reference(q, other, rates=table):
                # a year's average is not the day's rate, and the writer who converted rounded
                lo, hi = lo - abs(lo) * policy.reference_room, hi + abs(hi) * policy.reference_room
    return lo, hi, lo_inc, hi_inc


def _money_factor(q: Quantity, other: Quantity, rates: Rates) -> float | None:
    """What 1 of ``q``'s currency is worth in the currency both sides of the pair are
    compared in (the code that sorts first); ``None`` when no rate links the two."""
    if q.kind != "money" or other.kind != "money" or not q.unit or not other.unit:
        return None
    if rates.path(q.unit, other.unit) is None:
        return None
    return rates.factor(q.unit, min(q.unit, other.unit))


def allowance(q: Quantity, *, policy: Tolerance | None = None) -> float:
    """How far an approximate figure reaches from its stated value; 0 for an exact one.

    ``min(steps x written step, ceiling x |value|)``, at least ``floor x |value|``, where the
    ceiling is the approximator's table tolerance unless the policy sets one; 0 when the
    approximator's tolerance (or the policy's ceiling) is 0.

    >>> from reconcile.quantities import parse_quantities
    >>> [allowance(q) for q in parse_quantities("about 60, about 5,200, 5,200 and nearly 187,000")]
    [6.0, 100.0, 0.0, 1000.0]
    >>> allowance(parse_quantities("about 5,200")[0], policy=Tolerance(steps=0.5))
    50.0
    """
    policy = DEFAULT_TOLERANCE if policy is None else policy
    value = _stated(q)
    cap = q.tolerance if policy.ceiling is None else policy.ceiling
    if not q.approximate or value is None or not cap:
        return 0.0
    room = abs(value) * cap
    if policy.steps is not None:
        step = written_step(q)
        if step is not None:
            room = min(room, policy.steps * step)
    return _clean(max(room, abs(value) * policy.floor))


def written_step(q: Quantity, *, zeros: bool = False) -> float | None:
    """The precision ``q`` is written to: the place of its last significant digit.

    Parameters
    ----------
    q
        The quantity; its first numeral is read from ``q.text`` and scaled to its value
        ("1.5 million": 0.1 million). Without digits (a number in words) the value's own
        digits are used; ``None`` when they say nothing ("a third": 33.333...%).
    zeros
        Count the trailing zeros of a whole number as significant ("300" -> 1 rather than
        100); default ``False``. Zeros after a decimal point are always significant
        ("60.0" -> 0.1).

    Examples
    --------
    >>> from reconcile.quantities import parse_quantities
    >>> [written_step(q) for q in parse_quantities("about 60, 5,000, 5,200, 1.5 million, 60.5%, sixty")]
    [10.0, 1000.0, 100.0, 100000.0, 0.1, 10.0]
    >>> [written_step(q, zeros=True) for q in parse_quantities("300, 1.5 million, £3m, 1.6 km2")]
    [1.0, 100000.0, 1000000.0, 0.1]
    """
    value = _stated(q)
    if value is None:
        return None
    return _step(q.text, value, zeros)


@lru_cache(maxsize=8192)
def _step(text: str, value: float, zeros: bool) -> float | None:
    # cached: judge asks once per aligned pair, and a figure is in many pairs
    m = _NUMERAL.search(text)
    if m is not None:
        step = _numeral_step(m.group(), value, zeros)
        if step is not None:
            return step
    return _value_step(value, zeros)


def _numeral_step(numeral: str, value: float, zeros: bool) -> float | None:
    """The step of a numeral as written, scaled to ``value``; ``None`` when the numeral is
    not the value times a power of ten (part of a fraction, "2½ million")."""
    digits = re.sub(r"[^0-9.]", "", numeral)
    whole, _, decimals = digits.partition(".")
    mantissa = float(digits)
    if mantissa == 0 or value == 0:
        return None
    exponent = round(math.log10(abs(value) / mantissa))
    if not math.isclose(abs(value), mantissa * 10.0 ** exponent, rel_tol=1e-9):
        return None
    if decimals:
        places = -len(decimals)
    elif zeros:
        places = 0
    else:
        places = len(whole) - len(whole.rstrip("0"))
    return _clean(10.0 ** (places + exponent))


def _value_step(value: float, zeros: bool) -> float | None:
    d = Decimal(repr(abs(value))).normalize()
    if value == 0 or len(d.as_tuple().digits) > _MAX_DIGITS:
        return None
    exponent = int(d.as_tuple().exponent)
    if zeros:
        exponent = min(exponent, 0)  # "three hundred" gives no sign of rounding: as "300"
    return _clean(10.0 ** exponent)


def _stated(q: Quantity) -> float | None:
    """The value an approximator applies to: the point, or the one bound stated."""
    if q.low is not None and q.high is not None:
        return q.low if q.low == q.high else None
    return q.low if q.low is not None else q.high


def _widened(q: Quantity, policy: Tolerance) -> Interval:
    """:meth:`Quantity.widened` with the room of :func:`allowance`."""
    if policy.steps is None and policy.ceiling is None and not policy.floor:
        return q.widened()  # the table's tolerance only: exactly as before
    lo = -math.inf if q.low is None else q.low
    hi = math.inf if q.high is None else q.high
    lo_inc, hi_inc = q.low_inclusive, q.high_inclusive
    room = allowance(q, policy=policy)
    if not room:
        return lo, hi, lo_inc, hi_inc
    if q.low is not None and q.high is not None:
        return lo - room, hi + room, True, True
    if q.low is None:
        return hi - room, hi, True, hi_inc
    return lo, lo + room, lo_inc, True


_SCALED = re.compile(r"\d\s*(?:million|billion|trillion|mn|bn|m|b|k)\b", re.IGNORECASE)


def _finer(other: Quantity, q: Quantity) -> bool:
    """Whether ``other`` is written to a finer digit than ``q`` ("1.57 million" than "1.6 million")."""
    mine, theirs = written_step(q, zeros=True), written_step(other, zeros=True)
    return mine is not None and theirs is not None and theirs < mine


def _rounded(q: Quantity, value: float, policy: Tolerance) -> tuple[float, float]:
    """An exact figure as rounded to the last digit it is written with."""
    step = written_step(q, zeros=True)
    half = policy.unit_steps * (1.0 if step is None else step)
    return value - half, value + half


def _clean(x: float) -> float:
    # 60 x 0.1 is 6.000000000000001 in binary; a room or step has no such digits
    return float(f"{x:.12g}")


@dataclass(frozen=True, slots=True)
class Rate:
    """One exchange rate: 1 ``base`` is worth ``value`` ``quote``.

    ``origin`` says where it comes from, for the reason of a finding: ``"supplied"`` (by
    the user), for :func:`stated_rate` ``"stated in <source>"``, or :data:`REFERENCE`
    with the ``year`` whose average it is (:class:`ReferenceRates`).

    >>> str(Rate("EUR", "USD", 1.08))
    '1 EUR = 1.08 USD'
    >>> Rate("EUR", "USD", 1.08).reason()
    'at the supplied rate 1 EUR = 1.08 USD'
    >>> Rate("USD", "JPY", 151.4551, REFERENCE, year=2024).reason()
    'at the 2024 reference rate 1 USD ≈ 151 JPY'
    """

    base: str
    quote: str
    value: float
    origin: str = "supplied"
    year: int | None = field(default=None, repr=False)  # of a reference rate: the year it is the average of

    def __post_init__(self) -> None:
        for name in ("base", "quote"):
            code = getattr(self, name)
            if not (isinstance(code, str) and code.isalpha()):
                raise RateError(f"a currency is a code such as EUR, not {code!r}")
            object.__setattr__(self, name, code.upper())  # "eur" and "EUR" are one currency
        if isinstance(self.value, bool) or not (isinstance(self.value, (int, float)) and math.isfinite(self.value)
                                                and self.value > 0):
            raise RateError(f"an exchange rate must be a positive number, not {self.value!r} "
                            f"(write 1 {self.base} = 1.08 {self.quote} as {self.base}/{self.quote}=1.08)")
        if self.base == self.quote:
            raise RateError(f"a rate needs two currencies, got {self.base} twice")
        if (self.origin == REFERENCE) != isinstance(self.year, int) or isinstance(self.year, bool):
            raise RateError(f"a reference rate, and only one, names the year it is the average of, "
                            f"not {self.year!r}")

    def __str__(self) -> str:
        if self.origin == REFERENCE:
            return f"1 {self.base} ≈ {_rough(self.value)} {self.quote}"  # an average: its digits would overstate it
        return f"1 {self.base} = {self.value:.6g} {self.quote}"

    def reason(self) -> str:
        """The words a finding gives for a conversion at this rate."""
        if self.origin == "supplied":
            return f"at the supplied rate {self}"
        if self.origin == REFERENCE:
            return f"at the {self.year} reference rate {self}"
        return f"at the rate {self.origin}, {self}"


def _rough(value: float) -> str:
    """A rate to three significant figures, grouped: "1.29", "151", "15,200"."""
    x = float(f"{value:.3g}")
    return f"{x:,.0f}" if x >= 100 else f"{x:.3g}"


@dataclass(frozen=True, slots=True)
class Rates:
    """Exchange rates, by which money converts from one currency to another.

    A rate converts both ways (at 1 EUR = 1.08 USD, 108 USD is 100 EUR) and rates chain
    (GBP to EUR to USD); where several chains link two currencies, the shortest is used,
    the first in sorted order among equals. Build one with :func:`as_rates`.

    ``reference`` is a table of reference rates to fall back on where none of ``rates``
    links two currencies (:func:`pair_rates`); default ``None``: none.
    """

    rates: tuple[Rate, ...]
    reference: ReferenceRates | None = None

    def path(self, source: str, target: str) -> tuple[tuple[Rate, bool], ...] | None:
        """The rates that take ``source`` to ``target``, each with whether it is used
        inverted; ``()`` for one currency, ``None`` when no rate links them."""
        return _path(self.rates, source.upper(), target.upper())

    def factor(self, source: str, target: str) -> float | None:
        """What 1 ``source`` is worth in ``target``; ``None`` when no rate links them.

        >>> as_rates({"EUR": 1.08, "GBP/EUR": 1.17}).factor("GBP", "USD")
        1.2636
        """
        path = self.path(source, target)
        if path is None:
            return None
        factor = 1.0
        for rate, inverted in path:
            factor = factor / rate.value if inverted else factor * rate.value
        return factor

    def reason(self, source: str, target: str) -> str:
        """Which rates convert ``source`` to ``target``, in words; ``""`` when none is needed.

        >>> as_rates({"EUR": 1.08, "GBP/EUR": 1.17}).reason("USD", "GBP")
        'at the supplied rates 1 EUR = 1.08 USD and 1 GBP = 1.17 EUR'
        """
        path = self.path(source, target)
        if not path:
            return ""
        used = [rate for rate, _ in path]
        if len(used) > 1 and all(r.origin == "supplied" for r in used):
            return "at the supplied rates " + " and ".join(str(r) for r in used)
        return " and ".join(r.reason() for r in used)


def parse_rate(text: str, *, quote: str = DEFAULT_QUOTE, origin: str = "supplied") -> Rate:
    """A rate from how a user writes one: ``EUR=1.08``, ``EUR/USD=1.08``, ``1 EUR = 1.08 USD``.

    A bare code is quoted in ``quote`` (default USD); ``EUR/USD=1.08`` follows the market's
    way of writing a pair: 1 EUR costs 1.08 USD.

    Raises
    ------
    RateError
        The text is not a rate.

    Examples
    --------
    >>> parse_rate("EUR=1.08"), parse_rate("gbp/eur 1.17"), parse_rate("1 JPY = 0.0067 USD")
    (Rate(base='EUR', quote='USD', value=1.08, origin='supplied'), \
Rate(base='GBP', quote='EUR', value=1.17, origin='supplied'), \
Rate(base='JPY', quote='USD', value=0.0067, origin='supplied'))
    """
    m = _RATE.match(text)
    if m is None or (m.group("quote") and m.group("quote2")):
        raise RateError(f"cannot read {text!r} as an exchange rate: write EUR=1.08, EUR/USD=1.08 "
                        f"or '1 EUR = 1.08 USD'")
    target = (m.group("quote") or m.group("quote2") or quote).upper()
    return Rate(m.group("base").upper(), target, float(m.group("value")), origin)


def as_rates(rates: Rates | Mapping[str, float] | Iterable[Rate | str], *, quote: str = DEFAULT_QUOTE,
             reference: bool | ReferenceRates | None = None) -> Rates:
    """Rates from a mapping (``{"EUR": 1.08, "GBP/EUR": 1.17}``), from :class:`Rate` objects or
    strings :func:`parse_rate` reads, or a :class:`Rates` as it is.

    In a mapping, a bare code is quoted in ``quote`` (default USD: ``{"EUR": 1.08}`` is
    1 EUR = 1.08 USD) and a pair ``"EUR/USD"`` says both. ``reference`` sets the table of
    reference rates to fall back on (:attr:`Rates.reference`): ``True`` the bundled one
    (:func:`load_reference_rates`), a :class:`ReferenceRates` that one, ``False`` none;
    default ``None``: as ``rates`` has it (none, unless a :class:`Rates` carries one).

    Raises
    ------
    RateError
        A key or value is not a rate.

    Examples
    --------
    >>> as_rates({"EUR": 1.08}).factor("USD", "EUR") == 1 / 1.08
    True
    >>> as_rates(["EUR=1.08"]) == as_rates({"EUR": 1.08})
    True
    >>> as_rates({}, reference=True).reference.rate("GBP", "USD", 2017).reason()
    'at the 2017 reference rate 1 GBP ≈ 1.29 USD'
    """
    table = _as_rates(rates, quote)
    if reference is None or (reference is False and table.reference is None):
        return table
    if reference is True:
        reference = load_reference_rates()
    return replace(table, reference=reference or None)


def _as_rates(rates: Rates | Mapping[str, float] | Iterable[Rate | str], quote: str) -> Rates:
    if isinstance(rates, Rates):
        return rates
    if isinstance(rates, Mapping):
        try:
            items = tuple(sorted((str(k), float(v)) for k, v in rates.items()))
        except (TypeError, ValueError) as e:
            raise RateError(f"exchange rates must map a currency to a number, as {{'EUR': 1.08}}: {e}") from e
        return _rates_from_items(items, quote.upper())
    parsed = tuple(r if isinstance(r, Rate) else parse_rate(str(r), quote=quote) for r in rates)
    return Rates(tuple(sorted(parsed, key=lambda r: (r.base, r.quote, r.value, r.origin))))


@lru_cache(maxsize=64)
def _rates_from_items(items: tuple[tuple[str, float], ...], quote: str) -> Rates:
    # cached: judge asks for the same supplied mapping once per aligned pair
    rates = []
    for key, value in items:
        base, _, pair_quote = key.partition("/")
        rates.append(parse_rate(f"{base}/{pair_quote or quote}={value!r}"))
    return Rates(tuple(sorted(rates, key=lambda r: (r.base, r.quote, r.value, r.origin))))


@lru_cache(maxsize=256)
def _path(rates: tuple[Rate, ...], source: str, target: str) -> tuple[tuple[Rate, bool], ...] | None:
    """Breadth-first search over the currencies: the shortest chain of rates, ties broken by
    the order of ``rates``."""
    if source == target:
        return ()
    back: dict[str, tuple[str, Rate, bool]] = {}
    queue = deque([source])
    seen = {source}
    while queue:
        here = queue.popleft()
        for rate in rates:
            for start, end, inverted in ((rate.base, rate.quote, False), (rate.quote, rate.base, True)):
                if start != here or end in seen:
                    continue
                seen.add(end)
                back[end] = (here, rate, inverted)
                if end == target:
                    chain = []
                    node = end
                    while node != source:
                        prev, used, inv = back[node]
                        chain.append((used, inv))
                        node = prev
                    return tuple(reversed(chain))
                queue.append(end)
    return None


def convert_money(value: float, currency: str, to: str, *, rates: Rates | Mapping[str, float]) -> tuple[float, str]:
    """``value`` in ``currency`` converted to ``to``, with the reason that names the rate.

    Raises
    ------
    RateError
        No rate in ``rates`` links the two currencies.

    Examples
    --------
    >>> convert_money(100, "EUR", "USD", rates={"EUR": 1.08})
    (108.0, 'at the supplied rate 1 EUR = 1.08 USD')
    >>> convert_money(100, "EUR", "JPY", rates={"EUR": 1.08})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    reconcile.tolerance.RateError: no supplied rate links EUR to JPY: add one, written JPY/EUR=<rate> ...
    """
    table = as_rates(rates)
    factor = table.factor(currency, to)
    if factor is None:
        src, dst = currency.upper(), to.upper()
        raise RateError(f"no supplied rate links {src} to {dst}: add one, written {dst}/{src}=<rate> "
                        f"(what 1 {dst} is worth in {src})")
    return _clean(value * factor), table.reason(currency, to)


def money_reason(a: Quantity, b: Quantity, *, rates: Rates | Mapping[str, float] | None) -> str:
    """Which rate :func:`interval` used to compare ``a`` and ``b``; ``""`` when it converted
    nothing (the same currency, no money, or no rate linking the two).

    >>> from reconcile.quantities import parse_quantities
    >>> eur, usd = parse_quantities("€100m or $109m")
    >>> money_reason(eur, usd, rates={"EUR": 1.08})
    'at the supplied rate 1 EUR = 1.08 USD'
    >>> money_reason(eur, usd, rates=None)
    ''
    """
    if rates is None or a.kind != "money" or b.kind != "money" or not a.unit or not b.unit:
        return ""
    return as_rates(rates).reason(max(a.unit, b.unit), min(a.unit, b.unit))


def stated_rate(amount: Quantity, equivalent: Quantity, *, source: str = "the article") -> Rate:
    """The rate an article implies by giving one amount in two currencies ("€100m ($108m)").

    Raises
    ------
    RateError
        The two are not single amounts of money in two currencies.

    Examples
    --------
    >>> from reconcile.quantities import parse_quantities
    >>> eur, usd = parse_quantities("€100m ($108m)")
    >>> rate = stated_rate(eur, usd, source="bbc.txt")
    >>> rate.reason()
    'at the rate stated in bbc.txt, 1 EUR = 1.08 USD'
    """
    if amount.kind != "money" or equivalent.kind != "money" or not amount.unit or not equivalent.unit \
            or amount.value is None or equivalent.value is None or amount.value == 0:
        raise RateError(f"'{amount.text}' and '{equivalent.text}' are not one amount in two currencies")
    return Rate(amount.unit.upper(), equivalent.unit.upper(), _clean(equivalent.value / amount.value),
                f"stated in {source}")


@dataclass(frozen=True, slots=True, eq=False)
class ReferenceRates:
    """Approximate annual average exchange rates, for confirming that two sums agree.

    ``usd[code][year]`` is what one unit of ``code`` was worth in US dollars on average
    over ``year``, from ``first_year`` to ``last_year`` (:func:`load_reference_rates`; the
    bundled table's header says where its figures come from and what it leaves out). A
    year at most :data:`REFERENCE_REACH` years outside the table is read as the nearest
    year in it. A sum converted at one of these rates may agree with another, but never
    conflicts with it: an average is not the day's rate.

    >>> table = load_reference_rates()
    >>> str(table.rate("JPY", "USD", 2024)), str(table.rate("EUR", "GBP", 2019))
    ('1 USD ≈ 151 JPY', '1 GBP ≈ 1.14 EUR')
    >>> table.rate("GBP", "USD", 2031) is None  # beyond the table's reach
    True
    """

    usd: Mapping[str, Mapping[int, float]]
    first_year: int
    last_year: int

    @property
    def currencies(self) -> frozenset[str]:
        """The currencies with a figure for some year, the dollar among them."""
        return frozenset(self.usd)

    def year(self, year: int) -> int | None:
        """The table's year for a claim of ``year``: itself, else the nearest within reach, else ``None``."""
        nearest = min(max(year, self.first_year), self.last_year)
        return nearest if abs(nearest - year) <= REFERENCE_REACH else None

    def value(self, code: str, year: int) -> float | None:
        """What one ``code`` was worth in US dollars in ``year`` (read by :meth:`year`);
        ``None`` where the table gives no figure."""
        at = self.year(year)
        return None if at is None else self.usd.get(code.upper(), {}).get(at)

    def rate(self, a: str, b: str, year: int) -> Rate | None:
        """The reference rate between ``a`` and ``b`` in ``year``, the dearer currency as its
        base ("1 GBP ≈ 1.29 USD", "1 USD ≈ 151 JPY"); ``None`` where the table lacks either."""
        worth = {code.upper(): self.value(code, year) for code in (a, b)}
        if len(worth) < 2 or None in worth.values():
            return None
        (base, high), (quote, low) = sorted(worth.items(), key=lambda kv: (-kv[1], kv[0]))
        return Rate(base, quote, _clean(high / low), REFERENCE, year=self.year(year))


@lru_cache(maxsize=8)
def load_reference_rates(path: str | None = None) -> ReferenceRates:
    """The table of reference rates: the bundled ``reconcile/data/rates.toml``, or a file of its layout.

    Parameters
    ----------
    path
        A TOML file with ``quote = "USD"``, ``first_year``, ``last_year`` and a table
        ``[rates.CODE]`` per currency of ``YEAR = dollars per unit``; default ``None``:
        the bundled one. Nothing is downloaded.

    Raises
    ------
    RateError
        The file cannot be read, or a figure is not a positive number of a year in its range.

    Examples
    --------
    >>> table = load_reference_rates()
    >>> table.first_year, table.value("USD", 2017), table.value("GBP", 2017)
    (2000, 1.0, 1.289)
    """
    if path is None:
        where = "reconcile/data/rates.toml"
        text = resources.files("reconcile.data").joinpath("rates.toml").read_text("utf-8")
    else:
        where = path
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise RateError(f"cannot read reference rates from {path}: {e}") from e
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise RateError(f"{where} is not TOML: {e}") from e
    return _reference_table(data, where)


def _reference_table(data: dict, where: str) -> ReferenceRates:
    first, last = data.get("first_year"), data.get("last_year")
    if data.get("quote") != DEFAULT_QUOTE or not (isinstance(first, int) and isinstance(last, int) and first <= last):
        raise RateError(f'{where} must say quote = "{DEFAULT_QUOTE}" and first_year <= last_year')
    tables = data.get("rates", {})
    if not isinstance(tables, dict):
        raise RateError(f"{where}: rates must be tables [rates.CODE] of YEAR = dollars per unit")
    usd: dict[str, Mapping[int, float]] = {DEFAULT_QUOTE: MappingProxyType(dict.fromkeys(range(first, last + 1), 1.0))}
    for code, years in sorted(tables.items()):
        if not (isinstance(code, str) and len(code) == 3 and code.isalpha() and code.isupper()) \
                or code == DEFAULT_QUOTE or not isinstance(years, dict):
            raise RateError(f"{where}: [rates.{code}] is not a table of a currency code such as EUR")
        figures = {}
        for year, value in years.items():
            if not (year.isdigit() and first <= int(year) <= last) or isinstance(value, bool) \
                    or not isinstance(value, (int, float)) or not (math.isfinite(value) and value > 0):
                raise RateError(f"{where}: {code} {year} = {value!r} is not a positive figure of a year "
                                f"from {first} to {last}")
            figures[int(year)] = float(value)
        usd[code] = MappingProxyType(dict(sorted(figures.items())))
    return ReferenceRates(MappingProxyType(usd), first, last)


def pair_rates(a: Quantity, b: Quantity, *, rates: Rates | Mapping[str, float] | None,
               year: int | None) -> Rates | None:
    """The rates to compare ``a`` and ``b`` at.

    ``rates`` themselves where they link the two currencies (a rate the user supplies
    always wins) or where ``a`` and ``b`` are not sums in two currencies; else, where
    ``rates`` carry a reference table (:attr:`Rates.reference`) that knows both currencies
    in ``year`` (the claims' year), that reference rate alone; else ``rates`` as they are,
    which convert nothing.

    Examples
    --------
    >>> from reconcile.quantities import parse_quantities
    >>> gbp, usd = parse_quantities("£5m or $6.4m")
    >>> pair_rates(gbp, usd, rates=as_rates({}, reference=True), year=2017).rates
    (Rate(base='GBP', quote='USD', value=1.289, origin='reference'),)
    >>> pair_rates(gbp, usd, rates=as_rates({"GBP": 1.5}, reference=True), year=2017).rates
    (Rate(base='GBP', quote='USD', value=1.5, origin='supplied'),)
    """
    if rates is None:
        return None
    table = as_rates(rates)
    if not _two_currencies(a, b) or table.reference is None or year is None \
            or table.path(a.unit, b.unit) is not None:
        return table
    rate = table.reference.rate(a.unit, b.unit, year)
    return table if rate is None else Rates((rate,))


def by_reference(a: Quantity, b: Quantity, *, rates: Rates | Mapping[str, float] | None) -> bool:
    """Whether ``rates`` convert between the sums ``a`` and ``b`` at a reference rate, which
    may show that they agree but never that they conflict.

    >>> from reconcile.quantities import parse_quantities
    >>> gbp, usd = parse_quantities("£5m or $6.4m")
    >>> by_reference(gbp, usd, rates=pair_rates(gbp, usd, rates=as_rates({}, reference=True), year=2017))
    True
    >>> by_reference(gbp, usd, rates={"GBP": 1.28})
    False
    """
    if rates is None or not _two_currencies(a, b):
        return False
    path = as_rates(rates).path(a.unit, b.unit)
    return any(rate.origin == REFERENCE for rate, _ in path or ())


def _two_currencies(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind == "money" and bool(a.unit) and bool(b.unit) and a.unit.upper() != b.unit.upper()
