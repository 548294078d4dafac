"""Two-word surnames the model cut: "Councilmember Yara El-Khoury Sandoval and …" read as the person "Yara
El-Khoury" and, later, "El-Khoury Sandoval pushed back" as an organisation. When the name word right after a person's
name, with the person's last word, is written again elsewhere in the article as a name of its own ("El-Khoury
Sandoval"), that word belongs to the surname: the person's mention takes it, and every such two-word mention is the
person's (a PERSON mention in place of the model's reading). Both halves must be seen, so a word that merely follows a
name ("… Smith Tuesday") is never taken. Written by hand: no library joins a surname across two spellings of an
article; ``patterns.pattern_mentions`` calls ``joined_surnames``.
"""
from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from tasks.entities.keys import fold
from tasks.entities.rules import _org_words, _places
from tasks.entities.spans import _Mention

#: one capitalised name word right after a name, on its line ("Yara El-Khoury| Sandoval| and …")
_NEXT_NAME_WORD = re.compile(r"[^\S\n]([A-Z][\w’'-]*[a-z])(?![\w’'-])")


def joined_surnames(mentions: list[_Mention], body: str) -> list[_Mention]:
    """The mentions with each person's cut second surname joined back (module doc)."""
    out = list(mentions)
    for m in [x for x in mentions if x.cls == "per" and len(x.text.split()) >= 2]:
        nxt = _NEXT_NAME_WORD.match(body, m.end)
        if nxt is None or not _may_be_surname(nxt.group(1)):
            continue
        pair = f"{m.text.split()[-1]} {nxt.group(1)}"
        elsewhere = [p for p in re.finditer(r"(?<![\w’'-])" + re.escape(pair) + r"(?![\w’'-])", body)
                     if p.start() > nxt.end() or p.end() < m.start]
        if not elsewhere or any(x.start < nxt.end() and x.end > m.end for x in out if x is not m):
            continue
        out = _joined(out, m, nxt.end(), body, elsewhere)
    return out


def _may_be_surname(word: str) -> bool:
    """A capitalised word that may end a surname: no function word, organisation word or place."""
    return word.lower() not in STOP_WORDS and fold(word) not in _org_words()[0] and fold(word) not in _places()


def _joined(out: list[_Mention], m: _Mention, end: int, body: str, elsewhere: list[re.Match]) -> list[_Mention]:
    """``out`` with ``m`` running to ``end`` and each two-word occurrence a person mention in place of what covers it."""
    whole = _Mention(m.start, end, body[m.start:end], m.ner_label, m.cls, m.headline, m.titled, fold(body[m.start:end]))
    out = [whole if x is m else x for x in out]
    for p in elsewhere:
        s, e = p.span()
        if any(x.start < e and x.end > s and not (s <= x.start and x.end <= e) for x in out):
            continue        # a longer name holds it ("Yara El-Khoury Sandoval" written in full again)
        out = [x for x in out if not (s <= x.start and x.end <= e)]
        out.append(_Mention(s, e, p.group(), "PERSON", "per", False, folded=fold(p.group())))
    return out
