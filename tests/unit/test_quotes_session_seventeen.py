"""Speakers on layouts seen in the blind sets tests/fixtures/crawls_heldout298-305, with hand-written sentences and the
real spaCy model.

Pronouns: "it" saying something is the organisation that opened a recent sentence, also when that sentence's verb is
no speech verb ("Landlords' association Haus & Grund Berlin rejected the plan. In a statement, it said …"), and an
owner's noun before a name describes that organisation ("Landlords' association …": not "Landlords").

Spokespeople: an unnamed spokesperson no organisation of the article is found for speaks for the body the phrase names
("a government spokesman": the government; "a police spokesperson": the police).

Asides: the phrase opening a clause before an aside between commas says the quotation after the verb, when it is a
person's epithet ("The 23-year-old, on loan from Sheffield United, said afterwards he had ‘…’") or a name the model
missed ("Eurofer, the European steel association, said in a statement that …").

Court reports: "the witness" and "the defendant" are never an officer of the court (the advocate who cross-examines, the
presiding judge), also when a pronoun stands for them ("the defendant admitted … He told the court … “…,” he said");
"the lawyer" is whoever "represented" or "defended" someone ("who was represented by Mr X"); a role named as the
agent of a passive verb ("renewed twice by a control judge") introduces no anonymous speaker, so "The judge" stays the
judge titled before.

Names: "X, a research fellow at …" is a person (a fellow, scholar, academic or strategist in apposition), and "Bai
noted" after "Bai Yunfei" is him (the first word of one full name, before a speech verb such as "noted"); whom someone
told ("told the Global Times") is never the speaker; a local government's title ("Trustee", "Regent",
"Supervisor", "Councilmember") before a name is a title, not an organisation ("Trustee" ORG) nor part of the name;
so are an Irish parliamentarian's "TD" and "Deputy" ("the TD said" is the deputy titled so); a capitalised title in
apposition before its "of" makes the name a person's ("Nana Kwaku Adu-Boahen II, Chairman of the Union,")."""
from __future__ import annotations

import pytest

from tests.unit.test_quotes_session_thirteen import _speaker, run  # noqa: F401  (the fixture)


def test_it_is_the_organisation_that_opened_the_sentence_before(run):  # noqa: F811
    body = ("Parents in Kilmore have waited two years for a crossing.\n\n"
            "The Victorian Department of Transport rejected the request in March. It said the road was "
            "\"not yet busy enough to justify signals\" and promised another count in spring.")
    assert _speaker(run(body), "not yet busy enough") == "Victorian Department of Transport"


def test_a_statement_it_issued_is_that_organisation(run):  # noqa: F811
    body = ("The Senate wants to cap rents on furnished flats.\n\n"
            "Landlords' association Haus & Grund Berlin rejected the plan. In a statement, it said the Senate was "
            "“punishing owners for a housing shortage created by politics.”\n\n"
            "“Furnished flats meet a real demand from students,” the statement said.")
    quotes = run(body)
    assert _speaker(quotes, "punishing owners") == "Haus & Grund Berlin"
    assert _speaker(quotes, "Furnished flats") == "Haus & Grund Berlin"


def test_the_witness_is_never_the_advocate_who_cross_examines(run):  # noqa: F811
    body = ("The fraud trial of a former municipal manager continued in the Pietermaritzburg High Court on Friday.\n\n"
            "Nompumelelo Zungu-Hartmann, a former clerk in the finance department, told the court she had been "
            "pressured to approve payments.\n\n"
            "Under cross-examination, Advocate Thabo Mokoena-Pillay put it to the witness that she had never refused. "
            "\"You chose not to stop those payments,\" Mokoena-Pillay said.\n\n"
            "\"I had a family to feed,\" the witness replied.")
    assert _speaker(run(body), "I had a family to feed") == "Nompumelelo Zungu-Hartmann"


def test_the_defendant_is_never_the_presiding_judge(run):  # noqa: F811
    body = ("A former private banker was jailed on Friday for defrauding elderly clients.\n\n"
            "The district court found Damien Oberweis-Nakashima, 41, guilty of breach of trust.\n\n"
            "\"He abused the trust these clients placed in him,\" presiding judge Sylvie Hengen-Amoah said.\n\n"
            "The judge said the court had taken into account that he had repaid part of the money. She described "
            "his remorse as \"late but sincere\".\n\n"
            "During the trial, the defendant admitted most of the transfers. He told the court he had built up "
            "large debts.\n\n"
            "\"I was drowning,\" he said at the time.")
    assert _speaker(run(body), "I was drowning") == "Damien Oberweis-Nakashima"


def test_a_research_fellow_in_apposition_is_a_person_and_his_family_name_is_him(run):  # noqa: F811
    body = ("China and ASEAN signed a rare earths processing pact on Friday.\n\n"
            "\"This is a typical zero-sum mindset,\" Bai Yunfei, a research fellow at the Chinese Academy of "
            "International Trade and Economic Cooperation, told the Global Times.\n\n"
            "Bai noted that several ASEAN members had exported raw ore at low prices. \"Those who build walls will "
            "find themselves on the wrong side of them,\" he said.")
    quotes = run(body)
    assert _speaker(quotes, "This is a typical") == "Bai Yunfei"
    assert _speaker(quotes, "Those who build walls") == "Bai Yunfei"


