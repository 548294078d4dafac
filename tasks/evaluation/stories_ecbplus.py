"""Story clustering against ECB+ (odd-numbered topics): same-topic, different-event documents.

Each topic of ``<gold>/ecbplus/ecbplus_odd_topics.jsonl`` holds two real
events of one kind (two rehab check-ins, two earthquakes); the gold story is
the ``subtopic``. The documents carry no date metadata, only what their text
says.

A document becomes an article the way a ``.txt`` file of the same text would:
its tokenised sentences are lightly detokenised (```` `` ''`` quotes, ``a - b``
hyphens, ``1: 35`` times, ``http: / / ...``), a leading URL line becomes the
article's ``url`` (a crawler keeps it as metadata, not text), the rest goes
through the product's cleaner (``tasks.clean.clean_documents``: the first line
is the title, a date line under it the publication date, as for any text
file; a one-sentence document the cleaner would reject is kept whole as the body), then through :func:`tasks.evaluation.stories_basil.cluster` with the
spaCy entity mentions. Scored with B-cubed precision / recall / F1.

Run: ``.venv/bin/python -m tasks.evaluation.stories_ecbplus [GOLD_DIR]``
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from tasks.evaluation.metrics import bcubed
from tasks.evaluation.stories_basil import _mentions, cluster

TARGET = 0.92
GOLD_FILE = Path("ecbplus") / "ecbplus_odd_topics.jsonl"

_DETOK = [
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r"(?<=\w) - (?=\w)"), "-"),
    (re.compile(r"(?<=\d): (?=\d\d)"), ":"),
    (re.compile(r" ([,.;:!?%)])"), r"\1"),
    (re.compile(r"([($]) "), r"\1"),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b"), r"\1"),
]
_URL = re.compile(r"^\s*https?\s*:\s*/\s*/")


def detokenise(sentence: str) -> str:
    """Undo the corpus's tokenisation where it would never appear in a published text."""
    s = sentence
    for rx, rep in _DETOK:
        s = rx.sub(rep, s)
    return s.strip()


def raw_doc(d: dict) -> dict:
    """One ECB+ document as the RawDoc a ``.txt`` file of its text would give (URL line -> meta url)."""
    sents = list(d.get("sentences") or [])
    meta: dict = {}
    while sents and _URL.match(sents[0]):
        meta["url"] = re.sub(r"\s+", "", sents.pop(0))
    text = "\n\n".join(detokenise(s) for s in sents if s.strip())
    return {"source_path": f"ecbplus/{d['doc']}", "drop_id": "ecbplus", "file_hash": d["doc"], "format": "txt",
            "text": text, "meta": meta}


def load_ecbplus(gold_dir: Path) -> tuple[list[dict], dict[str, str]]:
    """(articles as the cleaner gives them, gold article_id -> subtopic)."""
    from tasks.clean import article_id_for, clean_documents
    docs = [json.loads(line) for line in (Path(gold_dir) / GOLD_FILE).read_text(encoding="utf-8").splitlines()
            if line.strip()]
    raws = [raw_doc(d) for d in docs]
    articles, rejected = clean_documents(raws)
    by_path = {r["source_path"]: r for r in raws}
    for rej in rejected:       # a one-sentence document (the cleaner takes its line as the title): body = text
        r = by_path[rej["source_path"]]
        articles.append({"article_id": article_id_for(r["text"]), "title": "", "body": r["text"],
                         "published_at": None, "source_path": r["source_path"], "outlet": None})
    subtopic = {f"ecbplus/{d['doc']}": d["subtopic"] for d in docs}
    out, gold, seen = [], {}, set()
    for a in articles:
        aid = a["article_id"]
        if aid in seen:          # two documents with the same text: one article (as ingest dedupes)
            continue
        seen.add(aid)
        out.append(dict(a))
        gold[aid] = subtopic[a["source_path"]]
    return out, gold


def evaluate(gold_dir: Path, settings=None) -> list[dict]:
    """B-cubed P/R/F1 of the story clusters against the ECB+ subtopics."""
    articles, gold = load_ecbplus(Path(gold_dir))
    mentions = _mentions(articles, settings)
    s = bcubed(gold, cluster(articles, mentions))
    metric = "ecb+ b-cubed" + (" (with entity mentions)" if mentions else " (lexical features)")
    return [{"task": "stories", "metric": metric, "precision": s["precision"], "recall": s["recall"],
             "f1": s["f1"], "n": s["n"], "target": TARGET}]


if __name__ == "__main__":
    from tasks.evaluation.run import format_table, gold_dir_from_argv
    from tasks.settings import Settings
    gd = gold_dir_from_argv(needs=str(GOLD_FILE))
    if gd is None:
        sys.exit(0)
    print(format_table(evaluate(gd, Settings.from_env())))
