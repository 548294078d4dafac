"""Canonical identity: folded match keys with transliteration, entity ids, and the grouping of an
article's mentions into entities with a class vote (steps 5 and 6 of the ``tasks.entities`` docstring).

Person names across outlets: after a misspelt first name is mended to the nearest known given name
(Volodomyr -> Volodymyr; never across a feminine ending: Ivana stays Ivana), a first name that has
spellings in several transliterations is keyed by the first spelling of its line in
``rules/given_name_variants.txt`` (Volodymyr = Vladimir, Dmytro = Dmitry, Kyrylo = Kirill); the
surname is matched through ``rules/translit.csv`` (Zelenskyy = Zelenskiy = Zelensky). Inside one article,
a person span glued to a place ("Zelenskyy London") or to a letter of the previous sentence
("X. Kyrylo Budanov") joins the person it contains (``merges``; the match key itself: ``matchkey``).
"""
from __future__ import annotations

import re

from collections import Counter, defaultdict
from functools import lru_cache

from rapidfuzz import fuzz, process

from tasks import rulefiles
from tasks.entities import acronyms
from tasks.entities.keys import fold, nickname_of, without_nickname
from tasks.entities.rules import (
    _surname_particles,
    CLASS_LABEL,
    LABEL_CLASS,
    _aliases,
    _org_words,
    _countries,
    _given_names,
    _company_words,
    _gendered_given_names,
    ends_in_org_word,
    given_name_gender,
    _legal_suffixes,
    _places,
    _title_set,
)
from tasks.entities.matchkey import match_key
from tasks.entities.merges import merge_glued, merge_name_tails, merge_nicknamed, merge_org_heads
from tasks.entities.spans import _Mention
from tasks.entities.votes import _sum_votes, top_class


_GENERATION = frozenset({"jr", "sr", "ii", "iii", "iv"})


#: a family name and a hyphenated given name of two syllables ("Jung Chung-rae", "Kweon Seong-dong", "Jeon Su-bin"):
#: Korean-style names put the family name first
_FAMILY_FIRST = re.compile(r"^[A-Z][a-z]{1,5} [A-Z][a-z]{1,5}-[a-z]{2,5}$")


