"""Speakers on the layouts of tests/fixtures/crawls_heldout15/16 (written blind: 0.810 and 0.887 right when first
measured), on hand-written sentences of the same kinds with the real spaCy model: an unnamed spokesperson of an
organisation the model found no entity for speaks for it (also through "she said" later); a kinship word before a name
tells the person's gender, and a possessor's title is not the person's; a surname with a particle ("Ó Duibhir") or
a hyphen is the person named before; a fronted prepositional phrase is no subject."""
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
    found = [q for q in rows if q["text"].startswith(start)]
    assert len(found) == 1, [q["text"] for q in rows]
    return found[0]


def test_an_unnamed_spokesperson_of_an_organisation_without_an_entity_speaks_for_it(run):
    rows = run("Thousands of homes are without power.\n\n"
               "An Energex spokeswoman said crews would work through the night.\n\n"
               "\u201cWe ask people to treat every fallen line as live,\u201d she said.\n\n"
               "A Brisbane Airport Corporation spokesman said: \u201cSafety comes first.\u201d")
    assert _quote(rows, "We ask people")["speaker_name"] == "Energex"
    assert _quote(rows, "Safety comes first")["speaker_name"] == "Brisbane Airport Corporation"


def test_a_nationality_adjective_before_spokesman_is_no_organisation(run):
    rows = run("Talks resumed on Monday.\n\nA Russian spokesman said: \u201cWe are ready to talk.\u201d")
    assert _quote(rows, "We are ready")["speaker_name"] != "Russian"


def test_a_widow_named_after_her_husbands_title_is_a_woman(run):
    rows = run("Gareth Pennock, 41, was driving his pick-up when he ploughed into retired teacher Malcolm Thewlis, 67.\n\n"
               "In a statement read to the court, Mr Thewlis's widow Pauline said her life had been shattered.\n\n"
               "\u201cMalcolm was the kindest man I have ever known,\u201d she said.")
    assert _quote(rows, "Malcolm was the kindest")["speaker_name"] == "Pauline"


def test_a_relative_clause_after_a_name_is_no_title(run):
    rows = run("Dylan Tay, a senior fellow at a university in Singapore, said Beijing was testing the waters.\n\n"
               "Lorna Bautista, whose son has been stationed on the ship since March, said she had not reached him.\n\n"
               "\u201cI only want to hear his voice,\u201d she said.")
    assert _quote(rows, "I only want")["speaker_name"] == "Lorna Bautista"


def test_a_surname_with_a_particle_is_the_person_named_before(run):
    rows = run("Speaking in the D\u00e1il, Minister Cathal \u00d3 Duibhir said the Government would consider rent controls.\n\n"
               "\u201cI am not going to pretend that the system we have is perfect,\u201d \u00d3 Duibhir told TDs.\n\n"
               "Sinn F\u00e9in housing spokesperson Siobh\u00e1n Nic Ruair\u00ed said the figures were damning.\n\n"
               "\u201cMinister, you have had years to fix this,\u201d Nic Ruair\u00ed said.\n\n"
               "\u00d3 Duibhir hit back in the chamber.\n\n"
               "\u201cDeputy, the figures speak for themselves,\u201d he said.")
    assert _quote(rows, "I am not going")["speaker_name"] == "Cathal \u00d3 Duibhir"
    assert _quote(rows, "Minister, you have")["speaker_name"] == "Siobh\u00e1n Nic Ruair\u00ed"
    assert _quote(rows, "Deputy, the figures")["speaker_name"] == "Cathal \u00d3 Duibhir"


def test_a_fronted_prepositional_phrase_is_no_subject(run):
    rows = run("Alongside BLM calls for action, even a top GOP strategist said Clinton will have to choose, saying, "
               "\u201cAt some point, she is going to have to come out on where she stands.\u201d")
    q = _quote(rows, "At some point")
    assert q["speaker_text"] == "a top GOP strategist" and q["speaker_name"] is None, q     # an anonymous source


def test_a_name_after_a_short_title_is_a_person_the_model_missed(run):
    rows = run("Councillors voted six to three on Tuesday night.\n\n"
               "Mayor Cr Lachlan Petrakis, who voted for the fees last year, said the council had got it wrong.\n\n"
               "Cr Siobhan O\u2019Driscoll-Hay, who voted against the motion, said the council was giving up revenue.\n\n"
               "Petrakis rejected suggestions the council had caved. \u201cThis isn\u2019t a backflip,\u201d he said.")
    assert _quote(rows, "This isn")["speaker_name"] == "Lachlan Petrakis"


def test_a_name_before_another_subject_of_said_gets_no_gender_from_it(run):
    """"read to the court by Crown prosecutor Elliot Marchbank, she said she …": "she" is the victim, so nothing
    tells Marchbank's gender, and "he" later is him."""
    rows = run("Darren Kowalczyk-Moss, 52, pleaded guilty to fraud. In a statement read to the court by Crown "
               "prosecutor Elliot Marchbank, she said she had been left unable to use her own shower.\n\n"
               "Marchbank had asked for a sentence of two years, arguing that the offences were planned.\n\n"
               "\u201cThis was not a business that simply ran into trouble,\u201d he told the court.")
    assert _quote(rows, "This was not")["speaker_name"] == "Elliot Marchbank"


