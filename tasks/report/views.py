"""What each section of the report shows, computed from StoryData: plain values for the templates.

The templates (templates/*.html.j2) only loop and place values; choices (what is shared, exclusive, in
conflict, spelled differently; colours and truncation) are made here, where they can be read and tested.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from tasks.report.charts import heat_style, svg_histogram, svg_share_bar
from tasks.report.data import Row, StoryData
from tasks.report.format import (
    as_list, fmt_date, fmt_date_range, fmt_number, forms_differ, http_url, story_filename,
    surface_forms_by_outlet, truncate, word_diff_html,
)

MATRIX_MAX_CLAIMS = 80          # claims shown in the outlet x claim matrix (most widely carried first)
ENTITY_MAX_ROWS = 60            # entities shown before the rest is folded away
CLAIM_LABEL_CHARS = 160         # claim text shown in a matrix row label (full text in the tooltip)


def index_rows(stories: list[StoryData]) -> list[Row]:
    """One row per story for the index: counts, the corroboration bar, the filter text."""
    rows = []
    for s in stories:
        outlets = s.outlets
        share = s.n_shared_claims / s.n_claims if s.n_claims else 0.0
        rows.append({
            "href": f"stories/{story_filename(s.story_id)}", "title": s.story.get("title") or "(untitled)",
            "outlets": outlets, "n_outlets": s.story.get("n_outlets") or len(outlets),
            "n_articles": s.story.get("n_articles") or len(s.articles),
            "dates": fmt_date_range(s.story.get("first_published"), s.story.get("last_published")),
            "bar": svg_share_bar(share, label=f"{s.n_shared_claims} of {s.n_claims} claims carried by 2+ outlets"),
            "n_shared": s.n_shared_claims, "n_claims": s.n_claims, "n_quote_groups": len(s.quote_groups),
            "n_multi_quotes": s.n_multi_outlet_quotes, "conflicts": s.n_fact_conflicts,
            "search": " ".join([str(s.story.get("title") or ""), *outlets]).lower(),
        })
    return rows


def last_run(totals: Row) -> Row | None:
    last = totals.get("last_run")
    if not last:
        return None
    return {"run_id": last.get("run_id"), "status": last.get("status") or "",
            "date": fmt_date(last.get("finished_at") or last.get("started_at"))}


def articles(s: StoryData) -> list[Row]:
    return [{"outlet": a.get("outlet"), "url": http_url(a.get("url")), "title": a.get("title") or "(untitled)",
             "date": fmt_date(a.get("published_at")), "words": fmt_number(a.get("n_words"))} for a in s.articles]


def glance(s: StoryData) -> Row:
    """The story's stats strip, with the claims-by-number-of-outlets histogram."""
    n_out = s.story.get("n_outlets") or len(s.outlets)
    hist: dict[int, int] = defaultdict(int)
    for c in s.claims:
        hist[int(c.get("n_outlets") or len(as_list(c.get("outlets"))) or 1)] += 1
    return {"n_outlets": n_out, "n_articles": s.story.get("n_articles") or len(s.articles),
            "hist": svg_histogram(hist, max(n_out, max(hist, default=1)), label="claims by number of outlets")}


def claim_matrix(s: StoryData) -> Row:
    """Outlet x claim heatmap: one row per claim carried by 2+ outlets (a filled cell = the outlet carries it,
    darker = more outlets), then one summary row with each outlet's exclusive claims."""
    outlets = s.outlets
    n_story_outlets = max(1, len(outlets))
    shared = [c for c in s.claims if (c.get("n_outlets") or len(as_list(c.get("outlets")))) >= 2]
    rows = []
    for c in shared[:MATRIX_MAX_CLAIMS]:
        carried = {str(o) for o in as_list(c.get("outlets"))}
        n = c.get("n_outlets") or len(carried)
        rows.append({"text": c.get("text"), "label": truncate(c.get("text") or "", CLAIM_LABEL_CHARS), "n": n,
                     "cells": [(o, o in carried, heat_style(n / n_story_outlets)) for o in outlets]})
    excl: dict[str, int] = defaultdict(int)
    for c in s.claims:
        if c.get("exclusive"):
            for o in as_list(c.get("outlets"))[:1]:
                excl[str(o)] += 1
    top = max(excl.values(), default=0) or 1
    return {"outlets": outlets, "rows": rows, "n_shared": len(shared),
            "exclusive": [(o, excl.get(o, 0), heat_style(0.15 + 0.6 * excl[o] / top) if excl.get(o) else "")
                          for o in outlets],
            "n_exclusive": sum(excl.values()),
            "few": heat_style(2 / max(3, n_story_outlets)), "every": heat_style(1.0)}


def outlet_pairs(s: StoryData) -> Row:
    """Outlet x outlet agreement (Jaccard of shared claims) as a symmetric heatmap: None = no pair row."""
    pairs: dict[tuple[str, str], Row] = {}
    for row in s.outlet_pairs:
        a, b = str(row.get("outlet_a")), str(row.get("outlet_b"))
        pairs[(a, b)] = pairs[(b, a)] = row
    grid = []
    for a in s.outlets:
        cells: list[Any] = []
        for b in s.outlets:
            p: Row | None = None if a == b else pairs.get((a, b))
            j = float(p.get("jaccard") or 0.0) if p else 0.0
            cells.append({"self": a == b, "b": b, "pair": p, "jaccard": f"{j:.2f}", "style": heat_style(j),
                          "shared": p.get("shared_claims") if p else None})
        grid.append((a, cells))
    return {"outlets": s.outlets, "grid": grid}


