"""``extract_quotes``: the quote stage of one article as a sequence of named steps."""
from __future__ import annotations

import bisect
import logging
import re
from itertools import accumulate

from tasks.quotes import interviews
from tasks.quotes.direct import Attribution, attribute, locate, transcript_label
from tasks.quotes.indirect import _indirect
from tasks.quotes.phrases import _Cand
from tasks.quotes.rows import CONF, quote_row
from tasks.quotes.rules import PERSON_LABELS, load_rules
from tasks.quotes.spans import find_quote_spans
from tasks.quotes.speakers import _Article

#: "drop" removes 1–3 word quotes without a speech verb (scare quotes); "keep" keeps them as partial, low confidence
SCARE_QUOTES = "drop"
#: extract indirect (reported) speech rows
INDIRECT = True
#: an unattributed direct quote of at most this many words and no sentence end is a title or label (partial)
LABEL_WORDS = 6
#: quotations attributed per sentence; the rest are ignored with a warning (hostile input budget)
MAX_QUOTES_PER_SENTENCE = 50

log = logging.getLogger(__name__)

#: quoted text that is no utterance: a stage direction in brackets ("(CROSSTALK.)") or a one-word label ("Related:")
_NOT_UTTERANCE = re.compile(r"\([^()]*\)[.!?]?|[\w’'-]+:")
#: an opening bracket or a spaced dash right before the opening mark: the quotation is inserted into the sentence
_INSERTION = re.compile(r"(?:\(|\s[-—–]{1,2})$")


def extract_quotes(article: dict, sentences: list[dict], mentions: list[dict]) -> list[dict]:
    """Direct, partial and indirect quotes of one article with their speakers (QUOTES rows).

    See the docstring of ``tasks.quotes`` for what counts as each kind of quote, the offset rule
    and the attribution patterns. Never raises on unbalanced quote marks.
    """
    A = _Article(article, sentences, mentions, load_rules())
    raws = _not_nicknames(find_quote_spans(A.body, A.paras), mentions)
    A.quote_spans = [(r.open_s, r.close_e) for r in raws]
    raws = _within_budget(A, raws)
    rows, row_chain = _quoted_rows(A, raws)
    _share_chain_speakers(rows, row_chain)
    _share_sentence_speakers(rows)
    if INDIRECT:
        indirect = _indirect(A, rows)
        _share_reported_speakers(rows, indirect)
        rows.extend(indirect)
    return _sorted_unique([q for q in rows if not _scare_quote(q)])


def _not_nicknames(raws: list, mentions: list[dict]) -> list:
    """The quotations that are no nickname inside a person's name ("Beverley 'Miss Bev' Campbell", "Rodolfo "Dodong"
    Macaraeg-Uy": the name runs over the marks)."""
    names = sorted((m["start_char"], m["end_char"]) for m in mentions if m.get("label") in PERSON_LABELS)
    if not names:
        return raws
    starts = [s for s, _ in names]
    reach = list(accumulate((e for _, e in names), max))     # the furthest end of the names starting up to each one
    out = []
    for r in raws:
        i = bisect.bisect_left(starts, r.open_s) - 1         # the names starting before the opening mark
        if i < 0 or reach[i] <= r.close_e:
            out.append(r)
    return out


def _within_budget(A: _Article, raws: list) -> list:
    """At most MAX_QUOTES_PER_SENTENCE quotations per sentence (the first ones), with a warning
    (10^5 quotation marks in one sentence made 50,000 quotes)."""
    per: dict[int, int] = {}
    out = []
    for r in raws:
        si = A.sent_index(r.open_s)
        per[si] = per.get(si, 0) + 1
        if per[si] <= MAX_QUOTES_PER_SENTENCE:
            out.append(r)
    if len(out) < len(raws):
        log.warning("quotes: article %s: %d quotations over the budget of %d per sentence ignored",
                    A.aid, len(raws) - len(out), MAX_QUOTES_PER_SENTENCE)
    return out


def _answerer(A: _Article, pos: int) -> Attribution | None:
    """The one answering in a labelled interview answer holding the quotation at ``pos`` that nothing else attributes
    (``interviews.first_person``: words they thought or said themselves), or None."""
    ss = A.sents[A.sent_index(pos)]["start_char"]
    if _SOMEONE_ELSE.search(A.body, ss, pos):
        return None         # ("Someone rang last week and said, '…'", "If someone comes in and says, “…”": theirs)
    m = interviews.first_person(A, pos)
    if m is None:
        return None
    return Attribution(_Cand.of_mention(m["start_char"], m["end_char"], m), None, "interview_answer")


