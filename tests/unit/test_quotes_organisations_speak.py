"""Speakers on the layouts of tests/fixtures/crawls_heldout11 (written blind: 0.883 right when first measured), on
hand-written sentences of the same kinds with the real spaCy model: an unnamed spokesperson speaks for the
organisation named in or after the phrase; an acronym spelt out in parentheses is the same entity as the name; "the
authority" is the organisation whose name, or whose acronym's name, holds the word; a "he" inside a sentence opened by
"he" is that person; the speech verb of a partial quote is not an infinitive nor one inside the subject; "X, coordinator
of …" and "X said she" make X a person."""
from __future__ import annotations

import pytest

from tasks.entities import extract_mentions
from tasks.quotes import extract_quotes
from tasks.sentences import split_sentences


@pytest.fixture(scope="module")
def run(nlp):
    def go(body: str) -> tuple[list[dict], list[dict]]:
        art = {"article_id": "a", "body": body}
        sents = split_sentences(body)
        mentions = extract_mentions(nlp, [art], {"a": sents})["a"]
        return extract_quotes(art, sents, mentions), mentions
    return go


def _quote(rows: list[dict], start: str) -> dict:
    found = [q for q in rows if q["text"].startswith(start)]
    assert len(found) == 1, [q["text"] for q in rows]
    return found[0]


def test_an_unnamed_spokesperson_speaks_for_the_organisation(run):
    rows, _ = run("A Department for Transport spokesperson said: \u201cWe have already provided millions of pounds.\u201d\n\n"
                  "A spokesperson for Sierra Pacific Freight Lines declined to comment, but said in an emailed statement "
                  "that \"safety is and always has been our top priority.\"\n\n"
                  "Kremlin spokesman Dmitry Peskov spoke on Monday. \u201cWe will see,\u201d the Kremlin spokesman said.")
    assert _quote(rows, "We have already")["speaker_name"] == "Department for Transport"
    assert _quote(rows, "safety is")["speaker_name"] == "Sierra Pacific Freight Lines"
    assert _quote(rows, "We will see")["speaker_name"] == "Dmitry Peskov"      # a named spokesman stays the person


def test_an_acronym_spelt_out_is_the_same_entity_and_the_authority_is_found_through_it(run):
    rows, mentions = run(
        "Dubai: The Roads and Transport Authority (RTA) will add 300 electric school buses.\n\n"
        "The Knowledge and Human Development Authority (KHDA), which regulates private schools, said it supported "
        "the plans. \"Safe transport matters,\" the KHDA said in a statement.\n\n"
        "The RTA said the sensors would be upgraded.\n\n"
        "\"No child should ever be left on a bus,\" the authority said.")
    ids = {m["text"]: m["entity_id"] for m in mentions}
    assert ids["KHDA"] == ids["Knowledge and Human Development Authority"]
    assert _quote(rows, "Safe transport")["speaker_entity_id"] == ids["Knowledge and Human Development Authority"]
    assert _quote(rows, "No child")["speaker_entity_id"] == ids["RTA"]


def test_a_he_inside_a_sentence_opened_by_he_is_that_person(run):
    rows, _ = run("The company's chief executive, Hamdan Bin Shafar, said drivers would receive training.\n\n"
                  "He said the operator had tested two buses on routes in Mirdif and Al Warqa, with what he described "
                  "as \"very encouraging results\" in the heat.")
    assert (_quote(rows, "very encouraging")["speaker_name"] or "").endswith("Bin Shafar")


def test_the_speech_verb_of_a_partial_quote_is_no_infinitive_nor_inside_the_subject(run):
    rows, _ = run("Its chief executive, Stephen Larkworthy, said it was too early to put a figure on the losses but "
                  "the storm had come at \u201cthe worst possible time\u201d for growers.\n\n"
                  "The council said the new cracks were \u201cnot unexpected\u201d given the age of the bridge.")
    assert _quote(rows, "the worst possible")["speaker_name"] == "Stephen Larkworthy"
    assert _quote(rows, "not unexpected")["speaker_text"] == "The council"


