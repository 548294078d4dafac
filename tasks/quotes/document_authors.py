"""Who wrote a document: the person or body named after "by" or "from" right after it ("a statement by its spokesman,
X", "a 2025 report by the Office of the Comptroller found", "a staff report prepared by the city's Build Mobile
department", "a report by council planning officers"), a paper's lead author ("said lead researcher Dr X" then "The
paper describes …", "the authors wrote"), the body a document belongs to ("a report of the Audit Service") or was put
to ("A report to cabinet": the council's), and whether an aide only signed a person's statement. Split out of
documents.py; ``documents`` and ``roles`` call these."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.entities.rules import _person_nouns
from tasks.quotes import appositions
from tasks.quotes.organisations import org_role
from tasks.quotes.phrases import NAME_RUN, POSSESSIVE, _Cand
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


#: the document words of a research paper, whose lead author speaks for it
_RESEARCH_PAPERS = frozenset({"paper", "study"})
#: what a document does right after its author ("a 2025 report by the Office of the Comptroller |found| that …")
_FINDING_VERBS = ("found|finds|said|says|shows|showed|concluded|concludes|recommended|recommends|warned|warns|estimated"
                  "|estimates|noted|notes|stated|states|described|describes|predicted|predicts|projected|projects|suggested"
                  "|suggests|identified|identifies|called|calls|urged|urges|revealed|reveals|criticised|criticized"
                  "|highlighted|highlights|flagged|flags|argued|argues|assessed|assesses|rated|rates|judged|judges|cited"
                  "|cites|listed|lists|blamed|blames")


#: what a paper does when it is quoted ("The paper |describes| those figures as …"; not "read about the study |remember|")
_PAPER_SAYS = re.compile(r"(?:" + _FINDING_VERBS + r"|reads|read|adds|added|reports|reported|writes|wrote)(?![\w-])")
#: a person named as a paper's lead author ("said |lead researcher| Dr X", "X, |the lead author of the study|")
_LEAD_AUTHOR = re.compile(r"(?<![\w-])(?:(?:lead|senior|principal|first|corresponding)[^\S\n]+(?:author|researcher|investigator)"
                          r"|(?:study|paper)[’']s[^\S\n]+(?:lead[^\S\n]+)?author)s?(?![\w-])"
                          r"|(?<![\w-])(?:who[^\S\n]+)?led[^\S\n]+the[^\S\n]+(?:study|research|trial|paper|review|survey)(?![\w-])", re.I)
#: a paper's authors as a speaker ("the authors wrote", "the study's authors said", "the researchers wrote in the paper"):
#: its lead author speaks for them
_AUTHORS = re.compile(r"the[^\S\n]+(?:(?:study|paper|report)(?:[’']s)?[^\S\n]+)?(?:(?:co-?)?authors|researchers)")


def paper_authors(A: _Article, hs: int, low: str) -> _Cand | None:
    """"the authors" of a paper at ``hs``: its lead author named before (``_lead_author``), else the one named in the
    paragraph after ("the researchers wrote. … Dr X, the study's lead author, said"), else None."""
    if not _AUTHORS.fullmatch(low):
        return None
    p = A.para_index(hs)
    after = A.paras[min(p + 1, len(A.paras) - 1)][1]
    return _lead_author(A, 0, hs) or _lead_author(A, hs, after)


def _lead_author(A: _Article, lo: int, hi: int) -> _Cand | None:
    """The person the article named as a paper's lead author between ``lo`` and ``hi`` (``_LEAD_AUTHOR``, the latest
    such phrase): the person mention nearest that phrase in its sentence, outside quotations, or for "who led the
    study" the person it follows (``_relative_antecedent``); None when there is none."""
    found = [mo for mo in _LEAD_AUTHOR.finditer(A.body, lo, hi) if not A.in_quote(mo.start())]
    for mo in reversed(found):
        if mo.group(0).lower().startswith(("who", "led")):
            m = _relative_antecedent(A, mo.start())
            if m is not None:
                return _Cand.of_mention(m["start_char"], m["end_char"], m)
            continue
        s = A.sents[A.sent_index(mo.start())]
        persons = [m for m in A.mentions_in(s["start_char"], s["end_char"])
                   if m["label"] in PERSON_LABELS and m.get("entity_id") and not A.in_quote(m["start_char"])]
        if persons:
            m = min(persons, key=lambda m: min(abs(m["start_char"] - mo.end()), abs(mo.start() - m["end_char"])))
            return _Cand.of_mention(m["start_char"], m["end_char"], m)
    return None


