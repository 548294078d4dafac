"""Static HTML report over the warehouse, for analysts: one index page and one page per story.

``write_report(warehouse, out_dir)`` opens the DuckDB warehouse read-only and
writes::

    out_dir/index.html              every story, with agreement at a glance
    out_dir/stories/<story>.html    claim matrix, quote diffs, fact conflicts,
                                    entity coverage by outlet, exclusive claims
    out_dir/assets/report.css, report.js   (copied from tasks/report_assets/)

The site is self-contained: no CDN, nothing fetched from the network, charts
are inline SVG or coloured HTML tables. Every string that comes from the data
(titles, outlets, quotes, claims, surface forms, URLs) goes through
``html.escape``; links are emitted only for http(s) URLs.

Tables missing from the warehouse (an early or partial build) are treated as
empty, so the report always renders; empty sections say "none".
"""
from __future__ import annotations

import difflib
import hashlib
import html
import os
import re
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable

import duckdb

ASSETS_DIR = Path(__file__).resolve().parent / "report_assets"
MATRIX_MAX_CLAIMS = 80          # claims shown in the outlet x claim matrix (most widely carried first)
ENTITY_MAX_ROWS = 60            # entities shown before the rest is folded away
CLAIM_LABEL_CHARS = 160         # claim text shown in a matrix row label (full text in the tooltip)

Row = dict[str, Any]


# --------------------------------------------------------------------------- small helpers

def esc(value: Any) -> str:
    """HTML-escape any value (None -> empty string), quotes included."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True)


def safe_url(url: Any) -> str | None:
    """The URL, escaped for an attribute, only when it is http(s); anything else (javascript:, data:) -> None."""
    if not url or not isinstance(url, str):
        return None
    u = url.strip()
    if not re.match(r"^https?://", u, re.I):
        return None
    return esc(u)


def story_filename(story_id: Any) -> str:
    """File name for a story page: the id when it is filename-safe, else a sanitised form plus a hash."""
    sid = str(story_id)
    clean = re.sub(r"[^A-Za-z0-9_-]", "_", sid)[:60]
    if clean != sid or not clean:
        clean = f"{clean}-{hashlib.sha256(sid.encode('utf-8')).hexdigest()[:10]}"
    return f"{clean}.html"


def fmt_date(value: Any) -> str:
    """YYYY-MM-DD for dates/timestamps, '' for None."""
    if value is None:
        return ""
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    return str(value)[:10]


def fmt_date_range(first: Any, last: Any) -> str:
    a, b = fmt_date(first), fmt_date(last)
    if not a and not b:
        return "undated"
    if a == b or not b:
        return a
    if not a:
        return b
    return f"{a} → {b}"


def fmt_number(value: Any) -> str:
    """Numbers the way a reader expects: 1000.0 -> '1,000', 0.25 -> '0.25', None -> '—'."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        f = float(value)
        if f != f:  # NaN
            return "—"
        if f.is_integer() and abs(f) < 1e15:
            return f"{int(f):,}"
        return f"{f:,.4g}" if abs(f) >= 1 else f"{f:.3g}"
    return str(value)


