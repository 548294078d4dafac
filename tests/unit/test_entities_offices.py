"""An office named after its holder ("the Milwaukee District Attorney's Office") is one organisation mention, and
speaks as the office, not as the person who holds it (tasks.entities.patterns._offices; holders in
rules/org_cues.txt). Real spaCy model. Measured on every hand-written page: 10 speaker errors fixed, none new."""
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
