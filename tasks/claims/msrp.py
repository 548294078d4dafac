"""The MSRP file format (Microsoft Research Paraphrase Corpus) and its sentences as claim records.

Tab-separated, UTF-8 with a byte-order mark, header ``Quality  #1 ID  #2 ID  #1 String  #2 String``;
``Quality`` is 1 when the two sentences say the same thing. Quotes inside strings are literal (the
file is not CSV-quoted), so lines are split on tabs by hand.
"""
from __future__ import annotations

from pathlib import Path

from tasks.claims.features import sentence_features
from tasks.claims.vectors import encode_int8


class MSRPFormatError(ValueError):
    pass


def load_pairs(path: Path) -> list[dict]:
    """[{label, id_a, id_b, text_a, text_b}] of one MSRP file; a malformed file raises MSRPFormatError."""
    lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    if not lines or not lines[0].lower().startswith("quality"):
        raise MSRPFormatError(f"{path}: not an MSRP file (header 'Quality\\t#1 ID\\t#2 ID\\t#1 String\\t#2 String')")
    pairs = []
    for no, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        pairs.extend(_records(line.split("\t"), f"{path}:{no}"))
    return pairs


def _records(parts: list[str], where: str) -> list[dict]:
    """One line's records. The published train file has one line holding two records whose newline
    was lost (``...late Wednesday.0<TAB>849568...``): the next label is glued to the last string."""
    out = []
    while True:
        if len(parts) < 5 or parts[0].strip() not in ("0", "1"):
            raise MSRPFormatError(f"{where}: expected 5 tab-separated fields with Quality 0 or 1")
        last = parts[4]
        if len(parts) == 5:
            out.append({"label": int(parts[0]), "id_a": parts[1], "id_b": parts[2],
                        "text_a": parts[3], "text_b": last})
            return out
        if len(parts) < 9 or last[-1:] not in ("0", "1"):
            raise MSRPFormatError(f"{where}: {len(parts)} tab-separated fields (expected 5)")
        out.append({"label": int(parts[0]), "id_a": parts[1], "id_b": parts[2],
                    "text_a": parts[3], "text_b": last[:-1]})
        parts = [last[-1]] + parts[5:]


def pair_records(pairs: list[dict]) -> list[tuple[dict, dict]]:
    """Both sentences of every pair as claim records (features and vector), each sentence once."""
    texts = sorted({p["text_a"] for p in pairs} | {p["text_b"] for p in pairs})
    vectors = encode_int8(texts)
    records = {}
    for text, vec in zip(texts, vectors):
        rec = sentence_features(text)
        rec["vector"] = vec
        records[text] = rec
    return [(records[p["text_a"]], records[p["text_b"]]) for p in pairs]