def _relative_antecedent(A: _Article, pos: int) -> dict | None:
    """The person "who led the study" at ``pos`` is: the latest person the model itself found before it in its
    paragraph, outside quotations ("said Dr X, a cardiologist at Y Teaching Hospital, |Gwagwalada|, who led the study":
    not the town the name rules took for a person), else the latest person there."""
    ps = A.paras[A.para_index(pos)][0]
    persons = [m for m in A.mentions_in(ps, pos)
               if m["label"] in PERSON_LABELS and m.get("entity_id") and not A.in_quote(m["start_char"])]
    model = [m for m in persons if m.get("ner_label") == "PERSON"]
    chosen = model or persons
    return chosen[-1] if chosen else None


#: the subject that speaks after the author of a document ("…, Segun Akintola-Daramola|, the minister said:")
_SUBJECT_AFTER_AUTHOR = re.compile(r"[^\S\n]*,[^\S\n]+(?:the[^\S\n]+(?P<role>[a-z][a-z -]{1,40}?)|he|she)[^\S\n]+"
                                   r"(?:said|says|added|stated|noted|explained|maintained|insisted)\b")


def _person_role_speaks(A: _Article, pos: int) -> bool:
    """Does a person's role or he/she speak right after the document's author ending at ``pos`` ("In a statement signed
    by his special adviser, Segun Akintola-Daramola, |the minister said|")? Then the aide only signed it."""
    m = _SUBJECT_AFTER_AUTHOR.match(A.body, pos)
    if m is None:
        return False
    role = m.group("role")
    return role is None or (bool(A.r.role_re.fullmatch(role)) and role.split()[-1] not in A.r.org_roles)


#: "a statement issued by |her media aide, Mr Kayode Ogundipe": someone's aide wrote it; it is the subject's statement
_POSSESSIVE_AUTHOR = re.compile(r"[^\S\n]+(?:(?:signed|issued|released|sent)[^\S\n]+)?(?:by|from)[^\S\n]+(?:its|his|her|their)[^\S\n]")


#: "a statement by| its Chief Corporate Communications Officer, Mrs. Adaeze Okonkwo-Bello": who wrote the document
#: (up to a comma or "to the": "a letter from |O’Rourke-Fenn| to the court"; the day it came out may stand before "by":
#: "a statement released Saturday morning by| the Grand Traverse County Sheriff's Office")
_BY_AUTHOR = re.compile(r"[^\S\n]+(?:(?:signed|issued|released|sent|filed|prepared|written|compiled|conducted|published"
                        r"|produced|drafted|commissioned|presented)"
                        r"(?:[^\S\n]+for[^\S\n]+(?:the[^\S\n]+)?[\w-]+)?(?:[^\S\n]+(?:on[^\S\n]+)?[A-Z][a-z]+day"
                        r"(?:[^\S\n]+(?:morning|afternoon|evening|night))?)?[^\S\n]+)?(?:by|from)[^\S\n]+((?:(?:its|the|their|his|her|a|an)[^\S\n]+)?"
                        r"(?:[^,.;:“”\"\n]|\.(?=[^\S\n]+[A-Z])){2,80}?)"     # ("from the |St.| Louis County Sheriff's Office")
                        r"(?=[^\S\n]*[,;:]|[^\S\n]*\.(?![^\S\n]+[A-Z])|[^\S\n]+to[^\S\n]+the[^\S\n]|$"
                        r"|[^\S\n]+(?:" + _FINDING_VERBS + r")(?![\w-]))")


