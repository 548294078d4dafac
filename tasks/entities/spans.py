"""One mention per spaCy entity span: clean-up (titles, possessives, scorecard words), name-shape
and layout evidence for the class vote (steps 2-4b of the ``tasks.entities`` docstring)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tasks.entities.evidence import _HONORIFIC_BEFORE, _layout_evidence, _org_context
from tasks.entities.keys import fold
from tasks.entities.name_edges import (
    _BARREL_AFTER,
    _BARRELLED_SURNAME_RE,
    _PARTICLES,
    _CAP_NAME_WORD,
    _extend_given,
    _given_after_apposition,
    _hyphenated_given_name,
    _particle_barrel_before,
    _name_word_ok,
    _title_before,
)
from tasks.entities.rules import (
    _ABBREV_END,
    _POSSESSIVE,
    _STRIP_CHARS,
    _WORD,
    LABEL_CLASS,
    NAME_LABELS,
    W_NER,
    _countries,
    _demonyms,
    _places,
    _vote_given_names,
    word_genders,
    _org_words,
    _party_members,
    _stoplist,
    _title_lengths,
    _title_nouns,
    _title_set,
    _post_nominals,
    _unit_words,
    _local_units,
)


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    ner_label: str
    cls: str
    headline: bool
    titled: bool = False
    folded: str = ""
    weight: float = W_NER
    country_paren: bool = False
    score_after: bool = False
    org_cue: bool = False
    place_cue: bool = False
    weapon_cue: bool = False
    age_after: bool = False
    dateline: bool = False
    player: bool = False
    who_after: bool = False      # "Rogers, who was named player of the match,": a person
    which_after: bool = False    # "Aquidneck Sailcloth, which has woven …": a thing, here an organisation
    speaks_after: bool = False   # "Rahmat said": the subject of a speech verb (no vote: organisations speak too)
    pronoun_after: bool = False  # "Kemi Badenoch opened her speech": a person (organisations and places take "its")
    apposed: bool = False        # "His daughter, Siobhán Mulcahy, said": a name between commas after a person noun
    by_surname: bool = False     # a lone surname joined to the article's full name (canonical._group)
    honorific: bool = False      # "Sir Keir", "Dame Judi": a knight's given name, which stands for the full name
    expands: str = ""            # an acronym in parentheses after a name: that name ("KHDA" after "Knowledge and … Authority")
    short_form: bool = False     # a company named again by the first words of its name ("Kafue Ridge"): its display name
    gender: str = ""             # "m" | "f": the gender a title right before a lone name tells ("Mr. Hollis"): canonical


#: the word right before a name, maybe with a dot ("Mr. |Hollis|")
_TITLE_WORD_BEFORE = re.compile(r"(?<![\w.])([A-Za-z]+)\.?[^\S\n]+$")
#: the plural of an office holder's title ("councilmembers", "senators", "representatives", "trustees")
_PLURAL_OFFICE = re.compile(r"(?:er|or|ive|ist|ent|ant|ee|ian)s$")


def _strip_title(text: str, start: int) -> tuple[int, bool]:
    """Offset after a leading title in ``text`` (relative), and whether one was found. A title followed by
    a word that ends organisation names is part of the organisation's name ("General Staff",
    "General Assembly", "General Motors", "Major League Baseball"), not a title."""
    words = list(_WORD.finditer(text))
    lower = [w.group(0).lower().rstrip(",") for w in words]
    titles = _title_set()
    for n in _title_lengths():     # longest first, as _titles() is ordered
        # a plural office title before the first of two names ("Councilmembers Rutherford P. Ashby and Marisol …")
        # too, of a holder's noun ("-er", "-or", "-ive", …; not "Queens Park Rangers")
        if len(words) > n and (tuple(lower[:n]) in titles or (
                _PLURAL_OFFICE.search(lower[n - 1]) and (*lower[:n - 1], lower[n - 1][:-1]) in titles)):
            if fold(lower[n]) in _org_words()[0]:
                return 0, False     # "General Staff", "General Motors", "Major League Baseball"
            if len(words) == n + 1 and fold(lower[n]) in _local_units():
                return 0, False     # "King County": a place; "Deputy County" of "Deputy County Attorney X" no name
            return words[n].start(), True
    return 0, False


_CELL_OR_NOTE = re.compile(r"\s*\||[)\]]?\.?\[")


def _cut_at_cell_or_note(unit: str, s: int, e: int) -> tuple[int, int]:
    """A span that runs across a table-cell border, into a footnote mark or across an unbalanced parenthesis
    ends there: "William Burns| Jan" (Markdown table row) -> "William Burns", "Druzhkivka).[lix" ->
    "Druzhkivka", "Ukrainian Armed Forces (Southern Counteroffensive" -> "Ukrainian Armed Forces"."""
    m = _CELL_OR_NOTE.search(unit, s + 1, e)
    if m:
        e = m.start()
    depth = 0
    for i in range(s, e):
        if unit[i] == "(":
            depth += 1
        elif unit[i] == ")":
            if depth == 0:
                return s, i
            depth -= 1
    if depth:
        e = unit.rindex("(", s, e)
    return s, e


#: a compound adjective of a place or person opening a span, before a capitalised name ("|Cleveland-based |Harrowgate
#: Fasteners", "|Kremlin-backed |Gazprom", "|NZX-listed |Fonterra")
_COMPOUND_OPENING = re.compile(r"[\w.’'-]+-(?:based|led|backed|owned|run|born|headquartered|listed|registered|founded)"
                               r"[^\S\n]+(?=[A-Z])")


def _clean_span(unit: str, s: int, e: int) -> tuple[int, int, bool]:
    """Clean an entity span within ``unit``: leading the/title, trailing possessive, punctuation.

    Returns (start, end, title_removed). start >= end means nothing is left.
    """
    titled = False
    s, e = _cut_at_cell_or_note(unit, s, e)
    for _ in range(3):
        before = (s, e)
        while s < e and unit[s] in _STRIP_CHARS:
            s += 1
        while e > s and unit[e - 1] in _STRIP_CHARS:
            if unit[e - 1] == "." and _ABBREV_END.search(unit[s:e]):
                break
            e -= 1
        frag = unit[s:e]
        m = re.match(r"(?i)the\s+|An?\s+(?=[A-Z][a-z])", frag)    # "An American Property … Association spokesperson"
        if m:
            s += m.end()
            frag = unit[s:e]
        mc = _COMPOUND_OPENING.match(frag)      # "Cleveland-based |Harrowgate Fasteners Holdings": no part of the name
        if mc:
            s += mc.end()
            frag = unit[s:e]
        off, found = _strip_title(frag, s)
        if found:
            s += off
            titled = True
        words = list(_WORD.finditer(unit, s, e))
        if len(words) >= 2 and fold(words[-1].group(0)) in _stoplist():
            e = words[-2].end()  # "Washington D.C. Image" (caption credit) -> "Washington D.C."
        elif len(words) >= 2 and words[-1].group(0).isalpha() and words[-1].group(0).islower():
            e = words[-2].end()  # "Interfax news agency" -> "Interfax" (names do not end in a common word)
        elif len(words) >= 2 and words[0].group(0).isalpha() and words[0].group(0).islower() \
                and words[0].group(0) not in _PARTICLES and words[0].group(0) != "the":
            s = words[1].start()  # "ex Milan", "nard 's" -> names start with a capital
        elif len(words) >= 2 and words[0].group(0).isalpha() and len(words[0].group(0)) > 3 \
                and fold(words[0].group(0)) in _stoplist() and words[1].group(0)[:1].isupper():
            s = words[1].start()  # "Whatever Starmer", "However Smith": a stop-listed word opening the sentence
        m = _POSSESSIVE.search(unit[s:e])
        if m and e - s - len(m.group(0)) >= 2:
            e -= len(m.group(0))
        if (s, e) == before:
            break
    s, e = _cut_at_cell_or_note(unit, s, e)        # stripping a final ")" can unbalance "X (Y)"
    while e > s and unit[e - 1].isspace():
        e -= 1
    return s, e, titled


# free-standing separators, and the lower-case words of cricket scorecards and fixtures that sit
# between two names ("Gillespie st Kaluwitharana b Chandana", "Surrey v Kent")
_SEPARATOR_TOKEN = frozenset({"-", "–", "—", "(", ")", ",", ":", ";", "/", "|", "+", "&amp;",
                              "c", "b", "st", "lbw", "v", "vs", "vs."})
def _pieces(unit: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split a model span at tokens holding digits and at free-standing separators
    ("Lithuania - Danius Gleveckas", "Surrey 429-7", "Karlsruhe 2 Hansa")."""
    out, cur = [], None
    for m in _WORD.finditer(unit, s, e):
        w = m.group(0)
        if any(c.isdigit() for c in w) or w in _SEPARATOR_TOKEN:
            if cur:
                out.append(cur)
            cur = None
        else:
            cur = (cur[0], m.end()) if cur else (m.start(), m.end())
    if cur:
        out.append(cur)
    return out


