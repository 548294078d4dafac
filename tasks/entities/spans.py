"""One mention per spaCy entity span: clean-up (titles, possessives, scorecard words), name-shape
and layout evidence for the class vote (steps 2-4b of the ``tasks.entities`` docstring)."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from tasks.entities.keys import fold
from tasks.entities.rules import (
    _ABBREV_END,
    _POSSESSIVE,
    _STRIP_CHARS,
    _WORD,
    LABEL_CLASS,
    NAME_LABELS,
    W_AGE,
    W_ALIAS,
    W_COUNTRY_PAREN,
    W_DATELINE,
    W_DEMONYM,
    W_GIVEN,
    W_INITIAL,
    W_NER,
    W_ORG_CUE,
    W_ORG_SUFFIX,
    W_PLACE,
    W_PLACE_CUE,
    W_EVENT_PREFIX,
    W_PLAYER,
    W_PRONOUN,
    W_APPOSED,
    W_WHO,
    W_WEAPON_CUE,
    W_SCORE,
    W_TITLE,
    _aliases,
    _countries,
    _demonyms,
    _event_prefixes,
    _facility_words,
    _given_names,
    _vote_given_names,
    _org_words,
    _place_cues,
    _place_list_cue,
    _places,
    _settlement_endings,
    _stoplist,
    _table_stopwords,
    _title_lengths,
    _title_set,
    _person_nouns,
    _post_nominals,
    _unit_words,
    _weapon_cues,
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
    pronoun_after: bool = False  # "Kemi Badenoch opened her speech": a person (organisations and places take "its")
    apposed: bool = False        # "His daughter, Siobhán Mulcahy, said": a name between commas after a person noun
    by_surname: bool = False     # a lone surname joined to the article's full name (canonical._group)
    honorific: bool = False      # "Sir Keir", "Dame Judi": a knight's given name, which stands for the full name
    expands: str = ""            # an acronym in parentheses after a name: that name ("KHDA" after "Knowledge and … Authority")


def _strip_title(text: str, start: int) -> tuple[int, bool]:
    """Offset after a leading title in ``text`` (relative), and whether one was found. A title followed by
    a word that ends organisation names is part of the organisation's name ("General Staff",
    "General Assembly", "General Motors", "Major League Baseball"), not a title."""
    words = list(_WORD.finditer(text))
    lower = [w.group(0).lower().rstrip(",") for w in words]
    titles = _title_set()
    for n in _title_lengths():     # longest first, as _titles() is ordered
        if len(words) > n and tuple(lower[:n]) in titles:
            if fold(lower[n]) in _org_words()[0]:
                return 0, False     # "General Staff", "General Motors", "Major League Baseball"
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
        m = re.match(r"(?i)the\s+", frag)
        if m:
            s += m.end()
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


def _title_before(unit: str, s: int) -> bool:
    """A title or role (rules/titles.txt) ends right before offset ``s`` (allowing a comma-free gap)."""
    prefix = unit[max(0, s - 40):s].lower().rstrip()
    words = prefix.split()
    titles = _title_set()
    return any(len(words) >= n and tuple(words[-n:]) in titles for n in _title_lengths())


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
    if len(words) >= 2 and words[0] in _vote_given_names():
        v["per"] += W_GIVEN
    if m.who_after:
        v["per"] += W_WHO
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


# free-standing separators, and the lower-case words of cricket scorecards and fixtures that sit
# between two names ("Gillespie st Kaluwitharana b Chandana", "Surrey v Kent")
_SEPARATOR_TOKEN = frozenset({"-", "–", "—", "(", ")", ",", ":", ";", "/", "|", "+", "&amp;",
                              "c", "b", "st", "lbw", "v", "vs", "vs."})
# lower-case words that can start or end a name ("Ronald de Boer", "Vincent van Gogh")
_PARTICLES = frozenset("de van von der den da di du le la al el bin ben dos das del della ter ten y".split())


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


_SYLLABLE_AFTER = re.compile(r"-([a-z]{2,5})\b")
#: words after a hyphen that make a compound adjective of a name ("Smith-led", "Tokyo-based"), never a name's syllable
_COMPOUND_TAILS = frozenset("based led born backed owned run era style like type made free wide linked aged year old "
                            "era".split())


def _hyphenated_given_name(unit: str, e: int) -> int:
    """The end of a Korean-style given name the model cut at its hyphen ("Kweon Seong|-dong", "Jung Chung|-rae")."""
    mm = _SYLLABLE_AFTER.match(unit, e)
    if mm and mm.group(1) not in _COMPOUND_TAILS and unit[e - 1:e].isalpha():
        return mm.end()
    return e


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


def _make_mention(unit: str, s: int, e: int, base: int, label: str, headline: bool,
                  weight: float = W_NER, cls: str | None = None) -> _Mention | None:
    s = _strip_demonym(unit, s, e, label)
    if label == "PERSON":
        e = _hyphenated_given_name(unit, e)
    s, e, titled = _clean_span(unit, s, e)
    e, post_nominal = _strip_post_nominal(unit, s, e)
    titled = titled or post_nominal
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
    titled = titled or _title_before(unit, s)
    m = _Mention(base + s, base + e, text, label, cls or LABEL_CLASS.get(label, "misc"), headline, titled, folded)
    m.weight = weight
    m.honorific = bool(_HONORIFIC_BEFORE.search(unit, max(0, s - 6), s))
    _layout_evidence(m, unit, s, e)
    _org_context(m, unit, s, e)
    return m


# what only individual results show: a tennis set score ("6-4"), a time or distance ("11.20", "2:05:33"),
# a rank or seeding number before the name ("5. ", "1 - ")
_PERSONAL_RESULT = re.compile(r"(?<![\d-])[0-7]-[0-7](?![\d-])|\d[.:]\d\d\b|^\s*\d{1,2}(?:\.|\s+-)\s+[A-Z]")
_PAREN_AFTER = re.compile(r"\s*\(\s*([^()\n]{2,40}?)\s*\)")
_NUMBER_AFTER = re.compile(r"\s+\d[\d\-.:/,]*(?=\s|$)")
_NUMBER_TOKEN = re.compile(r"(?<!\S)\d[\d\-.:/,]*(?!\S)")
_INITIAL = re.compile(r"\b[A-Z]\.")
_INITIAL_NAME = re.compile(r"(?P<initials>(?:[A-Z]\.\s?){1,3})[A-Z][a-z]")     # "K. Evans", "T.K.S. Elangovan"
# cricket scorecards: bowling figures (overs-maidens-runs-wickets, "10-1-30-2", "9.5-0-44-1") after a
# name, or a name right after a dismissal word ("c Healy", "b McGrath", "st Kaluwitharana", "lbw b Fleming")
_BOWLING_AFTER = re.compile(r"\s+\d{1,2}(?:\.\d)?-\d{1,2}-\d{1,3}-\d{1,2}(?=\s|,|$)")
_DISMISSAL_BEFORE = re.compile(r"(?:^|\s)(?:c|b|st|c and b|lbw b)\s+$")


# a goal scorer listed in parentheses with the minute ("( Wright 31 , Merson 60 pen )")
_SCORER_AFTER = re.compile(r"\s+\d{1,3}(?:st|nd|rd|th)?(?:\s+(?:pen|penalty|og))?(?:\s*\)|\s*,\s)")


def scorecard_player(unit: str, s: int, e: int) -> bool:
    """The name at ``unit[s:e]`` is a player in a scorecard line: bowling figures follow it, a
    dismissal word precedes it (cricket; ``_BOWLING_AFTER`` / ``_DISMISSAL_BEFORE``), or it is a goal
    scorer listed with the minute inside parentheses (``_SCORER_AFTER``)."""
    ls = unit.rfind("\n", 0, s) + 1
    if _BOWLING_AFTER.match(unit, e) or _DISMISSAL_BEFORE.search(unit[ls:s]):
        return True
    before = unit[ls:s]
    return before.rfind("(") > before.rfind(")") and bool(_SCORER_AFTER.match(unit, e)) \
        and before[before.rfind("("):].lstrip("( ").count(" ") < 8


_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def _org_context(m: _Mention, unit: str, s: int, e: int) -> None:
    """Set ``org_cue`` when a cue of ``rules/org_cues.txt`` follows ("Interfax news agency",
    "Ericsson spokesman") or precedes ("shares in Magna", "club Atalanta") the mention, else
    ``place_cue`` when a cue of ``rules/place_cues.txt`` precedes it ("near Hrafske") or the list it ends
    ("near Starytsia, Vovchansk, and Kruhle"), or a person-labelled mention is followed by a facility word of
    that file ("Hostomel airport"); ``weapon_cue`` when a person-labelled mention is followed by a word of
    ``rules/weapon_cues.txt`` ("Patriot missiles")."""
    _, after, before = _org_words()
    nxt = fold(" ".join(unit[e:e + 40].split()[:2]))
    nxt1 = nxt.split()[:1]
    if m.cls == "per" and (nxt in _weapon_cues() or (nxt1 and nxt1[0] in _weapon_cues())):
        m.weapon_cue = True          # "Patriot missiles": the model's person is a weapon
        return
    if m.cls == "per" and (nxt in _facility_words() or (nxt1 and nxt1[0] in _facility_words())):
        m.place_cue = True           # "Hostomel airport", "the Druzhba pipeline": a facility's place
        return
    if (nxt in after or (nxt1 and nxt1[0] in after)) and m.folded not in _countries():
        m.org_cue = True            # a country is not a club: "Japan coach" is the national team (a place)
        return
    prev = unit[max(0, s - 40):s].split()[-2:]
    prevf = fold(" ".join(prev))
    if prevf in before or (prev and fold(prev[-1]) in before):
        m.org_cue = True
    elif (prevf in _place_cues()[0] or (prev and fold(prev[-1]) in _place_cues()[0]) or _in_place_list(unit, s)) \
            and not m.text.isupper() and not _POSSESSIVE_AFTER.match(unit, e):  # not "near KPA" (acronym), "outside Smith's"
        m.place_cue = True


_LIST_SEP_END = re.compile(r"(?:,|\s(?:and|or))\s*$")


def _in_place_list(unit: str, s: int) -> bool:
    """A later name of a list that starts right after a place cue ("near Starytsia, Vovchansk, and Kruhle")."""
    return bool(_LIST_SEP_END.search(unit, max(0, s - 5), s)) and bool(_place_list_cue().search(unit, max(0, s - 240), s))


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"^([^\d()\n]{{2,60}}?)\s*(?:\d{{4}}-\d\d-\d\d|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)\s*$"
    rf"|^([A-Z][^\d()\n]{{1,50}}?)\s*\((?:[A-Z][\w.&' ]{{1,30}})\)\s*[-–—]")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Sir|Dame)\s+$")
_WHO_AFTER = re.compile(r"\s*,\s*who\s")
_PRONOUN_AFTER = re.compile(r"\s+[a-z]{3,}\s+(?:his|her|himself|herself)\b")
_AGE_AFTER = re.compile(r"\s*,\s*(?:aged\s+)?\d{1,2}\s*,")
#: a person noun (its "of/for" complement allowed) and the comma that opens an apposition, right before a name:
#: "His daughter, ", "The mayor of Kyle, ", "the council's chief executive, "
#: a person noun in apposition right after the name: "Supaporn Inthasorn, coordinator of the …", "Lee, a nurse at …"
_APPOSITION_AFTER = re.compile(r"[^\S\n]*,[^\S\n]*(?:(?:the|a|an)[^\S\n]+)?(?:[a-z][\w-]*[^\S\n]+){0,3}?(?P<noun>[a-z][\w-]*)"
                               r"(?:[^\S\n]+(?:of|for|at|with)\b|[^\S\n]*,)")
#: a fronted phrase's preposition before the name ("At University Hospital Limerick, a spokeswoman for …")
_PREPOSITION_BEFORE = re.compile(r"(?<![\w’'-])(?:[Aa]t|[Ii]n|[Oo]n|[Ff]rom|[Nn]ear|[Ii]nside|[Oo]utside|[Ff]or)[^\S\n]+(?:the[^\S\n]+)?$")
#: a speech verb and a subject pronoun of a person right after the name
_SAID_PRONOUN = re.compile(r"[^\S\n]+(?:said|says|added|told[^\S\n]+\w+)[^\S\n]+(?:that[^\S\n]+)?(?:he|she)\b")
_APPOSITION_BEFORE = re.compile(r"(?<![\w’'-])(?P<noun>[A-Za-z][\w-]*)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'.-]*"
                                r"(?:\s+(?:[A-Z][\w’'.-]*|of|and|the)){0,4})?[^\S\n]*,[^\S\n]*$")


def _layout_evidence(m: _Mention, unit: str, s: int, e: int) -> None:
    """Set ``country_paren`` ("Leah Pells ( Canada )": a person), ``score_after`` ("Pohang 3 Ulsan 2",
    "Derbyshire 24 points": a team), ``age_after`` ("Wang , 45 ,") and ``dateline`` (the place part of
    "NEW YORK 1996-08-30" / "KYIV, May 3" / "MOSCOW (Reuters) -") from the line around the mention."""
    ls = unit.rfind("\n", 0, s) + 1
    le = unit.find("\n", e)
    le = len(unit) if le < 0 else le
    after = unit[e:le]
    d = _DATELINE.match(unit, ls, le) if s - ls < 60 else None
    if d and e <= (d.end(1) if d.group(1) else d.end(2)):
        m.dateline = True
        return
    if _AGE_AFTER.match(after):
        m.age_after = True
    if _WHO_AFTER.match(after):
        m.who_after = True
    if _PRONOUN_AFTER.match(after):
        m.pronoun_after = True
    if after.lstrip()[:1] == ",":
        ap = _APPOSITION_BEFORE.search(unit, max(ls, s - 80), s)
        aa = _APPOSITION_AFTER.match(after) if not _PREPOSITION_BEFORE.search(unit, max(ls, s - 12), s) else None
        if (ap and ap.group("noun").lower() in _person_nouns()) or (aa and aa.group("noun") in _person_nouns()):
            m.apposed = True
    if _SAID_PRONOUN.match(after):
        m.pronoun_after = True       # "Frazier-Moss said she was pleased"
    p = _PAREN_AFTER.match(after)
    if p and fold(p.group(1)) in _countries() and m.folded not in _places() and (
            m.cls == "per" or _PERSONAL_RESULT.search(unit[ls:le]) or m.text.split()[0] in _given_names()):
        m.country_paren = True      # not a club in a team results line ("Red Star ( Yugoslavia ) 92")
        return
    if scorecard_player(unit, s, e):
        m.player = True              # a cricket scorecard's player, not a team's score line
        return
    if m.folded in _countries() or _INITIAL.search(m.text) or not _NUMBER_AFTER.match(after) \
            or m.text.split()[0] in _given_names():
        return
    before = unit[ls:s].rstrip()
    if before and before[-1] not in ",:;" and not (before[-1].isdigit() and _NUMBER_TOKEN.search(before[-12:])):
        return
    if len(_NUMBER_TOKEN.findall(unit[ls:le])) >= 2:
        m.score_after = True


_CAP_NAME_WORD = re.compile(r"[A-Z][a-z][\w'’-]*")


def _name_word_ok(w: str) -> bool:
    """A capitalised word that can be part of a person's name (not a place, a word ending place names
    such as "Oblast" or "River", nationality, title, stop-listed or common function word)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    f = fold(w)
    return bool(_CAP_NAME_WORD.fullmatch(w)) and w.lower() not in STOP_WORDS and f not in _places() \
        and f not in _demonyms() and f not in _stoplist() and (f,) not in _title_set() \
        and f not in _table_stopwords() and f not in _place_cues()[1]


