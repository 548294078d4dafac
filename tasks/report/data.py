"""Reading the warehouse for the report: every table it shows, per story; missing tables count as empty."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import duckdb

Row = dict[str, Any]


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
    claim_conflicts: list[Row] | None = None   # claim_conflicts rows; None when the warehouse has no such table

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


class _Reader:
    """Queries over the tables that exist; a missing table reads as no rows."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con, self.have = con, _tables(con)

    def rows(self, table: str, sql: str, *needs: str) -> list[Row]:
        return _fetch(self.con, sql) if {table, *needs} <= self.have else []


def load_report_data(con: duckdb.DuckDBPyConnection) -> tuple[list[StoryData], Row]:
    """Read every table the report needs (missing tables count as empty); returns stories and totals."""
    db = _Reader(con)
    articles = db.rows("articles", """
        select article_id, story_id, outlet, title, url, published_at, n_words
        from articles order by published_at nulls last, outlet, article_id""")
    by_id = _stories(db.rows("stories", "select * from stories"), articles)
    for a in articles:
        _add(by_id, a, "articles")
    _attach_claims(db, by_id)
    _attach_quotes(db, by_id)
    _attach_facts(db, by_id)
    _attach_entities(db, by_id)
    ordered = sorted(by_id.values(), key=lambda s: (
        -(s.story.get("n_outlets") or len(s.outlets)), -(s.story.get("n_articles") or len(s.articles)),
        str(s.story.get("title") or ""), s.story_id))
    return ordered, _totals(db, ordered, articles)


def _stories(stories: list[Row], articles: list[Row]) -> dict[str, StoryData]:
    if not stories and articles:
        # no stories table yet: one story per article so the report still shows something
        stories = [{"story_id": a["story_id"] or a["article_id"], "title": a["title"], "n_articles": 1,
                    "n_outlets": 1, "first_published": a["published_at"], "last_published": a["published_at"]}
                   for a in articles]
    return {str(s["story_id"]): StoryData(story=s) for s in stories}


def _add(by_id: dict[str, StoryData], row: Row, attr: str) -> StoryData | None:
    """Append ``row`` to the list ``attr`` of its story (row["story_id"]); None when the story is unknown."""
    sd = by_id.get(str(row.get("story_id")))
    if sd is not None:
        getattr(sd, attr).append(row)
    return sd


def _attach_claims(db: _Reader, by_id: dict[str, StoryData]) -> None:
    for c in db.rows("claim_agreement", "select * from claim_agreement order by n_outlets desc, claim_id"):
        _add(by_id, c, "claims")
    for p in db.rows("outlet_agreement", "select * from outlet_agreement order by jaccard desc nulls last"):
        _add(by_id, p, "outlet_pairs")
    if "claim_conflicts" in db.have:
        for sd in by_id.values():
            sd.claim_conflicts = []
    for x in db.rows("claim_conflicts", """
            select * from claim_conflicts
            order by confidence desc nulls last, kind, outlet_a, outlet_b, claim_id_a, claim_id_b"""):
        _add(by_id, x, "claim_conflicts")


def _attach_quotes(db: _Reader, by_id: dict[str, StoryData]) -> None:
    group_story: dict[str, StoryData] = {}
    for q in db.rows("quote_agreement",
                     "select * from quote_agreement order by n_outlets desc, n_articles desc, quote_group_id"):
        sd = _add(by_id, q, "quote_groups")
        if sd is not None:
            group_story[str(q["quote_group_id"])] = sd
    for v in db.rows("quote_variants", "select * from quote_variants "
                     "order by quote_group_id, similarity desc nulls last, outlet, quote_id"):
        sd = group_story.get(str(v["quote_group_id"]))
        if sd is not None:
            sd.variants.setdefault(str(v["quote_group_id"]), []).append(v)


def _attach_facts(db: _Reader, by_id: dict[str, StoryData]) -> None:
    for f in db.rows("fact_agreement",
                     "select * from fact_agreement order by conflict desc, n_outlets desc, about, kind"):
        _add(by_id, f, "facts")
    for fv in db.rows("facts", """
            select a.story_id, a.outlet, f.about, f.kind, f.unit, f.value, f.text
            from facts as f join articles as a using (article_id)
            order by a.outlet, f.value""", "articles"):
        sd = by_id.get(str(fv["story_id"]))
        if sd is not None:
            sd.fact_values.setdefault((fv["about"], fv["kind"], fv["unit"]), []).append(fv)


def _attach_entities(db: _Reader, by_id: dict[str, StoryData]) -> None:
    for e in db.rows("entity_coverage",
                     "select * from entity_coverage order by n_outlets desc, outlet_share desc, name"):
        _add(by_id, e, "entities")
    if "entity_mentions" not in db.have or "entity_id" not in _columns(db.con, "entity_mentions"):
        return
    for m in db.rows("entity_mentions", """
            select a.story_id, m.entity_id, a.outlet, m.text as form, count(*) as n
            from entity_mentions as m join articles as a using (article_id)
            where m.entity_id is not null
            group by all""", "articles"):
        sd = by_id.get(str(m["story_id"]))
        if sd is not None:
            (sd.forms.setdefault(str(m["entity_id"]), {})
             .setdefault(m["outlet"] or "unknown", {}))[m["form"]] = int(m["n"])


def _totals(db: _Reader, stories: list[StoryData], articles: list[Row]) -> Row:
    rejected = db.rows("rejected_files", "select count(*) as n from rejected_files")
    last = db.rows("runs", "select * from runs order by coalesce(finished_at, started_at) desc nulls last limit 1")
    return {"n_stories": len(stories), "n_articles": len(articles),
            "n_outlets": len({a.get("outlet") for a in articles}),
            "n_rejected": rejected[0]["n"] if rejected else 0, "last_run": last[0] if last else None}
