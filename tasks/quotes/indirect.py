"""Reported speech without quotation marks (``kind == "indirect"``).

Patterns: ``according_to`` ("according to X, CLAUSE" / "CLAUSE, according to X"),
``indirect_post`` ("CLAUSE, X said" and mid-sentence "CLAUSE, X said, CLAUSE"),
``indirect_as`` ("As X reported, CLAUSE"), ``indirect_speaker_verb`` ("X said (that) CLAUSE",
"X told reporters he ..."). At most one row per sentence.
"""
from __future__ import annotations

import bisect
import re
from itertools import accumulate

from tasks.quotes.rows import quote_row as _row
from tasks.quotes.spans import _MARK_RE
from tasks.quotes.speakers import _ADVERBS, _Article

_PREP_STOP = {"in", "on", "at", "to", "for", "with", "about", "during", "after", "before", "from", "of", "by",
              "so", "nothing", "yes", "no", "goodbye", "hello", "thanks", "this", "as", "if", "when"}


def _trim(body: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (body[s].isspace() or body[s] in ",;:—–-"):
        s += 1
    while e > s and (body[e - 1].isspace() or body[e - 1] in ",;:—–-.!?"):
        e -= 1
    return s, e


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
    """Reported speech without quotation marks: one row per sentence at most."""
    body, rules = A.body, A.r
    quoted_cover = _Coverage([(q["start_char"], q["end_char"]) for q in quoted])
    direct_cover = _Coverage([(q["start_char"], q["end_char"]) for q in quoted if q["kind"] == "direct"])
    out = []

    def mostly_direct(s, e):
        return quoted_cover.covered(s, e) >= 0.5 * max(1, e - s)

    acc_alt = "|".join(map(re.escape, rules.according))
    verb_alt = rules.verb_re.pattern
    for sent in A.sents:
        ss, se = sent["start_char"], sent["end_char"]
        text = body[ss:se]
        if direct_cover.covered(ss, se) >= 0.5 * (se - ss) or len(text.split()) < 5:
            continue
        found = None
        m: re.Match[str] | None
        # according to X, CLAUSE  |  CLAUSE, according to X
        for m in re.finditer(r"\b(" + acc_alt + r")\s+([^,.;:“”\"\n]{2,80}?)(?=\s*[,.;:]|\s*$)", text, re.I):
            spk = A.candidate(ss + m.start(2), ss + m.end(2))
            if spk is None:
                continue
            lead = text[:m.start()].strip()
            if len(lead.split()) <= 2:      # at the start (maybe after "But")
                cs, ce = _trim(body, ss + m.end(), se)
            else:
                cs, ce = _trim(body, ss, ss + m.start())
            found = (cs, ce, spk, m.group(1), "according_to")
            break
        if found is None:
            # CLAUSE, X said.  |  CLAUSE, said X.
            m = re.search(r",\s*(?P<region>[^,“”\"\n]{1,80}?(?:,[^,“”\"\n]{1,80},)?)\s+" + _ADVERBS + verb_alt + r"(?P<tail>[^,;“”\"]{0,80})$", text)
            if m and len(text[:m.start()].split()) >= 4:
                spk = A.candidate(ss + m.start("region"), ss + m.end("region"))
                if spk:
                    cs, ce = _trim(body, ss, ss + m.start())
                    found = (cs, ce, spk, m.group(2), "indirect_post")
            if found is None:
                m = re.search(r",\s*" + verb_alt + r"\s+(?P<region>[^,.;“”\"\n]{1,60}?)\s*[.!?]?$", text)
                if m and len(text[:m.start()].split()) >= 4:
                    spk = A.candidate(ss + m.start("region"), ss + m.end("region"))
                    if spk:
                        cs, ce = _trim(body, ss, ss + m.start())
                        found = (cs, ce, spk, m.group(1), "indirect_post")
        if found is None:
            # As X reported/said/noted, CLAUSE
            m = re.match(r"\s*(?:(?:But|And|Yet|So)\s+)?[Aa]s\s+(?P<region>[^,“”\"\n]{2,60}?)\s+" + _ADVERBS + verb_alt
                         + r"(?:\s+(?:in|on|at|last|this|earlier)\s+[^,“”\"\n]{1,40})?\s*,\s*(?=\S)", text)
            if m and m.group(2).lower() in rules.report_forms:
                spk = A.candidate(ss + m.start("region"), ss + m.end("region"))
                if spk is not None and spk.kind != "np" or (spk is not None and re.match(r"(?:the|a|an)\s", m.group("region"), re.I)):
                    cs, ce = _trim(body, ss + m.end(), se)
                    found = (cs, ce, spk, m.group(2), "indirect_as")
        if found is None:
            # CLAUSE, X said, CLAUSE (parenthetical attribution in mid-sentence)
            m = re.search(r",\s*(?P<region>[^,“”\"\n]{1,60}?)\s+" + _ADVERBS + verb_alt + r"\s*,\s+\S", text)
            if m and m.group(2).lower() in rules.report_forms and len(text[:m.start()].split()) >= 4:
                spk = A.candidate(ss + m.start("region"), ss + m.end("region"))
                if spk is not None and spk.kind in ("mention", "pronoun", "role", "name"):
                    cs, ce = _trim(body, ss, ss + m.start())
                    found = (cs, ce, spk, m.group(2), "indirect_post")
        if found is None:
            # X said (that) CLAUSE
            for v in rules.verb_re.finditer(body, ss, se):
                if v.group(1).lower() not in rules.report_forms or A.in_quote(v.start()):
                    continue
                if re.search(r"[”\"»]", body[max(ss, v.start() - 100):v.start()]) and not re.search(r"[.!?;]", body[max(ss, v.start() - 100):v.start()].rsplit("”", 1)[-1]):
                    continue                        # the cue of a quote just before ("“…,” Vance said ahead of …")
                before = body[max(ss, v.start() - 12):v.start()].lower().split()
                if before and before[-1] in {"was", "were", "is", "are", "be", "been", "being", "to"}:
                    continue
                after = body[v.end():se]
                nw = re.match(r"\s*([\w’'-]+)", after)
                if not nw or nw.group(1).lower() in rules.not_after_verb:
                    continue
                spk = A.subject_before(v.start(), ss)
                if spk is None:
                    continue
                th = re.match(r"((?:\s+[\w.’'-]+){0,10}?)\s+that\s", after)
                objc = None
                if v.group(1).lower().startswith(("told", "tell", "inform", "assur", "warn")):
                    # "told Breitbart News he’d support …": object, then a clause opened by a subject pronoun
                    objc = re.match(r"\s+(?:" + "|".join(map(re.escape, rules.reporting_objects))
                                    + r"|him|her|them|me|us|(?:[A-Z][\w.’'&-]*\s+){0,3}[A-Z][\w.’'&-]*)"
                                    + r"\s+(?=(?:he|she|they|it|we|I|there)[\s’'])", after)
                if th and not re.search(r"[,;:]", th.group(1)) or (th and v.group(1).lower().startswith(("told", "tell", "inform", "warn"))):
                    cs = v.end() + th.end()
                elif objc is not None:
                    cs = v.end() + objc.end()
                elif nw.group(1).lower() in _PREP_STOP or v.group(1).lower().startswith(("told", "tell", "inform", "ask", "urge")):
                    continue
                else:
                    cs = v.end()
                cs, ce = _trim(body, cs, se)
                if ce - cs < 15 or len(body[cs:ce].split()) < 3:
                    continue
                found = (cs, ce, spk, v.group(1), "indirect_speaker_verb")
                break
        if found is None:
            found = _object_cue(A, ss, se)
        if found is None:
            continue
        cs, ce, spk, cue, pat = found
        if ce - cs < 10 or mostly_direct(cs, ce) or _MARK_RE.match(body, cs):   # a quotation, not reported speech
            continue
        out.append(_row(A, cs, ce, "indirect", spk, cue, pat))
    return out


def _object_cue(A: _Article, ss: int, se: int) -> tuple | None:
    """"X accused Y of …", "X called for …", "X praised …" (``indirect_object``): a verb of
    ``[report_object]`` whose subject is a named person, pronoun or role; the content is the rest
    of the clause after the verb, up to the next ``;`` or the sentence end, with at least 3 words."""
    body = A.body
    for v in A.r.object_re.finditer(body, ss, se):
        if A.in_quote(v.start()):
            continue
        before = body[max(ss, v.start() - 12):v.start()].lower().split()
        if before and before[-1] in {"was", "were", "is", "are", "be", "been", "being", "to", "the", "a", "an"}:
            continue                    # passive, infinitive or a noun ("the attacks")
        spk = A.subject_before(v.start(), ss)
        if spk is None or spk.kind not in ("mention", "pronoun", "role"):
            continue
        end = body.find(";", v.end(), se)
        cs, ce = _trim(body, v.end(), end if end > 0 else se)
        if len(body[cs:ce].split()) < 3:
            continue
        return cs, ce, spk, v.group(1), "indirect_object"
    return None
