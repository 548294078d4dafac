"""Organisation speakers: "the company", "the airline", "the commission" for the organisation named before (the one
whose name holds the word, the subject of a recent sentence, or the one the article is about). ``candidates.candidate``
calls these; split out of subjects.py unchanged, as was "the Michigan-based maker" (``based_org``). Who issued a document
("the statement said") is documents.py."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from tasks.quotes.phrases import _DATELINE, NAME_RUN, _Cand, unlinked_mention
from tasks.entities.keys import fold
from tasks.entities.rules import _company_words, _given_names, _legal_suffixes

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


def org_role(A: _Article, hs: int, he: int, low: str) -> _Cand | None:
    """"the company", "the operator" (a head of quote_patterns.txt [organisation_roles]) stands for the
    organisation that is the subject of the nearest earlier sentence opened by one (``org_subject``)."""
    mo = re.fullmatch(r"the\s+(?:[\w-]+\s+){0,2}([\w-]+)", low)
    if mo is None or mo.group(1) not in A.r.org_roles:
        return None
    head, subject = mo.group(1), A.org_subject(hs)
    if subject is not None and head in _ANY_BUSINESS and _public_body(A, subject):
        subject = None      # "The Edo State government promised help" is not what "the company" stands for
    # "The Ministry of Interior, which runs it with the Ministry of Hajj, said": "the ministry" is the subject
    firsts = [subject] if subject is not None and _names_head(A, subject, head) else []
    # the first that is not the site reporting ("the company" is not "404 Media", "the party" not "M&G"); each looked
    # up only when the ones before it gave none
    fallbacks: tuple[Callable[[], dict | _Cand | None], ...] = (lambda: subject, lambda: _main_org(A, hs, head))
    place = _PLACE_MODIFIER.fullmatch(A.body, hs, he)
    if place is not None and not firsts and not any(m["label"] == "ORG" for m in A.mentions_in(place.start(1), place.end(1))):
        return _Cand(hs, he, "np")      # "A spokesperson for the Thessaloniki municipality": that place's, as written
    if _PORTFOLIO_MODIFIER.fullmatch(low) or (head in A.r.named_org_roles and not firsts):
        # "In Mexico, the economy ministry said": a body of that portfolio no name holds, as written (not the
        # organisation last written about); "the ministry said" of a ministry no name holds (quote_patterns.txt
        # [named_organisation_roles])
        fallbacks = (lambda: _Cand(hs, he, "np"),)
    # for any business, one named further down stands for it only when no organisation opened a sentence before
    # ("Brennar Packaging Group … said" then "the company said" is not the "Hudson River Board Company" of a later
    # paragraph; but "the union" of a lead opened by the company is the union named below)
    later: tuple[Callable[[], dict | _Cand | None], ...] = (lambda: _named_org_after(A, he, head),)
    if subject is not None and head in _ANY_BUSINESS and len(fallbacks) == 2:
        later, fallbacks = (fallbacks[0], *later), fallbacks[1:]
    found = (x for x in _chain(firsts, lambda: _named_org(A, hs, head), lambda: _unnamed_opening(A, hs, head),
                               *later, *fallbacks))
    m = next((x for x in found if x is not None and (isinstance(x, _Cand) or not A._is_outlet(x))), None)
    if m is None or isinstance(m, _Cand):
        return m
    return _Cand.of_mention(hs, he, m)


#: a place's "-based" after a name: a modifier of the noun after it ("|Calgary|-based Foothills Fine Wine Imports")
BASED_AFTER = re.compile(r"-based\b")
#: a place's "-based" opening a name run ("|US-based |Veridian Semiconductor Inc"): no part of the name
BASED_PREFIX = re.compile(r"[\w.’'-]+-based[^\S\n]+")
#: "the " and a town with its comma before a place's "-based" ("|The Gainesville, |Georgia-based company")
_THE_TOWN_BEFORE = re.compile(r"[Tt]he[^\S\n]+(?:[A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){0,2},[^\S\n]+)?$")
#: the words after a place's "-based" up to an organisation's role word ("-based| maker|", "-based| auto parts supplier|")
_WORDS_AFTER_BASED = re.compile(r"-based((?:[^\S\n]+[a-z][\w-]*){1,3})")


def based_org(A: _Article, m: dict, lo: int) -> _Cand | None:
    """The organisation "the <Place>-based <role word>" stands for ("The Michigan-based maker of brake and steering
    parts said": the company written about, through ``organisations.org_role``); None when no "the" opens it or no
    organisation role word follows within three words, or no "-based" follows the mention ``m``."""
    body = A.body
    if not BASED_AFTER.match(body, m["end_char"]):
        return None
    the = _THE_TOWN_BEFORE.search(body, max(lo, m["start_char"] - 40), m["start_char"])
    after = _WORDS_AFTER_BASED.match(body, m["end_char"])
    if the is None or after is None:
        return None
    words_at = m["end_char"] + len("-based")
    for w in re.finditer(r"[a-z][\w-]*", after.group(1)):
        if w.group() in A.r.org_roles:
            end = words_at + w.end()
            return org_role(A, the.start(), end, "the " + body[m["start_char"]:end].lower())
    return None


def _names_head(A: _Article, subject: dict, head: str) -> bool:
    """Is the organisation ``subject`` called by the role word ``head``: in its name, right after it ("The National
    Weather Service office in La Crosse said" then "the forecast office said"), or at the end of an apposition after it
    ("Tompkins County Whole Health, the county’s public health department, said", "Kingsway Bulk Transport, the
    Napanee-based company that owns the tanker, said" then "the department said", "the company said")?"""
    after = A.body[subject["end_char"]:subject["end_char"] + 80]
    return bool(_role_words_re(A, head).search(subject["text"])
                or re.match(r"[^\S\n]+" + re.escape(head) + r"\b", after)
                or re.match(r",[^\S\n]+(?:the|an?)[^\S\n]+[^,\n“”\"]{0,50}?(?<![\w-])" + re.escape(head)
                            + r"(?:,|[^\S\n]+(?:that|which)\b)", after))


#: a capitalised modifier before the role word ("the |Thessaloniki| municipality", "the |Boeing| company")
#: (not "The |Houston-based| company": where a company named before is based)
_PLACE_MODIFIER = re.compile(r"[Tt]he[^\S\n]+((?:[A-Z][\w’']*(?:-[A-Z][\w’']*)*[^\S\n]+){0,2}[A-Z][\w’']*(?:-[A-Z][\w’']*)*)"
                             r"[^\S\n]+[a-z][\w-]*")

#: "the economy ministry", "the health department", "the city council": a lower-case portfolio noun before a
#: government body's word (not "the same ministry", "the state department"; a company, operator or health board named
#: before is found through the subject, as "the company" is)
_PORTFOLIO_MODIFIER = re.compile(r"the\s+(?!(?:same|new|former|other|whole|entire|local|national|regional|state|federal|"
                                 r"central|main)\s)[a-z]+\s+(?:ministry|department|council|office)")


def _opening_start(A: _Article, j: int, end: int) -> int:
    """Where sentence ``j``'s subject may start: after a fronted clause ending before ``end`` ("In a statement, |…") and
    the spaces after it."""
    s = A.sents[j]
    fronted = A.fronted(s["start_char"], end)
    start = fronted.end() if fronted else s["start_char"]
    return start + len(A.body[start:end]) - len(A.body[start:end].lstrip())


def _named_org_opening(A: _Article, start: int, end: int) -> bool:
    """Does the sentence part body[start:end] open with an organisation's name (a mention or a bare name that is no
    person)?"""
    mo = re.match(r"[A-Z][\w&.’'-]*(?:[^\S\n]+[A-Z][\w&.’'-]*){0,5}", A.body[start:end])
    c = A.candidate(start, start + mo.end()) if mo else None
    if c is None or A.in_quote(start):
        return False
    if c.kind == "name":        # a bare capitalised name: an organisation's when no person of the article has it
        words = A.body[c.start:c.end].split()
        return words[-1].lower() not in A.surnames and words[-1] not in A.bare_names()["surnames"] \
            and words[0] not in _given_names()
    return c.kind == "mention" and c.mention is not None and c.mention["label"] == "ORG"


def _unnamed_opening(A: _Article, pos: int, head: str) -> _Cand | None:
    """An unnamed body with the role word as its head and a modifier before it opening one of the three sentences
    before ``pos`` ("|The city's audit committee| said in a report …" then "“…,” the committee wrote"): that noun
    phrase, as written (not "The company said …": the company named before is meant)."""
    si = A.sent_index(pos)
    for j in range(si - 1, max(-1, si - 4), -1):
        end = A.sents[j]["end_char"]
        start = _opening_start(A, j, end)
        mo = _unnamed_head_re(head).match(A.body, start, end)
        if mo is not None and not A.in_quote(mo.start()) and not A.mentions_in(mo.start(), mo.end()):
            return _Cand(mo.start(), mo.end(), "np")
        if _named_org_opening(A, start, end):
            return None     # "The power utility says …" then "Eskom has warned …": the organisation named since
    return None


@lru_cache(maxsize=64)
def _unnamed_head_re(head: str) -> re.Pattern:
    # "The city's audit committee| said", "The regional water utility|, which …, has warned"
    # (the modifiers hold no second determiner or conjunction: "The announcement came as the company" is a clause)
    # "A coalition representing the major delivery apps| said": an indefinite one needs no modifier, and may carry what
    # it is of or for
    modifier = r"(?!(?:the|a|an|as|when|while|after|before|because|that|which|who|and|but|or)[^\w’'-])[\w’'-]+[^\S\n]+"
    verb = r"(?=(?:,[^,\n]{1,90},)?[^\S\n]+(?:(?:has|have|had|also)[^\S\n]+)?(?:said|told|wrote|found|%s)\b)"
    return re.compile(r"The[^\S\n]+(?:" + modifier + r"){1,4}?" + re.escape(head) + verb % r"[a-z]+(?:ed|s)"
                      + r"|(?:A|An)[^\S\n]+(?:" + modifier + r"){0,4}?" + re.escape(head)
                      + r"(?:[^\S\n]+(?:representing|of|for|from|that|which|led\s+by|formed\s+by|backed\s+by)\b[^,.;:\n“”\"]{1,80}?)?"
                      + verb % r"says|warned|argued|added|announced|stated|claimed|called")


def _chain(firsts: list, *later):
    """``firsts``, then what each of ``later`` (functions of no argument) returns, computed one at a time."""
    yield from firsts
    for get in later:
        yield get()


def _named_org(A: _Article, pos: int, head: str) -> dict | None:
    """The latest organisation before ``pos`` whose name holds the role word ("the airline": Singapore Airlines,
    "the union": the Amalgamated Transit Union), outside quotes."""
    word = _role_words_re(A, head)
    before = A.mentions_in(max(0, pos - 4000), pos)
    # an organisation also named by its acronym: "Roads and Transport Authority (RTA)" … "The RTA said"
    named = {m.get("entity_id") for m in A.mentions_in(0, pos)
             if m["label"] == "ORG" and word.search(m["text"]) and m.get("entity_id")}
    apposed = _named_after_head(A, pos, head)
    for m in reversed(before):
        if apposed is not None and apposed["start_char"] >= m["end_char"]:
            break
        # (a body named as a place holds the word too: "the municipality" for "Lekwa Valley Local Municipality" GPE)
        if ((m["label"] == "ORG" and m.get("entity_id") in named) or (m["label"] in ("ORG", "GPE") and word.search(m["text"]))) \
                and not A.in_quote(m["start_char"]):
            return m
    return apposed or _unlinked_named_org(A, pos, head)


#: a run of capitalised words, a name
_NAME_RUN_RE = re.compile(r"(?<![\w’'-])(" + NAME_RUN + r")(?![\w’'-])")


def _unlinked_named_org(A: _Article, pos: int, head: str) -> dict | None:
    """The latest capitalised name before ``pos`` that ends in the role word and no mention covers ("the |Itasca Area
    Youth Hockey Association|" the model did not find), outside quotes: that body, else None."""
    for mo in reversed(list(_NAME_RUN_RE.finditer(A.body, max(0, pos - 4000), pos))):
        name = mo.group(1).removeprefix("The ").strip()
        if len(name.split()) >= 2 and name.split()[-1].lower().rstrip("s") == head and not A.in_quote(mo.start(1)) \
                and not any(True for _ in A.mentions_in(mo.start(1), mo.end(1))):
            return unlinked_mention(mo.end(1) - len(name), mo.end(1), name, "ORG")
    return None


def _named_org_after(A: _Article, pos: int, head: str) -> dict | None:
    """The first organisation after ``pos`` whose name holds the role word, outside quotes, when none was named
    before: a lead that says "The union called the decision ‘a betrayal’" names "United Steelworkers Local 9-1147"
    further down."""
    word = _role_words_re(A, head)
    return next((m for m in A.mentions_in(pos, len(A.body)) if m["label"] == "ORG" and word.search(m["text"])
                 and not A.in_quote(m["start_char"])), None)


def org_holding_word(A: _Article, pos: int, head: str) -> dict | None:
    """The latest organisation named before ``pos`` whose name holds an organisation role word ("the food bank's
    board": the San Luis Valley Community Food Bank); None for any other word or when none does."""
    return _named_org(A, pos, head) if head in A.r.org_roles else None


def county(A: _Article, hs: int, he: int) -> _Cand:
    """"the county said": the county named before as a body or place ("King County has opened shelters, the county
    said in a statement"), else the phrase as written (never another organisation of the article)."""
    m = _named_org(A, hs, "county")
    return _Cand.of_mention(hs, he, m) if m is not None else _Cand(hs, he, "np")


def police_force(A: _Article, hs: int, he: int, place: str) -> _Cand:
    """"police said", "Troy police said": the police force named before ("the Troy Police Department"; of that place
    when the phrase names one), else the phrase as written."""
    m = _named_org(A, hs, "police")
    if m is not None and all(w in m["text"] for w in place.split()):
        return _Cand.of_mention(hs, he, m)
    return _Cand(hs, he, "np")


def _named_after_head(A: _Article, pos: int, head: str) -> dict | None:
    """The latest name right after the role word before ``pos`` ("the Genoa-based group |Navalmare|", "the oilseed
    crushers’ chamber, |CIARA-CEC|,"), outside quotes: the mention there (whatever label the model gave the name an
    organisation word stands before), else the name (no entity)."""
    found = [mo for mo in _head_name_re(head).finditer(A.body, max(0, pos - 1500), pos) if not A.in_quote(mo.start())
             and not _OWNED_BEFORE.search(A.body, max(0, mo.start() - 40), mo.start())]
    if not found:
        return None
    mo = found[-1]
    based = BASED_PREFIX.match(mo.group(1))
    start = mo.start(1) + (based.end() if based else 0)     # ("|Denver-based| Trailhead Outdoor Brands": the name after)
    at = [m for m in A.mentions_in(start, mo.end(1)) if m["start_char"] == start]
    if at:
        return at[0]
    return unlinked_mention(start, mo.end(1), A.body[start:mo.end(1)], "ORG")


#: a name's possessive before the role word: another organisation than the one written about ("Kestrel's parent
#: |company|, X"; not a noun's: "the UN children's agency, UNICEF")
_OWNED_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w&.-]*[’']s(?:[^\S\n]+[a-z][\w-]*){0,2}[^\S\n]+$")


@lru_cache(maxsize=64)
def _head_name_re(head: str) -> re.Pattern:
    # (after a comma only a name closed by one: "the chamber, |CIARA-CEC|, said", not "a blow to the company, |Johnson| said")
    return re.compile(r"(?<![\w-])" + re.escape(head) + r"(?:,[^\S\n]+(?=" + NAME_RUN + r",)|[^\S\n]+)(" + NAME_RUN + r")")


def _main_org(A: _Article, pos: int, head: str) -> dict | None:
    """The organisation the article is about: named in at least two sentences before ``pos`` and in more than any
    other (its latest mention; for a word any business is called by, no place or public body: ``_public_body``); "the
    company said" in a report on Halvorsen Systems. (A name and its acronym in one sentence, "Brihanmumbai Municipal
    Corporation (BMC)", name it once.) When none is, for a role word ``head`` any business is called by ("company",
    "firm"), the organisation opening the lead (``_lead_org``)."""
    counts: dict[str, list[dict]] = {}
    for m in A.mentions_in(0, pos):
        if m["label"] == "ORG" and m.get("entity_id") and not A.in_quote(m["start_char"]) and not as_modifier(A, m) \
                and not (head in _ANY_BUSINESS and _public_body(A, m)):
            same = counts.setdefault(m["entity_id"], [])
            if same and same[-1]["sentence_no"] == m["sentence_no"]:
                same.pop()
            same.append(m)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if not ranked or len(ranked[0]) < 2 or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return (_lead_org(A, pos) or _only_company(A, pos)) if head in _ANY_BUSINESS else None
    return ranked[0][-1]


def _only_company(A: _Article, pos: int) -> dict | None:
    """The one company the article named before ``pos`` (outside quotations; a name ending in a business word or a
    legal form of ``rules/org_cues.txt``: "Medivale Pharmacy Group", "X PLC"): its latest mention; None when it named
    none or several ("THE founder of … was charged …; … of Medivale Pharmacy Group" then "the AIM-listed company
    said")."""
    found = [m for m in A.mentions_in(0, pos) if m["label"] == "ORG" and m.get("entity_id") and not A.in_quote(m["start_char"])
             and not as_modifier(A, m) and _company_name(m["text"])]
    return found[-1] if found and len({m["entity_id"] for m in found}) == 1 else None


def _company_name(name: str) -> bool:
    """Does ``name`` end in a business word or a legal form ("… Pharmacy |Group|", "Ngano Mills |PLC|")?"""
    words = name.split()
    return len(words) > 1 and (fold(words[-1]) in _company_words() or fold(words[-1]) in _legal_suffixes())


def _public_body(A: _Article, m: dict) -> bool:
    """Is the organisation a place or public body by its name's last word, or first before "of" ("Edo |State|",
    "|Department| of Labor"; quote_patterns.txt [public_body_words])? Such a body is no company."""
    words = m["text"].split()
    first = words[0].lower() if len(words) > 2 and words[1] == "of" else ""
    return words[-1].lower() in A.r.public_body_words or first in A.r.public_body_words


def as_modifier(A: _Article, m: dict) -> bool:
    """Is the mention a name modifying a site noun after a determiner ("its |Hutchinson| packaging plant", "The
    |Hutchinson| site"; quote_patterns.txt [site_nouns]), or a compound's first part ("|Kremlin|-backed")? A place the
    model took for an organisation, or a name describing another: it is not the organisation written about."""
    if COMPOUND_AFTER.match(A.body, m["end_char"]):
        return True     # ("|Nairobi Securities Exchange|-listed flour miller X")
    before = A.body[max(0, m["start_char"] - 7):m["start_char"]]
    after = _NOUNS_AFTER.match(A.body, m["end_char"])
    return after is not None and bool({after.group(1), after.group(2)} & A.r.site_nouns) \
        and bool(_DETERMINER_END.search(before))


_DETERMINER_END = re.compile(r"(?:^|[^\w’'-])(?i:its|his|her|their|our|the|a|an)[^\S\n]+$")
#: one or two lower-case words after a name ("|packaging plant|", "|site| had")
_NOUNS_AFTER = re.compile(r"[^\S\n]+([a-z][a-z-]+)\b(?:[^\S\n]+([a-z][a-z-]+)\b)?")


#: the parts of an organisation that speak for it ("the company's board said")
_ORGANS = frozenset({"board", "management", "leadership"})
#: the article before a name ("|The |Oneida Brass & Wire")
_THE = re.compile(r"[Tt]he[^\S\n]+")
#: role words any business is called by ("the company said" of "Oneida Brass & Wire"; its "management"), unlike "the
#: committee": never a place or public body (``_public_body``)
_ANY_BUSINESS = frozenset({"company", "firm", "management"})
#: how many sentences of the article's lead may open with the organisation it is about
_LEAD_SENTENCES = 3


#: a market lead's opening before the company it is about ("Shares in |Edinburgh-based housebuilder |Lomond Crest Homes
#: fell …", "Shares of |Nasdaq-listed |X rose")
_SHARES_IN = re.compile(r"(?:Shares|Stock)[^\S\n]+(?:in|of)[^\S\n]+(?:the[^\S\n]+)?(?:[\w’'.&-]+-(?:based|listed|headquartered)"
                        r"[^\S\n]+)?(?:[a-z][\w-]*[^\S\n]+){0,3}")


def _lead_org(A: _Article, pos: int) -> dict | None:
    """The organisation opening one of the article's first sentences ("Oneida Brass & Wire will close its Rome plant
    …"), when no organisation is named more often than the others before ``pos``: the one the article is about."""
    for j, s in enumerate(A.sents[:_LEAD_SENTENCES]):
        at = _opening_start(A, j, min(s["end_char"], pos))
        dateline = _DATELINE.match(A.body, at, s["end_char"])      # "(Changsha) — Ronghua Holdings …"
        at = dateline.end() if dateline else at
        article = _SHARES_IN.match(A.body, at) or _THE.match(A.body, at)
        at = article.end() if article else at
        based = BASED_PREFIX.match(A.body, at)      # ("|Calgary-based |Chinook Ridge Energy Services Ltd. will cut …")
        at = based.end() if based else at
        first = next((m for m in A.mentions_in(at, min(s["end_char"], pos)) if not A.in_quote(m["start_char"])), None)
        first = _modified(A, first, min(s["end_char"], pos)) if first is not None and first["start_char"] == at else None
        if first is not None and first["label"] == "ORG" and not A._is_outlet(first):
            return first
    return None


#: a hyphen after a name that makes it a modifier ("SGX Catalist|-listed", "Kremlin|-backed", "|NSE|-listed",
#: "Exchange| (NSE)-listed")
COMPOUND_AFTER = re.compile(r"(?:[^\S\n]*\([A-Z][\w&.-]{1,12}\))?-[a-z]")
#: such a compound and the common nouns after it, up to the name they describe ("Nairobi Securities Exchange|-listed
#: flour miller |Mlima Millers PLC")
_COMPOUND_NOUNS = re.compile(COMPOUND_AFTER.pattern + r"[\w-]*(?:[^\S\n]+[a-z][\w-]*){0,4}[^\S\n]+")


def _modified(A: _Article, m: dict, end: int) -> dict | None:
    """The name a lead's first name modifies when it is a compound's first part ("|Nairobi Securities Exchange|-listed
    flour miller Mlima Millers PLC has warned": Mlima Millers PLC), ``m`` itself when it modifies nothing, None when
    it modifies no name."""
    mo = _COMPOUND_NOUNS.match(A.body, m["end_char"], end)
    if mo is None:
        return None if COMPOUND_AFTER.match(A.body, m["end_char"]) else m
    return next((x for x in A.mentions_in(mo.end(), end) if x["start_char"] == mo.end()), None)


def _role_words_re(A: _Article, head: str) -> re.Pattern:
    """An organisation role word and the other words that name such a body ("union": "Steelworkers", "Teamsters";
    quote_patterns.txt [organisation_roles] "head = words"; "police": "RCMP", [police_words]) as whole words of a name."""
    return _word_re((head, *A.r.org_role_words.get(head, ()), *(A.r.police_words if head == "police" else ())))


@lru_cache(maxsize=64)
def _word_re(heads: str | tuple[str, ...]) -> re.Pattern:
    alt = "|".join(map(re.escape, (heads,) if isinstance(heads, str) else heads))
    return re.compile(r"(?<![\w-])(?:" + alt + r")(?:s|es)?(?![\w-])", re.I)
