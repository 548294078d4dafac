"""Document speakers: "the statement said", "the release read", "a note that said" for whoever issued the document
("The city said in a statement …", "In a written response, X said", "a statement by its spokesman, X"). Split out of
organisations.py unchanged; ``candidates.candidate``, ``subjects`` and ``asides`` call ``document_source`` and
``relative_document_issuer``. Who is named as a document's author ("a report by X", a paper's lead author) is
``document_authors``."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from tasks.quotes import appositions
from tasks.quotes.document_authors import (
    _APPOSED_AUTHOR, _PAPER_SAYS, _POSSESSIVE_AUTHOR, _RESEARCH_PAPERS, _document_author, _lead_author,
    _person_role_speaks, council_paper,
)
from tasks.quotes.organisations import _ORGANS, _main_org, _opening_start, org_role, police_force
from tasks.quotes.phrases import ISSUE_VERBS, NAME_RUN, POSSESSIVE, _Cand
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


def document_source(A: _Article, hs: int, he: int, low: str) -> _Cand | None:
    """"the statement said" (a head of quote_patterns.txt [document_roles]): the named issuer of the latest "X said in a
    statement" / "In a written response, X said" / "X issued a statement" (any document of that section) in this
    sentence or the five before; failing that, of the latest document of the same word before them ("In a statement
    released Friday, the department said …" twenty lines up: the same statement)."""
    owned = re.fullmatch(r"(the\s+[\w-]+)[’']s\s+([a-z]+)", low)
    if owned is not None and (owned.group(2).rstrip("s") in A.r.document_roles or owned.group(2) in _ORGANS):
        # "The company's statement said", "the company's board said": the body "the company" stands for
        return org_role(A, hs, hs + len(owned.group(1)), owned.group(1))
    its = re.fullmatch(r"its\s+(?:[\w-]+\s+){0,2}([\w-]+)", low)
    if its is not None and its.group(1).rstrip("s") in A.r.document_roles:
        org = A.org_subject(hs)     # "Its first report said": the organisation "it" is, the one just written about
        return _Cand.of_mention(hs, he, org) if org is not None else None
    to_council = _COUNCIL_PAPER.match(low)
    if to_council is not None and to_council.group(1).rstrip("s") in A.r.document_roles:
        return council_paper(A, hs + to_council.end(1), he)     # "A report to cabinet said": the council's
    by = _DOCUMENT_BY.fullmatch(A.body, hs, he)
    if by is not None and by.group("head").lower().rstrip("s") in A.r.document_roles:
        c = A.candidate(by.start("issuer"), by.end("issuer"))    # "the emergency warning issued by |VicEmergency|",
        if c is not None and c.kind in ("mention", "name", "role"):     # "a statement from |the Rural Fire Service|"
            return c
    named = _NAMED_DOCUMENT.fullmatch(A.body, hs, he)
    if named is not None and named.group(2).lower().rstrip("s") in A.r.document_roles:
        c = A.candidate(named.start(1), named.end(1))        # "a Swim Wales statement said", "the Treasury's statement"
        return c if c is not None and c.kind in ("mention", "name") else _Cand(named.start(1), named.end(1), "name")
    mo = re.fullmatch(r"the\s+(?:[\w-]+\s+){0,2}([\w-]+)", low)
    if mo is None or mo.group(1) not in A.r.document_roles:
        return None
    said = re.match(r"[^\S\n]+(?:also[^\S\n]+)?", A.body[he:he + 8])
    speaks = said is not None and _PAPER_SAYS.match(A.body, he + said.end()) is not None
    lead = _lead_author(A, 0, hs) if mo.group(1) in _RESEARCH_PAPERS and speaks else None   # ("|The paper| describes")
    if lead is not None:
        return lead     # "said lead researcher Dr Nicole X" then "The paper describes …": the paper's lead author
    apposed = _APPOSED_AUTHOR.match(A.body, he)
    author = _document_author(A, apposed.end(), A.sents[A.sent_index(hs)]["end_char"]) if apposed else None
    if author is not None:      # "The pre-sentence investigation report, prepared by |the Department of Corrections|,"
        return author
    si, head = A.sent_index(hs), mo.group(1)
    earlier = _same_document(A, low, head, hs)
    if earlier is not None:
        return earlier      # "The council's budget report, circulated …, said" then "According to the budget report"
    near = _document_re(tuple(sorted(A.r.document_roles)))     # any document: "In a written response, X said …" then "the statement said"
    same = _document_re((head,), named=True)    # one of the same word, maybe named by its issuer or owner ("a St. Cloud
    #                                             Police Department news release", "The victim's statement")
    seen_at, back = None, 0
    # where one of the same word was met, its issuer unnamed: before it only that word counts ("parents sent a letter to
    # the NAACP board" then "the letter reads": no "NAACP resolution" a sentence up)
    for j in range(si, -1, -1):
        ss, se = A.sents[j]["start_char"], min(A.sents[j]["end_char"], hs)
        back += j < si and not A.in_quote(ss)     # sentences back, those of the quotation itself not counted
        found = {d.span(): d for rx in ((near, same) if back < 6 and seen_at is None else (same,))
                 for d in rx.finditer(A.body, ss, se)
                 if j < si or not A.in_quote(d.start())}   # (not one the quotation itself names: "… following
        #                                                       |complaints| received,” the statement read")
        seen_at = seen_at if seen_at is not None else next((d.start() for d in found.values() if _same_head(d, head)), None)
        # one of the same word first, the latest first ("FUFA said in a statement that the referee's report would be
        # reviewed" then "the statement read": FUFA's)
        for d in sorted(found.values(), key=lambda d: (not _same_head(d, head), -d.start())):
            c = _document_issuer(A, j, d, hs)
            if c is not None:
                return c
        posted = _posted_by(A, j, ss, se) if head in _POST_WORDS and back < 3 else None
        if posted is not None:
            return posted
    if seen_at is None and head in _COMPANY_FILINGS:
        seen_at = hs        # ("… filed a WARN notice with the state" then "The filing says": none of that word before)
    if seen_at is None:
        return _speaking_org_before(A, si)      # "The Fiji Meteorological Service says …" then "the latest bulletin said"
    return _about_org(A, seen_at, head, hs) if head in _FILING_WORDS else None


#: the verb after an organisation that speaks or gives out what the next sentence's document says ("The Fiji
#: Meteorological Service |says|", "The State Auditor's Office |released| its review")
_SPEAKS_AFTER = re.compile(r"[^\S\n]+(?:(?:has|have|had|also|on[^\S\n]+[A-Z][a-z]+day)[^\S\n]+)?(?:" + ISSUE_VERBS
                           + r"|says|said|warns|warned|reports|reported|finds|found|forecasts?|announce[ds])(?![\w-])")


def _speaking_org_before(A: _Article, si: int) -> _Cand | None:
    """A document no earlier sentence names ("the latest bulletin said"): the organisation opening one of the two
    sentences before, outside quotations, as the subject of a speech or issuing verb; None
    otherwise."""
    for j in range(si - 1, max(-1, si - 3), -1):
        ss = A.sents[j]["start_char"]
        if A.in_quote(ss):
            continue
        c = _opening_subject(A, j, A.sents[j]["end_char"])
        if c is not None and (c.mention is None or c.mention["label"] == "ORG") and _SPEAKS_AFTER.match(A.body, c.end):
            return c
    return None


def _same_document(A: _Article, low: str, head: str, hs: int) -> _Cand | None:
    """The issuer of the latest document before ``hs`` named with the same modifier and word as ``low`` ("the budget
    report": "The council's |budget report|, circulated to members last week, said"), outside quotations; None when
    ``low`` has no modifier or no such document has a known issuer."""
    mod = re.fullmatch(r"the\s+(?:[\w-]+\s+){0,1}([\w-]+)\s+[\w-]+", low)
    if mod is None or mod.group(1) in A.r.document_roles:
        return None
    word = re.compile(r"(?<![\w-])" + re.escape(mod.group(1)) + r"\s+" + re.escape(head) + r"\b", re.I)
    same = _document_re((head,), named=True)
    found = [d for d in same.finditer(A.body, 0, hs) if word.search(d.group(0)) and not A.in_quote(d.start())]
    for d in reversed(found):
        c = _document_issuer(A, A.sent_index(d.start()), d, hs)
        if c is not None:
            return c
    return None


#: a document put to a council, as a speaker ("|A report| to cabinet", "a staff |report| to the council")
_COUNCIL_PAPER = re.compile(r"(?:an?|the)\s+(?:[\w-]+\s+){0,2}?([a-z]+)(?=\s+(?:to|for)\s)")


#: the papers a company files with a regulator or a court, whoever it is said to have filed them ("the filing said",
#: "the notice said", "the complaint says"; not a statement, release or email, which PolNeAR keeps as their own source
#: when no one is said to give them)
_FILING_WORDS = frozenset({"filing", "notice", "disclosure", "accounts", "application", "complaint", "indictment", "lawsuit",
                           "petition"})


def _about_org(A: _Article, doc_start: int, head: str, hs: int) -> _Cand | None:
    """The organisation the sentences before a document's sentence open with, when that sentence names no one who
    gave it out ("X will close its plant, the company said. ¶ The closure was disclosed in a filing with the SEC." then
    "the filing said"; not "Parents sent a letter to the NAACP board": the parents'); for a company's filing or notice,
    failing that, the company the article is about up to the quotation at ``hs`` ("The company said it would offer
    severance …" then "A notice filed with the Maryland Department of Labor … lists 94 jobs"); None otherwise."""
    ss = A.sents[A.sent_index(doc_start)]["start_char"]
    if _GAVE_BEFORE.search(A.body, max(ss, doc_start - 40), doc_start) \
            or _ISSUED_BEFORE.search(A.body, max(ss, doc_start - 40), doc_start):
        return None
    org = A.org_subject(ss) or (_main_org(A, max(ss, hs), "company") if head in _COMPANY_FILINGS else None)
    return _Cand.of_mention(org["start_char"], org["end_char"], org) if org is not None else None


#: the papers only a company files about itself (a layoff notice, a filing with a market regulator)
_COMPANY_FILINGS = frozenset({"filing", "notice", "disclosure", "accounts"})


#: the document words a post on a social network is ("the post said", "the tweet read")
_POST_WORDS = frozenset({"post", "tweet", "message"})
#: saying something on a social network without naming the post: "said on X", "wrote on Facebook", "posted to Instagram"
_ON_SOCIAL = re.compile(r"(?<![\w-])(?:said|says|wrote|writes|posted|posts|announced|shared|shares)(?:[^\S\n]+[^.;:“”\"\n]{0,60}?)?"
                        r"[^\S\n]+(?:on|to)[^\S\n]+(?:(?:its|their|his|her|the)[^\S\n]+(?:official[^\S\n]+)?)?"
                        r"(?:X|Twitter|Facebook|Instagram|LinkedIn|Threads|Bluesky|TikTok|social[^\S\n]+media)(?![\w-])")
#     ("The City of Parkersburg |shared ways to help on its Facebook| page")


def _posted_by(A: _Article, j: int, ss: int, se: int) -> _Cand | None:
    """Who "said on X" / "wrote on Facebook" in sentence ``j`` (body[ss:se]), for "the post said" after it ("The Georgia
    Secretary of State's Office said on X that …" then "“…,” the post said"): the named subject of that verb."""
    for v in reversed(list(_ON_SOCIAL.finditer(A.body, ss, se))):
        if A.in_quote(v.start()):
            continue
        c = A.subject_before(v.start(), ss)
        if c is not None and c.kind in ("role", "np"):
            c = org_role(A, c.start, c.end, A.body[c.start:c.end].lower()) or _named_body(A, c) or c
        if c is not None and c.kind in ("mention", "name"):
            return c
    return None


def _same_head(d: re.Match, head: str) -> bool:
    """Does the document phrase ``d`` end in the word ``head`` (or its plural)?"""
    return d.group(0).lower().rstrip("s").endswith(head.rstrip("s"))


#: a document as the antecedent of a relative "that"/"which" right before ``ps`` ("Trump released |a marketing video|
#: that said", "issued |a statement|, which read", "he left me |a note| on the desk that said")
_DOCUMENT_BEFORE_RELATIVE = re.compile(r"(?i:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?P<head>[a-z][\w-]*)"
                                       r"(?:\s+(?:on|in|at|from|to|by)\s+(?:the|a|an|his|her|their|my|our)\s+[\w-]+)?"
                                       r"(?:\s+(?:[\w-]+\s+){0,2}(?:later|ago|earlier))?\s*,?\s*$")     # ("a letter |years later| that said")


def relative_document_issuer(A: _Article, ps: int) -> _Cand | None:
    """The issuer of the document a relative pronoun at ``ps`` stands for ("The company issued a statement that read:
    …": the company; ``_document_issuer``); None when the word before is no document or no one issued it."""
    ss = A.sents[A.sent_index(ps)]["start_char"]
    m = _DOCUMENT_BEFORE_RELATIVE.search(A.body, max(ss, ps - 60), ps)
    if m is None or m.group("head").lower().rstrip("s") not in A.r.document_roles:
        return None
    d = _document_re(tuple(sorted(A.r.document_roles))).match(A.body, m.start(), ps)
    if d is None:
        return None
    issuer = _document_issuer(A, A.sent_index(ps), d, ps)
    gave = _GAVE_BEFORE.search(A.body, max(ss, d.start() - 30), d.start()) if issuer is None else None
    # "he left me a note on the desk that said": whoever gave it (not "Residents received a message that said")
    return issuer or (A.subject_before(gave.start(), ss) if gave is not None else None)


#: a verb giving a document, right before it ("|left me| a note", "|sent| an email", "|sent a painting with| a note")
_GAVE_BEFORE = re.compile(r"(?<![\w-])(?:left|sent|wrote|posted|handed|gave|e-?mailed|texted|mailed|signed|tweeted|slipped)"
                          r"(?:\s+(?:me|him|her|us|them|you))?(?:\s+(?:a|an|the|his|her|their)\s+[\w-]+\s+with)?\s+$")


def _document_issuer(A: _Article, j: int, d: re.Match, hs: int) -> _Cand | None:
    """Who gave out the document ``d`` of sentence ``j`` (for a quote at ``hs`` after it; ``document_source``)."""
    ss, se = A.sents[j]["start_char"], min(A.sents[j]["end_char"], hs)
    unnamed: _Cand | None = None
    named = _named_issuer(A, d)
    if named is not None or _OWNER_OF_DOCUMENT.match(A.body, d.start(), d.end()):
        return named        # "according to a St. Cloud Police Department news release"; "the campaign's statement":
        #                     the campaign's or, unnamed, no one's else
    apposed = _APPOSED_AUTHOR.match(A.body, d.end())      # "The order|, written by Justice X,|"
    author = _document_author(A, apposed.end() if apposed else d.end(), A.sents[j]["end_char"])
    opening = _opening_subject(A, j, min(A.sents[j]["end_char"], hs))
    aide = _POSSESSIVE_AUTHOR.match(A.body, d.end()) and (
        (opening is not None and opening.mention is not None and opening.mention["label"] in PERSON_LABELS)
        or (author is not None and _person_role_speaks(A, author.end)))
    if author is not None and not aide:
        return author       # "NNPC, in a statement by its spokesman, Mrs. Adaeze Okonkwo-Bello," (not a
        #                     person's "statement issued by her media aide")
    council = council_paper(A, d.end(), A.sents[j]["end_char"])
    if council is not None:
        return council     # "A report to cabinet said …", "The staff report that came to council says": the council's
    verbs = [v for v in A.r.quote_verb_re.finditer(A.body, ss, min(se, d.start() + 200)) if not A.in_quote(v.start())
             and not d.start() <= v.start() <= d.end() + 1]     # (not "a statement |read| to the court",
    #                                                              nor the document's own word: "its annual |report|")
    issued = _ISSUED_BEFORE.search(A.body, max(ss, d.start() - 40), d.start())
    # the verb next to the document first ("Officers were called …, the department said in a news release":
    # not "called"), then the others
    starts = sorted((v.start() for v in verbs), key=lambda vs: (d.start() - vs) if vs < d.start() else (vs - d.end())) \
        or ([issued.start()] if issued else [])
    for vs in starts:      # the first with a named subject ("In a written response to questions, X said")
        c = A.subject_before(vs, ss)
        if c is not None and c.kind == "pronoun" and d.end() <= c.start < hs \
                and A.body[c.start:c.end].lower() in ("he", "she"):
            c = _resolved(A, c)     # "In a victim impact statement read to the court, he said"
        elif c is not None and c.kind == "pronoun" and A.body[c.start:c.end].lower() in ("it", "they"):
            group = A.group_subject(c.start)      # "The FSB said in a statement that it …"; "Haus & Grund
            if group is None and A.body[c.start:c.end].lower() == "it":      # Berlin rejected the plan. In a
                group = A.org_subject(c.start)                              # statement, it said …"
            c = _Cand.of_mention(c.start, c.end, group) if group else None
        if c is not None and c.kind in ("mention", "name", "role", "np") and c.start < hs:
            if c.kind in ("role", "np"):      # "in a statement by its chief officer, Mrs. Adaeze Okonkwo-Bello,";
                #                               "In a statement on Wednesday, the municipality said"
                c = appositions._apposed_name(A, c.end, vs) \
                    or org_role(A, c.start, c.end, A.body[c.start:c.end].lower()) or _named_body(A, c) or c
            if c.kind == "role" and (_SPOKES_WORD.search(A.body, c.start, c.end)
                                     or (not POSSESSIVE.search(A.body, c.start, c.end + 3) and A.resolve(c)[1])):
                return c      # "A spokesperson for the hospital said in a statement": whom it speaks for;
                #               "In a statement, a spokesperson for |the minister| said": the minister named
                #               (not "The Prime Minister’s Office issues a statement": the office)
            if c.kind in ("mention", "name"):
                return c
            unnamed = c if c.kind == "np" and (d.end() <= vs or _VERB_INTO_DOCUMENT.fullmatch(A.body, vs, d.start())) \
                and _names_a_body(A, c) else None     # ("the sheriff’s office said in a Facebook post": the office, as
            #       written; not "a truck within 10 minutes of a weekday daytime" before "call")
            break     # an unnamed subject ("The Prime Minister’s Office issues …, warning"): the opening one
    if opening is not None:
        return opening     # "In a statement signed by its manager, GWL attributed …", "The Treasury, in a statement, blamed"
    if unnamed is not None:
        return unnamed     # "In a statement Tuesday morning, his office said …": the office, as written
    issuer = _opening_issuer(A, j, d.start())
    if issuer is not None:
        return issuer      # "The land registry department said in a statement": the department, as written
    return None


def _names_a_body(A: _Article, c: _Cand) -> bool:
    """Can the unnamed noun phrase ``c`` be whoever gave out a document: at most four words, or one of its words an
    organisation's or a document's ("A statement from the Premier's |office|")?"""
    words = re.findall(r"[a-z]+", A.body[c.start:c.end].lower())
    return len(A.body[c.start:c.end].split()) <= 4 or any(w in A.r.org_roles or w in A.r.document_roles for w in words)


#: a speech verb right before the document it names ("said |in| a Facebook post", "wrote on its website")
_VERB_INTO_DOCUMENT = re.compile(r"[a-z]+[^\S\n]+(?:in|on|via|through)[^\S\n]+")


def _named_body(A: _Article, c: _Cand) -> _Cand | None:
    """The named body a noun phrase stands for when the candidate reading finds one ("the county": King County)."""
    found = A.candidate(c.start, c.end)
    return found if found is not None and found.kind == "mention" else None


#: the phrase opening a sentence right before the verb that gave out a document next to it (up to eight words, no
#: pronoun): "|Western Cape police| said in a statement", "|EPCR|, the tournament organiser, said in a statement",
#: "|The consortium|, in a statement released after the hearing, said", "|The referees committee| has issued a statement";
#: a name in brackets after it is group 2 ("Médecins Sans Frontières (|MSF|), which …, said in a statement")
_ISSUER_OPENING = re.compile(r"(?!(?:He|She|It|They|We|I|This|That|These|Those|There|Here|What|Who)\b)"
                             r"((?:[\w&’'.-]+[^\S\n]+){0,7}?[\w&’'.-]+)(?:[^\S\n]+\(([A-Z][^()\n]{1,40})\))?"
                             r"(?=(?:,[^,\n]{1,90},)?[^\S\n]+(?:(?:has|have|had)[^\S\n]+)?(?:also[^\S\n]+)?"
                             r"(?:said|says|stated|states|issued|issues|released|releases|put[^\S\n]+out|puts[^\S\n]+out|published"
                             r"|posted|added|wrote|announced|responded|replied|confirmed|told)\b)")


def _opening_issuer(A: _Article, j: int, doc_start: int) -> _Cand | None:
    """Who gave out the document at ``doc_start`` when sentence ``j`` opens with them and no name was found: the
    phrase as ``A.candidate`` reads it (a role is resolved like one; an unnamed body is kept as written), when the
    document comes at most 100 characters after the phrase (after its verb or inside the comma clause after it); the
    name in brackets after an unnamed body ("The regional health agency (ARS Nouvelle-Aquitaine)") is that body."""
    m = _ISSUER_OPENING.match(A.body, _opening_start(A, j, doc_start), A.sents[j]["end_char"])
    if m is None or not m.end() < doc_start <= m.end() + 100 or A.in_quote(m.start(1)):
        return None
    words = m.group(1).lower().split()
    if words[-1].rstrip("s") in A.r.document_roles or any(w in A.r.verb_forms for w in words[1:]):
        return None
    c = A.candidate(m.start(1), m.end(1))
    if m.group(2) and (c is None or c.kind == "np" or re.match(r"(?:The|A|An)\s+[a-z]", m.group(1))):
        return _Cand(m.start(2), m.end(2), "name", None, None, m.group(2))  # "The regional health agency (|ARS
        #                                                                       Nouvelle-Aquitaine|) said in a statement"
    return c if c is not None and c.kind in ("mention", "name", "role", "np") else _Cand(m.start(1), m.end(1), "np")


#: a document named by whoever issued it: "a |Swim Wales| statement", "the |Treasury|’s statement", "a |Met Police| post"
#: a document and its issuer after "by" or "from" ("a statement issued by |Fire and Rescue NSW|", "the warning from |the
#: Bureau|")
_DOCUMENT_BY = re.compile(r"(?:[Aa]n?|[Tt]he)[^\S\n]+(?:[\w-]+[^\S\n]+){0,2}?(?P<head>[a-z][\w-]*)[^\S\n]+"
                          r"(?:(?:issued|released|sent|posted|put[^\S\n]+out)[^\S\n]+)?(?:by|from)[^\S\n]+(?P<issuer>\S.*)")
_NAMED_DOCUMENT = re.compile(r"(?:[Aa]n?|[Tt]he)[^\S\n]+((?:[A-Z][\w&.-]*[^\S\n]+){0,4}[A-Z][\w&.-]*)(?:[’']s)?[^\S\n]+([a-z]+)")


def _resolved(A: _Article, c: _Cand) -> _Cand | None:
    """A pronoun candidate as the person it stands for (``_Article.resolve_pronoun``), or None."""
    m = A.resolve_pronoun(c.start, A.body[c.start:c.end])
    return _Cand.of_mention(c.start, c.end, m) if m else None


def _opening_subject(A: _Article, j: int, before: int) -> _Cand | None:
    """The named person or organisation opening sentence ``j`` (after a fronted clause: "In a statement signed by its
    manager, |GWL| attributed …"), before ``before``; a capitalised name the model missed when an organisation
    apposition follows it ("|Airlines for America|, the industry's trade group, said"); else None."""
    s = A.sents[j]
    fronted = A.fronted(s["start_char"], before)
    start = fronted.end() if fronted else s["start_char"]
    lead = re.match(r"[^\S\n]*(?:[Tt]he[^\S\n]+)?", A.body[start:before])
    at = start + (lead.end() if lead else 0)
    first = next((m for m in A.mentions_in(at, before) if not A.in_quote(m["start_char"])), None)
    if first is not None and first["label"] in ("PERSON", "ORG") and first["start_char"] - at <= 40 \
            and re.fullmatch(r"(?:[A-Z][\w.’'-]*[^\S\n]+)*", A.body[at:first["start_char"]]):
        return _Cand.of_mention(first["start_char"], first["end_char"], first)
    named = _NAME_BEFORE_ORG_APPOSITION.match(A.body, at, before)
    if named is not None and named.group(2) in A.r.org_roles:
        return _Cand(named.start(1), named.end(1), "name", None, None, named.group(1))
    body = _ORG_NAME_OPENING.match(A.body, at, before)     # "The |Prime Minister’s Office| issues a statement"
    if body is not None and body.group(2).lower() in A.r.org_roles:
        return _Cand(body.start(1), body.end(1), "name", None, None, body.group(1))
    role = _ORG_ROLE_OPENING.match(A.body, start + len(A.body[start:before]) - len(A.body[start:before].lstrip()), before)
    if role is not None and role.group(1) in A.r.org_roles:      # "In a statement, |the company| blamed …": the
        c = org_role(A, role.start(), role.end(), role.group(0).lower()) \
            or org_role(A, role.start(), role.end(), "the " + role.group(1))      # company named before ("the
        #                                                                           sheriff's |office|")
        return c if c is not None and c.kind in ("mention", "name") else None
    return None


#: a definite organisation word opening a clause, before its verb or a comma ("the company| blamed", "the union|, which")
_ORG_ROLE_OPENING = re.compile(r"[Tt]he[^\S\n]+(?:[\w’'-]+[^\S\n]+){0,2}?([a-z][\w-]*)(?=[^\S\n]+[a-z]|,)")


#: capitalised words ending in an organisation word, then a lower-case word (its verb): "Prime Minister’s Office| issues"
#: or a comma (a clause about it: "The |Internet Freedom Foundation|, which had filed …, said")
_ORG_NAME_OPENING = re.compile(r"((?:[A-Z][\w.’'-]*[^\S\n]+(?:(?:and|of|for|&)[^\S\n]+)?){0,5}([A-Z][a-z]+))(?=[^\S\n]+[a-z]|,)")


#: "Airlines for America|, the industry's trade |group|,": a name, then an apposition whose head is an organisation word
_NAME_BEFORE_ORG_APPOSITION = re.compile(rf"({NAME_RUN}),"
                                         r"[^\S\n]+(?:the|an?)[^\S\n]+(?:[\w’'-]+[^\S\n]+){0,3}?([a-z]+),")


#: the verb that issued a document right before it ("The union Unison … has |issued| a statement", "The assembly
#: unanimously |adopted| a resolution", "The family |filed| a lawsuit")
_ISSUED_BEFORE = re.compile(r"(?<![\w-])(?:" + ISSUE_VERBS + r"|posts|posted|filed|adopted|passed|sent|sends|wrote|writes"
                            r"|e-?mailed|circulated|submitted|lodged)[^\S\n]+$")
_SPOKES_WORD = re.compile(r"(?<![\w-])spokes(?:man|woman|person)(?![\w-])", re.I)


@lru_cache(maxsize=64)
def _document_re(heads: tuple[str, ...], named: bool = False) -> re.Pattern:
    # the document's word in lower case: "the Galaxy |Note| 7 recall" is no note; when ``named``, its issuer's name or
    # owner may come first ("a |St. Cloud Police Department| news release", "|the victim's| statement")
    issuer, word = (r"(?:[A-Z][\w&’'-]*\.?\s+(?:(?:of|and|for|&)\s+)?){0,5}?", r"[\w’'-]") if named else ("", r"[\w-]")
    # (or no determiner right after an issuing verb: "The National Weather Service issued |flood warnings| for …")
    # (or, when named, its owner's name without one: "|SCDF's fire safety guidelines|")
    owner = r"|(?<![\w’'-])(?=(?:[A-Z][\w&.-]*\s+){0,4}[A-Z][\w&.-]*[’']s\s)" if named else ""
    return re.compile(r"(?:\b(?i:a|an|the|its|his|her|their)\s+|(?<=issued\s)|(?<=issues\s)" + owner + r")" + issuer
                      + r"(?:(?!" + _NOT_IN_DOCUMENT + r"\b)" + word + r"+\s+){0,4}?(?:" + "|".join(map(re.escape, heads))
                      + r")s?\b")


#: words that end a document's phrase before its word: a speech verb, an article or a form of "be" ("the ministry| said
#: in a |statement", "the fire| is under |investigation")
_NOT_IN_DOCUMENT = r"(?i:said|says|told|wrote|added|a|an|the|its|his|her|their|is|are|was|were|be|been|under)"


#: the issuer named inside a document's phrase: "a |St. Cloud Police Department| news release", "the |Treasury|’s
#: statement", "an |Apple| press release", "the |Shelby County Health Department|'s most recent community health
#: assessment", "|SCDF|'s fire safety guidelines" (group 2: an owner's name with no article)
_ISSUER_IN_DOCUMENT = re.compile(r"(?:(?:[Aa]n?|[Tt]he)\s+((?:[A-Z][\w&’'-]*\.?\s+(?:(?:of|and|for|&)\s+)?){0,5}?[A-Z][\w&-]*)"
                                 r"(?:[’']s)?|((?:[A-Z][\w&.-]*\s+){0,4}[A-Z][\w&.-]*)[’']s)"
                                 r"\s+(?:[a-z0-9][\w-]*\s+){0,4}?[a-z]+$")


def _named_issuer(A: _Article, d: re.Match) -> _Cand | None:
    """Who the document's own phrase names as its issuer: a name between its article and its word (``_ISSUER_IN_DOCUMENT``)
    or a noun owning it (``_OWNER_OF_DOCUMENT``); None for neither."""
    named = _ISSUER_IN_DOCUMENT.match(A.body, d.start(), d.end())
    if named is not None:
        return _capitalised_issuer(A, named)
    owner = _OWNER_OF_DOCUMENT.match(A.body, d.start(), d.end())
    if owner is not None:
        return _owner_issuer(A, owner)
    body = _BODY_OF_DOCUMENT.match(A.body, d.start(), d.end())
    return _body_issuer(A, body) if body is not None else None


#: a body's common noun right before the document's word(s): "a |police| statement", "a |council| news release"
_BODY_OF_DOCUMENT = re.compile(r"(?:[Aa]n?|[Tt]he)\s+([a-z]+)\s+(?:[a-z][\w-]*\s+)?[a-z]+$")


def _body_issuer(A: _Article, body: re.Match) -> _Cand | None:
    """The body a common noun before a document names: "a police statement" the police force named before, "a company
    statement" the company; None for any other word ("a written statement")."""
    s, e, word = body.start(1), body.end(1), body.group(1)
    if word == "police":
        found = police_force(A, s, e, "")
        return found if found.kind == "mention" else None
    return org_role(A, s, e, "the " + word) if word in A.r.org_roles else None


def _capitalised_issuer(A: _Article, named: re.Match) -> _Cand | None:
    """The organisation, person or place a name inside a document's phrase is when the model reads it as one ("a |St.
    Cloud Police Department| news release"; not "a |Tuesday| statement")."""
    g = 1 if named.group(1) else 2
    c = A.candidate(named.start(g), named.end(g))
    if c is None or c.kind != "mention" or c.mention is None or c.mention["label"] not in _ISSUER_LABELS:
        return None
    return c


def _owner_issuer(A: _Article, owner: re.Match) -> _Cand | None:
    """The owner of "|the victim|'s statement" (a role: whom it stands for) or "|the company|'s statement" (the company
    named before); None when the noun names no one ("the campaign's statement" with no campaign named)."""
    os_, oe = owner.span(1)
    c = org_role(A, os_, oe, owner.group(1).lower()) or A.candidate(os_, oe)
    return c if c is not None and c.kind in ("mention", "name", "role") else None


#: a document owned by someone a noun names: "|the victim|’s statement", "|the family|'s letter" (not a name: above)
_OWNER_OF_DOCUMENT = re.compile(r"((?i:the)\s+[a-z][\w-]*)[’']s\s+(?:[a-z][\w-]*\s+){0,2}?[a-z]+$")


#: the labels of a name that can issue a document
_ISSUER_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC"})


def phrase_issuer(A: _Article, start: int, end: int) -> _Cand | None:
    """Who gave out the document a source phrase names ("according to |a statement from the St. Louis County
    Sheriff's Office|", "according to |a St. Cloud Police Department news release|"): the name inside it or after
    "by"/"from"; None when the phrase is no document or names no one."""
    d = _document_re(tuple(sorted(A.r.document_roles)), named=True).match(A.body, start, end)
    if d is None:
        return None
    return _named_issuer(A, d) or _document_author(A, d.end(), end)
