"""The match key of a name: its folded form with the transliteration rules of ``rules/translit.csv`` applied per
token (Zelenskyy = Zelenskiy = Zelensky), used for identity inside an article and across outlets. Split out of
canonical.py unchanged (``canonical`` re-exports it)."""
from __future__ import annotations

from tasks.entities.keys import fold
from tasks.entities.rules import _translit


def match_key(name: str) -> str:
    """Folded name with the transliteration rules applied per token (used for identity across outlets)."""
    toks = []
    for tok in fold(name).split():
        for pat, rep in _translit():
            tok = pat.sub(rep, tok)
        toks.append(tok)
    return " ".join(toks)
