"""Companies the model missed: a run of capitalised words ending in a business word ("High Mesa Provisions will close
its bakery", where the small model finds nothing, or only the city "Mesa" inside the name) is one organisation mention,
in place of the model's pieces inside it.

The business words are ``rules/org_cues.txt`` "company:" ("Provisions", "Mining", "Holdings"); the run is one to three
capitalised words before one, in a line that is no headline (title case: "Bakery Closes After 40 Years"), without the
sentence's opening function words ("The", "When": spaCy's English stop words) or a place's "-based", and not ending in a
place of the gazetteer ("West Bank", "Jewish West Bank"). A mention crossing the run's edge keeps the model's reading. Written by hand: no library tells a company's
name from its shape alone; ``patterns.pattern_mentions`` calls ``missed_companies``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from tasks.entities.keys import fold
from tasks.entities.rules import _company_words, _places, trie_regex
from tasks.entities.spans import _Mention


@lru_cache(maxsize=1)
def _company_run() -> re.Pattern:
    """One to three capitalised words and a business word after them, as whole words."""
    words = trie_regex({w.title() for w in _company_words()})
    return re.compile(r"(?<![\w’'&.-])((?:[A-Z][\w’'&-]*[^\S\n]+){1,3})(?:" + words + r")(?![\w’'&-])")


def missed_companies(mentions: list[_Mention], body: str, units: list[tuple[int, int, bool]]) -> list[_Mention]:
    """The mentions with each company name the model missed or cut as one organisation mention (module doc)."""
    out = list(mentions)
    for mo in _company_run().finditer(body):
        s, e = _without_opening_words(body, mo.start(), mo.end(1)), mo.end()
        if s is None or any(us <= s < ue and h for us, ue, h in units) or _ends_in_place(body[s:e]):
            continue
        inside = [m for m in out if s <= m.start and m.end <= e]
        if any(m.start < e and m.end > s and m not in inside for m in out) or any((m.start, m.end) == (s, e) for m in inside):
            continue
        org = _Mention(s, e, body[s:e], "ORG", "org", False, folded=fold(body[s:e]))
        org.org_cue = True
        out = [m for m in out if m not in inside] + [org]
    return out


def _without_opening_words(body: str, s: int, words_end: int) -> int | None:
    """Where the name starts once function words and a place's "-based" that open the run are left out ("|The| High
    Mesa …", "|Minneapolis-based| First Bank"); None when no capitalised word of a name is left before the business
    word."""
    for w in re.finditer(r"\S+", body[s:words_end]):
        if w.group().lower() not in STOP_WORDS and not w.group().endswith("-based"):
            return s + w.start()
    return None


def _ends_in_place(text: str) -> bool:
    """Do the run's last words name a place of the gazetteer ("Jewish |West Bank|", "West Bank")?"""
    words = text.split()
    return any(fold(" ".join(words[i:])) in _places() for i in range(len(words) - 1))