def as_list(value: Any) -> list:
    """DuckDB list column -> Python list (None -> [])."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, str):
        return [value]
    try:
        return list(value)
    except TypeError:
        return [value]


def outlet_text(outlet: Any, n: int = 28) -> str:
    """Short display name of an outlet: ``unknown:<article_id>`` (an article whose publisher was not
    found) becomes ``unknown · <first 6 chars>``; long names are truncated. Not escaped."""
    o = str(outlet or "unknown")
    if o.startswith("unknown:"):
        return f"unknown · {o[8:14]}"
    return _truncate(o, n)


def outlet_html(outlet: Any, n: int = 40) -> str:
    """Escaped short outlet name with the full name as tooltip."""
    return f'<span title="{esc(outlet)}">{esc(outlet_text(outlet, n))}</span>'


def _truncate(text: str, n: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# --------------------------------------------------------------------------- word diff

_TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]", re.UNICODE)
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"})


def _tokens(text: str) -> list[tuple[str, str]]:
    """(comparison key, display chunk) per word or punctuation mark; the chunk keeps the whitespace after it."""
    out = []
    matches = list(_TOKEN_RE.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        out.append((m.group(0).lower().translate(_FOLD), text[m.start():end]))
    return out


def word_diff_html(canonical: str, variant: str) -> str:
    """HTML of ``variant`` marked up against ``canonical`` at word level.

    Words and punctuation marks are compared case-insensitively, with curly and
    straight quotes/dashes treated as equal; words only in the variant are
    wrapped in ``<ins>``, words only in the canonical text in ``<del>``. Both
    texts are HTML-escaped. Dropping the ``<del>`` elements and the ``<ins>``
    tags and unescaping gives back the variant exactly (spelling and spacing).
    """
    variant = variant or ""
    a, b = _tokens(canonical or ""), _tokens(variant)
    sm = difflib.SequenceMatcher(a=[k for k, _ in a], b=[k for k, _ in b], autojunk=False)
    first = _TOKEN_RE.search(variant)
    parts: list[str] = [esc(variant[: first.start()] if first else variant)]

    def chunk(toks: list[tuple[str, str]]) -> str:
        return esc("".join(c for _, c in toks))

    def ins(toks: list[tuple[str, str]]) -> str:
        text = "".join(c for _, c in toks)
        body = text.rstrip()
        return f"<ins>{esc(body)}</ins>{esc(text[len(body):])}"

    def dele(toks: list[tuple[str, str]]) -> str:
        return f"<del>{esc(''.join(c for _, c in toks).rstrip())}</del>"

    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            parts.append(chunk(b[j1:j2]))
        elif op == "insert":
            parts.append(ins(b[j1:j2]))
        elif op == "delete":
            parts.append(dele(a[i1:i2]))
        else:
            parts.append(dele(a[i1:i2]))
            parts.append(ins(b[j1:j2]))
    return "".join(parts)


def forms_differ(forms: Iterable[str]) -> bool:
    """True when two surface forms are spelled differently, not just shortened.

    Forms are compared as sets of case-folded word tokens; "Putin" and "Vladimir
    Putin" do not differ (one is contained in the other), "Kiev" and "Kyiv" or
    "Zelenskiy" and "Zelensky" do.
    """
    sets = {frozenset(_TOKEN_RE.findall(f.lower().translate(_FOLD))) for f in forms if f and f.strip()}
    sets = [s for s in sets if s]
    for i, a in enumerate(sets):
        for b in sets[i + 1:]:
            if not (a <= b or b <= a):
                return True
    return False


# --------------------------------------------------------------------------- SVG charts

def svg_share_bar(share: float, width: int = 120, height: int = 12, label: str = "") -> str:
    """Horizontal bar: filled part = ``share`` (0..1) of the width; ``label`` becomes the tooltip."""
    share = 0.0 if share is None or share != share else max(0.0, min(1.0, float(share)))
    w = round(width * share, 1)
    return (
        f'<svg class="bar" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{esc(label)}"><title>{esc(label)}</title>'
        f'<rect class="bar-bg" x="0" y="0" width="{width}" height="{height}" rx="3"/>'
        f'<rect class="bar-fg" x="0" y="0" width="{w}" height="{height}" rx="3"/></svg>'
    )


def svg_histogram(counts: dict[int, int], max_outlets: int, width: int = 160, height: int = 36,
                  label: str = "") -> str:
    """Small column chart: claims by number of outlets carrying them (1 .. max_outlets)."""
    n = max(1, max_outlets)
    top = max(counts.values(), default=0) or 1
    gap = 2
    bw = max(3.0, (width - gap * (n - 1)) / n)
    rects = []
    for k in range(1, n + 1):
        c = counts.get(k, 0)
        h = round((height - 2) * c / top, 1) if c else 0
        x = round((k - 1) * (bw + gap), 1)
        cls = "h-multi" if k >= 2 else "h-single"
        rects.append(f'<rect class="{cls}" x="{x}" y="{height - h}" width="{round(bw, 1)}" height="{h}">'
                     f'<title>{c} claim(s) carried by {k} outlet(s)</title></rect>')
    return (f'<svg class="hist" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="{esc(label)}"><title>{esc(label)}</title>'
            f'<line class="axis" x1="0" y1="{height - 0.5}" x2="{width}" y2="{height - 0.5}"/>'
            + "".join(rects) + "</svg>")


def heat_style(share: float) -> str:
    """Inline background for a heatmap cell: light to deep blue as ``share`` goes 0 -> 1."""
    share = max(0.0, min(1.0, float(share or 0)))
    # interpolate between #dbeafe (219,234,254) and #1e40af (30,64,175)
    r = round(219 + (30 - 219) * share)
    g = round(234 + (64 - 234) * share)
    b = round(254 + (175 - 254) * share)
    fg = "#fff" if share > 0.55 else "#0f172a"
    return f"background:rgb({r},{g},{b});color:{fg}"


# --------------------------------------------------------------------------- reading the warehouse

def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_schema = 'main' and table_name = ?",
        [table]).fetchall()}


def _fetch(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[Row]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


@dataclass
class StoryData:
    """Everything the report shows about one story."""
    story: Row
    articles: list[Row] = field(default_factory=list)
    claims: list[Row] = field(default_factory=list)
    quote_groups: list[Row] = field(default_factory=list)
    variants: dict[str, list[Row]] = field(default_factory=dict)       # quote_group_id -> variants
    facts: list[Row] = field(default_factory=list)                     # fact_agreement rows
    fact_values: dict[tuple, list[Row]] = field(default_factory=dict)  # (about, kind, unit) -> per-outlet values
    entities: list[Row] = field(default_factory=list)
    forms: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)  # entity_id -> outlet -> form -> n
    outlet_pairs: list[Row] = field(default_factory=list)

    @property
    def story_id(self) -> str:
        return str(self.story["story_id"])

    @property
    def outlets(self) -> list[str]:
        """Outlets of the story, most articles first, then by name."""
        n: dict[str, int] = defaultdict(int)
        for a in self.articles:
            n[str(a.get("outlet") or "unknown")] += 1
        return sorted(n, key=lambda o: (-n[o], o.lower()))

    @property
    def n_claims(self) -> int:
        return len(self.claims)

    @property
    def n_shared_claims(self) -> int:
        return sum(1 for c in self.claims if (c.get("n_outlets") or 0) >= 2)

    @property
    def n_fact_conflicts(self) -> int:
        return sum(1 for f in self.facts if f.get("conflict"))

    @property
    def n_multi_outlet_quotes(self) -> int:
        return sum(1 for q in self.quote_groups if (q.get("n_outlets") or 0) >= 2)


def load_report_data(con: duckdb.DuckDBPyConnection) -> tuple[list[StoryData], Row]:
    """Read every table the report needs (missing tables count as empty); returns stories and totals."""
    have = _tables(con)

    def rows(table: str, sql: str, params: list | None = None) -> list[Row]:
        return _fetch(con, sql, params) if table in have else []

    stories = rows("stories", "select * from stories")
    articles = rows("articles", """
        select article_id, story_id, outlet, title, url, published_at, n_words
        from articles order by published_at nulls last, outlet, article_id""")
    if not stories and articles:
        # no stories table yet: one story per article so the report still shows something
        stories = [{"story_id": a["story_id"] or a["article_id"], "title": a["title"], "n_articles": 1,
                    "n_outlets": 1, "first_published": a["published_at"], "last_published": a["published_at"]}
                   for a in articles]
    by_id: dict[str, StoryData] = {}
    for s in stories:
        by_id[str(s["story_id"])] = StoryData(story=s)

    def story(sid: Any) -> StoryData | None:
        return by_id.get(str(sid))

    outlet_of: dict[str, str] = {}
    for a in articles:
        outlet_of[a["article_id"]] = a.get("outlet") or "unknown"
        sd = story(a.get("story_id"))
        if sd is not None:
            sd.articles.append(a)

    for c in rows("claim_agreement", "select * from claim_agreement order by n_outlets desc, claim_id"):
        sd = story(c["story_id"])
        if sd is not None:
            sd.claims.append(c)

    group_story: dict[str, StoryData] = {}
    for q in rows("quote_agreement",
                  "select * from quote_agreement order by n_outlets desc, n_articles desc, quote_group_id"):
        sd = story(q["story_id"])
        if sd is not None:
            sd.quote_groups.append(q)
            group_story[str(q["quote_group_id"])] = sd
    for v in rows("quote_variants",
                  "select * from quote_variants order by quote_group_id, similarity desc nulls last, outlet, quote_id"):
        sd = group_story.get(str(v["quote_group_id"]))
        if sd is not None:
            sd.variants.setdefault(str(v["quote_group_id"]), []).append(v)

    for f in rows("fact_agreement",
                  "select * from fact_agreement order by conflict desc, n_outlets desc, about, kind"):
        sd = story(f["story_id"])
        if sd is not None:
            sd.facts.append(f)
    if "facts" in have and "articles" in have:
        for fv in _fetch(con, """
                select a.story_id, a.outlet, f.about, f.kind, f.unit, f.value, f.text
                from facts as f join articles as a using (article_id)
                order by a.outlet, f.value"""):
            sd = story(fv["story_id"])
            if sd is not None:
                sd.fact_values.setdefault((fv["about"], fv["kind"], fv["unit"]), []).append(fv)

    for e in rows("entity_coverage",
                  "select * from entity_coverage order by n_outlets desc, outlet_share desc, name"):
        sd = story(e["story_id"])
        if sd is not None:
            sd.entities.append(e)
    if "entity_mentions" in have and "articles" in have and "entity_id" in _columns(con, "entity_mentions"):
        for m in _fetch(con, """
                select a.story_id, m.entity_id, a.outlet, m.text as form, count(*) as n
                from entity_mentions as m join articles as a using (article_id)
                where m.entity_id is not null
                group by all"""):
            sd = story(m["story_id"])
            if sd is not None:
                (sd.forms.setdefault(str(m["entity_id"]), {})
                 .setdefault(m["outlet"] or "unknown", {}))[m["form"]] = int(m["n"])

    for p in rows("outlet_agreement", "select * from outlet_agreement order by jaccard desc nulls last"):
        sd = story(p["story_id"])
        if sd is not None:
            sd.outlet_pairs.append(p)

    ordered = sorted(by_id.values(), key=lambda s: (
        -(s.story.get("n_outlets") or len(s.outlets)), -(s.story.get("n_articles") or len(s.articles)),
        str(s.story.get("title") or ""), s.story_id))

    totals: Row = {
        "n_stories": len(ordered),
        "n_articles": len(articles),
        "n_outlets": len({a.get("outlet") for a in articles}),
        "n_rejected": rows("rejected_files", "select count(*) as n from rejected_files")[0]["n"]
        if "rejected_files" in have else 0,
        "last_run": None,
    }
    if "runs" in have:
        last = _fetch(con, "select * from runs order by coalesce(finished_at, started_at) desc nulls last limit 1")
        totals["last_run"] = last[0] if last else None
    return ordered, totals


# --------------------------------------------------------------------------- page rendering

def _page(title: str, body: str, depth: int, scripts: Iterable[str] = ()) -> str:
    prefix = "../" * depth
    js = "".join(f'<script src="{prefix}assets/{esc(s)}" defer></script>' for s in scripts)
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{esc(title)}</title>\n"
        f'<link rel="stylesheet" href="{prefix}assets/report.css">\n{js}\n</head>\n<body>\n'
        f'<header class="top"><a class="brand" href="{prefix}index.html">newsagree</a>'
        '<span class="tagline">cross-source agreement report</span></header>\n'
        f'<main>\n{body}\n</main>\n'
        '<footer>Generated by <code>newsagree report</code> from the DuckDB warehouse. '
        'Outlets are publishers; wire copies count once per outlet.</footer>\n'
        "</body>\n</html>\n"
    )


def _chips(outlets: Iterable[str], cls: str = "chip") -> str:
    return "".join(f'<span class="{cls}" title="{esc(o)}">{esc(outlet_text(o, 60))}</span>' for o in outlets)


def _none(what: str) -> str:
    return f'<p class="none">none — {esc(what)}</p>'


def render_index(stories: list[StoryData], totals: Row) -> str:
    """The index page: totals, then one row per story with agreement at a glance."""
    last = totals.get("last_run")
    run_note = ""
    if last:
        run_note = (f'<p class="muted">Last run <code>{esc(last.get("run_id"))}</code> '
                    f'{esc(last.get("status") or "")} · {esc(fmt_date(last.get("finished_at") or last.get("started_at")))}</p>')
    stats = (
        '<section class="stats">'
        f'<div class="stat"><b>{totals["n_stories"]:,}</b><span>stories</span></div>'
        f'<div class="stat"><b>{totals["n_articles"]:,}</b><span>articles</span></div>'
        f'<div class="stat"><b>{totals["n_outlets"]:,}</b><span>outlets</span></div>'
        f'<div class="stat"><b>{totals["n_rejected"]:,}</b><span>rejected files</span></div>'
        "</section>"
    )
    if not stories:
        table = _none("the warehouse holds no stories yet (run `newsagree run`)")
    else:
        trs = []
        for s in stories:
            outlets = s.outlets
            n_out = s.story.get("n_outlets") or len(outlets)
            share = s.n_shared_claims / s.n_claims if s.n_claims else 0.0
            bar_label = f"{s.n_shared_claims} of {s.n_claims} claims carried by 2+ outlets"
            conflicts = s.n_fact_conflicts
            search = " ".join([str(s.story.get("title") or ""), *outlets]).lower()
            trs.append(
                f'<tr data-search="{esc(search)}">'
                f'<td class="title"><a href="stories/{esc(story_filename(s.story_id))}">'
                f'{esc(s.story.get("title") or "(untitled)")}</a>'
                f'<div class="outlets">{_chips(outlets)}</div></td>'
                f'<td class="num">{n_out}</td>'
                f'<td class="num">{s.story.get("n_articles") or len(s.articles)}</td>'
                f'<td class="dates">{esc(fmt_date_range(s.story.get("first_published"), s.story.get("last_published")))}</td>'
                f'<td class="glance">{svg_share_bar(share, label=bar_label)}'
                f'<span class="small">{s.n_shared_claims}/{s.n_claims}</span></td>'
                f'<td class="num">{len(s.quote_groups)}'
                f'<span class="small"> ({s.n_multi_outlet_quotes} multi)</span></td>'
                f'<td class="num">{f"<span class=badge-warn>{conflicts}</span>" if conflicts else "0"}</td>'
                "</tr>"
            )
        table = (
            '<div class="toolbar"><label>Filter <input id="filter" type="search" '
            'placeholder="title or outlet" autocomplete="off"></label>'
            f'<span id="count" class="muted">{len(stories)} stories</span></div>'
            '<table id="stories" class="stories"><thead><tr>'
            "<th>Story</th><th title=\"independent outlets\">Outlets</th><th>Articles</th><th>Dates</th>"
            "<th title=\"share of claims carried by at least two outlets\">Corroborated claims</th>"
            "<th title=\"quote groups (groups carried by 2+ outlets)\">Quote groups</th>"
            "<th title=\"facts where outlets give different values\">Fact conflicts</th>"
            "</tr></thead><tbody>" + "".join(trs) + "</tbody></table>"
        )
    body = f'<h1>Stories</h1>{run_note}{stats}{table}'
    return _page("newsagree — stories", body, depth=0, scripts=["report.js"])


def _articles_section(s: StoryData) -> str:
    if not s.articles:
        return _none("no articles")
    trs = []
    for a in s.articles:
        url = safe_url(a.get("url"))
        title = esc(a.get("title") or "(untitled)")
        link = f'<a href="{url}" rel="noopener noreferrer">{title}</a>' if url else title
        trs.append(f'<tr><td class="outlet">{outlet_html(a.get("outlet"))}</td><td>{link}</td>'
                   f'<td class="dates">{esc(fmt_date(a.get("published_at")))}</td>'
                   f'<td class="num">{fmt_number(a.get("n_words"))}</td></tr>')
    return ('<table class="plain"><thead><tr><th>Outlet</th><th>Headline</th><th>Published</th>'
            '<th>Words</th></tr></thead><tbody>' + "".join(trs) + "</tbody></table>")


def _claim_matrix(s: StoryData) -> str:
    """Outlet x claim heatmap as a table: one row per claim carried by 2+ outlets (a filled cell = the
    outlet carries it, darker = more outlets), then one summary row with each outlet's exclusive claims."""
    if not s.claims:
        return _none("no claims extracted for this story")
    outlets = s.outlets
    n_story_outlets = max(1, len(outlets))
    shared = [c for c in s.claims if (c.get("n_outlets") or len(as_list(c.get("outlets")))) >= 2]
    shown = shared[:MATRIX_MAX_CLAIMS]
    head = "".join(f'<th class="vert" title="{esc(o)}"><span>{esc(outlet_text(o))}</span></th>' for o in outlets)
    trs = []
    for c in shown:
        carried = {str(o) for o in as_list(c.get("outlets"))}
        n = c.get("n_outlets") or len(carried)
        share = n / n_story_outlets
        cells = []
        for o in outlets:
            if o in carried:
                cells.append(f'<td class="cell on" style="{heat_style(share)}" '
                             f'title="{esc(o)} carries this claim ({n} outlet(s))">●</td>')
            else:
                cells.append(f'<td class="cell off" title="{esc(o)}: not reported"></td>')
        trs.append(f'<tr><th class="claim" title="{esc(c.get("text"))}">'
                   f'{esc(_truncate(c.get("text") or "", CLAIM_LABEL_CHARS))}</th>'
                   + "".join(cells) + f'<td class="num">{n}</td></tr>')
    excl: dict[str, int] = defaultdict(int)
    for c in s.claims:
        if c.get("exclusive"):
            for o in as_list(c.get("outlets"))[:1]:
                excl[str(o)] += 1
    top = max(excl.values(), default=0) or 1
    ecells = "".join(
        f'<td class="cell excl" style="{heat_style(0.15 + 0.6 * excl[o] / top) if excl.get(o) else ""}" '
        f'title="{esc(o)}: {excl.get(o, 0)} exclusive claim(s)">{excl.get(o, 0) or ""}</td>' for o in outlets)
    trs.append(f'<tr class="excl-row"><th class="claim"><a href="#exclusives">exclusive claims</a> '
               f'<span class="muted">(carried by one outlet only)</span></th>{ecells}'
               f'<td class="num">{sum(excl.values())}</td></tr>')
    notes = []
    if not shared:
        notes.append('<p class="none">none — no claim is carried by two or more outlets</p>')
    elif len(shared) > len(shown):
        notes.append(f'<p class="muted">Showing the {len(shown)} most widely carried of '
                     f'{len(shared)} shared claims.</p>')
    legend = ('<p class="legend"><span class="swatch" style="' + heat_style(2 / max(3, n_story_outlets)) + '"></span> '
              'carried by a few outlets <span class="swatch" style="' + heat_style(1.0) + '"></span> carried by '
              'every outlet <span class="swatch off"></span> not reported</p>')
    return (legend + "".join(notes) + '<div class="scroll"><table class="matrix"><thead><tr><th class="claim">'
            'Claim carried by 2+ outlets</th>' + head + '<th class="num">outlets</th></tr></thead><tbody>'
            + "".join(trs) + "</tbody></table></div>")


