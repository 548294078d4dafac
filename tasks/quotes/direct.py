"""Attribution of quoted text (``kind`` direct or partial): one function per pattern family.

``site.locate`` reads where a quote stands (its sentence, paragraph and the text before the
opening mark) and decides direct vs partial; ``attribute`` tries the pattern families in
order and returns the first speaker found (5 and 6 are in ``floating.py``):

1. ``speaker_after`` ("…,” said Putin / Putin said / Peskov, the Kremlin spokesman, said /
   Peskov told reporters / Trump wrote in a post; in ``after_quote.py``) and ``speaker_before`` ("Putin said: …",
   "He added, …", "She says …"); the introducing clause wins when the quote ends its own
   sentence after it.
2. ``dash_name`` ("“…” ― Pamela Padilla", or a signature paragraph "- Bernie Sanders." after a quotation
   paragraph), ``quote_from`` ("“….” That quote from X …") and ``name_colon`` (headline / transcript "Ted Cruz: ‘…’").
3. ``according_to`` ("According to TASS, “…”"; "“…,” according to TASS" is tried with ``speaker_after``).
4. ``reported_speech`` (a partial quote inside "X said …"; in ``partial.py``).
5. ``continuation`` (same speaker as the previous quote of the paragraph, or of the previous
   paragraph when this one only continues the quotation).
6. ``floating_quote`` (a quote alone after a sentence with a speech verb, or a paragraph that
   is only a quote after a paragraph naming a person).
"""
from __future__ import annotations

import re

from tasks.quotes import anonymous, asides, epithets
from tasks.quotes.after_quote import ABBREV_DOT, introduces_following, said_x, speaker_after
from tasks.quotes.floating import continuation, floating_quote
from tasks.quotes.labels import name_colon, transcript_label
from tasks.quotes.partial import reported_speech
from tasks.quotes.phrases import _ANONYMITY
from tasks.quotes.site import MODAL_BEFORE, Attribution, QuoteSite, locate
from tasks.quotes.speakers import _Article, _Cand

__all__ = ["Attribution", "QuoteSite", "attribute", "locate", "transcript_label"]


def dash_after(A: _Article, site: QuoteSite) -> Attribution | None:
    """A name after a dash right behind the closing mark: "“…” ― Pamela Padilla", "“…” — Sen. Ted
    Cruz, Texas" (pull quotes, reader voices; ``dash_name``). The name ends the paragraph or is
    followed by a comma or a period."""
    r, body = site.raw, A.body
    if r.close_s is None:
        return None
    m = re.match(r"[^\S\n]*[―—–-]{1,2}[^\S\n]*((?:[^,.;:!?\n“”\"]|(?<=\b[A-Z])\.){2,60}?)[^\S\n]*(?:[,;(]|(?<!\b[A-Z])\.|$)", body[r.close_e:A.paras[site.pi][1]])
    if not m:
        return None
    c = A.candidate(r.close_e + m.start(1), r.close_e + m.end(1))
    if c is None or c.kind not in ("mention", "name", "role"):
        return None
    return Attribution(c, None, "dash_name")


def signature_after(A: _Article, site: QuoteSite) -> Attribution | None:
    """A quotation that is its whole paragraph, signed by the next paragraph: a dash and a name (and a title) and
    nothing else ("“…”" / "- Bernie Sanders." / "— Sen. Ted Cruz, Texas": fact checks, pull quotes; ``dash_name``)."""
    r, body = site.raw, A.body
    if r.close_s is None or r.open_s != site.para_start or site.pi + 1 >= len(A.paras):
        return None
    if body[r.close_e:A.paras[site.pi][1]].strip(" .,;\t\n"):
        return None
    ns, ne = A.paras[site.pi + 1]
    m = re.match(r"[^\S\n]*[―—–-]{1,2}[^\S\n]*((?:\([^()\n]{1,30}\)|[^,.;:!?()\n“”\"]|" + ABBREV_DOT + r"){2,60}?)[^\S\n]*"
                 r"(?:,[^\n“”\"]{0,80})?\.?[^\S\n]*$",
                 body[ns:ne])
    if not m:
        return None
    c = A.candidate(ns + m.start(1), ns + m.end(1))
    if c is None or c.kind not in ("mention", "name", "role"):
        return None
    return Attribution(c, None, "dash_name")


#: a speech verb in an aside between the introducing verb and the quotation: a question put to the speaker ("when asked
#: about it") or the writer's "and I quote"
_ASIDE_VERB = re.compile(r"(?:\b(?:when|if|after|before|once|while|whenever|until)\s+(?:being\s+)?(?:again\s+)?"
                         r"(?:asked|pressed|questioned)|,\s*(?:and\s+)?I\s+quote)$")


#: a time clause opening with a noun phrase before its verb ("posted on X |as the meeting |went on:")
_TIME_CLAUSE_SUBJECT = re.compile(r"\b(?:as|while|when|after|before)\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}?([a-z][\w-]*)\s+$")


