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


@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, re.Pattern]]:
    found = rulefiles.sections(RULES_FILE)
    if found[""]:
        raise ValueError(f"{RULES_FILE}: pattern {found[''][0]!r} before any [section]")
    return [(kind, re.compile(line, re.IGNORECASE)) for kind, rules in found.items() if kind for line in rules]


def claim_kind(text: str, alone_in_paragraph: bool = False) -> str:
    """"statement" when the sentence can be a claim, else heading / question / caption / byline / teaser."""
    t = text.strip()
    for kind, pattern in patterns():
        if pattern.search(t):
            return kind
    if QUESTION_RE.search(t):
        return "question"
    if len(t.split()) < MIN_WORDS:
        return "heading"
    if alone_in_paragraph and not FINAL_RE.search(t) and not (t.endswith(":") and len(t.split()) >= COLON_MIN_WORDS):
        return "heading"
    if _title_case(t, TITLE_MAX_WORDS if alone_in_paragraph else TITLE_MAX_WORDS_INLINE):
        return "heading"
    return "statement"


def _title_case(text: str, max_words: int) -> bool:
    """A short line whose every longer word is capitalised ("The Energy War Continues."): a crosshead,
    even when the page put a full stop after it, or when the page lost its line breaks and glued it
    into a paragraph (then only up to TITLE_MAX_WORDS_INLINE words)."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    content = [w for w in words if len(w) > 2 and w.lower() not in stopwords()]
    return len(words) <= max_words and len(content) >= 2 and all(w[0].isupper() for w in content)


def claim_kinds(sentences: list[dict]) -> list[str]:
    """claim_kind of each sentence row of one article (rows with paragraph_no and text)."""
    per_paragraph: dict[int, int] = {}
    for s in sentences:
        per_paragraph[s["paragraph_no"]] = per_paragraph.get(s["paragraph_no"], 0) + 1
    return [claim_kind(s["text"], per_paragraph[s["paragraph_no"]] == 1) for s in sentences]
