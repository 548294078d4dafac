"""Reported speech without quotation marks (``kind == "indirect"``).

Patterns: ``according_to`` ("according to X, CLAUSE" / "CLAUSE, according to X"),
``indirect_post`` ("CLAUSE, X said", "CLAUSE, said X, the ROLE, …" and mid-sentence
"CLAUSE, X said, CLAUSE": the longer side), ``indirect_as`` ("As X reported, CLAUSE"),
``indirect_speaker_verb`` ("X said (that) CLAUSE", "X told reporters he ..."; one per speech
verb, a clause ends before a coordinated speech verb: "X said A and argued that B" is two rows),
``indirect_object`` ("X accused Y of ..."), ``indirect_directive`` ("X asked Y to ..."), ``indirect_noun`` ("X’s call for ..."), ``indirect_evidence`` ("Polls show that ...", "...,
new surveys found": [report_evidence] verbs with an [evidence_nouns] subject), ``indirect_belief`` ("Many fear Trump
will ...", "she wants voters to know ...": [report_belief] verbs), ``indirect_colon`` ("Warren:
Trump Is a Failure" headlines, "TAPPER: ..." transcripts), ``indirect_headline`` (title case "Trump
Says He Never …"), ``indirect_asked`` ("X asked Y whether …", "Asked why …, …": the question; no
speaker for the leading participle), ``indirect_referring`` ("…, X said, referring to Obama"). A poll share may be a subject ("52 percent of voters say"). "according to" takes
any short noun phrase as its source ("according to an account she gave"). A clause also ends
before ", saying/calling ..." (its own attribution, same subject). A sentence may hold several attributions: every
pattern is tried, earlier patterns first, and a row is kept when its content overlaps none kept
before. Partial quotes inside a reported clause are fine, also when one opens it ("X said that “…” had
…"); a clause ends where a direct quotation starts, and a clause that is mostly a direct quotation is
not reported speech. ``[report_object]`` also holds topic cues ("X talked about …", "warned of …",
"commented on …"): their object is the content.

Written by hand over regular expressions: the pipeline loads no dependency parser (tasks/nlp.py
keeps only ``ner``), and adding one would double the cost of the batch.

Layout: this module holds the pass over a sentence (``_indirect``: the coverage of what earlier patterns
kept, ``_Coverage``) and the speech-verb patterns; the object/evidence/belief/asked/referring cues are in
``indirect_cues.py``, the clause helpers (``_trim``, ``_clause_end``) in ``clauses.py``.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import accumulate

from tasks.quotes import anonymous, documents
from tasks.quotes.clauses import _clause_end, _coordinated_verb, _trim
from tasks.quotes.indirect_cues import _asked, _belief, _directive, _evidence, _noun_cue, _object_cue, _referring
from tasks.quotes.rows import quote_row as _row
from tasks.quotes.rules import PERSON_LABELS
from tasks.quotes.speakers import _ADVERBS, _Article, _Cand

_PREP_STOP = {"in", "on", "at", "to", "for", "with", "about", "during", "after", "before", "from", "of", "by",
              "so", "nothing", "yes", "no", "goodbye", "hello", "thanks", "this", "as", "when"}


class _Coverage:
    """Characters of [s, e) covered by quote spans (counted once per span), by bisect over the
    sorted spans and a running maximum of their ends (a scan of every span per sentence was
    quadratic on articles with thousands of quotes)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.max_end = list(accumulate((b for _, b in self.spans), max))

    def covered(self, s: int, e: int) -> int:
        total = 0
        for j in range(bisect.bisect_left(self.starts, e) - 1, -1, -1):
            a, b = self.spans[j]
            if self.max_end[j] <= s:
                break
            total += max(0, min(e, b) - max(s, a))
        return total


