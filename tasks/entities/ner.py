"""``extract_mentions``: spaCy NER over paragraph units with ``nlp.pipe``, then the clean-up, grouping
and canonical ids of the other modules of this package."""
from __future__ import annotations

import bisect
from collections import defaultdict

from tasks.entities.canonical import _group, _label_for, _resolve
from tasks.entities.keys import entity_id_for
from tasks.entities.patterns import _add_patterns, _add_propagated, _filter_headlines
from tasks.entities.rules import BATCH_SIZE
from tasks.entities.spans import _Mention, _mentions_for_unit
from tasks.entities.units import _is_caps, _is_headline, _paragraphs, _recase
from tasks.sentences import split_sentences


def _sentence_no(starts: list[int], sentences: list[dict], pos: int) -> int | None:
    i = bisect.bisect_right(starts, pos) - 1
    return sentences[i]["sentence_no"] if i >= 0 else None


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
        for ps, pe in _paragraphs(body, sents):
            text = body[ps:pe]
            caps = _is_caps(text)
            headline = _is_headline(text)
            units.append((aid, ps, pe, headline))
            units_of[aid].append((ps, pe, headline))
            texts.append(_recase(text) if caps else text)
    per_article: dict[str, list[_Mention]] = {a["article_id"]: [] for a in articles}
    for (aid, ps, pe, headline), doc, text in zip(units, nlp.pipe(texts, batch_size=BATCH_SIZE), texts):
        per_article[aid].extend(_mentions_for_unit(doc, text, ps, headline))

    out: dict[str, list[dict]] = {}
    for a in articles:
        aid, body = a["article_id"], a.get("body") or ""
        mentions = _filter_headlines(per_article.get(aid, []), body)
        mentions = _add_patterns(mentions, body, units_of[aid])
        mentions = _add_propagated(mentions, body, units_of[aid])
        mentions.sort(key=lambda m: (m.start, -m.end))
        # drop overlaps (keep the first, longest)
        kept: list[_Mention] = []
        for m in mentions:
            if kept and m.start < kept[-1].end:
                continue
            kept.append(m)
        sents = sents_of[aid]
        starts = [s["start_char"] for s in sents]
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
