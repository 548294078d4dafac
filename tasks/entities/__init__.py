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
   ("Kurdistan Democratic Party ( KDP )"), a fielder or bowler after a dismissal
   word of a cricket batting line ("c Healy b McGrath 5"), a goal scorer listed with
   the minute in parentheses ("Arsenal 2 ( Wright 31 , Merson 60 )"), and a results-list name
   before a country in parentheses ("1 - Steffi Graf ( Germany ) beat ...") when the
   line shows an individual's result (set score, time, rank) or the name starts with
   a given name. Spans are split at scorecard words (c, b, st, lbw, v) and lose
   trailing common words ("Interfax news agency"). A title followed by an
   organisation word stays in the name ("General Motors", "Major League Baseball").
   A person cut at lower-case surname particles is joined with the capitalised
   mention after them, whatever its label ("Piet" van der "Laan-Osei" ORG, "Ursula
   von der" "Leyen" GPE), and a later "van der Laan-Osei" takes its particles in.
   A name with a quoted nickname between given name and surname ("Ephraim "Doc"
   Mudau-Lindström", "Ezekiel ‘Zeke’ van Rensburg-Chirwa") is one person, named
   without the nickname (``keys.without_nickname``).
5. **Article-level entities and label vote.** Mentions are grouped into
   article entities: same canonical form (``rules/aliases.csv``), same folded
   text, or a single word equal to the last word of a multi-word name in the
   article (the nearest preceding such name, so "Bush" after "Jeb Bush" is
   Jeb; "Griffey" after "Ken Griffey Jr."; not a short all-capitals acronym of running
   text), or an acronym: written in parentheses after the name, or whose capitals are the
   initials of exactly one other name of the article that is no person's ("NFTA" after
   "Niagara Frontier Transportation Authority": ``acronyms.py``). A given name before
   "County", "Parish", "Township" or "Borough" gives no person vote ("Montgomery County
   School District"). Each entity's class (per, org, loc, norp, misc) is decided by a
   weighted vote of its mentions: the model's label (1 each), a title right
   before a mention (person, 3), the alias table (5), the demonym list (norp,
   5), the place list (loc, 1.5), a given-name first word (per, 2; the
   given-name list plus the clearly gendered names of given_name_gender.tsv that
   are no place or title), a relative "who" after the name (per, 2; a "which" after a name the model
   called a person or organisation: org, 2), an
   initial ("K. Evans", per, 3), an age in apposition ("Wang , 45 ,", per, 3),
   "Name ( Country )" (per, 3; for a name the model does not call a person only in an
   individual's results line), bowling figures or a dismissal word of a cricket
   scorecard or a scorer list ("McGrath 10-1-30-2", "c Healy", "( Merson 60 )": per, 3), figures after the name in a
   table line (org, 3), an organisation suffix word or cue of ``rules/org_cues.txt`` ("... Bank",
   "X spokesman", "Liverpool striker", "shares in X": org, 3; never for a country: "Japan
   coach" is the national team, a place) and a dateline position ("NEW YORK
   1996-08-30", "KYIV (Reuters) -": loc, 5; a dateline mention is its own
   entity, never the same-named team). Lone surnames joined to a person's full
   name do not vote: the full name already voted for a person, and a lone
   surname is what the model mislabels most ("Lara" ORG in a report on Brian Lara).
6. **Canonical identity.** The entity's display name is the alias table's
   canonical name when any mention is listed there, else its longest,
   most frequent form; a body named by an acronym and the name it abbreviates is
   "Niagara Frontier Transportation Authority (NFTA)", keyed by the acronym (the form
   used most when the name before the brackets cannot spell it). ``entity_key = "<class>:<match key>"`` where the match
   key is the folded display name (accents, case, dots, hyphens and
   apostrophes removed, single initials joined: "J.D." = "JD") with the
   per-token transliteration rules of ``rules/translit.csv`` applied
   (Zelenskiy = Zelenskyy = Zelensky). ``entity_id = sha256(entity_key)[:16]``.
   A lone surname that no full name in the article explains keeps a one-word
   key; the ``entity_mentions`` SQL model links it to the single full name in
   the corpus with that surname, if exactly one exists.

Mention rows follow ``schemas.ENTITY_MENTIONS``: ``label`` is the voted label
(spaCy names: PERSON, ORG, GPE, LOC, FAC, NORP, ...), ``ner_label`` the raw one.

Layout: ``ner.py`` (``extract_mentions``: spaCy over paragraph units, the steps in
order), ``units.py`` (paragraph units, re-casing, headline lines), ``spans.py`` (one
mention per entity span: clean-up and class evidence), ``name_edges.py`` (a person's given name and hyphenated
parts beyond the model's span), ``votes.py`` (the class vote that evidence adds up to),
``patterns.py`` (names the model
missed in tables, fixtures and parentheses, propagated names, headline filter), ``missed_names.py`` (persons the
model missed after titles and occupations or by given names), ``canonical.py`` (grouping, class vote, display name and key),
``keys.py`` (folding, ids), ``rules.py`` (rule files and constants).
"""
from __future__ import annotations

from tasks.entities.canonical import match_key
from tasks.entities.keys import entity_id_for, fold
from tasks.entities.ner import extract_mentions
from tasks.entities.rules import (
    ALIAS_CLASS,
    BATCH_SIZE,
    CLASS_LABEL,
    COARSE_LABELS,
    LABEL_CLASS,
    NAME_LABELS,
    RULES,
    trie_regex,
)

__all__ = ["ALIAS_CLASS", "BATCH_SIZE", "CLASS_LABEL", "COARSE_LABELS", "LABEL_CLASS", "NAME_LABELS", "RULES",
           "entity_id_for", "extract_mentions", "fold", "match_key", "trie_regex"]
