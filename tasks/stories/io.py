"""The story stage over Parquet: which committed articles need a decision, where their raw features come
from (``story_features`` rows, or the text as a fallback), two passes (document frequencies, then
assignment chunk by chunk), and re-emitting rows an interrupted run never committed."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime, UTC
from pathlib import Path
from collections.abc import Iterator

from tasks.stories.assign import _assign_features, _rows_for, merge_alike, refresh_rows, update_df
from tasks.stories.features import (FEATURE_RULES, RawFeatures, _day_of, compact_features, raw_features,
                                    raw_from_row, sort_key_of)
from tasks.stories.index import StoryIndex
from tasks.stories.params import INDEX_DIR, INDEX_FILE, LEGACY_INDEX_FILES, NON_ENTITY_LABELS, REBUILD_GROWTH


# pass 2 holds the compact features of one chunk of articles at a time: at most STREAM_CHUNK articles and
# STREAM_TERMS (terms + entities + STREAM_ARTICLE_COST per article). A chunk's articles (in date order) sit in
# every part file, and each chunk re-reads those files: 200k tiny articles in 2,000-article chunks read the
# 1,000 part files 100 times over; sized by terms, tiny articles take a few chunks, full articles ~3,000.
STREAM_CHUNK = 50_000
STREAM_TERMS = 1_000_000
STREAM_ARTICLE_COST = 20
_ARTICLE_COLS = ["article_id", "title", "body", "published_at", "ingested_at", "source_path"]
_ORDER_COLS = ["article_id", "published_at", "source_path"]
_FEATURE_COLS = ["article_id", "terms", "counts", "entities", "signature", "n_shingles", "anchors", "month_days",
                 "years", "weekdays"]


def _is_in(table, column: str, wanted):
    """Boolean mask of the rows whose ``column`` is in ``wanted`` (a set of ids, or an Arrow array of them)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    if not isinstance(wanted, pa.Array):
        wanted = pa.array(sorted(wanted), type=pa.string())
    return pc.is_in(table[column], value_set=wanted)


def _order_info(processed_dir: Path, known: Mapping) -> tuple[set[str], dict[str, tuple[tuple, int | None]]]:
    """(every committed article id, {id: (sort key, day)} of the committed articles not in ``known``).

    Reads only the id, date and path columns of ``articles``.
    """
    import pyarrow.parquet as pq

    from tasks import parquet
    all_ids: set[str] = set()
    info: dict[str, tuple[tuple, int | None]] = {}
    for f in parquet.committed_files(processed_dir, "articles"):
        t = pq.ParquetFile(f).read(columns=_ORDER_COLS)
        ids = t.column("article_id").to_pylist()
        all_ids.update(ids)
        new = [i for i, aid in enumerate(ids) if aid not in known and aid not in info]
        if new:
            for r in t.take(new).to_pylist():
                info.setdefault(r["article_id"], (sort_key_of(r), _day_of(r["published_at"])))
    return all_ids, info


def _iter_articles(processed_dir: Path, wanted: set[str]) -> Iterator[tuple[Path, list[dict]]]:
    """(part file, committed articles whose id is in ``wanted``), one part file at a time (bodies never all in memory).

    Only the id column is read to find the files that hold a wanted article, so an incremental run
    reads the bodies of its new articles, not of the whole corpus.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from tasks import parquet
    value_set = pa.array(sorted(wanted), type=pa.string())
    for f in parquet.committed_files(processed_dir, "articles"):
        pf = pq.ParquetFile(f)
        if not pc.any(_is_in(pf.read(columns=["article_id"]), "article_id", value_set)).as_py():
            continue
        yield f, _read_articles(f, value_set)


def _read_articles(f: Path, wanted) -> list[dict]:
    import pyarrow.parquet as pq
    t = pq.ParquetFile(f).read(columns=_ARTICLE_COLS)
    return t.filter(_is_in(t, "article_id", wanted)).to_pylist()


def _mention_keys(processed_dir: Path, wanted: set[str]) -> dict[str, list[dict]]:
    """Entity mentions of the wanted articles, reduced to what raw_features reads (distinct keys, entity labels only)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from tasks import parquet
    out: dict[str, dict[str, None]] = defaultdict(dict)
    value_set = pa.array(sorted(wanted), type=pa.string())
    for f in parquet.committed_files(processed_dir, "entity_mentions"):
        t = pq.ParquetFile(f).read(columns=["article_id", "entity_key", "label"])
        t = t.filter(_is_in(t, "article_id", value_set))
        for aid, key, label in zip(*(t.column(c).to_pylist() for c in ("article_id", "entity_key", "label"))):
            if key and (label or "") not in NON_ENTITY_LABELS:
                out[aid][key] = None
    return {aid: [{"entity_key": k} for k in keys] for aid, keys in out.items()}


