"""``extract_mentions``: spaCy NER over paragraph units with ``nlp.pipe``, then the clean-up, grouping
and canonical ids of the other modules of this package."""
from __future__ import annotations

import bisect
import dataclasses
import logging
import re
from collections import defaultdict

from tasks.entities.canonical import _group, _label_for, _resolve
from tasks.entities.keys import entity_id_for, fold
from tasks.entities.patterns import _add_patterns, _add_propagated, _filter_headlines
from tasks.entities.rules import BATCH_SIZE, _countries, _demonyms, _org_words, _places, _surname_particles
from tasks.entities.spans import _Mention, _mentions_for_unit, _strip_post_nominal
from tasks.entities.units import _is_caps, _is_headline, _paragraphs, _recase
from tasks.sentences import split_sentences

log = logging.getLogger(__name__)

#: budgets that keep spaCy's memory bounded on hostile input (issue 14: a 990k-character line took
#: 3 GB in one nlp() call; spaCy's memory grows with the tokens of a pipe batch: 61 pieces of 5k
#: characters of `x "` (100k tokens) 1.5 GB, 20k-token batches about 200 MB): a paragraph longer
#: than MAX_UNIT_CHARS goes to spaCy in pieces cut at sentence ends (a sentence longer than that at
#: whitespace), and a pipe batch holds at most MAX_BATCH_TOKENS tokens (estimated: words and
#: punctuation marks; a batch of 256 news paragraphs has about 15k)
MAX_UNIT_CHARS = 3_000
MAX_BATCH_TOKENS = 20_000
_TOKENISH = re.compile(r"\w+|[^\w\s]")
#: mentions kept per sentence (880 KB of repeated names in one line gave 37k mentions in one sentence)
MAX_MENTIONS_PER_SENTENCE = 100