def _outlet_pairs(s: StoryData) -> str:
    """Outlet x outlet agreement (Jaccard of shared claims) as a symmetric heatmap table."""
    if not s.outlet_pairs:
        return _none("no outlet pairs (a single outlet, or no claims)")
    outlets = s.outlets
    jac: dict[tuple[str, str], Row] = {}
    for p in s.outlet_pairs:
        a, b = str(p.get("outlet_a")), str(p.get("outlet_b"))
        jac[(a, b)] = p
        jac[(b, a)] = p
    head = "".join(f'<th class="vert" title="{esc(o)}"><span>{esc(outlet_text(o))}</span></th>' for o in outlets)
    trs = []
    for a in outlets:
        cells = []
        for b in outlets:
            if a == b:
                cells.append('<td class="cell self"></td>')
                continue
            p = jac.get((a, b))
            if p is None:
                cells.append('<td class="cell off"></td>')
                continue
            j = float(p.get("jaccard") or 0.0)
            cells.append(f'<td class="cell" style="{heat_style(j)}" title="{esc(a)} ↔ {esc(b)}: '
                         f'{p.get("shared_claims")} shared claims, Jaccard {j:.2f}">{j:.2f}</td>')
        trs.append(f'<tr><th class="rowhead">{outlet_html(a)}</th>' + "".join(cells) + "</tr>")
    return ('<div class="scroll"><table class="matrix pairs"><thead><tr><th></th>' + head
            + "</tr></thead><tbody>" + "".join(trs) + "</tbody></table></div>")


