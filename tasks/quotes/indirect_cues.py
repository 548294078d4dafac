"""Reported-speech cues other than a speech verb with its clause: ``[report_object]`` verbs ("X accused Y
of …", "X called for …"), ``[report_evidence]`` verbs with an evidence noun ("Polls show …"),
``[report_belief]`` verbs ("Many fear …"), ``[report_directive]`` verbs ("X asked Y to …"), ``[report_noun]`` nouns with a possessor ("X’s call for …"), questions ("X asked whether …") and ", referring to X".
Each is a generator of (content start, end, speaker, cue, pattern) over one sentence, tried by
``indirect._sentence_candidates`` after the speech-verb patterns."""
from __future__ import annotations

import re

from tasks.quotes.clauses import _clause_end, _trim
from tasks.quotes.speakers import _Article, _Cand


_EVIDENCE_BOUNDARY = re.compile(r"(?:^|[,;:—–(]|\b(?:and|but|that|while|because|as|since|when|after)\b)\s*(?=[^,;:—–(]*$)", re.I)


def _evidence(A: _Article, ss: int, se: int):
    """"Polls show (that) CLAUSE", "the survey found CLAUSE", "CLAUSE, new reports show."
    (``indirect_evidence``): a [report_evidence] verb whose subject noun phrase (from the last clause
    boundary to the verb, at most 12 words) holds an [evidence_nouns] word."""
    body, rules = A.body, A.r
    for v in rules.evidence_re.finditer(body, ss, se):
        if A.in_quote(v.start()):
            continue
        seg = body[ss:v.start()]
        b = _EVIDENCE_BOUNDARY.search(seg)
        np_s = ss + (b.end() if b else 0)
        words = [w.lower() for w in re.findall(r"[\w’'-]+", body[np_s:v.start()])]
        if not words or len(words) > 12 or not any(w in rules.evidence_nouns for w in words):
            continue
        if words[-1] in {"was", "were", "is", "are", "be", "been", "to", "not", "has", "have", "had"}:
            continue
        spk = _Cand(np_s, v.start() - len(seg) + len(seg.rstrip()), "np")
        after = body[v.end():se]
        if re.match(r"\s*[.!?]?\s*$", after):              # "CLAUSE, new reports show."
            if b is None or body[ss + b.start()] != ",":
                continue
            cs, ce = _trim(body, ss, ss + b.start())
        else:
            th = re.match(r"\s+that\s", after)
            cs, ce = _trim(body, v.end() + (th.end() if th else 0), _clause_end(A, v.end(), se))
        if len(body[cs:ce].split()) >= 3:
            yield cs, ce, spk, v.group(1), "indirect_evidence"


_NOT_BEFORE_BELIEF = frozenset({"was", "were", "is", "are", "be", "been", "being", "to", "the", "a", "an", "and", "or",
                                "this", "that", "his", "her", "their", "its", "our", "my", "your", "no", "any"})


def _belief(A: _Article, ss: int, se: int):
    """"Many fear Trump will …", "She wants voters to know …" (``indirect_belief``): a verb of
    [report_belief] with a subject (name, pronoun, role or noun phrase) right before it; the content
    runs to the end of the clause (an optional "that" dropped), at least 3 words."""
    body = A.body
    for v in A.r.belief_re.finditer(body, ss, se):
        if A.in_quote(v.start()):
            continue
        before = body[max(ss, v.start() - 12):v.start()].lower().split()
        if before and before[-1] in _NOT_BEFORE_BELIEF:
            continue                    # passive, infinitive or a noun ("the fear of", "this hope")
        nw = re.match(r"\s+([\w’'“\"]+)", body[v.end():se])
        if not nw or (nw.group(1).lower() in A.r.not_after_verb and nw.group(1).lower() != "to") \
                or nw.group(1).lower() in {"of", "tank", "tanks"}:
            continue                    # "thinks about", "think of", "think tanks"
        spk = A.subject_before(v.start(), ss)
        if spk is None or v.start() - spk.end > 30:
            continue
        if re.search(r"\b(?:what|which|that|whom)\s+$", body[max(ss, spk.start - 8):spk.start], re.I):
            continue                    # object relative clause ("what Washington wants is …")
        th = re.match(r"\s+that\s", body[v.end():se])
        cs, ce = _trim(body, v.end() + (th.end() if th else 0), _clause_end(A, v.end(), se))
        if len(body[cs:ce].split()) >= 3:
            yield cs, ce, spk, v.group(1), "indirect_belief"


