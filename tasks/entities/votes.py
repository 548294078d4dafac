"""The class vote of a mention: the model's label weighed with the name-shape and layout evidence ``spans`` and
``evidence`` set on it (a given name, a double-barrelled surname, an organisation word at the end, a place cue, a title,
"who" or a pronoun after it …; weights ``W_*`` in ``rules``). ``_sum_votes`` adds the votes of the mentions of one
entity (``canonical``, ``patterns``). Split from ``spans.py`` unchanged."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from tasks.entities.evidence import _INITIAL_NAME
from tasks.entities.keys import fold
from tasks.entities.rules import (
    W_AGE, W_ALIAS, W_APPOSED, W_BARREL, W_COUNTRY_PAREN, W_DATELINE, W_DEMONYM, W_EVENT_PREFIX, W_GIVEN, W_INITIAL,
    W_ORG_CUE, W_ORG_SUFFIX, W_PLACE, W_PLACE_CUE, W_PLAYER, W_PRONOUN, W_SCORE, W_TITLE, W_WEAPON_CUE, W_WHICH, W_WHO,
    _aliases, _countries, _demonyms, _event_prefixes, _gendered_given_names, _local_units, _org_words, _person_particles, _place_cues,
    _places, _settlement_endings, _vote_given_names,
)
from tasks.entities.name_edges import BARRELLED_SURNAME, _deaccent, _name_word_ok
from tasks.entities.spans import _Mention


_BARRELLED_NAME = re.compile(rf"(?:[A-Z][\w’']+\s+){{1,2}}(?!Saint-|Sainte-|St-){BARRELLED_SURNAME}")


def _abbreviated_place(initials: str) -> bool:
    """"U.S.", "U.K.", "U.N.", "E.U.": initials that abbreviate a country or a union of them (rules/aliases.csv)."""
    key = fold(initials.replace(" ", ""))
    return key in _places() or key in _countries() or key in _aliases()


def _org_head_of(words: list[str], suffixes: frozenset[str]) -> bool:
    """An organisation word followed by "of" inside the name ("School of International Studies", "Ministry of
    Defence")."""
    return any(fold(w) in suffixes and words[i + 1] == "of" for i, w in enumerate(words[:-2]))


def _class_votes(m: _Mention) -> dict[str, float]:
    v: defaultdict[str, float] = defaultdict(float)
    v[m.cls] += m.weight
    if m.titled:
        v["per"] += W_TITLE
    if m.country_paren:
        v["per"] += W_COUNTRY_PAREN
    if m.score_after:
        v["org"] += W_SCORE
    if m.player:
        v["per"] += W_PLAYER
    words = m.text.split()
    given = words[0].split("-")[0] if len(words) >= 2 else ""     # "Marc-Olivier Thibaudeau": "Marc"
    if given and (given in _vote_given_names() or _deaccent(given) in _vote_given_names()) and " of " not in m.text \
            and fold(words[1]) not in _local_units() and fold(words[-1]) not in _org_words()[0]:
        v["per"] += W_GIVEN          # ("Théo", "Iñigo": the list's "Theo", "Inigo"; not "Victoria of Wight", a ship,
        #                              nor "Montgomery County School District", "Nelson Police Department")
    if _BARRELLED_NAME.fullmatch(m.text) and all(_name_word_ok(w) or (i == 0 and w.lower() in _gendered_given_names())
                                                 for i, w in enumerate(re.split(r"[\s-]+", m.text))):
        v["per"] += W_BARREL         # (not "Paris Saint-Germain": a saint's name opens no surname; a given name that is
        #                              also a place may open one: "Santiago Bermúdez-Khoury")
    if len(words) >= 3 and any(w in _person_particles() for w in words[1:-1]):
        v["per"] += W_GIVEN          # "Gethin ap Iorwerth": a particle only people's names hold
    if m.who_after:
        v["per"] += W_WHO
    if m.which_after:
        v["org"] += W_WHICH
    if m.pronoun_after:
        v["per"] += W_PRONOUN
    if m.apposed:
        v["per"] += W_APPOSED
    mi = _INITIAL_NAME.match(m.text)
    if mi and (len(mi.group("initials").split(".")) == 2 or not _abbreviated_place(mi.group("initials"))):
        v["per"] += W_INITIAL        # not "U.S. Open", "U.K. Treasury": a place's initials
    suffixes = _org_words()[0]
    if len(words) >= 2 and (fold(words[-1]) in suffixes or _org_head_of(words, suffixes) or "&" in words) \
            and m.folded not in _places():
        v["org"] += W_ORG_SUFFIX     # "… Bank", "S. Rajaratnam School of International Studies", "A.G. Edwards & Sons"
    if m.age_after:
        v["per"] += W_AGE
    if m.dateline:
        v["loc"] += W_DATELINE
    if m.org_cue:
        v["org"] += W_ORG_CUE
    if m.place_cue or (len(words) >= 2 and fold(words[-1]) in _place_cues()[1]) \
            or fold(words[-1]).endswith(_settlement_endings()):
        v["loc"] += W_PLACE_CUE
    if m.weapon_cue:
        v["misc"] += W_WEAPON_CUE
    if len(words) >= 2 and (fold(words[0]) in _event_prefixes() or fold(" ".join(words[:2])) in _event_prefixes()):
        v["misc"] += W_EVENT_PREFIX      # "Storm Amy", "Operation Spiderweb"
    alias = _aliases().get(m.folded)
    if alias:
        v[alias[1]] += W_ALIAS
    if m.folded in _demonyms():
        v["norp"] += W_DEMONYM
    elif m.folded in _places():
        v["loc"] += W_PLACE
    return v


def _sum_votes(mentions: Iterable[_Mention]) -> dict[str, float]:
    """The class votes of several mentions added up (classes in first-seen order)."""
    total: dict[str, float] = {}
    for m in mentions:
        for cls, w in _class_votes(m).items():
            total[cls] = total.get(cls, 0) + w
    return total


def top_class(group: list[_Mention]) -> str:
    """The class a group's mentions vote for most."""
    votes = _sum_votes(group)
    return max(sorted(votes), key=lambda c: votes[c])
