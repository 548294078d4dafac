"""Relatives as speakers: the person a possessed relative ("His wife said", "her husband") stands for, when the
article named them: in apposition to a relative of the same kind before ("… and his younger sister, Rina X, …",
"Hine X and her husband Rewi X"), for a spouse the one named before "and his wife", else someone of the family of the
person the possessive stands for (the latest person before whom the pronoun fits): the other of a couple named
together ("Martin and |Siobhán Loftus|" then "Her husband said": Martin Loftus), the one whose spouse she was named
as ("Fernando X … |His wife, Leticia Y|, said" then "her husband": Fernando X), or the one other person of that
surname named before ("His son, |Marcus Baptiste|" then "His father": Antoine Baptiste). ``roles.role_speaker`` and
``anonymous`` call ``relative_named_before``. Written by hand: no library reads family relations out of news prose."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.entities.keys import fold
from tasks.entities.rules import given_name_gender
from tasks.quotes import epithets
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


#: a possessed relative as a whole phrase ("His wife", "Her son"): the possessive and the relative
_POSSESSED_RELATIVE = re.compile(r"([Hh]is|[Hh]er|[Tt]heir)[^\S\n]+([a-z]+)")


def relative_named_before(A: _Article, np: str, pos: int) -> dict | None:
    """The person an earlier sentence named in apposition to the same possessed relative (``_apposed_before``), or
    for a spouse the one named before "and his wife" (``_spouse_before``), or one of the family of the person the
    possessive stands for (``_family_member``); None when none is."""
    mt = _POSSESSED_RELATIVE.fullmatch(np)
    if mt is None or not epithets.names_person(A.r, mt.group(2)):
        return None
    possessive, relative = mt.group(1).lower(), mt.group(2)
    other = A.r.spouse_words.get(relative)
    return _apposed_before(A, possessive, relative, pos) or (_spouse_before(A, other, pos) if other else None) \
        or _family_member(A, possessive, relative, pos)


def _apposed_before(A: _Article, possessive: str, relative: str, pos: int) -> dict | None:
    """The person named right after the same possessive and relative, perhaps with up to two words between and with or
    without a comma ("and |his younger sister, Rina X|", "|her husband Rewi X|"), or after "a" for a family word ("two
    sons, Daniel and Peter; |a daughter, Susan X|"): the latest within ``_APPOSED_REACH`` characters, outside quotes."""
    owners = possessive + (r"|a|an" if relative in A.r.kin_words else "")
    pattern = re.compile(r"(?<![\w’'-])(?:" + owners + r")[^\S\n]+(?:[a-z-]+[^\S\n]+){0,2}?" + re.escape(relative)
                         + r",?[^\S\n]+", re.I)
    found = None
    for mo in pattern.finditer(A.body, max(0, pos - _APPOSED_REACH), pos):
        m = _mention_at(A, mo.end())
        if m is not None and m["label"] in PERSON_LABELS and not A.in_quote(mo.start()):
            found = m
    return found


def _spouse_before(A: _Article, other: str, pos: int) -> dict | None:
    """The person named right before "and his wife" ("|Marvin X|, 67, and his wife, Delia,"), for "her husband" (the
    spouse word ``other`` of the relative): the latest within ``_RELATIVE_REACH`` characters, outside quotes."""
    found = None
    lo = max(0, pos - _RELATIVE_REACH)
    for mo in re.finditer(r"(?:,[^,\n]{1,20},)?[^\S\n]+and[^\S\n]+(?:his|her|their)[^\S\n]+" + re.escape(other) + r"\b"
                          r"|[’']s[^\S\n]+" + re.escape(other) + r"\b", A.body[lo:pos]):
        at = lo + mo.start()    # (also the possessor of "Marguerite X, |Dale|'s wife, said": her husband is Dale)
        m = next((m for m in A.mentions_in(max(0, at - 60), at) if m["end_char"] == at), None)
        if m is not None and m["label"] in PERSON_LABELS and not A.in_quote(at):
            found = m
    return found


#: how far back a possessed relative's name is looked for
_RELATIVE_REACH = 1500
#: how far back the relative named in apposition is looked for (one named early in a long story: "Robert Kessler and
#: his son, Daniel Kessler," in the lede, "his son wrote" near the end; an obituary's "said her son, Daniel X," then "her
#: son said" in its last paragraph)
_APPOSED_REACH = 8000


def _mention_at(A: _Article, pos: int) -> dict | None:
    """The mention that starts at ``pos``, if any."""
    return next((m for m in A.mentions_in(pos, pos + 60) if m["start_char"] == pos), None)


def _family_member(A: _Article, possessive: str, relative: str, pos: int) -> dict | None:
    """For a family word of quote_patterns.txt [kin_words] ("her husband", "his father"), the other one of a couple
    named together with the possessor (``_couple_partner``), else for a spouse the one whose spouse the possessor was
    named as (``_spouse_of_apposed``), else the one other person of the possessor's surname named before, of the
    relative's gender (``_namesake_before``). The possessor is the latest person named before,
    outside quotes, whose gender does not contradict the possessive ("her": not a man)."""
    owner_gender = {"his": "m", "her": "f"}.get(possessive)
    if owner_gender is None or relative not in A.r.kin_words:
        return None
    lo = max(0, pos - _RELATIVE_REACH)
    persons = [m for m in A.mentions_in(lo, pos) if m["label"] in PERSON_LABELS and not A.in_quote(m["start_char"])]
    owner = next((m for m in reversed(persons) if A.mention_gender(m) in (None, owner_gender)), None)
    name = ((owner or {}).get("entity_name") or (owner or {}).get("text") or "").split()
    if owner is None or not name:
        return None
    gender = A.words_gender([relative])
    other = A.r.spouse_words.get(relative)
    return _couple_partner(A, name[0] if len(name) > 1 else None, name[-1], gender, lo, pos) \
        or (_spouse_of_apposed(A, owner, other, gender, lo, pos) if other else None) \
        or _namesake_before(A, persons, owner, name[-1], gender)


def _spouse_of_apposed(A: _Article, owner: dict, other: str, gender: str | None, lo: int, pos: int) -> dict | None:
    """The person a possessive stood for when the possessor was named as their spouse ("Fernando X, 41, builds solar
    farms. … |His wife, Leticia Y|, said …" then "her husband said": Fernando X): the latest person before that
    phrase, outside quotes, of the relative's gender, other than the possessor."""
    pattern = re.compile(r"(?<![\w’'-])(?:his|her)[^\S\n]+" + re.escape(other) + r",?[^\S\n]+", re.I)
    found = None
    for mo in pattern.finditer(A.body, lo, pos):
        at = _mention_at(A, mo.end())
        if A.in_quote(mo.start()) or at is None or at.get("entity_id") != owner.get("entity_id"):
            continue
        before = [m for m in A.mentions_in(max(0, mo.start() - _RELATIVE_REACH), mo.start())
                  if m["label"] in PERSON_LABELS and not A.in_quote(m["start_char"])
                  and m.get("entity_id") != owner.get("entity_id") and A.mention_gender(m) in (None, gender)]
        found = before[-1] if before else found
    return found


def _couple_partner(A: _Article, given: str | None, surname: str, gender: str | None, lo: int,
                    pos: int) -> dict | None:
    """The partner in a couple named together with the possessor's surname ("|Martin| and Siobhán Loftus", "Hubert
    and Lucinda X's home"): the other given name than the possessor's, or, when the possessor's given name is not
    known ("Mrs X"), the one of the two whose usual gender is ``gender`` (the other's is not); as that given name with
    the surname. Both must be given names by the name lists or the model: not "Biden and Jill Biden". The latest such
    couple, outside quotes."""
    pattern = re.compile(r"(?<![\w’'.-])([A-Z][\w’'-]*[a-z])[^\S\n]+(?:and|&)[^\S\n]+([A-Z][\w’'-]*[a-z])[^\S\n]+"
                         + re.escape(surname) + r"(?![\w-])")
    found = None
    for mo in pattern.finditer(A.body, lo, pos):
        usual = [given_name_gender(mo.group(k)) for k in (1, 2)]
        known = [usual[0] is not None or _model_person(A, mo.start(1), mo.end(1)) is not None,
                 usual[1] is not None or _model_person(A, mo.start(2), mo.end()) is not None]
        if A.in_quote(mo.start()) or not all(known):
            continue
        if given is not None:
            k = 1 if mo.group(2) == given else 2 if mo.group(1) == given else 0
        else:
            k = next((k for k in (1, 2) if gender and usual[k - 1] == gender and usual[2 - k] != gender), 0)
        if k and not (gender and usual[k - 1] and usual[k - 1] != gender):
            m = _model_person(A, mo.start(k), mo.end() if k == 2 else mo.end(1))
            full = f"{mo.group(k)} {surname}"
            found = {**m, "entity_name": full} if m is not None else \
                {"start_char": mo.start(k), "end_char": mo.end(k), "text": mo.group(k), "label": "PERSON",
                 "entity_id": None, "entity_name": full}
    return found


def _model_person(A: _Article, start: int, end: int) -> dict | None:
    """The model's person mention from ``start`` to no further than ``end``, if any."""
    return next((m for m in A.mentions_in(start, end)
                 if m["start_char"] == start and m["end_char"] <= end and m["label"] in PERSON_LABELS), None)


def _namesake_before(A: _Article, persons: list[dict], owner: dict, surname: str, gender: str | None) -> dict | None:
    """The latest mention of the one person other than ``owner`` named in full before with the same surname and a
    gender that does not contradict ``gender`` ("His son, Marcus Baptiste" after "Antoine Baptiste, 58, …": for "His
    father", Antoine Baptiste); None when there is no such person or more than one."""
    latest: dict[str, dict] = {}
    for m in persons:
        full = (m.get("entity_name") or m["text"]).split()
        if m.get("entity_id") and m["entity_id"] != owner.get("entity_id") and len(full) >= 2 \
                and fold(full[-1]) == fold(surname) and A.mention_gender(m) in (None, gender):
            latest[m["entity_id"]] = m
    return next(iter(latest.values())) if len(latest) == 1 else None
