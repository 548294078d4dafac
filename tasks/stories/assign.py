"""Assigning articles one by one, in (published_at, source_path, article_id) order, to stories and
syndication groups (mutating a :class:`~tasks.stories.index.StoryIndex`)."""
from __future__ import annotations

import bisect
from datetime import datetime, UTC
from collections.abc import Iterable

import numpy as np

from tasks.stories.features import Features, RawFeatures, compact_features, key_hashes, raw_features
from tasks.stories.index import _NO_KEYS, Member, Story, StoryIndex
from tasks.stories.params import (ALIKE_CANDIDATES, ALIKE_HALF_DATED, ALIKE_ROUNDS, ALIKE_SPEC, ALIKE_THRESHOLD,
                                  MAX_ANCHORS, MAX_CORE, MERGE_THRESHOLD, SPEC_SHARE_MIN)
from tasks.stories.dates import anchor_factor
from tasks.stories.scoring import (candidate_stories, date_factor, find_syndicated, specific_share, story_scores,
                                   story_similarities, story_similarity, weekday_margin)


def _add_to_story(index: StoryIndex, s: Story, f: Features, copy: bool) -> None:
    """Count the article in the story; a non-copy joins the core while it has room (and posts its keys)."""
    new_keys = _NO_KEYS
    if not copy and len(s.core) < MAX_CORE:
        s.core.append(Member.of(f))
        if f.day is None and f.anchors:
            s.anchors = sorted(set(s.anchors) | set(f.anchors))[:MAX_ANCHORS * MAX_CORE]
        new_keys = np.setdiff1d(key_hashes(f.block_keys), s.keys)
        if len(new_keys):
            s.keys = np.union1d(s.keys, new_keys)
    index.touched.add(s.idx)
    old_days = s.posting_days() if s.n else []
    if f.day is None:
        s.n_undated += 1
    else:
        at = bisect.bisect_left(s.days, f.day)      # days stay sorted
        if at == len(s.days) or s.days[at] != f.day:
            s.days.insert(at, f.day)
    s.n += 1
    posted = set(old_days)
    new_days = [d for d in s.posting_days() if d not in posted]
    index.post(s, new_keys, old_days)        # posting days only ever grow
    index.post(s, s.keys, new_days)


def assign_one(f: Features, index: StoryIndex) -> tuple[str, float, str, float]:
    """Assign one article (mutating the index). Returns (story_id, score, syndication_group_id, syn_similarity).

    A near-duplicate of an indexed article joins that article's story and
    syndication group. Otherwise the article joins the candidate story with the
    highest score among those whose score reaches their join threshold, or
    founds a new story (id = its article id, score 1).
    """
    syn_of, syn_sim = find_syndicated(f, index)
    group_row = None
    if syn_of is not None:
        r = index.row[syn_of]
        story = index.story_list[index._story.buf[r]]
        group_row = int(index._group.buf[r])
        score = syn_sim
    else:
        cands = sorted(candidate_stories(f, index))
        scores = story_scores(f, [index.stories[c] for c in cands], index.df, index.n_docs)
        passing = sorted(((sc, sid) for sid, (sc, thr) in zip(cands, scores) if sc >= thr),
                         key=lambda p: (-p[0], p[1]))
        if passing:
            story, score = index.stories[passing[0][1]], passing[0][0]
        else:
            story, score = index.new_story(f.article_id), 1.0
        story = _merge_bridged(index, story, [index.stories[sid] for _, sid in passing[1:]])
    _add_to_story(index, story, f, copy=syn_of is not None)
    syn = syn_sim if syn_of else 1.0
    index.add_article(f, story, group_row, round(score, 4), round(syn, 4))
    group = f.article_id if group_row is None else index.ids[group_row]
    return story.story_id, score, group, syn


