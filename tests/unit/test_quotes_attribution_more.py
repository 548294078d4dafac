"""More general attribution rules (``tasks/quotes/subjects.py``, ``direct.py``, ``site.py``): a name inside a role noun
phrase is its modifier when a name stands in apposition to the role ("A Baker spokeswoman, Ann Walsh, said").

Mentions are built by hand (the names below), so each case tests the quote rules, not the NER model. The sentences
are written for these tests.
"""
from __future__ import annotations

import re

from tasks.quotes import extract_quotes
from tasks.sentences import split_sentences

NAMES = {"Maria Lopez": "PERSON", "Lopez": "PERSON", "Tom Baker": "PERSON", "Baker": "PERSON", "Ann Walsh": "PERSON",
         "Walsh": "PERSON", "Harold Finch": "PERSON", "Finch": "PERSON", "Denver": "GPE"}
_FULL = {n.split()[-1]: n for n in NAMES if len(n.split()) == 2 and NAMES[n] == "PERSON"}


def _mentions(body: str) -> list[dict]:
    out, taken = [], set()
    for surface in sorted(NAMES, key=len, reverse=True):
        for m in re.finditer(r"\b" + re.escape(surface) + r"\b", body):
            if taken & set(range(m.start(), m.end())):
                continue
            taken.update(range(m.start(), m.end()))
            full = _FULL.get(surface, surface)
            out.append({"start_char": m.start(), "end_char": m.end(), "text": surface, "label": NAMES[surface],
                        "entity_id": full.lower(), "entity_name": full})
    return sorted(out, key=lambda m: m["start_char"])


def _quotes(body: str) -> list[dict]:
    return extract_quotes({"article_id": "m1", "body": body}, split_sentences(body), _mentions(body))


def _direct(body: str, fragment: str) -> dict:
    hits = [q for q in _quotes(body) if q["kind"] == "direct" and fragment in q["text"]]
    assert len(hits) == 1, [(q["kind"], q["text"], q["speaker_text"]) for q in _quotes(body)]
    return hits[0]


def test_name_inside_a_role_is_a_modifier_when_a_name_is_apposed() -> None:
    body = "The council met on Monday.\n\nA Baker spokeswoman, Ann Walsh, said in an email, \"The senator has no comment.\"\n"
    assert _direct(body, "no comment")["speaker_name"] == "Ann Walsh"
    body = "The council met on Monday.\n\nThe Lopez campaign chairman, Harold Finch, said, \"We are confident.\"\n"
    assert _direct(body, "confident")["speaker_name"] == "Harold Finch"



def _kind(body: str, fragment: str) -> str | None:
    hits = [q["kind"] for q in _quotes(body) if fragment in q["text"]]
    return hits[0] if hits else None


def test_short_quotation_opening_its_sentence_as_a_noun_phrase_is_no_utterance() -> None:
    lead = "\"We stand by the report,\" Maria Lopez said on Monday. "
    # the sentence goes on from the quotation with a verb of which it is the subject
    assert _kind(lead + "\"Top secret\" is the highest level of classification.\n", "Top secret") != "direct"
    assert _kind(lead + "\"Containment\" has been the policy since 1947.\n", "Containment") != "direct"
    # a relative pronoun after it
    assert _kind(lead + "\"Open Season,\" which airs on Tuesday, is her third show.\n", "Open Season") != "direct"
    # a title-cased quotation before a lowercase noun
    assert _kind(lead + "\"Daily Show\" host Harold Finch laughed.\n", "Daily Show") != "direct"


def test_short_quotation_followed_by_its_attribution_or_a_tail_stays_direct() -> None:
    lead = "The council met in Denver on Monday.\n\n"
    assert _direct(lead + "\"No comment\" he said, and left.\n", "No comment")["kind"] == "direct"
    assert _direct(lead + "\"We are extremely happy\" about the vote, said Maria Lopez.\n", "extremely happy")["kind"] == "direct"
    assert _direct(lead + "\"It is over,\" Tom Baker said. \"We lost.\"\n", "We lost")["kind"] == "direct"


def test_clause_after_a_full_stop_that_ends_in_a_comma_before_a_quotation_introduces_that_one() -> None:
    body = ("The board met in Denver on Monday.\n\n"
            "\"We are done,\" Maria Lopez said. \"The plan failed.\" Of Finch, Baker, who chairs the board, "
            "said, \"He is dead wrong.\"\n")
    assert _direct(body, "plan failed")["speaker_name"] == "Maria Lopez"
    assert _direct(body, "dead wrong")["speaker_name"] == "Tom Baker"


def test_possessor_of_a_role_with_an_apposed_name_is_not_the_subject_a_pronoun_resolves_to() -> None:
    body = ("Maria Lopez spoke in Denver on Monday.\n\n"
            "Lopez's rival, Tom Baker, answered a day later. \"She has no plan,\" he said.\n")
    assert _direct(body, "no plan")["speaker_name"] == "Tom Baker"
    body = ("\"We will win,\" Maria Lopez said in Denver.\n\n"
            "Lopez's longtime rival, Tom Baker, disagreed.\n\n"
            "\"We are ahead in every poll.\"\n")
    assert _direct(body, "every poll")["speaker_name"] == "Tom Baker"


def test_paragraph_opening_with_his_about_another_named_person_does_not_hand_the_floor_back() -> None:
    body = ("\"We will win,\" Maria Lopez told supporters in Denver.\n\n"
            "Her campaign manager, Harold Finch, echoed her.\n\n"
            "\"She is the only one who can win.\"\n")
    assert _direct(body, "only one")["speaker_name"] == "Harold Finch"
    body = ("\"We will win,\" Maria Lopez told supporters in Denver.\n\n"
            "Her campaign had a rough week.\n\n"
            "\"We are still in this.\"\n")
    assert _direct(body, "still in this")["speaker_name"] == "Maria Lopez"


def test_possessive_noun_phrase_after_the_quotation_is_the_speaker() -> None:
    body = "The board met in Denver on Monday.\n\n\"We will not back down,\" Maria Lopez's campaign said in a statement.\n"
    assert _direct(body, "back down")["speaker_text"] == "Maria Lopez's campaign"
    body = "The board met in Denver on Monday.\n\n\"It is a disgrace,\" Baker's office said in an email.\n"
    assert _direct(body, "disgrace")["speaker_text"] == "Baker's office"


def test_earlier_quotation_of_a_sentence_shares_the_attribution_after_a_later_one() -> None:
    body = ("Maria Lopez spoke to the board on Monday.\n\n"
            "But Tom Baker, the treasurer, noted that the cuts were on the table. \"They are painful\" but needed "
            "\"for the long-term health of the city,\" he said.\n")
    q = _direct(body, "They are painful")
    assert (q["speaker_text"], q["speaker_name"]) == ("he", "Tom Baker")