def _group(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Group an article's mentions into entities (see module docstring, step 5)."""
    aliases = _aliases()
    groups: dict[str, list[_Mention]] = {}
    order: list[str] = []

    def base_key(m: _Mention) -> str:
        a = aliases.get(m.folded)
        return fold(a[0]) if a else match_key(without_nickname(m.text))

    singles: list[_Mention] = []
    places = _places() | _countries()
    for m in mentions:
        k = base_key(m)
        if m.dateline:
            k = "\x00" + k  # a dateline place is never the team or firm of the same name
        if (len(k.split()) == 1 or _lone_surname(m.text)) and m.folded not in aliases and (
                m.cls in ("per", "org", "misc") or (m.cls == "loc" and not m.dateline and k not in places)):
            singles.append(m)      # a surname the model called a place ("Zelenskyy" GPE) but no known place
            continue
        if k not in groups:
            groups[k] = []
            order.append(k)
        groups[k].append(m)
    merge_glued(groups, order, singles)
    merge_name_tails(groups, order)
    merge_org_heads(groups, order, places)
    merge_nicknamed(groups, order)
    # multi-word person-like names, by last, first and inner word; organisations by first word
    by_last, by_first, by_word, by_first_org = _name_indexes(groups, order, places)
    # lone words written as a person somewhere ("Wanida, who heads …", "Rahmat said"): a given name may stand for the
    # person whose full name begins with it, at every mention of the word
    person_like = {match_key(m.text) for m in singles if m.who_after or m.speaks_after or m.pronoun_after or m.age_after}
    # an acronym the article spelt out in parentheses ("Knowledge and Human Development Authority (KHDA)") is
    # that entity, at every mention
    spelt = {m.text: base_key(x) for m in mentions if m.expands for x in mentions if x.text == m.expands and x.end <= m.start}
    # and one that abbreviates exactly one other name of the article ("NFTA" after "the Niagara Frontier
    # Transportation Authority") is that entity too
    named = {k: [m.text for m in groups[k]] for k in order if len(k.split()) >= 2 and top_class(groups[k]) != "per"}
    nicknamed = _nickname_index(groups, order)
    for m in singles:
        k = match_key(m.text)
        if spelt.get(m.text) in groups:
            groups[spelt[m.text]].append(m)
            continue
        if (full := acronyms.expansion(m.text, named)) is not None:
            m.expands = max(named[full], key=lambda t: len(t.split()))
            groups[full].append(m)
            continue
        if m.honorific:
            cands = by_first.get(k)            # "Sir Keir" is Keir Starmer
        elif not by_last.get(k) and len({key for _, key in by_word.get(k, [])}) == 1 \
                and (m.titled or _paternal_surname(groups, by_word[k][0][1], k, m.cls == "per")
                     or (m.cls == "per" and _inner_surname(by_word[k][0][1], k, groups))):
            cands = by_word[k]                 # "Mr Teo" is Joshua Teo Wei Ming (family name first), not Teo & Partners;
            #                                    "Antileo" is Jorge Antileo Huenchumán (the paternal surname); "Teo said"
            #                                    after "Nicholas Teo Boon Hock"
        elif m.cls == "org" and by_first_org.get(k):
            cands = by_first_org[k]            # "Halvorsen updated its guidance": the firm, not its founder Erik Halvorsen
        else:       # (a place the model named: only a company's first word, ``_companies_of``)
            cands = by_last.get(k) or (by_first_org.get(k) if m.cls != "loc" else _companies_of(by_first_org.get(k))) \
                or (nicknamed.get(k) if not by_word.get(k) else None) \
                or (_given_name_of_one(groups, by_first, by_word, k, m) if k in person_like else None)
        cands = _kept_candidates(cands, m, groups)
        if m.cls == "loc" and not cands:
            cands = None
            k = base_key(m)        # a one-word place name stays the place it is
        if cands:
            before = [c for c in cands if c[0] <= m.start]
            target = max(before)[1] if before else min(cands)[1]
            m.by_surname = True
            groups[target].append(m)
            continue
        if k not in groups:
            groups[k] = []
            order.append(k)
        groups[k].append(m)
    return [groups[k] for k in order]


_Index = dict[str, list[tuple[int, str]]]


def _kept_candidates(cands: list[tuple[int, str]] | None, m: _Mention, groups: dict[str, list[_Mention]]
                     ) -> list[tuple[int, str]] | None:
    """The full names a lone word ``m`` may stand for, less those it cannot: of the other gender than a title before
    it tells ("Mr. Hollis" is not Winifred Hollis-Nakamura, nor "Mrs. Clinton" Bill Clinton; a name of no known gender
    only when written before: "Mrs Holloway-Teale" is not the son Glen Holloway-Teale named later), and every one for
    an acronym in running text ("EPA" is not the surname of "Yauhen Yerchak/EPA"; but "HOLT:" after "ANNE HOLT:" in a
    transcript is)."""
    if cands and m.gender:
        cands = [c for c in cands if _given_gender(groups[c[1]]) in (m.gender, "" if c[0] <= m.start else m.gender)]
    if cands and m.text.isupper() and len(m.text) <= 4 and not m.headline \
            and not any(x.text.split()[-1] == m.text for _, key in cands for x in groups[key]):
        return None
    return cands


def _companies_of(entries: list[tuple[int, str]] | None) -> list[tuple[int, str]] | None:
    """The entries of ``by_first_org`` whose name ends in a business word or legal form (``_company_words``): what a
    word the model called a place may be the first word of ("Talen" of "Talen-Northwest Energy"; a place is no body
    named after it: "Uniontown" of "Uniontown Hospital")."""
    companies = _company_words() | _legal_suffixes()
    found = [(pos, k) for pos, k in entries or () if k.split()[-1].rstrip(".") in companies]
    return found or None


def _nickname_index(groups: dict[str, list[_Mention]], order: list[str]) -> _Index:
    """A person written once with a quoted nickname ("Harlan "Bud" Mbeki-Sorensen") is that nickname alone later ("Bud
    said"; used when no other name of the article holds the word): the nickname's key -> [(position, group key)]."""
    return {match_key(n): [(x.start, key)] for key in order for x in groups[key] if (n := nickname_of(x.text))}


def _name_indexes(groups: dict[str, list[_Mention]], order: list[str], places: frozenset[str] | set[str]
                  ) -> tuple[_Index, _Index, _Index, _Index]:
    """Where a lone word may point, from the multi-word entities of an article (each entry: first position, group
    key): persons by last word (and by a written double-barrelled or particle surname, and by the family name of a
    family-name-first name), by first word, by inner word; organisations ending in an organisation word by first
    word ("Halvorsen" is Halvorsen Systems Inc.)."""
    by_last: dict[str, list[tuple[int, str]]] = defaultdict(list)
    by_first: dict[str, list[tuple[int, str]]] = defaultdict(list)
    by_word: dict[str, list[tuple[int, str]]] = defaultdict(list)
    by_first_org: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for k in order:
        toks = k.split()
        while len(toks) > 2 and toks[-1] in _GENERATION:     # "Ken Griffey Jr." is Griffey
            toks = toks[:-1]
        g = groups[k]
        votes = _sum_votes(g)
        top = max(votes.items(), key=lambda cv: cv[1])[0]
        if len(toks) >= 2 and top == "org" and toks[-1].rstrip(".") in _org_words()[0] and toks[0] not in places:
            by_first_org[toks[0]].append((min(m.start for m in g), k))   # "Halvorsen" is Halvorsen Systems Inc.
        if len(toks) >= 2 and top == "per":   # = Counter.most_common(1)
            first = min(m.start for m in g)
            by_last[toks[-1]].append((first, k))
            by_first[toks[0]].append((first, k))
            for tok in toks[1:-1]:
                by_word[tok].append((first, k))     # a name's inner word ("Teo" of "Joshua Teo Wei Ming")
            for surname in {s for s in (_written_surname(m.text) for m in g) if s}:
                by_last[match_key(surname)].append((first, k))    # "Dizon-Villafuerte", "Ó Duibhir": the person
            if any(_FAMILY_FIRST.search(m.text) for m in g):
                by_last[toks[0]].append((first, k))     # "Jung" is Jung Chung-rae (family name first)
    return by_last, by_first, by_word, by_first_org


def _given_gender(group: list[_Mention]) -> str:
    """The gender a person's given name (the first word of the group's longest mention) or a title before one of its
    lone mentions tells; "" when neither tells one."""
    longest = max(group, key=lambda x: len(x.text.split()))
    words = longest.text.split()
    return (given_name_gender(words[0]) or "" if len(words) > 1 else "") \
        or next((x.gender for x in group if x.gender), "")


def _given_name_of_one(groups: dict[str, list[_Mention]], by_first: _Index, by_word: _Index, k: str, m: _Mention
                       ) -> list[tuple[int, str]] | None:
    """The person a lone word stands for when it is the first word of exactly one full name written before it and
    no other name's inner word ("Wanida said" after "Wanida Thongprasert", "Rahmat said" after "Rahmat
    Syahputra-Lubis": persons named by the given name, as Thai and Indonesian reports do), whatever the model's label
    (a known place never comes here: ``_group`` keeps those apart); None otherwise."""
    if m.titled or (k,) in _title_set():
        return None
    cands = [c for c in by_first.get(k, []) if c[0] < m.start]
    if len({key for _, key in cands}) != 1 or any(key != cands[0][1] for _, key in by_word.get(k, [])):
        return None
    if not all(_PLAIN_FIRST_WORD.match(x.text) for x in groups[cands[0][1]] if len(x.text.split()) > 1):
        return None     # (not "Mercedes" after the model's "Mercedes’ Kenji Harada-Ellis")
    return cands


#: a name's first word written plainly, then a space (not "Mercedes’ Kenji …", "Bulog's Sri …")
_PLAIN_FIRST_WORD = re.compile(r"[^\W\d_][\w-]*\s")


def _paternal_surname(groups: dict[str, list[_Mention]], key: str, k: str, person: bool) -> bool:
    """Is ``k`` the middle word of a three-word name ``key`` of the article that is no given name ("Antileo" of "Jorge
    Antileo Huenchumán", "Quispe" of "Ernesto Quispe Nakagawa": a Spanish name's first surname, which stands alone for
    the person; also, for a ``person`` mention, "Oyugi" of "Kennedy Oyugi-Abong'o", and "Herrera" of "Tomás Herrera de
    la Vega")?"""
    toks = key.split()
    if len(toks) < 3 or toks[1] != k or k.capitalize() in _given_names() or k in _gendered_given_names() \
            or (toks[0],) in _title_set():
        return False
    written = [m.text.split() for m in groups[key] if not m.by_surname and len(m.text.split()) > 1]
    if len(toks) == 3 and all(len(w) == 3 for w in written):
        return True
    # the first part of a double-barrelled surname, written as a person ("Oyugi" of "Kennedy Oyugi-Abong'o"; not the
    # firm "Halvorsen" of "Halvorsen Bio" beside "Ingeborg Halvorsen-Mensah") or the surname before particles ("Herrera"
    # of "Tomás Herrera de la Vega"), as every full mention writes it
    particles = _surname_particles()[1]
    return bool(written) and all(
        (person and len(w) == 2 and match_key(w[1].split("-")[0]) == k and "-" in w[1].strip("-"))
        or (len(w) >= 4 and match_key(w[1]) == k and w[2].lower() in particles) for w in written)


def _inner_surname(key: str, k: str, groups: dict[str, list[_Mention]]) -> bool:
    """Is ``k`` an inner word, no given name, of a name ``key`` of four words or more that opens with a given name, none
    a particle, written as a word of its own ("Teo" of "Nicholas Teo Boon Hock": a Chinese family name after an English
    given name, which stands alone for the person; not "Ho" of "Ricardo Meireles Ho-Santos", "Khalfan" of "Muna bint
    Khalfan Al-Riyami" nor "Khaled" of "Umm Khaled Bani Hamdan", her son)?"""
    toks, particles = key.split(), _surname_particles()[1]
    given = toks[0].capitalize() in _given_names() or toks[0] in _gendered_given_names()
    return len(toks) >= 4 and given and k in toks[1:-1] and k.capitalize() not in _given_names() \
        and k not in _gendered_given_names() and not any(t in particles for t in toks) \
        and any(k in map(match_key, m.text.split()[1:-1]) for m in groups[key])


def _lone_surname(text: str) -> bool:
    """A surname written alone whose match key has two words: one word joined by hyphens ("Dizon-Villafuerte",
    "Okonkwo-Bello") or a particle and a capitalised word ("Ó Duibhir", "Nic Ruairí", "Le Pen";
    ``rules/surname_particles.txt``)."""
    words = text.split()
    if len(words) == 1:
        return "-" in text.strip("-")
    return 2 <= len(words) <= 4 and all(w.lower() in _surname_particles()[1] for w in words[:-1]) \
        and words[-1][:1].isupper()


def _written_surname(name: str) -> str | None:
    """The surname of a full name as written, when it is no single plain word: "Ramon Dizon-Villafuerte" ->
    "Dizon-Villafuerte", "Cathal Ó Duibhir" -> "Ó Duibhir" (a particle before it); else None."""
    words = name.split()
    if len(words) >= 3 and words[-2].lower() in _surname_particles()[1] and words[-1][:1].isupper():
        first = len(words) - 2
        while first > 1 and words[first - 1].lower() in _surname_particles()[1]:
            first -= 1          # "Piet van der Laan-Osei" -> "van der Laan-Osei"
        return " ".join(words[first:])
    if len(words) >= 2 and "-" in words[-1].strip("-"):
        return words[-1]
    return None


def _resolve(group: list[_Mention]) -> tuple[str, str, str]:
    """(class, display name, entity_key) of one article entity. Lone surnames joined to a person's
    full name do not vote: the full name already voted for a person, and a surname alone is what the
    model most often mislabels ("Lara" ORG in a cricket report about Brian Lara). One with a cue of its
    own still votes ("Villa manager Unai Emery": the club of "Aston Villa", not a person)."""
    core = [m for m in group if not m.by_surname or m.org_cue or m.place_cue]
    votes = _sum_votes(core or group)
    cls = max(sorted(votes), key=lambda c: votes[c])
    aliases = _aliases()
    name = key = None
    for m in group:
        a = aliases.get(m.folded)
        if a:
            name = a[0]
            break
    if name is None:
        # (not a form joined by a surname or nickname alone: "Dodong Pascua" is Rodelio "Dodong" Pascua)
        forms = Counter(without_nickname(m.text) for m in group if not m.by_surname) \
            or Counter(without_nickname(m.text) for m in group)
        for f in list(forms):          # "X. Kyrylo Budanov" when "Kyrylo Budanov" is there too
            if len(forms) > 1 and len(f) > 3 and f[1:3] == ". " and f[3:] in forms:
                del forms[f]
        if any(m.expands for m in group):
            name, key = _spelt_out(group, forms)
        elif any(m.short_form for m in group):    # "Kafue Ridge" (… Copper Mines): the short form, which every
            name = min((m.text for m in group if m.short_form), key=len)    # outlet naming the company writes
        else:
            name = max(forms, key=lambda f: (len(f.split()), forms[f], -len(f)))
        name = _without_legal_form(name, forms)
    key = key or match_key(name)
    if cls == "per":
        key = _canonical_given_name(key)
    return cls, name, f"{cls}:{key}"


def _spelt_out(group: list[_Mention], forms: Counter) -> tuple[str, str]:
    """(display name, match key) of an entity named by an acronym and the name it abbreviates: "Niagara Frontier
    Transportation Authority (NFTA)", both forms readers and other outlets use, keyed by the acronym (which outlets
    that never spell the body out write too). When the name written before the acronym does not spell it (a name
    the model cut short: "Suppliers Association of Nigeria (FEPSAN)"), the form the article uses most, unless that
    name ends in an organisation word."""
    acronym = Counter(m.text for m in group if m.expands).most_common(1)[0][0]
    written = Counter(m.expands for m in group if m.expands and m.text == acronym)
    full = max(written, key=lambda f: (written[f], len(f.split())))
    long = _without_legal_form(full, forms)     # ("Tenaga Nasional Berhad (TNB)": the B is the legal form's)
    if acronyms.spells(acronym, long) or acronyms.spells(acronym, full) \
            or (len(long.split()) >= 2 and ends_in_org_word(long)):
        return f"{long} ({acronym})", match_key(acronym)     # (or a body's name before its acronym in its own
        #                                                      language: "State Fire and Rescue Service (VUGD)")
    name = max(forms, key=lambda f: (forms[f], len(f.split())))
    return name, match_key(name)


def _without_legal_form(name: str, forms) -> str:
    """``name`` without its company legal form ("Stellantis NV" -> "Stellantis", "Halvorsen Systems Inc." ->
    "Halvorsen Systems"): the name readers and other outlets use, so one company has one key across articles."""
    words = name.split()
    while len(words) >= 2 and fold(words[-1]) in _legal_suffixes():    # ("Ronghua Holdings Group Co. Ltd.": both)
        words = " ".join(words[:-1]).rstrip(",").split()
    return " ".join(words) if words != name.split() else name


@lru_cache(maxsize=1)
def _given_keys() -> tuple[str, ...]:
    return tuple(sorted({match_key(n) for n in _given_names() if len(n) >= 4}))


@lru_cache(maxsize=1)
def _given_variants() -> dict[str, str]:
    """Match key of a given-name spelling -> match key of the first spelling of its line
    (``rules/given_name_variants.txt``)."""
    out: dict[str, str] = {}
    for line in rulefiles.lines("given_name_variants.txt"):
        forms = [match_key(w) for w in line.split()]
        for f in forms:
            out.setdefault(f, forms[0])
    return out


@lru_cache(maxsize=8192)
def _canonical_given_name(key: str) -> str:
    """A person key whose first name misspells a known given name gets that name's spelling
    ("volodomyr zelensky" -> "volodymyr zelensky", "kiril dmitriev" -> "kirill dmitriev"; rapidfuzz
    ratio >= 85, same first letter, length within 2, same feminine ending), and a transliteration
    variant is spelled as the first of its line in ``rules/given_name_variants.txt``
    ("volodymyr zelensky" -> "vladimir zelensky"), so one person is one entity across outlets. The surname must already
    agree, so two people who share a surname (Bill / Hillary Clinton, Ivan / Ivana) stay apart."""
    toks = key.split()
    if len(toks) < 2 or len(toks[0]) < 4:
        return key
    names = _given_keys()
    first = toks[0]
    variants = _given_variants()
    if first not in names and first not in variants:
        hit = process.extractOne(first, names, scorer=fuzz.ratio, score_cutoff=85)
        if hit is not None and hit[0][0] == first[0] and abs(len(hit[0]) - len(first)) <= 2 \
                and hit[0].endswith("a") == first.endswith("a"):       # Ivana is not a misspelt Ivan
            first = hit[0]
    first = variants.get(first, first)
    return " ".join([first, *toks[1:]])


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
