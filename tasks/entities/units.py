"""Paragraph units handed to spaCy, capitals lines re-cased, headline lines recognised."""
from __future__ import annotations

import re

from tasks.entities.rules import _WORD, _acronyms

_CAPS_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_HEADLINE_SMALL = frozenset("a an the and or but of in on at to for from by with as vs v over after into".split())


def _paragraphs(body: str, sentences: list[dict]) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, from the sentence rows (first sentence start to last sentence end)."""
    spans: dict[int, list[int]] = {}
    for s in sentences:
        p = spans.setdefault(s["paragraph_no"], [s["start_char"], s["end_char"]])
        p[0] = min(p[0], s["start_char"])
        p[1] = max(p[1], s["end_char"])
    return [(a, b) for _, (a, b) in sorted(spans.items())]


def _is_caps(text: str) -> bool:
    """Mostly capitals: at least 4 letters, >= 85% of cased letters upper-case."""
    upper = sum(map(str.isupper, text))      # a cased letter is upper or lower case; map() keeps it in C
    lower = sum(map(str.islower, text))
    if upper + lower < 4:
        return False
    return upper / (upper + lower) >= 0.85


def _recase(text: str) -> str:
    """Title Case a capitals line, keeping length and known acronyms (NATO, U.S.)."""
    acr = _acronyms()

    def fix(m: re.Match) -> str:
        w = m.group(0)
        if w in acr or len(w) == 1:
            return w
        tail = "".join(c.lower() if len(c.lower()) == 1 else c for c in w[1:])
        return w[0] + tail

    out = _CAPS_WORD.sub(fix, text)
    # keep dotted acronyms (U.S., D.C.) upper-case
    return re.sub(r"\b(?:[A-Za-z]\.){2,}", lambda m: m.group(0).upper(), out)


def _is_headline(text: str) -> bool:
    """A headline/crosshead-looking line: no final sentence punctuation, <= 16 words and most content
    words capitalised; or a capitals line."""
    if _is_caps(text):
        return True
    t = text.rstrip()
    if not t or t[-1] in ".!?\"”’:;,)":
        return False
    if any(c.isdigit() for c in t):
        return False  # results, tables and datelines, not headlines (nor is a line of 3+ commas: a list)
    if t.count(",") >= 3:
        return False  # a list of names (team sheets, fields), not a headline
    words = [w for w in _WORD.findall(t) if any(c.isalpha() for c in w)]
    if len(words) < 2 or len(words) > 16:
        return False
    content = [w for w in words if w.lower().strip("\"'“”‘’(") not in _HEADLINE_SMALL]
    if not content:
        return False
    caps = sum(1 for w in content if w.lstrip("\"'“”‘’(")[:1].isupper())
    return caps / len(content) >= 0.75
