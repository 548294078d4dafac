"""Numeric and date facts in article bodies: durations, counts, amounts, percents, fractions, dates.

``extract_facts(article, sentences, mentions)`` returns rows of the FACTS schema
(``tasks/schemas.py``). It is rule based (regular-expression tokens over each
sentence, no spaCy call), linear in the text, and never raises on any input.
Rule data lives in ``tasks/rules/number_words.tsv``, ``fact_units.yaml`` and
``fact_about.yaml``.

What counts as a fact
---------------------
A *quantity expression*: a number written in digits (``1,000``, ``1.5``,
``24``) or in words (``two``, ``twenty-five``, ``a dozen``, ``one hundred and
ten``, ``two-thirds``, ``tens of thousands``), optionally preceded by a
qualifier (``over``, ``more than``, ``about`` ... -> ``qualifier``) and a
currency sign, followed by what it measures:

- ``duration``: a time unit (``two hours``, ``two-hour call``, ``30-day
  ceasefire``, ``three years of conflict``). The value is converted to one
  canonical unit per scale: second/minute/hour -> ``hour`` (90 minutes = 1.5
  hour), day/week/fortnight -> ``day``, month/year/decade/century -> ``year``.
  ``value_text`` is the quantity as written as an ISO 8601 duration (PT90M, P30D).
- ``amount``: money (``$1.5 billion``, ``5 million euros``); unit = ISO currency.
- ``percent``: ``20%``, ``20 percent`` -> 20.0, unit ``percent``.
- ``fraction``: ``a fifth of``, ``one-fifth of``, ``half of/the``, ``two-thirds
  of`` -> 0.2 / 0.5 / 0.667; only when a share *of* something follows.
- ``count``: a number followed by a noun (``1,000 prisoners``) -> the number,
  unit null. Vague counts (``tens of thousands of deaths``, ``hundreds of``,
  ``several days``) carry a documented lower bound as value and qualifier
  ``vague``. A small number written as a word after a definite determiner
  (``the two leaders``) is a reference, not a reported quantity: skipped.
- ``number``: other measures (``km``, ``tonnes``; ages ``73-year-old`` with unit
  ``age``) and bare numbers written in digits (unit null, about null).
- ``date``: ``March 18``, ``18 March 2025``, ``February 2022``, a bare year
  1900-2100 (``since 2022``, ``the 2022 invasion``). ``value`` = days since
  1970-01-01 of the (first day of the) date, ``value_text`` the ISO date
  (``2025-03-18``, ``2022-02``, ``2022``), ``unit`` its granularity
  (day|month|year). A day without a year takes the year that puts it closest
  to the article's ``published_at``; without ``published_at`` it stays partial
  (``--03-18``, value null). Weekday names are not resolved.

Not facts: ordinals (``first time``, ``19th``), roman numerals (``Leo XIV``),
number words inside names (``World War Two``: a capitalised number word after
a capitalised word), identifiers (``G7``, ``COVID-19``, ``Article 5``), times
of day (``10:30``, ``3 p.m.``), ranges and scores (``3-1``), bare number words
(``takes two to tango``).

``about``
---------
What is quantified, as a short normalised noun (``call``, ``prisoners``,
``ceasefire``, ``territory``, ``war``, ``deaths``): the noun phrase the
quantity modifies (``two-hour call``; head-final), counts' plural noun
(``1,000 Ukrainian prisoners``), the object of ``of`` (``three years of armed
conflict`` -> war; ``a fifth of Ukraine`` -> territory: a place, known from a
GPE/LOC mention, or a capitalised name when no mentions are given), or the
event noun before a linking verb (``the call, which lasted two hours``).
Nouns are mapped through the synonym table (conversation -> call, conflict ->
war, land -> territory). No link found -> about is null (such facts are kept
but not compared in ``fact_agreement``).

Another event than the article's own: when one of the three words before the
about-noun is a ``previous`` marker (``last``, ``previous``, ``earlier`` ...) or,
when ``published_at`` is known, the sentence holds a day date more than three
days before it, ``about`` becomes ``previous <noun>`` (``next <noun>`` for
``next``/``upcoming`` or a date more than three days after). So "The last phone
call ... occurred on March 18 and lasted more than two hours" gives
``previous call``, which ``fact_agreement`` groups apart from ``call``.
"""
from tasks.facts.extract import extract_facts, fact_id_for
from tasks.facts.numbers import parse_number
from tasks.facts.quantities import facts_in_sentence
from tasks.facts.rules import Rules, load_rules
from tasks.facts.tokens import Fact, Num, Tok, tokenize

__all__ = ["Fact", "Num", "Rules", "Tok", "extract_facts", "fact_id_for", "facts_in_sentence", "load_rules",
           "parse_number", "tokenize"]
