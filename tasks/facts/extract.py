"""Facts of a whole article: ``extract_facts`` (rows of the FACTS schema) and ``fact_id_for``."""
from __future__ import annotations

import hashlib
import logging
import re
from typing import Any

from tasks.facts.quantities import facts_in_sentence
from tasks.facts.rules import load_rules
from tasks.facts.tokens import _published_date, tokenize

log = logging.getLogger("tasks.facts")   # the logger name of the module before the split


def _fallback_sentences(body: str) -> list[dict]:
    out = []
    for i, m in enumerate(re.finditer(r"[^\n]+", body)):
        out.append({"sentence_no": i, "start_char": m.start(), "end_char": m.end()})
    return out


def fact_id_for(article_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]


def extract_facts(article: dict, sentences: list[dict], mentions: list[dict]) -> list[dict]:
    """FACTS rows for one article (offsets into article['body']; see the module docstring).

    A sentence whose processing fails is logged and skipped: this function never raises on text.
    """
    body = article.get("body") or ""
    if not isinstance(body, str) or not body:
        return []
    aid = str(article.get("article_id") or "")
    r = load_rules()
    pub = _published_date(article)
    sents = sentences if sentences else _fallback_sentences(body)
    places_all: list[tuple[int, int]] = []
    for m in mentions or []:
        try:
            if m.get("label") in r.place_labels or m.get("ner_label") in r.place_labels:
                places_all.append((int(m["start_char"]), int(m["end_char"])))
        except (KeyError, TypeError, ValueError):
            continue
    rows: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    for s in sents:
        try:
            s0, s1 = int(s["start_char"]), int(s["end_char"])
            s0, s1 = max(0, s0), min(len(body), s1)
            if s1 <= s0:
                continue
            toks = tokenize(body[s0:s1], s0)
            if not any(t.kind == "num" or t.low in r.numbers or t.low in ("a", "half") for t in toks):
                continue
            places = [p for p in places_all if p[0] < s1 and p[1] > s0] if mentions else None
            for f in facts_in_sentence(toks, r, pub, places):
                start, end = toks[f.i0].start, toks[f.i1 - 1].end
                if (start, end) in seen or end <= start:
                    continue
                seen.add((start, end))
                rows.append({
                    "fact_id": fact_id_for(aid, start, end),
                    "article_id": aid,
                    "sentence_no": int(s.get("sentence_no", 0) or 0),
                    "start_char": start,
                    "end_char": end,
                    "text": body[start:end],
                    "kind": f.kind,
                    "value": None if f.value is None else float(f.value),
                    "value_text": f.value_text,
                    "unit": f.unit,
                    "qualifier": f.qualifier,
                    "about": f.about,
                })
        except Exception:  # noqa: BLE001 - never fail an article on one odd sentence
            log.warning("facts: skipped sentence %s of article %s", s.get("sentence_no"), aid, exc_info=True)
    return rows
