"""Subjects of speech verbs: ``candidate`` reads a short phrase as a speaker (name, pronoun, role noun,
noun phrase), ``subject_before`` finds the subject left of a speech verb (coordinated verbs, names the
NER missed, noun phrases), ``subject_first`` the subject opening a clause. ``_Article`` (speakers.py)
calls these as its methods; split out of speakers.py unchanged."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.quotes import asides, organisations, roles
from tasks.quotes.appositions import _apposed_name, _comma_outside_brackets, _missed_apposed_name, _named_before_comma
from tasks.quotes.phrases import (
    _OBJECT_PREP_BEFORE,
    _ADVERBS,
    _COORDINATED,
    _DATELINE,
    _FRONTED_CLAUSE,
    _Cand,
    _NOT_DESCRIPTOR,
    _PATTERNS,
    _NOT_SUBJECT,
    _NP_SUBJECT,
    _POSSESSIVE_SUBJECT,
    _PERSON_PREP_BEFORE,
    _PREP_BEFORE,
    _RELATIVE_BEFORE,
    _TITLE_WORDS,
    TIME_WORDS,
    _said_comma,
)
from tasks.entities.keys import fold
from tasks.entities.rules import _org_words
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


#: "the Premier", "the Minister of State", "the Secretary for Justice": a capitalised office (group 1 its head)
_OFFICE = re.compile(r"[Tt]he\s+([A-Z][a-z]+)(\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?")


def candidate(A: _Article, s: int, e: int) -> _Cand | None:
    """Interpret body[s:e] (a short phrase) as a speaker: name, pronoun, role noun or other noun phrase."""
    body, r = A.body, A.r
    while s < e and (body[s].isspace() or body[s] in ",—–-"):
        s += 1
    while e > s and (body[e - 1].isspace() or body[e - 1] in ",—–-"):
        e -= 1
    if e <= s:
        return None
    phrase = body[s:e]
    # head noun phrase: up to the first comma (appositive / relative clause after it), not one inside brackets
    # ("Coun. Danielle Mahabir (Ward 24, Scarborough-Guildwood) told")
    cut = _comma_outside_brackets(phrase)
    hs, he = s, (s + cut if cut > 0 else e)
    head = body[hs:he].strip()
    # a name after a long title or before its affiliation may stand in a longer phrase ("former Pennsylvania Gov. and
    # Democratic National Committee Chairman Ed Rendell"); any other speaker phrase has at most 8 words
    if not head or len(head.split()) > 16 or re.search(r"[“”\"«»\n]", head):
        return None
    ms = list(A.mentions_in(hs, he))
    persons = [m for m in ms if m["label"] in PERSON_LABELS]
    # the first person after title words whose affiliation or partner ends the phrase ("Jeffrey Lewis of the James Martin
    # Center …", which the model may call a PERSON too; "David Albright and Serena Kelleher-Vergantini of the
    # Institute …"), else the last person ("Clinton spokesman Brian Fallon"), else the last mention
    office = _OFFICE.fullmatch(head)
    if office is not None and r.role_re.fullmatch(office.group(1).lower()):
        ms, persons = [], []    # "the Premier said", "the Minister of State said": a capitalised office is the role
    if office is not None and office.group(2) is None and r.nationality(office.group(1)):
        return _Cand(hs, he, "role")     # "the Pole said" (the model's ORG): the person of that nation just named
    for pm in persons or ms[-1:]:
        if _titled_mention(A, hs, he, pm):
            return _Cand.of_mention(pm["start_char"], pm["end_char"], pm)
    if len(head.split()) > 8:
        return None
    low = head.lower()
    if low in r.person_pronouns or low in r.group_pronouns or low == "i":
        return _Cand(hs, he, "pronoun")
    if low in ("one", "another"):
        return _Cand(hs, he, "np")          # "…,” said one."
    if low in _NOT_SUBJECT or low in r.adjectives:
        return None                         # "As noted …", "Russian": a function word or an adjective is no speaker
    words = re.findall(r"[\w.’'-]+", head)
    core = re.sub(r"\s+(?:there|here|then|now|himself|herself)$", "", low)     # "The mayor there, Corey Woods,"
    if r.role_re.search(core) and r.role_re.search(core.split()[-1]) and len(words) <= 7:
        named = _apposed_name(A, he, e)
        return named if named is not None else _Cand(hs, he, "role")
    if words and all(w.lower() in TIME_WORDS for w in words):
        return None                         # "Tuesday": a time word is no speaker
    particled = A.surnames.get(low) if len(words) == 1 and not words[0][0].isupper() and "-" in low else None
    if particled:                   # "…,” al-Khatib says": a surname with a lower-case particle
        return _Cand.of_mention(hs, he, particled)
    if words and all(w[0].isupper() for w in words) and len(words) <= 4 and low not in {"i", "we"}:
        m = A.surnames.get(words[-1].lower())
        if m:
            return _Cand.of_mention(hs, he, m)
        return _Cand(hs, he, "name")
    org = organisations.org_role(A, hs, he, low) or organisations.document_source(A, hs, he, low)
    if org is not None:
        return org
    if re.match(r"(the|a|an|one|another|some|many|two|three|several|other|his|her|their|its|my|our)\s", low) and len(words) <= 8:
        if _FINITE.search(low):
            return None                     # "the council had failed its tenants": a clause, not a speaker
        return _Cand(hs, he, "np")
    if low in {"sources", "officials", "critics", "analysts", "experts", "aides", "witnesses", "residents"}:
        return _Cand(hs, he, "np")
    titled = _titled_name(A, hs, head)
    mp = _POSSESSIVE_NP.fullmatch(head) if titled is None and cut < 0 else None     # (no appositive after it)
    if mp is not None and ms and mp.group(1) not in _NOT_DESCRIPTOR and mp.group(1) not in r.verb_forms:
        return _Cand(hs, he, "np")      # "…,” Hillary Clinton’s campaign said": the possessive noun phrase speaks
    return titled


#: what may follow a person's name to the end of the speaker phrase: an affiliation ("James Pethokoukis of the American
#: Enterprise Institute") or a second person and their affiliation ("David Albright and Serena Kelleher-Vergantini of …")
_AFTER_NAME = re.compile(r"(?:and\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,2}\s+)?(?:of|from|at|with)\s+(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[\w.&’'-]+){0,6}")


def _titled_mention(A: _Article, hs: int, he: int, pick: dict) -> bool:
    """Is body[hs:he] the mention ``pick`` with only title words before it and nothing but a bracket, "himself", an
    affiliation or a second person after it?"""
    body, r = A.body, A.r
    after = body[pick["end_char"]:he].strip()
    before = body[hs:pick["start_char"]]
    bw = re.findall(r"[\w.’'-]+", re.sub(r"(?<=[A-Z]\w)(\w*)\s+(?:of|for)\s+(?=[A-Z])", r"\1 ", before))
    # title words before the name: capitalised, title modifiers, role nouns, determiners,
    # possessives, or (up to 5) other lowercase descriptors ("election law expert", "self-described socialist",
    # "Virginia delegate", "Senate minority leader") -- but never a clause (who/said/of …), and no phrase opening
    # with a preposition ("…” for Clinton, said Kunin": "for Clinton" is no title)
    # up to 7 words, or 10 when every lowercase one is a title modifier ("former Pennsylvania Gov. and Democratic National
    # Committee Chairman")
    long_title = len(bw) <= 10 and all(w[0].isupper() or w.lower() in r.title_modifiers for w in bw)
    ok_before = (len(bw) <= 7 or long_title) and not (bw and bw[0].lower() in _NOT_DESCRIPTOR and bw[0].lower() not in {"the", "a", "an"}) and all(
        w[0].isupper() or w.lower() in r.title_modifiers or r.role_re.fullmatch(w.lower())
        or w.lower() in {"the", "a", "an"} or w.lower().endswith(("’s", "'s"))
        or w[0].isdigit() or (w.replace("-", "").isalpha() and w.lower() not in _NOT_DESCRIPTOR and w.lower() not in r.verb_forms)
        for w in bw) and sum(1 for w in bw if w[0].islower()) <= 5
    return ok_before and (not after or after.lower() in {"himself", "herself", "jr.", "sr."}
                          or re.fullmatch(r"\([^()]{1,30}\)", after) is not None
                          or (pick["label"] in PERSON_LABELS and _AFTER_NAME.fullmatch(after) is not None))


#: a possessive noun phrase: a (titled) name or organisation with "’s" and one or two lowercase nouns ("Hillary
#: Clinton’s campaign", "Ryan’s office", "the Clintons’ foundation"); group 1 the head noun
_POSSESSIVE_NP = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.-]*(?:[’']s|s[’'])\s+(?:[a-z][\w-]*\s+)?([a-z][\w-]*)")
_FINITE = re.compile(r"\s(?:had|has|have|was|were|is|are|will|would|could|should|can|must|did|does|do)\s")


_TITLE_ABBREVIATIONS = frozenset("Gov Sen Rep Gen Lt Col Maj Capt Sgt Adm Mr Mrs Ms Dr Rev Prof Atty".split())
_TITLED_NAME = re.compile(r"\b([A-Z][a-z][\w’'-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z][\w’'-]*){1,3})(?:\s*\([^()]{1,30}\))?$")


def _titled_name(A: _Article, hs: int, head: str) -> _Cand | None:
    """A name the NER missed after its title ("Oversight ranking Democrat Elijah Cummings (D-Md.)"): the last two
    to four capitalised words that are no title (and a bracket), after title words only, one of them a role or a
    title abbreviation."""
    body, r = A.body, A.r
    mt = _TITLED_NAME.search(head)
    if not mt:
        return None
    ns = hs + mt.start(1)
    for w in mt.group(1).split()[:-2]:
        if not (r.role_re.fullmatch(w.lower()) or w in _TITLE_ABBREVIATIONS):
            break
        ns = body.index(w, ns) + len(w)
    while body[ns].isspace():
        ns += 1
    name, ne = body[ns:hs + mt.end(1)], hs + mt.end(1)
    title = body[hs:ns].split()
    if not (title and len(name.split()) >= 2 and any(r.role_re.fullmatch(w.lower()) or w.rstrip(".") in _TITLE_ABBREVIATIONS
                                                   for w in title)) \
            or any(r.role_re.fullmatch(w.lower()) or w in _TITLE_ABBREVIATIONS for w in name.split()):
        return None
    if not all(w[0].isupper() or w.lower() in r.title_modifiers or r.role_re.fullmatch(w.lower())
               or (w.isalpha() and w.lower() not in _NOT_DESCRIPTOR and w.lower() not in r.verb_forms) for w in title):
        return None
    m = A.surnames.get(name.split()[-1].lower())
    if m:
        return _Cand.of_mention(ns, ne, m)
    return _Cand(ns, ne, "name")



#: a preposition (and up to two capitalised and two lowercase title words) before a person: the object of a phrase ("a
#: spokesperson for Mayor Teresa Valcourt said"), never the subject of the
#: clause ("In an interview with journalist Matei Rosca last year, Lazar said …")
_PERSON_OBJECT_BEFORE = re.compile(r"(?<![\w’'-])(?:with|to|by|for|against|from|about|toward|towards|between|among)\s+"
                                   r"(?:(?:the|a|an|his|her|their|its)\s+)?" + _TITLE_WORDS + r"(?:[a-z][\w-]*\s+){0,2}$")


_ARTICLE_BEFORE = re.compile(r"(?<![\w’'-])(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w-]*\s+){0,2}$")
_AUXILIARIES = frozenset("is was are were has had have will would can could did does do may might must should".split())


def noun_modifier(A: _Article, m: dict, lo: int) -> tuple[int, int] | None:
    """A person's name between an article and a singular noun modifies that noun ("But the oversized Trump face beaming
    from billboards …", "The Obama administration has said"): (start, end) of that noun phrase, the subject instead of
    the name. None before a verb ("the former president Barack Obama said")."""
    nxt = re.match(r"\s+([a-z][\w-]*)", A.body[m["end_char"]:m["end_char"] + 30])
    art = _ARTICLE_BEFORE.search(A.body, max(lo, m["start_char"] - 40), m["start_char"])
    if m["label"] not in PERSON_LABELS or nxt is None or art is None:
        return None
    w = nxt.group(1)
    if w in A.r.verb_forms or w in _AUXILIARIES or w.endswith(("ed", "s")):
        return None
    return art.start(), m["end_char"] + nxt.end()


def _possessive(body: str, m: dict, hi: int) -> bool:
    """The mention ``m`` is a possessor ("Trump's spokesman", "Sky Sports' Luke Barraclough")."""
    tail = body[m["end_char"]:hi]
    return re.match(r"[’']s\b", tail) is not None or (m["text"].endswith("s") and re.match(r"[’'][^\S\n]", tail) is not None)


def subject_first(A: _Article, lo: int, hi: int) -> _Cand | None:
    """Leftmost speaker candidate (mention outside quotes or subject pronoun) in body[lo:hi], after a
    fronted subordinate clause ("When Wallace died in 1998, President Clinton released …")."""
    body = A.body
    dateline = _DATELINE.match(body, lo, hi) if lo == A.paras[A.para_index(lo)][0] else None
    if dateline:       # "WASHINGTON, Dec. 8 (UPI) — In response to …, Clinton’s aide rallied supporters, saying:"
        lo = dateline.end()
    fronted = _FRONTED_CLAUSE.match(body, lo, hi)
    if fronted:
        lo = fronted.end()
    ms = [m for m in A.mentions_in(lo, hi) if not A.in_quote(m["start_char"])
          and not _possessive(body, m, hi) and not A.aside(m)
          and not (m["label"] not in PERSON_LABELS and _PREP_BEFORE.search(body[max(lo, m["start_char"] - 15):m["start_char"]]))
          and not (m["label"] in PERSON_LABELS and _PERSON_OBJECT_BEFORE.search(body[max(lo, m["start_char"] - 40):m["start_char"]]))]
    pm = A.r.pron_re.search(body, lo, hi)
    cands = []
    # a role noun phrase opening the clause ("The spokesman refused …, adding:")
    rm = re.match(r"\s*(?:(?:But|And|So|Then|Later|However|Meanwhile|Earlier|Even|Also),?\s+)?((?:the|a|an)\s+(?:[\w.’'-]+\s+){0,3}?(?:"
                  + A.r.role_re.pattern + r")(?:\s+" + A.r.role_re.pattern + r")*)", body[lo:hi], re.I)   # "general secretary"
    if rm:
        named = _apposed_name(A, lo + rm.end(1), hi)
        cands.append(named if named is not None else _Cand(lo + rm.start(1), lo + rm.end(1), "role"))
        if named is not None:
            # "A Trump spokeswoman, Hope Hicks, said": a name inside the role is its modifier, the apposed name speaks
            ms = [m for m in ms if not lo + rm.start(1) <= m["start_char"] < lo + rm.end(1)]
    if ms:
        m = _titled_person(A, ms)
        cands.append(_Cand.of_mention(m["start_char"], m["end_char"], m))
    if pm and not A.in_quote(pm.start()):
        cands.append(_Cand(pm.start(), pm.end(), "pronoun"))
    # a possessive noun phrase opening the clause ("Ryan’s campaign shrugged off …, telling reporters, “…”")
    mp = _POSSESSIVE_SUBJECT.match(body, lo, hi)
    if mp and not cands and mp.group(1).split()[-1] not in _NOT_DESCRIPTOR and mp.group(1).split()[-1] not in A.r.verb_forms:
        cands.append(_Cand(mp.start(1), mp.end(1), "role" if A.r.role_re.fullmatch(mp.group(1).split()[-1]) else "np"))
    # "Her campaign quickly blasted out an email …, stating": a noun phrase with a possessive determiner opening it
    md = re.match(r"\s*((?:His|Her|Its|Their|Our)\s+[a-z][\w-]*)\s", body[lo:hi])
    if md and not cands and md.group(1).split()[-1] not in _NOT_DESCRIPTOR and md.group(1).split()[-1] not in A.r.verb_forms:
        cands.append(_Cand(lo + md.start(1), lo + md.end(1), "role" if A.r.role_re.fullmatch(md.group(1).split()[-1]) else "np"))
    return min(cands, key=lambda c: c.start) if cands else None

def _titled_person(A: _Article, ms: list[dict]) -> dict:
    """The first of ``ms``, or the person it is a title word of ("U.S. Ambassador to NATO Matthew
    Whitaker": the GPE "U.S." opens the title of the person)."""
    first = ms[0]
    for m in ms[1:3]:
        between = A.body[first["end_char"]:m["start_char"]]
        if m["label"] in PERSON_LABELS and len(between) <= 60 and between[:1].isspace() and between[-1:].isspace() \
                and (all(w[0].isupper() or w in A.r.title_modifiers or w in ("to", "of", "for") or A.r.role_re.fullmatch(w)
                         for w in between.split())
                     or (len(between.split()) <= 4 and A.r.role_re.fullmatch(between.split()[-1].lower()))) \
                and (first["label"] not in PERSON_LABELS or any(A.r.role_re.fullmatch(w) for w in between.split())):
            return m      # also "Committee chairman MK Dov Elbaz": a role noun in the title; "Bernstein analyst
            #               Siobhan O’Hare-Mensah", "Trump adviser Roger Stone": a person's name opens the title
    return first

def _coordinated_subject(A: _Article, verb_s: int, lo: int) -> _Cand | None:
    """Subject of a coordinated verb phrase ("He thanked Trump ... and said": the clause's first
    candidate; a gerund after "by": "He explained the headline by saying:"; "…, he said,
    insisting that …": the subject of the speech verb just before)."""
    seg = A.body[lo:verb_s]
    if not _COORDINATED.search(seg) or _named_before_comma(A, seg, lo) or _RELATIVE_BEFORE.search(seg):
        return None
    said = _said_comma(A.r.quote_verb_alt).search(seg)
    if said and not A.in_quote(lo + said.start()):
        prev = A.subject_before(lo + said.start(), lo)
        if prev is not None:
            return prev
    fronted = _FRONTED_CLAUSE.match(seg)       # "When asked whom she supported, Ms. Sherry smiled and said"
    return A.subject_first(lo + (fronted.end() if fronted else 0), verb_s)

#: a lowercase word before a noun phrase that makes it an object ("issued a statement Tuesday saying", "started out
#: their debate saying"); not "with", "of", "as" ("with one of her ads asking", "footage of Trump saying", "quoted
#: the president as saying": there the noun phrase is the participle's own subject)
_OBJECT_BEFORE = re.compile(r"(?<![\w’'-])(?!(?:with|of|as|and|or|but)\s)[a-z]+\s+$")


def subject_before(A: _Article, verb_s: int, lo: int) -> _Cand | None:
    """Closest speaker candidate left of a verb (its subject), within body[lo:verb_s]; for a participle
    ("saying", "stating") whose nearest noun phrase is the object of the clause's verb ("Mr. Trump … issued a
    statement Tuesday saying", "Sanders started out their ninth debate saying"), the clause's subject."""
    c = _nearest_subject(A, verb_s, lo)
    if c is None or not A.body.startswith("ing", verb_s + _word_len(A.body, verb_s) - 3):
        return c
    if not (c.kind in ("np", "name") or (c.kind == "mention" and c.mention is not None and c.mention["label"] not in PERSON_LABELS)):
        return c
    if not _OBJECT_BEFORE.search(A.body, lo, c.start):
        return c
    subj = subject_first(A, lo, c.start)
    if subj is not None and subj.kind == "np" and not A.body[lo:subj.start].strip():
        return subj          # the noun phrase opening the clause ("Her campaign … blasted out an email … stating")
    return subj if subj is not None and subj.kind in ("mention", "pronoun", "role") else c


#: what stands between a person and the end of their affiliation ("Yaroslav Zhelezniak| of the Holos party", "Priya
#: Holloway-Grant| of the nonprofit Western Rivers Alliance",
#: "Yoshihiko Noda| of the Constitutional Democratic Party of |Japan")
_AFFILIATION = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}(?:(?:[A-Z][\w.&’'-]*|of|and|for|the)\s+)*")


def _affiliated_person(A: _Article, best: _Cand | None, start: int) -> _Cand | None:
    """The person whose affiliation the phrase at ``start`` ends ("Lawmaker Yaroslav Zhelezniak of the Holos
    party said": the party is no speaker, the lawmaker is): ``best``, the nearest mention before, when it is a
    person and only "of/from/at (the) Name Words" stands between it and ``start``."""
    if best is None or best.mention is None or best.mention["label"] not in PERSON_LABELS or best.end > start:
        return None
    return best if _AFFILIATION.fullmatch(A.body, best.end, start) else None


#: "Donald Trump’s campaign", "the Clintons’ foundation" right before a verb (not "He’s", "That’s": contractions)
#: opening the clause: at the start of the text searched or after a comma, a bracket or a dash; one noun after it, then
#: the verb (a finite form: "said", "says", "announced"; not "Bill Clinton’s stock answer")
_POSSESSIVE_BEFORE_VERB = re.compile(r"(?:^\s*|(?<=[,(—–]\s))((?:[A-Z][\w.’'-]*\s+){0,3}(?!(?:He|She|It|That|There|Here|What|Who|Where|Let)[’'])"
                                     r"[A-Z][\w.-]*(?:[’']s|s[’'])\s+[a-z][\w-]*)\s+" + _ADVERBS + "$")


def _possessive_subject(A: _Article, verb_s: int, lo: int) -> _Cand | None:
    """A possessive noun phrase opening the clause right before a finite verb ("Donald Trump’s campaign said in a
    statement:"): a role (resolved like one) or an unresolved noun phrase."""
    body, r = A.body, A.r
    mpos = _POSSESSIVE_BEFORE_VERB.search(body[lo:verb_s])
    verb = re.match(r"[\w’'-]+", body[verb_s:verb_s + 40])
    if mpos is None or verb is None or A.in_quote(lo + mpos.start(1)) \
            or not (verb.group().endswith(("s", "ed")) or verb.group() in {"said", "told", "wrote", "spoke"}):
        return None
    head = mpos.group(1).split()[-1].lower()
    if head in _NOT_DESCRIPTOR or head in r.verb_forms or head.endswith("ly"):
        return None
    return _Cand(lo + mpos.start(1), lo + mpos.end(1), "role" if r.role_re.fullmatch(head) else "np")


def _word_len(body: str, pos: int) -> int:
    m = re.match(r"[\w’'-]+", body[pos:pos + 40])
    return m.end() if m else 0


def _modifier_in(c: _Cand, np_start: int, np: str) -> bool:
    """A place or organisation named inside a noun phrase that ends at the verb ("One former |England| international
    in the press box put it"): a modifier of that phrase, not its head (not "The FSB additionally claimed")."""
    words = np.split()
    return c.kind == "mention" and c.mention is not None and c.mention["label"] not in PERSON_LABELS \
        and c.start > np_start and c.end < np_start + len(np) and not words[-1].endswith("ly") \
        and len(words) >= 3 and not c.mention["text"].startswith(words[1])


def _fronted_over(A: _Article, lo: int, pos: int, hi: int) -> bool:
    """``pos`` lies inside a fronted clause opening body[lo:hi] ("Asked whether …, the spokesperson said")."""
    fronted = _FRONTED_CLAUSE.match(A.body, lo, hi)
    return fronted is not None and fronted.end() > pos


#: a role that owns the subject ("The Minister| for Local Government's office said", "the president|'s office said"):
#: the noun phrase is the speaker, not the role
_ROLE_POSSESSOR = re.compile(r"(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})?[’']s\s+[a-z]+\s+"
                             + _ADVERBS)


def _last_role(A: _Article, seg: str, lo: int, verb_s: int) -> _Cand | None:
    """The last role noun phrase of ``seg`` (= body[lo:verb_s]) outside quotations; a role that owns the subject
    (``_ROLE_POSSESSOR``) gives the whole noun phrase instead."""
    body, r = A.body, A.r
    role = None
    for rm in re.finditer(r"(?:(?<=\s)|^)((?:the|a|an|one|another|his|her|their|its|my|our|[A-Z][\w.]*[’']s)\s+(?:[\w.’'-]+\s+){0,3}?)?(?:"
                          + r.role_re.pattern + r")", seg, re.I):
        if not A.in_quote(lo + rm.start()):
            role = _Cand(lo + rm.start(), lo + rm.end(), "role")
    if role is not None and _ROLE_POSSESSOR.fullmatch(body, role.end, verb_s):
        role = _Cand(role.start, role.end + len(body[role.end:verb_s].rstrip()), "np")
    return role


#: "The Scot(, who won six grands prix this season,)" right before the verb: a nationality noun for a person, which the
#: model labels NORP (no speaker label); role_speaker resolves it to the person just written about
_NATIONALITY_SUBJECT = re.compile(r"(?<![\w’'-])([Tt]he\s+([A-Z][a-z]+))(?:,\s+who\b[^,“”\"]{0,120},)?\s*$")


def _nationality_subject(A: _Article, seg: str, lo: int) -> _Cand | None:
    """"The Scot" (with an optional who-clause) ending ``seg`` (at ``lo`` of the body) as a role subject, when the word
    is a nationality noun or adjective; else None."""
    nat = _NATIONALITY_SUBJECT.search(seg)
    if nat and A.r.nationality(nat.group(2)):
        return _Cand(lo + nat.start(1), lo + nat.end(1), "role")
    return None


#: the adverbs of quote_patterns.txt ([speech_adverbs], [time_adverbs]: "later", "earlier", "previously")
_SPEECH_ADVERBS = frozenset(w.lower() for w in _PATTERNS.get("speech_adverbs", []) + _PATTERNS.get("time_adverbs", []))
#: a lower-case noun right after a name, then a comma or a verb: the name modifies it ("The Inverness |runner|, who …")
_MODIFIER_OF_ROLE = re.compile(r"[^\S\n]+([a-z]+)(?=,|[^\S\n]+(?:said|says|told|added)\b)")


def _modifies_person_noun(A: _Article, m: dict) -> bool:
    """Is the mention ``m`` a modifier of the person noun after it ("The Inverness |runner|, who …, said", "the 29-year-old
    from Moss Side"), not an adverb ("Boeing later said"), nor an organisation's officer ("The Dolphins |coach| said",
    rules/org_cues.txt "after:", whom the club's titles resolve)?"""
    mo = _MODIFIER_OF_ROLE.match(A.body, m["end_char"])
    if mo is None or mo.group(1) in _NOT_DESCRIPTOR or mo.group(1) in _SPEECH_ADVERBS \
            or (m["label"] == "ORG" and fold(mo.group(1)) in _org_words()[1]):
        return False
    return bool(A.r.role_re.fullmatch(mo.group(1))) or roles._names_person(A.r, mo.group(1))


def _nearest_subject(A: _Article, verb_s: int, lo: int) -> _Cand | None:
    """Closest speaker candidate left of a verb (its subject), within body[lo:verb_s]."""
    body, r = A.body, A.r
    best: _Cand | None = None
    apposed = _missed_apposed_name(A, verb_s, lo)
    if apposed is not None:
        return apposed
    coordinated = _coordinated_subject(A, verb_s, lo) or asides.aside_subject(A, verb_s, lo)
    if coordinated is not None:
        return coordinated
    for m in reversed(A.mentions_in(lo, verb_s)):
        if A.in_quote(m["start_char"]):
            continue
        tail = body[m["end_char"]:verb_s]
        if _possessive(body, m, verb_s):         # possessive: "Trump's spokesman said", "Sky Sports' Luke Barraclough"
            continue
        if A.aside(m):                       # "(R-OH)", "WASHINGTON —"
            continue
        if m["label"] not in PERSON_LABELS and _PREP_BEFORE.search(body[max(lo, m["start_char"] - 15):m["start_char"]]):
            continue                            # "negotiations between Moscow and Kyiv"
        prep = _PERSON_PREP_BEFORE.search(body[max(lo, m["start_char"] - 40):m["start_char"]]) \
            if m["label"] in PERSON_LABELS else None
        if prep is not None and (not re.match(r",?\s+who\b", tail) or prep.group().startswith("from")):
            continue                            # "took to Twitter to write" (not "… with Clinton, who believes"; but
            #                                     "The 29-year-old from |Moss Side|, who won …, said": the 29-year-old)
        if _modifies_person_noun(A, m):         # "The |Inverness| runner, who won …, said": the runner
            det = re.search(r"(?:[Tt]he|[Aa]n?)[^\S\n]+$", body[max(lo, m["start_char"] - 5):m["start_char"]])
            ns = m["start_char"] - (len(det.group()) if det else 0)
            noun = _MODIFIER_OF_ROLE.match(body, m["end_char"])
            best = _Cand(ns, noun.end(1) if noun else m["end_char"], "np")
            break
        best = _Cand.of_mention(m["start_char"], m["end_char"], m)
        break
    seg = body[lo:verb_s]
    pron = None
    for pm in r.pron_re.finditer(body, lo, verb_s):
        if not A.in_quote(pm.start()):
            pron = _Cand(pm.start(), pm.end(), "pronoun")
    role = _last_role(A, seg, lo, verb_s)
    if best is not None and best.mention is not None and best.mention["label"] not in PERSON_LABELS:
        # prefer a person named in the last few words ("Gov. John Kasich (R-OH) said", "WASHINGTON — Clinton said")
        for m in reversed(A.mentions_in(max(lo, verb_s - 90), verb_s)):
            if m["label"] in PERSON_LABELS and not A.in_quote(m["start_char"]) \
                    and not _possessive(body, m, verb_s):
                best = _Cand.of_mention(m["start_char"], m["end_char"], m)
                break
    cands = [c for c in (best, pron, role) if c is not None]
    # a name the NER missed, right before the verb ("Rubio says, …")
    mn = re.search(r"((?:[A-Z][\w.’'-]*\s+){1,4})" + _ADVERBS + r"$", seg)
    if mn and not A.in_quote(lo + mn.start(1)) and not any(c.end > lo + mn.start(1) for c in cands) \
            and not _OBJECT_PREP_BEFORE.search(seg, 0, mn.start(1)):
        c = A.candidate(lo + mn.start(1), lo + mn.end(1))
        if c is not None and c.kind in ("mention", "name"):
            return _affiliated_person(A, best, lo + mn.start(1)) or c
    # a noun phrase right before the verb is its subject ("The ad says", "a man yelled",
    # "The campaign’s statement then declares", "one of her ads asking")
    mnp = _NP_SUBJECT.search(seg)
    if mnp and not A.in_quote(lo + mnp.start(1)) and not any(
            c.end > lo + mnp.start(1) and not _modifier_in(c, lo + mnp.start(1), mnp.group(1)) for c in cands):
        words = mnp.group(1).split()
        head = words[-1].lower()
        # a verb form is the head noun right after a determiner ("One tweet said", "The report says")
        noun_after_det = len(words) == 2 and words[0].lower() in {"the", "a", "an", "one", "another", "his", "her", "its", "their", "this", "that"}
        if head not in _NOT_DESCRIPTOR and (head not in r.verb_forms or noun_after_det):
            ns, ne = lo + mnp.start(1), lo + mnp.end(1)
            low = body[ns:ne].lower()
            return _affiliated_person(A, best, ns) or organisations.org_role(A, ns, ne, low) \
                or organisations.document_source(A, ns, ne, low) or _Cand(ns, ne, "np")
    poss = _possessive_subject(A, verb_s, lo)
    if poss is not None and not any(c.end > poss.start for c in cands):
        return poss
    if not cands:
        return _nationality_subject(A, seg, lo)     # "The Scot, who won six grands prix, said", else None
    c = max(cands, key=lambda c: c.end)
    # a role word immediately before a name is its title ("Kremlin spokesman Dmitry Peskov")
    if c.kind == "role" and best is not None and best.start >= c.start and best.end >= c.end:
        return best
    if c.kind == "role" and best is not None and best.start >= c.start:
        return c       # "the Russian leader": the name or adjective inside is a modifier of the role
    if c.kind == "role" and best is not None and re.fullmatch(r"[\s,]*", body[best.end:c.start] or " ") and c.start > best.end \
            and (best.mention is None or best.mention["label"] in PERSON_LABELS or re.match(r"\s*,", body[c.end:verb_s])) \
            and not _fronted_over(A, lo, best.start, verb_s):
        return best    # "Peskov, the Kremlin spokesman, said" (not "According to TASS, the Russian leader said", not
                       # "Asked whether he trusts chancellor Rachel Reeves, the spokesperson said")
    if verb_s - c.end > 120:
        return None
    return c
