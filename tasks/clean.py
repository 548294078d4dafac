"""Cleaning stage: RawDocs -> articles (title, byline, dateline, outlet, boilerplate-free body).

Pure functions, no Prefect. Rules are data in ``tasks/rules/``:

* ``boilerplate.txt``        paragraphs removed anywhere (UI labels, ads, share rows, cookie and
                             newsletter prompts, copyright lines, wire credit tails);
* ``boilerplate_edge.txt``   paragraphs removed only before the first / after the last prose
                             paragraph (navigation labels, bare domains, date stamps, bios);
* ``boilerplate_credits.txt`` photo credit lines (and the short caption right above one);
* ``boilerplate_tail.txt``   tail markers ("Related Stories", "Leave a Reply"): when one sits in the
                             second half of the article, it and everything after it is removed;
* ``boilerplate_appeals.yaml`` donation/subscription appeal blocks;
* ``outlets.csv`` / ``outlet_words.txt`` known outlet names and words that mark a publication name.

What counts as what (see the helpers for details):

* a *paragraph* is a non-empty line; lines of a block that are visibly hard-wrapped are joined;
* a *prose* paragraph has >= 12 words and ends in sentence punctuation, or has >= 30 words;
* *headline-like*: 1-20 words, no final full stop, mostly capitalised words;
* the *header* is everything before the first prose paragraph, the *tail* everything after the last.

Outlet precedence: metadata > text (masthead, site footer / copyright line, byline suffix,
dateline agency, in that order) > the article is its own outlet (``unknown:<article_id>``).
All regexes are compiled once at import.
"""
from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Any, Iterable

import yaml

from tasks.ingest import normalise_text, parse_datetime

RULES_DIR = Path(__file__).resolve().parent / "rules"

Article = dict
Rejection = dict


# ------------------------------------------------------------------ rule loading

def _read_patterns(name: str) -> list[str]:
    path = RULES_DIR / name
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        s = line.strip()
        if s and not s.startswith("#"):
            out.append(s)
    return out


class RuleSet:
    """Full-paragraph rules. ``fullmatch(p)`` is true when some rule matches the whole paragraph.

    Rules of the form ``.{0,N}CORE.{0,M}`` ("CORE somewhere in a short paragraph") are run as one
    ``search`` for CORE plus a length check (much faster than a full match with leading wildcards);
    all others as one alternation anchored at both ends.
    """

    def __init__(self, patterns: list[str]):
        anchored, floating = [], []
        self.max_floating_len = 0
        for p in patterns:
            try:
                re.compile(p, re.I)
            except re.error as e:  # a broken rule must fail loudly at import, not silently
                raise ValueError(f"bad boilerplate rule {p!r}: {e}") from e
            m = re.fullmatch(r"\.\{0,(\d+)\}(.+?)\.\{0,(\d+)\}", p)
            if m and "|" not in _strip_groups(m.group(2)):
                floating.append(f"(?:{m.group(2)})")
                self.max_floating_len = max(self.max_floating_len, int(m.group(1)) + int(m.group(3)) + 200)
            else:
                anchored.append(f"(?:{p})")
        self.anchored = re.compile("|".join(anchored), re.I) if anchored else None
        self.floating = re.compile("|".join(floating), re.I) if floating else None

    def fullmatch(self, p: str) -> bool:
        if self.anchored is not None and self.anchored.fullmatch(p):
            return True
        return self.floating is not None and len(p) <= self.max_floating_len and \
            self.floating.search(p) is not None


def _strip_groups(core: str) -> str:
    """The core with parenthesised groups removed (to see if it has a top-level alternation)."""
    out, depth, esc = [], 0, False
    for ch in core:
        if esc:
            esc = False
            if depth == 0:
                out.append(ch)
            continue
        if ch == "\\":
            esc = True
            if depth == 0:
                out.append(ch)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def _compile_union(patterns: list[str]) -> RuleSet | None:
    """All rules of a file as one RuleSet (None when there are none)."""
    return RuleSet(patterns) if patterns else None


