"""Organisations that speak without a spokesperson's name: ``org_subject`` (the organisation opening the nearest
sentence before a position: "Boeing said in a statement …" then "“…,” a spokeswoman said") and ``speaking_name`` (a
name the model missed or cut that opens a sentence before its verb: "National Grid Electricity Distribution says").
Split out of speakers.py unchanged; ``_Article.org_subject`` calls ``org_subject``."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.quotes import organisations
from tasks.quotes.phrases import NAME_RUN, unlinked_mention
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article

#: a capitalised name opening a sentence (after "The"), maybe an apposition naming what it is (", the main growers’ trade
#: group,"), then the space before its verb ("has told", "say")
_NAME_BEFORE_VERB = re.compile(r"[^\S\n]*(?:(?:The|An?)[^\S\n]+)?(?!(?:THE|AN?)[^\S\n])(" + NAME_RUN + r")(?:,[^\S\n]+(?:the|an?)[^\S\n]+(?:[\w’'-]+[^\S\n]+){0,3}?"
                               r"(?P<role>[a-z]+),|,[^\S\n]+which[^\S\n]+[a-z]+[^,\n“”\"]{1,80},)?"      # ("|Homes for Scotland|,
                               r"[^\S\n]+(?:(?:has|have)[^\S\n]+)?")                         # which represents …, said")
#: a preposition before a name that makes it an object ("The company, a subsidiary |of |Denver-based Ironhorse"), not
#: the agent of a passive ("operated |by |Swindon-based haulier Kestrel")
_OBJECT_OF = re.compile(r"(?<![\w-])(?:of|to|with|from|for|against|on|in|at|into|over)[^\S\n]+$")
#: the reporting outlet asking ("|NPR| reached Keystone by phone", "CNN has contacted the company"): not who speaks
_REPORTER_ASKS = re.compile(r"[^\S\n]+(?:has[^\S\n]+|have[^\S\n]+)?(?:reached|contacted|asked|emailed|called|approached)\b")


def org_subject(A: _Article, pos: int) -> dict | None:
    """The organisation (ORG mention) that opens the nearest sentence before ``pos`` (this one or the
    three before) whose first speaker-like mention outside quotes is an organisation ("Boeing said in a
    statement …"); None when a person opens each of them."""
    si = A.sent_index(pos)
    for j in range(si, max(-1, si - 4), -1):
        s = A.sents[j]
        fronted = A.fronted(s["start_char"], min(s["end_char"], pos))
        start = fronted.end() if fronted else s["start_char"]   # "In a statement to the Singapore Exchange, the airline said"
        first = next((m for m in A.mentions_in(start, min(s["end_char"], pos))
                      if not A.in_quote(m["start_char"]) and not A.aside(m)
                      and not _REPORTER_ASKS.match(A.body, m["end_char"])), None)
        first = _described(A, first, min(s["end_char"], pos)) \
            if first is not None and not _OBJECT_OF.search(A.body, start, first["start_char"]) else first
        org = first is not None and first["label"] == "ORG" and not organisations.as_modifier(A, first)
        #         (nor "The |Willmar| site": a place modifying the subject, nor "|NSE|-listed": a compound's first part)
        if org and first is not None and first["start_char"] - start <= 5:
            return first     # (not "The SGX Catalist-listed company": a modifier of the subject)
        trailing = _trailing_speaker(A, start, min(s["end_char"], pos))
        if trailing is not None:
            return trailing  # "Typhoon Rosal made landfall at 1:50 p.m., |PAGASA| said."
        named = speaking_name(A, start, min(s["end_char"], pos)) or _role_opening(A, start, min(s["end_char"], pos))
        if named is not None:
            return named     # "National Grid Electricity Distribution says …": a name the model missed or cut;
            #                  "The council said …": the council named before
        if org and first is not None and _opens_with_org_word(A, start, first["start_char"]):
            continue         # "The company notified workers and filed a notice with the |Department of Labor|": the
            #                  company is the subject, the one a sentence before names
        if org and first is not None and _FILED_AT.search(A.body, start, first["start_char"]):
            nxt = _subject_after(A, first, min(s["end_char"], pos))
            if nxt is not None:
                return nxt   # "Accounts filed at Companies House show |Blackwater Cartons| made a loss": not where
            continue         # they were filed
        if org:
            return first
    return None


def _trailing_speaker(A: _Article, start: int, end: int) -> dict | None:
    """The organisation a sentence's reported words end with as their speaker (", PAGASA said.", ", the Met Office said
    on Friday."): an ORG mention after a comma, right before a speech verb and a short tail; None otherwise."""
    for m in reversed(A.mentions_in(start, end)):
        if m["label"] != "ORG" or A.in_quote(m["start_char"]):
            continue
        verb = A.r.quote_verb_re.match(A.body, m["end_char"] + 1, end) if A.body[m["end_char"]:m["end_char"] + 1] == " " else None
        before = A.body[max(start, m["start_char"] - 6):m["start_char"]]
        if verb is not None and _COMMA_THE.search(before) and _SHORT_TAIL.fullmatch(A.body, verb.end(), end):
            return m
        return None
    return None


#: a comma, maybe "the", right before a trailing speaker's name
_COMMA_THE = re.compile(r",[^\S\n]+(?:the[^\S\n]+)?$")
#: what may follow a trailing speaker's verb to the end of the sentence ("said| on Friday.", "said| in a statement.")
_SHORT_TAIL = re.compile(r"[^,;:“”\"\n]{0,50}")


def _subject_after(A: _Article, first: dict, end: int) -> dict | None:
    """The organisation named next after ``first`` (the registry papers were filed at) before ``end``, outside quotes,
    when it is no such registry either; None otherwise."""
    nxt = next((m for m in A.mentions_in(first["end_char"], end) if not A.in_quote(m["start_char"])), None)
    if nxt is None or nxt["label"] != "ORG" or _FILED_AT.search(A.body, first["end_char"], nxt["start_char"]) \
            or A.body[first["end_char"]:nxt["start_char"]].strip() in ("and", "&", ","):
        return None     # (nor the rest of the registry's name: "Department of Labor |and| Workforce Development")
    return nxt


#: where papers were filed, right before a name: the name is a registry, not the sentence's subject ("Accounts |filed
#: at |Companies House show …", "documents |lodged with |the Companies Registration Office")
_FILED_AT = re.compile(r"\b(?:filed|lodged|registered|submitted|deposited)(?:[^\S\n]+(?:on[^\S\n]+)?[A-Z][a-z]+day)?"
                       r"[^\S\n]+(?:at|with|to)[^\S\n]+(?:the[^\S\n]+)?$")     # ("a notice |filed Tuesday with the| …")


#: an owner's common noun before a name ("Landlords|' association |Haus & Grund Berlin", "Google|'s parent company |Alphabet")
_OWNERS_NOUN = re.compile(r"(?:['’]s?)[^\S\n]+(?:[a-z][\w-]*[^\S\n]+){1,3}")


#: a place's "-based" and the common nouns after it, if any, before a name ("Wexford|-based dairy and meat processor
#: |Slaney …", "Birmingham|-based |Ironridge Structural Holdings")
_BASED_NOUNS = re.compile(r"-based(?:[^\S\n]+[a-z][\w-]*){0,5}[^\S\n]+")


def _described(A: _Article, first: dict | None, end: int) -> dict | None:
    """The organisation a sentence opens with: the one named after "X's <noun>" when ``first`` is such an owner, or
    after "<Place>-based <nouns>", and an organisation follows ("Landlords' association Haus & Grund Berlin rejected",
    "Wexford-based dairy and meat processor Slaney Valley Foods has cut"), else ``first``."""
    if first is None or first["label"] not in ("ORG", "GPE"):
        return first
    mo = (_OWNERS_NOUN if first["label"] == "ORG" else _BASED_NOUNS).match(A.body, first["end_char"], end)
    nxt = next((m for m in A.mentions_in(mo.end(), end) if m["start_char"] == mo.end()), None) if mo else None
    return nxt if nxt is not None and nxt["label"] == "ORG" else first


def speaking_name(A: _Article, start: int, end: int) -> dict | None:
    """A capitalised name opening body[start:end] right before a speech verb ("|Devon and Cornwall Police| say",
    "|Transport for Wales| has told"), or before any verb when it holds an acronym or ends in an organisation word,
    that is no person, no place alone and no surname of a person named before: the organisation speaking, as a
    mention without an entity (or the organisation mention it is)."""
    mo = _NAME_BEFORE_VERB.match(A.body, start, end)
    if mo is None or A.in_quote(mo.start(1)) or len(mo.group(1)) < 2 or organisations.COMPOUND_AFTER.search(mo.group(1).split()[-1]) \
            or _REPORTER_ASKS.match(A.body, mo.end(1)):
        return None     # (not "The SGX Catalist-listed operator", "NPR reached Keystone")
    name, start = mo.group(1), mo.start(1)
    based = organisations.BASED_PREFIX.match(name)
    if based is not None:       # "|US-based |Veridian Semiconductor Inc will close …": where it is based is no part of it
        name, start = name[based.end():], start + based.end()
    if mo.group("role") is not None and mo.group("role") not in A.r.org_roles:
        return None     # (an apposition names an organisation: "|Florida Citrus Mutual|, the main growers' trade group, said")
    if not A.r.quote_verb_re.match(A.body, mo.end()) and not (
            re.match(r"[a-z]", A.body[mo.end():mo.end() + 1])
            and (re.search(r"\b[A-Z]{2,}\b", name) or name.split()[-1].lower() in A.r.org_roles)):
        return None     # (any verb after a name holding an acronym or ending in an organisation word:
        #                 "|NZTA Waka Kotahi| has closed …", "|The Mukherjee Nagar Library Owners' Association| said")
    inside = A.mentions_in(start, mo.end(1))
    if any(m["label"] in PERSON_LABELS and m["end_char"] == mo.end(1) for m in inside) or name.lower() in A.surnames \
            or any(m["label"] == "GPE" and m["text"] == name for m in inside) or name.lower() in A.r.adjectives \
            or (" " not in name and not name.isupper() and name.lower() in A.r.common_openers | A.r.org_roles):
        return None     # (nor an organisation word alone opening the sentence: "|District| councillors will get …")
    same = next((m for m in inside if m["label"] == "ORG" and m["text"] == name), None)
    return same or unlinked_mention(start, mo.end(1), name, "ORG")


#: "The council| said", "The Scottish government| has told": an organisation word opening a sentence before its verb
_ORG_ROLE_OPENING = re.compile(r"[^\S\n]*[Tt]he[^\S\n]+(?:[A-Z][\w-]*[^\S\n]+)?([a-z]+)[^\S\n]+(?:(?:has|have)[^\S\n]+)?")


def _opens_with_org_word(A: _Article, start: int, end: int) -> bool:
    """Does an organisation word open body[start:end] as its subject, with no name in apposition at ``end`` ("The
    company notified …"; not "The airport operator, |Almaty International Airport JSC|, said"), or a definite noun
    with a relative clause ("The processor, which …")?"""
    if _RELATIVE_OPENING.match(A.body, start, end):
        return True         # "The processor, which turns raw beans …, said it received … from |COCOBOD|": the processor
    mo = _ORG_ROLE_OPENING.match(A.body, start, end)
    return mo is not None and mo.group(1) in A.r.org_roles and not _APPOSED.fullmatch(A.body, start, end)


#: a definite noun opening a sentence with a relative clause after its comma ("The company, which has been owned since
#: 2019 by |Groupe Laurentide|, said"): the names inside the clause are not the subject
_RELATIVE_OPENING = re.compile(r"[^\S\n]*[Tt]he(?:[^\S\n]+[a-z][\w’'-]*){1,3},[^\S\n]+(?:which|who|whose)\b")


#: a short opening phrase and the comma before a name in apposition to it ("The airport operator, |")
_APPOSED = re.compile(r"[^\S\n]*[Tt]he(?:[^\S\n]+[\w’'-]+){1,3},[^\S\n]+(?:the[^\S\n]+)?")


def _role_opening(A: _Article, start: int, end: int) -> dict | None:
    """The organisation an organisation word opening body[start:end] before a speech verb stands for ("The council
    said no final decisions had been taken" -> the council the article named, holding that word), or None."""
    mo = _ORG_ROLE_OPENING.match(A.body, start, end)
    if mo is None or mo.group(1) not in A.r.org_roles or A.in_quote(mo.start(1)) \
            or not A.r.quote_verb_re.match(A.body, mo.end(), end):
        return None
    return organisations._named_org(A, mo.start(1), mo.group(1))
