"""Grouping articles into stories: by content, by folder, by field, or not at all."""
from __future__ import annotations

import dataclasses
import datetime as dt
import doctest
import random
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import pytest

from reconcile import errors, stories
from reconcile.model import Article
from reconcile.sources import apply_metadata, read_articles, read_metadata
from reconcile.stories import Story, StoryError, group_stories

ROOT = Path(__file__).resolve().parent.parent
CLUSTERS = ROOT / "fixtures" / "clusters"
WHOLE = sorted(p.name for p in CLUSTERS.iterdir() if (p / "gold.json").is_file())
# The Marseille report of the pension strike names only Marseille, the Vieux-Port and
# Fos-sur-Mer, none of which the other three reports name: its words place it.
LOCAL_ANGLE = "france-pension-strike-march-2023"


@lru_cache(maxsize=None)
def cluster(name: str) -> tuple[Article, ...]:
    """A fixture cluster's articles, with its gold metadata (outlets, dates)."""
    folder = CLUSTERS / name
    articles, skipped = read_articles([str(p) for p in sorted(folder.glob("*.txt"))])
    assert not skipped
    return tuple(apply_metadata(articles, read_metadata(folder / "gold.json")))


def grouping(found: list[Story]) -> list[set[str]]:
    """The stories as sets of source names, in output order."""
    return [set(story.sources) for story in found]


def story_of(found: list[Story], source: str) -> Story:
    return next(story for story in found if source in story.sources)


def undated(articles) -> list[Article]:
    return [dataclasses.replace(a, published=None) for a in articles]


# --- auto ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", WHOLE)
def test_stories_one_cluster_stays_one_story(name):
    articles = list(cluster(name))
    found = group_stories(articles)
    assert grouping(found) == [{a.source for a in articles}]
    assert found[0].indices == tuple(range(len(articles)))


@pytest.mark.parametrize("name", WHOLE)
def test_stories_one_cluster_stays_one_story_without_dates(name):
    articles = undated(cluster(name))
    assert len(group_stories(articles)) == 1


@pytest.mark.parametrize(("first", "second"), list(combinations(WHOLE, 2)), ids=lambda n: n.split("-")[0])
@pytest.mark.parametrize("dates", ["dated", "undated"])
def test_stories_two_clusters_mixed_come_apart(first, second, dates):
    a, b = list(cluster(first)), list(cluster(second))
    # interleaved, so that neither cluster arrives as one block
    mixed = [x for pair in zip(a, b) for x in pair] + a[len(b):] + b[len(a):]
    if dates == "undated":
        mixed = undated(mixed)
    found = group_stories(mixed)
    assert sorted(map(sorted, grouping(found))) == sorted([sorted(x.source for x in a), sorted(x.source for x in b)])


def test_stories_all_fixture_clusters_mixed_come_apart():
    mixed = [a for name in WHOLE for a in cluster(name)]
    found = group_stories(mixed)
    assert sorted(map(sorted, grouping(found))) == sorted(sorted(a.source for a in cluster(n)) for n in WHOLE)
    assert len({story.id for story in found}) == len(found)


def _reorder(articles: list[Article], how: str) -> list[Article]:
    if how == "reversed":
        return articles[::-1]
    if how == "rotated":
        return articles[5:] + articles[:5]
    shuffled = list(articles)
    random.Random(int(how.split("-")[1])).shuffle(shuffled)
    return shuffled


@pytest.mark.parametrize("how", ["reversed", "rotated", "shuffled-1", "shuffled-2", "shuffled-3"])
def test_stories_input_order_changes_nothing_but_the_order(how):
    articles = [a for name in ("alphabet-google-layoffs-2023", LOCAL_ANGLE, "maui-lahaina-wildfire-2023",
                               "mpox-emergency-declaration-2024") for a in cluster(name)]
    before = group_stories(articles)
    after = group_stories(_reorder(articles, how))
    assert {s.id: set(s.sources) for s in after} == {s.id: set(s.sources) for s in before}
    assert {s.id: s.name for s in after} == {s.id: s.name for s in before}


