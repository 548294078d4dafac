"""THE claim-matching decision: do two sentences state the same thing?

A logistic regression over a few pair features (``FEATURES``), each a function of the two sentences'
``claim_features`` records (tasks/claims/features.py, tasks/claims/vectors.py): embedding cosine,
word / content / bigram overlap, length ratio, and the signals words alone miss — a number one side
states and the other does not, names only one side mentions, negation, modality and denial present on
one side only. Coefficients and the decision threshold are data (``rules/similarity.json``), fitted on
the MSRP train split only (``python -m tasks.claims.train``).

The warehouse decides with sql/agreement/int_claim_pairs.sql, which computes the same features with
DuckDB list functions and reads the same coefficients (rendered into the SQL by
``render_similarity``); ``newsagree eval --only claims`` runs that very SQL over MSRP pairs
(``decide_pairs``), so the evaluated decision is the warehouse's. ``pair_features`` (Python) is the
same arithmetic for training; a unit test keeps the two equal.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from tasks.settings import SQL_DIR

MODEL_FILE = Path(__file__).resolve().parent / "rules" / "similarity.json"

FEATURES = ("cosine", "jaccard", "words_min", "content_min", "content_max", "bigram_jaccard", "bigram_min",
            "length_ratio", "extra_content", "extra_content_short",
            "number_one_side", "name_mismatch", "modal_xor", "number_mismatch", "negation_xor", "denial_xor")
# conflict signals: left out of topic_probability ("about the same thing?"); and a pair worded alike
# (words_min >= CONFLICT_OVERLAP, stored with the model) is two claims whenever one of them holds, whatever the probability:
# MSRP has almost no minimal pairs ("has agreed" / "has not agreed"), so the fit alone cannot learn it
CONFLICTS = ("number_mismatch", "negation_xor", "denial_xor")
TOPIC_FEATURES = tuple(f for f in FEATURES if f not in CONFLICTS and f != "modal_xor")
CONFLICT_OVERLAP = 0.8


def _share(a: list, b: list, mode: str) -> float:
    sa, sb = set(a), set(b)
    inter = len(sa & sb)
    if mode == "jaccard":
        union = len(sa | sb)
        return inter / union if union else 0.0
    denom = min(len(sa), len(sb)) if mode == "min" else max(len(sa), len(sb))
    return inter / denom if denom else 0.0


def _cosine(u, v) -> float:
    if u is None or v is None:
        return 0.0
    dot = sum(x * y for x, y in zip(u, v))
    nu = math.sqrt(sum(x * x for x in u))
    nv = math.sqrt(sum(y * y for y in v))
    return dot / (nu * nv) if nu and nv else 0.0


def pair_features(a: dict, b: dict) -> dict[str, float]:
    """The pair features of two sentence records (same arithmetic as int_claim_pairs.sql)."""
    na, nb = set(a["numbers"]), set(b["numbers"])
    names_a, names_b = set(a["names"]), set(b["names"])
    names_union = names_a | names_b
    ca, cb = set(a["content"]), set(b["content"])
    words_min = _share(a["words"], b["words"], "min")
    number_mismatch = float(bool(na - nb) and bool(nb - na))
    negation_xor = float(a["negated"] != b["negated"])
    denial_xor = float(a["denial"] != b["denial"])
    return {
        "cosine": _cosine(a.get("vector"), b.get("vector")),
        "jaccard": _share(a["words"], b["words"], "jaccard"),
        "words_min": words_min,
        "content_min": _share(a["content"], b["content"], "min"),
        "content_max": _share(a["content"], b["content"], "max"),
        "bigram_jaccard": _share(a["bigrams"], b["bigrams"], "jaccard"),
        "bigram_min": _share(a["bigrams"], b["bigrams"], "min"),
        "extra_content": math.log1p(len(ca ^ cb)),
        "extra_content_short": math.log1p(min(len(ca - cb), len(cb - ca))),
        "length_ratio": min(a["n_tokens"], b["n_tokens"]) / max(a["n_tokens"], b["n_tokens"], 1),
        "number_mismatch": number_mismatch,
        "number_one_side": float(bool(na) != bool(nb)),
        "name_mismatch": len(names_a ^ names_b) / len(names_union) if names_union else 0.0,
        "negation_xor": negation_xor,
        "modal_xor": float(a["modal"] != b["modal"]),
        "denial_xor": denial_xor,
    }


@lru_cache(maxsize=1)
def model() -> dict:
    """{"intercept", "weights": {feature: w}, "threshold", ...} from rules/similarity.json."""
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def probability(features: dict[str, float], params: dict | None = None) -> float:
    p = params or model()
    z = p["intercept"] + sum(p["weights"][f] * features[f] for f in FEATURES)
    return 1.0 / (1.0 + math.exp(-z))


def topic_probability(features: dict[str, float], params: dict | None = None) -> float:
    """The probability with the conflict signals (and modality) left out: are the two about the same thing?"""
    p = params or model()
    z = p["intercept"] + sum(p["weights"][f] * features[f] for f in TOPIC_FEATURES)
    return 1.0 / (1.0 + math.exp(-z))


def gated(features: dict[str, float], overlap: float | None = None) -> bool:
    """Worded alike but for a conflict signal: never the same claim."""
    overlap = model()["conflict_overlap"] if overlap is None else overlap
    return features["words_min"] >= overlap and any(features[c] > 0 for c in CONFLICTS)


def same_claim(a: dict, b: dict) -> bool:
    """The decision in Python (training and tests; the warehouse and eval run the SQL)."""
    f = pair_features(a, b)
    return probability(f) >= model()["threshold"] and not gated(f)


# --- the warehouse's decision, run on any pairs -------------------------------------------------------

SQL_FILE = SQL_DIR / "agreement" / "int_claim_scores.sql"   # checkout sql/ or the installed package data
_PARAMS_RE = re.compile(r"(-- params:begin[^\n]*\n)(.*?)(\n\s*-- params:end)", re.S)


def params_sql(params: dict) -> str:
    """The ``select ... as intercept, ... as w_<feature>`` row of int_claim_scores.sql's params CTE."""
    cols = [f"{params['intercept']!r} as intercept", f"{params['threshold']!r} as threshold",
            f"{params['conflict_overlap']!r} as conflict_overlap"]
    cols += [f"{params['weights'][f]!r} as w_{f}" for f in FEATURES]
    lines, line = [], "    select "
    for i, col in enumerate(cols):
        piece = col + (", " if i < len(cols) - 1 else "")
        if len(line) + len(piece) > 110:
            lines.append(line.rstrip())
            line = "           "
        line += piece
    lines.append(line.rstrip())
    return "\n".join(lines)


