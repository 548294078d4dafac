"""Corpus stage: story clustering and syndication (near-duplicate) groups.

Two groupings of articles, both incremental and stable across runs:

* **Syndication group** — near-duplicate copies of the same text (wire copy
  republished by several outlets, lightly edited or truncated). A match is an
  estimated Jaccard similarity of word 5-shingle sets >= ``SYN_THRESHOLD``
  (MinHash signatures, candidates blocked by LSH bands), or a containment of
  the shorter text's shingles in the longer one >= ``SYN_CONTAINMENT`` checked on
  the same candidates. The group id is the id of the group's founding article.

* **Story** — articles about the same *event* ("the first presidential
  debate", not "the election"). A story's profile is its *core*: the compact
  features of its first ``MAX_CORE`` non-copy articles. The profile stops
  growing after that, and an article is compared with the core members one by
  one, never with an ever-broadening centroid, so a story cannot chain its way
  through a whole topic. For one core member m:

      pair(a, m) = W_TERMS * cosine(tf-idf of a, tf-idf of m)
                 + W_ENTS  * idf-weighted share of a's named entities that m names

  and the story score is ``date_factor`` times the mean pair similarity to the
  closest *majority* of the core (1 of 1, 2 of 2, 2 of 3, 3 of 4 or 5, 4 of 6).
  The article joins the best-scoring story whose score reaches its join threshold:

      STORY_THRESHOLD
      + TOPIC_MARGIN (TOPIC_MARGIN_DATED when the dates agree) if less than
        SPEC_SHARE_MIN of the similarity comes from event-specific terms and
        entities (document frequency <= max(SPEC_MIN_DF, SPEC_SHARE * documents));
        sharing only topic-wide words ("Trump", "campaign") is not enough
      + UNDATED_MARGIN + UNDATED_SIZE_SLOPE * log2(story size) when the article
        or the story has no publication date: a missing date is unknown, not
        compatible, so the text has to carry more evidence, the more so the
        larger the story.

  ``date_factor`` is 1 within ``DATE_SLACK`` days of the story's dates and falls
  linearly to 0 at ``DATE_WINDOW`` days, so the same topic months apart (two
  rounds of talks, two rehab stories) stays apart. Only ``published_at`` counts
  as a date (ingestion time says nothing about the event). A syndicated copy
  always joins the story of the text it copies (without entering the core).
  Otherwise the article founds a new story whose id is its own article id.

Comparisons are blocked: an article is compared only with stories that share
one of its most salient keys (entity keys, high-idf terms) with a core member,
on a day within the date window or undated (inverted index key -> day ->
stories), never with the whole corpus.

Processing is deterministic in article order (published_at, source_path,
article_id), so a full refresh reproduces the same ids. The index of compact
features (document frequencies, story cores, dates,
MinHash signatures) persists under ``<processed>/_story_index/index.json.gz``,
written atomically; article bodies are never all held in memory.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from tasks.parquet import atomic_write_bytes
from tasks.settings import RULES_DIR

INDEX_DIR = "_story_index"
INDEX_FILE = "index.json.gz"
INDEX_VERSION = 2

# ---- parameters (documented in the module docstring)
STORY_THRESHOLD = 0.13
MAX_CORE = 6            # founding articles that define a story's profile (it stops growing after that)
CORE_TERMS = 100        # tf-idf terms kept per core article
SPEC_SHARE = 0.03       # a term in at most this share of documents (or SPEC_MIN_DF) is event-specific
SPEC_MIN_DF = 5
SPEC_SHARE_MIN = 0.35   # share of the similarity that must come from event-specific terms ...
TOPIC_WEIGHT = 0.6      # weight of topic-wide (not event-specific) overlap when dates are unknown
TOPIC_WEIGHT_DATED = 1.0   # ... and when the dates agree
SPEC_MIN_UNDATED = 0.03  # without dates, at least this much similarity must come from event-specific keys
TOPIC_MARGIN = 0.10     # ... or the join threshold rises by this much (undated comparison)
TOPIC_MARGIN_DATED = 0.0   # ... (dates agree)
UNDATED_MARGIN = 0.02   # added to the threshold when the dates cannot be compared ...
UNDATED_SIZE_SLOPE = 0.01  # ... plus this times log2(story size)
W_TERMS = 0.7
W_ENTS = 0.3
DATE_SLACK = 3          # days around a story's dates with no penalty
DATE_WINDOW = 10        # days at which the date factor reaches 0 (and blocking stops)
TITLE_BOOST = 2         # a title word counts as this many body occurrences
MAX_TERMS = 150         # terms kept in an article's tf-idf vector
MAX_CENTROID = 250      # terms kept in a story centroid
N_BLOCK_KEYS = 25       # most salient (top tf-idf) keys of an article used for candidate blocking
SHINGLE = 5
N_PERM = 64
N_BANDS = 32            # 32 bands x 2 rows
SYN_THRESHOLD = 0.5
SYN_CONTAINMENT = 0.8
MIN_SHINGLES = 8        # shorter texts are never syndication candidates

_PRIME = (1 << 31) - 1
_rng = np.random.RandomState(20240519)
_PERM_A = _rng.randint(1, _PRIME, size=N_PERM, dtype=np.int64)
_PERM_B = _rng.randint(0, _PRIME, size=N_PERM, dtype=np.int64)

_WORD_RE = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’.-]*[A-Za-z\u00C0-\u024F]|[A-Za-z]|\d[\d,.]*\d|\d")


def _load_stopwords() -> frozenset[str]:
    path = RULES_DIR / "story_stopwords.txt"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip().lower()
        if line and not line.startswith("#"):
            words.add(line)
    return frozenset(words)


STOPWORDS = _load_stopwords()


def _load_title_abbr() -> re.Pattern:
    path = RULES_DIR / "story_title_abbreviations.txt"
    words = [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\.\s*$")


_TITLE_ABBR = _load_title_abbr()


# ---------------------------------------------------------------- features

@dataclass
class RawFeatures:
    """IDF-free features of one article (what tokenising it gives)."""
    article_id: str
    day: int | None
    sort_key: tuple
    title: str
    tf: dict[str, int]              # term (and "e:<entity key>") -> count
    entities: set[str]              # "e:<key>"
    signature: np.ndarray | None    # MinHash of word 5-shingles (None when too short)
    n_shingles: int = 0


@dataclass
class Features:
    """Compact weighted features used for assignment (kept in memory for a batch)."""
    article_id: str
    day: int | None
    sort_key: tuple
    title: str
    vec: dict[str, float]           # L2-normalised tf-idf, top MAX_TERMS
    entities: dict[str, float]      # entity key -> idf
    block_keys: list[str]
    signature: np.ndarray | None
    n_shingles: int = 0


def _norm_token(tok: str) -> str:
    t = tok.lower().replace("’", "'").strip(".'-")
    if t.endswith("'s"):
        t = t[:-2]
    if len(t) > 4 and t.endswith("ies"):
        t = t[:-3] + "y"
    elif len(t) > 3 and t.endswith("s") and not t.endswith("ss") and not t.endswith("us") and not t.endswith("is"):
        t = t[:-1]
    return t


def tokens(text: str) -> list[str]:
    """Word tokens of ``text`` as they appear (case kept)."""
    return _WORD_RE.findall(text or "")


def content_terms(text: str) -> list[str]:
    """Lower-cased, lightly stemmed content words (no stopwords, no numbers, length >= 3)."""
    out = []
    for tok in tokens(text):
        if tok[0].isdigit():
            continue
        t = _norm_token(tok)
        if len(t) >= 3 and t not in STOPWORDS:
            out.append(t)
    return out


def proper_name_keys(text: str) -> set[str]:
    """Fallback entity keys: runs of capitalised words that are not stopwords.

    A run "Vladimir Putin" gives the keys ``name:vladimir putin`` and
    ``name:putin`` (the last word stands for the person/place in later short
    mentions such as "Mr. Putin"). A capitalised single word at the start of a
    sentence counts only when it is not a stopword.
    """
    keys: set[str] = set()
    run: list[str] = []
    run_at_start = False

    def flush() -> None:
        if run and not (len(run) == 1 and run_at_start):
            keys.add("name:" + " ".join(run))
            keys.add("name:" + run[-1])
        run.clear()

    text = text or ""
    for m in _WORD_RE.finditer(text):
        tok = m.group(0)
        t = _norm_token(tok)
        before = text[max(0, m.start() - 3):m.start()].rstrip(" \t\"'“‘(")
        at_start = m.start() == 0 or before == "" or before[-1] in ".!?\n:—–-"
        if at_start and before.endswith(".") and _TITLE_ABBR.search(text[max(0, m.start() - 8):m.start()]):
            at_start = False
        if tok[0].isupper() and len(t) >= 2 and t not in STOPWORDS:
            if not run:
                run_at_start = at_start
            run.append(t)
            gap = text[m.end():m.end() + 1]
            if gap != " ":
                flush()
        else:
            flush()
    flush()
    return keys


def minhash(shingle_hashes: np.ndarray) -> np.ndarray:
    """MinHash signature (N_PERM values) of a set of 32-bit shingle hashes."""
    x = shingle_hashes.astype(np.int64)[:, None]
    return ((x * _PERM_A[None, :] + _PERM_B[None, :]) % _PRIME).min(axis=0)


def shingle_hashes(text: str, k: int = SHINGLE) -> np.ndarray:
    """Hashes of the word k-shingles of ``text`` (lower-cased words, punctuation ignored)."""
    words = [w.lower() for w in tokens(text)]
    if len(words) < k:
        return np.zeros(0, dtype=np.int64)
    out = set()
    for i in range(len(words) - k + 1):
        h = hashlib.blake2b(" ".join(words[i:i + k]).encode(), digest_size=4).digest()
        out.add(int.from_bytes(h, "little"))
    return np.fromiter(out, dtype=np.int64, count=len(out))


def _day_of(value) -> int | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().toordinal()
    if isinstance(value, date):
        return value.toordinal()
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")[:25]).date().toordinal()
        except ValueError:
            try:
                return date.fromisoformat(value[:10]).toordinal()
            except ValueError:
                return None
    return None


def sort_key_of(article: dict) -> tuple:
    """Deterministic processing order: published_at (undated last), source_path, article_id."""
    pub = article.get("published_at")
    if isinstance(pub, (datetime, date)):
        pub = pub.isoformat()
    return (pub or "9999", article.get("source_path") or "", article.get("article_id") or "")


def raw_features(article: dict, mentions: Iterable[dict] = ()) -> RawFeatures:
    """Tokenise one article (title, body) into IDF-free features.

    Entity keys come from the entity mentions when given (their ``entity_key``)
    plus proper-name runs found in title and body.
    """
    title = article.get("title") or ""
    body = article.get("body") or ""
    tf: Counter[str] = Counter(content_terms(body))
    for t in content_terms(title):
        tf[t] += TITLE_BOOST
    ents = {"e:" + k for k in proper_name_keys(title + "\n" + body)}
    for m in mentions:
        key = m.get("entity_key")
        if key and (m.get("label") or "") not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"):
            ents.add("e:" + key.lower())
    for e in ents:
        tf[e] += 1
    sh = shingle_hashes(body)
    sig = minhash(sh) if len(sh) >= MIN_SHINGLES else None
    day = _day_of(article.get("published_at"))   # ingestion time says nothing about when the event was
    return RawFeatures(article["article_id"], day, sort_key_of(article), title, dict(tf), ents, sig, len(sh))


def idf(df: int, n_docs: int) -> float:
    """Smoothed inverse document frequency."""
    return math.log((n_docs + 1) / (df + 1)) + 1.0


def compact_features(raw: RawFeatures, df: dict[str, int], n_docs: int) -> Features:
    """Weight raw features by IDF: top MAX_TERMS tf-idf terms (L2-normalised), entity idfs, blocking keys."""
    weights = {t: (1.0 + math.log(c)) * idf(df.get(t, 0), n_docs) for t, c in raw.tf.items()}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    vec = {t: w / norm for t, w in top}
    ents = {e: idf(df.get(e, 0), n_docs) for e in raw.entities}
    # blocking keys: the article's most salient (highest tf-idf) terms and entity keys
    block = [t for t, _ in top[:N_BLOCK_KEYS]]
    return Features(raw.article_id, raw.day, raw.sort_key, raw.title, vec, ents, block, raw.signature, raw.n_shingles)


# ---------------------------------------------------------------- index

@dataclass
class Member:
    """Compact features of one core (founding) article of a story."""
    vec: dict[str, float]           # its top CORE_TERMS tf-idf weights
    ents: frozenset[str]            # its entity keys ("e:...")
    norm: float = 1.0               # L2 norm of ``vec`` (not persisted)

    def __post_init__(self) -> None:
        self.norm = math.sqrt(sum(w * w for w in self.vec.values())) or 1.0

    def to_json(self) -> dict:
        return {"v": {k: round(v, 5) for k, v in self.vec.items()}, "e": sorted(self.ents)}

    @classmethod
    def from_json(cls, d: dict) -> "Member":
        return cls(d["v"], frozenset(d["e"]))

    @classmethod
    def of(cls, f: "Features") -> "Member":
        top = sorted(f.vec.items(), key=lambda kv: (-kv[1], kv[0]))[:CORE_TERMS]
        return cls(dict(top), frozenset(f.entities))


@dataclass
class Story:
    """A story's profile: its first MAX_CORE non-copy articles (the core), its dates and size.

    The profile stops growing once the core is full, so later articles are
    always judged against the articles that founded the story, never against
    an ever-broadening centroid (no topic chaining).
    """
    story_id: str
    core: list[Member] = field(default_factory=list)
    days: list[int] = field(default_factory=list)
    n: int = 0
    n_undated: int = 0
    keys: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"m": [m.to_json() for m in self.core], "d": self.days, "n": self.n, "u": self.n_undated,
                "k": self.keys}

    @classmethod
    def from_json(cls, sid: str, d: dict) -> "Story":
        return cls(sid, [Member.from_json(m) for m in d["m"]], d["d"], d["n"], d["u"], d["k"])

    def posting_days(self) -> list[int | None]:
        """Days under which the story is posted in the blocking index (None: it has undated articles)."""
        return list(self.days) + ([None] if self.n_undated or not self.days else [])


@dataclass
class StoryIndex:
    """Everything needed to assign new articles without re-reading old ones."""
    n_docs: int = 0
    df: dict[str, int] = field(default_factory=dict)
    stories: dict[str, Story] = field(default_factory=dict)
    articles: dict[str, list] = field(default_factory=dict)      # article_id -> [story_id, syn_group, day, score, syn_sim]
    signatures: dict[str, list[int]] = field(default_factory=dict)
    n_shingles: dict[str, int] = field(default_factory=dict)
    postings: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)), repr=False)
    lsh: dict = field(default_factory=lambda: defaultdict(list), repr=False)

    # -- persistence
    def to_json(self) -> dict:
        return {"version": INDEX_VERSION, "n_docs": self.n_docs, "df": self.df,
                "stories": {sid: s.to_json() for sid, s in self.stories.items()},
                "articles": self.articles, "signatures": self.signatures, "n_shingles": self.n_shingles}

    @classmethod
    def from_json(cls, d: dict) -> "StoryIndex":
        idx = cls(n_docs=d["n_docs"], df=d["df"], articles=d["articles"],
                  signatures=d["signatures"], n_shingles=d.get("n_shingles", {}))
        idx.stories = {sid: Story.from_json(sid, s) for sid, s in d["stories"].items()}
        for s in idx.stories.values():
            _post(idx, s, s.keys, s.posting_days())
        for aid in sorted(idx.signatures):
            for b in _bands(np.asarray(idx.signatures[aid], dtype=np.int64)):
                idx.lsh[b].append(aid)
        return idx

    def save(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / INDEX_FILE
        data = gzip.compress(json.dumps(self.to_json(), separators=(",", ":")).encode(), compresslevel=5)
        atomic_write_bytes(path, data)
        return path

    @classmethod
    def load(cls, folder: Path) -> "StoryIndex | None":
        """The saved index, or None when there is none or it was written by another index version."""
        path = folder / INDEX_FILE
        if not path.exists():
            return None
        d = json.loads(gzip.decompress(path.read_bytes()))
        if d.get("version") != INDEX_VERSION:
            return None
        return cls.from_json(d)


def _post(index: StoryIndex, s: Story, keys: Iterable[str], days: Iterable[int | None]) -> None:
    days = list(days)
    for k in keys:
        for d in days:
            index.postings[k][d].add(s.story_id)


def _bands(sig: np.ndarray) -> list[str]:
    rows = N_PERM // N_BANDS
    return [f"{b}:" + ",".join(map(str, sig[b * rows:(b + 1) * rows].tolist())) for b in range(N_BANDS)]


def date_factor(day: int | None, days: list[int]) -> float | None:
    """1 within DATE_SLACK days of the story's nearest date, linear down to 0 at DATE_WINDOW.

    None when either side has no date: unknown, not compatible (the caller then
    asks for stronger textual evidence, see :func:`join_threshold`).
    """
    if day is None or not days:
        return None
    gap = min(abs(day - d) for d in days)
    if gap <= DATE_SLACK:
        return 1.0
    if gap >= DATE_WINDOW:
        return 0.0
    return (DATE_WINDOW - gap) / (DATE_WINDOW - DATE_SLACK)


def specific_df(n_docs: int) -> float:
    """Document frequency up to which a term/entity is event-specific rather than topic-wide."""
    return max(SPEC_MIN_DF, SPEC_SHARE * n_docs)


def pair_similarity(f: "Features", m: Member, df: dict[str, int], spec_cut: float) -> tuple[float, float]:
    """(similarity, specific part) of an article and one core member.

    similarity = W_TERMS * cosine(tf-idf vectors) + W_ENTS * idf-weighted share of
    the article's entities the member also names. The specific part is the same
    sum restricted to shared terms/entities whose document frequency is at most
    ``spec_cut`` (event-specific words and names, not topic-wide ones such as
    "election" or "Trump" in a corpus of campaign news).
    """
    dot = spec_dot = 0.0
    for t, w in f.vec.items():
        mw = m.vec.get(t)
        if mw is not None:
            p = w * mw
            dot += p
            if df.get(t, 0) <= spec_cut:
                spec_dot += p
    total = sum(f.entities.values())
    ent = spec_ent = 0.0
    if total:
        for e, w in f.entities.items():
            if e in m.ents:
                ent += w
                if df.get(e, 0) <= spec_cut:
                    spec_ent += w
        ent /= total
        spec_ent /= total
    return (W_TERMS * dot / m.norm + W_ENTS * ent,
            W_TERMS * spec_dot / m.norm + W_ENTS * spec_ent)


def story_score(f: "Features", s: Story, df: dict[str, int], n_docs: int) -> tuple[float, float]:
    """(score, join threshold) of an article against a story.

    Each core member's pair similarity counts its topic-wide part (shared terms
    that are not event-specific) only TOPIC_WEIGHT (TOPIC_WEIGHT_DATED when the
    dates can be compared) times. The score is the date factor times the mean of
    these weighted similarities over the closest majority of the story's core
    (all of them up to 2, 2 of 3, 3 of 4 or 5, 4 of 6): an article must resemble
    most of the articles that founded the story, not one of them and not their
    union. 0 outside the date window.
    """
    dfac = date_factor(f.day, s.days)
    if dfac == 0.0 or not s.core:
        return 0.0, 1.0
    undated = dfac is None
    cut = specific_df(n_docs)
    tw = TOPIC_WEIGHT if undated else TOPIC_WEIGHT_DATED
    pairs = []
    for m in s.core:
        sim, spec = pair_similarity(f, m, df, cut)
        pairs.append((spec + tw * (sim - spec), sim, spec))
    pairs.sort(reverse=True)
    k = len(pairs) // 2 + 1
    eff = sum(p[0] for p in pairs[:k]) / k
    sim = sum(p[1] for p in pairs[:k]) / k
    spec = sum(p[2] for p in pairs[:k]) / k
    spec_least = min(p[2] for p in pairs[:k])
    return (1.0 if undated else dfac) * eff, join_threshold(sim, spec, undated, s.n, spec_least)


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
    small, big = min(na, nb), max(na, nb)
    if small <= 0:
        return j, 0.0
    # |A∩B| = J/(1+J) * (|A|+|B|)
    inter = j / (1.0 + j) * (na + nb)
    return j, min(1.0, inter / small)


def candidate_stories(f: "Features", index: StoryIndex) -> set[str]:
    """Stories sharing one of the article's blocking keys on a day within the date window (or undated)."""
    out: set[str] = set()
    for k in f.block_keys:
        by_day = index.postings.get(k)
        if not by_day:
            continue
        if f.day is None:
            for ids in by_day.values():
                out |= ids
        else:
            for d in range(f.day - DATE_WINDOW, f.day + DATE_WINDOW + 1):
                ids = by_day.get(d)
                if ids:
                    out |= ids
            ids = by_day.get(None)
            if ids:
                out |= ids
    return out


