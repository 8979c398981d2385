"""Time expressions a claim is tied to, and their dates given the publication date.

``find_times(sentence)`` finds "on Monday", "this past spring", "now", "since June",
"in February 2015", "by Sunday night", "a week earlier"...; ``resolve(text, published)``
turns one into a date range: "on Monday" in an article published on Tuesday 2 August
2016 is 2016-08-01.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from dateutil.relativedelta import relativedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = tuple(m.lower() for m in calendar.month_name[1:])
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)}
HOLIDAYS = frozenset({"new year", "new year's eve", "christmas", "christmas eve", "easter", "thanksgiving",
                      "boxing day", "labor day", "labour day", "independence day", "eid", "diwali", "ramadan"})
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_PART = r"(?:morning|afternoon|evening|night|overnight)"
_PREP = r"(?:on|by|since|until|till|before|after|from|as\s+of|in|during|at|last|this|next|early|late|earlier|later)"
_NUMWORD = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
_UNIT = r"(?:year|month|week|day|hour|minute|quarter|half|decade|century)"  # the units of a time

_TIME_PATTERNS = [
    # between January and July (2024), from January to March, (in) October-December: before
    # the single month that would match their start
    rf"between\s+{_MONTH}\s+and\s+{_MONTH}(?:\s+\d{{4}})?",
    rf"from\s+{_MONTH}\s+(?:to|through|until)\s+{_MONTH}(?:\s+\d{{4}})?",
    rf"(?:(?:in|during|for)\s+)?{_MONTH}\s*[-\u2013/]\s*{_MONTH}(?:\s+\d{{4}})?",
    # on Monday (evening), by Sunday night, last Friday
    rf"(?:{_PREP}\s+)?(?:(?:early|late)\s+)?{_DAY}(?:\s+{_PART})?(?:,?\s+\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)?",
    # on 24 and 25 September, 24-25 September: two days
    rf"(?:{_PREP}\s+)?\d{{1,2}}(?:\s+and\s+|\s*[-\u2013]\s*)\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?",
    # on 31 January (2023), in February 2015, on January 31(, 2023), at the end of September
    rf"(?:(?:{_PREP}\s+)?(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+)?(?:{_PREP}\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?",
    rf"(?:(?:{_PREP}\s+)?(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+)?(?:{_PREP}\s+)?{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?",
    # the 2018-2020 outbreak, in 2014-16: a span of years
    rf"(?:{_PREP}\s+)?(?<![\d\u2013/-])(?:19|20)\d\d\s*[-\u2013/]\s*(?:(?:19|20)\d\d|\d\d)\b(?![-\u2013/]\d)",
    # in 2019, since 2001, the first quarter of 2023
    rf"(?:(?:{_PREP}\s+)?(?:the\s+)?(?:first|second|third|fourth|last)\s+(?:quarter|half)\s+of\s+)?(?:{_PREP}\s+)?(?:19|20)\d\d\b",
    # in the fourth quarter, in the quarter, in Q4 (2023), the first half: a period of a year
    # (never "a quarter of the burn zone", "half of the residents": a share)
    r"(?:(?:in|during|for|over|from)\s+)?(?:the|its|their)\s+(?:first|second|third|fourth|final|last)\s+(?:fiscal\s+)?"
    r"(?:quarter|half)(?:\s+of\s+the\s+year)?",
    r"(?:in|during|for|over|from)\s+(?:the|its|their)\s+(?:fiscal\s+)?quarter",
    r"(?:(?:in|during|for|over|from)\s+)?(?:the\s+)?q[1-4](?:\s+(?:19|20)\d\d)?",
    # this past spring, last year, next week, earlier this month
    r"(?:(?:earlier|later)\s+)?(?:this\s+past|this|last|next|past|previous|coming)\s+(?:spring|summer|autumn|fall|winter|week|weekend|month|year|quarter|decade)",
    # two days earlier, a week ago
    rf"{_NUMWORD}\s+(?:day|week|month|year|hour)s?\s+(?:earlier|ago|before|later|after)",
    # as of 6 pm on Wednesday, by 10pm on Wednesday, by 8am today: a cut-off with its clock time
    rf"(?:as\s+of|by|until|till|before|after|at)\s+\d{{1,2}}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)"
    rf"(?:\s+(?:on\s+)?(?:{_DAY}|today|yesterday))?",
    # by early evening, by the end of the night, overnight
    rf"(?:{_PREP}\s+)(?:the\s+end\s+of\s+the\s+)?(?:(?:early|late)\s+)?{_PART}",
    # during the afternoon, that night, later that day, on the same day: a day the text
    # named before (see :func:`anaphoric`)
    rf"(?:{_PREP}\s+the|(?:{_PREP}\s+)?that)\s+(?:(?:early|late)\s+)?{_PART}",
    r"(?:(?:later|earlier|on)\s+)?(?:that|the\s+same)\s+day",
    r"\b(?:now|today|yesterday|tonight|currently|so\s+far|to\s+date|at\s+present|at\s+the\s+time)\b",
    # at the last election, in the previous census: an earlier occasion of the same kind
    r"(?:at|in|during|from|since)\s+the\s+(?:last|previous|prior|preceding)\s+"
    rf"(?!(?:{_UNIT}|time|few|two|three|several)\b)[a-z]+"
    r"(?:,?\s+(?:in|of)\s+(?:19|20)\d\d)?",
    # during the battle, since the start of the war
    r"(?:during|throughout)\s+the\s+(?:battle|war|fighting|conflict|campaign|offensive|siege|pandemic|protests?|strike)",
]
TIME_RE = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in _TIME_PATTERNS) + r")\b", re.IGNORECASE)
# "two days after", "a week before" as the whole time; followed by what they are counted
# from ("four weeks after the crash") they date nothing the publication date resolves
_ANCHORED = re.compile(r"\b(?:after|before)$", re.IGNORECASE)
# a time of day is not a time scope; a lone "may" is a modal verb
_NOT_TIME = re.compile(r"^(?:may|march)$", re.IGNORECASE)
# Every match of TIME_RE holds one of these words (or a year) as a whole word, at
# most _MAX_LEAD words after the match starts ("as of the end of as of 31 January":
# eight words before the month); find_times tries TIME_RE only there. A pattern added
# above must keep that true: add its own words here.
_ANCHOR_WORDS = frozenset(
    WEEKDAYS + MONTHS
    + ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
    + ("morning", "afternoon", "evening", "night", "overnight")
    + ("spring", "summer", "autumn", "fall", "winter", "week", "weekend", "month", "year", "quarter", "decade")
    + ("half", "q1", "q2", "q3", "q4")
    + ("day", "days", "weeks", "months", "years", "hour", "hours")
    + ("now", "today", "yesterday", "tonight", "currently", "far", "date", "present", "time")
    + ("am", "pm")
    + ("during", "throughout", "last", "previous", "prior", "preceding")
)
_MAX_LEAD = 8
_WORD = re.compile(r"\w+")
_YEAR_WORD = re.compile(r"(?:19|20)\d\d")


def find_times(text: str) -> list[tuple[int, int, str]]:
    """Every time expression in ``text`` as ``(start, end, text)``, in order.

    >>> [t for _, _, t in find_times("five air strikes on Monday, the GNA said this past spring")]
    ['on Monday', 'this past spring']
    """
    found = []
    for m in _time_matches(text):
        phrase = m.group(0)
        if _NOT_TIME.match(phrase.strip()):
            continue
        if _ANCHORED.search(phrase) and re.match(r"\s+[\w$\u00a3\u20ac]", text[m.end():]):
            continue  # "four weeks after flight ET302 crashed": after another happening, not a date
        found.append((m.start(), m.end(), phrase))
    return found


def _time_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``TIME_RE.finditer(text)`` yields, trying the pattern only where a match can start.

    Running the whole pattern from every word cost a claim-extraction run a fifth of
    its time. A match starts at the start of a word (the pattern opens with ``\\b`` and
    a letter or digit), at most ``_MAX_LEAD`` words before an anchor word, and inside
    a match words are separated by white space alone, so counting ``\\w+`` runs finds
    every possible start. A run with a non-ASCII character counts as an anchor, since
    ``re.IGNORECASE`` folds a few of those onto ASCII letters ("\u017f" matches "s").
    """
    words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    starts: set[int] = set()
    for i, (_, w) in enumerate(words):
        if w.lower() in _ANCHOR_WORDS or not w.isascii() or (len(w) == 4 and _YEAR_WORD.fullmatch(w)):
            starts.update(pos for pos, _ in words[max(0, i - _MAX_LEAD): i + 1])
    pos = 0
    for start in sorted(starts):
        if start >= pos and (m := TIME_RE.match(text, start)) is not None:
            yield m
            pos = m.end()


