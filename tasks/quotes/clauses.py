"""Clause helpers of reported speech: trimming a content span, where a reported clause ends
(before a coordinated speech verb, an object or belief cue, or ", saying …"), the coordinated verb of the
same subject. Shared by ``indirect.py`` (the pass over a sentence) and ``indirect_cues.py``."""
from __future__ import annotations

import re
from functools import lru_cache

from tasks.quotes.speakers import _ADVERBS, _Article


def _trim(body: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (body[s].isspace() or body[s] in ",;:—–-"):
        s += 1
    while e > s and (body[e - 1].isspace() or body[e - 1] in ",;:—–-.!?"):
        e -= 1
    return s, e


def _coordinated_verb(A: _Article, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """The first ", and/but (also) VERB " in ``text`` where VERB may introduce reported speech and
    has no subject of its own (a second attribution of the same speaker)."""
    endpos = len(text) if endpos is None else endpos
    for m in _coord_re(A.r.verb_alt).finditer(text, pos, endpos):
        if m.group(1).lower() in A.r.report_forms:
            return m
    return None


@lru_cache(maxsize=2)
def _coord_re(verb_alt: str) -> re.Pattern:
    return re.compile(r"[,;]?\s+(?:and|but|while)\s+" + _ADVERBS + r"(" + verb_alt + r")(?=[\s,:]|$)")


_COORD_BEFORE = re.compile(r",?\s+(?:and|but)\s+" + _ADVERBS + r"$")
#: "…, and he railed against …": a coordinated clause with a subject pronoun of its own before a cue verb
_COORD_SUBJECT_BEFORE = re.compile(r",?\s+(?:and|but)\s+(?:he|she|they|we|I)\s+" + _ADVERBS + r"$")


def _clause_end(A: _Article, cs: int, se: int) -> int:
    """End of a reported clause: before a coordinated speech verb ("said A and argued B"), also one with a
    subject pronoun of its own ("said A, and he railed against B")."""
    m = _coordinated_verb(A, A.body, cs, se)
    end = m.start() if m else se
    for rx in (A.r.object_re, A.r.belief_re):         # "called X illegal and backed Y"
        for o in rx.finditer(A.body, cs, end):
            c = _COORD_BEFORE.search(A.body, cs, o.start())
            if c:
                end = c.start()
                break
    seg = A.body[cs:end]
    for rx in (A.r.verb_re, A.r.object_re, A.r.belief_re) if "and" in seg or "but" in seg else ():
        for o in rx.finditer(A.body, cs, end):     # "said A, and he railed against B"
            c = _COORD_SUBJECT_BEFORE.search(A.body, max(cs, o.start() - 60), o.start())
            if c and (rx is not A.r.verb_re or o.group(1).lower() in A.r.report_forms):
                end = c.start()
                break
    for g in _GERUND.finditer(A.body, cs, end):
        if g.group(1).lower() in A.r.report_forms or A.r.object_re.fullmatch(g.group(1)):
            return g.start()            # ", saying …" / ", calling …": an attribution of its own
    return end


_GERUND = re.compile(r",\s+(?:and\s+)?(\w+ing)(?=\s)")