def _quote_card(s: StoryData, q: Row) -> str:
    """One quote group: speaker, canonical wording, outlets, and each variant diffed against the canonical."""
    gid = str(q.get("quote_group_id"))
    canonical = q.get("canonical_text") or ""
    variants = s.variants.get(gid, [])
    badges = []
    if q.get("verbatim"):
        badges.append('<span class="tag ok">verbatim</span>')
    elif len(variants) > 1:
        badges.append('<span class="tag warn">wording differs</span>')
    ms = q.get("min_similarity")
    sim = f" · min similarity {float(ms):.2f}" if ms is not None else ""
    vrows = []
    if len(variants) > 1:
        for v in variants:
            text = v.get("text") or ""
            if " ".join(text.split()) == " ".join(canonical.split()):
                diff = f'{esc(text)} <span class="tag ok">identical</span>'
            else:
                diff = word_diff_html(canonical, text)
            vs = v.get("similarity")
            vrows.append(f'<li><span class="outlet">{outlet_html(v.get("outlet"), 24)}</span>'
                         f'<span class="sim">{"" if vs is None else f"{float(vs):.2f}"}</span>'
                         f'<q class="diff">{diff}</q></li>')
    return (
        f'<article class="quote" id="q-{esc(gid)}">'
        f'<header><span class="speaker">{esc(q.get("speaker_name") or "unattributed")}</span>'
        f'<span class="muted">{q.get("n_outlets") or 0} outlet(s) · {q.get("n_articles") or 0} article(s)'
        f'{sim}</span>{"".join(badges)}</header>'
        f'<blockquote class="canonical">{esc(canonical)}</blockquote>'
        f'<div class="outlets">{_chips(str(o) for o in as_list(q.get("outlets")))}</div>'
        + (f'<ul class="variants">{"".join(vrows)}</ul>' if vrows else "")
        + "</article>"
    )


