"""Formatting for the report: escaping, safe links, file names, dates, numbers, outlet names, word diffs.

Functions that return HTML (``outlet_html``, ``word_diff_html``) return ``Markup`` with every piece of data
escaped, so the autoescaping templates insert them as they are; everything else returns plain text.
"""
from __future__ import annotations

import difflib
import hashlib
import html
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from markupsafe import Markup


def esc(value: Any) -> str:
    """HTML-escape any value (None -> empty string), quotes included."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True)


def http_url(url: Any) -> str | None:
    """The URL (not escaped: templates escape it) only when it is http(s); anything else (javascript:, data:)
    -> None, so it is never a link."""
    if not url or not isinstance(url, str):
        return None
    u = url.strip()
    return u if re.match(r"^https?://", u, re.I) else None


def safe_url(url: Any) -> str | None:
    """``http_url`` escaped for an attribute."""
    u = http_url(url)
    return None if u is None else esc(u)


def story_filename(story_id: Any) -> str:
    """File name for a story page: the id when it is filename-safe, else a sanitised form plus a hash."""
    sid = str(story_id)
    clean = re.sub(r"[^A-Za-z0-9_-]", "_", sid)[:60]
    if clean != sid or not clean:
        clean = f"{clean}-{hashlib.sha256(sid.encode('utf-8')).hexdigest()[:10]}"
    return f"{clean}.html"


def fmt_date(value: Any) -> str:
    """YYYY-MM-DD for dates/timestamps, '' for None."""
    if value is None:
        return ""
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    return str(value)[:10]


def fmt_date_range(first: Any, last: Any) -> str:
    a, b = fmt_date(first), fmt_date(last)
    if not a and not b:
        return "undated"
    if a == b or not b:
        return a
    if not a:
        return b
    return f"{a} → {b}"


def fmt_number(value: Any) -> str:
    """Numbers the way a reader expects: 1000.0 -> '1,000', 0.25 -> '0.25', None -> '—'."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        f = float(value)
        if f != f:  # NaN
            return "—"
        if f.is_integer() and abs(f) < 1e15:
            return f"{int(f):,}"
        return f"{f:,.4g}" if abs(f) >= 1 else f"{f:.3g}"
    return str(value)


def as_list(value: Any) -> list:
    """DuckDB list column -> Python list (None -> [])."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, str):
        return [value]
    try:
        return list(value)
    except TypeError:
        return [value]


def outlet_text(outlet: Any, n: int = 28) -> str:
    """Short display name of an outlet: ``unknown:<article_id>`` (an article whose publisher was not
    found) becomes ``unknown · <first 6 chars>``; long names are truncated. Not escaped."""
    o = str(outlet or "unknown")
    if o.startswith("unknown:"):
        return f"unknown · {o[8:14]}"
    return truncate(o, n)


def outlet_html(outlet: Any, n: int = 40) -> Markup:
    """Escaped short outlet name with the full name as tooltip."""
    return Markup(f'<span title="{esc(outlet)}">{esc(outlet_text(outlet, n))}</span>')


def truncate(text: str, n: int) -> str:
    """Whitespace collapsed, cut to n characters with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"



_TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]", re.UNICODE)
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"})


def _tokens(text: str) -> list[tuple[str, str]]:
    """(comparison key, display chunk) per word or punctuation mark; the chunk keeps the whitespace after it."""
    out = []
    matches = list(_TOKEN_RE.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        out.append((m.group(0).lower().translate(_FOLD), text[m.start():end]))
    return out


def word_diff_html(canonical: str, variant: str) -> Markup:
    """HTML of ``variant`` marked up against ``canonical`` at word level.

    Words and punctuation marks are compared case-insensitively, with curly and
    straight quotes/dashes treated as equal; words only in the variant are
    wrapped in ``<ins>``, words only in the canonical text in ``<del>``. Both
    texts are HTML-escaped. Dropping the ``<del>`` elements and the ``<ins>``
    tags and unescaping gives back the variant exactly (spelling and spacing).
    """
    variant = variant or ""
    a, b = _tokens(canonical or ""), _tokens(variant)
    sm = difflib.SequenceMatcher(a=[k for k, _ in a], b=[k for k, _ in b], autojunk=False)
    first = _TOKEN_RE.search(variant)
    parts: list[str] = [esc(variant[: first.start()] if first else variant)]

    def chunk(toks: list[tuple[str, str]]) -> str:
        return esc("".join(c for _, c in toks))

    def ins(toks: list[tuple[str, str]]) -> str:
        text = "".join(c for _, c in toks)
        body = text.rstrip()
        return f"<ins>{esc(body)}</ins>{esc(text[len(body):])}"

    def dele(toks: list[tuple[str, str]]) -> str:
        return f"<del>{esc(''.join(c for _, c in toks).rstrip())}</del>"

    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            parts.append(chunk(b[j1:j2]))
        elif op == "insert":
            parts.append(ins(b[j1:j2]))
        elif op == "delete":
            parts.append(dele(a[i1:i2]))
        else:
            parts.append(dele(a[i1:i2]))
            parts.append(ins(b[j1:j2]))
    return Markup("".join(parts))


def forms_differ(forms: Iterable[str]) -> bool:
    """True when two surface forms are spelled differently, not just shortened.

    Forms are compared as sets of case-folded word tokens; "Putin" and "Vladimir
    Putin" do not differ (one is contained in the other), "Kiev" and "Kyiv" or
    "Zelenskiy" and "Zelensky" do.
    """
    distinct = {frozenset(_TOKEN_RE.findall(f.lower().translate(_FOLD))) for f in forms if f and f.strip()}
    sets = [s for s in distinct if s]
    for i, a in enumerate(sets):
        for b in sets[i + 1:]:
            if not (a <= b or b <= a):
                return True
    return False


def surface_forms_by_outlet(value: Any) -> dict[str, dict[str, int]]:
    """entity_coverage.surface_forms -> outlet -> form -> 1.

    Accepts the warehouse shape (a list of ``{outlet, forms}`` structs) and a plain
    list of strings (forms not tied to an outlet, returned under the outlet "").
    """
    out: dict[str, dict[str, int]] = {}
    for item in as_list(value):
        if isinstance(item, dict):
            outlet = str(item.get("outlet") or "")
            for f in as_list(item.get("forms") or item.get("form")):
                out.setdefault(outlet, {})[str(f)] = 1
        elif item is not None:
            out.setdefault("", {})[str(item)] = 1
    return out