class _FeatureSource:
    """Where each article's raw features come from: a ``story_features`` part file, or its text (fallback).

    Pass 1 (:meth:`scan`) reads every needed feature once for the document frequencies and remembers the
    file of each article; pass 2 (:meth:`raw`) reads back only the files holding a chunk's articles.
    """

    def __init__(self, processed_dir: Path, todo: set[str], info: dict[str, tuple[tuple, int | None]]):
        self.processed_dir, self.todo, self.info = processed_dir, todo, info
        self.files: list[tuple[str, Path]] = []    # ("features" | "text", part file)
        self.loc: dict[str, int] = {}              # article id -> index in files
        self.mentions: dict[str, list[dict]] = {}  # text fallback only
        self.n_from_text = 0
        self.size: dict[str, int] = {}            # article id -> terms + entities (what its features hold)

    def scan(self, index: StoryIndex) -> None:
        """Add the document frequencies of every todo article to ``index``."""
        import pyarrow.parquet as pq

        from tasks import parquet
        df = index.df
        for f in parquet.committed_files(self.processed_dir, "story_features"):
            pf = pq.ParquetFile(f)
            head = pf.read(columns=["article_id", "feature_rules"])
            take = [i for i, (aid, rules) in enumerate(zip(head.column("article_id").to_pylist(),
                                                           head.column("feature_rules").to_pylist()))
                    if aid in self.todo and aid not in self.loc and rules == FEATURE_RULES]
            if not take:
                continue
            src = len(self.files)
            self.files.append(("features", f))
            t = pf.read(columns=["article_id", "terms", "entities"])
            if len(take) < t.num_rows:
                t = t.take(take)
            for aid, terms, ents in zip(*(t.column(c).to_pylist() for c in ("article_id", "terms", "entities"))):
                if aid in self.loc:
                    continue
                self.loc[aid] = src
                self.size[aid] = len(terms) + len(ents)
                index.n_docs += 1
                for k in terms:
                    df[k] = df.get(k, 0) + 1
                for k in ents:
                    df[k] = df.get(k, 0) + 1
        rest = self.todo - self.loc.keys()
        if not rest:
            return
        # written by a version without story_features (or with other feature rules): tokenise the text
        self.mentions = _mention_keys(self.processed_dir, rest)
        for f, arts in _iter_articles(self.processed_dir, rest):
            src = len(self.files)
            self.files.append(("text", f))
            raws = []
            for a in arts:
                if a["article_id"] not in self.loc:
                    self.loc[a["article_id"]] = src
                    raws.append(raw_features(a, self.mentions.get(a["article_id"], ())))
                    self.size[a["article_id"]] = len(raws[-1].tf)
            self.n_from_text += len(raws)
            update_df(index, raws)

    def raw(self, ids: list[str]) -> Iterator[RawFeatures]:
        """Raw features of ``ids`` (articles seen by :meth:`scan`), in no particular order."""
        import pyarrow.parquet as pq
        by_src: dict[int, set[str]] = defaultdict(set)
        for aid in ids:
            by_src[self.loc[aid]].add(aid)
        for src in sorted(by_src):
            kind, f = self.files[src]
            wanted = by_src[src]
            if kind == "features":
                t = pq.ParquetFile(f).read(columns=_FEATURE_COLS)
                for row in t.filter(_is_in(t, "article_id", wanted)).to_pylist():
                    if row["article_id"] in wanted:
                        wanted.discard(row["article_id"])
                        sort_key, day = self.info[row["article_id"]]
                        yield raw_from_row(row, day, sort_key)
            else:
                for a in _read_articles(f, wanted):
                    if a["article_id"] in wanted:
                        wanted.discard(a["article_id"])
                        yield raw_features(a, self.mentions.get(a["article_id"], ()))


def update_stories(processed_dir: Path, new_article_ids: list[str], run_id: str,
                   full_refresh: bool = False) -> dict[str, list[dict]]:
    """:func:`assign_stories`, saving the updated index at once; returns the rows. (The flow commits the
    rows first and saves the index after: tasks.corpus.assign_and_write.)"""
    rows, index = assign_stories(processed_dir, new_article_ids, run_id, full_refresh)
    if index is not None:
        index.save(Path(processed_dir) / INDEX_DIR)
    return rows


