"""Whether an all-capitals word abbreviates a multi-word name of the same article: "NFTA" after "the Niagara
Frontier Transportation Authority", "BGMEA" for "Bangladesh Garment Manufacturers and Exporters Association",
"HPD" for "Department of Housing Preservation and Development", "MoDOT" for "Missouri Department of Transportation",
"OOIDA" for "Owner-Operator Independent Drivers Association".

News writing spells a body out once and uses its acronym after, most often without the "(NFTA)" that
``acronym_mentions.acronyms_in_parens`` reads. Abbreviation finders in libraries (scispaCy's AbbreviationDetector, the
Schwartz-Hearst algorithm) need that parenthesised definition, so the initials are matched here by hand.

The acronym's capital letters must be the initials of the name's words in order: every capitalised word gives its
initial (a hyphenated word one per part; a word in capitals may give all its letters, "NZ" of "Fire and Emergency
NZ"; a word may give its first two letters, "CO" of "Lahore Electric Supply Company"; a company's legal form at the
end may give its letter or not, "OLG" for "Ontario Lottery and Gaming Corp."); small words ("of", "and", "the", "for",
"de" …: ``rules/org_cues.txt``) may give theirs or not; one leading word may be left out with the small words after it
("Department of" before "Housing Preservation and Development", "U.S." before "Customs and Border Protection").
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks.entities.keys import fold
from tasks.entities.rules import _legal_suffixes, _name_small_words

_PART = re.compile(r"[^\s\-–/]+")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z&]{1,7}$")


def is_acronym(text: str) -> bool:
    """A word of three to eight letters whose capitals are at least two and all but one of its letters ("NFTA",
    "MoDOT", "DfE", "AT&T"), or a place's short form before three capitals ("MaineDOT", "PennDOT", "DelDOT": the
    state's transportation department), not a word in title case ("Nfta") or a dotted abbreviation; two letters are
    too many things at once to link by initials ("MP", "PM", "TV": a title or a word, not "Malaita Province")."""
    letters = text.replace("&", "")
    if not _ACRONYM.match(text) or len(letters) < 3:
        return False
    caps = sum(c.isupper() for c in text)
    return (caps >= 2 and caps >= len(letters) - 1) or _PLACE_PREFIXED.match(text) is not None


#: a place's short form and an acronym in one word ("Maine|DOT", "Penn|DOT")
_PLACE_PREFIXED = re.compile(r"^[A-Z][a-z]{1,4}[A-Z]{3,}$")


def _parts(name: str) -> tuple[tuple[str, bool], ...]:
    """The name's words as (word, small) pairs, hyphenated words split into their parts."""
    out = []
    for w in _PART.findall(name):
        w = w.strip(".,'’()")
        if not w:
            continue
        small = fold(w) in _name_small_words()
        if not small and not w[0].isupper() and not w[0].isdigit():
            return ()               # a lower-case content word: a phrase, not a name ("the city of Buffalo")
        out.append((w, small))
    return tuple(out)


def _gives(word: str, small: bool) -> set[str]:
    """The letter runs one word may give to an acronym."""
    plain = word.replace(".", "")
    runs = {plain[:1].upper(), plain[:2].upper()}
    if plain.isupper():
        runs.add(plain)
    if small:
        runs.add("")
    return runs


@lru_cache(maxsize=4096)
def abbreviates(acronym: str, name: str) -> bool:
    """Whether ``acronym`` stands for the multi-word ``name`` (module docstring)."""
    letters = "".join(c for c in acronym if c.isupper() or c == "&").replace("&", "")
    parts = tuple(p for p in _parts(name) if p[0] != "&")
    if len(parts) > 2 and fold(parts[-1][0]) in _legal_suffixes():
        parts = parts[:-1] + ((parts[-1][0], True),)      # a legal form may give its letter or not ("OLG" … "Corp.")
    if len(letters) < 2 or len([p for p in parts if not p[1]]) < 2 or any(w == acronym for w, _ in parts):
        return False    # (a phrase with the acronym in it is no name it abbreviates: "That’s for the IHRB")
    starts = [0]
    if len(parts) > 2 and not parts[0][1]:      # one leading word left out, with the small words after it
        i = 1
        while i < len(parts) and parts[i][1]:
            i += 1
        starts.append(i)
    return any(_matches(letters, parts[s:]) for s in starts)


def _matches(letters: str, parts: tuple[tuple[str, bool], ...]) -> bool:
    """Every word of ``parts`` gives a run, and the runs spell ``letters`` (a small search over the few ways)."""
    if not parts:
        return not letters
    if sum(not small for _, small in parts) > len(letters):
        return False
    word, small = parts[0]
    return any(letters.startswith(run) and _matches(letters[len(run):], parts[1:]) for run in _gives(word, small))


def spells(acronym: str, name: str) -> bool:
    """Whether ``name``, written right before "(acronym)", is the whole name the acronym stands for: its initials
    (``abbreviates``), or, for an acronym of another language ("Federal Security Service (FSB)"), a name that
    starts with the acronym's first letter and has a word for each of its letters (not one the model cut short:
    "Suppliers Association of Nigeria (FEPSAN)", "Commonwealth Utilities (CUC)")."""
    if abbreviates(acronym, name):
        return True
    parts = _parts(name)
    content = [w for w, small in parts if not small]
    return bool(content) and content[0][0] == acronym[0] and len(content) >= len(acronym)


def expansion(acronym: str, names: dict[str, list[str]]) -> str | None:
    """The one key of ``names`` (group key -> the texts of its mentions) with a text the acronym abbreviates,
    or None when none or several do."""
    if not is_acronym(acronym):
        return None
    hits = [k for k, texts in names.items() if any(abbreviates(acronym, t) for t in set(texts))]
    return hits[0] if len(hits) == 1 else None
