"""Incremental builds: story fingerprints, reuse of a copied previous build, build metadata."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tasks import PIPELINE_VERSION
from tasks.settings import SQL_DIR
from tasks.warehouse.models import Model
from tasks.warehouse.render import one_row, quote_ident

META_SCHEMA = "build_meta"          # build metadata, outside `main` so analysts' table lists do not show it

# the build code as imported: every module of this package
_MODULE_HASH = hashlib.sha256(b"".join(f.name.encode() + b"\0" + f.read_bytes()
                                       for f in sorted(Path(__file__).parent.glob("*.py")))).hexdigest()


def model_set_fingerprint(sql_dir: Path = SQL_DIR) -> str:
    """Hash of everything that decides what a build computes besides the data: every .sql file under sql_dir,
    the pipeline version, the DuckDB version and the modules of this package. Rows of a previous warehouse are reused only
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
    inc.n_stories = one_row(con, "select count(*) from _story_fingerprints")[0]
    inc.changed_stories = one_row(con, "select count(*) from _changed_stories")[0]


def _update_incremental(con: duckdb.DuckDBPyConnection, m: Model, body: str) -> None:
    """In the copy of the previous build: drop the rows of every story that is not kept (changed, new or
    vanished) and insert the model recomputed for the changed stories."""
    try:
        con.execute(f"create or replace temp table _incremental_rows as\n{body}")
    except duckdb.Error as exc:
        raise RuntimeError(f"SQL model {m.name} ({m.path}) failed: {exc}") from exc
    try:
        same = _columns(con, f"main.{quote_ident(m.name)}") == _columns(con, "_incremental_rows")
    except duckdb.Error as exc:
        raise IncrementalUnavailable(f"previous build has no usable {m.name}: {exc}") from exc
    if not same:
        raise IncrementalUnavailable(f"previous build's {m.name} has other columns")
    key, table = quote_ident(m.unique_key), f"main.{quote_ident(m.name)}"
    con.execute(f"delete from {table} where {key} is null or {key} not in (select story_id from _kept_stories)")
    con.execute(f"insert into {table} select * from _incremental_rows")
    con.execute("drop table _incremental_rows")


def _check_copy(con: duckdb.DuckDBPyConnection, model_fp: str) -> int:
    """The copied previous build may be updated in place: same model fingerprint, and its file has not grown
    too much (in-place updates leave deleted rows and free blocks behind: more than half free, or more than
    twice the size after the last full build, means a full build). Returns that baseline size in blocks."""
    try:
        info = dict(con.execute(f"select key, value from {META_SCHEMA}.build_info").fetchall())
        _, _, _, total, used, free, *_ = one_row(con, "pragma database_size")
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


META_TABLES = ("build_info", "story_fingerprints")


def _drop_foreign_objects(con: duckdb.DuckDBPyConnection, models: list[Model]) -> None:
    """A copied warehouse keeps only what a build makes: the models' tables and views in `main` and the
    build_meta tables. Every other schema, table, view, macro, sequence, type and index is dropped (names
    found in the file are data: always quoted)."""
    names = {m.name for m in models}
    db = one_row(con, "select current_database()")[0]
    for (schema,) in con.execute(
            "select schema_name from duckdb_schemas() where database_name = ? and not internal "
            "and schema_name not in ('main', ?)", [db, META_SCHEMA]).fetchall():
        con.execute(f"drop schema {quote_ident(schema)} cascade")
    for schema, name, kind in con.execute(
            "select schema_name, table_name, 'table' from duckdb_tables() where database_name = ? "
            "union all select schema_name, view_name, 'view' from duckdb_views() where database_name = ? "
            "and not internal", [db, db]).fetchall():
        ours = name in names if schema == "main" else name in META_TABLES
        if not ours:
            con.execute(f"drop {kind} if exists {quote_ident(schema)}.{quote_ident(name)} cascade")
    foreign = con.execute(
        "select 'index', schema_name, index_name from duckdb_indexes() where database_name = ? "
        "union all select case when function_type = 'table_macro' then 'macro table' else 'macro' end, "
        "schema_name, function_name from duckdb_functions() where database_name = ? and not internal "
        "and function_type in ('macro', 'table_macro') "
        "union all select 'sequence', schema_name, sequence_name from duckdb_sequences() where database_name = ? "
        "union all select 'type', schema_name, type_name from duckdb_types() where database_name = ? "
        "and not internal", [db, db, db, db]).fetchall()
    for kind, schema, name in foreign:
        con.execute(f"drop {kind} if exists {quote_ident(schema)}.{quote_ident(name)} cascade")


def _write_build_info(con: duckdb.DuckDBPyConnection, info: dict[str, object]) -> None:
    con.execute(f"create schema if not exists {META_SCHEMA}")
    con.execute(f"create or replace table {META_SCHEMA}.build_info (key varchar, value varchar)")
    con.executemany(f"insert into {META_SCHEMA}.build_info values (?, ?)",
                    [(k, None if v is None else str(v)) for k, v in info.items()])