def _indirect(A: _Article, quoted: list[dict]) -> list[dict]:
    """Reported speech without quotation marks: every pattern's attributions of a sentence, the
    earlier patterns first, each kept when its content does not overlap one already kept."""
    body = A.body
    direct_cover = _Coverage([(q["start_char"], q["end_char"]) for q in quoted if q["kind"] == "direct"])
    direct_ends = sorted(q["end_char"] for q in quoted if q["kind"] == "direct")
    direct_starts = sorted(q["start_char"] for q in quoted if q["kind"] == "direct")
    out = []
    for sent in A.sents:
        ss, se = sent["start_char"], sent["end_char"]
        if len(body[ss:se].split()) < 5:
            continue
        kept: list[tuple[int, int]] = []
        for cs, ce, spk, cue, pat in _sentence_candidates(A, ss, se, direct_ends):
            cs, ce = _before_direct(body, cs, ce, direct_starts)
            if ce - cs < 10:      # a clause opening a direct quotation was cut to nothing by _before_direct
                continue
            if direct_cover.covered(cs, ce) >= 0.5 * (ce - cs):      # partial quotes inside are fine
                continue
            if any(cs < b and a < ce for a, b in kept):
                continue
            kept.append((cs, ce))
            out.append(_row(A, cs, ce, "indirect", spk, cue, pat))
    return out


def _rx(rules) -> dict[str, re.Pattern]:
    """The patterns built from the rule files, compiled once per rule set."""
    return _compiled(rules.verb_re.pattern, rules.according, rules.reporting_objects)


@lru_cache(maxsize=4)
def _compiled(verb: str, according: tuple, reporting_objects: tuple) -> dict[str, re.Pattern]:
    acc_alt = "|".join(map(re.escape, according))
    objects = "|".join(map(re.escape, reporting_objects))     # the listeners of [reporting_objects]
    return {
        "according": re.compile(r"\b(" + acc_alt + r")\s+((?:[^,.;:“”\"\n]|\.(?=\w|[^\S\n]+(?-i:[A-Z]))){2,80}?)"
                                r"(?=\s*[,;:—–]|\s*\.(?![^\S\n]+(?-i:[A-Z]))|\s*$)", re.I),
        "post": re.compile(r",(?:''|[”\"’])?\s*(?P<region>[^,“”\"\n]{1,80}?(?:,[^,“”\"\n]{1,80},)?)\s+" + _ADVERBS + verb
                           + r"(?P<tail>[^,;“”\"]{0,80})$"),
        "post_inverted": re.compile(r",(?:''|[”\"’])?\s*" + verb + r"\s+(?P<region>[^,.;“”\"\n]{1,60}?)\s*(?:[.!?]?$|,\s+(?:an?|the|who)\s)"),
        "as": re.compile(r"\s*(?:(?:But|And|Yet|So)\s+)?[Aa]s\s+(?P<region>[^,“”\"\n]{2,60}?)\s+" + _ADVERBS + verb
                         + r"(?:\s+(?:in|on|at|last|this|earlier)\s+[^,“”\"\n]{1,40})?\s*,\s*(?=\S)"),
        "parenthetical": re.compile(r",\s*(?P<region>[^,“”\"\n]{1,60}?(?:,[^,“”\"\n]{1,60},)?)\s+" + _ADVERBS + verb
                                    + r"(?:\s+[^,“”\"\n\s][^,“”\"\n]{0,30})?\s*,\s+\S"),
        "told_object": re.compile(r"\s+(?:(?:" + objects
                                  + r"|him|her|them|me|us|(?:the\s+)?(?:[A-Z][\w.’'&-]*\s+){0,3}[A-Z][\w.’'&-]*)"
                                  + r"\s+(?=(?:he|she|they|it|we|I|there)[\s’'])"
                                  # "told the court the defendant wrote 117 checks", "told reporters the plan would …":
                                  # a listener of [reporting_objects], then a clause opened by a noun phrase and its verb
                                  + r"|(?:" + objects + r")\s+(?=" + _NP_CLAUSE + r"))"),
    }


#: a clause opened by a short noun phrase and its finite verb ("the defendant |wrote|", "the plan |would|")
_NP_CLAUSE = (r"(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}?(?:had|has|have|was|were|is|are|would|will|could|"
              r"should|did|might|may|must|can|wrote|made|took|gave|knew|stole|kept|left|sold|paid|ran|met|[a-z]{2,}ed)\b")


def _before_direct(body: str, cs: int, ce: int, direct_starts: list[int]) -> tuple[int, int]:
    """A reported clause ends where a direct quotation starts ("X said A, adding, “B”")."""
    j = bisect.bisect_right(direct_starts, cs)
    if j < len(direct_starts) and direct_starts[j] < ce:
        ce = direct_starts[j]
        while ce > cs and (body[ce - 1] in "“”„‟\"«»'`" or body[ce - 1].isspace()):
            ce -= 1
        cs, ce = _trim(body, cs, ce)
        m = re.search(r",?\s+\w+ing$", body[cs:ce])      # ", adding" / ", saying" before the quotation
        if m:
            ce = cs + m.start()
    return cs, ce


