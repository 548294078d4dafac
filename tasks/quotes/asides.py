"""Subjects across an aside: a relative clause right before the verb ("Mike Lee, who declared …"; ``relative_subject``),
and the subject opening a clause before a participle aside, a relative clause or an appositive between commas ("Others,
reacting to …, shouted"; ``aside_subject``). Split out of subjects.py unchanged."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.entities.rules import _vote_given_names
from tasks.quotes import documents, epithets
from tasks.quotes.recent import AGE_NOUN
from tasks.quotes.phrases import _ADVERBS, _NOT_DESCRIPTOR, _PREP_BEFORE, _Cand, unlinked_mention
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


def coordinated_object(A: _Article, m: dict, lo: int) -> bool:
    """A mention joined by "and"/"or" to a place or organisation that is the object of a preposition ("the Liberal
    Democrat MP for Melksham and |Devizes|"): an object too, whatever the model calls it."""
    before = [x for x in A.mentions_in(lo, m["start_char"]) if x["end_char"] <= m["start_char"]]
    if not before or before[-1]["label"] in PERSON_LABELS:
        return False
    prev = before[-1]
    return bool(re.fullmatch(r"\s+(?:and|or|&)\s+", A.body[prev["end_char"]:m["start_char"]])) \
        and bool(_PREP_BEFORE.search(A.body[max(lo, prev["start_char"] - 15):prev["start_char"]]))


#: a relative pronoun right before the verb: "Mike Lee, who declared", "the sign — which read", "the report, which notes",
#: "a message that said" ("that" after a lowercase noun only)
_RELATIVE_PRONOUN = re.compile(r"(?:(?:(?<=[,—–(]\s)|(?<=[,—–(]\s\s))(?P<wh>who|which)|(?<=[A-Za-z]\s)(?P<who>who)"
                               r"|(?<=[a-z]\s)(?P<that>that))\s+" + _ADVERBS + r"$")


def relative_subject(A: _Article, verb_s: int, lo: int) -> _Cand | None:
    """The relative pronoun that is the subject of the verb ("…, which notes, “…”"): the speaker as written, resolved to
    the name it follows ("Mike Lee, who declared": Mike Lee) or unresolved ("a message that said"). Read for quoted
    text only (``direct.speaker_before``); reported speech keeps the antecedent as its subject."""
    body = A.body
    m = _RELATIVE_PRONOUN.search(body, max(lo, verb_s - 40), verb_s)
    if m is None or A.in_quote(m.start()):
        return None
    ps = m.start()
    if m.group("that"):
        prev = re.search(r"([a-z][\w’'-]*)\s+$", body[max(lo, ps - 30):ps])
        if prev is None or prev.group(1) in _NOT_DESCRIPTOR or prev.group(1) in A.r.verb_forms:
            return None      # "said that", "so that": a conjunction, not a relative pronoun
    pe = ps + len(m.group("wh") or m.group("who") or m.group("that"))
    for ante in reversed(A.mentions_in(max(lo, ps - 80), ps)):
        if re.fullmatch(r"\s*[,—–]?\s*", body[ante["end_char"]:ps]) and not A.aside(ante) \
                and (body[ps:pe] != "who" or ante["label"] in PERSON_LABELS):
            return _Cand.of_mention(ps, pe, ante)
        break
    if m.group("that") or m.group("wh") == "which":
        # "Trump released a marketing video that said, “…”": whoever issued the document
        return documents.relative_document_issuer(A, ps) or _Cand(ps, pe, "np")
    described = _DESCRIBED_BEFORE_WHO.search(body, max(lo, ps - 90), ps) if body[ps:pe] == "who" else None
    if described is not None and epithets.names_person(A.r, described.group("head").lower()):
        # "I remember one rancher, |an old man near Valentine|, who said to me, “…”": that unnamed person
        phrase = unlinked_mention(described.start("np"), described.end("np"), described.group("np"), "PERSON")
        return _Cand.of_mention(ps, pe, phrase)
    return _Cand(ps, pe, "np")


#: an indefinite description of a person right before ", who" ("one rancher, |an old man near Valentine|, who said",
#: "a nursing student …, |a mom of two from Rockaway Beach|, who told me"): the phrase without its article
_DESCRIBED_BEFORE_WHO = re.compile(r"(?<![\w’'-])(?:an?|one|another)[^\S\n]+(?P<np>(?:[\w’'-]+[^\S\n]+){0,2}?(?P<head>[a-z][\w’'-]*)"
                                   r"(?:[^\S\n]+(?:of|from|in|at|near|with)[^\S\n]+[^,“”\"\n]{1,40}?)?)[^\S\n]*,[^\S\n]*$",
                                   re.I)


#: a subject opening the clause, a participle aside between commas, then the verb ("Others, reacting to …, shouted")
_SUBJECT_ASIDE = re.compile(r"\s*(?P<np>[A-Z][\w’'-]*(?:\s+[\w’'.-]+){0,4}),\s+[a-z]+(?:ing|ed)\b[^,;:“”\"]{1,140},\s*"
                            + _ADVERBS)


#: a relative clause between commas right before the verb ("Clinton, who called Sanders after the count, told …")
_RELATIVE_ASIDE = re.compile(r",[^\S\n]+(?P<rel>who|which)\b[^,;:“”\"\n]{1,140},\s*" + _ADVERBS + "$")


#: a clause opening with a (titled) name, an appositive between commas, then the verb
_APPOSITIVE_CHAIN = re.compile(r"\s*(?P<head>(?:[\w.’'-]+[^\S\n]+){0,5}[\w.’'-]+),[^\S\n]+[^;:“”\"\n]{1,200},\s*" + _ADVERBS)


#: a preposition before the name that ends the head: the name is a place, an affiliation or an object ("Speaking with The
#: PUNCH, a lawyer, Mr …, described"; "The mayor of Kyle, Victoria
#: Almaraz, told"), not the person opening the clause
_PREPOSITION_IN = re.compile(r"(?<![\w’'-])(?:of|for|from|in|at|with|to)\s")


#: a bracket right before a relative clause's comma ("Andrew Szabo| (Ward 20, Scarborough Southwest)|, who …")
_BRACKET_BEFORE = re.compile(r"[^\S\n]*\([^()\n]{1,50}\)$")


#: a definite phrase's article ("|The |23-year-old")
_THE = re.compile(r"[Tt]he\s")


def _given_name_alone(name: str) -> bool:
    """Is ``name`` one word of the given-name lists ("Marina")?"""
    return " " not in name.strip() and name.strip() in _vote_given_names()


#: ", of |", ", from |" right before a name: an affiliation set off by commas ("Olamide Kowalczyk-Hart, of |Aylesbury CID|,
#: who …"), never the subject, whatever the model calls it
_COMMA_OF_BEFORE = re.compile(r",[^\S\n]+(?:of|from)[^\S\n]+(?:the[^\S\n]+)?$")


def aside_subject(A: _Article, verb_s: int, lo: int) -> _Cand | None:
    """"Others, reacting to the gap between the Van Dyke shooting and …, shouted": the phrase opening the clause before a
    participle aside is the subject, not a name inside the aside (``_SUBJECT_ASIDE``); so is the name right before a
    relative clause that ends at the verb (``_RELATIVE_ASIDE``)."""
    rel = _RELATIVE_ASIDE.search(A.body, lo, verb_s)
    if rel is not None and not A.in_quote(rel.start()):
        # "Clinton, who called Sanders shortly after …, told her supporters": the name before the relative clause
        # (and before its bracket: "Coun. Andrew Szabo (Ward 20, Scarborough Southwest), who sits on …, said")
        name_e = rel.start()
        br = _BRACKET_BEFORE.search(A.body, max(lo, name_e - 60), name_e)
        if br is not None:
            name_e = br.start()
        ms = [m for m in A.mentions_in(max(lo, name_e - 120), name_e) if not A.in_quote(m["start_char"])]
        if ms and ms[-1]["end_char"] == name_e and not A.aside(ms[-1]):
            m: dict | None = ms[-1]
            if m is not None and (m["label"] not in PERSON_LABELS or _COMMA_OF_BEFORE.search(A.body, max(lo, m["start_char"] - 15), m["start_char"])) \
                    and _PREP_BEFORE.search(A.body, max(lo, m["start_char"] - 15), m["start_char"]):
                # "Gov. John R. Kasich of Ohio, who …, said", "Willie Minor, 64, of Dallas, who …": the person before the place;
                # "The ACLU of Montana, which had urged …, said": the organisation before it
                labels = PERSON_LABELS if rel.group("rel") == "who" else ("ORG",)
                m = next((p for p in reversed(ms[:-1]) if p["label"] in labels
                          and re.fullmatch(r"(?:,?\s+\d{1,3},?)?\s+(?:of|from|in)\s+(?:the\s+)?", A.body[p["end_char"]:m["start_char"]])), None)
            elif m is not None and coordinated_object(A, m, lo):
                # "Andrew Thistlethwaite-Obi, the Liberal Democrat MP for Melksham and |Devizes|, who …, said"
                m = next((p for p in reversed(ms[:-1]) if p["label"] in PERSON_LABELS
                          and re.match(r",\s", A.body[p["end_char"]:p["end_char"] + 2])), None)
            if m is not None and (m["label"] in PERSON_LABELS if rel.group("rel") == "who" else m["label"] == "ORG"):
                # (an organisation before "which": "The union Unison, which represents the staff, has issued")
                return _Cand.of_mention(m["start_char"], m["end_char"], m)
    chain = _APPOSITIVE_CHAIN.fullmatch(A.body, lo, verb_s)
    if chain is not None:
        # "Senator Richard Shelby, the Alabama Republican who heads the Senate Banking Committee, which oversees the Fed,
        # said": the person opening the clause before the commas, not a name inside the appositive
        first = next((m for m in A.mentions_in(lo, verb_s) if not A.in_quote(m["start_char"])), None)
        person = any(m["label"] in PERSON_LABELS for m in A.mentions_in(lo, verb_s))
        if first is not None and (first["label"] in PERSON_LABELS or (first["label"] == "ORG" and not person)) \
                and first["end_char"] == chain.end("head") \
                and not A.aside(first) and not _PREPOSITION_IN.search(A.body, chain.start("head"), first["start_char"]):
            return _Cand.of_mention(first["start_char"], first["end_char"], first)    # (an organisation too:
            #                                            "Tenants’ union Woonbond, on the other hand, said")
        head = A.candidate(chain.start("head"), chain.end("head")) if not person and (
            first is None or first["start_char"] >= chain.end("head")) else None
        if head is not None and head.kind == "name" and not _given_name_alone(A.body[head.start:head.end]):
            the = _THE.match(A.body, head.start)
            if the is not None and A.body[the.end():the.end() + 1].isupper():
                head = _Cand(the.end(), head.end, "name")      # ("The Internet Freedom Foundation, which …": the name)
            return head     # "Tenants’ union Woonbond, on the other hand, said", "Unite, which …" (a name the model
            #                 missed; not a given name alone, whose person the chain of pronouns finds: "Marina, a
            #                 literature teacher in Krasnodar, said she …")
        if head is not None and _THE.match(A.body, head.start) \
                and A.body[head.start:head.end].split()[-1].lower() not in A.r.org_roles \
                and (head.kind == "role" or (head.kind == "np" and (
                epithets.names_person(A.r, A.body[head.start:head.end].split()[-1].lower())
                or AGE_NOUN.fullmatch(A.body, head.start, head.end)))):
            return head     # "The 23-year-old, on loan from Sheffield United, said": the epithet opening the clause
    aside = _SUBJECT_ASIDE.fullmatch(A.body, lo, verb_s)
    if aside is None or A.in_quote(aside.start("np")):
        return None
    return _person_closing_aside(A, aside.end("np"), verb_s) or A.candidate(aside.start("np"), aside.end("np"))


def _person_closing_aside(A: _Article, aside_s: int, verb_s: int) -> _Cand | None:
    """"Another resident, retired Air Force officer Wg Cdr (retd) Jagdish Menon-Pillai, said": the "aside" is an
    apposition that names the subject (a role noun, then the person's name right before the last comma)."""
    end = A.body.rfind(",", aside_s + 1, verb_s)
    ms = A.mentions_in(aside_s, end)
    if end < 0 or not ms or ms[-1]["label"] not in PERSON_LABELS or A.body[ms[-1]["end_char"]:end].strip() \
            or not A.r.role_re.search(A.body[aside_s:ms[-1]["start_char"]].lower()):
        return None
    m = ms[-1]
    return _Cand.of_mention(m["start_char"], m["end_char"], m)
