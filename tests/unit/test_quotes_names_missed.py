"""Speakers whose names the small model labels wrongly, on the layouts of tests/fixtures/crawls_heldout26-29
(written blind; 0.881, 0.885, 0.927 and 0.915 right when first measured), with hand-written sentences and the real
spaCy model: a person noun right before a name works as a title ("Chief financial officer Meenakshi Sundaresan"); a
company's officer after its name marks it an organisation ("McLaren team principal"); a given name of the wider list
before the model's one-word span is the person's ("Adolfo Reyes-Brannan"); an apposed "Another driver, X," is a
person; a pronoun's antecedent is looked for past a quotation sentence whose speaker is named in it, and a pronoun
inside a quotation does not count as the sentence's subject; a definite role subject ("the Welsh boss said") is who a
later "he" means; "the spokesperson" speaks for the organisation of the spokesperson introduced before ("a
spokesperson for the trade group", "A Harbour City Police spokeswoman"); "the barrister" is the one titled so."""
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


def _speaker(rows: list[dict], start: str) -> str | None:
    found = [q for q in rows if q["text"].startswith(start)]
    assert len(found) == 1, [q["text"] for q in rows]
    return found[0]["speaker_name"]


def test_a_person_noun_before_a_name_makes_it_a_person(run):
    rows = run("A spokesperson for the Ministry of Heavy Industries said the application was being examined.\n\n"
               "Chief financial officer Meenakshi Sundaresan said the plant would be funded from cash. "
               "\u201cWe have the headroom to do this without new shares,\u201d she said on a call.")
    assert _speaker(rows, "We have the headroom") == "Meenakshi Sundaresan"


def test_a_company_officer_after_its_name_marks_an_organisation(run):
    rows = run("Haldane finished second in the title race.\n\n"
               "McLaren team principal Rupert Fairclough-Dunn missed the race after surgery, and the team was led "
               "by deputy Hannah Corliss-Webb.\n\n"
               "\u201cCallum drove one of the best races of his life,\u201d she said.")
    assert _speaker(rows, "Callum drove") == "Hannah Corliss-Webb"


def test_a_wider_given_name_before_the_models_surname_span_is_the_persons(run):
    rows = run("Adolfo Reyes-Brannan, a former city investigator who now works with the advocacy group Vendedores "
               "Unidos, said the agency had long been caught in the middle.\n\n"
               "\u201cNobody signs up for that,\u201d Reyes-Brannan said. \u201cBut somebody has to go out.\u201d\n\n"
               "He said the lower fee could help.\n\n"
               "\u201cIt is a third of the problem,\u201d he said.")
    assert _speaker(rows, "Nobody signs up") == "Adolfo Reyes-Brannan"
    assert _speaker(rows, "It is a third") == "Adolfo Reyes-Brannan"


def test_an_apposed_driver_is_a_person_and_the_outlet_she_told_is_not(run):
    rows = run("Drivers describe watching the water rise.\n\n"
               "Another driver, Tamar Shalev-Okonkwo, tells Ynet she climbed onto the roof of her car. "
               "\u201cI left the car there. I just walked,\u201d she says.")
    assert _speaker(rows, "I left the car") == "Tamar Shalev-Okonkwo"


def test_a_pronoun_inside_a_quotation_is_no_subject_for_the_next_she(run):
    rows = run("Fiona Kerrigan, who chairs the parent council, said pupils had been moved twice.\n\n"
               "\"The staff are brilliant, they make it work,\" she told The Herald. \"My daughter came home upset.\"\n\n"
               "She added: \"Nobody can tell us when.\"")
    assert _speaker(rows, "Nobody can tell us") == "Fiona Kerrigan"


def test_a_definite_role_subject_is_who_a_later_he_means(run):
    rows = run("Wales head coach Gethin Vaughan-Roberts said his side had paid for a poor start.\n\n"
               "Asked about the penalty, the Welsh boss said he would \u201chave a look at it\u201d before commenting.\n\n"
               "\u201cFrom where I was sitting it looked like a fair call,\u201d he added.")
    assert _speaker(rows, "From where I was sitting") == "Gethin Vaughan-Roberts"
    assert _speaker(rows, "have a look at it") == "Gethin Vaughan-Roberts"


def test_a_role_subject_with_a_name_in_apposition_is_that_person(run):
    rows = run("The chairman of the Cashew Growers Association in Mtwara, Mr Salum Mkwawa-Juma, said prices had "
               "halved.\n\n"
               "\u201cWe have never seen it this bad,\u201d he said.")
    assert _speaker(rows, "We have never seen") == "Salum Mkwawa-Juma"


def test_the_spokesperson_speaks_for_the_organisation_of_the_one_introduced_before(run):
    rows = run("The Brightwater Retail Alliance opposes the bill. A spokesperson for the trade group said shops "
               "already publish their policies.\n\n"
               "\"Mandates from the capital would raise costs for every shopper,\" the spokesperson said.\n\n"
               "A Harbour City Police spokeswoman said extra officers had been rostered.\n\n"
               "\u201cViolence in the precinct will not be tolerated,\u201d the spokeswoman said.\n\n"
               "In a statement, Glenmore Coaches said it had tried every option.\n\n"
               "\"We are a small family business,\" a spokesperson for the company said.")
    assert _speaker(rows, "Mandates from the capital") == "Brightwater Retail Alliance"
    assert _speaker(rows, "Violence in the precinct") == "Harbour City Police"
    assert _speaker(rows, "We are a small family") == "Glenmore Coaches"


