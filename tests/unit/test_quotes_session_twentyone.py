"""Speakers on layouts seen in the blind sets tests/fixtures/crawls_heldout417-424 (first measured 880/961 = 0.916), with
hand-written sentences and the real spaCy model.

Nicknames: a person written with a quoted nickname between given name and surname ("Ephraim "Doc" Mudau-Lindström",
"Ezekiel ‘Zeke’ van Rensburg-Chirwa") is one person named without the nickname, and the quotation before ", said
<title> Ephraim "Doc" …" is theirs (the speaker phrase runs over the nickname's marks).

Names: "Aquidneck Sailcloth, which has woven …" is an organisation (a relative "which" votes for one), so "the company"
after it is it (the model called it a person); a plural title before two names ("Councilmembers Rutherford P. Ashby and …") is no part of the first name;
common West African given names open a person ("Kwabena Asante-Morrow", whom the model split into a place and an
organisation).

Quotation marks and documents: a plural possessive inside a single-quoted quotation ("the officers’ recommendation,’
she said") closes nothing; "In its annual report, the company said … “…,” the report said" is the company's (the
document's own word "report" is no speech verb of its sentence); "In a statement signed by his special adviser, Segun
Akintola-Daramola, the minister said:" is the minister's (a name in apposition to what stands before it is not the
subject when no comma closes the role after it).

Pronouns and roles: "it" is first the organisation opening its own sentence ("In a statement …, Brightwater Partners
thanked residents for what it called “…”"), not one of a sentence before; "the provost" (and "the lord mayor", "the
reeve", "the warden") is the civic head named with that title.

Second batch (crawls_heldout425-432, 0.921 when first measured): an affiliation set off by commas (", of Aylesbury CID,
who …") is no subject even when the model calls it a person; "the update said" is whoever posted it; common West, East
and Southern African given names tell a gender ("Ngozi", "Emeka"; not "Blessing", a man's name in Zimbabwe).

Left out after measuring: while each organisation is named once, "the company" as the one opening the report's first or
second sentence (6 fixed, 11 broken: court reports open with the court, market stories with the regulator); "the
company" standing for the only organisation named before, however seldom (7 fixed, 10 broken: the lone organisation
named before is as often a different body)."""
from __future__ import annotations

import pytest

from tests.unit.test_entities import run as run_entities
from tests.unit.test_quotes_session_thirteen import _speaker, run  # noqa: F401  (the fixture)


def _people(nlp, body: str) -> set[str]:
    return {m["entity_name"] for m in run_entities(nlp, {"a": body})["a"] if m["label"] == "PERSON"}


@pytest.mark.parametrize("body, name", [
    ("Defence lawyer Ezekiel ‘Zeke’ van Rensburg-Chirwa asked for leniency.", "Ezekiel van Rensburg-Chirwa"),
    ('Paramedics were called at 9 p.m., said station commander Ephraim "Doc" Mudau-Lindström.', "Ephraim Mudau-Lindström"),
    ("Wilhelmina 'Billie' Castellano-Drummond, who has owned a gift shop for 19 years, urged the council to wait.",
     "Wilhelmina Castellano-Drummond"),
])
def test_a_nicknamed_person_is_one_person_named_without_the_nickname(nlp, body, name):
    assert name in _people(nlp, body)


def test_a_nickname_in_the_speaker_after_the_verb_does_not_cut_the_speaker(run):  # noqa: F811
    body = ("Emergency services rescued two people from a car this morning.\n\n"
            '"They were sitting on the roof when we got there," said Vhembe EMS station commander Ephraim "Doc" '
            'Mudau-Lindström. "The car was already half under the water."')
    quotes = run(body)
    assert _speaker(quotes, "They were sitting") == _speaker(quotes, "The car was") == "Ephraim Mudau-Lindström"


def test_which_after_a_name_makes_it_an_organisation_that_the_company_stands_for(nlp, run):  # noqa: F811
    body = ("PORTSMOUTH — Aquidneck Sailcloth, which has woven sail fabric on West Main Road for 47 years, will close its "
            "Portsmouth plant.\n\n"
            "\"We are committed to treating every member of our team with dignity,\" the company said.")
    rows = run_entities(nlp, {"a": body})["a"]
    assert ("Aquidneck Sailcloth", "ORG") in {(m["text"], m["label"]) for m in rows}
    assert _speaker(run(body), "We are committed") == "Aquidneck Sailcloth"


