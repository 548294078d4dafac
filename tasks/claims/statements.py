"""Which sentences are claims: statements, not headings, questions, captions, bylines or teasers.

``claim_kind(text, alone_in_paragraph)`` returns ``"statement"`` or what else the sentence is:

- ``question``: it ends with a question mark (outside a quotation);
- ``caption`` / ``byline`` / ``teaser``: a pattern of ``rules/not_statements.txt`` matches (photo credits,
  "By Jane Doe", "Read more:", newsletter and cookie lines ...);
- ``heading``: a paragraph of its own without final punctuation ("Outlook: Real compromise or fragile
  optics?" is a question, "Peace talks stall" a heading), or any text of fewer than four words;
  a long sentence ending in a colon (it introduces a quotation) is a statement; a short paragraph
  in title case ("The Energy War Continues.") is a heading even with a full stop.

Rule-based on purpose: it runs on every sentence in the extraction workers, without a parser.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from tasks import rulefiles
from tasks.claims.features import stopwords

RULES_FILE = Path(__file__).resolve().parent / "rules" / "not_statements.txt"
MIN_WORDS = 4
TITLE_MAX_WORDS = 10
TITLE_MAX_WORDS_INLINE = 6
COLON_MIN_WORDS = 8      # "Putin said that Moscow will present a memorandum to Kiev:" introduces a quote
FINAL_RE = re.compile(r"[.!…]['\"’”»)\]]*$|[.!?]['\"’”»]\s*\(?[^()]{0,40}\)?\.?$")
QUESTION_RE = re.compile(r"\?['\"’”»)\]]*$")
WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")


@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, re.Pattern]]:
    found = rulefiles.sections(RULES_FILE)
    if found[""]:
        raise ValueError(f"{RULES_FILE}: pattern {found[''][0]!r} before any [section]")
    return [(kind, re.compile(line, re.IGNORECASE)) for kind, rules in found.items() if kind for line in rules]


def _anchored(pattern: re.Pattern) -> bool:
    """True when every match of ``pattern`` starts at the beginning of the text (it opens with ``^`` outside
    any alternative, no MULTILINE): its ``match`` finds what ``search`` finds, without trying every position."""
    from re import _parser  # type: ignore[attr-defined]  # private, not in typeshed
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    return (not pattern.flags & re.MULTILINE and len(parsed) > 0
            and parsed[0] == (_parser.AT, _parser.AT_BEGINNING))


@lru_cache(maxsize=1)
def _testers() -> list[tuple[str, Callable[[str], re.Match | None]]]:
    """(kind, pattern.match or pattern.search) per pattern, in file order (see _anchored)."""
    return [(kind, p.match if _anchored(p) else p.search) for kind, p in patterns()]


def claim_kind(text: str, alone_in_paragraph: bool = False) -> str:
    """"statement" when the sentence can be a claim, else heading / question / caption / byline / teaser."""
    t = text.strip()
    for kind, test in _testers():
        if test(t):
            return kind
    if QUESTION_RE.search(t):
        return "question"
    n_words = len(t.split())
    if n_words < MIN_WORDS:
        return "heading"
    if alone_in_paragraph and not FINAL_RE.search(t) and not (t.endswith(":") and n_words >= COLON_MIN_WORDS):
        return "heading"
    if _title_case(t, TITLE_MAX_WORDS if alone_in_paragraph else TITLE_MAX_WORDS_INLINE):
        return "heading"
    return "statement"


def _title_case(text: str, max_words: int) -> bool:
    """A short line whose every longer word is capitalised ("The Energy War Continues."): a crosshead,
    even when the page put a full stop after it, or when the page lost its line breaks and glued it
    into a paragraph (then only up to TITLE_MAX_WORDS_INLINE words)."""
    words = WORD_RE.findall(text)
    if len(words) > max_words:
        return False
    stop = stopwords()
    content = [w for w in words if len(w) > 2 and w.lower() not in stop]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


def claim_kinds(sentences: list[dict]) -> list[str]:
    """claim_kind of each sentence row of one article (rows with paragraph_no and text)."""
    per_paragraph: dict[int, int] = {}
    for s in sentences:
        per_paragraph[s["paragraph_no"]] = per_paragraph.get(s["paragraph_no"], 0) + 1
    return [claim_kind(s["text"], per_paragraph[s["paragraph_no"]] == 1) for s in sentences]
