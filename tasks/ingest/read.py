"""Reading: one discovered file -> RawDocs and rejections (containment, size, format dispatch)."""
from __future__ import annotations

import hashlib
import logging
import json
import stat as stat_mod
from pathlib import Path
from collections.abc import Iterable

from tasks.ingest.decode import _decode_text, normalise_text
from tasks.ingest.discover import FORMATS, MANIFEST_NAMES, MAX_BYTES, RawFile, _is_inside, file_hash
from tasks.ingest.manifest import _read_manifest
from tasks.ingest.meta import _merge_meta
from tasks.ingest.readers import _doc_from_object, read_html
from tasks.ingest.readers.markdown import read_markdown_doc
from tasks.ingest.records import RawDoc, Rejection, _doc, _Reject, _rejection

log = logging.getLogger("newsagree.ingest")

def read_one(raw_dir: Path, f: RawFile, manifest_meta: dict | None = None) -> tuple[list[RawDoc], list[Rejection]]:
    """Read one discovered file into RawDocs and rejections (never raises on file content)."""
    checked = _read_checked(Path(raw_dir), f)
    if isinstance(checked, dict):          # a rejection: outside the raw dir, unreadable, too large, ...
        checked["source_path"] = f.part_path
        return [], [checked]
    data, fhash, fmt = checked
    rel, drop = f.rel_path, f.drop_id
    try:
        text, warnings = _decode_text(data)
        docs, rejected = _parse_format(rel, drop, fhash, fmt, text, manifest_meta, f.lines)
        for w in warnings:
            log.warning("%s: %s", rel, w)
            for d in docs:
                d.setdefault("warnings", []).append(w)
    except _Reject as r:
        return [], [_rejection(f.part_path, drop, fhash, r.reason, r.detail)]
    except Exception as e:   # never let one odd file kill the batch
        return [], [_rejection(f.part_path, drop, fhash, "extraction_error", f"{type(e).__name__}: {str(e)[:300]}")]
    return docs, rejected


def _read_checked(raw_dir: Path, f: RawFile) -> tuple[bytes, str, str] | Rejection:
    """(bytes, sha256, format) of a regular file inside the raw dir within the size limit with a known
    extension, else the rejection saying why it was not read."""
    root = raw_dir.resolve()
    rel, drop = f.rel_path, f.drop_id
    path = Path(f.path)
    # containment: symlinks (or anything) resolving outside the raw dir are never opened
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError) as e:
        return _rejection(rel, drop, None, "unreadable", f"cannot resolve path: {e}")
    if not _is_inside(resolved, root):
        return _rejection(rel, drop, None, "outside_raw_dir", "symlink resolves outside the raw dir; not read")
    alias = _alias_of(path, resolved, root)
    if alias is not None:
        return _rejection(rel, drop, None, "symlink_alias",
                          f"symlink to {alias}, which is read under its own name (and keeps its metadata)")
    fmt = FORMATS.get(path.suffix.lower())
    try:
        st = path.stat()
    except OSError as e:
        return _rejection(rel, drop, None, "unreadable", f"cannot stat file: {e.strerror or e}")
    if not stat_mod.S_ISREG(st.st_mode):
        return _rejection(rel, drop, None, "unsupported_format", "not a regular file")
    if st.st_nlink > (f.links_inside if not path.is_symlink() else 0) and st.st_nlink > 1:
        return _rejection(rel, drop, None, "outside_raw_dir",
                          f"hard link: the file has {st.st_nlink} names and not all of them are in the "
                          f"raw dir; not read")
    if st.st_size > MAX_BYTES:
        try:
            h: str | None = file_hash(path)
        except OSError:
            h = None
        return _rejection(rel, drop, h, "too_large",
                          f"{st.st_size} bytes is over the {MAX_BYTES // (1024 * 1024)} MB limit")
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as e:
        return _rejection(rel, drop, None, "unreadable", f"cannot read file: {e.strerror or e}")
    fhash = hashlib.sha256(data).hexdigest()
    if len(data) > MAX_BYTES:
        return _rejection(rel, drop, fhash, "too_large", "file grew over the size limit while reading")
    if fmt is None:
        return _rejection(rel, drop, fhash, "unsupported_format",
                          f"extension {path.suffix or '(none)'!r} is not one of .txt .md .html .htm .json .jsonl")
    return data, fhash, fmt


