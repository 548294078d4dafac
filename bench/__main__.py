"""Performance benchmark: ``python -m bench [--quick] [--scale 10000,80000] [--out .bench/]``.

Everything is measured side by side in one run and reported as ratios (the
machine is shared and noisy; nothing here asserts on time):

1. reference: bare spaCy (same model, full default pipeline) over the same
   texts, ``nlp.pipe(texts, n_process=2)``, in a fresh interpreter (wall time
   includes start-up and model load, as the pipeline's does);
2. cold ``newsagree run`` over the corpus (PolNeAR train texts as one drop when
   ../shared/eval is present, else a synthetic corpus) / reference;
3. no-op re-run / cold run;
4. run after adding 5 new articles / cold run;
5. ``newsagree build`` over 8x articles / 1x, the larger processed dirs made
   by replicating the 1x Parquet with rewritten ids;
6. scale runs (``--scale``, default 100000 articles): a whole ``newsagree run``
   that adds 5 new articles to a replicated processed dir of that size (copies
   published apart, no story index, no warehouse yet: the story stage assigns
   every article and the build is a full one); its build time / the build of
   the same kind of run at 1/8 of the size, and its peak memory / the cold run's;
7. the claim similarity model (tasks/claims/model): its load time in a fresh
   interpreter / the cold run, and the memory it adds to a worker;
8. peak memory of the runs and builds (sum of RSS over the process tree,
   sampled with psutil; the largest single process from ``wait4`` is in the JSON).

``python -m bench --profile [--articles 200]`` instead runs one cold
``newsagree run --runner thread`` under cProfile and prints where time goes.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import datetime, UTC
from pathlib import Path

from bench.children import (ChildRun, child_env, claim_model_load, failure_line, newsagree, reference_spacy, run_child,
                            status_note)
from bench.corpus import add_new_articles, corpus_files, make_corpus, n_words
from bench.report import Report, Row, build_seconds, mb, run_summary
from bench.synth import generate, replicate_processed
from tasks.settings import OPTIONS

# run_child, ChildRun, Report and Row are part of this module's interface (tests import them from here)
__all__ = ["ChildRun", "Report", "Row", "benchmark", "main", "profile", "run_child"]

GB = 1024 ** 3
#: how many interleaved pairs of reference and cold runs the medians come from by default
DEFAULT_REPEAT = 3


# ------------------------------------------------------------------ benchmark

@dataclass
class _Bench:
    """What every step of one benchmark shares: its arguments, folders, child environment and report."""
    args: argparse.Namespace
    work: Path
    env: dict
    run_args: list[str]
    rep: Report
    files: list[Path]

    @property
    def raw(self) -> Path:
        return self.work / "raw"

    @property
    def proc(self) -> Path:
        return self.work / "processed"

    @property
    def wh(self) -> Path:
        return self.work / "warehouse.duckdb"

    def run(self, raw: Path, processed: Path, warehouse: Path, timeout_s: float | None = None) -> ChildRun:
        """``newsagree run`` with the benchmark's flags."""
        return newsagree(self.run_args, raw, processed, warehouse, self.env, self.work, timeout_s=timeout_s)


def _setup(args) -> _Bench:
    """A fresh work folder with the corpus in raw/, the child environment, an empty report."""
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="newsagree-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = child_env(out / "prefect-home")
    for p in (work / "raw", work / "processed", work / "warehouse.duckdb"):
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()
    n = args.articles or (200 if args.quick else None)
    corpus = make_corpus(work / "raw", n, args.synthetic, args.seed)
    files = corpus_files(work / "raw")
    words = n_words(files)
    rep = Report(started_at=datetime.now(UTC).isoformat(timespec="seconds"), corpus=corpus,
                 n_articles=len(files), n_words=words)
    print(f"corpus: {corpus}, {words} words; work dir {work}", flush=True)
    run_args = ["run", "--json", "-q", *(["--runner", args.runner] if args.runner else [])]
    return _Bench(args, work, env, run_args, rep, files)


def _warm_up(b: _Bench) -> None:
    """Prefect DB migrations, OS file cache for the model and imports (not measured)."""
    print("warm-up run (1 synthetic article) ...", flush=True)
    wraw = b.work / "warm" / "raw"
    if (b.work / "warm").exists():
        shutil.rmtree(b.work / "warm")
    generate(1, 0, wraw)
    b.run(wraw, b.work / "warm" / "processed", b.work / "warm" / "wh.duckdb")


