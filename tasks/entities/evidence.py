"""Layout and context evidence for the class vote of a mention (step 4b of the ``tasks.entities`` docstring): the
line around a name says whether it is a person ("Wang , 45 ,", "Leah Pells ( Canada )", "His daughter, X, said",
"X said she"), a team or firm ("Pohang 3 Ulsan 2", "X spokesman"), a place ("near X", a dateline) or a cricket
scorecard's player. Split out of spans.py unchanged; ``spans._make_mention`` sets these flags on each mention."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.entities.keys import fold
from tasks.entities.rules import (
    _countries,
    _facility_words,
    _given_names,
    _org_role_nouns,
    _org_words,
    _owned_cues,
    _person_nouns,
    _place_cues,
    _place_list_cue,
    _places,
    _title_set,
    _weapon_cues,
)

if TYPE_CHECKING:
    from tasks.entities.spans import _Mention


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


#: a saint's name, before a possessive (``_POSSESSIVE_AFTER``: "St Peter|'s Primary")
_SAINTS_POSSESSIVE = re.compile(r"(?:St\.?|Saint)\s+[A-Z]")


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
    if m.cls == "per" and _SAINTS_POSSESSIVE.match(m.text) and _POSSESSIVE_AFTER.match(unit, e):
        m.org_cue = True             # "St Peter's Primary", "St Mary's": a school, church or hospital named for a saint
        return
    if _opens_org_report(m, unit, s, e):
        m.org_cue = True             # "|Fox River Fiber| will cut 180 jobs at its mill, the company said Friday."
        return
    apposed = _APPOSED_ROLE.match(unit, e)
    if apposed is not None and fold(apposed.group(1)) in _org_role_nouns():
        m.org_cue = True             # "|Netivei Israel|, the national roads company, said": a company
        return
    if (nxt in after or (nxt1 and nxt1[0] in after)) and m.folded not in _countries():
        m.org_cue = True            # a country is not a club: "Japan coach" is the national team (a place)
        return
    owned = _POSSESSIVE_AFTER.match(unit, e)
    owner_of = fold(" ".join(unit[owned.end():owned.end() + 40].split()[:3])) if owned else ""
    if owned and any(owner_of == c or owner_of.startswith(c + " ") for c in _owned_cues()) \
            and m.folded not in _countries() and m.folded not in _places():
        m.org_cue = True            # "Volkmann Axle North America's chief executive": a company
        return
    prev = unit[max(0, s - 40):s].split()[-2:]
    prevf = fold(" ".join(prev))
    punct_before = bool(re.search(r"[,;:]\s*$", unit[max(0, s - 4):s]))     # "On the union side, Boutaleb": no cue
    ageless = re.sub(r"^\d+\s+", "", prevf)    # "the 27-year-old from |Bathurst|": the cue "year old from"
    if not punct_before and (prevf in before or (prev and fold(prev[-1]) in before)):
        m.org_cue = True
    elif (prevf in _place_cues()[0] or ageless in _place_cues()[0] or (prev and fold(prev[-1]) in _place_cues()[0])
          or _in_place_list(unit, s)) \
            and not m.text.isupper() and not _POSSESSIVE_AFTER.match(unit, e):  # not "near KPA" (acronym), "outside Smith's"
        m.place_cue = True
    elif m.cls == "per" and " " not in m.text and _THE_BEFORE.search(unit, max(0, s - 5), s) and not m.text.endswith("s") \
            and _CLAUSE_AFTER.match(unit, e):
        m.org_cue = True             # "told |the Chronicle| that": a person's name takes no article (nor does a
        #                              family, "the Kennedys"; "the Clinton campaign" is a modifier)
    elif m.cls == "per" and " " not in m.text and len(prev) == 2 and prev[1] == "in" and fold(prev[0]) in _org_words()[0]:
        m.place_cue = True           # "The National Weather Service in |Sullivan| said": where the office is
    elif m.cls == "per" and _home_place(m, unit, s):
        m.place_cue = True           # "Tamsin Oyelaran-Guidry of |Rayville| said", "X, 61, of |Elkton|, who": where they live


#: an apposition right after a name naming what it is, closed by a comma, maybe after where it is ("|Netivei Israel|,
#: the national roads company,", "|Sabhal Mòr Ostaig|, the Gaelic college in Sleat,"): group 1 its head noun
_APPOSED_ROLE = re.compile(r"[^\S\n]*,[^\S\n]+the[^\S\n]+(?:[\w-]+[^\S\n]+){0,3}?([a-z]+)"
                           r"(?:[^\S\n]+(?:in|of|at|on|near|for)[^\S\n]+[A-Z][^,\n]{0,40})?,")


#: the start of a clause a name may open: a line's, a sentence's, or after a dateline's dash ("KAUKAUNA, Wis. (WBAY) - |")
_CLAUSE_OPEN_BEFORE = re.compile(r"(?:^|[.!?][\"”’']?[^\S\n]+|[^\S\n][—–-][^\S\n]+)(?:[Tt]he[^\S\n]+)?$", re.M)
#: the rest of that sentence closed by ", the <role> said" ("… at its Kaukauna mill, the company said Friday.")
_ROLE_SAID_AFTER = re.compile(r"[^.!?\n]*?,[^\S\n]+the[^\S\n]+([a-z]+)[^\S\n]+(?:said|says|announced|confirmed|stated)\b")


def _opens_org_report(m: _Mention, unit: str, s: int, e: int) -> bool:
    """Does the name open a sentence that ", the company said" closes (a noun of ``rules/org_cues.txt`` "role:")?
    Only a name the model took for an organisation, or one of two words or more no given name opens: not "Okafor will
    step down in March, the company said", nor "Jane Okafor will succeed him": the people the company named."""
    words = m.text.split()
    if m.ner_label != "ORG" and (len(words) < 2 or words[0] in _given_names()):
        return False
    ls = unit.rfind("\n", 0, s) + 1
    said = _ROLE_SAID_AFTER.match(unit, e) if _CLAUSE_OPEN_BEFORE.search(unit, ls, s) else None
    return said is not None and fold(said.group(1)) in _org_role_nouns()