def _strip_demonym(unit: str, s: int, e: int, label: str) -> int:
    """Start offset after a leading nationality word that precedes a title or a person's name
    ("Belgian King Baudouin", "American Dennis Mitchell")."""
    words = list(_WORD.finditer(unit, s, e))
    if len(words) < 2 or fold(words[0].group(0)) not in _demonyms():
        return s
    rest = unit[words[1].start():e]
    if label == "PERSON" or _strip_title(rest, 0)[1]:
        return words[1].start()
    return s


#: what may follow a double-barrelled name the model cut at its hyphen: punctuation, a possessive, the end, or a verb
#: ("Pemberton|-Yilmaz said", "Pemberton|-Yilmaz, a junior guard,"), not a noun ("the US|-China talks")
_AFTER_BARRELLED = re.compile(r"(?:[^\w\s]|$|[^\S\n]+(?:[a-z]+ed|said|says|told|who|whose|is|was|has|had|will|would)\b)")


def _cut_barrelled_name(unit: str, s: int, e: int) -> int:
    """The end of a one-word place or organisation span the model cut at a hyphen before a capitalised word
    ("|Pemberton|-Yilmaz said": a double-barrelled surname, whose label the article's vote then gives), when no part
    is a known place or nationality ("Israel-Hamas", "US-China" stay cut) and punctuation or a verb follows."""
    mm = _BARREL_AFTER.match(unit, e)
    if mm is None or " " in unit[s:e] or not unit[e - 1:e].isalpha() \
            or not _AFTER_BARRELLED.match(unit, mm.end()):
        return e
    if any(fold(w) in _places() or fold(w) in _countries() or fold(w) in _demonyms() for w in (unit[s:e], mm.group(1))):
        return e
    return mm.end()