def _pieces(body: str, ps: int, pe: int, sents: list[dict], starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) pieces of paragraph body[ps:pe] of at most MAX_UNIT_CHARS, cut at sentence ends,
    a sentence longer than that at the last whitespace before the limit (else hard)."""
    if pe - ps <= MAX_UNIT_CHARS:
        return [(ps, pe)]
    out: list[tuple[int, int]] = []
    cur = ps
    i = bisect.bisect_right(starts, ps) - 1
    ends = [s["end_char"] for s in sents[max(i, 0):bisect.bisect_right(starts, pe)] if ps < s["end_char"] <= pe]
    while pe - cur > MAX_UNIT_CHARS:
        limit = cur + MAX_UNIT_CHARS
        k = bisect.bisect_right(ends, limit) - 1
        cut = ends[k] if k >= 0 and ends[k] > cur else body.rfind(" ", cur + 1, limit)
        if cut <= cur:
            cut = limit
        out.append((cur, cut))
        cur = cut
        while cur < pe and body[cur].isspace():
            cur += 1
    if cur < pe:
        out.append((cur, pe))
    return out


def _pipe_batches(texts: list[str]):
    """Batches of ``texts`` in order for ``nlp.pipe``: at most BATCH_SIZE texts and MAX_BATCH_TOKENS tokens each."""
    batch: list[str] = []
    size = 0
    for t in texts:
        n = len(_TOKENISH.findall(t))
        if batch and (len(batch) >= BATCH_SIZE or size + n > MAX_BATCH_TOKENS):
            yield batch
            batch, size = [], 0
        batch.append(t)
        size += n
    if batch:
        yield batch


def _cap_per_sentence(aid: str, mentions: list[_Mention], starts: list[int]) -> list[_Mention]:
    """At most MAX_MENTIONS_PER_SENTENCE mentions per sentence (the first ones), with a warning."""
    per: dict[int, int] = defaultdict(int)
    out = []
    for m in mentions:
        k = bisect.bisect_right(starts, m.start)
        per[k] += 1
        if per[k] <= MAX_MENTIONS_PER_SENTENCE:
            out.append(m)
    if len(out) < len(mentions):
        log.warning("entities: article %s: %d mentions over the budget of %d per sentence dropped",
                    aid, len(mentions) - len(out), MAX_MENTIONS_PER_SENTENCE)
    return out


def _sentence_no(starts: list[int], sentences: list[dict], pos: int) -> int | None:
    i = bisect.bisect_right(starts, pos) - 1
    return sentences[i]["sentence_no"] if i >= 0 else None


def _particles_between(prev: str, gap: str) -> bool:
    """A person's name and the next capitalised word are one name across lower-case surname particles: the gap is
    particles ("Iolo| ap |Dafydd", "Piet| van der |Laan-Osei"), or the person mention ends in them ("Ursula von der|
    |Leyen")."""
    parts = _surname_particles()[0]
    words = gap.split()
    if words:
        return gap[:1] == " " == gap[-1:] and len(words) <= 3 and all(w in parts for w in words)
    return gap == " " and prev.split()[-1] in parts


def _with_given_name(mentions: list[_Mention], body: str) -> list[_Mention]:
    """A person mention after lower-case surname particles, or opening with one, takes in the particles and the
    capitalised word before them ("Sjoerd van den |Heuvel|", "Sjoerd van |den Heuvel|", "Van den |Heuvel| said": the
    model cut the name inside its particles); what the longer name covers is dropped ("Sjoerd" GPE)."""
    parts = _surname_particles()[0]
    out: list[_Mention] = []
    for m in mentions:
        mo = _GIVEN_AND_PARTICLES.search(body, max(0, m.start - 60), m.start) if m.cls == "per" else None
        if mo is not None and (mo.group(2) or m.text.split()[0] in parts) and all(w in parts for w in mo.group(2).split()) \
                and not any(o.cls == "per" and o.end > mo.start() for o in out):    # ("Ruben Van" der "Heyden": the
            #                                                                          join of two persons makes it one)
            text = body[mo.start():m.end]
            m = dataclasses.replace(m, start=mo.start(), text=text, folded=fold(text))
            out = [o for o in out if not (o.start >= m.start and o.end <= m.end)]
        out.append(m)
    return out


#: a capitalised name word and lower-case words right before a mention ("|Sjoerd van |den Heuvel")
_GIVEN_AND_PARTICLES = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*[a-z])((?: [a-z]{1,4})*) $")


def _particle_surnames(mentions: list[_Mention]) -> list[_Mention]:
    """A mention of a person's surname with its particles, capitalised at a sentence start or in a headline ("Van den
    Heuvel", which the model calls a work of art), is that person, whatever label the model gave it."""
    parts = _surname_particles()[0]
    surnames = {fold(s) for m in mentions if m.cls == "per" for s in _particle_surname(m.text.split(), parts)[:1]}
    return [dataclasses.replace(m, cls="per") if m.cls != "per" and m.text.split()[0].lower() in parts
            and m.folded in surnames else m for m in mentions]


def _particle_surname(words: list[str], parts: frozenset[str]) -> list[str]:
    """The surname of a person's name with its lower-case particles before the last word ("Piet van der Laan-Osei":
    "van der Laan-Osei"), then, with two words before the particles, the one before them with it ("Joaquín Herrera de la
    Vega": "de la Vega", "Herrera de la Vega"); [] for a name with no such particles."""
    if len(words) < 3 or words[-2] not in parts:
        return []
    i = len(words) - 2
    while i > 1 and words[i - 1] in parts:
        i -= 1
    return [" ".join(words[i:])] + ([" ".join(words[i - 1:])] if i > 1 else [])


