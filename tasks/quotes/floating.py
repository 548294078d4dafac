"""Quotes attributed from their context rather than an adjacent speaker: ``continuation`` (the speaker of
the previous quote of the paragraph, or of the previous paragraph when this one only continues the
quotation) and ``floating_quote`` (previous_sentence, last_speaker, previous_paragraph)."""
from __future__ import annotations

import re

from tasks.quotes import subjects
from tasks.quotes.rules import PERSON_LABELS
from tasks.quotes.site import Attribution, QuoteSite
from tasks.quotes.labels import _SAYING_NOUNS
from tasks.quotes.speakers import _Article, _Cand


def continuation(A: _Article, site: QuoteSite, prev_by_para: dict[int, dict]) -> Attribution | None:
    """Same speaker as the previous quote of this paragraph, or of the previous paragraph when
    this paragraph starts with the quote (and the previous one ended with that quote)."""
    body, pi, si, r = A.body, site.pi, site.si, site.raw
    prev = prev_by_para.get(pi)
    if prev is None and (not site.prefix.strip() and r.open_s == site.para_start or _sequel_intro(A, site)):
        prev = prev_by_para.get(pi - 1)
        # only when the previous paragraph's last sentence was that quote or its attribution
        if prev is not None and prev["end_char"] < A.paras[pi - 1][1] - 120:
            prev = None
        # … and not a term the writer's question quotes ("the towns Ukraine calls “fortress cities” …?"): the answer
        # after a question is the interviewee's (floating_quote, last_speaker)
        if prev is not None and prev["kind"] == "partial" and len(prev["text"].split()) <= 3 \
                and body[A.paras[pi - 1][0]:A.paras[pi - 1][1]].rstrip().endswith("?"):
            prev = None
        # … and not when the previous paragraph ends by introducing this one ("She went on to say:")
        if prev is not None and si > 0 and body[A.sents[si - 1]["start_char"]:A.sents[si - 1]["end_char"]].rstrip().endswith(":") \
                and (prev["end_char"] < A.sents[si - 1]["start_char"] + 2 or prev["kind"] == "indirect"):
            prev = None     # (reported speech inside the introducing sentence is not the quote before this one)
    if prev is None or prev["speaker_text"] is None:
        return None
    if prev is prev_by_para.get(pi) and _new_subject_between(A, prev, r.open_s):
        return None
    spk = _Cand(prev["speaker_start"], prev["speaker_end"], "prev")
    spk.entity_id, spk.name = prev["speaker_entity_id"], prev["speaker_name"]
    return Attribution(spk, prev["cue"], "continuation", "continuation")


#: a paragraph opening with only a time or sequence phrase and a colon before its quotation ("Then, later that month on
#: CNN: “…”", "Again, on Tuesday: “…”"): the person quoted at the end of the previous paragraph speaks again
_SEQUEL = re.compile(r"\s*(?:(?:And|But|So),?\s+)?(?:Then|Later|Again|Earlier|Next|Afterwards?|Subsequently|Still later)\b"
                     r"[^:;.!?“”\"\n]{0,60}:\s*")


def _sequel_intro(A: _Article, site: QuoteSite) -> bool:
    """Is the text before the quotation, from its paragraph start, a time or sequence phrase with a colon (``_SEQUEL``),
    with no speech verb, person or pronoun in it?"""
    s, e = site.para_start, site.raw.open_s
    if not _SEQUEL.fullmatch(A.body, s, e) or A.r.quote_verb_re.search(A.body, s, e) or A.r.pron_re.search(A.body, s, e):
        return False
    return not any(m["label"] in PERSON_LABELS for m in A.mentions_in(s, e))


def _new_subject_between(A: _Article, prev: dict, open_s: int) -> bool:
    """"“We will win,” said Jordan. But Pelosi disagreed. “They will lose.”": a sentence between the previous quote's
    sentence and this quotation's sentence whose subject is another named person hands the floor to that person (not a
    name that only modifies the subject noun: "But the oversized Trump face on billboards has not hurt interest.")."""
    for j in range(A.sent_index(prev["end_char"]) + 1, A.sent_index(open_s)):
        ss, se = A.sents[j]["start_char"], A.sents[j]["end_char"]
        if A.in_quote(ss):
            continue
        c = A.subject_first(ss, se)
        if c is not None and c.kind == "mention" and c.mention is not None and c.mention["label"] in PERSON_LABELS \
                and subjects.noun_modifier(A, c.mention, ss) is None \
                and c.entity_id != prev["speaker_entity_id"] and (c.name or "").split()[-1:] != (prev["speaker_name"] or "").split()[-1:]:
            return True
    return False