def _sentence_candidates(A: _Article, ss: int, se: int, direct_ends: list[int]):
    """(content start, end, speaker, cue, pattern) of every pattern in priority order."""
    yield from _according(A, ss, se)
    yield from _name_colon(A, ss, se)
    yield from _headline_says(A, ss, se)
    yield from _post(A, ss, se)
    yield from _as_reported(A, ss, se)
    yield from _parenthetical(A, ss, se)
    yield from _speaker_verb(A, ss, se, direct_ends)
    yield from _object_cue(A, ss, se)
    yield from _directive(A, ss, se)
    yield from _evidence(A, ss, se)
    yield from _belief(A, ss, se)
    yield from _asked(A, ss, se)
    yield from _referring(A, ss, se)
    yield from _noun_cue(A, ss, se)


def _according(A: _Article, ss: int, se: int):
    """according to X, CLAUSE  |  CLAUSE, according to X"""
    body = A.body
    text = body[ss:se]
    for m in _rx(A.r)["according"].finditer(text):
        spk = A.candidate(ss + m.start(2), ss + m.end(2))
        if spk is None and re.match(r"(?:[\w’'.-]+\s+){0,9}[\w’'.-]+$", m.group(2)) and not re.match(r"(?:him|her|them|me|us|it)\b", m.group(2), re.I):
            spk = _Cand(ss + m.start(2), ss + m.end(2), "np")   # "according to an account she gave", "… polls compiled by X"
        if spk is not None and spk.kind == "np":
            spk = documents.phrase_issuer(A, spk.start, spk.end) or spk    # "according to a statement from X"
        if spk is None:
            continue
        lead = text[:m.start()].strip()
        if len(lead.split()) <= 2:      # at the start (maybe after "But")
            cs, ce = _trim(body, ss + m.end(), se)
        else:
            cs, ce = _trim(body, ss, ss + m.start())
        yield cs, ce, spk, m.group(1), "according_to"
        return


def _name_colon(A: _Article, ss: int, se: int):
    """NAME: CLAUSE at the start of a sentence (headline "Elizabeth Warren: Trump Is a Failure",
    transcript "TAPPER: Do you think …"; ``indirect_colon``): NAME is a person mention
    (PERSON) or an upper-case label that opens at least two paragraphs of the article (a transcript),
    never a label of [not_speaker_labels] ("UPDATE:")."""
    body = A.body
    m = re.match(r"\s*((?:[A-Z][\w.’'&-]*\s+){0,3}[A-Z][\w.’'&-]*)\s*:\s+(?=\S)", body[ss:se])
    if not m or m.group(1).lower() in A.r.not_speaker_labels or m.group(1) in A.narrators():
        return                          # "MORRIS:" of "FRANK MORRIS, BYLINE:": the reporter's narration
    spk = A.candidate(ss + m.start(1), ss + m.end(1))
    if spk is None or spk.kind not in ("mention", "name"):
        return
    person = spk.mention is not None and spk.mention["label"] in PERSON_LABELS
    label = m.group(1)
    transcript = label.isupper() and len(re.findall(r"(?m)^\s*" + re.escape(label) + r"\s*:", body)) >= 2
    if not (person or transcript):
        return                          # "The Latest: …", "AP-GfK Poll: …" are headline labels
    cs, ce = _trim(body, ss + m.end(), se)
    if len(body[cs:ce].split()) >= 3:
        yield cs, ce, spk, ":", "indirect_colon"


_TITLE_VERB = re.compile(r"\s(Says|Said|Tells|Told|Warns|Warned|Claims|Claimed|Insists|Argues|Admits|Denies|Vows|Predicts|Thinks|Believes|Wants|Fears|Hopes|Urges|Calls)\s+(?=[A-Z\d’'‘“\"])")


def _headline_says(A: _Article, ss: int, se: int):
    """A headline in title case: "Trump Says He Never Pledged To …" (``indirect_headline``): the
    capitalised speech verb after a name (or a capitalised phrase with a mention) at the start."""
    body = A.body
    text = body[ss:se]
    words = re.findall(r"[A-Za-z][\w’'-]*", text)
    if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.7 * len(words):
        return
    m = _TITLE_VERB.search(text)
    if not m or m.start() == 0 or len(text[:m.start()].split()) > 5:
        return
    spk = A.candidate(ss, ss + m.start())
    if spk is None or spk.kind not in ("mention", "name", "role"):
        return
    cs, ce = _trim(body, ss + m.end(), se)
    if len(body[cs:ce].split()) >= 2:
        yield cs, ce, spk, m.group(1), "indirect_headline"


