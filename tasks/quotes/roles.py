"""Role speakers: the person a role noun phrase stands for ("the Kremlin spokesman" -> the person whose title the
article gave that role, "the 71-year-old" -> the person just introduced), or nobody when the role was introduced
without a name ("a senior official … the official said"). ``_Article`` (speakers.py) calls these; split out of
speakers.py unchanged (and the unnamed spokesperson's organisation out of this module into spokespeople.py, the
shapes of epithets into epithets.py, the recent subjects a description stands for into recent.py, roles introduced
without a name or named in apposition into unnamed_roles.py)."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from tasks.quotes import court, document_authors, epithets, organisations, relatives, spokespeople, subjects, teams, unnamed_roles
from tasks.quotes.titles import court_officer
from tasks.quotes.recent import AGE_NOUN, _pronoun_subject, age_person, noun_person, recent_subject, role_in_paragraph
from tasks.quotes.phrases import _ANONYMITY, _INDEFINITE, COURT_ADDRESS, POSSESSIVE, _Cand
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article

#: a role with a capitalised modifier is an epithet for someone just named ("the York Central MP", "the Conservative
#: leader"), as an age is; a bare role ("the minister") needs a title naming it
_PROPER_MODIFIER = re.compile(r"^[Tt]he\s+(?:[\w’'-]+\s+)*?[A-Z]")


#: a person's possessive before a role: someone of theirs ("her mother"); not "its" ("its new chief executive" is the
#: organisation's, resolved as a role)
#: (not how a court speaks of its judge: "Her Honour", "His Lordship")
_POSSESSED = re.compile(r"(?:his|her|their|my|our)\s(?!" + COURT_ADDRESS + ")", re.I)


def _org_possessor(A: _Article, c: _Cand) -> dict | None:
    """The organisation owning a noun phrase that is no role ("The Sierra Club's Tennessee chapter", "the Tasmanian
    Planning Commission's panel", "The Tea Board's regional office in Jorhat"): its first mention inside the phrase
    followed by a possessive."""
    for m in A.mentions_in(c.start, c.end):
        if m["label"] == "ORG" and m["start_char"] <= c.start + 4 and subjects.possessive(A.body, m, c.end):
            return m
    owner = _OWNER_ROLE.match(A.body, c.start, c.end)     # "The food bank's board": the food bank named before
    return organisations.org_holding_word(A, c.start, owner.group(1).lower()) if owner is not None else None


#: an organisation's role word owning the noun phrase ("The food |bank|'s board")
_OWNER_ROLE = re.compile(r"[Tt]he\s+(?:[\w-]+\s+){0,2}([\w-]+)[’']s\s")


def _described_noun(A: _Article, c: _Cand) -> dict | None:
    """The person an epithet's lower-case head was written right before ("sophomore safety Kellen X" then "the
    sophomore said": ``recent.noun_person``), else None."""
    head = A.body[c.start:c.end].split()[-1]
    return noun_person(A, head, c.start) if head.islower() else None


def _board(A: _Article, c: _Cand) -> dict | None:
    """The organisation "the directors" (a plural role that is also a head of quote_patterns.txt
    [organisation_roles]) stand for (``organisations.org_role``), else None."""
    low = A.body[c.start:c.end].lower()
    last = low.split()[-1]
    if not low.startswith("the ") or not last.endswith("s") or last not in A.r.org_roles:
        return None
    org = organisations.org_role(A, c.start, c.end, low)
    return org.mention if org is not None else None


def role_speaker(A: _Article, c: _Cand) -> dict | None:
    """The person a role noun phrase (or an age: "the 71-year-old") stands for; None for an anonymous source."""
    nat = epithets.NATIONALITY_NOUN.fullmatch(A.body, c.start, c.end) if c.kind in ("np", "role") else None
    if nat is not None and epithets.person_by_nationality(A, nat.group(1).lower(), nat.group(2)):
        # "…,” the Mexican said": the person just written about; "the Turkish coach" the one the article titled coach
        #  (not a player named in the clause before it: "Pressed on the injury to Callum …, the Turkish coach admitted")
        #  (but the person the sentence before, in its paragraph, opens with: "Torino captain X refused to blame the
        #  referee. ‘…,’ the Ghanaian defender said.")
        held = _one_titled(A, nat.group(2), nat.group(1).lower(), c.start) if nat.group(2) else None
        held = (role_in_paragraph(A, c.start) or held) if held is not None else None
        return held if held is not None and held["label"] in PERSON_LABELS else recent_subject(A, c.start)
    on_trial = (court.defendant(A, c) or court.bench_judge(A, c)) if c.kind in ("np", "role") else None
    if on_trial is not None:    # "X, 52, faces 38 counts …" then "“…,” the accused replied": X, not the judge named since;
        return on_trial         # "A bench of Justice Y granted bail" then "“…,” the bench said": Y
    owner = _org_possessor(A, c) if c.kind == "np" else None
    if owner is not None:       # "The Sierra Club's Tennessee chapter said": the organisation whose part or paper it is
        return owner
    board = _board(A, c) if c.kind == "role" else None
    if board is not None:       # "In their report, the directors said": the company they run
        return board
    lead = document_authors.paper_authors(A, c.start, A.body[c.start:c.end].lower()) if c.kind in ("np", "role") else None
    if lead is not None:        # "In the paper, the authors wrote that …": the lead author named before
        return lead.mention
    if c.kind == "np" and not AGE_NOUN.fullmatch(A.body, c.start, c.end):
        org = spokespeople.spokesperson_org(A, c) or spokespeople.staff_org(A, c)   # "a spokesperson for the company",
        #                                                      "Goldman Sachs strategists": the organisation; else nobody
        aged = epithets.AGE_EPITHET.fullmatch(A.body, c.start, c.end)
        if org is None and (aged is not None or epithets.person_epithet(A, c)):
            # "“…,” the Edinburgh wing said", "the 38-year-old welder told DW": the person just written about
            m = (age_person(A, aged.group(1), c.start) if aged else _described_noun(A, c)) \
                or recent_subject(A, c.start, _party_skip(A, c))
            return m if m is not None and m["label"] in PERSON_LABELS else None
        if org is None and unnamed_roles.anonymous_reference(A, c):
            # "A Labour backbencher, who did not want to be named, told …" then "“…,” the MS said": that backbencher;
            # "the former cashier" of a lede that names him in the next sentence: him
            return unnamed_roles.recent_anonymous(A, c.start) or _named_after_lede(A, A.body[c.start:c.end], c.start)
        return org
    if _INDEFINITE.match(A.body, c.start, c.end) or _POSSESSED.match(A.body, c.start, c.end):
        # "one US official", "a senior official": an anonymous source; "her mother": someone else; "a Department for
        # Transport spokesperson": the department
        return spokespeople.spokesperson_org(A, c) or teams.possessed_team_role(A, c) \
            or relatives.relative_named_before(A, A.body[c.start:c.end], c.start) or named_later(A, c)
        #   ("His wife said" after "… and his wife, Leonie X,": Leonie X)
    role = A.body[c.start:c.end]
    apposed = unnamed_roles.named_in_apposition(A, c) if c.kind == "role" else None
    if apposed is not None:     # "The former mayor| of Civitavecchia, Raffaele Castellucci-Mbeki, on Thursday denied"
        return apposed
    age = AGE_NOUN.fullmatch(A.body, c.start, c.end)
    m = resolve_role(A, role, c.start) if c.kind == "role" else (age_person(A, age.group(1), c.start) if age else None)
    if m is None and c.kind == "role":
        m = spokespeople.spokesperson_org(A, c) or spokespeople.staff_org(A, c)   # "the Kremlin spokesman" whose name
        #                                                     the article never gave; "Goldman Sachs strategists"
    source = role.lower().endswith("source")
    if m is None and c.kind == "role" and unnamed_roles.DEFINITE_ONE.fullmatch(role) and (source or _often_unnamed(A, role)):
        # "A senior paddock figure, who asked not to be named, said …" then "“…,” the source said": that figure (any
        # unnamed person); "A spokesperson for the railway said …. “…,” the spokesperson said": the railway (one
        # introduced by the same noun)
        m = unnamed_roles.recent_anonymous(A, c.start, None if source else _role_targets(A, role))
        if m is not None or source:
            return m
    if m is None and c.kind == "role" and unnamed_roles.DEFINITE_ONE.fullmatch(role):
        m = _named_after_lede(A, role, c.start)    # "A former cashier … has been jailed" then "Kelvin X, 39, …"
    if m is None and not _plural_or_source(role) and not POSSESSIVE.search(role):
        m = role_in_paragraph(A, c.start)
        skip = _party_skip(A, c)
        if m is not None and skip is not None and skip(m):
            m = None        # "the witness" is not the lawyer whose question opens the paragraph
        if m is None and not unnamed_roles.introduced_anonymously(A, role, c.start) and not _often_unnamed(A, role):
            m = recent_subject(A, c.start, skip)
            if m is not None and c.kind == "role" and _titled_otherwise(A, m, role):
                m = None     # "The Minister" is not the person just introduced as "the council's chief executive"
                #              (an epithet, "the lock", may describe a captain: only a capitalised office counts)
        elif m is None and c.kind == "role" and not unnamed_roles.introduced_anonymously(A, role, c.start) \
                and epithets.AFTER_QUOTE_OR_OPENING.search(A.body[A.sents[A.sent_index(c.start)]["start_char"]:c.start]):
            m = _titled_previous_subject(A, c.start)     # ("…,” the official said", "The official said": not a role
            #                                              inside someone else's words, "said the camp officer had told")
    if m is None and c.kind == "role" and not _plural_or_source(role):
        m = named_later(A, c)   # "…, with the judge describing it as “…”" then "Judge X said"; "the club’s chair"
    return m


def named_later(A: _Article, c: _Cand) -> dict | None:
    """"A judge has jailed …", "A magistrate has told …", "the club’s chair has called it …" opening a report (its first
    five sentences) names its subject later ("Justice Carmel Okonjo-Reid said …"): the one person the article gives
    that title, written right before the name, after the phrase; None when the phrase is further in, not a role of
    ``A.r.roles``, its sentence keeps the person anonymous ("who asked not to be named"), or no one or more than one
    person holds the title."""
    if c.kind != "role" or A.sent_index(c.start) > 4 \
            or not re.match(r"(?:[Aa]n?|[Tt]he)\s", A.body[c.start:c.end]):
        return None
    heads = [h.group(1).lower() for h in A.r.role_re.finditer(A.body[c.start:c.end].lower())]
    if not heads:
        return None
    sent = A.sents[A.sent_index(c.start)]
    if _ANONYMITY.search(A.body, sent["start_char"], sent["end_char"]):
        return None         # "A band 5 nurse, who asked not to be named, said": someone never named
    targets = A.r.roles.get(heads[-1], {heads[-1]})
    titled = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(targets, key=len, reverse=True)))
                        + r")\.?[^\S\n]+(?:[A-ZÀ-Þ][a-zß-ÿ]{0,4}\.?[^\S\n]+){0,2}$", re.I)
    holders = {m.get("entity_id") or m["text"]: m for tpos, _words, m, joined in A.titles
               if tpos > c.end and _names_role(joined, targets)
               and titled.search(A.body, max(0, m["start_char"] - 60), m["start_char"])}
    return next(iter(holders.values())) if len(holders) == 1 else None


