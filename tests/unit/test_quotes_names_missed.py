"""Speakers whose names the small model labels wrongly, on the layouts of tests/fixtures/crawls_heldout26-29
(written blind; 0.881, 0.885, 0.927 and 0.915 right when first measured), with hand-written sentences and the real
spaCy model: a person noun right before a name works as a title ("Chief financial officer Meenakshi Sundaresan"); a
company's officer after its name marks it an organisation ("McLaren team principal"); a given name of the wider list
before the model's one-word span is the person's ("Adolfo Reyes-Brannan"); an apposed "Another driver, X," is a
person; a pronoun's antecedent is looked for past a quotation sentence whose speaker is named in it, and a pronoun
inside a quotation does not count as the sentence's subject."""
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


def _speaker(rows: list[dict], start: str) -> str | None:
    found = [q for q in rows if q["text"].startswith(start)]
    assert len(found) == 1, [q["text"] for q in rows]
    return found[0]["speaker_name"]


def test_a_person_noun_before_a_name_makes_it_a_person(run):
    rows = run("A spokesperson for the Ministry of Heavy Industries said the application was being examined.\n\n"
               "Chief financial officer Meenakshi Sundaresan said the plant would be funded from cash. "
               "\u201cWe have the headroom to do this without new shares,\u201d she said on a call.")
    assert _speaker(rows, "We have the headroom") == "Meenakshi Sundaresan"


def test_a_company_officer_after_its_name_marks_an_organisation(run):
    rows = run("Haldane finished second in the title race.\n\n"
               "McLaren team principal Rupert Fairclough-Dunn missed the race after surgery, and the team was led "
               "by deputy Hannah Corliss-Webb.\n\n"
               "\u201cCallum drove one of the best races of his life,\u201d she said.")
    assert _speaker(rows, "Callum drove") == "Hannah Corliss-Webb"


def test_a_wider_given_name_before_the_models_surname_span_is_the_persons(run):
    rows = run("Adolfo Reyes-Brannan, a former city investigator who now works with the advocacy group Vendedores "
               "Unidos, said the agency had long been caught in the middle.\n\n"
               "\u201cNobody signs up for that,\u201d Reyes-Brannan said. \u201cBut somebody has to go out.\u201d\n\n"
               "He said the lower fee could help.\n\n"
               "\u201cIt is a third of the problem,\u201d he said.")
    assert _speaker(rows, "Nobody signs up") == "Adolfo Reyes-Brannan"
    assert _speaker(rows, "It is a third") == "Adolfo Reyes-Brannan"


def test_an_apposed_driver_is_a_person_and_the_outlet_she_told_is_not(run):
    rows = run("Drivers describe watching the water rise.\n\n"
               "Another driver, Tamar Shalev-Okonkwo, tells Ynet she climbed onto the roof of her car. "
               "\u201cI left the car there. I just walked,\u201d she says.")
    assert _speaker(rows, "I left the car") == "Tamar Shalev-Okonkwo"


def test_a_pronoun_inside_a_quotation_is_no_subject_for_the_next_she(run):
    rows = run("Fiona Kerrigan, who chairs the parent council, said pupils had been moved twice.\n\n"
               "\"The staff are brilliant, they make it work,\" she told The Herald. \"My daughter came home upset.\"\n\n"
               "She added: \"Nobody can tell us when.\"")
    assert _speaker(rows, "Nobody can tell us") == "Fiona Kerrigan"
