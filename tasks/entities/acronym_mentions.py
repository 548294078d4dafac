"""Acronyms as mentions of the names they abbreviate: one in parentheses right after a name ("Kurdistan Democratic Party
(KDP)") and one standing alone that spells exactly one multi-word name of the article ("a RIPTA spokesperson"). Split
out of patterns.py unchanged; ``patterns`` calls both after its other passes. The matching of letters to words is
``acronyms.py``'s."""
from __future__ import annotations

import re

from tasks.entities import acronyms
from tasks.entities.keys import fold
from tasks.entities.rules import _org_words, _places
from tasks.entities.spans import _covered, _Mention

_ACRONYM_PAREN = re.compile(r"\s*\(\s*([A-Z][A-Z0-9&]{1,7})\s*\)")
_TITLED_ACRONYM_PAREN = re.compile(r"\s*\(\s*([A-Z][a-z]{2,7})\s*\)")


def acronyms_in_parens(mentions: list[_Mention], body: str) -> list[_Mention]:
    """The mentions with an acronym in parentheses right after each multi-word name ("Kurdistan Democratic Party ( KDP
    )", "Zimbabwe Election Support Network (Zesn)") as a mention of the same kind: it takes the name's model label and
    organisation cue, and names the same entity (``expands``: canonical._group puts every mention of the acronym with the
    name). One in title case must be the name's initials, and replaces the mention the model made of it (a person)."""
    taken = sorted((m.start, m.end) for m in mentions)
    out, replaced = [], set()
    for m in mentions:
        if len(m.text.split()) < 2:
            continue
        p = _ACRONYM_PAREN.match(body, m.end)
        titled = _TITLED_ACRONYM_PAREN.match(body, m.end) if p is None else None
        if titled is not None and acronyms.abbreviates(titled.group(1).upper(), m.text):
            p = titled
            replaced.add((p.start(1), p.end(1)))
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