_ASKED = re.compile(r"\b([Aa]sked|asking|asks|ask|wondered|wonders)\b(?:\s+(?:[A-Z][\w.’'-]*\s+){1,3}|\s+(?:him|her|them|me|us|the\s+\w+|reporters|voters|[a-z]+s)\s+)?"
                    r"(?:\s*(?:during|in|at|on|about)\s+[^,]{1,30}?\s+|\s*specifically\s+|\s*)"
                    r"(?=(?:if|whether|why|how|what|which|who|when|where)\s)")


def _asked(A: _Article, ss: int, se: int):
    """"X asked Y whether/if/how …", "Asked why …, X said …" (``indirect_asked``): the question is
    the content, from the question word to the end of its clause; the speaker is the subject of
    "asked" (none for the leading participle "Asked whether …,": the asker is not named)."""
    body = A.body
    for m in _ASKED.finditer(body, ss, se):
        if A.in_quote(m.start()):
            continue
        lead = not body[ss:m.start()].strip() or re.fullmatch(r"\s*(?:When|If|After|Once|But|And)\s*", body[ss:m.start()])
        spk = None if lead or m.group(1)[0].isupper() else A.subject_before(m.start(), ss)
        if spk is None and not (lead or body[ss:m.start()].strip() in ("", "When", "when")):
            continue
        if body[max(ss, m.start() - 12):m.start()].lower().split()[-1:] in (["was"], ["were"], ["is"], ["be"], ["been"]):
            continue
        end = re.search(r"[,;:]\s", body[m.end():se])
        ce = m.end() + end.start() if end and lead else _clause_end(A, m.end(), se)
        cs, ce = _trim(body, m.end(), ce)
        if len(body[cs:ce].split()) >= 3:
            yield cs, ce, spk, m.group(1), "indirect_asked"


_REFERRING = re.compile(r",\s+(referring\s+to|citing|pointing\s+to)\s+(?=\S)")


def _referring(A: _Article, ss: int, se: int):
    """"…, X said, referring to Barack Obama" / ", citing …" (``indirect_referring``): the object
    up to the next comma or the sentence end; the speaker is the subject of the sentence."""
    body = A.body
    for m in _REFERRING.finditer(body, ss, se):
        if A.in_quote(m.start()):
            continue
        spk = A.subject_before(m.start(1), ss)
        if spk is None:
            continue
        end = re.search(r"[,;:]\s|[—–―]", body[m.end():se])
        cs, ce = _trim(body, m.end(), m.end() + end.start() if end else se)
        if len(body[cs:ce].split()) >= 2:
            yield cs, ce, spk, m.group(1), "indirect_referring"


def _object_cue(A: _Article, ss: int, se: int):
    """"X accused Y of …", "X called for …", "X praised …" (``indirect_object``): a verb of
    ``[report_object]`` whose subject is a named person, pronoun or role; the content is the rest
    of the clause after the verb, up to the next ``;``, a coordinated speech verb or the sentence end,
    with at least 2 words."""
    body = A.body
    for v in A.r.object_re.finditer(body, ss, se):
        if A.in_quote(v.start()):
            continue
        before = body[max(ss, v.start() - 12):v.start()].lower().split()
        if before and before[-1] in {"was", "were", "is", "are", "be", "been", "being", "to", "the", "a", "an"}:
            continue                    # passive, infinitive or a noun ("the attacks")
        if _BY_AFTER.match(body, v.end()):
            continue                    # a passive participle: "the loan …, backed by the bloc's reserves"
        spk = A.subject_before(v.start(), _clause_start(body, ss, v.start()))
        if spk is None or spk.kind not in ("mention", "pronoun", "role"):
            continue
        end = body.find(";", v.end(), se)
        cs, ce = _trim(body, v.end(), _clause_end(A, v.end(), end if end > 0 else se))
        if len(body[cs:ce].split()) < 2:
            continue
        yield cs, ce, spk, v.group(1), "indirect_object"