def _cold_runs(b: _Bench) -> tuple[float, ChildRun]:
    """Bare spaCy and a cold run, ``--repeat`` times each; rows of their medians. Returns (cold seconds, last
    cold run)."""
    args, rep, words = b.args, b.rep, b.rep.n_words
    refs, colds = [], []
    cold = None
    for i in range(args.repeat):
        print(f"reference spaCy (n_process={args.n_process}, batch_size={args.ref_batch_size}) ...", flush=True)
        ref, ref_info = reference_spacy(b.files, args.model, args.n_process, args.ref_batch_size, b.env)
        refs.append(ref.wall_s)
        rep.details.setdefault("reference", []).append({**ref_info, "wall_s": ref.wall_s,
                                                        "peak_tree_rss_mb": mb(ref.peak_tree_rss)})
        if i > 0:
            shutil.rmtree(b.proc)
            b.wh.unlink(missing_ok=True)
        print("cold newsagree run ...", flush=True)
        cold = b.run(b.raw, b.proc, b.wh)
        colds.append(cold.wall_s)
        rep.details.setdefault("cold_runs", []).append({"wall_s": cold.wall_s, "summary": run_summary(cold),
                                                        "exit": cold.returncode, "error": failure_line(cold)})
    ref_s, cold_s = statistics.median(refs), statistics.median(colds)
    assert cold is not None     # at least one cold run: the medians above would have failed otherwise
    rep.add("reference: bare spaCy nlp.pipe", ref_s, "s",
            note=f"{words / ref_s:.0f} words/s incl. start-up; pipe alone {rep.details['reference'][-1]['pipe_s']:.1f} s")
    rep.add("cold run / bare spaCy", cold_s, "s", ref_s, 1.0, "<= 1.0",
            note=status_note(cold) + f"{words / cold_s:.0f} words/s")
    return cold_s, cold


def _incremental_runs(b: _Bench, cold_s: float, cold: ChildRun) -> None:
    """A no-op re-run and a run after adding 5 articles, against the cold run; the cold run's peak memory."""
    rep = b.rep
    print("no-op re-run ...", flush=True)
    noop = b.run(b.raw, b.proc, b.wh)
    rep.details["noop"] = {"wall_s": noop.wall_s, "summary": run_summary(noop)}
    rep.add("no-op re-run / cold run", noop.wall_s, "s", cold_s, 0.1, "<= 0.10", note=status_note(noop))

    print("adding 5 new articles ...", flush=True)
    add_new_articles(b.raw, 5, b.args.seed, b.args.synthetic)
    add5 = b.run(b.raw, b.proc, b.wh)
    rep.details["add5"] = {"wall_s": add5.wall_s, "summary": run_summary(add5)}
    rep.add("+5 articles run / cold run", add5.wall_s, "s", cold_s, 0.15, "<= 0.15", note=status_note(add5))

    rep.add("peak RSS, cold run (process tree)", mb(cold.peak_tree_rss), "MB", None, 2048, "<= 2048 MB",
            on="value", note=f"largest single process {mb(cold.max_single_rss):.0f} MB")
    rep.details["cold_rss"] = {"tree_mb": mb(cold.peak_tree_rss), "single_mb": mb(cold.max_single_rss)}


def _scale_plan(b: _Bench) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """(small, large) replication factors (large = 8 x small), the factors measured by scale runs and those
    measured by `newsagree build`.

    Both sides of a scale pair are scale runs (`newsagree run`, stories reassigned, full build), so the ratio
    compares the same workload at two sizes; the (1, 8) pair compares `newsagree build` on the replicated dirs."""
    base_articles = len(corpus_files(b.raw))
    pairs = [(1, 8)]
    for target in b.args.scale:
        big_f = max(8, round(target / base_articles))
        pairs.append((max(1, round(big_f / 8)), big_f))
    run_factors = sorted({f for pair in pairs[1:] for f in pair})
    build_factors = sorted({1, 8} - set(run_factors))
    return pairs, run_factors, build_factors


