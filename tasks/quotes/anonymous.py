"""Unnamed speakers: a sentence opening with a person the article does not name as the subject of a speech verb
("Another resident, who asked not to be identified, said …", "A spokeswoman for the group said …", "The victim's
mother said …"): ``anonymous_subject`` (the phrase as the speaker, the person named in apposition, or the organisation
an unnamed spokesperson speaks for), ``unnamed_subject`` (the same for reported speech) and ``anonymous_np``. Split out
of pronouns.py unchanged; ``pronouns.resolve_pronoun`` and the speaker finders call these."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.quotes import epithets, relatives, roles, spokespeople
from tasks.quotes.phrases import _ANONYMITY, ACRONYM_IN_BRACKETS, COURT_ADDRESS, FAMILY_COUNT, _Cand, unlinked_mention
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


#: a sentence opening with an unnamed person who speaks ("Another resident, who asked not to be identified,
#: said …", "At University Hospital Limerick, a spokeswoman for UL Hospitals Group said …", "A woman in her 40s raising
#: two children in the city said …", "A rice trader at the Cipinang Main Rice Market in East Jakarta, who declined to be
#: named, said", "A longtime driver on the line, …, said"; "A senior banker at a rival Dubai lender was blunter."; "A
#: Drainage and Irrigation Department (JPS) spokesman said": an organisation's name and its acronym before the noun)
_ANONYMOUS_SUBJECT = re.compile(
    r"(?:[A-Z][^,.;:\n“”\"]{0,60},\s+)?(?P<np>(?:[Aa]n?|[Aa]nother|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w’'&-]+\s+){0,3}?"
    r"(?:[A-Z][\w’'&-]*\s+(?:and\s+)?){0,3}?(?:" + ACRONYM_IN_BRACKETS + r"\s+)?[\w’'-]+"
    r"(?:\s+(?:for|of|at|with|from|in|near)\s+(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,5}"
    r"(?:\s+(?:in|at|near|outside|on)\s+(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3})?"
    r"|\s+(?:in|at|on|of|with|for|from)\s+(?:the|a|an|his|her|their|one\s+of\s+the)\s+[\w’'&.-]+(?:\s+[\w’'&.-]+){0,4}?"
    r"|\s+of\s+" + FAMILY_COUNT + r"\b"
    r"|\s+(?:based|stationed|[a-z]+ing)\s+(?:in|at|near|outside|on|for)\s+(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3}"
    r"(?:\s+(?:in|at|near|outside|on)\s+(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3})?)?)"
    r"(?:\s+(?:who(?:se)?|[a-z]{3,}ing(?=\s+(?:a|an|the|two|three|four|five|his|her|their|at|in|on|for|near|beside"
    r"|behind|outside|inside|by|with|along|across)\s))\s+[^,.\n“”\"]{1,120}?)?"
    r"(?:,[^,\n]{1,160},)?(?:\s+(?:has|have|had))?\s+(?:said|says|told|added|explained|wrote|recalled|accused|complained|claimed|insisted"
    r"|admitted|warned|described|was\s+(?:(?:more|less|even|far)\s+[a-z]+|[a-z]{3,}er)\b)\b")
#: "In a victim impact statement read to the court, the woman, who cannot be named, said …", "The president of the
#: Belize District Taxi Association, who declined to give his name, said", "The owner of one diner on Lexington Avenue,
#: who asked that her name not be used …, said": a definite person the article keeps anonymous
_ANONYMOUS_DEFINITE = re.compile(
    r"(?:[A-Z][^“”\"\n]{0,160}?,\s+)?(?P<np>[Tt]he\s+(?:[\w’'&-]+\s+){0,3}?[\w’'-]+"
    r"(?:\s+(?:of|for|at)\s+(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,5}"
    r"|\s+of\s+(?:one|a|an)\s+[a-z][\w’'-]*(?:\s+(?:on|in|at|near)\s+(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3})?)?)"
    r",\s+who\s+(?:asked|cannot|can't|could\s+not|"
    r"did\s+not\s+want|declined|spoke|requested|may\s+not)\b[^,\n“”\"]{0,120},\s+(?:said|says|told|added|explained|wrote)\b")
#: "In a victim personal statement read to the court, the widow’s daughter said …": a person named only by whose
#: relative or what they are ("the victim's mother", "the widow’s daughter")
_ANONYMOUS_RELATIVE = re.compile(
    r"(?:[A-Z][^“”\"\n]{0,160}?,\s+)?(?P<np>[Tt]he\s+[\w-]+[’']s\s+(?:[\w-]+\s+)?[\w-]+)\s+(?:said|says|told|added|wrote)\b")
#: "A woman two cars behind him, who declined to give her name, said …", "A machine operator with 14 years at the plant,
#: who asked not to be named because …, said", "A woman who has attended St. Olha for 40 years, and who asked not to be
#: named …, said": any indefinite phrase whose relative clause keeps the person unnamed
_ANONYMOUS_DECLINED = re.compile(
    r"(?:[A-Z][^,.;:\n“”\"]{0,60},\s+)?(?P<np>(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[^,.;:\n“”\"]|(?<=[A-Z][a-z])\.(?=\s[A-Z])){1,60}?)"
    r",?\s+(?:and\s+)?who\s+"
    r"(?:declined|refused|asked|requested|would\s+not|did\s+not|didn[’']t|spoke|wished|wanted)\b[^\n“”\"]{0,160}?,?\s+"
    r"(?:said|says|told|added|explained)\b")
#: "A Red Cross volunteer handing out water on Hector Road, who did not want her name used …, said", "In one settlement
#: near Marj, a Syrian woman who asked not to be named because … stood outside a tent", "Her neighbor, a man who keeps a
#: plot by the channel and asked not to be named, said", "A truck driver from Miles City, Montana, who … did not want to
#: give his name, said", "A second farmer, from Jurby, who didn't want to be named …, says": whoever asks to stay
#: unnamed is the subject whatever the verb, when their phrase opens the sentence (its words are no verb or "that"
#: clause, nor a second person: not "Her neighbor told police that a man who …", "A man and his wife, who …")
_ANONYMOUS_SOURCE = re.compile(
    r"(?:[A-Z][^,.;:\n“”\"]{0,60},\s+)?(?P<np>(?:[Aa]n?|[Aa]nother|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir|[Tt]he)\s+"
    r"(?:(?!(?:who|whose|that|said|says|told|was|were|is|are|has|had|have|will|would|but)\b"
    r"|and\s+(?:an?|his|her|their|the)\s)[\w’'&.-]+\s+){0,15}?"
    r"(?!(?:who|whose)\b)[\w’'-]+)"
    r"(?:\s+whose\s+[^,“”\"\n]{1,100}?|,\s+(?!(?:who|whose|that|said|says|told|and|but)\b)[^,“”\"\n]{1,100}?)?"
    r",?\s+(?:and\s+)?who\s+[^“”\"\n]{0,160}?(?:" + _ANONYMITY.pattern + r")")
#: "Her Honour", "His Lordship": a judge, titled and named in the article
_COURT_ADDRESS = re.compile(r"(?:his|her|your)\s+" + COURT_ADDRESS, re.I)
#: "who gave his name only as |Ravi|", "identified only as |Maria|", "who only gave his first name, |Eric|", "who was
#: later identified by residents as |Prossy X|": the name an anonymous person gave
_NAMED_AS = re.compile(r"(?:(?:name|named|identified(?:\s+(?:himself|herself|themselves|by(?:\s+[\w’'-]+){1,3}?))?|known"
                       r"|called)\s+(?:only\s+)?as"
                       r"|first\s+name,)\s+"
                       r"(?:(?:Mr|Mrs|Ms|Mx)\.?\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})")


#: the name an unnamed speaker gave, in the clause right after the speaker's phrase ("said the woman|, who later
#: identified herself as Aisha X|", "said the man|, who gave only his first name, Amir|")
_WHO_GAVE_NAME = re.compile(r"(?:[^\S\n]+(?:in|at|on|from|near|outside|behind|by)[^\S\n]+[^,“”\"\n]{1,40}?)?,?[^\S\n]+who\b[^“”\"\n]{0,80}?" + _NAMED_AS.pattern)


def name_given_after(A: _Article, e: int) -> dict | None:
    """The person an unnamed speaker's phrase ending at ``e`` names in the clause after it (``_WHO_GAVE_NAME``): the
    mention there, else the name as an unlinked person; None without one."""
    mo = _WHO_GAVE_NAME.match(A.body, e, A.sents[A.sent_index(e)]["end_char"] if A.sents else len(A.body))
    if mo is None:
        return None
    m = next((m for m in A.mentions_in(mo.start(1), mo.end(1)) if m["start_char"] == mo.start(1)), None)
    return m if m is not None and m["label"] in PERSON_LABELS else unlinked_mention(mo.start(1), mo.end(1), mo.group(1),
                                                                                     "PERSON")


def _unnamed_match(A: _Article, s: int, e: int) -> re.Match | None:
    """The first pattern of an unnamed person speaking that matches body[s:e] from ``s`` (``_ANONYMOUS_*``)."""
    for rx in (_ANONYMOUS_SUBJECT, _ANONYMOUS_DEFINITE, _ANONYMOUS_RELATIVE):
        mt = rx.match(A.body, s, e)
        if mt is not None:
            return mt
    mt = _ANONYMOUS_DECLINED.match(A.body, s, e)
    if mt is not None and _ANONYMITY.search(A.body, mt.end("np"), mt.end()):
        return mt
    return _ANONYMOUS_SOURCE.match(A.body, s, e)


def _clause_gender(A: _Article, start: int, end: int) -> str | None:
    """The gender of the first he/she/his/her in an unnamed person's own clause ("A senior official, who spoke on
    condition of anonymity because |he| was not authorised …"); None without one."""
    p = re.search(r"\b(he|she|his|her|him)\b", A.body[start:end], re.I)
    return A.r.person_pronouns.get({"his": "he", "him": "he", "her": "she"}.get(p.group(1).lower(), p.group(1).lower())) if p else None


