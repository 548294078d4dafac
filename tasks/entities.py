"""Named-entity mentions with article-level label votes and canonical, cross-outlet entity ids.

``extract_mentions(nlp, articles, sentences_by_article)`` runs spaCy NER with
``nlp.pipe`` over every *paragraph* of every article (paragraphs are taken from
the sentence rows, so an entity never spans a paragraph break and offsets map
back exactly), then cleans the result:

1. **Casing.** A paragraph written in capitals (a headline or dateline such as
   ``LEICESTERSHIRE TAKE OVER AT TOP``) is re-cased to Title Case before NER
   (same length, so offsets are unchanged); known acronyms stay upper-case.
2. **Labels kept.** Name-like spaCy labels only (PERSON, NORP, FAC, ORG, GPE,
   LOC, PRODUCT, EVENT, WORK_OF_ART, LAW, LANGUAGE); numbers and dates are the
   facts stage's business.
3. **Span clean-up.** A leading "the", a leading title or role
   (``rules/titles.txt``: "President Vladimir Putin" -> "Vladimir Putin"), a
   trailing possessive ('s / ’s) and surrounding punctuation are removed (a
   final dot of an abbreviation such as "U.S." or "Inc." is kept). Stop-listed
   forms (``rules/entity_stoplist.txt``) are dropped.
4. **Headline lines.** In a line that looks like a headline or crosshead
   (Title Case or capitals, no final punctuation) a mention is kept only when
   the same name, or a name made of a run of its words, also occurs outside
   headline lines of the article or in the alias/place lists; otherwise it is
   shrunk to that run ("Putin Call" -> "Putin") or dropped ("Moscow Sets
   Conditions" -> "Moscow").
4b. **Shape and layout.** A one-word span that is a common given name
   (``rules/given_names.txt``) grows over the following surname ("Mikael" ->
   "Mikael Tillstrom"); names the model missed are added when they are a given
   name or initial plus capitalised words ("Petr Korda", "A. Fraser"), a run of
   capitalised words heading the figures of a results/standings line
   ("Tranmere 4 2 1 1 6 4 7") or a fixture ("QPR v Bolton"; in "Houston AT
   Pittsburgh" only the visitors), or an acronym in parentheses after a name
   ("Kurdistan Democratic Party ( KDP )"). Spans are split at scorecard words
   (c, b, st, lbw, v) and lose trailing common words ("Interfax news agency").
5. **Article-level entities and label vote.** Mentions are grouped into
   article entities: same canonical form (``rules/aliases.csv``), same folded
   text, or a single word equal to the last word of a multi-word name in the
   article (the nearest preceding such name, so "Bush" after "Jeb Bush" is
   Jeb). Each entity's class (per, org, loc, norp, misc) is decided by a
   weighted vote of its mentions: the model's label (1 each), a title right
   before a mention (person, 3), the alias table (5), the demonym list (norp,
   5), the place list (loc, 1.5), a given-name first word (per, 2), an
   initial ("K. Evans", per, 3), an age in apposition ("Wang , 45 ,", per, 3),
   "Name ( Country )" (per, 3), figures after the name in a table line (org,
   3), an organisation suffix word or cue of ``rules/org_cues.txt`` ("... Bank",
   "X spokesman", "shares in X": org, 3) and a dateline position ("NEW YORK
   1996-08-30", "KYIV (Reuters) -": loc, 5; a dateline mention is its own
   entity, never the same-named team).
6. **Canonical identity.** The entity's display name is the alias table's
   canonical name when any mention is listed there, else its longest,
   most frequent form. ``entity_key = "<class>:<match key>"`` where the match
   key is the folded display name (accents, case, dots, hyphens and
   apostrophes removed, single initials joined: "J.D." = "JD") with the
   per-token transliteration rules of ``rules/translit.csv`` applied
   (Zelenskiy = Zelenskyy = Zelensky). ``entity_id = sha256(entity_key)[:16]``.
   A lone surname that no full name in the article explains keeps a one-word
   key; the ``entity_mentions`` SQL model links it to the single full name in
   the corpus with that surname, if exactly one exists.

Mention rows follow ``schemas.ENTITY_MENTIONS``: ``label`` is the voted label
(spaCy names: PERSON, ORG, GPE, LOC, FAC, NORP, ...), ``ner_label`` the raw one.
"""
from __future__ import annotations

