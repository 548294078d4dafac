"""Planning and post-processing of batches: which files are new, how they are grouped, deduplication.

Pure functions; the flow wires them to Prefect tasks.
"""
from __future__ import annotations

import ctypes
import dataclasses
import random
import string
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, UTC
from pathlib import Path
from typing import Literal

from tasks import ingest, parquet
from tasks.planning import plan_batches, split_jsonl  # noqa: F401 - batches.plan_batches is the flow's entry

# tasks.clean and tasks.extract (spaCy glue, story and claim features, numpy) are imported where a batch is
# processed: deciding what is new (a no-op run's whole work, and what a run does before it starts Prefect's
# API) needs only the ledger, and is quicker without them

RUN_BATCH_PREFIX = "run-"


def new_run_id(now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    suffix = "".join(random.choices(string.ascii_lowercase + string.digits, k=6))
    return f"{now:%Y%m%dT%H%M%S}-{suffix}"


class Ledger(dict):
    """source_path -> (size, mtime_ns, file_hash) of every file committed batches have processed whole (a split
    .jsonl once all its parts are in); ``partial``: source_path -> (size, mtime_ns, line ranges done) of a split
    file only some of whose parts were committed (an interrupted run)."""

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.partial: dict[str, tuple[int, int, list[tuple[int, int]]]] = {}


def load_ledger(processed_dir: Path) -> Ledger:
    """The ledger of every committed batch (see :class:`Ledger`)."""
    t = parquet.read_table(processed_dir, "file_ledger", ["source_path", "size", "mtime_ns", "file_hash",
                                                          "first_line", "last_line", "n_lines"])
    d = t.to_pydict()
    ledger = Ledger()
    parts: dict[tuple[str, int, int], tuple[str, int, list[tuple[int, int]]]] = {}
    for p, s, m, h, first, last, n in zip(d["source_path"], d["size"], d["mtime_ns"], d["file_hash"],
                                          d["first_line"], d["last_line"], d["n_lines"]):
        if first is None:
            ledger[p] = (s, m, h)
        else:
            parts.setdefault((p, s, m), (h, n, []))[2].append((first, last))
    for (p, s, m), (h, n, ranges) in parts.items():
        if p in ledger and ledger[p][:2] == (s, m):
            continue
        if _covers(ranges, n):
            ledger[p] = (s, m, h)
        else:
            ledger.partial[p] = (s, m, sorted(ranges))
    return ledger


def _covers(ranges: list[tuple[int, int]], n_lines: int) -> bool:
    upto = 0
    for first, last in sorted(ranges):
        if first > upto + 1:
            return False
        upto = max(upto, last)
    return upto >= n_lines


def load_known_article_ids(processed_dir: Path) -> set[str]:
    return set(parquet.read_table(processed_dir, "articles", ["article_id"]).column("article_id").to_pylist())


def select_new(files: list, ledger: dict[str, tuple[int, int, str]]) -> tuple[list, list]:
    """Split discovered files into (new or changed, already processed).

    A file is unchanged when its size and mtime match the ledger (no read at all),
    or when they differ but its content hash matches (touched, not changed). A split
    file an interrupted run left half done is new, with the lines already committed
    in ``done_lines`` (plan_batches plans only the rest).
    """
    partial = getattr(ledger, "partial", {})
    new, skipped = [], []
    for f in files:
        known = ledger.get(f.rel_path)
        if known is None:
            done = partial.get(f.rel_path)
            if done is not None and done[:2] == (f.size, f.mtime_ns):
                f = dataclasses.replace(f, done_lines=tuple(done[2]))
            new.append(f)
        elif (known[0], known[1]) == (f.size, f.mtime_ns):
            skipped.append(f)
        elif known[2] and ingest.file_hash(f.path) == known[2]:
            skipped.append(f)
        else:
            new.append(f)
    return new, skipped


def _duplicate(article: dict, first: str) -> dict:
    return {
        "source_path": article["source_path"], "drop_id": article["drop_id"], "file_hash": article.get("file_hash"),
        "reason": "duplicate",
        "detail": f"same text as article {article['article_id']} (first seen in {first})",
    }


def process_files(raw_dir: Path, files: list, model: str) -> dict[str, list[dict]]:
    """Worker side of one batch: read, clean, drop in-batch duplicates, extract. Returns rows per table."""
    from tasks import clean, extract
    docs, rejected = ingest.read_files(Path(raw_dir), files)
    articles, rejected_clean = clean.clean_documents(docs)
    rejected.extend(rejected_clean)
    seen: dict[str, str] = {}
    unique = []
    for a in articles:
        if a["article_id"] in seen:
            rejected.append(_duplicate(a, seen[a["article_id"]]))
        else:
            seen[a["article_id"]] = a["source_path"]
            unique.append(a)
    out = extract.extract_batch(unique, model) if unique else {t: [] for t in (*extract.TABLES, "articles", "rejected_files")}
    out["rejected_files"] = rejected + out["rejected_files"]
    return out


# a made-up article for warm_up: a headline, a dateline, direct and reported speech, numbers and a date, so that
# every stage compiles its patterns and loads its tables
WARM_UP_TEXT = """Council approves budget after long debate

SPRINGFIELD, March 3, 2021 - The city council voted 7-2 on Tuesday to approve a $4.5 million budget, \
officials said.

"This budget keeps our promises to every family," Mayor Jane Doe said at a news conference. \
Council member John Smith said the plan would raise taxes by 3 percent, which Doe denied.

About 1,200 residents attended the meeting, according to the city clerk.
"""


def warm_up(model: str) -> None:
    """Process one made-up article (WARM_UP_TEXT, in a temporary folder) the way a batch is processed and drop
    the rows: loads the model and everything a process's first batch loads and compiles the first time
    (modules, rule patterns, lookup tables; ~0.8 s of CPU). The CLI does it while Prefect's API starts,
    for the batch it then runs inline."""
    import logging
    import tempfile
    from tasks.nlp import load_nlp
    load_nlp(model)   # a missing model fails here, as the batch would
    try:
        with tempfile.TemporaryDirectory(prefix="newsagree-warm-") as tmp:
            drop = Path(tmp) / "warm-up"
            drop.mkdir()
            (drop / "article.txt").write_text(WARM_UP_TEXT, encoding="utf-8")
            process_files(Path(tmp), ingest.discover(Path(tmp)), model)
    except Exception as exc:  # noqa: BLE001 - only a head start: the batch itself reports its own errors
        logging.getLogger("newsagree").debug("warm-up skipped: %s: %s", type(exc).__name__, exc)


class BatchTimeout(BaseException):
    """Raised into the thread of a batch that ran past its time limit. A BaseException: the per-article error
    handling (``except Exception``) must not take it for one article's failure and carry on."""


class _Deadline:
    """After ``seconds`` of CPU time of the thread that entered the block, raise BatchTimeout in it
    (CPython's PyThreadState_SetAsyncExc, delivered between two bytecodes: it stops Python code in any
    thread - a process-pool worker, a thread-runner thread, the flow's main thread - but not a single call
    into C that never returns; input budgets bound those). CPU time, not wall time: on a loaded machine
    (a 2-core box at load 20) every batch ran past a 300 s wall limit and whole drops were rejected as
    `timeout`; a poison input burns CPU whatever the load. A watcher thread polls the thread's CPU clock.
    Leaving the block cancels it; one that fired as the block ended is raised by __exit__ instead of
    escaping later."""

    POLL_S = 0.5

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._lock = threading.Lock()
        self._active = False
        self._fired = False
        self._thread = 0
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None

    def _fire(self) -> None:
        with self._lock:
            if self._active:
                self._fired = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread), ctypes.py_object(BatchTimeout))

    def _watch(self, clock: int, start: float) -> None:
        while not self._stop.is_set():
            try:
                used = time.clock_gettime(clock) - start
            except OSError:          # the thread is gone
                return
            if used >= self.seconds:
                self._fire()
                return
            self._stop.wait(min(self.POLL_S, self.seconds - used))

    def __enter__(self) -> _Deadline:
        self._thread = threading.get_ident()
        clock = time.pthread_getcpuclockid(self._thread)
        self._active = True
        self._watcher = threading.Thread(target=self._watch, args=(clock, time.clock_gettime(clock)), daemon=True)
        self._watcher.start()
        return self

    def __exit__(self, exc_type, exc, tb) -> Literal[False]:
        with self._lock:
            self._active = False
            self._stop.set()
            fired = self._fired
        if fired:
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread), None)   # clear if pending
            if exc_type is None:
                raise BatchTimeout
        return False


