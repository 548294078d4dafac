"""`newsagree` command line: parses flags and environment into one Settings object and calls a flow.

Defaults are relative to the current directory; environment variables
override defaults, flags override both (see docs/CONTRACT.md).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

STARTED = datetime.now(UTC)   # a run's duration counts from here: what `time newsagree run` sees, bar interpreter start
EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the lock


def _prefect_env(quiet: bool, verbose: bool) -> None:
    """Prefect without a server: a temporary local API; no telemetry (its heartbeat races the SQLite DB)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    if quiet:
        os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING"
    elif verbose:
        os.environ["PREFECT_LOGGING_LEVEL"] = "DEBUG"


def _option(p: argparse.ArgumentParser, flag: str, attr: str, **kw) -> None:
    """A flag for a Settings attribute; its help (env var, default) comes from tasks.settings.OPTIONS."""
    from tasks.settings import OPTIONS
    opt = OPTIONS[attr]
    p.add_argument(flag, dest=attr, type=kw.pop("type", opt.type), help=opt.help_text(), **kw)


def _paths(p: argparse.ArgumentParser, *attrs: str) -> None:
    flags = {"raw_dir": "--raw-dir", "processed_dir": "--processed-dir", "warehouse": "--warehouse"}
    for attr in attrs:
        _option(p, flags[attr], attr)


def _logging(p: argparse.ArgumentParser) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="only warnings and the final summary")
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging")


def _pipeline(p: argparse.ArgumentParser) -> None:
    """What `run` and `serve` share: the three folders, model, batching and where batches run."""
    from tasks.settings import RUNNERS
    _paths(p, "raw_dir", "processed_dir", "warehouse")
    _option(p, "--model", "model")
    _option(p, "--batch-size", "batch_size")
    _option(p, "--runner", "runner", choices=RUNNERS)
    _option(p, "--workers", "n_process")
    _option(p, "--batch-timeout", "batch_timeout", metavar="SECONDS")
    _logging(p)


def _wait(p: argparse.ArgumentParser, who: str) -> None:
    p.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                   help=f"if {who} holds the lock, wait this long before giving up (default 0: exit 75 at once)")


def build_parser() -> argparse.ArgumentParser:
    from tasks.settings import GOLD_DIR_ENV, REPORT_DIR, SERVE_CRON, SERVE_POLL_SECONDS, SQL_MAX_ROWS, STATUS_LIMIT
    parser = argparse.ArgumentParser(
        prog="newsagree",
        description="Turn drops of news articles into cross-source agreement tables "
                    "(Prefect flow -> Parquet -> DuckDB warehouse).")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="the nightly flow: ingest new raw files, extract, Parquet, SQL models, data tests")
    _pipeline(run)
    _option(run, "--dask-address", "dask_address")
    run.add_argument("--full-refresh", action="store_true",
                     help="re-process every raw file and rebuild every model from scratch")
    _wait(run, "another run")
    run.add_argument("--json", action="store_true", help="print the run summary as JSON")

    build = sub.add_parser("build", help="SQL models and data tests only, over what is in Parquet")
    _paths(build, "processed_dir", "warehouse")
    _logging(build)
    build.add_argument("--full-refresh", action="store_true",
                       help="rebuild every model from scratch (default: story-scoped agreement models are "
                            "recomputed only for stories whose inputs changed since the previous build)")
    _wait(build, "a run")

    status = sub.add_parser("status", help="recent runs, row counts, rejected files")
    _paths(status, "warehouse")
    status.add_argument("--limit", type=int, default=STATUS_LIMIT, help=f"runs to show (default {STATUS_LIMIT})")

    sql = sub.add_parser("sql", help="query the warehouse read-only (no DuckDB CLI needed): run QUERY and print "
                                     "the result, or without QUERY an interactive SQL prompt")
    _paths(sql, "warehouse")
    sql.add_argument("query", nargs="?", help="SQL to run; '-' reads it from standard input")
    sql.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    sql.add_argument("--max-rows", type=int, default=SQL_MAX_ROWS,
                     help=f"rows shown in a table (default {SQL_MAX_ROWS}; --csv: all)")

    ev = sub.add_parser("eval", help="accuracy against the gold sets in ../shared/eval (or --gold DIR)")
    ev.add_argument("--gold", type=Path, help=f"gold data folder (env {GOLD_DIR_ENV}, default ../shared/eval)")
    ev.add_argument("--only", nargs="*", help="run only these evaluations (sentences, ner, quotes, stories, cleaning, claims: "
                         "every msrp/*.txt under the gold folder, scored with the warehouse's claim-matching decision)")
    _option(ev, "--model", "model")
    ev.add_argument("--json", action="store_true", help="print rows as JSON")

    srv = sub.add_parser("serve", help="long-running schedule through Prefect, plus a watcher for new drops")
    _pipeline(srv)
    srv.add_argument("--cron", default=SERVE_CRON, help=f'cron schedule (default "{SERVE_CRON}": 02:00 every night)')
    srv.add_argument("--poll-seconds", type=float, default=SERVE_POLL_SECONDS,
                     help="check the raw dir for new files this often and run when some appear "
                          f"(0 = off; default {SERVE_POLL_SECONDS:g})")

    rep = sub.add_parser("report", help="write a static HTML report (stories, agreement charts) from the warehouse")
    _paths(rep, "warehouse")
    rep.add_argument("--out", type=Path, default=REPORT_DIR, help=f"output folder (default {REPORT_DIR}/)")
    return parser


