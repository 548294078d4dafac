"""`newsagree eval`: run every evaluation module over the gold sets and print one table.

Each module in tasks/evaluation has ``evaluate(gold_dir, settings) -> list[dict]``
with keys task, metric, precision, recall, f1, n, target. Modules whose gold
folder is absent are skipped with a note.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

from tasks.settings import gold_dir_candidates

# name -> (module, gold sub-folder it needs)
EVALUATIONS = {
    "sentences": ("tasks.evaluation.sentences_gum", "gum_news"),
    "ner": ("tasks.evaluation.ner_conll", "conll2003"),
    "quotes": ("tasks.evaluation.quotes_polnear", "polnear"),
    "quotes-crawls": ("tasks.evaluation.quotes_crawls", "crawls"),      # `--only quotes` runs it too
    "stories": ("tasks.evaluation.stories_basil", "basil"),
    "stories-ecbplus": ("tasks.evaluation.stories_ecbplus", "ecbplus"),   # `--only stories` runs it too
    "cleaning": ("tasks.evaluation.cleaning_crawls", "crawls"),
    "claims": ("tasks.evaluation.claims_msrp", "msrp"),
}


def default_gold_dir() -> Path | None:
    """The first existing folder of tasks.settings.gold_dir_candidates(), or None."""
    return next((d for d in gold_dir_candidates() if d.is_dir()), None)


def gold_dir_from_argv(argv: list[str] | None = None, needs: str = "") -> Path | None:
    """For ``python -m tasks.evaluation.<module> [gold_dir]``: the gold folder named on the command line, else
    the default one; None, after saying so, when it (or its sub-path ``needs``) is absent."""
    argv = sys.argv[1:] if argv is None else argv
    gold = Path(argv[0]) if argv else default_gold_dir()
    if gold is None or (needs and not (gold / needs).exists()):
        print(f"gold data not found (../shared/eval{'/' + needs if needs else ''} or NEWSAGREE_GOLD_DIR)")
        return None
    return gold


def run_all(gold_dir: Path, settings, only: list[str] | None = None) -> list[dict]:
    rows: list[dict] = []
    for name, (module, sub) in EVALUATIONS.items():
        if only and name not in only and name.split("-")[0] not in only:
            continue
        if not (gold_dir / sub).is_dir():
            rows.append({"task": name, "metric": f"skipped: {gold_dir / sub} not found"})
            continue
        mod = importlib.import_module(module)
        rows.extend(mod.evaluate(gold_dir, settings))
    return rows


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def format_table(rows: list[dict]) -> str:
    headers = ["task", "metric", "precision", "recall", "f1", "n", "target", "met"]
    cells = []
    for r in rows:
        target, f1 = r.get("target"), r.get("f1")
        met = "" if target is None or f1 is None else ("yes" if f1 >= target else "NO")
        cells.append([_fmt(r.get(h)) for h in headers[:-1]] + [met])
    widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h) for i, h in enumerate(headers)]
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)), "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in cells]
    return "\n".join(out)
