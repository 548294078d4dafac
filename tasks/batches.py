"""Planning and post-processing of batches: which files are new, how they are grouped, deduplication.

Pure functions; the flow wires them to Prefect tasks.
"""
from __future__ import annotations

import ctypes
import random
import string
import threading
from dataclasses import dataclass, field
from datetime import datetime, UTC
from pathlib import Path
from typing import Literal

from tasks import clean, extract, ingest, parquet

# a jsonl line is ~ one article; other files are one article each
_JSONL_BYTES_PER_ARTICLE = 4000
RUN_BATCH_PREFIX = "run-"


def new_run_id(now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    suffix = "".join(random.choices(string.ascii_lowercase + string.digits, k=6))
    return f"{now:%Y%m%dT%H%M%S}-{suffix}"


def load_ledger(processed_dir: Path) -> dict[str, tuple[int, int, str]]:
    """source_path -> (size, mtime_ns, file_hash) of every file a committed batch has processed."""
    t = parquet.read_table(processed_dir, "file_ledger", ["source_path", "size", "mtime_ns", "file_hash"])
    d = t.to_pydict()
    return {p: (s, m, h) for p, s, m, h in zip(d["source_path"], d["size"], d["mtime_ns"], d["file_hash"])}


def load_known_article_ids(processed_dir: Path) -> set[str]:
    return set(parquet.read_table(processed_dir, "articles", ["article_id"]).column("article_id").to_pylist())


def select_new(files: list, ledger: dict[str, tuple[int, int, str]]) -> tuple[list, list]:
    """Split discovered files into (new or changed, already processed).

    A file is unchanged when its size and mtime match the ledger (no read at all),
    or when they differ but its content hash matches (touched, not changed).
    """
    new, skipped = [], []
    for f in files:
        known = ledger.get(f.rel_path)
        if known is None:
            new.append(f)
        elif (known[0], known[1]) == (f.size, f.mtime_ns):
            skipped.append(f)
        elif known[2] and ingest.file_hash(f.path) == known[2]:
            skipped.append(f)
        else:
            new.append(f)
    return new, skipped


def plan_batches(files: list, batch_size: int) -> list[list]:
    """Group files into batches of about ``batch_size`` articles; one drop per batch; a file never spans batches."""
    batches: list[list] = []
    by_drop: dict[str, list] = {}
    for f in files:
        by_drop.setdefault(f.drop_id, []).append(f)
    for drop in sorted(by_drop):
        cur: list = []
        weight = 0
        for f in by_drop[drop]:
            w = max(1, f.size // _JSONL_BYTES_PER_ARTICLE) if f.rel_path.endswith(".jsonl") else 1
            if cur and weight + w > batch_size:
                batches.append(cur)
                cur, weight = [], 0
            cur.append(f)
            weight += w
        if cur:
            batches.append(cur)
    return batches


def _duplicate(article: dict, first: str) -> dict:
    return {
        "source_path": article["source_path"], "drop_id": article["drop_id"], "file_hash": article.get("file_hash"),
        "reason": "duplicate",
        "detail": f"same text as article {article['article_id']} (first seen in {first})",
    }


def process_files(raw_dir: Path, files: list, model: str) -> dict[str, list[dict]]:
    """Worker side of one batch: read, clean, drop in-batch duplicates, extract. Returns rows per table."""
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


class BatchTimeout(BaseException):
    """Raised into the thread of a batch that ran past its time limit. A BaseException: the per-article error
    handling (``except Exception``) must not take it for one article's failure and carry on."""


class _Deadline:
    """After ``seconds``, raise BatchTimeout in the thread that entered the block (CPython's
    PyThreadState_SetAsyncExc, delivered between two bytecodes: it stops Python code in any thread - a
    process-pool worker, a thread-runner thread, the flow's main thread - but not a single call into C that
    never returns; input budgets bound those). Leaving the block cancels it; one that fired as the block
    ended is raised by __exit__ instead of escaping later."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._lock = threading.Lock()
        self._active = False
        self._fired = False
        self._thread = 0
        self._timer: threading.Timer | None = None

    def _fire(self) -> None:
        with self._lock:
            if self._active:
                self._fired = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread), ctypes.py_object(BatchTimeout))

    def __enter__(self) -> _Deadline:
        self._thread = threading.get_ident()
        self._active = True
        self._timer = threading.Timer(self.seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, exc_type, exc, tb) -> Literal[False]:
        with self._lock:
            self._active = False
            if self._timer is not None:
                self._timer.cancel()
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
    detail = (f"its batch ({len(files)} file(s)) did not finish within {seconds:g} s (NEWSAGREE_BATCH_TIMEOUT); "
              "touch the file to try it again")
    out: dict[str, list[dict]] = {t: [] for t in (*extract.TABLES, "articles")}
    out["rejected_files"] = [{"source_path": f.rel_path, "drop_id": f.drop_id, "file_hash": None,
                              "reason": "timeout", "detail": detail} for f in files]
    return out


def process_files_within(raw_dir: Path, files: list, model: str, seconds: float | None) -> dict[str, list[dict]]:
    """process_files with a time limit (none when ``seconds`` is falsy), counted after the spaCy model is
    loaded: past it, the batch's files are rejected as ``timeout`` (timed_out) and the run goes on."""
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
    # ledger: one row per file of the batch (a jsonl's lines and manifest entries roll up to the file)
    per_file: dict[str, list[int]] = {f.rel_path: [0, 0] for f in files}

    def file_of(source_path: str) -> str:
        return source_path.split("#", 1)[0]

    for a in keep_articles:
        per_file.setdefault(file_of(a["source_path"]), [0, 0])[0] += 1
    for r in rejected:
        k = file_of(r["source_path"])
        if k in per_file:
            per_file[k][1] += 1
    hashes = {file_of(a["source_path"]): a.get("file_hash") for a in result.get("articles", [])}
    hashes.update({file_of(r["source_path"]): r.get("file_hash") for r in rejected if r.get("file_hash")})
    tables["file_ledger"] = [{
        "source_path": f.rel_path, "drop_id": f.drop_id, "file_hash": hashes.get(f.rel_path),
        "size": f.size, "mtime_ns": f.mtime_ns,
        "n_articles": per_file[f.rel_path][0], "n_rejected": per_file[f.rel_path][1],
    } for f in files]
    return BatchOutcome(tables, n_new=len(keep_articles), n_duplicates=len(dup_ids), n_rejected=len(rejected),
                        new_ids=[a["article_id"] for a in keep_articles])


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
