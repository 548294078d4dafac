"""Shared scoring helpers for the evaluation modules: P/R/F1, span matching, B-cubed.

Conventions (used by every evaluation module):

- ``prf(tp, fp, fn)`` returns precision, recall and F1 as floats; an empty
  denominator yields 0.0 (never a ZeroDivisionError), except that a system
  with nothing to find and nothing predicted scores 1.0 on everything.
- A *span* is a tuple ``(start, end)`` or ``(start, end, label)`` with Python
  end-exclusive offsets. ``exact`` matching: same start, same end (and same
  label when labels are compared). ``overlap`` matching: the two spans share at
  least one character (and labels agree when compared); each gold span is
  matched at most once and each predicted span at most once (greedy, by largest
  overlap first), so overlap scores are still one-to-one.
- B-cubed (Bagga & Baldwin 1998) for clusterings: for every item, precision is
  the share of its predicted cluster that is in its gold cluster, recall the
  share of its gold cluster that is in its predicted cluster; both averaged
  over items present in both clusterings.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

Span = tuple  # (start, end) or (start, end, label)


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall, F1 (and the raw counts) from true/false positives and false negatives."""
    tp, fp, fn = int(tp), int(fp), int(fn)
    if tp == 0 and fp == 0 and fn == 0:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 0, "fp": 0, "fn": 0}
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def row(task: str, metric: str, counts: Mapping, n: int | None = None, target: float | None = None) -> dict:
    """An evaluation row (keys task, metric, precision, recall, f1, n, target) from a ``prf`` dict."""
    return {
        "task": task,
        "metric": metric,
        "precision": counts["precision"],
        "recall": counts["recall"],
        "f1": counts["f1"],
        "n": n if n is not None else counts.get("tp", 0) + counts.get("fn", 0),
        "target": target,
    }


def overlap(a: Sequence, b: Sequence) -> int:
    """Number of characters shared by spans ``a`` and ``b`` (0 when disjoint)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _label(s: Sequence):
    return s[2] if len(s) > 2 else None


def match_exact(gold: Iterable[Sequence], pred: Iterable[Sequence], labels: bool = True) -> tuple[int, int, int]:
    """(tp, fp, fn) under exact matching: same start and end (and label if ``labels``).

    Duplicates count as multiset items: two identical predicted spans against one
    gold span give tp=1, fp=1.
    """
    def key(s):
        return (s[0], s[1], _label(s)) if labels else (s[0], s[1])

    g, p = Counter(key(s) for s in gold), Counter(key(s) for s in pred)
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def match_overlap(
    gold: Iterable[Sequence], pred: Iterable[Sequence], labels: bool = True, min_chars: int = 1
) -> tuple[int, int, int]:
    """(tp, fp, fn) under one-to-one overlap matching.

    A predicted span matches a gold span when they share at least ``min_chars``
    characters (and the same label if ``labels``). Pairs are taken greedily by
    largest overlap, so each span is used at most once.
    """
    gold, pred = list(gold), list(pred)
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if labels and _label(g) != _label(p):
                continue
            ov = overlap(g, p)
            if ov >= min_chars:
                pairs.append((ov, i, j))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g, used_p = set(), set()
    for _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
    tp = len(used_g)
    return tp, len(pred) - tp, len(gold) - tp


def span_prf(gold: Iterable[Sequence], pred: Iterable[Sequence], mode: str = "exact", labels: bool = True) -> dict:
    """``prf`` over spans with ``mode`` "exact" or "overlap" (see module docstring)."""
    if mode == "exact":
        return prf(*match_exact(gold, pred, labels))
    if mode == "overlap":
        return prf(*match_overlap(gold, pred, labels))
    raise ValueError(f"unknown match mode {mode!r} (exact|overlap)")


def per_label_prf(gold: Iterable[Sequence], pred: Iterable[Sequence], mode: str = "exact") -> dict[str, dict]:
    """``span_prf`` separately for each label present in gold or prediction (labelled spans only)."""
    gold, pred = list(gold), list(pred)
    out = {}
    for lab in sorted({_label(s) for s in gold} | {_label(s) for s in pred}, key=str):
        out[lab] = span_prf([s for s in gold if _label(s) == lab], [s for s in pred if _label(s) == lab], mode)
    return out


def add_counts(*counts: tuple[int, int, int]) -> tuple[int, int, int]:
    """Sum several (tp, fp, fn) triples (for micro-averaging over documents)."""
    return tuple(sum(c[i] for c in counts) for i in range(3))  # type: ignore[return-value]


def bcubed(gold: Mapping[Any, Hashable], pred: Mapping[Any, Hashable]) -> dict:
    """B-cubed precision/recall/F1 of clustering ``pred`` (item -> cluster) against ``gold`` (item -> cluster).

    Only items present in both mappings are scored; ``n`` is their number.
    """
    items = [i for i in gold if i in pred]
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "n": 0}
    g_members: dict = defaultdict(set)
    p_members: dict = defaultdict(set)
    for i in items:
        g_members[gold[i]].add(i)
        p_members[pred[i]].add(i)
    p_sum = r_sum = 0.0
    for i in items:
        g, p = g_members[gold[i]], p_members[pred[i]]
        both = len(g & p)
        p_sum += both / len(p)
        r_sum += both / len(g)
    p, r = p_sum / len(items), r_sum / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "n": len(items)}
