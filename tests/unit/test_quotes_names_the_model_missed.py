"""Speakers on the layouts of tests/fixtures/crawls_heldout82-89 (written blind; 0.894 right on their 1,025
quotations when first measured), with hand-written sentences and the real spaCy model: a person the model missed is
still found when an apposition names them ("Its CEO, Min-ji Seo,", "Marina, a literature teacher in Krasnodar,");
the outlet a person "told" is the listener, never the subject a pronoun stands for; a surname with a lower-case
particle ("al-Khatib says") is the person; "In a victim impact statement …, he said" makes "the statement" his;
"The Internet Freedom Foundation, which …, said in a statement" issued it though the model found no entity; a
capitalised office ("the Minister of State") is a role, not the place inside it."""
from __future__ import annotations

import pytest

from tasks.entities import extract_mentions
from tasks.quotes import extract_quotes
from tasks.sentences import split_sentences


@pytest.fixture(scope="module")
def run(nlp):
    def go(body: str) -> list[dict]:
        art = {"article_id": "a", "body": body}
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


def test_a_chief_executive_named_in_apposition_to_ceo(run):
    rows = run("Loomis, the Berlin-based company that makes a repairable phone, sold 310,000 devices last year.\n\n"
               "Its CEO, Ha-eun Bae, spent eleven years at Samsung before co-founding the company.\n\n"
               "\u201cThe carriers make money when you upgrade,\u201d she told me.")
    assert _who(_quote(rows, "The carriers")) == "Ha-eun Bae"


def test_one_given_name_in_apposition_and_the_outlet_told_is_the_listener(run):
    rows = run("Meduza is an independent news outlet. Readers help us keep working.\n\n"
               "Not every teacher we spoke to objected. Marina, a literature teacher in Krasnodar, said she believed "
               "most pupils were not influenced.\n\n"
               "\u201cTeenagers are not stupid,\u201d she said.\n\n"
               "Pavel, a young teacher in the Moscow region, told Meduza he tries to offer another view.\n\n"
               "\u201cI can talk about what happened to soldiers in the First World War,\u201d he said.")
    assert _who(_quote(rows, "Teenagers")) == "Marina"
    assert _who(_quote(rows, "I can talk")) == "Pavel"


def test_a_surname_with_a_lower_case_particle(run):
    rows = run("Abu Yazan al-Khatib crouches at the edge of what was, until last spring, a field of tomatoes. He picks up "
               "a handful of earth.\n\n"
               "\"My grandfather planted here,\" he says.\n\n"
               "The 61-year-old has farmed 40 dunams near Deir Alla, in the Jordan Valley, for most of his life.\n\n"
               "\"They gave us water for two days a week in the summer. Two days. You cannot grow tomatoes on two "
               "days,\" al-Khatib says.")
    assert _who(_quote(rows, "They gave us")) == "Abu Yazan al-Khatib"


def test_the_victim_statement_read_in_court_is_the_victims(run):
    rows = run("The court heard Mr Tevita Lolohea-Finau, a father of two, lost the sight in his left eye.\n\n"
               "In a victim impact statement read to the court, he said he had been unable to return to work.\n\n"
               "\"I used to drive for a living,\" the statement read.")
    assert _who(_quote(rows, "I used to drive")) == "Tevita Lolohea-Finau"


def test_an_organisation_opening_with_a_clause_about_it_issued_the_statement(run):
    rows = run("In a post on X, opposition leader Salem Kandaswamy wrote that the ruling was a mirror.\n\n"
               "The Internet Freedom Foundation, which had filed an intervention in the case, said in a statement that "
               "the verdict was welcome.\n\n"
               "\u201cWithout accountability we will be back in this court,\u201d the statement said.")
    assert _who(_quote(rows, "Without accountability")) == "Internet Freedom Foundation"


@pytest.mark.parametrize("office", ["the Minister of State", "the Secretary of State"])
def test_a_capitalised_office_is_a_role_not_the_place_inside_it(run, office):
    rows = run("Nurses at the hospital voted for strike action on Monday.\n\n"
               f"\u201cNobody wants to see industrial action in a hospital under such strain,\u201d {office} said.")
    assert _who(_quote(rows, "Nobody wants")) != "State"


def test_an_organisation_with_an_acronym_opening_its_sentence_is_the_agency(run):
    rows = run("3:45pm\n\nSH35 closed, no detours available\n\n"
               "NZTA Waka Kotahi has closed State Highway 35 between Gisborne and Tokomaru Bay because of slips.\n\n"
               "\"There is no detour available tonight,\" the agency said in a statement.")
    assert _who(_quote(rows, "There is no detour")) == "NZTA Waka Kotahi"


def test_an_association_whose_name_begins_with_a_place_the_model_took_for_a_person(run):
    rows = run("The MCD has given basement reading rooms 72 hours to shift their students.\n\n"
               "The Mukherjee Nagar Library Owners' Association said in a statement that its members would cooperate "
               "fully with the MCD.\n\n"
               "\"Seventy-two hours is not enough to shift hundreds of students,\" the association said.")
    assert _who(_quote(rows, "Seventy-two hours")) == "Mukherjee Nagar Library Owners' Association"


def test_the_first_part_of_a_double_surname_is_the_person(run):
    rows = run("Iñigo Larrañaga-Bidegain was furious that the free kick was awarded at all.\n\n"
               "Larrañaga added that the added time had been \u201cmuch too long\u201d given the few stoppages.")
    partial = [q for q in rows if q["text"].startswith("much too long")]
    assert partial and _who(partial[0]) == "Iñigo Larrañaga-Bidegain"


def test_the_library_is_the_library_named_before(run):
    rows = run("The New York Public Library will close its Mott Haven annex in March.\n\n"
               "In a statement, the library said it was committed to serving every neighborhood.\n\n"
               "\u201cNo one is losing library service,\u201d the statement said.")
    assert _who(_quote(rows, "No one is losing")) == "New York Public Library"


def test_the_outlet_reaching_a_company_does_not_speak_for_it(run):
    rows = run("Keystone Pipeline Services said it was cooperating fully with state authorities.\n\n"
               "NPR reached Keystone by phone on Tuesday.\n\n"
               "\"We are reviewing the claims process with our insurer,\" the company said.")
    assert _who(_quote(rows, "We are reviewing")) != "NPR"
