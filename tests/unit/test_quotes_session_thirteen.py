"""Speakers on layouts seen in the blind sets tests/fixtures/crawls_heldout202-209, with hand-written sentences and the
real spaCy model.

Genders: a place or name inside a person's apposition tells no gender ("Sen. Garrett Lindqvist-Moreno, a |Queen| Creek
Republican, …" is no woman, so the "he" who answers later is him), while a title does ("the Lord Chancellor": a guard, it passes on the code before the change too)."""
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


def _speaker(quotes: list[dict], start: str) -> str | None:
    found = [q for q in quotes if q["text"].startswith(start)]
    assert found, start
    return found[0]["speaker_name"]


def test_a_place_in_the_apposition_tells_no_gender(run):
    body = ("Sen. Garrett Lindqvist-Moreno, a Queen Creek Republican who sponsors the measure, told the committee that "
            "the moratorium had left thousands of planned homes in limbo.\n\n"
            "That claim drew a sharp rebuke from Sen. Delphine Arceneaux-Whitaker of Casa Grande, who said she would "
            "oppose it on the floor.\n\n"
            "Lindqvist-Moreno shot back that critics were “pretending the status quo is working.”\n\n"
            "“The status quo is a moratorium,” he said.")
    assert _speaker(run(body), "The status quo is a moratorium") == "Garrett Lindqvist-Moreno"


def test_a_title_in_the_apposition_still_tells_the_gender(run):
    body = ("Richard Okafor-Hale, the Lord Chancellor, told peers the courts were under strain.\n\n"
            "Anne Whitcombe-Ashdown, a barrister, said the backlog had doubled.\n\n"
            "“We are asking judges to do the impossible,” he said.")
    assert _speaker(run(body), "We are asking judges") == "Richard Okafor-Hale"
