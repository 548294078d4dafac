"""One document through the cleaner: clean_text (the sequence of steps) and clean_documents (RawDocs -> articles)."""
from __future__ import annotations

import re
from typing import Any
from collections.abc import Iterable

from tasks.clean.classify import BODY, JUNK, classify_paragraphs, repeated_paragraphs
from tasks.clean.boilerplate import (_cut_tail_marker, _drop_appeal_blocks, _drop_everywhere, _drop_pull_quotes,
                                     _peel_tail, _strip_sign_off)
from tasks.clean.header import _clean_header, _peel_header, _State, _take_dateline, strip_by
from tasks.clean.language import not_english
from tasks.clean.outlets import canonical_outlet, outlet_for_url, split_title_suffix
from tasks.clean.paragraphs import split_paragraphs
from tasks.clean.text import article_id_for, collapse_ws
from tasks import rulefiles
from tasks.ingest import normalise_text, parse_datetime
from tasks.ingest.meta import date_from_url

Article = dict
Rejection = dict

def clean_text(text: str, meta: dict | None = None, fmt: str = "txt", paragraphs: list[dict] | None = None,
               repeated: frozenset[str] = frozenset()) -> dict:
    """Clean one document's text. Returns dict(body, title, byline, dateline, outlet_text, published_at)
    where outlet_text is the outlet named by the text (or None).

    ``paragraphs`` (paragraph records with Markdown features, from the Markdown reader) sends the
    page through the paragraph classifier first (tasks/clean/classify.py): only ``body``
    paragraphs go on; ``repeated`` are paragraphs seen on other pages of the same site."""
    meta = meta or {}
    st = _State(collapse_ws(meta.get("byline") or "") or None)
    st.title = collapse_ws(meta.get("title") or "") or None
    if paragraphs is not None:
        paras = _classified(paragraphs, repeated, st, meta.get("published_at"), meta.get("description"))
        if _listing_page(paragraphs, paras):
            return {"body": "", "title": st.title, "byline": None, "dateline": None, "outlet_text": None,
                    "published_at": None, "empty_reason": LISTING_DETAIL}
    else:
        text = normalise_text(text)      # idempotent; RawDocs from tasks.ingest are normalised already
        paras = split_paragraphs(text)
    paras = _peel_header(paras, st, fmt)
    paras = _cut_tail_marker(paras, st)
    paras = _drop_everywhere(paras, st)
    paras = _drop_pull_quotes(paras)
    paras = _drop_appeal_blocks(paras)
    paras = _peel_tail(paras, st)
    paras = _clean_header(paras, st, meta.get("published_at"))
    paras = _take_dateline(paras, st)
    # a second pass over the tail: the header pass may have exposed nothing new, but the appeal
    # block may now be last
    paras = _peel_tail(paras, st)
    paras = _strip_sign_off(paras, st)
    body = "\n\n".join(paras)
    outlet_text = st.outlet_masthead or st.outlet_footer or st.outlet_byline or st.outlet_dateline
    return {"body": body, "title": st.title, "byline": st.byline, "dateline": st.dateline,
            "outlet_text": outlet_text, "published_at": st.published_at}


# A page whose body is a sentence or two among a page of links, teasers and promotions is an index
# or listing page (a section front, a live page whose entries did not load), not an article: its
# few "body" words are page furniture the classifier let through.
LISTING_MAX_BODY_WORDS = 40
LISTING_MIN_PAGE_RATIO = 10
LISTING_DETAIL = (f"a listing or index page: under {LISTING_MAX_BODY_WORDS} words of article text among "
                  f"{LISTING_MIN_PAGE_RATIO} times as many words of links, teasers and page furniture")


def _listing_page(records: list[dict], body_paras: list[str]) -> bool:
    body_words = sum(len(p.split()) for p in body_paras)
    page_words = sum(len((r.get("text") or "").split()) for r in records)
    return 0 < body_words < LISTING_MAX_BODY_WORDS and page_words >= LISTING_MIN_PAGE_RATIO * body_words


def _classified(records: list[dict], repeated: frozenset[str], st: _State, meta_published,
                description: str | None = None) -> list[str]:
    """Body paragraphs of a page; a byline or date stamp among the dropped lines is kept as metadata."""
    labels = classify_paragraphs(records, repeated, st.title, description)
    texts = [collapse_ws(r.get("text") or "") for r in records]
    first_body = next((i for i, lab in enumerate(labels) if lab == BODY), len(labels))
    header_junk = [texts[i] for i in range(first_body) if labels[i] == JUNK and texts[i]]
    _clean_header(header_junk, st, meta_published)        # sets byline / published_at, drops nothing here
    return [t for t, lab in zip(texts, labels) if lab == BODY and t]


def _site_of(doc: dict) -> str:
    url = (doc.get("meta") or {}).get("url") or ""
    m = re.match(r"(?i)^(?:https?://)?(?:www\d?\.)?([^/:?#\s]+)", url)
    return m.group(1).lower() if url and m else f"drop:{doc.get('drop_id')}"


