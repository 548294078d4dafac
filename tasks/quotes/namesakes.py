"""Relatives who share a surname: a lone surname the article linked to one of them ("Van der Linden said …" after
Jessica van der Linden and Pieter van der Linden were both named) may be the other, and only the pronoun that takes up
the sentence ("…,” she said") tells which. ``namesake`` finds the person of that pronoun's gender who bears the
surname; ``_Article._first_person`` calls it where the linked person's gender does not fit."""
from __future__ import annotations

from typing import TYPE_CHECKING

from tasks.entities.keys import fold
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


def namesake(A: _Article, m: dict, gender: str) -> dict | None:
    """The lone surname mention ``m`` as another person named in full before it with that surname, of ``gender``
    (their latest full mention decides), when exactly one such person is; None otherwise."""
    words = m["text"].split()
    if not words or len(words) > 3 or not m.get("entity_id"):
        return None
    key = fold(m["text"])
    latest: dict[str, dict] = {}
    for n in A.mentions_in(0, m["start_char"]):
        full = n["text"].split()
        if n["label"] in PERSON_LABELS and n.get("entity_id") and n["entity_id"] != m["entity_id"] \
                and len(full) > len(words) and fold(" ".join(full[-len(words):])) == key:
            latest[n["entity_id"]] = n
    fitting = [n for n in latest.values() if A.mention_gender(n) == gender]
    if len(fitting) != 1:
        return None
    n = fitting[0]
    return {**m, "entity_id": n["entity_id"], "entity_name": n.get("entity_name") or n["text"]}
