"""A company's display name and key drop its legal form even when the article never writes the name without it
("Halvorsen Systems Inc." -> "Halvorsen Systems"): readers and other outlets name it so, and one company then has one
entity key across articles (tasks/entities/canonical.py ``_without_legal_form``)."""
from __future__ import annotations

from tasks.entities import extract_mentions
from tasks.sentences import split_sentences


def _names(nlp, body: str) -> set[str]:
    art = {"article_id": "a", "body": body}
    mentions = extract_mentions(nlp, [art], {"a": split_sentences(body)})["a"]
    return {m["entity_name"] for m in mentions if m["label"] == "ORG"}


def test_the_legal_form_is_dropped_from_the_display_name(nlp):
    body = ("Shares in Halvorsen Systems Inc. fell 12 percent on Tuesday after the chipmaker cut its forecast.\n\n"
            "Halvorsen updated its guidance as soon as it had sufficient information, a spokesperson said.")
    names = _names(nlp, body)
    assert "Halvorsen Systems" in names and "Halvorsen Systems Inc." not in names


def test_two_articles_writing_the_company_differently_share_its_key(nlp):
    a = {"article_id": "a", "body": "Gulfmark Specialty Insurance Co. denied the claim in March, court papers show."}
    b = {"article_id": "b", "body": "Gulfmark Specialty Insurance said it would appeal the ruling on Friday."}
    ms = extract_mentions(nlp, [a, b], {x["article_id"]: split_sentences(x["body"]) for x in (a, b)})
    keys = [{m["entity_key"] for m in ms[k] if m["label"] == "ORG"} for k in ("a", "b")]
    assert keys[0] & keys[1]
