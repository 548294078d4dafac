"""A partial quotation inside reported speech ("X said the plan was “dead on arrival”"): the nearest speech verb
before it in the sentence and its subject (``reported_speech``, pattern family 4 of ``direct.py``). Split out of
direct.py unchanged."""
from __future__ import annotations

import re

from tasks.quotes import anonymous
from tasks.quotes.site import MODAL_BEFORE, Attribution, QuoteSite
from tasks.quotes.speakers import _Article, _Cand


def reported_speech(A: _Article, site: QuoteSite) -> Attribution | None:
    """A partial quote inside reported speech: the nearest speech verb before it in the sentence, and its subject."""
    if site.kind != "partial":
        return None
    seg_s = A.sents[site.si]["start_char"]
    # a speech verb; else a verb whose object is what was said ("X accused the executive of having “no plan”", "Y
    # dismissed the walkout as “a political stunt”")
    vv = _verbs_before(A, A.r.quote_verb_re, seg_s, site.raw.open_s) or _verbs_before(A, A.r.object_re, seg_s, site.raw.open_s)
    vv = [v for i, v in enumerate(vv) if i == 0 or not _MEDIUM_AFTER_VERB.fullmatch(A.body, vv[i - 1].end(), v.start())]
    if not vv:
        return _according_opening(A, seg_s, site.raw.open_s)
    if len(vv) > 1 and MODAL_BEFORE.search(A.body, max(seg_s, vv[-1].start() - 8), vv[-1].start()):
        vv.pop()          # "said it was too early to put a figure … but … “the worst possible time”": not the infinitive;
        #                   "told the court … that a sentence … would not reflect ‘…’": not what a modal governs
    v = vv[-1]
    agent = _AGENT_AS.fullmatch(A.body, v.end(), site.raw.open_s)
    by = A.candidate(agent.start(1), agent.end(1)) if agent is not None else None
    if by is not None:      # "injuries described by police as “not life-threatening”": the agent
        return Attribution(by, v.group(1), "reported_speech")
    spk = anonymous.unnamed_subject(A, seg_s, v.end()) or A.subject_before(v.start(), seg_s)
    if spk is None and len(vv) > 1 and _PARTICIPLE.fullmatch(v.group(0)) \
            and _COMMA_BEFORE.search(A.body, max(seg_s, v.start() - 4), v.start()):
        # "…, the agency said in a post on X, |adding| that “…”": the participle's subject is the verb's before it
        v = vv[-2]
        spk = anonymous.unnamed_subject(A, seg_s, v.end()) or A.subject_before(v.start(), seg_s)
    generic = spk is not None and (spk.kind == "np" or (spk.kind == "role" and _plural_noun(A.body[spk.start:spk.end])))
    if spk is not None and generic and len(vv) > 1 and not _PASSIVE_BEFORE.search(A.body, max(seg_s, vv[-2].start() - 12), vv[-2].start()):
        # (not a passive verb before: "whether officers |had been called| to the address, saying …": no one speaks)
        outer = A.subject_before(vv[-2].start(), seg_s)
        if spk.kind == "np" and spk.start <= vv[-2].start():
            v, spk = vv[-2], outer      # "The council said the new cracks were “…”": the noun phrase holds the verb before
        elif spk.start > vv[-2].end() and outer is not None and outer.kind in ("mention", "pronoun", "name"):
            # "She said residents had written to the board but had received “only assurances”": a noun phrase inside
            # what a named speaker reports is no speaker of the words
            v, spk = vv[-2], outer
    return Attribution(spk, v.group(1), "reported_speech") if spk else None


def _according_opening(A: _Article, seg_s: int, open_s: int) -> Attribution | None:
    """The source of a sentence opened by "According to X," with no speech verb before its partial quote ("According
    to her, the government must find a solution “rather than fighting fires every season.”")."""
    mo = re.match(r"\s*(?:" + "|".join(map(re.escape, A.r.according)) + r")\s+([^,.;:“”\"\n]{2,80}?),", A.body[seg_s:open_s], re.I)
    if mo is None:
        return None
    s, e = seg_s + mo.start(1), seg_s + mo.end(1)
    pronoun = _OBJECT_PRONOUNS.get(mo.group(1).lower())
    m = A.resolve_pronoun(s, pronoun) if pronoun else None      # "According to her,": the person she is
    c = _Cand.of_mention(s, e, m) if m is not None else (A.candidate(s, e) if pronoun is None else None)
    return Attribution(c, None, "according_to") if c is not None else None


