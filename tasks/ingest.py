"""Ingest stage: find raw files, read and decode them into RawDocs (or rejections).

Pure functions, no Prefect. Two entry points (see docs/INTERNALS.md):

* :func:`discover` lists candidate files under the raw dir (one drop per first
  path component; files directly in the raw dir belong to drop ``default``).
* :func:`read_files` turns a list of discovered files into ``RawDoc`` dicts and
  rejection dicts. Every file handed in ends up as at least one RawDoc or as
  exactly one rejection (a .jsonl/.json array may produce both: good lines as
  docs, bad lines as ``file.jsonl#<n>`` rejections). It never raises on input
  content.

What counts as what:

* text decoding: UTF-8 (with or without BOM), UTF-16/32 when a BOM says so,
  then cp1252 (so Windows smart quotes become real “ ” ’), latin-1 as last resort.
  Line endings are normalised to ``\\n``; control characters other than ``\\n``
  and ``\\t`` are removed.
* ``binary``: NUL bytes (>= 2 and >= 1%, without a UTF-16/32 BOM) or more than
  10% control bytes in the first 64 KiB.
* ``empty``: zero bytes or only whitespace after decoding.
* ``too_large``: more than :data:`MAX_BYTES` bytes (never read, only hashed).
* ``outside_raw_dir``: a path (symlink or manifest entry) that resolves outside
  the raw dir; such files are never opened.
"""
from __future__ import annotations

import csv
import email.utils
import hashlib
import io
import json
import os
import re
import stat as stat_mod
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any, Iterable

import yaml

MAX_BYTES = 50 * 1024 * 1024
MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
DEFAULT_DROP = "default"
FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
           ".json": "json", ".jsonl": "jsonl"}
META_KEYS = ("title", "outlet", "url", "published_at", "byline", "id")

RawDoc = dict
Rejection = dict


@dataclass(frozen=True)
class RawFile:
    """One discovered file. ``rel_path`` is posix and relative to the raw dir."""
    path: Path
    rel_path: str
    drop_id: str
    size: int
    mtime_ns: int
    # True for the first file (in discover order) of a drop that has a manifest:
    # the batch holding it reports the manifest's own problems (missing files,
    # escape attempts), so they are reported once, not once per batch.
    manifest_anchor: bool = False


# ------------------------------------------------------------------ discovery

def _is_inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def _drop_of(rel: PurePosixPath) -> str:
    return rel.parts[0] if len(rel.parts) > 1 else DEFAULT_DROP


def _is_manifest(rel: PurePosixPath) -> bool:
    """Drop-level manifests: ``<drop>/manifest.csv|jsonl`` or ``manifest.*`` directly in the raw dir."""
    return rel.name in MANIFEST_NAMES and len(rel.parts) <= 2


def discover(raw_dir: Path) -> list[RawFile]:
    """All candidate article files under ``raw_dir``, sorted by rel_path.

    Skips hidden files and folders (name starts with '.') and drop manifests.
    Symlinked folders are not descended into; a symlink (file or folder) that
    resolves outside the raw dir is still listed so that :func:`read_files`
    rejects it as ``outside_raw_dir`` (it is never opened). Dangling symlinks
    are listed too (rejected as ``unreadable``).
    """
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        return []
    root = raw_dir.resolve()
    found: list[RawFile] = []
    for dirpath, dirnames, filenames in os.walk(raw_dir, followlinks=False, onerror=lambda e: None):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        entries = [n for n in filenames if not n.startswith(".")]
        # symlinked dirs: os.walk lists them in dirnames but does not descend
        for d in list(dirnames):
            p = here / d
            if p.is_symlink():
                dirnames.remove(d)
                target = p.resolve()
                if not _is_inside(target, root):
                    entries.append(d)     # reported as outside_raw_dir
                # a symlink to a folder inside the raw dir is a second view of files we list anyway
        for name in entries:
            p = here / name
            rel = PurePosixPath(p.relative_to(raw_dir).as_posix())
            if _is_manifest(rel):
                continue
            try:
                st = p.lstat() if p.is_symlink() else p.stat()
            except OSError:
                continue
            if stat_mod.S_ISDIR(st.st_mode) and not p.is_symlink():
                continue
            # fifos, sockets, devices are listed (and rejected by read_files without being opened)
            found.append(RawFile(p, rel.as_posix(), _drop_of(rel), st.st_size, st.st_mtime_ns))
    found.sort(key=lambda f: f.rel_path)
    # mark the manifest anchor of each drop
    out: list[RawFile] = []
    seen_drops: set[str] = set()
    for f in found:
        if f.drop_id not in seen_drops:
            seen_drops.add(f.drop_id)
            if _manifest_paths(raw_dir, f.drop_id):
                f = RawFile(f.path, f.rel_path, f.drop_id, f.size, f.mtime_ns, manifest_anchor=True)
        out.append(f)
    return out


