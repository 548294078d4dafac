"""String helpers of the cleaner: folding, word counts, prose / headline tests, domains, the article id."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_NOT_ALNUM = re.compile(r"[\W_]+")


def _fold(s: str) -> str:
    """Comparison key: NFKC, casefold, letters and digits only."""
    s = unicodedata.normalize("NFKC", s).casefold()
    if s.isascii():
        return _NOT_ALNUM.sub("", s)          # same result, 5x faster than testing each character
    return "".join(ch for ch in s if ch.isalnum())


_NEEDS_NORMALISING = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff\u00ad\u2060\u2028\u2029]")
_WS = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_WORD = re.compile(r"\w+(?:[’'\-.]\w+)*")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»]$")
_SENT_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_QUOTE_CHARS = re.compile(r"[“”\"«»„]")
_BULLET = re.compile(r"^[•·›»▸►■□▪◦‣∙*|>\-–—]\s*")
_CRUMB_SIGNAL = re.compile(r"(/|›|»|>)\s*$|^(home|news|top news|latest|world|politics)$", re.I)
# a sign-off after the last sentence: "… 2028 will be worse.” – Rappler.com", "… on Monday. —Reuters"
SIGN_OFF = re.compile(r"(?<=[.!?…\"'”’»)])\s+[–—-]{1,2}\s*[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}\s*$")
# a row of the article's own table of figures: "Possession: 54% - 46%", "Corners: 8 - 3" (a label and two numbers),
# "-13: Jane Roe (67-64)" (a score, a name and the rounds)
_DATA_ROW = re.compile(r"[^:]{1,40}:\s*[-+]?\d[\d.,]*%?\s*[-–—:/]\s*[-+]?\d[\d.,]*%?"
                       r"|(?:[-+]?\d{1,2}|E|T\d{1,3})\s*:\s*[^:]{3,80}\(\d[\d\s,\-–]*\)(?:,\s*[^:]{3,60}\(\d[\d\s,\-–]*\))*")
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
    r"(?:\s*(?:\((?P<agency>[^()\n]{2,50})\)|/(?P<wire>[^/\s][^/\n]{1,40})/))?)"   # (Reuters) or /PRNewswire/
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
    """A list item / headline: 1-20 words, no quotation, not ending in a full stop, colon or comma, not a row
    of figures ("Corners: 8 - 3")."""
    return 1 <= n_words(p) <= 20 and not _QUOTE_CHARS.search(p) and not re.search(r"[.:;,…]$", p) \
        and not (n_words(p) <= 12 and _DATA_ROW.fullmatch(p))


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


def article_id_for(body: str) -> str:
    """sha256 of the normalised body (NFKC, casefold, whitespace collapsed), first 16 hex chars."""
    norm = " ".join(unicodedata.normalize("NFKC", body).casefold().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]