def _load_appeals() -> tuple[re.Pattern | None, re.Pattern, re.Pattern]:
    path = RULES_DIR / "boilerplate_appeals.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    data = data or {}
    start = _compile_union(list(data.get("start", [])))
    kw = re.compile(data.get("keywords", r"(?!x)x"), re.I)
    reader = re.compile(data.get("reader", r"\b(you|your)\b"), re.I)
    return start, kw, reader


def _load_outlets() -> tuple[dict[str, str], dict[str, str]]:
    """(folded name or alias -> canonical name, domain -> canonical name)."""
    by_name: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    path = RULES_DIR / "outlets.csv"
    if not path.exists():
        return by_name, by_domain
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    for row in csv.DictReader(lines):
        name = (row.get("name") or "").strip()
        if not name:
            continue
        by_name[_fold(name)] = name
        for a in (row.get("aliases") or "").split("|"):
            if a.strip():
                by_name[_fold(a)] = name
        dom = (row.get("domain") or "").strip().lower()
        if dom:
            by_domain[dom] = name
    return by_name, by_domain


def _fold(s: str) -> str:
    """Comparison key: NFKC, casefold, letters and digits only."""
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(ch for ch in s if ch.isalnum())


BOILER_ANY = _compile_union(_read_patterns("boilerplate.txt"))
BOILER_EDGE = _compile_union(_read_patterns("boilerplate_edge.txt"))
CREDIT = _compile_union(_read_patterns("boilerplate_credits.txt"))
TAIL_MARKER = _compile_union(_read_patterns("boilerplate_tail.txt"))
APPEAL_START, APPEAL_KW, APPEAL_READER = _load_appeals()
OUTLET_NAMES, OUTLET_DOMAINS = _load_outlets()
OUTLET_WORDS = frozenset(w.lower() for w in _read_patterns("outlet_words.txt"))

_NEEDS_NORMALISING = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff\u00ad\u2060\u2028\u2029]")
_WS = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_WORD = re.compile(r"\w+(?:[’'\-.]\w+)*")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»]$")
_SENT_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_QUOTE_CHARS = re.compile(r"[“”\"«»„]")
_BULLET = re.compile(r"^[•·›»▸►■□▪◦‣∙*|>\-–—]\s*")
_CRUMB_SIGNAL = re.compile(r"(/|›|»|>)\s*$|^(home|news|top news|latest|world|politics)$", re.I)
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9][a-z0-9\-]*\.)+[a-z]{2,12})/?", re.I)
_BYLINE = re.compile(
    r"^(?i:by|written by|words by|story by|text by|author:?|reported by)\s+"
    r"(?P<name>(?:[A-Z][\w.'’\-]*|[A-Z]\.)(?:\s+(?:[A-Z][\w.'’\-]*|de|van|von|der|da|del|della|di|du|al|bin|ibn|le|la|and|&)){0,7}"
    r"(?:\s*,\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}\s+(?:and|&)\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})?)"
    r"\s*(?:(?:[,|•·–—]|\s-\s|\bfor\b|\bat\b)\s*(?P<rest>.{0,100}))?$")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^(?P<dl>(?P<place>(?:[A-Z][A-Z.'’\-]+|[A-Z]\.)(?:\s+(?:[A-Z][A-Z.'’\-]+|[A-Z]\.)){0,3}"
    r"(?:,\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2}){0,2})"
    r"(?:,?\s+" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"(?:\s*\((?P<agency>[^()\n]{2,50})\))?)"
    r"\s*(?:[–—]|--?|:)\s+(?=\S)")
_DATELINE_SOFT = re.compile(   # title-case place is allowed only together with an agency in parentheses
    r"^(?P<dl>(?P<place>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,2}(?:,\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,2}){0,2})"
    r"(?:,?\s+" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*\((?P<agency>[^()\n]{2,50})\))\s*(?:[–—]|--?|:)\s+(?=\S)")
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{2,4})?)?\s*,?\s*"
    r"(?P<name>[^.|©]{2,80}?)\s*(?:,?\s*(?:inc|ltd|llc|plc|gmbh|corp)\.?)?\s*(?:[.|,]\s*(?:all rights reserved.*)?)?$", re.I)
