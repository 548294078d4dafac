"""Names in apposition in a speaker phrase: the person named between commas after a role ("a spokeswoman, Anna
White, said", "A spokeswoman for Vandermolen, Kelsey Arbogast, said"), the comma that closes such a name (not a
coordination), and the first comma of a phrase outside brackets. Split out of subjects.py unchanged; subjects.py
(``candidate``, ``subject_first``, ``_nearest_subject``) calls these."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from tasks.entities.keys import fold
from tasks.entities.rules import _legal_suffixes, _title_set, ends_in_org_word
from tasks.quotes import epithets, titles
from tasks.quotes.phrases import _Cand, unlinked_mention
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


def _comma_outside_brackets(phrase: str) -> int:
    """Offset of the first comma of ``phrase`` outside round brackets and not before a company's legal form
    ("Luzon Agri-Cold Logistics, Inc. (LACL) President … Rosalinda Villareal-Tanaka"), else -1."""
    depth = 0
    for i, ch in enumerate(phrase):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0 and not _legal_form_after(phrase, i + 1):
            return i
    return -1


def _legal_form_after(phrase: str, pos: int) -> bool:
    """Does a company's legal form (``rules/org_cues.txt`` "legal:") follow at ``pos``: ", Inc.", ", Ltd"?"""
    word = re.match(r"\s*([\w.]+)(?![\w’'-])", phrase[pos:])     # (not ", co-founder", ", SA's")
    return word is not None and fold(word.group(1)) in _legal_suffixes()


@lru_cache(maxsize=1)
def _honorific_re() -> re.Pattern:
    """One or more short titles before a name (``rules/honorifics.txt`` and Miss, Sir, Dame: "Ms", "Madam", "Det Sgt")."""
    return re.compile(r"(?:(?:" + titles.honorifics_alternation(("Miss", "Sir", "Dame")) + r")\.?[^\S\n]+)+")


#: a short lower-case description before a name in apposition ("the neighbour, |retired truck driver |Kevin Odgers")
_DESCRIPTION = re.compile(r"(?:[a-z0-9][\w-]*[^\S\n]+){1,5}")


def _described(A: _Article, between: str) -> bool:
    """Is ``between`` a short lower-case description whose last word names a person ("retired truck driver",
    "62-year-old grandmother")?"""
    return _DESCRIPTION.fullmatch(between) is not None and epithets.names_person(A.r, between.split()[-1])


def _described_or_titled(A: _Article, between: str) -> bool:
    """Is ``between`` (the words right before a name) a short description ending in a person noun or a role, maybe
    with a capitalised place among them ("retired Hungerford builder ", "Bath head coach ")?"""
    words = between.split()
    return between.endswith(" ") and 0 < len(words) <= 5 and not any(w.lower() in A.r.verb_forms for w in words) \
        and words[-1].islower() and (epithets.names_person(A.r, words[-1]) or bool(A.r.role_re.fullmatch(words[-1])))


#: the comma before a name in apposition to a role, maybe after a short phrase of the role ("A nurse| at the clinic, |Sister
#: X", "his wife| of 56 years, |Magdalena X")
_APPOSITION_COMMA = re.compile(r"(?:[^\S\n]+(?:of|at|from|in|with|for)[^\S\n]+[^,“”\"‘’\n]{1,40}?)?[^\S\n]*,[^\S\n]*")