#: an organisation's governing body named by its owner ("|the company’s| board of directors", "the club's board")
_OWNED_ORGAN = re.compile(r"((?i:the)[^\S\n]+[a-z]+)[’']s[^\S\n]+(?:board|management|leadership)(?:[^\S\n]+of[^\S\n]+"
                          r"(?:directors|trustees|governors))?")


#: "of" right after a document, before the body it belongs to ("a report| of the |Ghana Audit Service")
_OF_BODY = re.compile(r"[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?")


def _body_of(A: _Article, pos: int, end: int) -> _Cand | None:
    """The organisation named right after "of" at ``pos`` ("a 2023 report| of the Ghana Audit Service|"), or None."""
    of = _OF_BODY.match(A.body, pos, end)
    body = next((m for m in A.mentions_in(of.end(), end) if m["start_char"] == of.end()), None) if of else None
    return _Cand.of_mention(body["start_char"], body["end_char"], body) if body and body["label"] == "ORG" else None


#: the papers officers put to a council ("A |report| to cabinet"; not "a |letter| to the council")
_COUNCIL_PAPERS = frozenset({"report", "paper", "briefing", "document", "memo", "memorandum", "analysis", "assessment",
                             "review", "update"})
_WORD_BEFORE = re.compile(r"([a-z]+)[^\S\n]*$")
#: a paper put to a council or its cabinet ("A report| to cabinet|", "a staff report| to the council|"): the council's
_TO_COUNCIL = re.compile(r"[^\S\n]+(?:(?:(?:that|which)[^\S\n]+(?:came|went|goes|comes|(?:was|is)[^\S\n]+)[^\S\n]*)?"
                         r"(?:presented|put|tabled|submitted)?[^\S\n]*)(?:to|for|before)[^\S\n]+(?:the[^\S\n]+)?"
                         r"(?:cabinet|council|councillors|councilors|councilmembers|executive)(?![\w-])")


def council_paper(A: _Article, pos: int, end: int) -> _Cand | None:
    """The council a report right before ``pos`` was put to ("A report to cabinet said", "a staff report to the
    council"): the council named before, or the author named after it ("A report to cabinet by the council's chief
    finance officer, X,"); None for any other document (a letter to the council is someone else's)."""
    mo = _TO_COUNCIL.match(A.body, pos, end)
    head = _WORD_BEFORE.search(A.body, max(0, pos - 30), pos)
    if mo is None or head is None or head.group(1) not in _COUNCIL_PAPERS:
        return None
    if _BY_AUTHOR.match(A.body[:end], mo.end()):
        return _document_author(A, mo.end(), end)
    c = org_role(A, pos, mo.end(), "the council")
    if c is None or c.mention is None:
        return None
    return _Cand.of_mention(c.mention["start_char"], c.mention["end_char"], c.mention)     # (the council as named)


def _organ_owner(A: _Article, c: _Cand) -> _Cand:
    """The organisation a role naming its governing body stands for ("A letter from |the company’s| board of
    directors": the company named before), else the role itself."""
    organ = _OWNED_ORGAN.fullmatch(A.body, c.start, c.end)
    owner = org_role(A, c.start, organ.end(1), organ.group(1).lower()) if organ is not None else None
    return owner if owner is not None and owner.kind in ("mention", "name") else c


def _document_author(A: _Article, pos: int, end: int) -> _Cand | None:
    """The person or organisation named after "by" right after a document ("a statement by X"): a mention, or a
    role with a name in apposition after it; or an organisation whose document it is ("a 2023 report of |the Ghana
    Audit Service| on …")."""
    mb = _BY_AUTHOR.match(A.body[:end], pos)
    if mb is None:
        return _body_of(A, pos, end)
    when = _WHEN_AFTER_AUTHOR.search(A.body, mb.start(1), mb.end(1))    # "released by X |on Wednesday morning|"
    c = A.candidate(mb.start(1), when.start() if when else mb.end(1))
    c = _organ_owner(A, c) if c is not None and c.kind == "role" else c
    if c is not None and c.kind == "role":
        c = appositions._apposed_name(A, c.end, end) or c
    if c is not None and c.kind in ("role", "np") and POSSESSIVE.search(A.body, c.start, c.end) \
            and A.body[c.start:c.end].split()[-1].lower() in _person_nouns():
        return c        # "A statement from |the victim's partner|, who asked …": someone unnamed, as written
    if c is not None and c.kind in ("mention", "name"):
        return c
    return _leading_name(A, mb.start(1), mb.end(1)) or _body_in_author(A, mb.start(1), mb.end(1))


