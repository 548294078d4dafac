"""Discovery: list candidate files under the raw dir (one drop per first path component; files
directly in the raw dir belong to drop ``default``), and hash them."""
from __future__ import annotations

import hashlib
import os
import stat as stat_mod
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MAX_BYTES = 50 * 1024 * 1024
MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
DEFAULT_DROP = "default"
FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
           ".json": "json", ".jsonl": "jsonl"}



@dataclass(frozen=True)
class RawFile:
    """One discovered file. ``rel_path`` is posix and relative to the raw dir."""
    path: Path
    rel_path: str
    drop_id: str
    size: int
    mtime_ns: int
    # True for the first file (in discover order) of a drop that has a manifest:
    # the batch holding it reports the manifest's own problems (missing files,
    # escape attempts), so they are reported once, not once per batch.
    manifest_anchor: bool = False
    # how many discovered names the file's inode has inside the raw dir (hard links): a file with
    # more links than that shares its bytes with a name outside the raw dir and is not read
    links_inside: int = 1
    # a large .jsonl is split over batches (tasks.batches.plan_batches): this part reads only lines
    # first..last (1-based, inclusive, of the decoded text) of ``n_lines``; None: the whole file
    lines: tuple[int, int] | None = None
    n_lines: int = 0
    # lines of this file a committed batch already holds (an interrupted run split it): not planned again
    done_lines: tuple[tuple[int, int], ...] = ()

    @property
    def part_path(self) -> str:
        """``rel_path``, or ``rel_path#first-last`` for a part of a split file (names its whole-file rejections)."""
        return self.rel_path if self.lines is None else f"{self.rel_path}#{self.lines[0]}-{self.lines[1]}"



def _is_inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def _drop_of(rel: PurePosixPath) -> str:
    return rel.parts[0] if len(rel.parts) > 1 else DEFAULT_DROP


def _is_manifest(rel: PurePosixPath) -> bool:
    """Drop-level manifests: ``<drop>/manifest.csv|jsonl`` or ``manifest.*`` directly in the raw dir."""
    return rel.name in MANIFEST_NAMES and len(rel.parts) <= 2


def discover(raw_dir: Path) -> list[RawFile]:
    """All candidate article files under ``raw_dir``, sorted by rel_path.

    Skips hidden files and folders (name starts with '.') and drop manifests.
    Symlinked folders are not descended into; a symlink (file or folder) that
    resolves outside the raw dir is still listed so that :func:`read_files`
    rejects it as ``outside_raw_dir`` (it is never opened). Dangling symlinks
    are listed too (rejected as ``unreadable``).
    """
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        return []
    root = raw_dir.resolve()
    found: list[RawFile] = []
    for dirpath, dirnames, filenames in os.walk(raw_dir, followlinks=False, onerror=lambda e: None):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        entries = [n for n in filenames if not n.startswith(".")]
        # symlinked dirs: os.walk lists them in dirnames but does not descend
        for d in list(dirnames):
            p = here / d
            if p.is_symlink():
                dirnames.remove(d)
                target = p.resolve()
                if not _is_inside(target, root):
                    entries.append(d)     # reported as outside_raw_dir
                # a symlink to a folder inside the raw dir is a second view of files we list anyway
        for name in entries:
            p = here / name
            rel = PurePosixPath(p.relative_to(raw_dir).as_posix())
            if _is_manifest(rel):
                continue
            try:
                st = p.lstat() if p.is_symlink() else p.stat()
            except OSError:
                continue
            if stat_mod.S_ISDIR(st.st_mode) and not p.is_symlink():
                continue
            # fifos, sockets, devices are listed (and rejected by read_files without being opened)
            found.append(RawFile(p, rel.as_posix(), _drop_of(rel), st.st_size, st.st_mtime_ns))
    found.sort(key=lambda f: f.rel_path)
    # mark the manifest anchor of each drop
    out: list[RawFile] = []
    seen_drops: set[str] = set()
    inodes = _inode_names(found)
    for f in found:
        anchor = False
        if f.drop_id not in seen_drops:
            seen_drops.add(f.drop_id)
            anchor = bool(_manifest_paths(raw_dir, f.drop_id))
        key = _inode_of(f.path)
        links = 1 if key is None else inodes.get(key, 1)
        if anchor or links != 1:
            f = RawFile(f.path, f.rel_path, f.drop_id, f.size, f.mtime_ns, manifest_anchor=anchor, links_inside=links)
        out.append(f)
    return out


def _inode_of(path: Path) -> tuple[int, int] | None:
    """(device, inode) of a file that is not a symlink and has more than one name, else None."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if not stat_mod.S_ISREG(st.st_mode) or st.st_nlink <= 1:
        return None
    return st.st_dev, st.st_ino


def _inode_names(found: list[RawFile]) -> dict[tuple[int, int], int]:
    """Hard-linked files: (device, inode) -> number of discovered names."""
    counts: dict[tuple[int, int], int] = {}
    for f in found:
        key = _inode_of(f.path)
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
    return counts


def file_hash(path: Path) -> str:
    """sha256 hex digest of the file's bytes (streamed in 1 MiB chunks)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _manifest_paths(raw_dir: Path, drop_id: str) -> list[Path]:
    folder = Path(raw_dir) if drop_id == DEFAULT_DROP and not (Path(raw_dir) / DEFAULT_DROP).is_dir() \
        else Path(raw_dir) / drop_id
    return [folder / n for n in MANIFEST_NAMES if (folder / n).is_file()]

