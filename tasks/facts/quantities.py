"""The facts of one sentence: quantities (durations, amounts, percents, fractions, counts, measures) and dates."""
from __future__ import annotations

import datetime as _dt

from tasks.facts.about import _canon, _event_back, _head, _np_after, _of_object, _qualifier_before
from tasks.facts.dates import _parse_date
from tasks.facts.numbers import parse_number
from tasks.facts.rules import Rules
from tasks.facts.tokens import (
    _HYPHENS,
    _IRREGULAR_PLURALS,
    _TIME_WORDS,
    Fact,
    Num,
    Tok,
    _epoch_days,
    _fmt,
    _is_hyphen_link,
    _skip_dets,
    _strip_possessive,
    _word_at,
)


def _skip_number(toks: list[Tok], num: Num, r: Rules) -> bool:
    """Identifiers, names, times, ranges: not facts."""
    i, j = num.i0, num.i1
    t = toks[i]
    prev = toks[i - 1] if i > 0 else None
    if t.kind == "num":
        if prev is not None and t.glued and (prev.kind == "word" or prev.text in ("#", "/", ".", ":", "-", "+", "‑", "‐", "'", "’")):
            if not (prev.low in r.currency_before or prev.text in r.currency_before):
                return True
        if prev is not None and prev.kind == "word" and prev.cap and not prev.low.endswith("'s") \
                and prev.low not in r.months and prev.low not in r.stop_words \
                and (prev.low,) not in r.qualifiers and prev.low not in r.currency_before:
            return True            # "Article 5", "Boeing 737", "Resolution 2334"
        if prev is not None and prev.low in ("no", "number", "nos") and prev.cap:
            return True
    if j < len(toks):
        nx = toks[j]
        if nx.glued and nx.text in (":", "/") and j + 1 < len(toks) and toks[j + 1].kind == "num":
            return True            # 10:30, 1/5
        if nx.glued and nx.kind == "num":
            return True
        if nx.glued and nx.text in _HYPHENS and j + 1 < len(toks) and toks[j + 1].kind == "num":
            return True            # 3-1, 2014-2022
        if t.kind == "num" and nx.glued and nx.kind == "word" and nx.low not in r.money_scales \
                and nx.low not in r.durations and nx.low not in r.measures and nx.low not in r.percent_words:
            return True            # 7th, 5G, 3D
        if nx.low in _TIME_WORDS or (nx.low in ("a", "p") and j + 1 < len(toks) and toks[j + 1].text == "."):
            return True            # 3 p.m.
    if num.word and t.cap and prev is not None and prev.cap and i - 1 >= 0:
        return True                # World War Two
    if num.word and t.glued and prev is not None and prev.text in _HYPHENS and i >= 2 and toks[i - 2].kind == "word":
        return True                # one-on-one, face-to-face
    return False


def facts_in_sentence(toks: list[Tok], r: Rules, pub: _dt.date | None,
                      places: list[tuple[int, int]] | None = None) -> list[Fact]:
    """All facts in one sentence's tokens (see the module docstring for what counts).

    ``places``: spans of place mentions (GPE/LOC) in the sentence; None when no mentions are known
    (then a capitalised name after "a fifth of" is taken for a place).
    """
    used = [False] * len(toks)
    facts = _month_dates(toks, r, pub, used)
    facts += _quantities(toks, r, places, used)
    _date_abouts(toks, r, facts)
    _other_events(toks, r, pub, facts)
    return facts


def _month_dates(toks: list[Tok], r: Rules, pub: _dt.date | None, used: list[bool]) -> list[Fact]:
    """Step 1: month-based dates; their tokens are marked used."""
    facts: list[Fact] = []
    i, n = 0, len(toks)
    while i < n:
        d = _parse_date(toks, i, r, pub)
        if d is not None:
            end, (value, vtext, unit) = d
            facts.append(Fact(i, end, "date", value, vtext, unit, "exact", None))
            for x in range(i, end):
                used[x] = True
            i = end
        else:
            i += 1
    return facts


def _quantities(toks: list[Tok], r: Rules, places: list[tuple[int, int]] | None, used: list[bool]) -> list[Fact]:
    """Step 2: quantities over the tokens not used yet; their tokens are marked used."""
    facts: list[Fact] = []
    i, n = 0, len(toks)
    while i < n:
        if used[i]:
            i += 1
            continue
        num = parse_number(toks, i, r)
        if num is None or any(used[x] for x in range(num.i0, min(num.i1, n))):
            i += 1
            continue
        f = None if _skip_number(toks, num, r) else _quantity(toks, num, r, places)
        if f is not None:
            facts.append(f)
            for x in range(f.i0, f.i1):
                used[x] = True
            i = max(f.i1, i + 1)
        else:
            i = max(num.i1, i + 1)
    return facts


def _date_abouts(toks: list[Tok], r: Rules, facts: list[Fact]) -> None:
    """Step 3: what dates are about (an event noun after them, or before a linking verb)."""
    for f in facts:
        if f.kind == "date" and f.about is None:
            np = _np_after(toks, f.i1, r, 3)
            h = _head(np, r, "final") if np else None
            if h is not None and h[0] in r.event_nouns:
                f.about, f.about_tok = h
            else:
                h = _event_back(toks, f.i0, r, 8)
                if h is not None:
                    f.about, f.about_tok = h


