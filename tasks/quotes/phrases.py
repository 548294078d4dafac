"""Speaker phrases: word lists and patterns that read a short phrase as a speaker, and the candidate type.

Shared by ``speakers.py`` (candidates and their resolution) and ``direct.py`` (attribution patterns).
Written by hand: they encode English news phrasing ("…, said X", "the Kremlin spokesman") that no
library covers; the open word lists (speech verbs, role nouns) are rule files in ``tasks/rules/``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tasks import rulefiles

#: lowercase words that cannot be part of a title before a name (clause and function words)
_NOT_DESCRIPTOR = frozenset("""
who whom whose which that when where while because if as and or but not nor than then so
is are was were be been being has have had do does did will would can could should may might must
to of in on at by with from for into onto over under about after before during against between
without within through toward towards upon like unlike via per
he she it they we i you him her them us me his its their our my your this these those
there here also even only just very said says told asked one some any all each every
""".split())

_NAME = r"(?P<name>[A-Z][a-z’'-]+(?:[^\S\n][A-Z][a-z’'-]+){1,2})"
#: "Huw Dylan, a historian of …" / "…, Jane Roe, the chief …" (a person noun: -ist, -ian, -er, -or, -ant, -ent)
_BARE_BEFORE_ROLE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))" + _NAME
                               + r",[^\S\n]+(?:a|an|the)[^\S\n]+(?:[a-z-]+[^\S\n]+){0,3}?[a-z-]+(?:ist|ian|er|or|ant|ent)s?\b")
#: "The army commander-in-chief, Valerii Zaluzhnyi, was …"
#: "Its CEO, Min-ji Seo, spent …" (an executive's letters)
_BARE_AFTER_ROLE = re.compile(r"\b(?:[a-z-]+(?:ist|ian|er|or|ant|ent|chief|head)|CEO|CFO|COO|CTO|MD),[^\S\n]+" + _NAME + r",")
#: "Marina, a literature teacher in Krasnodar, said": one given name opening a sentence before a person noun
_BARE_GIVEN_BEFORE_ROLE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name>[A-Z][a-z]+),[^\S\n]+(?:a|an|the)[^\S\n]+"
                                     r"(?:[a-z-]+[^\S\n]+){0,3}?[a-z-]+(?:ist|ian|er|or|ant|ent)\b")

#: capitalised sentence openers that are never a speaker on their own ("As noted in …", "But …")
_NOT_SUBJECT = frozenset("""
as but and or so then after before while when because if although though since yet also even just only
here there meanwhile however thus still instead additionally furthermore moreover the a an in on at for
""".split())

#: how many children a person is described by ("the father of |three|", "A mother of |two|")
FAMILY_COUNT = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
#: how a court speaks of its judge or magistrate ("Her Honour", "His Lordship", "Your Worship"): a titled person, no
#: one unnamed and no one's relative
COURT_ADDRESS = r"(?:honou?r|lordship|ladyship|worship)\b"

#: a determiner-led noun phrase ending right before a verb (after optional adverbs), e.g. "The ad", "a man",
#: "The campaign’s statement then", "one of her ads", "someone in the audience", "The 31-year-old"
_NP_SUBJECT = re.compile(
    r"(?:^|(?<=[\s,(—–]))((?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Ss]ome|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)\s+"
    r"(?:[\w’'-]+\s+){0,3}?(?:[a-z]|\d{1,3}-[a-z])[\w’'-]*|[Ss]omeone|[Ss]omebody|[Oo]ne|[Aa]nother|[Oo]thers)(?:\s+(?:in|of|at|from)\s+(?:(?:the|a|an|her|his|their)\s+(?:[a-z][\w’'-]*\s+)?[a-z][\w’'-]*"
    r"|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}))?)"
    r"\s+(?:(?:also|then|later|again|previously|recently|simply|further|flatly|quickly|once|just|repeatedly|earlier)\s+){0,2}$")

#: a preposition right before a person's name: the name is its object, not a subject ("took to Twitter to write", which
#: the model may call a person; "a spokesman for Trump said")
#: up to two capitalised title words between a preposition and a person ("a spokesperson for Mayor| Teresa Valcourt")
_TITLE_WORDS = r"(?:[A-Z][a-z]{1,11}\.?\s+){0,2}"
_PERSON_PREP_BEFORE = re.compile(r"\b(?:to|with|for|against|on|at|from|into|about|toward|towards)\s+(?:the\s+)?"
                                 + _TITLE_WORDS + "$")
#: a preposition of place right before a name: the object of a phrase, not a sentence's subject ("Back on| Aelfleda
#: Terrace, Mrs Coverdale …"; not "As for Zelenskyy")
_PLACE_PREP_BEFORE = re.compile(r"(?<![\w’'-])(?:[Oo]n|[Aa]t|[Ii]n|[Ff]rom|[Nn]ear|[Oo]utside|[Ii]nside)[^\S\n]+(?:the[^\S\n]+)?$")
#: a preposition whose object the name right after it is ("Another intelligence source speaking to| Fox News said",
#: "A spokesperson for the Canadian Embassy in| Washington said"):
#: the name is not the subject of the verb that follows it
_OBJECT_PREP_BEFORE = re.compile(r"(?<![\w’'-])(?:to|with|against|toward|towards|about|into|in|from)\s+(?:the\s+)?$")
_PREP_BEFORE = re.compile(r"\b(?:between|and|or|of|in|from|to|with|for|against|on|at|by|into|over|toward|towards|about"
                          r"|during|after|before|since|amid|despite|following|under)\s+(?:(?:the|an?|his|her|its|their)\s+)?$", re.I)
_PATTERNS = rulefiles.sections("quote_patterns.txt")
#: time words that stand like an adverb before a speech verb ("Priebus later Thursday told"; [time_adverbs]);
#: never a speaker on their own
TIME_WORDS = frozenset(w.lower() for w in _PATTERNS.get("time_adverbs", []))
_ADVERB_LIST = _PATTERNS.get("speech_adverbs", []) + _PATTERNS.get("time_adverbs", [])
#: the adverbs of rule file sections [speech_adverbs] and [time_adverbs] ("later", "previously"), lower-cased
ADVERB_WORDS = frozenset(w.lower() for w in _ADVERB_LIST)
#: adverbs (rule file sections [speech_adverbs], [time_adverbs]) and auxiliaries between a speaker and the speech
#: verb, up to two
_ADVERBS = (r"(?:(?:" + "|".join(sorted(map(re.escape, _ADVERB_LIST),
                                      key=len, reverse=True))
            + r"|had|has|have|would|will|was|is|on \w+day)\s+){0,2}")

_COORDINATED = re.compile(r"(?:,(?:''|[”\"’])?|\band|\bbut|\bby|\bbefore|\bafter|\bwhile|\bwithout|\bupon)\s+(?:" + _ADVERBS + r")$")


#: a verb form right after a determiner is a noun ("…,” the report concluded": "report" is not the verb)
_NOT_AFTER_DETERMINER = "".join(rf"(?<!\b{d}\s)" for d in ("the", "The", "a", "A", "an", "An", "his", "her", "its", "their",
                                                            "this", "This", "that", "That", "these", "These", "those",
                                                            "Those", "new", "New"))


@lru_cache(maxsize=4)
def _said_comma(verb_alt: str) -> re.Pattern:
    """"…, he said, " right before a verb (compiled once per rule set)."""
    return re.compile(r"(?<![\w’'-])" + _NOT_AFTER_DETERMINER + r"(?:" + verb_alt + r")[^\S\n]*,[^\S\n]*(?:" + _ADVERBS + r")$")


@dataclass
class _Cand:
    start: int
    end: int
    kind: str                 # mention | pronoun | role | name | np
    mention: dict | None = None
    entity_id: str | None = None
    name: str | None = None

    @staticmethod
    def of_mention(start: int, end: int, m: dict) -> _Cand:
        """The candidate body[start:end] standing for mention ``m`` (its entity and name)."""
        return _Cand(start, end, "mention", m, m.get("entity_id"), m.get("entity_name") or m["text"])


def unlinked_mention(start: int, end: int, text: str, label: str) -> dict:
    """A mention the model did not find (no entity): a name read from the text by a rule."""
    return {"start_char": start, "end_char": end, "text": text, "label": label, "entity_id": None, "entity_name": text}


#: an organisation's acronym in brackets after its name ("Drainage and Irrigation Department |(JPS)|")
ACRONYM_IN_BRACKETS = r"\([A-Z][\w&.-]{1,12}\)"
#: capitalised words with "and", "of", "for", "&" between them: an organisation's name, perhaps one the model cut
#: ("British Beer and Pub Association", "Airlines for America")
NAME_RUN = r"[A-Z][\w&.’'-]*(?:[^\S\n]+(?:(?:and|of|for|&)[^\S\n]+)?[A-Z][\w&.’'-]*){0,6}"


#: an indefinite role phrase names nobody in particular ("one US official", "a senior official", "two officials")
#: verbs that give out a document ("X issued a statement", "released a statement Tuesday", "put out a notice")
ISSUE_VERBS = r"issue[ds]|release[ds]|publishe[ds]|puts?\s+out|sen(?:t|ds)\s+out"
#: what only a person asks or is refused: not to be named, anonymity, leave to speak
_ANONYMITY = re.compile(r"\b(?:not\s+to\s+be\s+(?:named|identified)|anonymity|anonymous(?:ly)?|without\s+being\s+(?:named|identified)"
                        r"|(?:not|(?:did|does|do|would)n[’']t)\s+(?:want|wish|like)\s+to\s+be\s+(?:named|identified|quoted)"
                        r"|(?:declined|refused)\s+to\s+be\s+(?:named|identified|quoted)"
                        r"|(?:give|gave|provide|share|use|publish)\s+(?:his|her|their)\s+(?:full\s+|last\s+|first\s+)?names?"
                        r"|(?:his|her|their)\s+(?:full\s+|last\s+)?names?\s+(?:not\s+)?(?:be\s+)?(?:used|published|printed|withheld)"
                        r"|not\s+(?:authori[sz]ed|permitted|allowed)\s+to\s+(?:speak|comment|talk|discuss))\b")
#: a possessive inside a noun phrase: "the teenager|'s |mother", "The Prime Minister|’s |Office" (someone else's role,
#: the office rather than the person)
POSSESSIVE = re.compile(r"\w[’']s\s")
#: "the " right before a word (searched up to it: "|the |Scot", "|The |Michigan-based maker")
THE_BEFORE = re.compile(r"[Tt]he[^\S\n]+$")
_INDEFINITE = re.compile(r"(?:a|an|one|another|some|two|three|several|many|other)\s", re.I)
_CREDIT_AFTER = re.compile(r"\s*/\s*[A-Z]")
_CREDIT_BEFORE = re.compile(r"(?:[A-Za-z]\s*/|(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture|[Cc]redit)s?\s*(?:by|:)?)\s*$")


def _credit(body: str, m: dict) -> bool:
    """A name in a photo credit ("Oleg Petrasiuk/Ukraine's Presidential Press Service", "Photo: X")
    is never a speaker."""
    s, e = m["start_char"], m["end_char"]
    return bool(_CREDIT_AFTER.match(body, e, e + 3)) or bool(_CREDIT_BEFORE.search(body[max(0, s - 12):s]))

#: "X, who coined the word, once said": the commas close a relative clause, they do not coordinate verb phrases
_RELATIVE_BEFORE = re.compile(r",\s+(?:who|which)\b[^,;]{1,100},\s+(?:" + _ADVERBS + r")$")
#: a fronted subordinate clause before the subject ("When asked whom she supported, Ms. Sherry …")
#: (one or two, "In June 2009, after Clinton suffered a concussion, Axelrod …"), a fronted prepositional phrase ("In
#: response to Trump’s proposal, …", "On Thursday, …") or participle clause ("Smiling broadly, …", "Pushed by host
#: Chuck Todd, Cuban …"; not "According to X,", an attribution) or a time phrase ("Last month, when I asked …, he …")
#: a character of a fronted clause: no comma, semicolon or full stop, but the period of a title ("Mrs. Clinton")
_CLAUSE_CHAR = r"(?:[^,;.]|" + "|".join(rf"(?<=\b{t})\." for t in ("Mr", "Mrs", "Ms", "Dr", "Sen", "Gov", "Rep", "Gen", "St")) + ")"
_FRONTED_CLAUSE = re.compile(r"\s*(?:(?:Ever\s+since|Even\s+(?:before|after|as|if|when|while|since)|When|If|After|Before|While|As|Although|Though|Because|Since|Once|Asked|Pressed"
                             r"|In|On|At|During|Following|Despite|Amid|Under|Unlike|Like|For|From|With|Without|Speaking"
                             r"|Alongside|Besides|Beyond|Across|Throughout|Among|Against|Beside|Inside|Outside|Within"
                             r"|Last|Earlier|Later|Next)\b" + _CLAUSE_CHAR + r"{1,160}"
                             r"|(?!According\b)[A-Z][a-z]+(?:ing|ed)\b" + _CLAUSE_CHAR + r"{1,100}),"
                             r"(?:\s*(?:[Ww]hen|[Ii]f|[Aa]fter|[Bb]efore|[Ww]hile|[Aa]s|[Aa]lthough|[Tt]hough|[Bb]ecause|[Ss]ince|[Oo]nce)\b"
                             + _CLAUSE_CHAR + r"{1,100},)?")
#: a dateline opening a paragraph ("WASHINGTON, Dec. 8 (UPI) — ", "ST. LOUIS — ", "(Changsha) — ")
_DATELINE = re.compile(r"\s*(?:[A-Z][A-Z.’'-]+(?:\s+[A-Z][A-Z.’'-]+){0,3}(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,3})?(?:\s*\([^()\n]{1,30}\))?"
                       r"|\([A-Z][\w.’' -]{1,30}\))\s*[—–-]+\s*"
                       # "Mangaluru, Dec 1: Netravati Agro Foods Ltd will shut …" (a town, the month and day, a colon)
                       r"|\s*[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2},\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
                       r"\s+\d{1,2}\s*:\s+")
#: "Ryan’s campaign", "The senator’s office": a possessive noun phrase opening a clause
_POSSESSIVE_SUBJECT = re.compile(r"\s*(?:(?:But|And|So|Then|Later|However|Meanwhile|Earlier),?\s+)?"
                                 r"((?:[Tt]he\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}(?!(?:He|She|It|That|There|Here|What|Who|Where|Let)[’'])"
                                 r"[A-Z][\w.-]*[’']s\s+[a-z][\w-]*(?<!ing)(?<!ed)(?<!ly))\s")