def _replicate(b: _Bench, factor: int, name: str) -> tuple[Path, dict]:
    """The base processed dir replicated ``factor`` times (ids rewritten per copy) into work/``name``."""
    d = b.work / name
    if d.exists():
        shutil.rmtree(d)
    t = time.perf_counter()
    rows = replicate_processed(b.proc, d, factor)
    print(f"replicated x{factor}: {rows.get('articles', 0)} articles in {time.perf_counter() - t:.1f} s", flush=True)
    return d, rows


def _build_runs(b: _Bench, factors: list[int], builds: dict[int, dict]) -> None:
    """`newsagree build` on replicated processed dirs (SQL build at scale)."""
    for factor in factors:
        d, rows = _replicate(b, factor, f"processed-x{factor}")
        print(f"build x{factor} ...", flush=True)
        bwh = b.work / f"warehouse-x{factor}.duckdb"
        bwh.unlink(missing_ok=True)
        r = newsagree(["build", "-q"], None, d, bwh, b.env, b.work, timeout_s=b.args.build_timeout)
        builds[factor] = {
            "articles": rows.get("articles", 0), "rows": rows, "wall_s": r.wall_s,
            "build_s": build_seconds(r) or r.wall_s, "peak_tree_rss_mb": mb(r.peak_tree_rss),
            "single_rss_mb": mb(r.max_single_rss), "timed_out": r.timed_out, "exit": r.returncode,
            "note": status_note(r)}
        if not b.args.keep:
            shutil.rmtree(d)
            bwh.unlink(missing_ok=True)


def _scale_runs(b: _Bench, factors: list[int], builds: dict[int, dict]) -> None:
    """Scale runs: a whole `newsagree run` adding 5 new articles to a processed dir of ~N articles (replicated,
    copies published apart, without a story index or warehouse, so the story stage assigns all N articles and
    the build is full): peak memory of the whole pipeline at N, and the SQL build at N for the ratio."""
    for k, factor in enumerate(factors):
        d, rows = _replicate(b, factor, f"processed-x{factor}")
        add_new_articles(b.raw, 5, b.args.seed, b.args.synthetic, name=f"scale-drop-{k}", offset=5 * (k + 1))
        swh = b.work / f"warehouse-x{factor}.duckdb"
        swh.unlink(missing_ok=True)
        print(f"scale run: +5 articles onto x{factor} ...", flush=True)
        r = b.run(b.raw, d, swh, timeout_s=b.args.build_timeout * 2)
        summ = run_summary(r)
        stages = summ.get("stage_seconds", {})
        builds[factor] = {
            "articles": rows.get("articles", 0) + summ.get("articles_new", 0), "rows": rows, "wall_s": r.wall_s,
            "build_s": stages.get("build", r.wall_s), "peak_tree_rss_mb": mb(r.peak_tree_rss),
            "single_rss_mb": mb(r.max_single_rss), "timed_out": r.timed_out, "exit": r.returncode,
            "note": status_note(r), "stage_seconds": stages, "run": True}
        b.rep.details.setdefault("scale_runs", []).append(
            {"factor": factor, "wall_s": r.wall_s, "tree_mb": mb(r.peak_tree_rss),
             "single_mb": mb(r.max_single_rss), "summary": summ})
        shutil.rmtree(b.raw / f"scale-drop-{k}")
        if not b.args.keep:
            shutil.rmtree(d)
            swh.unlink(missing_ok=True)