def _merge_bridged(index: StoryIndex, best: Story, others: list[Story]) -> Story:
    """Merge into one the stories an article joins that are one story: each other story it reaches the
    join threshold of merges with the best one when their cores alike (:func:`story_similarity` at least
    MERGE_THRESHOLD, plus ALIKE_HALF_DATED when one is dated and the other not). An article matching two stories that are not alike (a live blog, a round-up) joins the
    best one only and never bridges them. The older story (created first) keeps its id; returns it.

    Without this, the same articles in another order (another drop) end in other stories: the story of A
    and the story of C stay apart when B, which resembles both, arrives last.
    """
    for other in others:
        if other.story_id not in index.stories or other is best:
            continue
        if story_similarity(best, other) >= MERGE_THRESHOLD + _half_dated(best, other) + weekday_margin(best, other):
            keep, gone = (best, other) if best.idx < other.idx else (other, best)
            index.merge(keep, gone)
            best = keep
    return best


def _half_dated(a: Story, b: Story) -> float:
    """What more two stories need to merge when one is dated and the other not (their dates cannot be compared):
    the undated one's articles were each compared with the dated story and did not join it, and the same kind
    of event at another time is the usual reason."""
    return ALIKE_HALF_DATED if bool(a.days) != bool(b.days) else 0.0


def merge_alike(index: StoryIndex) -> None:
    """Second pass after a batch: merge each story that got articles in it with the story whose core is most
    alike (:func:`story_similarity` >= :func:`alike_threshold`), best pair first, a few rounds (a story whose
    partner merged with another first, and every merged story, is looked at again in the next round).

    One article at a time, an undated article that founded its own story (nothing passed its join threshold
    yet, or a sibling report arrived later) is never looked at again; comparing whole cores is stronger
    evidence than one article against a core, so two halves of one event still end together. Candidates are
    the stories posted under one of the story's blocking keys on its days (bounded like an article's); dates
    further apart than DATE_WINDOW, or text dates that contradict the other story's dates, never merge; a dated
    and an undated story need ALIKE_HALF_DATED more (their dates cannot be compared).
    """
    todo = set(index.touched)
    for _ in range(ALIKE_ROUNDS):
        pairs = []
        for i in sorted(todo):
            s = index.story_list[i]
            if index.stories.get(s.story_id) is not s:
                continue
            cands = [j for j in _alike_candidates(index, s)
                     if not (_text_dates_conflict(s, index.story_list[j]) or _text_dates_conflict(index.story_list[j], s))]
            # all candidates in one vectorised match (nothing is merged before the pairs are collected)
            for j, sim in zip(cands, story_similarities(s, [index.story_list[j] for j in cands])):
                other = index.story_list[j]
                if sim >= ALIKE_THRESHOLD - ALIKE_SPEC and sim >= alike_threshold(s, other, sim):
                    pairs.append((-sim, min(i, j), max(i, j)))
        done: set[int] = set()
        todo = set()
        waiting: set[int] = set()
        for _, i, j in sorted(pairs):
            if i in done or j in done:
                waiting.update((i, j))       # its partner merged with another first: look again next round
                continue
            index.merge(index.story_list[i], index.story_list[j])
            done.update((i, j))
            todo.add(i)                      # a story whose core changed can find a new partner
        if not todo:
            return
        todo |= waiting - done


def alike_threshold(a: Story, b: Story, sim: float) -> float:
    """Similarity two stories need to merge in the second pass: ALIKE_THRESHOLD, + ALIKE_HALF_DATED when one is
    dated and the other not, + WEEKDAY_MARGIN when their dates cannot be compared and they name other weekdays;
    - ALIKE_SPEC when at least SPEC_SHARE_MIN of their similarity comes from
    event-specific keys (two fragments of one event, alike through its own names and words, where topic-wide
    coverage is alike through the topic's). ``sim`` is their :func:`story_similarity` (the specific share is
    computed only when it decides)."""
    thr = ALIKE_THRESHOLD + _half_dated(a, b) + weekday_margin(a, b)
    if thr - ALIKE_SPEC <= sim < thr and specific_share(a, b) >= SPEC_SHARE_MIN:
        thr -= ALIKE_SPEC
    return thr