#: another subject before a quotation in an answer's sentence: the words are not the answerer's
_SOMEONE_ELSE = re.compile(r"(?<![\w’'-])(?:[Ss]ome(?:one|body)|[Aa]ny(?:one|body)|[Ee]very(?:one|body)|[Pp]eople|[Tt]hey"
                           r"|[Hh]e|[Ss]he|[Yy]ou|[Mm]y[^\S\n]+[a-z]+|[Hh]is[^\S\n]+[a-z]+|[Hh]er[^\S\n]+[a-z]+)(?![\w’'-])")


def _quoted_rows(A: _Article, raws) -> tuple[list[dict], list[int]]:
    """One row per quoted span (scare quotes dropped) and the chain id of each row."""
    rows: list[dict] = []
    row_chain: list[int] = []
    prev_by_para: dict[int, dict] = {}
    open_starts = [r.open_s for r in raws]
    max_close = list(accumulate((r.close_e for r in raws), max))
    kind_closing_at: dict[int, str] = {}     # closing position of a quotation -> the kind given to it
    for index, r in enumerate(raws):
        site = locate(A, raws, index, open_starts, max_close)
        att = attribute(A, site, prev_by_para)
        if site.prev_close and not site.ptrim and site.kind == "direct" \
                and not re.search(r"[.!?…][’'\"”»]{1,3}$", A.body[max(0, site.lo - 4):site.lo]):
            # "a “nasty guy,” an “anchor baby,” “unstable”": right after a quotation of its sentence (one that ends no
            # sentence: "…on NBC's ''Meet the Press.'' ''She lies …''"), of its kind
            site.kind = kind_closing_at.get(site.lo, "partial")
        label = transcript_label(A, site)
        if label is not None:          # "\"PENCE: Well, look, …": the label is the speaker, not words said
            r.start, att = label
            site.content = A.body[r.start:r.end]
        if site.kind == "partial" and att.pattern in ("speaker_verb", "verb_speaker") and _INSERTION.search(site.ptrim) \
                and A.body[r.end:r.close_s or r.end].strip() == ",":
            site.kind = "direct"       # "Nabisco will move to Mexico - ''I love Oreos,'' he said - and …": an inserted utterance
        if site.kind == "direct" and att.pattern == "comma_intro" and _completes_lead_in(A, site, att):
            site.kind = "partial"      # "The streets were deserted, he added, ''but people need to connect''"
        kind_closing_at[r.close_e] = site.kind
        if _NOT_UTTERANCE.fullmatch(site.content):
            continue                   # "(CROSSTALK.)", "Related:": a stage direction or a label, not words said
        if site.kind == "direct" and _subheading(A, r, site.pi):
            site.kind, att = "partial", Attribution()
        if att.speaker is None and (site.kind == "direct" or (site.kind == "partial" and len(site.content.split()) > 3)):
            att = _answerer(A, r.open_s) or att      # "Leanne: … Just to look at them and think, “You have no idea …”"
            #                                          (not a scare quote of 1-3 words: ``_scare_quote``)
        if (att.speaker is None or att.pattern == "previous_paragraph") and site.kind == "direct" and _label_like(A.body, r):
            site.kind = "partial"      # a title or label, also when only a person of the paragraph before is at hand
        if site.kind == "direct" and not site.ptrim and not site.prev_close and _names_a_thing(A, r):
            site.kind = "partial"      # "“Top secret” is the highest level …", "''Billions,'' which …": a name, no utterance
        row = quote_row(A, r.start, r.end, site.kind, att.speaker, att.cue, att.pattern or "none", att.how,
                        unclosed=r.close_s is None and not r.continued)
        rows.append(row)
        row_chain.append(r.chain)
        if _scare_quote(row):
            continue        # kept only until reported speech around it may name its speaker (_share_reported_speakers)
        if row["speaker_name"] and (row["speaker_text"] or "").lower() not in ("i", "we", "it") \
                and (site.kind != "partial" or len(site.content.split()) > 3):
            A.named_rows.append((site.pi, row))    # not a term someone "calls" a thing: no speaker the floor goes back to
        if row["speaker_text"] is not None or site.pi not in prev_by_para:
            prev_by_para[site.pi] = row
    return rows, row_chain


#: a fronted prepositional or infinitive phrase ("In the United States,", "To alert the police,"): the quotation after
#: "…, they write," is a whole clause of its own
_FRONTED_PHRASE = re.compile(r"(?:In|On|At|For|To|From|With|Without|During|After|Before|Under|Among|Across|Since|By|Despite"
                             r"|Amid)\s[^,;.!?]*,")