def _quote_groups(s: StoryData) -> str:
    """Quote groups carried by 2+ outlets in full (with word diffs); single-outlet quotes folded away."""
    if not s.quote_groups:
        return _none("no quote groups")
    multi = [q for q in s.quote_groups if (q.get("n_outlets") or 0) >= 2]
    single = [q for q in s.quote_groups if (q.get("n_outlets") or 0) < 2]
    parts = ['<p class="legend">Each variant is compared word by word with the canonical wording: '
             '<ins>added</ins> <del>dropped</del>.</p>']
    if multi:
        parts.extend(_quote_card(s, q) for q in multi)
    else:
        parts.append('<p class="none">none — no quote is carried by two or more outlets</p>')
    if single:
        parts.append(f'<details><summary>{len(single)} quote(s) carried by a single outlet</summary>'
                     + "".join(_quote_card(s, q) for q in single) + "</details>")
    return "".join(parts)


def _facts(s: StoryData) -> str:
    if not s.facts:
        return _none("no facts reported by more than one article")

    def row(f: Row) -> str:
        key = (f.get("about"), f.get("kind"), f.get("unit"))
        vals = s.fact_values.get(key, [])
        by_outlet: dict[str, list[str]] = defaultdict(list)
        for v in vals:
            t = fmt_number(v.get("value"))
            if t not in by_outlet[v.get("outlet") or "unknown"]:
                by_outlet[v.get("outlet") or "unknown"].append(t)
        consensus = fmt_number(f.get("consensus_value"))
        per = "".join(
            f'<li><span class="outlet">{outlet_html(o)}</span> '
            + ", ".join(f'<b class="{"differs" if t != consensus else ""}">{esc(t)}</b>' for t in ts) + "</li>"
            for o, ts in sorted(by_outlet.items()))
        cls = "conflict" if f.get("conflict") else ""
        return (f'<tr class="{cls}"><td>{esc(f.get("about") or "—")}</td><td>{esc(f.get("kind"))}</td>'
                f'<td>{esc(f.get("unit") or "")}</td><td class="num">{esc(consensus)}</td>'
                f'<td class="num">{f.get("n_outlets") or 0}</td>'
                f'<td>{"<span class=badge-warn>conflict</span>" if f.get("conflict") else "agree"}</td>'
                f'<td><ul class="vals">{per}</ul></td></tr>')

    head = ('<table class="plain facts"><thead><tr><th>About</th><th>Kind</th><th>Unit</th><th>Consensus</th>'
            '<th>Outlets</th><th></th><th>Values by outlet</th></tr></thead><tbody>')
    conflicts = [f for f in s.facts if f.get("conflict")]
    agreed = [f for f in s.facts if not f.get("conflict")]
    parts = []
    if conflicts:
        parts.append(head + "".join(row(f) for f in conflicts) + "</tbody></table>")
    else:
        parts.append('<p class="none">none — no fact conflicts: every outlet reports the same values</p>')
    if agreed:
        parts.append(f'<details><summary>{len(agreed)} fact(s) where outlets agree</summary>'
                     + head + "".join(row(f) for f in agreed) + "</tbody></table></details>")
    return "".join(parts)