_WRITER = frozenset({"i", "we"})
#: a paragraph that hands the floor back to the person last quoted: the interviewer's question
#: ("…, are you?"), or a paragraph about that person by pronoun ("He meant that …", "His government …")
_REFERS_BACK = re.compile(r"(?:He|She|His|Her)\b|\S+(?:\s+\S+){0,6}?\s(?:his|her)\s")
#: paragraphs back within which the last named speaker still holds the floor
FLOOR_PARAGRAPHS = 10


def _last_speaker(A: _Article, pi: int) -> dict | None:
    """The last quote row with a named speaker (not the writer) in the FLOOR_PARAGRAPHS paragraphs before ``pi``."""
    for qpi, row in reversed(A.named_rows):
        if qpi >= pi:
            continue
        return row if pi - qpi <= FLOOR_PARAGRAPHS else None
    return None


def _floor_back(A: _Article, pi: int, writer_spoke: bool) -> bool:
    """Does paragraph ``pi - 1`` hand the floor back to the last speaker (see _REFERS_BACK)?"""
    pps, ppe = A.paras[pi - 1]
    text = A.body[pps:ppe].strip()
    asks = any(c == "?" and not A.in_quote(pps + i) for i, c in enumerate(text))
    return writer_spoke or asks or bool(_REFERS_BACK.match(text)) \
        or bool(re.search(r"\bI\s+(?:" + A.r.quote_verb_alt + r")\b", text))


def _another_person_opens(A: _Article, pj: int, last: dict) -> bool:
    """Is the subject of paragraph ``pj``'s first sentence a person other than the one last quoted ("His campaign
    manager, Corey Lewandowski, echoed him.": the paragraph opens with "His" but is about Lewandowski)?"""
    ps, pe = A.paras[pj]
    if not re.match(r"\s*(?:His|Her)\s", A.body[ps:pe]):
        return False
    si = A.sent_index(ps)
    c = A.subject_first(ps, min(pe, A.sents[si]["end_char"]))
    return c is not None and c.kind == "mention" and c.mention is not None and c.mention["label"] in PERSON_LABELS \
        and c.entity_id != last["speaker_entity_id"] \
        and (c.name or "").split()[-1:] != (last["speaker_name"] or "").split()[-1:]


def _from_row(row: dict) -> _Cand:
    spk = _Cand(row["speaker_start"], row["speaker_end"], "prev")
    spk.entity_id, spk.name = row["speaker_entity_id"], row["speaker_name"]
    return spk


def _personal(A: _Article, c: _Cand) -> bool:
    """A person speaker candidate: a PERSON mention, he/she or a role noun."""
    if c.kind == "mention":
        return c.mention is not None and c.mention["label"] in PERSON_LABELS
    if c.kind == "pronoun":
        return A.body[c.start:c.end].lower() in A.r.person_pronouns
    return c.kind == "role"


#: a subordinating word right before a subject: its verb is a clause's, not the sentence's ("… was at the front of the
#: rank |when |officers began moving people back")
_SUBORDINATOR_BEFORE = re.compile(r"(?<![\w’'-])(?:when|while|as|after|before|until|because|since|once)[^\S\n]+$")


def _main_clause(A: _Article, c: _Cand | None) -> _Cand | None:
    """``c`` unless it is a noun phrase opening a subordinate clause (``_SUBORDINATOR_BEFORE``; a pronoun there may
    stand for the subject: "Another complainant, who asked not to be named because |she| works for the council, said")."""
    return None if c is not None and c.kind in ("role", "np") \
        and _SUBORDINATOR_BEFORE.search(A.body, max(0, c.start - 10), c.start) else c


#: a person's words opening a paragraph ("|Rankin-Adomako|'s advice to his spinner was simple.")
_WORDS_OPENING = re.compile(r"[^\S\n]*(?:[A-Z][\w.’'-]*[^\S\n]+){0,3}[A-Z][\w.’'-]*?[’']s[^\S\n]+(?:[a-z-]+[^\S\n]+)?(?:"
                            + _SAYING_NOUNS + r")\b")


def _words_owner(A: _Article, pj: int) -> _Cand | None:
    """The person whose words paragraph ``pj`` opens with, when it quotes nothing ("Rankin-Adomako's advice to his
    spinner was simple." before a paragraph that is only the quotation): that person, else None."""
    ps, pe = A.paras[pj]
    mo = _WORDS_OPENING.match(A.body, ps, pe)
    if mo is None or any(A.in_quote(k) for k in range(mo.end(), pe) if A.body[k] in "“”\""):
        return None
    owner = next((m for m in A.mentions_in(ps, mo.end()) if m["label"] in PERSON_LABELS), None)
    return _Cand.of_mention(owner["start_char"], owner["end_char"], owner) if owner is not None else None


