"""Rule data of the entity stage (``tasks/rules/``: titles, stop list, demonyms, places, given names,
organisation cues, aliases, transliteration) and the label constants."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tasks import rulefiles
from tasks.entities.keys import fold
from tasks.settings import RULES_DIR

RULES = RULES_DIR   # the rule files' folder (read through tasks.rulefiles)

NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})
# spaCy label -> coarse CoNLL-style type used by the evaluations (others ignored)
COARSE_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
# spaCy label -> entity class (the prefix of entity_key)
LABEL_CLASS = {"PERSON": "per", "ORG": "org", "GPE": "loc", "LOC": "loc", "FAC": "loc", "NORP": "norp"}
# class -> label used when the vote moves a mention to a class its own label is not in
CLASS_LABEL = {"per": "PERSON", "org": "ORG", "loc": "GPE", "norp": "NORP", "misc": "MISC"}
# alias-file label -> class
ALIAS_CLASS = {"PER": "per", "ORG": "org", "LOC": "loc", "NORP": "norp", "MISC": "misc"}

BATCH_SIZE = 256

W_NER, W_TITLE, W_ALIAS, W_DEMONYM, W_PLACE = 1.0, 3.0, 5.0, 5.0, 1.5
# layout evidence: "Name ( Country )" is a person; "Name 3 Other 1" / "Name 24 points" is a team (org)
W_COUNTRY_PAREN, W_SCORE = 3.0, 3.0
# name-shape evidence: first word a common given name / "K. Evans" initial (person); organisation
# suffix word ("... Bank", "... Inc") or cue ("X spokesman", "shares in X") (organisation)
W_GIVEN, W_INITIAL, W_ORG_SUFFIX, W_ORG_CUE = 2.0, 3.0, 3.0, 3.0
# "Wang , 45 ," (an age in apposition: a person); a dateline place ("NEW YORK 1996-08-30",
# "KYIV (Reuters) -"), which also keeps the dateline mention out of a same-named team's entity
W_AGE, W_DATELINE = 3.0, 5.0
# "near X", "the village of X", "north of X" (rules/place_cues.txt): a place
W_PLACE_CUE = 3.0
# "Patriot missiles", "Liutyj drone" (rules/weapon_cues.txt): a PERSON-labelled name that is a weapon
W_WEAPON_CUE = 3.0
# a cricket scorecard's player: bowling figures after the name ("McGrath 10-1-30-2", overs-maidens-runs-
# wickets) or the name after a dismissal word ("c Healy b McGrath 5"); never a team's score line
W_PLAYER = 3.0
# "Storm Amy", "Operation Spiderweb" (rules/event_prefixes.txt): a named event, not a person
W_EVENT_PREFIX = 3.0
# "Rogers, who was named player of the match, said": a relative "who" after a name (organisations take "which")
W_WHO = 2.0
# "Aquidneck Sailcloth, which has woven sail fabric …": a relative "which" after a name the model took for a person or
# an organisation (no place: "Portsmouth, which …" keeps its place votes)
W_WHICH = 2.0
# "Kemi Badenoch opened her speech", "Starmer made his case": the subject's own verb then his/her (a place or
# an organisation takes "its")
W_PRONOUN = 2.0
# "His daughter, Siobhán Mulcahy, said", "the council's chief executive, Morgan Hartley, said": a name between
# commas after a title or a person noun (rules/person_nouns.txt)
W_APPOSED = 3.0
#: a given name (any) and a double-barrelled surname, "Mutale Kabwe-Sichone", "Rukhsana Idrees-Colby": a person's shape
W_BARREL = 2.0

_STRIP_CHARS = " \t.,;:!?\"'“”‘’«»()[]{}<>-–—/|*•·"
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_ABBREV_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Bros)\.)$")
_WORD = re.compile(r"\S+")


# ---------------------------------------------------------------------------
# rule data
# ---------------------------------------------------------------------------

def trie_regex(words, fold_case: bool = False) -> str:
    """A non-capturing regex matching any of ``words``, factored as a prefix trie.

    Equivalent to the alternation of the words sorted longest first (at any position the longest
    word that lets the rest of the pattern match wins: deeper branches are tried before a word
    ends), but Python's regex engine tests one branch per character instead of every word at
    every position - ~10x faster for hundreds of names. ``fold_case``: build the trie over
    lower-cased words, for patterns compiled with re.IGNORECASE.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in (w.lower() if fold_case else w):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append("")
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return "(?:" + emit(trie) + ")" if trie else "(?!)"



