"""Acronyms as mentions of the names they abbreviate: one in parentheses right after a name ("Kurdistan Democratic Party
(KDP)") and one standing alone that spells exactly one multi-word name of the article ("a RIPTA spokesperson"); and
the name written out before an acronym in parentheses when the model missed it ("The Mauritius Meteorological
Services (MMS)", "The State Fire and Rescue Service (VUGD)": a body's name in English before its acronym in its own
language). ``patterns`` calls them after its other passes. The matching of letters to words is ``acronyms.py``'s."""
from __future__ import annotations

import re

from tasks.entities import acronyms
from tasks.entities.keys import fold
from tasks.entities.rules import _org_words, _person_nouns, _places, _title_set, ends_in_org_word
from tasks.entities.spans import _covered, _make_mention, _Mention

_ACRONYM_PAREN = re.compile(r"\s*\(\s*([A-Z][A-Z0-9&]{1,7})\s*\)")
_TITLED_ACRONYM_PAREN = re.compile(r"\s*\(\s*([A-Z][a-z]{2,7})\s*\)")


#: capitalised words joined by spaces, commas and small words, ending right before an acronym in parentheses: "|Ministry
#: of Housing, Communities and Local Government| (MHCLG)", "|Department of the Interior| (DOI)"
_NAME_WORD = r"[A-Z][\w’'&.-]*"
_NAME_BEFORE_ACRONYM = re.compile(rf"(?<![\w’'.&-]){_NAME_WORD}(?:(?:,[^\S\n]+|[^\S\n]+(?:(?:and|of|for|on|in|&)[^\S\n]+(?:the[^\S\n]+)?)?)"
                                  rf"{_NAME_WORD}){{1,8}}(?=[^\S\n]*\(\s*[A-Z][A-Z0-9&]{{1,7}}\s*\))")


def spelt_out_names(mentions: list[_Mention], body: str, units: list[tuple[int, int, bool]]) -> list[_Mention]:
    """The mentions, with the multi-word name written before an acronym in parentheses added as an organisation when
    no mention is that name: the shortest tail of the capitalised words there that the acronym abbreviates, or, when
    none does (an acronym of the body's own language), all of them when the last is an organisation word ("State Fire
    and Rescue Service (VUGD)"; ``rules/org_cues.txt``). Mentions inside the name give way to it (the model's "Fire"
    or "Latvian"); none is added where a mention crosses its edge, a person is named in it, the model's own name
    ends there and the acronym spells neither, or the words are a person's title (``_a_title``)."""
    out = list(mentions)
    for mo in _NAME_BEFORE_ACRONYM.finditer(body):
        after = _ACRONYM_PAREN.match(body, mo.end())     # (there by the lookahead)
        span = _name_span(mo, after.group(1) if after else "")
        if span is None:
            continue
        s, e, spelt = span
        if _a_title(body, s, e):
            continue
        inside = [m for m in out if s <= m.start and m.end <= e]
        if any((m.start, m.end) == (s, e) or m.cls == "per" or (not spelt and m.end == e) for m in inside) \
                or any(m.start < e and m.end > s and not (s <= m.start and m.end <= e) for m in out):
            continue        # (the model's name, a person in it, or its own ending where the acronym spells none)
        headline = any(us <= s < ue and h for us, ue, h in units)
        name = _make_mention(body, s, e, 0, "ORG", headline)
        if name is None:
            continue
        if (name.start, name.end) != (s, e):     # (cut by the edge rules: "… and Local |Government|")
            name = _Mention(s, e, body[s:e], "ORG", "org", headline, folded=fold(body[s:e]))
        name.org_cue = True
        out = [m for m in out if m not in inside] + [name]
    return out


def _a_title(body: str, s: int, e: int) -> bool:
    """Is the name at s:e a person's title rather than a body ("Special Relief |Commissioner| (SRC)", "X, |a| Senior
    Advocate of Nigeria (SAN)"): a title or person word in it, not ending in an organisation word, or "a"/"an" before
    it (a body's name takes "the")?"""
    words = [fold(w) for w in body[s:e].replace(",", " ").split()]
    if words and not ends_in_org_word(body[s:e]) and any((w,) in _title_set() or w in _person_nouns() for w in words):
        return True
    return re.search(r"(?<![\w’'-])(?:a|an|A|An)[^\S\n]+$", body[max(0, s - 4):s]) is not None