def _apposed_name(A: _Article, role_e: int, hi: int) -> _Cand | None:
    """The person named in apposition right after a role ("a spokeswoman, Anna White, said", "the British defence
    secretary, Ben Wallace, visited …"): a PERSON mention after the comma that closes (comma, bracket or the end
    of the phrase). The name is the speaker, not the role."""
    body = A.body
    mc = _APPOSITION_COMMA.match(body[role_e:hi])     # (", ", or after a short phrase: "his wife| of 56 years, |X")
    if mc is None:
        return None
    name_s = role_e + mc.end()
    mh = _honorific_re().match(body, name_s)     # "the union's general secretary, Ms Jenny Koh, wrote"
    for m in A.mentions_in(role_e + mc.end(), min(hi, role_e + mc.end() + 60)):
        if mh is not None and m["start_char"] >= mh.end():
            name_s = mh.end()       # (a name that opens with such a word is the name: ", Con O'Neill,")
        if m["label"] not in PERSON_LABELS and _title_prefix(body[name_s:m["end_char"]]):
            continue        # ("the bill's sponsor, |Council| Member Denise X": a title's word the model took for a body)
        between = body[name_s:m["start_char"]]
        # a title (", Detective Corporal |X") or a short description (", retired truck driver |X") may stand before it
        led = tuple(between.lower().split()) in _title_set() or _described(A, between) or bool(_NAMED.fullmatch(between))
        if (m["start_char"] != name_s and not led) or m["label"] not in PERSON_LABELS or A.in_quote(m["start_char"]):
            return None
        if m["end_char"] == hi or _NAME_CLOSED.match(body, m["end_char"], hi):
            return _Cand.of_mention(m["start_char"], m["end_char"], m)
        return None
    return None


#: two or three capitalised words closing a speaker phrase after a comma ("said the teacher|, Goitseone Ramotswa|.")
_NAME_AT_END = re.compile(r"[^\S\n]*,[^\S\n]*((?:[A-Z][a-z][\w’'-]*[^\S\n]+){1,2}[A-Z][a-z][\w’'-]*)[^\S\n]*$")


def misread_apposed_name(A: _Article, role_s: int, role_e: int, hi: int) -> _Cand | None:
    """The name closing "said the teacher, Goitseone Ramotswa." that the model took for no person (an organisation,
    a nationality and a surname): after a role whose head names a person, two or three capitalised words that end the
    phrase and are no organisation's name are that person, the speaker; None otherwise."""
    mo = _NAME_AT_END.match(A.body, role_e, hi)
    head = A.body[role_s:role_e].split()[-1].lower() if role_e > role_s else ""
    if mo is None or not (epithets.names_person(A.r, head) or A.r.role_re.fullmatch(head)) or A.in_quote(mo.start(1)):
        return None
    s, e, text = mo.start(1), mo.end(1), mo.group(1)
    inside = A.mentions_in(s, e)
    if any(m["label"] in PERSON_LABELS and (m["start_char"], m["end_char"]) == (s, e) for m in inside) \
            or ends_in_org_word(text) or any(m["start_char"] < s or m["end_char"] > e for m in inside):
        return None         # (a person the model found is read by ``_apposed_name``; "said the analyst, Moody's Ratings")
    whole = next((m for m in inside if (m["start_char"], m["end_char"]) == (s, e)), None)
    m = {**whole, "label": "PERSON"} if whole is not None else unlinked_mention(s, e, text, "PERSON")
    return _Cand.of_mention(s, e, m)


#: a description that gives the name after it ("The prosecutor, |an old hand named |Hollis X,")
_NAMED = re.compile(r"(?:an?|the)[^\S\n]+(?:[a-z][\w-]*[^\S\n]+){0,3}(?:named|called)[^\S\n]+")


def _title_prefix(text: str) -> bool:
    """Do the words of ``text`` open a title of ``rules/titles.txt`` ("Council" of "Council Member")?"""
    words = tuple(text.lower().split())
    return bool(words) and any(t[:len(words)] == words for t in _title_set())


#: what closes a name in apposition: a comma or a bracket, maybe after its affiliation ("The investigating officer,
#: Detective Corporal Ignatius Pook-Lindström| of the Ladyville Police Station, said"), or at the end of the phrase
#: ("said the analyst, Brenda X| of AIB-AXYS Africa.")
_NAME_CLOSED = re.compile(r"[^\S\n]*(?:,|\()|[^\S\n]+(?:of|from|at)[^\S\n]+(?:the[^\S\n]+)?[A-Z][^,.\n“”\"]{0,60}(?:,|\.?$)")


