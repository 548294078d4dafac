"""Dates (``March 18``, ``18 March 2025``, ``February 2022``, a bare year) resolved against the publication date."""
from __future__ import annotations

import datetime as _dt

from tasks.facts.rules import Rules
from tasks.facts.tokens import _ORDINAL_SUFFIXES, Tok, _epoch_days


def _day_tok(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """(day, next token) for '18', '18th' at token j."""
    if j >= len(toks) or toks[j].kind != "num" or not toks[j].text.isdigit() or len(toks[j].text) > 2:
        return None
    d = int(toks[j].text)
    if not 1 <= d <= 31:
        return None
    k = j + 1
    if k < len(toks) and toks[k].glued and toks[k].low in _ORDINAL_SUFFIXES:
        k += 1
    if k < len(toks) and toks[k].glued and toks[k].kind in ("num", "word"):
        return None
    return d, k


def _year_tok(toks: list[Tok], j: int) -> int | None:
    if j < len(toks) and toks[j].kind == "num" and len(toks[j].text) == 4 and toks[j].text.isdigit():
        y = int(toks[j].text)
        if 1800 <= y <= 2200 and not (j + 1 < len(toks) and toks[j + 1].glued and toks[j + 1].kind in ("num", "word")):
            return y
    return None


def _month_at(toks: list[Tok], i: int, r: Rules) -> tuple[int, int] | None:
    """(month, next token) for a capitalised month name (abbreviations may take a period)."""
    t = toks[i]
    if t.kind != "word" or not t.cap or t.low not in r.months:
        return None
    k = i + 1
    if len(t.low) <= 4 and t.low not in ("may", "june", "july") and k < len(toks) and toks[k].text == "." and toks[k].glued:
        k += 1
    return r.months[t.low], k


def _resolve(month: int, day: int | None, year: int | None, pub: _dt.date | None) -> tuple[float | None, str, str] | None:
    """(value, value_text, unit) of a calendar date; None if impossible (Feb 30)."""
    try:
        if day is None:
            if year is None:
                return None
            return _epoch_days(_dt.date(year, month, 1)), f"{year:04d}-{month:02d}", "month"
        if year is None:
            if pub is None:
                _dt.date(2000, month, day)       # validate (leap year)
                return None, f"--{month:02d}-{day:02d}", "day"
            best = None
            for y in (pub.year - 1, pub.year, pub.year + 1):
                try:
                    d = _dt.date(y, month, day)
                except ValueError:
                    continue
                if best is None or abs((d - pub).days) < abs((best - pub).days):
                    best = d
            if best is None:
                return None
            return _epoch_days(best), best.isoformat(), "day"
        d = _dt.date(year, month, day)
        return _epoch_days(d), d.isoformat(), "day"
    except (ValueError, OverflowError):
        return None


def _parse_date(toks: list[Tok], i: int, r: Rules, pub: _dt.date | None) -> tuple[int, tuple] | None:
    """Month-based date at token i: 'March 18[, 2025]', '18 March [2025]', 'February 2022'."""
    t = toks[i]
    if t.kind != "num" and (t.kind != "word" or t.low not in r.months):
        return None          # neither a month name (_month_at) nor a day number (_day_tok) starts here
    n = len(toks)
    m = _month_at(toks, i, r)
    if m is not None:
        month, k = m
        dk = _day_tok(toks, k)
        if dk is not None:
            day, k2 = dk
            k3 = k2 + 1 if k2 < n and toks[k2].text == "," else k2
            y = _year_tok(toks, k3)
            if y is not None:
                res = _resolve(month, day, y, pub)
                return (k3 + 1, res) if res else None
            res = _resolve(month, day, None, pub)
            return (k2, res) if res else None
        y = _year_tok(toks, k)
        if y is not None:
            res = _resolve(month, None, y, pub)
            return (k + 1, res) if res else None
        return None
    dk = _day_tok(toks, i)
    if dk is not None:
        day, k = dk
        if k < n and toks[k].low == "of":
            k += 1
        m = _month_at(toks, k, r) if k < n else None
        if m is None:
            return None
        month, k2 = m
        y = _year_tok(toks, k2)
        if y is not None:
            res = _resolve(month, day, y, pub)
            return (k2 + 1, res) if res else None
        res = _resolve(month, day, None, pub)
        return (k2, res) if res else None
    return None
