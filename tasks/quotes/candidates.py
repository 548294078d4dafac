"""Speaker phrases: ``candidate`` reads a short phrase before or after a speech verb as a speaker: a name (after title
words, before an affiliation), a pronoun, a role noun (with a name in apposition), an organisation or document word
(``organisations``), a possessive noun phrase or another noun phrase. ``_Article.candidate`` (speakers.py) calls it;
split out of subjects.py unchanged."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.entities.rules import _post_nominals
from tasks.quotes import anonymous, documents, interviews, organisations, titles, unnamed_roles
from tasks.quotes.appositions import _apposed_name, _comma_outside_brackets
from tasks.quotes.phrases import TIME_WORDS, _Cand, _NOT_DESCRIPTOR, _NOT_SUBJECT
from tasks.quotes.rules import PERSON_LABELS

if TYPE_CHECKING:
    from tasks.quotes.speakers import _Article


#: "the Premier", "the Minister of State", "the Secretary for Justice": a capitalised office (group 1 its head)
_OFFICE = re.compile(r"[Tt]he\s+([A-Z][a-z]+)(\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?")


#: a title's acronym after "the" ("the |DCP| said", "the |SDO| said")
_TITLE_ACRONYM = re.compile(r"(?:[Tt]he\s+)?([A-Z]{2,5})")
#: a lower-case particle joined to the surname after it ("al-", "el-", "bin-")
_PARTICLE_BEFORE = re.compile(r"(?<![\w’'-])[a-z]{1,3}-$")


def _outside_brackets(ms: list[dict], body: str, hs: int, he: int) -> list[dict]:
    """The mentions of a speaker phrase outside its round brackets, when there are any: what stands in brackets after a
    name is its affiliation ("Cllr Tomasz Wiśniewski-Hart (|Lib Dem|, Huntington)", which the model may call a
    PERSON), not the speaker."""
    inside = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", body[hs:he])]
    out = [m for m in ms if not any(a <= m["start_char"] - hs and m["end_char"] - hs <= b for a, b in inside)]
    return out or ms


#: a person and their own others as one subject: "|Ramsdell-Okafor| and her co-authors", "|she| and her colleagues"
_WITH_OWN = re.compile(r"(?P<first>[^,;\n]+?)[^\S\n]+and[^\S\n]+(?:his|her|their)[^\S\n]+[\w’'-]+(?:[^\S\n]+[\w’'-]+)?")


def candidate(A: _Article, s: int, e: int) -> _Cand | None:
    """Interpret body[s:e] (a short phrase) as a speaker: name, pronoun, role noun or other noun phrase."""
    body = A.body
    while s < e and (body[s].isspace() or body[s] in ",—–-"):
        s += 1
    while e > s and (body[e - 1].isspace() or body[e - 1] in ",—–-"):
        e -= 1
    if e <= s:
        return None
    contracted = _CONTRACTED.fullmatch(body, s, e)
    if contracted is not None:
        e = contracted.end(1)   # "|He|'d say, '…'", "|Mammy|'s already told me, '…'": the subject of the auxiliary
    one = described_one(A, s, e)
    if one is not None:
        return one      # "one of them, a claims handler with …": as described
    own = _WITH_OWN.fullmatch(body, s, e)
    # "Ramsdell-Okafor and her co-authors wrote", "she and her colleagues write": the one named (the lead author)
    c = _candidate(A, s, own.end("first") if own is not None else e)
    unnamed = c is not None and (c.kind in ("np", "role") or (c.kind == "mention" and c.entity_id is None))
    gave = anonymous.name_given_after(A, e) if unnamed else None
    head = anonymous.described_person(A, s, e) if unnamed and gave is None and c is not None and c.kind == "np" else None
    gave = anonymous.named_again(A, A.sent_index(s), head) if head is not None else gave
    # ("said a woman who manages four rentals" then "The woman, Kimberly Sossaman, said": the name given later)
    # ("said the man, who gave only his first name, |Amir|": the name he gave)
    return _Cand.of_mention(gave["start_char"], gave["end_char"], gave) if gave is not None else c


#: a subject and an auxiliary's contraction, maybe an adverb ("He'd", "She'll", "Mammy's already")
_CONTRACTED = re.compile(r"([A-Z][\w-]*)(?:[’'](?:d|ll|ve|re)(?:[^\S\n]+(?:already|also|just|always|never|often|then|now))?"
                         r"|[’']s[^\S\n]+(?:already|also|just|always|never|often|then|now))")     # (not "Trump’s": his)


def described_one(A: _Article, s: int, e: int) -> _Cand | None:
    """"one of them, |a claims handler| with 11 years at the company", "the other, |a customer service supervisor|":
    one of several unnamed people as the apposition after the phrase at ``s`` describes them; None otherwise."""
    one = _ONE_DESCRIBED.match(A.body, s, e)
    return _Cand(one.start("np"), one.end("np"), "np") if one is not None else None


#: one of several unnamed people described in apposition: "one of them, |a claims handler| with …", "the other, |a
#: customer service supervisor|" (the noun phrase up to a preposition, a relative word or the end)
_ONE_DESCRIBED = re.compile(r"(?i:one(?:[^\S\n]+of[^\S\n]+(?:them|those|the[^\S\n]+[\w-]+))?|the[^\S\n]+other|another)"
                            r",[^\S\n]+(?P<np>(?:a|an)[^\S\n]+[a-z][\w-]*(?:[^\S\n]+[a-z][\w-]*){0,3}?)"
                            r"(?=[^\S\n]+(?:with|at|from|of|who|in|for|on|whose|and)\b|[^\S\n]*[,.;]|[^\S\n]*$)")


def _acronym_holder(A: _Article, head: str, hs: int, he: int) -> _Cand | None:
    """"the DCP said" after "Deputy Commissioner of Police (DCP) Prateek Das": the person holding the title the letters
    stand for (``titles.acronym_holder``; not "the MP", a role word of its own); None otherwise."""
    acronym = _TITLE_ACRONYM.fullmatch(head)
    if acronym is None or A.r.role_re.fullmatch(acronym.group(1).lower()):
        return None
    holder = titles.acronym_holder(A, acronym.group(1), hs)
    return _Cand.of_mention(hs, he, holder) if holder is not None else None


def _candidate(A: _Article, s: int, e: int) -> _Cand | None:
    """``candidate`` of the trimmed phrase body[s:e]."""
    body, r = A.body, A.r
    phrase = body[s:e]
    # head noun phrase: up to the first comma (appositive / relative clause after it), not one inside brackets
    # ("Coun. Danielle Mahabir (Ward 24, Scarborough-Guildwood) told")
    cut = _comma_outside_brackets(phrase)
    hs, he = s, (s + cut if cut > 0 else e)
    head = body[hs:he].strip()
    # a name after a long title or before its affiliation may stand in a longer phrase ("former Pennsylvania Gov. and
    # Democratic National Committee Chairman Ed Rendell"); any other speaker phrase has at most 8 words
    if not head or len(head.split()) > 16 or re.search(r"[“”\"«»\n]", A.nicknames_masked(hs, head)):
        return None
    holder = _acronym_holder(A, head, hs, he)
    if holder is not None:
        return holder
    ms = _outside_brackets(list(A.mentions_in(hs, he)), body, hs, he)
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
    if low in r.person_pronouns or low in r.group_pronouns or low == "i" or interviews.is_you(low):
        return _Cand(hs, he, "pronoun")
    if low in ("one", "another"):
        return _Cand(hs, he, "np")          # "…,” said one."
    if low in _NOT_SUBJECT or low in r.adjectives or _RELATIVE_OPENING.match(low):
        return None                         # "As noted …", "Russian": a function word or an adjective is no speaker;
        #                                     nor a relative clause's subject ("…, which local agents put at 1%")
    words = re.findall(r"[\w.’'-]+", head)
    core = re.sub(r"\s+(?:there|here|then|now|himself|herself)$", "", low)     # "The mayor there, Corey Woods,"
    if r.role_re.search(core) and r.role_re.search(core.split()[-1]) and len(words) <= 7:
        named = _apposed_name(A, he, e)
        return named if named is not None else _Cand(hs, he, "role")
    if words and all(w.lower() in TIME_WORDS for w in words):
        return None                         # "Tuesday": a time word is no speaker
    police = _POLICE.fullmatch(head)
    if police is not None and (not police.group("place") or head.endswith("police")):
        # "police said", "Troy police said": the force named before, else as written (not "The Judicial Police", a name)
        return organisations.police_force(A, hs, he, police.group("place"))
    if low == "the county":
        return organisations.county(A, hs, he)
    particled = A.surnames.get(low) if len(words) == 1 and not words[0][0].isupper() and "-" in low else None
    if particled:                   # "…,” al-Khatib says": a surname with a lower-case particle
        return _Cand.of_mention(hs, he, particled)
    if words and all(w[0].isupper() for w in words) and len(words) <= 4 and low not in {"i", "we"}:
        particle = _PARTICLE_BEFORE.search(body, max(0, hs - 5), hs) if len(words) == 1 else None
        m = A.surnames.get(words[-1].lower()) or (A.surnames.get(particle.group(0) + low) if particle else None)
        if m:       # ("Cr al-|Rashidi| described": the surname "al-Rashidi" its lower-case particle opens)
            return _Cand.of_mention(particle.start() if particle and m["text"].endswith(particle.group(0) + head)
                                    else hs, he, m)
        return _Cand(hs, he, "name")
    same = unnamed_roles.same_noun_anonymous(A, _Cand(hs, he, "np")) if low.startswith("the ") else None
    if same is not None:    # "A bus operator …, who asked not to be named, said …" then "the operator said": no company
        return _Cand.of_mention(hs, he, same)
    org = organisations.org_role(A, hs, he, low) or documents.document_source(A, hs, he, low)
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


#: a relative pronoun opening the phrase: the subject of a relative clause, no speaker of the quotation
_RELATIVE_OPENING = re.compile(r"(?:which|whose|whom|where|when)\s")
#: the police as a speaker, maybe with their place ("police", "the police", "Troy police", "State Police")
_POLICE = re.compile(r"(?:[Tt]he\s+)?(?P<place>(?:[A-Z][\w’'.-]*\s+){0,3})[Pp]olice")
#: what may follow a person's name to the end of the speaker phrase: an affiliation ("James Pethokoukis of the American
#: Enterprise Institute") or a second person and their affiliation ("David Albright and Serena Kelleher-Vergantini of …")
_AFTER_NAME = re.compile(r"(?:and\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,2}\s+)?(?:of|from|at|with)\s+(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[\w.&’'-]+){0,6}")


def _titled_mention(A: _Article, hs: int, he: int, pick: dict) -> bool:
    """Is body[hs:he] the mention ``pick`` with only title words before it and nothing but a bracket, "himself", letters
    after a name ("KC"), an affiliation or a second person after it?"""
    body, r = A.body, A.r
    after = body[pick["end_char"]:he].strip()
    before = body[hs:pick["start_char"]]
    if r.role_re.fullmatch(pick["text"].lower()) \
            or (re.fullmatch(r"\s*[Tt]he\s+", before) and r.role_re.fullmatch(pick["text"].split()[-1].lower())):
        return False        # "the |GP| said", "the |MP|": the model's name is a role word; so is its last word in "the
        #                     |St Peter Port GP|", "the |Trinity Constable|": a place and a role
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
                          or (all(w in _post_nominals() for w in after.replace(",", " ").split())   # "… KC", ", MD, PhD"
                              and not re.match(r"[Tt]he\s", before))   # (not "the Kubang Kerian MP": a role)
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
