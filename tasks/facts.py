"""Numeric and date facts in article bodies: durations, counts, amounts, percents, fractions, dates.

``extract_facts(article, sentences, mentions)`` returns rows of the FACTS schema
(``tasks/schemas.py``). It is rule based (regular-expression tokens over each
sentence, no spaCy call), linear in the text, and never raises on any input.
Rule data lives in ``tasks/rules/number_words.tsv``, ``fact_units.yaml`` and
``fact_about.yaml``.

What counts as a fact
---------------------
A *quantity expression*: a number written in digits (``1,000``, ``1.5``,
``24``) or in words (``two``, ``twenty-five``, ``a dozen``, ``one hundred and
ten``, ``two-thirds``, ``tens of thousands``), optionally preceded by a
qualifier (``over``, ``more than``, ``about`` ... -> ``qualifier``) and a
currency sign, followed by what it measures:

- ``duration``: a time unit (``two hours``, ``two-hour call``, ``30-day
  ceasefire``, ``three years of conflict``). The value is converted to one
  canonical unit per scale: second/minute/hour -> ``hour`` (90 minutes = 1.5
  hour), day/week/fortnight -> ``day``, month/year/decade/century -> ``year``.
  ``value_text`` is the quantity as written as an ISO 8601 duration (PT90M, P30D).
- ``amount``: money (``$1.5 billion``, ``5 million euros``); unit = ISO currency.
- ``percent``: ``20%``, ``20 percent`` -> 20.0, unit ``percent``.
- ``fraction``: ``a fifth of``, ``one-fifth of``, ``half of/the``, ``two-thirds
  of`` -> 0.2 / 0.5 / 0.667; only when a share *of* something follows.
- ``count``: a number followed by a noun (``1,000 prisoners``) -> the number,
  unit null. Vague counts (``tens of thousands of deaths``, ``hundreds of``,
  ``several days``) carry a documented lower bound as value and qualifier
  ``vague``. A small number written as a word after a definite determiner
  (``the two leaders``) is a reference, not a reported quantity: skipped.
- ``number``: other measures (``km``, ``tonnes``; ages ``73-year-old`` with unit
  ``age``) and bare numbers written in digits (unit null, about null).
- ``date``: ``March 18``, ``18 March 2025``, ``February 2022``, a bare year
  1900-2100 (``since 2022``, ``the 2022 invasion``). ``value`` = days since
  1970-01-01 of the (first day of the) date, ``value_text`` the ISO date
  (``2025-03-18``, ``2022-02``, ``2022``), ``unit`` its granularity
  (day|month|year). A day without a year takes the year that puts it closest
  to the article's ``published_at``; without ``published_at`` it stays partial
  (``--03-18``, value null). Weekday names are not resolved.

Not facts: ordinals (``first time``, ``19th``), roman numerals (``Leo XIV``),
number words inside names (``World War Two``: a capitalised number word after
a capitalised word), identifiers (``G7``, ``COVID-19``, ``Article 5``), times
of day (``10:30``, ``3 p.m.``), ranges and scores (``3-1``), bare number words
(``takes two to tango``).

``about``
---------
What is quantified, as a short normalised noun (``call``, ``prisoners``,
``ceasefire``, ``territory``, ``war``, ``deaths``): the noun phrase the
quantity modifies (``two-hour call``; head-final), counts' plural noun
(``1,000 Ukrainian prisoners``), the object of ``of`` (``three years of armed
conflict`` -> war; ``a fifth of Ukraine`` -> territory: a place, known from a
GPE/LOC mention, or a capitalised name when no mentions are given), or the
event noun before a linking verb (``the call, which lasted two hours``).
Nouns are mapped through the synonym table (conversation -> call, conflict ->
war, land -> territory). No link found -> about is null (such facts are kept
but not compared in ``fact_agreement``).

Another event than the article's own: when one of the three words before the
about-noun is a ``previous`` marker (``last``, ``previous``, ``earlier`` ...) or,
when ``published_at`` is known, the sentence holds a day date more than three
days before it, ``about`` becomes ``previous <noun>`` (``next <noun>`` for
``next``/``upcoming`` or a date more than three days after). So "The last phone
call ... occurred on March 18 and lasted more than two hours" gives
``previous call``, which ``fact_agreement`` groups apart from ``call``.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RULES_DIR = Path(__file__).resolve().parent / "rules"
log = logging.getLogger(__name__)

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


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Rules:
    numbers: dict[str, tuple[float, str]]
    durations: dict[str, tuple[str, str, float]]
    measures: dict[str, tuple[str, float]]
    percent_words: frozenset[str]
    currency_before: dict[str, str]
    currency_after: dict[str, str]
    money_scales: dict[str, float]
    qualifiers: dict[tuple[str, ...], str]
    months: dict[str, int]
    synonyms: dict[str, str]
    event_nouns: frozenset[str]
    previous_markers: frozenset[str]
    next_markers: frozenset[str]
    duration_verbs: frozenset[str]
    duration_preps: frozenset[str]
    place_about: str
    place_labels: frozenset[str]
    stop_words: frozenset[str]
    definite: frozenset[str]


@lru_cache(maxsize=1)
def load_rules(rules_dir: Path = RULES_DIR) -> Rules:
    """Read the rule files once per process."""
    numbers: dict[str, tuple[float, str]] = {}
    for line in (rules_dir / "number_words.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, value, typ = line.split("\t")[:3]
        numbers[word.strip().lower()] = (float(value), typ.strip())
    units = yaml.safe_load((rules_dir / "fact_units.yaml").read_text(encoding="utf-8"))
    about = yaml.safe_load((rules_dir / "fact_about.yaml").read_text(encoding="utf-8"))
    return Rules(
        numbers=numbers,
        durations={k.lower(): (str(v[0]), str(v[1]), float(v[2])) for k, v in units["durations"].items()},
        measures={k.lower(): (str(v[0]), float(v[1])) for k, v in units["measures"].items()},
        percent_words=frozenset(str(w).lower() for w in units["percent_words"]),
        currency_before={str(k).lower(): str(v) for k, v in units["currency_before"].items()},
        currency_after={str(k).lower(): str(v) for k, v in units["currency_after"].items()},
        money_scales={str(k).lower(): float(v) for k, v in units["money_scales"].items()},
        qualifiers={tuple(str(k).lower().split()): str(v) for k, v in units["qualifiers"].items()},
        months={str(k).lower(): int(v) for k, v in units["months"].items()},
        synonyms={str(k).lower(): str(v) for k, v in about["synonyms"].items()},
        event_nouns=frozenset(str(w).lower() for w in about["event_nouns"]),
        previous_markers=frozenset(about["previous_markers"]),
        next_markers=frozenset(about["next_markers"]),
        duration_verbs=frozenset(about["duration_verbs"]),
        duration_preps=frozenset(about["duration_preps"]),
        place_about=str(about["place_about"]),
        place_labels=frozenset(about["place_labels"]),
        stop_words=frozenset(str(w).lower() for w in about["stop_words"]),
        definite=frozenset(about["definite_determiners"]),
    )


# --------------------------------------------------------------------------- tokens


@dataclass
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
        toks.append(Tok(s, m.start() + offset, m.end() + offset, low, kind, prev_end == m.start()))
        prev_end = m.end()
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


# --------------------------------------------------------------------------- helpers


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


# --------------------------------------------------------------------------- numbers


def parse_number(toks: list[Tok], i: int, r: Rules) -> Num | None:
    """A number starting at token i, in digits or words; None if there is none."""
    t = toks[i]
    n = len(toks)
    if t.kind == "num":
        v = _digit_value(t)
        if v is None:
            return None
        j = i + 1
        if j < n and toks[j].kind == "word" and r.numbers.get(toks[j].low, (0, ""))[1] == "scale" and not toks[j].glued:
            v *= r.numbers[toks[j].low][0]
            j += 1
        year_like = ("," not in t.text and "." not in t.text and len(t.text) == 4 and 1900 <= v <= 2100 and j == i + 1)
        return Num(v, i, j, False, year_like=year_like)
    if t.kind != "word":
        return None
    w = t.low
    w1 = _word_at(toks, i + 1)
    # vague: "tens of thousands", "hundreds of thousands", "a few", "several", "dozens"
    if w in ("a",) and w1 == "few":
        return Num(r.numbers["few"][0], i, i + 2, True, vague=True)
    if w == "a" and w1 == "couple" and _word_at(toks, i + 2) == "of":
        return Num(2.0, i, i + 2, True, vague=True)
    entry = r.numbers.get(w)
    if entry and entry[1] == "vague" and w != "few":
        v = entry[0]
        j = i + 1
        if w1 == "of" and _word_at(toks, i + 2) in ("thousands", "millions", "billions") and w in ("tens", "hundreds"):
            # lower bound: "tens" = 20, "hundreds" = 200, times the scale ("tens of thousands" = 20,000)
            v = entry[0] * r.numbers[toks[i + 2].low][0] / 2.0
            j = i + 3
        return Num(v, i, j, True, vague=True)
    # fractions written alone: "a fifth of", "half of", "a third of", "one-fifth", "two-thirds"
    if w in ("a", "an", "one") and w1 is not None and r.numbers.get(w1, (0, ""))[1] == "fraction" and w1 != "half":
        return Num(r.numbers[w1][0], i, i + 2, True, fraction=True)
    if w == "one" and _is_hyphen_link(toks, i + 1) and r.numbers.get(_word_at(toks, i + 2) or "", (0, ""))[1] == "fraction":
        return Num(r.numbers[toks[i + 2].low][0], i, i + 3, True, fraction=True)
    if w == "half":
        if _is_hyphen_link(toks, i + 1) and _word_at(toks, i + 2) == "dozen":
            return Num(6.0, i, i + 3, True)
        if w1 == "a" and _word_at(toks, i + 2) == "dozen":
            return Num(6.0, i, i + 3, True)
        return Num(0.5, i, i + 1, True, fraction=True)
    # cardinal words
    total, current, j, seen = 0.0, 0.0, i, False
    if w in ("a", "an") and w1 is not None and r.numbers.get(w1, (0, ""))[1] in ("scale", "dozen"):
        current = 1.0
        j = i + 1
    while j < n:
        tw = _word_at(toks, j)
        if tw is None:
            if seen and _is_hyphen_link(toks, j) and toks[j - 1].kind == "word" \
                    and r.numbers.get(toks[j - 1].low, (0, ""))[1] == "ten" \
                    and r.numbers.get(_word_at(toks, j + 1) or "", (0, ""))[1] == "unit":
                j += 1
                continue
            break
        e = r.numbers.get(tw)
        if e is None:
            if tw == "and" and seen and r.numbers.get(_word_at(toks, j + 1) or "", (0, ""))[1] in ("unit", "ten") \
                    and toks[j - 1].low in ("hundred", "thousand", "million", "billion"):
                j += 1
                continue
            break
        v, typ = e
        if typ in ("unit", "ten"):
            if seen and current % 100 >= (10 if typ == "ten" else 1) and toks[j - 1].low not in ("hundred", "thousand", "million", "billion", "-"):
                # "two three" is not one number
                if not (typ == "unit" and current % 100 >= 20 and current % 10 == 0 and toks[j - 1].text in _HYPHENS):
                    break
            current += v
        elif typ == "scale":
            if v == 100:
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * v
                current = 0.0
        elif typ == "dozen":
            current = (current or 1.0) * 12
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    value = total + current
    # "two-thirds of", "three quarters of"
    k = j + 1 if _is_hyphen_link(toks, j) else j
    fw = _word_at(toks, k)
    if value <= 10 and fw is not None and r.numbers.get(fw, (0, ""))[1] == "fraction" and fw != "half" \
            and _word_at(toks, k + 1) == "of":
        return Num(value * r.numbers[fw][0], i, k + 1, True, fraction=True)
    return Num(value, i, j, True)


# --------------------------------------------------------------------------- about


def _canon(word: str, r: Rules) -> str:
    return r.synonyms.get(word, word)


def _np_after(toks: list[Tok], k: int, r: Rules, max_words: int = 4) -> list[tuple[str, int, int, bool]]:
    """Words of the noun phrase starting at token k: (lower word, first tok, last tok + 1, capitalised)."""
    out: list[tuple[str, int, int, bool]] = []
    n = len(toks)
    while k < n and len(out) < max_words:
        t = toks[k]
        if t.kind != "word":
            break
        w, e = t.low, k + 1
        while e + 1 < n and _is_hyphen_link(toks, e) and toks[e + 1].kind == "word":
            w += "-" + toks[e + 1].low
            e += 2
        if w in r.stop_words or w in r.months or (r.numbers.get(w) and w not in ("half",)):
            break
        if w.endswith("ing") and w not in r.synonyms and w not in r.event_nouns:
            break
        if len(w) > 3 and w.endswith("ed") and w not in r.synonyms and w not in r.event_nouns and out:
            break
        out.append((w, k, e, t.cap))
        k = e
    return out


def _head(np: list[tuple[str, int, int, bool]], r: Rules, mode: str) -> tuple[str, int] | None:
    """About-noun of a noun phrase: a listed (bi)gram first, else by mode:
    'final' = last lower-case word (compounds), 'plural' = first plural-looking word (counts)."""
    words = [x for x in np if not x[3]]
    for a, b in zip(np, np[1:]):
        key = f"{_strip_possessive(a[0])} {_strip_possessive(b[0])}"
        if key in r.synonyms:
            return r.synonyms[key], b[1]
    for w, k, _, _cap in np:
        w2 = _strip_possessive(w.lower())
        if w2 in r.synonyms or w2 in r.event_nouns:
            return _canon(w2, r), k
    if not words:
        return None
    if mode == "plural":
        for w, k, _, _cap in words:
            if w in _IRREGULAR_PLURALS or (w.endswith("s") and not w.endswith("ss") and len(w) > 2):
                return _canon(w, r), k
        return None
    w, k = words[-1][0], words[-1][1]
    return _canon(_strip_possessive(w), r), k


def _of_object(toks: list[Tok], k: int, r: Rules, places: list[tuple[int, int]] | None) -> tuple[str, int, int] | None:
    """About of a share: the object after "of"/"the" at token k. Returns (about, about tok, end tok)."""
    n = len(toks)
    if k < n and toks[k].low == "of":
        k += 1
    while k < n and toks[k].low in ("the", "its", "their", "his", "her", "our", "this", "that", "a", "an"):
        k += 1
    if k >= n or toks[k].kind != "word":
        return None
    # possessor(s): "Ukraine's land"
    start_obj = k
    while k < n and toks[k].kind == "word" and (toks[k].low.endswith("'s") or toks[k].low.endswith("s'")):
        k += 1
    np = _np_after(toks, k, r, 3)
    h = _head([x for x in np if not x[3]], r, "final") if np else None
    if h is not None and k > start_obj or (h is not None and not any(x[3] for x in np)):
        end = max(x[2] for x in np)
        return h[0], h[1], end
    # proper name object ("a fifth of Ukraine", "of eastern Ukraine")
    j = start_obj
    names = []
    while j < n and toks[j].kind == "word" and (toks[j].cap or _strip_possessive(toks[j].low) in ("eastern", "western", "southern", "northern")):
        names.append(j)
        j += 1
    if not names:
        return None
    s, e = toks[names[0]].start, toks[names[-1]].end
    if places is not None:
        if any(ps < e and pe > s for ps, pe in places):
            return r.place_about, names[-1], j
        return " ".join(_strip_possessive(toks[x].low) for x in names), names[-1], j
    last = _strip_possessive(toks[names[-1]].low)
    if last.endswith("s") and not last.endswith("ss"):
        return last, names[-1], j
    return r.place_about, names[-1], j


def _event_back(toks: list[Tok], k: int, r: Rules, limit: int = 12) -> tuple[str, int] | None:
    """Nearest event noun (after synonym mapping) in the `limit` tokens before token k."""
    lo = max(0, k - limit)
    for j in range(k - 1, lo - 1, -1):
        t = toks[j]
        if t.kind == "sym" and t.text in ";:":
            return None
        if t.kind != "word":
            continue
        w = _strip_possessive(t.low)
        if j > 0 and toks[j - 1].kind == "word":
            big = f"{_strip_possessive(toks[j - 1].low)} {w}"
            if big in r.synonyms:
                return r.synonyms[big], j
        c = _canon(w, r)
        if c in r.event_nouns and (w in r.synonyms or w in r.event_nouns):
            return c, j
    return None


def _qualifier_before(toks: list[Tok], i: int, r: Rules) -> tuple[str, int]:
    """(qualifier code, first token of the qualifier) for the words right before token i."""
    for size in (3, 2, 1):
        if i - size < 0:
            continue
        words = tuple(toks[x].low for x in range(i - size, i))
        if all(toks[x].kind == "word" for x in range(i - size, i)) and words in r.qualifiers:
            return r.qualifiers[words], i - size
    return "exact", i


# --------------------------------------------------------------------------- dates


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


# --------------------------------------------------------------------------- sentence


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
    n = len(toks)
    used = [False] * n
    facts: list[Fact] = []

    # 1. month-based dates
    i = 0
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

    # 2. quantities
    i = 0
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

    # 3. dates: what they are about
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

    # 4. other events than the article's own
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
    return facts


def _quantity(toks: list[Tok], num: Num, r: Rules, places: list[tuple[int, int]] | None) -> Fact | None:
    n = len(toks)
    i0, j = num.i0, num.i1
    # currency before the number: "$", "US$", "USD", "€"
    cur, c0 = None, i0
    if i0 > 0:
        p = toks[i0 - 1]
        if p.low in r.currency_before or p.text in r.currency_before:
            cur, c0 = r.currency_before.get(p.low, r.currency_before.get(p.text)), i0 - 1
            if c0 > 0 and toks[c0 - 1].low == "us" and p.text == "$" and p.glued:
                c0 -= 1
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
            return _duration_fact(toks, start, j + 2, 0.5, iso, unit, factor, qual, r, compound=False, i_num=i0)
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
        return _duration_fact(toks, start, end, value, iso, unit, factor, qual, r, compound, i_num=i0)
    if uw is not None and uw in r.measures:
        unit, factor = r.measures[uw]
        end = k + 1
        h = _head(_np_after(toks, end, r, 3), r, "final") if compound else None
        return Fact(start, end, "number", value * factor, f"{_fmt(value)} {uw}", unit, qual,
                    h[0] if h else None, h[1] if h else None)
    if compound:
        return None                                           # "two-state", "3-D"

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
                   qual: str, r: Rules, compound: bool, i_num: int) -> Fact | None:
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


# --------------------------------------------------------------------------- article


def _fallback_sentences(body: str) -> list[dict]:
    out = []
    for i, m in enumerate(re.finditer(r"[^\n]+", body)):
        out.append({"sentence_no": i, "start_char": m.start(), "end_char": m.end()})
    return out


def fact_id_for(article_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{article_id}:{start}:{end}".encode("utf-8")).hexdigest()[:16]


def extract_facts(article: dict, sentences: list[dict], mentions: list[dict]) -> list[dict]:
    """FACTS rows for one article (offsets into article['body']; see the module docstring).

    A sentence whose processing fails is logged and skipped: this function never raises on text.
    """
    body = article.get("body") or ""
    if not isinstance(body, str) or not body:
        return []
    aid = str(article.get("article_id") or "")
    r = load_rules()
    pub = _published_date(article)
    sents = sentences if sentences else _fallback_sentences(body)
    places_all: list[tuple[int, int]] = []
    for m in mentions or []:
        try:
            if m.get("label") in r.place_labels or m.get("ner_label") in r.place_labels:
                places_all.append((int(m["start_char"]), int(m["end_char"])))
        except (KeyError, TypeError, ValueError):
            continue
    rows: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    for s in sents:
        try:
            s0, s1 = int(s["start_char"]), int(s["end_char"])
            s0, s1 = max(0, s0), min(len(body), s1)
            if s1 <= s0:
                continue
            toks = tokenize(body[s0:s1], s0)
            if not any(t.kind == "num" or t.low in load_rules().numbers or t.low in ("a", "half") for t in toks):
                continue
            places = [p for p in places_all if p[0] < s1 and p[1] > s0] if mentions else None
            for f in facts_in_sentence(toks, r, pub, places):
                start, end = toks[f.i0].start, toks[f.i1 - 1].end
                if (start, end) in seen or end <= start:
                    continue
                seen.add((start, end))
                rows.append({
                    "fact_id": fact_id_for(aid, start, end),
                    "article_id": aid,
                    "sentence_no": int(s.get("sentence_no", 0) or 0),
                    "start_char": start,
                    "end_char": end,
                    "text": body[start:end],
                    "kind": f.kind,
                    "value": None if f.value is None else float(f.value),
                    "value_text": f.value_text,
                    "unit": f.unit,
                    "qualifier": f.qualifier,
                    "about": f.about,
                })
        except Exception:  # noqa: BLE001 - never fail an article on one odd sentence
            log.warning("facts: skipped sentence %s of article %s", s.get("sentence_no"), aid, exc_info=True)
    return rows