CALENDAR_WORDS = frozenset(WEEKDAYS + MONTHS) | frozenset(_MONTH_ABBR) | {"sept"}
"""Names of days and months, and the months' abbreviations, lower-case."""


def is_calendar_name(word: str) -> bool:
    """Whether a capitalised word names a month or a day ("in February", "on Nov. 8"), not a place.

    >>> is_calendar_name("Nov."), is_calendar_name("Sunday"), is_calendar_name("New Year"), is_calendar_name("Derna")
    (True, True, True, False)
    """
    low = word.lower().rstrip(".")
    if low.endswith(("'s", "\u2019s")):
        low = low[:-2]
    return low in CALENDAR_WORDS or low in HOLIDAYS or low.endswith(" day") and low[:-4] in HOLIDAYS


_EARLIER_OCCASION = re.compile(r"^(?:at|in|during|from|since)\s+the\s+(?:last|previous|prior|preceding)\s+[a-z]+$",
                               re.IGNORECASE)


def earlier_occasion(text: str) -> bool:
    """Whether a time expression names an earlier occasion of a kind by its order alone
    ("at the last election", "in the previous census"): what was counted then is another
    happening than what is counted now.

    >>> earlier_occasion("at the last election"), earlier_occasion("in the last quarter")
    (True, False)
    """
    return bool(_EARLIER_OCCASION.match(" ".join(text.split()))) and not _TIME_NOUN.search(text)