def _strip_post_nominal(unit: str, s: int, e: int) -> tuple[int, bool]:
    """The end of a name without the letters after it ("Ronan Keatley| TD", "Jane Smith| MP, OBE"), and whether
    any were cut; two words of the name stay at least."""
    cut = False
    words = unit[s:e].replace(",", " ").split()
    while len(words) >= 3 and words[-1] in _post_nominals():
        words.pop()
        e = unit.rindex(words[-1], s, e) + len(words[-1])
        cut = True
    return e, cut


def _name_after_inner_title(unit: str, s: int, e: int) -> int | None:
    """Start of the name that ends a span after a one-word title inside it ("Deputy Energy and Mineral Resources
    Minister| Rahmat Setiawan-Hakim"): two or three capitalised words, none a title or an organisation word; None
    when the span is no such title-and-name run (a leading title is ``_strip_title``'s)."""
    words = list(_WORD.finditer(unit, s, e))
    if len(words) < 4:
        return None
    for i in range(len(words) - 3, 0, -1):
        rest = [w.group(0) for w in words[i + 1:]]
        if (words[i].group(0).lower(),) in _title_set() and words[i].group(0)[:1].isupper() and 2 <= len(rest) <= 3 \
                and all(_CAP_NAME_WORD.match(w) and (w.lower(),) not in _title_set() and fold(w) not in _org_words()[0]
                        for w in rest):
            return words[i + 1].start()
    return None


#: a capitalised word right after a span (the name a lone title stands before)
_NAME_AFTER_TITLE = re.compile(r"[^\S\n][A-Z][a-z]")


