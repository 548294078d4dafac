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
article_id), so a full refresh reproduces the same ids.

Where the work happens:

* The extraction workers tokenise each article once (:func:`feature_row`:
  content-term counts, entity keys, MinHash signature; nothing that depends on
  the rest of the corpus) into the processed table ``story_features``, stamped
  with ``FEATURE_RULES`` (a fingerprint of the tokenisation rules).
* :func:`update_stories` reads those rows for the articles the index does not
  know yet: pass 1 adds their document frequencies; pass 2 sorts them by
  (published_at, source_path, article_id), reading only those columns of
  ``articles``, then computes compact tf-idf features and assigns them
  ``STREAM_CHUNK`` at a time, re-reading only the part files that hold the
  chunk. An article without a current feature row (a processed dir written
  before the table existed, or under other rules) is tokenised from
  ``articles`` + ``entity_mentions`` instead, with the same result.
* The index (document frequencies, article columns, MinHash signatures, story
  cores and dates, blocking postings) persists as one ``.npz`` under
  ``<processed>/_story_index/index.npz``, written atomically: numpy columns per
  article, terms and keys as 64-bit hashes (:func:`key_hash`), LSH bands as
  packed integers searched with ``np.searchsorted`` (rebuilt from the
  signatures on load), and a JSON member for article ids and document
  frequencies. An index of another ``INDEX_VERSION`` (or the gzip JSON of
  version 2) is ignored: every committed article is assigned again and its
  rows re-emitted (the newest assignment wins in the warehouse). Article
  bodies are never all held in memory.
"""
from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, NamedTuple

import numpy as np

from tasks.settings import RULES_DIR

INDEX_DIR = "_story_index"
INDEX_FILE = "index.npz"
INDEX_VERSION = 3
LEGACY_INDEX_FILES = ("index.json.gz",)   # INDEX_VERSION 2, removed when a new index is saved
FEATURES_VERSION = 1    # bump when the tokenisation code changes (rule files are fingerprinted by themselves)

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
NON_ENTITY_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})

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
    tf: dict[str, int]              # term (and "e:<entity key>") -> count
    entities: set[str]              # "e:<key>"
    signature: np.ndarray | None    # MinHash of word 5-shingles (None when too short)
    n_shingles: int = 0


@dataclass
class Features:
    """Compact weighted features used for assignment (kept in memory for one chunk of articles)."""
    article_id: str
    day: int | None
    sort_key: tuple
    vec: dict[str, float]           # L2-normalised tf-idf, top MAX_TERMS
    entities: dict[str, float]      # entity key -> idf (sorted by key)
    block_keys: list[str]
    signature: np.ndarray | None
    n_shingles: int = 0


@functools.lru_cache(maxsize=1 << 16)
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
        if key and (m.get("label") or "") not in NON_ENTITY_LABELS:
            ents.add("e:" + key.lower())
    for e in ents:
        tf[e] += 1
    sh = shingle_hashes(body)
    sig = minhash(sh) if len(sh) >= MIN_SHINGLES else None
    day = _day_of(article.get("published_at"))   # ingestion time says nothing about when the event was
    return RawFeatures(article["article_id"], day, sort_key_of(article), dict(tf), ents, sig, len(sh))


def idf(df: int, n_docs: int) -> float:
    """Smoothed inverse document frequency."""
    return math.log((n_docs + 1) / (df + 1)) + 1.0


def compact_features(raw: RawFeatures, df: dict[str, int], n_docs: int) -> Features:
    """Weight raw features by IDF: top MAX_TERMS tf-idf terms (L2-normalised), entity idfs, blocking keys."""
    weights = {t: (1.0 + math.log(c)) * idf(df.get(t, 0), n_docs) for t, c in raw.tf.items()}
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    vec = {t: w / norm for t, w in top}
    ents = {e: idf(df.get(e, 0), n_docs) for e in sorted(raw.entities)}   # sorted: sums do not depend on set order
    # blocking keys: the article's most salient (highest tf-idf) terms and entity keys
    block = [t for t, _ in top[:N_BLOCK_KEYS]]
    return Features(raw.article_id, raw.day, raw.sort_key, vec, ents, block, raw.signature, raw.n_shingles)


# ---------------------------------------------------------------- stored raw features (table story_features)

def _feature_rules() -> str:
    """Fingerprint of everything that decides raw features; stored rows with another one are recomputed."""
    h = hashlib.sha256()
    for part in (FEATURES_VERSION, _WORD_RE.pattern, _TITLE_ABBR.pattern, sorted(STOPWORDS), sorted(NON_ENTITY_LABELS),
                 TITLE_BOOST, SHINGLE, N_PERM, MIN_SHINGLES, _PERM_A.tolist(), _PERM_B.tolist()):
        h.update(repr(part).encode())
    return h.hexdigest()[:16]


FEATURE_RULES = _feature_rules()


def _index_rules() -> str:
    """Fingerprint of what a saved index depends on: the raw-feature rules and the parameters that shape the
    stored features, story cores, blocking keys and assignments. An index saved under other rules is not
    reused (every article is assigned again, as for another INDEX_VERSION)."""
    params = {k: v for k, v in globals().items() if k.isupper() and isinstance(v, (int, float))
              and k not in ("INDEX_VERSION", "FEATURES_VERSION", "STREAM_CHUNK", "LSH_FLUSH", "POSTINGS_FLUSH")}
    return hashlib.sha256(repr((FEATURE_RULES, sorted(params.items()))).encode()).hexdigest()[:16]


def feature_row(article: dict, mentions: Iterable[dict] = ()) -> dict:
    """One ``story_features`` row: the raw features of an article as plain lists (computed by the extraction workers)."""
    r = raw_features(article, mentions)
    terms = [t for t in r.tf if t not in r.entities]
    return {"article_id": r.article_id, "terms": terms, "counts": [r.tf[t] for t in terms],
            "entities": sorted(r.entities), "signature": None if r.signature is None else r.signature.tolist(),
            "n_shingles": r.n_shingles, "feature_rules": FEATURE_RULES}


def raw_from_row(row: dict, day: int | None, sort_key: tuple) -> RawFeatures:
    """RawFeatures from a ``story_features`` row (the inverse of :func:`feature_row`; day and order from the article)."""
    tf = dict(zip(row["terms"], row["counts"]))
    ents = row["entities"]
    for e in ents:
        tf[e] = tf.get(e, 0) + 1
    sig = row["signature"]
    return RawFeatures(row["article_id"], day, sort_key, tf, set(ents),
                       None if sig is None else np.asarray(sig, dtype=np.int64), row["n_shingles"] or 0)


# ---------------------------------------------------------------- keys as integers

@functools.lru_cache(maxsize=1 << 16)
def key_hash(key: str) -> int:
    """Stable signed 64-bit hash of a term or entity key (the index stores keys as these integers)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little", signed=True)


