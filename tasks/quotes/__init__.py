"""Quote extraction with speakers: direct, partial and indirect (reported) speech.

``extract_quotes(article, sentences, mentions)`` is rule based (regular expressions
over the body, the sentence offsets and the entity mentions); it never calls spaCy,
so it adds almost nothing to the cost of the batch.

What counts as a quote
----------------------
- **direct**: text between a pair of double quotation marks (straight ``"``, curly ``“ ”``, ``„``, ``« »``,
  doubled apostrophes ``''`` / ``````) that stands as an utterance of its own: it starts its sentence or
  paragraph, follows a colon (``Putin said: "…"``), or follows a comma after a speech verb or after an earlier
  quote of the same sentence (not "said that, “…”", a complement clause like "said that “…”"), or is inserted
  after an opening bracket or a spaced dash and attributed right after its closing comma ("… to Mexico - ''I
  love Oreos,'' he said - and …"). Single quotation marks are never top-level quote marks (nested ``‘…’`` and
  ``'…'`` stay inside the outer quote; apostrophes such as everything’s, isn’t, the ’90s are therefore
  harmless). A nested pair of another glyph family (``"… about “Equal Justice” anymore."``) stays inside its
  quotation, and so does a pair of the same curly glyphs when two closing marks follow the inner opening one
  (``“… what he calls “hell” than …”``). A direct quote with no speaker found that is short (``LABEL_WORDS``)
  and has no sentence end is a title, slogan or label ("“Orange is the New Black”") and becomes partial; so does
  a quotation right after a naming verb ("what she calls “real solutions”", ``[naming_verbs]``) or one opening
  with an auxiliary that completes a clause begun outside the marks ("An economic downturn, he said, “could be
  …”"), or one opening in lower case after "…, X said," that completes a sentence the writer began ("The
  streets were deserted, he added, “but people need to connect”"; not after a fronted phrase alone: "In the U.S.,
  they write, “to be …”"), one right after a partial quote of its sentence ("a “nasty guy,” an “anchor baby,”
  “unstable”": a quotation takes the kind of the one it follows unless that one ends a sentence), and a paragraph that is only a short single-quoted phrase (a subheading: "'A healthy environment.'"). A
  quotation that is only a stage direction in brackets ("(CROSSTALK.)") or a one-word label ("Related:") is no
  quote at all.
- **partial**: quoted words embedded in a sentence (``Putin said efforts were
  "generally on the right track"``). A partial quote of 1–3 words that no speaker is found for is a scare quote
  and is dropped (``SCARE_QUOTES``). A partial quote inside reported speech whose own search found no speaker takes
  the reported speech's ("The Minority in Parliament said the response had been “too little, too late”").
- **indirect**: reported speech without quote marks: ``X said (that) CLAUSE``,
  ``CLAUSE, X said``, ``according to X, CLAUSE`` / ``CLAUSE, according to X``.
  The content is the reported clause (without the complementiser "that").

Offsets: ``start_char``/``end_char`` span the quoted content in ``article["body"]``
*without* the quotation marks, leading/trailing whitespace and a trailing comma
(``"We are ready," he said`` -> ``We are ready``); final ``.?!`` stay in. A quote that
runs over several paragraphs (a paragraph opens a quote without closing it and the
next paragraph re-opens with a quote mark, the usual convention) is one quote whose
text includes the paragraph break and the re-opening mark. An opening mark that is
never closed ends at the end of its paragraph (lower confidence); a continuation
chain longer than ``MAX_CHAIN_PARAGRAPHS`` is cut, so no quote can swallow the article.

Attribution patterns (``pattern`` column), tried in this order for quoted text:
``verb_speaker`` (", said Putin"), ``speaker_verb`` (", Putin said" / ", she replied"),
``appositive`` (", Dmitry Peskov, the Kremlin spokesman, said"), ``verb_object``
("Peskov told reporters"), ``verb_in`` ("Trump wrote in a post"), ``colon_intro``
("Putin said: …"), ``comma_intro`` ("He said, …"), ``verb_intro`` ("She says “…”"),
``dash_name`` ("“…” ― Pamela Padilla": a name after a dash behind the closing mark, or a paragraph that is only
"- Bernie Sanders." after a quotation paragraph), ``quote_from`` ("“….” That quote from X appeared …"),
``name_colon`` (headline/transcript "Ted Cruz: ‘…’", "Here’s Clinton in 1992: “…”"; a quoted transcript line
``"PENCE: Well, look, …`` opening its paragraph: the label is the speaker and no part of the quote), ``according_to``
("According to TASS, “…”"; "“…,” according to Reuters." right after the closing mark, not a capitalised
"According to X," opening the next sentence),
``reported_speech`` (partial quote inside "X said …"; also "…“chilled” during the talks, said
a source close to Khan." / "…,” according to X." closing the sentence), ``continuation`` (same speaker
as the previous quote of the paragraph, or of the previous paragraph when this one
only continues the quotation), ``previous_sentence`` (floating quote after a sentence
with a speech verb, or after a sentence of its paragraph whose subject is a person; never the writer's
"I asked"), ``last_speaker`` (interview layout: a
paragraph that is only a quote after the writer's question, "I asked …" or a paragraph about the
person last quoted by pronoun, "He meant …", goes to the person last quoted, within
``FLOOR_PARAGRAPHS`` paragraphs), ``previous_paragraph`` (a paragraph that is only a quote after a
paragraph naming a person), ``none``. Indirect quotes use ``indirect_speaker_verb``
("X said that …", "X told reporters he …"), ``indirect_post`` ("…, X said" also in
mid-sentence "…, X said, …"), ``indirect_as`` ("As X reported, …"), ``according_to``, ``indirect_object`` ("X accused Y of …",
"X called for …", "X talked about …": verbs of ``[report_object]``), ``indirect_directive`` ("X asked the
congregation to stand", "He told Bush to quiet down": ``[report_directive]`` verbs, an object and a to-infinitive),
``indirect_noun`` ("Trump’s call for a ban", "his comments about Mexico": a possessor, a ``[report_noun]`` noun and a
preposition), ``indirect_evidence`` ("Polls show that …":
``[report_evidence]`` verbs with an ``[evidence_nouns]`` subject), ``indirect_belief`` ("Many fear
Trump will …": ``[report_belief]`` verbs), ``indirect_colon`` (headline/transcript "Warren: Trump Is a
Failure", "TAPPER: …" when the label opens two paragraphs), ``indirect_headline`` ("Trump Says He …"),
``indirect_asked`` ("X asked Y whether …": the question), ``indirect_referring`` ("…, referring to X"). A sentence may hold several
indirect rows ("X said A and argued that B", "…, saying …"); see ``indirect.py``.

A speaker phrase may also be a determiner-led noun phrase right before the verb ("The ad says", "a man in the
crowd yelled"; unresolved) or a possessive one opening the clause ("Ryan’s campaign shrugged off …, telling
reporters, “…”", "Donald Trump’s campaign said in a statement: “…”"), "I" or "it" (kept as written, never resolved
to a person); a fronted subordinate clause ("When Wallace died, Clinton released …:", "Ever since she endorsed Mrs.
Clinton, …") and a dateline ("WASHINGTON, Dec. 8 (UPI) — ") hold no subject, nor does a person named right after a
preposition ("took to Twitter to write:", "a spokesman for Bernie Sanders could only quip:"). A relative pronoun
right before the verb of an introducing clause is the speaker as written ("Mike Lee, who declared, “…”": "who",
resolved to Mike Lee; "the sign — which read “…”", "a message that said, “…”": unresolved). A name may stand after a
long title or before an affiliation or a partner ("former Pennsylvania Gov. and Democratic National Committee
Chairman Ed Rendell", "master of ceremonies Asab Al-Tabchi", "CrowdStrike co-founder Dmitri Alperovitch", "Jeffrey
Lewis of the James Martin Center …", "David Albright and Serena Kelleher-Vergantini of the Institute …"); a phrase
opening with a preposition is no title ("“…” for Clinton, said Kunin": Kunin). A headline clause before a colon is
said by its subject ("Sarah Silverman heckles Sanders supporters: ‘…’"). A quotation does not continue the previous
quote of its paragraph when a sentence between them has another named person as its subject ("“…,” said Jordan. But
Pelosi disagreed. “…”"); a floating quote goes to the subject of the first speech verb of the sentence before it that
has one (the main clause's). The subject of a passive speech verb did not say the words ("Trump was asked, “…”": no
speaker, or the agent of "by X"); a naming verb after the closing mark attributes nothing ("…,” a website linked to a
group called the “…”"); after a quotation introduced before it, a clause after the closing mark that ends with a comma
or colon right before the next quotation introduces that one ("When someone shouted, “Cruz,” Beck joked, “Amen!”"). A
short headline label opening its paragraph is the speaker as written ("WSJ editorial: ‘…’"), a [not_speaker_labels]
one is none ("Update: ‘…’"); a noun phrase with a possessive determiner ("Her campaign") may open a clause. Mentions in parentheses ("Kasich (R-OH)") and datelines
("WASHINGTON —") are never subjects. Speech verbs include phrasal ones ("points out", "shot back"; written with
underscores in speech_verbs.txt).

Speakers: ``speaker_text/start/end`` is the speaker as written (name, pronoun or role
noun). It resolves to a named entity (``speaker_entity_id``/``speaker_name`` from the
mentions' ``entity_id``/``entity_name``): a name directly; a pronoun (he/she) to the
subject (first PERSON mention outside quotes) of the nearest earlier sentence that has
one; a role noun ("the Kremlin spokesman", "the Russian leader") to the person whose
title in the article ("Kremlin spokesman Dmitry Peskov", "Peskov, the Kremlin
spokesman,") shares the role head and most modifiers, most recent first. An indefinite role
("one US official", "a senior official") is an anonymous source and stays unresolved, and so does
"the official" when the last such role introduced before it was anonymous. A pronoun skips
sentences whose subject is already that pronoun ("Later, he tried to call Putin" is no new
subject), and may resolve to a person the NER missed but the article names in apposition ("Huw
Dylan, a historian …", "The army commander-in-chief, Valerii Zaluzhnyi, …"; their surname then
counts as that person even where the model called it an organisation); "it"/"they" resolve only to an organisation that is the subject of a speech verb
nearby ("The FSB claimed that it …"), never to one person. "The company", "the operator", "the military" (heads in
quote_patterns.txt [organisation_roles]) resolve to the organisation opening the nearest earlier sentence opened by
one ("Boeing said …"); a role after the verb with a name in apposition is that name (", said the group's chair,
James Wallace"); a person's affiliation is not the speaker ("Zhelezniak of the Holos party said"). A capitalised pronoun after a quote
that ends its sentence ("…?” He told them there was …") opens the next sentence. A
nationality adjective (singular NORP: "Russian", "European") and a name in a photo credit
("Oleg Petrasiuk/Ukraine…", "Photo: …") are never speaker candidates.

``confidence``: explicit adjacent named speaker 0.95, role noun resolved 0.85, pronoun
resolved 0.8, continuation 0.75, previous sentence 0.65, previous paragraph 0.5,
unresolved speaker phrase 0.55, no speaker 0.2; partial x0.9, indirect x0.85,
unclosed quote x0.8.

Layout: ``spans.py`` (quotation marks), ``phrases.py`` (speaker word lists and phrase patterns),
``speakers.py`` (speaker candidates and resolution), ``site.py`` (where a quotation stands, direct vs partial),
``person_subjects.py`` (a sentence's person subject), ``unnamed_roles.py`` (roles introduced without a name),
``direct.py`` (one function per adjacent attribution pattern family of quoted text; ``after_quote.py`` the speaker
after the closing mark), ``labels.py`` (speaker labels
before a colon: ``name_colon``, transcript lines), ``floating.py`` (continuation and
floating quotes: the speaker from the context),
``indirect.py`` (reported speech: the pass over a sentence and the speech-verb patterns; ``indirect_cues.py`` the
object/evidence/belief/asked/referring cues, ``clauses.py`` where a reported clause ends), ``rows.py`` (rows, confidence), ``rules.py`` (rule
files), ``extract.py`` (``extract_quotes``, the steps in order).
"""
from __future__ import annotations

from tasks.quotes.extract import INDIRECT, SCARE_QUOTES, extract_quotes
from tasks.quotes.rows import CONF
from tasks.quotes.rules import (
           PERSON_LABELS,
           RULES_DIR,
           SPEAKER_LABELS,
           Rules,
           load_rules,
)
from tasks.quotes.spans import MAX_CHAIN_PARAGRAPHS, MAX_QUOTE_CHARS, find_quote_spans

__all__ = ["CONF", "INDIRECT", "MAX_CHAIN_PARAGRAPHS", "MAX_QUOTE_CHARS", "PERSON_LABELS", "RULES_DIR",
           "Rules", "SCARE_QUOTES", "SPEAKER_LABELS", "extract_quotes", "find_quote_spans", "load_rules"]
