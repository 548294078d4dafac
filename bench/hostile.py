"""Hostile-drop benchmark (issue 14): ``python -m bench.hostile [--articles 200000] [--out DIR]``.

Writes a raw folder with

* drop ``hostile``: one file (or link) per hostile input class the tests reproduce one at a time
  (tests/unit/test_hostile_inputs.py, tests/unit/test_budgets.py): binary, unsupported, empty and
  blank files, control bytes, broken / too deep / text-less JSON, script-only HTML, cp1252, latin-1,
  UTF-16, a stray non-UTF-8 byte, a sparse file over the size limit, a 20 MB text, bad JSONL lines,
  symlinks out of the raw dir (file and folder), an in-drop symlink alias, a dangling symlink, a symlink
  loop, a fifo, an unreadable file, hard links (one to a file outside the raw dir), 10^6 nested divs,
  HTML over the depth and element budgets, a YAML alias bomb, oversized front matter, zero-width
  joiners and homoglyphs, exact duplicates, names and contents that look like SQL / terminal / HTML
  injection, a manifest naming missing files and files outside the drop, and the memory-budget bodies
  (10^5 quotation marks, repeated ``"...," said Vladimir Putin.``, a 990k-character line, repeated names);
* drop ``tiny``: ``--articles`` tiny distinct articles (one or two sentences, shared names and places):
  one big .jsonl feed holding ``--feed-share`` of them (a file is one batch: the issue's 9.4 MB case),
  the rest in .jsonl files of ``--lines-per-file`` lines and ``--txt-share`` as one .txt file each;

then runs a real ``newsagree run --json`` over it in a subprocess (Prefect's local API included),
sampling the peak RSS of the whole process tree (bench.__main__.run_child), and reconciles the
warehouse against the raw folder: every entry of the raw folder (file, link, fifo) appears in
``articles`` or ``rejected_files``; a file rejected as a whole appears once, a .jsonl / JSON array
once per record (``path#n``), nothing twice. Prints one JSON report (also written to ``--out``);
exit 1 when the run fails or the reconciliation does not hold.

Write-only helpers (``write_hostile_drop``, ``write_tiny_articles``) and ``reconcile`` are used by
tests/integration/test_hostile_drop.py at small sizes.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

GB = 1024 ** 3
MAX_BYTES = 50 * 1024 * 1024          # tasks.ingest.MAX_BYTES (not imported: generating needs no project code)

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
INJECTION_NAME = "z\" cascade; copy (select 'x') to 'pwned.csv'; --.txt"
TERMINAL_NAME = "clear\x1b[2J\x1b]0;owned\x07.txt"
MANIFEST_PROBLEM_REASONS = {"missing_file", "outside_raw_dir", "malformed_manifest", "malformed_json",
                            "unreadable", "binary"}


# ------------------------------------------------------------------ hostile drop

def _alias_bomb() -> bytes:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        levels.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    front = "\n".join(levels) + "\ntitle: *a8\n"
    return f"---\n{front}---\nThe body of the article says something about the talks.\n".encode()


def _hostile_files(scale: float) -> dict[str, bytes]:
    """rel name (inside the drop) -> bytes, for every hostile class that is plain file content.
    ``scale`` < 1 shrinks the big ones (memory-budget bodies, nested divs, 20 MB text) for tests."""
    def n(x: int) -> int:
        return max(1, int(x * scale))
    body = ("Vladimir Putin said on Monday that the talks would go on. Putin added that nothing was agreed "
            "and that the delegation would return to Geneva next week for another round.")
    homoglyph = (body.replace("Putin said", "Pu\u200dtin said").replace("Putin added", "\u0420utin added")
                 .replace("talks", "tal\u00adks").replace("Geneva", "Gen\u200beva\u2060") + "\ufeff")
    stray = ("Title of the piece\n\n" + "Zelensky met Macron in Kyiv. \u201cWe will not give up,\u201d he said, "
             "in a caf\u00e9 near the Maidan. " * 20).encode()
    para = "The council met on Tuesday and agreed a budget for the coming year, officials said.\n\n"
    jsonl_lines = [json.dumps({"title": f"Feed item {i}", "text": f"Feed item {i} says the port reopened on day {i}."})
                   for i in range(1, 10)]
    jsonl_lines[3] = '{"text": broken'
    jsonl_lines[6] = "[" * 50_000
    return {
        # formats and encodings
        "png-as.txt": PNG, "image.png": PNG, "notes.docx": b"PK\x03\x04 fake", "noext": b"Some text",
        "empty.txt": b"", "blank.txt": b"  \n\t\r\n   \n", "blank.md": b"\n\n", "ctrl.txt": bytes(range(1, 9)) * 100,
        "bad.json": b'{"text": "unterminated', "nested.json": b"[" * 100_000 + b"]" * 100_000,
        "notext.json": json.dumps({"title": "x", "text": "   "}).encode(), "scalar.json": b"42",
        "array.json": json.dumps([{"text": "Array item one reports rain in Oslo."}, {"text": ""}, 7,
                                  {"html": "<p>Array item four: snow in Bergen.</p>"}]).encode(),
        "scripts.html": b"<html><head><script>var a=1;</script><style>p{}</style></head><body>"
                        b"<script>alert(1)</script><nav>Home</nav></body></html>",
        "emptyhtml.json": json.dumps({"html": "<script>x()</script>"}).encode(),
        "cp1252.txt": "Title\n\n\u201cWe\u2019re ready,\u201d she said \u2013 twice.\n".encode("cp1252"),
        "latin1.txt": b"Caf\xe9 \x81 news from the harbour today\n",
        "utf16.txt": "Hello UTF-16 \u201cquotes\u201d from the mayor's office\n".encode("utf-16"),
        "bom8.txt": b"\xef\xbb\xbfHello BOM, said the clerk in Leeds.\n",
        "stray-byte.txt": stray[:200] + b"\xff" + stray[200:],
        "mixed-endings.txt": b"Title\r\nline\x00two\rthree\x07\nfour\tfive\x1b\x0c\n",
        "feed-bad-lines.jsonl": ("\n".join(jsonl_lines) + "\n\n   \n").encode(),
        # size and structure budgets
        "big-20mb.txt": ("Big file title\n\n" + para * (n(20_000_000) // len(para))).encode(),
        "million-divs.html": ("<html><body>" + "<div>" * n(1_000_000) + "<p>Deep text.</p>"
                              + "</div>" * n(1_000_000) + "</body></html>").encode(),
        "deep-5000.html": ("<div>" * 5_000 + "<p>Deep text.</p>" + "</div>" * 5_000).encode(),
        "deep-1500.html": ("<div>" * 1500 + "<p>Deep text is still found here.</p>" + "</div>" * 1500).encode(),
        "many-elements.html": ("<html><body>" + "<p>Word here.</p>" * 200_000 + "</body></html>").encode(),
        "alias-bomb.md": _alias_bomb(),
        "big-front-matter.md": ("---\ntitle: Real title\npad: " + "x" * 70_000 + "\n---\nBody text of the page.\n").encode(),
        # memory budgets (issue 14 item 4; full size: 436 KB, 697 KB, 990k characters, 880 KB)
        "quote-marks.txt": ("Quotes\n\n" + '"ab" ' * n(100_000)).encode(),
        "said-putin.txt": ("Said\n\n" + '"We are ready to talk," said Vladimir Putin. ' * n(15_500)).encode(),
        "long-line.txt": ("Line\n\n" + "word " * n(198_000)).encode(),
        "names.txt": ("Names\n\n" + "Vladimir Putin Donald Trump Volodymyr Zelensky " * n(18_800)).encode(),
        # normalisation and duplicates
        "putin-plain.txt": f"Talks go on\n\n{body}\n".encode(),
        "putin-homoglyph.txt": f"Talks go on\n\n{homoglyph}\n".encode(),
        "putin-copy.txt": f"Talks go on\n\n{body}\n".encode(),
        # injection-looking names and contents
        INJECTION_NAME: b"Injected title\n\nRobert'); DROP TABLE articles;-- said the council would meet on Friday.",
        TERMINAL_NAME: b"Escape title\n\nA story whose file name clears the terminal, said the clerk.",
        "html-title.json": json.dumps({"title": "<script>alert('x')</script><img src=x onerror=alert(1)>",
                                       "text": "The mayor said the <b>bridge</b> would open; '); DROP TABLE x; --"}).encode(),
        "sub/deeper/even/deeper/nested.htm": b"<p>Nested page body from the archive, the editor said.</p>",
        "real.txt": b"Talks resume\n\nDelegations met again in Geneva on Monday, officials said.",
        "linked-a.txt": b"Linked title\n\nA normal article body about a hard-linked file, the clerk said.",
    }


def write_hostile_drop(raw: Path, outside: Path, scale: float = 1.0) -> None:
    """The ``hostile`` drop under ``raw`` (and, in ``outside``, the files its links escape to)."""
    drop = raw / "hostile"
    drop.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    for name, data in _hostile_files(scale).items():
        (drop / name).parent.mkdir(parents=True, exist_ok=True)
        (drop / name).write_bytes(data)
    with open(drop / "huge-sparse.txt", "wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    secret = outside / "secret.txt"
    secret.write_text("root:x:0:0:TOP SECRET")
    (outside / "dir").mkdir(exist_ok=True)
    (outside / "dir" / "s.txt").write_text("TOP SECRET in a folder")
    (drop / "out-link.txt").symlink_to(secret)
    (drop / "out-dir").symlink_to(outside / "dir", target_is_directory=True)
    (drop / "a-alias.txt").symlink_to(drop / "real.txt")
    (drop / "dangling.txt").symlink_to(drop / "nothing-here.txt")
    (drop / "loop-a.txt").symlink_to(drop / "loop-b.txt")
    (drop / "loop-b.txt").symlink_to(drop / "loop-a.txt")
    os.mkfifo(drop / "pipe.txt")
    os.link(secret, drop / "hardlink-out.txt")
    os.link(drop / "linked-a.txt", drop / "linked-b.txt")
    locked = drop / "locked.txt"
    locked.write_text("Locked title\n\nNobody may read this body.")
    locked.chmod(0)
    (drop / "manifest.csv").write_text(
        "file,outlet,url\nreal.txt,Example Wire,https://example.org/talks\nmissing.txt,Gone,\n"
        "../../etc/passwd,Evil,\n/etc/shadow,Evil,\n")


# ------------------------------------------------------------------ tiny articles

PEOPLE = ["Ana Silva", "Tom Berg", "Li Wei", "Omar Haddad", "Eva Novak", "John Carter", "Maria Rossi", "Ken Ito",
          "Sara Cohen", "Piet de Vries", "Nadia Petrova", "Luis Ortega", "Grace Obi", "Jan Kowalski", "Aisha Khan"]
PLACES = ["Lisbon", "Oslo", "Leeds", "Porto", "Tallinn", "Lyon", "Gdansk", "Bergen", "Malmo", "Cork", "Turin", "Ghent"]
THINGS = ["buses", "schools", "flats", "bridges", "clinics", "ferries", "parks", "libraries"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def tiny_article(i: int, rng: random.Random) -> dict:
    """One tiny distinct article (the number i makes it unique): a title, one or two sentences."""
    who, where, what = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(THINGS)
    text = f"{who} said on {rng.choice(DAYS)} that {i} {what} in {where} would reopen."
    if i % 2:
        text += f" The city council confirmed {rng.randint(2, 99)} of them."
    obj = {"title": f"{where} {what} {i}", "text": text}
    if i % 5:
        obj["published_at"] = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
    return obj


def write_tiny_articles(raw: Path, n: int, seed: int = 14, feed_share: float = 0.5, txt_share: float = 0.1,
                        lines_per_file: int = 1000) -> None:
    """``n`` tiny articles in drop ``tiny``: one big feed, jsonl files of ``lines_per_file``, single .txt files."""
    drop = raw / "tiny"
    drop.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    n_feed, n_txt = int(n * feed_share), int(n * txt_share)
    i = 0
    with open(drop / "feed.jsonl", "w", encoding="utf-8") as fh:
        for _ in range(n_feed):
            i += 1
            fh.write(json.dumps(tiny_article(i, rng)) + "\n")
    k = 0
    while i < n - n_txt:
        k += 1
        with open(drop / f"part-{k:05d}.jsonl", "w", encoding="utf-8") as fh:
            for _ in range(min(lines_per_file, n - n_txt - i)):
                i += 1
                fh.write(json.dumps(tiny_article(i, rng)) + "\n")
    while i < n:
        i += 1
        a = tiny_article(i, rng)
        sub = drop / "txt" / f"{i // 1000:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"a{i:07d}.txt").write_text(f"{a['title']}\n\n{a['text']}\n", encoding="utf-8")


# ------------------------------------------------------------------ reconciliation

def raw_entries(raw: Path) -> dict[str, int | None]:
    """Every entry of the raw folder the pipeline must account for, found without project code: rel path ->
    records it holds (a .jsonl's non-blank lines, a JSON array's items; None: one record, or a whole-file
    rejection). Hidden names and drop manifests are skipped; symlinked folders count as one entry."""
    out: dict[str, int | None] = {}
    for dirpath, dirnames, filenames in os.walk(raw, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        here = Path(dirpath)
        links = [d for d in dirnames if (here / d).is_symlink()]
        for name in [*filenames, *links]:
            p = here / name
            rel = p.relative_to(raw).as_posix()
            if name.startswith(".") or (name in ("manifest.csv", "manifest.jsonl") and rel.count("/") <= 1):
                continue
            out[rel] = _records_in(p)
    return out


def _records_in(p: Path) -> int | None:
    if p.is_symlink() or not p.is_file() or p.suffix not in (".jsonl", ".json"):
        return None
    try:
        data = p.read_bytes()
    except OSError:
        return None
    if p.suffix == ".jsonl":
        return sum(1 for line in data.split(b"\n") if line.strip())
    try:
        obj = json.loads(data)
    except (ValueError, RecursionError):
        return None
    return len(obj) if isinstance(obj, list) and obj else None


@dataclass
class Reconciliation:
    entries: int = 0                  # raw entries (files, links, fifos)
    records_expected: int = 0         # one per entry, or its records
    articles: int = 0
    rejected: int = 0
    missing: list[str] = field(default_factory=list)        # entries with no row at all
    short: list[str] = field(default_factory=list)          # jsonl/array with fewer rows than records
    duplicated: list[str] = field(default_factory=list)     # source_path in more than one row
    unexpected: list[str] = field(default_factory=list)     # rows naming no raw entry (manifest problems excepted)
    reasons: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.short or self.duplicated or self.unexpected)


def reconcile(raw: Path, warehouse: Path) -> Reconciliation:
    """Compare the raw folder with the warehouse's ``articles`` and ``rejected_files``."""
    import duckdb
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        arts = [r[0] for r in con.execute("select source_path from articles").fetchall()]
        rej = con.execute("select source_path, reason from rejected_files").fetchall()
    finally:
        con.close()
    return _reconcile(raw_entries(raw), arts, rej)


