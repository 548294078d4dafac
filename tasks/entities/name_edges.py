"""Where a person's name begins and ends beyond the model's span: the given name before a surname the model found
alone ("Mikael" + "Tillstrom", "Mayor |Ivona| Perić-Vukadin", "the judge, |Emeka| Nwosu-Ajayi"), the part of a name
after a hyphen the model cut off ("Kweon Seong|-dong", "Reto Imboden|-Kalbermatter"), and the shape tests those read
(a capitalised word that can be part of a name, a title right before). Split out of spans.py unchanged; written here
because the small spaCy model often cuts names at hyphens and given names, and no library mends its spans."""
from __future__ import annotations

import re
import unicodedata

from tasks.entities.evidence import _APPOSITION_BEFORE
from tasks.entities.keys import fold
from tasks.entities.rules import (
    _WORD,
    _demonyms,
    _given_names,
    _hyphen_prefixes,
    _person_nouns,
    _place_cues,
    _places,
    _stoplist,
    _surname_particles,
    _table_stopwords,
    _title_lengths,
    _title_nouns,
    _title_set,
    _vote_given_names,
)


#: one or two capitalised words and a double-barrelled last one ("Mutale Kabwe-Sichone")
#: a double-barrelled surname, both parts capitalised ("Kabwe-Sichone"); also missed_names.py
BARRELLED_SURNAME = r"[A-Z][\w’']*[a-zß-öø-ÿā-ž]-[A-Z][\w’']*[a-zß-öø-ÿā-ž]"     # "Lātū-Whitford", "Szymańska-Dąb" too
_BARRELLED_SURNAME_RE = re.compile(BARRELLED_SURNAME)


def _deaccent(word: str) -> str:
    """``word`` without its accents ("Théo" -> "Theo")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# lower-case words that can start or end a name ("Ronald de Boer", "Vincent van Gogh")
_PARTICLES = _surname_particles()[0]


#: "Síle", "Pérez", "Émile": accented letters too; "O'Halloran-Webb", "D’Souza": an apostrophe after the first capital
#: the capital letters a name may open with: A-Z and the Latin ones with accents ("Émile", "Šťastná", "Łukasz")
CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_CAP_NAME_WORD = re.compile(rf"[{CAPITALS}](?:['’][{CAPITALS}])?[a-zß-öø-ÿā-ž][\w'’-]*")


def _title_before(unit: str, s: int) -> bool:
    """A title or role (rules/titles.txt) ends right before offset ``s`` (allowing a comma-free gap), or a person
    noun that is one there ("Chief financial officer Meenakshi Sundaresan": ``_title_nouns``)."""
    prefix = unit[max(0, s - 40):s].lower().rstrip()
    words = prefix.split()
    titles = _title_set()
    if words and words[-1] in _title_nouns():
        return True
    return any(len(words) >= n and tuple(words[-n:]) in titles for n in _title_lengths())


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
    alone, "Shawn" + "Estes", "Ronald" + "de Boer" (after a person noun's apposition comma, any given name of the
    gender list: "His sports director at Jayco AlUla, Marta" + "Zielińska-Hart"); and "Waqar Younis" when the word
    before the span is a given name (of the wider list before a lone double-barrelled surname: "Ambrose" +
    "Tchakounté-Reilly"), or any name word between a title and the span ("Mayor |Ivona| Perić-Vukadin")."""
    words = list(_WORD.finditer(unit, s, e))
    apposed = len(words) == 1 and _apposition_noun(unit, s)
    first = words[0].group(0) if len(words) == 1 else ""
    if first and (first in _given_names() or (apposed and first in _vote_given_names())
                  or ("-" in first and first.split("-")[0] in _given_names())):    # "Pierre-Olivier" + "N’Diaye"
        pos, added = e, 0
        for m in _WORD.finditer(unit, e):
            w = m.group(0).rstrip(",;:")      # "Marta Zielińska-Hart|,|": the name ends at its comma
            if unit[pos:m.start()] != " ":
                break
            if w in _PARTICLES:
                pos = m.end()
                continue
            if not _name_word_ok(w):
                break
            e, pos, added = m.start() + len(w), m.start() + len(w), added + 1
            if added == 2 or len(w) < len(m.group(0)):
                break
    prev = re.search(r"(\S+) $", unit[max(0, s - 30):s])
    plain = _deaccent(prev.group(1)) if prev else ""
    barrelled = len(words) == 1 and _BARRELLED_SURNAME_RE.fullmatch(unit, s, e) is not None
    after_title = _given_after_title(unit, s) if prev else None
    # "Western Pacific's |Mateus| Villanueva-Oyelowo": a name word between an owner's possessive and a lone
    # double-barrelled surname is the given name
    owned = barrelled and prev is not None and _name_word_ok(prev.group(1)) \
        and _POSSESSIVE_BEFORE.search(unit, max(0, s - 60), s - 1 - len(prev.group(1))) is not None
    if prev and (prev.group(1) in _given_names() or (plain != prev.group(1) and plain in _vote_given_names())
                 or (barrelled and prev.group(1) in _vote_given_names()) or after_title is not None or owned):
        s = after_title if after_title is not None else s - 1 - len(prev.group(1))
        barrel = _BARREL_AFTER.match(unit, e)
        if barrel is not None and len(words) == 1:
            e = barrel.end()        # "Iñigo + Zubeldia|-Arrate": the model cut the surname at its hyphen
    return s, e