#: longest stretch from the comma of ", X said" to its verb (region, appositive and adverbs) with room to spare
_MAX_REGION = 400


def _search_from(A: _Article, ss: int, se: int) -> int | None:
    """Where in the sentence the ", X said" patterns can first match (relative to ``ss``), or None
    when no speech verb follows a comma: those patterns try the whole verb alternation at every
    comma, so they are run only from a little before the first verb that can end one."""
    c = A.body.find(",", ss, se)
    if c < 0:
        return None
    v = A.r.verb_re.search(A.body, c, se)
    return None if v is None else max(0, v.start() - ss - _MAX_REGION)


def _name_before(A: _Article, end: int) -> bool:
    """Does a person's name end right at ``end`` ("The club’s chairman, |Lorna X|, read a victim statement"): then
    that person is the verb's subject, and no clause is reported before it."""
    return any(m["end_char"] == end and m["label"] in PERSON_LABELS for m in A.mentions_in(max(0, end - 80), end))


def _post(A: _Article, ss: int, se: int):
    """CLAUSE, X said.  |  CLAUSE, said X.  |  CLAUSE, said X, the ROLE, who …  (never "INTRO, X
    claimed CLAUSE": what follows the verb must be an adverbial or short)."""
    body = A.body
    pos = _search_from(A, ss, se)
    if pos is None:
        return
    text = body[ss:se]
    if text.rstrip().endswith(":") or _PREPOSITIONAL.match(text) or _PARTICIPLE_CLAUSE.match(text):
        return          # "In a Facebook post, the union's general secretary wrote:" introduces a quotation
    m = _rx(A.r)["post"].search(text, pos)
    if m and len(text[:m.start()].split()) >= 4 and _adverbial_tail(m.group("tail")):
        spk = A.candidate(ss + m.start("region"), ss + m.end("region"))
        if spk:
            cs, ce = _trim(body, ss, ss + m.start())
            yield cs, ce, spk, m.group(2), "indirect_post"
            return
    m = _rx(A.r)["post_inverted"].search(text, pos)
    if m and len(text[:m.start()].split()) >= 4 and not m.group(1).endswith("ing") \
            and not _name_before(A, ss + len(text[:m.start()].rstrip(" ,"))):   # not ", saying the …"
        spk = A.candidate(ss + m.start("region"), ss + m.end("region"))
        if spk:
            cs, ce = _trim(body, ss, ss + m.start())
            yield cs, ce, spk, m.group(1), "indirect_post"


#: a sentence opening with a prepositional phrase that ends at the speaker's comma ("In a Facebook post, X wrote")
_PREPOSITIONAL = re.compile(r"\s*(?:In|On|At|From|With|Via|Through|During|After|Before|Under|For|By|Speaking|Writing)\s[^,;:]{1,60},"
                            r"[^,;:]{1,80}$")
#: "Asked whether …, the spokesperson said: ‘…’": a fronted participle clause is no reported content
_PARTICIPLE_CLAUSE = re.compile(r"\s*(?:Asked|Pressed|Questioned|Speaking|Responding|Reacting|Commenting)\b")
_TAIL_OK = re.compile(r"\s*(?:[.!?]|$|(?:in|on|at|during|after|before|when|while|to|from|last|this|earlier|late|"
                      r"later|recently|yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                      r"of|about|via|through|by|with|for|outside|inside|afterward|afterwards)\b)", re.I)
#: the object of "told" / "said to" named after the verb ("…, a Cairo airport official told The New York Times."),
#: then the sentence end or an adverbial
_TAIL_NAMED = re.compile(r"\s*(?:to\s+)?(?:the\s+)?(?:[A-Z][\w.’'&-]*\s+){0,4}[A-Z][\w.’'&-]*(?:\s*[.!?]?\s*$|\s+(?:on|in|at|during|after|"
                         r"before|last|this|earlier|late|later|yesterday|today|tonight)\b)")


