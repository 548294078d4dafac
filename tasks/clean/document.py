"""One document through the cleaner: clean_text (the sequence of steps) and clean_documents (RawDocs -> articles)."""
from __future__ import annotations

import re
from typing import Any, Iterable

from tasks.clean.boilerplate import _cut_tail_marker, _drop_appeal_blocks, _drop_everywhere, _peel_tail
from tasks.clean.header import _clean_header, _peel_header, _State, _take_dateline
from tasks.clean.outlets import canonical_outlet
from tasks.clean.paragraphs import split_paragraphs
from tasks.clean.text import article_id_for, collapse_ws
from tasks.ingest import normalise_text, parse_datetime

Article = dict
Rejection = dict

def clean_text(text: str, meta: dict | None = None, fmt: str = "txt") -> dict:
    """Clean one document's text. Returns dict(body, title, byline, dateline, outlet_text, published_at)
    where outlet_text is the outlet named by the text (or None)."""
    meta = meta or {}
    st = _State()
    st.title = collapse_ws(meta.get("title") or "") or None
    text = normalise_text(text)      # idempotent; RawDocs from tasks.ingest are normalised already
    paras = split_paragraphs(text)
    paras = _peel_header(paras, st, fmt)
    paras = _cut_tail_marker(paras, st)
    paras = _drop_everywhere(paras, st)
    paras = _drop_appeal_blocks(paras)
    paras = _peel_tail(paras, st)
    paras = _clean_header(paras, st, meta.get("published_at"))
    paras = _take_dateline(paras, st)
    # a second pass over the tail: the header pass may have exposed nothing new, but the appeal
    # block may now be last
    paras = _peel_tail(paras, st)
    body = "\n\n".join(paras)
    outlet_text = st.outlet_masthead or st.outlet_footer or st.outlet_byline or st.outlet_dateline
    return {"body": body, "title": st.title, "byline": st.byline, "dateline": st.dateline,
            "outlet_text": outlet_text, "published_at": st.published_at}


# A news article is at most tens of thousands of characters; a text of a million characters is a
# dump, a log or a book, and extracting it would take minutes (and exceeds spaCy's max_length).
MAX_ARTICLE_CHARS = 1_000_000


def clean_documents(docs: Iterable[dict]) -> tuple[list[Article], list[Rejection]]:
    """RawDocs -> (articles, rejections). A doc whose body is empty after cleaning is rejected
    as ``no_text``; a text over MAX_ARTICLE_CHARS as ``too_large``; an unexpected error on one
    doc rejects that doc as ``extraction_error``."""
    articles: list[Article] = []
    rejected: list[Rejection] = []
    for doc in docs:
        n_chars = len(doc.get("text") or "")
        if n_chars > MAX_ARTICLE_CHARS:
            rejected.append(_reject(doc, "too_large", f"text of {n_chars:,} characters is over the "
                                    f"{MAX_ARTICLE_CHARS:,}-character limit for one article"))
            continue
        try:
            a = _clean_one(doc)
        except Exception as e:   # one odd document must not kill the batch
            rejected.append(_reject(doc, "extraction_error", f"cleaning failed: {type(e).__name__}: {str(e)[:300]}"))
            continue
        if a is None:
            rejected.append(_reject(doc, "no_text", "no article text left after removing boilerplate"))
        else:
            articles.append(a)
    return articles, rejected


def _reject(doc: dict, reason: str, detail: str) -> Rejection:
    return {"source_path": doc.get("source_path") or "", "drop_id": doc.get("drop_id"),
            "file_hash": doc.get("file_hash"), "reason": reason, "detail": detail}


def _clean_one(doc: dict) -> Article | None:
    meta: dict[str, Any] = doc.get("meta") or {}
    fmt = doc.get("format") or "txt"
    res = clean_text(doc.get("text") or "", meta, fmt)
    body = res["body"]
    if not body.strip():
        return None
    aid = article_id_for(body)
    meta_outlet = canonical_outlet(meta.get("outlet"))
    if meta_outlet:
        outlet, source = meta_outlet, "metadata"
    elif res["outlet_text"]:
        outlet, source = canonical_outlet(res["outlet_text"]), "text"
    else:
        outlet, source = f"unknown:{aid}", "self"
    published = parse_datetime(meta.get("published_at")) or res["published_at"]
    byline = collapse_ws(meta.get("byline") or "") or res["byline"]
    if byline:
        byline = re.sub(r"(?i)^by\s+", "", byline)[:300]
    paras = body.split("\n\n")
    return {
        "article_id": aid,
        "drop_id": doc.get("drop_id"),
        "source_path": doc.get("source_path"),
        "file_hash": doc.get("file_hash"),
        "outlet": outlet,
        "outlet_source": source,
        "url": meta.get("url"),
        "title": (res["title"] or None) and res["title"][:1000],
        "byline": byline or None,
        "dateline": res["dateline"],
        "published_at": published,
        "body": body,
        "n_words": len(body.split()),
        "n_paragraphs": len(paras),
        "ingested_at": None,
    }
