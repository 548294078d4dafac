"""Per-article story features: tokens, content terms, proper-name keys, MinHash signatures, tf-idf weighting,
and the ``story_features`` row the extraction workers write (:func:`feature_row`).

Nothing here depends on the rest of the corpus except :func:`compact_features` (which takes the document
frequencies). Tokenisation is a small regex rather than spaCy: it runs once per article in the workers and
must stay cheap next to the spaCy pass (cold-run ratio).
"""
from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from collections.abc import Iterable

import numpy as np

from tasks import rulefiles
from tasks.stories.dates import _DAY_MONTH, _ISO, _MONTH_DAY, _NUMERIC, _WEEKDAY_RE, _YEARS, text_anchors, weekday_mask
from tasks.stories.params import (CORE_TERMS, FEATURES_VERSION, MAX_ANCHORS, MAX_TERMS, MIN_SHINGLES, N_BANDS,
                                  N_BLOCK_KEYS, N_PERM, NON_ENTITY_LABELS, SHARED_DF, SHINGLE, SPEC_MIN_DF,
                                  SPEC_SHARE, TITLE_BOOST)

_PRIME = (1 << 31) - 1
_rng = np.random.RandomState(20240519)
_PERM_A = _rng.randint(1, _PRIME, size=N_PERM, dtype=np.int64)
_PERM_B = _rng.randint(0, _PRIME, size=N_PERM, dtype=np.int64)

_WORD_RE = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’.-]*[A-Za-z\u00C0-\u024F]|[A-Za-z]|\d[\d,.]*\d|\d")


def _load_stopwords() -> frozenset[str]:
    return frozenset(rulefiles.lines("story_stopwords.txt", lower=True))


STOPWORDS = _load_stopwords()


def _load_title_abbr() -> re.Pattern:
    words = rulefiles.lines("story_title_abbreviations.txt")
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
    anchors: tuple = ()             # text date anchors (tasks.stories.dates.text_anchors): full dates,
    month_days: tuple = ()          # ... month-days without a year,
    years: tuple = ()               # ... years named
    weekdays: int = 0               # weekdays named (tasks.stories.dates.weekday_mask)


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
    anchors: tuple = ()
    month_days: tuple = ()
    years: tuple = ()
    core_terms: tuple = ()          # (term, weight) of its top CORE_TERMS terms, shared or not (as a core member)
    core_norm: float = 1.0          # ... their L2 norm over the shared ones
    weekdays: int = 0
    topic_wide: frozenset = frozenset()   # its core terms and entities that are not event-specific (df > the cut)


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


@functools.lru_cache(maxsize=1 << 17)
def _content_term(tok: str) -> str:
    """The content term of a token ("" for numbers, stopwords and words shorter than 3 letters)."""
    if tok[0].isdigit():
        return ""
    t = _norm_token(tok)
    return t if len(t) >= 3 and t not in STOPWORDS else ""


def _terms_of(toks: list[str]) -> list[str]:
    return [t for t in map(_content_term, toks) if t]


def content_terms(text: str) -> list[str]:
    """Lower-cased, lightly stemmed content words (no stopwords, no numbers, length >= 3)."""
    return _terms_of(tokens(text))


@functools.lru_cache(maxsize=1 << 17)
def _name_word(tok: str) -> str:
    """The normalised word when a token can be part of a proper name (capitalised, not a stopword), else ""."""
    if not tok[0].isupper():
        return ""
    t = _norm_token(tok)
    return t if len(t) >= 2 and t not in STOPWORDS else ""


def _at_sentence_start(text: str, start: int) -> bool:
    """The word at ``start`` begins the text, a line or a sentence (not after a title such as "Mr.")."""
    before = text[max(0, start - 3):start].rstrip(" \t\"'“‘(")
    at_start = start == 0 or before == "" or before[-1] in ".!?\n:—–-"
    if at_start and before.endswith(".") and _TITLE_ABBR.search(text[max(0, start - 8):start]):
        return False
    return at_start


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
        if not (len(run) == 1 and run_at_start):
            keys.add("name:" + " ".join(run))
            keys.add("name:" + run[-1])
        run.clear()

    text = text or ""
    for m in _WORD_RE.finditer(text):
        t = _name_word(m.group(0))
        if t:
            if not run:
                run_at_start = _at_sentence_start(text, m.start())
            run.append(t)
            if text[m.end():m.end() + 1] != " ":
                flush()
        elif run:
            flush()
    if run:
        flush()
    return keys


def minhash(shingle_hashes: np.ndarray) -> np.ndarray:
    """MinHash signature (N_PERM values) of a set of 32-bit shingle hashes."""
    x = shingle_hashes.astype(np.int64)[:, None]
    return ((x * _PERM_A[None, :] + _PERM_B[None, :]) % _PRIME).min(axis=0)


def shingle_hashes(text: str, k: int = SHINGLE) -> np.ndarray:
    """Hashes of the word k-shingles of ``text`` (lower-cased words, punctuation ignored)."""
    return _shingle_hashes(tokens(text), k)


