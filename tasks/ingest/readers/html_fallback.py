"""HTML fallback reader (selectolax + our own rules): used only when trafilatura finds no main text
(very short pages, pages without article structure). Iterative walk; the caller caps nesting depth first."""
from __future__ import annotations

import json
import re
from typing import Any

from tasks.ingest.meta import _clean_str, parse_datetime

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
              "template", "button", "select", "textarea", "input", "object", "embed", "canvas", "map",
              "figure", "figcaption", "picture", "video", "audio", "dialog", "menu", "head")
_BLOCK_TAGS = frozenset(("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
                         "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th",
                         "thead", "tbody", "tfoot", "caption", "hr", "address", "center", "details",
                         "summary", "body", "html", "fieldset", "legend", "figure", "header", "footer"))
_BOILER_ATTR = re.compile(
    r"(?i)(?:^|[\s_-])(cookie|consent|gdpr|newsletter|subscribe|subscription|signup|sign-up|share|sharing|social|"
    r"related|recommended|recirc|outbrain|taboola|comments?|advert|advertisement|ads?|ad-slot|promo|sponsor|"
    r"sidebar|breadcrumbs?|popup|modal|paywall|donat\w*|author-bio|bio-box|tags|byline-share|most-popular|"
    r"trending|read-more|readmore|more-stories|nav|navbar|menu|footer|masthead)(?:$|[\s_-])")
_BOILER_ROLES = frozenset(("navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"))
_KEEP_EVEN_IF_MATCHED = frozenset(("html", "body", "article", "main"))


def _attr(node, name: str) -> str:
    try:
        v = node.attributes.get(name)
    except Exception:
        return ""
    return v or ""


def _html_text(root) -> str:
    """Block-structured text of a subtree: blocks become paragraphs separated by blank lines,
    <br> becomes a newline. Iterative (no recursion limit on deeply nested pages)."""
    parts: list[str] = []
    stack = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            parts.append("\n\n")
            continue
        tag = node.tag
        if tag == "-text":
            t = node.text_content
            if t:
                parts.append(t)
            continue
        if tag == "br":
            parts.append("\n")
            continue
        if tag in ("-comment", "!doctype") or tag is None or tag.startswith("-") and tag != "-text":
            continue
        block = tag in _BLOCK_TAGS
        if block:
            parts.append("\n\n")
            stack.append((node, True))
        kids = []
        child = node.child
        while child is not None:
            kids.append(child)
            child = child.next
        for k in reversed(kids):
            stack.append((k, False))
    text = "".join(parts)
    # whitespace inside a paragraph is HTML-insignificant; newlines from <br> are kept as line breaks
    paras = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [" ".join(line.split()) for line in chunk.split("\n")]
        para = "\n".join(ln for ln in lines if ln)
        if para:
            paras.append(para)
    return "\n\n".join(paras)


def _json_ld(tree) -> dict:
    """First NewsArticle-like JSON-LD object: headline, datePublished, author, publisher."""
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text() or "")
        except (ValueError, RecursionError):
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for it in items:
            if isinstance(it, dict) and ("headline" in it or "articleBody" in it or "datePublished" in it):
                return it
    return {}


def read_html_fallback(html: str) -> tuple[str, dict]:
    """Main text and metadata of a web page.

    Metadata: title from og:title, else the first <h1>, else <title> (minus a " | Site" suffix);
    outlet from og:site_name (or JSON-LD publisher); byline from meta author / JSON-LD author;
    published_at from article:published_time / <time datetime> / JSON-LD datePublished;
    url from the canonical link / og:url.
    Main text: scripts, styles, navigation, header, footer, aside, forms, figures and elements
    whose class/id/role marks them as cookie banners, share rows, related lists etc. are
    removed; the <article> (largest if several), else <main>, else <body> is read with
    block elements as paragraphs.
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)

    def meta_content(*selectors: str) -> str | None:
        for sel in selectors:
            n = tree.css_first(sel)
            if n is not None:
                v = _clean_str(_attr(n, "content") or _attr(n, "datetime") or _attr(n, "href"))
                if v:
                    return v
        return None

    ld = _json_ld(tree)
    title_tag = tree.css_first("title")
    page_title = _clean_str(title_tag.text()) if title_tag is not None else None
    h1 = tree.css_first("h1")
    h1_text = _clean_str(h1.text()) if h1 is not None else None
    outlet = meta_content('meta[property="og:site_name"]', 'meta[name="og:site_name"]',
                          'meta[name="application-name"]') or _clean_str(ld.get("publisher"))
    title = (meta_content('meta[property="og:title"]', 'meta[name="twitter:title"]')
             or _clean_str(ld.get("headline")) or h1_text)
    if not title and page_title:
        title = re.split(r"\s+[|–—-]\s+", page_title)[0] if re.search(r"\s[|–—-]\s", page_title) else page_title
    meta: dict[str, Any] = {
        "title": title,
        "outlet": outlet,
        "byline": meta_content('meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]')
        or _clean_str(ld.get("author")),
        "url": meta_content('link[rel="canonical"]', 'meta[property="og:url"]'),
        "published_at": parse_datetime(
            meta_content('meta[property="article:published_time"]', 'meta[name="article:published_time"]',
                         'meta[itemprop="datePublished"]', 'meta[name="date"]', 'meta[name="pubdate"]',
                         'time[datetime]') or ld.get("datePublished")),
    }
    if meta["byline"] and re.match(r"https?://", meta["byline"]):
        meta["byline"] = None

    for tag in _DROP_TAGS:
        for n in tree.css(tag):
            n.decompose()
    for n in tree.css("[class], [id], [role], [aria-hidden], [hidden]"):
        if n.tag in _KEEP_EVEN_IF_MATCHED:
            continue
        role = _attr(n, "role").lower()
        if (role in _BOILER_ROLES or _attr(n, "aria-hidden") == "true" or "hidden" in n.attributes
                or _BOILER_ATTR.search(_attr(n, "class")) or _BOILER_ATTR.search(_attr(n, "id"))):
            try:
                n.decompose()
            except Exception:
                pass
    root = None
    articles = tree.css("article")
    if articles:
        root = max(articles, key=lambda n: len(n.text(separator=" ") or ""))
        if len((root.text(separator=" ") or "").split()) < 20:
            root = None
    if root is None:
        root = tree.css_first("main") or tree.css_first('[role="main"]') or tree.body or tree.root
    text = _html_text(root) if root is not None else ""
    if not text.strip() and isinstance(ld.get("articleBody"), str):
        text = ld["articleBody"]
    return text, {k: v for k, v in meta.items() if v is not None}

