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
"""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from tasks import parquet
from tasks.faults import failpoint
from tasks.schemas import TABLES
from tasks.settings import SQL_DIR

MODEL_DIRS = ("staging", "marts", "agreement")
BUILD_MEMORY_LIMIT = os.environ.get("NEWSAGREE_BUILD_MEMORY", "1GB")
CONTRACT_TABLES = (
    "articles", "rejected_files", "sentences", "entity_mentions", "entities", "quotes", "facts",
    "stories", "quote_agreement", "quote_variants", "entity_coverage", "claim_agreement",
    "fact_agreement", "outlet_agreement", "runs",
)

_SOURCE_RE = re.compile(r"\{\{\s*source\(\s*['\"](?P<name>\w+)['\"]\s*\)\s*\}\}")
_HEADER_RE = re.compile(r"^--\s*(?P<key>model|description|depends_on|column|test)\b\s*(?P<rest>.*)$")


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
    pa.string(): "VARCHAR", pa.int32(): "INTEGER", pa.int64(): "BIGINT", pa.float64(): "DOUBLE",
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


def render(model: Model, processed_dir: Path, keys: set[str]) -> str:
    return _SOURCE_RE.sub(lambda m: source_relation(processed_dir, m.group("name"), keys), model.sql)


def _strip_sql(sql: str) -> str:
    return sql.strip().rstrip(";").strip()


def run_models(con: duckdb.DuckDBPyConnection, models: list[Model], processed_dir: Path) -> dict[str, float]:
    keys = parquet.committed_keys(processed_dir)
    timings = {}
    for m in order_models(models):
        t0 = time.perf_counter()
        body = _strip_sql(render(m, processed_dir, keys))
        try:
            con.execute(f'create or replace {m.kind} "{m.name}" as\n{body}')
        except duckdb.Error as exc:
            raise RuntimeError(f"SQL model {m.name} ({m.path}) failed: {exc}") from exc
        timings[m.name] = time.perf_counter() - t0
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


def build(processed_dir: Path, warehouse: Path, sql_dir: Path = SQL_DIR, tag: str = "build") -> BuildResult:
    """Build every model into a new file, run the data tests, swap the file in atomically."""
    t0 = time.perf_counter()
    processed_dir = Path(processed_dir)
    warehouse = Path(warehouse)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    tmp = warehouse.with_name(f".{warehouse.name}.{parquet.safe_name(tag)}.{os.getpid()}.building")
    # builds run under the run lock, so any other in-progress file is a leftover of a killed build
    for stale in warehouse.parent.glob(f".{warehouse.name}.*.building*"):
        stale.unlink(missing_ok=True)
    models = load_models(sql_dir)
    con = duckdb.connect(str(tmp))
    # bounded memory whatever the corpus size: DuckDB spills to disk past the limit (measured on 8x
    # PolNeAR: peak RSS 3.2 GB by default, 1.1 GB with these settings)
    con.execute(f"set memory_limit = '{BUILD_MEMORY_LIMIT}'")
    con.execute("set preserve_insertion_order = false")
    con.execute(f"set temp_directory = {_sql_str(str(warehouse.parent / '.duckdb_tmp'))}")
    try:
        timings = run_models(con, models, processed_dir)
        failpoint("during_build")
        missing = missing_contract_tables(con)
        if missing:
            raise RuntimeError(f"warehouse is missing CONTRACT table(s): {missing}")
        n_tests, failures, columns = run_tests(con, sql_dir)
        counts = {t: con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in CONTRACT_TABLES}
        con.execute("checkpoint")
    except BaseException:
        con.close()
        failed = warehouse.with_name(warehouse.name + ".failed")
        if tmp.exists():
            os.replace(tmp, failed)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
        raise
    con.close()
    if failures:
        os.replace(tmp, warehouse.with_name(warehouse.name + ".failed"))
        raise DataTestError(failures, columns)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    failpoint("before_swap")
    os.replace(tmp, warehouse)
    warehouse.with_name(warehouse.name + ".failed").unlink(missing_ok=True)
    return BuildResult(warehouse, len(models), n_tests, counts, time.perf_counter() - t0, timings)