def _named_after_lede(A: _Article, role: str, pos: int) -> dict | None:
    """A report's opening sentence (one of its first two) introducing someone by the role alone ("A former cashier at
    the port has been jailed for four years …") and the next sentence opening with a person's name ("Kelvin
    Antoine-Mbeki, 39, of Campden Park, was sentenced …"): "the former cashier" is that person. None when the role is
    introduced otherwise, its sentence keeps the person anonymous, or the next sentence opens with no person."""
    last = role.lower().split()[-1]
    targets = _role_targets(A, role) or ({last} if epithets.names_person(A.r, last) else set())
    if not targets or not A.sents:
        return None
    alt = "|".join(sorted(map(re.escape, targets), key=len, reverse=True))
    lede_end = A.sents[min(1, len(A.sents) - 1)]["end_char"]
    intro = next((mo for k in range(min(2, len(A.sents))) if A.sents[k]["start_char"] < pos
                  for mo in [re.compile(r"\s*(?:An?|One)\s+(?:[\w’'-]+\s+){0,3}?(?:" + alt + r")(?![\w-])").match(
                      A.body, A.sents[k]["start_char"], min(lede_end, pos))] if mo is not None), None)
    if intro is None or unnamed_roles.last_anonymous(A, targets, pos) > intro.start():
        return None         # (the role opens the sentence: "A man who punched a taxi |driver|" is no driver; a later
        #                     "a senior officer at the ministry" is another officer)
    j = A.sent_index(intro.start())
    if j + 1 >= len(A.sents) or _ANONYMITY.search(A.body, A.sents[j]["start_char"], A.sents[j]["end_char"]) \
            or A.sents[j + 1]["start_char"] >= pos:
        return None
    ns = A.sents[j + 1]["start_char"]
    first = next(iter(A.mentions_in(ns, A.sents[j + 1]["end_char"])), None)
    if first is None or first["label"] not in PERSON_LABELS or A.body[ns:first["start_char"]].strip():
        return None
    return first


