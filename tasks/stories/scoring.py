"""Scoring an article against candidate stories: date factor, pair similarities with core members, join
thresholds, syndication (near-duplicate) similarity, and candidate blocking."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from tasks.stories.dates import _gap, anchor_factor, weekdays_disagree
from tasks.stories.features import _band_keys, key_hashes
from tasks.stories.index import NO_DAY, Member, Story, StoryIndex
from tasks.stories.params import (DATE_SLACK, MAX_CANDIDATES, DATE_WINDOW, SPEC_MIN_DF, SPEC_MIN_UNDATED, SPEC_SHARE,
                                  SPEC_SHARE_MIN, STORY_THRESHOLD, SYN_CONTAINMENT, SYN_THRESHOLD, TOPIC_MARGIN,
                                  TOPIC_MARGIN_DATED, TOPIC_WEIGHT, TOPIC_WEIGHT_DATED, UNDATED_MARGIN,
                                  UNDATED_SIZE_SLOPE, W_ENTS, W_TERMS, WEEKDAY_MARGIN, ENT_BREADTH)

if TYPE_CHECKING:
    from tasks.stories.features import Features


def date_factor(day: int | None, days: list[int]) -> float | None:
    """1 within DATE_SLACK days of the story's nearest date, linear down to 0 at DATE_WINDOW (``days``
    sorted, as a story's dates and anchors are).

    None when either side has no date: unknown, not compatible (the caller then
    asks for stronger textual evidence, see :func:`join_threshold`).
    """
    if day is None or not days:
        return None
    return _factor_of_gap(_gap(day, days))


def _factor_of_gap(gap: int) -> float:
    if gap <= DATE_SLACK:
        return 1.0
    if gap >= DATE_WINDOW:
        return 0.0
    return (DATE_WINDOW - gap) / (DATE_WINDOW - DATE_SLACK)


def story_date_factor(f: Features, s: Story) -> float | None:
    """The date factor of an article against a story: publication dates where both have them, else the
    dates the text anchors (:mod:`tasks.stories.dates`); None when nothing can be compared.

    An undated article is compared by its text anchors with the story's publication dates (agreement or
    contradiction); a dated article with the full dates the story's undated core members name, and two
    undated sides by their full dates, in both cases by agreement only (an article that names an old date
    says nothing against a later one)."""
    dfac = date_factor(f.day, s.days)
    if dfac is not None:
        return dfac
    if f.day is None and s.days:
        return anchor_factor(f.anchors, f.month_days, f.years, s.days, date_factor)
    if s.anchors:
        mine = [f.day] if f.day is not None else list(f.anchors)
        agree = [d for d in mine if date_factor(d, s.anchors) == 1.0]
        if agree:
            return 1.0
    return None


def specific_df(n_docs: int) -> float:
    """Document frequency up to which a term/entity is event-specific rather than topic-wide."""
    return max(SPEC_MIN_DF, SPEC_SHARE * n_docs)


class ArticleArrays(NamedTuple):
    """An article's features as arrays for comparing it with many core members (see :func:`article_arrays`)."""
    terms: np.ndarray      # term hashes, in the order of Features.vec
    weights: np.ndarray
    spec: np.ndarray       # term is event-specific (df <= spec_cut)
    ents: np.ndarray       # entity key hashes, in the order of Features.entities
    ent_weights: np.ndarray
    ent_spec: np.ndarray
    ent_total: float


def article_arrays(f: Features, df: dict[str, int], spec_cut: float) -> ArticleArrays:
    terms, ents = list(f.vec), list(f.entities)
    return ArticleArrays(
        key_hashes(terms), np.fromiter(f.vec.values(), dtype=np.float64, count=len(terms)),
        np.fromiter((df.get(t, 0) <= spec_cut for t in terms), dtype=bool, count=len(terms)),
        key_hashes(ents), np.fromiter(f.entities.values(), dtype=np.float64, count=len(ents)),
        np.fromiter((df.get(e, 0) <= spec_cut for e in ents), dtype=bool, count=len(ents)),
        sum(f.entities.values()))