def test_stories_output_follows_input_order():
    articles = list(cluster("maui-lahaina-wildfire-2023")) + list(cluster("libya-sirte-airstrikes"))
    articles = [articles[3], articles[0], articles[4], articles[1], articles[2]]
    found = group_stories(articles)
    assert [s.indices for s in found] == [(0, 2), (1, 3, 4)]
    assert [s.sources for s in found] == [tuple(articles[i].source for i in s.indices) for s in found]


FOOTBALL = Article(
    "football",
    "Arsenal beat Chelsea 2-1 at the Emirates Stadium on Saturday. Bukayo Saka scored twice for "
    "Arsenal, and Mikel Arteta praised his side.",
    published=dt.date(2023, 9, 10),
)
SAME_COUNTRY = Article(
    "semi-final",
    "Morocco beat Portugal 1-0 in Doha. Youssef En-Nesyri headed the winner for Walid Regragui's side, "
    "and Morocco became the first African team to reach a World Cup semi-final.",
)
TITLES_ONLY = Article(
    "titles",
    "The President said on Monday that the Minister would visit in January. The Governor agreed.",
)


SAME_TITLES = Article(
    "same-titles",
    "President Ilse Brandt said on Friday that Minister Tomas Varga would visit Vilnius in January.",
)


@pytest.mark.parametrize("lone", [FOOTBALL, SAME_COUNTRY, SAME_TITLES], ids=["unrelated", "same-country", "same-titles"])
@pytest.mark.parametrize("name", ["morocco-al-haouz-earthquake-2023", "alphabet-google-layoffs-2023"])
def test_stories_a_lone_unrelated_article_does_not_join(lone, name):
    articles = list(cluster(name))
    found = group_stories([*articles[:1], lone, *articles[1:]])
    assert grouping(found) == [{a.source for a in articles}, {lone.source}]


@pytest.mark.parametrize(
    "articles",
    [[FOOTBALL], [FOOTBALL, SAME_COUNTRY], [TITLES_ONLY], [FOOTBALL, SAME_COUNTRY, TITLES_ONLY]],
    ids=["one", "nothing-shared", "one-without-names", "without-names-between-two"],
)
def test_stories_articles_that_share_nothing_stand_alone(articles):
    found = group_stories(articles)
    assert grouping(found) == [{a.source} for a in articles]
    assert all(s.id for s in found) and len({s.id for s in found}) == len(found)


RESCUED = Article("rescued", "Officials said 188 people were rescued, and about 40 were unaccounted for.")
MANIFEST = Article("manifest", "The ferry left the terminal with 240 passengers, the port manifest showed.",
                   published=dt.date(2023, 9, 9))


@pytest.mark.parametrize(
    ("name", "joins"),
    [("morocco-al-haouz-earthquake-2023", True), ("libya-sirte-airstrikes", False)],
    ids=["dated-near", "dated-years-apart"],
)
def test_stories_an_article_without_names_joins_the_one_story(name, joins):
    articles = [*cluster(name), RESCUED, MANIFEST]
    found = group_stories(articles)
    assert grouping(found)[0] >= {a.source for a in cluster(name)} | {"rescued"}
    assert ("manifest" in found[0].sources) is joins
    assert len(found) == (1 if joins else 2)


def test_stories_an_article_without_names_stays_apart_in_a_mixed_input():
    first, second = cluster("maui-lahaina-wildfire-2023"), cluster("uk-general-election-2024")
    found = group_stories([*first, RESCUED, *second])
    assert grouping(found) == [{a.source for a in first}, {"rescued"}, {a.source for a in second}]


def test_stories_articles_without_names_are_one_story():
    assert grouping(group_stories([RESCUED, MANIFEST, TITLES_ONLY])) == [{"rescued", "manifest", "titles"}]


def _storm(source: str, published: dt.date | None, outlet: str | None = None) -> Article:
    return Article(
        source,
        "Hurricane Zelda made landfall near Port Verity, and Governor Ana Okafor ordered the Kestrel "
        "Islands evacuated.",
        outlet=outlet,
        published=published,
    )