def _particle_barrel_before(unit: str, s: int) -> int:
    """Start of the span grown over the first half of a double-barrelled surname that an elided particle opens, which
    the model cut off ("Rosalind |d'Arcy-|Nwachukwu", "Mathilde |l’Estrange-|Okafor")."""
    mp = _ELIDED_HALF_BEFORE.search(unit, max(0, s - 30), s)
    return mp.start() if mp is not None else s


#: an elided particle, a capitalised name and a hyphen right before a span ("d'Arcy-", "l’Estrange-")
_ELIDED_HALF_BEFORE = re.compile(r"(?<![\w’'-])[dDlL][’'][A-Z][\w’']*[a-z]-$")
#: an owner's possessive and the space after it, right before a position ("Western Pacific's |")
_POSSESSIVE_BEFORE = re.compile(r"[\w.]['’]s?[^\S\n]+$")

#: the word right before a position and the one space after it
_WORD_AND_SPACE = re.compile(r"(\S+) $")


def _given_after_title(unit: str, s: int) -> int | None:
    """Start of a given name (and the capitalised particles after it) between a title and the span ("Mayor |Ivona|
    Perić-Vukadin", "Judge |Áine Ó| Cearbhaill-Lindqvist"): the model left it out; None when there is none."""
    particles, pos = _surname_particles()[1], s
    for _ in range(3):
        mw = _WORD_AND_SPACE.search(unit, max(0, pos - 30), pos)
        if mw is None:
            return None
        word, pos = mw.group(1), mw.start(1)
        if word.lower() not in particles:
            titled = any((part,) in _title_set() or part in _title_nouns() for part in word.lower().split("-"))
            return pos if _name_word_ok(word) and not titled and _title_before(unit, pos) else None
    return None


#: one capitalised word right before a span ("the judge, |Emeka| Nwosu-Ajayi")
_WORD_BEFORE = re.compile(r"(?P<given>[A-Z][\w’'-]+)[^\S\n]+$")


def _given_after_apposition(unit: str, s: int) -> int:
    """Start of the span grown over a given name between an apposition's comma and it ("the judge, Emeka
    Nwosu-Ajayi," -> "Emeka Nwosu-Ajayi", so the apposition votes for a person)."""
    mg = _WORD_BEFORE.search(unit, max(0, s - 40), s)
    if mg and _name_word_ok(mg.group("given")) and _apposition_noun(unit, mg.start("given")):
        return mg.start("given")
    return s


def _apposition_noun(unit: str, s: int) -> bool:
    """A lower-case person noun's apposition (``evidence._APPOSITION_BEFORE``: "the judge, ", "His sports director at
    Jayco AlUla, ") ends right before ``s``."""
    ap = _APPOSITION_BEFORE.search(unit, max(0, s - 80), s)
    return ap is not None and ap.group("noun")[:1].islower() and ap.group("noun") in _person_nouns()


_SYLLABLE_AFTER = re.compile(r"-([a-z]{2,5})\b")
#: words after a hyphen that make a compound adjective of a name ("Smith-led", "Tokyo-based"), never a name's syllable
_COMPOUND_TAILS = frozenset("based led born backed owned run era style like type made free wide linked aged year old "
                            "era".split())


#: the capitalised second half of a double-barrelled surname ("Imboden|-Kalbermatter", "Menon|-D’Souza")
_BARREL_AFTER = re.compile(r"-([A-Z][\w’']*[a-z][\w’']*)(?![\w-])")


def _hyphenated_given_name(unit: str, e: int) -> int:
    """The end of a Korean-style given name the model cut at its hyphen ("Kweon Seong|-dong", "Jung Chung|-rae"), of
    a double-barrelled surname cut at its hyphen ("Reto Imboden|-Kalbermatter"), or of a name whose surname with a
    joined article the model left out ("Ahmed Fathy| El-Sherbiny"; ``_hyphen_prefixes``). A span the model ended on the
    hyphen itself ("Ambrose T. Kealoha-|Finch") is read from before it."""
    if unit[e - 1:e] == "-" and unit[e - 2:e - 1].isalpha() and _BARREL_AFTER.match(unit, e - 1):
        e -= 1
    mm = _SYLLABLE_AFTER.match(unit, e) or _BARREL_AFTER.match(unit, e)
    if mm and mm.group(1).lower() not in _COMPOUND_TAILS and unit[e - 1:e].isalpha():
        return mm.end()
    ma = _ARTICLE_SURNAME_AFTER.match(unit, e)
    if ma and ma.group(1).lower() in _hyphen_prefixes() and unit[e - 1:e].isalpha():
        return ma.end()
    return e


#: a surname with a joined article right after a name ("Ahmed Fathy| El-Sherbiny")
_ARTICLE_SURNAME_AFTER = re.compile(r"[^\S\n]([A-Za-z]{2,3})-[A-Z][\w’']*[a-z](?![\w-])")