def _lines(name: str) -> list[str]:
    """A rule file's lines (tasks.rulefiles.lines: stripped, no blank or `#` comment lines)."""
    return rulefiles.lines(name)


@lru_cache(maxsize=1)
def _titles() -> tuple[tuple[str, ...], ...]:
    """Titles as lower-cased word tuples, longest first."""
    ts = {tuple(t.lower().split()) for t in _lines("titles.txt")}
    return tuple(sorted(ts, key=len, reverse=True))


@lru_cache(maxsize=1)
def _title_set() -> frozenset[tuple[str, ...]]:
    """The titles as a set, for membership tests (a title tuple is looked up, not scanned for)."""
    return frozenset(_titles())


@lru_cache(maxsize=1)
def _post_nominals() -> frozenset[str]:
    """Letters after a person's name (``rules/post_nominals.txt``, case-sensitive): "TD", "MP", "KC", "OBE"."""
    return frozenset(_lines("post_nominals.txt"))


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Single-word titles and the nouns of ``rules/person_nouns.txt``, lower-cased: heads of a person's apposition."""
    return frozenset(t[0] for t in _titles() if len(t) == 1) | frozenset(w.lower() for w in _lines("person_nouns.txt"))


@lru_cache(maxsize=1)
def _title_nouns() -> frozenset[str]:
    """Person nouns that make the name right after them a person's, as a title does ("Chief financial officer
    Meenakshi Sundaresan"): ``_person_nouns`` less ``rules/person_nouns_not_titles.txt``."""
    return _person_nouns() - frozenset(w.lower() for w in _lines("person_nouns_not_titles.txt"))


@lru_cache(maxsize=1)
def _surname_particles() -> tuple[frozenset[str], frozenset[str]]:
    """Particles of family names (``rules/surname_particles.txt``): (the lower-case ones: "de", "van"; all of them,
    lower-cased, with the capitalised Gaelic ones: "ó", "nic")."""
    sec = rulefiles.sections("surname_particles.txt")
    low = frozenset(sec.get("lowercase", []))
    return low, low | frozenset(w.lower() for w in sec.get("gaelic", []))


@lru_cache(maxsize=1)
def _person_particles() -> frozenset[str]:
    """Lower-case particles only people's names hold (``rules/surname_particles.txt`` [person_only]: "ap", "bin")."""
    return frozenset(rulefiles.sections("surname_particles.txt").get("person_only", []))


@lru_cache(maxsize=1)
def _hyphen_prefixes() -> frozenset[str]:
    """The Arabic article and name words joined by a hyphen to a surname (``rules/surname_particles.txt``
    [hyphen_prefixes]: "al", "el", "abu")."""
    return frozenset(rulefiles.sections("surname_particles.txt").get("hyphen_prefixes", []))


@lru_cache(maxsize=1)
def _title_first_words() -> frozenset[str]:
    """The first word of every title ("defence" of "defence minister"), for membership tests."""
    return frozenset(t[0] for t in _titles())


@lru_cache(maxsize=1)
def _title_lengths() -> tuple[int, ...]:
    """The word counts titles have, longest first."""
    return tuple(sorted({len(t) for t in _titles()}, reverse=True))


@lru_cache(maxsize=1)
def _stoplist() -> frozenset[str]:
    return frozenset(fold(s) for s in _lines("entity_stoplist.txt"))


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(fold(s) for s in _lines("demonyms.txt"))


@lru_cache(maxsize=1)
def _party_members() -> frozenset[str]:
    """A party's member ending a politician's epithet ("the Wilton Democrat": ``rules/party_members.txt``)."""
    return frozenset(fold(s) for s in _lines("party_members.txt"))


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(fold(s) for s in _lines("countries.txt"))


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Known places: the hand list (countries, regions, major cities) and the world's cities of 100,000+
    people (``places_world_cities.txt``, from GeoNames) and first-level subdivisions (``places_subdivisions.txt``)."""
    return frozenset(fold(s) for f in ("places.txt", "places_world_cities.txt", "places_subdivisions.txt") for s in _lines(f))


@lru_cache(maxsize=1)
def _vote_given_names() -> frozenset[str]:
    """Given names for the person vote only (W_GIVEN): ``given_names.txt`` and, capitalised, the names of
    ``given_name_gender.tsv`` (a name that is also a known place, "Georgia", "Florence", or a title,
    "Major", is left out). Not used to grow spans or find missed names, where a wrong name costs more."""
    places = _places() | _countries()
    titles = {t[0] for t in _title_set() if len(t) == 1}
    extra = {row[0].capitalize() for row in rulefiles.table("given_name_gender.tsv")
             if row and "'" not in row[0] and fold(row[0]) not in places and row[0] not in titles}
    return _given_names() | frozenset(extra)


@lru_cache(maxsize=1)
def _gendered_given_names() -> frozenset[str]:
    """Every lower-case name of ``given_name_gender.tsv``, places among them ("santiago", "florence")."""
    return frozenset(row[0] for row in rulefiles.table("given_name_gender.tsv") if row)


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Lower-case given name -> "m" | "f" (``given_name_gender.tsv``)."""
    return {row[0]: row[1] for row in rulefiles.table("given_name_gender.tsv") if len(row) >= 2}