def test_whom_someone_told_is_never_the_speaker(run):  # noqa: F811
    body = ("The family of a man who died in police custody will challenge the ruling.\n\n"
            "\"We will appeal this decision all the way,\" lawyers for the family, speaking after the hearing, "
            "told Reuters.")
    found = [q for q in run(body) if q["text"].startswith("We will appeal")]
    assert found and "Reuters" not in (found[0]["speaker_text"] or "") and found[0]["speaker_name"] != "Reuters"


@pytest.mark.parametrize("title", ["Trustee", "Regent", "Supervisor", "Councilmember"])
def test_a_local_government_title_before_a_name_is_no_organisation(run, title):  # noqa: F811
    body = ("Purdue's trustees voted 7-2 on Friday to raise tuition for the first time in 13 years.\n\n"
            f"{title} Marguerite van der Linden-Osei, one of the two votes against, said the board was moving too "
            "quickly.\n\n"
            "“We saw this proposal for the first time three weeks ago,” she said.")
    assert _speaker(run(body), "We saw this proposal") == "Marguerite van der Linden-Osei"


def test_an_age_epithet_before_an_aside_says_the_partial_quote(run):  # noqa: F811
    body = ("Bradford City drew 1-1 with Barrow on Saturday.\n\n"
            "Jerome Okafor-Whitley headed the equaliser from City's ninth corner of the game.\n\n"
            "The 23-year-old, on loan from Sheffield United, said afterwards he had ‘a point to prove’.")
    assert _speaker(run(body), "a point to prove") == "Jerome Okafor-Whitley"


def test_an_organisation_the_model_missed_before_its_apposition_says_the_partial_quote(run):  # noqa: F811
    body = ("Brussels unveiled new tariffs on imported steel on Tuesday.\n\n"
            "Eurofer, the European steel association, said in a statement that the proposal was "
            "“a lifeline, not a luxury.”")
    found = [q for q in run(body) if q["text"].startswith("a lifeline")]
    assert found and "Eurofer" in (found[0]["speaker_name"] or found[0]["speaker_text"] or "")


def test_the_td_is_the_member_of_the_dail_titled_so(run):  # noqa: F811
    body = ("Waiting lists at Mallow General Hospital have doubled in two years.\n\n"
            "Local Independent TD Bernadette Kiely-Osagie, who obtained the figures, described them as shocking.\n\n"
            "Deputy Kiely-Osagie said she had written to the Minister again this week. “I've asked him to come to "
            "Mallow and see it for himself,” the TD said.")
    assert _speaker(run(body), "I've asked him") == "Bernadette Kiely-Osagie"


@pytest.mark.parametrize("phrase, body_name", [("A government spokesman", "government"),
                                               ("A finance ministry spokesperson", "finance ministry"),
                                               ("A police spokesperson", "police")])
def test_an_unnamed_spokesperson_speaks_for_the_body_the_phrase_names(run, phrase, body_name):  # noqa: F811
    body = ("District councillors will get a pay rise of 12 per cent from January.\n\n"
            f"{phrase} said in a statement after the meeting that the proposal had been \"carefully considered\".")
    assert _speaker(run(body), "carefully considered") == body_name


def test_the_lawyer_is_whoever_represented_the_accused(run):  # noqa: F811
    body = ("A Bulawayo man was jailed for five years for selling fake housing stands to 14 church members.\n\n"
            "Ndebele-Kaseke, who was represented by Mr Tendai Sibindi-Marufu of Sibindi-Marufu and Partners, had "
            "pleaded not guilty.\n\n"
            "\"My client was himself deceived by people who have since disappeared,\" the lawyer said in mitigation.")
    assert _speaker(run(body), "My client was himself") == "Tendai Sibindi-Marufu"


def test_a_role_named_as_a_passive_agent_introduces_no_anonymous_speaker(run):  # noqa: F811
    body = ("A Guatemala City court sent a former customs chief to trial on Friday.\n\n"
            "Judge Ricardo Ixcoy Tzul said the evidence was \"sufficient and consistent\".\n\n"
            "Asked about the warrant, the prosecutor said it had been renewed twice by a control judge.\n\n"
            "The judge rejected a request for house arrest, saying there was a “real risk of flight”.")
    assert _speaker(run(body), "real risk of flight") == "Ricardo Ixcoy Tzul"


def test_a_capitalised_title_in_apposition_makes_the_name_a_person(run):  # noqa: F811
    body = ("Cocoa farmers in the Western North Region say they have not been paid since October.\n\n"
            "Nana Kwaku Adu-Boahen II, Chairman of the Union, told the Ghana News Agency that about 1,400 farmers "
            "were affected.\n\n"
            "\"We deliver our beans and they give us a chit,\" he said.")
    assert _speaker(run(body), "We deliver our beans") == "Kwaku Adu-Boahen II"