_TIME_NOUN = re.compile(rf"\b{_UNIT}s?$", re.IGNORECASE)
_ANAPHORIC_WORDS = frozenset({"on", "by", "in", "at", "during", "until", "till", "before", "after", "since", "from",
                              "the", "that", "same", "end", "of", "early", "late", "later", "earlier"})
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "day"})


def anaphoric(text: str) -> bool:
    """Whether a time expression names a day, or a part of one, without saying which
    ("during the afternoon", "by early evening", "later that day"): the day the text
    last told of, which :func:`resolve` cannot know.

    >>> anaphoric("during the afternoon"), anaphoric("later that day"), anaphoric("on Monday evening")
    (True, True, False)
    """
    words = text.lower().split()
    return any(w in _PARTS_OF_DAY for w in words) and all(w in _ANAPHORIC_WORDS or w in _PARTS_OF_DAY for w in words)


_REPORT_DAY_WORDS = frozenset({"now", "today", "tonight", "currently", "present", "far", "date"})
NARRATIVE_REACH_DAYS = 7
"""How long before its report a day a report names may be the day it tells of; one named
longer before is history ("the 1.27 million it counted on 31 January", in March)."""


def part_of_day(text: str) -> str | None:
    """The part of a day a time expression names ("in morning trading" -> "morning"), else ``None``.

    >>> part_of_day("by early evening"), part_of_day("on Friday"), part_of_day("as of 6 pm on Wednesday")
    ('evening', None, 'evening')
    """
    words = text.lower().replace(",", " ").split()
    part = next((w for w in reversed(words) if w in _PARTS_OF_DAY and w != "day" or w == "overnight"), None)
    clock = _CLOCK_IN.search(text) if part is None else None
    minutes = clock_minutes(clock.group(0)) if clock else None
    if minutes is not None:
        # "as of 6 pm on Wednesday" is in the evening, as "by Wednesday evening" is
        hour = minutes // 60
        part = "morning" if 5 <= hour < 12 else "afternoon" if 12 <= hour < 17 else "evening" if 17 <= hour < 21 \
            else "night"
    return "night" if part == "overnight" else part