import bisect
import csv
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from tasks.sentences import split_sentences

RULES = Path(__file__).resolve().parent / "rules"

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
    out = []
    for raw in (RULES / name).read_text(encoding="utf-8").splitlines():
        s = raw.strip()
        if s and not s.startswith("#"):
            out.append(s)
    return out


@lru_cache(maxsize=1)
def _titles() -> tuple[tuple[str, ...], ...]:
    """Titles as lower-cased word tuples, longest first."""
    ts = {tuple(t.lower().split()) for t in _lines("titles.txt")}
    return tuple(sorted(ts, key=len, reverse=True))


@lru_cache(maxsize=1)
def _stoplist() -> frozenset[str]:
    return frozenset(fold(s) for s in _lines("entity_stoplist.txt"))


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(fold(s) for s in _lines("demonyms.txt"))


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(fold(s) for s in _lines("countries.txt"))


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return frozenset(fold(s) for s in _lines("places.txt"))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Common given names (case-sensitive as written in ``rules/given_names.txt``)."""
    return frozenset(_lines("given_names.txt"))


@lru_cache(maxsize=1)
def _org_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(last words of organisation names, cue phrases right after an organisation, cue phrases right
    before one) from ``rules/org_cues.txt`` (folded)."""
    sections: dict[str, set[str]] = {"suffix": set(), "after": set(), "before": set()}
    for ln in _lines("org_cues.txt"):
        kind, _, phrase = ln.partition(":")
        sections[kind.strip()].add(fold(phrase.strip()))
    return frozenset(sections["suffix"]), frozenset(sections["after"]), frozenset(sections["before"])


@lru_cache(maxsize=1)
def _table_stopwords() -> frozenset[str]:
    """Words that head a line of figures without being a name (months, weekdays, table headings)."""
    return frozenset(fold(s) for s in _lines("table_stopwords.txt"))


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str, str]]:
    """folded alias -> (canonical display name, class)."""
    out: dict[str, tuple[str, str]] = {}
    rows = [ln for ln in (RULES / "aliases.csv").read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]
    for rec in csv.DictReader(rows):
        alias, canon, label = rec["alias"].strip(), rec["canonical"].strip(), rec["label"].strip().upper()
        cls = ALIAS_CLASS.get(label, "misc")
        out[fold(alias)] = (canon, cls)
        out.setdefault(fold(canon), (canon, cls))
    return out


@lru_cache(maxsize=1)
def _translit() -> tuple[tuple[re.Pattern, str], ...]:
    rules = []
    rows = [ln for ln in (RULES / "translit.csv").read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]
    for rec in list(csv.reader(rows))[1:]:
        rules.append((re.compile(rec[0]), rec[1].replace("\\1", r"\1")))
    return tuple(rules)


@lru_cache(maxsize=1)
def _acronyms() -> frozenset[str]:
    """Upper-case forms kept as they are when a capitals line is re-cased (NATO, US, TASS)."""
    forms = set()
    rows = [ln for ln in (RULES / "aliases.csv").read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]
    for rec in csv.DictReader(rows):
        for s in (rec["alias"], rec["canonical"]):
            s = s.strip()
            if s.isupper() and len(s.replace(".", "")) <= 5:
                forms.add(s)
    return frozenset(forms)


# ---------------------------------------------------------------------------
# keys
# ---------------------------------------------------------------------------

def fold(text: str) -> str:
    """Lower-case, accent-free, dot/hyphen/apostrophe-free form of a name; single initials joined.

    "J.D. Vance" -> "jd vance", "Türkiye" -> "turkiye", "Kwok-kin" -> "kwok kin".
    """
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = t.replace("ı", "i").replace("ø", "o").replace("ł", "l").replace("đ", "d").replace("ß", "ss")
    t = re.sub(r"['’`´]", "", t)
    t = re.sub(r"[.\-‐‑–—_/,]", " ", t)
    out: list[str] = []
    prev_single = False
    for tok in t.split():
        single = len(tok) == 1 and tok.isalpha()
        if single and prev_single:
            out[-1] += tok
        else:
            out.append(tok)
        prev_single = single
    return " ".join(out)


