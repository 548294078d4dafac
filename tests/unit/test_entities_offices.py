"""An office named after its holder ("the Milwaukee District Attorney's Office") is one organisation mention, and
speaks as the office, not as the person who holds it (tasks.entities.patterns._offices; holders in
rules/org_cues.txt). A team named before a player's position ("Steelers quarterback") is an organisation too. Real
spaCy model. The part or paper of an organisation ("The Sierra Club's Tennessee chapter said") speaks for it
(tasks.quotes.roles._org_possessor). Measured on every hand-written page: offices 10 speaker errors fixed, none new;
parts 10 fixed, none new."""
from __future__ import annotations

from tests.unit.test_entities import run as run_entities
from tests.unit.test_quotes_session_thirteen import _speaker, run  # noqa: F401  (the fixture)


def test_an_office_named_after_its_holder_is_one_organisation(nlp):
    rows = run_entities(nlp, {"a": "The Champaign County State's Attorney's Office said it had filed charges. The Prime "
                                    "Minister's Office declined to comment."})["a"]
    assert [(m["text"], m["label"]) for m in rows] == [("Champaign County State's Attorney's Office", "ORG"),
                                                       ("Prime Minister's Office", "ORG")]


def test_the_office_speaks_not_its_holder(run):  # noqa: F811
    body = ("Milwaukee County District Attorney Hamza Al-Rifai charged the landlord last week.\n\n"
            "The Milwaukee District Attorney's Office said in a statement that it \u201crespects the court's ruling and "
            "looks forward to presenting additional evidence in January.\u201d")
    assert _speaker(run(body), "respects the court") == "Milwaukee District Attorney's Office"


def test_a_person_s_office_is_no_organisation(nlp):
    rows = run_entities(nlp, {"a": "Reporters waited outside Senator Maria Lopez-Hart's office on Tuesday."})["a"]
    assert not any(m["text"].endswith("office") or m["text"].endswith("Office") for m in rows)


def test_a_team_named_before_its_players_positions_is_an_organisation(nlp):
    # the model calls "Steelers" a person at every mention here; "Steelers quarterback", "defensive coordinator" are
    # cues of a team ("Steelers coach" alone was outvoted)
    body = ("Kwabena Ofori-Lindgren jumped a slant route at the Steelers' 12-yard line with 41 seconds remaining, and the "
            "Steelers held on for a 20-17 win against the Baltimore Ravens.\n\n"
            "Steelers cornerback Kwabena Ofori-Lindgren celebrates after intercepting a pass.\n\n"
            "The Ravens were flagged 11 times, including two pass interference calls that extended Steelers scoring "
            "drives.\n\nSteelers quarterback Teodor Vasilev-Achterberg completed 21 of 30 passes for 236 yards.\n\n"
            "Baltimore outgained the Steelers 391 yards to 318.\n\n"
            "Steelers defensive coordinator Henrietta Osei-Vandermeer called the red-zone stops the difference.")
    rows = run_entities(nlp, {"a": body})["a"]
    assert {m["label"] for m in rows if m["text"] == "Steelers"} == {"ORG"}


def test_a_part_or_paper_of_an_organisation_speaks_for_it(run):  # noqa: F811
    body = ("Amaka Rodriguez-Lindell, senior attorney at the Southern Environmental Law Center's Chattanooga office, "
            "said TVA had \u2018ignored its own experts\u2019 in choosing gas.\n\n"
            "The Sierra Club's Tennessee chapter said in a statement that the vote was \u2018a step backward for the "
            "Valley\u2019 and accused TVA of \u2018betting ratepayers' money on volatile gas markets\u2019.")
    quotes = run(body)
    assert _speaker(quotes, "a step backward") == _speaker(quotes, "betting ratepayers") == "Sierra Club"
