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


def _help(*cmd: str) -> str:
    return subprocess.run([sys.executable, "-m", "flows.cli", *cmd, "--help"], capture_output=True, text=True).stdout


def test_status_report_eval_list_only_the_options_they_use():
    for cmd in ("status", "report", "sql"):
        out = _help(cmd)
        assert "--warehouse" in out
        for unused in ("--raw-dir", "--processed-dir", "--model", "--quiet", "--batch-size"):
            assert unused not in out, (cmd, unused)
    ev = _help("eval")
    assert "--gold" in ev and "--model" in ev
    for unused in ("--raw-dir", "--processed-dir", "--warehouse", "--quiet"):
        assert unused not in ev


def test_defaults_in_help_come_from_settings():
    from tasks.settings import OPTIONS
    run_help = " ".join(_help("run").split())
    for opt in OPTIONS.values():
        assert opt.env in run_help
    assert "default 200" in run_help and "default data/raw" in run_help


def test_eval_without_gold_data_names_where_it_looked(tmp_path, monkeypatch):
    missing = tmp_path / "no-gold-here"
    res = subprocess.run([sys.executable, "-m", "flows.cli", "eval"], capture_output=True, text=True,
                         env={**__import__("os").environ, "NEWSAGREE_GOLD_DIR": str(missing)})
    assert res.returncode == 2
    assert str(missing) in res.stderr and "None" not in res.stderr


def test_sql_runs_a_read_only_query_and_the_prompt_reads_statements(tmp_path, capsys):
    import duckdb

    from flows.sql_shell import run_query, shell
    wh = tmp_path / "wh.duckdb"
    con = duckdb.connect(str(wh))
    con.execute("create table articles as select 'a1' as article_id, 'Reuters' as outlet")
    con.close()
    assert run_query(wh, "select outlet, count(*) as n from articles group by all", csv=True) == 0
    assert capsys.readouterr().out.splitlines() == ["outlet,n", "Reuters,1"]
    assert run_query(wh, "delete from articles") == 1             # read-only: writes fail, with a message
    assert "read-only" in capsys.readouterr().err.lower()
    lines = iter(["select count(*)", "  as n_articles from articles;", "select nope;", ".quit", "select 2;"])
    assert shell(wh, read=lambda prompt: next(lines)) == 0
    out = capsys.readouterr().out
    assert "n_articles" in out and "error:" in out


def test_sql_into_a_reader_that_stops_early_prints_no_traceback(tmp_path):
    import duckdb

    wh = tmp_path / "w.duckdb"
    duckdb.connect(str(wh)).close()
    cmd = (f"{sys.executable} -m flows.cli sql --warehouse {wh} --csv 'select * from range(300000)' | head -2")
    res = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    assert res.stdout.splitlines() == ["range", "0"]
    assert "Traceback" not in res.stderr and "BrokenPipe" not in res.stderr