def _entities(s: StoryData) -> str:
    if not s.entities:
        return _none("no entities")
    outlets = s.outlets

    def row(e: Row) -> str:
        eid = str(e.get("entity_id"))
        forms = s.forms.get(eid, {})
        if not forms:
            forms = surface_forms_by_outlet(e.get("surface_forms"))
        varies = forms_differ([f for per in forms.values() for f in per])
        cells = []
        for o in outlets:
            per = forms.get(o)
            if per:
                txt = ", ".join(f"{esc(f)}{f' ×{n}' if n > 1 else ''}" for f, n in sorted(per.items(), key=lambda kv: -kv[1]))
                cells.append(f'<td class="forms">{txt}</td>')
            elif o in {str(x) for x in as_list(e.get("outlets"))}:
                cells.append('<td class="forms muted">✓</td>')
            else:
                cells.append('<td class="forms off"></td>')
        share = e.get("outlet_share")
        if share is None:
            share = (e.get("n_outlets") or 0) / max(1, len(outlets))
        all_forms = esc(", ".join(forms.get("", {})))
        return (f'<tr class="{"varies" if varies else ""}"><th class="rowhead">{esc(e.get("name"))}'
                f'{" <span class=tag>forms differ</span>" if varies else ""}'
                f'<div class="muted small">{esc(e.get("label"))} {all_forms}</div></th>'
                f'<td>{svg_share_bar(share, width=70, height=10, label=f"{float(share):.0%} of outlets")}'
                f' <span class="small">{e.get("n_outlets") or 0}</span></td>' + "".join(cells) + "</tr>")

    head = ('<div class="scroll"><table class="matrix entities"><thead><tr><th>Entity</th><th>Coverage</th>'
            + "".join(f'<th class="vert" title="{esc(o)}"><span>{esc(outlet_text(o))}</span></th>' for o in outlets)
            + "</tr></thead><tbody>")
    shown, rest = s.entities[:ENTITY_MAX_ROWS], s.entities[ENTITY_MAX_ROWS:]
    html_ = head + "".join(row(e) for e in shown) + "</tbody></table></div>"
    if rest:
        html_ += (f"<details><summary>{len(rest)} more entities</summary>" + head
                  + "".join(row(e) for e in rest) + "</tbody></table></div></details>")
    return ('<p class="legend">Cells show the surface forms each outlet uses (e.g. Kiev vs Kyiv); '
            'rows where outlets spell an entity differently are marked.</p>' + html_)


