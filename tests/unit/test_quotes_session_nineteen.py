"""Quotation kinds and speakers on layouts seen in PolNeAR's never-tuned train tail and the blind sets
tests/fixtures/crawls_heldout370-377, with hand-written sentences and the real spaCy model.

A quotation after "X said in an op-ed piece before a 2014 Senate hearing, “…”" is an utterance of its own (kind
direct): the words between the verb and the comma are prepositional phrases, so the limit of words there is higher
than for an object ("He said the plan, which …, “…”" stays within the old limit)."""
from __future__ import annotations

from tests.unit.test_quotes_session_thirteen import _speaker, run  # noqa: F401  (the fixture)


def _kind(quotes: list[dict], start: str) -> str | None:
    return next((q["kind"] for q in quotes if q["text"].startswith(start)), None)


def test_prepositional_phrases_between_verb_and_comma_still_introduce(run):  # noqa: F811
    body = ("Sen. Ron Johnson said in an op-ed piece before a 2014 Senate Benghazi hearing, \u201cThe State Department "
            "not only failed to honor repeated requests for additional security, but instead reduced it.\u201d\n\n"
            "The senator said the department and its lawyers had been warned many times by staff on the ground, "
            "\u201cnot once but repeatedly.\u201d")
    quotes = run(body)
    assert _kind(quotes, "The State Department") == "direct"
    assert _speaker(quotes, "The State Department") == "Ron Johnson"
    assert _kind(quotes, "not once but") == "partial"
