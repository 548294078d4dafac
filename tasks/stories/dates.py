"""When an article's event happened, from its publication date or, without one, from the dates its text
anchors.

A journalist places an undated report by the dates it names: "on May 19", "19 May 2025", "2013-05-02",
"FEB. 2, 2009", and the numeric datelines of web pages ("Last updated 14/09/2013", "Posted 3/27/2012",
"02.29.12": both readings when the day and the month could be either). :func:`text_anchors` finds them (a regex over title and body, run once per article in the extraction
workers): full dates (with a year) as day ordinals, month-days without a year (resolved later against the
dates of the story being compared, to the nearest year), and the years named. :func:`anchor_factor` turns
them into the date factor of an undated article against a dated story (or a dated article against a story
whose undated core members name full dates):

* an anchored date within DATE_WINDOW of the story's dates: the article is as good as dated there (the
  date factor of that anchor, and the dated join threshold);
* every anchored date more than ANCHOR_FAR days from the story's dates, or a year named more than one
  year after the story's last year: another event (factor 0), however alike the words;
* otherwise unknown (None): the undated rules apply.

Weekdays ("on Monday", "last Friday") do not place an article: within the week of a dated story every
weekday falls on some day of the window. They are compared as names instead (:func:`weekday_mask`): reports
of one event name the day it happened on ("arrested early Sunday"), so where the dates cannot be compared, two
sides that name only other weekdays need more textual evidence (``WEEKDAY_MARGIN``, tasks/stories/scoring.py).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from datetime import date

from tasks import rulefiles
from tasks.stories.params import ANCHOR_FAR, DATE_WINDOW, MAX_ANCHORS


def _load_months() -> tuple[dict[str, int], str]:
    names: dict[str, int] = {}
    lines = [ln.split() for ln in rulefiles.lines("story_months.txt")]
    for month, words in enumerate(lines, start=1):
        for w in words:
            names[w.lower()] = month
    # longest first, ties alphabetically: a set's order changes with the process's hash seed, and the pattern is
    # part of FEATURE_RULES (stored feature rows and the saved index are reused only under the same fingerprint)
    # as written or in capitals ("FEB. 2, 2009", "APR 28": datelines and headlines)
    spellings = {v for ws in lines for w in ws for v in (w, w.upper())}
    alternation = "|".join(sorted(map(re.escape, spellings), key=lambda w: (-len(w), w)))
    return names, alternation


MONTHS, _MON = _load_months()
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d\d)"
_MONTH_DAY = re.compile(rf"\b({_MON})(?:\.\s*|\s+){_DAY}\b(?:,?\s+{_YEAR}\b)?")          # May 19[, 2025]
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?({_MON})\b\.?(?:,?\s+{_YEAR}\b)?")   # 19 May [2025]
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
# numeric dates: 14/09/2013, 05/02/2013 (day-month or month-day: both readings when both can be a month),
# 02.29.12, 7/24/06 (two-digit years), 2012.08.08 / 2012/08/08; a space may stand around the separator. One
# pattern for both orders, starting with a digit (no leading lookbehind: a regex scan is several times faster
# when it can skip to the next digit); what precedes the match and the field lengths are checked in the code.
_NUMERIC = re.compile(r"(\d{1,4}) ?([/.]) ?(\d{1,2}) ?\2 ?(\d{2,4})(?![\w/]|[.,]\d)")
_YEARS = re.compile(r"(?<![\d-])((?:19[5-9]|20[0-4])\d)(?![\d-])")


def _ordinal(y: int, m: int, d: int) -> int | None:
    try:
        return date(y, m, d).toordinal()
    except ValueError:
        return None


def text_anchors(text: str) -> tuple[list[int], list[int], list[int]]:
    """(full dates as day ordinals, month-days without a year as month*100+day, years named), each sorted,
    distinct and at most MAX_ANCHORS long (the first ones in the text)."""
    full: dict[int, None] = {}
    month_days: dict[int, None] = {}
    found = [(m.start(), MONTHS[m.group(1).lower()], int(m.group(2)), m.group(3)) for m in _MONTH_DAY.finditer(text)]
    found += [(m.start(), MONTHS[m.group(2).lower()], int(m.group(1)), m.group(3)) for m in _DAY_MONTH.finditer(text)]
    for _, month, day, year in sorted(found):
        if not 1 <= day <= 31:
            continue
        if year:
            o = _ordinal(int(year), month, day)
            if o is not None:
                full.setdefault(o)
        elif _ordinal(2000, month, day) is not None:     # a leap year: Feb 29 is a real month-day
            month_days.setdefault(month * 100 + day)
    for m in _ISO.finditer(text):
        o = _ordinal(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if o is not None:
            full.setdefault(o)
    for o in numeric_dates(text):
        full.setdefault(o)
    years = dict.fromkeys(int(y) for y in _YEARS.findall(text))
    return (sorted(list(full)[:MAX_ANCHORS]), sorted(list(month_days)[:MAX_ANCHORS]),
            sorted(list(years)[:MAX_ANCHORS]))


def numeric_dates(text: str) -> list[int]:
    """Day ordinals of the numeric dates in ``text`` (see ``_NUMERIC``), in text order; an ambiguous day-month
    (05/02/2013: 5 February or May 2) gives both readings, a two-digit year is 19xx from 50 on, else 20xx."""
    out: list[int] = []
    for m in _NUMERIC.finditer(text):
        if m.start() and text[m.start() - 1] in "0123456789/.":
            continue                  # the tail of a longer number or of a path
        a, b, c = m.group(1), int(m.group(3)), m.group(4)
        if len(a) == 4:               # year first: 2012.08.08
            if a[:2] in ("19", "20") and len(c) <= 2:
                o = _ordinal(int(a), b, int(c))
                if o is not None:
                    out.append(o)
            continue
        if len(a) > 2 or len(c) == 3:
            continue
        year = int(c) if len(c) == 4 else (1900 if int(c) >= 50 else 2000) + int(c)
        if len(c) == 4 and c[:2] not in ("19", "20"):
            continue
        readings = [(int(a), b)] if int(a) == b else [(int(a), b), (b, int(a))]      # (month, day)
        out += [o for o in (_ordinal(year, mo, d) for mo, d in readings) if o is not None]
    return out


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(w.capitalize() for w in _WEEKDAYS) + r")s?\b")


def weekday_mask(text: str) -> int:
    """The weekdays ``text`` names as a bit mask (bit 0 Monday ... bit 6 Sunday)."""
    mask = 0
    for m in _WEEKDAY_RE.finditer(text):
        mask |= 1 << _WEEKDAYS.index(m.group(1).lower())
    return mask


def weekdays_disagree(a: int, b: int) -> bool:
    """Both name weekdays and none in common (reports of one event name the day it happened on)."""
    return bool(a and b and not a & b)


def resolve_month_day(md: int, near: int) -> int | None:
    """The day ordinal of month-day ``md`` (month*100+day) in the year that puts it nearest to day ``near``."""
    y = date.fromordinal(near).year
    options = [o for o in (_ordinal(yy, md // 100, md % 100) for yy in (y - 1, y, y + 1)) if o is not None]
    return min(options, key=lambda o: abs(o - near)) if options else None


def _gap(day: int, days: Sequence[int]) -> int:
    """Days from ``day`` to the nearest of ``days`` (sorted, as a story's dates always are: binary search;
    a story's dates can span hundreds of days)."""
    if len(days) <= 8:
        return min(abs(day - d) for d in days)
    i = bisect.bisect_left(days, day)
    return min(abs(day - days[j]) for j in (i - 1, i) if 0 <= j < len(days))


def anchor_factor(anchors: Sequence[int], month_days: Sequence[int], years: Sequence[int], days: list[int],
                  date_factor) -> float | None:
    """Date factor of an undated article (its text anchors) against dated ``days`` (see module docstring).

    ``date_factor(day, days)`` is the stage's factor for a dated article.
    """
    if not days:
        return None
    mid = days[len(days) // 2]
    resolved = list(anchors) + [o for o in (resolve_month_day(md, mid) for md in month_days) if o is not None]
    if resolved:
        best = min(resolved, key=lambda o: (_gap(o, days), o))
        gap = _gap(best, days)
        if gap < DATE_WINDOW:
            return date_factor(best, days)
        if gap > ANCHOR_FAR:
            return 0.0
    if years and max(years) > date.fromordinal(max(days)).year + 1:
        return 0.0         # names a year well after the story's last article (a next year can be a plan)
    return None
