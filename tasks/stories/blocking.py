"""Blocking postings of the story index: which stories are posted under which key on which day.

An article is compared only with the stories that share one of its most salient keys on a day within the
date window (or undated): :meth:`Postings.posted_stories`. Postings are sorted numpy arrays (key, day, story)
searched with ``np.searchsorted``, plus a dict of the newest ones merged into the arrays every
POSTINGS_FLUSH postings.
"""
from __future__ import annotations

import numpy as np

from tasks.stories.params import BLOCK_MAX_POSTINGS, DATE_WINDOW

NO_DAY = int(np.iinfo(np.int32).max)   # "no publication date" in integer day columns (sorts after every real day)
POSTINGS_FLUSH = 1 << 17  # (key, day, story) postings kept in a dict before they are merged into the sorted arrays


class Postings:
    """(key, day, story) postings: sorted arrays plus the newest ones in a dict."""

    def __init__(self, key: np.ndarray | None = None, day: np.ndarray | None = None,
                 story: np.ndarray | None = None) -> None:
        self.key = np.empty(0, dtype=np.int64) if key is None else key         # sorted by (key, day)
        self.day = np.empty(0, dtype=np.int32) if day is None else day
        self.story = np.empty(0, dtype=np.int32) if story is None else story
        self.new: dict[int, dict[int | None, list[int]]] = {}   # key -> day -> stories not merged yet
        self.n_new = 0

    def post(self, story: int, keys: np.ndarray, days: list[int | None]) -> None:
        """Post story position ``story`` under each of ``keys`` on each of ``days`` (None: undated)."""
        if not len(keys) or not days:
            return
        for k in keys.tolist():
            by_day = self.new.get(k)
            if by_day is None:
                by_day = self.new[k] = {}
            for d in days:
                by_day.setdefault(d, []).append(story)
        self.n_new += len(keys) * len(days)
        if self.n_new >= POSTINGS_FLUSH:
            self.merge()

    def merge(self) -> None:
        """Merge the postings kept in the dict into the sorted arrays."""
        if not self.new:
            return
        ks: list[int] = []
        ds: list[int] = []
        ss: list[int] = []
        for k, by_day in self.new.items():
            for d, stories in by_day.items():
                ks.extend([k] * len(stories))
                ds.extend([NO_DAY if d is None else d] * len(stories))
                ss.extend(stories)
        key = np.concatenate([self.key, np.array(ks, dtype=np.int64)])
        day = np.concatenate([self.day, np.array(ds, dtype=np.int32)])
        story = np.concatenate([self.story, np.array(ss, dtype=np.int32)])
        order = np.lexsort((day, key))
        self.key, self.day, self.story = key[order], day[order], story[order]
        self.new.clear()
        self.n_new = 0

    def posted_stories(self, keys: np.ndarray, day: int | None) -> tuple[np.ndarray, np.ndarray]:
        """Stories posted under one of ``keys`` on a day within DATE_WINDOW of ``day``, or undated (any day if
        None), as (sorted story positions, number of those keys each shares).

        A key with more than BLOCK_MAX_POSTINGS (story, day) postings in that window is topic-wide ("vote",
        "market" in a flood of tiny articles) and not used: it would make every article a candidate for every
        story and the stage quadratic (5,000 tiny articles took 172 s, 200k never finished).
        """
        parts: list[np.ndarray] = []
        merged = bool(len(self.key)) and bool(len(keys))
        lo = np.searchsorted(self.key, keys, side="left").tolist() if merged else []
        hi = np.searchsorted(self.key, keys, side="right").tolist() if merged else []
        for n, k in enumerate(keys.tolist()):
            found: list[np.ndarray] = []
            if merged and hi[n] > lo[n]:
                a, b = lo[n], hi[n]
                if day is None:
                    found.append(self.story[a:b])
                else:
                    first, last, undated = np.searchsorted(
                        self.day[a:b], (day - DATE_WINDOW, day + DATE_WINDOW + 1, NO_DAY)).tolist()
                    found += [self.story[a + first:a + last], self.story[a + undated:b]]
            n_postings = sum(map(len, found))
            if n_postings > BLOCK_MAX_POSTINGS:
                continue                     # topic-wide already in the sorted postings
            recent = self._recent(k, day)
            n_postings += sum(map(len, recent))
            if n_postings == 0 or n_postings > BLOCK_MAX_POSTINGS:
                continue
            found += [np.asarray(stories, dtype=np.int32) for stories in recent]
            parts += [(n << 32) | f.astype(np.int64) for f in found if len(f)]
        if not parts:
            return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.int64)
        # a story counts once per key it is posted under (on any day of the window): (key, story) made distinct
        # in one pass over every key's postings, then counted per story
        pairs = np.unique(np.concatenate(parts))
        return np.unique((pairs & 0xFFFFFFFF).astype(np.int32), return_counts=True)

    def _recent(self, key: int, day: int | None) -> list[list[int]]:
        """Story lists posted under ``key`` since the last merge on a day within DATE_WINDOW of ``day`` or
        undated (every day if None). Looks up the window's days rather than walking every day the key was
        posted on: a key of a corpus spread over a year has hundreds (that walk was most of the stage's time
        over 200k tiny articles)."""
        by_day = self.new.get(key)
        if not by_day:
            return []
        if day is None:
            return list(by_day.values())
        if len(by_day) <= 2 * DATE_WINDOW + 2:
            return [stories for d, stories in by_day.items() if d is None or abs(d - day) <= DATE_WINDOW]
        out = [by_day.get(d) for d in range(day - DATE_WINDOW, day + DATE_WINDOW + 1)] + [by_day.get(None)]
        return [stories for stories in out if stories]
