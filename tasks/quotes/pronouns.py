"""Who a pronoun stands for: ``resolve_pronoun`` ("he said" -> the nearest earlier person subject of that gender: the
named speaker of this or a recent sentence, an anonymous subject (``anonymous.py``), an age, or the first person of the
sentences before), ``singular_they`` and ``group_subject`` ("The FSB claimed … that it …"). Split from ``speakers.py``;
each takes the article's ``_Article``."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.entities.rules import _person_nouns
from tasks.quotes import court, epithets, recent, roles, spokespeople
from tasks.quotes.anonymous import _ANONYMOUS_SUBJECT, _NAMED_AS, anonymous_subject, named_later
from tasks.quotes.phrases import POSSESSIVE, THE_BEFORE, _Cand, unlinked_mention
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


def resolve_pronoun(A: _Article, pos: int, pronoun: str) -> dict | None:
    """Subject (first PERSON mention outside quotes) of the nearest earlier sentence having one."""
    gender = A.r.person_pronouns.get(pronoun.lower())
    ss = A.sents[A.sent_index(pos)]["start_char"]
    if ss < pos and re.match(re.escape(pronoun) + r"\b", A.body[ss:pos], re.I):
        pos = ss      # "He said the operator …, with what he described as “…”": the "he" opening the sentence
    later = named_later(A, pos)
    if later is not None:
        return later      # "A woman who lives up the road stood …" then "“…,” she said" then "The woman, Sharon X, 71,
        #                   said": the person just described, named a little later
    for soft in (True, False):      # given names' usual gender first; then only the article's evidence
        A._soft_gender = soft
        m = _resolve(A, pos, gender)
        if m is not None or not gender:
            break
    A._soft_gender = True
    return m


def _name_given(A: _Article, j: int, gender: str | None = None) -> dict | None:
    """The person sentence ``j`` says gave a name ("She gave only her first name, |Tanya|.", "He identified himself as
    |Ravi|"): the mention of that name when it is a person's; with ``gender``, a name given with "his"/"her" of that
    gender, whatever the model's label or as written where it found none ("… a supporter from Shotton who gave his
    name only as |Kev|."); else None."""
    mo = _NAMED_AS.search(A.body, A.sents[j]["start_char"], A.sents[j]["end_char"])
    if mo is None or A.in_quote(mo.start()):
        return None
    if gender is not None:
        owner = _GIVER.search(A.body, max(0, mo.start() - 12), mo.start())
        if owner is None or A.r.person_pronouns.get({"his": "he", "her": "she"}[owner.group(1).lower()]) != gender:
            return None
    m = next((m for m in A.mentions_in(mo.start(1), mo.end(1)) if m["start_char"] == mo.start(1)), None)
    if gender is None:
        return m if m is not None and m["label"] in PERSON_LABELS else None
    return m or unlinked_mention(mo.start(1), mo.end(1), mo.group(1), "PERSON")     # (the name, whatever its label)


#: the possessive of whoever gave the name right before "name … as" ("gave |his| name only as")
_GIVER = re.compile(r"\b(his|her)\s+(?:first\s+)?$", re.I)


def _resolve(A: _Article, pos: int, gender: str | None) -> dict | None:
    si = A.sent_index(pos)
    mt = _ANONYMOUS_SUBJECT.match(A.body, A.sents[si]["start_char"], A.sents[si]["end_char"])
    if mt is not None and mt.end("np") <= pos < mt.end():
        return anonymous_subject(A, si, gender)     # "A manager at X, who declined to be named because |he| was not
        #                                             authorised …, said": the unnamed manager
    m = _speech_subject(A, si, pos, gender) or A._person_subject(si, before=pos, gender=gender)
    if m:
        return m
    j = si - 1          # the sentence before the quotation this pronoun attributes (not one inside it)
    while j >= 0 and _inside_quotation(A, j):
        j -= 1
    if j >= 0 and si - j <= 8 and _opens_with_pronoun(A, j, gender):
        # "She said residents in Anzac and Conklin had told her …" then "“…,” she told council": whom that "She" stands
        # for (not a name inside what she said); "She gave only her first name, |Tanya|.": the name she gave
        return _name_given(A, j) or _resolve(A, A.sents[j]["start_char"], gender)
    if j >= 0 and si - j <= 8:
        m = _speech_subject(A, j, A.sents[j]["end_char"], gender)
        if m:
            return m
    seen = 0        # the seven sentences before that are no quotation's (a long quotation does not use them up)
    for j in range(si - 1, max(-1, si - 40), -1):
        if _inside_quotation(A, j):
            continue        # the quotation's own sentences ("“Danny's been outstanding …. He's brave …,” he said")
        seen += 1
        if seen > 7:
            break
        m = anonymous_subject(A, j, gender) or (_name_given(A, j, gender) if gender else None) \
            or recent.age_subject(A, j) or _role_opening(A, j, gender) \
            or _nationality_opening(A, j, gender) or A._person_subject(j, gender=gender, chain=True)
        if m:
            return m
    return None


def _opens_with_pronoun(A: _Article, si: int, gender: str | None) -> bool:
    """Does sentence ``si`` open with a subject pronoun of ``gender`` ("She said …")?"""
    start = A.sents[si]["start_char"]
    first = re.match(r"[\w’']+", A.body[start:A.sents[si]["end_char"]])
    return gender is not None and first is not None and A.r.person_pronouns.get(first.group().lower()) == gender \
        and not A.in_quote(start)      # (not a sentence of someone's words: "‘… . She had already picked out …,’ X said")


#: "The coach| refused to blame referee X", "Back at city hall, the alderman| was unmoved", "Asked about the penalty, …, the
#: Italian-born coach| was unapologetic": a definite role or epithet (group "np") opening the sentence or its clause
#: after a fronted phrase, its head (group "head") within four words, with its "of/for" portfolio ("the Minister of Water
#: Resources and Energy| insisted", "the Chairman of the Cocoa, Coffee and Sheanut Farmers Association|,"), and followed
#: by a comma or a verb (an auxiliary, a past tense, an adverb: not "the volunteer| rides mean …", where the head is
#: another noun), maybe after a reflexive ("The player himself| spoke")
_ROLE_OPENING = re.compile(r"(?:^|,[^\S\n]+)(?P<np>[Tt]he[^\S\n]+(?:[\w’'-]+[^\S\n]+){0,4}?(?P<head>[A-Za-z][\w-]*[a-z])"
                           r"(?:[^\S\n]+(?:of|for)[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w’'-]*(?:,?[^\S\n]+(?:and[^\S\n]+)?[A-Z][\w’'-]*){0,4})?)"
                           r"(?:[^\S\n]+(?:himself|herself))?"
                           r"(?=[^\S\n]*,|[^\S\n]+(?:was|were|is|are|had|has|have|did|does|will|would|could|can|also|then|"
                           r"later|again|said|says|told|spoke|wrote|took|made|gave|went|came|left|sat|stood|shook|began|"
                           r"kept|held|felt|knew|thought|saw|won|lost|[a-z]+ed|[a-z]+ly)\b)")
#: how far into a sentence a fronted phrase may reach before the role that opens its clause
_FRONTED_CHARS = 200


def _role_opening(A: _Article, si: int, gender: str | None) -> dict | None:
    """The named person a definite role or person epithet opening sentence ``si`` stands for ("The coach refused to
    blame referee Adam Gee-Whitlock …" -> the coach, not the referee; "Back at city hall, the alderman was unmoved" ->
    the alderman), of ``gender`` when known; None when no role opens it."""
    c = _opening_role(A, si)
    if c is None:
        return None
    apposed = next((m for m in A.mentions_in(c.end, c.end + 80) if _APPOSED_GAP.fullmatch(A.body, c.end, m["start_char"])), None)
    if apposed is not None:     # "The District Chief Executive, (Dr) Samuel Nkansah-Quaye, admitted": the person named
        return A._first_person(apposed["start_char"], apposed["end_char"], gender) if apposed["label"] in PERSON_LABELS else None
    return _role_subject(A, c, gender) or _defendant(A, c, gender) or _epithet_person(A, c, gender)


def _opening_role(A: _Article, si: int) -> _Cand | None:
    """The role (kind "role": a head of role_nouns.txt) or person epithet (kind "np": a person noun) that opens
    sentence ``si``, right at its start or after a fronted phrase of up to ``_FRONTED_CHARS`` characters; the first
    such phrase, and none when a person is named between its "the" and its head."""
    s = A.sents[si]
    ss = s["start_char"] + len(A.body[s["start_char"]:s["end_char"]]) - len(A.body[s["start_char"]:s["end_char"]].lstrip())
    text = A.body[ss:min(s["end_char"], ss + _FRONTED_CHARS)]
    for mo in _ROLE_OPENING.finditer(text):
        if mo.start() > 0 and (A.in_quote(ss + mo.start()) or not text[:1].isupper()):
            continue
        np_s, np_e = ss + mo.start("np"), ss + mo.end("np")
        if any(m["label"] in PERSON_LABELS for m in A.mentions_in(np_s, np_e)) or POSSESSIVE.search(mo.group("np")):
            return None
        if any(m["label"] in PERSON_LABELS and m["start_char"] == ss and re.fullmatch(r"\s*,\s*", A.body[m["end_char"]:np_s])
               for m in A.mentions_in(ss, np_s)):
            return None     # "Arellano-Quiñones, |the Venezuelan outfielder| signed last winter …, started": in apposition
            #                 to the name opening the sentence (not "Asked about …, a challenge from Jae-won Choi, |the
            #                 Italian-born coach| was unapologetic")
        head, head_e = mo.group("head").lower(), ss + mo.end("head")
        roles_in = list(A.r.role_re.finditer(A.body, np_s, head_e))
        if roles_in and roles_in[-1].end() == head_e and roles_in[-1].group(0) == roles_in[-1].group(1):
            return _Cand(np_s, np_e, "role")     # (a singular role: "the coaches" are no one person)
        if ((head in _person_nouns() and (not head.endswith("s") or head.endswith("ss"))) or head in A.r.defendant_roles) \
                and head_e == np_e:
            return _Cand(np_s, np_e, "np")      # ("The accused, dressed in a white shirt, addressed the court")
        if mo.start() == 0:
            return None      # a sentence opened by another definite subject ("The company said …")
    return None


#: between a role and the name in apposition to it: a comma, and a short title or two ("Commissioner for Agriculture,
#: Dr |Hadiza …")
_APPOSED_GAP = re.compile(r",[^\S\n]*(?:[A-Z][a-z]{1,4}\.?[^\S\n]+){0,2}")




#: "The South African| singled out …", "The Austrian| said …": "the" and a capitalised nationality opening a sentence
_NATIONALITY_OPENING = re.compile(r"[^\S\n]*[Tt]he[^\S\n]+([A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)(?=[^\S\n]+[a-z])")


def _nationality_opening(A: _Article, si: int, gender: str | None) -> dict | None:
    """The person a nationality opening sentence ``si`` stands for ("The South African singled out Aldous-Mbeki …"
    -> the person just written about, not Aldous-Mbeki), of ``gender`` when known; None without such an opening."""
    s = A.sents[si]
    mo = _NATIONALITY_OPENING.match(A.body, s["start_char"], s["end_char"])
    if mo is None or not epithets.person_by_nationality(A, mo.group(1).lower(), None):
        return None
    return _person_of_gender(A, recent.recent_subject(A, mo.start(1)), gender)


def _inside_quotation(A: _Article, si: int) -> bool:
    """Sentence ``si`` is part of a quotation: it starts inside one or with a quotation mark, and no speech verb
    outside the marks attributes it ("“…,” Reyes-Brannan said." is no part: its speaker is named)."""
    ss, se = A.sents[si]["start_char"], A.sents[si]["end_char"]
    if not (A.in_quote(ss) or A.body[ss:ss + 1] in "\"“‘'"):
        return False
    return not any(not A.in_quote(v.start()) for v in A.r.quote_verb_re.finditer(A.body, ss, se))


#: words someone said, said to come from them ("The remark came from |Gordon X|", "The sharpest criticism came from")
_CAME_FROM = re.compile(r"(?<![\w-])(?:remarks?|comments?|words|criticism|warnings?|praise|call|plea|admission|rebuke"
                        r"|tribute|quip|response|reply|retort|question|objection|defen[cs]e)[^\S\n]+(?:came|comes|had[^\S\n]+come)"
                        r"[^\S\n]+from[^\S\n]+")


def _speech_subject(A: _Article, si: int, end: int, gender: str | None) -> dict | None:
    """The named person who last spoke in sentence ``si`` before ``end`` ("Borthwick had insisted …, but Tuipulotu
    said it mattered. ‘…,’ he said." -> Tuipulotu), of ``gender`` when known; None if that speaker is no named person."""
    ss = A.sents[si]["start_char"]
    apposed = A.apposed_opening(si, end, gender)
    if apposed is not None:
        return apposed      # "The driver's sister, Luzia Kowalczyk-Adebayo, told the board her brother had called"
    source = _CAME_FROM.search(A.body, ss, end)
    if source is not None and not A.in_quote(source.start()):
        m = A._first_person(source.end(), min(end, source.end() + 60), gender)
        if m is not None:
            return m        # "The remark came from Gordon X, the Conservative MSP who …": the one who said it
    for v in _speech_verbs(A, ss, end):
        c = A.subject_before(v.start(), ss)
        if c is not None and c.kind in ("pronoun", "mention") and _REPORTED_SUBJECT.search(A.body, max(ss, c.start - 40), c.start) \
                and (c.kind == "pronoun" or CLAUSE_VERB_AFTER.match(A.body, c.end)):
            continue        # "X said he would not |put| a number on it", "The barrister said Fairclough had |written| a
            #                 letter": the reported clause's subject is no speaker; the one of "said" is
        if c is not None and _TOLD_END.search(A.body, max(ss, c.start - 12), c.start):
            continue        # "X told |the court the defendant| wrote 117 checks": the listener of "told", whose subject speaks
        if c is not None and _SUBORDINATE_BEFORE.search(A.body, max(ss, c.start - 10), c.start) \
                and A.body[ss:c.start].strip()[:1].isupper() and not _SUBORDINATE_BEFORE.match(A.body[ss:c.start].strip() + " "):
            continue        # "X spoke briefly when the judge asked whether he had anything to say. “…,” he said": the
            #                 main clause's subject speaks next, not the one of a clause hanging on "when", "as", "after"
        governed = c is not None and c.kind == "mention" and _AFTER_PREPOSITION.search(A.body, max(ss, c.start - 30), c.start)
        unnamed = c is None and not any(m["label"] in PERSON_LABELS for m in A.mentions_in(ss, v.start()))
        anonymous = anonymous_subject(A, si, gender) if unnamed or (c is not None and (c.kind == "role" or governed)) \
            else None
        if anonymous is not None:
            return anonymous    # "…, the woman, who cannot be named, said she …": the unnamed person (also where
            #                     no subject is found: "A member of a polling board in |Zemun|, who asked …, told")
        if c is not None and c.kind == "role":
            near = A.mentions_in(max(ss, c.start - 80), c.start) + [
                b for b in A.bare_names()["names"] if max(ss, c.start - 80) <= b["start_char"] < c.start]
            fronted = A.fronted(ss, c.start)
            fronted = fronted if fronted is not None and _PREPOSITIONAL_OPENING.match(fronted.group(0)) else None
            before = sorted((m for m in near if m["label"] in PERSON_LABELS
                             and re.fullmatch(r",[^\S\n]*", A.body[m["end_char"]:c.start])
                             and not (fronted is not None and m["end_char"] <= fronted.end() <= c.start)),
                            key=lambda m: m["start_char"])
            if before:      # "Rukhsana Idrees-Colby, a nurse from Tarneit, said she …": the person the role describes
                #             (not one named in a fronted clause: "Under questioning by defense attorney X, the
                #             detective agreed …")
                return A._first_person(before[-1]["start_char"], before[-1]["end_char"], gender)
            # "The chairman of …, Mr Sylvanus Ityokumbul, said": the person named in apposition (not one named after
            # the role's own verb: "The barrister said Ashworth-Leigh had |written| a letter")
            own = next((w.start() for w in A.r.quote_verb_re.finditer(A.body, c.end, v.start()) if not A.in_quote(w.start())), v.start())
            named = any(m["label"] in PERSON_LABELS and _APPOSITION_GAP.fullmatch(A.body, c.end, m["start_char"])
                        for m in A.mentions_in(c.end, own))     # (not the object of another verb: "The Lions coach
            #                                                      praised |Solberg-Nakamura|, who …, and said")
            return A._first_person(c.end, own, gender) if named else (_role_subject(A, c, gender) or _epithet_person(A, c, gender))
        c = _as_nationality(A, c, ss)
        if c is not None and c.kind in ("np", "name"):
            m = _epithet_person(A, c, gender)    # "“…,” the Dane said. ¶ He added: …": the person the Dane is
            if m is not None or c.kind == "name":
                return m
            continue        # a noun phrase that is no one ("the yard’s technical |report|"): the verb before speaks
        if c is None or c.kind != "mention" or c.mention is None or c.mention["label"] not in PERSON_LABELS:
            return None
        return A._first_person(c.start, c.end, gender)
    return None


#: between a role and the person named in apposition after it: a comma, maybe after the rest of the role ("The chairman|
#: of the board, Mr |Sylvanus Ityokumbul", "The chief| mediator, retired Kenyan diplomat |Wanjiru X"); not the object
#: of the role's own verb ("The Lions coach| praised |Solberg-Nakamura")
_APPOSITION_GAP = re.compile(r"[^,;:“”\"\n]{0,160},[^;:“”\"\n]{0,120}")


def _speech_verbs(A: _Article, ss: int, end: int) -> list[re.Match]:
    """The speech verbs of body[ss:end] outside quotations, last first: not a participle (its subject is the clause's:
    "X said he had written …, |asking| for") unless the sentence has no other ("But the Minister dismissed the claim,
    |saying| …"), not a plural passive ("the moves were |announced|"), not an infinitive ("Kirchner-Bright, who made a save
    to |deny| Hashimoto"), not a noun after a determiner ("told the judge the |notes| would have …")."""
    verbs = [v for v in reversed(list(A.r.quote_verb_re.finditer(A.body, ss, end))) if not A.in_quote(v.start())
             and not _INFINITIVE_BEFORE.search(A.body, max(ss, v.start() - 4), v.start())
             and not _PASSIVE_BEFORE.search(A.body, max(ss, v.start() - 7), v.start())
             and not _DETERMINER_BEFORE.search(A.body, max(ss, v.start() - 7), v.start())]
    finite = [v for v in verbs if not v.group(0).lower().endswith("ing")]
    return finite or verbs


def last_speaker(A: _Article, si: int) -> dict | None:
    """The named person who last spoke in sentence ``si`` (``_speech_subject`` over the whole sentence)."""
    return _speech_subject(A, si, A.sents[si]["end_char"], None)


def _as_nationality(A: _Article, c: _Cand | None, ss: int) -> _Cand | None:
    """"the Dane" as a nationality epithet (kind "name", as ``_Article.resolve`` reads one) when the model took "Dane"
    for a name; ``c`` otherwise."""
    if c is None or c.kind != "mention" or c.mention is None or not A.r.nationality(c.mention["text"].lower()):
        return c
    the = THE_BEFORE.search(A.body, max(ss, c.start - 4), c.start)     # ("the " before a nationality noun)
    return _Cand(the.start(), c.end, "name") if the is not None else c

#: a determiner right before a speech verb's form: the word is a noun ("the |notes|", "his |remarks|")
_DETERMINER_BEFORE = re.compile(r"(?<![\w’'-])(?:the|a|an|his|her|its|their|these|those|our|my|your)\s+$", re.I)
#: "to" right before a verb: an infinitive
_INFINITIVE_BEFORE = re.compile(r"(?<![\w’'-])to\s+$")
#: a plural passive's auxiliary before a speech verb ("once the moves |were| announced"): its subject is no one a he or
#: she stands for (a singular one is: "Robby Mook, …, was asked …, he said")
_PASSIVE_BEFORE = re.compile(r"(?<![\w’'-])(?:were|are)\s+$", re.I)
#: a name governed by a preposition ("A Kenyan customs official at |Namanga|, who …, said"): a place or employer in
#: the subject's noun phrase, not the subject
_AFTER_PREPOSITION = re.compile(r"(?<![\w-])(?:at|in|from|near|outside|of|for|on)\s+(?:the\s+)?$")
#: a conjunction right before a subject: its clause hangs on the sentence's main clause ("spoke briefly |when| the judge
#: asked")
_SUBORDINATE_BEFORE = re.compile(r"(?<![\w-])(?:when|after|as|while|before|until|once|because|since)\s+$", re.I)
#: a verb right after a name: the name is the subject of a clause ("said Fairclough |had| written")
CLAUSE_VERB_AFTER = re.compile(r"[^\S\n]+(?:had|has|have|was|were|is|are|would|will|could|should|did|does|might|must|"
                                r"can|[a-z]{2,}ed)\b")
#: a fronted phrase opened by a preposition or participle, not a clause of its own ("Under questioning by defense
#: attorney X, |the detective"), not a name with its titles ("Nominated MP Associate Professor X, an economist, said"), nor "When X, Clinton's
#: campaign manager, was asked …", where the role is X's
_PREPOSITIONAL_OPENING = re.compile(r"\s*(?:Under|After|During|In|At|On|With|Without|Following|Despite|Unlike|Like|"
                                    r"From|By|Through|Upon|Asked|Pressed|Questioned)\b")
#: a verb taking a listener right before a noun phrase ("told |the court …")
_TOLD_END = re.compile(r"(?<![\w’'-])(?:told|tells|tell|informed|assured|reminded)[^\S\n]+$")
#: a pronoun or name opening a reported clause right after its speech verb ("said (that) |he| would", "He said team
#: manager |Sigurd Ravnås-Holm| had told him …": a lower-case title may stand before the name)
_REPORTED_SUBJECT = re.compile(r"(?<![\w-])(?:said|says|told\s+\w+|added|insisted|argued|stressed|claimed|explained|warned)"
                               r"(?:\s+that)?(?:\s+(?:the|his|her|their))?(?:\s+[a-z][\w’'-]*){0,3}?\s+$")


def _epithet_person(A: _Article, c: _Cand, gender: str | None) -> dict | None:
    """The person a definite epithet subject stands for ("the Scot said the teenager had earned his chance": the
    person the Scot is, ``roles.role_speaker``), of ``gender`` when known."""
    if not re.match(r"[Tt]he\s", A.body[c.start:c.end]):
        return None
    if c.kind == "name":
        c = _Cand(c.start, c.end, "role")      # "the Dane" (the model's NORP, read as a name; as ``_Article.resolve``)
    return _person_of_gender(A, roles.role_speaker(A, c), gender, own=True)


def _defendant(A: _Article, c: _Cand, gender: str | None) -> dict | None:
    """The person on trial a role opening a sentence stands for ("The accused, dressed in a white shirt, addressed the
    court" then "“…,” he said": the man charged; ``court.defendant``), of ``gender`` when known."""
    return _person_of_gender(A, court.defendant(A, c), gender)


def _role_subject(A: _Article, c: _Cand, gender: str | None) -> dict | None:
    """The named person a definite role subject of a speech verb stands for by their title ("the Welsh boss said
    he would …" then "“…,” he added": the Wales head coach), when the article gives them no other gender; None
    otherwise."""
    if not re.match(r"[Tt]he\s", A.body[c.start:c.end]):
        return None     # "each eligible farmer would receive …": nobody in particular
    m = roles.resolve_role(A, A.body[c.start:c.end], c.start)
    return _person_of_gender(A, m, gender) if m is not None and m.get("entity_id") else None


def _person_of_gender(A: _Article, m: dict | None, gender: str | None, own: bool = False) -> dict | None:
    """``m`` when it is a person whose gender, as the article shows it (its entity's pronouns, else its given name's;
    with ``own``, else the mention's own), is ``gender`` or unknown; None otherwise."""
    if m is None or m["label"] not in PERSON_LABELS:
        return None
    g = A.gender.get(m.get("entity_id")) or A.name_gender.get(m.get("entity_id")) or (m.get("gender") if own else None)
    return None if gender and g and g != gender else m


#: "they" standing for the subject of its own sentence: after its speech verb ("said they had"), in a clause of the
#: subject's ("because they were not authorised"), as a speaker aside ("The answer, they said, is yes") or as the pronouns
#: the person uses ("who is Two-Spirit and uses they/them pronouns")
_THEY_OF_SUBJECT = re.compile(r"\b(?:(?:said|says|told\s+\w+|added)\s+(?:that\s+)?|because\s+|,\s+)they\b|\bthey/them\b")


def singular_they(A: _Article, pos: int, depth: int = 0) -> dict | None:
    """The one person a "they" at ``pos`` stands for, when no organisation does: the speaker of the sentence before
    the quotation, an anonymous person ("Another employee, a data engineer on the team, said they had …", "A
    paramedic, who asked not to be named because they were not authorised …, said …") or a named one, when that
    sentence itself calls them "they"."""
    j = A.sent_index(pos) - 1
    while j >= 0 and _inside_quotation(A, j):
        j -= 1
    if j < 0:
        return None
    ss, se = A.sents[j]["start_char"], A.sents[j]["end_char"]
    anonymous = anonymous_subject(A, j, None)
    if depth == 0 and anonymous is None \
            and not any(not A.in_quote(m.start()) for m in _THEY_OF_SUBJECT.finditer(A.body, ss, se)):
        return None     # (a "they" the sentence before spoke as needs no such sign: it said "they" itself; nor does
        #                 one after an unnamed person: "A council IT worker, who spoke on condition of anonymity, said")
    m = anonymous or _speech_subject(A, j, se, None)
    if m is None and _THEY_SPEAKS.match(A.body, ss, se) and depth < 2:
        return singular_they(A, ss, depth + 1)      # "The answer, they said, is yes …": the "they" before
    return m if m is not None and m.get("label", "PERSON") in PERSON_LABELS else None


#: a sentence whose speaker is "they" itself ("The answer, they said, is …", "They said …")
_THEY_SPEAKS = re.compile(r"(?:[^,\n]{0,40},\s+)?[Tt]hey\s+(?:said|say|told|added)\b")



def group_subject(A: _Article, pos: int) -> dict | None:
    """An organisation (ORG/GPE/NORP mention) that is the subject of a speech verb before ``pos``
    in its sentence or the two before ("The FSB claimed … that it possesses …" -> FSB); first the organisation that
    opens the pronoun's own sentence ("In a statement, Brightwater Partners thanked residents for what it called “…”")."""
    si = A.sent_index(pos)
    own = A.org_subject(pos)
    if own is not None and isinstance(own, dict) and own.get("label") == "ORG" and A.sent_index(own["start_char"]) == si:
        return own
    for j in range(si, max(-1, si - 3), -1):
        ss, se = A.sents[j]["start_char"], min(A.sents[j]["end_char"], pos)
        for v in reversed(list(A.r.quote_verb_re.finditer(A.body, ss, se))):
            if A.in_quote(v.start()):
                continue
            c = A.subject_before(v.start(), ss)
            if c is not None and c.kind == "mention" and c.mention is not None and c.mention["label"] not in PERSON_LABELS:
                return c.mention
            staff = spokespeople.staff_org(A, c) if c is not None and c.kind in ("np", "role") else None
            if staff is not None:
                return staff         # "Goldman Sachs Group Inc. strategists wrote …": the bank
            if c is not None:
                return None          # the nearest speaker is a person or a phrase: not an organisation
    return None
