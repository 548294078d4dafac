"""The benchmark's report: rows of measures with reference, ratio and target, as a table and JSON; and what
is read back from a child's output (build seconds, the run summary)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from bench.children import ChildRun


@dataclass
class Row:
    measure: str
    value: float
    unit: str
    reference: float | None = None
    ratio: float | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""


@dataclass
class Report:
    started_at: str
    corpus: str
    n_articles: int
    n_words: int
    rows: list[Row] = field(default_factory=list)
    details: dict = field(default_factory=dict)

    def add(self, measure: str, value: float, unit: str, reference: float | None = None, target_max: float | None = None,
            target: str = "", note: str = "", on: str = "ratio") -> Row:
        ratio = value / reference if reference else None
        checked = ratio if on == "ratio" else value
        met = None if target_max is None or checked is None else checked <= target_max
        r = Row(measure, round(value, 3), unit, None if reference is None else round(reference, 3),
                None if ratio is None else round(ratio, 3), target, met, note)
        self.rows.append(r)
        print(f"  {measure}: {r.value} {unit}" + (f" (ratio {r.ratio})" if r.ratio is not None else ""), flush=True)
        return r

    def table(self) -> str:
        head = ("measure", "value", "reference", "ratio", "target", "met")
        lines = [[r.measure, f"{r.value:g} {r.unit}", "" if r.reference is None else f"{r.reference:g} {r.unit}",
                  "" if r.ratio is None else f"{r.ratio:.3f}", r.target,
                  "" if r.met is None else ("yes" if r.met else "NO")] for r in self.rows]
        widths = [max(len(h), *(len(row[i]) for row in lines)) for i, h in enumerate(head)]
        fmt = " | ".join(f"{{:<{w}}}" for w in widths)
        out = [fmt.format(*head), "-+-".join("-" * w for w in widths)]
        out += [fmt.format(*row) for row in lines]
        notes = [f"- {r.measure}: {r.note}" for r in self.rows if r.note]
        return "\n".join(out + ([""] + notes if notes else []))


def mb(n: int) -> float:
    return n / 1024 ** 2


_BUILD_S = re.compile(r"passed in ([0-9.]+) s")


def build_seconds(r: ChildRun) -> float | None:
    m = _BUILD_S.search(r.stdout)
    return float(m.group(1)) if m else None


def run_summary(r: ChildRun) -> dict:
    """The --json summary printed by ``newsagree run`` (last JSON object of stdout), or {}."""
    text = r.stdout
    i = text.find("{")
    try:
        return json.loads(text[i:]) if i >= 0 else {}
    except json.JSONDecodeError:
        return {}
