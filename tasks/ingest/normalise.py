"""Unicode normalisation applied to every text before ids, entities and duplicate detection.

Three steps, in this order (each keeps the text a plain ``str``; they run before the body is fixed,
so every later offset indexes the normalised text):

1. invisible characters removed: zero-width space / non-joiner / joiner, word joiner and the
   invisible operators, soft hyphen, BOM, bidi embedding / override / isolate marks, LRM/RLM/ALM,
   Mongolian vowel separator; line and paragraph separators become newlines;
2. NFKC (compatibility forms: ligatures, full-width letters, non-breaking spaces, ...), except the
   vulgar fractions and super-/subscript digits, whose NFKC forms ("1⁄2", "km2") would change numbers;
3. mixed-script words folded: a word holding Latin letters and Cyrillic/Greek letters that are drawn
   like Latin ones (``tasks/rules/homoglyphs.tsv``) is rewritten in Latin ("Рutin" -> "Putin").
   A word written wholly in Cyrillic or Greek is never touched.

Written by hand because the libraries that know confusables (confusable-homoglyphs, confusables)
detect them but do not fold a word to one script, and we need a one-character-for-one mapping.
"""
from __future__ import annotations

import re
import unicodedata

from tasks import rulefiles

INVISIBLE = (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF,
             0x00AD, 0x180E, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_INVISIBLE_TABLE = dict.fromkeys(INVISIBLE)
_INVISIBLE_RE = re.compile("[" + "".join(chr(c) for c in INVISIBLE) + "]")
# NFKC would turn these into other characters that change a number or a unit: kept as they are
_KEEP_FROM_NFKC = re.compile(r"[\u00bc-\u00be\u2150-\u215f\u2189\u00b2\u00b3\u00b9\u2070-\u209f]")


def _load_homoglyphs() -> dict[str, str]:
    """tasks/rules/homoglyphs.tsv: look-alike letter -> Latin letter (rows whose two cells are one character)."""
    return {row[0]: row[1] for row in rulefiles.table("homoglyphs.tsv")
            if len(row) >= 2 and len(row[0]) == 1 and len(row[1]) == 1}


HOMOGLYPHS = _load_homoglyphs()
_HOMOGLYPH_TABLE = str.maketrans(HOMOGLYPHS)
_HAS_HOMOGLYPH = re.compile("[" + re.escape("".join(HOMOGLYPHS)) + "]")
# a run of letters (Latin, Greek, Cyrillic) with no other character between them
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u052f]")


def remove_invisible(text: str) -> str:
    return text.translate(_INVISIBLE_TABLE) if _INVISIBLE_RE.search(text) else text


def nfkc(text: str) -> str:
    """NFKC except for fractions and super-/subscript digits."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    if not _KEEP_FROM_NFKC.search(text):
        return unicodedata.normalize("NFKC", text)
    out, last = [], 0
    for m in _KEEP_FROM_NFKC.finditer(text):
        out.append(unicodedata.normalize("NFKC", text[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(unicodedata.normalize("NFKC", text[last:]))
    return "".join(out)


def _fold_word(m: re.Match) -> str:
    word = m.group(0)
    if not _LATIN.search(word) or not _OTHER_SCRIPT.search(word):
        return word
    folded = word.translate(_HOMOGLYPH_TABLE)
    # only when every non-Latin letter has a Latin look-alike: "Pаris" yes, "Bogдan" no
    return word if _OTHER_SCRIPT.search(folded) else folded


def fold_mixed_script(text: str) -> str:
    """Latin words with Cyrillic/Greek look-alike letters rewritten in Latin (same length)."""
    if text.isascii() or not _HAS_HOMOGLYPH.search(text):
        return text
    return _WORD.sub(_fold_word, text)


def normalise_unicode(text: str) -> str:
    """remove_invisible -> nfkc -> fold_mixed_script."""
    if text.isascii():
        return text
    return fold_mixed_script(nfkc(remove_invisible(text)))
