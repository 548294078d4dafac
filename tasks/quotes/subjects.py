"""Subjects of speech verbs: ``subject_before`` finds the subject left of a speech verb (coordinated verbs, names
the NER missed, noun phrases); the subject opening a clause is ``openers.subject_first`` (re-exported here with
``possessive`` and ``noun_modifier``; a short phrase is read as a speaker by ``candidates.candidate``). ``_Article``
(speakers.py) calls these as its methods; split out of speakers.py unchanged."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.quotes import asides, documents, epithets, interviews, organisations
from tasks.quotes.appositions import _missed_apposed_name, _named_before_comma
from tasks.quotes.openers import noun_modifier, possessive, subject_first  # noqa: F401  (re-exported)
from tasks.quotes.phrases import (
    ADVERB_WORDS,
    _OBJECT_PREP_BEFORE,
    _ADVERBS,
    _COORDINATED,
    _Cand,
    _NOT_DESCRIPTOR,
    _NP_SUBJECT,
    _PERSON_PREP_BEFORE,
    _PREP_BEFORE,
    _RELATIVE_BEFORE,
    _said_comma,
)
from tasks.entities.keys import fold
from tasks.entities.rules import _org_words
from tasks.quotes.rules import PERSON_LABELS
from tasks.quotes.spokespeople import SPOKES

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


#: a subject pronoun opening the last comma-delimited stretch before a coordinated verb ("When Robby Mook, Clinton’s
#: campaign manager was asked …, |he| laughed and said"): the subject of both verbs
_PRONOUN_OPENS_LAST = re.compile(r"[,;]\s+(?:(?:and|but|so|then)\s+)?(?P<p>[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+[^,;“”\"]{1,120}$")


def _coordinated_subject(A: _Article, verb_s: int, lo: int) -> _Cand | None:
    """Subject of a coordinated verb phrase ("He thanked Trump ... and said": the clause's first
    candidate; a gerund after "by": "He explained the headline by saying:"; "…, he said,
    insisting that …": the subject of the speech verb just before)."""
    seg = A.body[lo:verb_s]
    if not _COORDINATED.search(seg) or _named_before_comma(A, seg, lo) or _RELATIVE_BEFORE.search(seg):
        return None
    said = _said_comma(A.r.quote_verb_alt).search(seg)
    if said and not A.in_quote(lo + said.start()):
        prev = A.subject_before(lo + said.start(), lo)
        if prev is not None:
            return prev
    opener = _PRONOUN_OPENS_LAST.search(seg)
    if opener is not None and not A.in_quote(lo + opener.start("p")):
        return _Cand(lo + opener.start("p"), lo + opener.end("p"), "pronoun")
    fronted = A.fronted(lo, verb_s)       # "When asked whom she supported, Ms. Sherry smiled and said"
    return A.subject_first(fronted.end() if fronted else lo, verb_s)


#: a lowercase word before a noun phrase that makes it an object ("issued a statement Tuesday saying", "started out
#: their debate saying"); not "with", "of", "as" ("with one of her ads asking", "footage of Trump saying", "quoted
#: the president as saying": there the noun phrase is the participle's own subject)
_OBJECT_BEFORE = re.compile(r"(?<![\w’'-])(?!(?:with|of|as|and|or|but)\s)[a-z]+\s+$")


#: a relative clause about a person between commas, right before a participle
_RELATIVE_BETWEEN = re.compile(r",[^\S\n]+(?:who|whom|whose)\b[^,;:“”\"\n]*,[^\S\n]+")


def _maybe_object(A: _Article, c: _Cand, verb_s: int) -> bool:
    """May the nearest candidate ``c`` before a participle at ``verb_s`` be an object, not its subject: a noun phrase, a
    name or a mention of no person, or a person a relative clause follows ("X singled out Y, who played 22 minutes,
    calling the sophomore …")?"""
    if c.kind in ("np", "name") or _subordinate_subject(A, c, verb_s):
        return True
    return c.kind == "mention" and c.mention is not None and (
        c.mention["label"] not in PERSON_LABELS or bool(_RELATIVE_BETWEEN.fullmatch(A.body, c.end, verb_s)))


#: a complementiser right before a noun phrase: the subject of a clause inside the sentence ("Police would not confirm
#: |whether |officers had been called …, saying …")
_SUBORDINATOR_BEFORE = re.compile(r"(?<![\w’'-])(?:whether|if|that)\s+(?:the\s+)?$")


def _subordinate_subject(A: _Article, c: _Cand, verb_s: int) -> bool:
    """Is ``c`` the subject of a clause opened by "whether", "if" or "that", the participle after a comma past it
    ("Police would not confirm whether officers had been called to the address, saying only …": the police say it)?"""
    return bool(_SUBORDINATOR_BEFORE.search(A.body, max(0, c.start - 16), c.start)) \
        and bool(re.search(r",\s*$", A.body[c.end:verb_s]))


def subject_before(A: _Article, verb_s: int, lo: int) -> _Cand | None:
    """Closest speaker candidate left of a verb (its subject), within body[lo:verb_s]; for a participle
    ("saying", "stating") whose nearest noun phrase is the object of the clause's verb ("Mr. Trump … issued a
    statement Tuesday saying", "Sanders started out their ninth debate saying"), the clause's subject."""
    c = _nearest_subject(A, verb_s, lo)
    c = _leader_of_own(A, c, lo) or c
    if c is None or not A.body.startswith("ing", verb_s + _word_len(A.body, verb_s) - 3):
        return c
    if not _maybe_object(A, c, verb_s):
        return c
    if not _OBJECT_BEFORE.search(A.body, lo, c.start):
        return c
    subj = subject_first(A, lo, c.start)
    if subj is not None and subj.kind == "np" and not A.body[lo:subj.start].strip():
        return subj          # the noun phrase opening the clause ("Her campaign … blasted out an email … stating")
    return subj if subj is not None and subj.kind in ("mention", "pronoun", "role") else c


def _leader_of_own(A: _Article, c: _Cand | None, lo: int) -> _Cand | None:
    """The person or pronoun before "and" when the subject found is their own others ("she and |her colleagues| write",
    "Dr X and |his team| said"): the one named speaks for them; None otherwise."""
    if c is None or c.kind not in ("np", "role") or not _OWN_OTHERS.match(A.body, c.start):
        return None
    before = _AND_BEFORE.search(A.body, max(lo, c.start - 8), c.start)
    if before is None:
        return None
    first = _nearest_subject(A, before.start(), lo)
    return first if first is not None and first.kind in ("mention", "pronoun") and first.end == before.start() else None


#: a possessive opening a subject that is someone's own others ("|her| colleagues", "|his| team")
_OWN_OTHERS = re.compile(r"(?:his|her|their)[^\S\n]")
#: "and" right before that subject ("she| and |her colleagues")
_AND_BEFORE = re.compile(r"[^\S\n]+and[^\S\n]+$")


#: the comma closing a role in apposition, maybe after where the person is from ("Satpal X, a retired bank employee| from
#: Talab Tillo,| said")
_ROLE_CLOSED = re.compile(r"(?:[^\S\n]+(?:from|of|at|in|with)[^\S\n]+[^,“”\"\n]{1,60}?)?[^\S\n]*,")
#: what stands between a person and the end of their affiliation ("Yaroslav Zhelezniak| of the Holos party", "Priya
#: Holloway-Grant| of the nonprofit Western Rivers Alliance",
#: "Yoshihiko Noda| of the Constitutional Democratic Party of |Japan")
_AFFILIATION = re.compile(r"\s+(?:of|from|at|with)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}(?:(?:[A-Z][\w.&’'-]*|of|and|for|the)\s+)*")


def _affiliated_person(A: _Article, best: _Cand | None, start: int) -> _Cand | None:
    """The person whose affiliation the phrase at ``start`` ends ("Lawmaker Yaroslav Zhelezniak of the Holos
    party said": the party is no speaker, the lawmaker is): ``best``, the nearest mention before, when it is a
    person and only "of/from/at (the) Name Words" stands between it and ``start``."""
    if best is None or best.mention is None or best.mention["label"] not in PERSON_LABELS or best.end > start:
        return None
    return best if _AFFILIATION.fullmatch(A.body, best.end, start) else None


#: "Donald Trump’s campaign", "the Clintons’ foundation" right before a verb (not "He’s", "That’s": contractions)
#: opening the clause: at the start of the text searched or after a comma, a bracket or a dash; one noun after it, then
#: the verb (a finite form: "said", "says", "announced"; not "Bill Clinton’s stock answer")
_POSSESSIVE_BEFORE_VERB = re.compile(r"(?:^\s*|(?<=[,(—–]\s))((?:[A-Z][\w.’'-]*\s+){0,3}(?!(?:He|She|It|That|There|Here|What|Who|Where|Let)[’'])"
                                     r"[A-Z][\w.-]*(?:[’']s|s[’'])\s+[a-z][\w-]*)\s+" + _ADVERBS + "$")


def _possessive_subject(A: _Article, verb_s: int, lo: int) -> _Cand | None:
    """A possessive noun phrase opening the clause right before a finite verb ("Donald Trump’s campaign said in a
    statement:"): a role (resolved like one) or an unresolved noun phrase."""
    body, r = A.body, A.r
    mpos = _POSSESSIVE_BEFORE_VERB.search(body[lo:verb_s])
    verb = re.match(r"[\w’'-]+", body[verb_s:verb_s + 40])
    if mpos is None or verb is None or A.in_quote(lo + mpos.start(1)) \
            or not (verb.group().endswith(("s", "ed")) or verb.group() in {"said", "told", "wrote", "spoke"}):
        return None
    head = mpos.group(1).split()[-1].lower()
    if head in _NOT_DESCRIPTOR or head in r.verb_forms or head.endswith("ly"):
        return None
    if head in _AUXILIARY_ADVERBS:      # "|Mammy|’s already told me": "has", its subject the name
        return A.candidate(lo + mpos.start(1), lo + mpos.start(1) + len(mpos.group(1).rsplit(None, 1)[0]) - 2)
    return _Cand(lo + mpos.start(1), lo + mpos.end(1), "role" if r.role_re.fullmatch(head) else "np")


#: adverbs after a name's "’s" that make it "has" or "is", not a possessive ("Mammy’s |already| told me")
_AUXILIARY_ADVERBS = frozenset({"already", "also", "just", "always", "never", "often", "now", "since", "still"})


def _word_len(body: str, pos: int) -> int:
    m = re.match(r"[\w’'-]+", body[pos:pos + 40])
    return m.end() if m else 0


def _modifier_in(c: _Cand, np_start: int, np: str) -> bool:
    """A place or organisation named inside a noun phrase that ends at the verb ("One former |England| international
    in the press box put it"): a modifier of that phrase, not its head (not "The FSB additionally claimed")."""
    words = np.split()
    return c.kind == "mention" and c.mention is not None and c.mention["label"] not in PERSON_LABELS \
        and c.start > np_start and c.end < np_start + len(np) and not words[-1].endswith("ly") \
        and len(words) >= 3 and not c.mention["text"].startswith(words[1])


def _fronted_over(A: _Article, lo: int, pos: int, hi: int) -> bool:
    """``pos`` lies inside a fronted clause opening body[lo:hi] ("Asked whether …, the spokesperson said")."""
    fronted = A.fronted(lo, hi)
    return fronted is not None and fronted.end() > pos


#: a role that owns the subject ("The Minister| for Local Government's office said", "the president|'s office said"):
#: the noun phrase is the speaker, not the role
_ROLE_POSSESSOR = re.compile(r"(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})?[’']s\s+[a-z]+\s+"
                             + _ADVERBS)


def _last_role(A: _Article, seg: str, lo: int, verb_s: int) -> _Cand | None:
    """The last role noun phrase of ``seg`` (= body[lo:verb_s]) outside quotations; a role that owns the subject
    (``_ROLE_POSSESSOR``) gives the whole noun phrase instead."""
    body, r = A.body, A.r
    role = None
    for rm in re.finditer(r"(?:(?<=\s)|^)((?:the|a|an|one|another|his|her|their|its|my|our|[A-Z][\w.]*[’']s)\s+"
                          r"(?:" + _NO_CLAUSE_WORD + r"[\w.’'-]+\s+){0,3}?)?(?:" + r.role_re.pattern + r")", seg, re.I):
        # (not a capitalised role inside a body's name: "the Office |of| the Prosecuting Attorney"; two role words in
        # a row are one role: "the company's |chief| |executive|")
        if not A.in_quote(lo + rm.start()) and not _org_name_after(A, lo + rm.end(), verb_s) \
                and not (_OF_BEFORE.search(seg, max(0, rm.start() - 5), rm.start()) and seg[rm.start(2)].isupper()) \
                and not any(w.lower() in r.verb_forms for w in (rm.group(1) or "").split()[1:]):
            # (nor a speech verb inside: "The municipality |warned| residents")
            joined = role is not None and not rm.group(1) and not body[role.end:lo + rm.start()].strip()
            role = _Cand(role.start if role is not None and joined else lo + rm.start(), lo + rm.end(), "role")
    if role is not None and _ROLE_POSSESSOR.fullmatch(body, role.end, verb_s):
        role = _Cand(role.start, role.end + len(body[role.end:verb_s].rstrip()), "np")
    return role


#: a word inside a role's noun phrase is no conjunction or verb opening a clause ("the rank |when| officers began")
_NO_CLAUSE_WORD = r"(?!(?:when|while|as|after|before|because|but|that|which|who|whom|if|where|since|until|was|were|is|are)\s)"
#: "of" or "for" right before a role phrase: the object of a noun before it ("the Office of the Prosecuting Attorney")
_OF_BEFORE = re.compile(r"(?<![\w’'-])(?:of|for)\s+$")


#: capitalised words ending in an organisation's word right after a role word ("The Premier| Soccer League")
_CAPITALISED_RUN = re.compile(r"(?:[^\S\n]+[A-Z][\w&.’'-]*){1,4}")


def _org_name_after(A: _Article, pos: int, end: int) -> bool:
    """Does an organisation's name continue the role word ending at ``pos`` ("The Premier Soccer League said": no
    premier; "The Chief Justice" is no organisation)?"""
    run = _CAPITALISED_RUN.match(A.body, pos, end)
    return run is not None and fold(run.group().split()[-1]) in _org_words()[0]


#: "The Scot(, who won six grands prix this season,)" right before the verb: a nationality noun for a person, which the
#: model labels NORP (no speaker label); role_speaker resolves it to the person just written about
_NATIONALITY_SUBJECT = re.compile(r"(?<![\w’'-])([Tt]he\s+([A-Z][a-z]+))(?:,\s+who\b[^,“”\"]{0,120},)?\s*$")


def _nationality_subject(A: _Article, seg: str, lo: int) -> _Cand | None:
    """"The Scot" (with an optional who-clause) ending ``seg`` (at ``lo`` of the body) as a role subject, when the word
    is a nationality noun or adjective; else None."""
    nat = _NATIONALITY_SUBJECT.search(seg)
    if nat and A.r.nationality(nat.group(2)):
        return _Cand(lo + nat.start(1), lo + nat.end(1), "role")
    return None


#: a lower-case noun right after a name, then a comma or a verb: the name modifies it ("The Inverness |runner|, who …")
_MODIFIER_OF_ROLE = re.compile(r"[^\S\n]+([a-z]+)(?=,|[^\S\n]+(?:said|says|told|added)\b)")


def _person_noun_after(A: _Article, m: dict) -> re.Match | None:
    """The person noun after the mention ``m`` when ``m`` modifies it ("The Inverness |runner|, who …, said"): not an
    adverb ("Boeing later said"), nor an organisation's officer ("The Dolphins |coach| said", rules/org_cues.txt
    "after:", whom the club's titles resolve); else None."""
    mo = _MODIFIER_OF_ROLE.match(A.body, m["end_char"])
    if mo is None or mo.group(1) in _NOT_DESCRIPTOR or mo.group(1) in ADVERB_WORDS \
            or (m["label"] == "ORG" and fold(mo.group(1)) in _org_words()[1]):
        return None
    return mo if A.r.role_re.fullmatch(mo.group(1)) or epithets.names_person(A.r, mo.group(1)) else None


def _nearest_mention(A: _Article, verb_s: int, lo: int) -> _Cand | None:
    """The mention nearest left of a verb that can be its subject (outside quotes; no possessive, aside or object of a
    preposition), or the noun phrase a name before a person noun stands in ("The Inverness runner"); else None."""
    body = A.body
    for m in reversed(A.mentions_in(lo, verb_s)):
        if A.in_quote(m["start_char"]):
            continue
        tail = body[m["end_char"]:verb_s]
        if possessive(body, m, verb_s):         # possessive: "Trump's spokesman said", "Sky Sports' Luke Barraclough"
            continue
        if A.aside(m):                       # "(R-OH)", "WASHINGTON —"
            continue
        if m["label"] not in PERSON_LABELS and _PREP_BEFORE.search(body[max(lo, m["start_char"] - 15):m["start_char"]]):
            continue                            # "negotiations between Moscow and Kyiv"
        if asides.coordinated_object(A, m, lo):
            continue                            # "the MP for Melksham and |Devizes|" (the model's PERSON)
        based = organisations.based_org(A, m, lo)
        if based is not None:                   # "The |Michigan|-based maker of brake parts said": the maker
            return based
        prep = _PERSON_PREP_BEFORE.search(body[max(lo, m["start_char"] - 40):m["start_char"]]) \
            if m["label"] in PERSON_LABELS else None
        if prep is not None and (not re.match(r",?\s+who\b", tail) or prep.group().startswith("from")):
            continue                            # "took to Twitter to write" (not "… with Clinton, who believes"; but
            #                                     "The 29-year-old from |Moss Side|, who won …, said": the 29-year-old)
        noun = _person_noun_after(A, m)
        if noun is not None:                    # "The |Inverness| runner, who won …, said": the runner
            det = re.search(r"(?:[Tt]he|[Aa]n?)[^\S\n]+$", body[max(lo, m["start_char"] - 5):m["start_char"]])
            ns = m["start_char"] - (len(det.group()) if det else 0)
            return _Cand(ns, noun.end(1), "np")
        return _Cand.of_mention(m["start_char"], m["end_char"], m)
    return None


#: a relative clause's own subject: "an effort from Adewale-Roberts, which |replays| suggested", "the man whom |police|
#: described" (lower-case words after "which"/"whom", then the verb; a determiner's noun phrase is found as any is:
#: "which the company said")
_RELATIVE_OBJECT = re.compile(r"(?<![\w’'-])(?:which|whom)\s+((?!(?:the|a|an|its|his|her|their|this|that|these|those)\s)(?:[a-z][\w’'-]*\s+){0,2}?[a-z][\w’'-]*)\s+" + _ADVERBS + "$")


#: lower-case "police" (maybe after its place) right before the verb, after a comma or a clause opening
_POLICE_SUBJECT = re.compile(r"(?:^|(?<=[,;(—–]\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bas\s)|(?<=\bwhile\s)|(?<=\bafter\s)"
                             r"|(?<=\bwhen\s))((?:[A-Z][\w’'.-]*[^\S\n]+){0,3}police)"
                             r"[^\S\n]+" + _ADVERBS + r"$")


def _spokesperson_for(A: _Article, role: _Cand | None, pos: int) -> bool:
    """Is ``role`` a spokesperson and the capitalised words at ``pos`` the end of the organisation they speak for ("A
    spokeswoman for the Ohio Department of |Transportation| said": the spokeswoman is the subject)?"""
    return role is not None and bool(SPOKES.search(A.body, role.start, role.end)) and _inside_mention(A, pos)


def _inside_mention(A: _Article, pos: int) -> bool:
    """Does a mention after a preposition begin before ``pos`` and run over it ("for the |Ohio Department of
    Transportation|": "Transportation" is no name of its own)?"""
    return any(m["start_char"] < pos < m["end_char"] and _PREPOSITION_BEFORE.search(A.body, max(0, m["start_char"] - 12),
                                                                                    m["start_char"])
               for m in A.mentions_in(max(0, pos - 120), pos + 200))


_PREPOSITION_BEFORE = re.compile(r"(?<![\w’'-])(?:for|of|at|with|from|by|to|on|in)[^\S\n]+(?:the[^\S\n]+)?$")


def _coordinated_or_aside(A: _Article, verb_s: int, lo: int) -> _Cand | None:
    """The subject of a coordinated verb (``_coordinated_subject``), else of the clause before an aside
    (``asides.aside_subject``); the aside's first when the comma before the verb closes it and the coordinated
    subject is a body named inside it ("The notice, filed under the federal Worker Adjustment and Retraining
    Notification Act, says": the notice; but "The seller, |Northpoint Holdings LLC|, said", "Critics, including |the
    KFEM|, say")."""
    body = A.body
    coordinated = _coordinated_subject(A, verb_s, lo)
    if coordinated is None or (_COMMA_BEFORE_VERB.search(body, lo, verb_s) and coordinated.mention is not None
                               and coordinated.mention["label"] not in PERSON_LABELS
                               and not _APPOSED_OPENING.search(body, lo, coordinated.start)):
        return asides.aside_subject(A, verb_s, lo) or coordinated
    return coordinated


#: a comma right before a verb
_COMMA_BEFORE_VERB = re.compile(r",[^\S\n]*$")
#: a comma, maybe "including" or "such as" and "the", right before a name in apposition
_APPOSED_OPENING = re.compile(r",[^\S\n]*(?:(?:including|notably|especially|such[^\S\n]+as)[^\S\n]+)?(?:the[^\S\n]+)?$")


def _nearest_subject(A: _Article, verb_s: int, lo: int) -> _Cand | None:
    """Closest speaker candidate left of a verb (its subject), within body[lo:verb_s]."""
    body, r = A.body, A.r
    apposed = _missed_apposed_name(A, verb_s, lo)
    if apposed is not None:
        return apposed
    coordinated = _coordinated_or_aside(A, verb_s, lo)
    if coordinated is not None:
        return coordinated
    best = _nearest_mention(A, verb_s, lo)
    seg = body[lo:verb_s]
    pron = None
    for pm in r.pron_re.finditer(body, lo, verb_s):
        if not A.in_quote(pm.start()):
            pron = _Cand(pm.start(), pm.end(), "pronoun")
    role = _last_role(A, seg, lo, verb_s)
    if best is not None and best.mention is not None and best.mention["label"] not in PERSON_LABELS:
        # prefer a person named in the last few words ("Gov. John Kasich (R-OH) said", "WASHINGTON — Clinton said")
        for m in reversed(A.mentions_in(max(lo, verb_s - 90), verb_s)):
            if m["label"] in PERSON_LABELS and not A.in_quote(m["start_char"]) \
                    and not possessive(body, m, verb_s):
                best = _Cand.of_mention(m["start_char"], m["end_char"], m)
                break
    cands = [c for c in (best, pron, role) if c is not None]
    rel = _RELATIVE_OBJECT.search(seg)
    if rel and not any(c.end > lo + rel.start(1) for c in cands):
        return _Cand(lo + rel.start(1), lo + rel.end(1), "np")     # "…, which replays suggested": not the name before
    # a name the NER missed, right before the verb ("Rubio says, …")
    mn = re.search(r"((?:[A-Z][\w.’'-]*\s+){1,4})" + _ADVERBS + r"$", seg)
    if mn and not A.in_quote(lo + mn.start(1)) and not any(c.end > lo + mn.start(1) for c in cands) \
            and not _OBJECT_PREP_BEFORE.search(seg, 0, mn.start(1)) \
            and not _spokesperson_for(A, role, lo + mn.start(1)):
        c = A.candidate(lo + mn.start(1), lo + mn.end(1))
        if c is not None and (c.kind in ("mention", "name") or (c.kind == "np" and not A.body[c.start].islower())
                              or (c.kind == "pronoun" and interviews.is_you(A.body[c.start:c.end]))):
            # (a capitalised noun phrase the candidate reads as one: "Police said:", "State Police said"; an
            #  interview question's "You told the board …": the interviewee, ``interviews.second_person``)
            return _affiliated_person(A, best, lo + mn.start(1)) or c
    # a noun phrase right before the verb is its subject ("The ad says", "a man yelled",
    # "The campaign’s statement then declares", "one of her ads asking")
    police = _POLICE_SUBJECT.search(seg)
    if police and not A.in_quote(lo + police.start(1)) and not any(c.end > lo + police.start(1) for c in cands):
        return A.candidate(lo + police.start(1), lo + police.end(1))     # "In a statement Friday, police said": the force
    mnp = _NP_SUBJECT.search(seg)
    if mnp and not A.in_quote(lo + mnp.start(1)) and not any(
            c.end > lo + mnp.start(1) and not _modifier_in(c, lo + mnp.start(1), mnp.group(1)) for c in cands):
        words = mnp.group(1).split()
        head = words[-1].lower()
        # a verb form is the head noun after a determiner ("One tweet said", "The report says", "Its first report said")
        noun_after_det = len(words) <= 4 and words[0].lower() in {"the", "a", "an", "one", "another", "his", "her", "its", "their", "this", "that"}
        if head not in _NOT_DESCRIPTOR and (head not in r.verb_forms or noun_after_det):
            ns, ne = lo + mnp.start(1), lo + mnp.end(1)
            low = body[ns:ne].lower()
            return _affiliated_person(A, best, ns) or organisations.org_role(A, ns, ne, low) \
                or documents.document_source(A, ns, ne, low) or _Cand(ns, ne, "np")
    poss = _possessive_subject(A, verb_s, lo)
    if poss is not None and not any(c.end > poss.start for c in cands):
        return poss
    if not cands:
        return _nationality_subject(A, seg, lo)     # "The Scot, who won six grands prix, said", else None
    c = max(cands, key=lambda c: c.end)
    # a role word immediately before a name is its title ("Kremlin spokesman Dmitry Peskov")
    if c.kind == "role" and best is not None and best.start >= c.start and best.end >= c.end:
        return best
    if c.kind == "role" and best is not None and best.start >= c.start:
        return c       # "the Russian leader": the name or adjective inside is a modifier of the role
    if c.kind == "role" and best is not None and re.fullmatch(r"[\s,]*", body[best.end:c.start] or " ") and c.start > best.end \
            and (best.mention is None or best.mention["label"] in PERSON_LABELS or re.match(r"\s*,", body[c.end:verb_s])) \
            and not _fronted_over(A, lo, best.start, verb_s) \
            and not (re.search(r",[^\S\n]*$", body[max(lo, best.start - 3):best.start])
                     and not _ROLE_CLOSED.match(body, c.end, verb_s)):
        return best    # "Peskov, the Kremlin spokesman, said" (not "According to TASS, the Russian leader said", not
                       # "Asked whether he trusts chancellor Rachel Reeves, the spokesperson said", not "… signed by his
                       # special adviser, Segun Akintola-Daramola, |the minister| said": a name in apposition to what
                       # stands before it, and no comma closing the role)
    if verb_s - c.end > 120:
        return None
    return c
