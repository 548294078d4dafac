"""Unnamed spokespeople: the organisation "a spokesperson for X", "an MPI spokesperson", "a company spokeswoman" or
"the spokesman" speaks for (named inside the phrase, right after it, by an organisation word, or the one that just
spoke). ``roles.role_speaker`` and ``pronouns.anonymous_subject`` call these; split out of roles.py unchanged."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.quotes import organisations
from tasks.quotes.phrases import ACRONYM_IN_BRACKETS, NAME_RUN, _Cand, unlinked_mention
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article

#: labels of what a spokesperson may speak for
_ORG_LABELS = frozenset({"ORG", "GPE", "NORP"})


#: a role that speaks for an organisation, which stands for it when the person is not named (a "press service" too:
#: "the ministry's press service said")
SPOKES = re.compile(r"(?<![\w-])(?:spokes(?:man|woman|person|people|men|women|persons)|press\s+(?:officer|secretary|service|office))(?![\w-])", re.I)
_FOR_ORG = re.compile(r"[^\S\n]+(?:for|at|of)[^\S\n]+(?:the[^\S\n]+)?")




#: between an organisation's name and its spokesperson: spaces, maybe its acronym in brackets ("A Drainage and
#: Irrigation Department (JPS) spokesman")
_ORG_GAP = re.compile(r"[^\S\n]*(?:" + ACRONYM_IN_BRACKETS + r"[^\S\n]*)?")


#: "a spokesperson| for the organization’s Iowa region": an organisation role word owning a part of it
_OWNER_ROLE_AFTER_SPOKES = re.compile(r"[^\S\n]+(?:for|at|of)[^\S\n]+the[^\S\n]+([a-z]+)[’']s[^\S\n]")


def spokesperson_org(A: _Article, c: _Cand) -> dict | None:
    """The organisation an unnamed spokesperson speaks for: named inside the phrase ("a Department for Transport
    spokesperson", "an MPI spokesperson") or right after it ("A spokesperson for Sierra Pacific Freight Lines"); for
    "the spokesperson", the one of the last spokesperson the article introduced."""
    spokes = SPOKES.search(A.body, c.start, c.end)
    if spokes is None:
        return None
    owner = _OWNER_ROLE_AFTER_SPOKES.match(A.body, spokes.end(), c.end)
    if owner is not None and owner.group(1) in A.r.org_roles:
        # "A spokesperson for the organization's Iowa region": the organisation, not the place of its region
        return _org_for_role_word(A, owner.start(1), owner.group(1))
    inside = [m for m in A.mentions_in(c.start, c.end) if m["label"] in _ORG_LABELS
              and not re.search(r"(?<![\w’'-])in[^\S\n]+(?:the[^\S\n]+)?$", A.body[max(c.start, m["start_char"] - 8):m["start_char"]])]
    if inside:      # (not where it is: "the Canadian Embassy in Washington"; an organisation before a place or people)
        return max(inside, key=lambda m: (m["label"] == "ORG", m["start_char"]))
    adjacent = [m for m in A.mentions_in(max(0, c.start - 120), c.start) if m["label"] in _ORG_LABELS
                and _ORG_GAP.fullmatch(A.body, m["end_char"], c.start)]
    if adjacent:    # "An American Property Casualty Insurance Association |spokesperson| said": the phrase was cut
        return adjacent[-1]
    org = _org_after(A, c.end) or _named_in_phrase(A, c) or _org_role_in_phrase(A, c) or _org_role_after(A, spokes.end()) \
        or (_named_in_phrase(A, _Cand(c.start, spokes.end(), c.kind)) if _WHERE.fullmatch(A.body, spokes.end(), c.end) else None) \
        or _person_spoken_for(A, spokes.end(), c.end)
    if org is None and _BARE_INDEFINITE_SPOKES.fullmatch(A.body, c.start, c.end) and not _FOR_ORG.match(A.body, c.end):
        # "The Department for Education said …" then "“…,” a spokeswoman said": the organisation that just spoke
        org = A.org_subject(c.start)
    if org is None:
        org = _body_in_phrase(A, c.start, spokes.start())
    if org is not None or not A.body.startswith(("the ", "The "), c.start):
        return org
    # "the spokesperson said" after "a spokesperson for the Planning Authority said …": that organisation
    for sm in reversed(list(SPOKES.finditer(A.body, max(0, c.start - 1500), c.start))):
        if A.in_quote(sm.start()) or _BACK_REFERENCE.search(A.body, max(0, sm.start() - 5), sm.start()):
            continue        # ("“…,” the spokesperson said in an email": that one names no organisation; the one before may)
        ms = [m for m in A.mentions_in(max(0, sm.start() - 60), sm.start()) if m["label"] in _ORG_LABELS
              and _ORG_GAP.fullmatch(A.body, m["end_char"], sm.start())]
        if ms:
            return ms[-1]
        # "A council spokesman said …" then "the spokesman said": the organisation "the council" stands for (also after
        # a modifier: "A county council spokesperson")
        before = re.search(r"(?:[Aa]n?|[Tt]he)[^\S\n]+(?:[a-z]+[^\S\n]+)?([a-z]+)[^\S\n]+$", A.body[max(0, sm.start() - 40):sm.start()])
        named = _NAME_BEFORE_SPOKES.search(A.body, max(0, sm.start() - 60), sm.end())   # "A WA Police spokeswoman"
        return _org_after(A, sm.end()) or _org_role_after(A, sm.end()) \
            or (_org_for_role_word(A, sm.start(), before.group(1)) if before else None) \
            or (_named_in_phrase(A, _Cand(named.start(), named.end(), "role")) if named else None)
    return None


#: a bare definite article right before a spokesperson: a reference back to one introduced before ("|the |spokesperson
#: said")
_BACK_REFERENCE = re.compile(r"(?<![\w’'-])[Tt]he[^\S\n]+$")


#: the words between a determiner and "spokesperson" naming the body it speaks for ("a |finance ministry| spokesperson",
#: "A |government| spokesman")
_BODY_WORDS = re.compile(r"(?:[Aa]n?|[Tt]he|[Oo]ne)[^\S\n]+((?:[a-z]+[^\S\n]+){0,2}?([a-z]+))[^\S\n]+")


def _body_in_phrase(A: _Article, start: int, spokes_s: int) -> dict | None:
    """The body an unnamed spokesperson speaks for, as the phrase names it when no organisation of the article is
    found for it ("a government spokesman": the government; "a police spokesperson": the police); its last word an
    organisation or collective noun (quote_patterns.txt [organisation_roles], [collective_nouns]: "police", "city")."""
    mo = _BODY_WORDS.fullmatch(A.body, start, spokes_s)
    if mo is None or not (mo.group(2) in A.r.org_roles or mo.group(2) in A.r.collective_nouns):
        return None
    return unlinked_mention(mo.start(1), mo.end(1), mo.group(1), "ORG")


#: "a spokesperson| for Mayor |Cheryl …", "| for the |minister": the person a spokesperson speaks for
_FOR_PERSON = re.compile(r"[^\S\n]+for[^\S\n]+(?P<after>)(?:(?P<the>the)[^\S\n]+(?P<w1>[a-z]+)(?:[^\S\n]+(?P<w2>[a-z]+))?(?![\w’'-])"
                         r"|(?:[A-Z][\w.]*[^\S\n]+){0,2})")


def _person_spoken_for(A: _Article, spokes_e: int, end: int) -> dict | None:
    """The person an unnamed spokesperson speaks for: named after "for" ("a spokesperson for Mayor Cheryl
    Ainsworth-Bell") or a role resolved like one ("a spokesperson for the minister": the minister the article named);
    None when the phrase goes on after them or speaks for anything else."""
    f = _FOR_PERSON.match(A.body, spokes_e)
    if f is None or f.end() > max(end, spokes_e + 60):
        return None
    if f.group("the"):      # "for the minister", "for the health minister" (not "for the minister's office")
        w2 = f.group("w2") if f.group("w2") and A.r.role_re.fullmatch(f.group("w2")) else None
        if w2 is None and not A.r.role_re.fullmatch(f.group("w1")):
            return None
        from tasks.quotes import roles      # (roles reads this module: imported here, not at the top)
        return roles.resolve_role(A, A.body[f.start("the"):f.end("w2" if w2 else "w1")], f.start("the"))
    after_for = f.start("after")
    first = next(iter(A.mentions_in(after_for, after_for + 60)), None)
    if first is None or first["label"] not in PERSON_LABELS or A.in_quote(first["start_char"]) \
            or not re.fullmatch(r"(?:[A-Z][\w.]*[^\S\n]+){0,2}", A.body[after_for:first["start_char"]]):
        return None     # (titles may come before the name: "for Mayor |Cheryl Ainsworth-Bell")
    return first


def staff_org(A: _Article, c: _Cand) -> dict | None:
    """The organisation named right before a plural noun of its people ("Goldman Sachs Group Inc. |strategists|",
    "JPMorgan |analysts|"; quote_patterns.txt [staff_nouns]), who speak for it; None otherwise."""
    words = A.body[c.start:c.end].split()
    if not words or words[-1].lower() not in A.r.staff_nouns:
        return None
    before = [m for m in A.mentions_in(max(0, c.start - 80), c.end) if m["label"] == "ORG" and m["start_char"] < c.end]
    head_s = c.end - len(words[-1])
    m = before[-1] if before else None
    if m is None or not re.fullmatch(r"[^\S\n]*", A.body[m["end_char"]:head_s]) or A.in_quote(m["start_char"]):
        return None
    return m


#: where a spokesperson is ("an IOM spokesperson| in Dakar"): the phrase before it names the organisation
_WHERE = re.compile(r"[^\S\n]+(?:(?:based|speaking)[^\S\n]+)?(?:in|at)[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w’'-]*(?:[^\S\n]+[A-Z][\w’'-]*){0,2}")
#: "a spokeswoman", "a government spokesperson": an unnamed spokesperson of no named organisation
_BARE_INDEFINITE_SPOKES = re.compile(r"[Aa]n?[^\S\n]+(?:[a-z]+[^\S\n]+)?spokes(?:man|woman|person)")


#: capitalised words between the article and the spokesperson ("An |Energex| spokeswoman", "a |Brisbane Airport
#: Corporation| spokesman", "An |SK hynix| spokesperson"): the organisation, named though the model found no entity
_NAME_BEFORE_SPOKES = re.compile(r"(?:[Aa]n?|[Tt]he)\s+([A-Z][\w&.’'-]*(?:\s+(?:[A-Z][\w&.’'-]*|[a-z]+(?=\s+spokes)|of|and|for|&)){0,4}?)"
                                 r"(?:\s+" + ACRONYM_IN_BRACKETS + r")?\s+(?:spokes(?:man|woman|person)|press\s+(?:officer|secretary))$")


def _named_in_phrase(A: _Article, c: _Cand) -> dict | None:
    """The organisation an unnamed spokesperson's phrase names by capitalised words the model did not take for an
    entity: an organisation mention of the article with the same words if there is one (its entity), else the words
    as the speaker's name (no entity). Never a nationality adjective ("a Russian spokesman")."""
    mt = _NAME_BEFORE_SPOKES.fullmatch(A.body, c.start, c.end)
    if mt is None or mt.group(1).lower() in A.r.adjectives:
        return None
    words = mt.group(1)
    for m in A.mentions_in(0, len(A.body)):
        if m["label"] in _ORG_LABELS and m["text"].lower() == words.lower():
            return m
    return unlinked_mention(mt.start(1), mt.end(1), words, "ORG")


#: "a company spokesperson", "a trust spokeswoman", "the ministry's press service": an organisation role word
#: (quote_patterns.txt [organisation_roles]) before the spokesperson
_ROLE_BEFORE_SPOKES = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+(?:[’']s)?\s+)?([a-z]+)(?:[’']s)?\s+"
                                 r"(?:spokes(?:man|woman|person)|press\s+(?:service|office))$")     # ("a sheriff's |office| spokesperson")


def _org_role_in_phrase(A: _Article, c: _Cand) -> dict | None:
    """The organisation "a company spokesperson" speaks for (``_org_for_role_word``), or "a ferries spokesperson" for:
    the last organisation named before whose name holds the word ("Washington State Ferries")."""
    mt = _ROLE_BEFORE_SPOKES.fullmatch(A.body, c.start, c.end)
    if mt is None:
        return None
    return _org_for_role_word(A, c.start, mt.group(1)) or _org_naming_word(A, c.start, mt.group(1))


def _org_naming_word(A: _Article, pos: int, word: str) -> dict | None:
    """The last organisation named before ``pos`` with ``word`` (or its singular) among the words of its name."""
    forms = {word, word[:-3] + "y" if word.endswith("ies") else word.rstrip("s")}
    for m in reversed(A.mentions_in(0, pos)):
        if m["label"] == "ORG" and not A.in_quote(m["start_char"]) \
                and forms & {w.lower() for w in re.findall(r"[\w’'-]+", m.get("entity_name") or m["text"])}:
            return m
    return None


def _org_for_role_word(A: _Article, pos: int, word: str) -> dict | None:
    """The organisation an organisation role word before a spokesperson at ``pos`` stands for, as "the company"
    would (``organisations.org_role``: the organisation named before whose name holds the word, the subject of a
    recent sentence, or the one the article is about); None for any other word."""
    if word == "police":        # "a police spokesperson": the force named before ("Federal Police", "Terrace RCMP")
        return organisations.police_force(A, pos, pos, "").mention
    if word not in A.r.org_roles:
        return None
    org = organisations.org_role(A, pos, pos, "the " + word)
    return org.mention if org is not None else None


#: "a spokesperson| for the trade group": an organisation role word (quote_patterns.txt [organisation_roles]) after it
_ROLE_AFTER_SPOKES = re.compile(r"[^\S\n]+(?:for|at|of)[^\S\n]+the[^\S\n]+([a-z]+)(?:[^\S\n]+([a-z]+))?(?![\w’'-])")


def _org_role_after(A: _Article, pos: int) -> dict | None:
    """The organisation "a spokesperson for the (trade) group" speaks for (``_org_for_role_word``)."""
    mt = _ROLE_AFTER_SPOKES.match(A.body, pos)
    if mt is None:
        return None
    k = 2 if mt.group(2) in A.r.org_roles else 1
    return _org_for_role_word(A, mt.start(k), mt.group(k))


def _org_after(A: _Article, pos: int) -> dict | None:
    """The organisation named right after ``pos`` by "for/at/of (the)" ("a spokesperson| for Sierra Pacific …"): a
    mention there, or one ending the capitalised name the model cut ("for the British Beer and |Pub Association|"), or
    the name after an organisation role word ("for operator Glydo", "for the platform, RydeMas"; whatever label the
    model gave it)."""
    f = _FOR_ORG.match(A.body, pos)
    if f is None:
        return None
    role = _ORG_WORD_BEFORE_NAME.match(A.body, f.end())
    if role is not None and role.group(1) in A.r.org_roles:
        named = [m for m in A.mentions_in(role.end(), role.end() + 80) if m["start_char"] == role.end()]
        if named and named[0]["label"] in _ORG_LABELS | PERSON_LABELS:
            return named[0]
    run = _NAME_RUN.match(A.body, f.end())
    after = [m for m in A.mentions_in(f.end(), f.end() + 80)
             if m["start_char"] == f.end() or (run is not None and m["start_char"] > f.end() and m["end_char"] <= run.end())]
    if len(after) >= 2 and after[0]["label"] in ("GPE", "LOC") and after[1]["label"] == "ORG" \
            and re.fullmatch(r"[’']s[^\S\n]+", A.body[after[0]["end_char"]:after[1]["start_char"]]):
        return after[1]     # "a spokesperson for Ontario's |Ministry of Health|": the body the place owns (an
        #                     organisation's part speaks for it: "for the |HSE|'s Department of Public Health")
    if after and after[0]["label"] in _ORG_LABELS | {"FAC"}:
        return after[0]     # (a place run as a business speaks too: "a spokesperson for |Central Pier|")
    if after and run is not None and re.search(r"[^\S\n]of[^\S\n]+$", A.body[f.end():after[0]["start_char"]]):
        return unlinked_mention(f.end(), run.end(), A.body[f.end():run.end()], "ORG")    # "for the |Friends of
        #                                                             Crystal Lake Park|": the name holds the other
    if not after and run is not None and A.body[f.end():run.end()].lower() not in A.r.adjectives:
        return unlinked_mention(f.end(), run.end(), A.body[f.end():run.end()], "ORG")     # "for |A&P Falmouth|": a
        #                                                                                  name the model did not find
    return None


#: "for |operator |Glydo", "for the |platform, |RydeMas", "for the pipeline |developer, |Albertine …": an organisation role
#: word (and a modifier before it) right before a name
_ORG_WORD_BEFORE_NAME = re.compile(r"(?:[a-z]+[^\S\n]+)?([a-z]+),?[^\S\n]+(?=[A-Z])")
#: capitalised words, with "and", "of", "for", "&" between them: a name the model may have cut
_NAME_RUN = re.compile(NAME_RUN)