def given_name_gender(name: str) -> str | None:
    """The usual gender of a given name ("m" | "f"; ``given_name_genders``), any case, its accents dropped when
    the list has it only without them ("Gérard" as "gerard"); None for a name not listed."""
    low = name.lower()
    found = given_name_genders().get(low)
    if found is None:
        plain = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
        found = given_name_genders().get(plain) if plain != low else None
    return found


@lru_cache(maxsize=1)
def word_genders() -> dict[str, str]:
    """Title and role words that tell a person's gender ("mr": m, "widow": f), lower case: the list the quote rules
    read too (``quote_patterns.txt`` [gendered_words], ``word: m|f`` lines)."""
    return parse_word_genders(rulefiles.sections("quote_patterns.txt").get("gendered_words", []))


def parse_word_genders(lines: list[str]) -> dict[str, str]:
    """``word: m|f`` lines -> {lower-case word: gender} (also the quote rules' reader of that section)."""
    out = {}
    for line in lines:
        word, _, gender = line.partition(":")
        out[word.strip().lower()] = gender.strip()
    return out


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Common given names (case-sensitive as written in ``rules/given_names.txt``)."""
    return frozenset(_lines("given_names.txt"))


@lru_cache(maxsize=1)
def _org_cues() -> dict[str, frozenset[str]]:
    """``rules/org_cues.txt`` read once: its folded phrases by kind (``_ORG_CUE_KINDS``)."""
    return _cue_sections("org_cues.txt", _ORG_CUE_KINDS)


def _org_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(last words of organisation names, cue phrases right after an organisation, cue phrases right
    before one) from ``rules/org_cues.txt`` (folded)."""
    sections = _org_cues()
    return sections["suffix"], sections["after"], sections["before"]


def ends_in_org_word(name: str) -> bool:
    """Does ``name`` end in an organisation word of ``rules/org_cues.txt`` ("State Fire and Rescue |Service|")?"""
    words = name.split()
    return bool(words) and fold(words[-1]) in _org_words()[0]


def _owned_cues() -> frozenset[str]:
    """Cue phrases after a name and its possessive that only an organisation has ("Volkmann Axle North America's
    chief executive"; ``rules/org_cues.txt`` "owned:", folded): not "Putin's spokesman"."""
    return _org_cues()["owned"]


def _org_role_nouns() -> frozenset[str]:
    """Common nouns only an organisation is called by, in ", the company said" closing a sentence a name opens
    (``rules/org_cues.txt`` "role:", folded)."""
    return _org_cues()["role"]


def _name_small_words() -> frozenset[str]:
    """Folded small words inside organisation names ("of", "and", "de"): an acronym may skip them
    (``rules/org_cues.txt``, ``small:``)."""
    return _org_cues()["small"]


@lru_cache(maxsize=1)
def _office_holders() -> tuple[str, ...]:
    """Holders whose office is an organisation named after them ("District Attorney's Office"), as written in
    ``rules/org_cues.txt`` (not folded: they are matched with their capital)."""
    return tuple(ln.partition(":")[2].strip() for ln in _lines("org_cues.txt") if ln.startswith("office:"))


def _company_words() -> frozenset[str]:
    """Business words ending a company's name whose first words alone name the company too ("Kafue Ridge" for "Kafue
    Ridge Copper Mines"; ``rules/org_cues.txt`` "company:", folded); a public body's name ("World Aquatics Bureau",
    "Nakuru County Assembly") is no such name."""
    return _org_cues()["company"]


def _legal_suffixes() -> frozenset[str]:
    """A company's legal form after its name ("NV", "Inc.", "plc"; ``rules/org_cues.txt`` "legal:", folded): the
    name without it is the one readers use ("Stellantis" for "Stellantis NV")."""
    return _org_cues()["legal"]


