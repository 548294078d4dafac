"""Drop manifests (manifest.csv / manifest.jsonl): per-file metadata and the manifest's own problems."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path, PurePosixPath
from typing import Any

from tasks.ingest.decode import decode_bytes, looks_binary, normalise_text
from tasks.ingest.discover import _is_inside, _manifest_paths
from tasks.ingest.meta import _meta_from_mapping
from tasks.ingest.records import Rejection, _rejection

def _read_manifest(raw_dir: Path, drop_id: str) -> tuple[dict[str, dict], list[Rejection]]:
    """Per-file metadata from the drop's manifest(s), keyed by rel_path (relative to the raw dir),
    plus rejections for entries that reference missing files or escape the drop."""
    raw_dir = Path(raw_dir)
    root = raw_dir.resolve()
    entries: dict[str, dict] = {}
    problems: list[Rejection] = []
    for mpath in _manifest_paths(raw_dir, drop_id):
        folder = mpath.parent
        mrel = mpath.relative_to(raw_dir).as_posix()
        try:
            data = mpath.read_bytes()
        except OSError as e:
            problems.append(_rejection(mrel, drop_id, None, "unreadable", f"manifest cannot be read: {e}"))
            continue
        if looks_binary(data):
            problems.append(_rejection(mrel, drop_id, None, "binary", "manifest is not text"))
            continue
        text = normalise_text(decode_bytes(data)[0])
        rows: list[tuple[int, Any]] = []
        if mpath.name.endswith(".csv"):
            try:
                reader = csv.DictReader(io.StringIO(text))
                for i, row in enumerate(reader, start=2):
                    rows.append((i, {str(k).strip().lower(): (v.strip() if isinstance(v, str) else v)
                                     for k, v in row.items() if k is not None}))
            except csv.Error as e:
                problems.append(_rejection(mrel, drop_id, None, "malformed_manifest", f"CSV error: {e}"))
        else:
            for i, line in enumerate(text.split("\n"), start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except (ValueError, RecursionError):
                    problems.append(_rejection(f"{mrel}#{i}", drop_id, None, "malformed_json",
                                               f"manifest line {i} is not valid JSON"))
                    continue
                if isinstance(obj, dict):
                    rows.append((i, {str(k).lower(): v for k, v in obj.items()}))
        for line_no, row in rows:
            name = row.get("file") or row.get("path") or row.get("filename")
            if not isinstance(name, str) or not name.strip():
                continue
            name = name.strip()
            ref = f"{mrel}:{name}"
            posix = name.replace("\\", "/")
            if posix.startswith("/") or re.match(r"^[A-Za-z]:", posix) or ".." in PurePosixPath(posix).parts:
                problems.append(_rejection(ref, drop_id, None, "outside_raw_dir",
                                           f"manifest entry {name!r} points outside the drop; not opened"))
                continue
            target = folder / posix
            try:
                resolved = target.resolve()
            except (OSError, RuntimeError):
                resolved = None
            if resolved is None or not _is_inside(resolved, folder.resolve()) or not _is_inside(resolved, root):
                problems.append(_rejection(ref, drop_id, None, "outside_raw_dir",
                                           f"manifest entry {name!r} resolves outside the drop; not opened"))
                continue
            if not target.is_file():
                problems.append(_rejection(ref, drop_id, None, "missing_file",
                                           f"manifest entry {name!r} (line {line_no}) names a file that does not exist"))
                continue
            key = target.relative_to(raw_dir).as_posix()
            entries[key] = _meta_from_mapping(row)
    return entries, problems