def _other_events(toks: list[Tok], r: Rules, pub: _dt.date | None, facts: list[Fact]) -> None:
    """Step 4: ``previous``/``next`` events: a marker before the about-noun, or a day date far from ``pub``."""
    other_date = 0
    if pub is not None:
        for f in facts:
            if f.kind == "date" and f.unit == "day" and f.value is not None:
                delta = f.value - _epoch_days(pub)
                if delta < -3:
                    other_date = -1
                elif delta > 3 and other_date == 0:
                    other_date = 1
    for f in facts:
        if f.about is None or f.about_tok is None:
            continue
        marker = 0
        for j in range(f.about_tok - 1, max(-1, f.about_tok - 4), -1):
            t = toks[j]
            if t.kind != "word":
                break
            if t.low in r.previous_markers:
                marker = -1
                break
            if t.low in r.next_markers:
                marker = 1
                break
            if t.low in r.stop_words:
                break                      # markers sit between the determiner and the noun
        if marker == 0 and f.about in r.event_nouns:
            marker = other_date
        if marker:
            f.about = ("previous " if marker < 0 else "next ") + f.about


def _currency_before(toks: list[Tok], i0: int, r: Rules) -> tuple[str | None, int]:
    """A currency before the number ("$", "US$", "USD", "€"): (ISO code or None, first token of the amount)."""
    cur, c0 = None, i0
    if i0 > 0:
        p = toks[i0 - 1]
        if p.low in r.currency_before or p.text in r.currency_before:
            cur, c0 = r.currency_before.get(p.low, r.currency_before.get(p.text)), i0 - 1
            if c0 > 0 and toks[c0 - 1].low == "us" and p.text == "$" and p.glued:
                c0 -= 1
    return cur, c0


def _quantity(toks: list[Tok], num: Num, r: Rules, places: list[tuple[int, int]] | None) -> Fact | None:
    """The fact a number starts, by what follows it: amount, percent, fraction, duration, measure, else
    (``_year_count_or_number``) a year, a count or a bare number; None when it is none of these."""
    n = len(toks)
    i0, j = num.i0, num.i1
    cur, c0 = _currency_before(toks, i0, r)
    qual, q0 = _qualifier_before(toks, c0, r)
    start = q0
    value = num.value
    if num.vague:
        qual = "vague"

    # money
    if cur is None and j < n and toks[j].low in r.currency_after and not num.fraction:
        cur = r.currency_after[toks[j].low]
        j += 1
    elif cur is not None and j < n and toks[j].low in r.money_scales and toks[j].glued:
        value *= r.money_scales[toks[j].low]
        j += 1
    if cur is not None and not num.fraction:
        k = _skip_dets(toks, j + 1) if j < n and toks[j].low in ("in", "of", "for", "worth") else j
        h = _head(_np_after(toks, k, r, 3), r, "final")
        return Fact(start, j, "amount", value, f"{cur} {_fmt(value)}", cur, qual,
                    h[0] if h else None, h[1] if h else None)

    # percent
    if j < n and (toks[j].low in r.percent_words or (toks[j].low == "per" and _word_at(toks, j + 1) == "cent")):
        j += 2 if toks[j].low == "per" else 1
        obj = _of_object(toks, j, r, places) if _word_at(toks, j) == "of" else None
        return Fact(start, obj[2] if obj else j, "percent", value, f"{_fmt(value)}%", "percent", qual,
                    obj[0] if obj else None, obj[1] if obj else None)

    # fractions: need "of" (or "half the ...")
    if num.fraction:
        w = _word_at(toks, j)
        if toks[num.i0].low == "half" and w in ("an", "a") and _word_at(toks, j + 1) in r.durations:
            unit_w = toks[j + 1].low
            iso, unit, factor = r.durations[unit_w]
            return _duration_fact(toks, start, j + 2, 0.5, iso, unit, factor, qual, r, compound=False)
        if w == "of" or (toks[num.i0].low == "half" and w in ("the", "its", "their", "his", "her")):
            obj = _of_object(toks, j, r, places)
            if obj is None:
                return None
            return Fact(start, obj[2], "fraction", round(value, 6), _fmt(round(value, 6)), None, qual, obj[0], obj[1])
        return None

    # durations and measures: "two hours", "two-hour", "30 day ceasefire", "73-year-old"
    compound = False
    k = j
    if _is_hyphen_link(toks, k):
        compound = True
        k += 1
    uw = _word_at(toks, k)
    if uw is not None and uw in r.durations:
        # "73-year-old" -> age
        if compound and _is_hyphen_link(toks, k + 1) and _word_at(toks, k + 2) == "old":
            h = _head(_np_after(toks, k + 3, r, 2), r, "final")
            return Fact(start, k + 3, "number", value, f"{_fmt(value)} years old", "age", qual,
                        h[0] if h else None, h[1] if h else None)
        iso, unit, factor = r.durations[uw]
        end = k + 1
        if not compound and value != 1 and not uw.endswith("s") and _word_at(toks, end) and \
                _word_at(toks, end) not in r.stop_words:
            compound = True                                   # "a 30 day ceasefire"
        if _word_at(toks, end) == "and" and _word_at(toks, end + 1) == "a" and _word_at(toks, end + 2) == "half":
            value += 0.5
            end += 3
        if compound and _is_hyphen_link(toks, end) and _word_at(toks, end + 1) == "long":
            end += 2
        return _duration_fact(toks, start, end, value, iso, unit, factor, qual, r, compound)
    if uw is not None and uw in r.measures:
        unit, factor = r.measures[uw]
        end = k + 1
        h = _head(_np_after(toks, end, r, 3), r, "final") if compound else None
        return Fact(start, end, "number", value * factor, f"{_fmt(value)} {uw}", unit, qual,
                    h[0] if h else None, h[1] if h else None)
    if compound:
        return None                                           # "two-state", "3-D"
    return _year_count_or_number(toks, num, r, start, j, uw, qual)