def _extend_given(unit: str, s: int, e: int) -> tuple[int, int]:
    """Grow a span around a common given name: "Mikael" + "Tillstrom" when the span is the given name
    alone, "Shawn" + "Estes", "Ronald" + "de Boer"; and "Waqar Younis" when the word before the span
    is a given name."""
    words = list(_WORD.finditer(unit, s, e))
    if len(words) == 1 and words[0].group(0) in _given_names():
        pos, added = e, 0
        for m in _WORD.finditer(unit, e):
            w = m.group(0)
            if unit[pos:m.start()] != " ":
                break
            if w in _PARTICLES:
                pos = m.end()
                continue
            if not _name_word_ok(w):
                break
            e, pos, added = m.end(), m.end(), added + 1
            if added == 2:
                break
    prev = re.search(r"(\S+) $", unit[max(0, s - 30):s])
    if prev and prev.group(1) in _given_names():
        s = s - 1 - len(prev.group(1))
    return s, e


def _mentions_for_unit(doc, unit: str, base: int, headline: bool) -> list[_Mention]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        for ps, pe in _pieces(unit, ent.start_char, ent.end_char):
            if not headline:
                ps, pe = _extend_given(unit, ps, pe)
            m = _make_mention(unit, ps, pe, base, ent.label_, headline)
            if m:
                out.append(m)
    return out