def anonymous_np(A: _Article, si: int) -> str | None:
    """The noun phrase of an unnamed person opening sentence ``si`` ("A spokesperson for the railway"), if one does."""
    s = A.sents[si]
    mt = _unnamed_match(A, s["start_char"], s["end_char"])
    return mt.group("np") if mt else None


def anonymous_subject(A: _Article, si: int, gender: str | None) -> dict | None:
    """An unnamed person opening sentence ``si`` as the subject of a speech verb ("Another resident, who
    asked not to be identified, said …", "At the hospital, a spokeswoman for the group said …"): the
    phrase as the speaker's name (no entity), so a pronoun after it is not given to someone named
    earlier; the person named in apposition after the phrase, or the organisation an unnamed spokesperson
    speaks for, when there is one. None when a person is named before it or its role's gender differs."""
    s = A.sents[si]
    mt = _unnamed_match(A, s["start_char"], s["end_char"])
    named = _NAMED_AS.search(A.body, mt.end("np"), min(mt.end() + 40, s["end_char"])) \
        if mt and not A.in_quote(mt.start("np")) else None     # (the name may follow what a source asked: "who gave
    #                                                             his name| only as Rusty", "…| first name, Eric")
    if named is not None:   # "A stall operator who gave his name only as Ravi said": Ravi, whatever the model's label
        m = next((m for m in A.mentions_in(named.start(1), named.end(1)) if m["start_char"] == named.start(1)), None)
        return m or unlinked_mention(named.start(1), named.end(1), named.group(1), "PERSON")
    if not mt or A.in_quote(mt.start("np")) or not _owner_is_person(A, mt) or _COURT_ADDRESS.match(mt.group("np")):
        return None         # ("Her Honour said": the judge named before)
    core = _np_core(mt.group("np"))
    head = _DESCRIBED.sub("", core).split()[-1].lower()     # "A father| of three", "A man| in his 70s"
    if not A.r.role_re.search(core) and not epithets.names_person(A.r, head) \
            and not _ANONYMITY.search(A.body, mt.end("np"), mt.end()):
        return None         # ("One driver", "A volunteer firefighter": a person noun names someone too; "A senior
        #                     paddock figure, who asked not to be named": whoever asks so is a person)
    if any(m["label"] in PERSON_LABELS for m in A.mentions_in(s["start_char"], mt.start("np") + len(core))):
        return None
    g = A.words_gender(re.findall(r"[\w.’'-]+", mt.group("np").lower())) or _clause_gender(A, mt.end("np"), mt.end())
    if gender and g and g != gender:
        return None
    np_s, np_e = mt.span("np")
    apposed = [m for m in A.mentions_in(np_e, mt.end()) if m["label"] in PERSON_LABELS and not A.in_quote(m["start_char"])
               and _APPOSITION_GAP.fullmatch(A.body, np_e, m["start_char"])
               and not _OBJECT_BEFORE.search(A.body, np_e, m["start_char"])]     # (not a place in its who-clause, nor
    #                                                 whom they spoke to: "A Tunisian official, speaking to |MEE| …")
    if apposed:
        return apposed[0]   # "A spokesperson for the CBN, Mrs Hadiza Garba-Yusuf, said …": the person named
    relative = relatives.relative_named_before(A, mt.group("np"), np_s)
    if relative is not None:
        return relative     # "… and his wife, Leonie X, stayed …" then "His wife said": Leonie X
    org = spokespeople.spokesperson_org(A, _Cand(np_s, np_e, "role"))
    if org is not None:
        return org          # "An Energex spokeswoman said …" then "…,” she said": the organisation speaks
    later = named_again(A, si, head, exact=True) if epithets.names_person(A.r, head) or A.r.role_re.fullmatch(head) else None
    if later is not None:
        return later        # "Another veteran captain … described him as ‘…’. That captain, Lorenzo X, is now 81"
    described = _ONE_OF_THEM.fullmatch(mt.group("np")) and _DESCRIBED_AFTER.match(A.body, np_e, mt.end())
    if described:           # "One of them, a loom fixer who asked not to be named, said": the loom fixer (as readers
        #                     name such a source: "One worker, a tire builder with nine years at the plant")
        return {**_anonymous_person(described.start(1), described.group(1)), "gender": g}
    return {**_anonymous_person(np_s, mt.group("np")), "gender": g}