def timed_out(files: list, seconds: float) -> dict[str, list[dict]]:
    """The rows of a batch stopped by its time limit: every file rejected as ``timeout``, nothing else. No
    file hash is recorded, so a touched file is tried again (an unchanged one is not: a poison file does not
    block every later run)."""
    detail = (f"its batch ({len(files)} file(s)) did not finish within {seconds:g} s of CPU time "
              "(NEWSAGREE_BATCH_TIMEOUT); "
              "touch the file to try it again")
    from tasks import extract
    out: dict[str, list[dict]] = {t: [] for t in (*extract.TABLES, "articles")}
    out["rejected_files"] = [{"source_path": getattr(f, "part_path", f.rel_path), "drop_id": f.drop_id, "file_hash": None,
                              "reason": "timeout", "detail": detail} for f in files]
    return out


def process_files_within(raw_dir: Path, files: list, model: str, seconds: float | None) -> dict[str, list[dict]]:
    """process_files with a time limit (none when ``seconds`` is falsy) in CPU seconds of the batch's thread,
    counted after the spaCy model is loaded: past it, the batch's files are rejected as ``timeout``
    (timed_out) and the run goes on."""
    if not seconds or seconds <= 0:
        return process_files(raw_dir, files, model)
    from tasks.nlp import load_nlp
    load_nlp(model)        # the worker's start-up (loading the model once per process) is not the batch's time
    try:
        with _Deadline(seconds):
            return process_files(raw_dir, files, model)
    except BatchTimeout:
        return timed_out(files, seconds)