def _year_count_or_number(toks: list[Tok], num: Num, r: Rules, start: int, j: int, uw: str | None,
                          qual: str) -> Fact | None:
    """A number with no unit after it: a year (``since 2022``), a count (``1,000 prisoners``), an age
    (``aged 16``), a bare number in digits; None for a bare number word."""
    i0, value = num.i0, num.value
    # years
    if num.year_like and qual == "exact" and (uw is None or uw in r.stop_words or uw in r.event_nouns
                                              or uw in r.synonyms or toks[j].kind != "word"
                                              or not (uw.endswith("s") or uw in _IRREGULAR_PLURALS)):
        y = int(value)
        return Fact(i0, j, "date", _epoch_days(_dt.date(y, 1, 1)), f"{y:04d}", "year", "exact", None)

    # counts: "1,000 prisoners", "tens of thousands of deaths"
    k = j + 1 if (num.vague or num.word) and _word_at(toks, j) == "of" else j
    if k > j and _word_at(toks, k) in r.currency_after:         # "billions of dollars"
        cur = r.currency_after[toks[k].low]
        return Fact(start, k + 1, "amount", value, f"{cur} {_fmt(value)}", cur, qual, None)
    # ages: "aged 16"
    if i0 > 0 and toks[i0 - 1].low == "aged" and not num.year_like:
        return Fact(i0, j, "number", value, f"{_fmt(value)} years old", "age", qual, None)
    np = _np_after(toks, k, r, 4)
    h = _head(np, r, "plural") if np else None
    if h is not None and not (num.word and not num.vague and num.value <= 12 and i0 > 0
                              and toks[i0 - 1].low in r.definite):
        end = max(x[2] for x in np if x[1] <= h[1])
        return Fact(start, end, "count", value, _fmt(value), None, qual, h[0], h[1])
    if not num.word and not num.year_like:
        return Fact(start, j, "number", value, _fmt(value), None, qual, None)
    return None


def _duration_fact(toks: list[Tok], start: int, end: int, value: float, iso: str, unit: str, factor: float,
                   qual: str, r: Rules, compound: bool) -> Fact | None:
    """A duration with its about: compound modifier -> the noun after; 'N units of NOUN' -> NOUN;
    '<event noun> ... lasted N units' -> the event noun; '<event noun> of/for N units' -> that noun."""
    n = len(toks)
    mult = 1
    if iso.endswith(("10", "100", "2")) and len(iso) > 1 and iso[0] in "YW":
        mult = int(iso[1:])
        iso = iso[0]
    qty = value * mult
    vtext = ("PT" if unit == "hour" else "P") + _fmt(qty) + iso
    about, atok, fend = None, None, end
    if compound:
        np = _np_after(toks, end, r, 3)
        h = _head(np, r, "final") if np else None
        if h is not None:
            about, atok = h
            fend = max(x[2] for x in np if x[1] <= h[1])
    else:
        if _word_at(toks, end) == "ago":
            return None                                   # "15 years ago": a relative date, not a duration
        if _word_at(toks, end) == "of":
            np = _np_after(toks, _skip_dets(toks, end + 1), r, 3)
            h = _head(np, r, "final") if np else None
            if h is not None:
                about, atok = h
        if about is None:
            # linking verb just before the quantity (adverbs allowed in between)
            k = start - 1
            while k >= 0 and toks[k].kind == "word" and toks[k].low.endswith("ly"):
                k -= 1
            if k >= 0 and toks[k].low in r.duration_verbs:
                h = _event_back(toks, k, r, 14)
                if h is not None:
                    about, atok = h
            elif k >= 1 and toks[k].low in r.duration_preps and toks[k - 1].kind == "word":
                w = _canon(_strip_possessive(toks[k - 1].low), r)
                if w in r.event_nouns:
                    about, atok = w, k - 1
    return Fact(start, min(fend, n), "duration", round(value * factor, 9), vtext, unit, qual, about, atok)