#: an unnamed subject that is only one of a group ("One of them", "One of the workers", "One of those neighbors", "One
#: worker", "Another resident", "One of her neighbours")
_ONE_OF_THEM = re.compile(r"(?:[Oo]ne|[Aa]nother)\s+(?:of\s+(?:them|(?:those|these|the|his|her|their|our|my)(?:\s+[\w’'-]+)?)|[\w’'-]+)")
#: the indefinite apposition after it, up to a clause or a comma (", |a loom fixer| who …"; not an age alone: ", a
#: 52-year-old woman who has picked grapes …" says less than "One worker")
_DESCRIBED_AFTER = re.compile(r",\s+(an?\s+(?!\d+-year-old|elderly|young|old|older)[\w’'-]+(?:\s+[\w’'-]+){0,3}?)"
                              r"(?=\s+(?:who|whose|from|at|in|with)\b|,)")


def _owner_is_person(A: _Article, mt: re.Match) -> bool:
    """"The victim's mother said" names someone by a person's relative; "The bill's author said" is no unnamed person
    (a thing's author, founder or manager is the one named before)."""
    owner = re.match(r"[Tt]he\s+([\w-]+)[’']s\s", mt.group("np")) if mt.re is _ANONYMOUS_RELATIVE else None
    return owner is None or bool(A.r.role_re.fullmatch(owner.group(1))) or epithets.names_person(A.r, owner.group(1).lower())


