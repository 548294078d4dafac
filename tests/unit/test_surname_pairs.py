"""joined_surnames: a person's cut second surname joined back when the pair is written elsewhere as a name."""
from __future__ import annotations

from tasks.entities.spans import _Mention
from tasks.entities.surname_pairs import joined_surnames


def _m(body: str, text: str, label: str, cls: str, nth: int = 0) -> _Mention:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return _Mention(start, start + len(text), text, label, cls, False)


def _spans(mentions: list[_Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.ner_label) for m in mentions]


BODY = ("Councilmember Yara El-Khoury Sandoval and the mayor disagreed. "
        "El-Khoury Sandoval pushed back on Tuesday.")


def test_the_cut_surname_is_joined_and_the_pair_becomes_the_person():
    mentions = [_m(BODY, "Yara El-Khoury", "PERSON", "per"), _m(BODY, "El-Khoury Sandoval", "ORG", "org", 1)]
    out = joined_surnames(mentions, BODY)
    assert _spans(out) == [("Yara El-Khoury Sandoval", "PERSON"), ("El-Khoury Sandoval", "PERSON")]


def test_a_word_that_merely_follows_a_name_is_not_taken():
    body = "Ana Smith Tuesday said no. Smith agreed."
    mentions = [_m(body, "Ana Smith", "PERSON", "per")]
    assert _spans(joined_surnames(mentions, body)) == [("Ana Smith", "PERSON")]


def test_a_mention_already_on_the_next_word_blocks_the_join():
    body = "Ana Smith Jones spoke. Smith Jones left."
    mentions = [_m(body, "Ana Smith", "PERSON", "per"), _m(body, "Jones", "PERSON", "per")]
    assert _spans(joined_surnames(mentions, body)) == [("Ana Smith", "PERSON"), ("Jones", "PERSON")]


def test_a_longer_name_holding_the_pair_keeps_it():
    body = "Yara El-Khoury Sandoval spoke. Later Mira El-Khoury Sandoval-Reyes wrote, and El-Khoury Sandoval left."
    longer = _m(body, "Mira El-Khoury", "PERSON", "per")
    mentions = [_m(body, "Yara El-Khoury", "PERSON", "per"), longer]
    out = _spans(joined_surnames(mentions, body))
    assert out[0] == ("Yara El-Khoury Sandoval", "PERSON")
    assert ("Mira El-Khoury", "PERSON") in out          # "Sandoval-Reyes" is no occurrence of the pair
    assert out.count(("El-Khoury Sandoval", "PERSON")) == 1


def test_thousands_of_repeated_names_keep_every_mention_once():
    body = "Vladimir Putin Donald Trump " * 3_000
    mentions = [_m(body, "Vladimir Putin", "PERSON", "per", i) for i in range(3_000)]
    mentions += [_m(body, "Donald Trump", "PERSON", "per", i) for i in range(3_000)]
    out = joined_surnames(mentions, body)
    assert len(out) == 6_000 and {m.text for m in out} == {"Vladimir Putin", "Donald Trump"}
