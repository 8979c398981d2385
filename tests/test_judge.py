"""Verdicts: interval logic, units, time scope, and the seed cluster's gold."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from reconcile.align import Alignment
from reconcile.api import judge_claims
from reconcile.claims import extract_claims
from reconcile.judge import _meet, interval, judge, reconcile
from reconcile.model import STATUSES, Article, Claim, Quantity

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "clusters" / "libya-sirte-airstrikes"


_SAME = object()


def _q(low, high=_SAME, **kw):
    return Quantity(text=str(low), start=0, end=1, low=low, high=low if high is _SAME else high, **kw)


def _claim(cid, q, *, time_text="", quote=None, **kw):
    return Claim(id=cid, source=cid, start=0, end=1, sentence="s", sentence_start=0, quote=quote or q.text,
                 quantity=q, thing_norm="thing", topic="thing", time_text=time_text, **kw)


@pytest.mark.parametrize(
    ("a", "b", "meet"),
    [
        (_q(5000, approximate=True, tolerance=0.1), _q(200, 2000), False),
        (_q(320, approximate=True, tolerance=0.1), _q(300, None, low_inclusive=False), True),
        (_q(1000, approximate=True, tolerance=0.1), _q(1300, approximate=True, tolerance=0.1), False),
        (_q(None, 187000, high_inclusive=False, approximate=True, tolerance=0.1), _q(186779), True),
        (_q(None, 187000, high_inclusive=False, approximate=True, tolerance=0.1), _q(190234), False),
        (_q(14000, None, low_inclusive=False), _q(15600, None, low_inclusive=False), True),
        (_q(300, None, low_inclusive=False), _q(300), True),
        (_q(300, None, low_inclusive=False), _q(299), False),
        (_q(15, None), _q(15), True),
    ],
    ids=["approx-above-range", "some-inside-bound", "about-1000-vs-roughly-1300", "nearly-below",
         "nearly-exceeded", "two-lower-bounds", "touching-bound", "below-bound", "inclusive-bound"],
)
def test_judge_intervals_meet(a, b, meet):
    assert _meet(interval(a), interval(b)) is meet


@pytest.mark.parametrize(
    ("a", "b", "meet"),
    [
        (_q(2170, unit="acre", kind="measure"), _q(880, unit="hectare", kind="measure", approximate=True, tolerance=0.1), True),
        (_q(984, unit="foot", kind="measure"), _q(300, unit="meter", kind="measure"), True),
        (_q(948, unit="foot", kind="measure"), _q(300, unit="meter", kind="measure"), False),
        (_q(1.6, unit="mile", kind="measure"), _q(2.6, unit="kilometer", kind="measure"), True),
        (_q(72, unit="kilometer", kind="measure", approximate=True, tolerance=0.1),
         _q(45, unit="mile", kind="measure", approximate=True, tolerance=0.1), True),
    ],
    ids=["acres-hectares", "984ft-300m", "948ft-300m", "miles-km-rounded", "approx-km-miles"],
)
def test_judge_units_are_converted(a, b, meet):
    assert _meet(interval(a, other=b), interval(b, other=a)) is meet


def test_judge_update_when_times_differ():
    a = _claim("a", _q(5000, approximate=True, tolerance=0.1), time_text="this past spring")
    b = _claim("b", _q(200, 2000), time_text="now")
    f = judge(Alignment(a, b, 0.9, ("same thing: thing",)))
    assert f.status == "update"
    assert "is above" in f.reason and "(at most 2,000)" in f.reason
    assert "times differ: this past spring / now" in f.reason


def test_judge_conflict_without_stated_times():
    f = judge(Alignment(_claim("a", _q(5)), _claim("b", _q(2)), 0.9, ()))
    assert f.status == "conflict"


def test_judge_increments_never_conflict():
    a = _claim("a", _q(5), time_text="on Monday")
    b = _claim("b", _q(2), incremental=True)
    assert judge(Alignment(a, b, 0.9, ())) is None


def test_judge_ambiguous_pairs_may_agree_but_go_to_review():
    found = judge(Alignment(_claim("a", _q(5)), _claim("b", _q(2)), 0.9, (), ambiguous="x names no place"))
    assert (found.status, found.reason) == ("review", "'5' (5) is above '2' (2); but x names no place")
    assert judge(Alignment(_claim("a", _q(5)), _claim("b", _q(5)), 0.9, (), ambiguous="x")).status == "agree"


def _gold_pairs(report_claims, texts, pairs):
    def side(c, s):
        src, quote = s
        m = re.search(r"\s+".join(re.escape(w) for w in quote.split()), texts[src], flags=re.IGNORECASE)
        return c.source == src and c.start < m.end() and m.start() < c.end
    return [(g, [(x, y) for x in report_claims for y in report_claims
                 if side(x, g["a"]) and side(y, g["b"])]) for g in pairs]


def test_judge_seed_cluster_finds_the_gold_conflicts_and_no_trap(seed_claims, seed_articles):
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    texts = {a.source: a.text for a in seed_articles}
    findings = reconcile(seed_claims, as_frame=False)
    flagged = {frozenset((f.a, f.b)) for f in findings if f.status in ("conflict", "update")}
    for g, pairs in _gold_pairs(seed_claims, texts, gold["conflicts"]):
        assert any(frozenset((x.id, y.id)) in flagged for x, y in pairs), g["topic"]
    for g, pairs in _gold_pairs(seed_claims, texts, gold["non_conflicts"]):
        assert not any(frozenset((x.id, y.id)) in flagged for x, y in pairs), g["topic"]
    assert len(flagged) == len(gold["conflicts"])


def test_judge_reconcile_returns_a_frame(seed_claims):
    frame = reconcile(seed_claims)
    assert list(frame.columns) == ["status", "a", "b", "topic", "reason", "score", "aligned_because"]
    assert frame["status"].tolist() == sorted(frame["status"].tolist(), key=STATUSES.index)


def _verdicts(texts, nlp):
    claims = extract_claims([Article(source=s, text=t) for s, t in texts.items()], nlp=nlp)
    frame = reconcile(claims, as_frame=False)
    by_id = {c.id: c for c in claims}
    return {(by_id[f.a].quantity.low, by_id[f.b].quantity.low): f.status for f in frame}


def test_judge_a_group_among_the_dead_does_not_make_a_place_a_part(nlp):
    verdicts = _verdicts({
        "a": "Police said on Monday that 125 people died at Kanjuruhan stadium. Among the dead, 32 were children.",
        "b": "At least 174 people were killed, officials said.",
    }, nlp)
    assert verdicts.get((125.0, 174.0), verdicts.get((174.0, 125.0))) in ("conflict", "update")


def test_judge_a_city_toll_beside_an_unplaced_toll_is_a_part(nlp):
    verdicts = _verdicts({
        "a": "The earthquake killed 2,946 people. In Marrakesh, 18 people were killed.",
        "b": "The earthquake killed 2,900 people.",
    }, nlp)
    assert (18.0, 2900.0) not in verdicts and (2900.0, 18.0) not in verdicts
    assert verdicts.get((2946.0, 2900.0), verdicts.get((2900.0, 2946.0))) == "conflict"


def test_judge_the_value_before_a_change_is_an_update_not_a_conflict(nlp):
    verdicts = _verdicts({
        "p": "The Bank of England raised UK interest rates from 5% to 5.25%.",
        "h": "UK interest rates went up from 5% to 5.25%.",
    }, nlp)
    assert "conflict" not in verdicts.values()
    assert "agree" in verdicts.values()


@pytest.mark.parametrize(
    ("premise", "hypothesis"),
    [
        ("In Rwanda there were on average 8,000 victims per day for about 100 days.",
         "There were 800,000 victims of the massacres in Rwanda."),
        ("Cholera has caused nearly 800 deaths and infected more than 16,000 people, the WHO says.",
         "WHO says cholera has killed almost 800, infected 16,000."),
        ("The ministry confirmed at least 15 deaths in Serbia and another five in neighbouring Bosnia.",
         "At least 20 people are dead in Serbia and Bosnia."),
        ("USGS originally put the magnitude at 4.1 before revising it to 3.8.",
         "USGS revises magnitude down from 4.1 to 3.8."),
        ("There are 2,000 for-profit haunts across the country, plus another 1,000 houses run for charity.",
         "About a third of the 3,000 houses benefit charity."),
        ("He now weighs 202 pounds.", "Dan Hyatt went from 337 pounds to 202 pounds."),
        ("From its original 12 member states, CERN has now grown to 20.", "CERN has 20 member states."),
    ],
    ids=["rate-against-total", "infected-are-cases", "another-adds", "originally-is-before", "plus-another-is-a-part",
         "from-x-to-y", "original-is-another-time"],
)
def test_judge_entailed_pairs_are_no_conflict(premise, hypothesis, nlp):
    assert "conflict" not in _verdicts({"p": premise, "h": hypothesis}, nlp).values()


def test_judge_another_group_is_no_increment(nlp):
    # "Another 5,674 people were injured" after a death toll counts injuries, not more deaths
    verdicts = _verdicts({
        "a": "The quake killed 2,946 people. Another 5,674 people have been treated for injuries.",
        "b": "The ministry said 672 people had been injured.",
    }, nlp)
    assert verdicts.get((5674.0, 672.0), verdicts.get((672.0, 5674.0))) == "conflict"


def test_judge_a_narrower_group_may_be_smaller_but_not_larger(nlp):
    smaller = _verdicts({"p": "NOAA predicts that one to three will be major hurricanes.",
                         "h": "NOAA predicts four to seven hurricanes."}, nlp)
    assert "conflict" not in smaller.values()
    larger = _verdicts({"p": "NOAA predicts eight major hurricanes.",
                        "h": "NOAA predicts four to seven hurricanes."}, nlp)
    assert "conflict" in larger.values()


def test_judge_what_happened_to_people_names_the_figure(nlp):
    # "one firefighter injured" and "400 firefighters mobilised" are two figures, not one
    claims = extract_claims([Article("a", "Around 400 firefighters were mobilised overnight."),
                             Article("b", "One firefighter was seriously injured, officials said.")], nlp=nlp)
    assert len(claims) == 2
    assert reconcile(claims).empty


def _judged(nlp, text_a: str, text_b: str, *, days: tuple[int, int] = (4, 6)) -> list[tuple[str, str]]:
    articles = [Article("a", text_a, published=dt.date(2023, 9, days[0])),
                Article("b", text_b, published=dt.date(2023, 9, days[1]))]
    report = judge_claims(articles, extract_claims(articles, nlp=nlp))
    return [(f.status, f.reason) for f in report.findings]


@pytest.mark.parametrize(
    ("text_a", "text_b"),
    [("The floods in Derna have killed 381 people.", "The floods in Derna have killed 589 people."),
     ("The floods in Derna have killed 381 people, officials said on Monday.",
      "The floods in Derna have killed 589 people, officials said."),
     ("The floods in Derna had killed 381 people by Monday.", "The floods in Derna have killed 589 people.")],
    ids=["publication-dates", "stated-day-and-publication-date", "cut-off"],
)
def test_judge_a_toll_reported_on_different_days_is_an_update(nlp, text_a, text_b):
    [(status, reason)] = _judged(nlp, text_a, text_b)
    assert status == "update"
    assert "times differ" in reason


def test_judge_a_toll_that_fell_later_is_a_conflict(nlp):
    [(status, reason)] = _judged(nlp, "The floods in Derna have killed 5,300 people.",
                                 "The floods in Derna have killed 3,958 people.")
    assert status == "conflict"
    assert reason.startswith("a running total fell: '5,300 people' (5,300) earlier, '3,958 people' (3,958) later")


def test_judge_a_toll_of_the_same_day_is_a_conflict(nlp):
    [(status, _)] = _judged(nlp, "The floods in Derna have killed 381 people.",
                            "The floods in Derna have killed 589 people.", days=(5, 5))
    assert status == "conflict"


def test_judge_events_counted_on_one_day_conflict_whatever_the_publication_dates(seed_claims):
    # the seed: the GNA's five strikes on Monday (published 3 August) against the
    # Pentagon's two (published 2 August) count the same strikes, not a running total
    findings = reconcile(seed_claims, as_frame=False)
    strikes = [f for f in findings if f.topic.startswith("strike")]
    assert [f.status for f in strikes] == ["conflict"]


def test_judge_a_toll_of_another_period_is_not_compared(nlp):
    assert _judged(nlp, "In Oregon, 96 people died in February.",
                   "In Oregon, the heat wave has killed 116 people.", days=(20, 20)) == []


@pytest.mark.parametrize(
    ("rates", "expected"),
    [(None, [("review", "a reference rate can show that sums agree, not that they conflict")]),
     (["EUR=1.24"], [("agree", "meet once converted at the supplied rate 1 EUR = 1.24 USD")]),
     ({"EUR": 1.08}, [("conflict", "converted at the supplied rate 1 EUR = 1.08 USD")])],
    ids=["no-rate-reference-only", "agree-at-a-rate", "conflict-at-a-rate"],
)
def test_judge_money_in_two_currencies_only_with_a_supplied_rate(nlp, rates, expected):
    articles = [Article("a", "The Louvre said the repairs would cost €100 million.", published=dt.date(2023, 9, 4)),
                Article("b", "The Louvre said the repairs would cost $125 million.", published=dt.date(2023, 9, 4))]
    found = judge_claims(articles, extract_claims(articles, nlp=nlp), rates=rates).findings
    assert [f.status for f in found] == [status for status, _ in expected]
    assert all(f.reason.endswith(words) for f, (_, words) in zip(found, expected))


def test_judge_a_measure_of_another_period_is_not_compared(nlp):
    # the quake of May 2023 is another quake, not an earlier reading of this one
    assert _judged(nlp, "A magnitude 6.5 quake hit the Noto peninsula in May 2023.",
                   "The magnitude 7.6 quake hit the Noto peninsula on Monday.", days=(4, 4)) == []


def test_judge_named_kinds_of_a_thing_are_other_groups_or_parts(nlp):
    # seven French and nine British nationals are two groups; seven French among 150
    # passengers' nationals is a part of the whole, never the same figure
    assert _judged(nlp, "Seven French nationals died in the Ethiopian Airlines crash.",
                   "Nine British nationals died in the Ethiopian Airlines crash.", days=(4, 4)) == []
    assert _judged(nlp, "Seven French nationals died in the Ethiopian Airlines crash.",
                   "In all, 150 nationals died in the Ethiopian Airlines crash.", days=(4, 4)) == []


def test_judge_figures_thirty_times_apart_go_to_review_not_conflict():
    # "8 aircraft" and "387 aircraft", or 150 mm of rain and a river at 5.35 m: two
    # quantities read as one far more often than one figure misreported thirtyfold
    found = judge(Alignment(_claim("a", _q(8)), _claim("b", _q(387)), 0.9, ()))
    assert found.status == "review"
    assert found.reason.endswith("but the values are 48 times apart, more likely two quantities than one")
    assert judge(Alignment(_claim("a", _q(8)), _claim("b", _q(200)), 0.9, ())).status == "conflict"


def test_judge_a_running_toll_may_grow_more_than_thirtyfold(nlp):
    [(status, _)] = _judged(nlp, "The floods in Derna have killed at least 150 people.",
                            "The floods in Derna have killed 11,300 people.", days=(11, 14))
    assert status == "update"


def _statuses(nlp, text_a: str, text_b: str) -> list[str]:
    claims = extract_claims([Article("a", text_a), Article("b", text_b)], nlp=nlp)
    return sorted(f.status for f in reconcile(claims, as_frame=False))


@pytest.mark.parametrize(
    ("text_a", "text_b", "statuses"),
    [("Ten foreigners were on board, the airline said.", "Fifteen foreign nationals were on board.",
      ["conflict"]),  # two names for people to whom one thing happened
     ("Four boys were injured in the crush.", "Twelve boys were killed in the crush.", []),  # other fates
     ("About 400 firefighters have been mobilised.", "Around 500 firefighters were involved.", ["conflict"]),
     # mobilised, involved: one class of the event table, people sent to a task
     ("The 14 of 15 former players studied had the disease.", "Four former players are suing the league.",
      ["review"]),  # two verbs outside the event table: shown, never a conflict
     ("Rescuers had pulled 68 bodies from the wreckage.", "Police handed 22 bodies over to their families.",
      ["review"]),  # the dead counted at other steps
     ("All 72 people on the plane died.", "Police handed 22 bodies over to their families.", ["review"]),
     ("Rwanda has recorded 64 confirmed cases.", "So far 46 confirmed cases have recovered.", ["review"]),
     ("Kasparov won the 12-game rematch.", "Kasparov won 144 games.", []),
     ("There are some additional 863 cancer cases among fire personnel.",
      "There are at least 2,509 certified cancer cases among responders.", [])],
    ids=["people-paraphrase", "people-with-other-fates", "deployed-in-other-words", "studied-or-suing",
         "pulled-or-handed-over", "died-or-handed-over", "cases-or-recovered", "attributive-count",
         "additional-adds-to-a-total"],
)
def test_judge_what_is_counted_and_what_happened_decide_the_pair(nlp, text_a, text_b, statuses):
    assert _statuses(nlp, text_a, text_b) == statuses


def test_judge_the_size_of_a_move_is_never_the_figure_it_moved(nlp):
    # the 36 of "36 higher" is no count of deaths: only 246 meets the other report's 36
    assert _statuses(nlp, "The department has identified 246 deaths. The total is 36 higher than in the "
                          "previous update.", "The department has identified 36 deaths.") == ["conflict"]
    assert _statuses(nlp, "Alphabet will cut about 12,000 jobs.", "Alphabet will eliminate 12,000 jobs.") == ["agree"]


def test_judge_a_bracketed_conversion_measures_what_its_measure_measures(nlp):
    # the spire's 93 metres (305 feet) against the towers' 69 metres: two objects, no conflict;
    # the blaze and the fire, the boat and the trawler: one object under two names
    assert _statuses(nlp, "Pictures showed the 93-metre (305-foot) spire wreathed in flames.",
                     "The cathedral's twin towers, which stand 69 metres tall, survived.") == []
    assert _statuses(nlp, "The fire burned 2,170 acres.", "The blaze burned about 880 hectares.") == ["agree"]


def test_judge_a_flow_over_a_part_of_a_period_is_another_figure(nlp):
    articles = [Article("a", "BYD said on Monday it sold 526,409 battery-electric cars in October-December.",
                        published=dt.date(2024, 1, 2)),
                Article("b", "BYD sold 1.57 million battery-electric cars in 2023.", published=dt.date(2024, 1, 4)),
                Article("c", "BYD sold 1.7 million battery-electric cars in 2023.", published=dt.date(2024, 1, 4))]

    found = judge_claims(articles, extract_claims(articles, nlp=nlp), group_by="none").findings
    assert [(f.status, {f.a[0], f.b[0]}) for f in found] == [("conflict", {"b", "c"})]  # the quarter meets neither


@pytest.mark.parametrize(
    ("text_a", "text_b", "statuses"),
    [("Two people died in the accident: one person on the train and one in the semitrailer.",
      "One person on the train and one in the truck died, authorities say.", []),  # parts, never the whole
     ("The violence has killed 67 people in Israel.", "Three people are reported killed in Gaza.", []),
     ("The number of people confirmed dead stood at 73, with 39 deaths in Wajima and 23 in Suzu.",
      "Deaths by municipality: Wajima 83, Suzu 91.", ["conflict", "conflict", "review", "review"])],
    ids=["counts-side-by-side-are-parts", "where-it-happened", "parts-with-their-places-are-compared"],
)
def test_judge_parts_and_places_from_the_parse(nlp, text_a, text_b, statuses):
    assert _statuses(nlp, text_a, text_b) == statuses


def test_judge_a_building_where_it_happened_is_no_part_of_the_toll(nlp):
    # the article that gives a toll with no place and one "in Grenfell Tower" speaks of one
    # toll: the tower is where it happened, not a part of a larger whole
    found = _judged(nlp, "Police said 17 people are now known to have died.",
                    "The number of people who died in the Grenfell Tower fire has risen to 79. At least 70 "
                    "people died, officials said.")
    assert any(status == "update" and "79" in reason and "17" in reason for status, reason in found)


def test_judge_the_dead_under_two_names_and_an_event_s_name_is_no_actor(nlp):
    # "people buried" and "bodies buried": one count of the dead
    assert _statuses(nlp, "So far 3,283 people had been buried.", "More than 4,000 bodies had been buried.") \
        == ["conflict"]
    [dead] = extract_claims([Article("a", "The Camp Fire left at least 44 people dead.")], nlp=nlp)
    assert (dead.topic, dead.event_norm) == ("death", "die")  # "people dead": what happened to them
    assert "Camp Fire" not in dead.actors  # the fire is what happened, not who did it


@pytest.mark.parametrize(
    ("text_a", "text_b", "statuses"),
    [("About 10,000 people were missing.", "By then 10,100 people were reported missing.", ["agree"]),
     ("About 10,000 people were missing.", "Some 12,000 people were reported missing.", ["update"]),
     ("The fire was 30 percent contained.", "The fire was about 30 per cent contained.", ["agree"])],
    ids=["an-exact-figure-refines-a-round-one", "two-round-figures-moved", "a-percent-of-a-property"],
)
def test_judge_round_figures_and_properties(nlp, text_a, text_b, statuses):
    assert [s for s, _ in _judged(nlp, text_a, text_b)] == statuses


def test_judge_victims_found_are_not_the_dead(nlp):
    # the counted noun's own clause ("the number of victims found") is a step of its own
    assert _statuses(nlp, "All 72 people on the plane died.", "Rescuers recovered another body, bringing the "
                                                                  "number of victims found to 71.") == ["review"]


@pytest.mark.parametrize(
    ("places", "tops"),
    [(["Rio Grande do Sul", ""], {"Rio Grande do Sul"}),  # the state the story is about is its whole
     (["Rio Grande do Sul", "Brazil", ""], set()),  # named with its country: a part of it
     (["Tripura", "<national>", ""], set()),  # a national story
     (["Marrakesh", ""], set())],  # a city the place model does not know stays a part
    ids=["state-alone", "state-and-country", "national", "unknown-city"],
)
def test_judge_a_region_is_a_part_only_of_a_story_that_names_what_contains_it(places, tops):
    from reconcile.align import _local_places, _top_regions

    claims = [dataclasses.replace(_claim(f"c{k}", _q(80 + k)), source="a", place=p, topic="death")
              for k, p in enumerate(places)]
    assert _top_regions(claims) == tops
    assert {place for _, _, place in _local_places(claims)} == {p for p in places if p and p not in tops
                                                                  and p not in ("Brazil", "<national>")}


def test_judge_the_object_of_a_measure_named_or_plain(nlp):
    # "the Camp Fire" and "the fire" may be one fire, unless the story measures another fire
    # too; "The Guaiba rose above 4.5 metres" measures the Guaiba
    [level] = extract_claims([Article("a", "The Guaiba rose back above 4.5 metres on Sunday.")], nlp=nlp)
    assert level.extra["object"] == "Guaiba"
    assert _statuses(nlp, "The Camp Fire has burned some 47,000 hectares.",
                     "By Monday the fire had burned 117,000 acres.") == ["agree"]  # 117,000 acres is 47,348 ha
    assert _statuses(nlp, "The Camp Fire has burned some 47,000 hectares. The Woolsey Fire has burned "
                          "37,000 hectares.", "By Monday the fire had burned 117,000 acres.") == ["agree", "review"]


def test_judge_counts_of_two_occasions_are_two_figures(nlp):
    # the marchers of two protest days; but a running toll re-reported on another day moved,
    # and a level (an offer) is what it is on each day
    assert _judged(nlp, "An estimated 1.28 million people marched on Tuesday.",
                   "Some 1.27 million people marched on Thursday.", days=(8, 8)) == []
    [(status, _)] = _judged(nlp, "The floods had killed 381 people by Monday.",
                            "The floods had killed 589 people by Tuesday.", days=(8, 8))
    assert status == "update"
    [(status, _)] = _judged(nlp, "Stellantis offered a raise of 17.5% on Monday.",
                            "Stellantis offered a raise of 20% on Thursday.", days=(8, 8))
    assert status == "update"


def test_judge_the_figure_a_count_refers_back_to_keeps_what_happened(nlp):
    judged = _judged(nlp, "Hospitals had received 72 people injured in the clashes by 10pm on Wednesday. By "
                          "8am the authority's count had risen to 81, with patients aged from 15 to 66.",
                     "More than 100 people were injured in the clashes.")
    # the 81 are the injured of the 72 and the 100, not the patients' ages
    assert sorted(status for status, reason in judged if "'81'" in reason) == ["update", "update"]


def test_judge_a_bare_degree_is_on_the_scale_of_its_article(nlp):
    [(status, reason)] = _judged(nlp, "Portland hit 116 degrees on Monday. The old record was 107 degrees "
                                      "Fahrenheit in 1965.", "Portland reached 46.7 C on Monday.", days=(5, 5))
    assert status == "agree"
    assert "116 degF" in reason
    assert _judged(nlp, "Portland hit 116 degrees on Monday.", "Portland reached 46.7 C on Monday.",
                   days=(5, 5)) == []  # no scale stated in the article: no guess


def test_judge_moves_of_two_days_are_two_figures(nlp):
    # a report of Monday cannot be of Tuesday's fall
    assert _judged(nlp, "Boeing shares closed down 5.3 percent.",
                   "Boeing shares fell 6.1 percent on Tuesday.", days=(11, 13)) == []


def test_judge_two_maxima_of_one_figure_disagree(nlp):
    [(status, reason)] = _judged(nlp, "Pfizer expects to make up to 50 million doses this year.",
                                 "Pfizer expects to make up to 100 million doses this year.", days=(5, 5))
    assert status == "conflict"
    assert reason.endswith("name different maxima")
    [(status, _)] = _judged(nlp, "Pfizer expects to make up to 50 million doses this year.",
                            "Pfizer expects to make up to 50 million doses this year, it said.", days=(5, 5))
    assert status == "agree"


def test_judge_an_unplaced_figure_beside_the_state_a_story_is_about_is_the_state_s(nlp):
    # the story is about Texas: a toll naming no place is Texas's, whatever counties it names
    judged = _judged(nlp, "At least 111 people died in Texas on Thursday. In Harris County, 31 people died. In "
                          "Travis County, 12 people died.", "The toll now stands at 246.", days=(5, 8))
    assert [status for status, reason in judged if "111" in reason] == ["update"]


@pytest.mark.parametrize(
    ("text_a", "text_b", "statuses"),
    [("The march followed a roughly two-mile route.", "The 3.2-kilometre route runs west from the park.",
      ["agree"]),  # one figure converted, whatever each is read to measure
     ("The march followed a roughly two-mile route.", "The 5-kilometre route runs west from the park.", []),
     ("Survivors spoke of between 400 and 750 people.", "Around 750 people were on board.", ["agree"]),
     ("Survivors spoke of about 400 people.", "Around 750 people were on board.", []),
     ("The review took less than five months.", "The flight lasted six minutes.", []),
     ("The ship struck the bridge at about 1:30 am.", "The bridge collapsed at 1:28 am.", ["agree"]),
     ("The ship struck the bridge at about 1:30 am.", "The bridge collapsed at 2:10 am.", []),
     ("Police fired about 150 rounds of tear gas.", "Police fired roughly 150 tear gas canisters.", ["agree"]),
     ("A total of 5,074 tests so far, the ministry said.", "More than 5,000 people have been tested.", ["agree"]),
     ("A total of 9,074 tests so far, the ministry said.", "More than 5,000 people have been tested.", [])],
    ids=["converted-measures-agree", "converted-measures-apart-say-nothing", "people-agree",
         "people-apart-say-nothing", "an-open-bound-agrees-with-nothing-loosely", "clock-times-agree",
         "clock-times-apart-say-nothing", "one-verb-two-things", "a-thing-and-its-verb-near-a-bound",
         "a-bound-far-below-says-nothing"],
)
def test_judge_pairs_compared_for_agreement_only(nlp, text_a, text_b, statuses):
    judged = _judged(nlp, text_a, text_b, days=(5, 5))
    assert [status for status, _ in judged] == statuses
    assert all("compared for agreement only" in reason for _, reason in judged)


def test_judge_a_vague_word_below_a_figure_is_for_review(nlp):
    [(status, reason)] = _judged(nlp, "Thousands of people were evacuated.", "More than 50,000 people were evacuated.",
                                 days=(5, 5))
    assert status == "review"
    assert "vague word" in reason
    [(status, _)] = _judged(nlp, "Thousands of people were evacuated.", "Some 500 people were evacuated.",
                            days=(5, 5))
    assert status == "conflict"  # "thousands" is more than 500 in anyone's reading


def test_judge_a_total_to_a_moment_and_one_day_s_count_are_two_figures(nlp):
    assert _judged(nlp, "By Tuesday morning 13,350 refugees had crossed into Armenia.",
                   "On Tuesday alone 26,600 people crossed into Armenia.", days=(27, 27)) == []


def test_judge_distances_from_two_places_are_two_figures(nlp):
    assert _judged(nlp, "The site lies 171 km from the state capital.", "The village lies some 250 km south-west "
                   "of Kolkata.", days=(5, 5)) == []
    claims = extract_claims([Article("a", "The epicentre was about 72 kilometres southwest of Marrakech."),
                             Article("b", "The epicentre was some 45 miles southwest of Marrakesh.")], nlp=nlp)
    assert [f.status for f in reconcile(claims, as_frame=False)] == ["agree"]  # one city, two spellings


def test_judge_actors_of_one_claim_are_one_group_and_a_segment_opens_its_sentence(nlp):
    [claim] = extract_claims([Article("a", "Gaming revenue was $2.49 billion.")], nlp=nlp)
    assert claim.actors == ("gaming",)
    # "ethnic Armenian residents" names one group: a figure naming none is not left in doubt
    [(status, _)] = _judged(nlp, "About 120,000 ethnic Armenian residents had lived in the region.",
                            "Some 120,000 people had lived in the region.", days=(5, 5))
    assert status == "agree"


def test_judge_an_article_that_dates_one_figure_leaves_today_s_undated(nlp):
    text = ("Some 3.5 million people marched nationwide, the union said. That is far above the 1.27 million people "
            "who marched on 31 January.")
    claims = extract_claims([Article("a", text, published=dt.date(2023, 3, 7))], nlp=nlp)
    assert [c.time_text for c in claims] == ["", "on 31 January"]
    assert reconcile(claims, as_frame=False) == []  # today's march and January's: two figures


def test_judge_places_given_as_parts_leave_two_unplaced_tolls_comparable(nlp):
    # an article that gives a breakdown by town beside the toll of all: the towns are parts,
    # so two tolls that name no town are both the whole, and they disagree
    published = dt.date(2024, 1, 3)
    claims = extract_claims([
        Article("a", "The toll stood at 73 on Wednesday. In Suzu, 40 people died.", published=published),
        Article("b", "The toll stood at 84 on Wednesday. In Wajima, 33 people died.", published=published)], nlp=nlp)
    tolls = {c.id for c in claims if c.quantity.value in (73, 84)}
    assert [f.status for f in reconcile(claims, as_frame=False) if {f.a, f.b} == tolls] == ["conflict"]


def test_judge_a_fronted_partitive_counts_a_part(nlp):
    [six, _] = extract_claims([Article("a", "Of the disaster-related deaths, 6 were in Suzu and 2 in Noto.")], nlp=nlp)
    assert six.extra.get("partitive")
    [depth] = extract_claims([Article("a", "The survey put its depth at 18.5 km.")], nlp=nlp)
    assert depth.extra["side"] == "depth"


def test_judge_parts_picked_out_by_one_event_and_a_figure_s_earlier_value(nlp):
    [(status, _)] = _judged(nlp, "Only 88 of the dead had been identified by Sunday morning.",
                            "By Monday, 170 of the bodies had been identified.", days=(4, 5))
    assert status == "update"  # the identified dead, counted twice
    judged = _judged(nlp, "The toll in Congo stands at 537, up from 511 a week earlier.", "Nothing else.", days=(4, 5))
    assert [status for status, _ in judged] == ["update"]  # one sentence, two times


def test_judge_people_an_article_counts_apart_are_two_groups(nlp):
    claims = extract_claims([
        Article("a", "There were 68 passengers and four crew on board the plane."),
        Article("b", "Ten foreigners were on board the plane."),
        Article("c", "Fifteen foreign nationals were on board the plane."),
    ], nlp=nlp)
    crew, foreigners, nationals = (next(c for c in claims if c.topic == t) for t in ("crew", "foreigner", "national"))
    findings = {frozenset((f.a, f.b)): f.status for f in reconcile(claims, as_frame=False)}
    assert frozenset((crew.id, foreigners.id)) not in findings  # article a tells crew from passengers
    assert findings[frozenset((foreigners.id, nationals.id))] == "conflict"  # two names for one group
    [claim] = extract_claims([Article("a", "Officials at Pokhara International Airport said 72 people were on "
                                           "board.")], nlp=nlp)
    assert "Pokhara International Airport" not in claim.actors  # where, not who


def test_judge_sums_that_leave_their_purpose_unsaid_may_agree(nlp):
    def statuses(text_a, text_b):
        claims = extract_claims([Article("a", text_a, published=dt.date(2024, 5, 10)),
                                 Article("b", text_b, published=dt.date(2024, 5, 10))], nlp=nlp)
        return [f.status for f in reconcile(claims, as_frame=False)]

    # a conversion, at the reference rate of the year; a figure and its rounding
    assert statuses("The package is worth R$50.9 billion.", "The government has committed about $9.9 billion.") \
        == ["agree"]
    assert statuses("Nvidia posted a record $13.51 billion.", "It more than doubled to $13.5 billion.") == ["agree"]
    # in one currency, two unrelated sums that happen to be near say nothing
    assert statuses("Analysts expect about $11 billion.", "It brought in $10.3 billion.") == []


def test_judge_an_increment_and_the_same_sum_may_agree_but_never_conflict(nlp):
    [(status, reason)] = _judged(nlp, "The board authorised an additional $25 billion of share repurchases.",
                                 "Nvidia announced a $25 billion share buyback.", days=(5, 5))
    assert status == "agree" and "adds to an earlier count" in reason
    assert _judged(nlp, "The board authorised an additional $25 billion of share repurchases.",
                   "Nvidia announced a $30 billion share buyback.", days=(5, 5)) == []


def test_judge_people_sent_to_one_task_in_other_words(nlp):
    [(status, _)] = _judged(nlp, "Some 400 firefighters fought the blaze through the night.",
                            "Around 500 firefighters were involved, officials said.", days=(5, 5))
    assert status == "conflict"
    [(status, _)] = _judged(nlp, "By Thursday 66,500 people had crossed into Armenia.",
                            "By Thursday 68,386 people had arrived in Armenia.", days=(28, 28))
    assert status == "conflict"


def test_judge_a_place_s_share_of_the_dead_is_its_count(nlp):
    claims = extract_claims([
        Article("a", "Harris County reported 31 of the deaths.", published=dt.date(2021, 3, 26)),
        Article("b", "Harris County has since recorded 43 of the deaths.", published=dt.date(2021, 3, 26))], nlp=nlp)
    assert [c.place for c in claims] == ["Harris County", "Harris County"]
    assert [f.status for f in reconcile(claims, as_frame=False)] == ["conflict"]


def test_judge_a_whole_given_later_below_a_part_given_earlier_was_revised(nlp):
    claims = extract_claims([
        Article("a", "The floods killed 11,500 people. The death toll in Derna had soared to 11,300.",
                published=dt.date(2023, 9, 14)),
        Article("b", "The United Nations said 3,958 people died in the floods.", published=dt.date(2023, 9, 18))],
        nlp=nlp)
    derna, whole = (next(c.id for c in claims if c.quantity.value == v) for v in (11300, 3958))
    [finding] = [f for f in reconcile(claims, as_frame=False) if {f.a, f.b} == {derna, whole}]
    assert finding.status == "update" and "revised" in finding.reason
    # in one article, a part of an earlier day above a figure that names no place is no revision
    same = extract_claims([Article("a", "The floods killed 11,500 people in all. In Derna, 11,300 people died on "
                                        "Monday. The ministry reported 63 deaths.", published=dt.date(2023, 9, 14))],
                          nlp=nlp)
    assert not [f for f in reconcile(same, as_frame=False) if f.status == "update" and "revised" in f.reason]
    # the other way round, a part given later larger than an earlier whole, the whole grew
    later = extract_claims([
        Article("a", "The toll stood at 73 on Wednesday. In Wajima, 12 people died.", published=dt.date(2024, 1, 4)),
        Article("b", "In Suzu, 91 people have died.", published=dt.date(2024, 1, 9))], nlp=nlp)
    assert not [f for f in reconcile(later, as_frame=False) if f.status in ("update", "conflict")]


def test_judge_where_the_teller_is_and_elsewhere_are_not_where_the_figure_is(nlp):
    [tobruk] = extract_claims([Article("a", "At least 145 of the dead were Egyptian workers, officials in the "
                                            "eastern city of Tobruk said.")], nlp=nlp)
    assert (tobruk.place, tobruk.extra.get("partitive")) == ("", True)
    [picked] = extract_claims([Article("a", "UN agencies said at least 19 of the dead worked for the organisation "
                                            "or its affiliates.")], nlp=nlp)
    assert picked.extra.get("partitive")  # a bound picks some out as a figure does, whatever the parse
    [there] = extract_claims([Article("a", "At least 30 people died in Tobruk, officials said.")], nlp=nlp)
    assert there.place == "Tobruk"
    [other] = extract_claims([Article("a", "170 deaths had also been recorded elsewhere in the east.")], nlp=nlp)
    assert other.extra.get("distinct")


def test_judge_a_day_s_count_alone_is_no_total(nlp):
    claims = extract_claims([
        Article("a", "He said 26,600 people crossed on Tuesday alone.", published=dt.date(2023, 9, 27)),
        Article("b", "She said 68,386 people had crossed into Armenia.", published=dt.date(2023, 9, 28)),
        Article("c", "Officials said 26,600 people crossed on Tuesday.", published=dt.date(2023, 9, 28))], nlp=nlp)
    [alone] = [c for c in claims if c.source == "a"]
    assert alone.extra.get("alone")
    listed = extract_claims([Article("d", "About 9,000 people crossed on 24 and 25 September, 22,800 on 26 "
                                          "September and 26,600 on 27 September.", published=dt.date(2023, 9, 28))],
                            nlp=nlp)
    assert [c.extra.get("alone") for c in listed] == [True, True, True]  # a breakdown by day
    statuses = {frozenset((f.a[0], f.b[0])): f.status for f in reconcile(claims, as_frame=False)}
    assert frozenset("ab") not in statuses  # one day's count beside the total
    assert statuses.get(frozenset("ac")) == "agree"  # the same day's count


def test_judge_those_picked_out_among_them_are_a_part_that_may_agree(nlp):
    claims = extract_claims([
        Article("a", "The clashes left more than 100 people injured, among them 22 police officers.",
                published=dt.date(2019, 6, 13)),
        Article("b", "Police said 22 officers had been hurt.", published=dt.date(2019, 6, 13)),
        Article("c", "Police said eight officers had been hurt.", published=dt.date(2019, 6, 13))], nlp=nlp)
    [whole, picked] = [c for c in claims if c.source == "a"]
    assert picked.extra.get("partitive") and not whole.extra.get("partitive")
    statuses = {frozenset((f.a[0], f.b[0])): f.status for f in reconcile(claims, as_frame=False)}
    assert statuses.get(frozenset("ab")) == "agree"  # the same 22
    assert statuses.get(frozenset("ac")) is None  # a part picked out is never set against another count


def test_judge_tolls_of_what_happened_on_days_apart_count_two_happenings(nlp):
    claims = extract_claims([
        Article("a", "The jet crashed on Sunday morning, killing 157 people. UN agencies said at least 19 of the "
                     "dead worked for the organisation.", published=dt.date(2019, 3, 10)),
        Article("b", "On October 29, a Lion Air jet of the same type plunged into the Java Sea 13 minutes after "
                     "leaving Jakarta, killing all 189 people on board.", published=dt.date(2019, 3, 11))], nlp=nlp)
    lion = next(c for c in claims if c.quantity.value == 189)
    assert (lion.time_text, lion.extra.get("time_rule")) == ("On October 29", "fronted")
    assert not [f for f in reconcile(claims, as_frame=False) if lion.id in (f.a, f.b)]


def test_judge_a_toll_of_a_day_after_another_report_is_no_update_of_it(nlp):
    # the part of a day is of the day the article told of, two days after the first report
    articles = [
        Article("a", "Police said on Monday that 19 people had been arrested. Eight officers were injured, the "
                     "force said.", published=dt.date(2019, 6, 10)),
        Article("b", "Hospitals had received 72 people injured in the clashes by 10pm on Wednesday. By 8am today "
                     "the count had risen to 81. Police said that 22 officers had been hurt during the afternoon.",
                published=dt.date(2019, 6, 13))]
    claims = extract_claims(articles, nlp=nlp)
    hurt = next(c for c in claims if c.quantity.value == 22)
    assert (hurt.time_text, hurt.time_start) == ("during the afternoon", dt.date(2019, 6, 12))
    eight = next(c for c in claims if c.quantity.value == 8)
    assert not [f for f in judge_claims(articles, claims).findings if {f.a, f.b} == {eight.id, hurt.id}]
    # stated for the day it was written, the same two figures are an update
    later = [articles[0], Article("b", "Police said that 22 officers had been hurt.", published=dt.date(2019, 6, 13))]
    assert [f.status for f in judge_claims(later, extract_claims(later, nlp=nlp)).findings
            if {f.a[0], f.b[0]} == {"a", "b"}] == ["update"]


def test_judge_a_name_after_a_preposition_and_a_kind_are_no_rival_actors(nlp):
    claims = extract_claims([
        Article("a", "Four weeks after Ethiopian Airlines flight ET302 crashed, killing 157 people, the report came.",
                published=dt.date(2019, 4, 4)),
        Article("b", "The government says 17 Ethiopian citizens died in the crash.", published=dt.date(2019, 4, 4)),
        Article("c", "The crash killed 157 people.", published=dt.date(2019, 4, 4)),
        Article("d", "The crash killed 149 people.", published=dt.date(2019, 4, 4))], nlp=nlp)
    assert next(c for c in claims if c.source == "a").actors == ()  # not the tail "Airlines" of the name
    tolls = {c.id for c in claims if c.source in "cd"}
    assert [f.status for f in reconcile(claims, as_frame=False) if {f.a, f.b} == tolls] == ["conflict"]


def test_judge_measures_stated_for_two_days_are_two_readings(nlp):
    [] = _judged(nlp, "The Guaiba peaked at 5.35 metres on Sunday.",
                 "The Guaiba rose back above 4.5 metres on Sunday afternoon.", days=(6, 13))
    [(status, _)] = _judged(nlp, "The Guaiba peaked at 5.35 metres on Sunday.",
                            "The Guaiba peaked at 5.33 metres on Sunday.", days=(4, 4))
    assert status == "conflict"


def test_judge_two_figures_for_one_named_place_need_no_actor(nlp):
    claims = extract_claims([
        Article("a", "Harris County reported 31 of the deaths. Acme Corp has identified 12 deaths.",
                published=dt.date(2021, 3, 26)),
        Article("b", "Harris County recorded the most deaths, 43. Beta Inc has identified 9 deaths.",
                published=dt.date(2021, 12, 31))], nlp=nlp)  # two other actors' counts beside them
    harris = {c.id for c in claims if c.place == "Harris County"}
    assert len(harris) == 2
    assert [f.status for f in reconcile(claims, as_frame=False) if {f.a, f.b} == harris] == ["update"]


def test_judge_a_level_changed_to_from_the_other_s_figure_is_of_a_later_time(nlp):
    findings = _judged(nlp, "The storm came ashore as a Category 5 hurricane, but it lost strength over the mountains "
                            "and had weakened to a Category 2 storm by Wednesday morning.",
                       "Hurricane Otis tore into Acapulco on Wednesday as a Category 5 storm.", days=(26, 26))
    assert [status for status, _ in findings if status in ("conflict", "update")] == []
    # the same figures with no change between them disagree
    [(status, _)] = _judged(nlp, "The storm came ashore as a Category 2 storm on Wednesday.",
                            "Hurricane Otis tore into Acapulco on Wednesday as a Category 5 storm.", days=(26, 26))
    assert status == "conflict"


def test_judge_a_figure_that_names_no_one_is_the_protagonist_s_where_the_other_names_it(nlp):
    day = dt.date(2024, 1, 2)
    claims = extract_claims([
        Article("a", "AUSTIN, Jan 2 (Wire) - Tesla delivered a record 484,507 vehicles in the fourth quarter. "
                     "BYD sold 526,409 vehicles in the fourth quarter.", published=day),
        Article("b", "Tesla shares rose 1%. The company says it delivered 494,989 vehicles in the fourth quarter. "
                     "Rivian delivered 13,972 vehicles in the fourth quarter.", published=day),
        Article("c", "Tesla shares rose 2% on Tuesday.", published=day)], nlp=nlp)  # Tesla: in every article
    doers = {c.quantity.value: c.extra.get("doer") for c in claims if c.topic == "vehicle"}
    assert doers == {484507: "Tesla", 526409: "BYD", 494989: None, 13972: "Rivian"}
    findings = {frozenset((f.a, f.b)): f for f in reconcile(claims, as_frame=False)}
    ids = {c.quantity.value: c.id for c in claims}
    assert findings[frozenset((ids[484507], ids[494989]))].status == "conflict"  # both Tesla's
    byd = findings.get(frozenset((ids[526409], ids[494989])))
    assert byd is None or byd.status == "review"  # BYD's figure is never pinned to Tesla


def test_judge_bodies_recovered_are_counted_at_their_own_step(nlp):
    [(status, _)] = _judged(nlp, "Rescuers had pulled 68 bodies from the wreckage by Sunday evening.",
                            "By Monday night teams had found 70 bodies in the gorge.", days=(15, 17))
    assert status == "update"  # one count of the recovered, grown
    findings = _judged(nlp, "All 72 people aboard were killed.", "Teams had found 71 bodies in the gorge.",
                       days=(16, 17))
    assert [status for status, _ in findings if status in ("conflict", "update")] == []  # the dead, the found


def test_judge_what_can_be_done_is_no_measurement_of_what_was(nlp):
    findings = _judged(nlp, "Once thawed, it can be kept between 36 and 46 degrees Fahrenheit for up to five days.",
                       "Thermal shippers keep the vaccine at -70C.", days=(20, 20))
    assert [status for status, _ in findings if status in ("conflict", "update")] == []
    [(status, _)] = _judged(nlp, "The shippers kept the vaccine at -60C.", "Thermal shippers keep the vaccine at -70C.",
                            days=(20, 20))
    assert status == "conflict"


def test_judge_an_offer_made_and_an_offer_raised_are_one_figure(nlp):
    claims = extract_claims([
        Article("a", "GM and Ford have offered 20%, and Stellantis has offered 17.5%.", published=dt.date(2023, 9, 15)),
        Article("b", "On Saturday, Stellantis raised its offer to 20%.", published=dt.date(2023, 9, 24))], nlp=nlp)
    offered = next(c for c in claims if c.quantity.value == 17.5)
    raised = next(c for c in claims if c.source == "b")
    assert (offered.topic, "elliptical" in offered.extra) == ("offer", False)
    assert (raised.topic, raised.event_norm) == ("offer", "")  # the verb moved the figure
    statuses = [f.status for f in reconcile(claims, as_frame=False) if {f.a, f.b} == {offered.id, raised.id}]
    assert statuses == ["update"]


def test_judge_a_floor_and_a_ceiling_and_several_places_say_nothing_moved(nlp):
    findings = _judged(nlp, "At least 111 people died in Texas.", "As many as 702 people may have died in Texas.",
                       days=(4, 20))
    assert [status for status, _ in findings if status in ("conflict", "update")] == []
    [(status, _)] = _judged(nlp, "At least 111 people died in Texas.", "The toll in Texas now stands at 246.",
                            days=(4, 20))
    assert status == "update"
    findings = _judged(nlp, "Harris County recorded 43 deaths.", "The storm was blamed for at least 20 deaths across "
                                                                 "several states.", days=(4, 20))
    assert [status for status, _ in findings if status in ("conflict", "update")] == []


def test_judge_a_place_that_names_what_those_counted_are_is_their_kind(nlp):
    [residents] = extract_claims([Article("a", "In all, 229 were Texas residents.")], nlp=nlp)
    assert residents.extra.get("kind") == ("texas",)


def test_judge_a_figure_that_leaves_its_thing_to_the_one_before_stays_elliptical(nlp):
    # EQUATE news_nli-0800, an entailment: "two associated with Vagos" are no Hell's Angels
    findings = _judged(nlp, "One Hell 's Angels member died from his wounds , while two associated with Vagos "
                            "suffered what the deputy chief described as '' non-life-threatening '' injuries .",
                       "1 Hell 's Angels member has died , 2 Vagos members have '' non-life-threatening '' injuries",
                       days=(4, 4))
    assert [status for status, _ in findings if status == "conflict"] == []


def test_judge_two_groups_one_thing_happened_to_agree_and_never_conflict(nlp):
    [(status, reason)] = _judged(nlp, "About 12,700 members of the union walked off the job.",
                                 "Roughly 13,000 workers walked off the job.", days=(15, 16))
    assert status == "agree" and "one count, if they agree" in reason
    findings = _judged(nlp, "About 12,700 members of the union walked off the job.",
                       "Roughly 3,000 workers walked off the job.", days=(15, 15))
    assert [status for status, _ in findings if status in ("conflict", "update")] == []
    # a storm and a hurricane are one measured thing
    [(status, _)] = _judged(nlp, "Otis tore into Acapulco as a Category 5 storm.",
                            "The storm came ashore as a Category 5 hurricane.", days=(26, 26))
    assert status == "agree"


def test_judge_shares_for_one_place_meet_though_one_leaves_its_thing_unsaid(nlp):
    [(status, _)] = _judged(nlp, "Bihar was lowest at under 49 per cent.", "Bihar registered 48.50 per cent.",
                            days=(19, 20))
    assert status == "agree"


def test_judge_two_goals_are_compared_as_set_and_never_with_what_was_done(nlp):
    articles = [
        Article("a", "Voltra handed over 1.81 million cars in 2023, though that falls short of its 2 million target "
                     "for the year.", published=dt.date(2024, 1, 2)),
        Article("b", "Voltra delivered 1,808,581 vehicles in 2023, meeting its target of about 1.8 million cars.",
                published=dt.date(2024, 1, 2))]
    claims = extract_claims(articles, nlp=nlp)
    goals = {c.id for c in claims if c.event_norm == "goal"}
    assert len(goals) == 2
    findings = judge_claims(articles, claims).findings
    # "2 million" set as a target is 2 million, not a figure rounded from 1.8 million
    assert [f.status for f in findings if {f.a, f.b} == goals] == ["conflict"]
    assert not [f for f in findings if len({f.a, f.b} & goals) == 1]  # a goal is no count of what was done


def test_judge_a_part_of_a_day_and_the_day_are_two_times_of_it(nlp):
    articles = [
        Article("a", "Voltra shares rose 2% on Friday. The shares were at $97.40 in morning trading.",
                published=dt.date(2023, 1, 20)),
        Article("b", "Voltra shares closed at $98.02 on Friday.", published=dt.date(2023, 1, 21))]
    claims = extract_claims(articles, nlp=nlp)
    morning = next(c for c in claims if c.quantity.value == 97.40)
    assert (morning.time_start, morning.time_end) == (dt.date(2023, 1, 20),) * 2  # the Friday named before
    assert [f.status for f in judge_claims(articles, claims).findings
            if morning.id in (f.a, f.b) and f.status != "review"] == ["update"]


def test_judge_water_pumped_out_then_removed_moved_though_one_figure_is_in_words(nlp):
    articles = [
        Article("a", "Engineers had pumped more than 40 million litres of water out of the mine by Saturday, "
                     "officials said.", published=dt.date(2021, 3, 7)),
        Article("b", "Pumps running day and night removed more than a billion litres of water from the mine.",
                published=dt.date(2021, 3, 12))]
    claims = extract_claims(articles, nlp=nlp)
    assert {c.event_norm for c in claims} == {"drain"}  # pumped out and removed: one step
    assert all(not c.actors and not c.extra.get("doer") for c in claims)  # "Engineers", "Pumps": no names
    assert [f.status for f in judge_claims(articles, claims).findings] == ["update"]


@pytest.mark.parametrize(("text_a", "text_b"), [
    ("There were 212 people aboard , including 14 infants , he said .",
     "212 people were aboard the ferry"),
    ("There were 6 people with moderate injuries and 14 with minor injuries , according to the county .",
     "6 people suffered moderate injuries , while 14 have minor injuries , an official says"),
    ("Only 35 percent of Britons think things are going well , while 61 percent think things are going badly .",
     "Only 35 percent think things are going well in Britain , according to the survey"),
    ("Youth unemployment stood at 24.1 percent in Spain, the agency said.",
     "Unemployment in Spain stood at 12 percent."),
], ids=["including-a-kind", "narrowed-by-what-happened", "a-clause-after-a-share", "a-rate-among-some"])
def test_judge_parts_kinds_and_clauses_raise_no_false_alarm(nlp, text_a, text_b):
    articles = [Article("a", text_a, published=dt.date(2014, 1, 1)), Article("b", text_b, published=dt.date(2014, 1, 1))]
    findings = judge_claims(articles, extract_claims(articles, nlp=nlp)).findings
    assert not [f for f in findings if f.status in ("conflict", "update")]


@pytest.mark.parametrize(("text_a", "text_b", "status"), [
    ("The study enrolled 310 volunteers in 12 hospitals.", "The studies enrolled an average of 250 volunteers per study.",
     None),
    ("Both sides fired 11 rockets each, the army said.", "The army said 22 rockets had been fired.", None),
    ("Earlier, when the toll was reported to be 61, officials said 40 people were missing.",
     "The death toll has risen to 77, officials say.", "update"),
], ids=["an-average-per-study", "each", "said-earlier"])
def test_judge_means_shares_each_and_earlier_figures(nlp, text_a, text_b, status):
    articles = [Article("a", text_a, published=dt.date(2014, 1, 1)), Article("b", text_b, published=dt.date(2014, 1, 1))]
    found = [f.status for f in judge_claims(articles, extract_claims(articles, nlp=nlp)).findings
             if f.status in ("conflict", "update")]
    assert found == ([status] if status else [])


def test_judge_a_place_only_one_article_names_is_a_part_of_the_story_s_figure(nlp):
    articles = [
        Article("a", "Turnout was 64.2% nationwide, the commission said.", published=dt.date(2025, 3, 17)),
        Article("b", "Final turnout was 63.8%, the commission said.", published=dt.date(2025, 3, 17)),
        Article("c", "In Marvo, the district at the centre of the dispute, turnout was 58.4%.",
                published=dt.date(2025, 3, 18))]
    claims = extract_claims(articles, nlp=nlp)
    district = next(c for c in claims if c.quantity.value == 58.4)
    assert district.place == "Marvo"
    statuses = {f.status for f in judge_claims(articles, claims).findings if district.id in (f.a, f.b)}
    assert statuses <= {"review"}  # a part of what the others count, never set against it


def test_judge_a_count_at_the_last_election_is_another_election_s(nlp):
    articles = [
        Article("a", "The Civic Alliance won 79 seats at the last election and has governed alone since.",
                published=dt.date(2025, 3, 17)),
        Article("b", "The Civic Alliance won 71 seats.", published=dt.date(2025, 3, 18)),
        Article("c", "Turnout fell from the 67.3 per cent recorded at the last election in 2019.",
                published=dt.date(2025, 3, 18)),
        Article("d", "Turnout in 2019 was 67.3%.", published=dt.date(2025, 3, 18))]
    claims = extract_claims(articles, nlp=nlp)
    last = next(c for c in claims if c.quantity.value == 79)
    assert last.extra.get("earlier_occasion") and last.time_text == "at the last election"
    findings = judge_claims(articles, claims).findings
    assert not [f for f in findings if last.id in (f.a, f.b)]
    # with its year, the last election is dated like any other time
    assert [f.status for f in findings if {f.a[0], f.b[0]} == {"c", "d"}] == ["agree"]


def test_judge_a_distance_from_a_place_is_no_height(nlp):
    articles = [Article("a", "The crash site lies about 50 kilometres southeast of the capital. The jet climbed to "
                             "about 8,600 feet before contact was lost.", published=dt.date(2019, 3, 11))]
    assert not judge_claims(articles, extract_claims(articles, nlp=nlp)).findings


def test_judge_a_place_every_article_names_is_the_story_s_not_a_part(nlp):
    articles = [
        Article("a", "At least 120 people were killed when the jet crashed, officials said.",
                published=dt.date(2024, 12, 29)),
        Article("b", "The nation mourned after 179 people were killed in the crash at Muan.",
                published=dt.date(2024, 12, 30)),
        Article("c", "Investigators at Muan said 179 people had died.", published=dt.date(2024, 12, 31))]
    claims = extract_claims(articles, nlp=nlp)
    findings = judge_claims(articles, claims).findings
    assert any(f.status in ("update", "conflict") and {f.a[0], f.b[0]} == {"a", "b"} for f in findings)


def test_judge_a_company_named_short_and_long_is_one_actor(nlp):
    articles = [Article("a", "Norvane Systems will cut about 2,400 jobs, the company said.",
                        published=dt.date(2024, 10, 24)),
                Article("b", "Norvane will eliminate some 2,400 positions worldwide.", published=dt.date(2024, 10, 24))]
    claims = extract_claims(articles, nlp=nlp)
    assert {c.actors for c in claims} == {("Norvane Systems",), ("Norvane",)}
    assert [f.status for f in judge_claims(articles, claims).findings] == ["agree"]


def test_claims_a_distance_from_a_place_past_its_conversion(nlp):
    [km, _] = extract_claims([Article("a", "The plane came down 38 km (24 miles) southwest of Iquitos.",
                                      published=dt.date(2026, 4, 19))], nlp=nlp)
    assert km.extra.get("from") == "Iquitos"