def _home_place(m: _Mention, unit: str, s: int) -> bool:
    """Does a person's name come right before "of" and the mention ("X of |Rayville|")? One word, or any after an age
    ("Marguerite “Maggie” X, 81, of |Ellison Bay|, who")."""
    home = _HOME_PLACE_BEFORE.search(unit, max(0, s - 80), s)
    return home is not None and (" " not in m.text or home.group("age") is not None)


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
_WHICH_AFTER = re.compile(r"[^\S\n]*,[^\S\n]*which\s")
_SPEAKS_AFTER = re.compile(r"[^\S\n]+(?:said|says|told|added|explained|insisted|replied|noted|stressed|argued|warned"
                           r"|acknowledged|admitted|recalled|conceded|cautioned)\b")
_PRONOUN_AFTER = re.compile(r"\s+[a-z]{3,}\s+(?:his|her|himself|herself)\b")
_AGE_AFTER = re.compile(r"\s*,\s*(?:aged\s+)?\d{1,2}\s*,")
#: a person noun (its "of/for" complement allowed) and the comma that opens an apposition, right before a name:
#: "His daughter, ", "The mayor of Kyle, ", "the council's chief executive, ", "His sports director at Jayco AlUla, "
#: a person noun in apposition right after the name: "Supaporn Inthasorn, coordinator of the …", "Lee, a nurse at …"
_APPOSITION_AFTER = re.compile(r"[^\S\n]*,[^\S\n]*(?:(?:the|a|an)[^\S\n]+)?(?:[a-z][\w-]*[^\S\n]+){0,3}?(?P<noun>[a-z][\w-]*"
                               r"|(?P<cap>[A-Z][a-z]+(?:-[a-z]+)?))(?:[^\S\n]+(?:of|for|at|with)\b|[^\S\n]*,)")
#: (a capitalised title too, before its "of": "Nana Kwaku Adu-Boahen II, Chairman of the Union,")
#: a fronted phrase's preposition before the name ("At University Hospital Limerick, a spokeswoman for …")
_PREPOSITION_BEFORE = re.compile(r"(?<![\w’'-])(?:[Aa]t|[Ii]n|[Oo]n|[Ff]rom|[Nn]ear|[Ii]nside|[Oo]utside|[Ff]or)[^\S\n]+(?:the[^\S\n]+)?$")
#: a name's (or an age's) "of"/"from" and up to two capitalised words right before ("Papadakis-Burke of East |", "X,
#: 61, of |")
_OF_PLACE_BEFORE = re.compile(r"(?:[A-Za-z][\w’'-]*|\d{1,3},)[^\S\n]+(?:of|from)[^\S\n]+(?:[A-Z][\w’'.-]*[^\S\n]+){0,2}$")
#: a person's name of two or more words, maybe their age, and "of" right before a one-word name: where they live
_HOME_PLACE_BEFORE = re.compile(r"(?:[“\"‘(]?[A-Z][\w’'-]+[”\"’)]?[^\S\n]+)+[A-Z][\w’'-]*[a-z](?P<age>,[^\S\n]*\d{1,3},)?"
                                r"[^\S\n]+of[^\S\n]+$")
