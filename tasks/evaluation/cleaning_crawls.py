"""Cleaning of crawled pages against hand labels (gold_dir/crawls/*.md + tests/eval/crawl_labels.tsv).

The crawled pages are run through the real ingest and clean stages as one batch
(``tasks.ingest.discover`` / ``read_files`` / ``tasks.clean.clean_documents``); the labels
(file, line, body | heading | junk; the text stays in ../shared) were made by hand by reading
the pages. A labelled line is *kept* when its text (Markdown removed, as the reader sees it)
is a paragraph of the article body, or (lines of 8+ words) lies inside one; the first paragraph counts
as kept when it is kept without the dateline the cleaner moved to the article's ``dateline`` field.

Rows (task ``cleaning``):

* ``body_lines``: precision / recall / F1 of kept lines against the lines labelled body;
* ``body_lines_kept``: the recall alone, target 0.98;
* ``clean_sentences``: 1 - share of body sentences (``sentences.split_sentences``) that lie in a
  paragraph labelled junk, target 0.98 (at most 2% junk sentences); an article stored twice
  (two files with the same body, hence the same article_id) counts once, as in the warehouse;
* ``outlet_known``: share of pages with a URL whose outlet is not ``unknown:``, target 1.0;
* ``date_right``: share of pages whose front matter date (or, when it says unknown, the date in
  the URL path) equals ``published_at`` (day), target 1.0;
* ``seeds_clean``: on ../shared/seeds (when present): share of checks passed: no body sentence
  matches a boilerplate rule, the North Press seed keeps byline and dateline as metadata.
"""
from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

from tasks.evaluation.metrics import prf, row
from tasks.settings import REPO_ROOT

LABELS = REPO_ROOT / "tests" / "eval" / "crawl_labels.tsv"
BODY_TARGET = 0.98
CLEAN_TARGET = 0.98
_URL_DATE = re.compile(r"/(20\d\d)/(\d{1,2}|[a-z]{3})/(\d{1,2})(?:/|$)", re.I)
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                        "nov", "dec"), start=1)}


