"""Subjects of speech verbs in US political news phrasing (``tasks/quotes/subjects.py``): time words between the
subject and the verb, participle clauses, fronted phrases before the subject.

Mentions are built by hand (the names below), so each case tests the quote rules, not the NER model.
"""
from __future__ import annotations

import re

from tasks.quotes import extract_quotes
from tasks.sentences import split_sentences

NAMES = {"Reince Priebus": "PERSON", "Priebus": "PERSON", "Sean Spicer": "PERSON", "Paul Ryan": "PERSON",
         "Ryan": "PERSON", "Donald Trump": "PERSON", "Trump": "PERSON", "Hillary Clinton": "PERSON",
         "Clinton": "PERSON", "Bernie Sanders": "PERSON", "Sanders": "PERSON", "Sarah Silverman": "PERSON",
         "Silverman": "PERSON", "David Axelrod": "PERSON", "Axelrod": "PERSON", "Trump University": "ORG",
         "Fox News": "ORG", "Muslims": "NORP", "Chuck Todd": "PERSON", "Mark Bloomberg": "PERSON", "Bloomberg": "PERSON",
         "Norman Ham": "PERSON", "Ham": "PERSON", "Obama": "PERSON", "Anna White": "PERSON", "Ben Wallace": "PERSON",
         "Zelenskyy": "PERSON", "Dick Durbin": "PERSON", "Jim Clyburn": "PERSON",
         "Mark Cuban": "PERSON", "Cuban": "NORP"}


#: a surname mention resolves to the full name, as the entity stage does
_FULL = {n.split()[-1]: n for n in NAMES if len(n.split()) == 2 and NAMES[n] == "PERSON"}


def _mentions(body: str) -> list[dict]:
    out, taken = [], set()
    for surface in sorted(NAMES, key=len, reverse=True):
        for m in re.finditer(r"\b" + re.escape(surface) + r"\b", body):
            if taken & set(range(m.start(), m.end())):
                continue
            taken.update(range(m.start(), m.end()))
            out.append({"start_char": m.start(), "end_char": m.end(), "text": surface, "label": NAMES[surface],
                        "entity_id": surface.split()[-1].lower(), "entity_name": _FULL.get(surface, surface)})
    return sorted(out, key=lambda m: m["start_char"])


def _run(body: str) -> list[dict]:
    return extract_quotes({"article_id": "s1", "body": body}, split_sentences(body), _mentions(body))


def _direct(body: str, fragment: str) -> dict:
    hits = [q for q in _run(body) if q["kind"] == "direct" and fragment in q["text"]]
    assert len(hits) == 1, [(q["kind"], q["text"], q["speaker_text"]) for q in _run(body)]
    return hits[0]


def test_day_between_subject_and_verb_is_no_speaker() -> None:
    body = ("Spicer said the two would meet next week.\n\n"
            "Priebus later Thursday told Fox News: “Both Donald Trump and Paul Ryan are meeting up next week.”\n")
    assert _direct(body, "Both Donald Trump")["speaker_text"] == "Priebus"


def test_day_alone_is_never_a_speaker() -> None:
    body = "The campaign issued a statement Tuesday saying, “We are ready for the fight.”\n"
    assert _direct(body, "We are ready")["speaker_text"] != "Tuesday"


def test_participle_after_an_object_is_said_by_the_clause_subject() -> None:
    body = ("Trump, who said last week that the judge in a case involving Trump University was biased, issued a "
            "statement Tuesday saying, “I do not feel that one's heritage makes them incapable of being impartial.”\n")
    assert _direct(body, "I do not feel")["speaker_name"] == "Donald Trump"
    body = "Sanders started out their ninth debate saying “of course Clinton has the qualifications to be president.”\n"
    assert _direct(body, "of course")["speaker_name"] == "Bernie Sanders"