def test_a_name_with_a_role_in_apposition_or_said_she_after_it_is_a_person(run):
    _, mentions = run("Supaporn Inthasorn, coordinator of the Chiang Mai Breathing Council, a civic network, said much "
                      "of the smoke came from burning fields.\n\n"
                      "Outside the courtroom, Frazier-Moss said she was pleased with the testimony.")
    labels = {m["text"]: m["label"] for m in mentions}
    assert labels["Supaporn Inthasorn"] == "PERSON" and labels["Frazier-Moss"] == "PERSON"


def test_a_councillor_with_ward_and_place_in_brackets_speaks_and_keeps_the_pronoun(run):
    rows, mentions = run(
        "Scarborough councillors said they were frustrated.\n\n"
        "\"Every time there's a closure, it's Scarborough that pays the price,\" Coun. Danielle Mahabir (Ward 24, "
        "Scarborough-Guildwood) told the board.\n\n"
        "Coun. Andrew Szabo (Ward 20, Scarborough Southwest), who sits on the TTC board, said he supported the "
        "project.\n\n"
        "\"I've been around long enough to see what happens,\" he said.\n\n"
        "In an emailed statement, a spokesperson for Mayor Teresa Valcourt said the upgrade was \"essential to "
        "keeping Line 2 safe.\"")
    assert _quote(rows, "Every time")["speaker_name"] == "Danielle Mahabir"
    assert _quote(rows, "I've been")["speaker_name"] == "Andrew Szabo"
    # an unnamed spokesperson for a person speaks for that person, as the hand-labelled pages have it
    # (crawls_heldout29 latimes, crawls_heldout219 sourcenm; test_quotes_session_fourteen "a spokesperson for the
    # minister"); the page this came from names the spokesperson later, and that name is its label
    assert _quote(rows, "essential to")["speaker_name"] == "Teresa Valcourt"
    assert "Coun" not in {m["text"] for m in mentions}


def test_the_spokesperson_is_the_organisation_of_the_spokesperson_introduced_before(run):
    rows, _ = run("Contacted by Times of Malta, a spokesperson for the Planning Authority said the board had taken its "
                  "decision carefully.\n\n"
                  "\"The board is an independent body,\" the spokesperson said.\n\n"
                  "The Depositors' Union, which organized the rally, said in a statement that parliament had failed.\n\n"
                  "\"Every delay means more depositors die,\" the group said.")
    assert (_quote(rows, "The board is")["speaker_name"] or "").endswith("Planning Authority")
    assert (_quote(rows, "Every delay")["speaker_name"] or "").endswith("Union")


def test_an_unnamed_relative_and_a_name_after_a_place_keep_their_pronouns(run):
    rows, _ = run("Nurses' union official Mary Walsh said the figures were alarming.\n\n"
                  "A patient's daughter, who did not want to be named, told the Irish Examiner that her mother had "
                  "spent 31 hours on a trolley.\n\n"
                  "\"She was in a corridor beside the toilets the whole night,\" she said.\n\n"
                  "Back on Aelfleda Terrace, Mrs Coverdale has begun packing up the house.\n\n"
                  "\"I'll miss the view more than anything,\" she said.")
    assert _quote(rows, "She was in")["speaker_name"] == "patient's daughter"
    assert (_quote(rows, "I'll miss")["speaker_name"] or "").endswith("Coverdale")


def test_a_missed_name_after_a_role_an_affiliation_with_a_descriptor_and_a_coordinated_verb(run):
    rows, _ = run("Senate Majority Leader Curtis Vandermolen has not committed to a date. A spokeswoman for "
                  "Vandermolen, Kelsey Arbogast, said the leader was \u201ctalking with members on all sides\u201d and "
                  "wanted the bill to pass.\n\n"
                  "Priya Holloway-Grant of the nonprofit Western Rivers Alliance called it \"a floor, not a ceiling\" "
                  "and said the cuts were too small.\n\n"
                  "The Hokkaido Federation of Fisheries Cooperative Associations said in a statement that it "
                  "\"strongly opposes\" the survey and warned of damage to exports.")
    assert _quote(rows, "talking with")["speaker_text"] == "Kelsey Arbogast"
    assert (_quote(rows, "a floor")["speaker_name"] or "").endswith("Holloway-Grant")
    assert _quote(rows, "strongly opposes")["speaker_text"] != "the survey and"
