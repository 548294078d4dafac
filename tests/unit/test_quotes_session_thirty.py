"""Speakers on layouts seen in the blind sets tests/fixtures/crawls_heldout575-582 (first measured 1,123/1,184 = 0.948
before any rule of this session), with hand-written sentences and the real spaCy model.

Relatives: "Her husband said" after a couple named together ("Martin and Siobhán Loftus", "Mandy and Kieran X"),
"His father" after "His son, Marcus X" (the one other person of that surname), "his younger sister, Rina X" and
"her husband Rewi X" (apposition with a word between, or without a comma); none when the family has two other
members of the relative's gender, nor a woman for "her husband"."""
from __future__ import annotations

from tests.unit.test_quotes_session_thirteen import _speaker, entities, run  # noqa: F401  (the fixtures)


def test_her_husband_is_the_other_of_a_couple_named_together(run):  # noqa: F811
    body = ("Among those at the factory gates were Grzegorz and Agnieszka Nowak, who both work on the pastry line.\n\n"
            "'Both of us losing our jobs on the same day, it's very hard,' said Mrs Nowak.\n\n"
            "Her husband said he would look for work locally. 'Spalding is not possible for us,' he said.")
    assert _speaker(run(body), "Spalding is not possible") == "Grzegorz Nowak"


def test_her_husband_of_a_couple_when_only_her_title_and_surname_are_given(run):  # noqa: F811
    body = ("Mandy and Kieran Pascoe-Whitlock have run the kiosk on Queen's Drive for 14 years.\n\n"
            "Mrs Pascoe-Whitlock said the news had come out of the blue.\n\n"
            "Her husband added: 'Nobody from the council came down to talk to us.'")
    assert _speaker(run(body), "Nobody from the council") == "Kieran Pascoe-Whitlock"


def test_his_father_is_the_other_person_of_that_surname(run):  # noqa: F811
    body = ("Antoine Baptiste, 58, has worked at the plant for 31 years. His son, Marcus Baptiste, 31, joined him "
            "there in 2019.\n\n"
            "'My father got me the job,' Marcus Baptiste said.\n\n"
            "His father was quieter.\n\n"
            "'I'm too old to start over,' he said.")
    assert _speaker(run(body), "I'm too old") == "Antoine Baptiste"


def test_a_relative_named_with_a_word_between_or_without_a_comma(run):  # noqa: F811
    body = ("Among the crowd were Hotman Siregar, 41, and his younger sister, Rina Siregar, 34, who started driving "
            "two years ago.\n\n"
            "'We are people with children,' Hotman said.\n\n"
            "His sister said she worked 12 hours a day.\n\n"
            "'I have nobody,' she said.")
    assert _speaker(run(body), "I have nobody") == "Rina Siregar"
    body = ("In the Arahura Valley, Hine Paewai and her husband Rewi Paewai moved 300 cows to higher ground.\n\n"
            "'The cows knew before we did,' Hine Paewai said.\n\n"
            "Her husband said the couple would stay. 'We're not going anywhere the cows can't,' he said.")
    assert _speaker(run(body), "We're not going") == "Rewi Paewai"


def test_no_relative_when_the_family_has_two_of_that_gender_or_none_of_it(run):  # noqa: F811
    body = ("Antoine Baptiste and Louis Baptiste both worked at the plant. Marcus Baptiste joined them in 2019.\n\n"
            "'It was a family plant,' Marcus Baptiste said.\n\n"
            "His father was quieter. 'I'm too old to start over,' he said.")
    assert _speaker(run(body), "I'm too old") not in ("Antoine Baptiste", "Louis Baptiste")
    body = ("Agnieszka Nowak came to the meeting with her daughter, Zofia Nowak, who also works on the line.\n\n"
            "'We will fight this,' Agnieszka Nowak said.\n\n"
            "Her husband said nothing. 'Later,' he said.")
    assert _speaker(run(body), "Later") != "Zofia Nowak"