_CLOCK_IN = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)", re.IGNORECASE)  # a clock time in a phrase


def named_days(text: str, published: dt.date | None) -> list[tuple[int, dt.date]]:
    """The single days ``text`` names by a date or a day's name, each with where it is
    named, in order: what a part of a day named later without its day
    (:func:`anaphoric`) may be of. "Now" and "today" tell when the report was written,
    not which day it tells of, and are left out."""
    days = []
    for start, _, phrase in find_times(text):
        if anaphoric(phrase) or _REPORT_DAY_WORDS & set(phrase.lower().split()):
            continue
        span = resolve(phrase, published)
        if span is not None and span[0] == span[1]:
            days.append((start, span[0]))
    return days


def narrative_day(days: list[tuple[int, dt.date]], at: int, published: dt.date | None) -> dt.date | None:
    """The day a part of a day named at ``at`` without its day is of: the last day
    :func:`named_days` found before it ("72 people injured by 10pm on Wednesday ... By
    8am today ... 22 officers had been hurt during the afternoon": Wednesday's), within
    :data:`NARRATIVE_REACH_DAYS` of the report; else the report's day.

    >>> d = dt.date
    >>> narrative_day([(0, d(2019, 6, 12)), (400, d(2019, 6, 14))], 90, d(2019, 6, 13))
    datetime.date(2019, 6, 12)
    >>> narrative_day([], 90, d(2019, 6, 13))
    datetime.date(2019, 6, 13)
    """
    before = [day for start, day in days if start < at and (
        published is None or dt.timedelta(0) <= published - day <= dt.timedelta(days=NARRATIVE_REACH_DAYS))]
    return before[-1] if before else published


def normalize(text: str) -> str:
    """The time expression without its preposition, lower-cased: "on Monday" -> "monday"."""
    words = text.lower().replace(",", " ").split()
    while words and words[0] in {"on", "by", "in", "at", "as", "of", "during", "throughout", "until", "till"}:
        words = words[1:]
    return " ".join(words)


