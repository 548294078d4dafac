"""Merging an article's groups of mentions before the lone words are joined (``canonical._group``): person spans glued
to a neighbour (``merge_glued``), an organisation named again by the first words of its name (``merge_org_heads``) and a
person named again by the last words of a full name (``merge_name_tails``). Split out of canonical.py unchanged."""
from __future__ import annotations

from tasks.entities.keys import fold, nickname_of
from tasks.entities.matchkey import match_key
from tasks.entities.rules import _company_words, _countries, _legal_suffixes, _places
from tasks.entities.spans import _Mention
from tasks.entities.votes import top_class


def merge_glued(groups: dict[str, list[_Mention]], order: list[str], singles: list[_Mention]) -> None:
    """Person spans glued to a neighbour are keyed as the person they contain: a trailing place
    after a surname the article uses on its own ("Zelenskyy London" -> Zelensky) or a leading
    initial ("X. Kyrylo Budanov", a letter ending the previous sentence -> Kyrylo Budanov)."""
    places = _places() | _countries()
    surnames = {k.split()[-1] for k in order if len(k.split()) >= 2} | {match_key(m.text) for m in singles}
    for k in list(order):
        toks = k.split()
        if not any(m.cls == "per" for m in groups[k]):
            continue
        if len(toks) >= 2 and toks[-1] in places and toks[-2] in surnames:
            new = " ".join(toks[:-1])
            for m in groups[k]:             # the mention ends before the glued place
                m.text = m.text[:m.text.rstrip().rfind(" ")].rstrip()
                m.end, m.folded = m.start + len(m.text), fold(m.text)
        elif len(toks) >= 3 and len(toks[0]) == 1:
            new = " ".join(toks[1:])
            for m in groups[k]:             # … and starts after the glued initial
                cut = len(m.text) - len(m.text.split(None, 1)[-1])
                m.start, m.text = m.start + cut, m.text[cut:]
                m.folded = fold(m.text)
        else:
            continue
        if len(new.split()) == 1:           # a lone surname now: joined to its full name like the others
            singles.extend(groups.pop(k))
            order.remove(k)
        elif new in groups:
            groups[new].extend(groups.pop(k))
            order.remove(k)
        else:
            groups[new] = groups.pop(k)
            order[order.index(k)] = new


def merge_org_heads(groups: dict[str, list[_Mention]], order: list[str], places: frozenset[str] | set[str]) -> None:
    """An organisation named again by the first two or more words of its name written before ("Kafue Ridge" after
    "Kafue Ridge Copper Mines", "Halvorsen Systems" after "Halvorsen Systems Group"), whatever the model's label, is
    that company, when exactly one earlier name ending in a business word or legal form (``_company_words``) starts so
    and the short form is no known place ("Hong Kong" stays the city of "Hong Kong Airlines"); like a lone surname, it
    does not vote on the class, and names the entity (``_resolve``)."""
    companies = _company_words() | _legal_suffixes()
    orgs = [k for k in order if len(k.split()) >= 3 and k.split()[-1].rstrip(".") in companies]
    for k in list(order):
        toks = k.split()
        if len(toks) < 2 or k in places or k not in groups:
            continue
        start = min(m.start for m in groups[k])
        longer = [p for p in orgs if p in groups and len(p.split()) > len(toks) and p.split()[:len(toks)] == toks
                  and min(m.start for m in groups[p]) < start]
        if len(longer) == 1:
            for m in groups[k]:
                m.by_surname = m.short_form = True
            groups[longer[0]].extend(groups.pop(k))
            order.remove(k)


def merge_name_tails(groups: dict[str, list[_Mention]], order: list[str]) -> None:
    """A person named again by the last two or more words of a full name written before ("Abdel Wahab-Tawfik" after
    "Mariam Abdel Wahab-Tawfik", "Peña Castillo" after "Rafael Peña Castillo", whatever the model's label but a
    place's) is that person, when exactly one earlier person's name ends so (a lone word is a surname: ``_group``
    joins those); like a lone surname, such a mention does not vote on the person's class."""
    def first(k: str) -> int:
        return min(m.start for m in groups[k])

    persons = [k for k in order if len(k.split()) >= 3 and top_class(groups[k]) == "per"]
    for k in list(order):
        toks = k.split()
        if len(toks) < 2 or all(m.cls == "loc" for m in groups[k]):
            continue
        longer = [p for p in persons if p != k and p in groups and p.split()[-len(toks):] == toks and first(p) < first(k)]
        if len(longer) == 1:
            for m in groups[k]:
                m.by_surname = True     # (they do not vote: the model often calls "Peña Castillo" alone an ORG)
            groups[longer[0]].extend(groups.pop(k))
            order.remove(k)


def merge_nicknamed(groups: dict[str, list[_Mention]], order: list[str]) -> None:
    """A person written once with a quoted nickname ("Rodelio “Dodong” Pascua") named again by that nickname and the
    surname ("Dodong Pascua said", whatever the model's label) is that person; like a lone surname, such a mention does
    not vote on the person's class."""
    for k in list(order):
        if k not in groups:
            continue
        nicks = {n for m in groups[k] if m.cls == "per" and (n := nickname_of(m.text))}
        for nick in nicks:
            alt = f"{match_key(nick)} {k.split()[-1]}"
            if alt != k and alt in groups and min(m.start for m in groups[alt]) > min(m.start for m in groups[k]):
                for m in groups[alt]:
                    m.by_surname = True
                groups[k].extend(groups.pop(alt))
                order.remove(alt)