@pytest.mark.parametrize(
    ("second", "window", "together"),
    [
        (dt.date(2021, 3, 4), 14, True),
        (dt.date(2021, 3, 14), 14, True),
        (dt.date(2024, 3, 1), 14, False),
        (dt.date(2024, 3, 1), None, True),
        (None, 14, True),
    ],
    ids=["days-apart", "at-the-window", "years-apart", "dates-off", "date-unknown"],
)
def test_stories_publication_dates_part_same_named_events(second, window, together):
    found = group_stories([_storm("first", dt.date(2021, 3, 1)), _storm("second", second)], window=window)
    assert len(found) == (1 if together else 2)


# --- words, figures and dates place what names cannot ---------------------------------

STRIKE_WIRE = Article(
    "strike-wire",
    "PARIS, 7 March (Strike Wire) - More than a million people marched across France on Tuesday against "
    "Emmanuel Macron's pension reform, and the CGT union said strikes had shut refineries and ports. "
    "Philippe Martinez of the CGT said dockers and teachers would keep up the stoppage.",
    outlet="Strike Wire",
    published=dt.date(2023, 3, 7),
)
STRIKE_DAILY = Article(
    "strike-daily",
    "Unions led by the CGT said 3.5 million people marched against the pension reform on Tuesday. In Paris, "
    "Philippe Martinez said refinery workers would extend the strike, while Emmanuel Macron's government "
    "refused to withdraw the bill.",
    outlet="Strike Daily",
    published=dt.date(2023, 3, 7),
)
LOCAL_REPORT = Article(
    "marseille-echo",
    "Marseille turned out in force on Tuesday as dockers, teachers and refinery workers marched from the "
    "Vieux-Port. Unions said the strike against the pension reform would shut the port and the refineries "
    "of Fos-sur-Mer until the reform is withdrawn.",
    outlet="Marseille Echo",
    published=dt.date(2023, 3, 8),
)


@pytest.mark.parametrize("others", [(), ("maui-lahaina-wildfire-2023", "uk-general-election-2024")],
                         ids=["alone", "among-other-stories"])
def test_stories_a_lone_local_report_joins(others):
    # the local report names only Marseille's places; its words are the strike's
    strike = [STRIKE_WIRE, LOCAL_REPORT, STRIKE_DAILY]
    articles = [*strike, *(a for name in others for a in cluster(name))]
    found = group_stories(articles)
    assert sorted(map(sorted, grouping(found))) == sorted(
        [sorted(a.source for a in strike), *(sorted(a.source for a in cluster(name)) for name in others)])


IDLIB = Article(
    "syria-monitor",
    "Russian jets carried out 12 air strikes in Idlib on Monday, the Syrian Observatory for Human Rights said. "
    "Another 4 strikes hit Aleppo, the monitor added.",
    published=dt.date(2016, 8, 2),
)


def test_stories_a_lone_report_of_a_like_event_elsewhere_stays_apart():
    # air strikes on the same day in another country: "strikes" and "carried out" in
    # common, and no name, are not enough
    sirte = list(cluster("libya-sirte-airstrikes"))
    assert grouping(group_stories([*sirte, IDLIB])) == [{a.source for a in sirte}, {"syria-monitor"}]


BLACKOUT = Article(
    "plains-wire",
    "DALLAS, Feb 16 (Plains Wire) - More than 4 million homes in Texas lost power as ERCOT ordered rolling "
    "blackouts in the freezing cold, and Greg Abbott called the grid failure unacceptable. Dan Woodfin of "
    "ERCOT said frozen gas plants and wind turbines had tripped offline.",
    outlet="Plains Wire",
    published=dt.date(2021, 2, 16),
)
BLACKOUT_FOLLOW_UP = (
    "Texas now counts 246 deaths from the {when} freeze. ERCOT has a new board, Greg Abbott signed two grid "
    "bills, and Dan Woodfin told lawmakers that frozen gas plants and wind turbines had been weatherized "
    "against the cold."
)


@pytest.mark.parametrize(
    ("when", "published", "together"),
    [
        ("February 2021", dt.date(2021, 12, 31), True),
        ("Feb. 15", dt.date(2021, 4, 20), True),
        ("15 February 2021", dt.date(2022, 2, 14), True),
        ("winter", dt.date(2021, 6, 30), True),
        ("winter", dt.date(2024, 2, 1), False),
    ],
    ids=["ten-months-naming-the-month", "two-months-naming-the-day", "a-year-naming-the-date",
         "months-naming-no-date", "three-years-naming-no-date"],
)
def test_stories_a_follow_up_months_later_joins(when, published, together):
    # a follow-up that names the event's date is as close as a report of the day; one that
    # does not joins on what it shares (here nearly all its names) while the gap is months
    follow_up = Article("follow-up", BLACKOUT_FOLLOW_UP.format(when=when), published=published)
    found = group_stories([BLACKOUT, follow_up])
    assert len(found) == (1 if together else 2)