def test_participle_after_upon_is_said_by_the_clause_subject() -> None:
    body = ("Silverman, herself a Sanders supporter during the primary, incurred a wave of boos upon saying, "
            "“Hillary heard the passion of the people.”\n")
    assert _direct(body, "Hillary heard")["speaker_name"] == "Sarah Silverman"


def test_participle_keeps_its_own_subject_after_with_of_and_as() -> None:
    body = "Clinton tied Sanders to Wall Street, with one of her ads asking, “Who is paying for this?”\n"
    assert _direct(body, "Who is paying")["speaker_text"] == "one of her ads"
    body = "The ad then cuts to footage of Trump saying, “We are going to win so much.”\n"
    assert _direct(body, "We are going")["speaker_name"] == "Donald Trump"
    body = "An early tweet by Hillary Clinton quoted Sanders as saying, “We need to do something now.”\n"
    assert _direct(body, "We need to do")["speaker_name"] == "Bernie Sanders"


def test_fronted_phrases_before_the_subject_are_skipped() -> None:
    body = ("In June 2009, after Clinton suffered a concussion, Axelrod emailed her condolences, addressing her as "
            "“Hillary” and telling her, “you are an all-star player and we need you for the long run!”\n")
    assert _direct(body, "all-star")["speaker_name"] == "David Axelrod"


def test_pronoun_refers_to_the_subject_after_a_fronted_clause() -> None:
    body = ("Mark Bloomberg was on the show.\n\nPushed by host Chuck Todd on his plans for 2020, Bloomberg demurred.\n\n"
            "“It is too early to tell,” he said.\n")
    assert _direct(body, "too early")["speaker_name"] == "Mark Bloomberg"
    # "According to X," is an attribution, not a fronted clause: X stays the subject of the sentence
    body = ("Norman Ham spoke on the radio.\n\nAccording to Ham, the administration has shuffled through leaders "
            "because many disagreed with Obama’s policies.\n\n“We are on our fourth secretary of defense,” he said.\n")
    assert _direct(body, "fourth secretary")["speaker_name"] == "Norman Ham"


def test_role_with_the_name_in_apposition_is_the_name() -> None:
    body = "“We are ready for the fight,” a spokeswoman, Anna White, said.\n"
    assert _direct(body, "We are ready")["speaker_name"] == "Anna White"
    body = ("In mid-November, the defence secretary, Ben Wallace, visited Kyiv and told Zelenskyy, "
            "“You can’t fatten up a pig on market day.”\n")
    assert _direct(body, "fatten up")["speaker_name"] == "Ben Wallace"


def test_party_and_state_in_brackets_after_the_name() -> None:
    body = "“I don’t know what it’s going to take,” said Senate Minority Whip Dick Durbin (D-Ill.) in an interview.\n"
    assert _direct(body, "going to take")["speaker_name"] == "Dick Durbin"
    body = "“That is a problem for the party,” added Rep. Jim Clyburn (D-S.C.), a member of the leadership.\n"
    assert _direct(body, "a problem")["speaker_name"] == "Jim Clyburn"


def test_name_missed_by_the_ner_after_its_title() -> None:
    # no mention for the name (the NER missed it): the capitalised words after the title words are the speaker
    body = ("“Republicans are so frustrated with the decision,” said Oversight ranking Democrat Elijah Cummings "
            "(D-Md.).\n")
    assert _direct(body, "so frustrated")["speaker_text"] == "Elijah Cummings"


def test_nationality_word_that_is_a_persons_surname() -> None:
    # the model tags "Cuban" NORP (a nationality adjective, never a speaker) but the article names Mark Cuban
    body = ("Mark Cuban says he is open to running.\n\n"
            "Pushed by the host on his plans, Cuban demurred.\n\n“It is too early to tell,” Cuban said.\n")
    assert _direct(body, "too early")["speaker_name"] == "Mark Cuban"
    body = "Cuban voters are split.\n\n“It is too early to tell,” a Cuban official said.\n"
    assert _direct(body, "too early")["speaker_name"] is None
