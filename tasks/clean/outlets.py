"""Outlet names: the outlets table (tasks/rules/outlets.csv), publication words, canonical names,
the publisher of a URL (registered domain through tldextract's bundled public-suffix list, never
fetched) and site-name suffixes of titles ("... | Ukraine | The Guardian")."""
from __future__ import annotations

import re

from tasks import rulefiles
from tasks.clean.text import _NOT_NAME_WORDS, _fold, collapse_ws, is_domain_line

def _load_outlets() -> tuple[dict[str, str], dict[str, str]]:
    """(folded name or alias -> canonical name, domain -> canonical name)."""
    by_name: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for row in rulefiles.records("outlets.csv"):
        name = (row.get("name") or "").strip()
        if not name:
            continue
        by_name[_fold(name)] = name
        for a in (row.get("aliases") or "").split("|"):
            if a.strip():
                by_name[_fold(a)] = name
        for dom in (row.get("domain") or "").lower().split("|"):
            if dom.strip():
                by_domain[dom.strip()] = name
    return by_name, by_domain


OUTLET_NAMES, OUTLET_DOMAINS = _load_outlets()
OUTLET_WORDS = frozenset(w.lower() for w in rulefiles.lines("outlet_words.txt"))


def _outlet_like(p: str) -> bool:
    """A publication name: 1-6 words, capitalised, no sentence punctuation, and either a known outlet
    or holding a publication word (News, Times, Daily, Guardian, Press, ...)."""
    words = p.split()
    if not (1 <= len(words) <= 6) or re.search(r"[.!?:;,\"“”]$", p) or any(c.isdigit() for c in p):
        return False
    if _fold(p) in OUTLET_NAMES:
        return True
    if not all(w[0].isupper() or w.lower() in _NOT_NAME_WORDS for w in words if w[0].isalpha()):
        return False
    return any(w.strip("’'").lower() in OUTLET_WORDS for w in words)


def canonical_outlet(name: str | None) -> str | None:
    """Known outlet names, aliases and domains map to their canonical name; others are kept as written."""
    if not name:
        return None
    name = collapse_ws(name)
    if not name:
        return None
    key = _fold(name)
    if key in OUTLET_NAMES:
        return OUTLET_NAMES[key]
    dom = is_domain_line(name)
    if dom:
        return _outlet_for_domain(dom) or dom
    return name[:200]


def _outlet_for_domain(dom: str) -> str | None:
    dom = dom.lower()
    parts = dom.split(".")
    for i in range(len(parts) - 1):
        d = ".".join(parts[i:])
        if d in OUTLET_DOMAINS:
            return OUTLET_DOMAINS[d]
    return None



# ------------------------------------------------------------------ URLs and title suffixes

PLATFORMS = frozenset(d.lower() for d in rulefiles.lines("platform_domains.txt"))
_EXTRACT = None
_TITLE_SEP = re.compile(r"\s+[|–—•·:-]{1,2}\s+")
_NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")


def _extractor():
    """tldextract with its bundled Public Suffix List snapshot only: no URL to fetch, no cache dir."""
    global _EXTRACT
    if _EXTRACT is None:
        import tldextract
        _EXTRACT = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)
    return _EXTRACT


def site_of_url(url: str | None) -> tuple[str | None, str | None]:
    """(host without www, registered domain) of a URL; the host stands for the domain on a
    publishing platform (substack.com, medium.com, ...). (None, None) when there is no domain."""
    if not url or not isinstance(url, str):
        return None, None
    m = re.match(r"(?i)^\s*(?:[a-z][a-z0-9+.-]*:)?//([^/?#\s]+)|^\s*(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/?#]|$)", url)
    if not m:
        return None, None
    host = (m.group(1) or m.group(2) or "").rsplit("@", 1)[-1].split(":")[0].strip(".").lower()
    host = re.sub(r"^www\d?\.", "", host)
    parts = _extractor()(host)
    if not parts.domain and parts.suffix and host == parts.suffix and "." in host:
        return host, host           # a site on a public suffix itself: gov.uk
    if not parts.domain or not parts.suffix:
        return (host or None), None
    registered = f"{parts.domain}.{parts.suffix}"
    if registered in PLATFORMS and parts.subdomain and parts.subdomain != "www":
        return host, host
    return host, registered


def outlet_for_url(url: str | None) -> tuple[str | None, str | None]:
    """(publisher name from the outlets table or None, registered domain or None) of a URL."""
    host, registered = site_of_url(url)
    if not host:
        return None, None
    return _outlet_for_domain(host) or (registered and _outlet_for_domain(registered)), registered


def _names_match(segment: str, names: list[str | None], registered: str | None) -> bool:
    key = _fold(segment)
    if not key:
        return False
    if any(key == _fold(n) for n in names if n):
        return True
    if OUTLET_NAMES.get(key) and OUTLET_NAMES[key] in names:
        return True
    if any(len(_fold(n)) >= 6 and key.startswith(_fold(n)) for n in names if n):
        return True         # the outlet's full name: "Carnegie Endowment for International Peace"
    if registered and segment.strip().lower().removeprefix("www.") == registered:
        return True         # the domain as the site name: "... :: WRAL.com"
    if registered:
        label = _fold(registered.split(".")[0])
        return key == label or key == _fold("the" + registered.split(".")[0]) or (len(key) >= 4 and label.startswith(key)) \
            or (len(label) >= 6 and key.startswith(label))
    return False


def split_title_suffix(title: str | None, names: list[str | None], registered: str | None) -> tuple[str | None, str | None]:
    """(title without the site-name suffix, the site name or None).

    The last " | "/" - " segment is a site name when it is one of ``names`` (the outlet from
    metadata or the URL), a known outlet, or spells the URL's registered domain ("Lowy Institute"
    for lowyinstitute.org); short section segments before it go too ("| Ukraine | The Guardian").
    The main part must keep at least three words."""
    if not title:
        return title, None
    segments = _TITLE_SEP.split(title)
    while len(segments) > 2 and _NUMERIC_DATE.fullmatch(segments[-1].strip()):
        title = title[:_segment_offset(title, len(segments) - 1)].strip()   # "... – DW – 02/27/2026"
        segments = segments[:-1]
    if len(segments) < 2:
        return title, None
    last = segments[-1].strip()
    known = OUTLET_NAMES.get(_fold(last))
    if not (known or _names_match(last, names, registered)) or len(last.split()) > 6:
        return title, None
    cut = len(segments) - 1
    while cut > 1 and len(segments[cut - 1].split()) <= 3 and len(" ".join(segments[:cut - 1]).split()) >= 3:
        cut -= 1
    main = title[:_segment_offset(title, cut)].strip()
    if len(main.split()) < 3:
        return title, known or last        # "Age Verification - Ronin's Grips": the name, the title kept
    return main, known or last


def _segment_offset(title: str, k: int) -> int:
    """Character offset where the k-th separator starts (k >= 1)."""
    seps = list(_TITLE_SEP.finditer(title))
    return seps[k - 1].start()
