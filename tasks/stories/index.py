"""The persistent story index: per-article columns, MinHash LSH bands, blocking postings and story cores.

Stored as one ``.npz`` (numpy arrays plus a JSON member), written atomically and read with
``allow_pickle=False``; see the package docstring for the layout.
"""
from __future__ import annotations

import hashlib
import json
import logging
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Iterator

import numpy as np

from tasks import parquet
from tasks.stories import params
from tasks.stories.blocking import NO_DAY, Postings
from tasks.stories.features import FEATURE_RULES, _band_keys, key_hashes
from tasks.stories.params import INDEX_FILE, INDEX_VERSION, LEGACY_INDEX_FILES, MAX_CORE, N_BANDS, N_PERM

if TYPE_CHECKING:
    from tasks.stories.features import Features

log = logging.getLogger("newsagree.stories")

# ---------------------------------------------------------------- index

LSH_FLUSH = 2048          # signatures kept in a dict before they are merged into the sorted band arrays


def _index_rules() -> str:
    """Fingerprint of what a saved index depends on: the raw-feature rules and the parameters that shape the
    stored features, story cores, blocking keys and assignments. An index saved under other rules is not
    reused (every article is assigned again, as for another INDEX_VERSION)."""
    values = {**vars(params), "NO_DAY": NO_DAY}
    ps = {k: v for k, v in values.items() if k.isupper() and isinstance(v, (int, float))
          and k not in ("INDEX_VERSION", "FEATURES_VERSION")}
    return hashlib.sha256(repr((FEATURE_RULES, sorted(ps.items()))).encode()).hexdigest()[:16]
_NO_KEYS = np.empty(0, dtype=np.int64)


def _runs(values: np.ndarray, items: np.ndarray) -> tuple[list[int], list[list[int]]]:
    """(distinct values, the items of each) of a sorted ``values`` column and its parallel ``items``."""
    if not len(values):
        return [], []
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    return values[starts].tolist(), [part.tolist() for part in np.split(items, starts[1:])]