def _name_span(mo: re.Match, acronym: str) -> tuple[int, int, bool] | None:
    """(start, end, whether the acronym spells it) of the name in the capitalised words ``mo`` (``spelt_out_names``),
    or None."""
    text = mo.group(0)
    starts = [0] + [w.start() for w in re.finditer(r"(?<=[\s,])[A-Z]", text)]
    if text.startswith(("The ", "A ", "An ")):
        starts = starts[1:]
    for at in reversed(starts):       # the shortest tail first
        tail = text[at:]
        if len(tail.split()) >= 2 and acronyms.abbreviates(acronym, tail):
            return mo.start() + at, mo.end(), True
    if not starts or not ends_in_org_word(text):
        return None
    return mo.start() + starts[0], mo.end(), False


def acronyms_in_parens(mentions: list[_Mention], body: str) -> list[_Mention]:
    """The mentions with an acronym in parentheses right after each multi-word name ("Kurdistan Democratic Party ( KDP
    )", "Zimbabwe Election Support Network (Zesn)") as a mention of the same kind: it takes the name's model label and
    organisation cue, and names the same entity (``expands``: canonical._group puts every mention of the acronym with the
    name). One in title case must be the name's initials, and replaces the mention the model made of it (a person), as
does one in capitals after an organisation's name ending in an organisation word ("Service", "Union")."""
    taken = sorted((m.start, m.end) for m in mentions)
    exact = set(taken)
    out, replaced = [], set()
    for m in mentions:
        if len(m.text.split()) < 2:
            continue
        p = _ACRONYM_PAREN.match(body, m.end)
        titled = _TITLED_ACRONYM_PAREN.match(body, m.end) if p is None else None
        if titled is not None and acronyms.abbreviates(titled.group(1).upper(), m.text):
            p = titled
            replaced.add((p.start(1), p.end(1)))
        elif p is not None and (p.start(1), p.end(1)) in exact and m.cls == "org" \
                and ends_in_org_word(m.text) and not _a_title(body, m.start, m.end):
            replaced.add((p.start(1), p.end(1)))    # the model's own mention of a body's acronym ("State Fire and
            #                                         Rescue Service (VUGD)", VUGD taken for a person)
        elif not p or _covered(taken, p.start(1), p.end(1)):
            continue
        a = _Mention(p.start(1), p.end(1), p.group(1), m.ner_label, m.cls, m.headline, folded=fold(p.group(1)), expands=m.text)
        words = m.text.split()
        a.org_cue = m.org_cue or (fold(words[-1]) in _org_words()[0] and m.folded not in _places())
        out.append(a)
    return [m for m in mentions if (m.start, m.end) not in replaced] + out


_CAPITALS_WORD = re.compile(r"(?<![\w.&-])[A-Z][A-Za-z&]{1,7}(?![\w&-])")


def acronyms_of_names(mentions: list[_Mention], body: str, units: list[tuple[int, int, bool]]) -> list[_Mention]:
    """An acronym the model did not take for a name ("a |RIPTA| spokesperson") that abbreviates exactly one multi-word
    name of the article that is no person's ("the Rhode Island Public Transit Authority": ``acronyms.expansion``) is a
    mention of it, like one in brackets after it."""
    by_text = {m.text: m for m in mentions if len(m.text.split()) >= 2 and m.cls != "per"}
    names = {t: [t] for t in by_text}
    if not names:
        return []
    taken = sorted((m.start, m.end) for m in mentions)
    out = []
    for mo in _CAPITALS_WORD.finditer(body):
        s, e = mo.span()
        if not acronyms.is_acronym(mo.group()) or _covered(taken, s, e):
            continue
        full = acronyms.expansion(mo.group(), names)
        if full is None:
            continue
        m = by_text[full]
        headline = any(us <= s < ue and h for us, ue, h in units)
        a = _Mention(s, e, mo.group(), m.ner_label, m.cls, headline, folded=fold(mo.group()), expands=full)
        a.org_cue = m.org_cue
        out.append(a)
    return out
