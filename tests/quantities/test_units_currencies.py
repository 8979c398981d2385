"""Tests for reconcile.quantities.units_currencies: "$5", "RM75,000", "USD 200", "5%", "10 km", "49.6C"."""
from __future__ import annotations

import pytest

from reconcile.quantities import parse_quantities

# (id, text, expected mention text, kind, low, high, extra checks)
CASES = [
    # percent, money, measures
    ("percent-sign", "rose 5% in May", "5%", "percent", 5, 5, {"unit": "%"}),
    ("percent-per-cent", "rose 5 per cent", "5 per cent", "percent", 5, 5, {"unit": "%"}),
    ("percent-words", "five percent", "five percent", "percent", 5, 5, {"unit": "%"}),
    ("money-dollar-bn", "$3.5 billion", "$3.5 billion", "money", 3.5e9, 3.5e9, {"unit": "USD"}),
    ("money-bn-dollars", "5.5bn dollars", "5.5bn dollars", "money", 5.5e9, 5.5e9, {"unit": "USD"}),
    ("money-rupiah", "50 million rupiah", "50 million rupiah", "money", 5e7, 5e7, {"unit": "IDR"}),
    ("money-aud", "A$5 million", "A$5 million", "money", 5e6, 5e6, {"unit": "AUD"}),
    ("money-m-code", "a contract worth 5 MUSD", "5 MUSD", "money", 5e6, 5e6, {"unit": "USD"}),
    ("measure-miles", "Sirte, 280 miles east", "280 miles", "measure", 280, 280, {"unit": "mile"}),
    ("measure-foot-hyphen", "the 984-foot ship", "984-foot", "measure", 984, 984, {"unit": "foot"}),
    ("measure-metre-hyphen", "a 300-metre bridge", "300-metre", "measure", 300, 300, {"unit": "meter"}),
    ("measure-acres", "2,170 acres burned", "2,170 acres", "measure", 2170, 2170, {"unit": "acre"}),
    ("measure-hectares", "880 hectares", "880 hectares", "measure", 880, 880, {"unit": "hectare"}),
    ("measure-tons", "100,000 tons of grain", "100,000 tons", "measure", 1e5, 1e5, {"unit": "ton"}),
    ("measure-pounds", "95,000 pounds of steel", "95,000 pounds", "measure", 95000, 95000, {"unit": "pound"}),
    ("measure-km", "72 kilometres away", "72 kilometres", "measure", 72, 72, {"unit": "kilometer"}),
    ("measure-weeks", "for 16 weeks", "16 weeks", "measure", 16, 16, {"unit": "week"}),
    ("measure-months", "six months later", "six months", "measure", 6, 6, {"unit": "month"}),
    ("measure-age", "a 47-year-old man", "47-year-old", "measure", 47, 47, {"unit": "year"}),
    ("measure-mph", "winds of 80 mph", "80 mph", "measure", 80, 80, {"unit": "mile/hour"}),
    ("measure-celsius", "5 degrees Celsius", "5 degrees Celsius", "measure", 5, 5, {"unit": "degC"}),
    ("measure-magnitude", "a magnitude 6.8 earthquake", "magnitude 6.8", "measure", 6.8, 6.8, {"unit": "dimensionless"}),
    ("measure-magnitude-hyphen", "a magnitude-6.8 quake", "magnitude-6.8", "measure", 6.8, 6.8,
     {"unit": "dimensionless"}),
    # words after a number that are no unit
    ("count-containers", "4,700 containers", "4,700", "count", 4700, 4700, {}),
    ("count-seat-stadium", "a 42,000-seat stadium", "42,000", "count", 42000, 42000, {}),
]