def file_hash(path: Path) -> str:
    """sha256 hex digest of the file's bytes (streamed in 1 MiB chunks)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ------------------------------------------------------------------ decoding

# control characters to delete: C0 except \t \n (\r handled before), DEL, C1, and
# invisible troublemakers (zero-width space, BOM, soft hyphen, word joiner)
_CTRL_TABLE = {c: None for c in list(range(0, 32)) + list(range(127, 160)) if c not in (9, 10)}
_CTRL_TABLE.update({0x200B: None, 0xFEFF: None, 0x00AD: None, 0x2060: None,
                    0x2028: "\n", 0x2029: "\n\n", 0x0085: "\n", 0x000B: "\n", 0x000C: "\n"})
_BINARY_CTRL = set(range(0, 32)) - {9, 10, 12, 13, 27, 8}
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def normalise_text(text: str) -> str:
    """Line endings to ``\\n``; control characters (except ``\\n`` and ``\\t``) removed."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_CTRL_TABLE)


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not text: in the first 64 KiB, NUL bytes (at least 2 and >= 1%),
    or more than 10% control bytes. A stray NUL in a text file is stripped later instead."""
    head = data[:65536]
    if not head:
        return False
    for bom, _ in _BOMS[1:]:
        if head.startswith(bom):
            return False
    n_nul = head.count(0)
    if n_nul >= 2 and n_nul * 100 >= len(head):
        return True
    n_ctrl = sum(1 for b in head if b in _BINARY_CTRL)
    return n_ctrl / len(head) > 0.10


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding). Never raises.

    Order: BOM-declared encoding, UTF-8, cp1252 (smart quotes come out as real
    curly quotes), latin-1 (always succeeds).
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                break
    for enc in ("utf-8", "cp1252"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "latin-1"


# ------------------------------------------------------------------ dates

_DATE_FORMATS = (
    "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%b. %d, %Y",
    "%B %d, %Y %I:%M %p", "%b %d, %Y %I:%M %p", "%B %d, %Y %H:%M", "%d %B %Y %H:%M",
    "%Y/%m/%d", "%Y/%m/%d %H:%M:%S", "%Y.%m.%d", "%d.%m.%Y", "%m/%d/%Y", "%Y%m%d",
    "%A, %B %d, %Y", "%a, %B %d, %Y", "%A %d %B %Y", "%Y-%m-%d %H:%M:%S %Z",
)
_TZ_ABBR = re.compile(r"\s+(UTC|GMT|Z)$", re.I)
_ORDINAL = re.compile(r"(?<=\d)(st|nd|rd|th)\b", re.I)


def parse_datetime(value: Any) -> datetime | None:
    """Timezone-aware UTC datetime from ISO 8601, RFC 2822, "May 19, 2025", a date only,
    or epoch seconds/milliseconds; naive values are taken as UTC. None when unparseable."""
    if value is None or isinstance(value, bool):
        return None
    try:
        if isinstance(value, datetime):
            dt = value
        elif hasattr(value, "year") and hasattr(value, "month") and hasattr(value, "day"):   # date
            dt = datetime(value.year, value.month, value.day)
        elif isinstance(value, (int, float)):
            v = float(value)
            if v > 1e11:
                v /= 1000.0
            dt = datetime.fromtimestamp(v, tz=timezone.utc)
        else:
            s = str(value).strip()
            if not s or len(s) > 100:
                return None
            dt = _parse_date_string(s)
            if dt is None:
                return None
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=timezone.utc)
        dt = dt.astimezone(timezone.utc)
        if not (1900 <= dt.year <= 2200):
            return None
        return dt
    except (ValueError, OverflowError, OSError, TypeError):
        return None


def _parse_date_string(s: str) -> datetime | None:
    iso = s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    if re.fullmatch(r"\d{9,13}(\.\d+)?", s):
        v = float(s)
        return datetime.fromtimestamp(v / 1000.0 if v > 1e11 else v, tz=timezone.utc)
    try:
        dt = email.utils.parsedate_to_datetime(s)
        if dt is not None:
            return dt
    except (TypeError, ValueError, IndexError):
        pass
    t = _ORDINAL.sub("", _TZ_ABBR.sub("", s)).replace("Sept.", "Sep.").strip()
    for cand in (t, t.replace(".", "") if "." in t and not re.search(r"\d\.\d", t) else None):
        if not cand:
            continue
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(cand, fmt)
            except ValueError:
                continue
    return None


# ------------------------------------------------------------------ metadata helpers

def _clean_str(v: Any, limit: int = 1000) -> str | None:
    if v is None:
        return None
    if isinstance(v, dict):
        v = v.get("name") or v.get("title") or v.get("@id")
        if v is None:
            return None
    if isinstance(v, (list, tuple)):
        parts = [_clean_str(x, limit) for x in v]
        v = ", ".join(p for p in parts if p)
    s = " ".join(normalise_text(str(v)).split())
    return s[:limit] or None


def _meta_from_mapping(obj: dict) -> dict:
    """Metadata keys from a JSON object / front matter / manifest row (a few common aliases accepted)."""
    def first(*keys):
        for k in keys:
            if k in obj and obj[k] not in (None, ""):
                return obj[k]
        return None
    meta = {
        "title": _clean_str(first("title", "headline")),
        "outlet": _clean_str(first("outlet", "site_name", "publisher", "source_name")),
        "url": _clean_str(first("url", "link", "source_url")),
        "byline": _clean_str(first("byline", "author", "authors")),
        "id": _clean_str(first("id", "article_id", "guid")),
        "published_at": parse_datetime(first("published_at", "published", "date", "datePublished", "pubdate")),
    }
    src = obj.get("source")
    if src not in (None, ""):
        s = _clean_str(src)
        if s and re.match(r"(?i)^(https?://|www\.)", s):
            meta["url"] = meta["url"] or s
        elif s and meta["outlet"] is None:
            meta["outlet"] = s
    return {k: v for k, v in meta.items() if v is not None}


def _merge_meta(own: dict, manifest: dict | None) -> dict:
    """Manifest values win; the file's own metadata fills what the manifest leaves empty."""
    out = {k: None for k in META_KEYS}
    out.update({k: v for k, v in own.items() if v is not None})
    if manifest:
        out.update({k: v for k, v in manifest.items() if v is not None})
    return out