def _titled_previous_subject(A: _Article, pos: int) -> dict | None:
    """"the official" (a role that often stands for someone never named) right after a sentence whose subject is a
    person the article gave a title ("Union branch secretary Daniel Onyango Obiero said … “…,” the official said"):
    that person (the sentence before the quotation, also through its opening He/She); None when that sentence opens
    with no named person."""
    j = A.sent_index(pos) - 1
    while j >= 0 and (A.in_quote(A.sents[j]["start_char"]) or A.body[A.sents[j]["start_char"]:][:1] in "\"“‘"):
        j -= 1       # the sentences of the quotation itself
    m = A._person_subject(j) if j >= 0 else None
    if m is not None and m["start_char"] - A.sents[j]["start_char"] > 120:
        return None
    if m is None and j >= 0:
        m = _pronoun_subject(A, j)     # "He said the new pipeline … “…,” the official said": the person "he" is
    if m is None:
        return None
    key = m.get("entity_id") or m["text"]
    return m if any((t[2].get("entity_id") or t[2]["text"]) == key for t in A.titles) else None


def _plural_or_source(role: str) -> bool:
    """"the officials", "the sources", "a source": people no pronoun or recent subject stands for ("the boss", "the
    witness", "the actress" are one person)."""
    low = role.lower()
    return low.endswith("source") or (low.endswith("s") and not low.endswith("ss"))