def settings_from(args: argparse.Namespace):
    from tasks.settings import OPTIONS, Settings
    flags = {k: getattr(args, k, None) for k in OPTIONS}
    if flags.get("dask_address"):
        flags["runner"] = "dask"
    return Settings.from_env(**flags, full_refresh=bool(getattr(args, "full_refresh", False)),
                             quiet=bool(getattr(args, "quiet", False)), verbose=bool(getattr(args, "verbose", False)))


def existing_warehouse(args: argparse.Namespace) -> Path | None:
    """The warehouse the settings name, or None (after saying so) when no run has built it yet."""
    warehouse = Path(settings_from(args).warehouse)
    if not warehouse.exists():
        print(f"no warehouse at {warehouse} yet: run `newsagree run` first", file=sys.stderr)
        return None
    return warehouse


def cmd_run(args) -> int:
    settings = settings_from(args)
    noop = _noop_run(settings, args)    # nothing new: no Prefect import, no model load, no API start
    if noop is not None:
        return noop
    from flows.local_api import LocalPrefectAPI
    api = LocalPrefectAPI.start()       # boots while the imports below run
    try:
        return _run(args, api)
    finally:
        if api is not None:
            api.stop()


def _noop_run(settings, args) -> int | None:
    """The exit code of a run that found nothing new (recorded and summarised), else None."""
    from flows.summary import format_run_summary
    from tasks.runlock import RunLocked
    from tasks.runs import try_noop_run
    try:
        summary = try_noop_run(settings, args.wait, STARTED)
    except RunLocked as exc:
        print(f"newsagree run: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    if summary is None:
        return None
    print(json.dumps(summary, indent=2, default=str) if args.json else format_run_summary(summary, settings))
    return 0


def _run(args, api) -> int:
    from flows.nightly import run_nightly
    from flows.summary import format_run_summary
    from tasks.runlock import RunLocked
    settings = settings_from(args)
    try:
        summary = run_nightly(settings, wait_seconds=args.wait, before_flow=api.wait_healthy if api else None,
                              started=STARTED, temporary_api=api is not None)
    except RunLocked as exc:
        print(f"newsagree run: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except Exception as exc:  # noqa: BLE001 - readable message, non-zero exit
        print(f"newsagree run FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(summary, indent=2, default=str) if args.json else format_run_summary(summary, settings))
    return 0


def cmd_build(args) -> int:
    from flows.nightly import build_flow
    from tasks.runlock import RunLocked, run_lock
    settings = settings_from(args)
    try:
        with run_lock(settings.lock_path, args.wait):
            out = build_flow(settings)
    except RunLocked as exc:
        print(f"newsagree build: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except Exception as exc:  # noqa: BLE001
        print(f"newsagree build FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(f"warehouse {settings.warehouse}: {out['data_tests']} data tests passed in {out['duration_s']} s "
          f"({out['build']} build)")
    for t, n in out["warehouse_rows"].items():
        print(f"  {t:<18} {n:>8}")
    return 0


def cmd_status(args) -> int:
    from flows.summary import format_status
    warehouse = existing_warehouse(args)
    if warehouse is None:
        return 1
    print(format_status(warehouse, limit=args.limit))
    return 0


def cmd_eval(args) -> int:
    from tasks.evaluation.run import format_table, run_all
    from tasks.settings import gold_dir_candidates
    settings = settings_from(args)
    looked = [args.gold] if args.gold else gold_dir_candidates()
    gold = next((d for d in looked if d.is_dir()), None)
    if gold is None:
        where = ", ".join(str(d.resolve()) for d in looked)
        print(f"newsagree eval: no gold data found (looked in {where}); pass --gold DIR or set NEWSAGREE_GOLD_DIR "
              "to a folder holding gum_news/, conll2003/, polnear/, basil/", file=sys.stderr)
        return 2
    rows = run_all(gold, settings, only=args.only)
    print(json.dumps(rows, indent=2) if args.json else format_table(rows))
    return 0


def cmd_sql(args) -> int:
    from flows.sql_shell import run_query, shell
    warehouse = existing_warehouse(args)
    if warehouse is None:
        return 1
    if args.query is None:
        return shell(warehouse, max_rows=args.max_rows)
    query = sys.stdin.read() if args.query == "-" else args.query
    return run_query(warehouse, query, csv=args.csv, max_rows=args.max_rows)


def cmd_serve(args) -> int:
    import faulthandler
    import signal

    def _terminate(signum, frame):   # SIGTERM (systemd stop, kill) -> clean shutdown like Ctrl-C
        raise KeyboardInterrupt

    # until the runner's event loop runs (imports, starting the Prefect server) and after it has stopped;
    # while it runs, flows.serve handles SIGTERM/SIGINT itself (cancels a run in progress, then stops)
    signal.signal(signal.SIGTERM, _terminate)
    faulthandler.register(signal.SIGUSR1)   # `kill -USR1 <pid>` prints every thread's stack (ops diagnostics)
    try:
        from flows.serve import serve
        settings = settings_from(args)
        print(f"serving newsagree-scheduled/nightly on cron {args.cron!r}; polling {settings.raw_dir} every "
              f"{args.poll_seconds:g} s for new drops (Ctrl-C to stop)", flush=True)
        serve(settings, args.cron, args.poll_seconds)
    except KeyboardInterrupt:
        pass
    print("newsagree serve: stopped", flush=True)
    return 0


def cmd_report(args) -> int:
    from tasks.report import write_report
    warehouse = existing_warehouse(args)
    if warehouse is None:
        return 1
    index = write_report(warehouse, args.out)
    print(f"report written: {index}")
    return 0


COMMANDS = {"run": cmd_run, "build": cmd_build, "status": cmd_status, "sql": cmd_sql, "eval": cmd_eval,
            "serve": cmd_serve, "report": cmd_report}


FAST_EXIT = ("run", "build")   # commands whose process ends without tearing the interpreter down (see _fast_exit)


def _fast_exit(code: int) -> None:
    """End the process now, the way the interpreter's own exit starts: non-daemon threads are joined
    (``threading._shutdown``, which also stops thread pools), then the exit handlers run (Prefect's log
    and event workers drain, logging flushes, multiprocessing stops its children); the output is flushed,
    then ``os._exit``. What is skipped is the interpreter's teardown after that: freeing every module and
    object one by one (the spaCy model, Prefect, pyarrow, DuckDB), 0.8-1.9 s after a +5 articles run,
    longer than its extraction. Every file a run writes is closed (and renamed into place) before the
    command returns. Only from the main thread (elsewhere the caller's own exit applies)."""
    import atexit
    import threading
    if threading.current_thread() is not threading.main_thread():
        return
    threading._shutdown()   # type: ignore[attr-defined]  # what Py_FinalizeEx calls first
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    """Run a command; ``argv`` None means this is the process's own command line (the console script,
    ``python -m flows.cli``): then `run` and `build` end the process themselves (``_fast_exit``)."""
    args = build_parser().parse_args(argv)
    _prefect_env(getattr(args, "quiet", False), getattr(args, "verbose", False))
    code = COMMANDS[args.command](args)
    if argv is None and args.command in FAST_EXIT:
        _fast_exit(code)
    return code


if __name__ == "__main__":
    sys.exit(main())
