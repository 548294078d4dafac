"""Speaker labels before a colon: headline and transcript style ("Ted Cruz: ‘…’", "HuffPollster: “…”", "Here’s Clinton in
1992: “…”", "From Bush’s Facebook post: “…”"; ``name_colon``) and a quoted transcript line that opens with its speaker's
label ("\"PENCE: Well, look, …"; ``transcript_label``). Split out of ``direct.py`` unchanged."""
from __future__ import annotations

import re

from tasks.quotes import interviews, pronouns
from tasks.quotes.phrases import _NOT_DESCRIPTOR
from tasks.quotes.rules import PERSON_LABELS, SPEAKER_LABELS
from tasks.quotes.site import Attribution, QuoteSite
from tasks.quotes.speakers import _Article, _Cand


_ADVERBS_WORDS = "also|then|later|again|once|just|now|recently|previously|earlier|quickly|simply"
_PREPOSITIONS = "in|on|at|of|for|from|to|with|about|after|before|during|and|or|but|than|as|by"


_COPULA = re.compile(r"\s(?:was|were|is|are|has|had|have|did|does|seemed|sounded|remained)\b")
_PARTICIPLE_OPENING = re.compile(r"(?:Asked|Pressed|Speaking|Talking|Writing|Commenting|Responding|Reacting|[A-Z][a-z]+(?:ing|ed))\b")
#: "Quote from X:", "Statement by X:" opening a label: the speaker is the name after it
_QUOTE_FROM_LABEL = re.compile(r"[^\S\n]*(?:Quotes?|Statement|Comment|Words)[^\S\n]+(?:from|by|of)[^\S\n]+(?:the[^\S\n]+)?")


def _interviewee(A: _Article, site: QuoteSite) -> Attribution | None:
    """"A: “…”" in an interview: the person last named outside quotations and question paragraphs before it ("We spoke
    to Rustem Umerov, the head of the delegation. ¶ Q: … ¶ A: “…”"; ``interviews.interviewee``)."""
    m = interviews.interviewee(A, site.lo)
    return Attribution(_Cand.of_mention(m["start_char"], m["end_char"], m), None, "name_colon") if m is not None else None


#: a bare label before a quotation that follows someone's reported words ("… said in a televised interview that … ¶
#: Quote: “…”", as Ukrainska Pravda writes)
_QUOTE_LABELS = frozenset({"quote", "quotes"})


#: the line naming the source of the labelled lines after it ("Source: X, head of the district administration, on
#: Telegram" ¶ "Quote: “…”")
_SOURCE_LABEL = re.compile(r"[^\S\n]*Source[^\S\n]*:[^\S\n]*")


def _last_speaker(A: _Article, site: QuoteSite) -> Attribution | None:
    """"Quote: “…”" opening a paragraph: the person or body a "Source:" line right before it names, else the named
    person who spoke in the sentence before it (the subject of its last speech verb, or the person opening it); None
    when that sentence names nobody speaking."""
    j = A.sent_index(site.lo) - 1
    if j < 0:
        return None
    m = _named_source(A, j) or pronouns.last_speaker(A, j) or A._person_subject(j)
    return Attribution(_Cand.of_mention(m["start_char"], m["end_char"], m), None, "name_colon") if m is not None else None


def _named_source(A: _Article, j: int) -> dict | None:
    """The first person or organisation named in sentence ``j`` when its paragraph is a "Source: …" line."""
    ps, pe = A.paras[A.para_index(A.sents[j]["start_char"])]
    mo = _SOURCE_LABEL.match(A.body, ps, pe)
    if mo is None:
        return None
    return next((m for m in A.mentions_in(mo.end(), pe) if m["label"] in SPEAKER_LABELS), None)


