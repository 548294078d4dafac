"""Our own training pairs: minimal contrasts the MSRP train split almost never shows.

MSRP pairs that differ only by a negation or by a number are rare, so a model fitted on MSRP alone
still calls "Russia has agreed to a ceasefire" and "Russia has not agreed to a ceasefire" the same
claim. ``contrast_pairs`` derives, from sentences of the training pairs, copies that change exactly
one thing — a number (12 -> 13), a negation inserted after the first auxiliary verb, "confirmed"
turned into "denied" — labelled 0 (different claims). Deterministic; general English edits, no
article-specific rule.
"""
from __future__ import annotations

import re

AUX_RE = re.compile(r"\b(is|are|was|were|will|has|have|had|can|could|would|should|did|does|do)\b(?! not\b| n't\b)")
NUMBER_RE = re.compile(r"\b\d+(?:\.\d+)?\b")
NEGATION_RE = re.compile(r"\b(not|no|never|n't|cannot)\b|n't\b", re.IGNORECASE)
CONFIRM_RE = re.compile(r"\b(confirmed|confirms|acknowledged|said)\b")


def _bump(match: re.Match) -> str:
    text = match.group(0)
    if "." in text:
        return f"{float(text) * 1.5:g}"
    value = int(text)
    return str(value + 1 if value < 10 else value + max(1, value // 4))


def contrasts(text: str) -> list[tuple[str, str]]:
    """(kind, edited copy) for each edit that applies to ``text``."""
    out = []
    if NUMBER_RE.search(text):
        out.append(("number", NUMBER_RE.sub(_bump, text, count=1)))
    if not NEGATION_RE.search(text):
        negated, n = AUX_RE.subn(lambda m: m.group(1) + " not", text, count=1)
        if n:
            out.append(("negation", negated))
    if CONFIRM_RE.search(text):
        out.append(("denial", CONFIRM_RE.sub("denied", text, count=1)))
    return out


def contrast_pairs(texts: list[str], per_kind: int) -> list[tuple[str, str, int]]:
    """At most ``per_kind`` (text, edited copy, 0) pairs of each kind, in the order of ``texts``."""
    taken: dict[str, int] = {}
    out = []
    for text in texts:
        for kind, edited in contrasts(text):
            if edited != text and taken.get(kind, 0) < per_kind:
                taken[kind] = taken.get(kind, 0) + 1
                out.append((text, edited, 0))
    return out