def _named_before_comma(A: _Article, seg: str, lo: int) -> bool:
    """"…, Gov. John Kasich (R-OH), said": the comma closes the subject's name and its parenthesis
    (party and state), it does not coordinate two verb phrases; nor does the comma that closes a name in apposition
    ("The Minister for Health, Niamh Cregan, said")."""
    mc = re.search(r"\s*\([^()\n]{1,30}\)\s*,\s*$", seg)
    if mc is None:
        return _apposed_before_comma(A, seg, lo)
    end = lo + mc.start()
    for m in A.mentions_in(max(lo, end - 60), end):
        if m["end_char"] != end or m["label"] not in PERSON_LABELS or A.in_quote(m["start_char"]):
            continue
        # the name opens its clause (after a comma or the sentence start, titles allowed): it is the subject
        before = A.body[lo:m["start_char"]].rsplit(",", 1)[-1]
        return bool(re.fullmatch(r"\s*(?:(?:[A-Z][\w.’'-]*|former|the)\s+)*", before))
    return False

def _apposed_before_comma(A: _Article, seg: str, lo: int) -> bool:
    """The comma before the verb closes a person's name set off by commas after a noun phrase ("His daughter, Siobhán
    Mulcahy, said")."""
    mc = re.search(r"[^\S\n]*,[^\S\n]*$", seg)
    if mc is None:
        return False
    end = lo + mc.start()
    return any(m["end_char"] == end and m["label"] in PERSON_LABELS and not A.in_quote(m["start_char"])
               and (_comma_opens_name(A, lo, m["start_char"])
                    or _described_after_comma(A, lo, m["start_char"]))
               for m in A.mentions_in(max(lo, end - 60), end))


#: the comma that opens an apposed name, short titles allowed between ("…Commission, Mrs |Adwoa Darkwa-Ansong|")
_COMMA_BEFORE_NAME = re.compile(r"\w[^\S\n]*,[^\S\n]*(?:[A-Z][a-z]{0,4}\.?[^\S\n]+){0,2}$")


def _comma_opens_name(A: _Article, lo: int, s: int) -> bool:
    """A comma (and at most two short titles: "Mrs", "Dr.") right before the name at ``s``; with titles, not when the
    name follows "by its …" ("The Ministry, in a statement by its Director of Press, Mrs Halima Bello-Ogunleye, urged":
    the ministry is the subject)."""
    before = A.body[max(lo, s - 40):s]
    if re.search(r"\w[^\S\n]*,[^\S\n]*$", before):
        return True
    return bool(_COMMA_BEFORE_NAME.search(before)) and not _BY_ROLE.search(A.body, max(lo, s - 120), s)


_BY_ROLE = re.compile(r"(?<![\w-])by[^\S\n]+(?:its|the|their|his|her)[^\S\n]")


def _described_after_comma(A: _Article, lo: int, name_s: int) -> bool:
    """The name closes an apposition that a role describes ("Another resident, retired Air Force officer Wg Cdr (retd)
    |Jagdish Menon-Pillai|, said"): after the comma before it, a few words holding a role noun and no speech verb."""
    head, comma, chunk = A.body[lo:name_s].rpartition(",")
    words = re.findall(r"[\w.’'-]+", chunk)
    return bool(comma) and head.strip() != "" and 0 < len(words) <= 8 and bool(A.r.role_re.search(chunk.lower())) \
        and not A.r.verb_re.search(chunk)

#: a name of two or three capitalised words between commas right before the verb
_APPOSED_NAME_BEFORE_VERB = re.compile(r"(?<=[\w)])[^\S\n]*,[^\S\n]*((?:[A-Z][a-z][\w’'-]*[^\S\n]+){1,2}[A-Z][a-z][\w’'-]*)"
                                       r"[^\S\n]*,[^\S\n]*$")


def _missed_apposed_name(A: _Article, verb_s: int, lo: int) -> _Cand | None:
    """A name the model missed, in apposition after a role right before the verb ("A spokeswoman for Vandermolen,
    Kelsey Arbogast, said"): the name is the subject."""
    ma = _APPOSED_NAME_BEFORE_VERB.search(A.body, max(lo, verb_s - 120), verb_s)
    if ma is None or A.in_quote(ma.start(1)) or any(True for _ in A.mentions_in(ma.start(1), ma.end(1))):
        return None
    if not A.r.role_re.search(A.body[max(lo, ma.start() - 60):ma.start()].lower()):
        return None
    c = A.candidate(ma.start(1), ma.end(1))
    return c if c is not None and c.kind in ("mention", "name") else None