def surface_forms_by_outlet(value: Any) -> dict[str, dict[str, int]]:
    """entity_coverage.surface_forms -> outlet -> form -> 1.

    Accepts the warehouse shape (a list of ``{outlet, forms}`` structs) and a plain
    list of strings (forms not tied to an outlet, returned under the outlet "").
    """
    out: dict[str, dict[str, int]] = {}
    for item in as_list(value):
        if isinstance(item, dict):
            outlet = str(item.get("outlet") or "")
            for f in as_list(item.get("forms") or item.get("form")):
                out.setdefault(outlet, {})[str(f)] = 1
        elif item is not None:
            out.setdefault("", {})[str(item)] = 1
    return out


def _exclusives(s: StoryData) -> str:
    excl = [c for c in s.claims if c.get("exclusive")]
    if not excl:
        return _none("no exclusive claims")
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for c in excl:
        outs = as_list(c.get("outlets")) or ["unknown"]
        by_outlet[str(outs[0])].append(c.get("text") or "")
    parts = []
    for o in sorted(by_outlet, key=lambda o: (-len(by_outlet[o]), o.lower())):
        items = "".join(f"<li>{esc(t)}</li>" for t in by_outlet[o])
        parts.append(f'<div class="excl-outlet"><h3>{outlet_html(o, 60)} <span class="muted">({len(by_outlet[o])})</span></h3>'
                     f"<ul>{items}</ul></div>")
    return '<div class="excl-grid">' + "".join(parts) + "</div>"