def test_the_barrister_is_the_person_titled_barrister(run):
    rows = run("Prosecutor Niamh Keogh-Brennan said the defendant had driven at two officers.\n\n"
               "Defence barrister Ciar\u00e1n \u00d3 Donnabh\u00e1in said his client accepted he had a poor record.\n\n"
               "\u201cThe road was wet and he panicked,\u201d the barrister said.")
    assert _speaker(rows, "The road was wet") == "Ciar\u00e1n \u00d3 Donnabh\u00e1in"


def test_a_name_after_a_title_the_model_missed_is_a_person(run):
    rows = run("Back in the village, Bramwell said residents were tired of promises.\n\n"
               "His neighbour, retired teacher Hyacinth Ebanks-Morrison, said the water had brought mosquitoes.\n\n"
               "\"The clinic already seeing people with fever,\" she said.\n\n"
               "Aurora Governor Bienvenido Ta\u00f1edo-Angara said landslides had cut off the main road.\n\n"
               "\u201cWe need heavy equipment and we need it now,\u201d he said in a radio interview.")
    assert _speaker(rows, "The clinic already") == "Hyacinth Ebanks-Morrison"
    assert _speaker(rows, "We need heavy") == "Bienvenido Ta\u00f1edo-Angara"


def test_a_title_before_an_organisation_name_makes_no_person(nlp):
    from tasks.entities import extract_mentions as em
    body = "Arsenal top the Premier League Club rankings, and President Hotel Group bought it."
    art = {"article_id": "a", "body": body}
    ms = em(nlp, [art], {"a": split_sentences(body)})["a"]
    assert not [m for m in ms if m["label"] == "PERSON" and m["text"] in ("League Club", "Hotel Group")]


def test_a_nationality_noun_is_the_person_just_written_about(run):
    rows = run("Callum Haldane finished second after a late safety car.\n\n"
               "The Scot, who won six races this season, said he had \u201cno regrets\u201d about the campaign.\n\n"
               "Ferrari team principal \u00c9tienne Mercier-Vautrin said the team had trusted its driver.\n\n"
               "\u201cIt was a difficult call,\u201d the Frenchman said.")
    assert _speaker(rows, "no regrets") == "Callum Haldane"
    assert _speaker(rows, "It was a difficult call") == "\u00c9tienne Mercier-Vautrin"


def test_names_the_model_misses_before_who_or_after_an_occupation_are_persons(run):
    rows = run("Residents fled as the fire spread.\n\n"
               "Priyanka Raghunathan, who moved to the area last spring, said they had signed up for alerts.\n\n"
               "\u201cThe alert came through at 3:12,\u201d she said.\n\n"
               "Fisherman Colm \u00d3 Flatharta said he had moved his boat into the harbour.\n\n"
               "\"I've never seen a sea like it,\" he said.\n\n"
               "Local publican Donal Fitzmaurice said trade had been hit hard.\n\n"
               "\"People don't want to come in for food,\" he told the paper.\n\n"
               "The regional chairman of the association, Nana Kwabena Owusu-Agyeman, said farmers had waited.\n\n"
               "\"We sell our beans and they tell us to come back next week,\" he said.")
    assert _speaker(rows, "The alert came") == "Priyanka Raghunathan"
    assert _speaker(rows, "I've never seen a sea") == "Colm \u00d3 Flatharta"
    assert _speaker(rows, "People don't want") == "Donal Fitzmaurice"
    assert "Owusu-Agyeman" in (_speaker(rows, "We sell our beans") or "")


def test_the_norwegian_said_is_the_person_just_written_about(run):
    rows = run("Stellan Voss-Henriksen blasted VAR after the late penalty.\n\n"
               "Voss-Henriksen, who was booked for his protests, did not hide his anger afterwards.\n\n"
               "The Norwegian said: \"I have watched it five times and I still don't see the handball.\"")
    assert _speaker(rows, "I have watched it") == "Stellan Voss-Henriksen"


def test_names_after_chained_short_titles_and_provinces_that_are_no_persons(run):
    rows = run("Acting Gauteng police commissioner Lt Gen Sipho van der Merwe-Khumalo visited the scene on Tuesday.\n\n"
               "\"These criminals planned this robbery carefully,\" he said.\n\n"
               "After the hearing, Det Con Rhiannon Szyma\u0144ska said: \"This was an entirely avoidable tragedy.\"")
    assert _speaker(rows, "These criminals") == "Sipho van der Merwe-Khumalo"
    assert _speaker(rows, "This was an entirely") == "Rhiannon Szyma\u0144ska"


def test_sport_roles_stand_for_the_person_titled_so(run):
    rows = run("Jockey Kieran Castleton-Webb rode a patient race on Bracken Hollow.\n\n"
               "\u201cHe\u2019s tough as old boots,\u201d said the rider.\n\n"
               "In the ninth, Yomiuri closer Daiki Morisawa gave up the winning run.\n\n"
               "\u201cThe pitch was where I wanted it,\u201d the closer said.")
    assert _speaker(rows, "He\u2019s tough") == "Kieran Castleton-Webb"
    assert _speaker(rows, "The pitch was") == "Daiki Morisawa"


def test_a_name_before_a_title_and_a_person_is_no_subject(run):
    rows = run("Earlier on the card, Castleton-Webb won the hurdle on Ravensgill for Hampshire trainer Philippa "
               "Oduya-Stanhope, who has saddled four winners from her last nine runners.\n\n"
               "\u201cThe yard is in cracking form,\u201d she said.")
    assert _speaker(rows, "The yard is in") == "Philippa Oduya-Stanhope"
