"""Planning a run's batches: which new files (and which line ranges of a big .jsonl) are extracted together,
about ``batch_size`` articles a batch, one drop a batch."""
from __future__ import annotations

import dataclasses

from tasks import ingest

# a jsonl line is ~ one article; other files are one article each
_JSONL_BYTES_PER_ARTICLE = 4000


def _weight(f) -> int:
    """About how many articles a file holds: one, or for a .jsonl the larger of its lines (once counted,
    RawFile.n_lines) and its bytes over _JSONL_BYTES_PER_ARTICLE."""
    if not f.rel_path.endswith(".jsonl"):
        return 1
    return max(1, f.size // _JSONL_BYTES_PER_ARTICLE, getattr(f, "n_lines", 0) or 0)


def split_jsonl(f, batch_size: int) -> list:
    """A .jsonl of more than ``batch_size`` lines, or of more than ``batch_size`` articles' worth of bytes, as
    parts of at most about ``batch_size`` lines and bytes each (RawFile.lines), so one big feed is extracted
    by every worker in batches of the usual size instead of as one batch (200k tiny articles in one 9 MB
    file: one worker, one batch past any time limit; a batch's result waits in the flow process until it is
    written, so a batch of thousands of tiny lines costs hundreds of MB there). Lines are counted in the
    decoded text, as the reader numbers them; a file kept whole carries its line count (its weight). A file
    the reader would reject whole (binary, undecodable, a link, over the size limit), or one that cannot be
    read now, stays whole: its one rejection comes from one batch. Lines in ``f.done_lines`` are left out.
    A file that stays whole is not decoded here (its weight counts newline bytes); the worker decodes it."""
    if getattr(f, "lines", None) is not None or not f.rel_path.endswith(".jsonl"):
        return [f]
    data = _regular_file_bytes(f)
    if data is None:
        return [f]
    about_lines = data.count(b"\n") + 1
    if about_lines <= batch_size and _weight(f) <= batch_size and not getattr(f, "done_lines", ()):
        return [dataclasses.replace(f, n_lines=about_lines)]
    text = _decoded(data)
    if text is None:
        return [f]
    n_lines = text.count("\n") + 1
    offsets = [0]
    pos = text.find("\n")
    while pos >= 0:
        offsets.append(pos + 1)
        pos = text.find("\n", pos + 1)
    offsets.append(len(text) + 1)
    todo = _missing_ranges(getattr(f, "done_lines", ()), n_lines)
    parts = []
    for first, last in todo:
        n_bytes = offsets[last] - offsets[first - 1]
        n_parts = max(1, -(-n_bytes // (batch_size * _JSONL_BYTES_PER_ARTICLE)),
                      -(-(last - first + 1) // batch_size))
        step = -(-(last - first + 1) // n_parts)
        for a in range(first, last + 1, step):
            parts.append(dataclasses.replace(f, lines=(a, min(last, a + step - 1)), n_lines=n_lines))
    return parts


def _missing_ranges(done: tuple[tuple[int, int], ...], n_lines: int) -> list[tuple[int, int]]:
    todo, nxt = [], 1
    for first, last in sorted(done):
        if first > nxt:
            todo.append((nxt, first - 1))
        nxt = max(nxt, last + 1)
    if nxt <= n_lines:
        todo.append((nxt, n_lines))
    return todo


def _regular_file_bytes(f) -> bytes | None:
    """The bytes of a plain regular file (one name, no link, within the size limit), else None."""
    import os
    import stat as stat_mod
    try:
        st = os.lstat(f.path)
        if not stat_mod.S_ISREG(st.st_mode) or st.st_nlink > getattr(f, "links_inside", 1) or st.st_size > ingest.MAX_BYTES:
            return None
        with open(f.path, "rb") as fh:
            data = fh.read(ingest.MAX_BYTES + 1)
        return data if len(data) <= ingest.MAX_BYTES else None
    except OSError:          # unreadable: the reader rejects the whole file
        return None


def _decoded(data: bytes) -> str | None:
    """``data`` decoded as the reader decodes it, else None (binary, empty: the reader rejects the whole file)."""
    from tasks.ingest.decode import _decode_text
    try:
        return _decode_text(data)[0]
    except Exception:  # noqa: BLE001 - whatever the reader would reject
        return None


def plan_batches(files: list, batch_size: int, workers: int = 1) -> list[list]:
    """Group files into batches of at most about ``batch_size`` articles; one drop per batch; a file never spans
    batches except a big .jsonl, split into parts of about ``batch_size`` articles (split_jsonl).

    On several workers, a drop that needs more than one batch is cut into batches of about equal work, as many
    as a multiple of ``workers`` (balanced_count), work counted in bytes of text: 840 PolNeAR articles on 2
    workers are 6 batches of ~640 KB, not 4 of 200 articles and one of 40 (one worker idle while the other ran
    its last full batch), nor 6 of 140 articles, which held 390 KB to 875 KB."""
    batches: list[list] = []
    by_drop: dict[str, list] = {}
    for f in files:
        by_drop.setdefault(f.drop_id, []).append(f)
    for drop in sorted(by_drop):
        parts = [part for g in by_drop[drop] for part in split_jsonl(g, batch_size)]
        n_left = balanced_count(sum(_part_weight(f) for f in parts), batch_size, workers)
        bytes_left = sum(_part_bytes(f) for f in parts)
        cur: list = []
        weight = size = 0
        for f in parts:
            w, b = _part_weight(f), _part_bytes(f)
            full = weight + w > batch_size
            if workers > 1 and n_left > 1:    # close the batch nearest its share of the work left
                full = full or size + b / 2 > bytes_left / n_left
            if cur and full:
                batches.append(cur)
                bytes_left -= size
                n_left -= 1
                cur, weight, size = [], 0, 0
            cur.append(f)
            weight += w
            size += b
        if cur:
            batches.append(cur)
    return batches


def _part_bytes(f) -> int:
    """The bytes of text a file or a .jsonl part holds (its share of the file's size)."""
    size = max(1, getattr(f, "size", 0) or 0)
    if getattr(f, "lines", None) is None or not getattr(f, "n_lines", 0):
        return size
    return max(1, size * (f.lines[1] - f.lines[0] + 1) // f.n_lines)


def balanced_count(total: int, batch_size: int, workers: int) -> int:
    """How many equal batches ``total`` articles make: the fewest of at most ``batch_size``, rounded up to a
    multiple of ``workers`` when there is more than one (one batch runs in the flow process, no worker)."""
    n = max(1, -(-total // batch_size)) if batch_size > 0 else 1
    if n <= 1 or workers <= 1:
        return n
    return -(-n // workers) * workers


def _part_weight(f) -> int:
    if getattr(f, "lines", None) is None or not f.n_lines:
        return _weight(f)
    n = f.lines[1] - f.lines[0] + 1
    return max(1, n, f.size // _JSONL_BYTES_PER_ARTICLE * n // f.n_lines)
