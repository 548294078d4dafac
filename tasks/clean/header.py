"""Header of an article: masthead, crumbs, title line, byline, date stamps, dateline."""
from __future__ import annotations

import re
from typing import Any

from tasks.clean.outlets import _outlet_like
from tasks.clean.rules import is_credit, is_edge_boilerplate
from tasks.clean.text import (_BULLET, _BYLINE, _COPYRIGHT, _CRUMB_SIGNAL, _DATE_IN_LINE, _DATELINE,
                              _DATELINE_SOFT, _QUOTE_CHARS, _SENT_END, _fold, _title_key, is_domain_line, is_headline_like,
                              is_prose, n_words)
from tasks.ingest import parse_datetime

class _State:
    __slots__ = ("outlet_masthead", "outlet_footer", "outlet_byline", "outlet_dateline", "byline",
                 "dateline", "title", "published_at", "author")

    outlet_masthead: str | None
    outlet_footer: str | None
    outlet_byline: str | None
    outlet_dateline: str | None
    byline: str | None
    dateline: str | None
    title: str | None
    published_at: Any
    author: str | None

    def __init__(self, author: str | None = None):
        self.outlet_masthead = self.outlet_footer = self.outlet_byline = self.outlet_dateline = None
        self.byline = self.dateline = self.title = None
        self.published_at = None
        self.author = author            # the page metadata's author (HTML), if any


# a role after the outlet in a byline: "Ed Parker, Valley Gazette staff writer", "for the Herald"
_BYLINE_ROLE = re.compile(r"(?i)^for\s+(?:the\s+)?|\s+(?:senior\s+|chief\s+|staff\s+)?(?:writer|reporter|"
                          r"correspondent|editor|columnist|contributor|photographer)s?\.?$")


_BY = re.compile(r"(?i)^by\s+")


def strip_by(byline: str) -> str:
    """A byline without its leading "By "."""
    return _BY.sub("", byline.strip())


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



def _clean_header(paras: list[str], st: _State, meta_published) -> list[str]:
    """Before the first prose paragraph: byline, date stamps, edge furniture, crumbs, bare domains,
    section labels and kickers (a line of at most KICKER_WORDS words that is not a sentence), and a
    byline block led by the page's author (``st.author``, from the page metadata: "James Hart BBC News")."""
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
                    elif not d and _outlet_like(outlet := _BYLINE_ROLE.sub("", rest)):
                        st.outlet_byline = outlet       # "Valley Gazette staff writer" -> "Valley Gazette"
                continue
        if is_edge_boilerplate(p) or is_domain_line(p) or (_BULLET.match(p) and _CRUMB_SIGNAL.search(p)):
            if st.published_at is None and meta_published is None:
                st.published_at = _date_of_line(p)
            continue
        if _kicker(p) or _author_line(p, st.author):
            continue
        out.append(p)
    return out


KICKER_WORDS = 3            # "Weather", "Exclusive", "World news": labels above an article, not its text
BYLINE_BLOCK_WORDS = 12     # an author-led line up to this long is a byline block (name, role, outlet)


def _kicker(p: str) -> bool:
    """A section label or kicker: a few words, no sentence end, not an all-capitals line (a dateline)."""
    return n_words(p) <= KICKER_WORDS and not _SENT_END.search(p) and not p.isupper()


def _author_line(p: str, author: str | None) -> bool:
    """A short non-sentence line that opens with the page's author: its byline block."""
    if not author or n_words(p) > BYLINE_BLOCK_WORDS or _SENT_END.search(p):
        return False
    name = strip_by(author)
    return len(name) >= 4 and strip_by(p).lower().startswith(name.lower())


AUTHOR_BIO_WORDS = 60       # "Daniel Okafor is a professor of urban planning at ...": the author's bio, at the end
_BIO_VERB = re.compile(r",?\s+(?:is|was|has been|serves as|teaches|writes|covers|,\s+an?\b)")


def author_names(*bylines: str | None) -> list[str]:
    """The full names (two words or more) in bylines ("By Ken Sato and Mari Ito" -> both)."""
    names = []
    for b in bylines:
        for part in re.split(r"\s*(?:;|,|\band\b|&)\s*", strip_by(b or "")):
            if len(part.split()) >= 2 and part[:1].isupper():
                names.append(part)
    return names


def is_author_bio(p: str, names: list[str]) -> bool:
    """A paragraph that opens with a byline name followed by "is / was / , a ...": the author's bio."""
    if not names or n_words(p) > AUTHOR_BIO_WORDS or _QUOTE_CHARS.search(p[:80]):
        return False
    low = p.lower()
    return any(low.startswith(n.lower()) and _BIO_VERB.match(p, len(n)) for n in names)


_DATE_PREFIX = re.compile(r"^(?:published|updated|posted|last updated|first published)(?: on| at)?\s*:?\s*", re.I)
_DATE_SUFFIX = re.compile(r"\s*[|·•,]?\s*\d{1,3}\s*min(?:ute)?s?(?: read)?\s*$", re.I)


def _date_of_line(p: str):
    """The date (with time when given) of a date-stamp line, or None."""
    d = _DATE_IN_LINE.search(p)
    if not d:
        return None
    whole = _DATE_SUFFIX.sub("", _DATE_PREFIX.sub("", p)).replace(" at ", " ").strip(" ,|·•")
    return parse_datetime(whole) or parse_datetime(d.group(0))


def _speaker_label(p: str, m: re.Match) -> bool:
    """A transcript's speaker label ("STEVE INSKEEP, HOST: ..."): a name, a capitalised role after a
    comma and a colon, no agency; a dateline names a place ("KYIV, Ukraine:"), not a role."""
    parts = m.group("place").split(",")
    role = parts[-1].strip()
    return (p[:m.end()].rstrip().endswith(":") and len(parts) > 1 and not m.group("agency")
            and role.isupper() and "." not in role)


def _take_dateline(paras: list[str], st: _State) -> list[str]:
    """A dateline ("MOSCOW, Russia (North Press) –") at the start of the first prose paragraph."""
    for i, p in enumerate(paras[:4]):
        if not is_prose(p):
            continue
        m = _DATELINE.match(p) or _DATELINE_SOFT.match(p)
        if m and _speaker_label(p, m):
            break
        if m:
            place = m.group("place")
            letters = [c for c in place.split(",")[0] if c.isalpha()]
            strict = m.re is _DATELINE
            wire = m.groupdict().get("wire")
            if (strict and len(letters) >= 2 and all(c.isupper() for c in letters)) or m.group("agency"):
                st.dateline = m.group("dl").strip()
                agency = (m.group("agency") or wire or "").strip()
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