#: a possessed noun opening an unnamed subject ("Her landlord said"): someone's, read as the sentence reads
_NOT_UNNAMED = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir)\s")
#: an indefinite apposition after an unnamed subject ("Another resident|, a retired teacher from Klenia,"): described further
_INDEFINITE_APPOSITION = re.compile(r",\s+an?\s")


def unnamed_subject(A: _Article, ss: int, verb_e: int) -> _Cand | None:
    """The unnamed person opening the sentence at ``ss`` as the subject of the speech verb ending at ``verb_e`` ("A
    lobbyist for a statewide business group, who asked not to be named, said privately that …"; ``anonymous_subject``),
    for reported speech and the partial quotes in it."""
    mt = _ANONYMOUS_SUBJECT.match(A.body, ss, verb_e) or _ANONYMOUS_DEFINITE.match(A.body, ss, verb_e) \
        or _ANONYMOUS_DECLINED.match(A.body, ss, verb_e) or _source_before(A, ss, verb_e)
    if mt is None or (mt.end() != verb_e and mt.re is not _ANONYMOUS_SOURCE) or _NOT_UNNAMED.match(mt.group("np")) \
            or spokespeople.SPOKES.search(mt.group("np")) or _INDEFINITE_APPOSITION.match(A.body, mt.end("np")):
        return None     # (a spokesperson speaks for someone, "Her landlord" is someone's, "Another resident, a retired
        #                 teacher from Klenia," is described further: the subject as the sentence reads)
    role = _Cand(mt.start("np"), mt.end("np"), "role")
    if roles.named_later(A, role) is not None:
        return role     # "A magistrate has told …" opening a report: the magistrate it names later (``roles.named_later``)
    m = anonymous_subject(A, A.sent_index(ss), None)
    return _Cand.of_mention(m["start_char"], m["end_char"], m) if m is not None else None