def _party_skip(A: _Article, c: _Cand) -> Callable[[dict], bool] | None:
    """For a party or witness in a court case ("the defendant", "the witness"; quote_patterns.txt
    [court_party_roles]): who it can never be, an officer of the court; None for any other role."""
    words = A.body[c.start:c.end].lower().split()
    if not words or words[-1] not in A.r.court_party_roles:
        return None
    return lambda m: court_officer(A, m)


def _titled_otherwise(A: _Article, person: dict, role: str) -> bool:
    """The article gave ``person`` a title, and none of their titles is the capitalised office ``role`` ("The
    Minister") or an office it may stand for."""
    heads = [h.group(1).lower() for h in A.r.role_re.finditer(role.lower())]
    if not heads or role.split()[-1][:1].islower() or heads[-1] in A.r.adjectives:
        return False        # (a party or nation is no office: "the Oklahoma Republican" may be the senator)
    targets = A.r.roles.get(heads[-1], {heads[-1]})
    key = person.get("entity_id") or person["text"]
    titled = False
    for _tpos, _words, m, joined in A.titles:
        if (m.get("entity_id") or m["text"]) != key:
            continue
        if _names_role(joined, targets):
            return False
        titled = True
    return titled


def _names_role(title: str, targets) -> bool:
    """Does a title as written ("kremlin spokesman") hold one of the role words ``targets`` as whole words?"""
    return any(re.search(r"(?<![\w-])" + re.escape(t) + r"(?![\w-])", title) for t in targets)