def reconcile_committed(raw: Path, processed: Path) -> Reconciliation:
    """The same over the committed Parquet of a run that did not finish, for the raw entries its committed
    batches hold (file_ledger; a split file counts when all its parts are in)."""
    from tasks import batches, parquet
    arts = parquet.read_table(processed, "articles", ["source_path"]).column("source_path").to_pylist()
    rej = list(zip(*parquet.read_table(processed, "rejected_files", ["source_path", "reason"]).to_pydict().values()))
    done = batches.load_ledger(processed)
    entries = {e: n for e, n in raw_entries(raw).items() if e in done}
    rej = [(sp, r) for sp, r in rej if sp.rsplit("#", 1)[0] in entries or sp in entries]
    arts = [sp for sp in arts if sp.rsplit("#", 1)[0] in entries or sp in entries]
    return _reconcile(entries, arts, rej)


def _reconcile(entries: dict[str, int | None], arts: list[str], rej: list[tuple[str, str]]) -> Reconciliation:
    rec = Reconciliation(entries=len(entries), articles=len(arts), rejected=len(rej))
    rec.records_expected = sum(n or 1 for n in entries.values())
    for _, reason in rej:
        rec.reasons[reason] = rec.reasons.get(reason, 0) + 1
    seen: dict[str, int] = {}
    per_entry: dict[str, int] = dict.fromkeys(entries, 0)
    whole: set[str] = set()
    for sp, reason in [(a, "") for a in arts] + rej:
        seen[sp] = seen.get(sp, 0) + 1
        base = sp if sp in entries else sp.rsplit("#", 1)[0]
        if base in entries:
            per_entry[base] += 1
            if base == sp:
                whole.add(sp)
        elif reason not in MANIFEST_PROBLEM_REASONS:
            rec.unexpected.append(sp)
    rec.duplicated = sorted(sp for sp, k in seen.items() if k > 1)
    rec.missing = sorted(e for e, k in per_entry.items() if k == 0)
    rec.short = sorted(e for e, n in entries.items() if n and e not in whole and per_entry[e] != n)
    return rec


