"""Build the DuckDB warehouse from the SQL models in sql/, dbt style.

- ``sql/staging/*.sql`` become views over the committed Parquet files
  (``{{ source('table') }}`` is replaced by a ``read_parquet([...])`` of them,
  or by an empty relation with the table's schema when there are none);
- ``sql/marts/*.sql`` and ``sql/agreement/*.sql`` become tables;
- models run in the order given by their ``-- depends_on:`` headers;
- ``sql/tests/*.sql`` run after the build: each returns the rows that break an
  invariant, zero rows = pass.

The build writes a new database file next to the warehouse and swaps it in
with ``os.replace`` only when every data test passed, so an analyst holding a
read-only connection keeps reading the old file (same inode) and new
connections see the complete new one. A failed build leaves the previous
warehouse in place and keeps the failed one as ``<warehouse>.failed`` for
inspection.

Incremental models (dbt's ``materialized: incremental``): a model whose
header says ``-- materialized: incremental`` and ``-- unique_key: story_id``
is story-scoped - each story's rows depend only on that story's inputs - and
marks where the story enters with ``{{ incremental_stories('a.story_id') }}``.
Every build stores a fingerprint per story in ``build_meta.story_fingerprints``
(``sql/incremental/story_fingerprints.sql``: a hash of every input row the
story-scoped models read) and a ``model_fingerprint`` in
``build_meta.build_info`` (all ``sql/`` files, the pipeline version, the DuckDB
version and this module). When the previous warehouse exists, its last build
did not fail, it has no write-ahead log, it opens read-only (so no writer
holds it), it carries the same model fingerprint and its file has not grown
too much (at most half free space, at most twice its size after the last full
build: updates in place leave deleted rows and free blocks behind), the new
file starts as a byte copy of it (taken while the read-only connection holds
DuckDB's shared lock) and the build is incremental: the stories whose fingerprint changed, appeared or vanished lose
their rows in every incremental model, which is recomputed for them only
(the macro renders to ``<expr> in (select story_id from _changed_stories)``;
in a full build to ``true``); the rows of the other stories stay. Objects
that no model makes are dropped from the copy. Anything else -
``full_refresh=True``, no usable previous warehouse, a previous table that is
missing or has other columns - builds everything into an empty file. Staging,
marts and the models that are not incremental are always rebuilt, data tests
always run over the whole result, the previous warehouse is only read, and
the new file is swapped in as above.

Chunked runs: the stories an incremental model is computed for (all of them in a full build, the changed
ones otherwise) are split, in story_id order, into chunks of about ``BUILD_CHUNK_ROWS`` input rows (the
fingerprint's per-story row count; env ``NEWSAGREE_BUILD_CHUNK_ROWS``). With more than one chunk the
whole chain of incremental models runs for one chunk, each model as a temp table of its own name that the
next model reads (the macro renders to ``<expr> in (select story_id from _chunk_stories)``), and the
chunk's rows are spooled to Parquet beside the new file, loaded into the model tables in one insert each
after the last chunk. Hash tables and sorts then hold one
chunk at a time: memory stays flat and time linear in the corpus size, where one pass over 12.6k
articles already spilled under the memory limit. The large story-scoped inputs (sentences, mentions,
quotes, facts) are split by chunk once, so a chunk reads its own rows of them, not the corpus's.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from tasks import PIPELINE_VERSION, parquet
from tasks.faults import failpoint
from tasks.schemas import TABLES
from tasks.settings import SQL_DIR

MODEL_DIRS = ("staging", "marts", "agreement")
BUILD_MEMORY_LIMIT = os.environ.get("NEWSAGREE_BUILD_MEMORY", "1GB")
# input rows (story fingerprint n_rows: articles, sentences, mentions, quotes, facts ...) per chunk of stories
# when the incremental models run chunk by chunk; PolNeAR has ~125 input rows per article
BUILD_CHUNK_ROWS = int(os.environ.get("NEWSAGREE_BUILD_CHUNK_ROWS", "250000"))
CONTRACT_TABLES = (
    "articles", "rejected_files", "sentences", "entity_mentions", "entities", "quotes", "facts",
    "stories", "quote_agreement", "quote_variants", "entity_coverage", "claim_agreement",
    "fact_agreement", "outlet_agreement", "claim_conflicts", "runs",
)

FINGERPRINT_SQL = Path("incremental") / "story_fingerprints.sql"
META_SCHEMA = "build_meta"          # build metadata, outside `main` so analysts' table lists do not show it

_SOURCE_RE = re.compile(r"\{\{\s*source\(\s*['\"](?P<name>\w+)['\"]\s*\)\s*\}\}")
_DEDUP_RE = re.compile(r"\{\{\s*deduplicate\(\s*'(?P<rel>\w+)'\s*,\s*'(?P<by>[\w\s,]+)'\s*,\s*'(?P<order>[^']+)'\s*\)\s*\}\}")
_INCREMENTAL_RE = re.compile(r"\{\{\s*incremental_stories\(\s*'(?P<expr>[^']+)'\s*\)\s*\}\}")
_HEADER_RE = re.compile(
    r"^--\s*(?P<key>model|description|depends_on|column|test|materialized|unique_key)\b\s*(?P<rest>.*)$")


class DataTestError(RuntimeError):
    """One or more sql/tests assertions returned rows."""

    def __init__(self, failures: dict[str, list[tuple]], columns: dict[str, list[str]]):
        self.failures = failures
        self.columns = columns
        lines = [f"{len(failures)} data test(s) failed:"]
        for name, rows in failures.items():
            lines.append(f"  {name}: {len(rows)} failing row(s); columns {columns[name]}")
            for r in rows[:5]:
                lines.append(f"    {r}")
        super().__init__("\n".join(lines))


@dataclass
class Model:
    name: str
    path: Path
    kind: str                      # view | table
    sql: str
    description: str = ""
    depends_on: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    materialized: str = ""         # "incremental" for story-scoped models built only for changed stories
    unique_key: str = ""           # incremental models: the column their rows are replaced by (story_id)

    @property
    def incremental(self) -> bool:
        return self.materialized == "incremental"


def parse_model(path: Path) -> Model:
    """Read a model file and its header comments (model, description, depends_on, column ...)."""
    text = path.read_text(encoding="utf-8")
    name = path.stem
    kind = "view" if path.parent.name == "staging" else "table"
    m = Model(name=name, path=path, kind=kind, sql=text)
    desc: list[str] = []
    in_desc = False            # a description may continue on the following comment lines
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("--"):
            if line:
                break
            continue
        hm = _HEADER_RE.match(line)
        if not hm:
            cont = line[2:].strip()
            if in_desc and cont:
                desc.append(cont)
            continue
        key, rest = hm.group("key"), hm.group("rest").strip()
        in_desc = key in ("description", "test")
        if key == "model":
            m.name = rest.lstrip(":").strip() or name
        elif key in ("description", "test"):
            desc = [rest.lstrip(":").strip()]
        elif key == "depends_on":
            m.depends_on = [d.strip() for d in rest.lstrip(":").split(",") if d.strip()]
        elif key == "column":
            col, _, doc = rest.partition(":")
            m.columns[col.strip()] = doc.strip()
        elif key == "materialized":
            m.materialized = rest.lstrip(":").strip()
        elif key == "unique_key":
            m.unique_key = rest.lstrip(":").strip()
    m.description = " ".join(desc)
    return m


def load_models(sql_dir: Path = SQL_DIR) -> list[Model]:
    models = []
    for sub in MODEL_DIRS:
        for p in sorted((sql_dir / sub).glob("*.sql")):
            models.append(parse_model(p))
    return models


def order_models(models: list[Model]) -> list[Model]:
    """Topological order by depends_on; ties broken by layer then name. Unknown deps are an error."""
    by_name = {m.name: m for m in models}
    for m in models:
        missing = [d for d in m.depends_on if d not in by_name]
        if missing:
            raise ValueError(f"model {m.name} ({m.path}) depends on unknown model(s): {missing}")
    layer = {m.name: MODEL_DIRS.index(m.path.parent.name) for m in models}
    done: list[Model] = []
    state: dict[str, int] = {}

    def visit(m: Model, stack: tuple[str, ...]) -> None:
        if state.get(m.name) == 2:
            return
        if state.get(m.name) == 1:
            raise ValueError(f"dependency cycle: {' -> '.join(stack + (m.name,))}")
        state[m.name] = 1
        for d in sorted(m.depends_on, key=lambda n: (layer[n], n)):
            visit(by_name[d], stack + (m.name,))
        state[m.name] = 2
        done.append(m)

    for m in sorted(models, key=lambda m: (layer[m.name], m.name)):
        visit(m, ())
    return done


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


_DUCK_TYPES = {
    pa.string(): "VARCHAR", pa.int32(): "INTEGER", pa.int64(): "BIGINT", pa.float64(): "DOUBLE", pa.float32(): "FLOAT", pa.int8(): "TINYINT",
    pa.bool_(): "BOOLEAN", pa.timestamp("us", tz="UTC"): "TIMESTAMPTZ",
}


def _duck_type(t: pa.DataType) -> str:
    if t in _DUCK_TYPES:
        return _DUCK_TYPES[t]
    if pa.types.is_list(t):
        return _duck_type(t.value_type) + "[]"
    raise TypeError(f"no DuckDB type for {t}")


def source_relation(processed_dir: Path, table: str, keys: set[str] | None = None) -> str:
    """SQL relation for the committed Parquet of ``table`` (an empty typed relation if none)."""
    if table not in TABLES:
        raise ValueError(f"unknown source table {table!r}")
    schema = TABLES[table]
    files = parquet.committed_files(processed_dir, table, keys)
    if files:
        file_list = ", ".join(_sql_str(str(f)) for f in files)
        cols = ", ".join(f'"{f.name}"' for f in schema)
        return f"(select {cols} from read_parquet([{file_list}], union_by_name = true, hive_partitioning = false))"
    cols = ", ".join(f'cast(null as {_duck_type(f.type)}) as "{f.name}"' for f in schema)
    return f"(select {cols} where false)"


def render_incremental(sql: str, changed_only: bool = False) -> str:
    """``{{ incremental_stories('<expr>') }}`` becomes ``true`` (full build), or, with ``changed_only``,
    ``(<expr>) in (select story_id from _changed_stories)``."""
    if changed_only:
        return _INCREMENTAL_RE.sub(lambda m: f"({m.group('expr')}) in (select story_id from _changed_stories)", sql)
    return _INCREMENTAL_RE.sub("true", sql)


def render_deduplicate(relation: str, by: str, order: str) -> str:
    """``{{ deduplicate('<relation>', '<key columns>', '<order>') }}`` (as dbt_utils.deduplicate): the rows of
    ``relation``, one per key (the first by ``order``), as a subquery. Same rows as ``qualify row_number()
    over (partition by <keys> order by <order>) = 1``, but only keys that occur more than once go through
    the window: partitioning and sorting every wide row (texts) spilled past the memory limit and grew
    faster than the corpus (quotes: 0.7 s at 12.6k articles, 15.7 s at 100k)."""
    cols = [c.strip() for c in by.split(",") if c.strip()]
    keys = ", ".join(cols)
    on = " and ".join(f"r.{c} is not distinct from d.{c}" for c in cols)
    return (f"(with _dup as (select {keys} from {relation} group by all having count(*) > 1) "
            f"select r.* from {relation} as r anti join _dup as d on {on} "
            f"union all "
            f"select * from (select r.* from {relation} as r semi join _dup as d on {on}) "
            f"qualify row_number() over (partition by {keys} order by {order}) = 1)")


def expand_deduplicate(sql: str) -> str:
    """Every ``{{ deduplicate(...) }}`` of ``sql`` expanded (render_deduplicate)."""
    return _DEDUP_RE.sub(lambda m: render_deduplicate(m.group("rel"), m.group("by"), m.group("order")), sql)


def render_macros(sql: str, processed_dir: Path, keys: set[str]) -> str:
    """Sources filled in (``{{ source('<table>') }}``) and ``{{ deduplicate(...) }}`` expanded."""
    sql = _SOURCE_RE.sub(lambda m: source_relation(processed_dir, m.group("name"), keys), sql)
    return expand_deduplicate(sql)


def render(model: Model, processed_dir: Path, keys: set[str], changed_only: bool = False) -> str:
    """Model SQL with its macros and its incremental macro rendered (see render_macros, render_incremental)."""
    return render_incremental(render_macros(model.sql, processed_dir, keys), changed_only)


def _strip_sql(sql: str) -> str:
    return sql.strip().rstrip(";").strip()


def check_models(models: list[Model]) -> None:
    """Materialisation headers must be consistent: an incremental model is a story-scoped table keyed on
    story_id that marks where the story enters; no other model may use the macro."""
    for m in models:
        uses_macro = bool(_INCREMENTAL_RE.search(m.sql))
        where = f"model {m.name} ({m.path})"
        if m.materialized not in ("", "incremental"):
            raise ValueError(f"{where}: unknown materialization {m.materialized!r} (only 'incremental')")
        if not m.incremental:
            if uses_macro:
                raise ValueError(f"{where} uses incremental_stories() but is not `-- materialized: incremental`")
            continue
        if m.kind != "table":
            raise ValueError(f"{where}: a staging view cannot be incremental")
        if m.unique_key != "story_id":
            raise ValueError(f"{where}: incremental models need `-- unique_key: story_id` (got {m.unique_key!r})")
        if not uses_macro:
            raise ValueError(f"{where}: an incremental model marks where the story enters with "
                             "{{ incremental_stories('<story_id expression>') }}")


def load_fingerprint(sql_dir: Path = SQL_DIR) -> Model | None:
    """The story fingerprint query (sql/incremental/story_fingerprints.sql), None when the model set has none."""
    path = Path(sql_dir) / FINGERPRINT_SQL
    return parse_model(path) if path.exists() else None


def check_fingerprint_covers(models: list[Model], fingerprint: Model | None) -> None:
    """Every input of an incremental model is incremental itself, hashed by the story fingerprint, or constant
    (no inputs at all): otherwise a change in it would go unnoticed and stale rows be reused."""
    by_name = {m.name: m for m in models}
    for m in models:
        if not m.incremental:
            continue
        if fingerprint is None:
            raise ValueError(f"incremental model {m.name} needs the story fingerprint query {FINGERPRINT_SQL}")
        for d in m.depends_on:
            dep = by_name.get(d)
            if dep is None or dep.incremental or d in fingerprint.depends_on:
                continue
            if not dep.depends_on and not _SOURCE_RE.search(dep.sql):
                continue
            raise ValueError(f"incremental model {m.name} reads {d}, which is neither incremental nor an input "
                             f"of the story fingerprint ({fingerprint.path}): add it there or rebuild {m.name} fully")


_MODULE_HASH = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()   # this module as imported


def model_set_fingerprint(sql_dir: Path = SQL_DIR) -> str:
    """Hash of everything that decides what a build computes besides the data: every .sql file under sql_dir,
    the pipeline version, the DuckDB version and this module. Rows of a previous warehouse are reused only
    when it was built with the same fingerprint."""
    h = hashlib.sha256()
    h.update(f"pipeline={PIPELINE_VERSION}\nduckdb={duckdb.__version__}\nmodule={_MODULE_HASH}\n".encode())
    for p in sorted(Path(sql_dir).rglob("*.sql")):
        h.update(b"\0" + p.relative_to(sql_dir).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


class IncrementalUnavailable(RuntimeError):
    """The previous build cannot provide the rows of unchanged stories; the build falls back to full."""


@dataclass
class Incremental:
    """Story fingerprints and reuse for one build (see the module docstring)."""
    fingerprint: Model                  # sql/incremental/story_fingerprints.sql
    reuse: bool                         # the database is a copy of the previous build whose rows may be reused
    n_stories: int | None = None
    changed_stories: int | None = None  # stories recomputed (all of them in a full build)
    chunks: int | None = None           # chunks of stories the incremental models ran in


def _columns(con: duckdb.DuckDBPyConnection, relation: str) -> list[tuple[str, str]]:
    return [(d[0], str(d[1])) for d in con.execute(f"select * from {relation} limit 0").description]


def _story_fingerprints(con: duckdb.DuckDBPyConnection, inc: Incremental, sql: str, built: set[str]) -> None:
    """Store this build's story fingerprints; when reusing, compare them with the previous build's
    (still in build_meta.story_fingerprints of the copy) into _kept_stories / _changed_stories."""
    missing = [d for d in inc.fingerprint.depends_on if d not in built]
    if missing:
        raise ValueError(f"{inc.fingerprint.path} reads {missing}, not built before the first incremental model")
    try:
        con.execute(f"create or replace temp table _story_fingerprints as\n{sql}")
    except duckdb.Error as exc:
        raise RuntimeError(f"story fingerprints ({inc.fingerprint.path}) failed: {exc}") from exc
    if inc.reuse:
        try:
            con.execute(f"""create or replace temp table _kept_stories as
                select n.story_id from _story_fingerprints as n
                join {META_SCHEMA}.story_fingerprints as p
                  on p.story_id = n.story_id and p.fingerprint = n.fingerprint""")
        except duckdb.Error as exc:
            raise IncrementalUnavailable(f"previous story fingerprints unreadable: {exc}") from exc
    else:
        con.execute("create or replace temp table _kept_stories as select story_id from _story_fingerprints where false")
    con.execute("create or replace temp table _changed_stories as "
                "select story_id from _story_fingerprints anti join _kept_stories using (story_id)")
    con.execute(f"create schema if not exists {META_SCHEMA}")
    con.execute(f"create or replace table {META_SCHEMA}.story_fingerprints as select * from _story_fingerprints")
    inc.n_stories = con.execute("select count(*) from _story_fingerprints").fetchone()[0]
    inc.changed_stories = con.execute("select count(*) from _changed_stories").fetchone()[0]


def _update_incremental(con: duckdb.DuckDBPyConnection, m: Model, body: str) -> None:
    """In the copy of the previous build: drop the rows of every story that is not kept (changed, new or
    vanished) and insert the model recomputed for the changed stories."""
    try:
        con.execute(f"create or replace temp table _incremental_rows as\n{body}")
    except duckdb.Error as exc:
        raise RuntimeError(f"SQL model {m.name} ({m.path}) failed: {exc}") from exc
    try:
        same = _columns(con, f'main."{m.name}"') == _columns(con, "_incremental_rows")
    except duckdb.Error as exc:
        raise IncrementalUnavailable(f"previous build has no usable {m.name}: {exc}") from exc
    if not same:
        raise IncrementalUnavailable(f"previous build's {m.name} has other columns")
    key = f'"{m.unique_key}"'
    con.execute(f'delete from main."{m.name}" where {key} is null or {key} not in (select story_id from _kept_stories)')
    con.execute(f'insert into main."{m.name}" select * from _incremental_rows')
    con.execute("drop table _incremental_rows")


def phase_order(models: list[Model]) -> list[Model]:
    """Topological order regrouped in three phases: the models the incremental ones build on (no incremental
    model upstream), every incremental model, then the rest - so the story-scoped models can run together,
    chunk by chunk. A non-incremental input of an incremental model must belong to the first phase."""
    ordered = order_models(models)
    after_incremental: set[str] = set()
    for m in ordered:
        if m.incremental or any(d in after_incremental for d in m.depends_on):
            after_incremental.add(m.name)
    pre = [m for m in ordered if m.name not in after_incremental]
    inc = [m for m in ordered if m.incremental]
    post = [m for m in ordered if m.name in after_incremental and not m.incremental]
    post_names = {m.name for m in post}
    for m in inc:
        bad = [d for d in m.depends_on if d in post_names]
        if bad:
            raise ValueError(f"incremental model {m.name} ({m.path}) reads {bad}, which depend on incremental models "
                             "without being incremental themselves")
    return pre + inc + post


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
    db = con.execute("select current_database()").fetchone()[0]
    return '"' + db.replace('"', '""') + '".main."' + name.replace('"', '""') + '"'


def _partition_inputs(con: duckdb.DuckDBPyConnection, inputs: list[str], folder: Path) -> dict[str, tuple[str, str]]:
    """Split each story-scoped input table by chunk in one pass: ``folder/<table>/chunk=<n>/*.parquet``
    holds the rows of the chunk's stories (rows with an article_id follow their article's story, the
    others their story_id; rows of stories outside every chunk are left out). Returns table -> (its
    qualified name, its folder). Not split (read whole by every chunk, as without this): tables of at most
    one row per article (rescanning them costs less than copying them; articles carry their bodies) and
    tables with neither column."""
    con.execute(f"""create or replace temp table _chunk_articles as
        select a.article_id, c.chunk from {_qualified(con, 'articles')} as a join _story_chunks as c using (story_id)""")
    out = {}
    folder.mkdir(parents=True, exist_ok=True)
    n_articles = con.execute(f"select count(*) from {_qualified(con, 'articles')}").fetchone()[0]
    for t in inputs:
        table = _qualified(con, t)
        if con.execute(f"select count(*) from {table}").fetchone()[0] <= n_articles:
            continue        # a row per article or story (articles, stories, syndication): cheaper to rescan
        cols = {c for c, _ in _columns(con, table)}
        if "article_id" in cols:
            on = "join _chunk_articles as c using (article_id)"
        elif "story_id" in cols:
            on = "join _story_chunks as c using (story_id)"
        else:
            continue
        dest = folder / parquet.safe_name(t)
        con.execute(f"copy (select c.chunk, x.* from {table} as x {on}) to {_sql_str(str(dest))} "
                    f"(format parquet, partition_by (chunk))")
        out[t] = (table, str(dest))
    con.execute("drop table _chunk_articles")
    return out


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
    models depend on its rows of these only, or incremental builds would be wrong) are split by chunk
    once, up front (_partition_inputs), and within a chunk a temp table of the same name holding the
    chunk's rows shadows each of them: a chunk reads its own sentences, mentions, quotes and facts, not
    the whole corpus's (scanning them once per chunk grows as corpus x chunks: per chunk 0.28 s of scans
    at 12.6k articles, 0.69 s at 38k, ~1.8 s expected at 100k).

    Why a spool and not an insert per chunk: rows appended to a table in small pieces stay in DuckDB's
    buffer pool until a checkpoint, which pushed the chunks' own working set out to disk (measured at 38k
    articles: 6.8 s per chunk at the start, 10 s and more once ~1 GB had been appended, so time grew
    faster than the corpus); one bulk insert per table writes whole row groups instead."""
    bodies = {m.name: _strip_sql(_INCREMENTAL_RE.sub(
        lambda x: f"({x.group('expr')}) in (select story_id from _chunk_stories)",
        render_macros(m.sql, processed_dir, keys))) for m in models}
    target = {m.name: _qualified(con, m.name) for m in models}
    files: dict[str, list[str]] = {m.name: [] for m in models}
    if spool.exists():
        shutil.rmtree(spool)
    spool.mkdir(parents=True)
    split: dict[str, tuple[str, str]] = {}
    try:
        t0 = time.perf_counter()
        split = _partition_inputs(con, inputs, spool / "_inputs")
        for t, (table, _) in split.items():    # the shadows, with the inputs' exact column types
            con.execute(f'create temp table "{t}" as select * from {table} limit 0')
        timings["chunk_inputs"] = time.perf_counter() - t0
        for i, chunk in enumerate(chunks):
            con.execute(f"create or replace temp table _chunk_stories as "
                        f"select story_id from _story_chunks where chunk = {int(chunk)}")
            t0 = time.perf_counter()
            for t, (_, folder) in split.items():
                # the chunk's rows of the input (no folder: the chunk has none)
                con.execute(f'delete from temp.main."{t}"')
                part = Path(folder) / f"chunk={int(chunk)}"
                if part.is_dir():
                    con.execute(f'insert into temp.main."{t}" select * from read_parquet('
                                f'{_sql_str(str(part / "*.parquet"))}, hive_partitioning = false)')
            timings["chunk_inputs"] += time.perf_counter() - t0
            for m in models:
                t0 = time.perf_counter()
                try:
                    con.execute(f'create or replace temp table "{m.name}" as\n{bodies[m.name]}')
                except duckdb.Error as exc:
                    raise RuntimeError(f"SQL model {m.name} ({m.path}) failed: {exc}") from exc
                local = f'temp.main."{m.name}"'
                if i == 0:
                    # the table's column types: those of the model's query (the Parquet files may widen some)
                    con.execute(f'create or replace temp table "_shape_{m.name}" as select * from {local} limit 0')
                    if reuse:
                        try:
                            same = _columns(con, target[m.name]) == _columns(con, local)
                        except duckdb.Error as exc:
                            raise IncrementalUnavailable(f"previous build has no usable {m.name}: {exc}") from exc
                        if not same:
                            raise IncrementalUnavailable(f"previous build's {m.name} has other columns")
                out = spool / f"{parquet.safe_name(m.name)}-{i:06d}.parquet"
                con.execute(f"copy {local} to {_sql_str(str(out))} (format parquet)")
                files[m.name].append(str(out))
                timings[m.name] = timings.get(m.name, 0.0) + time.perf_counter() - t0
            for m in models:
                con.execute(f'drop table temp.main."{m.name}"')
        con.execute("drop table _chunk_stories")
        for m in models:
            t0 = time.perf_counter()
            shape = f'temp.main."_shape_{m.name}"'
            if reuse:
                key = f'"{m.unique_key}"'
                con.execute(f"delete from {target[m.name]} where {key} is null "
                            f"or {key} not in (select story_id from _kept_stories)")
            else:
                con.execute(f"create or replace table {target[m.name]} as select * from {shape}")
            listed = ", ".join(_sql_str(f) for f in files[m.name])
            con.execute(f"insert into {target[m.name]} select * from read_parquet([{listed}])")
            con.execute(f"drop table {shape}")
            timings[m.name] = timings.get(m.name, 0.0) + time.perf_counter() - t0
    finally:
        for t in split:      # never leave a chunk's rows shadowing a whole table
            try:
                con.execute(f'drop table if exists temp.main."{t}"')
            except duckdb.Error:
                pass
        shutil.rmtree(spool, ignore_errors=True)


def _default_spool(con: duckdb.DuckDBPyConnection) -> Path:
    """``<database file>.chunks`` beside the database, or a fresh temp folder for an in-memory one."""
    db_file = con.execute("select file from pragma_database_list where name = current_database()").fetchone()[0]
    if not db_file or db_file == ":memory:":
        import tempfile
        return Path(tempfile.mkdtemp(prefix="newsagree-chunks-"))
    return Path(db_file).with_name(Path(db_file).name + ".chunks")


def run_models(con: duckdb.DuckDBPyConnection, models: list[Model], processed_dir: Path,
               incremental: Incremental | None = None, chunk_rows: int | None = None,
               spool: Path | None = None) -> dict[str, float]:
    """Build every model in dependency order; returns seconds per model.

    Without ``incremental`` every model is built in full and no fingerprints are stored (docs, tests).
    With it, the story fingerprints are stored before the first incremental model, and when
    ``incremental.reuse`` (``con`` is a copy of the previous build) incremental models are updated in
    place for the changed stories only; every other model is rebuilt. When the stories to compute hold
    more than ``chunk_rows`` input rows (default BUILD_CHUNK_ROWS), the incremental models run chunk by
    chunk (see _run_chunked, which spools the chunks' rows under ``spool``, default a folder beside the
    database): same rows, bounded memory, time linear in the corpus size."""
    check_models(models)
    keys = parquet.committed_keys(processed_dir)
    timings: dict[str, float] = {}
    built: set[str] = set()
    ordered = phase_order(models)
    story_scoped = [m for m in ordered if m.incremental]
    chunked = False
    for m in ordered:
        if incremental is not None and m.incremental and m is story_scoped[0]:
            t0 = time.perf_counter()
            sql = _strip_sql(render(incremental.fingerprint, processed_dir, keys))
            _story_fingerprints(con, incremental, sql, built)
            chunks = _plan_chunks(con, chunk_rows or BUILD_CHUNK_ROWS)
            incremental.chunks = max(len(chunks), 1)
            timings["story_fingerprints"] = time.perf_counter() - t0
            if len(chunks) > 1:
                inputs = [t for t in incremental.fingerprint.depends_on if any(t in m.depends_on for m in story_scoped)]
                _run_chunked(con, story_scoped, processed_dir, keys, incremental.reuse, chunks, timings,
                             spool or _default_spool(con), inputs)
                built.update(x.name for x in story_scoped)
                chunked = True
        if chunked and m.incremental:
            continue
        t0 = time.perf_counter()
        changed_only = incremental is not None and incremental.reuse and m.incremental
        body = _strip_sql(render(m, processed_dir, keys, changed_only))
        if changed_only:
            _update_incremental(con, m, body)
        else:
            try:
                con.execute(f'create or replace {m.kind} "{m.name}" as\n{body}')
            except duckdb.Error as exc:
                raise RuntimeError(f"SQL model {m.name} ({m.path}) failed: {exc}") from exc
        timings[m.name] = time.perf_counter() - t0
        built.add(m.name)
    return timings


def run_tests(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> tuple[int, dict[str, list[tuple]], dict[str, list[str]]]:
    """Run every sql/tests/*.sql; returns (n_tests, failures name -> rows, columns)."""
    failures: dict[str, list[tuple]] = {}
    columns: dict[str, list[str]] = {}
    tests = sorted((sql_dir / "tests").glob("*.sql"))
    for p in tests:
        cur = con.execute(_strip_sql(p.read_text(encoding="utf-8")))
        rows = cur.fetchmany(20)
        if rows:
            failures[p.stem] = rows
            columns[p.stem] = [d[0] for d in cur.description]
    return len(tests), failures, columns


def missing_contract_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    have = {r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}
    return [t for t in CONTRACT_TABLES if t not in have]


def is_current(processed_dir: Path, warehouse: Path) -> bool:
    """True when the warehouse exists and was built after the last committed batch (of any kind but run records)."""
    warehouse = Path(warehouse)
    if not warehouse.exists() or warehouse.with_name(warehouse.name + ".failed").exists():
        return False
    folder = Path(processed_dir) / parquet.COMMITS
    if not folder.is_dir():
        return True
    built = warehouse.stat().st_mtime_ns
    return all(p.stat().st_mtime_ns <= built for p in folder.iterdir()
               if p.name.endswith(".json") and not p.name.startswith("run-"))


@dataclass
class BuildResult:
    warehouse: Path
    n_models: int
    n_tests: int
    row_counts: dict[str, int]
    seconds: float
    timings: dict[str, float]
    incremental: bool = False           # rows of unchanged stories were reused from the previous warehouse
    full_build_reason: str = ""         # why not incremental (empty when incremental)
    n_stories: int | None = None        # stories in the story fingerprints (None: no incremental models)
    changed_stories: int | None = None  # stories whose incremental rows were computed in this build
    chunks: int | None = None           # chunks of stories the incremental models ran in (1: one pass)


def _copy_previous(warehouse: Path, tmp: Path) -> str:
    """Copy the previous warehouse to ``tmp``; returns "" when copied, else the reason for a full build."""
    if not warehouse.exists():
        return "no previous warehouse"
    if warehouse.with_name(warehouse.name + ".failed").exists():
        return "the last build failed"
    if warehouse.with_name(warehouse.name + ".wal").exists():
        return "the previous warehouse has a write-ahead log (written to outside a build)"
    try:
        # a read-only connection holds DuckDB's shared file lock: no writer can change the file while it is copied
        lock = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error as exc:
        return f"cannot open the previous warehouse read-only: {exc}"
    try:
        shutil.copyfile(warehouse, tmp)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        return f"cannot copy the previous warehouse: {exc}"
    finally:
        lock.close()
    return ""


def _check_copy(con: duckdb.DuckDBPyConnection, model_fp: str) -> int:
    """The copied previous build may be updated in place: same model fingerprint, and its file has not grown
    too much (in-place updates leave deleted rows and free blocks behind: more than half free, or more than
    twice the size after the last full build, means a full build). Returns that baseline size in blocks."""
    try:
        info = dict(con.execute(f"select key, value from {META_SCHEMA}.build_info").fetchall())
        _, _, _, total, used, free, *_ = con.execute("pragma database_size").fetchone()
    except duckdb.Error:
        info = {}
    if "model_fingerprint" not in info:
        raise IncrementalUnavailable("the previous warehouse has no build metadata")
    if info["model_fingerprint"] != model_fp:
        raise IncrementalUnavailable("the previous warehouse was built from other SQL models, pipeline or DuckDB version")
    baseline = int(info["baseline_blocks"]) if info.get("mode") == "incremental" and info.get("baseline_blocks") \
        else total
    if free > used or total > 2 * baseline:
        raise IncrementalUnavailable("the previous warehouse file has grown (free space, deleted rows) "
                                     "since its last full build")
    return baseline


def _drop_foreign_objects(con: duckdb.DuckDBPyConnection, models: list[Model]) -> None:
    """A copied warehouse keeps only what a build makes: tables and views of the models, build_meta."""
    names = {m.name for m in models}
    db = con.execute("select current_database()").fetchone()[0]
    for (schema,) in con.execute(
            "select schema_name from duckdb_schemas() where database_name = ? and not internal "
            "and schema_name not in ('main', ?)", [db, META_SCHEMA]).fetchall():
        con.execute(f'drop schema "{schema}" cascade')
    for name, kind in con.execute(
            "select table_name, 'table' from duckdb_tables() where database_name = ? and schema_name = 'main' "
            "union all select view_name, 'view' from duckdb_views() where database_name = ? "
            "and schema_name = 'main' and not internal", [db, db]).fetchall():
        if name not in names:
            con.execute(f'drop {kind} if exists main."{name}" cascade')


def _write_build_info(con: duckdb.DuckDBPyConnection, info: dict[str, object]) -> None:
    con.execute(f"create schema if not exists {META_SCHEMA}")
    con.execute(f"create or replace table {META_SCHEMA}.build_info (key varchar, value varchar)")
    con.executemany(f"insert into {META_SCHEMA}.build_info values (?, ?)",
                    [(k, None if v is None else str(v)) for k, v in info.items()])


def build(processed_dir: Path, warehouse: Path, sql_dir: Path = SQL_DIR, tag: str = "build",
          full_refresh: bool = False, chunk_rows: int | None = None) -> BuildResult:
    """Build every model into a new file, run the data tests, swap the file in atomically.

    Incremental models reuse the previous build's rows of unchanged stories unless ``full_refresh``
    or any doubt (see the module docstring); an incremental attempt that cannot reuse them is redone
    as a full build. ``chunk_rows`` (default BUILD_CHUNK_ROWS) bounds the input rows of one chunk of
    stories when the incremental models run chunk by chunk (see run_models)."""
    t0 = time.perf_counter()
    processed_dir = Path(processed_dir)
    warehouse = Path(warehouse)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    tmp = warehouse.with_name(f".{warehouse.name}.{parquet.safe_name(tag)}.{os.getpid()}.building")
    # builds run under the run lock, so any other in-progress file is a leftover of a killed build
    for stale in warehouse.parent.glob(f".{warehouse.name}.*.building*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)     # the chunk spool of a killed build
        else:
            stale.unlink(missing_ok=True)
    models = load_models(sql_dir)
    fingerprint = load_fingerprint(sql_dir)
    check_models(models)
    check_fingerprint_covers(models, fingerprint)
    has_incremental = any(m.incremental for m in models)
    model_fp = model_set_fingerprint(sql_dir)
    baseline_blocks = None
    if full_refresh:
        full_reason = "full refresh requested"
    elif not has_incremental:
        full_reason = "no incremental models"
    else:
        full_reason = _copy_previous(warehouse, tmp)
    while True:
        try:
            con = duckdb.connect(str(tmp))
        except duckdb.Error as exc:
            if full_reason:
                raise
            tmp.unlink(missing_ok=True)      # a copy this DuckDB cannot open: build from scratch
            full_reason = f"cannot open a copy of the previous warehouse: {exc}"
            continue
        # bounded memory whatever the corpus size: DuckDB spills to disk past the limit (measured on 8x
        # PolNeAR: peak RSS 3.2 GB by default, 1.1 GB with these settings)
        con.execute(f"set memory_limit = '{BUILD_MEMORY_LIMIT}'")
        con.execute("set preserve_insertion_order = false")
        con.execute(f"set temp_directory = {_sql_str(str(warehouse.parent / '.duckdb_tmp'))}")
        inc = Incremental(fingerprint, reuse=not full_reason) if has_incremental and fingerprint else None
        try:
            if not full_reason:
                baseline_blocks = _check_copy(con, model_fp)
                _drop_foreign_objects(con, models)
            timings = run_models(con, models, processed_dir, inc, chunk_rows)
            failpoint("during_build")
            missing = missing_contract_tables(con)
            if missing:
                raise RuntimeError(f"warehouse is missing CONTRACT table(s): {missing}")
            _write_build_info(con, {
                "model_fingerprint": model_fp, "pipeline_version": PIPELINE_VERSION,
                "mode": "full" if full_reason else "incremental", "full_build_reason": full_reason,
                "stories": inc.n_stories if inc else None, "changed_stories": inc.changed_stories if inc else None,
                "chunks": inc.chunks if inc else None,
                "baseline_blocks": None if full_reason else baseline_blocks,
            })
            n_tests, failures, columns = run_tests(con, sql_dir)
            counts = {t: con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in CONTRACT_TABLES}
            con.execute("checkpoint")
        except IncrementalUnavailable as exc:
            # the copied previous build cannot be reused: start over with a full build in an empty file
            con.close()
            tmp.unlink(missing_ok=True)
            tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
            full_reason = str(exc)
            continue
        except BaseException:
            con.close()
            failed = warehouse.with_name(warehouse.name + ".failed")
            if tmp.exists():
                os.replace(tmp, failed)
            tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
            raise
        break
    con.close()
    if failures:
        os.replace(tmp, warehouse.with_name(warehouse.name + ".failed"))
        raise DataTestError(failures, columns)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    failpoint("before_swap")
    os.replace(tmp, warehouse)
    warehouse.with_name(warehouse.name + ".failed").unlink(missing_ok=True)
    return BuildResult(warehouse, len(models), n_tests, counts, time.perf_counter() - t0, timings,
                       incremental=not full_reason, full_build_reason=full_reason,
                       n_stories=inc.n_stories if inc else None,
                       changed_stories=inc.changed_stories if inc else None,
                       chunks=inc.chunks if inc else None)