def test_a_plural_title_before_two_names_is_no_part_of_the_first(nlp):
    people = _people(nlp, "The two no votes came from Councilmembers Rutherford P. Ashby and Marisol de la Vega-Nunn.")
    assert "Rutherford P. Ashby" in people


def test_a_west_african_given_name_opens_a_person(nlp):
    people = _people(nlp, "Thunder center Kwabena Asante-Morrow tied the game at 49 with a putback at the buzzer.")
    assert "Kwabena Asante-Morrow" in people


def test_a_plural_possessive_inside_a_single_quoted_quotation_closes_nothing(run):  # noqa: F811
    body = ("Provost Jasmine Kaur-Drummond used her casting vote to close the pool.\n\n"
            "The provost, who chairs full council meetings, told the chamber she had not taken the decision lightly.\n\n"
            "'It is the convention of this chamber that the chair votes for the status quo, which in this case is the "
            "officers' recommendation,' she said. 'I know that will be of little comfort.'")
    quotes = run(body)
    assert _speaker(quotes, "It is the convention") == "Jasmine Kaur-Drummond"
    assert [q for q in quotes if q["text"].startswith("It is the convention")][0]["text"].endswith("recommendation")


def test_the_report_said_is_whoever_issued_the_report(run):  # noqa: F811
    body = ("Harbourside Foods will close its Penrose factory by the end of March.\n\n"
            "In its annual report, the company said the closure was part of a reset.\n\n"
            "\"The board is confident a smaller Harbourside is best placed to compete,\" the report said.")
    assert _speaker(run(body), "The board is confident") == "Harbourside Foods"


def test_it_is_the_organisation_opening_its_own_sentence(run):  # noqa: F811
    body = ("One graduate student, who gave only her first name, Priya, said she had been commuting from Winterville.\n\n"
            "In a statement released after the meeting, Brightwater Partners thanked council and residents for what it "
            "called \u201ca thorough and at times passionate process.\u201d")
    assert _speaker(run(body), "a thorough") == "Brightwater Partners"


def test_a_statement_signed_by_an_aide_is_the_principal_s(run):  # noqa: F811
    body = ("Reacting, the minister of power, Adebayo Olawale-Shittu, said the tariff review was necessary.\n\n"
            "In a statement signed by his special adviser, Segun Akintola-Daramola, the minister said:\n\n"
            "\u201cThe government understands the pains of Nigerians.\u201d")
    assert _speaker(run(body), "The government understands") == "Adebayo Olawale-Shittu"


def test_the_provost_is_the_civic_head_named_with_that_title(run):  # noqa: F811
    body = ("Provost Jasmine Kaur-Drummond then used her casting vote.\n\n"
            "Councillor Moira de Silva-Hunter said the council had found money for a car park.\n\n"
            "The provost told the chamber she had not taken the decision lightly.\n\n"
            "'It is the convention of this chamber,' she said.")
    assert _speaker(run(body), "It is the convention") == "Jasmine Kaur-Drummond"


def test_an_affiliation_set_off_by_commas_is_no_subject_whatever_the_model_calls_it(run):  # noqa: F811
    body = ("A man was arrested on suspicion of arson.\n\n"
            "Detective Inspector Olamide Kowalczyk-Hart, of Aylesbury CID, who is leading the investigation, said "
            "officers were keeping an open mind.\n\n"
            "'I understand this will have been a very frightening experience for everyone,' she said.")
    assert _speaker(run(body), "I understand") == "Olamide Kowalczyk-Hart"


def test_a_woman_s_west_african_given_name_tells_her_gender(run):  # noqa: F811
    body = ("Dr Emeka Abernathy-Uzor, who led the study, said the test gave results in 40 minutes.\n\n"
            "Among the patients was Ngozi Idowu-Martins, a trader from Ibadan.\n\n"
            "\u201cI thought it was malaria,\u201d she told reporters.")
    assert _speaker(run(body), "I thought it was malaria") == "Ngozi Idowu-Martins"