def _completes_lead_in(A: _Article, site, att: Attribution) -> bool:
    """A quotation opening in lower case after "…, X said," that follows words of the writer's own in its sentence
    ("The streets were deserted, he added, ''but people need to connect''", "It was, the president said, ''a
    stone where …''"): the quoted words complete the writer's sentence, a partial quote (not after an earlier
    quotation: "''A,'' he said, ''b …''" is one utterance; not "He said, “that’s how …”" opening the sentence; not
    after a fronted phrase alone: "In the United States, they write, ''to be religious is …''")."""
    if site.prev_close or att.speaker is None:
        return False
    first = next((c for c in site.content if c.isalpha()), "")
    if not first.islower():
        return False
    lead = A.body[max(A.sents[site.si]["start_char"], site.para_start):att.speaker.start]
    lead = re.sub(r"\s+(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev)\.\s*$", "", lead).strip()    # "…, Mr. Garin added,"
    return bool(re.search(r"\w[^“”\"]*,$", lead)) and not _FRONTED_PHRASE.fullmatch(lead)


def _subheading(A: _Article, r, pi: int) -> bool:
    """A paragraph that is only a short phrase in single quotation marks ("'A healthy environment.'"), or in double
    ones with no sentence end or comma before the closing mark ("“I heard glass”"): a subheading quoting the story,
    not an utterance of the last speaker."""
    ps, pe = A.paras[pi]
    if r.open_s != ps or r.close_e < pe or len(A.body[r.start:r.end].split()) > LABEL_WORDS:
        return False
    if A.body[r.open_s:r.open_e] in ("'", "‘"):
        return not _SPOKEN_OPENING.match(A.body, r.start, r.end)
    return r.close_s is not None and not re.search(r"[.!?…,;:]\s*$", A.body[r.start:r.close_s])


#: a clause a speaker opens with a personal pronoun ("'They'll remember this one in February.'"): words said, not a
#: subheading
_SPOKEN_OPENING = re.compile(r"(?:I|We|You|They|He|She)(?:[’'](?:ll|re|ve|m|d|s))?[^\S\n]+[a-z]")


def _label_like(body: str, r) -> bool:
    """A short quoted phrase without a sentence end or a comma before its closing mark (at most LABEL_WORDS
    words): with no speaker found it is a title, slogan or label ("“Orange is the New Black”", "''Billions''"),
    not an utterance (""We live in Satan's kingdom," my father said" is one): kind partial."""
    content = body[r.start:r.end]
    return len(content.split()) <= LABEL_WORDS and not re.search(r"[.!?…,][’'\"”)]*$", body[r.start:r.end + 1].rstrip())


#: what follows a short quotation that opens its sentence when the quotation is a noun phrase of the writer's sentence:
#: a relative pronoun after a comma ("''Opening Belle,'' which will be in bookstores")
_RELATIVE_AFTER = re.compile(r",?\s+(?:which|whose|where|in which)\b")
#: … or a verb of which it is the subject ("“Top secret” is the highest level of classification")
_PREDICATE_AFTER = frozenset("is was are were has had have will would could can may might must remains".split())


def _names_a_thing(A: _Article, r) -> bool:
    """A short quotation (at most LABEL_WORDS words, no sentence end) opening its sentence that the sentence goes on
    from as a noun phrase: a relative pronoun after it ("''Billions,'' which …"), a form of "be", "have" or a modal
    right after the closing mark ("“Top secret” is the highest level", "“Containment” has been U.S. policy"), or any
    lowercase word that is neither a pronoun nor a speech verb after a title-cased one ("“Daily Show” host Trevor
    Noah"; not "“No comment” he said", not "“We’re extremely happy” about the decision, said …"). A title, term or
    name, not an utterance: kind partial."""
    if r.close_s is None or len(A.body[r.start:r.end].split()) > LABEL_WORDS \
            or re.search(r"[.!?…][’'\"”)]*$", A.body[r.start:r.close_s].rstrip()):
        return False
    after = A.body[r.close_e:r.close_e + 40]
    if _RELATIVE_AFTER.match(after):
        return True
    nxt = re.match(r"[^\S\n]+([a-z][\w’'-]*)", after)
    if nxt is None or A.body[r.start:r.close_s].rstrip().endswith(","):
        return False
    w = nxt.group(1)
    if w in _PREDICATE_AFTER:
        return True
    title = all(t[0].isupper() for t in re.findall(r"[A-Za-z][\w’'-]{3,}", A.body[r.start:r.end])) \
        and A.body[r.start].isupper()
    return title and w not in A.r.verb_forms and w not in A.r.person_pronouns and w not in A.r.group_pronouns \
        and w not in ("i", "you")