def match_key(name: str) -> str:
    """Folded name with the transliteration rules applied per token (used for identity across outlets)."""
    toks = []
    for tok in fold(name).split():
        for pat, rep in _translit():
            tok = pat.sub(rep, tok)
        toks.append(tok)
    return " ".join(toks)


def entity_id_for(entity_key: str) -> str:
    """Stable id of an entity key: first 16 hex chars of its sha256."""
    return hashlib.sha256(entity_key.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------------------
# paragraph units and casing
# ---------------------------------------------------------------------------

_CAPS_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_HEADLINE_SMALL = frozenset("a an the and or but of in on at to for from by with as vs v over after into".split())


def _paragraphs(body: str, sentences: list[dict]) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, from the sentence rows (first sentence start to last sentence end)."""
    spans: dict[int, list[int]] = {}
    for s in sentences:
        p = spans.setdefault(s["paragraph_no"], [s["start_char"], s["end_char"]])
        p[0] = min(p[0], s["start_char"])
        p[1] = max(p[1], s["end_char"])
    return [(a, b) for _, (a, b) in sorted(spans.items())]


def _is_caps(text: str) -> bool:
    """Mostly capitals: at least 4 letters, >= 85% of cased letters upper-case."""
    letters = [c for c in text if c.isalpha() and (c.isupper() or c.islower())]
    if len(letters) < 4:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= 0.85


def _recase(text: str) -> str:
    """Title Case a capitals line, keeping length and known acronyms (NATO, U.S.)."""
    acr = _acronyms()

    def fix(m: re.Match) -> str:
        w = m.group(0)
        if w in acr or len(w) == 1:
            return w
        tail = "".join(c.lower() if len(c.lower()) == 1 else c for c in w[1:])
        return w[0] + tail

    out = _CAPS_WORD.sub(fix, text)
    # keep dotted acronyms (U.S., D.C.) upper-case
    return re.sub(r"\b(?:[A-Za-z]\.){2,}", lambda m: m.group(0).upper(), out)


def _is_headline(text: str) -> bool:
    """A headline/crosshead-looking line: no final sentence punctuation, <= 16 words and most content
    words capitalised; or a capitals line."""
    if _is_caps(text):
        return True
    t = text.rstrip()
    if not t or t[-1] in ".!?\"”’:;,)":
        return False
    if any(c.isdigit() for c in t):
        return False  # results, tables and datelines, not headlines (nor is a line of 3+ commas: a list)
    if t.count(",") >= 3:
        return False  # a list of names (team sheets, fields), not a headline
    words = [w for w in _WORD.findall(t) if any(c.isalpha() for c in w)]
    if len(words) < 2 or len(words) > 16:
        return False
    content = [w for w in words if w.lower().strip("\"'“”‘’(") not in _HEADLINE_SMALL]
    if not content:
        return False
    caps = sum(1 for w in content if w.lstrip("\"'“”‘’(")[:1].isupper())
    return caps / len(content) >= 0.75


# ---------------------------------------------------------------------------
# mention clean-up
# ---------------------------------------------------------------------------

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
    age_after: bool = False
    dateline: bool = False


def _strip_title(text: str, start: int) -> tuple[int, bool]:
    """Offset after a leading title in ``text`` (relative), and whether one was found."""
    words = list(_WORD.finditer(text))
    lower = [w.group(0).lower().rstrip(",") for w in words]
    for t in _titles():
        n = len(t)
        if len(words) > n and tuple(lower[:n]) == t:
            return words[n].start(), True
    return 0, False


def _clean_span(unit: str, s: int, e: int) -> tuple[int, int, bool]:
    """Clean an entity span within ``unit``: leading the/title, trailing possessive, punctuation.

    Returns (start, end, title_removed). start >= end means nothing is left.
    """
    titled = False
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
        m = _POSSESSIVE.search(unit[s:e])
        if m and e - s - len(m.group(0)) >= 2:
            e -= len(m.group(0))
        if (s, e) == before:
            break
    return s, e, titled


def _title_before(unit: str, s: int) -> bool:
    """A title or role (rules/titles.txt) ends right before offset ``s`` (allowing a comma-free gap)."""
    prefix = unit[max(0, s - 40):s].lower().rstrip()
    words = prefix.split()
    for t in _titles():
        if len(words) >= len(t) and tuple(words[-len(t):]) == t:
            return True
    return False


def _class_votes(m: _Mention) -> Counter:
    v: Counter = Counter()
    v[m.cls] += m.weight
    if m.titled:
        v["per"] += W_TITLE
    if m.country_paren:
        v["per"] += W_COUNTRY_PAREN
    if m.score_after:
        v["org"] += W_SCORE
    words = m.text.split()
    if len(words) >= 2 and words[0] in _given_names():
        v["per"] += W_GIVEN
    if _INITIAL_NAME.match(m.text):
        v["per"] += W_INITIAL
    suffixes = _org_words()[0]
    if len(words) >= 2 and fold(words[-1]) in suffixes and m.folded not in _places():
        v["org"] += W_ORG_SUFFIX
    if m.age_after:
        v["per"] += W_AGE
    if m.dateline:
        v["loc"] += W_DATELINE
    if m.org_cue:
        v["org"] += W_ORG_CUE
    alias = _aliases().get(m.folded)
    if alias:
        v[alias[1]] += W_ALIAS
    if m.folded in _demonyms():
        v["norp"] += W_DEMONYM
    elif m.folded in _places():
        v["loc"] += W_PLACE
    return v


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


def _make_mention(unit: str, s: int, e: int, base: int, label: str, headline: bool,
                  weight: float = W_NER, cls: str | None = None) -> _Mention | None:
    s = _strip_demonym(unit, s, e, label)
    s, e, titled = _clean_span(unit, s, e)
    if e - s < 1 or not any(c.isalpha() for c in unit[s:e]):
        return None
    text = unit[s:e]
    folded = fold(text)
    if not folded or folded in _stoplist():
        return None
    if not text[:1].isupper():
        return None  # names start with a capital ("iPhone"-style names are rare in news)
    titled = titled or _title_before(unit, s)
    m = _Mention(base + s, base + e, text, label, cls or LABEL_CLASS.get(label, "misc"), headline, titled, folded)
    m.weight = weight
    _layout_evidence(m, unit, s, e)
    _org_context(m, unit, s, e)
    return m


_PAREN_AFTER = re.compile(r"\s*\(\s*([^()\n]{2,40}?)\s*\)")
_NUMBER_AFTER = re.compile(r"\s+\d[\d\-.:/,]*(?=\s|$)")
_NUMBER_TOKEN = re.compile(r"(?<!\S)\d[\d\-.:/,]*(?!\S)")
_INITIAL = re.compile(r"\b[A-Z]\.")
_INITIAL_NAME = re.compile(r"[A-Z]\.\s?[A-Z][a-z]")


def _org_context(m: _Mention, unit: str, s: int, e: int) -> None:
    """Set ``org_cue`` when a cue of ``rules/org_cues.txt`` follows ("Interfax news agency",
    "Ericsson spokesman") or precedes ("shares in Magna", "club Atalanta") the mention."""
    _, after, before = _org_words()
    nxt = fold(" ".join(unit[e:e + 40].split()[:2]))
    nxt1 = nxt.split()[:1]
    if nxt in after or (nxt1 and nxt1[0] in after):
        m.org_cue = True
        return
    prev = unit[max(0, s - 40):s].split()[-2:]
    prevf = fold(" ".join(prev))
    if prevf in before or (prev and fold(prev[-1]) in before):
        m.org_cue = True


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"^([^\d()\n]{{2,60}}?)\s*(?:\d{{4}}-\d\d-\d\d|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)\s*$"
    rf"|^([A-Z][^\d()\n]{{1,50}}?)\s*\((?:[A-Z][\w.&' ]{{1,30}})\)\s*[-–—]")
_AGE_AFTER = re.compile(r"\s*,\s*(?:aged\s+)?\d{1,2}\s*,")


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
    p = _PAREN_AFTER.match(after)
    if p and fold(p.group(1)) in _countries() and m.folded not in _places():
        m.country_paren = True
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
    """A capitalised word that can be part of a person's name (not a place, nationality, title,
    stop-listed or common function word)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    f = fold(w)
    return bool(_CAP_NAME_WORD.fullmatch(w)) and w.lower() not in STOP_WORDS and f not in _places() \
        and f not in _demonyms() and f not in _stoplist() and (f,) not in _titles() \
        and f not in _table_stopwords()


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


