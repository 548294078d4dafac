"""Interview answers and questions: the person an "I" outside quotation marks stands for in an answer
(``first_person``: the label opening its paragraph, or for "A:" the person last named outside question paragraphs,
``interviewee``), and he or she inside an answer (``answer_person``: someone the answer tells of, not the person
answering). Split out of pronouns.py unchanged; ``speakers._Article.resolve`` and ``labels`` call these."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.entities.rules import _surname_particles
from tasks.quotes import epithets
from tasks.quotes.phrases import _NOT_DESCRIPTOR, unlinked_mention
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


#: a paragraph opening with its speaker's label ("Achieng-Mutua: …", "**Nadia Rahimi-Okoye:** …", "A: …"); a
#: lower-case word inside is a surname particle (rules/surname_particles.txt)
_PARA_LABEL = re.compile(r"[^\S\n]*\**([A-Z][\w’'.-]*(?:[^\S\n]+(?:[A-Z][\w’'.-]*|[a-z]{1,5})){0,4})\**[^\S\n]*:\**[^\S\n]")
#: the answer labels of an interview ("A: …"): the interviewee speaks
ANSWER_LABELS = frozenset({"a", "answer"})


def interviewee(A: _Article, pos: int) -> dict | None:
    """The person last named before ``pos`` outside quotations and question paragraphs ("We spoke to Rustem Umerov …
    ¶ Q: … ¶ A: …"): who answers in an interview."""
    for m in reversed(A.mentions_in(max(0, pos - 4000), pos)):
        if m["label"] in PERSON_LABELS and not A.in_quote(m["start_char"]) \
                and not re.match(r"\s*(?:Q|Question)\s*:", A.body[A.paras[A.para_index(m["start_char"])][0]:]):
            return m
    return None


def first_person(A: _Article, pos: int) -> dict | None:
    """The person an "I" outside quotation marks stands for in an interview answer: the label opening its paragraph
    ("Achieng-Mutua: … I told my co-founder, “We are not selling.”"), or for "A:" the person last named outside the
    question paragraphs, or in an answer to an unlabelled question ("What will you eat? ¶ … I said, “…”") the person
    the reporter met before the questions, else the person last named before them; None elsewhere (the writer's own
    "I")."""
    k = A.para_index(pos)
    ps, _pe = A.paras[k]
    mo = _PARA_LABEL.match(A.body, ps, pos)
    if mo is None:
        first_question = _unlabelled_questions(A, k)
        return None if first_question is None else _met_with(A, first_question) or interviewee(A, first_question)
    label = mo.group(1).lower()
    if label in ANSWER_LABELS:
        return interviewee(A, ps)
    if any(w.islower() and w not in _surname_particles()[0] for w in mo.group(1).split()) or label in A.r.not_speaker_labels:
        return None
    c = A.candidate(mo.start(1), mo.end(1))
    return c.mention if c is not None and c.kind == "mention" and c.mention is not None \
        and c.mention["label"] in PERSON_LABELS else None


def _unlabelled_questions(A: _Article, k: int) -> int | None:
    """Where the first question of an interview without labels starts, when paragraph ``k`` answers one (the paragraph
    before it is a question: one short line ending in "?", no quotation marks) and the article asks two or more such
    questions ("Where did the idea come from? ¶ I watched the race …"); None otherwise."""
    if k == 0 or not _is_question(A, k - 1):
        return None
    questions = [j for j in range(len(A.paras)) if _is_question(A, j)]
    return A.paras[questions[0]][0] if len(questions) >= 2 else None


#: the reporter meeting whom the interview is with, right before its questions ("We caught up with |Muireann| at
#: Fenit", "sat down with |Ally|", "We spoke to |her| about …")
_MET_WITH = re.compile(r"(?<![\w’'-])(?:caught[^\S\n]+up[^\S\n]+with|spoke[^\S\n]+(?:to|with)|sat[^\S\n]+down[^\S\n]+with"
                       r"|talked[^\S\n]+(?:to|with))[^\S\n]+([A-Z][\w’'-]+|him|her)(?![\w’'-])")


def _met_with(A: _Article, pos: int) -> dict | None:
    """The person the paragraph before ``pos`` says the reporter met ("We caught up with Muireann at Fenit harbour"):
    the person the article named with that given name or surname, or the one "him"/"her" stands for; None without
    such a paragraph or person."""
    k = A.para_index(pos)
    if k == 0:
        return None
    ps, pe = A.paras[k - 1]
    mo = _MET_WITH.search(A.body, ps, pe)
    if mo is None:
        return None
    word = mo.group(1)
    if word in ("him", "her"):
        return A.resolve_pronoun(mo.start(1), word)     # "We spoke to |her| about sleep, sharks and …"
    return next((m for m in A.mentions if m["label"] in PERSON_LABELS and m["start_char"] < ps
                 and word in (m.get("entity_name") or m["text"]).split()), None)


#: an interviewer's question standing as its own paragraph ("Where did the idea come from?")
_QUESTION_PARAGRAPH = re.compile(r"[^\S\n]*\**[A-Z][^“”\"\n?!.]{2,200}\?\**[^\S\n]*")


def _is_question(A: _Article, j: int) -> bool:
    """Is paragraph ``j`` an interviewer's question (``_QUESTION_PARAGRAPH``)?"""
    s, e = A.paras[j]
    return _QUESTION_PARAGRAPH.fullmatch(A.body, s, e) is not None


#: a determiner opening a phrase that may describe a person in an interview answer ("A bus driver", "the Southside High
#: drama teacher", "One older man")
_DESCRIBED_DETERMINER = re.compile(r"(?<![\w’'-])(?:[Aa]n?|[Aa]nother|[Oo]ne|[Tt]he|[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\s+")
#: what makes a noun phrase say what someone is rather than name someone: a copula before it ("My father was |a
#: mechanic|") or a name it is in apposition to ("Selma Begić-Oduya, |a software developer|")
_PREDICATE_BEFORE = re.compile(r"(?:(?<![\w’'-])(?:was|is|were|are|became|becomes|been|be|as|like)|[\w.’'-],)\s+$")
#: the word right after a person's noun: a noun of quote_patterns.txt [compound_heads] makes the person's noun its
#: modifier ("our investor |day|"); any other ("a bus driver |comes| in", "My husband |grew| up") leaves it the head
_WORD_AFTER = re.compile(r"[^\S\n]+(\w+)")
#: heads that name no one after a possessive determiner ("her head", "his side", "their back")
_NO_PERSON_AFTER_POSSESSIVE = frozenset({"head", "side", "back", "front", "centre", "center", "forward", "keeper"})
#: what ends a phrase before a person's noun could be its head
_CLAUSE_END = re.compile(r"[.!?;:]")
#: a capitalised place or employer right after that person's noun ("a stranger| at Wegmans")
_PLACE_AFTER = re.compile(r"\s+(?:at|in|from)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}")


def answer_person(A: _Article, pos: int, pronoun: str) -> dict | None:
    """He or she in an interview answer ("Castellanos-Whitby: … A bus driver comes in after his shift. He said to me,
    “…”") is someone the answer tells of, not the person answering (who is "I"): the nearest person named or described
    before it in the answer ("a bus driver", "the Southside High drama teacher", "a stranger at Wegmans"). None outside
    answers or when the answer names no one before it."""
    who = first_person(A, pos)
    ps, _pe = A.paras[A.para_index(pos)]
    label = _PARA_LABEL.match(A.body, ps, pos)
    if who is None or label is None:
        return None
    start = label.end()
    gender = A.r.person_pronouns.get(pronoun)
    found = [m for m in A.mentions_in(start, pos) if m["label"] in PERSON_LABELS and not A.in_quote(m["start_char"])
             and not (who.get("entity_id") and m.get("entity_id") == who.get("entity_id"))
             and not A.as_place(m, start) and not _other_gender(A, m, gender)]
    for d in _DESCRIBED_DETERMINER.finditer(A.body, start, pos):
        if A.in_quote(d.start()) or _PREDICATE_BEFORE.search(A.body, max(start, d.start() - 12), d.start()):
            continue
        possessive = d.group().strip().lower() in ("my", "our", "his", "her", "their")
        described = _described_person(A, d.end(), pos, gender, possessive)
        if described is not None:
            found.append(described)
    return max(found, key=lambda m: m["start_char"]) if found else None


def _other_gender(A: _Article, m: dict, gender: str | None) -> bool:
    """Is the person of mention ``m`` known to be of another gender than the pronoun's ``gender``?"""
    g = A.mention_gender(m) if gender else None
    return g is not None and g != gender


def _described_person(A: _Article, s: int, hi: int, gender: str | None, possessive: bool) -> dict | None:
    """A person's noun among the five words from ``s`` ("little |boy|", "Southside High drama |teacher|") with its place
    after it, as a mention of no entity; None when there is none, it modifies another noun ("our investor day") or its
    gender differs from ``gender``; ``possessive``: after "my", "her" … ("her head" is no one)."""
    for w in re.finditer(r"[\w’'-]+", A.body[s:min(hi, s + 60)]):
        if (w.start() and A.body[s + w.start() - 1] != " ") or len(A.body[s:s + w.end()].split()) > 5 \
                or _CLAUSE_END.search(A.body[s:s + w.start()]):
            return None         # (nor across a sentence's end: "my mouth|. I'd| never")
        head = w.group()
        if head.lower() in _NOT_DESCRIPTOR:
            return None         # "the first day |we| worked together", "the names |of| every coordinator"
        if not head.islower() or not (epithets.names_person(A.r, head) or A.r.role_re.fullmatch(head)):
            continue
        after = _WORD_AFTER.match(A.body, s + w.end())
        if (after is not None and after.group(1) in A.r.compound_heads) \
                or (possessive and head in _NO_PERSON_AFTER_POSSESSIVE):
            return None         # "our |investor| day": a modifier of another noun; "her |head|": no one
        g = A.words_gender(A.body[s:s + w.end()].lower().split())
        if gender and g and g != gender:
            return None
        place = _PLACE_AFTER.match(A.body, s + w.end(), hi)
        e = place.end() if place else s + w.end()
        return unlinked_mention(s, e, A.body[s:e], "PERSON")
    return None


def second_person(A: _Article, pos: int) -> dict | None:
    """The person a "you" outside quotation marks stands for in an interview question ("You told your school board last
    year that absenteeism was “…”. What did you mean?", "WCMU: You told me in the truck that you’d “…”"): the person
    whose label opens the next paragraph, else the interviewee (``interviewee``); None outside a question (a paragraph
    that ends in a question mark)."""
    pi = A.para_index(pos)
    ps, pe = A.paras[pi]
    if not A.body[ps:pe].rstrip().rstrip("*").endswith("?"):
        return None
    if pi + 1 < len(A.paras):
        who = first_person(A, A.paras[pi + 1][0] + 1)
        if who is not None:
            return who
    return interviewee(A, ps)


def is_you(word: str) -> bool:
    """Is ``word`` the interviewer's "you" ("You", "You’ve")?"""
    return re.fullmatch(r"you(?:[’']ve)?", word.lower()) is not None
