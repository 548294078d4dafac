"""Speakers on the layouts of tests/fixtures/crawls_heldout74-81 (written blind; 0.913 right on their 1,027
quotations when first measured), with hand-written sentences and the real spaCy model: a definite noun phrase that
describes a person ("the welder", "the second-year forward", "the 31-year-old") after a quotation is the person just
written about, also when the sentence between is opened by "He" or belongs to the quotation; an anonymous subject
with two clauses stays anonymous; an organisation the model missed, opening a sentence before its speech verb,
speaks through "a spokesperson"; "the ministry" is the ministry that is the subject, "the group" the name right
after "group", and "an IOM spokesperson in Dakar" speaks for IOM."""
from __future__ import annotations

import pytest

from tasks.entities import extract_mentions
from tasks.quotes import extract_quotes
from tasks.sentences import split_sentences


@pytest.fixture(scope="module")
def run(nlp):
    def go(body: str, **fields) -> list[dict]:
        art = {"article_id": "a", "body": body, **fields}
        sents = split_sentences(body)
        mentions = extract_mentions(nlp, [art], {"a": sents})["a"]
        return extract_quotes(art, sents, mentions)
    return go


def _quote(rows: list[dict], start: str) -> dict:
    found = [q for q in rows if q["text"].startswith(start) and q["kind"] == "direct"]
    assert len(found) == 1, [(q["text"], q["kind"]) for q in rows]
    return found[0]


def _who(q: dict) -> str | None:
    return q["speaker_name"] or q["speaker_text"]


@pytest.mark.parametrize("epithet", ["the welder", "the second-year forward", "the pro dancer"])
def test_a_lower_case_epithet_is_the_person_just_written_about(run, epithet):
    rows = run("The yard's owner said on Monday that the site would close in March.\n\n"
               "Outside the gates, Tomasz Wielgosz-Rahman was unimpressed by the announcement.\n\n"
               f"\u201cThey decide in an office and we lose our jobs out here,\u201d {epithet} said.")
    assert _who(_quote(rows, "They decide")) == "Tomasz Wielgosz-Rahman"


def test_an_age_after_a_pronoun_sentence_and_a_long_quotation(run):
    rows = run("Quarterback Dontrell Ashby-Nwosu threw for 310 yards and three touchdowns.\n\n"
               "\"We have lost games like this all year,\" Ashby-Nwosu said. \"Tonight we closed it out. "
               "That is the difference.\"\n\n"
               "He praised his offensive line, which had not allowed a sack after halftime.\n\n"
               "\"Those guys were angry at the break,\" the 31-year-old said.")
    assert _who(_quote(rows, "Those guys")) == "Dontrell Ashby-Nwosu"


def test_a_possessive_epithet_is_someone_else(run):
    rows = run("Jamie Ferncombe, 17, was hurt when the bus left the road near Hexham.\n\n"
               "\u201cHe has not been the same since,\u201d the teenager's mother said.")
    assert _who(_quote(rows, "He has not been")) != "Jamie Ferncombe"


def test_an_anonymous_subject_with_two_clauses_stays_anonymous(run):
    rows = run("Mayor Leticia Arancibia-Holt said the city had already changed its permit rules.\n\n"
               "\"It is a painful day for our city,\" she said.\n\n"
               "A longtime resident who sat through most of the trial, and who asked not to be named because she "
               "works for a firm with a city contract, said the verdict was no surprise.\n\n"
               "\"Everybody knew. Now it is official,\" she said.")
    assert _who(_quote(rows, "Everybody knew")) != "Leticia Arancibia-Holt"


def test_an_organisation_the_model_missed_speaks_through_a_spokesperson(run):
    rows = run("15:20\n\nWinds of 80mph were recorded on the coast overnight.\n\n"
               "Western Isles Grid Distribution says around 40,000 of its customers remain without power.\n\n"
               "\u201cOur engineers will not climb poles while the gusts are this strong,\u201d a spokesperson said.")
    assert _who(_quote(rows, "Our engineers")) == "Western Isles Grid Distribution"


def test_the_ministry_is_the_ministry_that_is_the_subject(run):
    rows = run("The Ministry of Interior, which runs the programme alongside the Ministry of Hajj and Umrah, said in "
               "a statement that it had served a million pilgrims.\n\n"
               "\"The programme reflects our commitment to the guests of the Kingdom,\" the ministry said.")
    assert _who(_quote(rows, "The programme reflects")) == "Ministry of Interior"