def _thing_in_time_clause(A: _Article, before: str) -> bool:
    """Does ``before`` (the text before a verb) end with a time clause's subject that names no person ("as the meeting
    ", "while the vote ")? The verb is that clause's, not the speaker's."""
    mo = _TIME_CLAUSE_SUBJECT.search(before)
    return mo is not None and not epithets.names_person(A.r, mo.group(1)) and mo.group(1) not in A.r.org_roles


#: "“…” That quote from Alabama Securities Commissioner Thomas Krebs appeared …": the next sentence names the source
_QUOTE_FROM = re.compile(r"[^\S\n]*(?:That|The|This|Those|These)[^\S\n]+(?:quote|quotation|line|remark|comment|statement"
                         r"|phrase|words|quip|warning)[^\S\n]+(?:came[^\S\n]+)?(?:from|by)[^\S\n]+")


def quote_from_after(A: _Article, site: QuoteSite) -> Attribution | None:
    """A quotation that ends its sentence, followed by a sentence naming where it came from ("That quote from X …",
    "The line came from X")."""
    r = site.raw
    if r.close_s is None or not re.search(r"[.?!…][’'\"”]*\s*$", A.body[r.start:r.close_s]):
        return None
    m = _QUOTE_FROM.match(A.body, r.close_e, site.post_lim)
    if m is None:
        return None
    c = said_x(A, m.end(), site.post_lim)
    return Attribution(c, None, "quote_from") if c is not None and c.kind in ("mention", "name", "role") else None


#: a form of "be" right before a speech verb: a passive ("would be announced", "was described"), whose subject did not say it
_PASSIVE_BEFORE = re.compile(r"(?<![\w’'-])(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$")