def _with_surname_particles(mentions: list[_Mention], body: str) -> list[_Mention]:
    """A mention of a surname written after its lower-case particles takes them in when the article wrote the full
    name with them ("of van der |Laan-Osei|'s defeat" after "Piet van der Laan-Osei": the model leaves the particles
    out, and a lone "Laan-Osei" is no written surname of anyone); with two words before the particles, the one right
    before them may open the surname too ("Joaquín |Herrera| de la Vega" … "Herrera de la Vega said": the model's
    "de la Vega" takes "Herrera" in where the text writes it). The first particle may be capitalised, opening a
    sentence ("Van der |Linden-Oduya| disputes that")."""
    parts = _surname_particles()[0]
    surnames = {s for m in mentions if m.cls == "per" for s in _particle_surname(m.text.split(), parts)}
    if not surnames:
        return mentions
    out = []
    for m in mentions:
        for s in sorted(surnames, key=len, reverse=True):
            lead = s[:len(s) - len(m.text)]
            written = body[max(0, m.start - len(lead)):m.start]
            if s.endswith(" " + m.text) and written[:1].lower() + written[1:] == lead:     # also "Van der" opening a sentence
                start = m.start - len(lead)
                m = dataclasses.replace(m, start=start, text=body[start:m.end], folded=fold(body[start:m.end]))
                break
        out.append(m)
    return out


#: a nickname in quotation marks between a given name and a surname ("Rodolfo |"Dodong"| Macaraeg-Uy"), or its closing
#: mark when the model took the nickname into the given name ("Nurlan ‘Tundra|’ |Seitkali-Demir")
_NICKNAME_GAP = re.compile(r" [\"“‘'][A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)?[\"”’'] ")
_NICKNAME_END = re.compile(r" [\"“‘'][A-Z][\w.’'-]*$")
#: the closing mark and the surname after a given name that took the nickname in ("Nurlan ‘Tundra|’ Seitkali-Demir|")
_NICKNAME_TAIL = re.compile(r"[\"”’'] [A-Z][\w’'-]*[a-z]")
#: a quoted nickname and the surname after a given name ("Rodolfo| "Dodong" Macaraeg-Uy|")
_NICKNAME_AND_SURNAME = re.compile(_NICKNAME_GAP.pattern + r"[A-Z][\w’'-]*[a-z]")


def _nickname_between(prev: str, gap: str) -> bool:
    """A person's given name and their surname are one name across a quoted nickname."""
    return bool(_NICKNAME_GAP.fullmatch(gap)) or (gap[:1] in "\"”’'" and gap[1:] == " " and bool(_NICKNAME_END.search(prev)))


def _last_name_apart(prev: _Mention, m: _Mention, gap: str) -> bool:
    """A person of two words and, one space after it, one capitalised word the model gave another label that is no
    known place, country, nationality or organisation word ("Galina Asenova" "Nakova-Lindgren" GPE): the name's
    last part (a patronymic or second surname makes three words)."""
    return (gap == " " and m.cls != "per" and len(prev.text.split()) == 2 and " " not in m.text
            and m.text[:1].isupper() and m.text[1:2].islower() and m.folded not in _places()
            and m.folded not in _countries() and m.folded not in _demonyms() and m.folded not in _org_words()[0])