#: the rest of an unnamed source's clause up to the verb ("…, who asked not to be named| because the talks were
#: private, |said"): a comma closes it
_SOURCE_CLAUSE_END = re.compile(r"[^“”\"\n]{0,160}?,\s+(?:[a-z]+ly\s+)?[a-z]+")


def _source_before(A: _Article, ss: int, verb_e: int) -> re.Match | None:
    """An unnamed source opening the sentence at ``ss`` whose clause closes right before the verb ending at
    ``verb_e`` (``_ANONYMOUS_SOURCE``)."""
    mt = _ANONYMOUS_SOURCE.match(A.body, ss, verb_e)
    return mt if mt is not None and _SOURCE_CLAUSE_END.fullmatch(A.body, mt.end(), verb_e) else None


#: between an anonymous person's noun phrase and the name in apposition to it: a comma and a few words that open no
#: clause ("Her coach, former ATP player |Benedikt …", "A fisherman in Baler, Rogelio “Oying” |Manalastas"; not "A man in
#: his 70s who runs a business in |Kashiwazaki|"), maybe after the phrase's who-clause ("A Kandy-based consultant
#: nephrologist who was not involved in the research, Dr. |Aravinthan X|")
_APPOSITION_GAP = re.compile(r"(?:[^\S\n]+who[^\S\n]+[^,\n“”\"]{1,80})?,(?:(?!\s(?:who|whose|which|that)\b)[^,\n]){0,60}")
#: a preposition or "told" right before a name after an unnamed person: whom they spoke to ("speaking to |MEE"), no apposition
_OBJECT_BEFORE = re.compile(r"(?<![\w-])(?:to|with|for|by|from|told)\s+$")
#: what describes an anonymous person after their noun ("of three" children, "in his 70s")
_DESCRIBED = re.compile(r"\s+(?:of\s+" + FAMILY_COUNT + r"|in\s+(?:his|her|their)\s+\d+s)$")
#: where an anonymous person's noun phrase stops being their description: a place or employer after it ("One A&E
#: consultant| in the north of England", "A Kenyan customs official| at Namanga", "One driver| working outside …"), or
#: a relative clause ("A woman| who has attended St. Olha for 40 years")
_NP_TAIL = re.compile(r"\s+(?:for|of(?!\s+" + FAMILY_COUNT + r"\b)|who|whose|"
                      r"in(?!\s+(?:his|her|their)\s+\d)|at|on|near|with|"
                      r"from|based|stationed|"
                      r"[a-z]{3,}ing(?=\s+(?:[a-z]+\s+)?(?:in|at|near|outside|on|for|from)\s|\s+(?:out|up|down|off|around|away)\s)|"
                      r"(?:familiar|close|involved|briefed|knowledgeable|privy)(?=\s+(?:with|to|in|on|about)\s))\s")
#: (a participle and its place: "A taxi driver| waiting at Sirkeci", "A volunteer| handing out blankets …"; not "A
#: father| of three" or "A man| in his 70s", who are described so)
_NP_DETERMINER = re.compile(r"(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he)\s+")


#: an adverb ending an unnamed person's noun phrase ("A volunteer| there|, who asked not to be named,")
_ADVERB_END = re.compile(r"\s+(?:there|here|nearby|too|also)$")


def _np_core(np: str) -> str:
    """An unnamed person's noun phrase up to its place, employer or participle ("A taxi driver| waiting at Sirkeci"), but
    never cut right after its determiner: "One managing director in the advisory team" is a managing director; not
    an adverb after the head ("A volunteer| there")."""
    np = _ADVERB_END.sub("", np)
    for tail in _NP_TAIL.finditer(np):
        if not (_NP_DETERMINER.fullmatch(np, 0, tail.start() + 1) and tail.group(0).rstrip().endswith("ing")):
            return np[:tail.start()]
    return np


