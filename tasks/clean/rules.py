"""Boilerplate rule files (tasks/rules/boilerplate*) loaded once (through tasks.rulefiles), and the
predicates that apply them."""
from __future__ import annotations

import re

from tasks import rulefiles
from tasks.clean.text import _QUOTE_CHARS, _SENT_END, n_words


class RuleSet:
    """Full-paragraph rules. ``fullmatch(p)`` is true when some rule matches the whole paragraph.

    Rules of the form ``.{0,N}CORE.{0,M}`` ("CORE somewhere in a short paragraph") are run as one
    ``search`` for CORE plus a length check (much faster than a full match with leading wildcards);
    all others as one alternation anchored at both ends.
    """

    def __init__(self, patterns: list[str]):
        anchored, floating = [], []
        self.max_floating_len = 0
        for p in patterns:
            try:
                re.compile(p, re.I)
            except re.error as e:  # a broken rule must fail loudly at import, not silently
                raise ValueError(f"bad boilerplate rule {p!r}: {e}") from e
            m = re.fullmatch(r"\.\{0,(\d+)\}(.+?)\.\{0,(\d+)\}", p)
            if m and "|" not in _strip_groups(m.group(2)):
                floating.append(f"(?:{m.group(2)})")
                self.max_floating_len = max(self.max_floating_len, int(m.group(1)) + int(m.group(3)) + 200)
            else:
                anchored.append(f"(?:{p})")
        self.anchored = re.compile("|".join(anchored), re.I) if anchored else None
        self.floating = re.compile("|".join(floating), re.I) if floating else None

    def fullmatch(self, p: str) -> bool:
        if self.anchored is not None and self.anchored.fullmatch(p):
            return True
        return self.floating is not None and len(p) <= self.max_floating_len and \
            self.floating.search(p) is not None


def _strip_groups(core: str) -> str:
    """The core with parenthesised groups removed (to see if it has a top-level alternation)."""
    out, depth, esc = [], 0, False
    for ch in core:
        if esc:
            esc = False
            if depth == 0:
                out.append(ch)
            continue
        if ch == "\\":
            esc = True
            if depth == 0:
                out.append(ch)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def _compile_union(patterns: list[str]) -> RuleSet | None:
    """All rules of a file as one RuleSet (None when there are none)."""
    return RuleSet(patterns) if patterns else None


def _load_appeals() -> tuple[RuleSet | None, re.Pattern, re.Pattern]:
    data = rulefiles.load_yaml("boilerplate_appeals.yaml") or {}
    start = _compile_union(list(data.get("start", [])))
    kw = re.compile(data.get("keywords", r"(?!x)x"), re.I)
    reader = re.compile(data.get("reader", r"\b(you|your)\b"), re.I)
    return start, kw, reader


BOILER_ANY = _compile_union(rulefiles.lines("boilerplate.txt"))
BOILER_EDGE = _compile_union(rulefiles.lines("boilerplate_edge.txt"))
CREDIT = _compile_union(rulefiles.lines("boilerplate_credits.txt"))
TAIL_MARKER = _compile_union(rulefiles.lines("boilerplate_tail.txt"))
APPEAL_START, APPEAL_KW, APPEAL_READER = _load_appeals()

_MAX_RULE_CHARS = 700     # paragraphs longer than this are never boilerplate by line rules


def _full(rx: RuleSet | None, p: str) -> bool:
    return rx is not None and len(p) <= _MAX_RULE_CHARS and rx.fullmatch(p)


def is_boilerplate(p: str) -> bool:
    """Matches a boilerplate.txt rule (removed anywhere)."""
    return _full(BOILER_ANY, p)


def is_edge_boilerplate(p: str) -> bool:
    """Matches a boilerplate.txt or boilerplate_edge.txt rule (removed in header/tail)."""
    return _full(BOILER_ANY, p) or _full(BOILER_EDGE, p)


def is_credit(p: str) -> bool:
    return n_words(p) <= 30 and _full(CREDIT, p)


APPEAL_ONE_KEYWORD_WORDS = 40   # a longer paragraph with one appeal word ("subscription") is text, not an appeal


def is_appeal_like(p: str) -> bool:
    """Donation/subscription appeal paragraph: an appeal keyword, no quotation, and either
    addressed to the reader (you/we/our) within 80 words (over 40 words: two appeal keywords; an interview
    answer "We charge for the hardware and for a subscription ..." is no appeal) or a short heading-like line."""
    if _QUOTE_CHARS.search(p) or not APPEAL_KW.search(p):
        return False
    w = n_words(p)
    return (w <= 80 and APPEAL_READER.search(p) is not None
            and (w <= APPEAL_ONE_KEYWORD_WORDS or len(APPEAL_KW.findall(p)) >= 2)) or (w <= 12 and not _SENT_END.search(p)) or \
        _full(APPEAL_START, p)