# ------------------------------------------------------------------ the run

def _role(cmd: str) -> str:
    if "uvicorn" in cmd:
        return "prefect_api"
    if "resource_tracker" in cmd:
        return "other"
    if "spawn_main" in cmd or "multiprocessing" in cmd:
        return "children"          # extraction workers (first) and the story stage's child (last)
    return "other"


def run_measured(cmd: list[str], env: dict, timeout_s: float | None, sample_s: float = 0.5) -> dict:
    """Run ``cmd``: wall time, peak RSS of the process tree (sum, psutil samples) and CPU seconds per
    process (wall time on a shared machine says little; CPU seconds say where the work went)."""
    import subprocess
    import threading
    import psutil
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, start_new_session=True)
    peak: list[int] = [0]
    procs_seen: dict[int, dict] = {}
    stop = threading.Event()
    timed_out = [False]

    def sample() -> None:
        root = psutil.Process(p.pid)
        while not stop.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            total = 0
            for pr in tree:
                try:
                    with pr.oneshot():
                        total += pr.memory_info().rss
                        c = pr.cpu_times()
                        info = procs_seen.setdefault(pr.pid, {"cmd": " ".join(pr.cmdline())[:200],
                                                              "started_s": round(time.perf_counter() - t0, 1)})
                        info["cpu_s"] = round(c.user + c.system, 1)
                        info["last_s"] = round(time.perf_counter() - t0, 1)
                        info["peak_rss_gb"] = max(info.get("peak_rss_gb", 0), round(pr.memory_info().rss / GB, 3))
                except psutil.Error:
                    pass
            peak[0] = max(peak[0], total)
            if timeout_s is not None and time.perf_counter() - t0 > timeout_s:
                timed_out[0] = True
                os.killpg(p.pid, 15)       # the CLI's own SIGTERM handling stops its workers and API server
                break
            stop.wait(sample_s)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    orphans = []                           # anything of the run still alive 5 s after it exited
    for _ in range(50):
        alive = [pid for pid in procs_seen if pid != p.pid and psutil.pid_exists(pid)]
        if not alive:
            break
        time.sleep(0.1)
    for pid, info in procs_seen.items():
        try:
            if pid != p.pid and psutil.Process(pid).is_running() and os.getpgid(pid) == p.pid:
                orphans.append(info["cmd"])
        except (psutil.Error, ProcessLookupError):
            pass
    try:
        os.killpg(p.pid, 9)
    except ProcessLookupError:
        pass
    out.seek(0)
    err.seek(0)
    root_cpu = ru.ru_utime + ru.ru_stime
    roles: dict[str, float] = {}
    for pid, info in procs_seen.items():
        if pid != p.pid:
            roles[_role(info["cmd"])] = round(roles.get(_role(info["cmd"]), 0) + info.get("cpu_s", 0), 1)
    own = procs_seen.get(p.pid, {}).get("cpu_s", 0)
    return {"wall_s": round(wall, 1), "returncode": os.waitstatus_to_exitcode(status), "timed_out": timed_out[0],
            "peak_tree_rss_gb": round(peak[0] / GB, 3), "max_single_rss_gb": round(ru.ru_maxrss * 1024 / GB, 3),
            "orphans": orphans, "cpu_s": {"flow_process": own, **roles, "reaped_total": round(root_cpu, 1)},
            "processes": [{"pid": pid, **info} for pid, info in procs_seen.items()],
            "stdout": out.read().decode(errors="replace"), "stderr": err.read().decode(errors="replace")}