def _shingle_hashes(toks: list[str], k: int = SHINGLE) -> np.ndarray:
    words = [w.lower() for w in toks]
    if len(words) < k:
        return np.zeros(0, dtype=np.int64)
    out = {int.from_bytes(hashlib.blake2b(" ".join(words[i:i + k]).encode(), digest_size=4).digest(), "little")
           for i in range(len(words) - k + 1)}
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
    body_tokens = tokens(body)
    tf: Counter[str] = Counter(_terms_of(body_tokens))
    for t in content_terms(title):
        tf[t] += TITLE_BOOST
    ents = {"e:" + k for k in proper_name_keys(title + "\n" + body)}
    for m in mentions:
        key = m.get("entity_key")
        if key and (m.get("label") or "") not in NON_ENTITY_LABELS:
            ents.add("e:" + key.lower())
    for e in ents:
        tf[e] += 1
    sh = _shingle_hashes(body_tokens)
    sig = minhash(sh) if len(sh) >= MIN_SHINGLES else None
    day = _day_of(article.get("published_at"))   # ingestion time says nothing about when the event was
    anchors, month_days, years = text_anchors(title + "\n" + body)
    return RawFeatures(article["article_id"], day, sort_key_of(article), dict(tf), ents, sig, len(sh),
                       tuple(anchors), tuple(month_days), tuple(years), weekday_mask(title + "\n" + body))


def idf(df: int, n_docs: int) -> float:
    """Smoothed inverse document frequency."""
    return math.log((n_docs + 1) / (df + 1)) + 1.0


def compact_features(raw: RawFeatures, df: dict[str, int], n_docs: int) -> Features:
    """Weight raw features by IDF: top MAX_TERMS tf-idf terms some other document has too (L2-normalised), their
    entity idfs, blocking keys, and the terms the article keeps as a core member."""
    dfs = {t: df.get(t, 0) for t in raw.tf}
    weights = {t: (1.0 + math.log(c)) * idf(dfs[t], n_docs) for t, c in raw.tf.items()}
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    # similarity features: terms and entities some other document also has (one only this article has matches
    # nothing and would only lower its cosines and entity shares, the more so the longer the article)
    top = [tw for tw in ranked if dfs[tw[0]] >= SHARED_DF][:MAX_TERMS]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    vec = {t: w / norm for t, w in top}
    ents = {e: idf(dfs[e], n_docs) for e in sorted(raw.entities)   # sorted: sums do not depend on set order
            if dfs[e] >= SHARED_DF}
    # blocking keys: the article's most salient (highest tf-idf) terms and entity keys, shared or not yet (a
    # later article may name them)
    block = [t for t, _ in ranked[:N_BLOCK_KEYS]]
    # as a core member: its top terms shared or not (an article of a later drop may share one: the same
    # articles in one drop or in several must end in the same stories), normed over the shared ones
    core = tuple(ranked[:CORE_TERMS])
    core_norm = norm if len(ranked) <= CORE_TERMS else \
        math.sqrt(sum(w * w for t, w in core if dfs[t] >= SHARED_DF)) or 1.0
    cut = max(SPEC_MIN_DF, SPEC_SHARE * n_docs)     # as scoring.specific_df
    wide = frozenset(k for k in [t for t, _ in core] + list(ents) if dfs[k] > cut)
    return Features(raw.article_id, raw.day, raw.sort_key, vec, ents, block, raw.signature, raw.n_shingles,
                    raw.anchors, raw.month_days, raw.years, core, core_norm, raw.weekdays, wide)

# ---------------------------------------------------------------- stored raw features (table story_features)

def _feature_rules() -> str:
    """Fingerprint of everything that decides raw features; stored rows with another one are recomputed."""
    h = hashlib.sha256()
    for part in (FEATURES_VERSION, _WORD_RE.pattern, _TITLE_ABBR.pattern, _MONTH_DAY.pattern, _DAY_MONTH.pattern,
                 _ISO.pattern, _NUMERIC.pattern, _YEARS.pattern, _WEEKDAY_RE.pattern, MAX_ANCHORS, sorted(STOPWORDS), sorted(NON_ENTITY_LABELS),
                 TITLE_BOOST, SHINGLE, N_PERM, MIN_SHINGLES, _PERM_A.tolist(), _PERM_B.tolist()):
        h.update(repr(part).encode())
    return h.hexdigest()[:16]


FEATURE_RULES = _feature_rules()

def feature_row(article: dict, mentions: Iterable[dict] = ()) -> dict:
    """One ``story_features`` row: the raw features of an article as plain lists (computed by the extraction workers)."""
    r = raw_features(article, mentions)
    terms = [t for t in r.tf if t not in r.entities]
    return {"article_id": r.article_id, "terms": terms, "counts": [r.tf[t] for t in terms],
            "entities": sorted(r.entities), "signature": None if r.signature is None else r.signature.tolist(),
            "n_shingles": r.n_shingles, "anchors": list(r.anchors), "month_days": list(r.month_days),
            "years": list(r.years), "weekdays": r.weekdays, "feature_rules": FEATURE_RULES}


def raw_from_row(row: dict, day: int | None, sort_key: tuple) -> RawFeatures:
    """RawFeatures from a ``story_features`` row (the inverse of :func:`feature_row`; day and order from the article)."""
    tf = dict(zip(row["terms"], row["counts"]))
    ents = row["entities"]
    for e in ents:
        tf[e] = tf.get(e, 0) + 1
    sig = row["signature"]
    return RawFeatures(row["article_id"], day, sort_key, tf, set(ents),
                       None if sig is None else np.asarray(sig, dtype=np.int64), row["n_shingles"] or 0,
                       tuple(row.get("anchors") or ()), tuple(row.get("month_days") or ()),
                       tuple(row.get("years") or ()), row.get("weekdays") or 0)


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