def test_the_nationality_noun_stands_for_the_person_just_written_about(run):
    rows = run("Rafael Ocampo-Lugo shot a 66 to move within three of the lead. He birdied four of the last six holes.\n\n"
               "\"I have won from further back than this,\" the Mexican said.\n\n"
               "The Italian government said on Monday that talks would resume.")
    assert _quote(rows, "I have won")["speaker_name"] == "Rafael Ocampo-Lugo"
    assert all(q["speaker_name"] is None for q in rows if q["text"].startswith("talks"))


def test_an_organisation_role_before_spokesperson_is_the_organisation_named_before(run):
    rows = run("Southern Health and Social Care Trust said its emergency department was full.\n\n"
               "A trust spokeswoman said: \"Our emergency department has seen unprecedented demand.\"\n\n"
               "Lincolnshire Police said the case should act as a warning. In a statement, the force said: "
               "\"Our thoughts remain with the family.\"")
    assert _quote(rows, "Our emergency")["speaker_name"] == "Southern Health and Social Care Trust"
    assert _quote(rows, "Our thoughts")["speaker_name"] == "Lincolnshire Police"


def test_a_spokesperson_named_in_apposition_is_the_person_a_pronoun_stands_for(run):
    rows = run("A spokesperson for the CBN, Mrs Hadiza Garba-Yusuf, said the bank had consulted widely.\n\n"
               "\u201cThe apex bank engaged with stakeholders for over six months,\u201d she said in a statement.")
    assert _quote(rows, "The apex bank")["speaker_name"] == "Hadiza Garba-Yusuf"


def test_the_capitalised_office_the_model_took_for_a_name_is_the_role(run):
    rows = run("NSW Premier Anthony Delacroix-Morgan has thanked SES volunteers working through the storms.\n\n"
               "\"To every volunteer out there tonight, thank you,\" the Premier said in a post on social media.")
    assert _quote(rows, "To every volunteer")["speaker_name"] == "Anthony Delacroix-Morgan"


def test_a_statement_by_a_named_officer_is_hers_and_according_to_him_is_the_person_before(run):
    rows = run("But NNPC Limited, in a statement by its Chief Corporate Communications Officer, Mrs. Adaeze "
               "Okonkwo-Bello, insisted that there was sufficient supply of petrol.\n\n"
               "The statement read in part: \"NNPC Ltd wishes to assure Nigerians that there is adequate supply.\"\n\n"
               "The marketers disagreed. Their chairman, Olumide Fashola-Kehinde, blamed the exchange rate.\n\n"
               "According to him, \"The issue is the cost of importation.\"")
    assert _quote(rows, "NNPC Ltd wishes")["speaker_name"] == "Adaeze Okonkwo-Bello"
    assert _quote(rows, "The issue is")["speaker_name"] == "Olumide Fashola-Kehinde"


def test_a_double_barrelled_surname_cut_at_its_hyphen_is_the_whole_name(run, nlp):
    body = ("In the village of Blatten, municipal president Reto Imboden-Kalbermatter said residents watched closely.\n\n"
            "\u201cEvery summer we look up at the mountain,\u201d Imboden-Kalbermatter told SWI swissinfo.ch.")
    assert _quote(run(body), "Every summer")["speaker_name"] == "Reto Imboden-Kalbermatter"
    art = {"article_id": "a", "body": body}
    names = {m["text"] for m in extract_mentions(nlp, [art], {"a": split_sentences(body)})["a"]}
    assert "Imboden" not in names and "Reto Imboden" not in names, names


def test_a_name_opening_a_title_is_the_affiliation_not_the_subject(run):
    rows = run("Wall Street was not convinced.\n\nBernstein analyst Siobhan O\u2019Hare-Mensah cut her price target, "
               "writing in a note to clients that the forecast raised \u201creal questions about visibility.\u201d")
    assert {q["speaker_name"] for q in rows} == {"Siobhan O\u2019Hare-Mensah"}, rows


def test_a_surname_is_propagated_when_the_names_own_evidence_makes_it_a_person(run):
    """The model calls "Kenji Morioka" an organisation here; the given name votes for a person, so the later
    "Morioka" are mentions of him and a "he" after them is him, not the chain "Lawson"."""
    rows = run("\"The 24-hour store is reaching its limit,\" Lawson executive officer Kenji Morioka said in Tokyo.\n\n"
               "Morioka said that some stores in Hokkaido had cut opening hours.\n\n"
               "For Lawson, the bigger goal is to keep stores open. Morioka pointed to a trial in Akita prefecture.\n\n"
               "\"If the store disappears, the town loses its last place to buy food,\" he said.")
    assert _quote(rows, "If the store")["speaker_name"] == "Kenji Morioka"


def test_an_award_is_no_person(run):
    rows = run("Omkar Parab took five for 48 as Mumbai won.\n\n"
               "\"That ball was the best I have bowled,\" Parab, who was named Player of the Match, said.\n\n"
               "He credited the spin coach, Vinayak Sawant, for a change in his run-up. "
               "\"Sawant sir made me shorten my run-up,\" he said.")
    assert _quote(rows, "Sawant sir")["speaker_name"].endswith("Parab")      # not "Player"


