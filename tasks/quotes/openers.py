"""The subject opening a clause (``subject_first``: "When Wallace died in 1998, |President Clinton| released …"), and
what it shares with ``subjects``: a person's name that modifies a noun (``noun_modifier``: "the |Obama| administration"),
a possessor (``possessive``) and the person a title before a name belongs to (``_titled_person``). Split out of
subjects.py unchanged; ``subjects`` re-exports these."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.quotes import organisations
from tasks.quotes.appositions import _apposed_name
from tasks.quotes.phrases import (
    _DATELINE,
    _Cand,
    _NOT_DESCRIPTOR,
    _POSSESSIVE_SUBJECT,
    _PREP_BEFORE,
    _TITLE_WORDS,
)
from tasks.entities.rules import _title_set
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


#: a preposition (and up to two capitalised and two lowercase title words) before a person: the object of a phrase ("a
#: spokesperson for Mayor Teresa Valcourt said"), never the subject of the
#: clause ("In an interview with journalist Matei Rosca last year, Lazar said …")
_PERSON_OBJECT_BEFORE = re.compile(r"(?<![\w’'-])(?:with|to|by|for|against|from|about|toward|towards|between|among)\s+"
                                   r"(?:(?:the|a|an|his|her|their|its)\s+)?" + _TITLE_WORDS + r"(?:[a-z][\w-]*\s+){0,2}$")


_ARTICLE_BEFORE = re.compile(r"(?<![\w’'-])(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w-]*\s+){0,2}$")
_AUXILIARIES = frozenset("is was are were has had have will would can could did does do may might must should".split())


def noun_modifier(A: _Article, m: dict, lo: int) -> tuple[int, int] | None:
    """A person's name between an article and a singular noun modifies that noun ("But the oversized Trump face beaming
    from billboards …", "The Obama administration has said"): (start, end) of that noun phrase, the subject instead of
    the name. None before a verb ("the former president Barack Obama said")."""
    nxt = re.match(r"\s+([a-z][\w-]*)", A.body[m["end_char"]:m["end_char"] + 30])
    art = _ARTICLE_BEFORE.search(A.body, max(lo, m["start_char"] - 40), m["start_char"])
    if m["label"] not in PERSON_LABELS or nxt is None or art is None:
        return None
    w = nxt.group(1)
    if w in A.r.verb_forms or w in _AUXILIARIES or w.endswith(("ed", "s")):
        return None
    return art.start(), m["end_char"] + nxt.end()


def possessive(body: str, m: dict, hi: int) -> bool:
    """The mention ``m`` is a possessor ("Trump's spokesman", "Sky Sports' Luke Barraclough")."""
    tail = body[m["end_char"]:hi]
    return re.match(r"[’']s\b", tail) is not None or (m["text"].endswith("s") and re.match(r"[’'][^\S\n]", tail) is not None)


def subject_first(A: _Article, lo: int, hi: int) -> _Cand | None:
    """Leftmost speaker candidate (mention outside quotes or subject pronoun) in body[lo:hi], after a
    fronted subordinate clause ("When Wallace died in 1998, President Clinton released …")."""
    body = A.body
    dateline = _DATELINE.match(body, lo, hi) if lo == A.paras[A.para_index(lo)][0] else None
    if dateline:       # "WASHINGTON, Dec. 8 (UPI) — In response to …, Clinton’s aide rallied supporters, saying:"
        lo = dateline.end()
    fronted = A.fronted(lo, hi)
    if fronted:
        lo = fronted.end()
    ms = [m for m in A.mentions_in(lo, hi) if not A.in_quote(m["start_char"])
          and not possessive(body, m, hi) and not A.aside(m) and not organisations.BASED_AFTER.match(body, m["end_char"])
          and not (m["label"] not in PERSON_LABELS and _PREP_BEFORE.search(body[max(lo, m["start_char"] - 15):m["start_char"]]))
          and not (m["label"] in PERSON_LABELS and _PERSON_OBJECT_BEFORE.search(body[max(lo, m["start_char"] - 40):m["start_char"]]))]
    pm = A.r.pron_re.search(body, lo, hi)
    cands = []
    # a role noun phrase opening the clause ("The spokesman refused …, adding:")
    rm = re.match(r"\s*(?:(?:But|And|So|Then|Later|However|Meanwhile|Earlier|Even|Also),?\s+)?((?:the|a|an)\s+(?:[\w.’'-]+\s+){0,3}?(?:"
                  + A.r.role_re.pattern + r")(?:\s+" + A.r.role_re.pattern + r")*)", body[lo:hi], re.I)   # "general secretary"
    if rm and (re.match(r"[’']s\b", body[lo + rm.end(1):lo + rm.end(1) + 3])
               or any(w.lower() in A.r.verb_forms for w in rm.group(1).split()[1:-1])):
        rm = None       # "The Public Defender's Office said": the role owns what speaks (a mention or noun phrase);
        #                 "The municipality |urged| residents …, saying": a verb inside is no role's noun phrase
    if rm:
        named = _apposed_name(A, lo + rm.end(1), hi)
        cands.append(named if named is not None else _Cand(lo + rm.start(1), lo + rm.end(1), "role"))
        if named is not None:
            # "A Trump spokeswoman, Hope Hicks, said": a name inside the role is its modifier, the apposed name speaks
            ms = [m for m in ms if not lo + rm.start(1) <= m["start_char"] < lo + rm.end(1)]
    if ms:
        m = _titled_person(A, ms)
        cands.append(_Cand.of_mention(m["start_char"], m["end_char"], m))
    if pm and not A.in_quote(pm.start()):
        cands.append(_Cand(pm.start(), pm.end(), "pronoun"))
    # a possessive noun phrase opening the clause ("Ryan’s campaign shrugged off …, telling reporters, “…”")
    mp = _POSSESSIVE_SUBJECT.match(body, lo, hi)
    if mp and not cands and mp.group(1).split()[-1] not in _NOT_DESCRIPTOR and mp.group(1).split()[-1] not in A.r.verb_forms:
        cands.append(_Cand(mp.start(1), mp.end(1), "role" if A.r.role_re.fullmatch(mp.group(1).split()[-1]) else "np"))
    # "Her campaign quickly blasted out an email …, stating": a noun phrase with a possessive determiner opening it
    md = re.match(r"\s*((?:His|Her|Its|Their|Our)\s+[a-z][\w-]*)\s", body[lo:hi])
    if md and not cands and md.group(1).split()[-1] not in _NOT_DESCRIPTOR and md.group(1).split()[-1] not in A.r.verb_forms:
        cands.append(_Cand(lo + md.start(1), lo + md.end(1), "role" if A.r.role_re.fullmatch(md.group(1).split()[-1]) else "np"))
    # "Police would not confirm …, saying": a body named by its bare common noun opening the clause
    mb = _BARE_BODY.match(body, lo, hi)
    if mb and not cands and (mb.group(1).lower() in A.r.collective_nouns or mb.group(1).lower() in A.r.org_roles):
        cands.append(A.candidate(mb.start(1), mb.end(1)) or _Cand(mb.start(1), mb.end(1), "np"))
    # "The municipality urged residents …, saying": a body named by its organisation word opening the clause
    mo = _ORG_WORD_OPENING.match(body, lo, hi)
    if mo and mo.group(2).lower() in A.r.org_roles and all(c.end <= mo.start(1) for c in cands) \
            and (not cands or mo.start(1) > mo.start(0) + len(mo.group(0)) - len(mo.group(0).lstrip())):
        return A.candidate(mo.start(1), mo.end(1)) or _Cand(mo.start(1), mo.end(1), "np")  # (not "|Facebook|" of the
        #                                                                                     fronted phrase)
    return min(cands, key=lambda c: c.start) if cands else None


#: "the" and an organisation word opening a clause before a lower-case word, its verb ("|The municipality| urged"),
#: maybe after a fronted phrase with no comma ("In a Facebook post on Tuesday |the municipality| urged")
_ORG_WORD_OPENING = re.compile(r"\s*(?:(?:In|On|At|During|After|Before|Earlier|Later)\s[^,“”\"\n]{0,60}?\s(?=the\s))?"
                               r"((?:[Tt]he)\s+(?:[a-z][\w-]*\s+){0,2}?([a-z]+))\s+(?=[a-z])")


#: a capitalised common noun opening a clause before a lowercase word ("|Police| would not confirm")
_BARE_BODY = re.compile(r"\s*([A-Z][a-z]+)\s+(?=[a-z])")


def _titled_person(A: _Article, ms: list[dict]) -> dict:
    """The first of ``ms``, or the person it is a title word of ("U.S. Ambassador to NATO Matthew
    Whitaker": the GPE "U.S." opens the title of the person)."""
    first = ms[0]
    for m in ms[1:3]:
        between = A.body[first["end_char"]:m["start_char"]]
        if m["label"] in PERSON_LABELS and len(between) <= 60 and between[:1].isspace() and between[-1:].isspace() \
                and (all(w[0].isupper() or w in A.r.title_modifiers or w in ("to", "of", "for") or A.r.role_re.fullmatch(w)
                         for w in between.split())
                     or (len(between.split()) <= 4 and (A.r.role_re.fullmatch(between.split()[-1].lower())
                                                        or between.split()[-1].lower() in A.r.court_officer_words))
                     or tuple(w.lower() for w in first["text"].split()[-1:] + between.split()) in _title_set()) \
                and (first["label"] not in PERSON_LABELS or any(A.r.role_re.fullmatch(w) for w in between.split())):
            return m      # also "Committee chairman MK Dov Elbaz": a role noun in the title ("Crown counsel Tamsin
            #               Oduro-Villanueva": a court officer's word); "Bernstein analyst
            #               Siobhan O’Hare-Mensah", "Trump adviser Roger Stone": a person's name opens the title;
            #               "Stow City Council member Rafael …": the body's last word and the words after it a title
    return first