#: a body's name and the organisation word after it ending an author phrase ("the city’s |Build Mobile| department"),
#: or an organisation word opening it ("|council| planning officers", "|city| staff")
_OWNER_LEAD = re.compile(r"(?:the[^\S\n]+)?(?:[a-z]+[’']s[^\S\n]+)?")     # ("|the city’s |Build Mobile", not "his Adviser on |Media")
_NAME_THEN_ORG_WORD = re.compile(r"[^\S\n]+([a-z]+)$")
_ORG_WORD_OPENING = re.compile(r"(?:the[^\S\n]+)?([a-z]+)[^\S\n]+(?:[a-z]+[^\S\n]+){0,2}(?:officers|officials|staff|planners|experts)$")


def _body_in_author(A: _Article, start: int, end: int) -> _Cand | None:
    """The body an author phrase names inside it: a name right before its last word, an organisation word ("a staff
    report prepared by the city’s |Build Mobile| department"), or the body whose officers wrote it ("a report by |council|
    planning officers": the council named before); None otherwise."""
    last = next((m for m in reversed(A.mentions_in(start, end)) if m["label"] in ("ORG", "GPE")), None)
    word = _NAME_THEN_ORG_WORD.fullmatch(A.body, last["end_char"], end) if last is not None else None
    if last is not None and _OWNER_LEAD.fullmatch(A.body, start, last["start_char"]) \
            and (last["end_char"] == end or (word is not None and word.group(1) in A.r.org_roles)):
        return _Cand.of_mention(last["start_char"], last["end_char"], last)
    staff = _ORG_WORD_OPENING.fullmatch(A.body, start, end)
    if staff is None or staff.group(1) not in A.r.org_roles:
        return None
    c = org_role(A, staff.start(1), staff.end(1), "the " + staff.group(1))
    return c if c is not None and c.kind in ("mention", "name") else None


_NAME_RUN = re.compile(NAME_RUN)
#: the comma opening an apposition that names a document's author ("The budget document|,| published by the Ministry of
#: Finance on its website, said")
_APPOSED_AUTHOR = re.compile(r"[^\S\n]*,(?=[^\S\n]+(?:prepared|published|issued|released|written|compiled|produced|drafted"
                             r"|commissioned|presented|filed|signed)[^\S\n]+(?:by|from)[^\S\n])")


def _leading_name(A: _Article, start: int, end: int) -> _Cand | None:
    """The organisation or person named first in an author phrase the candidate reading does not take whole ("by
    |Prairieland Engineering Group| of Hutchinson"), or capitalised words ending in an organisation word ("by the
    council's |Markets and Health Committee|"); None for anything else."""
    lead = re.match(r"(?:the[^\S\n]+(?:[a-z]+[’']s[^\S\n]+)?)?", A.body[start:end])     # ("the council's |Markets …|")
    at = start + (lead.end() if lead else 0)
    first = next(iter(A.mentions_in(start, end)), None)
    if first is not None and first["start_char"] in (start, at) and first["label"] in ("ORG", "PERSON"):
        return _Cand.of_mention(first["start_char"], first["end_char"], first)
    run = _NAME_RUN.match(A.body, at, end)     # a body the model missed: "|Markets and Health Committee|"
    if run is not None and run.group(0).split()[-1].lower() in A.r.org_roles:
        return _Cand(run.start(), run.end(), "name", None, None, run.group(0))
    return None


#: when a document was given out, after its author ("by the Medford Police Department| on Wednesday morning")
_WHEN_AFTER_AUTHOR = re.compile(r"[^\S\n]+(?:on|late|early|earlier|last|this)[^\S\n]+(?:[A-Z][a-z]+day|morning|afternoon|evening"
                                r"|night|week|month|year)\b")