def find_syndicated(f: "Features", index: StoryIndex) -> tuple[str | None, float]:
    """Best near-duplicate already in the index within the date window: (article_id, similarity) or (None, 0)."""
    if f.signature is None:
        return None, 0.0
    cands: set[str] = set()
    for b in _bands(f.signature):
        cands.update(index.lsh.get(b, ()))
    best, best_sim = None, 0.0
    for aid in sorted(cands):
        other_day = index.articles[aid][2]
        if f.day is not None and other_day is not None and abs(f.day - other_day) >= DATE_WINDOW:
            continue   # the same text months later is a re-run of old copy, not coverage of this event
        sig = np.asarray(index.signatures[aid], dtype=np.int64)
        j, cont = _syn_similarity(f.signature, sig, f.n_shingles, index.n_shingles.get(aid, f.n_shingles))
        if j >= SYN_THRESHOLD or cont >= SYN_CONTAINMENT:
            sim = max(j, cont)
            if sim > best_sim:
                best, best_sim = aid, sim
    return best, best_sim


def _add_to_story(index: StoryIndex, s: Story, f: "Features", copy: bool) -> None:
    """Count the article in the story; a non-copy joins the core while it has room (and posts its keys)."""
    new_keys: list[str] = []
    if not copy and len(s.core) < MAX_CORE:
        s.core.append(Member.of(f))
        have = set(s.keys)
        new_keys = [k for k in f.block_keys if k not in have]
        s.keys = sorted(have | set(new_keys))
    old_days = s.posting_days() if s.n else []
    if f.day is None:
        s.n_undated += 1
    elif f.day not in s.days:
        s.days.append(f.day)
        s.days.sort()
    s.n += 1
    new_days = [d for d in s.posting_days() if d not in old_days]
    _post(index, s, new_keys, old_days)        # posting days only ever grow
    _post(index, s, s.keys, new_days)


