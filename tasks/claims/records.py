"""claim_features rows for a batch of articles' sentences (what the extraction workers write)."""
from __future__ import annotations

from tasks.claims.features import sentence_features
from tasks.claims.statements import claim_kinds
from tasks.claims.vectors import encode_int8


def claim_feature_rows(sentences_by_article: dict[str, list[dict]]) -> list[dict]:
    """One row per sentence: claim kind and comparable features; statements (the only sentences
    claim matching compares) also get their vector, all in one encode call per batch."""
    rows: list[dict] = []
    texts: list[str] = []
    for article_id, sents in sentences_by_article.items():
        for s, kind in zip(sents, claim_kinds(sents)):
            rows.append({"article_id": article_id, "sentence_no": s["sentence_no"], "claim_kind": kind,
                         **sentence_features(s["text"]), "vector": None})
            if kind == "statement":
                texts.append(s["text"])
    statements = (row for row in rows if row["claim_kind"] == "statement")
    for row, vector in zip(statements, encode_int8(texts)):
        row["vector"] = vector
    return rows