def _adverbial_tail(tail: str) -> bool:
    """What follows ", X said" is an adverbial ("on Monday", "in a statement") or short, not a
    clause of its own ("With …, Obama claimed a new era had begun": that is "X said CLAUSE")."""
    return len(tail.split()) <= 3 or bool(_TAIL_OK.match(tail)) or bool(_TAIL_NAMED.match(tail))


def _as_reported(A: _Article, ss: int, se: int):
    """As X reported/said/noted, CLAUSE"""
    body, rules = A.body, A.r
    text = body[ss:se]
    m = _rx(rules)["as"].match(text)
    if m and m.group(2).lower() in rules.report_forms:
        spk = A.candidate(ss + m.start("region"), ss + m.end("region"))
        if spk is not None and spk.kind != "np" or (spk is not None and re.match(r"(?:the|a|an)\s", m.group("region"), re.I)):
            cs, ce = _trim(body, ss + m.end(), se)
            yield cs, ce, spk, m.group(2), "indirect_as"


#: what follows a mid-sentence attribution when it is the writer's own next clause, not the rest of the content
_NEW_CLAUSE = re.compile(r"(?:and|but|or|so|yet|while|whereas|although|though|adding|saying|according)\b"
                         r"|(?:one|two|three|four|five|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?|hours?)\s+(?:after|before|later|earlier|ago)\b")


def _parenthetical(A: _Article, ss: int, se: int):
    """CLAUSE, X said, CLAUSE (attribution in mid-sentence): the longer side is the content."""
    body, rules = A.body, A.r
    pos = _search_from(A, ss, se)
    if pos is None:
        return
    text = body[ss:se]
    m = _rx(rules)["parenthetical"].search(text, pos)
    if m and m.group(2).lower() in rules.report_forms and len(text[:m.start()].split()) >= 1:
        spk = A.candidate(ss + m.start("region"), ss + m.end("region"))
        if spk is not None and spk.kind in ("mention", "pronoun", "role", "name"):
            before = _trim(body, ss, ss + m.start())
            after = _trim(body, ss + m.end() - 1, se)
            cs, ce = max(before, after, key=lambda t: t[1] - t[0])
            if (cs, ce) == after and len(body[before[0]:before[1]].split()) >= 4 and _NEW_CLAUSE.match(body, after[0]):
                cs, ce = before     # "A, a spokeswoman said on Saturday, and it has …": the writer goes on
            yield cs, ce, spk, m.group(2), "indirect_post"


def _speaker_verb(A: _Article, ss: int, se: int, direct_ends: list[int]):
    """X said (that) CLAUSE | X told Y (that) CLAUSE: one per speech verb of the sentence. A clause
    ends where a coordinated speech verb of the same subject starts ("He said A and argued B")."""
    body, rules = A.body, A.r
    for v in rules.verb_re.finditer(body, ss, se):
        if v.group(1).lower() not in rules.report_forms or A.in_quote(v.start()):
            continue
        lo = max(ss, v.start() - 100)
        j = bisect.bisect_right(direct_ends, v.start()) - 1
        if j >= 0 and direct_ends[j] >= lo and not re.search(r"[.!?;]", body[direct_ends[j]:v.start()]) \
                and not re.match(r"\s+that\s", body[v.end():se]):
            continue                        # the cue of a quote just before ("“…,” Vance said ahead of …"),
            #                                 not "“…,” he said, adding that …"
        before = body[max(ss, v.start() - 12):v.start()].lower().split()
        if before and before[-1] in {"was", "were", "is", "are", "be", "been", "being", "to"}:
            continue
        after = body[v.end():se]
        nw = re.match(r"\s*(?:,\s*[\w\s]{1,20},\s*(?=that\s))?([\w’'-]+)", after)   # "said, however, that"
        if not nw or nw.group(1).lower() in rules.not_after_verb:
            continue
        spk = anonymous.unnamed_subject(A, ss, v.end()) or A.subject_before(v.start(), ss) or _share_subject(body, ss, v.start()) \
            or _group_subject(body, ss, v.start())
        if spk is None:
            continue
        cs = _clause_start(A, v, after, nw.group(1).lower())
        if cs is None:
            continue
        cs, ce = _trim(body, cs, _clause_end(A, cs, se))
        if ce - cs < 15 or len(body[cs:ce].split()) < 3:
            continue
        yield cs, ce, spk, v.group(1), "indirect_speaker_verb"


