"""General attribution rules (``tasks/quotes/direct.py``, ``subjects.py``): signature lines, a new sentence after a
quotation that ends with a full stop, a fronted time phrase and a prepositional object before the subject, speech
verbs of remembering and reassuring.

Mentions are built by hand (the names below), so each case tests the quote rules, not the NER model. The sentences
are written for these tests.
"""
from __future__ import annotations

import re

from tasks.quotes import extract_quotes
from tasks.sentences import split_sentences

NAMES = {"Maria Lopez": "PERSON", "Lopez": "PERSON", "Tom Baker": "PERSON", "Baker": "PERSON", "Ann Walsh": "PERSON",
         "Walsh": "PERSON", "Harold Finch": "PERSON", "Finch": "PERSON", "North Dakota": "GPE", "Denver": "GPE"}
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


def _direct(body: str, fragment: str) -> dict:
    qs = extract_quotes({"article_id": "g1", "body": body}, split_sentences(body), _mentions(body))
    hits = [q for q in qs if q["kind"] == "direct" and fragment in q["text"]]
    assert len(hits) == 1, [(q["kind"], q["text"], q["speaker_text"]) for q in qs]
    return hits[0]


def test_signature_paragraph_after_a_quotation_paragraph_names_its_speaker() -> None:
    body = ("The debate brought some claims worth checking with my colleague Ann Walsh.\n\n"
            "\"Nearly every new job went to people at the very top of the income ladder.\"\n\n"
            "- Maria Lopez.\n\n"
            "The statistic is outdated, and Lopez has said so before.\n\n"
            "\"I wrote the water bill myself.\"\n\n"
            "— Baker, state senator\n\n"
            "He wrote one amendment.\n")
    q = _direct(body, "income ladder")
    assert (q["speaker_text"], q["pattern"]) == ("Maria Lopez", "dash_name")
    assert _direct(body, "water bill")["speaker_name"] == "Tom Baker"
    body = "\"We will fix the roads.\"\n\n— Sen. Ann Walsh (D-Ore.)\n\nThe roads were not fixed.\n"
    assert _direct(body, "fix the roads")["speaker_name"] == "Ann Walsh"


def test_paragraph_that_only_opens_with_a_dash_is_no_signature() -> None:
    body = ("\"Nearly every new job went to the top.\"\n\n"
            "- Maria Lopez said that in March, and Tom Baker said it again in May.\n")
    assert _direct(body, "new job")["pattern"] != "dash_name"


def test_remembered_after_a_quotation_with_nested_quotes_is_a_speech_verb() -> None:
    body = ("Walsh pushed the merger through in 2001.\n\n"
            "\"Plenty of analysts said, 'Do not do this,' and she set out to prove them wrong,\" remembered Harold "
            "Finch, a former spokesman. \"The more the criticism grew, the more determined she became.\"\n")
    assert _direct(body, "prove them wrong")["speaker_name"] == "Harold Finch"
    assert _direct(body, "more determined")["speaker_name"] == "Harold Finch"


def test_fronted_time_phrase_and_when_clause_hide_the_writer_from_the_subject() -> None:
    body = ("Last month, when I asked Maria Lopez if she would ever endorse Baker, she looked straight into my camera, "
            "frowned and said, \"I'm going to endorse you!\"\n")
    q = _direct(body, "endorse you")
    assert q["speaker_text"] == "she"
    assert q["speaker_name"] == "Maria Lopez"


def test_person_after_a_preposition_and_a_title_word_is_no_subject() -> None:
    body = ("In a long, in-prison interview with reporter Harold Finch last year, Walsh said she welcomed the trial and added, "
            "\"I will plead guilty, no problem.\"\n")
    assert _direct(body, "plead guilty")["speaker_name"] == "Ann Walsh"


def test_name_and_verb_after_a_quotation_ending_with_a_full_stop_open_the_next_sentence() -> None:
    body = ("\"It is a sad day,\" Lopez told reporters outside a diner in Denver. \"This is what a campaign of insults "
            "brings.\" Tom Baker said he would have fired the manager.\n")
    q = _direct(body, "campaign of insults")
    assert q["speaker_name"] == "Maria Lopez"
    body = "Lopez spoke first. \"We will win this state.\" Tom Baker said in a statement.\n"
    assert _direct(body, "win this state")["speaker_name"] == "Tom Baker"     # sloppy stop, no clause after the verb


