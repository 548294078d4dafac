"""Roles that stand for someone unnamed or named beside them: "a senior official" introduced without a name (then
"the official said" is that unnamed person, not a titled one named elsewhere), the unnamed person opening one of the
sentences just before ("A Denver developer who asked not to be named …" then "the developer said"), and the person
named in apposition right after a role ("The former mayor of Civitavecchia, Raffaele X, …"). Split out of roles.py
unchanged; ``roles.role_speaker`` and ``candidates`` call these. Written by hand: these are page conventions of news
writing that no parser or library reads."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from tasks.quotes import appositions, epithets
from tasks.quotes.recent import _PRONOUN_OPENING, _wholly_quoted
from tasks.quotes.phrases import TIME_WORDS, _Cand
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


#: a role's portfolio or place before the name in apposition ("The former mayor| of Civitavecchia|, Raffaele …")
_PORTFOLIO = re.compile(r"[^\S\n]+(?:of|for|at|in)[^\S\n]+(?:the[^\S\n]+)?(?:[A-Z][\w’'.-]*(?:[^\S\n]+(?:and[^\S\n]+)?[A-Z][\w’'.-]*){0,5}"
                        r"(?:[^\S\n]+\([A-Z]{2,10}\))?|[a-z]+(?=,))")   # (and its acronym: "… Civil Protection Authority
#                                    (ANEPC), Rui …"; or one common noun: "the officer in the case, DC Joanne X, said")


def named_in_apposition(A: _Article, c: _Cand) -> dict | None:
    """The person named between commas right after a role and its portfolio ("The former mayor of Civitavecchia,
    Raffaele Castellucci-Mbeki, on Thursday denied …"): that person, else None."""
    sent_end = A.sents[A.sent_index(c.start)]["end_char"]
    port = _PORTFOLIO.match(A.body, c.end, sent_end)
    name = appositions._apposed_name(A, port.end() if port else c.end, sent_end)
    return name.mention if name is not None else None


#: the agent of a passive verb, not someone introduced to speak ("renewed twice by a control judge"; not "spoke with a
#: senior nurse", who may speak next)
_PASSIVE_AGENT = re.compile(r"(?<![\w-])by\s+$")


def last_anonymous(A: _Article, targets: set, pos: int) -> int:
    """Position of the last anonymous introduction of the role before ``pos`` ("a senior
    official", "One European intelligence officer"; outside quotes), -1 if none."""
    key = tuple(sorted(targets))
    rx = A._anon_re.get(key)
    if rx is None:
        alt = "|".join(sorted(map(re.escape, targets), key=len, reverse=True))
        rx = A._anon_re[key] = re.compile(
            r"(?<![\w-])(?:[Aa]n?|(?<![Tt]he )[Oo]ne|[Aa]nother)\s+(?:(?!(?:its|his|her|their)\s)[\w’'-]+\s+){0,4}?(?:" + alt
            + r")(?![\w-])")     # not "the one its coach has been promising"
    last = -1
    for m in rx.finditer(A.body, max(0, pos - 6000), pos):
        if A.in_quote(m.start()):
            continue
        named = A.mentions_in(max(0, m.start() - 120), m.start())
        if named and named[-1]["label"] in PERSON_LABELS and _APPOSED_TITLE_GAP.fullmatch(A.body, named[-1]["end_char"], m.start()):
            continue       # "Dmitry Peskov, a senior official": the title of a named person (also a second one: "X,
            #                the study’s lead author and an associate professor")
        if _PASSIVE_AGENT.search(A.body, max(0, m.start() - 20), m.start()):
            continue       # "renewed twice by a control judge": no one introduced to speak
        if _PREPOSITION_INSIDE.search(m.group()) or _NAME_AFTER.match(A.body, m.end()) \
                or appositions._apposed_name(A, m.end(), A.sents[A.sent_index(m.end())]["end_char"]) is not None:
            continue       # "a quickfire half-century from captain Charith X": no noun phrase of the role; the title
            #                of the name after it, or before it in apposition ("A second doctor, Dr Mere X, said")
        if _modifies_noun(A, m.end()):
            continue       # "a head injury assessment": the role word only modifies the noun after it
        last = m.start()
    return last


#: adjectives that follow the noun they describe ("a lawyer |familiar| with the case", "an official |close| to the talks")
_AFTER_NOUN_ADJECTIVE = re.compile(r"familiar|close|involved|aware|responsible|present|knowledgeable|acquainted|privy")
#: the lower-case word right after a role word
_WORD_AFTER = re.compile(r"[^\S\n]+([a-z][a-z-]*)(?![\w’'-])")


def _modifies_noun(A: _Article, end: int) -> bool:
    """Is the word after a role word ending at ``end`` a noun it modifies ("a head| injury", "a coach| trip"): a
    lower-case word that is no function word, verb, adverb, time word or role ("a head| coach" is a role)?"""
    mw = _WORD_AFTER.match(A.body, end)
    if mw is None:
        return False
    w = mw.group(1)
    return w not in STOP_WORDS and not _AFTER_NOUN_ADJECTIVE.fullmatch(w) and w not in A.r.verb_forms and w not in TIME_WORDS and not w.endswith(("ed", "ing", "ly")) \
        and not A.r.role_re.fullmatch(w) and not epithets.names_person(A.r, w)


#: between a person's name and an indefinite title of theirs: a comma, maybe a first title and "and"
_APPOSED_TITLE_GAP = re.compile(r"[’']?,\s*(?:[^,.;:“”\"\n]{1,80}?\s(?:and|or)\s+)?")


#: a preposition, relative pronoun or second article between the article and the role word: they are no one noun
#: phrase ("a half-century |from| captain", "a slant |that the| junior receiver turned")
_PREPOSITION_INSIDE = re.compile(r"\s(?:from|of|by|for|with|to|in|at|on|against|after|before|that|which|the)\s")


#: a capitalised name right after the role word: its title ("captain| Charith Senanayake-Perera")
_NAME_AFTER = re.compile(r"[^\S\n]+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|"
                         r"July|August|September|October|November|December)\b)[A-Z][a-z]")


def introduced_anonymously(A: _Article, role: str, pos: int) -> bool:
    """The role was introduced without a name ("a British defence intelligence official" before "the British
    defence intelligence official said")."""
    heads = [h.group(1).lower() for h in A.r.role_re.finditer(role.lower())]
    return bool(heads) and last_anonymous(A, A.r.roles.get(heads[-1], {heads[-1]}), pos) >= 0


#: "the source", "the person", "the MS": one definite someone (no possessive, no plural)
DEFINITE_ONE = re.compile(r"[Tt]he\s+(?:[\w-]+\s+){0,2}[\w-]*[^\Ws]|[Tt]he\s+(?:[\w-]+\s+){0,2}[\w-]*ss")


def anonymous_reference(A: _Article, c: _Cand) -> bool:
    """A definite singular noun phrase that may stand for an unnamed person just introduced: its head names a person
    ("the trainee", "the grandmother"), is a short office abbreviation ("the MS") or a noun of quote_patterns.txt
    [anonymous_nouns] ("the person", "the source"); not "the dispute", "the ministry"."""
    if not DEFINITE_ONE.fullmatch(A.body, c.start, c.end):
        return False
    head = A.body[c.start:c.end].split()[-1]
    return head.lower() in A.r.anonymous_nouns or (head.isupper() and len(head) <= 4) \
        or (head.lower() not in A.r.org_roles and epithets.names_person(A.r, head.lower()))


def same_noun_anonymous(A: _Article, c: _Cand) -> dict | None:
    """The unnamed person of the three sentences before (``recent_anonymous``) introduced by the head noun of "the
    <noun>" ("A Denver developer who asked not to be named …" then "the developer said"); None otherwise."""
    noun = A.body[c.start:c.end].split()[-1].lower()
    if c.kind not in ("np", "role") or not DEFINITE_ONE.fullmatch(A.body, c.start, c.end) \
            or noun in A.r.document_roles or named_in_apposition(A, c) is not None:
        return None     # (but "said the woman, |Sherry X|, 58": the woman named now; "the statement said": a document)
    m = recent_anonymous(A, c.start, {noun})
    if m is None or (m["text"].lower().split()[-1] != noun and not re.match(
            r"\s+of\s+an?\s+(?:[\w’'-]+\s+){0,3}" + re.escape(noun) + r"\b", A.body[m["end_char"]:m["end_char"] + 80], re.I)):
        return None     # (its head, or one it speaks for: "A representative of a major Prague |developer|"; "the
    return m            # company" is no "warehouse supervisor in the company's Indianapolis facility")


def recent_anonymous(A: _Article, pos: int, heads: set | None = None) -> dict | None:
    """The unnamed person (``_Article._anonymous_subject``) whose sentence opens one of the three sentences before
    ``pos`` outside quotations, when no named person or pronoun subject comes between; with ``heads``, only one
    introduced by one of those nouns ("a spokesperson for …" for "the spokesperson"); None otherwise."""
    si, outside = A.sent_index(pos), 0
    for j in range(si - 1, max(-1, si - 9), -1):
        if outside == 3:
            break
        if _wholly_quoted(A, j):
            continue
        outside += 1
        anonymous = A._anonymous_subject(j, None)
        if anonymous and heads is not None:
            return anonymous if set(re.findall(r"[a-z]+", (A.anonymous_np(j) or "").lower())) & heads else None
        if anonymous:
            return anonymous
        if A._person_subject(j) is not None or _PRONOUN_OPENING.match(A.body, A.sents[j]["start_char"]):
            return None
    return None