@dataclass
class BatchOutcome:
    tables: dict[str, list[dict]]
    n_new: int = 0
    n_duplicates: int = 0
    n_rejected: int = 0
    new_ids: list[str] = field(default_factory=list)


def finalise_batch(result: dict[str, list[dict]], files: list, known_ids: dict[str, str],
                   now: datetime | None = None) -> BatchOutcome:
    """Central side of one batch: drop articles already stored (by another batch or run), build ledger rows.

    ``known_ids`` maps article_id -> source_path of its first copy and is updated in place.
    """
    from tasks import extract
    now = now or datetime.now(UTC)
    rejected = list(result.get("rejected_files", []))
    keep_articles, dup_ids = [], set()
    for a in result.get("articles", []):
        if a["article_id"] in known_ids:
            rejected.append(_duplicate(a, known_ids[a["article_id"]]))
            dup_ids.add(a["article_id"])
        else:
            known_ids[a["article_id"]] = a["source_path"]
            keep_articles.append({**a, "ingested_at": a.get("ingested_at") or now})
    tables = {"articles": keep_articles}
    for t in extract.TABLES:
        tables[t] = [r for r in result.get(t, []) if r["article_id"] not in dup_ids]
    for r in rejected:
        r.setdefault("rejected_at", now)
    tables["rejected_files"] = rejected
    tables["file_ledger"] = _ledger_rows(files, keep_articles, rejected, result.get("articles", []))
    return BatchOutcome(tables, n_new=len(keep_articles), n_duplicates=len(dup_ids), n_rejected=len(rejected),
                        new_ids=[a["article_id"] for a in keep_articles])