_POSSESSIVE_END = re.compile(r"[’']s$")


def resolve_role(A: _Article, text: str, pos: int) -> dict | None:
    """Person whose title shares the role head (or a broader role) and most modifiers; most recent wins ties."""
    low = text.lower()
    heads = [h.group(1).lower() for h in A.r.role_re.finditer(low)]
    if not heads:
        return None
    head = heads[-1]
    targets = A.r.roles.get(head, {head})
    mods = {_POSSESSIVE_END.sub("", w) for w in re.findall(r"[\w.’'-]+", low) if w not in {"the", "a", "an", head} and w not in head.split()}
    # capitalised modifiers name whose role it is ("the Conservative leader", "the York Central MP"): a title
    # sharing none of them is someone else's ("Liberal Democrat leader Ed Davey")
    # ("the Italian-born coach": a nationality as well)
    proper = {_POSSESSIVE_END.sub("", w.lower().removesuffix("-born")) for w in re.findall(r"[A-Z][\w.’'-]*", text)} \
        - {"the", "a", "an", "his", "her", "their", "its", "our", "my", head} \
        - set(head.split())     # ("Her Honour": no one's name)
    best, best_key = None, None
    anonymous = unnamed_roles.last_anonymous(A, targets, pos)
    # every title word the article gave a person so far ("manager Sean Colville" … "Everton boss Colville": the
    # Everton manager)
    known: dict[str, set] = {}
    for tpos, words, m, _joined in A.titles:
        if tpos >= pos:
            break
        known.setdefault(m.get("entity_id") or m["text"], set()).update(words)
    gender = A.words_gender([head])     # "the councilman" is not the councilwoman named last
    for tpos, words, m, joined in A.titles:   # joined in text order (a set's order changes per run)
        if tpos >= pos:
            break
        if gender and (A.gender.get(m.get("entity_id")) or A.name_gender.get(m.get("entity_id"))) not in (None, gender):
            continue
        hit = _names_role(joined, targets)
        shared = len(mods & words)
        if not hit and not (head == "leader" and shared):
            continue
        if proper and not proper & _comparable(A, proper, known[m.get("entity_id") or m["text"]]):
            continue
        key = (int(hit) * 2 + shared, _last_named(A, m, tpos, pos))
        if best_key is None or key > best_key:
            best, best_key = m, key
    if best is None and proper and all(A.r.nationality(w) for w in proper):
        best = _only_holder(A, targets, pos)      # "the Portuguese-Swedish coach": the one coach the article titled
    elif best is None and proper and _team_nickname(text, targets) and not any(proper & words for words in known.values()):
        best = _last_named_holder(A, targets, pos)    # "The Lions coach" of a report titling "Eureka coach X": the
        #                                               coach named last (a team's nickname is in no title)
    if best is not None and best_key is not None and anonymous > best_key[1]:
        return None        # "the official" after "a European intelligence official …": that anonymous one
    return best


def _one_titled(A: _Article, noun: str, nationality: str, pos: int) -> dict | None:
    """The one person the article titled with the role ``noun`` ("coach") before ``pos``; None when ``noun`` is no
    role, no one or several hold it ("the Dutch minister" of two ministers: the person just written about), or the
    title gives another nationality ("French Agriculture Minister X" is not "the Dutch minister")."""
    m = _only_holder(A, _role_targets(A, noun), pos)
    if m is None:
        return None
    key = m.get("entity_id") or m["text"]
    words = {w for _p, ws, t, _j in A.titles if (t.get("entity_id") or t["text"]) == key for w in ws}
    return None if any(w in A.r.adjectives and w != nationality for w in words) else m