def _anonymous_person(start: int, np: str) -> dict:
    """The name an anonymous person gets: the noun phrase without its article and the place or employer after its
    head ("One A&E consultant in the north of England" -> "A&E consultant"), as readers name such sources; the span
    is the phrase's own."""
    core = _np_core(np)
    det = _NP_DETERMINER.match(core)
    s = det.end() if det and len(core) > det.end() else 0
    return unlinked_mention(start + s, start + len(core), core[s:], "PERSON")


def named_later(A: _Article, pos: int) -> dict | None:
    """The name a person described in an earlier sentence is given a little later ("A woman who lives about 5 miles up
    the road stood …" then "“…,” |she| said" then "|The woman, Sharon Beckwith-Amato, 71,| said …"): the person named
    in apposition to "The <same noun>", "The woman" or "The man" opening one of the three sentences after ``pos``
    (``named_again``), when one of the two sentences before opens with "A <noun>" naming a person; None otherwise."""
    si = A.sent_index(pos)
    head = next((h for j in range(si - 1, max(-1, si - 3), -1)
                 if (h := described_person(A, A.sents[j]["start_char"], A.sents[j]["end_char"])) is not None), None)
    return named_again(A, si, head) if head is not None else None


def named_again(A: _Article, si: int, head: str, exact: bool = False) -> dict | None:
    """The person named in apposition to "The <head>" (or "That <head>") opening one of the three sentences after
    sentence ``si`` that open outside a quotation ("said a woman who manages four rentals" then "|The woman, Kimberly
    Sossaman,| said …"),
    else None; with ``exact``, only "The <head>" itself (not "The woman", who may be someone introduced since)."""
    heads = "|".join(map(re.escape, sorted({head} if exact else {head, "woman", "man"})))     # ("a retired biology instructor" then "The
    #                                                                     woman, Lucinda X,")
    again = re.compile(r"[^\S\n]*(?:The|That|This)[^\S\n]+(?:[\w’'-]+[^\S\n]+){0,2}?(?:" + heads + r"),[^\S\n]+"
                       r"(?:who[^\S\n]+[^“”\"\n,]{0,40}?" + _NAMED_AS.pattern + r")?")     # ("The woman, who gave her name as X,")
    after = [k for k in range(si + 1, min(len(A.sents), si + 9)) if not A.in_quote(A.sents[k]["start_char"])][:3]
    for k in after:
        mo = again.match(A.body, A.sents[k]["start_char"], A.sents[k]["end_char"])
        at = (mo.start(1) if mo.group(1) else mo.end()) if mo is not None else 0
        m = next((m for m in A.mentions_in(at, A.sents[k]["end_char"]) if m["start_char"] == at), None) \
            if mo is not None else None
        if m is not None and m["label"] in PERSON_LABELS:
            return m
    return None


#: "A woman who …", "A long-haul driver from Billings", "One of them, a retired biology instructor who", "In Mbeki
#: Street, a mother of four": an indefinite noun phrase opening a sentence (maybe after a place), its words up to a
#: relative pronoun, preposition or comma
_INDEFINITE_OPENING = re.compile(r"[^\S\n]*(?:(?:One|Another)[^\S\n]+of[^\S\n]+(?:them|those)[^,\n]{0,30},[^\S\n]+"
                                 r"|(?:In|On|At|Outside|Inside|Near)[^\S\n]+[A-Z][^,\n“”\"]{0,40},[^\S\n]+)?(?:[Aa]n?|[Oo]ne)"
                                 r"[^\S\n]+([a-z][\w’'-]*(?:[^\S\n]+[A-Za-z][\w’'-]*){0,5}?)"
                                 r"(?=[^\S\n]*,|[^\S\n]+(?:who|from|in|at|on|of|with|near|outside|inside|whose|standing"
                                 r"|sitting|waiting)\b|[^\S\n]*$)")


def described_person(A: _Article, s: int, e: int) -> str | None:
    """The head noun of an indefinite description of a person opening body[s:e] ("A woman who …": woman), else None."""
    mo = _INDEFINITE_OPENING.match(A.body, s, e)
    head = mo.group(1).split()[-1] if mo is not None else None
    return head if head is not None and epithets.names_person(A.r, head) else None

