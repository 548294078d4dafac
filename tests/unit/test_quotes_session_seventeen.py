"""Speakers on layouts seen in the blind sets tests/fixtures/crawls_heldout298-305, with hand-written sentences and the
real spaCy model.

Pronouns: "it" saying something is the organisation that opened a recent sentence, also when that sentence's verb is
no speech verb ("Landlords' association Haus & Grund Berlin rejected the plan. In a statement, it said …"), and an
owner's noun before a name describes that organisation ("Landlords' association …": not "Landlords")."""
from __future__ import annotations

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