def quote_card(s: StoryData, q: Row) -> Row:
    """One quote group: speaker, canonical wording, outlets, each variant diffed against the canonical."""
    gid = str(q.get("quote_group_id"))
    canonical = q.get("canonical_text") or ""
    variants = s.variants.get(gid, [])
    ms = q.get("min_similarity")
    shown = []
    if len(variants) > 1:
        for v in variants:
            text = v.get("text") or ""
            same = " ".join(text.split()) == " ".join(canonical.split())
            vs = v.get("similarity")
            shown.append({"outlet": v.get("outlet"), "similarity": "" if vs is None else f"{float(vs):.2f}",
                          "identical": same, "text": text, "diff": None if same else word_diff_html(canonical, text)})
    return {"id": gid, "speaker": q.get("speaker_name") or "unattributed", "n_outlets": q.get("n_outlets") or 0,
            "n_articles": q.get("n_articles") or 0, "sim": f" · min similarity {float(ms):.2f}" if ms is not None else "",
            "verbatim": bool(q.get("verbatim")), "differs": not q.get("verbatim") and len(variants) > 1,
            "canonical": canonical, "outlets": [str(o) for o in as_list(q.get("outlets"))], "variants": shown}


def quote_groups(s: StoryData) -> Row:
    """Quote groups carried by 2+ outlets in full; single-outlet quotes folded away."""
    return {"multi": [quote_card(s, q) for q in s.quote_groups if (q.get("n_outlets") or 0) >= 2],
            "single": [quote_card(s, q) for q in s.quote_groups if (q.get("n_outlets") or 0) < 2]}


def _fact_row(s: StoryData, f: Row) -> Row:
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for v in s.fact_values.get((f.get("about"), f.get("kind"), f.get("unit")), []):
        t = fmt_number(v.get("value"))
        if t not in by_outlet[v.get("outlet") or "unknown"]:
            by_outlet[v.get("outlet") or "unknown"].append(t)
    consensus = fmt_number(f.get("consensus_value"))
    return {"about": f.get("about") or "—", "kind": f.get("kind"), "unit": f.get("unit") or "",
            "consensus": consensus, "n_outlets": f.get("n_outlets") or 0, "conflict": bool(f.get("conflict")),
            "by_outlet": [(o, [(t, t != consensus) for t in ts]) for o, ts in sorted(by_outlet.items())]}


def facts(s: StoryData) -> Row:
    return {"conflicts": [_fact_row(s, f) for f in s.facts if f.get("conflict")],
            "agreed": [_fact_row(s, f) for f in s.facts if not f.get("conflict")]}


def _entity_row(s: StoryData, e: Row) -> Row:
    forms = s.forms.get(str(e.get("entity_id")), {}) or surface_forms_by_outlet(e.get("surface_forms"))
    carried = {str(x) for x in as_list(e.get("outlets"))}
    cells = []
    for o in s.outlets:
        per = forms.get(o)
        text = ", ".join(f"{f}{f' ×{n}' if n > 1 else ''}" for f, n in sorted(per.items(), key=lambda kv: -kv[1])) \
            if per else None
        cells.append({"forms": text, "carried": o in carried})
    share = e.get("outlet_share")
    if share is None:
        share = (e.get("n_outlets") or 0) / max(1, len(s.outlets))
    return {"name": e.get("name"), "label": e.get("label"), "all_forms": ", ".join(forms.get("", {})),
            "varies": forms_differ([f for per in forms.values() for f in per]), "n_outlets": e.get("n_outlets") or 0,
            "bar": svg_share_bar(share, width=70, height=10, label=f"{float(share):.0%} of outlets"), "cells": cells}


def entities(s: StoryData) -> Row:
    rows = [_entity_row(s, e) for e in s.entities]
    return {"outlets": s.outlets, "shown": rows[:ENTITY_MAX_ROWS], "rest": rows[ENTITY_MAX_ROWS:]}


def exclusives(s: StoryData) -> list[tuple[str, list[str]]]:
    """Claims carried by one outlet only, grouped by that outlet (most first)."""
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for c in s.claims:
        if c.get("exclusive"):
            by_outlet[str((as_list(c.get("outlets")) or ["unknown"])[0])].append(c.get("text") or "")
    return [(o, by_outlet[o]) for o in sorted(by_outlet, key=lambda o: (-len(by_outlet[o]), o.lower()))]


def claim_conflicts(s: StoryData) -> list[Row] | None:
    """Pairs of claims from two outlets that contradict each other (most confident first); None when the
    warehouse has no claim_conflicts table (an older build), so the page leaves the section out."""
    if s.claim_conflicts is None:
        return None
    return [{"kind": x.get("kind"), "confidence": "" if x.get("confidence") is None else f"{float(x['confidence']):.2f}",
             "outlet_a": x.get("outlet_a"), "text_a": x.get("text_a"), "outlet_b": x.get("outlet_b"),
             "text_b": x.get("text_b")} for x in s.claim_conflicts]


def story_page(s: StoryData) -> Row:
    """Everything story.html.j2 shows."""
    return {"s": s, "title": s.story.get("title") or "(untitled)",
            "dates": fmt_date_range(s.story.get("first_published"), s.story.get("last_published")),
            "glance": glance(s), "articles": articles(s), "matrix": claim_matrix(s), "pairs": outlet_pairs(s),
            "quotes": quote_groups(s), "facts_": facts(s), "conflicts": claim_conflicts(s), "entities_": entities(s), "exclusives_": exclusives(s)}
