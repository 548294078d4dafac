"""Per-sentence claim features: what the claim similarity compares, computed once per sentence.

A sentence becomes a small record (``sentence_features``): its distinct lower-cased words (lightly
stemmed), its content words (stopwords dropped), its word bigrams, the numbers it states, the names it
mentions (capitalised words after the first token), four cue flags (negation, modality, denial,
confirmation: tasks/claims/rules/claim_cues.txt) and its static embedding (tasks/claims/vectors.py).
The extraction workers write these records to Parquet (``claim_features``); the warehouse compares two
records with list functions only (sql/agreement/int_claim_pairs.sql), and ``newsagree eval --only
claims`` builds the same records for MSRP sentences, so both decide on identical inputs.

Hand-written (not spaCy) because it must be cheap enough to run on every sentence of every article in
the workers and on sentences without any spaCy analysis (MSRP pairs); it is plain regex tokenising.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from tasks import rulefiles

CUES_FILE = Path(__file__).resolve().parent / "rules" / "claim_cues.txt"

WORD_RE = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?|\d+(?:[.,]\d+)*%?")
NUMBER_RE = re.compile(r"^\d+(?:[.,]\d+)*%?$")


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """The cue word lists by section (negation, modality, denial, confirmation); single words, matched
    against a sentence's lower-cased tokens ("n't" matches any token ending in it)."""
    return {k: frozenset(v) for k, v in rulefiles.sections(CUES_FILE, lower=True).items() if k}


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(rulefiles.lines("story_stopwords.txt", lower=True))


@lru_cache(maxsize=1)
def number_words() -> dict[str, str]:
    """Unit and ten number words -> digits (tasks/rules/number_words.tsv)."""
    out = {}
    for parts in rulefiles.table("number_words.tsv"):
        if len(parts) >= 3 and parts[2] in ("unit", "ten"):
            value = float(parts[1])
            out[parts[0].lower()] = str(int(value)) if value.is_integer() else str(value)
    return out


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix strip (talks/talked/talking -> talk), so inflections still match."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: len(word) - len(suffix)] + keep
    return word


def normalise_number(token: str) -> str:
    """"1,000" -> "1000", "3.50" -> "3.5", "12%" -> "12"."""
    t = token.rstrip("%")
    if "," in t and re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", t):
        t = t.replace(",", "")
    t = t.replace(",", ".")
    try:
        value = float(t)
    except ValueError:
        return t
    return str(int(value)) if value.is_integer() else repr(value)


def tokens(text: str) -> list[str]:
    """Word and number tokens in order (apostrophe-s dropped)."""
    out = []
    for t in WORD_RE.findall(text):
        if t[-2:] in ("'s", "’s"):
            t = t[:-2]
        out.append(t)
    return out


_TOKEN_CACHE: dict[str, tuple[str, str | None, bool, bool, str]] = {}   # per process, at most TOKEN_CACHE_MAX
TOKEN_CACHE_MAX = 500_000


def _token(raw: str) -> tuple[str, str | None, bool, bool, str]:
    """(word, number or None, is content, can be a name after the first token, lower-cased token) of one
    raw WORD_RE match (apostrophe-s dropped as in ``tokens``), cached: a sentence's features are then
    one dict lookup per token."""
    tok = raw[:-2] if raw[-2:] in ("'s", "’s") else raw
    low = tok.lower()
    nums = number_words()
    info: tuple[str, str | None, bool, bool, str]
    if NUMBER_RE.match(tok) or low in nums:
        number = normalise_number(tok) if NUMBER_RE.match(tok) else nums[low]
        info = (number, number, True, False, low)
    else:
        stop = stopwords()
        info = (stem(low), None, low not in stop and len(low) > 2,
                tok[0].isupper() and low not in stop and len(low) > 1, low)
    if len(_TOKEN_CACHE) < TOKEN_CACHE_MAX:
        _TOKEN_CACHE[raw] = info
    return info


def sentence_features(text: str) -> dict:
    """The comparable content of one sentence (without the vector)."""
    cache = _TOKEN_CACHE
    infos = [cache.get(t) or _token(t) for t in WORD_RE.findall(text)]
    lower = [i[4] for i in infos]
    cue = cues()
    words = [i[0] for i in infos]
    numbers = [i[1] for i in infos if i[1] is not None]
    content = [i[0] for i in infos if i[2]]
    names = [low for info, low in zip(infos[1:], lower[1:]) if info[3]]
    present = set(lower)
    # a token ending in "n't" needs an apostrophe in the sentence
    contracted = ("'" in text or "’" in text) and any(t.endswith(("n't", "n’t")) for t in present)
    flag = {k: not present.isdisjoint(v) or (contracted and "n't" in v) for k, v in cue.items()}
    return {
        "words": sorted(set(words)),
        "content": sorted(set(content)),
        "bigrams": sorted({f"{a} {b}" for a, b in zip(words, words[1:])}),
        "numbers": sorted(set(numbers)),
        "names": sorted(set(names)),
        "negated": flag.get("negation", False),
        "modal": flag.get("modality", False),
        "denial": flag.get("denial", False),
        "confirm": flag.get("confirmation", False),
        "n_tokens": len(infos),
    }