#: the kinds of lines of rules/org_cues.txt
_ORG_CUE_KINDS = ("suffix", "after", "before", "legal", "company", "office", "small", "owned", "role")


def _cue_sections(name: str, kinds: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """A cue file's folded phrases by kind (lines "kind: phrase", e.g. "suffix: Bank")."""
    sections: dict[str, set[str]] = {k: set() for k in kinds}
    for ln in _lines(name):
        kind, _, phrase = ln.partition(":")
        sections[kind.strip()].add(fold(phrase.strip()))
    return {k: frozenset(v) for k, v in sections.items()}


@lru_cache(maxsize=1)
def _place_cues() -> tuple[frozenset[str], frozenset[str]]:
    """(folded phrases right before a place name, folded last words of place names) from
    ``rules/place_cues.txt``."""
    sections = _place_sections()
    return sections["before"], sections["suffix"] | sections["unit"]


@lru_cache(maxsize=1)
def _place_sections() -> dict[str, frozenset[str]]:
    return _cue_sections("place_cues.txt", ("before", "suffix", "unit", "after", "ending", "local"))


@lru_cache(maxsize=1)
def _local_units() -> frozenset[str]:
    """Folded words of local government ("County", "Parish") that follow a place named after a person."""
    return _place_sections()["local"]


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """Folded words of administrative units ("Oblast", "Krai", "Province"): never a name on their own."""
    return _place_sections()["unit"]


@lru_cache(maxsize=1)
def _facility_words() -> frozenset[str]:
    """Folded words right after a facility's or route's name ("Hostomel airport": rules/place_cues.txt after:)."""
    return _place_sections()["after"]


@lru_cache(maxsize=1)
def _settlement_endings() -> tuple[str, ...]:
    """Folded word endings of East Slavic settlement names (rules/place_cues.txt ending:)."""
    return tuple(sorted(_place_sections()["ending"]))


@lru_cache(maxsize=1)
def _place_list_cue() -> re.Pattern:
    """A place cue, then one or more names each followed by a list separator, up to the end of the text:
    what stands before a later name of a list that starts at the cue ("near Starytsia, Vovchansk, and ")."""
    cues = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(_place_cues()[0], key=len, reverse=True))
    name = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3}"
    return re.compile(rf"(?i:\b(?:{cues}))\s+(?:{name}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)){{1,15}}$")


@lru_cache(maxsize=1)
def _weapon_cues() -> frozenset[str]:
    """Folded words right after a weapon's name (rules/weapon_cues.txt)."""
    return frozenset(fold(ln) for ln in _lines("weapon_cues.txt"))


@lru_cache(maxsize=1)
def _event_prefixes() -> frozenset[str]:
    """Folded first words of named storms and operations (rules/event_prefixes.txt)."""
    return frozenset(fold(ln) for ln in _lines("event_prefixes.txt"))


@lru_cache(maxsize=1)
def _table_stopwords() -> frozenset[str]:
    """Words that head a line of figures without being a name (months, weekdays, table headings)."""
    return frozenset(fold(s) for s in _lines("table_stopwords.txt"))


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str, str]]:
    """folded alias -> (canonical display name, class)."""
    out: dict[str, tuple[str, str]] = {}
    for rec in rulefiles.records("aliases.csv"):
        alias, canon, label = rec["alias"].strip(), rec["canonical"].strip(), rec["label"].strip().upper()
        cls = ALIAS_CLASS.get(label, "misc")
        out[fold(alias)] = (canon, cls)
        out.setdefault(fold(canon), (canon, cls))
    return out


@lru_cache(maxsize=1)
def _translit() -> tuple[tuple[re.Pattern, str], ...]:
    rules = []
    for rec in rulefiles.table("translit.csv")[1:]:   # after the header row
        rules.append((re.compile(rec[0]), rec[1].replace("\\1", r"\1")))
    return tuple(rules)


@lru_cache(maxsize=1)
def _acronyms() -> frozenset[str]:
    """Upper-case forms kept as they are when a capitals line is re-cased (NATO, US, TASS)."""
    forms = set()
    for rec in rulefiles.records("aliases.csv"):
        for s in (rec["alias"], rec["canonical"]):
            s = s.strip()
            if s.isupper() and len(s.replace(".", "")) <= 5:
                forms.add(s)
    return frozenset(forms)