def name_colon(A: _Article, site: QuoteSite) -> Attribution | None:
    """Headline / transcript style "Ted Cruz: ‘…’", "HuffPollster: “…”", "Here’s Clinton in 1992: “…”"."""
    body, ptrim, lo = A.body, site.ptrim, site.lo
    if not (ptrim.endswith(":") and (not site.verb_in_prefix or site.colon_after_dash)):
        return None
    dashes = list(re.finditer(r"\s(?:-{1,2}|—|–)\s", ptrim))       # "… -- the three-time MVP played 44 minutes -- the coach was blunt:"
    seg_s = lo if not dashes else lo + dashes[-1].end()
    if re.search(r"\b(?:" + "|".join(map(re.escape, A.r.according)) + r")\s", body[seg_s:lo + len(ptrim)], re.I):
        return None          # "According to HuffPo: “…”" is according_to
    seg_e = lo + len(ptrim) - 1
    quote_from = _QUOTE_FROM_LABEL.match(body, seg_s, seg_e)
    if quote_from is not None:
        seg_s = quote_from.end()     # "Quote from Fedoryshyn-Kravets: “…”" (Ukrainska Pravda): the name after "from"
    if body[seg_s:seg_e].strip().lower() in interviews.ANSWER_LABELS and seg_s == site.para_start:
        return _interviewee(A, site)
    if body[seg_s:seg_e].strip().lower() in _QUOTE_LABELS and seg_s == site.para_start:
        return _last_speaker(A, site)
    if body[seg_s:seg_e].strip().lower() in A.r.not_speaker_labels:
        return None          # "Update: ‘…’", "Related: ‘…’", "Q: “…”" (the interviewer)
    # headline "Gillibrand on Hillary’s Speeches: ‘…’", "CNN President On Trump: ‘…’": speaker before "on"
    mon = re.match(r"\s*((?:\S+\s+){0,4}?\S+)\s+(?:on|On|about|About|to|To)\s", body[seg_s:seg_e])
    if mon and not _PARTICIPLE_OPENING.match(mon.group(1)):     # not "Asked about the injury, the coach was blunt:"
        seg_e = seg_s + mon.end(1)
    spk = A.candidate(seg_s, seg_e)
    if spk is not None and spk.kind == "np" and _COPULA.search(body, spk.start, spk.end):
        spk = None           # "the coach was blunt:" is a clause: its subject speaks (below)
    if spk is None and not site.colon_after_dash:
        # "Sarah Silverman heckles Sanders supporters:", "Ms. Warren has been a powerful surrogate, … with a simple
        # message:": a clause before the colon, its subject (a person opening it, a verb after) speaks
        c = A.subject_first(seg_s, seg_e)
        fronted = A.fronted(seg_s, seg_e)
        if c is not None and c.kind == "mention" and c.mention is not None and c.mention["label"] in PERSON_LABELS \
                and len(body[fronted.end() if fronted else seg_s:c.start].split()) <= 4 \
                and re.match(r"\s+(?:(?:" + _ADVERBS_WORDS + r")\s+)?(?!(?:" + _PREPOSITIONS + r")\b)[a-z]+\b", body[c.end:seg_e]):
            spk = c
    if spk is None:
        # "Here’s Clinton in December 1992:", "More from Jones:": the last person named before the colon
        for m in reversed(A.mentions_in(lo, lo + len(ptrim))):
            if m["label"] in PERSON_LABELS and not re.match(r"[’']s\b", body[m["end_char"]:m["end_char"] + 3]):
                spk = _Cand.of_mention(m["start_char"], m["end_char"], m)
                break
    if spk is None:
        # "From the report:", "More from the statement:", "From Bush’s Facebook post:"
        mf = re.search(r"\b[Ff]rom\s+((?:the|a|an|his|her|their|its|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*[’']s)\s+[^,.;:]{1,40})$",
                       body[seg_s:seg_e])
        if mf:
            spk = A.candidate(seg_s + mf.start(1), seg_e)
            owner = next((m for m in A.mentions_in(seg_s + mf.start(1), seg_e) if m["label"] in PERSON_LABELS
                          and re.match(r"[’']s\s", body[m["end_char"]:m["end_char"] + 3])), None)
            if spk is None and owner is not None:   # "From Bush’s Facebook post:": the phrase, said by its owner
                spk = _Cand.of_mention(seg_s + mf.start(1), seg_e, owner)
    if spk is None and not site.colon_after_dash:
        # "She then addressed the supporters again:", "the Board was conclusive in its findings:":
        # the subject opening the clause
        c = A.subject_first(seg_s, seg_e)
        if c is not None and len(body[seg_s:c.start].split()) <= 8 and not re.search(r"[,;]\s*$", body[c.end:seg_e]):
            spk = c
    if spk is None and seg_s == site.para_start:
        # a headline label of up to four words opening its paragraph ("WSJ editorial: ‘…’", "Article 33 affirms" is a
        # clause): the label as written, unresolved
        label = body[seg_s:seg_e].strip()
        words = label.split()
        if 1 <= len(words) <= 4 and label[0].isupper() and label.lower() not in A.r.not_speaker_labels \
                and not any(w.lower() in A.r.verb_forms or w.lower() in _NOT_DESCRIPTOR for w in words):
            spk = _Cand(seg_s, seg_s + len(body[seg_s:seg_e].rstrip()), "np")
    if spk is not None and spk.kind == "np":
        spk = _owner_of_words(A, spk)
    return Attribution(spk, None, "name_colon") if spk else None


