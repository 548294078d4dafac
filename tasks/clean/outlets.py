"""Outlet names: the outlets table (tasks/rules/outlets.csv), publication words, canonical names."""
from __future__ import annotations

import csv
import re

from tasks.clean.rules import RULES_DIR, _read_patterns
from tasks.clean.text import _NOT_NAME_WORDS, _fold, collapse_ws, is_domain_line

def _load_outlets() -> tuple[dict[str, str], dict[str, str]]:
    """(folded name or alias -> canonical name, domain -> canonical name)."""
    by_name: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    path = RULES_DIR / "outlets.csv"
    if not path.exists():
        return by_name, by_domain
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    for row in csv.DictReader(lines):
        name = (row.get("name") or "").strip()
        if not name:
            continue
        by_name[_fold(name)] = name
        for a in (row.get("aliases") or "").split("|"):
            if a.strip():
                by_name[_fold(a)] = name
        dom = (row.get("domain") or "").strip().lower()
        if dom:
            by_domain[dom] = name
    return by_name, by_domain


OUTLET_NAMES, OUTLET_DOMAINS = _load_outlets()
OUTLET_WORDS = frozenset(w.lower() for w in _read_patterns("outlet_words.txt"))


def _outlet_like(p: str) -> bool:
    """A publication name: 1-6 words, capitalised, no sentence punctuation, and either a known outlet
    or holding a publication word (News, Times, Daily, Guardian, Press, ...)."""
    words = p.split()
    if not (1 <= len(words) <= 6) or re.search(r"[.!?:;,\"“”]$", p) or any(c.isdigit() for c in p):
        return False
    if _fold(p) in OUTLET_NAMES:
        return True
    if not all(w[0].isupper() or w.lower() in _NOT_NAME_WORDS for w in words if w[0].isalpha()):
        return False
    return any(w.strip("’'").lower() in OUTLET_WORDS for w in words)


def canonical_outlet(name: str | None) -> str | None:
    """Known outlet names, aliases and domains map to their canonical name; others are kept as written."""
    if not name:
        return None
    name = collapse_ws(name)
    if not name:
        return None
    key = _fold(name)
    if key in OUTLET_NAMES:
        return OUTLET_NAMES[key]
    dom = is_domain_line(name)
    if dom:
        return _outlet_for_domain(dom) or dom
    return name[:200]


def _outlet_for_domain(dom: str) -> str | None:
    dom = dom.lower()
    parts = dom.split(".")
    for i in range(len(parts) - 1):
        d = ".".join(parts[i:])
        if d in OUTLET_DOMAINS:
            return OUTLET_DOMAINS[d]
    return None

