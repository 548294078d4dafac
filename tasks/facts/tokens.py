"""Tokens, the number and fact records, and small token helpers shared by the fact modules."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass


_TOKEN_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:['’][^\W\d_]+)*|\S")
_PLAIN_NUM_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?\Z")
_GROUPED_NUM_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?\Z")
_HYPHENS = {"-", "‐", "‑"}
_EPOCH = _dt.date(1970, 1, 1)
_IRREGULAR_PLURALS = {"people", "children", "men", "women", "police", "personnel", "staff",
                      "aircraft", "cattle", "livestock", "militia", "crew", "youth", "dead", "wounded",
                      "injured", "displaced"}
_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
_TIME_WORDS = {"am", "pm", "gmt", "utc", "cet", "est", "edt", "pst", "bst", "hrs"}


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    low: str
    kind: str          # num | word | sym
    glued: bool        # no space between this token and the previous one

    @property
    def cap(self) -> bool:
        return self.kind == "word" and self.text[:1].isupper()


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    """Digits (with , and . groups), words (letters, inner apostrophes), single other characters."""
    toks: list[Tok] = []
    prev_end = None
    for m in _TOKEN_RE.finditer(text):
        s = m.group(0)
        c = s[0]
        kind = "num" if "0" <= c <= "9" else ("word" if c.isalpha() else "sym")
        low = s.lower()
        if "’" in low:
            low = low.replace("’", "'")
        start, end = m.span()
        toks.append(Tok(s, start + offset, end + offset, low, kind, prev_end == start))
        prev_end = end
    return toks


@dataclass
class Num:
    value: float
    i0: int            # first token
    i1: int            # one past the last token
    word: bool         # written (at least partly) in words
    vague: bool = False
    fraction: bool = False
    year_like: bool = False


@dataclass
class Fact:
    i0: int
    i1: int
    kind: str
    value: float | None
    value_text: str | None
    unit: str | None
    qualifier: str
    about: str | None
    about_tok: int | None = None   # token index of the about noun (for event markers)


def _fmt(v: float) -> str:
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.6g}"


def _word_at(toks: list[Tok], i: int) -> str | None:
    return toks[i].low if 0 <= i < len(toks) and toks[i].kind == "word" else None


def _is_hyphen_link(toks: list[Tok], j: int) -> bool:
    """toks[j] is a hyphen glued to both neighbours."""
    return (0 < j < len(toks) - 1 and toks[j].text in _HYPHENS and toks[j].glued and toks[j + 1].glued)


def _skip_dets(toks: list[Tok], k: int) -> int:
    """Index of the first token at or after k that is not a determiner / possessive pronoun."""
    while k < len(toks) and toks[k].low in ("the", "a", "an", "its", "their", "his", "her", "our", "this", "that"):
        k += 1
    return k


def _strip_possessive(w: str) -> str:
    return w[:-2] if w.endswith("'s") else (w[:-1] if w.endswith("s'") else w)


def _digit_value(tok: Tok) -> float | None:
    s = tok.text
    if _PLAIN_NUM_RE.match(s):
        return float(s)
    if _GROUPED_NUM_RE.match(s):
        return float(s.replace(",", ""))
    return None


def _epoch_days(d: _dt.date) -> float:
    return float((d - _EPOCH).days)


def _published_date(article: dict) -> _dt.date | None:
    p = article.get("published_at")
    if p is None:
        return None
    try:
        if isinstance(p, _dt.datetime):
            return p.date()
        if isinstance(p, _dt.date):
            return p
        if hasattr(p, "to_pydatetime"):
            return p.to_pydatetime().date()
        s = str(p).strip()
        if not s:
            return None
        return _dt.date.fromisoformat(s[:10])
    except (ValueError, TypeError, OverflowError, AttributeError):
        return None