def run(raw: Path, work: Path, timeout_s: float | None, extra: list[str], prefect_home: Path | None = None) -> dict:
    """One ``newsagree run --json`` over ``raw`` as a child process: wall time, peak tree RSS, CPU, summary."""
    from bench.children import child_env, newsagree_cmd
    cmd = [*newsagree_cmd(), "run", "--raw-dir", str(raw), "--processed-dir", str(work / "processed"),
           "--warehouse", str(work / "warehouse.duckdb"), "--json", *extra]
    res = run_measured(cmd, child_env(prefect_home or work / "prefect-home"), timeout_s)
    stdout, stderr = res.pop("stdout"), res.pop("stderr")
    summary = {}
    try:
        summary = json.loads(stdout[stdout.index("{"):])
    except ValueError:
        pass
    progress = [ln for ln in stderr.splitlines() if "batch" in ln and "[" in ln][-1:]
    return {"cmd": " ".join(cmd), **res, "stage_seconds": summary.get("stage_seconds"), "summary": summary,
            "last_progress": progress, "stderr_tail": stderr[-3000:] if res["returncode"] else ""}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.hostile", description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=200_000, help="tiny articles (default 200000)")
    ap.add_argument("--feed-share", type=float, default=0.5, help="share of them in one big .jsonl (default 0.5)")
    ap.add_argument("--txt-share", type=float, default=0.1, help="share of them as one .txt file each (default 0.1)")
    ap.add_argument("--lines-per-file", type=int, default=1000, help="lines per smaller .jsonl (default 1000)")
    ap.add_argument("--scale", type=float, default=1.0, help="size of the big hostile files (1.0 = issue 14's)")
    ap.add_argument("--work", type=Path, default=None, help="work folder (default: a temp folder, removed)")
    ap.add_argument("--out", type=Path, default=Path(".bench"), help="where hostile-<time>.json goes")
    ap.add_argument("--timeout", type=float, default=3600, help="kill the run after this many seconds")
    ap.add_argument("--max-rss-gb", type=float, default=2.0, help="peak RSS budget of the process tree")
    ap.add_argument("run_args", nargs="*", help="extra `newsagree run` flags (after --)")
    args = ap.parse_args(argv)
    tmp = None if args.work else tempfile.TemporaryDirectory(prefix="newsagree-hostile-")
    work = Path(args.work or tmp.name)   # type: ignore[union-attr]
    raw = work / "raw"
    try:
        t0 = time.perf_counter()
        write_hostile_drop(raw, work / "outside", args.scale)
        write_tiny_articles(raw, args.articles, feed_share=args.feed_share, txt_share=args.txt_share,
                            lines_per_file=args.lines_per_file)
        gen_s = time.perf_counter() - t0
        print(f"generated {args.articles} tiny articles + the hostile drop in {time.perf_counter() - t0:.0f} s; "
              "running newsagree ...", file=sys.stderr, flush=True)
        result = run(raw, work, args.timeout, args.run_args, args.out / "prefect-home")
        rec = reconcile(raw, work / "warehouse.duckdb") if result["returncode"] == 0 else None
        part = None if rec is not None else reconcile_committed(raw, work / "processed")
        report = {"articles": args.articles, "generate_s": round(gen_s, 1), **result,
                  "reconciliation": ({**asdict(rec), "ok": rec.ok} if rec else None),
                  "reconciliation_of_committed_batches": ({**asdict(part), "ok": part.ok} if part else None),
                  "within_rss_budget": result["peak_tree_rss_gb"] <= args.max_rss_gb}
    finally:
        locked = raw / "hostile" / "locked.txt"
        if locked.exists():
            locked.chmod(0o644)
        if tmp is not None:
            tmp.cleanup()
    report.pop("summary", None) if report.get("stage_seconds") is None else None
    text = json.dumps(report, indent=1, default=str)
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"hostile-{time.strftime('%Y%m%dT%H%M%S')}.json").write_text(text)
    return 0 if result["returncode"] == 0 and rec is not None and rec.ok and report["within_rss_budget"] else 1


if __name__ == "__main__":
    sys.exit(main())