def assign_stories(processed_dir: Path, new_article_ids: list[str], run_id: str,
                   full_refresh: bool = False) -> tuple[dict[str, list[dict]], StoryIndex | None]:
    """Assign stories and syndication groups to every committed article not yet in the story index.

    Reads the index under ``<processed>/_story_index`` (ignored on a full
    refresh), reads the raw features of the committed articles that need a
    decision (the new ones, plus any that an interrupted earlier run left out)
    from ``story_features`` (tokenising ``articles`` + ``entity_mentions`` for
    articles without a current feature row) and returns rows for
    ``story_assignments`` and ``syndication`` plus the updated index to save
    once the rows are committed (None: nothing to save). Save it after the
    commit: a crash in between leaves the old index, and the next run assigns
    the same articles again (deterministically, the newest rows win). An index
    on disk that is not reused (full refresh, other version or rules) is
    deleted here, before any row is committed, so a crash can never pair the
    new rows with the old index. Articles the index knows but whose rows never
    got committed get their rows again. ``new_article_ids`` is a hint; the
    committed ``articles`` table is the truth.

    Two passes: document frequencies over all new articles, then compact
    features and assignment ``STREAM_CHUNK`` articles at a time in global
    (published_at, source_path, article_id) order: the same result as all at
    once (document frequencies are final after pass 1), in bounded memory.
    """
    processed_dir = Path(processed_dir)
    folder = processed_dir / INDEX_DIR
    old = StoryIndex.load(folder)
    index = None if full_refresh or old is None or _outgrown(processed_dir, old) else old
    if index is None:
        for name in (INDEX_FILE, *LEGACY_INDEX_FILES):     # not reused: never to be paired with new rows
            (folder / name).unlink(missing_ok=True)
    rebuilt = index is None
    index = index or StoryIndex()
    all_ids, info = _order_info(processed_dir, index.articles)
    if rebuilt:
        index.built_docs = len(all_ids)
    todo = set(info)
    rows: dict[str, list[dict]] = {"story_assignments": [], "syndication": []}
    if todo:
        source = _FeatureSource(processed_dir, todo, info)
        source.scan(index)                                  # pass 1: document frequencies
        order = sorted(todo, key=lambda aid: info[aid][0])
        for chunk in _chunks(order, source.size):          # pass 2: compact features + assignment, chunk by chunk
            feats = {r.article_id: compact_features(r, index.df, index.n_docs) for r in source.raw(chunk)}
            _assign_features((feats.pop(aid) for aid in chunk), index, rows)
        merge_alike(index)                                  # second pass: stories whose cores are alike
        if rebuilt and old is not None:
            _keep_story_ids(index, old)
        rows = refresh_rows(index, rows)                    # members of merged stories get their new story id
    # re-emit rows the index has but Parquet lacks (interrupted earlier run)
    assigned = _committed_ids(processed_dir, "story_assignments") if not full_refresh else set()
    done = {r["article_id"] for r in rows["story_assignments"]}
    now = datetime.now(UTC)
    for aid in sorted(set(index.articles) - assigned - done):
        if aid in all_ids:
            sa, sy = _rows_for(aid, index.articles[aid], now)
            rows["story_assignments"].append(sa)
            rows["syndication"].append(sy)
    return rows, (index if todo or not (folder / INDEX_FILE).exists() else None)


def _chunks(order: list[str], size: dict[str, int]) -> Iterator[list[str]]:
    """``order`` in consecutive chunks of at most STREAM_CHUNK articles and STREAM_TERMS (see there)."""
    chunk: list[str] = []
    terms = 0
    for aid in order:
        cost = size.get(aid, 0) + STREAM_ARTICLE_COST
        if chunk and (len(chunk) >= STREAM_CHUNK or terms + cost > STREAM_TERMS):
            yield chunk
            chunk, terms = [], 0
        chunk.append(aid)
        terms += cost
    if chunk:
        yield chunk


def _outgrown(processed_dir: Path, index: StoryIndex) -> bool:
    """The committed corpus has grown by more than REBUILD_GROWTH since ``index`` was built from scratch.

    Then every committed article is assigned again, in one canonical order with the document frequencies
    of the whole corpus, as if it had arrived in one drop. Between rebuilds new articles are assigned
    incrementally (their drop is small next to the corpus, so the document frequencies hardly move); a
    rebuild at every such growth costs at most 1 / REBUILD_GROWTH + 1 times one pass over the final corpus
    in all, so the stage stays linear, and a +5 run on a large corpus never rebuilds.
    """
    import pyarrow.parquet as pq

    from tasks import parquet
    n = sum(pq.ParquetFile(f).metadata.num_rows for f in parquet.committed_files(processed_dir, "articles"))
    return n > index.built_docs * (1 + REBUILD_GROWTH)


def _keep_story_ids(index: StoryIndex, old: StoryIndex) -> None:
    """After a rebuild, a story whose members are exactly those of a story of the old index keeps its id
    (the warehouse then reuses its rows; the founder of a rebuilt story is the first in canonical order,
    not necessarily the first that arrived)."""
    old_ids = {members: sid for sid, members in old.memberships().items()}
    for sid, members in index.memberships().items():
        keep = old_ids.get(members)
        if keep is not None and keep != sid:
            index.rename_story(index.stories[sid], keep)


def _committed_ids(processed_dir: Path, table: str) -> set[str]:
    from tasks import parquet
    return set(parquet.read_table(processed_dir, table, columns=["article_id"]).column("article_id").to_pylist())
