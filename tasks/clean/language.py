"""Is an article in English? newsagree reads English only (spaCy's English model, English rule files);
an article in another language is rejected as ``not_english``, with the language named, instead of
filling the warehouse with wrong entities, quotes and claims.

Two steps, so English drops pay nothing: a text of which at least ENGLISH_SHARE of the words are
English function words (the stopword list, tasks/rules/story_stopwords.txt) is English without further
work (measured share of every English article at hand: PolNeAR 840 articles min 0.30, median 0.48;
BASIL 300 min 0.39; seeds + crawls 21 min 0.32; German, French, Spanish and Russian news sentences
0.00-0.07). Below it, py3langid (BSD-3-Clause; its model ships inside the wheel; loaded once per process,
~0.7 s, on first need; ~1 ms per text) names the language, and the article is rejected only when English
is improbable (P(en) < MAX_ENGLISH_PROB) over at least MIN_WORDS words: a short or mixed text is kept.
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks import rulefiles

ENGLISH_SHARE = 0.2          # function-word share at or above which a text is English (fast path)
MAX_ENGLISH_PROB = 0.1       # py3langid's P(en) below which a text is not English
MIN_WORDS = 15               # shorter texts are never rejected for their language
SAMPLE_CHARS = 3000          # the text's beginning is enough to tell its language

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(rulefiles.lines("story_stopwords.txt", lower=True))


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def english_share(words: list[str]) -> float:
    """Share of ``words`` (lower-cased) that are English function words."""
    sw = _function_words()
    return sum(w in sw for w in words) / len(words) if words else 0.0


def not_english(text: str) -> str | None:
    """Why ``text`` is not an English article (the rejection detail), or None when it is English or
    cannot be told (short, mixed, or English probable)."""
    sample = text[:SAMPLE_CHARS]
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS or english_share(words) >= ENGLISH_SHARE:
        return None
    ranked = dict(_identifier().rank(sample))
    top = max(ranked, key=ranked.__getitem__)
    if top == "en" or ranked.get("en", 0.0) >= MAX_ENGLISH_PROB:
        return None
    return (f"the text reads as language '{top}' (probability {ranked[top]:.2f}; English {ranked.get('en', 0.0):.2f}, "
            f"{english_share(words):.0%} English function words); newsagree analyses English articles")
