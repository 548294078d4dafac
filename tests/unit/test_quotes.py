"""Quote extraction: every attribution pattern, quote-mark edge cases, pronouns and role nouns, floating and
continued quotes, partial and reported speech (hand-written cases; the seeds and real page structure are in
test_quotes_real_pages.py).

Hand-written cases use the real sentence splitter and mentions built by hand (tests/unit/quotes_cases.py), so
a case tests the quote rules, not the NER model.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.quotes import extract_quotes, find_quote_spans
from tasks.sentences import split_sentences
from tests.unit.quotes_cases import check_offsets, one, partial, run

# ------------------------------------------------------------------ attribution patterns

@pytest.mark.parametrize("body, fragment, speaker, pattern", [
    ('"We are ready to talk," Putin said on Monday.', "We are ready", "Vladimir Putin", "speaker_verb"),
    ("“We are ready to talk,” said Putin.", "We are ready", "Vladimir Putin", "verb_speaker"),
    ("“We value Washington’s efforts,” Peskov told reporters.", "We value", "Dmitry Peskov", "verb_object"),
    ("“The call was excellent,” Trump wrote in a post on Truth Social.", "The call was", "Donald Trump", "verb_in"),
    ("Putin said: “Russia will propose a memorandum.”", "Russia will propose", "Vladimir Putin", "colon_intro"),
    ("Trump added, “Let the process begin!”", "Let the process", "Donald Trump", "comma_intro"),
    ("“It was useful,” Dmitry Peskov, the Kremlin spokesman, said.", "It was useful", "Dmitry Peskov", "appositive"),
    ("According to TASS, “the sides agreed on a memorandum.”", "the sides agreed", "TASS", "according_to"),
])
def test_attribution_patterns(body, fragment, speaker, pattern):
    qs = run(body)
    check_offsets(body, qs)
    q = one(qs, fragment)
    assert q["speaker_name"] == speaker
    assert q["pattern"] == pattern
    assert q["kind"] == "direct"
    assert q["confidence"] >= 0.9


@pytest.mark.parametrize("body, fragment, speaker_text, speaker, pattern", [
    # lowercase descriptors before the name are its title
    ("“We are ready,” said White House election law expert Karoline Leavitt.", "We are ready", "Karoline Leavitt", "Karoline Leavitt", "verb_speaker"),
    # phrasal speech verb
    ("“Go back to Moscow,” Trump shot back.", "Go back", "Trump", "Donald Trump", "speaker_verb"),
    # the subject is the last comma segment when the first is no speaker
    ("“It is over,” the dawn of a new era, Putin says.", "It is over", "Putin", "Vladimir Putin", "speaker_verb"),
    # an intervening phrase before ", said X"
    ("“We are happy” about the decision, said Dmitry Peskov.", "We are happy", "Dmitry Peskov", "Dmitry Peskov", "verb_speaker"),
    # a noun phrase subject right before the verb (not an earlier name)
    ("When Trump spoke, a man in the crowd yelled “Stay there!”", "Stay there", "a man in the crowd", None, "verb_intro"),
    ("Vance released an ad. The ad says “nothing will change.”", "nothing will change", "The ad", None, "verb_intro"),
    # first person: kept as written, never resolved to someone else
    ("Peskov looked at me. “I am not shy,” I said.", "I am not shy", "I", None, "speaker_verb"),
    # gerund after a quote: the subject of the clause, not the object
    ("Trump told TASS that Putin “was tough,” adding, “He is a strong leader.”", "He is a strong", "Trump", "Donald Trump", "comma_intro"),
    # headline "X on Y: '…'"
    ("Leavitt on Putin’s Offer: ‘We Will Look At It’", "We Will Look", "Leavitt", "Karoline Leavitt", "name_colon"),
    # a dash-name before the colon beats the verb before the dash
    ("Analysts agree - Maria Zakharova: “The talks went well.”", "The talks went", "Maria Zakharova", "Maria Zakharova", "name_colon"),
    # a parenthesised place is never the subject
    ("On Monday Peskov (Moscow) said, “We will reply.”", "We will reply", "Peskov", "Dmitry Peskov", "comma_intro"),
    # the subject after a fronted subordinate clause introduces the floating quote, not the name inside the clause
    ("When Putin spoke in 2012, Trump released the following statement:\n\n“We stand with our friends.”", "We stand",
     "Trump", "Donald Trump", "previous_sentence"),
    # a possessive noun phrase opening the clause is the subject ("Ryan’s campaign …, telling reporters, “…”")
    ("Putin’s office shrugged off the comments, telling reporters, “Nothing has changed.”", "Nothing has changed",
     "Putin’s office", None, "comma_intro"),
    # "according to X" right after the closing mark (not the subject of the sentence before)
    ("Putin met Trump. “The sides agreed on a memorandum,” according to TASS.", "The sides agreed", "TASS", "TASS", "according_to"),
    ("Putin met Trump.\n\n“The sides agreed,” according to a court document filed on Monday.", "The sides agreed",
     "a court document", None, "according_to"),
])
def test_more_speaker_patterns(body, fragment, speaker_text, speaker, pattern):
    qs = run(body)
    check_offsets(body, qs)
    q = one(qs, fragment)
    assert (q["speaker_text"], q["speaker_name"], q["pattern"]) == (speaker_text, speaker, pattern)


def test_according_to_opening_the_next_sentence_is_not_the_source_of_the_quote():
    body = "Putin said both sides must seek “mutually satisfactory settlements.” According to TASS, Putin underscored it."
    q = partial(run(body), "mutually satisfactory")
    assert q["speaker_name"] == "Vladimir Putin" and q["pattern"] != "according_to"


@pytest.mark.parametrize("body, fragment", [
    # the period of an abbreviation ends no sentence: the quotation completes the clause
    ("His office put out a statement saying the U.S. “does not have the capacity to vet refugees.”", "does not have"),
    # "said that, “…”": the complementiser makes it a complement clause, as "said that “…”" is
    ("Putin said via email that, “Of course we will defend ourselves.”", "Of course"),
    # a speech-verb form after an article or adjective is a noun ("reports"), not the verb introducing the quote
    ("Putin wrote to TASS, calling the two lengthy investigative reports “inaccurate and misleading.”", "inaccurate"),
])
def test_embedded_quotation_is_partial(body, fragment):
    assert one([q for q in run(body) if q["kind"] != "indirect"], fragment)["kind"] == "partial"


def test_indirect_as_x_reported_and_mid_sentence_said():
    body = ("As TASS reported, the two sides agreed on a memorandum of peace terms. "
            "The talks were held in a calm mood, Peskov said, without giving details.")
    qs = [q for q in run(body) if q["kind"] == "indirect"]
    check_offsets(body, qs)
    a = one(qs, "the two sides agreed")
    assert (a["speaker_name"], a["pattern"]) == ("TASS", "indirect_as")
    b = one(qs, "The talks were held")
    assert b["speaker_name"] == "Dmitry Peskov" and "without" not in b["text"]


def test_told_object_then_clause_without_that():
    body = "Vance told reporters he would support the memorandum in its current form."
    q = one([q for q in run(body) if q["kind"] == "indirect"], "he would support")
    assert q["speaker_name"] == "JD Vance"


def test_cue_is_the_verb_as_written():
    body = "“We will see,” Trump told reporters."
    q = one(run(body), "We will see")
    assert q["cue"] == "told"
    assert q["speaker_text"] == "Trump"


def test_content_excludes_marks_and_trailing_comma():
    body = 'Leavitt spoke. "We are ready," she said.'
    q = one(run(body), "We are ready")
    assert q["text"] == "We are ready"
    assert body[q["start_char"] - 1] == '"'


# ------------------------------------------------------------------ pronouns and role nouns

def test_she_replied_resolves_to_the_subject_of_the_previous_sentence_not_the_last_name():
    body = ("White House press secretary Karoline Leavitt told the press corps that Trump wanted a ceasefire.\n\n"
            "Are sanctions still on the table, reporters asked. “I think everything’s on the table,” she replied.")
    q = one(run(body), "everything’s on the table")
    assert q["speaker_text"] == "she"
    assert q["speaker_name"] == "Karoline Leavitt"
    assert q["pattern"] == "speaker_verb"
    assert 0.7 <= q["confidence"] < 0.95


def test_pronoun_skips_names_inside_quotes():
    body = ("“I think President Putin does not know how to get out of the war,” Vance said.\n\n"
            "He added: “It takes two to tango.”")
    q = one(run(body), "two to tango")
    assert q["speaker_name"] == "JD Vance"


def test_role_noun_resolves_through_a_title_seen_earlier():
    body = ("Kremlin spokesman Dmitry Peskov spoke after the call. Trump later posted a message.\n\n"
            "“The conversation was important,” the Kremlin spokesman said.")
    q = one(run(body), "conversation was important")
    assert q["speaker_text"] == "the Kremlin spokesman"
    assert q["speaker_name"] == "Dmitry Peskov"
    assert q["confidence"] == pytest.approx(0.85)


def test_role_noun_leader_matches_a_president_by_its_modifier():
    body = ("Russian President Vladimir Putin and U.S. President Donald Trump spoke for two hours.\n\n"
            "“We are on the right track,” the Russian leader said.")
    q = one(run(body), "right track")
    assert q["speaker_name"] == "Vladimir Putin"


def test_role_noun_from_an_appositive():
    body = ("Maria Zakharova, the foreign ministry spokeswoman, briefed reporters. Trump was silent.\n\n"
            "“Nothing has been agreed,” the spokeswoman said.")
    q = one(run(body), "Nothing has been agreed")
    assert q["speaker_name"] == "Maria Zakharova"


def test_unresolved_role_keeps_the_text_without_entity():
    body = "“The talks will go on,” a senior official said."
    q = one(run(body), "talks will go on")
    assert q["speaker_text"] == "a senior official"
    assert q["speaker_entity_id"] is None
    assert q["confidence"] < 0.8


# ------------------------------------------------------------------ floating and continued quotes

def test_second_quote_in_paragraph_continues_the_speaker():
    body = "“The primary goal is peace,” Putin added. “We simply have to find the mechanisms.”"
    qs = run(body)
    q = one(qs, "find the mechanisms")
    assert q["speaker_name"] == "Vladimir Putin"
    assert q["pattern"] == "continuation"
    assert q["kind"] == "direct"


def test_floating_quote_after_an_introducing_sentence():
    body = ("Putin stated that Moscow will soon present a draft memorandum to Kiev:\n\n"
            "“Russia will propose and be ready to work with the Ukrainian side on a memorandum.”")
    q = one(run(body), "Russia will propose")
    assert q["speaker_name"] == "Vladimir Putin"
    assert q["pattern"] == "previous_sentence"
    assert q["confidence"] < 0.8


def test_multi_paragraph_quote_is_one_piece_per_paragraph_with_one_speaker():
    body = ("Trump wrote on his platform: “The tone and spirit of the conversation were excellent.\n\n"
            "“If it were not, I would say so now, rather than later.\n\n"
            "“The conditions will be negotiated between the two parties.”\n\n"
            "Putin later called the talks useful.")
    qs = [q for q in run(body) if q["kind"] == "direct"]
    assert [q["text"][:10] for q in qs] == ["The tone a", "If it were", "The condit"]
    assert {q["speaker_name"] for q in qs} == {"Donald Trump"}
    assert all("Putin" not in q["text"] for q in qs)


def test_attribution_after_the_last_paragraph_of_a_multi_paragraph_quote():
    body = ("“We have to stop the war first.\n\n"
            "“Everything else comes after that,” Peskov said.")
    qs = [q for q in run(body) if q["kind"] == "direct"]
    assert len(qs) == 2
    assert {q["speaker_name"] for q in qs} == {"Dmitry Peskov"}


# ------------------------------------------------------------------ quote marks

def test_nested_single_quotes_and_apostrophes_stay_inside():
    body = ("“And I think the president’s going to say to President Putin: ‘Look, are you serious? "
            "Are you real about this?’ It isn’t the ’90s any more,” Vance said.")
    qs = run(body)
    check_offsets(body, qs)
    assert len([q for q in qs if q["kind"] == "direct"]) == 1
    q = qs[0]
    assert q["text"].startswith("And I think") and q["text"].endswith("any more")
    assert q["speaker_name"] == "JD Vance"


def test_straight_quotes_with_nested_straight_single_quotes():
    body = "\"He told me 'we are done' and left,\" Trump said. It's the players' view."
    qs = [q for q in run(body) if q["kind"] == "direct"]
    assert len(qs) == 1 and qs[0]["text"] == "He told me 'we are done' and left"


def test_apostrophes_never_open_a_quote():
    body = "Trump said everything’s fine. The ’90s are over, isn’t it? The players’ union didn’t agree."
    assert [q for q in run(body) if q["kind"] != "indirect"] == []


def test_quote_spanning_several_sentences():
    body = "“It takes two to tango. The president is willing. Russia is not,” Vance said."
    q = one(run(body), "two to tango")
    assert q["text"] == "It takes two to tango. The president is willing. Russia is not"
    assert q["speaker_name"] == "JD Vance"


def test_unbalanced_marks_never_span_the_article():
    paras = ["Putin said: “We will win." ] + [f"Paragraph {i} talks about the war at length." for i in range(30)]
    body = "\n\n".join(paras)
    qs = run(body)
    check_offsets(body, qs)
    assert all(len(q["text"]) < 200 for q in qs)
    q = one(qs, "We will win")
    assert q["confidence"] < 0.95


def test_stray_closing_mark_is_ignored():
    body = "The talks ended.” Putin said the sides would meet again next week in Istanbul."
    qs = run(body)
    check_offsets(body, qs)
    assert all(q["kind"] == "indirect" for q in qs)


def test_headline_single_quotes_with_name_colon():
    body = "Kasich: ‘We Are Going To Go All The Way To Cleveland’\n\nThe governor spoke on Tuesday."
    mentions = [{"start_char": 0, "end_char": 6, "text": "Kasich", "label": "PERSON", "entity_id": "per:kasich",
                 "entity_name": "John Kasich"}]
    qs = extract_quotes({"article_id": "a", "body": body}, split_sentences(body), mentions)
    q = one(qs, "We Are Going")
    assert q["speaker_name"] == "John Kasich" and q["pattern"] == "name_colon"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("ab .,\n\"“”‘’'") + ["said", " Putin", "\n\n", ":", " he", " the spokesman"]),
                max_size=120))
def test_never_crashes_and_offsets_hold(pieces):
    body = "".join(pieces)
    qs = run(body)
    check_offsets(body, qs)
    assert len({q["quote_id"] for q in qs}) == len(qs)
    for r in find_quote_spans(body):
        assert r.start <= r.end


# ------------------------------------------------------------------ partial, scare and indirect quotes

def test_partial_quote_inside_reported_speech():
    body = "After the call, Putin said efforts were “generally on the right track” and that Moscow was ready."
    qs = run(body)
    p = one([q for q in qs if q["kind"] == "partial"], "generally on the right track")
    assert p["speaker_name"] == "Vladimir Putin" and p["pattern"] == "reported_speech"
    i = [q for q in qs if q["kind"] == "indirect"]
    assert len(i) == 1 and i[0]["text"].startswith("efforts were") and i[0]["speaker_name"] == "Vladimir Putin"


def test_scare_quotes_without_speech_verb_are_not_quotes():
    body = "The so-called “peace plan” was published on Monday by the ministry."
    assert [q for q in run(body) if q["kind"] != "indirect"] == []


def test_indirect_speech_with_that_clause():
    body = "Putin told Trump during the call that Moscow is willing to work with Kyiv on a memorandum."
    q = one(run(body), "Moscow is willing")
    assert q["kind"] == "indirect"
    assert q["text"] == "Moscow is willing to work with Kyiv on a memorandum"
    assert q["speaker_name"] == "Vladimir Putin" and q["cue"] == "told"


def test_indirect_speech_without_that():
    body = "Putin said Moscow was ready to work with Ukraine on a possible peace accord."
    q = one(run(body), "Moscow was ready")
    assert q["kind"] == "indirect" and q["speaker_name"] == "Vladimir Putin"
    assert q["pattern"] == "indirect_speaker_verb"


def test_according_to():
    body = "According to TASS, Putin and Trump spoke for more than two hours on Monday."
    q = one(run(body), "spoke for more than two hours")
    assert q["kind"] == "indirect" and q["pattern"] == "according_to" and q["speaker_name"] == "TASS"


def test_indirect_post_position():
    body = "The two sides will exchange a thousand prisoners each, Peskov said."
    q = one(run(body), "exchange a thousand prisoners")
    assert q["kind"] == "indirect" and q["speaker_name"] == "Dmitry Peskov" and q["pattern"] == "indirect_post"


def test_passive_said_is_not_reported_speech():
    body = "The summit is said to be planned for June in a neutral country."
    assert run(body) == []