def test_role_attribution_continues_and_keeps_the_local_phrase() -> None:
    body = ("Harold Finch blasted the bill in an interview.\n\n"
            "\"It is the worst bill I have seen,\" the Senate minority leader said. \"It shows no character.\" Finch "
            "said both senators are lightweights.\n")
    q = _direct(body, "no character")
    assert q["speaker_text"] == "the Senate minority leader"


def test_parenthetical_said_in_the_next_sentence_is_no_attribution_of_the_quotation_before() -> None:
    body = ("\"Maybe they will learn the lesson,\" Baker said. \"We are showing some mercy.\" North Dakota, he said, "
            "was the place to fight.\n")
    q = _direct(body, "some mercy")
    assert q["speaker_name"] == "Tom Baker"


def test_attribution_after_a_comma_inside_the_marks_still_follows_the_quotation() -> None:
    body = "\"We lost,\" Lopez said. \"We will come back,\" Tom Baker said on Monday.\n"
    assert _direct(body, "come back")["speaker_name"] == "Tom Baker"
    body = "Lopez spoke first. \"Why would we quit?\" Tom Baker said.\n"
    assert _direct(body, "quit")["speaker_name"] == "Tom Baker"


def test_possessive_phrase_then_a_titled_name_after_the_verb() -> None:
    body = "Then came the big line: \"It is time we won this,\" exhorted Baker's introducer, actress Ann Walsh.\n"
    assert _direct(body, "time we won")["speaker_name"] == "Ann Walsh"


def test_question_put_to_the_speaker_is_no_introducing_verb() -> None:
    body = ("Any charge would involve Attorney General Maria Lopez,  who told Congress when asked last month about the "
            "inquiry: \"That matter is being handled by career agents.\"\n")
    q = _direct(body, "career agents")
    assert (q["speaker_text"], q["speaker_name"], q["cue"]) == ("who", "Maria Lopez", "told")


def test_writers_and_i_quote_is_no_speaker() -> None:
    body = "No wonder Tom Baker said, and I quote, \"We love the poorly informed.\" He meant it.\n"
    assert _direct(body, "poorly informed")["speaker_name"] == "Tom Baker"


def test_from_a_persons_post_before_a_colon() -> None:
    body = "Aides say the governor will campaign for him. From Baker's Facebook post: \"We must move past this.\"\n"
    assert _direct(body, "move past")["speaker_name"] == "Tom Baker"


def test_noun_like_state_after_a_preposition_is_no_speech_verb() -> None:
    body = ("\"We built strong teams in every region,\" Maria Lopez wrote. \"We feel good about our chances\" there and in "
            "states that vote in March, the memo stated.\n")
    assert _direct(body, "our chances")["speaker_text"] == "the memo"


def test_sequence_phrase_and_colon_continue_the_previous_paragraphs_speaker() -> None:
    body = ("Lopez rarely admits a mistake.\n\n"
            "For example: \"We made a terrible mistake,\" she told a radio host in October.\n\n"
            "Then, later that month on television: \"I never said we made a mistake.\"\n\n"
            "The record says otherwise.\n")
    assert _direct(body, "never said")["speaker_name"] == "Maria Lopez"
    body = ("Lopez rarely admits a mistake.\n\n"
            "For example: \"We made a terrible mistake,\" she told a radio host in October.\n\n"
            "The bottom line: \"Nobody can fix this.\"\n")
    assert _direct(body, "Nobody can")["pattern"] != "continuation"


def test_speech_verb_of_a_relative_clause_after_the_quotation_is_skipped() -> None:
    body = ("\"If the office finds more records, it will search them for records\" that would respond to requests from the "
            "watchdog, senior trial counsel Ann Walsh wrote in a filing.\n")
    assert _direct(body, "finds more records")["speaker_name"] == "Ann Walsh"
    body = "She proposed a \"chief trade prosecutor\" who reports to the president, and called for more officers.\n"
    qs = extract_quotes({"article_id": "g1", "body": body}, split_sentences(body), _mentions(body))
    assert all(not (q["speaker_text"] or "").startswith("who") for q in qs)


def test_name_modifying_the_subject_noun_does_not_take_the_floor() -> None:
    body = ("\"This is a critique of the elite,\" said Harold Finch, who stars in the show. But the giant Baker face on "
            "the billboards has not hurt interest. \"It has had a marvelous result.\"\n")
    assert _direct(body, "marvelous")["speaker_name"] == "Harold Finch"
    body = ("\"This is a critique of the elite,\" said Harold Finch, who stars in the show. But Tom Baker disagreed. "
            "\"It has had a terrible result.\"\n")
    assert _direct(body, "terrible")["speaker_name"] == "Tom Baker"


