"""Claims: the seed table of the claims issue, and the rules behind it."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from reconcile.claims import extract_claims
from reconcile.model import STATUSES, Article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED_TABLE = json.loads((FIXTURES / "expected" / "libya-sirte-claims.json").read_text(encoding="utf-8"))["claims"]


def _claim_at(claims, source, text, anchor):
    pattern = r"\s+".join(re.escape(w) for w in anchor.split())
    m = re.search(pattern, text, flags=re.IGNORECASE)
    assert m, f"anchor {anchor!r} not in {source}"
    hits = [c for c in claims if c.source == source and c.start < m.end() and m.start() < c.end]
    assert hits, f"no claim overlaps {anchor!r}"
    return hits[0]


@pytest.mark.parametrize("row", SEED_TABLE, ids=[r["id"] for r in SEED_TABLE])
def test_claims_seed_table(row, seed_claims, seed_articles):
    text = next(a.text for a in seed_articles if a.source == row["source"])
    c = _claim_at(seed_claims, row["source"], text, row["anchor"])
    q = c.quantity
    if "low" in row:
        assert q.low == row["low"]
    if "high" in row:
        assert q.high == row["high"]
    if "low_below" in row:
        assert q.low is not None and q.low < row["low_below"]
    if "low_inclusive" in row:
        assert q.low_inclusive is row["low_inclusive"]
    if "approximate" in row:
        assert q.approximate is row["approximate"]
    if "unit" in row:
        assert q.unit == row["unit"]
    assert c.thing_norm == row["thing"]
    if "event" in row:
        assert c.event_norm == row["event"]
    if "event_text" in row:
        assert c.event == row["event_text"]
    if "actors" in row:
        assert set(row["actors"]) <= set(c.actors)
    if "place" in row:
        assert c.place == row["place"]
    if "time" in row:
        assert c.time_text == row["time"]
    if "speaker" in row:
        assert (row["speaker"] in c.speaker) if row["speaker"] else c.speaker == ""
    if "incremental" in row:
        assert c.incremental is row["incremental"]


def test_claims_offsets_point_into_the_text(seed_claims, seed_articles):
    texts = {a.source: a.text for a in seed_articles}
    for c in seed_claims:
        assert texts[c.source][c.start:c.end] == c.quantity.text or c.rule.startswith("enumeration")
        assert c.sentence in texts[c.source]
        assert texts[c.source][c.sentence_start:].startswith(c.sentence[:20])


def test_claims_ids_are_stable(seed_articles, nlp):
    first = [c.id for c in extract_claims(seed_articles, nlp=nlp)]
    second = [c.id for c in extract_claims(seed_articles, nlp=nlp)]
    assert first == second and len(set(first)) == len(first)


def test_claims_years_ordinals_and_furniture_are_not_claims(seed_claims):
    numbers = {c.quantity.text.lower() for c in seed_claims}
    assert "2015" not in numbers and "second" not in numbers and "t-72" not in numbers
    assert all(c.sentence.strip().lower() != "advertisement" for c in seed_claims)


def test_claims_resolve_weekdays_against_publication_date(seed_claims):
    five = next(c for c in seed_claims if c.quote.startswith("five air strikes"))
    assert (five.time_start, five.time_end) == (dt.date(2016, 8, 1), dt.date(2016, 8, 1))


@pytest.mark.parametrize(
    ("text", "thing", "topic", "event"),
    [
        ("The death toll rose to 45 on Sunday.", "death", "death", "die"),
        ("The fire burned 2,170 acres.", "area", "area", "destroy"),
        ("Turnout was 67% across the country.", "turnout", "turnout", ""),
        ("Gunmen stormed the village, killing 12 people.", "person", "death", "die"),
        ("Police said 22 people had been arrested in Paris.", "person", "arrest", "arrest"),
        ("More than 300 fighters have been killed and over 1,500 wounded.", "fighter", "injury", "injure"),
        ("Four workers remain missing.", "employee", "missing", "missing"),
        ("Meta let go of thousands of workers in November.", "employee", "job", "cut"),
        ("It counted 15,074 cases, most of them suspected, and 461 deaths.", "death", "death", ""),
        ("Inside the 42,000-seat Kanjuruhan stadium, fences remain buckled.", "capacity", "capacity", ""),
        ("42,000 tickets were sold, although the stadium was designed to hold 38,000.", "capacity", "capacity", ""),
        ("The arena can seat 20,000 spectators.", "capacity", "capacity", ""),
        ("Officials said 21 staff members were among those killed on Sunday.", "employee", "death", "die"),
        ("More than 513,000 people lost electricity.", "person", "person", "lose electricity"),
        ("At least 72 people lost their lives in the crash.", "person", "death", "die"),
        ("The governor confirmed that four boys have been brought out of the cave safely.", "boy", "boy",
         "bring out"),
        ("The union is still seeking wage increases of 36 percent.", "raise", "raise", ""),
        ("Some 40 percent of the country's voters turned out.", "voter", "voter", "turn out"),
        ("The commission said 66.14 per cent of registered voters cast a ballot.", "turnout", "turnout", "cast"),
        ("Greek authorities on Thursday revised to 78 the number of victims.", "death", "death", ""),
        ("Each boy is accompanied by two divers, who are carrying his air tank.", "diver", "diver", "carry tank"),
        ("The plane was carrying 157 people.", "person", "person", "aboard"),
        ("Only 88 of the dead had been identified by Sunday morning.", "death", "death", "identify"),
        ("The vaccine had an efficacy rate of 95%.", "efficacy", "efficacy", "have"),
        ("The review, carried out by a committee, began once 94 confirmed cases had been recorded.", "case", "case",
         ""),
        ("The analysis is based on 170 confirmed cases.", "case", "case", ""),
        ("Its operator said all 22 crew members aboard were Indian nationals.", "crew", "crew", "aboard"),
        ("Residents of the town of about 27,000 people had little time to flee.", "person", "person", ""),
        ("Rescuers had pulled 68 bodies from the wreckage by evening.", "death", "death", "recover"),
        ("Rescuers found two people alive in the tail section.", "person", "person", "alive"),
    ],
    ids=["toll-left", "measure-area", "turnout-percent", "killing-n", "arrested", "wounded-elided", "remain-missing",
         "let-go", "and-after-comma", "n-seat", "hold-n", "seat-n-spectators", "among-those-killed",
         "lost-another-object", "lost-lives", "brought-out-of", "noun-tagged-as-verb", "possessor-is-not-counted",
         "share-of-voters-who-voted", "who-revised-is-not-what-is-counted", "identified-of-the-dead",
         "figure-noun-named-by-its-compound", "those-counted-did-it", "it-was-done-to-those-counted",
         "a-neutral-verb-over-the-noun-says-nothing-happened", "based-on-says-nothing-happened",
         "a-number-hung-on-a-compound-counts-its-head", "a-plural-compound-is-no-modifier",
         "bodies-pulled-were-recovered", "people-found-alive-were-not"],
)
def test_claims_thing_topic_and_event(text, thing, topic, event, nlp):
    claims = extract_claims([Article(source="t", text=text)], nlp=nlp)
    last = claims[-1]
    assert (last.thing_norm, last.topic, last.event_norm) == (thing, topic, event)


def test_claims_speaker_forms(nlp):
    text = ('Officials said 40 people died. According to the Red Cross, 50 people died. '
            '"We counted 60 bodies," said a local doctor.')
    claims = extract_claims([Article(source="s", text=text)], nlp=nlp)
    assert [c.speaker for c in claims] == ["Officials", "the Red Cross", "a local doctor"]


def test_claims_a_date_ends_the_speaker_and_a_pronoun_takes_the_last_one(nlp):
    text = ("Africa CDC said cases on the continent had risen by 160%. "
            "Between January and July it counted 15,074 cases and 461 deaths.")
    claims = extract_claims([Article(source="p", text=text)], nlp=nlp)
    assert [c.speaker for c in claims] == ["Africa CDC"] * 3


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Federal Emergency Management Agency (FEMA) estimated that 2,207 structures burned.",
         "The Federal Emergency Management Agency"),
        ("It was estimated that 2,207 structures burned.", ""),
        ("Congo has recorded more than 15,600 cases this year, according to the WHO.", "the WHO"),
        ("Turnout was confirmed at 59.9 per cent.", ""),
        ("Divers recovered the bodies of two workers, Maryland State Police said.", "Maryland State Police"),
    ],
    ids=["name-before-brackets", "that-clause-is-no-speaker", "acronym-who", "per-cent-is-no-source",
         "capitalised-state-is-a-name"],
)
def test_claims_speaker_around_a_that_clause(text, speaker, nlp):
    claims = extract_claims([Article(source="f", text=text)], nlp=nlp)
    assert [c.speaker for c in claims] == [speaker]


def test_claims_the_object_of_a_verb_after_a_comma_is_no_speaker(nlp):
    text = "Moody's Analytics, taking in lost wages, estimated the economic damage at up to $7 billion."
    claims = extract_claims([Article(source="m", text=text)], nlp=nlp)
    assert claims and "damage" not in claims[0].speaker


@pytest.mark.parametrize(
    ("text", "kind", "low", "high"),
    [
        ("Search teams had covered about a quarter of the burn zone by Monday.", "percent", 25.0, 25.0),
        ("More than half of the residents fled.", "percent", 50.0, None),
        ("He walked a third of a mile.", "count", 1 / 3, 1 / 3),
    ],
    ids=["quarter-of-the", "more-than-half-of", "third-of-a-mile"],
)
def test_claims_a_fraction_of_something_is_a_share(text, kind, low, high, nlp):
    [claim] = extract_claims([Article(source="s", text=text)], nlp=nlp)
    q = claim.quantity
    assert (q.kind, q.low, q.high) == (kind, pytest.approx(low) if low else low, high)


@pytest.mark.parametrize(
    ("text", "measured"),
    [
        ("Mars has the smallest confirmed moon, Deimos, which is about 7.5 miles in diameter.", "Deimos"),
        ("The terrestrial moon has a diameter of 3746 kilometers.", "terrestrial moon"),
        ("With a diameter of 5,230 kilometers, Ganymede is the largest satellite.", "Ganymede"),
        ("The diameter of the moon cake is 2.1 meters.", "moon cake"),
        ("The frame stretched more than 100 metres from end to end.", "frame"),
        ("Pictures showed the 93-metre spire wreathed in flames.", "spire"),
        ("The boat went down some 47 nautical miles southwest of Pylos.", "boat"),
        ("The bridge was 1.6 miles long.", "bridge"),
        ("The crevice was about 18 inches wide.", "crevice wide"),
        ("The tower, roughly 67 metres tall, was completed in 1974.", "tower tall"),
        ("The Guaiba, the vast body of water that borders Porto Alegre, peaked at 5.35 metres on Sunday.", "Guaiba"),
        ("The water has fallen only slowly since the Guaiba lake peaked at 5.33 meters.", "Guaiba"),
    ],
    ids=["which-is", "has-a-diameter-of", "with-a-diameter", "diameter-of-the", "subject-of-the-clause",
         "noun-it-modifies", "a-direction-is-no-object", "was-long", "was-wide", "appositive-dimension",
         "the-noun-a-participle-clause-describes", "a-name-compound-names-it"],
)
def test_claims_what_a_measure_measures(text, measured, nlp):
    [claim] = extract_claims([Article(source="m", text=text)], nlp=nlp)
    assert claim.extra["object"] == measured


def test_claims_measures_of_different_objects_never_conflict(nlp):
    from reconcile.judge import reconcile

    claims = extract_claims([Article(source="a", text="The bridge was 1.6 miles long."),
                             Article(source="b", text="The ship was 300 metres long.")], nlp=nlp)
    assert not [f for f in reconcile(claims, as_frame=False) if f.status == "conflict"]
    claims = extract_claims([Article(source="a", text="The bridge was 1.6 miles long."),
                             Article(source="b", text="The 2.6-kilometre bridge collapsed.")], nlp=nlp)
    assert [f.status for f in reconcile(claims, as_frame=False)] == ["agree"]


def test_claims_a_measure_that_names_its_dimension_meets_one_that_does_not(nlp):
    from reconcile.judge import reconcile

    claims = extract_claims([Article(source="a", text="The tower, roughly 67 metres tall, was completed quickly."),
                             Article(source="b", text="Smoke poured from the 221-foot tower.")], nlp=nlp)
    [finding] = reconcile(claims, as_frame=False)
    assert finding.status == "agree"
    claims = extract_claims([Article(source="a", text="The tower, roughly 67 metres tall, was completed quickly."),
                             Article(source="b", text="Smoke poured from the 400-foot tower.")], nlp=nlp)
    [finding] = reconcile(claims, as_frame=False)
    assert finding.status == "review"  # which of the tower's dimensions is 400 feet? unsaid
    claims = extract_claims([Article(source="a", text="The crevice was about 18 inches wide."),
                             Article(source="b", text="The crevice was about 10 inches deep.")], nlp=nlp)
    assert not reconcile(claims, as_frame=False)


def test_claims_a_subgroup_and_the_states_of_a_country_are_parts_of_the_whole(nlp):
    from reconcile.judge import reconcile

    published = dt.date(2024, 4, 21)
    articles = [
        Article(source="a", published=published, text="Turnout in the first phase was 66.14 per cent. "
                "Turnout was 66.22 per cent among male voters. Tripura led the states, at 79.90 per cent, "
                "and Bihar was lowest at under 49 per cent."),
        Article(source="b", published=published, text="Final turnout in the first phase was 62.4 per cent."),
    ]
    claims = extract_claims(articles, nlp=nlp)
    national = {c.id for c in claims if c.quantity.value in (66.14, 62.4)}
    findings = reconcile(claims, as_frame=False)
    conflicts = [{f.a, f.b} for f in findings if f.status == "conflict"]
    assert conflicts == [national]  # the two national figures, and no others


def test_claims_those_among_whom_a_figure_is_counted_are_a_part_only_when_picked_out(nlp):
    # "among male voters" picks some voters out; "among the trial's volunteers" names them all
    picked, whole = extract_claims([Article("a", "Turnout was 66.22 per cent among male voters. "
                                            "94 cases were recorded among the trial's volunteers.")], nlp=nlp)
    assert picked.extra.get("subgroup") == "male voters"
    assert "subgroup" not in whole.extra


def test_claims_the_place_a_sentence_names_by_its_kind_is_the_speaker_s(nlp):
    [claim] = extract_claims([Article(source="a", text="British Columbia's chief coroner said 486 sudden deaths "
                                                        "had been reported in the province.")], nlp=nlp)
    assert (claim.place, claim.actors) == ("British Columbia", ("sudden",))
    [claim] = extract_claims([Article(source="a", text="British Columbia's chief coroner said 486 sudden deaths "
                                                        "had been reported.")], nlp=nlp)
    assert claim.place == ""
    # a province's abbreviation in the speaker's name, in a story that names the province
    text = "Temperatures hit records in British Columbia. The BC Coroners Service said on Friday that " \
           "719 sudden deaths were reported in the province."
    assert [c.place for c in extract_claims([Article(source="a", text=text)], nlp=nlp)] == ["British Columbia"]


def test_claims_those_of_one_origin_are_a_subgroup(nlp):
    [died, missing] = extract_claims([Article(source="a", text="Mamata Banerjee said 61 people from her state had "
                                                               "died and 182 were still missing.")], nlp=nlp)
    assert (died.topic, died.actors, died.extra.get("subgroup")) == ("death", ("her state",), "her state")
    [claim] = extract_claims([Article(source="a", text="By Thursday, 66,500 people from Nagorno-Karabakh had "
                                                       "crossed into Armenia.")], nlp=nlp)
    assert not claim.extra.get("subgroup")  # a named origin may be where all of them come from


def test_claims_the_subject_of_a_verb_of_holding_holds_the_figure(nlp):
    from reconcile.judge import reconcile

    claims = extract_claims([
        Article(source="a", text="The captain had 8,122 flight hours. The first officer had 361 flight hours."),
        Article(source="b", text="The captain had more than 8,000 flight hours."),
        Article(source="c", text="The two express trains were carrying more than 2,200 passengers."),
        Article(source="d", text="The train was carrying about 1,257 passengers."),
    ], nlp=nlp)
    held = [c for c in claims if c.topic in ("hour", "passenger")]
    assert [c.extra.get("holder") for c in held] == ["captain", "first officer", "captain", "two express train",
                                                      "train"]
    findings = reconcile(held, as_frame=False)
    assert [(f.status, f.a, f.b) for f in findings] == [("agree", held[0].id, held[2].id)]


def test_claims_coordinated_qualifiers_name_one_kind(nlp):
    [claim] = extract_claims([Article(source="a", text="The coroner reported 486 sudden and unexpected deaths.")],
                             nlp=nlp)
    assert claim.actors == ("sudden",)


def test_claims_a_batch_is_never_the_total(nlp):
    [claim] = extract_claims([Article(source="a", text="The last four boys were brought out on Tuesday.")], nlp=nlp)
    assert claim.incremental
    [claim] = extract_claims([Article(source="a", text="Four boys were brought out on Tuesday.")], nlp=nlp)
    assert not claim.incremental
    [claim] = extract_claims([Article(source="a", text="Cases fell after the first two weeks of the outbreak.")],
                             nlp=nlp)
    assert claim.incremental  # a stretch of the outbreak, not its length


def test_claims_a_figure_unstated_in_time_is_not_about_what_came_after_its_report(nlp):
    from reconcile.judge import reconcile

    claims = extract_claims([
        Article(source="a", text="Six boys have been brought out of the cave.", published=dt.date(2018, 7, 8)),
        Article(source="b", text="Four boys were brought out of the cave on Tuesday.", published=dt.date(2018, 7, 11)),
    ], nlp=nlp)
    assert reconcile(claims, as_frame=False) == []  # Tuesday's four came out after Sunday's report of six
    claims = extract_claims([
        Article(source="a", text="Six boys have been brought out of the cave.", published=dt.date(2018, 7, 11)),
        Article(source="b", text="Four boys were brought out of the cave on Tuesday.", published=dt.date(2018, 7, 11)),
    ], nlp=nlp)
    [finding] = reconcile(claims, as_frame=False)
    assert finding.status == "conflict"


def test_claims_people_held_are_no_capacity(nlp):
    claims = extract_claims([Article(source="h", text="Police held 12 people overnight.")], nlp=nlp)
    assert [(c.thing_norm, c.topic) for c in claims] == [("person", "person")]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Congo had also reported 524 deaths, he said.", ["Democratic Republic of the Congo"]),
        ("France recorded 30 cases on Monday.", ["France"]),
        ("Mpox has spread in the DRC for years. In 2024 alone the country has recorded 537 deaths.",
         ["Democratic Republic of the Congo"]),
        ("Congo has recorded 15,600 cases. The toll for the country stands at 537, up from 511 a week earlier.",
         ["Democratic Republic of the Congo"] * 3),
        ("In 2024 the country recorded 12 deaths.", ["<national>"]),
        ("Officials said 40 people died.", [""]),
        ("The National Institute of Geophysics said 40 people died.", [""]),
        ("Nationwide, 40 people died.", ["<national>"]),
    ],
    ids=["country-reported", "country-recorded", "the-country-after-a-named-one", "for-the-country-and-up-from",
         "the-country-unnamed", "officials-are-no-place", "national-in-a-name", "nationwide-first"],
)
def test_claims_country_subjects_and_the_country(text, places, nlp):
    claims = extract_claims([Article(source="c", text=text)], nlp=nlp)
    assert [c.place for c in claims if c.topic in ("death", "case", "duration")] == places


def test_claims_aliases_make_one_actor(nlp):
    text = "ISIL fighters numbered 300. Daesh fighters numbered 400."
    claims = extract_claims([Article(source="a", text=text)], nlp=nlp)
    assert [c.actors for c in claims] == [("Islamic State",), ("Islamic State",)]


def test_claims_hedge_and_negation_flags(nlp):
    claims = extract_claims([Article(source="h", text="The group was believed to have 200 fighters. "
                                                       "Not 30 soldiers were hurt.")], nlp=nlp)
    assert claims[0].hedged and not claims[0].negated
    assert claims[1].negated


def test_claims_many_processes_give_the_same_claims(seed_articles):
    one = extract_claims(seed_articles)
    two = extract_claims(seed_articles, n_process=2, chunk_size=1)
    assert [c.to_dict() for c in one] == [c.to_dict() for c in two]


def test_claims_as_frame(seed_articles, nlp):
    frame = extract_claims(seed_articles, nlp=nlp, as_frame=True)
    assert {"id", "source", "start", "end", "sentence", "quote", "low", "high", "thing_norm"} <= set(frame.columns)
    assert len(frame) == len(extract_claims(seed_articles, nlp=nlp))


def test_claims_clock_times_are_compared_for_agreement_only(nlp):
    from reconcile.judge import reconcile

    a = Article(source="a", text="The quake struck at 11:11 pm local time.")
    b = Article(source="b", text="The mosque fell when the quake struck shortly after 11 pm on Friday.")
    claims = extract_claims([a, b], nlp=nlp)
    assert [c.quantity.describe() for c in claims] == ["23:11", "23:00-23:30"]
    assert [f.status for f in reconcile(claims, as_frame=False)] == ["agree"]
    c = Article(source="c", text="The quake struck at 9:40 pm.")
    assert reconcile(extract_claims([a, c], nlp=nlp), as_frame=False) == []


def test_claims_groups_counted_side_by_side_are_parts(nlp):
    from reconcile.judge import reconcile

    a = Article(source="a", text="The operator said 212 passengers and 14 crew were on board.")
    b = Article(source="b", text="A ferry with 226 people on board capsized.")
    claims = extract_claims([a, b], nlp=nlp)
    assert [c.extra.get("part") for c in claims[:2]] == [True, True]
    assert not [f for f in reconcile(claims, as_frame=False) if f.status == "conflict"]
    claims = extract_claims([Article(source="a", text="The bridge was 1.6 miles long."),
                             Article(source="b", text="The 2.6-kilometre bridge collapsed.")], nlp=nlp)
    assert [f.status for f in reconcile(claims, as_frame=False)] == ["agree"]


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_NEWSY = st.lists(st.sampled_from([
    "about", "5,000", "fighters", "were", "killed", "in", "Sirte", "on", "Monday", ",", ".", "said", "the",
    "Pentagon", "a", "tank", "two", "more", "raids", "than", "300", "%", "$1.2bn", "miles", "\n", "it",
    "according", "to", "UN", "at", "least", "15", "dozens", "of", "toll", "rose", "1:30", "am", "'s", "\"",
]), min_size=0, max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(_NEWSY, st.text(max_size=200)))
def test_claims_any_text_gives_claims_that_point_into_it(text, nlp):
    from reconcile.judge import reconcile

    claims = extract_claims([Article(source="a", text=text), Article(source="b", text=text[::-1])], nlp=nlp)
    for c in claims:
        source_text = text if c.source == "a" else text[::-1]
        assert 0 <= c.start < c.end <= len(source_text)
        assert c.quote in source_text and c.quantity.text == source_text[c.quantity.start:c.quantity.end]
    assert all(f.status in STATUSES for f in reconcile(claims, as_frame=False))


# What a number counts, read from the parse where nothing next to the number says it.
# Structures any decent English parser gets right; the rule names which one was used.
PARSE_THINGS = [
    ("Gaming revenue was $2.49 billion, the company said.", "$2.49 billion", "Gaming revenue", "copula-subject"),
    ("Net income was $6.19 billion in the quarter.", "$6.19 billion", "Net income", "copula-subject"),
    ("The union won raises of 36% over four years.", "36%", "raises", "of-noun"),
    ("Officials put the losses at $7 billion.", "$7 billion", "losses", "verb-object"),
    ("On Saturday, the company raised its offer to 20%.", "20%", "offer", "verb-object"),
]


@pytest.mark.parametrize(("text", "quote", "thing", "rule"), PARSE_THINGS, ids=[r[3] + ":" + r[2] for r in PARSE_THINGS])
def test_claims_thing_from_the_parse(text, quote, thing, rule, nlp):
    claims = extract_claims([Article("a", text)], nlp=nlp)
    claim = next(c for c in claims if c.quote == quote)
    assert claim.thing == thing
    assert f"thing-{rule}" in claim.rule


def test_claims_figure_noun_alone_is_no_thing(nlp):
    # "put the figure at 30,000": the figure of what was counted before, not a thing "figure"
    text = "About 80,000 people marched in Marseille. Police put the figure at 30,000."
    claims = extract_claims([Article("a", text)], nlp=nlp)
    later = next(c for c in claims if c.quote.endswith("30,000"))
    assert later.thing_norm != "figure"


# -- issue 15: pathological text is read in linear time --------------------------------


def test_claims_long_token_is_skipped_and_reported(nlp):
    from reconcile.claims.reader import MAX_TOKEN_CHARS, SKIPPED_KEY
    from reconcile.nlp import make_doc

    run = "1," * 200  # one token of 400 characters, each "1" a number
    text = f"Officials said 5 people died.\n\n{run}\n\nLater 7 cars burned."
    doc = nlp(make_doc(nlp, text))
    [skipped] = [s for s in doc.spans[SKIPPED_KEY] if s.label_ == "long-token"]
    assert skipped.text.startswith("1,1,1") and len(skipped.text) > MAX_TOKEN_CHARS
    claims = extract_claims([Article("a", text)], nlp=nlp)
    assert [c.quote for c in claims] == ["5 people", "7 cars"]


def test_claims_long_sentence_is_read_in_windows(nlp):
    from reconcile.claims.reader import MAX_SENTENCE_TOKENS, SKIPPED_KEY
    from reconcile.nlp import make_doc

    text = "5 people were hurt and " * 120  # 720 tokens and no full stop
    doc = nlp(make_doc(nlp, text))
    assert [s.label_ for s in doc.spans[SKIPPED_KEY]] == ["long-sentence"]
    claims = extract_claims([Article("a", text)], nlp=nlp)
    assert len(claims) == 120
    assert max(len(nlp.make_doc(c.sentence)) for c in claims) <= MAX_SENTENCE_TOKENS


@pytest.mark.parametrize(("text", "speakers"), [
    ("Police said 30 people were hurt, and the mayor said 12 homes burned.", ["Police", "the mayor"]),
    ("Officials said 40 people died on Monday, 15 of them children, the ministry estimated.",
     ["Officials", "Officials"]),  # "estimated" after a number says how it was counted
    ("\"We counted 25 bodies,\" he said, while the governor said 31 were found.",
     ["the governor", "the governor"]),  # a pronoun gives way to a name
], ids=["nearest", "counting-verb-after", "pronoun"])
def test_claims_speaker_is_the_nearest_attribution(text, speakers, nlp):
    assert [c.speaker for c in extract_claims([Article("a", text)], nlp=nlp)] == speakers


@pytest.mark.parametrize("unit", ["he said 5 people died, she said ", "in Paris on Monday 5 people and "],
                         ids=["many-speakers", "many-places-and-times"])
def test_claims_reader_reads_one_long_sentence_in_linear_time(unit, nlp):
    # The claim reader alone, on parsed Docs: four times the text may take about four
    # times as long (sixteen when each claim walks its whole sentence); ten leaves room
    # for a noisy machine. Speed itself is measured in benchmarks/pathological.py.
    import time

    from reconcile.nlp import make_doc

    reader = nlp.get_pipe("reconcile_claims")
    times = []
    for n in (2_500, 10_000):
        doc = make_doc(nlp, (unit * (n // len(unit) + 1))[:n])
        for name, proc in nlp.pipeline:
            if name != "reconcile_claims":
                doc = proc(doc)
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            reader(doc)
            best = min(best, time.perf_counter() - t0)
        times.append(best)
    assert times[1] < 10 * max(times[0], 1e-3)


# What a figure is about, read from the parse: a place that is the subject or a fronted
# "in X" of the figure's clause, a subgroup after "among".
PARSE_SCOPES = [
    ("subject", "Tripura recorded the highest turnout, at 79.90 per cent.", "79.90 per cent", "Tripura", None),
    ("fronted-in", "In Tamil Nadu, turnout was 65.19 per cent on Friday.", "65.19 per cent", "Tamil Nadu", None),
    ("among", "Turnout was 66.22 per cent among male voters.", "66.22 per cent", None, "male voters"),
    ("owner-possessive", "Apple's revenue was $90 billion.", "$90 billion", None, "Apple"),
    ("owner-of", "The strike involved 33,000 machinists of Boeing.", "33,000 machinists", None, "Boeing"),
    ("owner-of-subject", "Shares of Zoom Video Communications slid 17% on Monday.", "17%", None,
     "Zoom Video Communications"),
]


@pytest.mark.parametrize(("text", "quote", "place", "group"), [r[1:] for r in PARSE_SCOPES],
                         ids=[r[0] for r in PARSE_SCOPES])
def test_claims_scope_from_the_parse(text, quote, place, group, nlp):
    claims = extract_claims([Article("a", text)], nlp=nlp)
    claim = next(c for c in claims if quote in c.quote)
    if place is not None:
        assert place in claim.place
    if group is not None:
        assert group in claim.actors


def test_claims_a_place_that_opens_the_sentence_or_that_a_figure_is_given_with(nlp):
    claims = extract_claims([Article("a", "Voting was slow.\n\nIn Tamil Nadu, where all 39 seats voted, turnout was "
                                          "65.19 per cent, down from 72.44 per cent in 2019.\n\nHarris County recorded "
                                          "the most deaths, 43, followed by Travis County with 28 and Dallas County "
                                          "with 22.")], nlp=nlp)
    assert [c.place for c in claims] == ["Tamil Nadu"] * 3 + ["Harris County", "Travis County", "Dallas County"]


def test_claims_the_count_referred_back_to_keeps_its_place(nlp):
    [bc, expected, update] = extract_claims([Article("a", "British Columbia's chief coroner said 486 sudden deaths "
                                                          "had been reported in the province. About 165 deaths would "
                                                          "normally be expected. An update had put the count at 233 "
                                                          "deaths from Friday through Monday.")], nlp=nlp)[-3:]
    assert (bc.place, expected.place) == ("British Columbia", "")
    assert (update.place, update.extra["place_rule"]) == ("British Columbia", "refers-back")
    [plain] = extract_claims([Article("a", "Oregon reported 63 deaths. Officials counted 233 deaths.")], nlp=nlp)[-1:]
    assert plain.place == ""  # no figure it refers back to


def test_claims_an_article_opening_a_name_is_no_part_of_it(nlp):
    [plane] = extract_claims([Article("a", "KATHMANDU, Jan 15 (Wire) - A Yeti Airlines passenger plane with 72 people "
                                           "on board crashed.")], nlp=nlp)
    assert plane.actors == ("Yeti Airlines",)


def test_claims_a_place_of_a_clause_joined_before_is_not_the_figure_s(nlp):
    [plane, bodies] = extract_claims([Article("a", "A plane with 72 people on board crashed as it approached the city "
                                                   "of Pokhara, and rescuers had pulled 68 bodies from the wreckage.")],
                                     nlp=nlp)
    assert bodies.place == ""


def test_claims_a_counting_subject_is_no_place(nlp):
    # "the ministry recorded": who counted, not where; only a known place is a scope
    claims = extract_claims([Article("a", "The ministry recorded 1,200 cases on Friday.")], nlp=nlp)
    assert [c.place for c in claims] == [""]


def test_claims_event_of_a_raising_verb_is_its_complement(nlp):
    # "known to have died": how the figure is known is no event; what happened is
    text = "Police said on Thursday that 17 people are now known to have died in the fire."
    claim = extract_claims([Article("a", text)], nlp=nlp)[0]
    assert (claim.event, claim.event_norm) == ("died", "die")


def test_claims_parse_readers_look_for_dependents_nearby():
    # a head with hundreds of dependents (a list with no full stop) is not walked whole
    # for every number on it: that made reading quadratic
    import spacy
    from spacy.tokens import Doc

    from reconcile.claims.thing import REACH, children

    words = ["list"] + ["one"] * 300
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[0] * len(words),
              deps=["ROOT"] + ["nummod"] * 300)
    near = children(doc[0])
    assert len(near) == REACH and all(t.head.i == 0 for t in near)
    assert [t.i for t in children(doc[150])] == []


@pytest.mark.parametrize(("word", "verb"), [("wounded", "wound"), ("aged", "age"), ("injured", "injure"),
                                            ("stopped", "stop"), ("killed", "kill")])
def test_claims_verb_lemmas_from_the_pipelines_lemmatizer(nlp, word, verb):
    from reconcile.nlp import verb_lemmas

    assert verb_lemmas(nlp)(word) == verb


def _read(nlp, text: str, published=None):
    import datetime as dt

    from reconcile.claims import extract_claims
    from reconcile.model import Article

    day = dt.date(2024, 1, 4) if published is None else published
    return {c.quantity.text: c for c in extract_claims([Article("a", text, published=day)], nlp=nlp)}


def test_claims_a_line_s_label_is_what_its_figure_counts(nlp):
    found = _read(nlp, "1. Casualties\n\nDeaths: 206, including 8 disaster-related deaths.\n\n"
                       "Deaths by municipality: Suzu 91, Wajima 83.\n\nDisplaced: 538,000 people\n")
    assert (found["206"].topic, found["206"].place) == ("death", "")
    assert [(found[n].topic, found[n].place) for n in ("91", "83")] == [("death", "Suzu"), ("death", "Wajima")]
    assert found["91"].actors == ()  # a listed place is not who acted
    assert found["538,000"].thing_norm == "person"  # the number's own noun wins over the label


def test_claims_a_figure_noun_takes_the_event_of_its_counted_noun_s_clause(nlp):
    found = _read(nlp, "The number of people killed by the earthquake that struck Japan on New Year's Day had "
                       "risen to 72 by Wednesday evening, officials said.")
    claim = found["72"]
    assert (claim.topic, claim.event_norm, claim.place) == ("death", "die", "")  # New Year's Day is no place
    assert claim.time_text == "by Wednesday evening"


def test_claims_a_cut_off_with_its_clock_time_is_the_claim_s_time(nlp):
    import datetime as dt

    found = _read(nlp, "Ishikawa prefecture said the number of people confirmed dead in the Noto Peninsula "
                       "Earthquake stood at 73 as of 6 pm on Wednesday.")
    claim = found["73"]
    assert claim.time_text == "as of 6 pm on Wednesday"
    assert claim.time_start == dt.date(2024, 1, 3)
    assert claim.place == ""  # an earthquake's name is not a place


@pytest.mark.parametrize(
    ("text", "number", "speaker"),
    [("Ishikawa prefecture said the number of people confirmed dead in the earthquake stood at 73 on Wednesday.",
      "73", "Ishikawa prefecture"),
     ("At least 40 people died, the state health ministry said on Tuesday.", "At least 40", "the state health ministry"),
     ("The Federal Emergency Management Agency (FEMA) estimated that 2,207 structures burned.", "2,207",
      "The Federal Emergency Management Agency"),
     ("Officials from 12 countries said the talks had failed.", "12", None),
     ("He said 300 bodies had been found.", "300", None),
     ("About 300 bodies were believed to be in the rubble.", "About 300", None)],
    ids=["clause-under-said", "said-after", "brackets", "figure-in-the-subject", "pronoun", "passive"],
)
def test_claims_speaker_component_reads_the_subject_of_the_saying_verb(nlp, text, number, speaker):
    doc = nlp(text)
    [span] = [s for s in doc.spans["quantities"] if s.text == number]
    said = span._.speaker
    assert (said.name if said is not None else None) == speaker


def test_claims_a_label_that_says_what_happened_gives_the_event(nlp):
    found = _read(nlp, "The key figures:\n- Missing: 125\n- Displaced: 538,000 people\n"
                       "- People affected in total: more than 2.1 million\n")
    assert (found["125"].topic, found["125"].event_norm) == ("missing", "missing")
    assert found["538,000"].event_norm == "evacuate"
    assert found["more than 2.1 million"].thing_norm == "person"  # a line break is never the counted noun


def test_claims_the_level_a_subject_reached_and_no_place_from_a_dateline(nlp):
    found = _read(nlp, "Pledges to rebuild Notre-Dame de Paris reached EUR 880 million on Wednesday.\n\n"
                       "NEW YORK, 23 August (Capital Wire) - Nvidia forecast third-quarter revenue of about "
                       "$16 billion on Wednesday, as demand for its chips showed no sign of cooling.")
    assert found["EUR 880 million"].thing_norm == "pledge"
    revenue = found["about $16 billion"]
    assert (revenue.place, revenue.speaker) == ("", "")  # a dateline's city; "demand ... showed" is no speaker


def test_claims_speaker_is_the_subject_nearest_the_saying_verb(nlp):
    doc = nlp("A passenger ferry carrying about 240 people capsized off Port Ellis early on Monday, the coast guard "
              "said, and at least 37 people were still missing by Tuesday morning.")
    assert {s._.speaker.name for s in doc.spans["quantities"] if s._.speaker} == {"the coast guard"}


def test_claims_a_place_name_keeps_its_small_words(nlp):
    found = _read(nlp, "The death toll from the floods in Rio Grande do Sul rose to 83 on Monday.")
    assert (found["83"].place, found["83"].quote) == ("Rio Grande do Sul", "rose to 83")


def test_claims_a_figure_a_verb_expects_is_a_forecast(nlp):
    found = _read(nlp, "Analysts had expected $2.09 a share. The company projects revenue of $16.00 billion. "
                       "Revenue rose to $13.5 billion.")
    assert [found[n].event_norm for n in ("$2.09", "$16.00 billion", "$13.5 billion")] == ["forecast", "forecast", ""]
    intended = _read(nlp, "Pfizer has said it expects to make up to 100 million doses by the end of this year. "
                          "The company aims to cut 4,000 jobs. It made 40 million doses.")
    assert [intended[n].event_norm for n in ("up to 100 million", "4,000", "40 million")] == \
        ["forecast", "forecast", "make"]


@pytest.mark.parametrize(
    ("text", "number", "thing", "topic"),
    [("Officials reported 486 sudden and unexpected deaths during the heat wave.", "486", "death", "death"),
     ("The trial recorded 94 confirmed cases of COVID-19.", "94", "case", "case"),
     ("Over 1,500 wounded were treated in the city's hospitals.", "Over 1,500", "", "injury"),
     ("Tesla delivered 476,777 - deliveries rose - in the quarter.", "476,777", "", "")],
    ids=["coordinated-adjectives", "participle", "what-happened-stays-the-event", "a-dash-sets-it-apart"],
)
def test_claims_the_noun_a_number_modifies_in_the_parse_is_what_it_counts(text, number, thing, topic, nlp):
    claim = _read(nlp, text)[number]
    assert (claim.thing_norm, claim.topic) == (thing, topic)
    if thing:
        assert claim.rule.endswith("thing-nummod") and "and" not in claim.actors  # a conjunction narrows nothing


@pytest.mark.parametrize(
    ("text", "number", "verb", "rule"),
    [("At least 72 people killed in the quake were buried on Friday.", "At least 72", "killed", "clause"),
     ("Authorities said 79 people who died at sea were identified.", "79", "died", "clause"),
     ("The strikes killed 20 fighters near the port.", "20", "killed", "verb"),
     ("Six remained missing on Tuesday evening.", "Six", "missing", "complement"),
     ("At least 17 people are dead.", "At least 17", "dead", "predicate"),
     ("The boat may have carried 500 people, which would make it the worst disaster.", "500", "carried", "verb"),
     ("Officials reported 486 deaths.", "486", None, None),
     ("There were seven French nationals, six Egyptians and five Germans on board.", "six", "board", "adverbial"),
     ("There were also seven French nationals in the city.", "seven", None, None)],
    ids=["participle-clause", "relative-clause", "object", "linking-verb", "copula", "sentential-which",
         "attribution-is-no-event", "where-a-linking-verb-puts-the-conjuncts", "a-place-is-no-event"],
)
def test_claims_event_component_reads_the_verb_over_the_counted_noun(nlp_all, text, number, verb, rule):
    doc = nlp_all(text)
    [span] = [s for s in doc.spans["quantities"] if s.text == number]
    happened = span._.happened
    assert ((happened.verb.text, happened.rule) if happened is not None else (None, None)) == (verb, rule)


def test_claims_event_component_reads_voice_and_negation(nlp_all):
    doc = nlp_all("19 bodies have been recovered. The strikes did not kill 40 people.")
    recovered, kill = (s._.happened for s in doc.spans["quantities"])
    assert (recovered.verb.lemma_, recovered.passive, recovered.negated) == ("recover", True, False)
    assert (kill.verb.lemma_, kill.passive, kill.negated) == ("kill", False, True)
    [claim] = extract_claims([Article("a", "The strikes did not, according to the ministry statement, kill 40 "
                                           "people.")], nlp=nlp_all)
    assert claim.negated  # the parse's negation, beyond the words just before the number


@pytest.mark.parametrize(
    ("text", "number", "time", "rule"),
    [("It surpassed the 1960 tsunami that killed 61 people on the Big Island.", "61", "1960", "another"),
     ("The crash is the deadliest since 1992, when an Airbus flew into a hillside, killing all 167 people "
      "aboard.", "167", "since 1992", "another"),
     ("A powerful earthquake struck late on Friday, killing at least 820 people.", "at least 820", "on Friday",
      "event"),
     ("The toll had risen to 72 by Wednesday evening, officials said.", "72", "by Wednesday evening", "clause"),
     ("The update puts the number of people killed by last Friday's earthquake at 2,946.", "2,946", None, None),
     ("That is the weakest showing since 2001, when only 59.4 per cent of registered voters cast a ballot.",
      "59.4 per cent", "since 2001", "another"),
     ("The tower was completed in 1974 and contains 120 flats.", "120", "", "other-tense"),
     ("Police arrested 20 people on Monday and released 12.", "20", "on Monday", "event")],
    ids=["year-of-the-noun-a-clause-describes", "when-clause", "time-of-what-happened", "cut-off",
         "a-possessive-time-dates-its-noun", "when-clause-hung-elsewhere", "a-verb-in-another-tense-has-its-own-time",
         "one-tense"],
)
def test_claims_time_component_ties_a_figure_to_its_clause_s_time(nlp_all, text, number, time, rule):
    doc = nlp_all(text)
    [span] = [s for s in doc.spans["quantities"] if s.text == number]
    when = span._.when
    assert ((when.text, when.rule) if when is not None else (None, None)) == (time, rule)


def test_claims_a_toll_dated_by_what_happened_is_as_of_its_publication(nlp):
    import datetime as dt

    from reconcile import timeline

    [claim] = extract_claims([Article("a", "A powerful earthquake struck late on Friday, killing at least 820 "
                                           "people.", published=dt.date(2023, 9, 9))], nlp=nlp)
    assert (claim.topic, claim.time_text, claim.time_start) == ("death", "on Friday", dt.date(2023, 9, 8))
    assert timeline.as_of(claim) == (dt.date(2023, 9, 9), dt.date(2023, 9, 9))  # the quake's day dates no count


def test_claims_a_comparative_gives_the_size_of_a_change_and_its_base_is_no_time(nlp):
    found = _read(nlp, "Revenue was 88 percent higher than a year earlier. Sales rose 101% from a year ago. "
                       "The total is 36 higher than the figure in the previous update.")
    higher, rose, more = found["88 percent"], found["101%"], found["36"]
    assert (higher.thing_norm, higher.quantity.change, higher.time_text) == ("revenue", "up", "")
    assert (rose.thing_norm, rose.time_text) == ("revenue", "")  # the subject of the change verb; sales are revenue
    assert more.quantity.change == "up" and more.extra.get("difference")


def test_claims_a_dateline_s_city_is_never_the_speaker_and_a_legal_form_is_no_part_of_a_name(nlp):
    from reconcile.lexicon import load_lexicon

    [claim] = extract_claims([Article("a", "NEW YORK, Nov. 9 (Hudson Business Wire) - Pfizer Inc and its German "
                                           "partner BioNTech SE said on Monday that their experimental vaccine "
                                           "was more than 90% effective.")], nlp=nlp)
    assert "NEW YORK" not in claim.speaker and "NEW YORK" not in claim.actors
    lex = load_lexicon()
    assert [lex.canonical_name(n) for n in ("BioNTech SE", "Pfizer Inc.", "Co")] == ["BioNTech", "Pfizer", "Co"]


@pytest.mark.parametrize(
    ("text", "thing", "topic", "event"),
    [("The list of people reported missing has grown to 1,276 names.", "person", "missing", "missing"),
     ("The list of victims published by the ministry on Wednesday contains 143 names.", "death", "death", "die"),
     ("The petition has 5,000 names.", "name", "name", "have")],
    ids=["list-of-the-missing", "list-of-the-dead", "no-list"],
)
def test_claims_the_names_on_a_list_count_whom_the_list_counts(text, thing, topic, event, nlp):
    [claim] = extract_claims([Article("a", text)], nlp=nlp)
    assert (claim.thing_norm, claim.topic, claim.event_norm) == (thing, topic, event)


def test_claims_each_item_of_a_list_of_days_has_its_own_day(nlp):
    from reconcile.judge import reconcile

    text = ("By his count, about 9,000 people crossed on 24 and 25 September, 22,800 on 26 September and 26,600 on "
            "27 September.")
    claims = extract_claims([Article("a", text, published=dt.date(2023, 9, 28))], nlp=nlp)
    assert [(c.quote, c.time_text) for c in claims] == [
        ("about 9,000 people", "on 24 and 25 September"), ("22,800", "on 26 September"), ("26,600", "on 27 September")]
    other = extract_claims([Article("b", "On 26 September, 26,600 people crossed.", published=dt.date(2023, 9, 28))],
                           nlp=nlp)
    findings = reconcile(claims + other, as_frame=False)
    assert [(f.status, {f.a, f.b}) for f in findings if f.status == "conflict"] == [
        ("conflict", {claims[1].id, other[0].id})]  # the list's 22,800 and another count of that day


def test_claims_a_count_refers_back_to_the_figure_a_figure_noun_named(nlp):
    text = ("Rescuers recovered another body on Tuesday, bringing the number of victims found after the crash to 71, "
            "police said. One person is still missing. By Monday night the count had reached 70.")
    *_, count = extract_claims([Article("a", text)], nlp=nlp)
    assert (count.quote, count.topic, count.event_norm, count.extra.get("event_rule")) == (
        "70", "death", "recover", "inherited")  # the victims found, not the one missing


def test_claims_a_share_for_one_group_is_a_part_and_overall_is_the_whole(nlp):
    whole, youth = extract_claims([Article("a", "Spain's jobless rate is nearly 23 % overall, and nearly 50 % for "
                                                "youth.")], nlp=nlp)
    assert (whole.thing_norm, whole.extra.get("subgroup")) == ("rate", None)
    assert (youth.thing_norm, youth.extra.get("subgroup")) == ("rate", "youth")
    [claim] = extract_claims([Article("a", "Sales rose 12% for the year.")], nlp=nlp)
    assert not claim.extra.get("subgroup")  # a span of time is no group


def test_claims_a_bulleted_line_opens_with_a_word_not_a_name(nlp):
    [claim] = extract_claims([Article("a", "- Analysis of the data indicates a vaccine efficacy rate of 95%.")],
                             nlp=nlp)
    assert "Analysis" not in claim.actors


def test_claims_a_kind_of_people_beside_all_of_them_is_a_part(nlp):
    from reconcile.judge import reconcile

    claims = extract_claims([Article("a", "Nepal plane with 72 aboard crashes near Pokhara."),
                             Article("b", "Ten foreigners were on board the plane.")], nlp=nlp)
    assert [f.status for f in reconcile(claims, as_frame=False) if f.status == "conflict"] == []


def test_claims_a_body_named_with_of_is_no_place(nlp):
    [claim] = extract_claims([Article("a", "The Texas Department of State Health Services has identified 246 deaths.")],
                             nlp=nlp)
    assert claim.place != "State Health Services"
    [claim] = extract_claims([Article("a", "Floods killed 300 people in the city of Derna.")], nlp=nlp)
    assert claim.place == "Derna"


def test_claims_a_number_an_article_writes_as_a_name_is_no_count(nlp):
    text = ("The Boeing 737 MAX jets were grounded on Monday. Cayman Airways is grounding its two 737 MAX 8s. "
            "Norwegian has 34 MAX 8s.")
    quotes = [c.quote for c in extract_claims([Article("a", text)], nlp=nlp)]
    assert not any(q.startswith("737") for q in quotes)
    assert "34 MAX 8s" in quotes  # a count of the model, which the model's own number is not


def test_claims_a_reading_on_another_scale_is_no_magnitude(nlp):
    *_, reading = extract_claims([Article("a", "It registered 7, the top of the Japanese seismic intensity scale, in "
                                               "Shika, the first reading of 7 anywhere since 2018.")], nlp=nlp)
    assert reading.topic.endswith("intensity scale")
    [claim] = extract_claims([Article("a", "The quake had a reading of 7.0 on the Richter scale.")], nlp=nlp)
    assert claim.topic == "magnitude"


def test_claims_where_those_counted_were_pulled_from_is_no_origin(nlp):
    [claim] = extract_claims([Article("a", "Rescuers pulled 20 people from the rubble of their homes.")], nlp=nlp)
    assert not claim.extra.get("subgroup")


def test_claims_a_report_s_breakdown_gives_parts_of_its_total(nlp):
    text = ("The report also identifies:\n- 22 deaths from motor vehicle crashes on icy roads, about 9% of the total;\n"
            "\nAbout 65% of the deaths, 161 in all, resulted from cold-related injuries. Of the 244 deaths for which "
            "residency information was available, 229 were Texas residents. The storm has been blamed for at least 20 "
            "deaths across several states. The storm killed 246 people.")
    parts = {c.quote: bool(c.extra.get("part")) for c in extract_claims([Article("a", text)], nlp=nlp)}
    assert parts["22 deaths"] and parts["161"] and parts["244 deaths"]
    assert not parts["246 people"]
    [several] = [c for c in extract_claims([Article("a", text)], nlp=nlp) if "20" in c.quote]
    assert several.place == "*"


def test_claims_a_figure_on_a_goal_noun_is_a_goal_for_what_the_sentence_counts(nlp):
    found = _read(nlp, "Voltra delivered 1.81 million cars in 2023, though that falls short of its 2 million "
                       "target for the year.")
    done, goal = found["1.81 million"], found["2 million"]
    assert (goal.thing_norm, goal.event_norm, goal.quote) == ("vehicle", "goal", "2 million target")
    assert goal.extra.get("doer") == done.extra.get("doer") == "Voltra"  # "its": the subject above it
    assert "elliptical" not in goal.extra and done.event_norm != "goal"
    found = _read(nlp, "Voltra delivered 484,507 vehicles, meeting its target of about 1.8 million cars for the "
                       "year and beating its own forecast of 470,000.")
    assert (found["about 1.8 million"].event_norm, found["about 1.8 million"].extra.get("doer")) == ("goal", "Voltra")
    assert found["470,000"].event_norm == "forecast"
    assert found["484,507"].event_norm != "goal"


@pytest.mark.parametrize("text", ["Jets hit 20 targets on Monday.", "The city was the target of five strikes."],
                         ids=["a-count-of-targets", "a-copula-s-target"])
def test_claims_targets_counted_or_struck_are_no_goal(nlp, text):
    [claim] = [c for c in _read(nlp, text).values() if c.quantity.kind == "count"]
    assert claim.event_norm != "goal" and "goal" not in claim.extra


def test_claims_removed_jobs_are_no_drained_water(nlp):
    found = _read(nlp, "The bank removed 200 jobs. Crews drained 3 million litres of water from the tunnel.")
    assert found["200"].event_norm != "drain" and found["3 million litres"].event_norm == "drain"


def test_claims_a_share_s_thing_stops_at_the_verb_its_clause_turns_on(nlp):
    found = _read(nlp, "Only 35 percent of Britons think things are going well, while 61 percent think things "
                       "are going badly.")
    assert "thing" not in (found["35 percent"].thing_norm, found["61 percent"].thing_norm)
    assert "think" not in found["61 percent"].actors


def test_claims_a_figure_said_earlier_is_the_one_before_but_not_a_change_s_base(nlp):
    found = _read(nlp, "Earlier, when the toll was reported to be 61, officials said 40 people were missing. "
                       "Revenue was 41 percent higher than a year earlier. Police had previously arrested 12 people.")
    assert found["61"].extra.get("previous") and found["12"].extra.get("previous")
    assert not found["41 percent"].extra.get("previous")  # "a year earlier" is what it is compared with
    # the subject of a comparative predicate is what changed by the figure
    assert (found["41 percent"].thing_norm, found["41 percent"].quantity.change) == ("revenue", "up")


def test_claims_a_share_of_those_who_say_something_counts_what_they_say(nlp):
    found = _read(nlp, "In the survey, 31 % of drivers say they never check their tyres, and 44 percent of "
                       "voters think the mayor lied.")
    assert (found["31 %"].event_norm, found["31 %"].extra.get("event_rule")) == ("check", "content")
    assert found["44 percent"].event_norm == "lie"


def test_claims_a_class_of_what_happened_to_people_says_nothing_of_a_sum(nlp):
    found = _read(nlp, "Switching the cladding saved the council £293,368. Rescuers saved 40 residents.")
    assert (found["£293,368"].event_norm, found["£293,368"].topic) == ("save", "")
    assert found["40"].topic == "evacuee"  # people saved were rescued


def test_claims_a_figure_beside_a_place_or_after_a_dateline_or_a_time_stamp(nlp):
    found = _read(nlp, "The plane crashed near the river city of Marana on Sunday, killing at least 60 people.")
    assert found["at least 60"].place == ""  # where it happened, beside the city: not the city's toll
    found = _read(nlp, "MARANA - Sixty-eight people died when the plane came down.\n\n"
                       "15:40 - Rescue teams have recovered 59 bodies so far, the fire brigade says.")
    assert found["Sixty-eight"].actors == ()  # a dateline names no actor
    assert "Rescue" not in found["59"].actors  # a word opening a line after a time stamp is no name


def test_claims_an_outbreak_s_figures_whatever_the_parser_made_of_them(nlp):
    found = _read(nlp, "BUNIA, Democratic Republic of Congo, March 10 (Wire) - The outbreak in Congo's Ituri "
                       "province has grown to 87 confirmed and probable cases, 31 of them fatal, the ministry said. "
                       "In its report, which covers the period up to 9 March, the agency recorded 96 confirmed and "
                       "probable cases. Two of Wednesday's cases were recorded in the north.")
    cases = found["87"]
    assert cases.thing_norm == "case" and not [a for a in cases.actors if a[:1].isupper()]  # a country is no actor
    assert (found["31"].thing_norm, found["31"].extra.get("partitive")) == ("death", True)  # "fatal": deaths
    assert (found["96"].thing_norm, found["96"].event_norm) == ("case", "")  # "9 March" is no march
    assert "Wednesday" not in found["Two"].actors  # a day's cases, not a day's own


def test_claims_a_body_s_adjective_and_a_briefing_s_place_scope_no_figure(nlp):
    found = _read(nlp, "The spokesman gave the agency's latest figures at a briefing in Jakarta: 23 people are "
                       "confirmed dead. The regent said 27 residents had died, a figure ahead of the count released "
                       "by the national disaster agency. The national death toll rose to 40.")
    assert found["23"].place == ""  # the briefing's place, before the colon
    assert found["27"].place == ""  # a national agency, not a national figure
    assert found["40"].place == "<national>"


def test_claims_a_span_of_years_dates_both_figures_of_a_phrase(nlp):
    found = _read(nlp, "The 2018-2020 outbreak was the second-deadliest on record, with 3,470 cases and nearly "
                       "2,300 deaths.")
    import datetime as dt

    for quantity in ("3,470", "nearly 2,300"):
        c = found[quantity]
        assert (c.time_text, c.time_start, c.time_end) == ("2018-2020", dt.date(2018, 1, 1), dt.date(2020, 12, 31))


def test_claims_a_share_on_a_noun_of_a_move_is_the_size_of_the_move(nlp):
    found = _read(nlp, "The stock's 11.2% slide on Thursday erased $3 billion of market value. The stock is down "
                       "9.4% in early trading.")
    slide = found["11.2%"]
    assert (slide.thing_norm, slide.quantity.change, slide.quote) == ("share", "down", "11.2% slide")
    assert found["9.4%"].thing_norm == "share"  # a stock is a share


def test_claims_a_party_that_took_seats_won_them_and_a_relative_clause_s_doer(nlp):
    found = _read(nlp, "The Alliance took 54 seats. Crews took 65 people to hospital. Kestrin, which won 56 seats, "
                       "leads the opposition.")
    assert found["54"].event_norm == "win"
    assert found["65"].event_norm == "take"  # people taken to hospital won nothing
    assert found["56"].extra.get("doer") == "Kestrin"  # "which": the name the clause is about


def test_claims_a_date_is_parsed_as_one_word(nlp):
    found = _read(nlp, "Revenue for the quarter ended Sept. 27 came in at $4.62 billion, the company said.")
    revenue = found["$4.62 billion"]
    assert (revenue.thing_norm, revenue.time_text, revenue.actors) == ("revenue", "Sept. 27", ())


def test_pipeline_a_date_s_tokens_hang_together_and_the_rest_of_the_parse_is_kept(nlp):
    doc = nlp("Revenue for the quarter ended Sept. 27 came in at $4.62 billion.")
    sept, day = doc[5], doc[6]
    assert (sept.text, day.text, day.head.i, day.dep_) == ("Sept.", "27", sept.i, "nummod")
    assert all(t.head.i < len(doc) for t in doc) and doc[7].text == "came"
    assert doc[0].head.i == 7  # "Revenue" is the subject of "came", not of "ended"


def test_claims_where_a_company_is_based_is_no_owner(nlp):
    found = _read(nlp, "Shares of the Morrisville, North Carolina-based company fell 8.3% in premarket trading.")
    assert found["8.3%"].actors == ()