def key_hashes(keys: Iterable[str]) -> np.ndarray:
    return np.fromiter((key_hash(k) for k in keys), dtype=np.int64)


def _band_keys(sig: np.ndarray) -> np.ndarray:
    """LSH band keys of signatures (..., N_PERM) -> (..., N_BANDS): the band's 2 values packed in one integer.

    MinHash values are below 2**31, so two of them pack exactly into 62 bits (equal keys = equal bands).
    """
    rows = N_PERM // N_BANDS
    assert rows == 2, "band packing assumes 2 rows per band"
    s = np.asarray(sig, dtype=np.int64)
    return (s[..., 0::2] << 31) | s[..., 1::2]


# ---------------------------------------------------------------- index

NO_DAY = int(np.iinfo(np.int32).max)   # "no publication date" in integer day columns (sorts after every real day)
LSH_FLUSH = 2048          # signatures kept in a dict before they are merged into the sorted band arrays
POSTINGS_FLUSH = 1 << 17  # (key, day, story) postings kept in a dict before they are merged into the sorted arrays
_NO_KEYS = np.empty(0, dtype=np.int64)


def _atomic_write(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """``tasks.parquet.atomic_write_bytes`` for a writer: temp file in the same folder, fsync, rename.

    Streams into the temp file instead of building the bytes first (the index of 100k articles is ~200 MB).
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
    __slots__ = ("keys", "weights", "n_terms", "norm")

    def __init__(self, keys: np.ndarray, weights: np.ndarray, n_terms: int, norm: float):
        self.keys, self.weights, self.n_terms, self.norm = keys, weights, n_terms, norm

    @classmethod
    def of(cls, f: "Features") -> "Member":
        top = sorted(f.vec.items(), key=lambda kv: (-kv[1], kv[0]))[:CORE_TERMS]
        norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
        th = key_hashes(t for t, _ in top)
        order = np.argsort(th, kind="stable")
        weights = np.fromiter((w for _, w in top), dtype=np.float64, count=len(top))[order]
        return cls(np.concatenate([th[order], np.unique(key_hashes(f.entities))]), weights, len(top), norm)


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

    def posting_days(self) -> list[int | None]:
        """Days under which the story is posted in the blocking index (None: it has undated articles)."""
        return list(self.days) + ([None] if self.n_undated or not self.days else [])


class _ArticlesView(Mapping):
    """article_id -> [story_id, syndication_group_id, day, score, syn_similarity], read from the index columns."""

    def __init__(self, index: "StoryIndex"):
        self._x = index

    def __getitem__(self, aid: str) -> list:
        x = self._x
        i = x.row[aid]
        day = int(x._day.buf[i])
        return [x.story_list[x._story.buf[i]].story_id, x.ids[x._group.buf[i]], None if day == NO_DAY else day,
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
        self.df: dict[str, int] = {}
        self.stories: dict[str, Story] = {}
        self.story_list: list[Story] = []
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
        self._lsh_keys = np.empty((N_BANDS, 0), dtype=np.int64)   # per band: band keys, sorted
        self._lsh_rows = np.empty((N_BANDS, 0), dtype=np.int32)   # ... and their article rows
        self._lsh_merged = 0                   # signature rows in the sorted arrays
        self._lsh_new: dict[int, list[int]] = {}                  # (band << 62 | key) -> rows not merged yet
        self._p_key = np.empty(0, dtype=np.int64)                 # postings sorted by (key, day)
        self._p_day = np.empty(0, dtype=np.int32)
        self._p_story = np.empty(0, dtype=np.int32)
        self._p_new: dict[int, dict[int | None, list[int]]] = {}  # key -> day -> stories not merged yet
        self._p_new_n = 0
        self.articles = _ArticlesView(self)

    # -- articles
    def add_article(self, f: "Features", story: Story, group_row: int | None, score: float, syn_sim: float) -> None:
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
        self.stories[story_id] = s
        return s

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

    def lsh_candidates(self, band_keys: np.ndarray) -> set[int]:
        """Rows of indexed articles that share at least one LSH band with a signature."""
        out: set[int] = set()
        if self._lsh_keys.shape[1]:
            for b, k in enumerate(band_keys.tolist()):
                lo, hi = np.searchsorted(self._lsh_keys[b], (k, k + 1)).tolist()
                if hi > lo:
                    out.update(self._lsh_rows[b, lo:hi].tolist())
        for b, k in enumerate(band_keys.tolist()):
            rows = self._lsh_new.get((b << 62) | k)
            if rows:
                out.update(rows)
        return out

    # -- blocking postings
    def post(self, s: Story, keys: np.ndarray, days: list[int | None]) -> None:
        if not len(keys) or not days:
            return
        for k in keys.tolist():
            by_day = self._p_new.get(k)
            if by_day is None:
                by_day = self._p_new[k] = {}
            for d in days:
                by_day.setdefault(d, []).append(s.idx)
        self._p_new_n += len(keys) * len(days)
        if self._p_new_n >= POSTINGS_FLUSH:
            self._merge_postings()

    def _merge_postings(self) -> None:
        if not self._p_new:
            return
        ks: list[int] = []
        ds: list[int] = []
        ss: list[int] = []
        for k, by_day in self._p_new.items():
            for d, stories in by_day.items():
                ks.extend([k] * len(stories))
                ds.extend([NO_DAY if d is None else d] * len(stories))
                ss.extend(stories)
        key = np.concatenate([self._p_key, np.array(ks, dtype=np.int64)])
        day = np.concatenate([self._p_day, np.array(ds, dtype=np.int32)])
        story = np.concatenate([self._p_story, np.array(ss, dtype=np.int32)])
        order = np.lexsort((day, key))
        self._p_key, self._p_day, self._p_story = key[order], day[order], story[order]
        self._p_new.clear()
        self._p_new_n = 0

    def posted_stories(self, keys: np.ndarray, day: int | None) -> set[int]:
        """Stories posted under one of ``keys`` on a day within DATE_WINDOW of ``day``, or undated (any day if None)."""
        out: set[int] = set()
        if len(self._p_key) and len(keys):
            lo = np.searchsorted(self._p_key, keys, side="left").tolist()
            hi = np.searchsorted(self._p_key, keys, side="right").tolist()
            for a, b in zip(lo, hi):
                if a == b:
                    continue
                if day is None:
                    out.update(self._p_story[a:b].tolist())
                    continue
                first, last, undated = np.searchsorted(
                    self._p_day[a:b], (day - DATE_WINDOW, day + DATE_WINDOW + 1, NO_DAY)).tolist()
                out.update(self._p_story[a + first:a + last].tolist())
                out.update(self._p_story[a + undated:b].tolist())
        for k in keys.tolist():
            by_day = self._p_new.get(k)
            if not by_day:
                continue
            for d, stories in by_day.items():
                if day is None or d is None or abs(d - day) <= DATE_WINDOW:
                    out.update(stories)
        return out

    # -- persistence
    def save(self, folder: Path) -> Path:
        """Write the index as one .npz (arrays plus a JSON member for ids, df and counts), atomically."""
        self._merge_postings()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / INDEX_FILE
        for stale in folder.glob(f".{INDEX_FILE}.*.tmp"):    # a killed earlier save's (saves hold the run lock)
            stale.unlink(missing_ok=True)
        sl = self.story_list
        members = [(s.idx, m) for s in sl for m in s.core]
        meta = {"version": INDEX_VERSION, "rules": _index_rules(), "n_docs": self.n_docs, "df": self.df,
                "ids": self.ids}
        arrays = {
            "meta": np.frombuffer(json.dumps(meta, separators=(",", ":")).encode(), dtype=np.uint8),
            "a_story": self._story.a, "a_group": self._group.a, "a_day": self._day.a, "a_score": self._score.a,
            "a_syn": self._syn.a, "a_nsh": self._nsh.a, "a_sig_of": self._sig_of.a, "sig": self._sig.a,
            "p_key": self._p_key, "p_day": self._p_day, "p_story": self._p_story,
            "s_founder": np.array([self.row[s.story_id] for s in sl], dtype=np.int32),
            "s_n": np.array([s.n for s in sl], dtype=np.int32),
            "s_undated": np.array([s.n_undated for s in sl], dtype=np.int32),
            "s_n_days": np.array([len(s.days) for s in sl], dtype=np.int32),
            "s_days": np.array([d for s in sl for d in s.days], dtype=np.int32),
            "s_n_keys": np.array([len(s.keys) for s in sl], dtype=np.int32),
            "s_keys": np.concatenate([s.keys for s in sl]) if sl else _NO_KEYS,
            "m_story": np.array([i for i, _ in members], dtype=np.int32),
            "m_n_terms": np.array([m.n_terms for _, m in members], dtype=np.int32),
            "m_n_keys": np.array([len(m.keys) for _, m in members], dtype=np.int32),
            "m_norm": np.array([m.norm for _, m in members], dtype=np.float64),
            "m_keys": np.concatenate([m.keys for _, m in members]) if members else _NO_KEYS,
            # float32 halves the largest part of the index; more precise than the 5 decimals of INDEX_VERSION 2
            "m_weights": (np.concatenate([m.weights for _, m in members]) if members
                          else np.empty(0)).astype(np.float32),
        }
        _atomic_write(path, lambda fh: np.savez(fh, **arrays))
        for old in LEGACY_INDEX_FILES:
            (folder / old).unlink(missing_ok=True)
        return path

    @classmethod
    def load(cls, folder: Path) -> "StoryIndex | None":
        """The saved index, or None when there is none or it was written by another index version or under
        other rules (``_index_rules``: rule files, parameters)."""
        path = folder / INDEX_FILE
        if not path.exists():
            return None
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(z["meta"].tobytes())
            if meta.get("version") != INDEX_VERSION or meta.get("rules") != _index_rules():
                return None
            a = {k: z[k] for k in z.files if k != "meta"}
        idx = cls()
        idx.n_docs, idx.df, idx.ids = meta["n_docs"], meta["df"], meta["ids"]
        idx.row = {aid: i for i, aid in enumerate(idx.ids)}
        for name, col in (("_story", "a_story"), ("_group", "a_group"), ("_day", "a_day"), ("_score", "a_score"),
                          ("_syn", "a_syn"), ("_nsh", "a_nsh"), ("_sig_of", "a_sig_of")):
            setattr(idx, name, _Grow(getattr(idx, name).buf.dtype, data=a[col]))
        idx._sig = _Grow(np.int32, N_PERM, data=a["sig"].reshape(-1, N_PERM))
        idx._sig_art = _Grow(np.int32, data=np.flatnonzero(idx._sig_of.a >= 0).astype(np.int32))
        idx._merge_lsh()
        idx._p_key, idx._p_day, idx._p_story = a["p_key"], a["p_day"], a["p_story"]
        day_end = np.cumsum(a["s_n_days"]).tolist()
        key_end = np.cumsum(a["s_n_keys"]).tolist()
        days = a["s_days"].tolist()
        keys = a["s_keys"]
        d0 = k0 = 0
        for i, (founder, n, und, d1, k1) in enumerate(zip(a["s_founder"].tolist(), a["s_n"].tolist(),
                                                          a["s_undated"].tolist(), day_end, key_end)):
            s = Story(idx.ids[founder], [], days[d0:d1], n, und, keys[k0:k1], i)
            idx.story_list.append(s)
            idx.stories[s.story_id] = s
            d0, k0 = d1, k1
        m_keys, m_w = a["m_keys"], a["m_weights"]
        o = w = 0
        for si, nt, nk, norm in zip(a["m_story"].tolist(), a["m_n_terms"].tolist(), a["m_n_keys"].tolist(),
                                    a["m_norm"].tolist()):
            idx.story_list[si].core.append(Member(m_keys[o:o + nk], m_w[w:w + nt], nt, norm))
            o, w = o + nk, w + nt
        return idx


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


class ArticleArrays(NamedTuple):
    """An article's features as arrays for comparing it with many core members (see :func:`article_arrays`)."""
    terms: np.ndarray      # term hashes, in the order of Features.vec
    weights: np.ndarray
    spec: np.ndarray       # term is event-specific (df <= spec_cut)
    ents: np.ndarray       # entity key hashes, in the order of Features.entities
    ent_weights: np.ndarray
    ent_spec: np.ndarray
    ent_total: float


def article_arrays(f: "Features", df: dict[str, int], spec_cut: float) -> ArticleArrays:
    terms, ents = list(f.vec), list(f.entities)
    return ArticleArrays(
        key_hashes(terms), np.fromiter(f.vec.values(), dtype=np.float64, count=len(terms)),
        np.fromiter((df.get(t, 0) <= spec_cut for t in terms), dtype=bool, count=len(terms)),
        key_hashes(ents), np.fromiter(f.entities.values(), dtype=np.float64, count=len(ents)),
        np.fromiter((df.get(e, 0) <= spec_cut for e in ents), dtype=bool, count=len(ents)),
        sum(f.entities.values()))


def _match(article_keys: np.ndarray, member_keys: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(member index, article position) of every key a member shares with the article."""
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


def pair_similarities(a: ArticleArrays, members: list[Member]) -> list[tuple[float, float]]:
    """(similarity, specific part) of one article (as :func:`article_arrays`) and each of ``members``.

    similarity = W_TERMS * cosine(tf-idf vectors) + W_ENTS * idf-weighted share of
    the article's entities the member also names. The specific part is the same
    sum restricted to shared terms/entities whose document frequency is at most
    the cut the arrays were made with (event-specific words and names, not
    topic-wide ones such as "election" or "Trump" in a corpus of campaign news).
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
            ent = (_row_sums(shared) / a.ent_total).tolist()
            spec_ent = (_row_sums(np.where(a.ent_spec, shared, 0.0)) / a.ent_total).tolist()
    return [(W_TERMS * dot[k] / m.norm + W_ENTS * ent[k], W_TERMS * spec_dot[k] / m.norm + W_ENTS * spec_ent[k])
            for k, m in enumerate(members)]


def pair_similarity(f: "Features", m: Member, df: dict[str, int], spec_cut: float) -> tuple[float, float]:
    """(similarity, specific part) of an article and one core member (see :func:`pair_similarities`)."""
    return pair_similarities(article_arrays(f, df, spec_cut), [m])[0]


def story_scores(f: "Features", stories: list[Story], df: dict[str, int], n_docs: int,
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
    dfacs = [date_factor(f.day, s.days) for s in stories]
    live = [k for k, s in enumerate(stories) if dfacs[k] != 0.0 and s.core]
    out = [(0.0, 1.0)] * len(stories)
    if not live:
        return out
    if arrays is None:
        arrays = article_arrays(f, df, cut)
    sims = iter(pair_similarities(arrays, [m for k in live for m in stories[k].core]))
    for k in live:
        s, dfac = stories[k], dfacs[k]
        undated = dfac is None
        tw = TOPIC_WEIGHT if undated else TOPIC_WEIGHT_DATED
        pairs = []
        for _ in s.core:
            sim, spec = next(sims)
            pairs.append((spec + tw * (sim - spec), sim, spec))
        pairs.sort(reverse=True)
        n = len(pairs) // 2 + 1
        eff = sum(p[0] for p in pairs[:n]) / n
        sim = sum(p[1] for p in pairs[:n]) / n
        spec = sum(p[2] for p in pairs[:n]) / n
        spec_least = min(p[2] for p in pairs[:n])
        out[k] = ((1.0 if undated else dfac) * eff, join_threshold(sim, spec, undated, s.n, spec_least))
    return out


def story_score(f: "Features", s: Story, df: dict[str, int], n_docs: int) -> tuple[float, float]:
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
    small, big = min(na, nb), max(na, nb)
    if small <= 0:
        return j, 0.0
    # |A∩B| = J/(1+J) * (|A|+|B|)
    inter = j / (1.0 + j) * (na + nb)
    return j, min(1.0, inter / small)


def candidate_stories(f: "Features", index: StoryIndex) -> set[str]:
    """Stories sharing one of the article's blocking keys on a day within the date window (or undated)."""
    return {index.story_list[i].story_id for i in index.posted_stories(key_hashes(f.block_keys), f.day)}


def find_syndicated(f: "Features", index: StoryIndex) -> tuple[str | None, float]:
    """Best near-duplicate already in the index within the date window: (article_id, similarity) or (None, 0)."""
    if f.signature is None:
        return None, 0.0
    best, best_sim = None, 0.0
    for r in sorted(index.lsh_candidates(_band_keys(f.signature)), key=index.ids.__getitem__):
        other_day = int(index._day.buf[r])
        if f.day is not None and other_day != NO_DAY and abs(f.day - other_day) >= DATE_WINDOW:
            continue   # the same text months later is a re-run of old copy, not coverage of this event
        sig = index._sig.buf[index._sig_of.buf[r]]
        j, cont = _syn_similarity(f.signature, sig, f.n_shingles, int(index._nsh.buf[r]))
        if j >= SYN_THRESHOLD or cont >= SYN_CONTAINMENT:
            sim = max(j, cont)
            if sim > best_sim:
                best, best_sim = index.ids[r], sim
    return best, best_sim


def _add_to_story(index: StoryIndex, s: Story, f: "Features", copy: bool) -> None:
    """Count the article in the story; a non-copy joins the core while it has room (and posts its keys)."""
    new_keys = _NO_KEYS
    if not copy and len(s.core) < MAX_CORE:
        s.core.append(Member.of(f))
        new_keys = np.setdiff1d(key_hashes(f.block_keys), s.keys)
        if len(new_keys):
            s.keys = np.union1d(s.keys, new_keys)
    old_days = s.posting_days() if s.n else []
    if f.day is None:
        s.n_undated += 1
    elif f.day not in s.days:
        s.days.append(f.day)
        s.days.sort()
    s.n += 1
    new_days = [d for d in s.posting_days() if d not in old_days]
    index.post(s, new_keys, old_days)        # posting days only ever grow
    index.post(s, s.keys, new_days)


def assign_one(f: "Features", index: StoryIndex) -> tuple[str, float, str, float]:
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
        best, score = None, 0.0
        cands = sorted(candidate_stories(f, index))
        for sid, (sc, thr) in zip(cands, story_scores(f, [index.stories[c] for c in cands], index.df, index.n_docs)):
            if sc >= thr and sc > score:
                best, score = sid, sc
        story = index.stories[best] if best is not None else index.new_story(f.article_id)
        if best is None:
            score = 1.0
    _add_to_story(index, story, f, copy=syn_of is not None)
    syn = syn_sim if syn_of else 1.0
    index.add_article(f, story, group_row, round(score, 4), round(syn, 4))
    group = f.article_id if group_row is None else index.ids[group_row]
    return story.story_id, score, group, syn


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
    return _assign_features(sorted(feats, key=lambda f: f.sort_key), index), index


def _assign_features(feats: Iterable[Features], index: StoryIndex,
                     rows: dict[str, list[dict]] | None = None) -> dict[str, list[dict]]:
    """Assign features in the given order, appending to ``rows``."""
    now = datetime.now(timezone.utc)
    rows = rows if rows is not None else {"story_assignments": [], "syndication": []}
    for f in feats:
        assign_one(f, index)
        sa, sy = _rows_for(f.article_id, index.articles[f.article_id], now)
        rows["story_assignments"].append(sa)
        rows["syndication"].append(sy)
    return rows


# ---------------------------------------------------------------- Parquet I/O layer

STREAM_CHUNK = 2000   # articles whose compact features are held at once while assigning (pass 2)
_ARTICLE_COLS = ["article_id", "title", "body", "published_at", "ingested_at", "source_path"]
_ORDER_COLS = ["article_id", "published_at", "source_path"]
_FEATURE_COLS = ["article_id", "terms", "counts", "entities", "signature", "n_shingles"]


def _is_in(table, column: str, wanted):
    """Boolean mask of the rows whose ``column`` is in ``wanted`` (a set of ids, or an Arrow array of them)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    if not isinstance(wanted, pa.Array):
        wanted = pa.array(sorted(wanted), type=pa.string())
    return pc.is_in(table[column], value_set=wanted)


def _order_info(processed_dir: Path, known: Mapping) -> tuple[set[str], dict[str, tuple[tuple, int | None]]]:
    """(every committed article id, {id: (sort key, day)} of the committed articles not in ``known``).

    Reads only the id, date and path columns of ``articles``.
    """
    import pyarrow.parquet as pq

    from tasks import parquet
    all_ids: set[str] = set()
    info: dict[str, tuple[tuple, int | None]] = {}
    for f in parquet.committed_files(processed_dir, "articles"):
        t = pq.ParquetFile(f).read(columns=_ORDER_COLS)
        ids = t.column("article_id").to_pylist()
        all_ids.update(ids)
        new = [i for i, aid in enumerate(ids) if aid not in known and aid not in info]
        if new:
            for r in t.take(new).to_pylist():
                info.setdefault(r["article_id"], (sort_key_of(r), _day_of(r["published_at"])))
    return all_ids, info


def _iter_articles(processed_dir: Path, wanted: set[str]) -> Iterator[tuple[Path, list[dict]]]:
    """(part file, committed articles whose id is in ``wanted``), one part file at a time (bodies never all in memory).

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
        if not pc.any(_is_in(pf.read(columns=["article_id"]), "article_id", value_set)).as_py():
            continue
        yield f, _read_articles(f, value_set)


def _read_articles(f: Path, wanted) -> list[dict]:
    import pyarrow.parquet as pq
    t = pq.ParquetFile(f).read(columns=_ARTICLE_COLS)
    return t.filter(_is_in(t, "article_id", wanted)).to_pylist()


def _mention_keys(processed_dir: Path, wanted: set[str]) -> dict[str, list[dict]]:
    """Entity mentions of the wanted articles, reduced to what raw_features reads (distinct keys, entity labels only)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from tasks import parquet
    out: dict[str, dict[str, None]] = defaultdict(dict)
    value_set = pa.array(sorted(wanted), type=pa.string())
    for f in parquet.committed_files(processed_dir, "entity_mentions"):
        t = pq.ParquetFile(f).read(columns=["article_id", "entity_key", "label"])
        t = t.filter(_is_in(t, "article_id", value_set))
        for aid, key, label in zip(*(t.column(c).to_pylist() for c in ("article_id", "entity_key", "label"))):
            if key and (label or "") not in NON_ENTITY_LABELS:
                out[aid][key] = None
    return {aid: [{"entity_key": k} for k in keys] for aid, keys in out.items()}


class _FeatureSource:
    """Where each article's raw features come from: a ``story_features`` part file, or its text (fallback).

    Pass 1 (:meth:`scan`) reads every needed feature once for the document frequencies and remembers the
    file of each article; pass 2 (:meth:`raw`) reads back only the files holding a chunk's articles.
    """

    def __init__(self, processed_dir: Path, todo: set[str], info: dict[str, tuple[tuple, int | None]]):
        self.processed_dir, self.todo, self.info = processed_dir, todo, info
        self.files: list[tuple[str, Path]] = []    # ("features" | "text", part file)
        self.loc: dict[str, int] = {}              # article id -> index in files
        self.mentions: dict[str, list[dict]] = {}  # text fallback only
        self.n_from_text = 0

    def scan(self, index: StoryIndex) -> None:
        """Add the document frequencies of every todo article to ``index``."""
        import pyarrow.parquet as pq

        from tasks import parquet
        df = index.df
        for f in parquet.committed_files(self.processed_dir, "story_features"):
            pf = pq.ParquetFile(f)
            head = pf.read(columns=["article_id", "feature_rules"])
            take = [i for i, (aid, rules) in enumerate(zip(head.column("article_id").to_pylist(),
                                                           head.column("feature_rules").to_pylist()))
                    if aid in self.todo and aid not in self.loc and rules == FEATURE_RULES]
            if not take:
                continue
            src = len(self.files)
            self.files.append(("features", f))
            t = pf.read(columns=["article_id", "terms", "entities"])
            if len(take) < t.num_rows:
                t = t.take(take)
            for aid, terms, ents in zip(*(t.column(c).to_pylist() for c in ("article_id", "terms", "entities"))):
                if aid in self.loc:
                    continue
                self.loc[aid] = src
                index.n_docs += 1
                for k in terms:
                    df[k] = df.get(k, 0) + 1
                for k in ents:
                    df[k] = df.get(k, 0) + 1
        rest = self.todo - self.loc.keys()
        if not rest:
            return
        # written by a version without story_features (or with other feature rules): tokenise the text
        self.mentions = _mention_keys(self.processed_dir, rest)
        for f, arts in _iter_articles(self.processed_dir, rest):
            src = len(self.files)
            self.files.append(("text", f))
            raws = []
            for a in arts:
                if a["article_id"] not in self.loc:
                    self.loc[a["article_id"]] = src
                    raws.append(raw_features(a, self.mentions.get(a["article_id"], ())))
            self.n_from_text += len(raws)
            update_df(index, raws)

    def raw(self, ids: list[str]) -> Iterator[RawFeatures]:
        """Raw features of ``ids`` (articles seen by :meth:`scan`), in no particular order."""
        import pyarrow.parquet as pq
        by_src: dict[int, set[str]] = defaultdict(set)
        for aid in ids:
            by_src[self.loc[aid]].add(aid)
        for src in sorted(by_src):
            kind, f = self.files[src]
            wanted = by_src[src]
            if kind == "features":
                t = pq.ParquetFile(f).read(columns=_FEATURE_COLS)
                for row in t.filter(_is_in(t, "article_id", wanted)).to_pylist():
                    if row["article_id"] in wanted:
                        wanted.discard(row["article_id"])
                        sort_key, day = self.info[row["article_id"]]
                        yield raw_from_row(row, day, sort_key)
            else:
                for a in _read_articles(f, wanted):
                    if a["article_id"] in wanted:
                        wanted.discard(a["article_id"])
                        yield raw_features(a, self.mentions.get(a["article_id"], ()))


def update_stories(processed_dir: Path, new_article_ids: list[str], run_id: str,
                   full_refresh: bool = False) -> dict[str, list[dict]]:
    """:func:`assign_stories`, saving the updated index at once; returns the rows. (The flow commits the
    rows first and saves the index after: tasks.corpus.assign_and_write.)"""
    rows, index = assign_stories(processed_dir, new_article_ids, run_id, full_refresh)
    if index is not None:
        index.save(Path(processed_dir) / INDEX_DIR)
    return rows


def assign_stories(processed_dir: Path, new_article_ids: list[str], run_id: str,
                   full_refresh: bool = False) -> tuple[dict[str, list[dict]], "StoryIndex | None"]:
    """Assign stories and syndication groups to every committed article not yet in the story index.

    Reads the index under ``<processed>/_story_index`` (ignored on a full
    refresh), reads the raw features of the committed articles that need a
    decision (the new ones, plus any that an interrupted earlier run left out)
    from ``story_features`` (tokenising ``articles`` + ``entity_mentions`` for
    articles without a current feature row) and returns rows for
    ``story_assignments`` and ``syndication`` plus the updated index to save
    once the rows are committed (None: nothing to save). Save it after the
    commit: a crash in between leaves the old index, and the next run assigns
    the same articles again (deterministically, the newest rows win). An index
    on disk that is not reused (full refresh, other version or rules) is
    deleted here, before any row is committed, so a crash can never pair the
    new rows with the old index. Articles the index knows but whose rows never
    got committed get their rows again. ``new_article_ids`` is a hint; the
    committed ``articles`` table is the truth.

    Two passes: document frequencies over all new articles, then compact
    features and assignment ``STREAM_CHUNK`` articles at a time in global
    (published_at, source_path, article_id) order: the same result as all at
    once (document frequencies are final after pass 1), in bounded memory.
    """
    processed_dir = Path(processed_dir)
    folder = processed_dir / INDEX_DIR
    index = None if full_refresh else StoryIndex.load(folder)
    if index is None:
        for name in (INDEX_FILE, *LEGACY_INDEX_FILES):     # not reused: never to be paired with new rows
            (folder / name).unlink(missing_ok=True)
    index = index or StoryIndex()
    all_ids, info = _order_info(processed_dir, index.articles)
    todo = set(info)
    rows: dict[str, list[dict]] = {"story_assignments": [], "syndication": []}
    if todo:
        source = _FeatureSource(processed_dir, todo, info)
        source.scan(index)                                  # pass 1: document frequencies
        order = sorted(todo, key=lambda aid: info[aid][0])
        for start in range(0, len(order), STREAM_CHUNK):    # pass 2: compact features + assignment, chunk by chunk
            chunk = order[start:start + STREAM_CHUNK]
            feats = {r.article_id: compact_features(r, index.df, index.n_docs) for r in source.raw(chunk)}
            _assign_features((feats.pop(aid) for aid in chunk), index, rows)
    # re-emit rows the index has but Parquet lacks (interrupted earlier run)
    assigned = _committed_ids(processed_dir, "story_assignments") if not full_refresh else set()
    done = {r["article_id"] for r in rows["story_assignments"]}
    now = datetime.now(timezone.utc)
    for aid in sorted(set(index.articles) - assigned - done):
        if aid in all_ids:
            sa, sy = _rows_for(aid, index.articles[aid], now)
            rows["story_assignments"].append(sa)
            rows["syndication"].append(sy)
    return rows, (index if todo or not (folder / INDEX_FILE).exists() else None)


def _committed_ids(processed_dir: Path, table: str) -> set[str]:
    from tasks import parquet
    return set(parquet.read_table(processed_dir, table, columns=["article_id"]).column("article_id").to_pylist())