def render_story(s: StoryData) -> str:
    """One story page: articles, claim matrix, outlet agreement, quotes, facts, entities, exclusives."""
    st = s.story
    n_out = st.get("n_outlets") or len(s.outlets)
    hist: dict[int, int] = defaultdict(int)
    for c in s.claims:
        hist[int(c.get("n_outlets") or len(as_list(c.get("outlets"))) or 1)] += 1
    glance = (
        '<section class="stats">'
        f'<div class="stat"><b>{n_out}</b><span>outlets</span></div>'
        f'<div class="stat"><b>{st.get("n_articles") or len(s.articles)}</b><span>articles</span></div>'
        f'<div class="stat"><b>{s.n_shared_claims}/{s.n_claims}</b><span>claims carried by 2+ outlets</span></div>'
        f'<div class="stat"><b>{len(s.quote_groups)}</b><span>quote groups</span></div>'
        f'<div class="stat{" warn" if s.n_fact_conflicts else ""}"><b>{s.n_fact_conflicts}</b><span>fact conflicts</span></div>'
        f'<div class="stat chart">{svg_histogram(hist, max(n_out, max(hist, default=1)), label="claims by number of outlets")}'
        '<span>claims by # outlets</span></div>'
        "</section>"
    )
    nav = ('<nav class="toc"><a href="#articles">Articles</a><a href="#claims">Claim matrix</a>'
           '<a href="#pairs">Outlet agreement</a><a href="#quotes">Quotes</a><a href="#facts">Facts</a>'
           '<a href="#entities">Entities</a><a href="#exclusives">Exclusive claims</a></nav>')
    body = (
        '<p class="crumb"><a href="../index.html">← all stories</a></p>'
        f'<h1>{esc(st.get("title") or "(untitled)")}</h1>'
        f'<p class="muted">{esc(fmt_date_range(st.get("first_published"), st.get("last_published")))} · '
        f'story <code>{esc(s.story_id)}</code></p>'
        f'<div class="outlets">{_chips(s.outlets)}</div>'
        + glance + nav
        + f'<section id="articles"><h2>Articles</h2>{_articles_section(s)}</section>'
        + f'<section id="claims"><h2>Outlet × claim matrix</h2>{_claim_matrix(s)}</section>'
        + f'<section id="pairs"><h2>Outlet agreement</h2>{_outlet_pairs(s)}</section>'
        + f'<section id="quotes"><h2>Quote groups</h2>{_quote_groups(s)}</section>'
        + f'<section id="facts"><h2>Fact conflicts</h2>{_facts(s)}</section>'
        + f'<section id="entities"><h2>Entity coverage by outlet</h2>{_entities(s)}</section>'
        + f'<section id="exclusives"><h2>Exclusive claims</h2>{_exclusives(s)}</section>'
    )
    return _page(f"{st.get('title') or 'story'} — newsagree", body, depth=1)


# --------------------------------------------------------------------------- entry point

def write_report(warehouse: Path, out_dir: Path) -> Path:
    """Write the static report for ``warehouse`` into ``out_dir``; returns the path of index.html.

    The warehouse is opened read-only. Story pages that no longer exist are
    removed from ``out_dir/stories`` so the site matches the warehouse.
    """
    warehouse, out_dir = Path(warehouse), Path(out_dir)
    if not warehouse.exists():
        raise FileNotFoundError(f"warehouse not found: {warehouse} (run `newsagree run` first)")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        stories, totals = load_report_data(con)
    finally:
        con.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    assets = out_dir / "assets"
    assets.mkdir(exist_ok=True)
    for f in sorted(ASSETS_DIR.iterdir()):
        if f.is_file():
            shutil.copyfile(f, assets / f.name)
    pages = out_dir / "stories"
    pages.mkdir(exist_ok=True)
    written = set()
    for s in stories:
        name = story_filename(s.story_id)
        _write(pages / name, render_story(s))
        written.add(name)
    for old in pages.glob("*.html"):
        if old.name not in written:
            old.unlink()
    index = out_dir / "index.html"
    _write(index, render_index(stories, totals))
    return index


def _write(path: Path, text: str) -> None:
    # a new temp file of a fresh name (mkstemp: O_CREAT | O_EXCL, never through a link planted in the folder)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
