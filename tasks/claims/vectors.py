"""Static sentence embeddings: one table lookup per word piece, a mean, a unit vector (numpy only).

The table (``model/vectors.npy``, float16, one row per word piece of ``model/vocab.txt``) was distilled
from the sentence encoder all-MiniLM-L6-v2 (Apache-2.0, see ``model/NOTICE``) the way Model2Vec does it:
every word piece of the encoder's vocabulary was passed through the full transformer alone
(``[CLS] piece [SEP]``, mean-pooled output), the results centred and reduced by PCA
(``python -m tasks.claims.distill``). Encoding a sentence then costs a tokenisation and a mean — about
25k sentences a second on one core — instead of a transformer pass per sentence, which would break the
cold-run budget (measured: numpy MiniLM ~40 ms a sentence here).

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
    return {piece: i for i, piece in enumerate(vocab)}, table


def dimensions() -> int:
    return int(load()[1].shape[1])


def _basic_tokens(text: str) -> list[str]:
    text = text.lower()
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn")
    return PUNCT_RE.findall(text)


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


def encode(texts: list[str]) -> list[list[float]]:
    """Unit-length sentence vectors (a zero vector when no word is known), rounded to float32."""
    _, table = load()
    out = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
    for i, text in enumerate(texts):
        rows = [r for w in _basic_tokens(text) for r in (_pieces.get(w) or _pieces.setdefault(w, word_pieces(w)))]
        if rows:
            v = table[rows].mean(axis=0)
            norm = float(np.linalg.norm(v))
            if norm > 0:
                out[i] = v / norm
    return out.tolist()