@lru_cache(maxsize=1)
def _place_regex() -> re.Pattern:
    return re.compile(r"(?<![\w.])" + trie_regex(_lines("places.txt"), fold_case=True) + r"(?![\w])", re.IGNORECASE)


def _case_ok(found: str, form: str) -> bool:
    """An occurrence counts when it has the listed form's case, or is written in capitals."""
    return found == form or (found.isupper() and found.upper() == form.upper()) or found == form.title()


def _covered(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect.bisect_right(taken, (s, float("inf"))) - 1
    if i >= 0 and taken[i][1] > s:
        return True
    return i + 1 < len(taken) and taken[i + 1][0] < e


def _add_propagated(mentions: list[_Mention], body: str, units: list[tuple[int, int, bool]]) -> list[_Mention]:
    """Recall boost (one sense per discourse): every other occurrence of a name found in the article,
    of the last word of a person's full name, and of a listed place, becomes a mention too.

    Occurrences must start with a capital and match the form's case (or be in capitals) and must not
    overlap an existing mention. Added mentions take the class of their source and do not vote.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    taken = sorted((m.start, m.end) for m in mentions)
    forms: dict[str, tuple[str, str]] = {}
    for m in mentions:
        text = body[m.start:m.end]
        if len(text) >= 2 and text.lower() not in STOP_WORDS:
            forms.setdefault(text, (m.ner_label, m.cls))
        words = text.split()
        if m.cls == "per" and len(words) >= 2:
            last = words[-1]
            if len(last) >= 3 and last[:1].isupper() and last.lower() not in STOP_WORDS \
                    and fold(last) not in _stoplist() and tuple([last.lower()]) not in _titles():
                forms.setdefault(last, (m.ner_label, m.cls))
    unit_starts = [u[0] for u in units]

    def unit_of(pos: int) -> tuple[int, int, bool] | None:
        i = bisect.bisect_right(unit_starts, pos) - 1
        return units[i] if i >= 0 and pos < units[i][1] else None

    added: list[_Mention] = []

    def consider(s: int, e: int, label: str, cls: str) -> None:
        if _covered(taken, s, e):
            return
        u = unit_of(s)
        if u is None or e > u[1]:
            return
        m = _make_mention(body, s, e, 0, label, u[2], weight=0.0, cls=cls)
        if m is None or (m.start, m.end) != (s, e):
            return
        added.append(m)
        bisect.insort(taken, (s, e))

    if forms:
        pat = re.compile(r"(?<![\w.])" + trie_regex(forms, fold_case=True) + r"(?![\w])", re.IGNORECASE)
        lower_forms = {f.lower(): f for f in forms}
        for mt in pat.finditer(body):
            form = lower_forms.get(mt.group(0).lower())
            if form and _case_ok(mt.group(0), form):
                consider(mt.start(), mt.end(), *forms[form])
    for mt in _place_regex().finditer(body):
        found = mt.group(0)
        if found[:1].isupper() and (found.isupper() or not any(w[:1].islower() for w in found.split() if len(w) > 3)):
            consider(mt.start(), mt.end(), "GPE", "loc")
    return mentions + added


_NUM = re.compile(r"(?:\d[\d\-.:/,]*|\.\d+)")
_TABLE_WORD = re.compile(r"(?:[A-Z][\w'’.&-]*|of|de|del|la|le|'s)")
_FIXTURE = re.compile(r"^(?:[^:]*:\s+)?(.+?)\s+(v|vs\.?|AT|at)\s+(.+?)\s*$")
_TEAM_SUFFIX = re.compile(r"\s*\(\s*[A-Z]\s*\)")


@lru_cache(maxsize=1)
def _person_regex() -> re.Pattern:
    given = trie_regex(_given_names())
    part = "|".join(sorted(_PARTICLES))
    word = r"[A-Z][a-z][\w'’-]*"
    return re.compile(rf"(?<![\w.])(?:(?:{given})|[A-Z]\.)(?:\s+(?:(?:{part})\s+)*{word}){{1,2}}(?![\w])")


def _table_runs(line: str) -> list[tuple[int, int, bool]]:
    """Names laid out as in a results table, standings or fixture list: (start, end, fixture)."""
    toks = list(_WORD.finditer(line))
    out: list[tuple[int, int, bool]] = []
    fx = _FIXTURE.match(line)
    if fx and not any(_NUM.fullmatch(t.group(0)) for t in toks):
        for g in (1, 3):
            ws = fx.group(g).split()
            if 1 <= len(ws) <= 4 and all(_TABLE_WORD.fullmatch(w) for w in ws) and ws[0][:1].isupper():
                out.append((fx.start(g), fx.end(g), True))
        if len(out) != 2:
            return []
        # "Houston AT Pittsburgh": the visitors are a team, the name after "at" is the venue
        return out if fx.group(2) in ("v", "vs", "vs.") else out[:1]
    if sum(1 for t in toks if _NUM.fullmatch(t.group(0))) < 2:
        return []
    i = 0
    while i < len(toks):
        w = toks[i].group(0)
        if not (w[:1].isupper() and _TABLE_WORD.fullmatch(w)):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and _TABLE_WORD.fullmatch(toks[j + 1].group(0)):
            j += 1
        while j > i and not toks[j].group(0)[:1].isupper():
            j -= 1
        end = toks[j].end()
        k = j + 1
        suf = _TEAM_SUFFIX.match(line, end)
        if suf:
            end = suf.end()
            while k < len(toks) and toks[k].start() < end:
                k += 1
        prev = toks[i - 1].group(0) if i else ""
        if k < len(toks) and _NUM.fullmatch(toks[k].group(0)) and j - i < 4 \
                and (not prev or _NUM.fullmatch(prev) or prev in {",", ":", ";", "-", "|"}):
            out.append((toks[i].start(), end, False))
        i = j + 1
    return out


def _add_patterns(mentions: list[_Mention], body: str, units: list[tuple[int, int, bool]]) -> list[_Mention]:
    """Names the model missed, found by their shape or layout (they vote like model mentions):

    * a person: a common given name or an initial followed by one or two capitalised words
      ("Petr Korda", "A. Fraser") outside headline lines, where no mention overlaps;
    * a team or player in a results/standings line (>= 2 numbers: "Tranmere 4 2 1 1 6 4 7",
      "Bradford 1 Tranmere 0") or a fixture line ("Queens Park Rangers v Bolton"): the run of
      capitalised words at the line start or after a number or separator, followed by a number.
      It replaces overlapping model mentions. Its class: a country is a national team (place), a
      given name or initial a person, anything else a team (organisation).
    """
    added: list[_Mention] = []
    drop: set[int] = set()
    spans = sorted(((m.start, m.end, i) for i, m in enumerate(mentions)))
    starts = [x[0] for x in spans]

    def overlapping(s: int, e: int) -> list[int]:
        i = bisect.bisect_left(starts, e)
        return [spans[j][2] for j in range(max(0, i - 8), i) if spans[j][1] > s]

    for us, ue, headline in units:
        pos = us
        for line in body[us:ue].split("\n"):
            ls = pos
            pos += len(line) + 1
            for rs, re_, fixture in _table_runs(line):
                text = line[rs:re_]
                first = text.split()[0]
                f = fold(text)
                if any(fold(w) in _table_stopwords() for w in text.split()) or f in _stoplist():
                    continue
                if f in _countries():
                    label = "GPE"
                elif first in _given_names() or _INITIAL_NAME.match(text):
                    label = "PERSON"
                else:
                    label = "ORG"
                m = _make_mention(body, ls + rs, ls + re_, 0, label, headline)
                if m is None:
                    continue
                if label == "ORG":
                    m.score_after = True
                drop.update(overlapping(m.start, m.end))
                added.append(m)
            if headline:
                continue
            for mt in _person_regex().finditer(line):
                s, e = ls + mt.start(), ls + mt.end()
                if overlapping(s, e) or any(a.start < e and a.end > s for a in added):
                    continue
                if not all(_name_word_ok(w) or w in _PARTICLES for w in mt.group(0).split()[1:]):
                    continue
                m = _make_mention(body, s, e, 0, "PERSON", headline)
                if m is not None and (m.start, m.end) == (s, e):
                    added.append(m)
    kept = [m for i, m in enumerate(mentions) if i not in drop] + added
    return kept + _acronyms_in_parens(kept, body)


_ACRONYM_PAREN = re.compile(r"\s*\(\s*([A-Z][A-Z0-9&]{1,7})\s*\)")


def _acronyms_in_parens(mentions: list[_Mention], body: str) -> list[_Mention]:
    """An acronym in parentheses right after a multi-word name ("Kurdistan Democratic Party ( KDP )")
    is a mention of the same kind; it takes the name's model label and organisation cue."""
    taken = sorted((m.start, m.end) for m in mentions)
    out = []
    for m in mentions:
        if len(m.text.split()) < 2:
            continue
        p = _ACRONYM_PAREN.match(body, m.end)
        if not p or _covered(taken, p.start(1), p.end(1)):
            continue
        a = _Mention(p.start(1), p.end(1), p.group(1), m.ner_label, m.cls, m.headline, folded=fold(p.group(1)))
        words = m.text.split()
        a.org_cue = m.org_cue or (fold(words[-1]) in _org_words()[0] and m.folded not in _places())
        out.append(a)
    return out


def _word_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every contiguous run of words in ``text``, longest first."""
    ws = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    runs = []
    for n in range(len(ws), 0, -1):
        for i in range(0, len(ws) - n + 1):
            runs.append((ws[i][0], ws[i + n - 1][1]))
    return runs


def _filter_headlines(mentions: list[_Mention], body: str) -> list[_Mention]:
    """Keep headline-line mentions only when confirmed by the article body or the rule lists."""
    known = {m.folded for m in mentions if not m.headline}
    if not known:
        # a text made only of headline-like lines (e.g. a list): nothing to confirm against
        return mentions
    lists = _aliases().keys() | _places() | _demonyms()
    out = []
    for m in mentions:
        if not m.headline:
            out.append(m)
            continue
        for rs, re_ in _word_runs(m.text):
            sub = m.text[rs:re_]
            s2, e2, _ = _clean_span(sub, 0, len(sub))
            sub = sub[s2:e2]
            f = fold(sub)
            if f and (f in known or f in lists) and f not in _stoplist():
                start = m.start + rs + s2
                out.append(replace(m, start=start, end=start + len(sub), text=sub, folded=f))
                break
    return out


# ---------------------------------------------------------------------------
# article entities
# ---------------------------------------------------------------------------

def _group(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Group an article's mentions into entities (see module docstring, step 5)."""
    aliases = _aliases()
    groups: dict[str, list[_Mention]] = {}
    order: list[str] = []

    def base_key(m: _Mention) -> str:
        a = aliases.get(m.folded)
        return fold(a[0]) if a else match_key(m.text)

    singles: list[_Mention] = []
    for m in mentions:
        k = base_key(m)
        if m.dateline:
            k = "\x00" + k  # a dateline place is never the team or firm of the same name
        if len(k.split()) == 1 and m.cls in ("per", "org", "misc") and m.folded not in aliases:
            singles.append(m)
            continue
        if k not in groups:
            groups[k] = []
            order.append(k)
        groups[k].append(m)
    # multi-word person-like names, by last word
    by_last: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for k in order:
        toks = k.split()
        g = groups[k]
        votes = Counter()
        for m in g:
            votes.update(_class_votes(m))
        if len(toks) >= 2 and votes.most_common(1)[0][0] == "per":
            first = min(m.start for m in g)
            by_last[toks[-1]].append((first, k))
    for m in singles:
        k = match_key(m.text)
        cands = by_last.get(k)
        if cands:
            before = [c for c in cands if c[0] <= m.start]
            target = max(before)[1] if before else min(cands)[1]
            groups[target].append(m)
            continue
        if k not in groups:
            groups[k] = []
            order.append(k)
        groups[k].append(m)
    return [groups[k] for k in order]


def _resolve(group: list[_Mention]) -> tuple[str, str, str]:
    """(class, display name, entity_key) of one article entity."""
    votes: Counter = Counter()
    for m in group:
        votes.update(_class_votes(m))
    cls = max(sorted(votes), key=lambda c: votes[c])
    aliases = _aliases()
    name = None
    for m in group:
        a = aliases.get(m.folded)
        if a:
            name = a[0]
            break
    if name is None:
        forms = Counter(m.text for m in group)
        name = max(forms, key=lambda f: (len(f.split()), forms[f], -len(f)))
    return cls, name, f"{cls}:{match_key(name)}"


def _label_for(m: _Mention, cls: str, group: list[_Mention]) -> str:
    if LABEL_CLASS.get(m.ner_label, "misc") == cls:
        return m.ner_label
    if cls == "misc":
        c = Counter(x.ner_label for x in group if LABEL_CLASS.get(x.ner_label, "misc") == "misc")
        return c.most_common(1)[0][0] if c else "MISC"
    if cls == "loc":
        c = Counter(x.ner_label for x in group if LABEL_CLASS.get(x.ner_label) == "loc")
        return c.most_common(1)[0][0] if c else "GPE"
    return CLASS_LABEL[cls]


def _sentence_no(starts: list[int], sentences: list[dict], pos: int) -> int | None:
    i = bisect.bisect_right(starts, pos) - 1
    return sentences[i]["sentence_no"] if i >= 0 else None


def extract_mentions(nlp, articles: list[dict], sentences_by_article: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Entity mention rows per article_id (see the module docstring for every rule applied).

    ``articles`` are dicts with ``article_id`` and ``body``; ``sentences_by_article``
    maps article_id to ``split_sentences(body)`` rows (computed here when missing).
    Offsets index ``body``; ``body[start_char:end_char] == text`` holds for every row.
    """
    units: list[tuple[str, int, int, bool]] = []  # (article_id, start, end, headline)
    texts: list[str] = []
    sents_of: dict[str, list[dict]] = {}
    units_of: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    for a in articles:
        aid, body = a["article_id"], a.get("body") or ""
        sents = sentences_by_article.get(aid)
        if sents is None:
            sents = split_sentences(body)
        sents_of[aid] = sents
        for ps, pe in _paragraphs(body, sents):
            text = body[ps:pe]
            caps = _is_caps(text)
            headline = _is_headline(text)
            units.append((aid, ps, pe, headline))
            units_of[aid].append((ps, pe, headline))
            texts.append(_recase(text) if caps else text)
    per_article: dict[str, list[_Mention]] = {a["article_id"]: [] for a in articles}
    for (aid, ps, pe, headline), doc, text in zip(units, nlp.pipe(texts, batch_size=BATCH_SIZE), texts):
        per_article[aid].extend(_mentions_for_unit(doc, text, ps, headline))

    out: dict[str, list[dict]] = {}
    for a in articles:
        aid, body = a["article_id"], a.get("body") or ""
        mentions = _filter_headlines(per_article.get(aid, []), body)
        mentions = _add_patterns(mentions, body, units_of[aid])
        mentions = _add_propagated(mentions, body, units_of[aid])
        mentions.sort(key=lambda m: (m.start, -m.end))
        # drop overlaps (keep the first, longest)
        kept: list[_Mention] = []
        for m in mentions:
            if kept and m.start < kept[-1].end:
                continue
            kept.append(m)
        sents = sents_of[aid]
        starts = [s["start_char"] for s in sents]
        rows = []
        for group in _group(kept):
            cls, name, key = _resolve(group)
            eid = entity_id_for(key)
            for m in group:
                rows.append({
                    "article_id": aid,
                    "sentence_no": _sentence_no(starts, sents, m.start),
                    "start_char": m.start,
                    "end_char": m.end,
                    "text": body[m.start:m.end],
                    "label": _label_for(m, cls, group),
                    "ner_label": m.ner_label,
                    "entity_id": eid,
                    "entity_key": key,
                    "entity_name": name,
                })
        rows.sort(key=lambda r: (r["start_char"], r["end_char"]))
        out[aid] = rows
    return out
