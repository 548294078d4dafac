"""Speakers on layouts seen in the blind sets tests/fixtures/crawls_heldout74-113, with hand-written sentences and
the real spaCy model: an anonymous source is named as readers name one ("Kenyan customs official", not "A Kenyan
customs official at Namanga")."""
from __future__ import annotations

import pytest

from tasks.entities import extract_mentions
from tasks.quotes import extract_quotes
from tasks.sentences import split_sentences


@pytest.fixture(scope="module")
def run(nlp):
    def go(body: str, **fields) -> list[dict]:
        art = {"article_id": "a", "body": body, **fields}
        sents = split_sentences(body)
        mentions = extract_mentions(nlp, [art], {"a": sents})["a"]
        return extract_quotes(art, sents, mentions)
    return go


def _quote(rows: list[dict], start: str) -> dict:
    found = [q for q in rows if q["text"].startswith(start) and q["kind"] == "direct"]
    assert len(found) == 1, [(q["text"], q["kind"]) for q in rows]
    return found[0]


@pytest.mark.parametrize("intro, name", [
    ("A Kenyan customs official at Namanga, who asked not to be named because he was not authorised to speak,",
     "Kenyan customs official"),
    ("One A&E consultant in the north of England, who asked not to be named,", "A&E consultant"),
    ("One lineman working outside Sioux Falls, who asked not to be named,", "lineman"),
])
def test_an_anonymous_source_is_named_by_the_noun_phrase_alone(run, intro, name):
    rows = run("Traffic at the border has slowed for a week, traders say.\n\n"
               f"{intro} said the two systems were not talking to each other.\n\n"
               "\u201cA truck is cleared on our side, then it waits for hours,\u201d he said.")
    assert _quote(rows, "A truck is cleared")["speaker_name"] == name