def _scale_rows(b: _Bench, pairs: list[tuple[int, int]], builds: dict[int, dict], cold: ChildRun) -> None:
    """Report rows: build time large / small per pair, peak memory of the largest build or run, and of each
    scale run against the cold run."""
    rep = b.rep
    for small, big_f in pairs:
        bb, sb = builds[big_f], builds[small]
        how = "builds in `newsagree run` (+5 articles, stories reassigned)" if bb.get("run") else "`newsagree build`"
        rep.add(f"SQL build {bb['articles']} / {sb['articles']} articles (x{big_f} / x{small})", bb["build_s"], "s",
                sb["build_s"], 10.0, "<= 10", note=bb["note"] + sb["note"] + how)
    rss_rows = [(f, x) for f, x in sorted(builds.items())]
    _, big = rss_rows[-1]
    rep.add(f"peak RSS, build or run at {big['articles']} articles", big["peak_tree_rss_mb"], "MB", None, 2048,
            "<= 2048 MB", on="value",
            note="; ".join(f"{x['articles']} articles: {x['peak_tree_rss_mb']:.0f} MB" for _, x in rss_rows))
    for entry in rep.details.get("scale_runs", []):
        n_art = builds[entry["factor"]]["articles"]
        st = entry["summary"].get("stage_seconds", {})
        rep.add(f"peak RSS, whole run at {n_art} articles / cold run at {len(b.files)}", entry["tree_mb"], "MB",
                mb(cold.peak_tree_rss), 2048, "<= 2048 MB, flat", on="value",
                note=f"run {entry['wall_s']:.0f} s: " + ", ".join(f"{k} {v:.0f} s" for k, v in st.items()))


def _claim_model(b: _Bench, cold_s: float) -> None:
    """The claim similarity model's load time (against the cold run) and the memory it adds to a worker."""
    print("claim model load (fresh interpreter) ...", flush=True)
    r, info = claim_model_load(b.env)
    b.rep.details["claim_model"] = {**info, "wall_s": r.wall_s}
    b.rep.add("claim model load / cold run", info["load_s"], "s", cold_s, 0.01, "<= 0.01",
              note=f"vector table {info['pieces']} pieces x {info['dims']} dims, {info['features']} weights")
    b.rep.add("claim model memory (RSS added)", info["rss_mb"], "MB", None, 64, "<= 64 MB", on="value",
              note=f"vector table {info['table_mb']:.1f} MB as float32")


def _rss_run(b: _Bench, cold_s: float, cold: ChildRun) -> None:
    """``--rss-articles``: a cold run on N synthetic articles (extraction memory at scale)."""
    args, rep = b.args, b.rep
    print(f"cold run on {args.rss_articles} synthetic articles (memory at scale) ...", flush=True)
    sraw, sproc, swh = b.work / "scale" / "raw", b.work / "scale" / "processed", b.work / "scale" / "wh.duckdb"
    if (b.work / "scale").exists():
        shutil.rmtree(b.work / "scale")
    g = generate(args.rss_articles, args.seed, sraw)
    big_run = b.run(sraw, sproc, swh)
    rep.details["scale_run"] = {"articles": g.n_articles, "words": g.n_words, "wall_s": big_run.wall_s,
                                "tree_mb": mb(big_run.peak_tree_rss), "single_mb": mb(big_run.max_single_rss),
                                "summary": run_summary(big_run)}
    rep.add(f"peak RSS, cold run {g.n_articles} synthetic / base", mb(big_run.peak_tree_rss), "MB",
            mb(cold.peak_tree_rss), 2048, "<= 2048 MB, flat", on="value",
            note=f"{g.n_words / big_run.wall_s:.0f} words/s at this scale vs {rep.n_words / cold_s:.0f}")
    if not args.keep:
        shutil.rmtree(b.work / "scale")


def benchmark(args) -> Report:
    """Every measure of the module docstring, in order, into one report."""
    b = _setup(args)
    _warm_up(b)
    cold_s, cold = _cold_runs(b)
    _incremental_runs(b, cold_s, cold)
    _claim_model(b, cold_s)
    # SQL build at scale: replicate the processed Parquet of the base corpus (ids rewritten per copy)
    pairs, run_factors, build_factors = _scale_plan(b)
    builds: dict[int, dict] = {}
    _build_runs(b, build_factors, builds)
    _scale_runs(b, run_factors, builds)
    b.rep.details["builds"] = builds
    _scale_rows(b, pairs, builds, cold)
    if args.rss_articles:
        _rss_run(b, cold_s, cold)
    if not args.keep and not args.work:
        shutil.rmtree(b.work, ignore_errors=True)
    return b.rep


# ------------------------------------------------------------------ profile

_PROFILED_RUN = """
import cProfile, sys
from flows.cli import main
profiler = cProfile.Profile()
profiler.enable()
try:
    code = main(sys.argv[2:])   # an explicit argv: no fast exit (os._exit) before the profile is written
finally:
    profiler.disable()
    profiler.dump_stats(sys.argv[1])
sys.exit(code)
"""