LYON_FIRE = Article(
    "rhone-wire",
    "LYON, 14 May (Rhone Wire) - Fire crews in Lyon fought a blaze at a warehouse in the Gerland district "
    "overnight, and three firefighters were treated for smoke inhalation, the Lyon fire service said. "
    "Captain Marc Duval said the roof collapsed shortly after 2 a.m. and the cause was under investigation.",
    outlet="Rhone Wire",
    published=dt.date(2024, 5, 14),
)
LYON_TRAM = Article(
    "lyon-daily",
    "Lyon opened its new tram line on Tuesday, linking Part-Dieu station to the eastern suburbs. Mayor "
    "Gregory Doucet said 12,500 passengers rode the line on its first day, and the Lyon transit authority "
    "expects 40,000 daily riders by September.",
    outlet="Lyon Daily",
    published=dt.date(2024, 5, 14),
)


@pytest.mark.parametrize("dates", ["dated", "undated"])
def test_stories_two_events_in_one_city_on_one_day_stay_apart(dates):
    # "Lyon" is their one shared name; their words have nothing in common
    articles = [LYON_FIRE, LYON_TRAM] if dates == "dated" else undated([LYON_FIRE, LYON_TRAM])
    assert grouping(group_stories(articles)) == [{"rhone-wire"}, {"lyon-daily"}]


def test_stories_ferry_reports_stay_one_story_beside_bad_inputs():
    # three of the five ferry reports name nothing; a figure ("240", "188") or their
    # words ("coast guard", "ferry") place them, though the latin-1 file makes a second story
    articles, _ = read_articles([str(ROOT / "fixtures" / "inputs"), str(ROOT / "fixtures" / "bad")])
    ferry = {"port-authority", "desk:2", "harbour-gazette", "coastline-wire", "wires:2"}
    found = group_stories(articles)
    assert ferry <= {a.source for a in articles}
    assert story_of(found, "harbour-gazette").sources == tuple(a.source for a in articles if a.source in ferry)
    assert len(found) > 1


def test_stories_word_tables_ship_with_the_package():
    tables = stories.word_tables()
    assert {"monday", "president"} <= tables.not_names and {"people", "said", "the"} <= tables.stop_words
    assert stories.NOT_NAMES == tables.not_names
    assert StoryError is errors.StoryError


GLOBE_LIMA = Article(
    "globe-lima",
    "LIMA, 3 May (Globe Wire) - A landslide buried homes in Chosica, east of Lima, after days of rain, "
    "Mayor Rosa Quispe said.",
    outlet="Globe Wire",
)
GLOBE_OSLO = Article(
    "globe-oslo",
    "OSLO, 3 May (Globe Wire) - Equinor said output at the Johan Sverdrup field rose, chief executive "
    "Anders Opedal said.",
    outlet="Globe Wire",
)
ANDES = Article(
    "andes-daily",
    "Rescuers in Chosica dug through mud on Thursday. Rosa Quispe, the district mayor, said 40 homes were lost.",
    outlet="Andes Daily",
)
NORDIC = Article(
    "nordic-markets",
    "Equinor shares rose in Oslo after Anders Opedal said Johan Sverdrup output was up.",
    outlet="Nordic Markets",
)


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        ([GLOBE_LIMA, GLOBE_OSLO], [{"globe-lima"}, {"globe-oslo"}]),
        ([GLOBE_LIMA, GLOBE_OSLO, ANDES, NORDIC], [{"globe-lima", "andes-daily"}, {"globe-oslo", "nordic-markets"}]),
    ],
    ids=["wire-alone", "wire-and-others"],
)
def test_stories_one_wire_on_two_events_stays_two_stories(articles, expected):
    assert grouping(group_stories(articles)) == expected


