"""Recent subjects: the person a description stands for when no title names it ("the 71-year-old", "the winger",
"the Mexican"), read from the sentences before it: the person a sentence opens with, a "he"/"she" opening, an age, the
subject of a last clause, or a "he said" aside. ``roles.role_speaker`` and ``pronouns`` call these; split out of
roles.py unchanged."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from tasks.quotes import epithets
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article

#: "the 71-year-old", "the 29-year-old" (a person named by age)
AGE_NOUN = re.compile(r"the\s+(\d{1,3})-year-old", re.I)


def role_in_paragraph(A: _Article, pos: int) -> dict | None:
    """A role (singular, not "the source") no title in the article names ("the winger") is the person
    whose name opens this sentence or the one before it in the same paragraph ("Gordon, who has been linked with a move, was more blunt.
    “We gave it away,” the winger said."); None across a paragraph break or an anonymous source."""
    si, pi = A.sent_index(pos), A.para_index(pos)
    outside = 0                 # sentences of the text around the quotation (its own sentences do not count)
    for j in range(si, max(-1, si - 6), -1):
        start = A.sents[j]["start_char"]
        if A.para_index(start) != pi or outside == 2:
            break
        if A.in_quote(start) or A.body[start:start + 1] in "\"“‘«":
            continue
        outside += 1
        if A._anonymous_subject(j, None):
            return None
        m = A._person_subject(j, before=pos if j == si else None)
        if m is not None and _opens_with(A, start, m):
            return m            # the name opens the sentence: its subject
    return None


def _opens_with(A: _Article, start: int, m: dict) -> bool:
    """Does the sentence starting at ``start`` open with the person ``m``, perhaps after their title ("Torino captain
    X refused …")?"""
    opener = A.body[start:m["start_char"]]
    return m["start_char"] - start <= 3 or (len(opener.split()) <= 4 and "," not in opener
                                            and A.r.role_re.search(opener.lower()) is not None)


def recent_subject(A: _Article, pos: int, skip: Callable[[dict], bool] | None = None) -> dict | None:
    """A singular role no title names, or an age ("the 71-year-old said"), after the paragraph that
    introduced its person ("Paul Lachance, a retired public servant …, was less forgiving."): the person
    subject of one of the three sentences before (none that ``skip`` refuses: "the defendant" is not the judge);
    None past an anonymous subject ("A second official …")."""
    si, outside = A.sent_index(pos), 0
    for j in range(si - 1, max(-1, si - 9), -1):
        if outside == 3:
            break
        if _wholly_quoted(A, j):
            continue             # a sentence of a quotation ("“Tonight we finished.": no subject of the text)
        outside += 1
        anonymous = A._anonymous_subject(j, None)
        if anonymous:
            return anonymous     # "Her mother, who voted at the same station, said …" then "the 58-year-old said"
        # a sentence opened by He/She is about that person ("She finished with 38 winners to Tanaka-Ruiz's 24."), not
        # about a name later in it
        # (so is one opened by an age: "The 41-year-old, who founded the firm with X, said …" is not about X)
        m = _pronoun_subject(A, j) or age_subject(A, j) or _last_clause_subject(A, j) or A._person_subject(j) \
            or (_speech_pronoun(A, j) if outside == 1 else None)
        if m is not None and not (skip is not None and skip(m)):
            return m
    return None


def _wholly_quoted(A: _Article, j: int) -> bool:
    """Is sentence ``j`` inside one quotation from its first character to its last?"""
    s, e = A.sents[j]["start_char"], A.sents[j]["end_char"]
    return any(qs <= s and e <= qe for qs, qe in A.quote_spans)


#: "He credited the offensive line …", "Instead, she found a trench.": a sentence whose subject is a person pronoun
_PRONOUN_OPENING = re.compile(r"\s*(?:(?:Instead|Then|Later|Now|Still|But|And|So|Yet|Meanwhile|Today|Eventually"
                              r"|Afterwards),?\s+(?P<after>he|she)|(?P<opening>He|She))\b")


def _pronoun_subject(A: _Article, j: int) -> dict | None:
    """The person a sentence opened by "He"/"She" is about (``_Article.resolve_pronoun``)."""
    mo = _PRONOUN_OPENING.match(A.body, A.sents[j]["start_char"], A.sents[j]["end_char"])
    if mo is None:
        return None
    which = "after" if mo.group("after") else "opening"
    return A.resolve_pronoun(mo.start(which), mo.group(which).capitalize())


def _speech_pronoun(A: _Article, j: int) -> dict | None:
    """The person a "he"/"she" speaking in sentence ``j`` stands for ("“Four. Go look it up,” he said." before "The
    31-year-old added: …"; the sentence right before only): the subject of its last speech verb outside quotations,
    when that is such a pronoun."""
    s = A.sents[j]
    for v in reversed(list(A.r.quote_verb_re.finditer(A.body, s["start_char"], s["end_char"]))):
        if A.in_quote(v.start()):
            continue
        c = A.subject_before(v.start(), s["start_char"])
        word = A.body[c.start:c.end] if c is not None and c.kind == "pronoun" else ""
        return A.resolve_pronoun(c.start, word) if c is not None and word.lower() in ("he", "she") else None
    return None


#: a clause after ", but" / "; " whose subject is a person named within a few words ("…, but the Qalandars captain
#: Shaheen Shah Afridi defended his decision")
_LAST_CLAUSE = re.compile(r"(?:,\s+(?:but|and|while|whereas)|;)\s+(?:the\s+)?(?:[\w.’'-]+\s+){0,4}?$")


def _last_clause_subject(A: _Article, si: int) -> dict | None:
    """The person opening the last coordinated clause of sentence ``si``: the one a role after it stands for."""
    s = A.sents[si]
    for m in reversed(A.mentions_in(s["start_char"], s["end_char"])):
        if m["label"] in PERSON_LABELS and not A.in_quote(m["start_char"]) \
                and _LAST_CLAUSE.search(A.body, s["start_char"], m["start_char"]):
            return m
    return None


def age_person(A: _Article, age: str, pos: int) -> dict | None:
    """The person the article gave that age before ``pos`` ("Ang Wei Ming, 45, was sentenced …", "45-year-old Ang"):
    the latest such person mention outside quotations."""
    rx, before = _age_res(age)
    for m in reversed(A.mentions_in(max(0, pos - 6000), pos)):
        if m["label"] in PERSON_LABELS and not A.in_quote(m["start_char"]) and (
                rx.match(A.body, m["end_char"]) or before.search(A.body, max(0, m["start_char"] - 60), m["start_char"])):
            return m
    return None


def noun_person(A: _Article, noun: str, pos: int) -> dict | None:
    """The person the two paragraphs before ``pos`` wrote that noun right before, as their description ("batted down by
    |sophomore| safety Kellen X" then "“…,” the sophomore said"): the latest such person mention outside quotations."""
    rx = _noun_before_re(noun)
    lo = A.paras[max(0, A.para_index(pos) - 2)][0]
    for m in reversed(A.mentions_in(lo, pos)):
        mo = rx.search(A.body, max(0, m["start_char"] - 40), m["start_char"]) \
            if m["label"] in PERSON_LABELS and not A.in_quote(m["start_char"]) else None
        if mo is not None and not (mo.group(1) and epithets.names_person(A.r, mo.group(1))):
            return m        # (not "assistant |coach| X" for "the assistant": the noun modifies another person's noun)
    return None


@lru_cache(maxsize=128)
def _noun_before_re(noun: str) -> re.Pattern:
    """A lower-case noun, maybe a second lower-case word (group 1) that is no function word, right before a name
    ("|sophomore safety |X"; not "a co-worker |of |Xiong's")."""
    return re.compile(r"(?<![\w’'-])" + re.escape(noun) + r"[^\S\n]+(?:(?!(?:of|for|to|at|with|from|in|on|by|and|or|the|an?|his|her"
                      r"|their|its)\b)([a-z][\w-]*)[^\S\n]+)?$")


#: the gap between an age and the name it describes: a space, or a noun ("The 26-year-old |midfielder| Wissa-Mbeki")
_NOUN_GAP = re.compile(r"[^\S\n]+(?:[a-z][\w-]*[^\S\n]+)?")


@lru_cache(maxsize=128)
def _age_res(age: str) -> tuple[re.Pattern, re.Pattern]:
    """(", 45," after a name, "45-year-old" before one) for an age."""
    return (re.compile(r"[^\S\n]*,[^\S\n]*(?:aged[^\S\n]+)?" + age + r"\b"),
            re.compile(r"\b" + age + r"-year-old[^\S\n]+(?:[a-z][\w-]*[^\S\n]+){0,3}$"))


def age_subject(A: _Article, si: int) -> dict | None:
    """A sentence opened by an age ("The 36-year-old, who …, was called for a technical …"): the person that age
    stands for (``_recent_subject``), so a pronoun after it is not given to someone named later in it."""
    s = A.sents[si]
    ma = re.match(r"\s*" + AGE_NOUN.pattern, A.body[s["start_char"]:s["end_char"]], re.I)
    if ma is None:
        return None
    named = next(iter(A.mentions_in(s["start_char"] + ma.end(), s["start_char"] + ma.end() + 40)), None)
    if named is not None and named["label"] in PERSON_LABELS \
            and _NOUN_GAP.fullmatch(A.body, s["start_char"] + ma.end(), named["start_char"]):
        return named         # "The 26-year-old Wissa-Mbeki, who …": the age is the name's
    return age_person(A, ma.group(1), s["start_char"]) or recent_subject(A, s["start_char"] + ma.end())
