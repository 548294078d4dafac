"""Folded name forms and entity ids (pure functions, no rule data)."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"['’`´]")
_SEPARATORS = re.compile(r"[.\-‐‑–—_/,]")


@lru_cache(maxsize=1 << 16)    # a pure function of short strings, asked again and again for the same names
def fold(text: str) -> str:
    """Lower-case, accent-free, dot/hyphen/apostrophe-free form of a name; single initials joined.

    "J.D. Vance" -> "jd vance", "Türkiye" -> "turkiye", "Kwok-kin" -> "kwok kin".
    """
    if text.isascii():
        t = text.lower()
    else:
        t = unicodedata.normalize("NFKD", text)
        t = "".join(c for c in t if not unicodedata.combining(c)).lower()
        t = t.replace("ı", "i").replace("ø", "o").replace("ł", "l").replace("đ", "d").replace("ß", "ss")
    t = _APOSTROPHES.sub("", t)
    t = _SEPARATORS.sub(" ", t)
    out: list[str] = []
    prev_single = False
    for tok in t.split():
        single = len(tok) == 1 and tok.isalpha()
        if single and prev_single:
            out[-1] += tok
        else:
            out.append(tok)
        prev_single = single
    return " ".join(out)


#: a nickname in quotation marks inside a name ("Ephraim |"Doc" |Mudau-Lindström", "Ezekiel |‘Zeke’ |van Rensburg",
#: "Mick |"the Boot" |Ahearne")
_NICKNAME = re.compile(r"(?<=\S) [\"“‘'](?:the )?[A-Z][^\"“”‘’\n]{0,30}?[\"”’'] (?=\S)")


def nickname_of(name: str) -> str | None:
    """The quoted nickname inside a name, without its marks ("Harlan "Bud" Mbeki-Sorensen" -> "Bud"), else None."""
    mt = _NICKNAME.search(name) if " " in name else None
    return mt.group(0).strip()[1:-1] if mt else None


def without_nickname(name: str) -> str:
    """A name without the quoted nickname inside it: "Ephraim "Doc" Mudau-Lindström" -> "Ephraim Mudau-Lindström"
    (outlets that leave the nickname out name the same person)."""
    return _NICKNAME.sub(" ", name) if " " in name else name


def entity_id_for(entity_key: str) -> str:
    """Stable id of an entity key: first 16 hex chars of its sha256."""
    return hashlib.sha256(entity_key.encode("utf-8")).hexdigest()[:16]