_DATE_IN_LINE = re.compile(
    r"(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?|" + _MONTH +
    r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+" + _MONTH + r"\s+\d{4})", re.I)
_NOT_NAME_WORDS = frozenset({"the", "a", "an", "of", "and", "&", "for", "in", "on", "at", "to", "de", "la", "le"})

_MAX_RULE_CHARS = 700     # paragraphs longer than this are never boilerplate by line rules


# ------------------------------------------------------------------ small predicates

def collapse_ws(s: str) -> str:
    """Runs of whitespace (spaces, tabs, odd Unicode spaces) -> one space; stripped."""
    return " ".join(s.split())


def n_words(s: str) -> int:
    return len(s.split())


def is_prose(p: str) -> bool:
    """A sentence-like paragraph: >= 12 words ending in sentence punctuation, or >= 30 words."""
    w = n_words(p)
    return w >= 30 or (w >= 12 and bool(_SENT_END.search(p)))


def is_headline_like(p: str) -> bool:
    """1-20 words, no final full stop/colon/semicolon, and at least half of the longer words capitalised."""
    w = p.split()
    if not (1 <= len(w) <= 20) or re.search(r"[.:;,]$", p):
        return False
    longer = [x for x in w if len(x) > 3 and x[0].isalpha()]
    if not longer:
        return True
    caps = sum(1 for x in longer if x[0].isupper())
    return caps / len(longer) >= 0.5


def _is_short_line(p: str) -> bool:
    """A list item / headline: 1-20 words, no quotation, not ending in a full stop, colon or comma."""
    return 1 <= n_words(p) <= 20 and not _QUOTE_CHARS.search(p) and not re.search(r"[.:;,…]$", p)


def _full(rx: "RuleSet | None", p: str) -> bool:
    return rx is not None and len(p) <= _MAX_RULE_CHARS and rx.fullmatch(p)


def is_boilerplate(p: str) -> bool:
    """Matches a boilerplate.txt rule (removed anywhere)."""
    return _full(BOILER_ANY, p)


def is_edge_boilerplate(p: str) -> bool:
    """Matches a boilerplate.txt or boilerplate_edge.txt rule (removed in header/tail)."""
    return _full(BOILER_ANY, p) or _full(BOILER_EDGE, p)


def is_credit(p: str) -> bool:
    return n_words(p) <= 30 and _full(CREDIT, p)


def is_appeal_like(p: str) -> bool:
    """Donation/subscription appeal paragraph: an appeal keyword, no quotation, and either
    addressed to the reader (you/we/our) within 80 words or a short heading-like line."""
    if _QUOTE_CHARS.search(p) or not APPEAL_KW.search(p):
        return False
    w = n_words(p)
    return (w <= 80 and APPEAL_READER.search(p) is not None) or (w <= 12 and not _SENT_END.search(p)) or \
        _full(APPEAL_START, p)


def is_domain_line(p: str) -> str | None:
    """The domain when the paragraph is only a domain or URL, else None."""
    m = _DOMAIN.fullmatch(p.strip())
    if not m:
        return None
    dom = m.group(1).lower()
    if re.fullmatch(r"[\d.]+", dom):
        return None
    return dom


def _title_key(s: str) -> str:
    return _fold(_BULLET.sub("", s))


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