def _text_dates_conflict(a: Story, b: Story) -> bool:
    """The full dates ``a``'s undated core members name are all months away from ``b``'s publication dates."""
    return bool(a.anchors and b.days) and anchor_factor(a.anchors, [], [], b.days, date_factor) == 0.0


def _alike_candidates(index: StoryIndex, s: Story) -> list[int]:
    """Live stories (other than ``s``) posted under one of its keys on one of its days (or undated): the
    ALIKE_CANDIDATES sharing the most keys (ties: the older story)."""
    counts: dict[int, int] = {}
    for day in s.posting_days():
        stories, n = index.posted_stories(s.keys, day)
        if len(stories):
            for r, c in zip(index.roots(stories).tolist(), n.tolist()):
                counts[r] = counts.get(r, 0) + c
    counts.pop(s.idx, None)
    return sorted(sorted(counts, key=lambda r: (-counts[r], r))[:ALIKE_CANDIDATES])


def refresh_rows(index: StoryIndex, rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The rows of the articles in ``rows``, plus every article of a story that absorbed another since the
    index was loaded, as the index says now (a story merged after an article's row was made changed its id)."""
    now = datetime.now(UTC)
    ids = list(dict.fromkeys([r["article_id"] for r in rows["story_assignments"]]
                             + index.members_of({i for i in index.merged if index.find(i) == i})))
    out: dict[str, list[dict]] = {"story_assignments": [], "syndication": []}
    for aid in ids:
        sa, sy = _rows_for(aid, index.articles[aid], now)
        out["story_assignments"].append(sa)
        out["syndication"].append(sy)
    return out


def update_df(index: StoryIndex, raws: Iterable[RawFeatures]) -> None:
    """Add the documents' term/entity sets to the index's document frequencies."""
    for r in raws:
        index.n_docs += 1
        for t in r.tf:
            index.df[t] = index.df.get(t, 0) + 1


def _rows_for(aid: str, entry: list, now: datetime) -> tuple[dict, dict]:
    story_id, group, _day, score, syn_sim = entry
    return ({"article_id": aid, "story_id": story_id, "score": float(score), "assigned_at": now},
            {"article_id": aid, "syndication_group_id": group, "similarity": float(syn_sim)})


def assign_articles(articles: list[dict], mentions_by_article: dict[str, list[dict]] | None = None,
                    index: StoryIndex | None = None) -> tuple[dict[str, list[dict]], StoryIndex]:
    """Pure core over in-memory articles: returns (rows for story_assignments/syndication, updated index).

    Articles already in the index are skipped. Document frequencies are updated
    with the whole batch first, then articles are assigned one by one in
    (published_at, source_path, article_id) order.
    """
    index = index if index is not None else StoryIndex()
    mentions_by_article = mentions_by_article or {}
    todo = [a for a in articles if a["article_id"] not in index.articles]
    first: dict[str, dict] = {}
    for a in todo:
        first.setdefault(a["article_id"], a)     # the first of repeated ids
    todo = list(first.values())
    raws = [raw_features(a, mentions_by_article.get(a["article_id"], ())) for a in todo]
    update_df(index, raws)
    feats = [compact_features(r, index.df, index.n_docs) for r in raws]
    del raws
    index.merged.clear()
    index.touched.clear()
    rows = _assign_features(sorted(feats, key=lambda f: f.sort_key), index)
    merge_alike(index)
    return refresh_rows(index, rows), index


def _assign_features(feats: Iterable[Features], index: StoryIndex,
                     rows: dict[str, list[dict]] | None = None) -> dict[str, list[dict]]:
    """Assign features in the given order, appending to ``rows``."""
    now = datetime.now(UTC)
    rows = rows if rows is not None else {"story_assignments": [], "syndication": []}
    for f in feats:
        assign_one(f, index)
        sa, sy = _rows_for(f.article_id, index.articles[f.article_id], now)
        rows["story_assignments"].append(sa)
        rows["syndication"].append(sy)
    return rows