def profile(args) -> None:
    """One cold ``newsagree run --runner thread`` on ``--articles`` texts under cProfile; prints the top entries."""
    import pstats
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="newsagree-prof-"))
    raw = work / "raw"
    corpus = make_corpus(raw, args.articles or 200, args.synthetic, args.seed)
    env = child_env(out / "prefect-home")
    prof = (out / "run.prof").resolve()
    # not `python -m cProfile -m flows.cli`: the console command ends its process with os._exit
    # (flows.cli._fast_exit), before cProfile writes its file
    cmd = [sys.executable, "-c", _PROFILED_RUN, str(prof), "run", "-q", "--runner", "thread",
           "--raw-dir", str(raw), "--processed-dir", str(work / "processed"), "--warehouse", str(work / "wh.duckdb")]
    print(f"profiling a cold run on {corpus} ...", flush=True)
    r = run_child(cmd, env=env, cwd=work)
    print(f"wall {r.wall_s:.1f} s, exit {r.returncode}, peak RSS {mb(r.peak_tree_rss):.0f} MB")
    if not r.ok():
        print(r.stderr[-3000:])
    if prof.exists():
        st = pstats.Stats(str(prof))
        st.sort_stats("cumulative").print_stats(args.top)
        st.sort_stats("tottime").print_stats(args.top)
        print(f"profile saved to {prof} (python -m pstats {prof})")
    shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="200 articles instead of the whole corpus")
    p.add_argument("--articles", type=int, help="use the first N articles of the corpus")
    p.add_argument("--synthetic", action="store_true", help="synthetic corpus even when PolNeAR is present")
    p.add_argument("--scale", default="100000",
                   help="corpus sizes in articles for the scale runs (comma-separated; '' for none): each is a "
                        "`newsagree run` adding 5 articles to a replicated processed dir of that size, compared with "
                        "a build at 1/8 of it (default 100000)")
    p.add_argument("--rss-articles", type=int, default=None,
                   help="also run cold on N synthetic articles (extraction memory at scale; default 0)")
    p.add_argument("--out", default=".bench", help="folder for results JSON and Prefect home (default .bench)")
    p.add_argument("--work", help="work folder (default: a temp dir, removed afterwards)")
    p.add_argument("--keep", action="store_true", help="keep the work folder and scaled copies")
    p.add_argument("--repeat", type=int, default=None,
                   help="measure reference and cold run N times, interleaved, and use their medians (default 3; "
                        "1 with --quick or --profile): one pair of runs on a shared machine moved 0.86-1.12")
    p.add_argument("--runner", choices=["process", "thread"], help="pass --runner to newsagree run")
    p.add_argument("--model", default=os.environ.get(OPTIONS["model"].env, OPTIONS["model"].default),
                   help=OPTIONS["model"].help_text())
    p.add_argument("--n-process", type=int, default=2, help="reference spaCy processes (default 2)")
    p.add_argument("--ref-batch-size", type=int, default=8,
                   help="reference nlp.pipe batch_size (default 8: small batches balance the 2 processes best)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--build-timeout", type=float, default=1800,
                   help="kill a scaled `newsagree build` after this many seconds (reported as a lower bound)")
    p.add_argument("--profile", action="store_true", help="profile one cold run (--runner thread) instead")
    p.add_argument("--top", type=int, default=35, help="profile entries to print")
    args = p.parse_args(argv)
    args.scale = [int(s) for s in args.scale.split(",") if s.strip()]
    if args.rss_articles is None:
        args.rss_articles = 0
    if args.quick:
        args.scale = []
    if args.repeat is None:
        args.repeat = 1 if args.quick or args.profile else DEFAULT_REPEAT
    if args.profile:
        profile(args)
        return 0
    rep = benchmark(args)
    print()
    print(f"newsagree benchmark {rep.started_at}: {rep.corpus}, {rep.n_words} words")
    print(rep.table())
    name = f"bench-{rep.started_at.replace(':', '').replace('-', '')}.json"
    path = Path(args.out) / name
    path.write_text(json.dumps(asdict(rep), indent=2, default=str))
    shutil.copy(path, Path(args.out) / "latest.json")
    print(f"\nwritten {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