def sql_params(sql: str) -> str:
    match = _PARAMS_RE.search(sql)
    if not match:
        raise ValueError(f"{SQL_FILE}: no '-- params:begin' ... '-- params:end' block")
    return match.group(2)


def write_sql_params(params: dict, path: Path = SQL_FILE) -> None:
    sql = path.read_text(encoding="utf-8")
    sql_params(sql)
    path.write_text(_PARAMS_RE.sub(lambda m: m.group(1) + params_sql(params) + m.group(3), sql), encoding="utf-8")


def decide_pairs(pairs: list[tuple[dict, dict]]) -> list[tuple[float, bool]]:
    """(probability, same) for each pair of sentence records, computed by int_claim_scores.sql itself
    in an in-memory DuckDB: the warehouse's decision, with its coefficients and threshold."""
    import duckdb
    import pyarrow as pa

    from tasks.schemas import CLAIM_FEATURES
    from tasks.warehouse import render_incremental

    names = [f.name for f in CLAIM_FEATURES if f.name not in ("run_id", "pipeline_version")]
    rows = []
    for i, (a, b) in enumerate(pairs):
        for no, rec in ((2 * i, a), (2 * i + 1, b)):
            rows.append({**{k: rec.get(k) for k in names}, "article_id": "pairs", "sentence_no": no,
                         "claim_kind": "statement"})
    features = pa.Table.from_pylist(rows, schema=pa.schema([CLAIM_FEATURES.field(n) for n in names]))
    candidates = pa.Table.from_pylist([
        {"story_id": "pairs", "a_key": f"pairs:{2 * i}", "b_key": f"pairs:{2 * i + 1}",
         "a_article_id": "a", "b_article_id": "b", "pair_no": i} for i in range(len(pairs))])
    con = duckdb.connect()
    try:
        con.register("claim_features", features)
        con.register("int_claim_pairs", candidates)
        sql = render_incremental(SQL_FILE.read_text(encoding="utf-8"))
        got = con.execute(f"select p.pair_no, s.probability, s.same from ({sql}) as s "
                          "join int_claim_pairs as p using (a_key) order by p.pair_no").fetchall()
    finally:
        con.close()
    if len(got) != len(pairs):
        raise RuntimeError(f"int_claim_scores.sql scored {len(got)} of {len(pairs)} pairs")
    return [(float(p), bool(s)) for _, p, s in got]
