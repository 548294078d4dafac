"""Relatives as speakers: the person a possessed relative ("His wife said", "her husband") stands for, when the
article named them: in apposition to the same relative before ("… and his wife, Leonie X, stayed …"), or, for a
spouse, as the one named before "and his wife". ``roles.role_speaker`` and ``anonymous`` call
``relative_named_before``; split out of roles.py unchanged."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.quotes import epithets
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


#: a possessed relative as a whole phrase ("His wife", "Her son")
_POSSESSED_RELATIVE = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir)[^\S\n]+([a-z]+)")


def relative_named_before(A: _Article, np: str, pos: int) -> dict | None:
    """The person an earlier sentence named in apposition to the same possessed relative ("… and |his wife|, Leonie
    X, stayed …" before "His wife said"), or for a spouse the one named before "and his wife" (``_spouse_before``):
    the latest such, outside quotes, within ``_RELATIVE_REACH`` characters."""
    mt = _POSSESSED_RELATIVE.fullmatch(np)
    if mt is None or not epithets.names_person(A.r, mt.group(1)):
        return None
    pattern = re.compile(r"(?<![\w’'-])" + re.escape(np.lower()) + r",[^\S\n]+", re.I)
    found = None
    for mo in pattern.finditer(A.body, max(0, pos - _RELATIVE_REACH), pos):
        m = next((m for m in A.mentions_in(mo.end(), mo.end() + 60) if m["start_char"] == mo.end()), None)
        if m is not None and m["label"] in PERSON_LABELS and not A.in_quote(mo.start()):
            found = m
    other = A.r.spouse_words.get(mt.group(1))
    return found or (_spouse_before(A, other, pos) if other else None)


def _spouse_before(A: _Article, other: str, pos: int) -> dict | None:
    """The person named right before "and his wife" ("|Marvin X|, 67, and his wife, Delia,"), for "her husband" (the
    spouse word ``other`` of the relative): the latest within ``_RELATIVE_REACH`` characters, outside quotes."""
    found = None
    lo = max(0, pos - _RELATIVE_REACH)
    for mo in re.finditer(r"(?:,[^,\n]{1,20},)?[^\S\n]+and[^\S\n]+(?:his|her|their)[^\S\n]+" + re.escape(other) + r"\b"
                          r"|[’']s[^\S\n]+" + re.escape(other) + r"\b", A.body[lo:pos]):
        at = lo + mo.start()    # (also the possessor of "Marguerite X, |Dale|'s wife, said": her husband is Dale)
        m = next((m for m in A.mentions_in(max(0, at - 60), at) if m["end_char"] == at), None)
        if m is not None and m["label"] in PERSON_LABELS and not A.in_quote(at):
            found = m
    return found


#: how far back a possessed relative's name is looked for
_RELATIVE_REACH = 1500