def resolve(text: str, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The date range a time expression stands for, given the publication date.

    Returns ``None`` when it cannot be resolved (no publication date for a relative
    expression, a phrase like "during the battle", or a date that would fall off the
    calendar: "last year" in an article dated 0001-01-01, "next Monday" on 9999-12-31).

    >>> resolve("on Monday", dt.date(2016, 8, 2))
    (datetime.date(2016, 8, 1), datetime.date(2016, 8, 1))
    >>> resolve("in February 2015", None)
    (datetime.date(2015, 2, 1), datetime.date(2015, 2, 28))
    >>> resolve("next Monday", dt.date(9999, 12, 31)) is None
    True
    """
    try:
        return _resolve(text, published)
    except (OverflowError, ValueError):  # before year 1 or after 9999
        return None


def at_calendar_edge(published: dt.date | None) -> bool:
    """Whether relative times ("last year", "next Monday") may fall off the calendar.

    :func:`resolve` leaves those unresolved; the CLI says so.

    >>> at_calendar_edge(dt.date(1, 3, 1)), at_calendar_edge(dt.date(2016, 8, 2))
    (True, False)
    """
    return published is not None and published.year in (dt.MINYEAR, dt.MAXYEAR)


def _resolve(text: str, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    t = text.lower().replace(",", " ")
    words = t.split()
    year_m = re.search(r"\b((?:19|20)\d\d)\b", t)
    year = int(year_m.group(1)) if year_m else None
    month = next((_MONTH_ABBR[w.rstrip(".")[:3]] for w in words if w.rstrip(".")[:3] in _MONTH_ABBR
                  and (w.rstrip(".") in MONTHS or len(w.rstrip(".")) <= 4)), None)
    day_m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", t)
    day = int(day_m.group(1)) if day_m and (not year_m or day_m.group(1) != year_m.group(1)) else None
    weekday = next((WEEKDAYS.index(w) for w in words if w in WEEKDAYS), None)

    months = [_MONTH_ABBR[w[:3]] for w in re.split(r"[\s\-\u2013/]+", t.replace(".", " "))
              if w in MONTHS or (len(w) in (3, 4) and w[:3] in _MONTH_ABBR and w != "may")]
    if len(months) == 2 and (words[0] in ("between", "from") or re.search(r"[a-z.]\s*[-\u2013/]\s*[a-z]", t)):
        # "between January and July", "from January to March", "October-December"
        y = year or (published.year if published else None)
        if y is None:
            return None
        first, last = months
        start_year = y - 1 if first > last else y  # "November-January" runs over the new year
        if published and not year and dt.date(y, last, 1) > published:
            start_year, y = start_year - 1, y - 1  # written in January: last October-December
        return dt.date(start_year, first, 1), dt.date(y, last, calendar.monthrange(y, last)[1])
    if month is not None:
        y = year or (published.year if published else None)
        if y is None:
            return None
        if published and not year and dt.date(y, month, 1) > published:
            y -= 1  # "in November" written in February means last November
        if day is not None and 1 <= day <= calendar.monthrange(y, month)[1]:
            d = dt.date(y, month, day)
            last_day = re.search(rf"\b{day}\s*(?:and|-|\u2013)\s*(\d{{1,2}})\b", t)
            if last_day and day < int(last_day.group(1)) <= calendar.monthrange(y, month)[1]:
                return d, dt.date(y, month, int(last_day.group(1)))  # "on 24 and 25 September"
            return d, d
        return dt.date(y, month, 1), dt.date(y, month, calendar.monthrange(y, month)[1])
    if weekday is not None:
        if published is None:
            return None
        back = (published.weekday() - weekday) % 7
        if "next" in words:
            d = published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
        else:
            d = published - dt.timedelta(days=back if "last" not in words or back else 7)
        return d, d
    quarter = next((int(w[1]) - 1 for w in words if re.fullmatch(r"q[1-4]", w)), None)
    years = re.fullmatch(r"(?:\w+\s+)?((?:19|20)\d\d)\s*[-\u2013/]\s*((?:19|20)\d\d|\d\d)", t.strip())
    if years:
        first, last = int(years.group(1)), int(years.group(2))
        last = last if last >= 100 else first // 100 * 100 + last  # "2014-16"
        if first < last:
            return dt.date(first, 1, 1), dt.date(last, 12, 31)  # "the 2018-2020 outbreak"
    if year is not None:
        if quarter is not None:
            return _part_of_year([("first", "second", "third", "fourth")[quarter], "quarter"], year)
        if "quarter" in words or "half" in words:
            return _part_of_year(words, year)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if published is None:
        return None
    if quarter is not None or "quarter" in words or "half" in words:
        return _latest_part(words, quarter, published)
    for season, (first, last) in SEASONS.items():
        if season in words:
            y = published.year - (1 if "last" in words or "previous" in words else 0)
            start = dt.date(y if first != 12 else y - 1, first, 1)
            if start > published:
                start = start.replace(year=start.year - 1)
            end_year = start.year + (1 if last < first else 0)
            return start, dt.date(end_year, last, calendar.monthrange(end_year, last)[1])
    if any(w in words for w in ("now", "today", "currently", "tonight", "present")) or t in ("so far", "to date"):
        return published, published
    if "yesterday" in words:
        d = published - dt.timedelta(days=1)
        return d, d
    for unit, delta in (("week", relativedelta(weeks=1)), ("month", relativedelta(months=1)),
                        ("year", relativedelta(years=1))):
        if unit in words and any(w in words for w in ("last", "previous", "past")):
            start = published - delta
            if unit == "year" and "past" not in words:
                return dt.date(published.year - 1, 1, 1), dt.date(published.year - 1, 12, 31)
            return start, published
        if unit in words and "this" in words:
            if unit == "year":
                return dt.date(published.year, 1, 1), published
            if unit == "month":
                return published.replace(day=1), published
            return published - dt.timedelta(days=published.weekday()), published
    return None


def _latest_part(words: list[str], quarter: int | None, published: dt.date) -> tuple[dt.date, dt.date] | None:
    """A quarter or half named without its year: "in the fourth quarter", "Q4" is the
    latest one begun by the report; "in the quarter", "last quarter" the latest one over
    by then (a quarter is reported once it is over); "this quarter" the one it is in."""
    half = "half" in words and quarter is None
    if quarter is not None:
        which: int | None = quarter
    else:
        which = next((i for i, w in enumerate(("first", "second", "third", "fourth")) if w in words), None)
        if which is None and any(w in words for w in ("final", "last")) and {"the", "its", "their"} & set(words):
            which = 1 if half else 3  # "the last quarter of the year", "the final quarter"
    parts = [_part_of_year([("first", "second", "third", "fourth")[k], "half" if half else "quarter"], y)
             for y in (published.year - 1, published.year) for k in range(2 if half else 4)]
    if which is not None:
        named = [p for k, p in enumerate(parts) if k % (2 if half else 4) == which and p[0] <= published]
        return named[-1] if named else None
    if any(w in words for w in ("next", "coming")):
        return None
    if "this" in words:
        return next((p for p in parts if p[0] <= published <= p[1]), None)
    over = [p for p in parts if p[1] < published]
    return over[-1] if over else None


def _part_of_year(words: list[str], year: int) -> tuple[dt.date, dt.date]:
    order = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1, "final": -1}
    which = next((order[w] for w in words if w in order), 0)
    if "half" in words:
        start_month = 7 if which in (1, -1) else 1
        length = 6
    else:
        start_month = 1 + 3 * (3 if which == -1 else which)
        length = 3
    end_month = start_month + length - 1
    return dt.date(year, start_month, 1), dt.date(year, end_month, calendar.monthrange(year, end_month)[1])


_CLOCK = re.compile(r"^\s*(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?\s*$", re.IGNORECASE)
# how a clock time is hedged: (minutes before, minutes after) the stated time
CLOCK_HEDGES = {
    "about": (10, 10), "around": (10, 10), "approximately": (10, 10), "roughly": (10, 10),
    "shortly after": (0, 30), "just after": (0, 15), "soon after": (0, 30), "after": (0, 60),
    "shortly before": (30, 0), "just before": (15, 0), "before": (60, 0),
}


def clock_minutes(text: str) -> int | None:
    """Minutes after midnight of a clock time: "1:28 am" -> 88, "11 pm" -> 1380, "noon" -> 720.

    >>> clock_minutes("11:11 pm"), clock_minutes("23:11"), clock_minutes("midnight")
    (1391, 1391, 0)
    """
    low = text.strip().lower()
    if low in ("noon", "midday"):
        return 720
    if low == "midnight":
        return 0
    m = _CLOCK.match(low)
    if m is None:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    half = (m.group(3) or "").replace(".", "")
    if half and not 1 <= hour <= 12 or hour > 23 or minute > 59:
        return None
    if half == "am":
        hour = 0 if hour == 12 else hour
    elif half == "pm":
        hour = 12 if hour == 12 else hour + 12
    return hour * 60 + minute