def load_labels(path: Path = LABELS) -> dict[str, dict[int, str]]:
    labels: dict[str, dict[int, str]] = {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    for rec in csv.DictReader(lines, delimiter="\t"):
        labels.setdefault(rec["file"], {})[int(rec["line"])] = rec["label"]
    return labels


def _line_texts(path: Path) -> dict[int, str]:
    """Plain text of every line of a crawled page (1-based line numbers of the whole file)."""
    from tasks.clean.text import collapse_ws
    from tasks.ingest.decode import normalise_text
    from tasks.ingest.readers.markdown import _FRONT_MATTER, markdown_paragraphs
    raw = normalise_text(path.read_text(encoding="utf-8"))
    m = _FRONT_MATTER.match(raw)
    offset = raw[:m.end()].count("\n") if m else 0
    body = raw[m.end():] if m else raw
    out: dict[int, str] = {}
    for rec in markdown_paragraphs(body):
        out[rec["line"] + offset + 1] = collapse_ws(rec["text"])
    return out


def _expected_date(path: Path) -> date | None:
    from tasks.ingest.readers.markdown import read_markdown_doc
    _, meta, _ = read_markdown_doc(path.read_text(encoding="utf-8"))
    if meta.get("published_at"):
        return meta["published_at"].date()
    m = _URL_DATE.search(meta.get("url") or "")
    if not m:
        return None
    month = _MONTHS.get(m.group(2).lower()[:3]) if m.group(2).isalpha() else int(m.group(2))
    if month is None:       # not a month name
        return None
    try:
        return date(int(m.group(1)), month, int(m.group(3)))
    except (TypeError, ValueError):
        return None


def _kept(text: str, paragraphs: set[str], body: str, dateline: str | None = None) -> bool:
    """The line is a paragraph of the body (or lies inside one); a first paragraph whose dateline
    ("BRUSSELS, Feb 23 (Reuters) -") went to the article's dateline field counts as kept."""
    if not text:
        return False
    if text in paragraphs or (len(text.split()) >= 8 and text in body):
        return True
    if dateline and text.startswith(dateline):
        rest = text[len(dateline):].lstrip(" -–—:")
        return rest != text and bool(rest) and _kept(rest, paragraphs, body)
    return False


def _score_pages(crawls: Path, labels: dict[str, dict[int, str]]) -> dict:
    from tasks.clean import clean_documents
    from tasks.ingest import discover, read_files
    from tasks.sentences import split_sentences
    files = [f for f in discover(crawls) if Path(f.rel_path).name in labels]
    docs, _ = read_files(crawls, files)
    articles, _ = clean_documents(docs)
    by_file = {Path(a["source_path"]).name: a for a in articles}
    c = {"tp": 0, "fp": 0, "fn": 0, "sentences": 0, "junk_sentences": 0, "pages_url": 0, "outlet_known": 0,
         "pages_dated": 0, "date_right": 0}
    counted_ids: set[str] = set()
    for name, file_labels in sorted(labels.items()):
        texts = _line_texts(crawls / name)
        art = by_file.get(name)
        body = art["body"] if art else ""
        paragraphs = set(body.split("\n\n")) if body else set()
        for line_no, label in file_labels.items():
            kept = _kept(texts.get(line_no, ""), paragraphs, body, art.get("dateline") if art else None)
            c["tp"] += kept and label == "body"
            c["fp"] += kept and label != "body"
            c["fn"] += (not kept) and label == "body"
        junk_texts = {texts.get(n, "") for n, lab in file_labels.items() if lab == "junk"} - {""}
        if art and art["article_id"] in counted_ids:
            body = ""            # a copy of an article already counted: the warehouse stores it once
        elif art:
            counted_ids.add(art["article_id"])
        for s in split_sentences(body) if body else []:
            c["sentences"] += 1
            para = body[:s["end_char"]].rsplit("\n\n", 1)[-1] + body[s["end_char"]:].split("\n\n", 1)[0]
            c["junk_sentences"] += para in junk_texts
        expected = _expected_date(crawls / name)
        if art and art.get("url"):
            c["pages_url"] += 1
            c["outlet_known"] += not str(art.get("outlet") or "unknown:").startswith("unknown:")
        if expected is not None:
            c["pages_dated"] += 1
            got = art.get("published_at") if art else None
            c["date_right"] += got is not None and got.date() == expected
    return c


def _seed_checks(seeds: Path) -> tuple[int, int]:
    """(checks passed, checks) on the seeds: no boilerplate sentence; North Press byline and dateline."""
    from tasks.clean import clean_documents, is_boilerplate
    from tasks.clean.classify import PAGE_JUNK
    from tasks.ingest import discover, read_files
    from tasks.sentences import split_sentences
    raw = seeds.parent
    docs, _ = read_files(raw, [f for f in discover(raw) if f.drop_id == seeds.name])
    articles, _ = clean_documents(docs)
    passed = total = 0
    for a in articles:
        total += 1
        sentences = [s["text"] for s in split_sentences(a["body"])]
        passed += not any(is_boilerplate(s) or (PAGE_JUNK is not None and PAGE_JUNK.fullmatch(s)) for s in sentences)
        if "North Press" in (a.get("dateline") or "") or a.get("byline") == "Kardo Roj":
            total += 1
            passed += a.get("byline") == "Kardo Roj" and (a.get("dateline") or "").startswith("MOSCOW")
    return passed, total


def _share_row(metric: str, num: int, den: int, target: float) -> dict:
    v = num / den if den else 1.0
    return {"task": "cleaning", "metric": metric, "precision": None, "recall": v, "f1": v, "n": den,
            "target": target}


def evaluate(gold_dir: Path, settings=None) -> list[dict]:
    crawls = Path(gold_dir) / "crawls"
    labels = load_labels()
    c = _score_pages(crawls, labels)
    counts = prf(c["tp"], c["fp"], c["fn"])
    rows = [row("cleaning", "body_lines", counts),
            _share_row("body_lines_kept", c["tp"], c["tp"] + c["fn"], BODY_TARGET),
            _share_row("clean_sentences", c["sentences"] - c["junk_sentences"], c["sentences"], CLEAN_TARGET),
            _share_row("outlet_known", c["outlet_known"], c["pages_url"], 1.0),
            _share_row("date_right", c["date_right"], c["pages_dated"], 1.0)]
    seeds = Path(gold_dir).parent / "seeds"
    if seeds.is_dir():
        passed, total = _seed_checks(seeds)
        rows.append(_share_row("seeds_clean", passed, total, 1.0))
    return rows
