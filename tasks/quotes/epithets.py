"""Epithets: noun phrases that describe a person just named instead of naming them — a nationality ("the Mexican",
"the Venezuelan right-hander"), an age and a noun ("the 38-year-old welder"), capitalised modifiers and a singular head
("the Edinburgh wing"), or a noun that names a person ("the welder", "the five-eighth"). ``roles.role_speaker`` reads
them; split out of roles.py unchanged."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from tasks.entities.rules import _person_nouns
from tasks.quotes.phrases import FAMILY_COUNT, _Cand
from tasks.quotes.rules import Rules

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article

#: "the Mexican", "the Dutchman": a capitalised nationality word after "the" (quote_patterns.txt [nationality_nouns]),
#: after a place of birth or base ("the Japanese-born Englishman"); "the South African quick", "the Portuguese
#: tactician", "the Venezuelan right-hander": a nationality and a singular noun (group 2), one lower-case word may come
#: between
NATIONALITY_NOUN = re.compile(r"[Tt]he\s+((?:[A-Z][a-z]+-(?:born|based|raised)\s+)?[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?:\s+[A-Z][a-z]+)?)"
                               r"(?:\s+(?:[a-z]+\s+)?([a-z]+(?:-[a-z]+)*))?")


def person_by_nationality(A: _Article, nationality: str, noun: str | None) -> bool:
    """Is "the <nationality> [<noun>]" a person ("the Mexican", "the Dutchman", "the Portuguese tactician"), not a
    body ("the Italian government", "the Russian side": an organisation word or role) nor a group (a plural)? A
    compound of nationalities counts ("the Japanese-French driver")."""
    nationality = re.sub(r"^\S+-(?:born|based|raised)\s+", "", nationality)    # "the Japanese-born Englishman"
    if noun is None:
        return A.r.nationality(nationality)
    return all(part in A.r.adjectives for part in nationality.split("-")) and noun not in A.r.org_roles and not noun.endswith("s") \
        and noun not in A.r.collective_nouns


#: "the 38-year-old welder", "the 20-year-old Brazilian", "the 51-year-old MP": an age and a noun or two (or a
#: nationality, or a title's abbreviation), and where they come from
AGE_EPITHET = re.compile(r"[Tt]he\s+(\d{1,3})-year-old(?:\s+(?:[a-z]+(?:-[a-z]+)*|[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]{2,4})){1,3}"
                         r"(?:\s+of\s+" + FAMILY_COUNT + r")?"     # "the 46-year-old mother of seven"
                         r"(?:\s+(?:from|of)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?")    # "… off-spinner from Kurunegala"
#: "the Edinburgh wing", "the Auckland-born prop", "the former Ateneo star", "the Sinn Féin TD", "the Wilton Democrat",
#: "the Crokes full-forward":
#: capitalised modifiers (after a lower-case one or two) and one singular head, lower-case, a short abbreviation or a
#: party or nation's member
_EPITHET = re.compile(r"[Tt]he[^\S\n]+(?:[a-z][\w-]*[^\S\n]+){0,2}(?:[A-Z][\w’'-]*[^\S\n]+){1,3}([a-z]+(?:-[a-z]+)?|[A-Z]{2,4}|[A-Z][a-z]+)")


def person_epithet(A: _Article, c: _Cand) -> bool:
    """A noun phrase that describes a person just named ("“…,” the Edinburgh wing said"): a capitalised modifier, a
    singular head that is no organisation, group or document word, right after a quotation or opening a sentence; or
    lower-case modifiers before a noun that names a person ("the welder", "the second-year forward", "the pro
    dancer": ``names_person``)."""
    if _RANK_EPITHET.fullmatch(A.body, c.start, c.end):
        before = A.body[A.sents[A.sent_index(c.start)]["start_char"]:c.start]
        return bool(AFTER_QUOTE_OR_OPENING.search(before))      # "“…,” the world No. 6 said"
    ep = _EPITHET.fullmatch(A.body, c.start, c.end) or _LOWER_EPITHET.fullmatch(A.body, c.start, c.end)
    if ep is None or (ep.re is _LOWER_EPITHET and not names_person(A.r, ep.group(1))):
        return False
    head = ep.group(1)
    if head[0].isupper() and head[1:].islower() and not A.r.nationality(head):
        return False    # a capitalised head is a party or nation's member ("the Wilton Democrat"), not a name's end
    if (head.endswith("s") and not head.endswith("ss")) or head in A.r.org_roles or head in A.r.collective_nouns \
            or head in A.r.document_roles:
        return False
    before = A.body[A.sents[A.sent_index(c.start)]["start_char"]:c.start]
    return bool(AFTER_QUOTE_OR_OPENING.search(before) or _AFTER_FRONTED.fullmatch(before)
                or _verb_after_quote(A.r.quote_verb_alt).search(before))     # "‘…,’ said the pulmonologist"


@lru_cache(maxsize=2)
def _verb_after_quote(verb_alt: str) -> re.Pattern:
    """A speech verb right after a closing quotation mark, at the end of the text before an epithet."""
    return re.compile(r"[”\"’'],?\s*(?:" + verb_alt + r")\s+$")


#: a player's ranking or seeding ("the world No. 6", "the No. 2 seed", "the women's world No. 14")
_RANK_EPITHET = re.compile(r"[Tt]he[^\S\n]+(?:(?:men’s|men's|women’s|women's)[^\S\n]+)?(?:world[^\S\n]+)?No\.?[^\S\n]*\d{1,4}"
                           r"(?:[^\S\n]+(?:seed|player|ranked\s+player))?")
#: a role after a fronted participle clause opening its sentence ("Asked why the problem had dragged on, |the landlord
#: said …"; not after "In a statement, the freight forwarder said it …": a phrase may front any subject)
_AFTER_FRONTED = re.compile(r"\s*[A-Z][a-z]+(?:ed|ing)\b[^“”\"‘’\n]{0,160},\s+")
#: "the welder", "the second-year forward", "the pro dancer": up to two lower-case modifiers and a lower-case head
#: (no possessive modifier: "the schoolboy's mother" is someone else)
#: (and the number of their children: "the father of three", "the mother of two")
_LOWER_EPITHET = re.compile(r"[Tt]he[^\S\n]+(?:[a-z0-9][\w-]*[^\S\n]+){0,2}?([a-z0-9][a-z0-9-]*[a-z])"
                            r"(?:[^\S\n]+of[^\S\n]+" + FAMILY_COUNT + ")?")
#: an agent noun: someone who does something ("welder", "receiver", "investor", "pianist", "guardian", "attendant",
#: "fireman", "volunteer"); organisation words ending so ("retailer", "regulator") are excluded by the caller
_AGENT_NOUN = re.compile(r"[a-z]{2,}(?:er|or|ist|ian|ant|man|woman|eer)")


def names_person(r: Rules, head: str) -> bool:
    """Does a lower-case noun name a person: an agent noun ("welder", "investor") or a noun of the person-noun and
    title lists (rules/person_nouns.txt, titles.txt: "forward", "widow", "captain")?"""
    if head in _person_nouns():     # (also "the five-eighth")
        return head not in r.thing_nouns
    if "-" in head:         # "the left-hander", "the mother-of-two", "the 7-footer"
        return head not in r.thing_nouns and any(names_person(r, part) for part in head.split("-") if part.isalpha())
    return head not in r.thing_nouns and bool(_AGENT_NOUN.fullmatch(head))


#: a role right after a closing quotation mark ("“…,” |the official said") or opening its sentence
AFTER_QUOTE_OR_OPENING = re.compile(r"(?:^|[”\"’'],?)\s*$")