_BY_AFTER = re.compile(r"[^\S\n]+by[^\S\n]")


def _clause_start(body: str, ss: int, verb_s: int) -> int:
    """Where the clause of a verb at ``verb_s`` starts: after a bracket or colon still open before it ("Kharkiv Oblast
    (Russian objective: Push Ukrainian forces back …": no subject before the colon), else the sentence start."""
    opened = max(body.rfind("(", ss, verb_s), body.rfind(":", ss, verb_s))
    return opened + 1 if opened >= 0 and body.find(")", opened, verb_s) < 0 else ss


#: the object of a [report_directive] verb (up to 6 words, none a clause or function word) and its to-infinitive
_DIRECTIVE_OBJECT = re.compile(r"\s+((?:(?!(?:to|that|and|or|but|if|whether|when|as|because|is|are|was|were|be|been|has|have|had"
                               r"|will|would)\s)[^\s,.;:!?“”\"()]+\s+){0,6}?)(?:not\s+)?to\s+[a-z]")


def _directive(A: _Article, ss: int, se: int):
    """"X asked the congregation to stand", "He told Bush to quiet down", "The ads ask the candidates to make …"
    (``indirect_directive``): a ``[report_directive]`` verb with a subject (name, pronoun, role or noun phrase),
    then an object of at most 6 words and a to-infinitive; the content is the object and the infinitive
    clause, up to the end of the clause."""
    body = A.body
    for v in A.r.directive_re.finditer(body, ss, se):
        if A.in_quote(v.start()):
            continue
        before = [w for w in body[max(ss, v.start() - 24):v.start()].lower().split() if w not in ("not", "never", "also")]
        if before and before[-1] in {"was", "were", "is", "are", "be", "been", "being", "to", "the", "a", "an", "in", "whose"}:
            continue                    # passive ("was not asked to"), infinitive, "in order to" or a noun ("the orders")
        m = _DIRECTIVE_OBJECT.match(body, v.end(), se)
        if m is None:
            continue
        spk = A.subject_before(v.start(), ss)
        if spk is None or spk.kind not in ("mention", "pronoun", "role", "np") or body[spk.start:spk.end].lower() == "it":
            continue                    # "It encouraged people to drive less": a thing, not a speaker
        cs, ce = _trim(body, v.end(), _clause_end(A, v.end(), se))
        if len(body[cs:ce].split()) >= 3:
            yield cs, ce, spk, v.group(1), "indirect_directive"


#: the possessor right before a [report_noun] noun, up to two modifiers between ("Trump’s recent remarks", "his call")
_POSSESSOR = re.compile(r"(?P<poss>\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.-]*[’']s?)\s+"
                        r"(?:[a-z][\w-]*\s+){0,2}$")


def _noun_cue(A: _Article, ss: int, se: int):
    """"Trump’s comments about Mexico", "his criticism of the deal", "Clinton’s call for a pause"
    (``indirect_noun``): a ``[report_noun]`` noun with a possessor (a name with ’s or his/her/their/its) and
    a preposition or "that"; the content is what follows, up to the end of the clause (at least 2 words).
    The possessor is the speaker."""
    body = A.body
    for m in A.r.noun_re.finditer(body, ss, se):
        if A.in_quote(m.start()):
            continue
        lo = max(ss, m.start() - 80)
        pm = _POSSESSOR.search(body[lo:m.start()])
        if pm is None:
            continue
        ps, pe = lo + pm.start("poss"), lo + pm.end("poss")
        poss = pm.group("poss")
        if poss.lower() in ("his", "her", "their", "its"):
            spk: _Cand | None = _Cand(ps, pe, "pronoun")
        else:
            spk = A.candidate(ps, pe - 2 if poss.endswith(("’s", "'s")) else pe - 1)
        if spk is None:
            continue
        cs, ce = _trim(body, m.end(), _clause_end(A, m.end(), se))
        if len(body[cs:ce].split()) >= 2:
            yield cs, ce, spk, m.group("noun") + " " + m.group("prep"), "indirect_noun"
