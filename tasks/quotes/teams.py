"""A player's coach: the person "his coach" or "her manager" stands for in a match report ("Oyelaran-Pua finished with
11 points, and his coach called him “the reason we're standing here”": the coach of Oyelaran-Pua's team).

The player is the person named last before the phrase (of the pronoun's gender when the article tells it). The coach
is the one person the article titled with that role before; of several (a report quoting both teams' coaches), the
one whose title names the team the article wrote right before one of the player's names ("Hawaii answered with a
10-0 run, capped by a layup from freshman Keanu Oyelaran-Pua" … "Hawaii coach X"), counting only words after any
other person named in between ("Sky View goalkeeper Imogen X made six saves, including a stop on Oyelaran-Hughes" is
no sign of Sky View). No tie is broken: then nobody. Written by hand: no library links a possessive role to a
team's coach. ``roles.role_speaker`` calls ``possessed_team_role``; the roles are quote_patterns.txt [team_roles].
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.quotes.phrases import _Cand
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article

#: "his coach", "Her head coach": a possessive pronoun and the role after it
_POSSESSED_ROLE = re.compile(r"(?P<pron>[Hh]is|[Hh]er)[^\S\n]+(?P<role>[a-z]+(?:[^\S\n]+[a-z]+)?)")
_PRONOUN_GENDER = {"his": "m", "her": "f"}
#: how far back the player may be named (the sentence before, about)
_PLAYER_REACH = 400


def possessed_team_role(A: _Article, c: _Cand) -> dict | None:
    """The coach (manager, boss) of the player a possessive pronoun stands for ("his coach" -> the coach of the player
    named just before); None when the phrase names no team role, no player is at hand or the team is not told."""
    m = _POSSESSED_ROLE.fullmatch(A.body, c.start, c.end)
    if m is None or m.group("role") not in A.r.team_roles:
        return None
    targets = A.r.roles.get(m.group("role"), {m.group("role")})
    holders = _holders(A, targets, c.start)
    if not holders:
        return None
    player = _player(A, c.start, _PRONOUN_GENDER[m.group("pron").lower()], holders)
    if player is None:
        return None
    if len(holders) == 1:
        return next(iter(holders.values()))[0]
    return _coach_of_team(A, player, holders, c.start)


def _holders(A: _Article, targets: set, pos: int) -> dict[str, tuple[dict, set]]:
    """The people titled with one of the role words before ``pos``: key -> (mention, the other words of the title:
    the team's)."""
    from tasks.quotes.roles import _names_role      # (roles reads this module: imported here, not at the top)
    out: dict[str, tuple[dict, set]] = {}
    for tpos, words, m, joined in A.titles:
        if tpos >= pos:
            break
        if _names_role(joined, targets):
            key = m.get("entity_id") or m["text"]
            own = set(m["text"].lower().split())      # (the title's words hold the person's first names too)
            team = {w for w in words if w not in targets and w not in _NOT_TEAM and w not in own and not w.endswith(".")}
            out[key] = (out[key][0], out[key][1] | team) if key in out else (m, team)
    return out


#: title words that name no team ("head coach", "assistant coach", "interim manager")
_NOT_TEAM = frozenset({"head", "assistant", "interim", "caretaker", "former", "the", "a", "an", "new", "longtime",
                       "veteran", "first-year", "second-year", "coach", "manager", "boss"})


def _player(A: _Article, pos: int, gender: str, holders: dict) -> dict | None:
    """The person named last before ``pos`` (within ``_PLAYER_REACH``) who is none of the role's holders and is not of
    the other gender."""
    for m in reversed(A.mentions_in(max(0, pos - _PLAYER_REACH), pos)):
        if m["label"] not in PERSON_LABELS or A.in_quote(m["start_char"]):
            continue
        key = m.get("entity_id") or m["text"]
        if key in holders:
            return None       # "… said coach X. His coach …": no player between
        known = A.gender.get(m.get("entity_id")) or A.name_gender.get(m.get("entity_id"))
        if known not in (None, gender):
            continue
        return m
    return None


def _coach_of_team(A: _Article, player: dict, holders: dict, pos: int) -> dict | None:
    """Of several holders, the one whose team words stand before one of the player's names in its sentence (after any
    other person named there); None when none or several do."""
    key = player.get("entity_id") or player["text"]
    score = dict.fromkeys(holders, 0)
    for m in A.mentions_in(0, pos):
        if (m.get("entity_id") or m["text"]) != key or A.in_quote(m["start_char"]):
            continue
        start = A.sents[A.sent_index(m["start_char"])]["start_char"]
        for other in A.mentions_in(start, m["start_char"]):
            if other["label"] in PERSON_LABELS:
                start = max(start, other["end_char"])
        words = set(re.findall(r"[\w’'-]+", A.body[start:m["start_char"]].lower()))
        for h, (_m, team) in holders.items():
            if team & words and len(team & words) * 2 >= len(team):     # ("Sky View": both words, or one of three)
                score[h] += 1
    best = max(score.values())
    winners = [h for h, s in score.items() if s == best]
    return holders[winners[0]][0] if best > 0 and len(winners) == 1 else None
