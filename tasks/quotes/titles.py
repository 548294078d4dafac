"""The titles and genders an article gives its people, read once per article into ``_Article``: the title words
written next to a name ("Kremlin spokesman Dmitry Peskov", "Peskov, the Kremlin spokesman,", "chaired by Senator X",
"Prosecuting, Ms X") and the gender they tell, the gender a "said she …" right after the name shows, and the weaker
hint of a given name's usual gender; and whether a title made someone an officer of the court (``court_officer``: "the
witness" is never one). Split from ``speakers.py``; each function takes the article's ``_Article``."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from tasks import rulefiles
from tasks.entities.rules import given_name_gender
from tasks.quotes import epithets
from tasks.quotes.phrases import POSSESSIVE
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


#: "said she …", "told reporters that he …": the subject pronoun of the reported clause right after the
#: speech verb that follows a person's name (``collect_pronoun_gender``)
_SAID_PRONOUN = re.compile(r"(?:\s+(?:reporters|journalists|me|us))?(?:\s+that)?\s+(he|she)\b", re.I)
#: what opens a clause after a name's comma rather than its apposition: a relative, a conjunction, or a participle with
#: its object ("Parent Desmond X, |dropping his| daughter off at school,"; not "acting director"), or an infinitive
#: ("from his brother, Gus, |to give| the Knights a 4-3 win")
_NO_APPOSITION = re.compile(r"(?:whose|who|which|where|when|but|and|or|yet|while|as|then|though|although|to"
                            r"|[a-z]+ing[^\S\n]+(?:his|her|their|its|the|a|an|to|at|in|on|from|with|out|off|up|into|about|near))\b")
#: a quotation opening the next sentence, closed and attributed to "he"/"she" ("“…,” she said"): ``_quoted_next_gender``
_QUOTED_BY_PRONOUN = re.compile(r"[“\"‘'][^\n]*?[,?!…][”\"’']\s+(he|she)\s+(?:said|says|added|told|asked|explained|continued)\b")
#: an apposition after a name, up to its comma or stop, a relative clause after it left out (", an infectious disease
#: physician at Victoria Hospital| who was not involved in the study,"; not a clause that gives another title: "a former
#: staff engineer at Stripe who is now chief technology officer"); a party or place in brackets may come first
_APPOSITION_AFTER = re.compile(r"(?:\s*\([^()\n]{1,30}\))?,\s+(?:who is\s+)?(?:(?:the|a|an)\b|[A-Z][\w.]*[’']s)?\s*"
                               r"([^,.;:()\n“”‘\"]{3,120}?)(?:\s+(?:who|whose|which)\s(?!(?:is|was|has\s+been|had\s+been|became|becomes|serves|served)\s+"
                               r"(?!not\b))[^,.;:()\n“”‘\"]{1,120})?\s*[,.;)]")
#: a portfolio in lower case after a role ("vice president| of operations", "director| of nursing")
_LOWER_PORTFOLIO = re.compile(r"[^\S\n]+(?:for|of)[^\S\n]+[a-z][a-z\s-]*$")
#: a role phrase and the comma of an apposition right before a name ("the council's chief executive, ")
_ROLE_BEFORE_APPOSITION = re.compile(r"(?<![\w’'-])((?:[\w’'-]+[^\S\n]+){0,3}[\w’'-]+"
                                     r"(?:[^\S\n]+(?:of|for)[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w’'-]*(?:[^\S\n]+(?:and[^\S\n]+)?[A-Z][\w’'-]*){0,4})?)"
                                     r"[^\S\n]*,[^\S\n]*$")


@lru_cache(maxsize=4)
def honorifics_alternation(extra: tuple[str, ...] = ()) -> str:
    """The short titles of ``rules/honorifics.txt`` (and ``extra``) as one regex alternation, longest first."""
    return "|".join(sorted(map(re.escape, {*rulefiles.lines("honorifics.txt"), *extra}), key=len, reverse=True))


@lru_cache(maxsize=1)
def _honorifics_before() -> re.Pattern:
    """Short titles (rules/honorifics.txt) right before a name ("Principal Secretary for Agriculture, |Dr |Wanjiru
    Kamau-Ndegwa")."""
    return re.compile(rf"(?:(?<![\w’'-])(?:{honorifics_alternation()})\.?[^\S\n]+)+$")


#: "chaired by (Senator) X", "headed by X", "(a horse) trained by X": the verb gives the person a role
_LED_BY = re.compile(r"(?<![\w-])(chaired|headed|led|trained|coached|ridden|managed|owned)\s+by\s+(?:[A-Z][\w.’'-]*\s+){0,3}$")
_LED_BY_ROLE = {"chaired": "chair", "headed": "head", "led": "leader", "trained": "trainer", "coached": "coach",
                "ridden": "jockey", "managed": "manager", "owned": "owner"}
#: "(who was) represented by Mr X", "defended by X": X is the lawyer
_REPRESENTED_BY = re.compile(r"(?<![\w-])(?:represented|defended)\s+by\s+(?:[A-Z][\w.’'-]*\s+){0,3}$")
#: "Prosecuting, (Ms) X", "Defending, X": the part a lawyer plays in a court report
_COURT_ROLE = re.compile(r"(?:^|[.!?]\s+|\n)(Prosecuting|Defending|Mitigating)(?:\s+(?:for|on\s+behalf\s+of)\s+[^,.\n]{1,60})?,\s+(?:[A-Z][\w.’'-]*\s+){0,2}$")
_COURT_ROLE_WORDS = {"Prosecuting": ["prosecutor"], "Defending": ["defence", "lawyer", "barrister"],
                     "Mitigating": ["defence", "lawyer", "barrister"]}


#: a short bracket right before a name, after its title ("Judge |(East)| Nasreen X")
_BRACKET_END = re.compile(r"[^\S\n]+\([A-Z][\w .&-]{0,20}\)[^\S\n]+$")


#: words that end a role and begin what it is of or at ("an economist |at| King Saud University")
_PREPOSITIONS = frozenset({"at", "of", "for", "in", "from", "with", "to", "on", "by"})


#: between two persons who share a plural title ("Commissioners X| and |Y", "X|, |Y and Z")
_COORDINATED = re.compile(r"[^\S\n]*(?:,|and|,[^\S\n]*and)[^\S\n]*")


def _singular(low: str) -> str | None:
    """The singular of a plural title word ("commissioners", "councilmen"); None for a word that is no plural."""
    if low.endswith("men"):
        return low[:-3] + "man"
    if low.endswith("s") and not low.endswith("ss"):
        return low[:-1]
    return None


def collect_titles(A: _Article) -> None:
    """Each person mention's title words, written before or in apposition after the name ("Kremlin spokesman Dmitry
    Peskov", "Peskov, the Kremlin spokesman,"), into ``A.titles``; the gender those words tell into ``A.gender``."""
    body, r = A.body, A.r
    person_end = 0          # where the person named before ends: no title reaches back over another's name
    shared: list[str] = []  # the plural title before the person named before ("Commissioners X and Y": commissioner)
    for m in A.mentions:
        if m["label"] not in PERSON_LABELS:
            continue
        words: list[str] = []
        pos = m["start_char"]
        left = body[max(0, pos - 80, person_end if person_end <= pos else 0):pos]
        left = left[left.rfind("\n") + 1:]      # no title reaches back into the paragraph before ("… Magistrate's Court.")
        if shared and person_end <= pos and _COORDINATED.fullmatch(body, person_end, pos):
            words = list(shared)           # "Commissioners Rutger Vasquez-Oyelaran and |Anneke Lindqvist-Obuya|"
            left = ""
        if len(m["text"].split()) >= 2 and not r.role_re.fullmatch(m["text"].split()[-1].lower()):
            person_end = m["end_char"]     # (a full name: a lone word may be a title the model took, "Eng."; so may a
            #                                place and a role, "|Gore GP| Dr Ngaio X")
        prev_cap = False
        titled = _BRACKET_END.sub(" ", left)       # "Sessions Judge (East) |Nasreen X|": the bracket qualifies the title
        for tok in reversed(re.findall(r"[\w.’'-]+|[^\w\s]", titled)):
            low = tok.lower()
            if low.endswith(("’s", "'s", "s’", "s'")) and words:
                if not tok[0].isupper() or low[:-2] in A.surnames:
                    break   # "Mr Thewlis's widow Pauline": "Mr" is Thewlis's title, not hers
                low = low[:-2]      # "St. Mary's coach X": the team's coach
            single = _singular(low) if tok[0].isupper() and not words else None    # (right before the names: not
            #                                   "Marist |Brothers| coach X", a club's name)
            if single is not None and r.role_re.fullmatch(single):
                low = single       # "Commissioners X and Y": each a commissioner; "Councilmen X and Y" councilmen
                shared = [low]
            if tok[0].isupper() or low in r.title_modifiers or r.role_re.fullmatch(low) \
                    or (low in ("for", "of") and prev_cap):     # "Minister for Health X", "Secretary of State X"
                words.append(low)
                prev_cap = tok[0].isupper()
                if len(words) >= 6:
                    break
            else:
                break
        words.reverse()          # read right to left: back to the order of the text ("prime minister")
        led = _LED_BY.search(left)
        if led is not None:      # "The meeting, chaired by Senator Shahida Rafiq-Khan,": the chair
            words = [_LED_BY_ROLE[led.group(1)]] + words
        if _REPRESENTED_BY.search(left) is not None:    # "X, who was represented by Mr Prince Y,": the lawyer
            words = ["lawyer", "counsel"] + words
        court = _COURT_ROLE.search(left)
        if court is not None:    # "Prosecuting, Ms Bethany Oakes-Morrow said": the prosecutor
            words = _COURT_ROLE_WORDS[court.group(1)] + words
        words = _role_in_apposition(r, left, words) + words
        gender_words = list(words)
        ma = _APPOSITION_AFTER.match(body[m["end_char"]:m["end_char"] + 220])
        if ma and r.role_re.search(ma.group(1)) and not r.verb_re.search(ma.group(1)) \
                and not _NO_APPOSITION.match(ma.group(1)) \
                and not re.search(r"\b(?:was|is|were|are|has|had|have|will|would|could|can)\b", ma.group(1)):
            # not "X, the spokesperson said.", nor a relative clause ("Lorna Bautista, whose son has been …,") or another
            # clause ("off Jaswant X, but a 13-ball 29 from the captain Rohan Y": another person's title), nor
            # the rest of a sentence ("Harjit Sandhu-Bains, was in the courtroom with his wife and daughter."), nor a
            # participle's clause ("Parent Desmond X, dropping his daughter off at school,"); a party
            # or place in brackets may come first ("Cllr Sunita Varma-Holt (Lib Dem), the county council's lead member")
            raw = re.findall(r"[\w.’'-]+", ma.group(1))
            appos = [w.lower() for w in raw]
            words += appos
            # gender from the role only, not from the body it serves ("an economist at |King| Saud University")
            # nor from a place or name inside it ("a |Queen| Creek Republican"; not "the |Lord| Chancellor")
            named = {k for k in range(len(raw) - 1) if raw[k][:1].isupper() and raw[k + 1][:1].isupper()
                     and not r.role_re.fullmatch(appos[k + 1])}
            cut = next((k for k, w in enumerate(appos) if w in _PREPOSITIONS), len(appos))
            gender_words += [w for k, w in enumerate(appos[:cut]) if k not in named]
        words += [w.lower() for w in m["text"].split()[:-1]]
        gender_words += [w.lower() for w in m["text"].split()[:-1]]
        if any(r.role_re.fullmatch(w) for w in words) or r.role_re.search(" ".join(words)):
            A.titles.append((pos, set(words), m, " ".join(words)))
        if not (shared and shared[0] in words):
            shared = []
        g = A.words_gender(gender_words)
        if g and m.get("entity_id"):
            A.gender.setdefault(m["entity_id"], g)


def collect_pronoun_gender(A: _Article) -> None:
    """A person's gender as the article itself shows it: "he" or "she" right after the first speech verb
    that follows the name in its sentence, before any other person is named ("Maria Delgado, who has
    lived there for six years, said she heard 15 shots"). Titles ("Mr.", "spokeswoman") come first."""
    body = A.body
    persons = [m for m in A.mentions if m["label"] in PERSON_LABELS and m.get("entity_id")]
    for k, m in enumerate(persons):
        if m["entity_id"] in A.gender or A.in_quote(m["start_char"]):
            continue
        si = A.sent_index(m["start_char"])
        end = A.sents[si]["end_char"]
        if any(not A.in_quote(p.start()) for p in _HE_SHE.finditer(body, A.sents[si]["start_char"], m["start_char"])):
            continue        # "She described Sørensen-Mbatha as … and said she had trusted him": the name is her object
        nxt = next((p["start_char"] for p in persons[k + 1:] if p["entity_id"] != m["entity_id"]), end)
        for v in A.r.quote_verb_re.finditer(body, m["end_char"], min(end, nxt)):
            gap = body[m["end_char"]:v.start()]
            if (A.r.pron_re.search(body, m["end_char"], v.start()) and not re.search(r"\b(?:who|that)\b", gap)) \
                    or (gap.startswith(",") and gap.count(",") == 1) or _unnamed_person_in(A, gap):
                break       # "read to the court by Elliot Marchbank, she said she …", "under new coach X, the world
                #             No. 14 says she …": the verb has its own subject; "Judge X accepted |the man|’s remorse
                #             was genuine and noted he had no previous convictions": "he" may be the man
            pm = _SAID_PRONOUN.match(body, v.end())
            said = ("m" if pm.group(1).lower() == "he" else "f") if pm else None
            named = given_name_gender((m.get("entity_name") or m["text"]).split()[0].rstrip("."))
            if said and not A.in_quote(v.start()) and named in (None, said):    # "Maria Delgado, who …, said she heard"
                A.gender[m["entity_id"]] = said     # (not "Miguel X, now a trumpet player, said |she| was the reason
                #                                     he kept playing", "Dave X, …, said |she| had trained half the
                #                                     rangers": a he or she the name does not tell is someone else)
            break
    _quoted_next_gender(A, persons)
    for m in persons:         # a weaker hint: the given name's usual gender ("Colm" he, "Renata" she)
        words = (m.get("entity_name") or m["text"]).split()
        if len(words) >= 2 and m["entity_id"] not in A.gender:
            g = given_name_gender(words[0].rstrip("."))
            if g:
                A.name_gender[m["entity_id"]] = g


def _role_in_apposition(r, left: str, words: list[str]) -> list[str]:
    """The words of a role in apposition right before a name, its comma last ("the council's chief executive, Morgan
    Hartley", "Principal Secretary for Agriculture, Dr X", "Hollister’s vice president of operations, Clarissa X"), when
    no title but short ones stands right before the name (``words``); else none."""
    honorific = _honorifics_before().search(left)     # "…, Dr Wanjiru Kamau-Ndegwa": only short titles before
    bare = left[:honorific.start()] if honorific is not None and len(words) == len(honorific.group(0).split()) else left
    mb = _ROLE_BEFORE_APPOSITION.search(bare) if not words or bare is not left else None
    if mb is None:
        return []
    role = re.sub(r"[^\S\n]+(?:for|of)[^\S\n]+(?:the[^\S\n]+)?(?:[A-Z][\w’'-]*[^\S\n]*|and[^\S\n]+)+$", "", mb.group(1))
    role = _LOWER_PORTFOLIO.sub("", role)   # "vice president| of operations"
    return [w.lower() for w in mb.group(1).split()] if r.role_re.fullmatch(role.split()[-1].lower()) else []


def _unnamed_person_in(A: _Article, text: str) -> bool:
    """Does ``text`` name a person by a noun after a determiner ("the man’s remorse", "a witness")?"""
    return any(epithets.names_person(A.r, mo.group(1)) for mo in _DETERMINED_NOUN.finditer(text))


#: a noun after a determiner, without its possessive ("the |man|’s")
_DETERMINED_NOUN = re.compile(r"(?<![\w’'-])(?:the|a|an|his|her|their)\s+([a-z][a-z-]*)")
#: a person's subject pronoun
_HE_SHE = re.compile(r"(?<![\w’'-])(?:[Hh]e|[Ss]he)(?![\w’'-])")


def _quoted_next_gender(A: _Article, persons: list[dict]) -> None:
    """The gender "he"/"she" shows when a sentence opened by a named person is followed, in the same paragraph, by
    a quotation attributed to that pronoun with no other person named in between ("Genera's chief operating officer,
    Rebeca Montalvo-Nwachukwu, fired back at a press conference. “…,” she said."): the article's own evidence for
    a given name no list knows."""
    for k, m in enumerate(persons):
        if m["entity_id"] in A.gender or A.in_quote(m["start_char"]):
            continue
        si = A.sent_index(m["start_char"])
        if si + 1 >= len(A.sents) or A.para_index(A.sents[si + 1]["start_char"]) != A.para_index(m["start_char"]):
            continue
        if any(p["entity_id"] != m["entity_id"] and A.sents[si]["start_char"] <= p["start_char"] < m["start_char"]
               and not POSSESSIVE.match(A.body, p["end_char"] - 1) for p in persons):
            continue        # someone else opens the sentence (not a possessive: "Genera's chief operating officer, …")
        nxt = A.sents[si + 1]
        qm = _QUOTED_BY_PRONOUN.match(A.body, nxt["start_char"], A.paras[A.para_index(nxt["start_char"])][1])
        if qm is None or any(p["entity_id"] != m["entity_id"] and m["end_char"] < p["start_char"] < qm.start(1)
                             and not A.in_quote(p["start_char"]) for p in persons[k + 1:]):
            continue
        A.gender[m["entity_id"]] = "m" if qm.group(1).lower() == "he" else "f"


def court_officer(A: _Article, person: dict) -> bool:
    """Did the article title ``person`` as an officer of the court ("presiding judge X", "defence lawyer Y", "Under
    cross-examination, Advocate X"; a word of quote_patterns.txt [court_officer_words] among the three before a
    mention of them)?"""
    key = person.get("entity_id") or person["text"]
    return any((m.get("entity_id") or m["text"]) == key
               and set(A.body[max(0, m["start_char"] - 40):m["start_char"]].lower().split()[-3:]) & A.r.court_officer_words
               for m in A.mentions)


#: a title written out in capitalised words, maybe with "of"/"for"/"and" between ("Deputy Commissioner of Police",
#: "Senior Divisional Officer for Mezam"); the name after it may be read into the run ("Superintendent of Police Sudesh X")
_TITLE_RUN = re.compile(r"(?<![\w’'-])(?!The\b)[A-Z][a-z]+(?:[^\S\n]+(?:(?:of|for|and)[^\S\n]+)?[A-Z][a-z]+){1,7}")
#: what may stand between a title and the name of the one who holds it: its acronym, a comma, a portfolio ("Executive
#: Member| in charge of trade |Wanshan X")
_TITLE_TO_NAME = re.compile(r"[^\S\n]*(?:\([A-Z]{2,6}\)[^\S\n]*)?,?(?:[^\S\n]*(?:in[^\S\n]+charge[^\S\n]+of|for)"
                            r"(?:[^\S\n]+[a-z][\w-]*){1,3})?[^\S\n]*")


def acronym_holder(A: _Article, acronym: str, pos: int) -> dict | None:
    """The person who holds the title an acronym stands for ("Deputy Commissioner of Police (DCP) |Prateek Das|" then
    "the DCP said"; "The Senior Divisional Officer for Mezam, |Emmanuel Ebolo|," then "the SDO said"; "Chief Executive
    Member |Teibor X|" then "the CEM said"): the person named right after the latest title before ``pos`` whose
    capitalised words start with those letters; None when there is none."""
    for mo in reversed(list(_TITLE_RUN.finditer(A.body, 0, pos))):
        if A.in_quote(mo.start()):
            continue
        for person in _titled_persons(A, mo):
            title = A.body[mo.start():min(person["start_char"], mo.end())]
            initials = "".join(w[0] for w in title.split() if w[0].isupper())
            if initials.startswith(acronym) or initials + person["text"][:1] == acronym:
                return person       # (the model's "|Member Teibor X|" holds the title's last word)
    return None


_PORTFOLIO_BEFORE = re.compile(r"(?<![\w-])(?:for|of|and)[^\S\n]+$")


def _titled_persons(A: _Article, mo: re.Match) -> list[dict]:
    """The persons named inside the capitalised run ``mo`` after its first word, then the one right after it."""
    persons = [m for m in A.mentions_in(mo.start() + 1, mo.end() + 1) if m["label"] in PERSON_LABELS
               and not _PORTFOLIO_BEFORE.search(A.body, mo.start(), m["start_char"])]    # (not "for |Mezam|")
    gap = _TITLE_TO_NAME.match(A.body, mo.end())
    at = gap.end() if gap else mo.end()
    after = next((m for m in A.mentions_in(at, at + 80) if m["start_char"] == at), None)
    return persons + ([after] if after is not None and after["label"] in PERSON_LABELS else [])