class _Grow:
    """An append-only numpy column (or matrix of fixed width) with amortised O(1) appends."""
    __slots__ = ("buf", "n")

    def __init__(self, dtype, width: int | None = None, data: np.ndarray | None = None):
        shape = (0,) if width is None else (0, width)
        self.buf = np.empty(shape, dtype=dtype) if data is None else np.asarray(data, dtype=dtype)
        self.n = len(self.buf)

    def append(self, value) -> None:
        if self.n == len(self.buf):
            new = np.empty((max(1024, self.n + self.n // 4),) + self.buf.shape[1:], dtype=self.buf.dtype)
            new[:self.n] = self.buf[:self.n]
            self.buf = new
        self.buf[self.n] = value
        self.n += 1

    @property
    def a(self) -> np.ndarray:
        return self.buf[:self.n]


class Member:
    """Compact features of one core (founding) article of a story.

    ``keys[:n_terms]`` are the hashes of its top CORE_TERMS tf-idf terms (sorted, for binary search) with
    their ``weights``; ``keys[n_terms:]`` the sorted hashes of its entity keys ("e:..."); ``norm`` the
    L2 norm of the weights.
    """
    __slots__ = ("keys", "weights", "n_terms", "norm", "weekdays", "spec")

    def __init__(self, keys: np.ndarray, weights: np.ndarray, n_terms: int, norm: float, weekdays: int = 0,
                 spec: np.ndarray | None = None):
        self.keys, self.weights, self.n_terms, self.norm = keys, weights, n_terms, norm
        self.weekdays = weekdays
        self.spec = np.ones(len(keys), dtype=bool) if spec is None else spec   # per key: event-specific

    @classmethod
    def of(cls, f: Features) -> Member:
        top = f.core_terms
        th = key_hashes(t for t, _ in top)
        order = np.argsort(th, kind="stable")
        weights = np.fromiter((w for _, w in top), dtype=np.float64, count=len(top))[order]
        ents = list(f.entities)
        eh, first = np.unique(key_hashes(ents), return_index=True)
        wide = f.topic_wide
        spec = np.array([t not in wide for t, _ in top] + [ents[i] not in wide for i in first.tolist()],
                        dtype=bool)
        spec[:len(top)] = spec[:len(top)][order]
        return cls(np.concatenate([th[order], eh]), weights, len(top), f.core_norm, f.weekdays, spec)


@dataclass(slots=True)
class Story:
    """A story's profile: its first MAX_CORE non-copy articles (the core), its dates and size.

    The profile stops growing once the core is full, so later articles are
    always judged against the articles that founded the story, never against
    an ever-broadening centroid (no topic chaining). ``keys`` are the sorted
    hashes of the blocking keys it is posted under.
    """
    story_id: str
    core: list[Member] = field(default_factory=list)
    days: list[int] = field(default_factory=list)
    n: int = 0
    n_undated: int = 0
    keys: np.ndarray = field(default_factory=lambda: _NO_KEYS)
    idx: int = -1                   # position in StoryIndex.story_list
    anchors: list[int] = field(default_factory=list)   # full dates named by its undated core members (sorted)

    def posting_days(self) -> list[int | None]:
        """Days under which the story is posted in the blocking index (None: it has undated articles)."""
        return list(self.days) + ([None] if self.n_undated or not self.days else [])


class _ArticlesView(Mapping):
    """article_id -> [story_id, syndication_group_id, day, score, syn_similarity], read from the index columns."""

    def __init__(self, index: StoryIndex):
        self._x = index

    def __getitem__(self, aid: str) -> list:
        x = self._x
        i = x.row[aid]
        day = int(x._day.buf[i])
        return [x.story_list[x.find(int(x._story.buf[i]))].story_id, x.ids[x._group.buf[i]],
                None if day == NO_DAY else day,
                float(x._score.buf[i]), float(x._syn.buf[i])]

    def __contains__(self, aid) -> bool:
        return aid in self._x.row

    def __iter__(self) -> Iterator[str]:
        return iter(self._x.ids)

    def __len__(self) -> int:
        return len(self._x.ids)


class StoryIndex:
    """Everything needed to assign new articles without re-reading old ones.

    Per article (row = order of assignment): story, syndication group, day, score, similarity, shingle
    count and MinHash signature as numpy columns; LSH bands as packed integer keys in per-band sorted
    arrays; blocking postings (key hash, day) -> story as sorted arrays; stories as :class:`Story`
    objects whose core members hold numpy arrays. Recent additions sit in small dicts until merged.
    """

    def __init__(self) -> None:
        self.n_docs = 0
        self.built_docs = 0                    # committed articles when this index was last built from scratch
        self.df: dict[str, int] = {}
        self.stories: dict[str, Story] = {}    # live stories only (not the ones merged into another)
        self.story_list: list[Story] = []
        self._merge_group = _Grow(np.int32)    # story -> its merge group (stories merged into one live story) ...
        self._live = _Grow(np.int32)           # ... group -> the live story it is (see :meth:`merge`)
        self._group_stories: dict[int, list[int]] = {}   # group -> its stories, for groups of more than one
        self.merged: set[int] = set()          # live stories that absorbed another since this index was loaded
        self.touched: set[int] = set()         # stories that got an article since this index was loaded (not saved)
        self.ids: list[str] = []               # row -> article id
        self.row: dict[str, int] = {}          # article id -> row
        self._story = _Grow(np.int32)          # row -> story (position in story_list)
        self._group = _Grow(np.int32)          # row -> row of its syndication group's founder
        self._day = _Grow(np.int32)            # NO_DAY when undated
        self._score = _Grow(np.float64)
        self._syn = _Grow(np.float64)
        self._nsh = _Grow(np.int32)            # distinct shingles
        self._sig_of = _Grow(np.int32)         # row -> signature row, -1 when too short for one
        self._sig = _Grow(np.int32, N_PERM)    # MinHash signatures (values < 2**31)
        self._sig_art = _Grow(np.int32)        # signature row -> article row
        self._lsh_keys: np.ndarray = np.empty((N_BANDS, 0), dtype=np.int64)   # per band: band keys, sorted
        self._lsh_rows: np.ndarray = np.empty((N_BANDS, 0), dtype=np.int32)   # ... and their article rows
        self._lsh_merged = 0                   # signature rows in the sorted arrays
        self._lsh_new: dict[int, list[int]] = {}                  # (band << 62 | key) -> rows not merged yet
        self.postings = Postings()            # blocking postings (key, day, story)
        self.articles = _ArticlesView(self)

    # -- articles
    def add_article(self, f: Features, story: Story, group_row: int | None, score: float, syn_sim: float) -> None:
        r = len(self.ids)
        self.ids.append(f.article_id)
        self.row[f.article_id] = r
        self._story.append(story.idx)
        self._group.append(r if group_row is None else group_row)
        self._day.append(NO_DAY if f.day is None else f.day)
        self._score.append(score)
        self._syn.append(syn_sim)
        self._nsh.append(f.n_shingles)
        if f.signature is None:
            self._sig_of.append(-1)
            return
        self._sig_of.append(self._sig.n)
        self._sig.append(f.signature)
        self._sig_art.append(r)
        for b, k in enumerate(_band_keys(f.signature).tolist()):
            self._lsh_new.setdefault((b << 62) | k, []).append(r)
        if self._sig.n - self._lsh_merged >= LSH_FLUSH:
            self._merge_lsh()

    def new_story(self, story_id: str) -> Story:
        s = Story(story_id, idx=len(self.story_list))
        self.story_list.append(s)
        self._merge_group.append(s.idx)
        self._live.append(s.idx)
        self.stories[story_id] = s
        return s

    def find(self, i: int) -> int:
        """The live story that story ``i`` is (or was merged into)."""
        return int(self._live.buf[self._merge_group.buf[i]])

    def roots(self, idxs: np.ndarray) -> np.ndarray:
        """:meth:`find` of many stories at once."""
        return self._live.buf[self._merge_group.buf[idxs]]

    def merge(self, keep: Story, gone: Story) -> None:
        """Merge story ``gone`` into ``keep``: its members, dates and core (while there is room) become
        ``keep``'s; its postings and article rows resolve to ``keep`` through :meth:`find`.

        The stories of the smaller of the two merge groups move to the larger group, which then stands for
        ``keep`` (union by size: a story moves O(log n) times in all; relabelling every story that pointed at
        ``gone`` scanned all stories at each merge, quadratic over a flood of small stories)."""
        big, small = int(self._merge_group.buf[keep.idx]), int(self._merge_group.buf[gone.idx])
        big_stories, small_stories = self._stories_of(big), self._stories_of(small)
        if len(big_stories) < len(small_stories):
            big, small, big_stories, small_stories = small, big, small_stories, big_stories
        self._merge_group.buf[small_stories] = big
        big_stories.extend(small_stories)
        self._group_stories.pop(small, None)
        self._live.buf[big] = keep.idx
        self.stories.pop(gone.story_id, None)
        keep.core = (keep.core + gone.core)[:MAX_CORE]
        keep.days = sorted(set(keep.days) | set(gone.days))
        keep.anchors = sorted(set(keep.anchors) | set(gone.anchors))
        keep.keys = np.union1d(keep.keys, gone.keys)
        keep.n += gone.n
        keep.n_undated += gone.n_undated
        self.merged.add(keep.idx)
        self.merged.discard(gone.idx)
        if gone.idx in self.touched:
            self.touched.discard(gone.idx)
            self.touched.add(keep.idx)

    def _stories_of(self, group: int) -> list[int]:
        """The stories of a merge group (a list kept in ``_group_stories``: a group never merged holds its
        own story only)."""
        stories = self._group_stories.get(group)
        if stories is None:
            stories = self._group_stories[group] = [group]
        return stories

    def memberships(self) -> dict[str, frozenset[str]]:
        """Live story id -> the ids of its articles."""
        out: dict[int, list[str]] = {}
        for aid, s in zip(self.ids, self.roots(self._story.a).tolist()):
            out.setdefault(s, []).append(aid)
        return {self.story_list[s].story_id: frozenset(m) for s, m in out.items()}

    def rename_story(self, s: Story, story_id: str) -> None:
        """Give live story ``s`` another id (one of its articles' ids: the founder column stores its row)."""
        del self.stories[s.story_id]
        s.story_id = story_id
        self.stories[story_id] = s

    def members_of(self, story_idxs: set[int]) -> list[str]:
        """Article ids of every article in the given live stories."""
        if not story_idxs or not self.ids:
            return []
        hit = np.isin(self.roots(self._story.a), np.fromiter(story_idxs, dtype=np.int32))
        return [self.ids[r] for r in np.flatnonzero(hit).tolist()]

    # -- LSH (syndication candidates)
    def _merge_lsh(self) -> None:
        m0, m1 = self._lsh_merged, self._sig.n
        if m1 > m0:
            keys = _band_keys(self._sig.buf[m0:m1]).T                      # (N_BANDS, k)
            order = np.argsort(keys, axis=1, kind="stable")
            keys = np.take_along_axis(keys, order, axis=1)
            rows = self._sig_art.buf[m0:m1][order]
            if self._lsh_keys.shape[1] == 0:
                self._lsh_keys, self._lsh_rows = keys, rows.astype(np.int32)
            else:
                new_k = np.empty((N_BANDS, self._lsh_keys.shape[1] + keys.shape[1]), dtype=np.int64)
                new_r = np.empty(new_k.shape, dtype=np.int32)
                for b in range(N_BANDS):
                    pos = np.searchsorted(self._lsh_keys[b], keys[b], side="right")
                    new_k[b] = np.insert(self._lsh_keys[b], pos, keys[b])
                    new_r[b] = np.insert(self._lsh_rows[b], pos, rows[b])
                self._lsh_keys, self._lsh_rows = new_k, new_r
        self._lsh_merged = m1
        self._lsh_new.clear()

    def lsh_candidates(self, band_keys: np.ndarray) -> np.ndarray:
        """Rows of indexed articles that share at least one LSH band with a signature (a row once per band it
        shares: over a flood of tiny articles the candidates grow with the corpus, and making them distinct
        cost more than scoring the repeats)."""
        parts: list[np.ndarray] = []
        bands = band_keys.tolist()
        if self._lsh_keys.shape[1]:
            lo = [np.searchsorted(self._lsh_keys[b], k, side="left") for b, k in enumerate(bands)]
            hi = [np.searchsorted(self._lsh_keys[b], k, side="right") for b, k in enumerate(bands)]
            parts += [self._lsh_rows[b, lo[b]:hi[b]] for b in range(len(bands)) if hi[b] > lo[b]]
        for b, k in enumerate(bands):
            rows = self._lsh_new.get((b << 62) | k)
            if rows:
                parts.append(np.asarray(rows, dtype=np.int32))
        return np.concatenate(parts) if parts else np.empty(0, dtype=np.int32)

    # -- blocking postings (tasks.stories.blocking)
    def post(self, s: Story, keys: np.ndarray, days: list[int | None]) -> None:
        self.postings.post(s.idx, keys, days)

    def posted_stories(self, keys: np.ndarray, day: int | None) -> tuple[np.ndarray, np.ndarray]:
        """See :meth:`tasks.stories.blocking.Postings.posted_stories`."""
        return self.postings.posted_stories(keys, day)

    # -- persistence
    def save(self, folder: Path) -> Path:
        """Write the index as one .npz (arrays plus a JSON member for ids, df and counts), atomically."""
        self.postings.merge()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / INDEX_FILE
        for stale in folder.glob(f".{INDEX_FILE}.*.tmp"):    # a killed earlier save's (saves hold the run lock)
            stale.unlink(missing_ok=True)
        sl = self.story_list
        members = [(s.idx, m) for s in sl for m in s.core]
        meta = {"version": INDEX_VERSION, "rules": _index_rules(), "n_docs": self.n_docs, "df": self.df,
                "ids": self.ids, "built_docs": self.built_docs}
        arrays: dict[str, Any] = {
            "meta": np.frombuffer(json.dumps(meta, separators=(",", ":")).encode(), dtype=np.uint8),
            "a_story": self._story.a, "a_group": self._group.a, "a_day": self._day.a, "a_score": self._score.a,
            "a_syn": self._syn.a, "a_nsh": self._nsh.a, "a_sig_of": self._sig_of.a, "sig": self._sig.a,
            "p_key": self.postings.key, "p_day": self.postings.day, "p_story": self.postings.story,
            "s_founder": np.array([self.row[s.story_id] for s in sl], dtype=np.int32),
            "s_n": np.array([s.n for s in sl], dtype=np.int32),
            "s_undated": np.array([s.n_undated for s in sl], dtype=np.int32),
            "s_n_days": np.array([len(s.days) for s in sl], dtype=np.int32),
            "s_days": np.array([d for s in sl for d in s.days], dtype=np.int32),
            "s_n_keys": np.array([len(s.keys) for s in sl], dtype=np.int32),
            "s_keys": np.concatenate([s.keys for s in sl]) if sl else _NO_KEYS,
            "s_n_anchors": np.array([len(s.anchors) for s in sl], dtype=np.int32),
            "s_root": self._live.buf[self._merge_group.a],
            "s_anchors": np.array([d for s in sl for d in s.anchors], dtype=np.int32),
            "m_story": np.array([i for i, _ in members], dtype=np.int32),
            "m_n_terms": np.array([m.n_terms for _, m in members], dtype=np.int32),
            "m_n_keys": np.array([len(m.keys) for _, m in members], dtype=np.int32),
            "m_norm": np.array([m.norm for _, m in members], dtype=np.float64),
            "m_weekdays": np.array([m.weekdays for _, m in members], dtype=np.int8),
            "m_spec": np.concatenate([m.spec for _, m in members]) if members else np.empty(0, dtype=bool),
            "m_keys": np.concatenate([m.keys for _, m in members]) if members else _NO_KEYS,
            # float32 halves the largest part of the index; more precise than the 5 decimals of INDEX_VERSION 2
            "m_weights": (np.concatenate([m.weights for _, m in members]) if members
                          else np.empty(0)).astype(np.float32),
        }
        parquet.atomic_write(path, lambda fh: np.savez(fh, **arrays))
        for old in LEGACY_INDEX_FILES:
            (folder / old).unlink(missing_ok=True)
        return path

    @classmethod
    def load(cls, folder: Path) -> StoryIndex | None:
        """The saved index, or None when there is none, it was written by another index version or under
        other rules (``_index_rules``: rule files, parameters), or it cannot be read.

        An unreadable index (truncated, overwritten, an object array numpy would have to unpickle: it is
        never unpickled) is logged as a warning naming the file, and treated as absent: the caller assigns
        every committed article again and writes a new index (an automatic rebuild)."""
        path = folder / INDEX_FILE
        if not path.exists():
            return None
        try:
            return cls._read(path)
        except (OSError, ValueError, KeyError, TypeError, IndexError, EOFError, zipfile.BadZipFile) as e:
            log.warning("story index %s is unreadable (%s: %s); ignoring it and rebuilding it from the "
                        "committed articles", path, type(e).__name__, str(e)[:200])
            return None

    @classmethod
    def _read(cls, path: Path) -> StoryIndex | None:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(z["meta"].tobytes())
            if meta.get("version") != INDEX_VERSION or meta.get("rules") != _index_rules():
                return None
            a = {k: z[k] for k in z.files if k != "meta"}
        n = len(meta["ids"])
        if any(len(a[c]) != n for c in ("a_story", "a_group", "a_day", "a_score", "a_syn", "a_nsh", "a_sig_of")):
            raise ValueError(f"article columns disagree with the {n} article ids")
        idx = cls()
        idx.n_docs, idx.df, idx.ids = meta["n_docs"], meta["df"], meta["ids"]
        idx.built_docs = int(meta.get("built_docs", 0))
        idx.row = {aid: i for i, aid in enumerate(idx.ids)}
        for name, col in (("_story", "a_story"), ("_group", "a_group"), ("_day", "a_day"), ("_score", "a_score"),
                          ("_syn", "a_syn"), ("_nsh", "a_nsh"), ("_sig_of", "a_sig_of")):
            setattr(idx, name, _Grow(getattr(idx, name).buf.dtype, data=a[col]))
        idx._sig = _Grow(np.int32, N_PERM, data=a["sig"].reshape(-1, N_PERM))
        idx._sig_art = _Grow(np.int32, data=np.flatnonzero(idx._sig_of.a >= 0).astype(np.int32))
        idx._merge_lsh()
        idx.postings = Postings(a["p_key"], a["p_day"], a["p_story"])
        day_end = np.cumsum(a["s_n_days"]).tolist()
        key_end = np.cumsum(a["s_n_keys"]).tolist()
        anchor_end = np.cumsum(a["s_n_anchors"]).tolist()
        days = a["s_days"].tolist()
        keys = a["s_keys"]
        anchors = a["s_anchors"].tolist()
        d0 = k0 = a0 = 0
        for i, (founder, n, und, d1, k1, a1) in enumerate(zip(a["s_founder"].tolist(), a["s_n"].tolist(),
                                                              a["s_undated"].tolist(), day_end, key_end,
                                                              anchor_end)):
            s = Story(idx.ids[founder], [], days[d0:d1], n, und, keys[k0:k1], i, anchors[a0:a1])
            idx.story_list.append(s)
            d0, k0, a0 = d1, k1, a1
        root = a["s_root"]
        if len(root) != len(idx.story_list) or (len(root) and (root.min() < 0 or root.max() >= len(root))):
            raise ValueError("story roots out of range")
        idx._merge_group = _Grow(np.int32, data=root)      # a group per live story, named by it
        idx._live = _Grow(np.int32, data=np.arange(len(root)))
        order = np.argsort(root, kind="stable")
        for g, members in zip(*_runs(root[order], order)):
            if len(members) > 1:
                idx._group_stories[g] = members
        idx.stories = {s.story_id: s for s in idx.story_list if int(root[s.idx]) == s.idx}
        m_keys, m_w, m_spec = a["m_keys"], a["m_weights"], a["m_spec"].astype(bool)
        if len(m_spec) != len(m_keys):
            raise ValueError("core member key flags disagree with their keys")
        o = w = 0
        for si, nt, nk, norm, wd in zip(a["m_story"].tolist(), a["m_n_terms"].tolist(), a["m_n_keys"].tolist(),
                                        a["m_norm"].tolist(), a["m_weekdays"].tolist()):
            idx.story_list[si].core.append(Member(m_keys[o:o + nk], m_w[w:w + nt], nt, norm, wd, m_spec[o:o + nk]))
            o, w = o + nk, w + nt
        return idx