def _parse_format(rel: str, drop: str, fhash: str, fmt: str, text: str, manifest_meta: dict | None,
                  lines: tuple[int, int] | None = None) -> tuple[list[RawDoc], list[Rejection]]:
    """RawDocs and per-record rejections of one decoded file (of a .jsonl: only ``lines``, first..last,
    when given); raises _Reject when the whole file is rejected."""
    docs: list[RawDoc] = []
    rejected: list[Rejection] = []
    if fmt == "txt":
        docs.append(_doc(rel, drop, fhash, fmt, text, _merge_meta({}, manifest_meta)))
    elif fmt == "md":
        body, meta, records = read_markdown_doc(text)
        if not body.strip():
            raise _Reject("no_text", "markdown has no body text")
        docs.append(_doc(rel, drop, fhash, fmt, body, _merge_meta(meta, manifest_meta)))
        docs[-1]["paragraphs"] = records      # per-line features for the paragraph classifier
    elif fmt == "html":
        body, meta = read_html(text)
        if not body.strip():
            raise _Reject("no_text", "page has no readable body text: neither trafilatura nor the fallback reader found any (only scripts, styles, navigation or link lists)")
        docs.append(_doc(rel, drop, fhash, fmt, body, _merge_meta(meta, manifest_meta)))
    elif fmt == "json":
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError) as e:
            raise _Reject("malformed_json", f"not valid JSON: {str(e)[:200]}") from e
        objs = obj if isinstance(obj, list) else [obj]
        if not objs:
            raise _Reject("no_text", "empty JSON array")
        for i, o in enumerate(objs, start=1):
            sp = rel if not isinstance(obj, list) else f"{rel}#{i}"
            _append_object(docs, rejected, sp, drop, fhash, fmt, o, manifest_meta)
    elif fmt == "jsonl":
        first, last = lines or (1, text.count("\n") + 1)
        for i, line in enumerate(text.split("\n")[first - 1:last], start=first):
            if not line.strip():
                continue
            sp = f"{rel}#{i}"
            try:
                o = json.loads(line)
            except (ValueError, RecursionError) as e:
                rejected.append(_rejection(sp, drop, fhash, "malformed_json",
                                           f"line {i} is not valid JSON: {str(e)[:200]}"))
                continue
            _append_object(docs, rejected, sp, drop, fhash, fmt, o, manifest_meta)
    return docs, rejected


def _append_object(docs: list[RawDoc], rejected: list[Rejection], sp: str, drop: str, fhash: str, fmt: str,
                   obj: object, manifest_meta: dict | None) -> None:
    """One JSON article object -> a RawDoc in docs, or its rejection in rejected."""
    try:
        t, meta, _ = _doc_from_object(obj)
        docs.append(_doc(sp, drop, fhash, fmt, normalise_text(t), _merge_meta(meta, manifest_meta)))
    except _Reject as r:
        rejected.append(_rejection(sp, drop, fhash, r.reason, r.detail))


def _alias_of(path: Path, resolved: Path, root: Path) -> str | None:
    """The raw-dir path a symlink points at, when that file is discovered under its own name
    (not hidden, not a manifest), else None."""
    if not path.is_symlink() or not resolved.is_file():
        return None
    rel = resolved.relative_to(root)
    if any(part.startswith(".") for part in rel.parts) or rel.name in MANIFEST_NAMES and len(rel.parts) <= 2:
        return None
    return rel.as_posix()


def read_files(raw_dir: Path, files: Iterable[RawFile]) -> tuple[list[RawDoc], list[Rejection]]:
    """Read discovered files into RawDocs and rejections.

    Manifest metadata of each file's drop is merged in (manifest wins where it has a value).
    Problems of a manifest itself (entries naming missing files or escaping the drop) are
    reported by the batch that holds the drop's anchor file (``RawFile.manifest_anchor``).
    """
    raw_dir = Path(raw_dir)
    manifests: dict[str, tuple[dict, list]] = {}
    docs: list[RawDoc] = []
    rejected: list[Rejection] = []
    for f in files:
        if f.drop_id not in manifests:
            try:
                manifests[f.drop_id] = _read_manifest(raw_dir, f.drop_id)
            except Exception as e:
                manifests[f.drop_id] = ({}, [_rejection(f"{f.drop_id}/manifest", f.drop_id, None,
                                                        "malformed_manifest", f"{type(e).__name__}: {e}")])
        entries, problems = manifests[f.drop_id]
        if getattr(f, "manifest_anchor", False):
            rejected.extend(problems)
        d, r = read_one(raw_dir, f, entries.get(f.rel_path))
        docs.extend(d)
        rejected.extend(r)
    return docs, rejected