#: an object pronoun after "according to" and the subject pronoun it resolves as
_OBJECT_PRONOUNS = {"him": "he", "her": "she"}


#: a participle ("adding", "writing", "describing") and the comma that sets it after its clause
_PARTICIPLE = re.compile(r"[a-z]+ing")
_COMMA_BEFORE = re.compile(r",[^\S\n]*$")
#: the agent of a passive speech verb right before a partial quote ("described| by police as |“…”")
_AGENT_AS = re.compile(r"[^\S\n]+by[^\S\n]+([^,.;:“”\"\n]{2,60}?)[^\S\n]+as[^\S\n]*")


def _verbs_before(A: _Article, verb_re: re.Pattern, seg_s: int, end: int) -> list[re.Match]:
    """The verbs of ``verb_re`` in the text between ``seg_s`` and ``end`` that are verbs of the sentence (not inside a
    quotation, an "as X said" aside, a noun use or after a determiner)."""
    return [v for v in verb_re.finditer(A.body, seg_s, end)
            if not A.in_quote(v.start()) and not _AS_ASIDE.search(A.body, max(seg_s, v.start() - 40), v.start())
            and not _NOUN_USE.search(A.body, max(seg_s, v.start() - 30), v.start())
            and not _DETERMINER_BEFORE.search(A.body, max(seg_s, v.start() - 8), v.start())
            and not noun_before_verb(A, v.group(0), v.end(), end)]


def noun_before_verb(A: _Article, word: str, pos: int, end: int) -> bool:
    """Is ``word``, a speech verb's form ending at ``pos``, a document's word that another speech verb follows ("Its
    first |report| said", "the staff |report| said")? Then it is a noun, the subject of the verb after it (not "told
    |state| media"). Read for partial quotes here and for the speaker after a quotation (``direct``)."""
    gap = re.match(r"[^\S\n]+", A.body[pos:pos + 3])
    return word.lower().rstrip("s") in A.r.document_roles and gap is not None \
        and A.r.quote_verb_re.match(A.body, pos + gap.end(), end) is not None


#: a form of "be" right before a verb: a passive ("had been called"), whose subject says nothing
_PASSIVE_BEFORE = re.compile(r"(?<![\w’'-])(?:be|been|being|is|are|was|were)\s+$")


def _plural_noun(phrase: str) -> bool:
    """"residents", "the officials": a plural noun phrase (not "the witness")."""
    low = phrase.lower().rstrip()
    return low.endswith("s") and not low.endswith("ss")


#: a speech word used as a noun ("wrote in a dissenting note that", "in a statement that"): a preposition, a determiner
#: and at most one adjective before it
_NOUN_USE = re.compile(r"\b(?:in|with|from|of|by|on|under|through|via)\s+(?:a|an|the|his|her|its|their|this|that)\s+"
                       r"(?:[a-z-]+(?:ing|ed|al|ent|ive|ous|ful|ary)\s+)?$",
                       re.I)
#: what stands between a speech verb and a speech noun in the phrase that tells how it was said ("said| in a brief phone
#: |call that …")
_MEDIUM_AFTER_VERB = re.compile(r"\s+(?:in|on|during|via|through|over)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,3}")
#: a determiner right before a speech word makes it a noun ("the demands “would cost …”", "a response")
_DETERMINER_BEFORE = re.compile(r"(?<![\w’'-])(?:the|a|an|his|her|its|their|these|those)\s+$", re.I)
#: an aside naming how someone calls a thing (", as Beijing calls the shoal,"), not the speech verb of the quote
_AS_ASIDE = re.compile(r",\s+as\s+(?:[\w’'.-]+\s+){1,4}$")
