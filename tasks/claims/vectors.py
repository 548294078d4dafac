"""Static sentence embeddings: one table lookup per word piece, a mean, a unit vector (numpy only).

The table (``model/vectors.npy``, float16, one row per word piece of ``model/vocab.txt``) is the
word-piece input embedding table of the sentence encoder all-MiniLM-L6-v2 (Apache-2.0, see
``model/NOTICE``), centred and reduced by PCA to 64 dimensions (``python -m tasks.claims.distill``);
at load each row is scaled by log(1 + rank), Model2Vec's Zipf weighting (the vocabulary is in
frequency order). Measured on the MSRP train split (80/20 holdout, conflict gate on): this table at
128 dims, weighted, 0.759 accuracy; unweighted 0.754; a Model2Vec-style distillation through the
whole transformer 0.750; at 64 dims stored as int8 (what ships) 0.754.
Encoding a sentence costs a tokenisation and a share of one batched sum (claim_feature_rows on 200
PolNeAR articles, 7,026 sentences: 0.93 s CPU with the features and the statements filter, was 1.22 s)
instead of a transformer pass per sentence, which would break the cold-run budget.

Tokenisation is BERT's uncased one (lower case, accents stripped, punctuation split, greedy longest
word-piece match), written out here because the ``tokenizers`` package is not a dependency and the
algorithm is twenty lines; pieces of stopwords are left out of the mean so function words do not
dominate short sentences.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

from tasks.claims.features import stopwords

MODEL_DIR = Path(__file__).resolve().parent / "model"
PUNCT_RE = re.compile(r"\w+|[^\w\s]", re.UNICODE)


@lru_cache(maxsize=1)
def load() -> tuple[dict[str, int], np.ndarray]:
    """(word piece -> row, vectors as float32); loaded once per process."""
    vocab = (MODEL_DIR / "vocab.txt").read_text(encoding="utf-8").splitlines()
    table = np.load(MODEL_DIR / "vectors.npy").astype(np.float32)
    # Zipf weighting as in Model2Vec: the vocabulary is in frequency order, so log(1 + rank) down-weighs
    # frequent pieces (a stand-in for SIF weights, with no frequency list needed)
    table *= np.log1p(np.arange(len(table), dtype=np.float32))[:, None]
    return {piece: i for i, piece in enumerate(vocab)}, table


def dimensions() -> int:
    return int(load()[1].shape[1])


def _basic_tokens(text: str) -> list[str]:
    text = text.lower()
    if text.isascii():
        return PUNCT_RE.findall(text)
    return [piece for tok in PUNCT_RE.findall(text) for piece in
            (_unaccented(tok) if not tok.isascii() else (tok,))]


@lru_cache(maxsize=100_000)
def _unaccented(token: str) -> tuple[str, ...]:
    """BERT's accent stripping (NFD, combining marks dropped) of one token, re-split on punctuation;
    per token and cached, so curly quotes and accented names do not cost a pass over every character."""
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", token) if unicodedata.category(ch) != "Mn")
    return tuple(PUNCT_RE.findall(stripped))


@lru_cache(maxsize=200_000)
def word_pieces(word: str) -> tuple[int, ...]:
    """Rows of a word's greedy longest-match word pieces (empty for stopwords and unknown words)."""
    if word in stopwords() or not any(ch.isalnum() for ch in word):
        return ()
    vocab = load()[0]
    if len(word) > 100:
        return ()
    rows, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                rows.append(vocab[piece])
                break
            end -= 1
        if end == start:
            return ()
        start = end
    return tuple(rows)


_pieces: dict[str, tuple[int, ...]] = {}     # plain-dict front of word_pieces' cache (a lookup per word)


def quantise(vectors: list[list[float]]) -> list[list[int]]:
    """Unit vectors as int8 (x 127, rounded): what claim_features stores, 8x smaller than float32 at 64
    dims (MSRP holdout accuracy 0.759 vs 0.762 unquantised); cosine ignores the scale."""
    return np.rint(np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1) * 127).astype(np.int8).tolist()


def encode(texts: list[str]) -> list[list[float]]:
    """Unit-length sentence vectors (a zero vector when no word is known), rounded to float32."""
    return encode_array(texts).tolist()


def encode_array(texts: list[str]) -> np.ndarray:
    """``encode`` as one float32 array: the pieces of all texts are gathered once and summed per text
    with ``np.add.reduceat`` (one numpy call per batch, not one mean per sentence)."""
    _, table = load()
    out = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
    rows: list[int] = []
    starts, counts = [], []
    for text in texts:
        begin = len(rows)
        for w in _basic_tokens(text):
            rows.extend(_pieces.get(w) or _pieces.setdefault(w, word_pieces(w)))
        starts.append(begin)
        counts.append(len(rows) - begin)
    counts_a = np.asarray(counts)
    has = np.flatnonzero(counts_a)
    if len(has):
        sums = np.add.reduceat(table[np.asarray(rows, dtype=np.int64)], np.asarray(starts)[has], axis=0)
        means = sums / counts_a[has, None].astype(np.float32)
        norms = np.linalg.norm(means, axis=1)
        ok = norms > 0
        out[has[ok]] = means[ok] / norms[ok, None]
    return out


def encode_int8(texts: list[str]) -> list[list[int]]:
    """``quantise(encode(texts))`` without the round trip through Python floats."""
    vectors = encode_array(texts)
    return np.rint(vectors * 127).astype(np.int8).tolist() if len(texts) else []


def load_stats() -> dict:
    """Seconds to load the table in a fresh process and its size in memory (for benchmarks)."""
    import time
    load.cache_clear()
    t0 = time.perf_counter()
    vocab, table = load()
    return {"load_s": round(time.perf_counter() - t0, 3), "table_mb": round(table.nbytes / 2**20, 1),
            "pieces": len(vocab), "dims": int(table.shape[1])}


if __name__ == "__main__":
    import json
    print(json.dumps(load_stats()))