def article_id_for(body: str) -> str:
    """sha256 of the normalised body (NFKC, casefold, whitespace collapsed), first 16 hex chars."""
    norm = " ".join(unicodedata.normalize("NFKC", body).casefold().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


# ------------------------------------------------------------------ paragraphs

def _is_wrapped_block(lines: list[str]) -> bool:
    """A block of >= 3 lines whose lines (but the last) have similar lengths between 40 and 100 chars
    and at least a third of which continue in lower case (wrapped prose, not a list of headlines)."""
    if len(lines) < 3:
        return False
    body = [len(l) for l in lines[:-1]]
    if not (min(body) >= 40 and max(body) <= 100 and max(body) - min(body) <= 30):
        return False
    lower_starts = sum(1 for l in lines[1:] if l[:1].islower())
    return lower_starts * 3 >= len(lines) - 1


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain text: every non-empty line, whitespace collapsed; lines of a visibly
    hard-wrapped block are joined, and a line not ending in punctuation is joined with a next line
    that starts in lower case (a wrapped sentence; only for lines of >= 40 chars)."""
    paras: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [collapse_ws(l) for l in block.split("\n")]
        lines = [l for l in lines if l]
        if not lines:
            continue
        if _is_wrapped_block(lines):
            paras.append(_join_wrapped(lines))
            continue
        cur = lines[0]
        for nxt in lines[1:]:
            if len(cur) >= 40 and not _TERMINAL.search(cur) and nxt[:1].islower() and not _BULLET.match(nxt) \
                    and not is_domain_line(nxt):
                cur = _join_wrapped([cur, nxt])
            else:
                paras.append(cur)
                cur = nxt
        paras.append(cur)
    return paras


def _join_wrapped(lines: list[str]) -> str:
    out = lines[0]
    for l in lines[1:]:
        if re.search(r"[A-Za-z]-$", out) and l[:1].islower():
            out = out + l           # "peace-\nkeeping" -> "peace-keeping"
        else:
            out = out + " " + l
    return out


# ------------------------------------------------------------------ the cleaner

class _State:
    __slots__ = ("outlet_masthead", "outlet_footer", "outlet_byline", "outlet_dateline", "byline",
                 "dateline", "title", "published_at")

    def __init__(self):
        self.outlet_masthead = self.outlet_footer = self.outlet_byline = self.outlet_dateline = None
        self.byline = self.dateline = self.title = None
        self.published_at = None


def _match_byline(p: str) -> tuple[str, str | None] | None:
    if n_words(p) > 16:
        return None
    m = _BYLINE.match(p)
    if not m:
        return None
    name = m.group("name").strip(" ,")
    rest = (m.group("rest") or "").strip() or None
    return name, rest


def _copyright_outlet(p: str) -> str | None:
    m = _COPYRIGHT.match(p)
    if not m:
        return None
    name = re.sub(r"(?i)\ball rights reserved\b.*$", "", m.group("name")).strip(" .,|-–—")
    if not name or n_words(name) > 8 or not name[0].isalpha():
        return None
    return name


def _peel_header(paras: list[str], st: _State, fmt: str) -> list[str]:
    """Masthead, title line, crumbs and header furniture at the top.

    For .txt (and any text whose first line is headline-like) the first non-furniture line is the
    title, unless it is a masthead (a publication name followed by another headline-like line).
    """
    out = list(paras)
    # masthead: first line is a publication name and something headline-like follows
    if len(out) >= 3 and _outlet_like(out[0]):
        rest = [p for p in out[1:8] if not _BULLET.match(p) and not is_edge_boilerplate(p)]
        if rest and (is_headline_like(rest[0]) or not _SENT_END.search(rest[0])) and \
                _fold(rest[0]) != _fold(out[0]):
            st.outlet_masthead = out[0]
            out = out[1:]
    # navigation crumbs: a run of bullet lines where one looks like a crumb ("Home/", "News ›")
    i = 0
    while i < min(len(out), 12):
        if _BULLET.match(out[i]) and not is_prose(out[i]):
            j = i
            while j < len(out) and _BULLET.match(out[j]) and not is_prose(out[j]):
                j += 1
            run = out[i:j]
            if any(_CRUMB_SIGNAL.search(_BULLET.sub("", r)) for r in run) or \
                    (st.title and any(_title_key(r) == _fold(st.title) for r in run)):
                del out[i:j]
                continue
            i = j
        else:
            i += 1
    # title line
    if fmt == "txt" or not st.title:
        for k, p in enumerate(out[:6]):
            if is_edge_boilerplate(p) or is_credit(p):
                continue
            if fmt == "txt" or (is_headline_like(p) and len(out) > k + 1 and n_words(p) >= 3):
                st.title = st.title or p
                if fmt == "txt":
                    out.pop(k)
            break
    return out


def _drop_everywhere(paras: list[str], st: _State) -> list[str]:
    """Anywhere rules, title copies, credits (+ the caption above), consecutive duplicates."""
    title_key = _fold(st.title) if st.title else None
    tlen = len(st.title) if st.title else 0
    keep: list[str] = []
    drop_next_domain = False
    for p in paras:
        if title_key and abs(len(p) - tlen) <= 8 + tlen // 4 and _title_key(p) == title_key:
            continue
        if is_credit(p):
            if len(keep) >= 2 and n_words(keep[-1]) <= 30 and not _QUOTE_CHARS.search(keep[-1]) \
                    and not is_prose(keep[-1]) or (len(keep) >= 2 and n_words(keep[-1]) <= 12
                                                  and not _QUOTE_CHARS.search(keep[-1])):
                keep.pop()
            drop_next_domain = True
            continue
        if is_boilerplate(p):
            out_name = _copyright_outlet(p)
            if out_name:
                st.outlet_footer = st.outlet_footer or out_name
            continue
        if drop_next_domain and is_domain_line(p):
            continue
        drop_next_domain = False
        if keep and keep[-1] == p:
            continue
        keep.append(p)
    return keep


def _drop_appeal_blocks(paras: list[str]) -> list[str]:
    """An appeal heading and the appeal-like paragraphs that follow it."""
    if APPEAL_START is None:
        return paras
    out: list[str] = []
    i = 0
    while i < len(paras):
        p = paras[i]
        if n_words(p) <= 25 and APPEAL_START.fullmatch(p) and not _QUOTE_CHARS.search(p) and i > 0:
            j = i + 1
            while j < len(paras) and (is_appeal_like(paras[j]) or is_boilerplate(paras[j])):
                j += 1
            if j > i + 1 or APPEAL_KW.search(p):
                i = j
                continue
        out.append(p)
        i += 1
    return out


def _cut_tail_marker(paras: list[str], st: _State) -> list[str]:
    """Cut at the first tail marker that has at least half of the article's words before it
    (the cut part is still searched for a site footer naming the outlet)."""
    if TAIL_MARKER is None or len(paras) < 2:
        return paras
    total = sum(n_words(p) for p in paras)
    seen = 0
    for i, p in enumerate(paras):
        if i > 0 and seen * 2 >= total and n_words(p) <= 12 and TAIL_MARKER.fullmatch(p):
            _footer_outlets(paras[i:], st)
            return paras[:i]
        seen += n_words(p)
    return paras


def _footer_outlets(tail: list[str], st: _State) -> None:
    """Site name / domain / copyright lines at the end name the outlet."""
    domains = [(i, is_domain_line(p)) for i, p in enumerate(tail)]
    for i, dom in domains:
        if not dom:
            continue
        sld = _fold(dom.split(".")[-2] if dom.count(".") >= 1 else dom)
        sld_full = _fold("".join(dom.split(".")[:-1]).replace("www", "", 1))
        for j in (i - 1, i + 1, i - 2):
            if 0 <= j < len(tail) and not is_domain_line(tail[j]) and n_words(tail[j]) <= 6:
                f = _fold(re.sub(r"^the\s+", "", tail[j], flags=re.I))
                if f and (f == sld or f == sld_full or _fold(tail[j]) == sld):
                    st.outlet_footer = st.outlet_footer or tail[j]
                    return
        known = _outlet_for_domain(dom)
        st.outlet_footer = st.outlet_footer or known or dom
        return
    for p in tail[::-1]:
        c = _copyright_outlet(p)
        if c:
            st.outlet_footer = st.outlet_footer or c
            return
    for p in tail[-3:][::-1]:
        if _outlet_like(p):
            st.outlet_footer = st.outlet_footer or p
            return


def _peel_tail(paras: list[str], st: _State) -> list[str]:
    """Remove furniture after the article: edge rules, appeals, domains/site names, and
    related-story lists (a final run of >= 3 short lines, or of 2 title-case headline-like lines)."""
    end = len(paras)
    removed: list[str] = []
    while end > 0:
        p = paras[end - 1]
        if is_edge_boilerplate(p) or is_appeal_like(p) or is_domain_line(p) or is_credit(p) \
                or _copyright_outlet(p) or (removed and len(removed) <= 3 and _outlet_like(p) and end < len(paras)
                                             and any(is_domain_line(r) for r in removed)):
            removed.append(p)
            end -= 1
            continue
        # a run of headline-like lines: related-story list
        j = end
        while j > 0 and _is_short_line(paras[j - 1]):
            j -= 1
        run = end - j
        n_title_case = sum(1 for q in paras[j:end] if is_headline_like(q))
        if j > 0 and (run >= 3 or (run == 2 and n_title_case == 2)):
            removed.extend(paras[j:end][::-1])
            end = j
            continue
        if run == 1 and end == len(paras) and end > 1 and _outlet_like(p):
            removed.append(p)       # a lone site-name line at the very end
            end -= 1
            continue
        break
    if removed:
        _footer_outlets(removed[::-1], st)
    return paras[:end]


def _clean_header(paras: list[str], st: _State, meta_published) -> list[str]:
    """Before the first prose paragraph: byline, date stamps, edge furniture, crumbs, bare domains."""
    first_prose = next((i for i, p in enumerate(paras) if is_prose(p)), len(paras))
    out: list[str] = []
    for i, p in enumerate(paras):
        if i >= first_prose:
            out.extend(paras[i:])
            break
        if st.byline is None:
            b = _match_byline(p)
            if b:
                name, rest = b
                st.byline = name
                if rest:
                    d = _DATE_IN_LINE.search(rest)
                    if d and meta_published is None and st.published_at is None:
                        st.published_at = parse_datetime(d.group(0))
                    elif not d and _outlet_like(rest):
                        st.outlet_byline = rest
                continue
        if is_edge_boilerplate(p) or is_domain_line(p) or (_BULLET.match(p) and _CRUMB_SIGNAL.search(p)):
            if st.published_at is None and meta_published is None:
                st.published_at = _date_of_line(p)
            continue
        out.append(p)
    return out


_DATE_PREFIX = re.compile(r"^(?:published|updated|posted|last updated|first published)(?: on| at)?\s*:?\s*", re.I)
_DATE_SUFFIX = re.compile(r"\s*[|·•,]?\s*\d{1,3}\s*min(?:ute)?s?(?: read)?\s*$", re.I)


def _date_of_line(p: str):
    """The date (with time when given) of a date-stamp line, or None."""
    d = _DATE_IN_LINE.search(p)
    if not d:
        return None
    whole = _DATE_SUFFIX.sub("", _DATE_PREFIX.sub("", p)).replace(" at ", " ").strip(" ,|·•")
    return parse_datetime(whole) or parse_datetime(d.group(0))


def _take_dateline(paras: list[str], st: _State) -> list[str]:
    """A dateline ("MOSCOW, Russia (North Press) –") at the start of the first prose paragraph."""
    for i, p in enumerate(paras[:4]):
        if not is_prose(p):
            continue
        m = _DATELINE.match(p) or _DATELINE_SOFT.match(p)
        if m:
            place = m.group("place")
            letters = [c for c in place.split(",")[0] if c.isalpha()]
            strict = m.re is _DATELINE
            if (strict and len(letters) >= 2 and all(c.isupper() for c in letters)) or m.group("agency"):
                st.dateline = m.group("dl").strip()
                agency = (m.group("agency") or "").strip()
                if agency and not _DATE_IN_LINE.fullmatch(agency) and n_words(agency) <= 6:
                    st.outlet_dateline = agency
                rest = p[m.end():].lstrip()
                paras = list(paras)
                if rest:
                    paras[i] = rest
                else:
                    paras.pop(i)
        break
    return paras


def clean_text(text: str, meta: dict | None = None, fmt: str = "txt") -> dict:
    """Clean one document's text. Returns dict(body, title, byline, dateline, outlet_text, published_at)
    where outlet_text is the outlet named by the text (or None)."""
    meta = meta or {}
    st = _State()
    st.title = collapse_ws(meta.get("title") or "") or None
    if _NEEDS_NORMALISING.search(text):
        text = normalise_text(text)
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