#: the verb's object is something someone else wrote, its writer named, then the colon before the quotation ("The
#: prosecutor also read aloud a 2022 text message |from Vasquez-Harlow| to one of her house managers:"): the writer
_AUTHORED_OBJECT = re.compile(r"(?<![\w’'-])(?:a|an|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?(?:message|letter|e-?mail|note"
                              r"|text|post|tweet|voicemail|card)\s+(?:from|by|written\s+by|sent\s+by)\s+"
                              r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)(?:\s+to\s+[^:“”\"\n]{1,80})?\s*:\s*$")


def speaker_before(A: _Article, site: QuoteSite) -> Attribution | None:
    """Speaker of an introducing clause: "Putin said: …" (colon_intro), "He added, …" (comma_intro), "She says …" (verb_intro)."""
    if not site.prefix_intro or site.colon_after_dash:
        return None
    verbs = list(site.verb_in_prefix)
    while len(verbs) > 1 and (_ASIDE_VERB.search(site.prefix[:verbs[-1].start()] + verbs[-1].group(1).lower())
                              or _PASSIVE_BEFORE.search(site.prefix, 0, verbs[-1].start())
                              or _thing_in_time_clause(A, site.prefix[:verbs[-1].start()])):
        verbs.pop()     # "who told Congress when asked about it:", "Trump said, and I quote, “…”": the verb before speaks;
        #                 "X said results … would be |announced| “within 72 hours”": a passive verb speaks for no one;
        #                 "X posted on X as the meeting |went on|:": a time clause of a thing
    v = verbs[-1]
    for prev in reversed(verbs[:-1]):     # "The email goes on to say:", "he went on to add,"
        if not re.fullmatch(r"\s+(?:on\s+)?to\s+", site.prefix[prev.end():v.start()]):
            break
        v = prev
    if re.search(r"(?<![\w’'-])to\s+$", site.prefix[:v.start()]) and v.group(1).lower() not in A.r.report_forms:
        site.kind = "partial"       # "expect elevated rates to continue “…”": an infinitive of a quotation-only verb
        return reported_speech(A, site)     # speaks for no one; the quote is part of the reported speech around it
    vs = site.lo + v.start()
    sent_s = A.sents[site.si]["start_char"]
    author = _AUTHORED_OBJECT.search(site.prefix)
    c = A.candidate(site.lo + author.start(1), site.lo + author.end(1)) if author else None
    if c is not None and c.kind in ("mention", "name", "role", "np"):
        return Attribution(c, v.group(1), "colon_intro")    # "read aloud a text message from X to one of her managers:"
    if _PASSIVE_BEFORE.search(A.body[max(sent_s, vs - 30):vs]) \
            and v.group(1).lower() in ("asked", "told", "quoted", "questioned", "pressed"):
        # "Trump was asked, “…”": the subject of a passive speech verb did not say the words; the agent did
        by = re.search(r"\bby\s+([^,:;“”\"]{2,60}?)\s*[,:]?\s*$", site.prefix[v.end():])
        c = A.candidate(site.lo + v.end() + by.start(1), site.lo + v.end() + by.end(1)) if by else None
        return Attribution(c, v.group(1), "comma_intro") if c is not None else None
    c = (anonymous.unnamed_subject(A, sent_s, site.lo + v.end()) if sent_s < vs and _ANONYMITY.search(A.body, sent_s, vs)
         else None) \
        or asides.relative_subject(A, vs, sent_s if sent_s < vs else site.lo) or A.subject_before(vs, sent_s if sent_s < vs else site.lo)
    # ("One machine operator, who … asked not to be named, told the Express: “…”": that operator)
    if c is None and re.fullmatch(r"\s*(?:(?:And|But|So)\s+)?", A.body[min(sent_s, site.lo):vs]):
        # "Said Comey, “…”", "Added the senator: “…”": the speaker follows the verb that opens the sentence
        c = said_x(A, site.lo + v.end() + len(site.prefix[v.end():]) - len(site.prefix[v.end():].lstrip()),
                    site.lo + len(site.ptrim) - 1)
    if c is None:
        return None
    ptrim = site.ptrim
    return Attribution(c, v.group(1), ("colon_intro" if ptrim[-1] == ":" else ("comma_intro" if ptrim[-1] in ",—–" else "verb_intro")))


def according_to(A: _Article, site: QuoteSite) -> Attribution | None:
    """"According to TASS, “…”", "According to HuffPo: “…”", and opening the sentence of a partial quote with no
    speech verb after it ("According to the budget report, the charges will begin “no earlier than May 2027”")."""
    alt = "|".join(map(re.escape, A.r.according))
    acc = re.search(r"\b(" + alt + r")\s+([^,.;:“”\"\n]{2,80}?)\s*[,:]\s*$", site.prefix, re.I)
    if not acc and site.kind == "partial" and not site.prev_close:
        acc = re.match(r"\s*(" + alt + r")\s+([^,.;:“”\"\n]{2,80}?)\s*,", site.prefix, re.I)
        if acc and any(v.start() >= acc.end() and not MODAL_BEFORE.search(site.prefix, 0, v.start())
                       for v in site.verb_in_prefix):
            return None     # ("According to X, Y said “…”": Y; but not "the charges |will begin| “…”")
    if not acc:
        return None
    if acc.group(2).lower() in ("him", "her"):      # "According to him, “…”": the person a "he" would stand for
        spk: _Cand | None = _Cand(site.lo + acc.start(2), site.lo + acc.end(2), "pronoun")
    else:
        spk = A.candidate(site.lo + acc.start(2), site.lo + acc.end(2))
    return Attribution(spk, acc.group(1), "according_to") if spk else None


def said_at_end(A: _Article, site: QuoteSite) -> Attribution | None:
    """A partial quote in a sentence that ends with its attribution: "Putin came across as “chilled”
    during the talks, said a source close to Khan." / "…, according to a former insider." (no other
    quotation in between)."""
    if site.kind != "partial" or site.raw.close_s is None:
        return None
    body, rules = A.body, A.r
    se = A.sents[site.si]["end_char"]
    tail = body[site.raw.close_e:se]
    if re.search(r"[“”\"«»]", tail):
        return None
    m = re.search(r"(?:,|^)[^\S\n]+(?:(?P<verb>" + rules.quote_verb_alt + r")|(?P<acc>" + "|".join(map(re.escape, rules.according))
                  + r"))[^\S\n]+(?P<who>[^,;:.!?\n]{2,80}?)[^\S\n]*[.!?]?[’'\"”]*[^\S\n]*$", tail)
    if not m:
        return None
    c = said_x(A, site.raw.close_e + m.start("who"), site.raw.close_e + m.end("who"))
    if c is None or c.kind == "pronoun":
        return None
    return Attribution(c, m.group("verb") or m.group("acc"), "verb_speaker" if m.group("verb") else "according_to")


def attribute(A: _Article, site: QuoteSite, prev_by_para: dict[int, dict]) -> Attribution:
    """The first pattern family that finds a speaker (order in the module docstring); an empty Attribution if none."""
    # a quote that ends its own sentence ("… ahead.”) after an introducing clause belongs to that
    # clause; what follows the closing mark is the next sentence ("” The star then recalled …")
    ends_sentence = bool(re.search(r"\.[’']*$", site.content.rstrip())) and site.raw.close_s is not None
    adjacent = (speaker_before, speaker_after) if ends_sentence and site.prefix_intro else (speaker_after, speaker_before)
    for family in (*adjacent, dash_after, signature_after, quote_from_after, name_colon, according_to, reported_speech, said_at_end):
        found = family(A, site)
        if found is not None and family is speaker_after and site.prefix_intro and introduces_following(A, site, found):
            found = speaker_before(A, site) or found
        if found is not None:
            return found
    found = continuation(A, site, prev_by_para) or floating_quote(A, site)
    return found if found is not None else Attribution()
