"""Chunked runs of the incremental models: stories split into chunks of bounded input rows."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import duckdb

from tasks import parquet
from tasks.settings import tuning
from tasks.warehouse.incremental import IncrementalUnavailable, _columns
from tasks.warehouse.models import _INCREMENTAL_RE, Model
from tasks.warehouse.render import _sql_str, _strip_sql, one_row, quote_ident, render_macros

# input rows (story fingerprint n_rows: articles, sentences, mentions, quotes, facts ...) per chunk of stories
# when the incremental models run chunk by chunk (PolNeAR has ~125 input rows per article); default and
# environment variable in tasks.settings.TUNING
BUILD_CHUNK_ROWS = tuning("build_chunk_rows")


def _plan_chunks(con: duckdb.DuckDBPyConnection, chunk_rows: int) -> list[int]:
    """Split the stories to compute (_changed_stories: all of them in a full build) into chunks of about
    ``chunk_rows`` input rows (the fingerprint's n_rows) in story_id order: a chunk closes once it holds
    ``chunk_rows`` rows, so it exceeds that by at most one story. Deterministic; stored in _story_chunks."""
    con.execute(f"""create or replace temp table _story_chunks as
        select story_id,
               ((sum(n_rows) over (order by story_id rows between unbounded preceding and current row) - n_rows)
                // {int(chunk_rows)})::bigint as chunk
        from _story_fingerprints semi join _changed_stories using (story_id)""")
    return [r[0] for r in con.execute("select distinct chunk from _story_chunks order by chunk").fetchall()]


def _qualified(con: duckdb.DuckDBPyConnection, name: str) -> str:
    """``<database>.main."<name>"``: in a chunked build a temp table of the same name shadows the model, and
    DuckDB resolves ``main.<name>`` to the temp one too."""
    db = one_row(con, "select current_database()")[0]
    return f"{quote_ident(db)}.main.{quote_ident(name)}"


def _split_inputs(con: duckdb.DuckDBPyConnection, inputs: list[str], folder: Path,
                  n_chunks: int) -> dict[str, tuple[str, str, str | None]]:
    """How each story-scoped input table gives a chunk its rows: table -> (its qualified name, the key that
    ties a row to a chunk: article_id (rows follow their article's story) or story_id, and the folder its
    rows were split into, or None). Not split (read whole by every chunk): tables of at most one row per
    article (rescanning them costs less than copying them; articles carry their bodies) and tables with
    neither column.

    With ``n_chunks`` of at least PARTITION_CHUNKS the tables are split by chunk in one pass up front
    (``folder/<table>/chunk=<n>/*.parquet``; rows of stories outside every chunk are left out): a chunk
    then reads only its own rows, and the cost stays linear however many chunks there are. With fewer
    chunks each chunk selects its rows from the whole tables instead: a few scans of the tables cost
    less than writing and reading them all once more (x8 benchmark corpus, 4 chunks: 2.4-2.7 s against
    5.5-7.0 s)."""
    con.execute(f"""create or replace temp table _chunk_articles as
        select a.article_id, c.chunk from {_qualified(con, 'articles')} as a join _story_chunks as c using (story_id)""")
    partition = n_chunks >= tuning("build_partition_chunks")
    out: dict[str, tuple[str, str, str | None]] = {}
    if partition:
        folder.mkdir(parents=True, exist_ok=True)
    n_articles = one_row(con, f"select count(*) from {_qualified(con, 'articles')}")[0]
    for t in inputs:
        table = _qualified(con, t)
        if one_row(con, f"select count(*) from {table}")[0] <= n_articles:
            continue        # a row per article or story (articles, stories, syndication): cheaper to rescan
        cols = {c for c, _ in _columns(con, table)}
        key = "article_id" if "article_id" in cols else "story_id" if "story_id" in cols else None
        if key is None:
            continue
        dest = None
        if partition:
            dest = str(folder / parquet.safe_name(t))
            con.execute(f"copy (select c.chunk, x.* from {table} as x join {_chunk_keys(key)} as c using ({key})) "
                        f"to {_sql_str(dest)} (format parquet, partition_by (chunk))")
        out[t] = (table, key, dest)
    return out


def _chunk_keys(key: str) -> str:
    """The table that maps ``key`` (article_id or story_id) to its chunk."""
    return "_chunk_articles" if key == "article_id" else "_story_chunks"


def _chunk_bodies(models: list[Model], processed_dir: Path, keys: set[str]) -> dict[str, str]:
    """Each model's SQL with its incremental macro restricted to the chunk's stories (_chunk_stories)."""
    return {m.name: _strip_sql(_INCREMENTAL_RE.sub(
        lambda x: f"({x.group('expr')}) in (select story_id from _chunk_stories)",
        render_macros(m.sql, processed_dir, keys))) for m in models}


def _shadow_inputs(con: duckdb.DuckDBPyConnection, split: dict[str, tuple[str, str, str | None]]) -> None:
    """A temp table of the same name, with the input's exact column types, shadows each split input."""
    for t, (table, _, _) in split.items():
        con.execute(f"create temp table {quote_ident(t)} as select * from {table} limit 0")


def _load_chunk_inputs(con: duckdb.DuckDBPyConnection, split: dict[str, tuple[str, str, str | None]],
                       chunk: int) -> None:
    """Select the chunk's stories and fill each input's shadow with the chunk's rows: from its Parquet
    split (none when the chunk has no folder for it), or selected from the whole table."""
    con.execute(f"create or replace temp table _chunk_stories as "
                f"select story_id from _story_chunks where chunk = {int(chunk)}")
    for t, (table, key, folder) in split.items():
        con.execute(f"delete from temp.main.{quote_ident(t)}")
        if folder is None:
            con.execute(f"insert into temp.main.{quote_ident(t)} select x.* from {table} as x "
                        f"semi join (select {key} from {_chunk_keys(key)} where chunk = {int(chunk)}) using ({key})")
            continue
        part = Path(folder) / f"chunk={int(chunk)}"
        if part.is_dir():
            con.execute(f"insert into temp.main.{quote_ident(t)} select * from read_parquet("
                        f'{_sql_str(str(part / "*.parquet"))}, hive_partitioning = false)')


def _check_reusable(con: duckdb.DuckDBPyConnection, target: str, local: str, name: str) -> None:
    """A reused previous build's model table must have the columns this build computes."""
    try:
        same = _columns(con, target) == _columns(con, local)
    except duckdb.Error as exc:
        raise IncrementalUnavailable(f"previous build has no usable {name}: {exc}") from exc
    if not same:
        raise IncrementalUnavailable(f"previous build's {name} has other columns")


def _run_chunk_model(con: duckdb.DuckDBPyConnection, m: Model, body: str, first: bool, reuse: bool,
                     target: str, out: Path) -> None:
    """One model for one chunk: a temp table of the model's name (read by the next model of the chain),
    spooled to ``out``. On the first chunk, the table's shape (the query's column types: the Parquet files
    may widen some) is kept, and a reused table is checked against it."""
    try:
        con.execute(f"create or replace temp table {quote_ident(m.name)} as\n{body}")
    except duckdb.Error as exc:
        raise RuntimeError(f"SQL model {m.name} ({m.path}) failed: {exc}") from exc
    local = f"temp.main.{quote_ident(m.name)}"
    if first:
        con.execute(f"create or replace temp table {quote_ident('_shape_' + m.name)} as select * from {local} limit 0")
        if reuse:
            _check_reusable(con, target, local, m.name)
    con.execute(f"copy {local} to {_sql_str(str(out))} (format parquet)")


def _load_spooled(con: duckdb.DuckDBPyConnection, m: Model, target: str, files: list[str], reuse: bool) -> None:
    """The model's table from its chunks' files in one insert: a full build creates it with the first
    chunk's shape; a reused copy first loses the rows of every story that is not kept."""
    shape = f"temp.main.{quote_ident('_shape_' + m.name)}"
    if reuse:
        key = quote_ident(m.unique_key)
        con.execute(f"delete from {target} where {key} is null "
                    f"or {key} not in (select story_id from _kept_stories)")
    else:
        con.execute(f"create or replace table {target} as select * from {shape}")
    listed = ", ".join(_sql_str(f) for f in files)
    con.execute(f"insert into {target} select * from read_parquet([{listed}])")
    con.execute(f"drop table {shape}")


def _drop_shadows(con: duckdb.DuckDBPyConnection, split: dict[str, tuple[str, str, str | None]]) -> None:
    """Never leave a chunk's rows shadowing a whole table (nor the chunk map of the articles)."""
    for t in [*split, "_chunk_articles"]:
        try:
            con.execute(f"drop table if exists temp.main.{quote_ident(t)}")
        except duckdb.Error:
            pass


def _add_time(timings: dict[str, float], key: str, t0: float) -> None:
    timings[key] = timings.get(key, 0.0) + time.perf_counter() - t0


def _run_chunked(con: duckdb.DuckDBPyConnection, models: list[Model], processed_dir: Path, keys: set[str],
                 reuse: bool, chunks: list[int], timings: dict[str, float], spool: Path,
                 inputs: list[str]) -> None:
    """Run the incremental models chunk by chunk, every model of the chain for one chunk of stories before
    the next chunk, so the working set of a query is one chunk whatever the corpus size.

    Within a chunk each model becomes a temp table of the same name (so the next model of the chain reads
    the chunk's rows, not the whole table) restricted by its macro to the chunk's stories (_chunk_stories),
    and its rows are spooled to a Parquet file under ``spool``. After the last chunk each model table is
    loaded from its files in one insert. Story-scoped models make the union of the chunks equal to the
    model computed in one pass. A full build creates each table (with the column types of its first
    chunk); a reused copy first loses the rows of every story that is not kept (as in _update_incremental).

    The large story-scoped ``inputs`` (the tables the story fingerprint hashes: a story's rows of the
    models depend on its rows of these only, or incremental builds would be wrong) are shadowed within a
    chunk by a temp table of the same name holding the chunk's rows: a chunk reads its own sentences,
    mentions, quotes and facts, not the whole corpus's. With many chunks the inputs are split by chunk
    once, up front (_split_inputs), because selecting each chunk's rows from the whole tables grows as
    corpus x chunks (per chunk 0.28 s of scans at 12.6k articles, 0.69 s at 38k, ~1.8 s expected at
    100k); with a few chunks that selection is the cheaper way.

    Why a spool and not an insert per chunk: rows appended to a table in small pieces stay in DuckDB's
    buffer pool until a checkpoint, which pushed the chunks' own working set out to disk (measured at 38k
    articles: 6.8 s per chunk at the start, 10 s and more once ~1 GB had been appended, so time grew
    faster than the corpus); one bulk insert per table writes whole row groups instead."""
    bodies = _chunk_bodies(models, processed_dir, keys)
    target = {m.name: _qualified(con, m.name) for m in models}
    files: dict[str, list[str]] = {m.name: [] for m in models}
    if spool.exists():
        shutil.rmtree(spool)
    spool.mkdir(parents=True)
    split: dict[str, tuple[str, str, str | None]] = {}
    try:
        t0 = time.perf_counter()
        split = _split_inputs(con, inputs, spool / "_inputs", len(chunks))
        _shadow_inputs(con, split)
        _add_time(timings, "chunk_inputs", t0)
        for i, chunk in enumerate(chunks):
            t0 = time.perf_counter()
            _load_chunk_inputs(con, split, chunk)
            _add_time(timings, "chunk_inputs", t0)
            for m in models:
                t0 = time.perf_counter()
                out = spool / f"{parquet.safe_name(m.name)}-{i:06d}.parquet"
                _run_chunk_model(con, m, bodies[m.name], i == 0, reuse, target[m.name], out)
                files[m.name].append(str(out))
                _add_time(timings, m.name, t0)
            for m in models:
                con.execute(f"drop table temp.main.{quote_ident(m.name)}")
        con.execute("drop table _chunk_stories")
        for m in models:
            t0 = time.perf_counter()
            _load_spooled(con, m, target[m.name], files[m.name], reuse)
            _add_time(timings, m.name, t0)
    finally:
        _drop_shadows(con, split)
        shutil.rmtree(spool, ignore_errors=True)


def _default_spool(con: duckdb.DuckDBPyConnection) -> Path:
    """``<database file>.chunks`` beside the database, or a fresh temp folder for an in-memory one."""
    db_file = one_row(con, "select file from pragma_database_list where name = current_database()")[0]
    if not db_file or db_file == ":memory:":
        import tempfile
        return Path(tempfile.mkdtemp(prefix="newsagree-chunks-"))
    return Path(db_file).with_name(Path(db_file).name + ".chunks")