def _join_adjacent_persons(mentions: list[_Mention], body: str) -> list[_Mention]:
    """Two person mentions one space or a lower-case surname particle apart as one name ("MK Dov" "Elbaz": the model
    cut the name after its title and the surname was found again on its own), and a person mention with the
    capitalised mention after lower-case surname particles, whatever the model called it ("Iolo" ap "Dafydd", "Piet"
    van der "Laan-Osei" ORG, "Ursula von der" "Leyen" GPE: the model cuts a name at its particles), or across a quoted
    nickname ("Rodolfo" "Dodong" "Macaraeg-Uy"). ``mentions`` sorted by start."""
    out: list[_Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        gap = body[prev.end:m.start] if prev is not None else ""
        if prev is not None and prev.cls == "per" and not prev.headline and not m.headline and (
                (m.cls == "per" and gap == " ") or _last_name_apart(prev, m, gap)
                or (m.text[:1].isupper() and (_particles_between(prev.text, gap) or _nickname_between(prev.text, gap)))):
            end, _cut = _strip_post_nominal(body, prev.start, m.end)     # "Ignatius van der" "Merwe SC": no "SC"
            text = body[prev.start:end]
            out[-1] = dataclasses.replace(prev, end=end, text=text, folded=fold(text))
        else:
            out.append(m)
    for i, m in enumerate(out):     # "Nurlan ‘Tundra|’ Seitkali-Demir", "Rodolfo| "Dodong" Macaraeg-Uy": the surname the
        #                             model left out after the nickname
        tail = None if m.cls != "per" else (_NICKNAME_TAIL.match(body, m.end) if _NICKNAME_END.search(m.text)
                                            else _NICKNAME_AND_SURNAME.match(body, m.end))
        if tail is not None and (i + 1 == len(out) or out[i + 1].start >= tail.end()):
            text = body[m.start:tail.end()]
            out[i] = dataclasses.replace(m, end=tail.end(), text=text, folded=fold(text))
    return out


def extract_mentions(nlp, articles: list[dict], sentences_by_article: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Entity mention rows per article_id (see the module docstring for every rule applied).

    ``articles`` are dicts with ``article_id`` and ``body``; ``sentences_by_article``
    maps article_id to ``split_sentences(body)`` rows (computed here when missing).
    Offsets index ``body``; ``body[start_char:end_char] == text`` holds for every row.
    """
    units: list[tuple[str, int, int, bool]] = []  # (article_id, start, end, headline)
    texts: list[str] = []
    sents_of: dict[str, list[dict]] = {}
    units_of: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    for a in articles:
        aid, body = a["article_id"], a.get("body") or ""
        sents = sentences_by_article.get(aid)
        if sents is None:
            sents = split_sentences(body)
        sents_of[aid] = sents
        starts = [x["start_char"] for x in sents]
        for ps, pe in _paragraphs(body, sents):
            text = body[ps:pe]
            caps = _is_caps(text)
            headline = _is_headline(text)
            units_of[aid].append((ps, pe, headline))
            pieces = _pieces(body, ps, pe, sents, starts)
            if len(pieces) > 1:
                log.warning("entities: article %s: a paragraph of %d characters goes to spaCy in %d pieces",
                            aid, pe - ps, len(pieces))
            for us, ue in pieces:
                units.append((aid, us, ue, headline))
                texts.append(_recase(body[us:ue]) if caps else body[us:ue])
    per_article: dict[str, list[_Mention]] = {a["article_id"]: [] for a in articles}
    docs = (doc for batch in _pipe_batches(texts) for doc in nlp.pipe(batch, batch_size=BATCH_SIZE))
    for (aid, ps, _pe, headline), doc, text in zip(units, docs, texts):
        per_article[aid].extend(_mentions_for_unit(doc, text, ps, headline))

    out: dict[str, list[dict]] = {}
    for a in articles:
        aid, body = a["article_id"], a.get("body") or ""
        mentions = _filter_headlines(per_article.get(aid, []), body)
        mentions = _add_patterns(mentions, body, units_of[aid])
        mentions = _add_propagated(mentions, body, units_of[aid])
        mentions.sort(key=lambda m: (m.start, -m.end))
        mentions = _particle_surnames(_with_surname_particles(_join_adjacent_persons(_with_given_name(mentions, body), body), body))
        # drop overlaps (keep the first, longest)
        kept: list[_Mention] = []
        for m in mentions:
            if kept and m.start < kept[-1].end:
                continue
            kept.append(m)
        sents = sents_of[aid]
        starts = [s["start_char"] for s in sents]
        kept = _cap_per_sentence(aid, kept, starts)
        rows = []
        for group in _group(kept):
            cls, name, key = _resolve(group)
            eid = entity_id_for(key)
            for m in group:
                rows.append({
                    "article_id": aid,
                    "sentence_no": _sentence_no(starts, sents, m.start),
                    "start_char": m.start,
                    "end_char": m.end,
                    "text": body[m.start:m.end],
                    "label": _label_for(m, cls, group),
                    "ner_label": m.ner_label,
                    "entity_id": eid,
                    "entity_key": key,
                    "entity_name": name,
                })
        rows.sort(key=lambda r: (r["start_char"], r["end_char"]))
        out[aid] = rows
    return out