def assign_one(f: "Features", index: StoryIndex) -> tuple[str, float, str, float]:
    """Assign one article (mutating the index). Returns (story_id, score, syndication_group_id, syn_similarity).

    A near-duplicate of an indexed article joins that article's story and
    syndication group. Otherwise the article joins the candidate story with the
    highest score among those whose score reaches their join threshold, or
    founds a new story (id = its article id, score 1).
    """
    syn_of, syn_sim = find_syndicated(f, index)
    if syn_of is not None:
        story_id, group = index.articles[syn_of][0], index.articles[syn_of][1]
        score = syn_sim
    else:
        group = f.article_id
        best, score = None, 0.0
        for sid in sorted(candidate_stories(f, index)):
            sc, thr = story_score(f, index.stories[sid], index.df, index.n_docs)
            if sc >= thr and sc > score:
                best, score = sid, sc
        story_id = best if best is not None else f.article_id
        if best is None:
            score = 1.0
    story = index.stories.get(story_id)
    if story is None:
        story = index.stories[story_id] = Story(story_id)
    _add_to_story(index, story, f, copy=syn_of is not None)
    index.articles[f.article_id] = [story_id, group, f.day, round(score, 4), round(syn_sim if syn_of else 1.0, 4)]
    if f.signature is not None:
        index.signatures[f.article_id] = f.signature.tolist()
        index.n_shingles[f.article_id] = f.n_shingles
        for b in _bands(f.signature):
            index.lsh[b].append(f.article_id)
    return story_id, score, group, (syn_sim if syn_of else 1.0)


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
    seen: set[str] = set()
    todo = [a for a in todo if not (a["article_id"] in seen or seen.add(a["article_id"]))]
    raws = [raw_features(a, mentions_by_article.get(a["article_id"], ())) for a in todo]
    update_df(index, raws)
    feats = [compact_features(r, index.df, index.n_docs) for r in raws]
    del raws
    return _assign_features(feats, index), index