#: attributions from the context of the quotation, not from its own sentence
_FROM_CONTEXT = frozenset({"previous_sentence", "previous_paragraph", "last_speaker", "none", "continuation"})
#: attributions right after a closing mark
_ADJACENT_AFTER = frozenset({"speaker_verb", "verb_speaker", "appositive", "verb_object", "verb_in"})


def _share_sentence_speakers(rows: list[dict]) -> None:
    """A quotation that takes its speaker from the context (also a continuation) while a later quotation of its sentence is attributed right
    after its closing mark ("''They are painful'' but necessary ''for the long-term …,'' he said."): the sentence's
    attribution is the earlier one's too."""
    by_sentence: dict[int, list[dict]] = {}
    for row in rows:
        by_sentence.setdefault(row["sentence_no"], []).append(row)
    for same in by_sentence.values():
        if len(same) < 2:
            continue
        same.sort(key=lambda q: q["start_char"])
        for i, row in enumerate(same):
            if row["pattern"] not in _FROM_CONTEXT:
                continue
            src = next((q for q in same[i + 1:] if q["pattern"] in _ADJACENT_AFTER and q["speaker_text"] is not None), None)
            if src is not None:
                row.update({k: src[k] for k in ("speaker_text", "speaker_start", "speaker_end", "speaker_entity_id",
                                                 "speaker_name", "cue", "pattern")})
                row["confidence"] = round(min(row["confidence"] if row["pattern"] != "none" else 1.0, src["confidence"]), 3)


def _share_chain_speakers(rows: list[dict], row_chain: list[int]) -> None:
    """Pieces of one multi-paragraph quotation share the speaker (e.g. "…,” he said" after the last piece)."""
    by_chain: dict[int, list[dict]] = {}
    for row, cid in zip(rows, row_chain):
        by_chain.setdefault(cid, []).append(row)
    for pieces in by_chain.values():
        # pieces attributed in their own sentences first ("…,” the Hotshots tactician said" after the last piece),
        # then any named one (not a first piece's guess from the paragraphs before it)
        own = [p for p in pieces if p["speaker_text"] is not None and p["pattern"] not in _FROM_CONTEXT]
        named = own or [p for p in pieces if p["speaker_text"] is not None and p["pattern"] != "continuation"]
        if len(pieces) < 2 or not named:
            continue
        for p in pieces:
            # the nearest named piece before it (a transcript: each label speaks until the next), else the first
            src = next((q for q in reversed(named) if q["start_char"] < p["start_char"]), named[0])
            if p["speaker_text"] is None or p["pattern"] in ("previous_sentence", "previous_paragraph", "last_speaker"):
                p.update({k: src[k] for k in ("speaker_text", "speaker_start", "speaker_end", "speaker_entity_id", "speaker_name", "cue")})
                p["pattern"] = "continuation"
                p["confidence"] = round(min(src["confidence"], CONF["continuation"]), 3)


def _scare_quote(row: dict) -> bool:
    """A partial quote of 1-3 words that nobody is found to say: a scare quote, dropped when SCARE_QUOTES is "drop"."""
    return SCARE_QUOTES == "drop" and row["kind"] == "partial" and row["speaker_text"] is None \
        and len(row["text"].split()) <= 3


def _share_reported_speakers(rows: list[dict], indirect: list[dict]) -> None:
    """A partial quote no pattern attributed inside reported speech that has a speaker is that speaker's words
    ("The Minority in Parliament said the response had been “too little, too late”": the reported speech found the
    Minority where the partial quote's own search did not); such a quote of 1-3 words is kept then (no scare quote)."""
    spans = sorted((q["start_char"], q["end_char"], q) for q in indirect if q["speaker_text"] is not None)
    for row in rows:
        if row["kind"] != "partial" or row["speaker_text"] is not None:
            continue
        src = next((q for s, e, q in spans if s <= row["start_char"] and row["end_char"] <= e), None)
        if src is not None:
            row.update({k: src[k] for k in ("speaker_text", "speaker_start", "speaker_end", "speaker_entity_id",
                                             "speaker_name", "cue")})
            row["pattern"] = "reported_speech"
            row["confidence"] = src["confidence"]


def _sorted_unique(rows: list[dict]) -> list[dict]:
    rows.sort(key=lambda q: (q["start_char"], q["end_char"]))
    seen, out = set(), []
    for q in rows:
        if q["quote_id"] not in seen:
            seen.add(q["quote_id"])
            out.append(q)
    return out