def _match(article_keys: np.ndarray, member_keys: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(member index, article position, position in the members' concatenated keys) of every key a member
    shares with the article."""
    order = np.argsort(article_keys, kind="stable")
    sorted_keys = article_keys[order]
    keys = np.concatenate(member_keys)
    owner = np.repeat(np.arange(len(member_keys)), [len(k) for k in member_keys])
    pos = np.searchsorted(sorted_keys, keys)
    np.minimum(pos, len(sorted_keys) - 1, out=pos)
    hit = np.flatnonzero(sorted_keys[pos] == keys)
    return owner[hit], order[pos[hit]], hit


def _row_sums(values: np.ndarray) -> np.ndarray:
    """Left-to-right sum of each row (cumulative sum: no pairwise summation, so exactly the floats a loop that
    adds the non-zero entries in article order gives; adding 0.0 changes nothing)."""
    return np.cumsum(values, axis=1)[:, -1] if values.shape[1] else np.zeros(values.shape[0])


def _breadth(n_ents: int, members: list[Member]) -> np.ndarray:
    """Per member: (article's entities / member's entities) ** ENT_BREADTH, at most 1.

    A broad member (an explainer, a round-up naming 170 people and places) names most of any short report's
    entities without being about its event; without dates nothing else tells them apart, so the entity
    share counts less the more names the member has beyond the article's."""
    n_m = np.array([max(1, len(m.keys) - m.n_terms) for m in members], dtype=np.float64)
    return np.minimum(1.0, n_ents / n_m) ** ENT_BREADTH


def pair_similarities(a: ArticleArrays, members: list[Member],
                      broad: list[bool] | None = None) -> list[tuple[float, float]]:
    """(similarity, specific part) of one article (as :func:`article_arrays`) and each of ``members``.

    similarity = W_TERMS * cosine(tf-idf vectors) + W_ENTS * idf-weighted share of
    the article's entities the member also names. The specific part is the same
    sum restricted to shared terms/entities whose document frequency is at most
    the cut the arrays were made with (event-specific words and names, not
    topic-wide ones such as "election" or "Trump" in a corpus of campaign news).
    Where ``broad`` is true for a member (comparisons without dates), the entity
    share is scaled by :func:`_breadth`.
    All members at once: one vectorised match, the same floats as one by one.
    """
    n = len(members)
    dot = spec_dot = ent = spec_ent = [0.0] * n
    if n and len(a.terms):
        i, j, hit = _match(a.terms, [m.keys[:m.n_terms] for m in members])
        if len(hit):
            prods = np.zeros((n, len(a.terms)))
            prods[i, j] = a.weights[j] * np.concatenate([m.weights for m in members])[hit]
            dot = _row_sums(prods).tolist()
            spec_dot = _row_sums(np.where(a.spec, prods, 0.0)).tolist()
    if n and a.ent_total and len(a.ents):
        i, j, hit = _match(a.ents, [m.keys[m.n_terms:] for m in members])
        if len(hit):
            shared = np.zeros((n, len(a.ents)))
            shared[i, j] = a.ent_weights[j]
            breadth = _breadth(len(a.ents), members) if broad is None else \
                np.where(broad, _breadth(len(a.ents), members), 1.0)
            ent = (_row_sums(shared) / a.ent_total * breadth).tolist()
            spec_ent = (_row_sums(np.where(a.ent_spec, shared, 0.0)) / a.ent_total * breadth).tolist()
    return [(W_TERMS * dot[k] / m.norm + W_ENTS * ent[k], W_TERMS * spec_dot[k] / m.norm + W_ENTS * spec_ent[k])
            for k, m in enumerate(members)]


def pair_similarity(f: Features, m: Member, df: dict[str, int], spec_cut: float) -> tuple[float, float]:
    """(similarity, specific part) of an article and one core member (see :func:`pair_similarities`)."""
    return pair_similarities(article_arrays(f, df, spec_cut), [m])[0]


def story_scores(f: Features, stories: list[Story], df: dict[str, int], n_docs: int,
                 arrays: ArticleArrays | None = None) -> list[tuple[float, float]]:
    """(score, join threshold) of an article against each story.

    Each core member's pair similarity counts its topic-wide part (shared terms
    that are not event-specific) only TOPIC_WEIGHT (TOPIC_WEIGHT_DATED when the
    dates can be compared) times. The score is the date factor times the mean of
    these weighted similarities over the closest majority of the story's core
    (all of them up to 2, 2 of 3, 3 of 4 or 5, 4 of 6): an article must resemble
    most of the articles that founded the story, not one of them and not their
    union. 0 outside the date window.
    """
    cut = specific_df(n_docs)
    dfacs = [story_date_factor(f, s) for s in stories]
    live = [k for k, s in enumerate(stories) if dfacs[k] != 0.0 and s.core]
    out = [(0.0, 1.0)] * len(stories)
    if not live:
        return out
    if arrays is None:
        arrays = article_arrays(f, df, cut)
    sims = iter(pair_similarities(arrays, [m for k in live for m in stories[k].core],
                                  [dfacs[k] is None for k in live for _ in stories[k].core]))
    for k in live:
        s, dfac = stories[k], dfacs[k]
        undated = dfac is None
        tw = TOPIC_WEIGHT if undated else TOPIC_WEIGHT_DATED
        pairs = []
        for m in s.core:
            sim, spec = next(sims)
            pairs.append((spec + tw * (sim - spec), sim, spec, m.weekdays))
        pairs.sort(reverse=True)
        n = len(pairs) // 2 + 1
        eff = sum(p[0] for p in pairs[:n]) / n
        sim = sum(p[1] for p in pairs[:n]) / n
        spec = sum(p[2] for p in pairs[:n]) / n
        spec_least = min(p[2] for p in pairs[:n])
        # dfac is None exactly when undated
        thr = join_threshold(sim, spec, undated, s.n, spec_least)
        if undated and f.weekdays:
            thr += weekday_margin_of([f.weekdays], [p[3] for p in pairs[:n]])
        out[k] = ((1.0 if dfac is None else dfac) * eff, thr)
    return out


def weekday_margin_of(a: list[int], b: list[int]) -> float:
    """WEEKDAY_MARGIN when more pairs (a weekday mask of ``a``, one of ``b``) name disjoint weekdays than name a
    common one, else 0. Reports of one event name the day it happened on ("arrested early Sunday"); the same
    kind of event on another day names another (within one topic of ECB+, two reports that both name weekdays
    share one in 82% of same-event pairs and 42% of other-event pairs)."""
    a, b = [x for x in a if x], [y for y in b if y]
    if not a or not b:
        return 0.0
    disagree = sum(weekdays_disagree(x, y) for x in a for y in b)
    return WEEKDAY_MARGIN if disagree > sum(bool(x & y) for x in a for y in b) else 0.0


def weekday_margin(a: Story, b: Story) -> float:
    """:func:`weekday_margin_of` the two cores when their dates cannot be compared (not both dated)."""
    if a.days and b.days:
        return 0.0
    return weekday_margin_of([m.weekdays for m in a.core], [m.weekdays for m in b.core])


def story_score(f: Features, s: Story, df: dict[str, int], n_docs: int) -> tuple[float, float]:
    """(score, join threshold) of an article against one story (see :func:`story_scores`)."""
    return story_scores(f, [s], df, n_docs)[0]


def join_threshold(sim: float, spec: float, undated: bool, size: int, spec_least: float | None = None) -> float:
    """Score an article needs to join a story of ``size`` articles.

    STORY_THRESHOLD, raised when less than SPEC_SHARE_MIN of the similarity comes
    from event-specific terms (the article shares only the topic with the story:
    + TOPIC_MARGIN, or TOPIC_MARGIN_DATED when the dates agree, since matching
    dates already point at one event), and when the dates cannot be compared
    (a missing date is unknown, so the text has to carry the evidence):
    + UNDATED_MARGIN + UNDATED_SIZE_SLOPE * log2(size), stricter for larger stories.
    Without dates, an article never joins when its specific part with one of the
    closest majority of core members (``spec_least``) is below SPEC_MIN_UNDATED.
    """
    if undated and (spec if spec_least is None else spec_least) < SPEC_MIN_UNDATED:
        return math.inf      # nothing event-specific in common and no dates: never the same story
    thr = STORY_THRESHOLD
    if sim <= 0 or spec < SPEC_SHARE_MIN * sim:
        thr += TOPIC_MARGIN if undated else TOPIC_MARGIN_DATED
    if undated:
        thr += UNDATED_MARGIN + UNDATED_SIZE_SLOPE * math.log2(max(size, 1))
    return thr


def _syn_similarity(a: np.ndarray, b: np.ndarray, na: int, nb: int) -> tuple[float, float]:
    """(estimated Jaccard, estimated containment of the smaller set in the larger)."""
    j = float(np.mean(a == b))
    small = min(na, nb)
    if small <= 0:
        return j, 0.0
    # |A∩B| = J/(1+J) * (|A|+|B|)
    inter = j / (1.0 + j) * (na + nb)
    return j, min(1.0, inter / small)


def candidate_stories(f: Features, index: StoryIndex) -> set[str]:
    """Stories sharing one of the article's blocking keys on a day within the date window (or undated): the
    MAX_CANDIDATES sharing the most keys (ties: the older story), so the work per article stays bounded."""
    stories, counts = index.posted_stories(key_hashes(f.block_keys), f.day)
    if not len(stories):
        return set()
    roots = index.roots(stories)
    if not np.array_equal(roots, stories):       # some were merged into another: add up per live story
        stories, inverse = np.unique(roots, return_inverse=True)
        counts = np.bincount(inverse, weights=counts).astype(np.int64)
    top = np.lexsort((stories, -counts))[:MAX_CANDIDATES]   # most shared keys first, then the older story
    return {index.story_list[i].story_id for i in stories[top].tolist()}


def find_syndicated(f: Features, index: StoryIndex) -> tuple[str | None, float]:
    """Best near-duplicate already in the index within the date window: (article_id, similarity) or (None, 0).

    Candidates are the indexed articles sharing an LSH band with the article. A copy published DATE_WINDOW
    days or more away (or, undated, whose text names dates months away) is a re-run of old copy, not coverage
    of this event. Among the matches (estimated Jaccard >= SYN_THRESHOLD or containment >= SYN_CONTAINMENT)
    the most similar wins, ties to the smallest article id. All candidates at once: a band of boilerplate
    words ("X said on Monday that") is shared by a fixed share of a flood of tiny articles, so the candidates
    grow with the corpus (one Python step each made the stage quadratic).
    """
    if f.signature is None:
        return None, 0.0
    rows = index.lsh_candidates(_band_keys(f.signature))
    if len(rows):
        rows = rows[_in_syndication_window(f, index._day.buf[rows].astype(np.int64))]
    if not len(rows):
        return None, 0.0
    eq = np.count_nonzero(index._sig.buf[index._sig_of.buf[rows]] == f.signature, axis=1)
    j = eq / len(f.signature)
    nb = index._nsh.buf[rows].astype(np.int64)
    small = np.minimum(nb, f.n_shingles)
    inter = j / (1.0 + j) * (f.n_shingles + nb)
    cont = np.where(small > 0, np.minimum(1.0, inter / np.maximum(small, 1)), 0.0)
    sim = np.where((j >= SYN_THRESHOLD) | (cont >= SYN_CONTAINMENT), np.maximum(j, cont), 0.0)
    best_sim = float(sim.max())
    if best_sim <= 0.0:
        return None, 0.0
    return min(index.ids[r] for r in rows[sim == best_sim].tolist()), best_sim


def _in_syndication_window(f: Features, days: np.ndarray) -> np.ndarray:
    """Mask of candidate days (NO_DAY: undated) a copy of ``f`` may have: within DATE_WINDOW of its day, or,
    for an undated article, not contradicted by the dates its text names."""
    undated = days == NO_DAY
    if f.day is not None:
        return undated | (np.abs(days - f.day) < DATE_WINDOW)
    keep = np.ones(len(days), dtype=bool)
    if f.anchors or f.month_days or f.years:
        for d in np.unique(days[~undated]).tolist():
            if anchor_factor(f.anchors, f.month_days, f.years, [d], date_factor) == 0.0:
                keep &= days != d
    return keep


def _shared(a_keys: list[np.ndarray], b_keys: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every key a member of ``a_keys`` shares with a member of ``b_keys`` (each member's keys distinct):
    (position in a's concatenated keys, position in b's, pair index a_member * len(b_keys) + b_member),
    in the order of a's keys."""
    ka, kb = np.concatenate(a_keys), np.concatenate(b_keys)
    oa = np.repeat(np.arange(len(a_keys)), [len(k) for k in a_keys])
    ob = np.repeat(np.arange(len(b_keys)), [len(k) for k in b_keys])
    order = np.argsort(kb, kind="stable")
    lo = np.searchsorted(kb[order], ka, side="left")
    n = np.searchsorted(kb[order], ka, side="right") - lo
    ia = np.repeat(np.arange(len(ka)), n)
    ib = order[np.arange(len(ia)) - np.repeat(np.cumsum(n) - n, n) + np.repeat(lo, n)]
    return ia, ib, oa[ia] * len(b_keys) + ob[ib]


def core_similarities(a: list[Member], b: list[Member]) -> np.ndarray:
    """(len(a), len(b)) member similarities: W_TERMS * cosine of their tf-idf terms + W_ENTS * the share of
    the smaller entity set the other names (members keep term weights and entity keys, not entity weights).

    All pairs at once (one match over the concatenated keys; the dot products are summed in key order):
    member by member, merge checks over a flood of small stories were most of the stage's time."""
    pairs = len(a) * len(b)
    ia, ib, pair = _shared([m.keys[:m.n_terms] for m in a], [m.keys[:m.n_terms] for m in b])
    wa = np.concatenate([m.weights for m in a]).astype(np.float64)
    wb = np.concatenate([m.weights for m in b]).astype(np.float64)
    dot = np.bincount(pair, weights=wa[ia] * wb[ib], minlength=pairs).reshape(len(a), len(b))
    cos = dot / np.outer([m.norm for m in a], [m.norm for m in b])
    _, _, pair = _shared([m.keys[m.n_terms:] for m in a], [m.keys[m.n_terms:] for m in b])
    shared = np.bincount(pair, minlength=pairs).reshape(len(a), len(b))
    n_ents = [len(m.keys) - m.n_terms for m in a], [len(m.keys) - m.n_terms for m in b]
    ent = shared / np.maximum(1, np.minimum.outer(*n_ents))
    return W_TERMS * cos + W_ENTS * ent


def specific_share(a: Story, b: Story) -> float:
    """Share of the two cores' summed member similarities (:func:`core_similarities`) that comes from keys both
    members flag as event-specific (document frequency at most :func:`specific_df` when they were weighted),
    0 when they share nothing. Topic-wide coverage (a campaign's "debate", "Ohio", "voters") is alike through
    topic-wide keys; two fragments of one event through its own names and words."""
    ca, cb = a.core, b.core
    if not ca or not cb:
        return 0.0
    pairs = len(ca) * len(cb)
    norms = np.outer([m.norm for m in ca], [m.norm for m in cb]).ravel()
    ia, ib, pair = _shared([m.keys[:m.n_terms] for m in ca], [m.keys[:m.n_terms] for m in cb])
    both = np.concatenate([m.spec[:m.n_terms] for m in ca])[ia] & np.concatenate([m.spec[:m.n_terms] for m in cb])[ib]
    prod = np.concatenate([m.weights for m in ca]).astype(np.float64)[ia] * \
        np.concatenate([m.weights for m in cb]).astype(np.float64)[ib]
    dot = np.bincount(pair, weights=prod, minlength=pairs) / norms
    spec_dot = np.bincount(pair, weights=np.where(both, prod, 0.0), minlength=pairs) / norms
    ia, ib, pair = _shared([m.keys[m.n_terms:] for m in ca], [m.keys[m.n_terms:] for m in cb])
    both = np.concatenate([m.spec[m.n_terms:] for m in ca])[ia] & np.concatenate([m.spec[m.n_terms:] for m in cb])[ib]
    den = np.maximum(1, np.minimum.outer([len(m.keys) - m.n_terms for m in ca],
                                         [len(m.keys) - m.n_terms for m in cb])).ravel()
    ent = np.bincount(pair, minlength=pairs) / den
    spec_ent = np.bincount(pair, weights=both.astype(np.float64), minlength=pairs) / den
    total = float(np.sum(W_TERMS * dot + W_ENTS * ent))
    return float(np.sum(W_TERMS * spec_dot + W_ENTS * spec_ent)) / total if total > 0 else 0.0


def member_similarity(a: Member, b: Member) -> float:
    """Similarity of two core members (see :func:`core_similarities`)."""
    return float(core_similarities([a], [b])[0, 0])


def _days_factor(a: list[int], b: list[int]) -> float:
    """The best date factor between two sorted lists of dates (that of their nearest pair of dates)."""
    da, db = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    pos = np.searchsorted(db, da)
    left, right = db[np.maximum(pos - 1, 0)], db[np.minimum(pos, len(db) - 1)]
    return _factor_of_gap(int(np.minimum(np.abs(da - left), np.abs(da - right)).min()))


def story_similarity(a: Story, b: Story) -> float:
    """Mean member similarity over every pair of the two cores, times the date factor between their dates
    (0 when both are dated and further apart than DATE_WINDOW)."""
    return story_similarities(a, [b])[0]


def story_similarities(a: Story, others: list[Story]) -> list[float]:
    """:func:`story_similarity` of ``a`` and each of ``others``, with one :func:`core_similarities` of a's core and
    the live others' cores together (the same floats: each pair's dot product adds its shared keys in a's key
    order whatever else is matched, and the rest is element by element)."""
    out = [0.0] * len(others)
    if not a.core:
        return out
    live: list[tuple[int, float]] = []
    for k, b in enumerate(others):
        if not b.core:
            continue
        dfac = _days_factor(a.days, b.days) if a.days and b.days else 1.0
        if dfac != 0.0:
            live.append((k, dfac))
    if not live:
        return out
    sims = core_similarities(a.core, [m for k, _ in live for m in others[k].core])
    col = 0
    for k, dfac in live:
        n = len(others[k].core)
        vals = sims[:, col:col + n].ravel().tolist()
        out[k] = dfac * sum(vals) / len(vals)
        col += n
    return out