#: nouns of words said: "Lopez’s response:", "Trump’s tweet:" are said by their owner
_SAYING_NOUNS = ("response|reply|answer|statement|words|message|tweet|post|letter|remarks?|comments?|speech|note|email"
                 "|retort|verdict|advice|warning|explanation|argument|pitch|promise|plea|assessment|take")


def _owner_of_words(A: _Article, c: _Cand) -> _Cand:
    """"Maria Lopez’s response" (a noun phrase before a colon): the person whose words they are, the phrase as written."""
    m = re.fullmatch(r"(?:(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)[’']s\s+(?:[a-z-]+\s+)?(?:" + _SAYING_NOUNS + r")",
                     A.body[c.start:c.end])
    owner = next((x for x in A.mentions_in(c.start, c.end) if x["label"] in PERSON_LABELS), None) if m else None
    if owner is None:
        return c
    return _Cand.of_mention(c.start, c.end, owner)


#: a speaker label opening a quoted transcript line ("\"PENCE: Well, look, …", "\"Chris Matthews: Seriously …")
_LABEL = re.compile(r"((?:[A-Z][\w.’'&-]*[^\S\n]+){0,3}[A-Z][\w.’'&-]*)[^\S\n]*:[^\S\n]+(?=\S)")


def transcript_label(A: _Article, site: QuoteSite) -> tuple[int, Attribution] | None:
    """A quoted transcript line: the quotation opens its paragraph with "NAME:" ("\"WALLACE: Let’s start …"). The
    label is the speaker and no part of the words said: (content start after the label, its attribution
    ``name_colon``). NAME is a person mention, or an upper-case label that opens at least two paragraphs of the
    article (a transcript), never a label of [not_speaker_labels] ("\"UPDATE: …")."""
    r, body = site.raw, A.body
    if r.open_s != site.para_start:
        return None
    m = _LABEL.match(body, r.start, r.end)
    if not m or m.group(1).lower() in A.r.not_speaker_labels or m.end() >= r.end:
        return None
    spk = A.candidate(m.start(1), m.end(1))
    if spk is None or spk.kind not in ("mention", "name"):
        return None
    label = m.group(1)
    person = spk.mention is not None and spk.mention["label"] in PERSON_LABELS
    transcript = label.isupper() and len(re.findall(r"(?m)^[^\S\n]*[“\"]?" + re.escape(label) + r"[^\S\n]*:", body)) >= 2
    if not (person or transcript):
        return None
    return m.end(), Attribution(spk, None, "name_colon")
