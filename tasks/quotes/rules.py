"""Rule data of the quote stage: speech verbs, role nouns and quote patterns (``tasks/rules/``).

Read once per process through the one loader ``tasks.rulefiles`` (``load_rules`` is cached); the attribution code in ``direct.py``,
``indirect.py`` and ``speakers.py`` only reads the ``Rules`` object.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tasks import rulefiles
from tasks.settings import RULES_DIR
from tasks.entities.rules import parse_word_genders, trie_regex


#: labels of mentions that may speak; of NORP only groups ("Republicans", "Russians"), never a
#: nationality adjective ("Russian", "European": speakers.py drops those)
SPEAKER_LABELS = {"PERSON", "PER", "ORG", "GPE", "NORP"}
PERSON_LABELS = {"PERSON", "PER"}


@dataclass(frozen=True)
class Rules:
    verb_forms: frozenset            # every speech-verb form (lowercase)
    report_forms: frozenset          # forms that may introduce reported speech
    roles: dict                      # role head -> set of heads it may refer to (incl. itself)
    person_pronouns: dict            # pronoun -> gender
    group_pronouns: frozenset
    title_modifiers: frozenset
    according: tuple
    reporting_objects: tuple
    not_after_verb: frozenset
    verb_alt: str                    # regex alternation of the verb forms of reported speech (no groups)
    verb_re: re.Pattern = field(compare=False)
    role_re: re.Pattern = field(compare=False)
    object_re: re.Pattern = field(compare=False)     # [report_object] verbs (reported speech only)
    pron_re: re.Pattern = field(compare=False)       # subject pronouns (person, group, "I")
    evidence_re: re.Pattern = field(compare=False)   # [report_evidence] verbs ("polls show")
    evidence_nouns: frozenset = frozenset()          # [evidence_nouns]: subjects of those verbs
    belief_re: re.Pattern = field(compare=False, default=re.compile(r"(?!x)x"))   # [report_belief] verbs
    not_speaker_labels: frozenset = frozenset()      # "UPDATE:", "Editor's note:" never name a speaker
    adjectives: frozenset = frozenset()              # nationality adjectives (demonyms.txt, singular): never a speaker
    naming_verbs: frozenset = frozenset()            # "what she calls “…”": a quotation after them is partial
    org_roles: frozenset = frozenset()               # "the company", "the operator": an organisation named before
    org_role_words: dict = field(default_factory=dict, compare=False)   # "union" -> other words of such names ("Steelworkers")
    unnamed_roles: frozenset = frozenset()           # "the spokesperson", "the official": often never named
    document_roles: frozenset = frozenset()          # "the statement", "the post": whoever issued it
    site_nouns: frozenset = frozenset()              # "its Hutchinson packaging |plant|": a place's name before it
    public_body_words: frozenset = frozenset()       # "Edo |State|", "|Department| of Labor": never "the company"
    spouse_words: dict = field(default_factory=dict, compare=False)     # "husband" -> "wife" ([spouse_words])
    kin_words: frozenset = frozenset()               # "husband", "father": family words ([kin_words])
    court_party_roles: frozenset = frozenset()       # "the defendant", "the witness": never an officer of the court
    court_officer_words: frozenset = frozenset()     # "judge", "prosecutor": a title of an officer of the court
    defendant_roles: frozenset = frozenset()         # "the accused", "the defendant": the person on trial
    charge_re: re.Pattern = re.compile(r"(?!x)x")    # "faces 38 counts", "pleaded not guilty": what is said of them
    narrator_roles: frozenset = frozenset()          # "FRANK MORRIS, BYLINE:": the outlet's own journalist in a transcript
    directive_re: re.Pattern = field(compare=False, default=re.compile(r"(?!x)x"))  # [report_directive] verbs
    noun_re: re.Pattern = field(compare=False, default=re.compile(r"(?!x)x"))       # [report_noun] + preposition
    # the verbs that attribute quoted text: every form, [noun_like] ones unguarded ("…,” the letter states")
    quote_verb_alt: str = ""
    gendered_words: dict = field(default_factory=dict, compare=False)   # "widow" -> f, "Mr" -> m ([gendered_words])
    nationality_nouns: frozenset = frozenset()       # "the Dutchman", "the Spaniard" (+ adjectives: "the Italian")
    collective_nouns: frozenset = frozenset()        # "the Italian government": a body, no person ([collective_nouns])
    thing_nouns: frozenset = frozenset()             # "the letter said": agent-like nouns that name no person ([thing_nouns])
    compound_heads: frozenset = frozenset()          # "our investor day": nouns a person's noun modifies ([compound_heads])
    words_nouns: frozenset = frozenset()             # "“…,” a line board members repeated": the words themselves ([words_nouns])
    anonymous_nouns: frozenset = frozenset()         # "the person", "the source": an unnamed person just introduced
    common_openers: frozenset = frozenset()          # "Officials said": opening words that name no body ([common_openers])
    staff_nouns: frozenset = frozenset()             # "Goldman Sachs strategists": people speaking for the name ([staff_nouns])
    team_roles: frozenset = frozenset()              # "his coach": the coach of the player's team ([team_roles])
    police_words: tuple = ()                         # "RCMP", "Constabulary": a police force's name ([police_words])
    named_org_roles: frozenset = frozenset()         # "the council": only a body whose name holds it ([named_organisation_roles])
    quote_verb_re: re.Pattern = field(compare=False, default=re.compile(r"(?!x)x"))

    def nationality(self, word: str) -> bool:
        """Is ``word`` a nationality that can stand for one person ("the Mexican", "the Dutchman", "The Scot",
        "the Portuguese-Brazilian")?"""
        low = word.lower()
        if "-" in low:
            return all(part in self.adjectives for part in low.split("-"))
        return low in self.adjectives or low in self.nationality_nouns


_NEVER = re.compile(r"(?!x)x")


def _gapped_phrases_re(phrases: list[str]) -> re.Pattern:
    """One pattern for phrases whose "..." stands for up to five words ("faces ... counts": "faces 38 counts")."""
    if not phrases:
        return _NEVER
    alts = [r"[^\S\n]+(?:[\w’'-]+[^\S\n]+){0,5}?".join(r"[^\S\n]+".join(map(re.escape, part.split()))
                                                     for part in p.lower().split("...")) for p in phrases]
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?![\w’'-])", re.I)


def _forms(verbs: dict[str, list[str]], section: str) -> set[str]:
    """The lower-cased forms of a speech_verbs.txt section (several per line; phrasal forms written with
    underscores, "points_out", become "points out")."""
    return {f.lower().replace("_", " ") for line in verbs.get(section, []) for f in line.split()}


def _word_re(forms: set[str]) -> re.Pattern:
    """Any of ``forms`` as a whole word (a phrasal form's space matches any run of spaces); never matches when
    there are none."""
    if not forms:
        return _NEVER
    return re.compile(r"(?<![\w’'-])(" + trie_regex(forms).replace(r"\ ", r"\s+") + r")(?![\w’'-])")


@lru_cache(maxsize=1)
def load_rules(rules_dir: Path = RULES_DIR) -> Rules:
    """Read speech_verbs.txt, role_nouns.txt and quote_patterns.txt (cached per process)."""
    verbs = rulefiles.sections(rules_dir / "speech_verbs.txt")
    # multi-word (phrasal) forms are written with underscores: points_out, shot_back
    report, quote_only = _forms(verbs, "report"), _forms(verbs, "quote_only")
    roles: dict[str, set] = {}
    for line in rulefiles.sections(rules_dir / "role_nouns.txt")[""]:
        head, _, syn = line.partition("=")
        head = head.strip().lower()
        roles[head] = {head, *(s.strip() for s in _split_multi(syn))}
    pat = rulefiles.sections(rules_dir / "quote_patterns.txt")
    pp = {}
    for line in pat.get("person_pronouns", []):
        p, _, g = line.partition(":")
        pp[p.strip().lower()] = g.strip()
    all_forms = report | quote_only
    # a prefix trie of the forms: the same matches as the longest-first alternation, but the regex
    # engine tries one branch per character instead of ~400 forms at every position
    noun_like = {f.lower() for f in verbs.get("noun_like", [])} & all_forms
    # quoted text: a [noun_like] form is a verb unless a determiner or number makes it a noun ("…,” the letter
    # states" yes; "“…,” one state veterinarian told me" no)
    quote_verb_alt = "(?:" + trie_regex(all_forms - noun_like).replace(r"\ ", r"\s+") + _noun_after_determiner_alt(noun_like) + ")"
    # reported speech: a [noun_like] form only where it is a verb ("swing states that will vote" is no speech)
    verb_alt = "(?:" + trie_regex(all_forms - noun_like).replace(r"\ ", r"\s+") + _noun_like_alt(noun_like) + ")"
    verb_re = re.compile(r"(?<![\w’'-])(" + verb_alt + r")(?![\w’'-])")   # lowercase only: "States" is not a verb
    role_alt = trie_regex(roles, fold_case=True)
    role_re = re.compile(r"(?<![\w-])(" + role_alt + r")(?:s|es)?(?![\w-])", re.I)
    prons = sorted({*pp, *(x.lower() for x in pat.get("group_pronouns", [])), "i"}, key=len, reverse=True)
    # (also before an auxiliary's contraction: "|He|'d say", "|She|’ll tell you")
    pron_re = re.compile(r"(?<![\w’'.-])(" + "|".join(map(re.escape, prons)) + r")(?![\w-]|[’'](?!(?:d|ll)\b))", re.I)
    object_re = _word_re(_forms(verbs, "report_object"))
    evidence_re = _word_re(_forms(verbs, "report_evidence"))
    belief_re = _word_re(_forms(verbs, "report_belief"))
    directive_re = _word_re(_forms(verbs, "report_directive"))
    nouns = _forms(verbs, "report_noun")
    noun_re = re.compile(r"(?<![\w’'-])(?P<noun>" + trie_regex(nouns) + r")\s+(?P<prep>about|of|on|for|against|that|to)\s+(?=\S)") \
        if nouns else _NEVER
    return Rules(
        verb_forms=frozenset(all_forms), report_forms=frozenset(report), roles=roles,
        person_pronouns=pp, gendered_words=parse_word_genders(pat.get("gendered_words", [])), group_pronouns=frozenset(x.lower() for x in pat.get("group_pronouns", [])),
        title_modifiers=frozenset(x.lower() for x in pat.get("title_modifiers", [])),
        according=tuple(x.lower() for x in pat.get("according", [])),
        reporting_objects=tuple(sorted((x.lower() for x in pat.get("reporting_objects", [])), key=len, reverse=True)),
        not_after_verb=frozenset(x.lower() for x in pat.get("not_after_verb", [])),
        verb_alt=verb_alt, verb_re=verb_re, role_re=role_re, pron_re=pron_re, object_re=object_re,
        evidence_re=evidence_re, belief_re=belief_re,
        not_speaker_labels=frozenset(x.lower() for x in pat.get("not_speaker_labels", [])),
        evidence_nouns=frozenset(w.lower() for line in verbs.get("evidence_nouns", []) for w in line.split()),
        adjectives=frozenset(w for w in rulefiles.lines(rules_dir / "demonyms.txt", lower=True) if not w.endswith("s")),
        naming_verbs=frozenset(x.lower() for x in pat.get("naming_verbs", [])),
        org_roles=frozenset(x.split("=")[0].strip().lower() for x in pat.get("organisation_roles", [])),
        org_role_words={x.split("=")[0].strip().lower(): tuple(x.split("=")[1].lower().split())
                        for x in pat.get("organisation_roles", []) if "=" in x},
        unnamed_roles=frozenset(x.lower() for x in pat.get("unnamed_roles", [])),
        document_roles=frozenset(x.lower() for x in pat.get("document_roles", [])),
        site_nouns=frozenset(x.lower() for x in pat.get("site_nouns", [])),
        public_body_words=frozenset(x.lower() for x in pat.get("public_body_words", [])),
        spouse_words={x.split("=")[0].strip().lower(): x.split("=")[1].strip().lower()
                      for x in pat.get("spouse_words", []) if "=" in x},
        kin_words=frozenset(x.lower() for x in pat.get("kin_words", [])),
        court_party_roles=frozenset(x.lower() for x in pat.get("court_party_roles", [])),
        court_officer_words=frozenset(x.lower() for x in pat.get("court_officer_words", [])),
        defendant_roles=frozenset(x.lower() for x in pat.get("defendant_roles", [])),
        charge_re=_gapped_phrases_re(pat.get("charge_cues", [])),
        narrator_roles=frozenset(x.lower() for x in pat.get("narrator_roles", [])),
        nationality_nouns=frozenset(x.lower() for x in pat.get("nationality_nouns", [])),
        collective_nouns=frozenset(x.lower() for x in pat.get("collective_nouns", [])),
        thing_nouns=frozenset(x.lower() for x in pat.get("thing_nouns", [])),
        compound_heads=frozenset(w.lower() for line in pat.get("compound_heads", []) for w in line.split()),
        words_nouns=frozenset(w.lower() for line in pat.get("words_nouns", []) for w in line.split()),
        anonymous_nouns=frozenset(x.lower() for x in pat.get("anonymous_nouns", [])),
        common_openers=frozenset(x.lower() for x in pat.get("common_openers", [])),
        staff_nouns=frozenset(x.lower() for x in pat.get("staff_nouns", [])),
        team_roles=frozenset(x.lower() for x in pat.get("team_roles", [])),
        police_words=tuple(x.lower() for x in pat.get("police_words", [])),
        named_org_roles=frozenset(x.lower() for x in pat.get("named_organisation_roles", [])),
        directive_re=directive_re, noun_re=noun_re,
        quote_verb_alt=quote_verb_alt, quote_verb_re=re.compile(r"(?<![\w’'-])(" + quote_verb_alt + r")(?![\w’'-])"),
    )


#: a [noun_like] form is a verb only before these ("states that", "states:", "to state, “", "state in the …")
#: (the text searched may end where the quotation mark is: "to state, " before "“")
_VERB_FOLLOWS = r"(?=[^\S\n]*(?::|,[^\S\n]*(?:[“\"«]|\Z)|in\s+(?:a|an|the|his|her|its|their)\b))"
#: … or before a period after a lowercase word ("…,” a voice-over in the ad states.")
_VERB_ENDS = r"(?<=[a-z][^\S\n])"
_NOT_NOUN_BEFORE = "".join(rf"(?<!\b{d}\s)" for d in ("of", "the", "The", "a", "A", "an", "An", "his", "her", "its", "their",
                                                       "our", "my", "your", "home", "this", "every", "each", "per",
                                                       "one", "One", "any",
                                                       # a preposition or quantifier ("in states that vote in March")
                                                       "in", "for", "from", "across", "among", "with", "other", "many",
                                                       "some", "all", "these", "those", "several", "both", "swing"))
_NOT_NOUN_BEFORE += r"(?<![’']s\s)"


def _noun_like_alt(forms: set) -> str:
    """"|…" alternatives for the [noun_like] forms (empty when there are none): only where they are verbs."""
    if not forms:
        return ""
    alt = "(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + ")"
    # the lookahead first: the lookbehinds are only tried where a form starts (else every position pays for them)
    ahead = "(?=" + alt + ")"
    return ("|" + ahead + _NOT_NOUN_BEFORE + alt + _VERB_FOLLOWS
            + "|" + ahead + _NOT_NOUN_BEFORE + _VERB_ENDS + alt + r"(?=\.)")


def _noun_after_determiner_alt(forms: set) -> str:
    """"|…" alternatives for the [noun_like] forms where no determiner or number stands right before them."""
    if not forms:
        return ""
    alt = "(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + ")"
    return "|(?=" + alt + ")" + _NOT_NOUN_BEFORE + alt


def _split_multi(syn: str) -> list[str]:
    """Synonym list: words separated by spaces, except known two-word heads (``prime minister``); a list with commas
    is split at them alone (``district attorney, state's attorney``)."""
    if "," in syn:
        return [x.strip().lower() for x in syn.split(",") if x.strip()]
    out, words, i = [], syn.split(), 0
    two = {"prime minister", "vice president", "press secretary", "campaign manager", "police chief"}
    while i < len(words):
        if i + 1 < len(words) and f"{words[i]} {words[i+1]}" in two:
            out.append(f"{words[i]} {words[i+1]}")
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out

