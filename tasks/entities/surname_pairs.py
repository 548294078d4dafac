"""Two-word surnames the model cut: "Councilmember Yara El-Khoury Sandoval and …" read as the person "Yara
El-Khoury" and, later, "El-Khoury Sandoval pushed back" as an organisation. When the name word right after a person's
name, with the person's last word, is written again elsewhere in the article as a name of its own ("El-Khoury
Sandoval"), that word belongs to the surname: the person's mention takes it, and every such two-word mention is the
person's (a PERSON mention in place of the model's reading). Both halves must be seen, so a word that merely follows a
name ("… Smith Tuesday") is never taken. Written by hand: no library joins a surname across two spellings of an
article; ``patterns.pattern_mentions`` calls ``joined_surnames``. Overlap checks read per-character counts
(``_CoverIndex``) and each pair's occurrences are found once, so the cost grows with the page, not with the square of
its mentions (a 352 KB page of names took six minutes when every mention scanned the page and every other mention).
"""
from __future__ import annotations

import re
from array import array

from spacy.lang.en.stop_words import STOP_WORDS

from tasks.entities.keys import fold
from tasks.entities.rules import _org_words, _places
from tasks.entities.spans import _Mention

#: one capitalised name word right after a name, on its line ("Yara El-Khoury| Sandoval| and …")
_NEXT_NAME_WORD = re.compile(r"[^\S\n]([A-Z][\w’'-]*[a-z])(?![\w’'-])")


def joined_surnames(mentions: list[_Mention], body: str) -> list[_Mention]:
    """The mentions with each person's cut second surname joined back (module doc)."""
    index = _CoverIndex(mentions, len(body))
    occurrences: dict[str, list[tuple[int, int]]] = {}
    for m in [x for x in mentions if x.cls == "per" and len(x.text.split()) >= 2]:
        nxt = _NEXT_NAME_WORD.match(body, m.end)
        if nxt is None or not _may_be_surname(nxt.group(1)) or index.covers_any(m.end, nxt.end()):
            continue
        pair = f"{m.text.split()[-1]} {nxt.group(1)}"
        if pair not in occurrences:
            occurrences[pair] = _occurrences(pair, body)
        elsewhere = [(s, e) for s, e in occurrences[pair] if s > nxt.end() or e < m.start]
        if elsewhere:
            _join(index, m, nxt.end(), body, elsewhere)
    return index.mentions()


def _occurrences(pair: str, body: str) -> list[tuple[int, int]]:
    """Where ``pair`` is written as words of its own."""
    return [p.span() for p in re.finditer(r"(?<![\w’'-])" + re.escape(pair) + r"(?![\w’'-])", body)]


def _may_be_surname(word: str) -> bool:
    """A capitalised word that may end a surname: no function word, organisation word or place."""
    return word.lower() not in STOP_WORDS and fold(word) not in _org_words()[0] and fold(word) not in _places()


def _join(index: _CoverIndex, m: _Mention, end: int, body: str, elsewhere: list[tuple[int, int]]) -> None:
    """``m`` runs to ``end`` and each two-word occurrence is a person mention in place of what covers it."""
    whole = _Mention(m.start, end, body[m.start:end], m.ner_label, m.cls, m.headline, m.titled, fold(body[m.start:end]))
    index.replace(m, whole)
    for s, e in elsewhere:
        if index.crosses(s) or index.crosses(e):
            continue        # a longer name holds it ("Yara El-Khoury Sandoval" written in full again)
        index.remove_within(s, e)
        index.add(_Mention(s, e, body[s:e], "PERSON", "per", False, folded=fold(body[s:e])))


class _CoverIndex:
    """The mentions in their order, with per-character counts so that overlap checks cost the length of a name
    rather than the number of mentions (a 350 KB page of names has tens of thousands)."""

    def __init__(self, mentions: list[_Mention], size: int) -> None:
        self._by_key: dict[int, _Mention] = {}
        self._cover = array("i", bytes(4 * (size + 1)))      # mentions covering character c
        self._cross = array("i", bytes(4 * (size + 1)))      # mentions with start < b < end: covering both b - 1 and b
        self._starts: dict[int, list[int]] = {}
        for x in mentions:
            self.add(x)

    def mentions(self) -> list[_Mention]:
        return list(self._by_key.values())

    def covers_any(self, start: int, end: int) -> bool:
        """Whether a mention covers a character of ``[start, end)``."""
        return any(self._cover[start:end])

    def crosses(self, b: int) -> bool:
        """Whether a mention runs across boundary ``b`` (starts before it and ends after it)."""
        return self._cross[b] > 0

    def add(self, x: _Mention) -> None:
        key = id(x)
        self._by_key[key] = x
        self._starts.setdefault(x.start, []).append(key)
        self._count(x, 1)

    def replace(self, old: _Mention, new: _Mention) -> None:
        """``new`` where ``old`` was, in the same place of the order (nothing when ``old`` was dropped before)."""
        key = id(old)
        if self._by_key.get(key) is not old:
            return
        self._starts[old.start].remove(key)
        self._count(old, -1)
        self._by_key[key] = new
        self._starts.setdefault(new.start, []).append(key)
        self._count(new, 1)

    def remove_within(self, start: int, end: int) -> None:
        """Drops every mention lying inside ``[start, end)``."""
        for s in range(start, end):
            for key in list(self._starts.get(s, ())):
                if self._by_key[key].end <= end:
                    self._drop(key)

    def _drop(self, key: int) -> None:
        x = self._by_key.pop(key)
        self._starts[x.start].remove(key)
        self._count(x, -1)

    def _count(self, x: _Mention, step: int) -> None:
        for c in range(x.start, x.end):
            self._cover[c] += step
        for b in range(x.start + 1, x.end):
            self._cross[b] += step