def test_capital_i_of_an_abbreviation_is_no_pronoun() -> None:
    from tasks.quotes.rules import load_rules
    rx = load_rules().pron_re
    assert rx.search("The F.B.I. said") is None
    assert rx.search("Then I said") is not None


def test_fronted_even_before_clause_holds_no_subject() -> None:
    body = "Even before Tom Baker took the stage, Maria Lopez smiled and said, \"We are just getting started.\"\n"
    assert _direct(body, "getting started")["speaker_name"] == "Maria Lopez"


def test_statement_apologizing_names_its_issuer_for_the_quotation_after_it() -> None:
    body = ("At her direction, the Democratic National Committee issued a statement apologizing to Tom Baker for the "
            "emails.\n\n\"On behalf of everyone here, we want to offer a deep and sincere apology.\"\n")
    q = _direct(body, "sincere apology")
    assert q["speaker_name"] != "Tom Baker"


def test_inverted_speech_verb_opening_the_sentence() -> None:
    body = "The error was painful. Said Harold Finch, \"The thought that we missed it is very painful to us.\"\n"
    q = _direct(body, "very painful")
    assert (q["kind"], q["speaker_name"]) == ("direct", "Harold Finch")
    body = "The crowd cheered. Added the senator: \"We are not done yet.\"\n"
    assert _direct(body, "not done")["speaker_text"] == "the senator"
    body = "Asked why he left, Tom Baker said: \"It was time.\"\n"
    assert _direct(body, "It was time")["speaker_name"] == "Tom Baker"


def test_capital_pronoun_after_a_question_attributes_it_unless_a_clause_goes_on() -> None:
    body = "Then there is Finch.\n\n\"Too forced?\" He tweeted when Lopez ended the debate with a joke.\n"
    q = _direct(body, "Too forced")
    assert (q["speaker_text"], q["pattern"]) == ("He", "speaker_verb")
    body = "\"What is the plan?\" Baker asked. \"Is there a plan B?\" He told them there was no plan B.\n"
    assert _direct(body, "plan B")["speaker_text"] != "He"


def test_subject_before_a_participle_aside_with_a_name_inside() -> None:
    body = ("Some marchers chanted slogans. Others, reacting to the delay between the Tom Baker shooting and the video's "
            "release, shouted, \"Stop the cover-up!\"\n")
    assert _direct(body, "cover-up")["speaker_text"] == "Others"
    body = "Harold Finch, speaking after Tom Baker, said, \"We are ready.\"\n"
    assert _direct(body, "We are ready")["speaker_name"] == "Harold Finch"


def test_next_sentence_naming_where_the_quote_came_from() -> None:
    body = ("Lopez and her agency, a bad reputation.\n\n\"I'd rather have a sister in jail than a brother in the agency.\" "
            "That quote from state securities commissioner Harold Finch appeared on a front page in 1980.\n")
    q = _direct(body, "sister in jail")
    assert (q["speaker_name"], q["pattern"]) == ("Harold Finch", "quote_from")


def test_persons_words_before_a_colon_are_said_by_that_person() -> None:
    body = "The debate turned sharp.\n\nMaria Lopez's response: \"We will win this state.\"\n"
    q = _direct(body, "win this state")
    assert (q["speaker_text"], q["speaker_name"]) == ("Maria Lopez's response", "Maria Lopez")
    body = "The debate turned sharp.\n\nMaria Lopez's campaign: \"We will win this state.\"\n"
    assert _direct(body, "win this state")["speaker_name"] is None


def test_name_before_a_relative_clause_that_ends_at_the_verb() -> None:
    body = ("Maria Lopez, who called Tom Baker shortly after the count, told her supporters, \"I still love this "
            "state.\"\n")
    assert _direct(body, "love this state")["speaker_name"] == "Maria Lopez"
    body = "Harold Finch of Denver, who met Tom Baker twice, said: \"He is ready.\"\n"
    assert _direct(body, "He is ready")["speaker_name"] == "Harold Finch"


def test_person_opening_the_clause_before_an_appositive_with_names() -> None:
    body = ("Senator Harold Finch, the Denver Republican who heads the North Dakota committee, which oversees Tom Baker, "
            "said, \"These donations call his independence into question.\"\n")
    assert _direct(body, "donations")["speaker_name"] == "Harold Finch"