#: a speech verb and a subject pronoun of a person right after the name
#: the article right before a one-word name, and the end of its noun phrase right after it (``_org_context``)
_THE_BEFORE = re.compile(r"(?<![\w’'-])[Tt]he[^\S\n]+$")
_CLAUSE_AFTER = re.compile(r"[^\S\n]*(?:[,.;:!?)”\"]|$)|[^\S\n]+(?:that|on|in|at|for|about|and|or|to|with|after|before|of|"
                           r"last|this|when|said|says|reported|reports|told|wrote|published|obtained)\b")
_SAID_PRONOUN = re.compile(r"[^\S\n]+(?:said|says|added|told[^\S\n]+\w+)[^\S\n]+(?:that[^\S\n]+)?(?:he|she)\b")
_APPOSITION_BEFORE = re.compile(r"(?<![\w’'-])(?P<noun>[A-Za-z][\w-]*)(?:\s+(?:of|for|at|with)\s+(?:the\s+)?[A-Za-z][\w’'.-]*"
                                r"(?:\s+(?:[A-Z][\w’'.-]*|of|and|the|[a-z]{3,})){0,5}(?:[^\S\n]+\([A-Z][A-Za-z]{1,9}\))?)?[^\S\n]*,[^\S\n]*$")
#: (the body's acronym may follow it: "The chairman of the Tanzania Freight Forwarders Association (TAFFA), "; lower-case
#: words too: "The mayor of the mountain town of Berkovitsa, ")


#: a given name's introduction ("who gave only her first name, |Renata|", "who gave his first name as |Mike|",
#: "identified only by his first name, |Ahmad|")
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w’'-])(?:first|given)[^\S\n]+name(?:[^\S\n]*,|[^\S\n]+(?:as|is|of))[^\S\n]+$")


#: an age as an adjective right before a name ("his daughter, |15-year-old |Amara,")
_AGED_BEFORE = re.compile(r"(?<![\w-])\d{1,3}-year-old[^\S\n]+$")
#: what ends a name (no noun it modifies follows): punctuation, or a verb ("15-year-old Amara|,", "Liam| cried")
_NAME_ENDS = re.compile(r"[^\S\n]*(?:[,.;:)]|$)|[^\S\n]+(?:[a-z]+ed|said|says|told|was|is|has|had|and)\b")


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
    if _WHO_AFTER.match(after) and not _OF_PLACE_BEFORE.search(unit, max(ls, s - 40), s):
        m.who_after = True      # (not the place of "Theodora X of East |Boston|, who said": the who is hers)
    if _WHICH_AFTER.match(after) and m.ner_label in ("PERSON", "ORG") and m.folded not in _places() \
            and m.folded not in _countries():
        m.which_after = True
    if _PRONOUN_AFTER.match(after):
        m.pronoun_after = True
    if _SPEAKS_AFTER.match(after):
        m.speaks_after = True
    if after.lstrip()[:1] == "," and not m.text.isupper():     # (not the body's acronym: "… of Nigeria, IPMAN,")
        ap = _APPOSITION_BEFORE.search(unit, max(ls, s - 80), s)
        aa = _APPOSITION_AFTER.match(after) if not _PREPOSITION_BEFORE.search(unit, max(ls, s - 12), s) else None
        if (ap and ap.group("noun").lower() in _person_nouns()) or (aa and aa.group("noun") in _person_nouns()) \
                or (aa and aa.group("cap") and (aa.group("cap").lower(),) in _title_set()
                    and re.match(r"[^\S\n]+(?:of|for)\b", after[aa.end("cap"):])):
            m.apposed = True
    if _FIRST_NAME_BEFORE.search(unit, max(ls, s - 30), s) or (
            _AGED_BEFORE.search(unit, max(ls, s - 16), s) and m.ner_label != "NORP" and _NAME_ENDS.match(after)):
        #   (not "the 30-year-old Nigerian-American said", "The 23-year-old Surrey opener": a modifier of the noun)
        m.apposed = True             # "A woman who gave only her first name, Renata, said", "15-year-old Amara": a person
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
