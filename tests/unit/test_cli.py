"""Command line: settings precedence (defaults < env < flags), help text, progress line."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from flows.cli import build_parser, settings_from
from flows.nightly import progress_line
from tasks.settings import Settings


def test_env_overrides_defaults_and_flags_override_env(monkeypatch):
    monkeypatch.setenv("NEWSAGREE_RAW_DIR", "/env/raw")
    monkeypatch.setenv("NEWSAGREE_WAREHOUSE", "/env/wh.duckdb")
    monkeypatch.delenv("NEWSAGREE_PROCESSED_DIR", raising=False)
    s = settings_from(build_parser().parse_args(["run", "--warehouse", "/flag/wh.duckdb", "--full-refresh"]))
    assert s.raw_dir == Path("/env/raw")                 # env over default
    assert s.warehouse == Path("/flag/wh.duckdb")        # flag over env
    assert s.processed_dir == Path("data/processed")     # default
    assert s.full_refresh is True
    assert s.lock_path == Path("/flag/wh.duckdb.lock")


def test_dask_address_implies_dask_runner():
    assert settings_from(build_parser().parse_args(["build", "--full-refresh"])).full_refresh
    assert not settings_from(build_parser().parse_args(["build"])).full_refresh
    s = settings_from(build_parser().parse_args(["run", "--dask-address", "tcp://127.0.0.1:8786"]))
    assert (s.runner, s.dask_address) == ("dask", "tcp://127.0.0.1:8786")
    assert Settings.from_env(env={}).runner == "process"


def test_help_lists_every_contract_command_and_flag():
    out = subprocess.run([sys.executable, "-m", "flows.cli", "--help"], capture_output=True, text=True).stdout
    for cmd in ("run", "build", "status", "eval", "serve", "report"):
        assert cmd in out
    run_help = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--help"], capture_output=True, text=True).stdout
    for flag in ("--raw-dir", "--processed-dir", "--warehouse", "--full-refresh", "--runner", "--dask-address"):
        assert flag in run_help


def test_progress_line():
    assert progress_line(5, 20, 12.0) == "[#####---------------] batch 5/20 (25%), 12 s, ~36 s left:"
    assert progress_line(2, 2, 3.0).startswith("[####################] batch 2/2 (100%)")
