"""Claim matching against the Microsoft Research Paraphrase Corpus (MSRP).

Every ``<gold>/msrp/*.txt`` file (MSRP format: tasks/claims/msrp.py) is scored on its own: both
sentences of each pair become claim records with the extraction workers' code
(tasks/claims/features.py, tasks/claims/vectors.py) and the pair is decided by the warehouse's own
model, sql/agreement/int_claim_scores.sql, run in an in-memory DuckDB (tasks/claims/similarity.
decide_pairs): same coefficients, same threshold. A pair labelled 1 ("same content") is a positive.

Rows: accuracy, precision, recall and F1 per file; the target is on F1 (0.85; accuracy target 0.78
in the ``accuracy_target`` key). The model was fitted on msr_paraphrase_train.txt, so that file's row
is a training score, not an estimate of test performance.

Run: ``.venv/bin/python -m tasks.evaluation.claims_msrp [GOLD_DIR]``
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from tasks.claims.msrp import load_pairs, pair_records
from tasks.claims.similarity import decide_pairs

TARGET_F1 = 0.85
TARGET_ACCURACY = 0.78


def score_file(path: Path) -> dict:
    pairs = load_pairs(path)
    decided = decide_pairs(pair_records(pairs))
    tp = sum(1 for p, (_, same) in zip(pairs, decided) if same and p["label"] == 1)
    fp = sum(1 for p, (_, same) in zip(pairs, decided) if same and p["label"] == 0)
    fn = sum(1 for p, (_, same) in zip(pairs, decided) if not same and p["label"] == 1)
    correct = sum(1 for p, (_, same) in zip(pairs, decided) if same == (p["label"] == 1))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"task": "claims", "metric": f"same claim ({path.name}) accuracy {correct / len(pairs):.3f}" if pairs
            else f"same claim ({path.name}): no pairs",
            "file": path.name, "accuracy": correct / len(pairs) if pairs else 0.0,
            "precision": precision, "recall": recall, "f1": f1, "n": len(pairs),
            "target": TARGET_F1, "accuracy_target": TARGET_ACCURACY}


def evaluate(gold_dir: Path, settings=None) -> list[dict]:
    """One row per msrp/*.txt file under ``gold_dir``."""
    files = sorted((Path(gold_dir) / "msrp").glob("*.txt"))
    if not files:
        return [{"task": "claims", "metric": f"skipped: no msrp/*.txt under {gold_dir}"}]
    return [score_file(p) for p in files]


if __name__ == "__main__":
    from tasks.evaluation.run import default_gold_dir
    gold = Path(sys.argv[1]) if len(sys.argv) > 1 else default_gold_dir()
    if gold is None:
        sys.exit("gold data not found: pass the gold folder or set NEWSAGREE_GOLD_DIR")
    print(json.dumps(evaluate(gold), indent=2))
