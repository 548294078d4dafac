"""HTML reader: main text and metadata of a web page through trafilatura.

trafilatura (2.3.1) finds the main text, title, author, date and site name; what is ours is only
what it does not do: our paragraph model (one trafilatura text line -> one paragraph, paragraphs
joined by a blank line), the guards against hostile pages, and the fallback:

* a page over :data:`MAX_HTML_CHARS` characters or :data:`MAX_HTML_TAGS` tags is rejected as
  ``too_large``, one whose elements nest deeper than :data:`MAX_HTML_DEPTH` as ``too_deep`` (both checked before any parser sees it: 10^6
  nested divs ran for minutes in a parser);
* when trafilatura returns no text, or less than our own selectolax reader
  (``html_fallback.py``), the fallback's text is used, so a page with a readable body is never
  rejected as ``no_text``; a page neither can read is ``no_text`` with the reason in the detail.
"""
from __future__ import annotations

import logging
import re
from typing import Any, cast

from tasks.ingest.meta import _clean_str, parse_datetime
from tasks.ingest.readers.html_fallback import read_html_fallback
from tasks.ingest.readers.html_prune import prune_furniture
from tasks.ingest.records import _Reject

# a news page is well under 5 MB of HTML; a real page nests elements at most a few hundred deep
MAX_HTML_CHARS = 8_000_000
MAX_HTML_DEPTH = 2_000
# trafilatura costs ~0.08 ms per element (100k paragraphs: 16 s); a real page has 5k-50k tags
MAX_HTML_TAGS = 150_000
MIN_WORDS = 25        # below this, trafilatura's text is compared with the fallback's

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,15})\b[^>]*?(/?)>")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*(?:\n|$)")
_VOID = frozenset(("br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source",
                   "track", "wbr", "param", "keygen", "command"))

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def _trafilatura_config():
    from trafilatura.settings import use_config
    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")     # signal-based timeouts break in worker threads
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "100")
    return config


_CONFIG = None
# the publication date (not the last update), with its time when the page gives one
_DATE_PARAMS = {"original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z", "extensive_search": False}


def nesting_depth(html: str, limit: int) -> int:
    """Deepest element nesting (stops counting once past ``limit``); void and self-closed tags skipped."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        if m.group(3) or m.group(2).lower() in _VOID:
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
    return deepest


def check_budget(html: str) -> None:
    """Raise _Reject for pages over the size or nesting budget."""
    if len(html) > MAX_HTML_CHARS:
        raise _Reject("too_large", f"HTML of {len(html):,} characters is over the {MAX_HTML_CHARS:,} limit; not parsed")
    n_tags = html.count("<")
    if n_tags > MAX_HTML_TAGS:
        raise _Reject("too_large", f"HTML with about {n_tags:,} tags is over the {MAX_HTML_TAGS:,}-tag limit; not parsed")
    if n_tags > MAX_HTML_DEPTH:
        depth = nesting_depth(html, MAX_HTML_DEPTH)
        if depth > MAX_HTML_DEPTH:
            raise _Reject("too_deep", f"HTML elements nest more than {MAX_HTML_DEPTH:,} deep; not parsed")


_BLOCKS = frozenset(("p", "head", "item", "row", "quote", "code", "list", "table", "div", "body", "main"))


def _inline_text(el) -> str:
    """Text of one block: inline children flattened, <lb/> a line break, table cells space-separated."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_inline_text(child))
            if child.tag == "cell":
                parts.append(" ")
        parts.append(child.tail or "")
    return "".join(parts)


def _block_texts(el):
    """One string per paragraph of trafilatura's XML body (p, head, list item, table row, quote)."""
    if any(child.tag in _BLOCKS for child in el) and el.tag not in ("p", "head", "item", "row"):
        if (el.text or "").strip():
            yield el.text
        for child in el:
            if child.tag in _BLOCKS:
                yield from _block_texts(child)
            else:
                yield _inline_text(child)
            if (child.tail or "").strip():
                yield child.tail
    else:
        yield _inline_text(el)


def _paragraphs(body) -> str:
    """Our paragraph model: blocks separated by a blank line, <lb/> kept as a line break."""
    if body is None:
        return ""
    paras = []
    for block in _block_texts(body):
        lines = (" ".join(line.split()) for line in block.split("\n"))
        block = "\n".join(line for line in lines if line)
        if block:
            paras.append(block)
    return "\n\n".join(paras)


def _extract(html: str) -> tuple[str, dict]:
    global _CONFIG
    import trafilatura
    if _CONFIG is None:
        _CONFIG = _trafilatura_config()
    from trafilatura.settings import Document
    from trafilatura.utils import load_html
    tree = load_html(html)
    if tree is not None:
        prune_furniture(tree)
    doc = cast(Document | None,   # a Document, not a dict: as_dict is False
               trafilatura.bare_extraction(tree if tree is not None else html, with_metadata=True,
                                           include_comments=False, include_tables=True,
                                           include_images=False, include_links=False, deduplicate=False,
                                           config=_CONFIG, date_extraction_params=_DATE_PARAMS))
    if doc is None:
        return "", {}
    meta: dict[str, Any] = {
        "title": _clean_str(doc.title),
        "outlet": _clean_str(doc.sitename),
        "byline": _clean_str(doc.author),
        "url": _clean_str(doc.url),
        "published_at": parse_datetime(doc.date),
    }
    if meta["byline"] and re.match(r"https?://", meta["byline"]):
        meta["byline"] = None
    return _paragraphs(doc.body), {k: v for k, v in meta.items() if v is not None}


def read_html(html: str) -> tuple[str, dict]:
    """(main text with paragraphs separated by blank lines, metadata); raises _Reject over budget."""
    check_budget(html)
    try:
        text, meta = _extract(html)
    except (ValueError, TypeError, AttributeError, RecursionError, LookupError) as e:   # a page it chokes on
        logging.getLogger("newsagree.ingest").info("trafilatura failed: %s", e)
        text, meta = "", {}
    prose = _SENTENCE_END.search(text) is not None
    if len(text.split()) < MIN_WORDS or not prose:
        # a short result, or one without a single sentence (a link list), is navigation left over
        # more often than not; our own reader is stricter about it
        fb_text, fb_meta = read_html_fallback(html)
        if fb_text.strip() or not prose:
            text = fb_text
        meta = {**fb_meta, **meta}
    published = _meta_published(html)
    if published is not None:
        meta["published_at"] = published
    return text, meta


_PUBLISHED_META = re.compile(
    r"""<meta\s[^>]*?(?:property|name|itemprop)=["']?(?:article:published_time|datePublished|pubdate|date)["']?[^>]*>""",
    re.I)
_CONTENT_ATTR = re.compile(r"""content=["']([^"']{6,40})["']""", re.I)
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')


def _meta_published(html: str):
    """The publication time from the page's own meta tag or JSON-LD, when it carries a time
    (trafilatura's date is the day only)."""
    head = html[:200_000]
    for m in _PUBLISHED_META.finditer(head):
        c = _CONTENT_ATTR.search(m.group(0))
        if c and "T" in c.group(1):
            dt = parse_datetime(c.group(1))
            if dt is not None:
                return dt
    ld = _LD_PUBLISHED.search(html)
    if ld and "T" in ld.group(1):
        return parse_datetime(ld.group(1))
    return None
