"""Canonical identity: folded match keys with transliteration, entity ids, and the grouping of an
article's mentions into entities with a class vote (steps 5 and 6 of the ``tasks.entities`` docstring)."""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from rapidfuzz import fuzz, process

from tasks.entities.keys import fold
from tasks.entities.rules import (
    CLASS_LABEL,
    LABEL_CLASS,
    _aliases,
    _given_names,
    _translit,
)
from tasks.entities.spans import _Mention, _sum_votes


def match_key(name: str) -> str:
    """Folded name with the transliteration rules applied per token (used for identity across outlets)."""
    toks = []
    for tok in fold(name).split():
        for pat, rep in _translit():
            tok = pat.sub(rep, tok)
        toks.append(tok)
    return " ".join(toks)





def _group(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Group an article's mentions into entities (see module docstring, step 5)."""
    aliases = _aliases()
    groups: dict[str, list[_Mention]] = {}
    order: list[str] = []

    def base_key(m: _Mention) -> str:
        a = aliases.get(m.folded)
        return fold(a[0]) if a else match_key(m.text)

    singles: list[_Mention] = []
    for m in mentions:
        k = base_key(m)
        if m.dateline:
            k = "\x00" + k  # a dateline place is never the team or firm of the same name
        if len(k.split()) == 1 and m.cls in ("per", "org", "misc") and m.folded not in aliases:
            singles.append(m)
            continue
        if k not in groups:
            groups[k] = []
            order.append(k)
        groups[k].append(m)
    # multi-word person-like names, by last word
    by_last: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for k in order:
        toks = k.split()
        g = groups[k]
        votes = _sum_votes(g)
        if len(toks) >= 2 and max(votes.items(), key=lambda cv: cv[1])[0] == "per":   # = Counter.most_common(1)
            first = min(m.start for m in g)
            by_last[toks[-1]].append((first, k))
    for m in singles:
        k = match_key(m.text)
        cands = by_last.get(k)
        if cands:
            before = [c for c in cands if c[0] <= m.start]
            target = max(before)[1] if before else min(cands)[1]
            groups[target].append(m)
            continue
        if k not in groups:
            groups[k] = []
            order.append(k)
        groups[k].append(m)
    return [groups[k] for k in order]


def _resolve(group: list[_Mention]) -> tuple[str, str, str]:
    """(class, display name, entity_key) of one article entity."""
    votes = _sum_votes(group)
    cls = max(sorted(votes), key=lambda c: votes[c])
    aliases = _aliases()
    name = None
    for m in group:
        a = aliases.get(m.folded)
        if a:
            name = a[0]
            break
    if name is None:
        forms = Counter(m.text for m in group)
        name = max(forms, key=lambda f: (len(f.split()), forms[f], -len(f)))
    key = match_key(name)
    if cls == "per":
        key = _canonical_given_name(key)
    return cls, name, f"{cls}:{key}"


@lru_cache(maxsize=1)
def _given_keys() -> tuple[str, ...]:
    return tuple(sorted({match_key(n) for n in _given_names() if len(n) >= 4}))


@lru_cache(maxsize=8192)
def _canonical_given_name(key: str) -> str:
    """A person key whose first name misspells a known given name gets that name's spelling
    ("volodomyr zelensky" -> "volodymyr zelensky", "kiril dmitriev" -> "kirill dmitriev"), so one
    person is one entity across outlets. Only a near spelling counts (rapidfuzz ratio >= 85, same
    first letter, length within 2); the surname must already agree, so two people who share a
    surname (Bill / Hillary Clinton) stay apart."""
    toks = key.split()
    if len(toks) < 2 or len(toks[0]) < 4:
        return key
    names = _given_keys()
    if toks[0] in names:
        return key
    hit = process.extractOne(toks[0], names, scorer=fuzz.ratio, score_cutoff=85)
    if hit is None or hit[0][0] != toks[0][0] or abs(len(hit[0]) - len(toks[0])) > 2:
        return key
    return " ".join([hit[0], *toks[1:]])


def _label_for(m: _Mention, cls: str, group: list[_Mention]) -> str:
    if LABEL_CLASS.get(m.ner_label, "misc") == cls:
        return m.ner_label
    if cls == "misc":
        c = Counter(x.ner_label for x in group if LABEL_CLASS.get(x.ner_label, "misc") == "misc")
        return c.most_common(1)[0][0] if c else "MISC"
    if cls == "loc":
        c = Counter(x.ner_label for x in group if LABEL_CLASS.get(x.ner_label) == "loc")
        return c.most_common(1)[0][0] if c else "GPE"
    return CLASS_LABEL[cls]