def _make_mention(unit: str, s: int, e: int, base: int, label: str, headline: bool,
                  weight: float = W_NER, cls: str | None = None) -> _Mention | None:
    s = _strip_demonym(unit, s, e, label)
    if label == "PERSON":
        e = _hyphenated_given_name(unit, e)
    elif label in NAME_LABELS and (cut := _cut_barrelled_name(unit, s, e)) != e:
        e, label = cut, "PERSON"    # (a double-barrelled name no place is: a surname, as the propagation reads it)
    s, e, titled = _clean_span(unit, s, e)
    inner = _name_after_inner_title(unit, s, e)
    if inner is not None:       # "Deputy Energy and Mineral Resources Minister Rahmat Setiawan-Hakim" (WORK_OF_ART)
        s, label, titled = inner, "PERSON", True
        e = _hyphenated_given_name(unit, e)
    e, post_nominal = _strip_post_nominal(unit, s, e)
    titled = titled or post_nominal
    local = _LOCAL_NUMBER.match(unit, e) if unit[s:e].endswith(" Local") else None
    e = local.end() if local else e      # a union's local by its number ("United Steelworkers Local| 303L")
    if e - s < 1 or not any(c.isalpha() for c in unit[s:e]):
        return None
    text = unit[s:e]
    folded = fold(text)
    if not folded or folded in _stoplist() or folded in _unit_words():
        return None     # a stop-listed word, or an administrative unit's word alone ("Oblast")
    if not text[:1].isupper():
        return None  # names start with a capital ("iPhone"-style names are rare in news)
    low = text.lower().rstrip(".")
    if (low + ".",) in _title_set() and (low,) not in _title_set():
        return None  # an abbreviated title alone ("Coun" of "Coun. Rick Dumont", cut off by the model; not "Major")
    if (low,) in _title_set() and (_THE_BEFORE.search(unit, max(0, s - 4), s) or _NAME_AFTER_TITLE.match(unit, e)):
        return None  # "the Taoiseach said", "The CS warned": an office, not a name; "|Trustee| Marguerite …": the
        #              title of the name after it
    if " " in text and _THE_BEFORE.search(unit, max(0, s - 4), s) and fold(text.split()[-1]) in _party_members():
        return None  # "the Wilton Democrat said": an epithet of a party's member (quotes/epithets.py)
    titled = titled or _title_before(unit, s)
    m = _Mention(base + s, base + e, text, label, cls or LABEL_CLASS.get(label, "misc"), headline, titled, folded)
    m.weight = weight
    m.honorific = bool(_HONORIFIC_BEFORE.search(unit, max(0, s - 6), s))
    if titled and " " not in text and (w := _TITLE_WORD_BEFORE.search(unit, max(0, s - 16), s)) is not None:
        m.gender = word_genders().get(w.group(1).lower(), "")
    _layout_evidence(m, unit, s, e)
    _org_context(m, unit, s, e)
    return m


_THE_BEFORE = re.compile(r"(?<![\w’'-])[Tt]he\s+$")
#: a union local's number ("Local| 303L", "Local| 9-1147", "Local| No. 12")
_LOCAL_NUMBER = re.compile(r"[^\S\n]+(?:No\.[^\S\n]*)?\d+(?:-\d+)?[A-Za-z]?(?![\w-])")


#: a capitalised word (a name's last) right before: "Orme-Castell |KC", "Keatley, |TD"
_AFTER_NAME = re.compile(r"[A-Z][\w’'-]*[a-z][\w’'-]*,?[^\S\n]+$")
#: letters after a name right before, with their comma: "Wróblewska-Santos, MD, |PhD"
_AFTER_LETTERS = re.compile(r"(?<![\w’'-])([A-Z][A-Za-z]{0,5}),[^\S\n]+$")


def _after_name(unit: str, s: int) -> bool:
    """Does a name, or letters after a name, end right before ``s``?"""
    letters = _AFTER_LETTERS.search(unit, max(0, s - 10), s)
    return bool(_AFTER_NAME.search(unit, max(0, s - 40), s)) or (letters is not None and letters.group(1) in _post_nominals())


