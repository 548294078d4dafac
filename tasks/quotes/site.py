"""Where a quoted span stands: its sentence, paragraph, the text before the opening mark, and its kind.

``locate`` reads the context of one quotation (``QuoteSite``) and decides direct vs partial
(``_quote_kind``); the attribution pattern families (``direct.py``, ``floating.py``) read the site and
return an ``Attribution``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from tasks.quotes.phrases import ISSUE_VERBS
from tasks.quotes.rules import Rules
from tasks.quotes.spans import _Raw
from tasks.quotes.speakers import _Article, _Cand


@dataclass
class QuoteSite:
    """One quoted span in its sentence and paragraph: what the attribution patterns look at."""
    raw: _Raw
    si: int                  # sentence index
    pi: int                  # paragraph index
    para_start: int
    lo: int                  # start of the context before the opening mark
    prev_close: bool         # an earlier quote of this sentence closes inside the context
    prefix: str              # body[lo:open mark]
    ptrim: str               # prefix without trailing whitespace
    content: str
    verb_in_prefix: list     # speech-verb matches in the prefix
    kind: str                # direct | partial
    post_lim: int            # end of the text after the closing mark that may hold the speaker
    prefix_intro: bool       # the prefix introduces the quote ("Putin said:", "He added,", "She says")
    colon_after_dash: bool   # "Pollsters agree - Carl Bialik: “…”"


@dataclass
class Attribution:
    speaker: _Cand | None = None
    cue: str | None = None
    pattern: str | None = None
    how: str | None = None   # overrides the resolution kind for the confidence (continuation, …)


#: words between the speech verb and the comma before a capitalised quotation ("Bolton told Breitbart News Daily
#: SiriusXM host Matt Boyle, “…”"); a lowercase one may follow at most two ("he said in 2012, “…”")
INTRO_OBJECT_WORDS = 8
#: ... or at most this many when they are prepositional phrases ("said in an op-ed piece before a 2014 Senate
#: Benghazi hearing, “…”"), which carry no clause of their own
INTRO_PHRASE_WORDS = 14
_PREPOSITIONAL_LEAD = re.compile(r"\s*(?:in|at|on|during|before|after|from|to|with|over|about|ahead\s+of|outside|inside)\s")
#: a quotation opening with an auxiliary completes a clause whose subject stands before it, outside the marks
_PREDICATE_START = re.compile(r"(?:is|are|was|were|would|could|will|can|should|may|might|must|has|have|had|does|did)\b")


#: an infinitive right after a verb of asking: a request, not what was said ("the driver, who has asked not to be named,
#: “…”"; but "The email goes on to say: “…”")
_INFINITIVE_AFTER = re.compile(r"\s+(?:not\s+)?to\s+(?:be\s+)?[a-z]")
_ASKING = frozenset({"ask", "asks", "asked", "asking", "request", "requests", "requested", "urge", "urges", "urged"})
#: a determiner right before a word: a verb form after it is a noun ("the report", "his statement")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|The|a|A|an|An|his|His|its|Its|their|Their|this|This)\s+$")
#: a period that ends an abbreviation, not a sentence ("… saying the U.S. “does not …”", "Mr. “…”")
_ABBREV_END = re.compile(r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Sr|Prof|Rev)\.)$")
#: a verb form after an article or an adjective-like word is a noun ("the two lengthy investigative reports ''…''")
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|his|her|its|their|this|these|those|[a-z]+(?:ive|al|ous|ic))\s+$", re.I)


#: a modal, "to" or a negation right before a verb: what it governs is no utterance made ("would not reflect “…”")
MODAL_BEFORE = re.compile(r"(?:\b(?:would|could|should|will|can|may|might|must|to|not|never)|n[’']t)\s+$", re.I)


#: a speech verb's complement clause ("said that …") …
_THAT_CLAUSE = re.compile(r"\s+that\s")
#: … which a coordinated verb phrase, a participle, a dash or a semicolon ends ("noted that he taught law, and added:
#: “…”", "joked that …, but went on to say, “…”", "said that … ― Trump boasted, “…”")
_COORDINATED_AFTER = re.compile(r"(?:,\s*|\s)(?:and|but|then|adding|before)\s|[;―—–]")


def _quote_kind(rules: Rules, prefix: str, ptrim: str, verb_in_prefix: list, prev_close: bool, content: str) -> str:
    """"direct" when the quote stands as an utterance of its own, else "partial" (module doc of tasks.quotes)."""
    first_alpha = next((c for c in content if c.isalpha()), "")
    if not ptrim or (ptrim[-1] in ".!?" and not _ABBREV_END.search(ptrim)):
        return "direct"
    if ptrim[-1] == ":":
        return "direct"
    if not prev_close and _PREDICATE_START.match(content):
        return "partial"         # "An economic downturn, he said, “could be …”"
    if re.search(r"\bthat,$", ptrim) or (not prev_close and verb_in_prefix and ptrim[-1] == ","
                                         and re.search(r"\bthat\s", prefix[verb_in_prefix[-1].end():])):
        return "partial"         # "Trump tweeted that, “For those …”", "Sanders said that for those aged 17 to 20, “the
                                 # real …”": a complement clause, as after "that “"
    if not prev_close and any(_THAT_CLAUSE.match(prefix, v.end()) and not _COORDINATED_AFTER.search(prefix, v.end())
                              for v in verb_in_prefix):
        return "partial"         # "He adds that American Muslims have two choices: “…”", "said that her campaign would
                                 # continue “to break barriers”": the quotation is inside the that-clause
    if ptrim[-1] in ",—–" and verb_in_prefix and (
            prev_close or len(prefix[verb_in_prefix[-1].end():].split()) <= _intro_words(prefix, verb_in_prefix[-1], first_alpha)):
        return "direct"          # "He said, “…”", "“A,” he said, “b …”"
    if ptrim[-1] == "," and re.search(r"\b(?:" + "|".join(map(re.escape, rules.according)) + r")\s+[^,]{2,80},$", ptrim, re.I):
        return "direct"          # "According to TASS, “…”"
    if verb_in_prefix and verb_in_prefix[-1].end() >= len(ptrim) - 1 \
            and verb_in_prefix[-1].group(1).lower() not in rules.naming_verbs \
            and not _NOUN_BEFORE.search(ptrim[:verb_in_prefix[-1].start()]) \
            and not MODAL_BEFORE.search(ptrim[:verb_in_prefix[-1].start()]):
        return "direct"          # "The ad says “nothing will change …”" (not "what she calls “real solutions”", nor "a
        #                          sentence would not reflect ‘the sustained …’": a verb's object, no utterance)
    return "partial"


def _intro_words(prefix: str, verb: re.Match, first_alpha: str) -> int:
    """How many words may stand between the introducing verb and the comma before the quotation (``INTRO_*_WORDS``)."""
    if not first_alpha.isupper():
        return 2
    after = prefix[verb.end():]
    if _PREPOSITIONAL_LEAD.match(after) and "," not in after.rstrip()[:-1]:
        return INTRO_PHRASE_WORDS
    return INTRO_OBJECT_WORDS


@lru_cache(maxsize=4)
def _capital_verb_re(verb_alt: str) -> re.Pattern:
    return re.compile(r"(?<![\w’'-])(" + verb_alt + r")(?![\w’'-])", re.I)


#: what follows an inverted speech verb opening the sentence: the speaker (a name, a title) and a comma or colon
_INVERTED_SPEAKER = re.compile(r"[^\S\n]+(?:[A-Z][^,:;!?“”\"\n]{1,60}|the[^\S\n]+[a-z][^,:;!?“”\"\n]{1,50})[,:]\s*")


def _inverted_verb(rules: Rules, prefix: str) -> re.Match | None:
    """"Said Comey, “…”", "Added the senator: “…”": a capitalised speech verb opening the sentence, then the speaker and a
    comma or colon right before the quotation (the verb match, as in ``verb_in_prefix``)."""
    lead = re.match(r"\s*(?:(?:And|But|So)\s+)?(?=[A-Z][a-z])", prefix)
    if lead is None:
        return None
    v = _capital_verb_re(rules.quote_verb_alt).match(prefix, lead.end())
    if v is None or not _INVERTED_SPEAKER.fullmatch(prefix, v.end()):
        return None
    return v


@lru_cache(maxsize=4)
def _document_issued(documents: frozenset) -> re.Pattern:
    """"Trump issued a statement, “…”", "The department released a statement Tuesday: “…”": a verb giving out a
    document (quote_patterns.txt [document_roles]) right before the comma or colon that introduces the quotation (the
    verb match, as in ``verb_in_prefix``)."""
    heads = "|".join(map(re.escape, sorted(documents, key=len, reverse=True)))
    return re.compile(r"(?<![\w’'-])(" + ISSUE_VERBS + r"|share[ds])\s+"
                      r"(?:a|an|the|its|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?(?:" + heads + r")s?"
                      r"(?:\s+[^,:;“”\"\n]{1,40}?)?\s*[,:]$")


def _last_closing_between(raws: list[_Raw], index: int, lo: int, hi: int, max_close: list[int]) -> _Raw | None:
    """The last quotation (in ``raws`` order, before ``raws[index]``) that closes in (lo, hi].

    ``max_close[j]`` is the largest ``close_e`` of ``raws[:j + 1]``: the backward scan stops where
    no earlier quotation closes after ``lo``.
    """
    for j in range(index - 1, -1, -1):
        q = raws[j]
        if max_close[j] <= lo:
            break
        if lo < q.close_e <= hi:
            return q
    return None


def locate(A: _Article, raws: list[_Raw], index: int, open_starts: list[int], max_close: list[int]) -> QuoteSite:
    """The context of quote ``raws[index]``: sentence, paragraph, the text before it and its kind.

    ``open_starts`` are the opening positions of ``raws`` (sorted, as ``raws`` is), ``max_close``
    the running maximum of their closing positions.
    """
    r = raws[index]
    body, rules = A.body, A.r
    si = A.sent_index(r.open_s)
    sent = A.sents[si]
    pi = A.para_index(r.open_s)
    ps, pe = A.paras[pi]
    # context before the open mark: from the sentence/paragraph start or the previous quote's close
    lo = max(sent["start_char"], ps)
    prev_close = _last_closing_between(raws, index, lo, r.open_s, max_close)
    if prev_close is not None:
        lo = max(lo, prev_close.close_e)
    prefix = body[lo:r.open_s]
    ptrim = prefix.rstrip()
    content = body[r.start:r.end]
    # a verb form right after a determiner is a noun ("From the report:", "his statement"): no speech verb
    verb_in_prefix = [v for v in rules.quote_verb_re.finditer(prefix) if not _DETERMINER_BEFORE.search(prefix, 0, v.start())
                      and not (v.group(1).lower() in _ASKING and _INFINITIVE_AFTER.match(prefix, v.end()))]
    if not verb_in_prefix and lo == max(sent["start_char"], ps):
        inverted = _inverted_verb(rules, prefix)
        verb_in_prefix = [inverted] if inverted is not None else []
    issued = _document_issued(rules.document_roles).search(ptrim)
    if issued is not None and (not verb_in_prefix or verb_in_prefix[-1].end() <= issued.start()):
        verb_in_prefix = [*verb_in_prefix, issued]      # "Trump issued a statement, “…”": the issuer speaks
    kind = _quote_kind(rules, prefix, ptrim, verb_in_prefix, prev_close is not None, content)
    post_lim = min(pe, r.close_e + 200)
    k = bisect.bisect_left(open_starts, r.close_e)
    if k < len(open_starts) and open_starts[k] < post_lim:
        post_lim = open_starts[k]       # the next quotation opens before the limit
    verb_ends_prefix = bool(verb_in_prefix) and verb_in_prefix[-1].end() >= len(ptrim) - 1
    prefix_intro = bool(ptrim) and (ptrim[-1] in ":,—–" or verb_ends_prefix) and bool(verb_in_prefix)
    colon_after_dash = bool(ptrim.endswith(":") and verb_in_prefix and re.search(
        r"\s[-—–]\s+[^-—–]{1,60}:$", ptrim[verb_in_prefix[-1].end():]))
    return QuoteSite(r, si, pi, ps, lo, prev_close is not None, prefix, ptrim, content, verb_in_prefix, kind,
                     post_lim, prefix_intro, colon_after_dash)