def test_stories_an_actor_s_own_statement_joins_the_reports():
    # the statement's one name is its outlet's; the report names it too
    statement = Article("zenith-statement", "Zenith will cut 300 jobs across its plants.", outlet="Zenith (statement)")
    report = Article("report", "Shares in Zenith fell after it said it would cut 300 jobs, 120 of them in Harwick.",
                     outlet="Ledger")
    assert grouping(group_stories([statement, report])) == [{"zenith-statement", "report"}]


def test_stories_ids_name_what_the_articles_share():
    found = group_stories(list(cluster("libya-sirte-airstrikes")))
    assert found[0].id == "sirte-gna"
    assert found[0].name == "Sirte, GNA"


# --- folder, field, none, empty -----------------------------------------------------

def test_stories_by_folder_follows_the_folders():
    names = ["uk-general-election-2024", "libya-sirte-airstrikes"]
    articles, skipped = read_articles([str(CLUSTERS / n) for n in names])
    assert not skipped
    found = group_stories([*articles, Article("piped", "Read from stdin.")], by="folder")
    assert [s.id for s in found] == ["uk-general-election-2024", "libya-sirte-airstrikes", "no-folder"]
    assert grouping(found) == [{a.source for a in cluster(n)} for n in names] + [{"piped"}]
    assert found[0].name == str(CLUSTERS / names[0])


@pytest.mark.parametrize("order", ["as-given", "reversed"])
def test_stories_by_folder_ids_stay_unique_and_stable(order):
    articles = [Article("a", "x", path="2023/quake/a.txt"), Article("b", "y", path="2024/quake/b.txt"),
                Article("c", "z", path="2023/quake/c.txt")]
    if order == "reversed":
        articles = articles[::-1]
    found = group_stories(articles, by="folder")
    assert {s.id: set(s.sources) for s in found} == {"quake": {"a", "c"}, "quake-2": {"b"}}


DATED = [
    Article("a", "x", outlet="Wire", published=dt.date(2024, 5, 1)),
    Article("b", "y", outlet="Daily", published=dt.date(2024, 5, 2)),
    Article("c", "z", outlet="Wire", published=dt.date(2024, 5, 1)),
    Article("d", "w"),
]


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("field:outlet", [("wire", ("a", "c")), ("daily", ("b",)), ("no-outlet", ("d",))]),
        ("field:published", [("2024-05-01", ("a", "c")), ("2024-05-02", ("b",)), ("no-published", ("d",))]),
        ("field:source", [("a", ("a",)), ("b", ("b",)), ("c", ("c",)), ("d", ("d",))]),
        ("field:Outlet", [("wire", ("a", "c")), ("daily", ("b",)), ("no-outlet", ("d",))]),
        ("none", [("all", ("a", "b", "c", "d"))]),
    ],
    ids=["outlet", "published", "source", "case-folded", "none"],
)
def test_stories_by_field_and_none(by, expected):
    assert [(s.id, s.sources) for s in group_stories(DATED, by=by)] == expected


@pytest.mark.parametrize("by", ["auto", "folder", "none", "field:outlet"])
def test_stories_empty_input_gives_no_stories(by):
    assert group_stories([], by=by) == []


@pytest.mark.parametrize(
    ("options", "fix"),
    [
        ({"by": "topic"}, "use auto, folder, none, or field:NAME"),
        ({"by": "field:text"}, "use one of source, outlet"),
        ({"by": "field:section"}, "use one of source, outlet"),
        ({"threshold": 0}, "give a score in (0, 1]"),
        ({"window": -1}, "or None to ignore dates"),
        ({"cohesion": 2}, "give a share in [0, 1]"),
        ({"max_df": 0}, "give a share in (0, 1]"),
        ({"max_candidates": 0}, "give e.g. 20"),
    ],
    ids=["unknown-mode", "text-is-no-field", "unknown-field", "threshold", "window", "cohesion", "max-df",
         "max-candidates"],
)
def test_stories_bad_options_say_how_to_fix_them(options, fix):
    with pytest.raises(StoryError, match=fix.replace("(", r"\(").replace("[", r"\[")):
        group_stories(DATED, **options)


def test_stories_docstring_examples_hold():
    result = doctest.testmod(stories)
    assert result.attempted > 0 and result.failed == 0
