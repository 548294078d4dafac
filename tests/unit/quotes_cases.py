"""Shared cases for the quote tests: a few names with hand-built mentions (so a case tests the quote rules,
not the NER model), and small accessors of extract_quotes' rows."""
from __future__ import annotations

import re

from tasks.quotes import extract_quotes
from tasks.sentences import split_sentences

PEOPLE = {
    "Vladimir Putin": ("per:putin", "Vladimir Putin"),
    "Putin": ("per:putin", "Vladimir Putin"),
    "Donald Trump": ("per:trump", "Donald Trump"),
    "Trump": ("per:trump", "Donald Trump"),
    "Dmitry Peskov": ("per:peskov", "Dmitry Peskov"),
    "Peskov": ("per:peskov", "Dmitry Peskov"),
    "Karoline Leavitt": ("per:leavitt", "Karoline Leavitt"),
    "Leavitt": ("per:leavitt", "Karoline Leavitt"),
    "JD Vance": ("per:vance", "JD Vance"),
    "Vance": ("per:vance", "JD Vance"),
    "Maria Zakharova": ("per:zakharova", "Maria Zakharova"),
}
ORGS = {"TASS": ("org:tass", "TASS"), "Kremlin": ("org:kremlin", "Kremlin"), "Moscow": ("gpe:moscow", "Moscow")}


def mentions_for(body: str) -> list[dict]:
    """Every occurrence of the names above as a mention (longest name first, no overlaps)."""
    out, taken = [], set()
    table = [(k, "PERSON", v) for k, v in PEOPLE.items()] + [(k, "ORG" if k != "Moscow" else "GPE", v) for k, v in ORGS.items()]
    for surface, label, (eid, name) in sorted(table, key=lambda t: -len(t[0])):
        for m in re.finditer(r"\b" + re.escape(surface) + r"\b", body):
            if any(i in taken for i in range(m.start(), m.end())):
                continue
            taken.update(range(m.start(), m.end()))
            out.append({"start_char": m.start(), "end_char": m.end(), "text": surface, "label": label,
                        "entity_id": eid, "entity_name": name})
    return sorted(out, key=lambda m: m["start_char"])


def run(body: str) -> list[dict]:
    return extract_quotes({"article_id": "a1", "body": body}, split_sentences(body), mentions_for(body))


def one(quotes: list[dict], fragment: str) -> dict:
    hits = [q for q in quotes if fragment in q["text"]]
    assert len(hits) == 1, (fragment, [(q["kind"], q["text"]) for q in quotes])
    return hits[0]


def partial(quotes: list[dict], fragment: str) -> dict:
    return one([q for q in quotes if q["kind"] == "partial"], fragment)


def check_offsets(body: str, quotes: list[dict]) -> None:
    for q in quotes:
        assert body[q["start_char"]:q["end_char"]] == q["text"]
        if q["speaker_start"] is not None:
            assert body[q["speaker_start"]:q["speaker_end"]] == q["speaker_text"]
        assert 0.0 <= q["confidence"] <= 1.0
        assert q["kind"] in {"direct", "partial", "indirect"}