def test_a_member_of_parliament_is_named_after_the_letters_before_the_name(run):
    rows = run("Labour TD Declan Featherstone asked the minister whether he would commit to a ban.\n\n"
               "Speaking to The Journal after the debate, Featherstone said he was not reassured.\n\n"
               "\u201cWe\u2019ve been told the Attorney General is looking at it,\u201d he said.")
    assert _quote(rows, "We\u2019ve been told")["speaker_name"] == "Declan Featherstone"


def test_a_titled_inner_name_is_the_person_with_a_family_name_first(run):
    rows = run("Ng\u2019s lawyer, Mr Joshua Teo Wei Ming of Teo & Partners, asked for a sentence of ten months.\n\n"
               "\u201cShe is not a person who set out to enrich herself,\u201d Mr Teo said.")
    assert _quote(rows, "She is not")["speaker_name"] == "Joshua Teo Wei Ming"


def test_the_spokesman_after_a_council_spokesman_speaks_for_the_council(run):
    rows = run("Dunedin City Council will close Moana Pool for repairs next year.\n\n"
               "A council spokesman said afterwards staff would look at whether buses could be provided.\n\n"
               "\"We are aware of the concerns,\" the spokesman said.")
    assert _quote(rows, "We are aware")["speaker_name"] == "Dunedin City Council"


def test_an_organisation_cue_before_a_comma_does_not_make_the_next_name_an_organisation(run):
    rows = run("Hospitals across France are short of nurses this winter.\n\n"
               "The union was unimpressed. \"We have heard these promises every winter,\" its president, Yannick "
               "Boutaleb, said in a statement.\n\n"
               "On the union side, Boutaleb was sceptical of any plan drawn up in a hurry. \"A plan in a week,\" he "
               "said, \"is a plan for the press.\"")
    assert _quote(rows, "A plan in a week")["speaker_name"] == "Yannick Boutaleb"


def test_a_place_after_in_is_where_the_speaker_is_not_who(run):
    rows = run("Talks resumed in Ottawa.\n\nA spokesperson for the Canadian Embassy in Washington said in a statement "
               "that the two sides had \u201cmade progress on a number of technical issues\u201d.\n\n"
               "Bus users stayed away. One woman in Macon told me, \u201cI care about the bus routes.\u201d")
    assert _quote(rows, "made progress")["speaker_name"] == "Canadian Embassy"
    assert _quote(rows, "I care about")["speaker_text"] == "One woman in Macon"


def test_a_name_before_a_numbered_office_and_an_infinitive_speak_for_no_one(run):
    rows = run("Vendors were moved on Monday.\n\nHarare ward 7 councillor Simbarashe Gwatidzo, whose ward covers part "
               "of the CBD, said he was sympathetic but that \u201cthe status quo is not sustainable\u201d.\n\n"
               "Capt. Raghavendra Iyengar, a Mumbai-based shipping consultant, said exporters should expect elevated "
               "rates to continue \u201cwell into the next financial year\u201d.")
    assert _quote(rows, "the status quo")["speaker_name"] == "Simbarashe Gwatidzo"
    assert _quote(rows, "well into")["speaker_name"] == "Raghavendra Iyengar"


def test_a_name_after_a_long_title_the_model_took_for_a_work_is_a_person(run):
    rows = run("Nickel prices fell again on Monday.\n\n\"We are not going to keep digging just to sell at a loss,\" Deputy "
               "Energy and Mineral Resources Minister Rahmat Setiawan-Hakim told reporters in Jakarta.\n\n"
               "Setiawan-Hakim dismissed suggestions of price manipulation. \"Nothing is decided,\" he said.")
    assert _quote(rows, "We are not going")["speaker_name"] == "Rahmat Setiawan-Hakim"
    assert _quote(rows, "Nothing is decided")["speaker_name"] == "Rahmat Setiawan-Hakim"


def test_kinship_words_in_the_rest_of_the_sentence_tell_no_gender(run):
    rows = run("Police said four masked men smashed display cases. \"They knew exactly which cases to hit,\" Insp. "
               "Corinne Batchelder-Moss said.\n\n"
               "The store's owner, Harjit Sandhu-Bains, was in the courtroom with his wife and daughter.\n\n"
               "\"I came here from Punjab with nothing,\" he told the Toronto Sun.")
    assert _quote(rows, "I came here")["speaker_name"] == "Harjit Sandhu-Bains"


def test_a_nationality_and_a_noun_stand_for_the_person_just_written_about_not_a_body(run):
    rows = run("Thabo Mokoena-Daniels bowled 24 overs on the second day.\n\n"
               "\u201cWe had a plan to bowl short at him,\u201d the South African quick said.\n\n"
               "\u201cWe will respond,\u201d the Italian government said.")
    assert _quote(rows, "We had a plan")["speaker_name"] == "Thabo Mokoena-Daniels"
    assert _quote(rows, "We will respond")["speaker_name"] is None