def _ledger_rows(files: list, keep_articles: list[dict], rejected: list[dict], all_articles: list[dict]) -> list[dict]:
    """One ledger row per file (or part of a split file) of the batch: a jsonl's lines and manifest entries
    roll up to their file, a split file's lines to the part holding them."""
    parts: dict[str, list] = {}
    for f in files:
        parts.setdefault(f.rel_path, []).append(f)

    def part_of(source_path: str):
        rel, _, line = source_path.partition("#")
        found = parts.get(rel)
        if not found:
            return None
        if len(found) == 1 or not line.isdigit():
            return found[0]
        return next((f for f in found if getattr(f, "lines", None) and f.lines[0] <= int(line) <= f.lines[1]),
                    found[0])

    counts: dict[int, list[int]] = {id(f): [0, 0] for f in files}
    for a in keep_articles:
        f = part_of(a["source_path"])
        if f is not None:
            counts[id(f)][0] += 1
    for r in rejected:
        f = part_of(r["source_path"])
        if f is not None:
            counts[id(f)][1] += 1
    hashes = {a["source_path"].split("#", 1)[0]: a.get("file_hash") for a in all_articles}
    hashes.update({r["source_path"].split("#", 1)[0]: r.get("file_hash") for r in rejected if r.get("file_hash")})
    return [{
        "source_path": f.rel_path, "drop_id": f.drop_id, "file_hash": hashes.get(f.rel_path),
        "size": f.size, "mtime_ns": f.mtime_ns, "n_articles": counts[id(f)][0], "n_rejected": counts[id(f)][1],
        **_lines_of(f),
    } for f in files]


def _lines_of(f) -> dict:
    lines = getattr(f, "lines", None)
    return {"first_line": lines[0] if lines else None, "last_line": lines[1] if lines else None,
            "n_lines": f.n_lines if lines else None}


def reset_processed(processed_dir: Path) -> None:
    """--full-refresh: forget every committed batch (markers first, so a crash midway is still consistent)."""
    commits = Path(processed_dir) / parquet.COMMITS
    if commits.is_dir():
        for p in commits.iterdir():
            if not p.name.startswith(RUN_BATCH_PREFIX):   # run history survives a full refresh
                p.unlink(missing_ok=True)
    parquet.remove_uncommitted(processed_dir)
    story_index = Path(processed_dir) / "_story_index"
    if story_index.is_dir():
        for p in story_index.iterdir():
            if p.is_file():
                p.unlink(missing_ok=True)


def repair_processed(processed_dir: Path, raw_dir: Path) -> list[str]:
    """Check committed batches against their markers (parquet.verify_commits) and repair what the raw files
    allow: an extraction batch whose files are all still in the raw folder is un-committed (marker, then
    parts), so its files leave the ledger and this run extracts them again. Run-record batches are dropped.
    Returns one line per repaired batch; raises parquet.DamagedProcessed naming the files and the fix otherwise."""
    processed_dir, raw_dir = Path(processed_dir), Path(raw_dir)
    damage = parquet.verify_commits(processed_dir)
    if not damage:
        return []
    by_batch: dict[str, list] = {}
    for d in damage:
        by_batch.setdefault(d.batch_key, []).append(d)
    plans, unrepairable = {}, []
    for key, found in sorted(by_batch.items()):
        if all(d.table == "runs" for d in found):
            plans[key] = "a run record dropped"
            continue
        files = _batch_files(processed_dir, key, found)
        if files and all((raw_dir / f).is_file() for f in files):
            plans[key] = f"{len(files)} raw file(s) to extract again"
        else:
            unrepairable.extend(found)
    if unrepairable:
        raise parquet.damage_error(unrepairable, (
            "Their batches cannot be extracted again: the raw files they came from are gone, or the batch is not "
            "an extraction batch (story assignments). Fix: restore those files from a backup, or run "
            "`newsagree run --full-refresh` to process every raw file again (rows of raw files that are gone "
            "are then dropped)."))
    lines = []
    for key, what in plans.items():
        parquet.uncommit(processed_dir, key)
        lines.append(f"batch {key} was damaged ({'; '.join(str(d) for d in by_batch[key])}): "
                     f"un-committed, {what}")
    return lines


def _batch_files(processed_dir: Path, key: str, damage: list) -> list[str]:
    """The raw files (ledger source paths) of one extraction batch; [] when its ledger part is damaged too."""
    if any(d.table in ("file_ledger", "") for d in damage):
        return []
    try:
        info = parquet.read_marker(processed_dir, key)
        path = parquet.part_path(processed_dir, "file_ledger", info["drop_id"], key)
        import pyarrow.parquet as pq
        return pq.read_table(path, columns=["source_path"]).column("source_path").to_pylist()
    except Exception:  # noqa: BLE001 - no readable ledger: not repairable from raw files
        return []
