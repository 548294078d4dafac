"""Metadata values: date parsing, string cleaning, metadata from a mapping (front matter, JSON, manifest row)
and the manifest-vs-file merge."""
from __future__ import annotations

import email.utils
import re
from datetime import datetime, UTC
from typing import Any

from tasks.ingest.decode import normalise_text
from tasks.ingest.records import META_KEYS

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
        dt: datetime | None
        if isinstance(value, datetime):
            dt = value
        elif hasattr(value, "year") and hasattr(value, "month") and hasattr(value, "day"):   # date
            dt = datetime(value.year, value.month, value.day)
        elif isinstance(value, (int, float)):
            v = float(value)
            if v > 1e11:
                v /= 1000.0
            dt = datetime.fromtimestamp(v, tz=UTC)
        else:
            s = str(value).strip()
            if not s or len(s) > 100:
                return None
            dt = _parse_date_string(s)
            if dt is None:
                return None
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=UTC)
        dt = dt.astimezone(UTC)
        if not (1900 <= dt.year <= 2200):
            return None
        return dt
    except (ValueError, OverflowError, OSError, TypeError):
        return None


_MONTH_ABBR = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                            "nov", "dec"), start=1)}
_URL_YMD = re.compile(r"(?i)(?<![0-9])(19[9]\d|20\d\d)[/_-](0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                      r"[a-z]*[/_-](0?[1-9]|[12]\d|3[01])(?![0-9])")
_URL_COMPACT = re.compile(r"(?<![0-9])(19[9]\d|20\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![0-9])")


def date_from_url(url: Any) -> datetime | None:
    """The publication day a URL path spells: /2026/feb/04/, /2026/02/04/, /2026-2-4-, 20260204.
    Only the path is read (never the host or query); a year and month without a day is no date."""
    if not url or not isinstance(url, str):
        return None
    path = re.sub(r"(?i)^[a-z][a-z0-9+.-]*://[^/]*", "", url).split("?", 1)[0].split("#", 1)[0]
    for rx in (_URL_YMD, _URL_COMPACT):
        for m in rx.finditer(path):
            y, mo, d = m.group(1), m.group(2).lower(), m.group(3)
            month = _MONTH_ABBR[mo[:3]] if mo.isalpha() else int(mo)
            try:
                return datetime(int(y), month, int(d), tzinfo=UTC)
            except ValueError:
                continue
    return None


def _parse_date_string(s: str) -> datetime | None:
    iso = s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    if re.fullmatch(r"\d{9,13}(\.\d+)?", s):
        v = float(s)
        return datetime.fromtimestamp(v / 1000.0 if v > 1e11 else v, tz=UTC)
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
        "description": _clean_str(first("description", "summary", "standfirst")),   # the page's own summary
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
    out = dict.fromkeys(META_KEYS)
    out.update({k: v for k, v in own.items() if v is not None})
    if manifest:
        out.update({k: v for k, v in manifest.items() if v is not None})
    return out