def _repeated_by_site(docs: list[dict]) -> dict[str, frozenset[str]]:
    """Per site (URL host, else drop), the paragraphs that occur on two or more of its pages in this batch."""
    by_site: dict[str, list[list[str]]] = {}
    for doc in docs:
        if doc.get("paragraphs") is not None:
            by_site.setdefault(_site_of(doc), []).append([r.get("text") or "" for r in doc["paragraphs"]])
    return {site: repeated_paragraphs(pages) for site, pages in by_site.items() if len(pages) >= 2}


# A news article is at most tens of thousands of characters; a text of a million characters is a
# dump, a log or a book, and extracting it would take minutes (and exceeds spaCy's max_length).
MAX_ARTICLE_CHARS = 1_000_000


def clean_documents(docs: Iterable[dict]) -> tuple[list[Article], list[Rejection]]:
    """RawDocs -> (articles, rejections). A doc whose body is empty after cleaning is rejected
    as ``no_text``; one in another language than English as ``not_english`` (tasks/clean/language.py);
    a text over MAX_ARTICLE_CHARS as ``too_large``; an unexpected error on one doc rejects that doc as
    ``extraction_error``."""
    articles: list[Article] = []
    rejected: list[Rejection] = []
    docs = list(docs)
    repeated = _repeated_by_site(docs)
    for doc in docs:
        n_chars = len(doc.get("text") or "")
        if n_chars > MAX_ARTICLE_CHARS:
            rejected.append(_reject(doc, "too_large", f"text of {n_chars:,} characters is over the "
                                    f"{MAX_ARTICLE_CHARS:,}-character limit for one article"))
            continue
        try:
            a = _clean_one(doc, repeated.get(_site_of(doc), frozenset()))
        except Exception as e:   # one odd document must not kill the batch
            rejected.append(_reject(doc, "extraction_error", f"cleaning failed: {type(e).__name__}: {str(e)[:300]}"))
            continue
        if isinstance(a, str):
            rejected.append(_reject(doc, "no_text", a))
        elif a is None:
            rejected.append(_reject(doc, "no_text", "no article text left after removing boilerplate"))
        elif (language := not_english(a["body"])) is not None:
            rejected.append(_reject(doc, "not_english", language))
        else:
            articles.append(a)
    return articles, rejected


INTERSTITIAL_TITLE = re.compile("|".join(f"(?:{p})" for p in rulefiles.lines("interstitial_titles.txt")), re.I)
_SITE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")


def _interstitial(title: str) -> bool:
    """The title (or its part before a site-name separator) names a gate or error screen."""
    head = _SITE_SEPARATOR.split(title.strip(), maxsplit=1)[0]
    return bool(INTERSTITIAL_TITLE.fullmatch(title.strip()) or INTERSTITIAL_TITLE.fullmatch(head))


def _reject(doc: dict, reason: str, detail: str) -> Rejection:
    return {"source_path": doc.get("source_path") or "", "drop_id": doc.get("drop_id"),
            "file_hash": doc.get("file_hash"), "reason": reason, "detail": detail}


def _outlet_and_title(meta: dict, res: dict, aid: str) -> tuple[str, str, str | None]:
    """(outlet, outlet_source, title without its site-name suffix). Precedence: metadata; the URL's
    domain in the outlets table; the site name ending the title; the URL's registered domain; the
    text (masthead, footer, byline, dateline agency); else the article is its own outlet."""
    meta_outlet = canonical_outlet(meta.get("outlet"))
    url_outlet, registered = outlet_for_url(meta.get("url"))
    title, title_outlet = split_title_suffix(res["title"], [meta_outlet, url_outlet], registered)
    if title and _interstitial(title):
        title = None                    # "Age Verification - Ronin's Grips": the gate's title, not the article's
    title_outlet = canonical_outlet(title_outlet)
    for outlet, source in ((meta_outlet, "metadata"), (url_outlet, "url"), (title_outlet, "title"),
                           (registered, "url"), (canonical_outlet(res["outlet_text"]), "text")):
        if outlet:
            return outlet, source, title
    return f"unknown:{aid}", "self", title


def _clean_one(doc: dict, repeated: frozenset[str] = frozenset()) -> Article | str | None:
    """The article of one document; None when no text is left, or the reason (a string) why the
    page holds no article."""
    meta: dict[str, Any] = doc.get("meta") or {}
    fmt = doc.get("format") or "txt"
    res = clean_text(doc.get("text") or "", meta, fmt, doc.get("paragraphs"), repeated)
    body = res["body"]
    if not body.strip():
        return res.get("empty_reason")
    aid = article_id_for(body)
    outlet, source, title = _outlet_and_title(meta, res, aid)
    published = (parse_datetime(meta.get("published_at")) or res["published_at"]
                 or date_from_url(meta.get("url")))
    byline = collapse_ws(meta.get("byline") or "") or res["byline"]
    if byline:
        byline = strip_by(byline)[:300]
    paras = body.split("\n\n")
    return {
        "article_id": aid,
        "drop_id": doc.get("drop_id"),
        "source_path": doc.get("source_path"),
        "file_hash": doc.get("file_hash"),
        "outlet": outlet,
        "outlet_source": source,
        "url": meta.get("url"),
        "title": (title or None) and title[:1000],
        "byline": byline or None,
        "dateline": res["dateline"],
        "published_at": published,
        "body": body,
        "n_words": len(body.split()),
        "n_paragraphs": len(paras),
        "ingested_at": None,
    }