# ------------------------------------------------------------------ format readers

class _Reject(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_MD_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_MD_REF_DEF = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*\S+.*$", re.M)
_MD_EMPH = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,500}>")


def markdown_to_text(md: str) -> tuple[str, str | None]:
    """Plain text from Markdown (links -> their text, images dropped, emphasis and heading marks removed,
    soft-wrapped lines of a paragraph joined). Returns (text, first heading or None)."""
    md = _MD_REF_DEF.sub("", md)
    out_paras: list[str] = []
    cur: list[str] = []
    first_heading = None
    in_code = False

    def flush():
        if cur:
            out_paras.append(" ".join(cur))
            cur.clear()

    for line in md.split("\n"):
        if line.strip().startswith(("```", "~~~")):
            flush()
            in_code = not in_code
            continue
        if in_code:
            if line.strip():
                out_paras.append(line.strip())
            continue
        if not line.strip():
            flush()
            continue
        if _MD_RULE.match(line) and not cur:
            flush()
            continue
        if _MD_SETEXT.match(line) and cur:
            heading = " ".join(cur)
            cur.clear()
            out_paras.append(heading)
            first_heading = first_heading or heading
            continue
        h = _MD_HEADING.match(line)
        if h:
            flush()
            if h.group(1):
                out_paras.append(h.group(1))
                first_heading = first_heading or h.group(1)
            continue
        line = _MD_QUOTE.sub("", line)
        if _MD_LIST.match(line):
            flush()
            cur.append(_MD_LIST.sub("", line).strip())
            continue
        if line.endswith("  ") or line.endswith("\\"):     # hard line break
            cur.append(line.rstrip(" \\"))
            flush()
            continue
        cur.append(line.strip())
    flush()
    text = "\n\n".join(out_paras)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REF_LINK.sub(r"\1", text)
    text = _MD_EMPH.sub(lambda m: m.group(2) or m.group(3) or "", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    if first_heading:
        first_heading = _MD_EMPH.sub(lambda m: m.group(2) or m.group(3) or "",
                                     _MD_LINK.sub(r"\1", first_heading)).strip() or None
    return text, first_heading


def read_markdown(text: str) -> tuple[str, dict]:
    """Front matter (YAML between --- lines) as metadata; body converted to plain text.
    Front matter that is not valid YAML mapping is dropped (not an error)."""
    meta: dict = {}
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            fm = yaml.safe_load(m.group(1))
        except yaml.YAMLError:
            fm = None
        except Exception:          # pathological YAML (recursion etc.): ignore the block
            fm = None
        if isinstance(fm, dict):
            meta = _meta_from_mapping({str(k).lower(): v for k, v in fm.items()})
        text = text[m.end():]
    body, heading = markdown_to_text(text)
    if heading and "title" not in meta:
        meta["title"] = _clean_str(heading)
    return body, meta


# --- HTML

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
    for block in re.split(r"\n\s*\n", text):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        block = "\n".join(l for l in lines if l)
        if block:
            paras.append(block)
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


def read_html(html: str) -> tuple[str, dict]:
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
    meta = {
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


# --- JSON

def _doc_from_object(obj: Any) -> tuple[str, dict, str]:
    """(text, meta, format-of-text) from one JSON article object; raises _Reject."""
    if not isinstance(obj, dict):
        raise _Reject("no_text", f"expected a JSON object, got {type(obj).__name__}")
    meta = _meta_from_mapping(obj)
    for key in ("text", "body", "content", "articleBody"):
        v = obj.get(key)
        if isinstance(v, list):
            v = "\n\n".join(str(x) for x in v if isinstance(x, (str, int, float)))
        if isinstance(v, str) and v.strip():
            return v, meta, "text"
    v = obj.get("html")
    if isinstance(v, str) and v.strip():
        text, hmeta = read_html(v)
        if text.strip():
            return text, {**hmeta, **meta}, "html"
        raise _Reject("no_text", "the html field has no visible body text")
    raise _Reject("no_text", "object has no non-empty 'text' or 'html' field")


# ------------------------------------------------------------------ manifests

def _manifest_paths(raw_dir: Path, drop_id: str) -> list[Path]:
    folder = Path(raw_dir) if drop_id == DEFAULT_DROP and not (Path(raw_dir) / DEFAULT_DROP).is_dir() \
        else Path(raw_dir) / drop_id
    return [folder / n for n in MANIFEST_NAMES if (folder / n).is_file()]


def _read_manifest(raw_dir: Path, drop_id: str) -> tuple[dict[str, dict], list[Rejection]]:
    """Per-file metadata from the drop's manifest(s), keyed by rel_path (relative to the raw dir),
    plus rejections for entries that reference missing files or escape the drop."""
    raw_dir = Path(raw_dir)
    root = raw_dir.resolve()
    entries: dict[str, dict] = {}
    problems: list[Rejection] = []
    for mpath in _manifest_paths(raw_dir, drop_id):
        folder = mpath.parent
        mrel = mpath.relative_to(raw_dir).as_posix()
        try:
            data = mpath.read_bytes()
        except OSError as e:
            problems.append(_rejection(mrel, drop_id, None, "unreadable", f"manifest cannot be read: {e}"))
            continue
        if looks_binary(data):
            problems.append(_rejection(mrel, drop_id, None, "binary", "manifest is not text"))
            continue
        text = normalise_text(decode_bytes(data)[0])
        rows: list[tuple[int, Any]] = []
        if mpath.name.endswith(".csv"):
            try:
                reader = csv.DictReader(io.StringIO(text))
                for i, row in enumerate(reader, start=2):
                    rows.append((i, {str(k).strip().lower(): (v.strip() if isinstance(v, str) else v)
                                     for k, v in row.items() if k is not None}))
            except csv.Error as e:
                problems.append(_rejection(mrel, drop_id, None, "malformed_manifest", f"CSV error: {e}"))
        else:
            for i, line in enumerate(text.split("\n"), start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except (ValueError, RecursionError):
                    problems.append(_rejection(f"{mrel}#{i}", drop_id, None, "malformed_json",
                                               f"manifest line {i} is not valid JSON"))
                    continue
                if isinstance(obj, dict):
                    rows.append((i, {str(k).lower(): v for k, v in obj.items()}))
        for line_no, row in rows:
            name = row.get("file") or row.get("path") or row.get("filename")
            if not isinstance(name, str) or not name.strip():
                continue
            name = name.strip()
            ref = f"{mrel}:{name}"
            posix = name.replace("\\", "/")
            if posix.startswith("/") or re.match(r"^[A-Za-z]:", posix) or ".." in PurePosixPath(posix).parts:
                problems.append(_rejection(ref, drop_id, None, "outside_raw_dir",
                                           f"manifest entry {name!r} points outside the drop; not opened"))
                continue
            target = folder / posix
            try:
                resolved = target.resolve()
            except (OSError, RuntimeError):
                resolved = None
            if resolved is None or not _is_inside(resolved, folder.resolve()) or not _is_inside(resolved, root):
                problems.append(_rejection(ref, drop_id, None, "outside_raw_dir",
                                           f"manifest entry {name!r} resolves outside the drop; not opened"))
                continue
            if not target.is_file():
                problems.append(_rejection(ref, drop_id, None, "missing_file",
                                           f"manifest entry {name!r} (line {line_no}) names a file that does not exist"))
                continue
            key = target.relative_to(raw_dir).as_posix()
            entries[key] = _meta_from_mapping(row)
    return entries, problems


# ------------------------------------------------------------------ reading

def _rejection(source_path: str, drop_id: str, fhash: str | None, reason: str, detail: str) -> Rejection:
    return {"source_path": source_path, "drop_id": drop_id, "file_hash": fhash, "reason": reason,
            "detail": detail[:500]}


def _doc(source_path: str, drop_id: str, fhash: str, fmt: str, text: str, meta: dict) -> RawDoc:
    return {"source_path": source_path, "drop_id": drop_id, "file_hash": fhash, "format": fmt,
            "text": text, "meta": meta}


def _decode_text(data: bytes) -> str:
    if not data:
        raise _Reject("empty", "file has no bytes")
    if looks_binary(data):
        raise _Reject("binary", "file looks binary (NUL or control bytes), not text")
    text, _enc = decode_bytes(data)
    text = normalise_text(text)
    if not text.strip():
        raise _Reject("empty", "file holds only whitespace")
    return text


def read_one(raw_dir: Path, f: RawFile, manifest_meta: dict | None = None) -> tuple[list[RawDoc], list[Rejection]]:
    """Read one discovered file into RawDocs and rejections (never raises on file content)."""
    raw_dir = Path(raw_dir)
    root = raw_dir.resolve()
    rel, drop = f.rel_path, f.drop_id
    path = Path(f.path)
    # containment: symlinks (or anything) resolving outside the raw dir are never opened
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError) as e:
        return [], [_rejection(rel, drop, None, "unreadable", f"cannot resolve path: {e}")]
    if not _is_inside(resolved, root):
        return [], [_rejection(rel, drop, None, "outside_raw_dir",
                               "symlink resolves outside the raw dir; not read")]
    fmt = FORMATS.get(path.suffix.lower())
    try:
        st = path.stat()
    except OSError as e:
        return [], [_rejection(rel, drop, None, "unreadable", f"cannot stat file: {e.strerror or e}")]
    if not stat_mod.S_ISREG(st.st_mode):
        return [], [_rejection(rel, drop, None, "unsupported_format", "not a regular file")]
    if st.st_size > MAX_BYTES:
        try:
            h = file_hash(path)
        except OSError:
            h = None
        return [], [_rejection(rel, drop, h, "too_large",
                               f"{st.st_size} bytes is over the {MAX_BYTES // (1024 * 1024)} MB limit")]
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as e:
        return [], [_rejection(rel, drop, None, "unreadable", f"cannot read file: {e.strerror or e}")]
    fhash = hashlib.sha256(data).hexdigest()
    if len(data) > MAX_BYTES:
        return [], [_rejection(rel, drop, fhash, "too_large", "file grew over the size limit while reading")]
    if fmt is None:
        return [], [_rejection(rel, drop, fhash, "unsupported_format",
                               f"extension {path.suffix or '(none)'!r} is not one of .txt .md .html .htm .json .jsonl")]
    docs: list[RawDoc] = []
    rejected: list[Rejection] = []
    try:
        text = _decode_text(data)
        if fmt == "txt":
            docs.append(_doc(rel, drop, fhash, fmt, text, _merge_meta({}, manifest_meta)))
        elif fmt == "md":
            body, meta = read_markdown(text)
            if not body.strip():
                raise _Reject("no_text", "markdown has no body text")
            docs.append(_doc(rel, drop, fhash, fmt, body, _merge_meta(meta, manifest_meta)))
        elif fmt == "html":
            body, meta = read_html(text)
            if not body.strip():
                raise _Reject("no_text", "page has no visible body text (only scripts, styles or navigation)")
            docs.append(_doc(rel, drop, fhash, fmt, body, _merge_meta(meta, manifest_meta)))
        elif fmt == "json":
            try:
                obj = json.loads(text)
            except (ValueError, RecursionError) as e:
                raise _Reject("malformed_json", f"not valid JSON: {str(e)[:200]}")
            objs = obj if isinstance(obj, list) else [obj]
            if not objs:
                raise _Reject("no_text", "empty JSON array")
            for i, o in enumerate(objs, start=1):
                sp = rel if not isinstance(obj, list) else f"{rel}#{i}"
                try:
                    t, meta, _ = _doc_from_object(o)
                    docs.append(_doc(sp, drop, fhash, fmt, normalise_text(t), _merge_meta(meta, manifest_meta)))
                except _Reject as r:
                    rejected.append(_rejection(sp, drop, fhash, r.reason, r.detail))
        elif fmt == "jsonl":
            for i, line in enumerate(text.split("\n"), start=1):
                if not line.strip():
                    continue
                sp = f"{rel}#{i}"
                try:
                    try:
                        o = json.loads(line)
                    except (ValueError, RecursionError) as e:
                        raise _Reject("malformed_json", f"line {i} is not valid JSON: {str(e)[:200]}")
                    t, meta, _ = _doc_from_object(o)
                    docs.append(_doc(sp, drop, fhash, fmt, normalise_text(t), _merge_meta(meta, manifest_meta)))
                except _Reject as r:
                    rejected.append(_rejection(sp, drop, fhash, r.reason, r.detail))
    except _Reject as r:
        return [], [_rejection(rel, drop, fhash, r.reason, r.detail)]
    except Exception as e:   # never let one odd file kill the batch
        return [], [_rejection(rel, drop, fhash, "extraction_error", f"{type(e).__name__}: {str(e)[:300]}")]
    return docs, rejected


def read_files(raw_dir: Path, files: Iterable[RawFile]) -> tuple[list[RawDoc], list[Rejection]]:
    """Read discovered files into RawDocs and rejections.

    Manifest metadata of each file's drop is merged in (manifest wins where it has a value).
    Problems of a manifest itself (entries naming missing files or escaping the drop) are
    reported by the batch that holds the drop's anchor file (``RawFile.manifest_anchor``).
    """
    raw_dir = Path(raw_dir)
    manifests: dict[str, tuple[dict, list]] = {}
    docs: list[RawDoc] = []
    rejected: list[Rejection] = []
    for f in files:
        if f.drop_id not in manifests:
            try:
                manifests[f.drop_id] = _read_manifest(raw_dir, f.drop_id)
            except Exception as e:
                manifests[f.drop_id] = ({}, [_rejection(f"{f.drop_id}/manifest", f.drop_id, None,
                                                        "malformed_manifest", f"{type(e).__name__}: {e}")])
        entries, problems = manifests[f.drop_id]
        if getattr(f, "manifest_anchor", False):
            rejected.extend(problems)
        d, r = read_one(raw_dir, f, entries.get(f.rel_path))
        docs.extend(d)
        rejected.extend(r)
    return docs, rejected
