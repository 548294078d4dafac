"""Companies the model missed: a run of capitalised words ending in a business word ("High Mesa Provisions will close
its bakery", where the small model finds nothing, or only the city "Mesa" inside the name) is one organisation mention,
in place of the model's pieces inside it.

The business words are ``rules/org_cues.txt`` "company:" ("Provisions", "Mining", "Holdings"); the run is one to three
capitalised words before one, in a line that is no headline (title case: "Bakery Closes After 40 Years"), without the
sentence's opening function words ("The", "When": spaCy's English stop words) or a place's "-based", and not ending in a
place of the gazetteer ("West Bank", "Jewish West Bank"). A mention crossing the run's edge keeps the model's reading. Written by hand: no library tells a company's
name from its shape alone; ``patterns.pattern_mentions`` calls ``missed_companies``. A run of capitalised words
opening a sentence that ", the company announced" closes is one too ("Farm equipment maker Prairie Forge Implements
will close its plant …, the company announced Thursday").
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from tasks.entities.keys import fold
from tasks.entities.rules import _company_words, _given_names, _org_role_nouns, _places, _title_set, trie_regex
from tasks.entities.spans import _Mention


@lru_cache(maxsize=1)
def _company_run() -> re.Pattern:
    """One to three capitalised words and a business word after them, as whole words."""
    words = trie_regex({w.title() for w in _company_words()})
    return re.compile(r"(?<![\w’'&.-])((?:[A-Z][\w’'&-]*[^\S\n]+){1,3})(?:" + words + r")(?![\w’'&-])")


def missed_companies(mentions: list[_Mention], body: str, units: list[tuple[int, int, bool]]) -> list[_Mention]:
    """The mentions with each company name the model missed or cut as one organisation mention (module doc)."""
    out = list(mentions)
    for s, e in _company_spans(body):
        if s is None or any(us <= s < ue and h for us, ue, h in units) or _ends_in_place(body[s:e]):
            continue
        inside = [m for m in out if s <= m.start and m.end <= e]
        if any(m.start < e and m.end > s and m not in inside for m in out) or any((m.start, m.end) == (s, e) for m in inside):
            continue
        org = _Mention(s, e, body[s:e], "ORG", "org", False, folded=fold(body[s:e]))
        org.org_cue = True
        out = [m for m in out if m not in inside] + [org]
    return out


def _company_spans(body: str) -> list[tuple[int | None, int]]:
    """(start, end) of each run ending in a business word (``_company_run``; start None for a run of function words
    only), then of each run that opens a sentence ", the company said" closes (``_REPORTED_BY_ROLE``: "Farm equipment
    maker |Prairie Forge Implements| will close its plant …, the company announced Thursday"; no given name, title or
    function word opens it: not "Jane Okafor will succeed him, the company said")."""
    spans = [(_without_opening_words(body, mo.start(), mo.end(1)), mo.end()) for mo in _company_run().finditer(body)]
    reported = [(_without_opening_words(body, mo.start("name"), mo.end("name")), mo.end("name"))
                for mo in _REPORTED_BY_ROLE.finditer(body)
                if fold(mo.group("role")) in _org_role_nouns() and _no_person_opens(mo.group("name"))]
    return spans + [(s, e) for s, e in reported if s is not None and " " in body[s:e]]   # ("|Cleveland-based| X Holdings")


def _no_person_opens(name: str) -> bool:
    """Does no given name, title or function word open the run ("Jane Okafor", "Mr Okafor", "The")?"""
    first = name.split()[0]
    return first not in _given_names() and first.lower() not in STOP_WORDS and (first.lower().rstrip("."),) not in _title_set()


#: a sentence opened by a name of two to four capitalised words (after a trade's lower-case words: "Farm equipment
#: maker") and a lower-case word, closed by ", the <role> said|announced" (org_cues.txt "role:")
_REPORTED_BY_ROLE = re.compile(
    r"(?m)(?:^|(?<=[.!?][^\S\n])|(?<=[—–][^\S\n]))(?:[A-Z][a-z]+(?:[^\S\n]+[a-z]+){1,3}[^\S\n]+)?"
    r"(?P<name>[A-Z][\w’'&-]*(?:[^\S\n]+[A-Z][\w’'&-]*){1,3})[^\S\n]+[a-z][^.!?\n]*?,[^\S\n]+the[^\S\n]+"
    r"(?P<role>[a-z]+)[^\S\n]+(?:said|says|announced|confirmed|stated)\b")


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