#: "he" or "she" opening a clause
_HE_SHE_OPENING = re.compile(r"[^\S\n]*(he|she)\b", re.I)


def _fronted_pronoun_person(A: _Article, j: int) -> dict | None:
    """The person a "he"/"she" that is sentence ``j``'s subject stands for, the pronoun opening it or its clause after a
    fronted phrase ("Asked whether supporters should be worried, |he| was firm."); None otherwise."""
    s, e = A.sents[j]["start_char"], A.sents[j]["end_char"]
    fronted = A.fronted(s, e)
    pm = _HE_SHE_OPENING.match(A.body, fronted.end() if fronted else s, e)
    return A.resolve_pronoun(pm.start(1), pm.group(1)) if pm is not None and not A.in_quote(pm.start(1)) else None


def floating_quote(A: _Article, site: QuoteSite) -> Attribution | None:
    """A direct quote with nothing before it: the previous sentence introduces the speaker
    (previous_sentence); in a paragraph that is only a quote, the person last quoted when the
    previous paragraph hands the floor back to them (interview layout: the writer's question,
    "I asked …", "He meant …"; ``last_speaker``), else the person the previous paragraph names
    (previous_paragraph). The writer ("I asked") is never the speaker of the answer."""
    body, rules, si, pi, r = A.body, A.r, site.si, site.pi, site.raw
    if site.kind != "direct" or site.prefix.strip() or si <= 0:
        return None
    ps_ = A.sents[si - 1]
    vv = [v for v in rules.quote_verb_re.finditer(body, ps_["start_char"], ps_["end_char"]) if not A.in_quote(v.start())]
    writer_spoke = False
    if vv:
        # the first speech verb with a subject: the main clause's ("As Breitbart News reported, … the White House was
        # refusing …:"), not one of a clause inside it ("the DNC issued a statement …, which included staff suggesting …")
        # ("Given everything he had said, I asked him …": the writer asks, the answer is not said by "he")
        subj = [(v, _main_clause(A, A.subject_before(v.start(), ps_["start_char"]))) for v in vv]
        writer_spoke = any(c is not None and c.kind == "pronoun" and body[c.start:c.end].lower() in _WRITER for _, c in subj)
        v, spk = next(((v, c) for v, c in subj if c is not None), (vv[-1], None))
        if spk and not writer_spoke:
            return Attribution(spk, v.group(1), "previous_sentence", "previous_sentence")
    elif body[ps_["start_char"]:ps_["end_char"]].rstrip().endswith(":"):
        spk = A.subject_first(ps_["start_char"], ps_["end_char"])     # "Here is what he wrote:"
        if spk:
            return Attribution(spk, None, "previous_sentence", "previous_sentence")
    elif r.open_s > site.para_start and ps_["start_char"] >= site.para_start:
        # "The judge then turned to me. “Mr. D’Souza?”": a quote after a sentence of its paragraph whose
        # subject is a person (name, he/she or role) and that quotes nothing itself
        spk = A.subject_first(ps_["start_char"], ps_["end_char"])
        if spk is not None and not A.in_quote(ps_["start_char"]) and _personal(A, spk):
            return Attribution(spk, None, "previous_sentence", "previous_sentence")
    if r.open_s == site.para_start and pi > 0:
        owner = _words_owner(A, pi - 1)
        if owner is not None:       # "Rankin-Adomako's advice to his spinner was simple." then the advice
            return Attribution(owner, None, "previous_paragraph", "previous_paragraph")
        last = _last_speaker(A, pi)
        if last is not None and _floor_back(A, pi, writer_spoke) and not _another_person_opens(A, pi - 1, last):
            return Attribution(_from_row(last), last["cue"], "last_speaker", "previous_paragraph")
        pps, ppe = A.paras[pi - 1]
        psi = A.sent_index(ppe - 1)
        first = A.sent_index(pps)
        # the last three sentences of that paragraph, then its first one ("Richards also spoke about …")
        for j in [*range(psi, max(first - 1, psi - 3), -1), *([first] if psi - 3 >= first else [])]:
            if A.sents[j]["end_char"] <= pps:
                break
            m = A._person_subject(j) or (_fronted_pronoun_person(A, j) if j == psi else None)
            if m:       # (the last sentence's "he": "Asked whether supporters should be worried, he was firm.")
                spk = _Cand.of_mention(m["start_char"], m["end_char"], m)
                return Attribution(spk, None, "previous_paragraph", "previous_paragraph")
    return None