#: "<Given> <Surname> of <Organisation>" that the model read as one organisation ("Ngozi Fairbanks-Lindqvist of Carnegie
#: Mellon University"): the person and the organisation
_PERSON_OF = re.compile(r"([A-Z][\w’'-]+)(?:[^\S\n]+[A-Z][\w’'-]+){1,2}(?=[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?[A-Z])")


def _two_name_words(text: str) -> bool:
    """Two words that can be a person's given name and surname, neither an organisation word ("Joost Haverkamp" of
    "Joost Haverkamp of Team Visma-Noordzee"; not "Royal Bank" of "Royal Bank of Scotland")."""
    words = text.split()
    return len(words) == 2 and all(_name_word_ok(w) and fold(w) not in _org_words()[0] for w in words)


def _person_of(unit: str, s: int, e: int) -> list[tuple[int, int]]:
    """One span, or two when it is a person (a given name and a surname, a double-barrelled surname, or two name words)
    "of" an organisation, after any title the span opens with ("Detective Constable |Abimbola Fairclough-Ade| of |Avon")."""
    off, titled = _strip_title(unit[s:e], 0)
    if titled:
        s_name = s + off
        pieces = _person_of(unit, s_name, e)
        if len(pieces) == 2:
            return pieces
    mo = _PERSON_OF.match(unit, s, e)
    if mo is None or not (mo.group(1) in _vote_given_names() or _BARRELLED_SURNAME_RE.search(unit, mo.start(), mo.end())
                          or _two_name_words(mo.group(0))):
        return [(s, e)]
    org = re.match(r"[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?", unit[mo.end():e])
    return [(s, mo.end()), (mo.end() + org.end(), e)] if org else [(s, e)]


def _person_of_pieces(unit: str, s: int, e: int, label: str) -> list[tuple[int, int, str]]:
    """The pieces of a model span (``_pieces``), each split at a person "of" an organisation (``_person_of``): the
    person a PERSON, the rest with the model's label."""
    out = []
    for p in _pieces(unit, s, e):
        split = _person_of(unit, *p)
        out += [(ps, pe, "PERSON" if len(split) == 2 and k == 0 else label) for k, (ps, pe) in enumerate(split)]
    return out


def _mentions_for_unit(doc, unit: str, base: int, headline: bool) -> list[_Mention]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        if ent.text in _post_nominals() and _after_name(unit, ent.start_char):
            continue        # "Judge Philippa Orme-Castell |KC| said": letters after a name, no one's name
        for ps, pe, label in _person_of_pieces(unit, ent.start_char, ent.end_char, ent.label_):
            if not headline:
                ps, pe = _extend_given(unit, _particle_barrel_before(unit, ps), pe)
                ps = _given_after_apposition(unit, ps)
            m = _make_mention(unit, ps, pe, base, label, headline)
            if m:
                out.append(m)
    return _without_title_spans(out, unit, base)


def _without_title_spans(out: list[_Mention], unit: str, base: int) -> list[_Mention]:
    """Drop the model's other spans that hold a title and the given name of a person grown over it ("Skipper
    Ruairidh" ORG of "Skipper |Ruairidh Tulloch-Eze|": ``_given_after_title``)."""
    persons = [m for m in out if m.ner_label == "PERSON"]
    return [m for m in out if m.ner_label == "PERSON" or not any(
        m.start < p.start < m.end <= p.end and _title_before(unit, p.start - base) for p in persons)]


def without_titles_of_persons(mentions: list[_Mention], body: str) -> list[_Mention]:
    """Drop the model's spans (not its persons) that end in a title word right before a person's name ("|Newton Police
    Detective| Annelise Du Toit-Marangoni", the name found by the rules): that person's title, not a name."""
    starts = {m.start for m in mentions if m.cls == "per"}
    return [m for m in mentions if m.ner_label == "PERSON" or not _TITLE_GAP.fullmatch(body[m.end:m.end + 2])
            or m.end + 1 not in starts or m.text.split()[-1].lower() not in _title_nouns()]


_TITLE_GAP = re.compile(r"[^\S\n].?")


def _covered(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    """Does the span s:e overlap any of the sorted spans ``taken``?"""
    i = bisect.bisect_right(taken, (s, float("inf"))) - 1
    if i >= 0 and taken[i][1] > s:
        return True
    return i + 1 < len(taken) and taken[i + 1][0] < e