@pytest.mark.parametrize("text,mention,kind,low,high,extra", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_units_currencies_reads_each_form(reads_as, text, mention, kind, low, high, extra):
    reads_as(text, mention, kind, low, high, extra)


CURRENCY_CASES = [
    ("dollar-us-glued", "The regulator imposed a $US7,250,000 penalty.", "$US7,250,000", "USD", 7_250_000),
    ("dollar-us-glued-m", "The miner booked a $US1.5m write-down.", "$US1.5m", "USD", 1.5e6),
    ("us-dollar-prefix", "Washington approved a US$95 million aid package.", "US$95 million", "USD", 9.5e7),
    ("dollar-a-glued", "The Brisbane home fetched $A2,480,000.", "$A2,480,000", "AUD", 2_480_000),
    ("a-dollar", "Woolworths set aside A$390 million.", "A$390 million", "AUD", 3.9e8),
    ("c-dollar", "Shopify lost C$1.2 billion in the quarter.", "C$1.2 billion", "CAD", 1.2e9),
    ("dollar-c-glued", "Quebec spent $C45 million on the bridge.", "$C45 million", "CAD", 4.5e7),
    ("nz-dollar", "Fonterra paid NZ$8.20 per kilo.", "NZ$8.20", "NZD", 8.2),
    ("dollar-nz-glued", "The Auckland council borrowed $NZ300,000.", "$NZ300,000", "NZD", 300_000),
    ("hk-dollar", "The flat sold for HK$12.8 million.", "HK$12.8 million", "HKD", 1.28e7),
    ("dollar-hk-glued", "Bail was set at $HK50,000.", "$HK50,000", "HKD", 50_000),
    ("s-dollar", "DBS earned S$2.7 billion.", "S$2.7 billion", "SGD", 2.7e9),
    ("r-dollar", "Vale will pay R$37.7 billion in damages.", "R$37.7 billion", "BRL", 3.77e10),
    ("ringgit-glued", "The minister was fined RM30,000.", "RM30,000", "MYR", 30_000),
    ("ringgit-spaced", "Petronas posted RM 24.6 billion in profit.", "RM 24.6 billion", "MYR", 2.46e10),
    ("rupee-rs-glued", "The trust received Rs2,500 crore.", "Rs2,500 crore", "INR", 2.5e10),
    ("rupee-sign", "Rail fares rose to ₹1,450.", "₹1,450", "INR", 1450),
    ("rupiah-rp", "The port cost Rp4.2 trillion.", "Rp4.2 trillion", "IDR", 4.2e12),
    ("euro-sign", "Brussels fined Google €2.4bn.", "€2.4bn", "EUR", 2.4e9),
    ("pound-sign", "She won £1,000,000 on the lottery.", "£1,000,000", "GBP", 1e6),
    ("yen-sign", "Sony booked ¥850 billion.", "¥850 billion", "JPY", 8.5e11),
    ("iso-before", "Vodafone agreed to pay EUR 130 million.", "EUR 130 million", "EUR", 1.3e8),
    ("iso-before-m", "Funding of USD 12m was announced.", "USD 12m", "USD", 1.2e7),
    ("iso-after-m", "The transfer fee was 80m EUR.", "80m EUR", "EUR", 8e7),
    ("iso-after", "Kenya raised 1.5 billion USD in bonds.", "1.5 billion USD", "USD", 1.5e9),
]


@pytest.mark.parametrize("text,mention,unit,value", [c[1:] for c in CURRENCY_CASES],
                         ids=[c[0] for c in CURRENCY_CASES])
def test_units_currencies_reads_currency_prefix_with_whole_figure(claim_figures, text, mention, unit, value):
    [(got, kind, got_unit, low, high, _)] = claim_figures(text)
    assert (got, kind, got_unit) == (mention, "money", unit)
    assert low == high == pytest.approx(value)


@pytest.mark.parametrize("text", ["COVID19 spread fast", "the RMS12 form", "a rm75 file", "the A380 landed"],
                         ids=["covid19", "rms-word", "lowercase-rm", "airbus"])
def test_units_currencies_letters_glued_to_digits_are_no_currency_unless_one(text):
    assert not [q for q in parse_quantities(text) if q.kind == "money"]


AGE_AND_RATING_CASES = [
    ("age-hyphen", "The 19-year-old was named in the squad.", "19-year-old", "year", 19, "unit.age"),
    ("category", "Otis struck as a Category 5 hurricane.", "Category 5", "storm_category", 5, "unit.storm_category"),
    ("cat-short", "It was downgraded to a Cat 2 storm.", "Cat 2", "storm_category", 2, "unit.storm_category"),
]


@pytest.mark.parametrize("text,mention,unit,value,rule", [c[1:] for c in AGE_AND_RATING_CASES],
                         ids=[c[0] for c in AGE_AND_RATING_CASES])
def test_units_currencies_ages_and_ratings_are_measures_not_counts(text, mention, unit, value, rule):
    [q] = [q for q in parse_quantities(text) if q.text == mention]
    assert (q.kind, q.unit, q.value, q.rule) == ("measure", unit, value, rule)


MEASURE_CASES = [
    ("celsius-glued", "Spain recorded 47.4C in Montoro.", "47.4C", "degC", 47.4, 47.4),
    ("celsius-glued-int", "London hit 40C for the first time.", "40C", "degC", 40, 40),
    ("fahrenheit-glued", "Las Vegas reached 117F.", "117F", "degF", 117, 117),
    ("celsius-spaced", "It was 43.2 C in Athens.", "43.2 C", "degC", 43.2, 43.2),
    ("minus-degrees", "Moscow shivered at minus 25 degrees.", "minus 25 degrees", "temperature_degree", -25, -25),
    ("degrees-hot-f", "Dallas saw 104 degrees on Monday.", "104 degrees", "temperature_degree", 104, 104),
    ("degrees-temperature", "Temperatures of 30 degrees are forecast.", "30 degrees", "temperature_degree", 30, 30),
    ("degrees-angle", "The tower leans at an angle of 4 degrees.", "4 degrees", "degree", 4, 4),
    ("degrees-turn", "The jet turned 90 degrees to the east.", "90 degrees", "degree", 90, 90),
    ("degrees-latitude", "The quake struck at 38 degrees north.", "38 degrees", "degree", 38, 38),
    ("nautical-miles", "The tanker was seized 20 nautical miles offshore.", "20 nautical miles", "nautical_mile", 20, 20),
    ("percent-of-gdp", "Italy's debt stands at 137 per cent of GDP.", "137 per cent of GDP", "% of GDP", 137, 137),
    ("pct-sign-of-gdp", "Defence spending is 2% of GDP.", "2% of GDP", "% of GDP", 2, 2),
]


@pytest.mark.parametrize("text,mention,unit,low,high", [c[1:] for c in MEASURE_CASES],
                         ids=[c[0] for c in MEASURE_CASES])
def test_units_currencies_reads_measures_as_news_writes_them(text, mention, unit, low, high):
    [q] = [q for q in parse_quantities(text) if q.text == mention]
    assert q.unit == unit
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text", ["The 13F filing is due.", "a 777F freighter", "five F-16s", "grade 5 C students"],
                         ids=["sec-form", "freighter", "jets", "grade"])
def test_units_currencies_letter_after_digits_is_no_temperature_without_its_shape(text):
    assert not [q for q in parse_quantities(text) if q.unit in ("degC", "degF")]


def test_units_currencies_run_of_letters_after_a_number_is_no_unit():
    # the unit key is read 64 letters at most: a longer run is no unit, as before
    [q] = parse_quantities("It weighs 5 " + "k" * 100 + " now")
    assert (q.text, q.unit) == ("5", None)
