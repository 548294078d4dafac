"""QUOTES rows: ids, the resolved speaker and the confidence of each attribution."""
from __future__ import annotations

import hashlib

from tasks.quotes.speakers import _Article, _Cand

CONF = {
    "named": 0.95, "role": 0.85, "pronoun": 0.8, "continuation": 0.75,
    "previous_sentence": 0.65, "previous_paragraph": 0.5, "unresolved": 0.55, "none": 0.2,
}



def _qid(aid: str, s: int, e: int) -> str:
    return hashlib.sha256(f"{aid}:{s}:{e}".encode()).hexdigest()[:16]



def quote_row(A: _Article, s: int, e: int, kind: str, spk: _Cand | None, cue, pattern: str,
         how_override: str | None = None, unclosed: bool = False) -> dict:
    body = A.body
    if spk is None:
        eid = name = None
        how = "none"
        st = sp_s = sp_e = None
    else:
        if spk.kind == "prev":
            eid, name, how = spk.entity_id, spk.name, "continuation"
        else:
            eid, name, how = A.resolve(spk)
        st, sp_s, sp_e = body[spk.start:spk.end], spk.start, spk.end
    conf = CONF[how_override or how]
    if how_override and how == "unresolved":
        conf = min(conf, CONF["unresolved"])
    if kind == "partial":
        conf *= 0.9
    elif kind == "indirect":
        conf *= 0.85
    if unclosed:
        conf *= 0.8
    si = A.sent_index(s)
    return {
        "quote_id": _qid(A.aid, s, e), "article_id": A.aid, "sentence_no": A.sents[si]["sentence_no"],
        "start_char": s, "end_char": e, "text": body[s:e], "kind": kind,
        "speaker_text": st, "speaker_start": sp_s, "speaker_end": sp_e,
        "speaker_entity_id": eid, "speaker_name": name, "cue": cue, "pattern": pattern,
        "confidence": round(float(conf), 3),
    }