_SHARE = re.compile(r"(?:^|(?<=[\s,;]))((?:about\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|just\s+|a\s+|an\s+)?"
                    r"(?:(?:\d[\d.,]*|[A-Za-z]+(?:-[a-z]+)?)\s*(?:percent|per\s+cent|%)|half|most|many|majorit(?:y|ies)|plurality|minority|"
                    r"(?:one|two|three)[- ](?:thirds?|quarters?|in\s+\w+)|\w+\s+in\s+\w+)(?:\s+of\s+[^,;:“”\"]{1,60}?)?)\s+$", re.I)


def _share_subject(body: str, ss: int, verb_s: int) -> _Cand | None:
    """A poll share as the subject ("52 percent of registered voters say", "half of GOP voters said")."""
    m = _SHARE.search(body, max(ss, verb_s - 90), verb_s)
    return _Cand(m.start(1), m.end(1), "np") if m else None


#: a subject without a determiner right before the verb (adverbs and auxiliaries between): a possessive noun phrase
#: ("Rival Hillary Clinton’s campaign says", "O’Malley’s campaign is already claiming"), a quantified or bare plural
#: opening its clause ("Several observers emphasized", "Fact-checkers soon noted", "While critics argue",
#: "Cement makers, for instance, argue")
_GROUP_SUBJECT = re.compile(
    r"(?:^|(?<=[,;:(—–]\s)|(?<=\n)|" + "|".join(rf"(?<=\b{w}\s)" for w in (
        "While", "But", "And", "Yet", "As", "So", "Now", "while", "but", "and", "as", "because", "since", "though", "although"))
    + r")"
    r"((?:[A-Z][\w.’'-]*\s+){0,3}(?!(?:He|She|It|That|There|Here|What|Who|Where|Let)[’'])[A-Z][\w.’'-]*?[’'](?:s\b)?(?:\s+[a-z][\w-]*){1,2}"
    r"|(?:(?:[Ss]everal|[Mm]ultiple|[Mm]any|[Ss]ome|[Mm]ost|[Ff]ew|[Bb]oth|[Oo]ther|[Nn]umerous|[Vv]arious)\s+)?"
    r"(?:(?!(?:While|But|And|Yet|As|So|Now|The|A|An|In|On|At|For|If|When|Then|Still|Also)\s)[A-Za-z][\w-]*\s+)?[a-z][\w-]*[^s\W]s)"
    r"(?:,\s+(?:for\s+(?:instance|example)|in\s+turn|however|too),)?\s+" + _ADVERBS + r"$")
#: plural words that end a noun phrase but are no speaker ("In recent years, things changed")
_NOT_GROUP = frozenset({"years", "days", "weeks", "months", "times", "things", "ways", "terms", "others", "its", "this", "is",
                        "was", "has", "does", "as", "us", "yes", "thus", "always", "perhaps", "sometimes", "news"})


def _group_subject(body: str, ss: int, verb_s: int) -> _Cand | None:
    """A subject noun phrase without a determiner (``_GROUP_SUBJECT``) for reported speech only: kept
    as written (an unresolved noun-phrase speaker)."""
    m = _GROUP_SUBJECT.search(body, max(ss, verb_s - 90), verb_s)
    if m is None or m.group(1).split()[-1].lower() in _NOT_GROUP:
        return None
    return _Cand(m.start(1), m.end(1), "np")


def _clause_start(A: _Article, v: re.Match, after: str, next_word: str) -> int | None:
    """Start of the reported clause after the speech verb ``v`` (None: the verb reports nothing)."""
    rules, verb = A.r, v.group(1).lower()
    th = re.match(r"((?:\s+[\w.’'-]+){0,10}?)\s+that\s", after) or re.match(r"()\s*,\s*[\w\s]{1,20},\s+that\s", after)
    if th and _coordinated_verb(A, th.group(1)) is not None:
        th = None                       # the "that" of a later speech verb ("said A and argued that B")
    objc = None
    if verb.startswith(("told", "tell", "inform", "assur", "warn")):
        # "told Breitbart News he’d support …": object, then a clause opened by a subject pronoun
        objc = _rx(rules)["told_object"].match(after)
    if th and not re.search(r"[,;:]", th.group(1)) or (th and verb.startswith(("told", "tell", "inform", "warn"))):
        return v.end() + th.end()
    if objc is not None:
        return v.end() + objc.end()
    if next_word in _PREP_STOP or verb.startswith(("told", "tell", "inform", "ask", "urge")):
        return None
    return v.end()