def test_the_group_is_the_name_after_group(run):
    rows = run("Workers at Chantiers du Vieux-Port gathered at the gate on Tuesday.\n\n"
               "The owner, the Genoa-based group Navarmare, says the yard has lost money for six years.\n\n"
               "\u201cThe overcapacity of the repair market leaves no room for this site,\u201d the group said.")
    assert _who(_quote(rows, "The overcapacity")) == "Navarmare"


def test_an_organisations_spokesperson_somewhere_speaks_for_it(run):
    rows = run("More than 40,000 people reached the islands by sea this year.\n\n"
               "\u201cThe route is one of the deadliest in the world,\u201d an IOM spokesperson in Dakar said.")
    assert _who(_quote(rows, "The route is")) == "IOM"


def test_an_organisation_word_with_its_name_in_apposition(run):
    rows = run("Ships waited to load at the river terminals on Tuesday.\n\n"
               "The oilseed crushers\u2019 chamber, CIARA-CEC, said in a statement that the demands were impossible.\n\n"
               "\u201cThe companies have offered an increase above inflation,\u201d the chamber said.")
    assert _who(_quote(rows, "The companies have")) == "CIARA-CEC"


@pytest.mark.parametrize("anonymous, pronoun", [
    ("A volunteer firefighter, who asked not to be named because his crew works with the county,", "he"),
    ("One A&E nurse in the north of England, who asked not to be named,", "she"),
])
def test_an_anonymous_person_noun_subject_is_who_the_pronoun_stands_for(run, anonymous, pronoun):
    rows = run("\"We would rather grow slowly and still be here in ten years,\" said Gideon Marsh-Oduya, who runs the "
               "hardware store.\n\n"
               f"{anonymous} said some residents resented the inspections.\n\n"
               f"\"People moved up here to be left alone,\" {pronoun} said.")
    assert _who(_quote(rows, "People moved")) != "Gideon Marsh-Oduya"


@pytest.mark.parametrize("epithet", ["the left-hander", "the 7-footer", "the former Ateneo star", "the mother-of-two"])
def test_hyphenated_and_capitalised_epithets_are_the_person_just_written_about(run, epithet):
    rows = run("Play resumed after lunch with the visitors on 2 for 140.\n\n"
               "Callum Hartigan-Lowe finished unbeaten on 112, his first century of the season.\n\n"
               f"\"I have been getting starts all season and getting out in the forties,\" {epithet} said.")
    assert _who(_quote(rows, "I have been getting")) == "Callum Hartigan-Lowe"


def test_the_undersecretary_is_the_undersecretary_named_before(run):
    rows = run("Agriculture Undersecretary Ramoncito Dela Paz-Ilagan said buyers would be limited to five kilos.\n\n"
               "Vendors at the market said the queues started before dawn.\n\n"
               "\"We have seen cases where people buy in bulk and sell it again,\" the undersecretary said.")
    assert "Dela Paz-Ilagan" in (_who(_quote(rows, "We have seen cases")) or "")   # (the model may cut the given name)


def test_she_is_never_the_outlet_itself(run):
    rows = run("Novaya Gazeta Europe spoke to teachers in three regions.\n\n"
               "\u201cWe received a target from the regional finance ministry,\u201d she said.", outlet="Novaya Gazeta")
    assert not (_who(_quote(rows, "We received")) or "").startswith("Novaya")


@pytest.mark.parametrize("anonymous", [
    "An energy analyst based in Muscat, who spoke on condition of anonymity because he advises government clients,",
    "In a statement read to the court by the prosecutor, the man, who cannot be named for legal reasons,",
])
def test_an_anonymous_person_somewhere_or_kept_unnamed_is_who_he_is(run, anonymous):
    rows = run("\"Construction starts next month,\" said Salim bin Hamad Al-Rawahi, the project's chief executive.\n\n"
               f"{anonymous} said the project would be watched closely.\n\n"
               "\"If this one arrives on time, the others will follow quickly,\" he said.")
    assert _who(_quote(rows, "If this one arrives")) != "Salim bin Hamad Al-Rawahi"
