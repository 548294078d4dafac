"""Who the person subject of a sentence is: the first person named outside quotations, read past fronted
clauses, possessive appositions ("Her mother, Fatou Diallo, watched …"), titles before a name ("Hampshire trainer
Philippa X") and possessors ("Bui-Thompson's hand …, and Rourke-Ilunga did not hold back"); places, the site's own
name and modifiers ("The retired |Albertville| science teacher") are no one. ``speakers._Article`` delegates to these.
Written by hand: no parser or library gives a news sentence's speaking person past these page conventions.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from tasks.clean.outlets import OUTLET_WORDS
from tasks.quotes import appositions, epithets, namesakes, pronouns, titles
from tasks.quotes.phrases import _PLACE_PREP_BEFORE
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article

#: a sentence opened by a possessive of a gender ("His side have lost …") is about a person named before
_POSSESSIVE_OPENING = {"His": "m", "Her": "f"}
#: a possessive right after a name ("Bui-Thompson|'s hand")
_POSSESSOR_END = re.compile(r"[’']s?\s")


@lru_cache(maxsize=1)
def _possessive_apposition() -> re.Pattern:
    """A sentence opening with a possessive role and a name in apposition to it ("|Her mother, |Fatou Diallo, watched
    …", "|The driver's sister, |Luzia Kowalczyk-Adebayo, told the board …"), maybe an age or a short title
    (rules/honorifics.txt) before the name ("…, 15-year-old |Amara", "His son, Dr |Sione X")."""
    return re.compile(r"\s*(?:His|Her|Their|Its|The\s+[\w-]+[’']s|[A-Z][\w-]*[’']s)\s+(?:[\w-]+\s+){0,2}[\w-]+,\s+"
                      r"(?:\d{1,3}-year-old\s+|(?:" + titles.honorifics_alternation() + r")\.?\s+)?")


#: a possessive before a role that a name stands in apposition to ("Trump’s rival, Ted Cruz,", "Aslef’s district organiser
#: for the Thames Valley, Mihai X,"): the possessor only
#: modifies the role, the apposed name is the person the sentence is about
_POSSESSED_ROLE = re.compile(r"[’']s?\s+(?:[\w-]+\s+){0,6}[\w-]+,\s+")
#: lower-case words (a title) between a name and the person it describes ("Hampshire| trainer |Philippa Oduya-Stanhope")
_TITLE_GAP = re.compile(r"[^\S\n]+(?:[a-z][\w-]*[^\S\n]+){1,3}")
#: the verb right before its listener ("told |Meduza| he tries …")
_TOLD_BEFORE = re.compile(r"(?<![\w-])told[^\S\n]+$")
#: "from" after hearing or a message: the name after it is whom the article hears ("The committee also heard from| Annika
#: X, …, who said she …"), no place
_HEARD_FROM = re.compile(r"(?<![\w-])(?:heard|hear|hears|hearing|testimony|evidence|letter|message|email|call|statement|"
                         r"comments?|words|reply|response|submission)[^\S\n]+from[^\S\n]+$")
#: "the" and up to two lower-case words right before a one-word name, and the lower-case noun it modifies after it
#: ("The retired |Albertville| science teacher", "the |Smith| family"): a modifier, no one
_DETERMINER_BEFORE = re.compile(r"(?<![\w’'-])[Tt]he(?:[^\S\n]+[a-z][\w-]*){0,2}[^\S\n]+$")
_NOUN_AFTER = re.compile(r"[^\S\n]+([a-z][a-z-]+)(?![\w’'-])")


def person_subject(A: _Article, si: int, before: int | None = None, gender: str | None = None,
                    chain: bool = False) -> dict | None:
    """First PERSON mention outside quotes of sentence ``si`` (of ``gender`` when known). With
    ``chain``, a sentence whose subject is already a pronoun of that gender ("Later, he tried to
    call Putin") has no new subject: None (the pronoun refers further back)."""
    s = A.sents[si]
    end = s["end_char"] if before is None else min(before, s["end_char"])
    opening = re.match(r"\s*(\w+)", A.body[s["start_char"]:end])
    apposed = apposed_opening(A, si, end, gender)
    if apposed is not None:     # "Her mother, Fatou Diallo, watched …": the mother
        return apposed
    if chain and gender and opening is not None and _POSSESSIVE_OPENING.get(opening.group(1)) == gender:
        return None     # "His side have now lost six of seven …": the sentence is about the person before
    fronted = A.fronted(s["start_char"], end)
    if chain and gender:    # (a pronoun of the fronted clause is its subject's: "Asked if she expected a deal, X paused")
        pm = next((p for p in A.r.pron_re.finditer(A.body, fronted.end() if fronted else s["start_char"], end)
                   if not A.in_quote(p.start())), None)
        first = next((m for m in A.mentions_in(s["start_char"], end)
                      if m["label"] in PERSON_LABELS and not A.in_quote(m["start_char"])), None)
        if pm and A.r.person_pronouns.get(pm.group(1).lower()) == gender \
                and (first is None or pm.start() < first["start_char"]):
            return None
    if fronted:     # "Pushed by host Chuck Todd on …, Cuban demurred.": the subject follows the fronted clause
        m = first_person(A, fronted.end(), end, gender)
        pm = A.r.pron_re.search(A.body, fronted.end(), m["start_char"]) if m is not None else None
        if m is not None and pm is None:      # not when a pronoun comes first ("…, he explained")
            return m
        if m is None and chain and re.match(r"\s*(?:Asked|Pressed|[A-Z][a-z]+(?:ing|ed))\b", fronted.group(0)) \
                and re.match(r"\s*(?:(?:who|which|whose)\b[^,\n]*,\s*)?(?:[Tt]he|[Aa]n?)\s", A.body[fronted.end():end]):
            return None     # "Asked about facing X, …, the 20-year-old smiled.": its subject is no one named here
        if m is None and before is not None and re.match(r"\s*(?:Asked|Pressed|Told)\b", fronted.group(0)):
            return None     # "Asked whether any of the Jackson jobs would move, |she| said": no one of the question
    return first_person(A, s["start_char"], end, gender)


def _verb_in_gap(A: _Article, gap: str) -> bool:
    """A verb among the lower-case words between a name and the next ("Havili-Morrison |praised| hooker Corey X"):
    the name is the subject, not a modifier of a title before the other name."""
    return any(w in A.r.verb_forms or (w.endswith("ed") and w not in A.r.title_modifiers)
               for w in gap.split()[:-1])


def _possessor_before_subject(A: _Article, m: dict, end: int) -> bool:
    """``m`` is a possessor ("Bui-Thompson's hand") and a later person before ``end``, outside quotes and no
    possessor, has a finite verb right after them (", and Rourke-Ilunga did not hold back")."""
    if not _POSSESSOR_END.match(A.body, m["end_char"]):
        return False
    return any(n["label"] in PERSON_LABELS and not A.in_quote(n["start_char"]) and pronouns.CLAUSE_VERB_AFTER.match(A.body, n["end_char"])
               for n in A.mentions_in(m["end_char"], end))


def apposed_opening(A: _Article, si: int, end: int, gender: str | None) -> dict | None:
    """The person named in apposition to a possessive role opening sentence ``si`` or its clause after a fronted
    phrase ("|Her mother, |Fatou Diallo, watched …", "|The driver's sister, |Luzia Kowalczyk-Adebayo, told the board
    …", "Outside the court, |Stott's eldest daughter, 15-year-old |Amara, hugged …"): the sentence's subject (of
    ``gender`` when known); None otherwise."""
    s = A.sents[si]
    mo = _possessive_apposition().match(A.body, s["start_char"], end)
    if mo is None:      # after a fronted phrase ("Outside the Justice Center, Stott's eldest daughter, …")
        fronted = A.fronted(s["start_char"], end)
        mo = _possessive_apposition().match(A.body, fronted.end(), end) if fronted else None
    m = next((m for m in A.mentions_in(mo.end(), end) if m["start_char"] == mo.end()), None) if mo else None
    return first_person(A, m["start_char"], m["end_char"], gender) if m and m["label"] in PERSON_LABELS else None


def as_place(A: _Article, m: dict, start: int) -> bool:
    """Is the person mention ``m`` an outlet or a place's object, no one (looked for from ``start``)? "Back on
    |Aelfleda Terrace|, Mrs Coverdale …" (not "As for Zelenskyy", "heard from |Annika X|"), "He came out from
    |Normandy|" (the model's person), or a modifier ("The retired |Albertville| science teacher")."""
    s = m["start_char"]
    return is_outlet(A, m) or bool(_PLACE_PREP_BEFORE.search(A.body, max(start, s - 12), s)
                                      and not _HEARD_FROM.search(A.body, max(start, s - 30), s)) \
        or _as_modifier(A, m, start)


def _as_modifier(A: _Article, m: dict, start: int) -> bool:
    """Is the one-word mention ``m`` a modifier between "the" and a noun ("The retired |Albertville| science
    teacher started …", the model's person)?"""
    after = _NOUN_AFTER.match(A.body, m["end_char"])
    return " " not in m["text"] and after is not None and after.group(1) not in A.r.verb_forms \
        and bool(_DETERMINER_BEFORE.search(A.body, max(start, m["start_char"] - 30), m["start_char"]))


def first_person(A: _Article, start: int, end: int, gender: str | None) -> dict | None:
    """First PERSON mention (or bare name) outside quotes in body[start:end], of ``gender`` when known."""
    bare = A.bare_names()
    for m in A.mentions_in(start, end):
        if A.in_quote(m["start_char"]):
            continue
        if m["label"] not in PERSON_LABELS:
            if m["text"] in bare["surnames"]:
                return m        # "Zaluzhnyi said": the model's ORG is the surname of a person named before
            continue
        if as_place(A, m, start) or _TOLD_BEFORE.search(A.body, max(start, m["start_char"] - 8), m["start_char"]):
            continue            # "Pavel, a young teacher, told |Meduza| he …": the listener
        poss = _POSSESSED_ROLE.match(A.body, m["end_char"], end) or (
            t if (t := _TITLE_GAP.match(A.body, m["end_char"], end)) and not _verb_in_gap(A, t.group(0)) and (
                A.r.role_re.search(t.group(0))
                or ((" " not in m["text"] or len(t.group(0).split()) == 1)
                    and epithets.names_person(A.r, t.group(0).split()[-1].lower()))) else None)
        if poss is not None and any((n["start_char"] == poss.end() or _described_before(A, poss, n)) and n["label"] in PERSON_LABELS
                                    for n in A.mentions_in(poss.end(), end)):
            continue            # "Trump’s rival, Ted Cruz, disagreed": Cruz; "Hampshire trainer Philippa …": Philippa;
            #                     "Lobster fisherman Kwabena …" (the model's PERSON "Lobster"): Kwabena, as
            #                     "Looe harbourmaster Jago …" (an agent noun); "Salamander Bay woman Giedrė …"
        g = A.mention_gender(m)
        if gender and g and g != gender:
            other = namesakes.namesake(A, m, gender)
            if other is None:
                continue
            m = other           # "Van der Linden said …" then "she said": the one of the family who is a she
        if _possessor_before_subject(A, m, end):
            continue            # "Replays appeared to show Bui-Thompson's hand …, and Rourke-Ilunga did not hold
            #                     back": the possessor is no subject, the person with a verb after them is
        i = bisect.bisect_left(bare["starts"], start)
        if i < len(bare["names"]) and bare["starts"][i] < m["start_char"]:
            return bare["names"][i]     # a name the model missed comes first in the sentence
        return m
    i = bisect.bisect_left(bare["starts"], start)
    if i < len(bare["names"]) and bare["starts"][i] < end:
        return bare["names"][i]
    return None


def _described_before(A: _Article, poss: re.Match, n: dict) -> bool:
    """After a possessed role's comma, a short description before the name ("Kennet Crossing’s owner, |retired
    Hungerford builder |Roy X, has had horses …"): the description ends in a person noun or role."""
    return poss.re is _POSSESSED_ROLE and n["start_char"] > poss.end() \
        and appositions._described_or_titled(A, A.body[poss.end():n["start_char"]])


def is_outlet(A: _Article, m: dict) -> bool:
    """Is mention ``m`` the site's own name ("Novaya Gazeta Europe" on novayagazeta.eu, "PREMIUM TIMES", "OC Media"
    on oc-media.org, "Media" cut from "404 Media" on 404media.co, "M&G" for the Mail & Guardian), or a publication the
    article's people talk to ("told the Herald-Review")?"""
    text = m["text"].lower()
    if len(A.outlet) >= 3 and (text.startswith(A.outlet) or (len(text) >= 3 and A.outlet.startswith(text))):
        return True
    key = re.sub(r"[^a-z0-9]", "", text)
    joined, initials, n_words = A._site_key
    return len(key) >= 2 and (key == joined or (len(key) >= 4 and joined.endswith(key))
                              or (n_words >= 2 and key == initials)) or _told_publication(A, text)


#: whom someone told something: "told the |Herald-Review|", "told |The Namibian|"
_TOLD_NAME = re.compile(r"(?<![\w-])told[^\S\n]+(?:the[^\S\n]+)?([A-Z][\w&.’'-]*(?:[^\S\n]+[A-Z][\w&.’'-]*){0,3})")


def _told_publication(A: _Article, text: str) -> bool:
    """Is ``text`` (lower case) a publication the article's people talk to ("told the Herald-Review after the hearing"):
    a name told something that holds a newspaper's word (rules/outlet_words.txt: herald, times, gazette …)?"""
    if A._told_names is None:
        A._told_names = {mo.group(1).lower() for mo in _TOLD_NAME.finditer(A.body)}
    return text.removeprefix("the ") in A._told_names and any(w in OUTLET_WORDS for w in re.split(r"[\s-]+", text))