def _only_holder(A: _Article, targets: set, pos: int) -> dict | None:
    """The one person the article titled with a role of ``targets`` before ``pos`` (None for none or several)."""
    holders = {(m.get("entity_id") or m["text"]): m for tpos, _w, m, joined in A.titles
               if tpos < pos and _names_role(joined, targets)}
    return next(iter(holders.values())) if len(holders) == 1 else None


#: a team's nickname as a role's modifier: a capitalised plural word ("Lions", "T-Birds", "Bearcats"; not "GDS")
_TEAM_NICKNAME = re.compile(r"[A-Z][A-Za-z-]*[a-rt-z]s")


def _team_nickname(role: str, targets: set) -> bool:
    """Are the role's capitalised modifiers a team's nickname ("The |Lions| coach", "the |T-Birds| coach"; not "the
    |GDS| chief", nor "|Engineers|", the role's own word)?"""
    words = [w for w in re.findall(r"[A-Z][\w.’'-]*", role) if w.lower() not in ("the", "a", "an")]
    return bool(words) and all(_TEAM_NICKNAME.fullmatch(w) and w.lower()[:-1] not in targets for w in words)


def _last_named_holder(A: _Article, targets: set, pos: int) -> dict | None:
    """Of the people the article titled with a role of ``targets`` before ``pos``, the one named last."""
    holders = {(m.get("entity_id") or m["text"]): (tpos, m) for tpos, _w, m, joined in A.titles
               if tpos < pos and _names_role(joined, targets)}
    if not holders:
        return None
    return max(holders.values(), key=lambda h: _last_named(A, h[1], h[0], pos))[1]


def _last_named(A: _Article, person: dict, since: int, pos: int) -> int:
    """Where the person titled at ``since`` was last named before ``pos``: of two senators, "the senator" is the one
    named last ("Sen. Ramon Dizon-Villafuerte … Sen. Antonette Lacson-Baylon … Dizon-Villafuerte later told
    reporters … “…,” the senator said")."""
    key = person.get("entity_id") or person["text"]
    last = since
    for m in A.mentions_in(since, pos):
        if (m.get("entity_id") or m["text"]) == key and not A.in_quote(m["start_char"]):
            last = m["start_char"]
    return last


def _comparable(A: _Article, proper: set, title_words: set) -> set:
    """The title words ``proper`` modifiers are checked against: a nationality adjective ("the Welsh boss") is no
    evidence against a person whose titles name no nationality ("Wales head coach Gethin Vaughan-Roberts"), only
    against one titled with another ("Ukrainian President Volodymyr Zelensky" is not "the Russian leader")."""
    if proper & A.r.adjectives and not title_words & A.r.adjectives:
        return title_words | (proper & A.r.adjectives)
    return title_words


def _role_targets(A: _Article, role: str) -> set:
    """The role words a role phrase's head stands for ("spokesperson" for "the spokesperson": spokesman, spokeswoman
    …); empty when no role word heads it."""
    heads = [h.group(1).lower() for h in A.r.role_re.finditer(role.lower())]
    return set(A.r.roles.get(heads[-1], {heads[-1]})) if heads else set()


def _often_unnamed(A: _Article, role: str) -> bool:
    """The role's head is one that often stands for someone never named ("the spokesperson"; quote_patterns.txt
    [unnamed_roles]), unless a capitalised modifier or an age makes it an epithet ("the Kremlin spokesman")."""
    heads = [h.group(1).lower() for h in A.r.role_re.finditer(role.lower())]
    return bool(heads) and heads[-1] in A.r.unnamed_roles and not _PROPER_MODIFIER.search(role)