def _assign_features(feats: list[Features], index: StoryIndex) -> dict[str, list[dict]]:
    now = datetime.now(timezone.utc)
    rows: dict[str, list[dict]] = {"story_assignments": [], "syndication": []}
    for f in sorted(feats, key=lambda f: f.sort_key):
        assign_one(f, index)
        sa, sy = _rows_for(f.article_id, index.articles[f.article_id], now)
        rows["story_assignments"].append(sa)
        rows["syndication"].append(sy)
    return rows


# ---------------------------------------------------------------- Parquet I/O layer

_ARTICLE_COLS = ["article_id", "title", "body", "published_at", "ingested_at", "source_path"]


def _iter_articles(processed_dir: Path, wanted: set[str]) -> Iterator[list[dict]]:
    """Committed articles whose id is in ``wanted``, one part file at a time (bodies never all in memory).

    Only the id column is read to find the files that hold a wanted article, so an incremental run
    reads the bodies of its new articles, not of the whole corpus.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from tasks import parquet
    value_set = pa.array(sorted(wanted), type=pa.string())
    for f in parquet.committed_files(processed_dir, "articles"):
        pf = pq.ParquetFile(f)
        if not pc.any(pc.is_in(pf.read(columns=["article_id"])["article_id"], value_set=value_set)).as_py():
            continue
        t = pf.read(columns=_ARTICLE_COLS)
        t = t.filter(pc.is_in(t["article_id"], value_set=value_set))
        if t.num_rows:
            yield t.to_pylist()


def _mentions_for(processed_dir: Path, wanted: set[str]) -> dict[str, list[dict]]:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from tasks import parquet
    out: dict[str, list[dict]] = defaultdict(list)
    for f in parquet.committed_files(processed_dir, "entity_mentions"):
        t = pq.ParquetFile(f).read(columns=["article_id", "entity_key", "label"])
        t = t.filter(pc.is_in(t["article_id"], value_set=pa.array(sorted(wanted), type=pa.string())))
        for r in t.to_pylist():
            out[r["article_id"]].append(r)
    return out


def _committed_ids(processed_dir: Path, table: str) -> set[str]:
    from tasks import parquet
    return set(parquet.read_table(processed_dir, table, columns=["article_id"]).column("article_id").to_pylist())


def update_stories(processed_dir: Path, new_article_ids: list[str], run_id: str,
                   full_refresh: bool = False) -> dict[str, list[dict]]:
    """Assign stories and syndication groups to every committed article not yet in the story index.

    Reads the index under ``<processed>/_story_index`` (ignored on a full
    refresh), streams the committed articles that need a decision (the new
    ones, plus any that an interrupted earlier run left out), writes the updated
    index atomically and returns rows for ``story_assignments`` and
    ``syndication``. Articles the index knows but whose rows never got
    committed (crash between index write and Parquet commit) get their rows
    again. ``new_article_ids`` is a hint; the committed ``articles`` table is the truth.
    """
    processed_dir = Path(processed_dir)
    folder = processed_dir / INDEX_DIR
    index = None if full_refresh else StoryIndex.load(folder)
    index = index or StoryIndex()
    all_ids = _committed_ids(processed_dir, "articles")
    todo = all_ids - set(index.articles)
    rows: dict[str, list[dict]] = {"story_assignments": [], "syndication": []}
    if todo:
        mentions = _mentions_for(processed_dir, todo)
        # pass 1: document frequencies over the new articles
        for chunk in _iter_articles(processed_dir, todo):
            update_df(index, (raw_features(a, mentions.get(a["article_id"], ())) for a in chunk))
        # pass 2: compact features, then assignment in deterministic order
        feats: list[Features] = []
        for chunk in _iter_articles(processed_dir, todo):
            feats.extend(compact_features(raw_features(a, mentions.get(a["article_id"], ())), index.df, index.n_docs)
                         for a in chunk)
        rows = _assign_features(feats, index)
    # re-emit rows the index has but Parquet lacks (interrupted earlier run)
    assigned = _committed_ids(processed_dir, "story_assignments") if not full_refresh else set()
    done = {r["article_id"] for r in rows["story_assignments"]}
    now = datetime.now(timezone.utc)
    for aid in sorted(set(index.articles) - assigned - done):
        if aid in all_ids:
            sa, sy = _rows_for(aid, index.articles[aid], now)
            rows["story_assignments"].append(sa)
            rows["syndication"].append(sy)
    if todo or not (folder / INDEX_FILE).exists():
        index.save(folder)
    return rows
