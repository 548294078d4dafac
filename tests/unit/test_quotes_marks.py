"""Quotation marks and attribution cues seen in US political news (PolNeAR-style text): nested pairs of
another glyph family, NYT doubled apostrophes closing after a nested single mark, quote-only verbs.

Mentions are built by hand (the names below), so each case tests the quote rules, not the NER model.
"""
from __future__ import annotations

import re

from tasks.quotes import extract_quotes, find_quote_spans
from tasks.sentences import split_sentences

NAMES = {"Kelli Ward": "PERSON", "Ward": "PERSON", "Loretta Lynch": "PERSON", "Malcolm Hoenlein": "PERSON",
         "Hoenlein": "PERSON", "Obama": "PERSON", "Marco Rubio": "PERSON", "Rubio": "PERSON"}


def _mentions(body: str) -> list[dict]:
    out, taken = [], set()
    for surface in sorted(NAMES, key=len, reverse=True):
        for m in re.finditer(r"\b" + re.escape(surface) + r"\b", body):
            if taken & set(range(m.start(), m.end())):
                continue
            taken.update(range(m.start(), m.end()))
            full = next((n for n in NAMES if n.endswith(surface) and " " in n), surface)
            out.append({"start_char": m.start(), "end_char": m.end(), "text": surface, "label": NAMES[surface],
                        "entity_id": "per:" + full.split()[-1].lower(), "entity_name": full})
    return sorted(out, key=lambda m: m["start_char"])


def run(body: str) -> list[dict]:
    return extract_quotes({"article_id": "a1", "body": body}, split_sentences(body), _mentions(body))


def test_nested_pair_of_another_glyph_family_stays_inside_the_quotation():
    body = ('Kelli Ward stated:\n\n"The Department of Justice isn’t about “Equal Justice Under Law” anymore. '
            'It is about something else.\n\n"Loretta Lynch should be impeached."\n')
    spans = [body[r.start:r.end] for r in find_quote_spans(body)]
    assert spans[0].startswith("The Department") and spans[0].endswith("something else.")
    assert spans[1] == "Loretta Lynch should be impeached."
    qs = [q for q in run(body) if q["kind"] == "direct"]
    assert [q["speaker_name"] for q in qs] == ["Kelli Ward", "Kelli Ward"]


def test_nested_pair_of_the_same_curly_glyphs_stays_inside_the_quotation():
    body = ("“As a young woman, I’d rather live in what he calls “hell” than live in his world.” ― Kelli Ward\n"
            "“He “tried” hard,” Rubio said. “It is over.”")
    spans = [body[r.start:r.end] for r in find_quote_spans(body)]
    assert spans == ["As a young woman, I’d rather live in what he calls “hell” than live in his world.",
                     "He “tried” hard", "It is over."]
    q = next(q for q in run(body) if q["text"].startswith("As a young"))
    assert (q["kind"], q["speaker_name"]) == ("direct", "Kelli Ward")


def test_a_quotation_inserted_after_a_dash_or_bracket_with_its_attribution_is_direct():
    body = ("Obama wants Nabisco to stay - ''I love Oreos,'' he said - and Rubio agreed. "
            "Critics of Obama (''This is an occupation,'' Marco Rubio wrote) were loud. "
            "Obama praised Rubio's ''deep faith'' on Monday.")
    kinds = {q["text"]: q["kind"] for q in run(body) if q["kind"] != "indirect"}
    assert kinds == {"I love Oreos": "direct", "This is an occupation": "direct", "deep faith": "partial"}


def test_comma_intro_after_a_long_object_of_the_speech_verb():
    body = "Obama told the news agency TASS about it on Monday, “We are ready to talk.”"
    q = next(q for q in run(body) if q["text"].startswith("We are ready"))
    assert (q["kind"], q["speaker_name"], q["pattern"]) == ("direct", "Obama", "comma_intro")


def test_a_stage_direction_or_a_label_in_quotation_marks_is_no_quote():
    body = ('Obama said: "We will win."\n\n"(CROSSTALK.)\n\n"Related:"\n\n"We will win again," Obama said.')
    assert [q["text"] for q in run(body) if q["kind"] != "indirect"] == ["We will win.", "We will win again"]


def test_three_apostrophes_close_a_nested_single_then_the_doubled_mark():
    body = ("In an interview, Mr. Hoenlein described the meeting with Mr. Obama. ''I said, 'The lesson of history "
            "is there shouldn't be daylight between the two countries,''' he recalled.\n")
    q = next(q for q in run(body) if q["text"].startswith("I said"))
    assert q["kind"] == "direct" and q["pattern"] == "speaker_verb"
    assert body[q["speaker_start"]:q["speaker_end"]] == "he" and q["speaker_name"] == "Malcolm Hoenlein"


def test_adverb_between_speaker_and_verb_and_quote_only_verbs():
    body = "''It's clear that the issue is not experience,'' he often says. Rubio spoke in Iowa.\n\n" \
           "''This is a big win for me,'' Marco Rubio confessed.\n"
    qs = run(body)
    assert one(qs, "It's clear")["pattern"] == "speaker_verb"
    assert one(qs, "big win")["speaker_name"] == "Marco Rubio"


def test_a_verb_form_after_a_determiner_is_a_noun():
    body = "''Immigrants are integrating into U.S. society,'' the report concluded. ''Integration increases over time.''\n"
    q = one(run(body), "Immigrants are")
    assert q["speaker_text"] == "the report" and q["cue"] == "concluded"


def test_said_then_a_title_with_an_abbreviation_period():
    body = "''What was once marginal has now become mainstream,'' said former Gov. Bill Richardson of New Mexico, a Democrat.\n"
    qs = extract_quotes({"article_id": "a1", "body": body}, split_sentences(body),
                        [{"start_char": body.index("Bill"), "end_char": body.index(" of New"), "text": "Bill Richardson",
                          "label": "PERSON", "entity_id": "per:richardson", "entity_name": "Bill Richardson"}])
    q = one(qs, "marginal")
    assert q["pattern"] == "verb_speaker" and q["speaker_name"] == "Bill Richardson"


def one(quotes: list[dict], fragment: str) -> dict:
    hits = [q for q in quotes if fragment in q["text"]]
    assert len(hits) == 1, (fragment, [(q["kind"], q["text"]) for q in quotes])
    return hits[0]


def test_said_with_a_colon_after_a_sentence_final_quote_introduces_the_next_one():
    body = "''We are refugees,'' Kelli Ward said. ''We are not terrorists.'' Loretta Lynch said: ''The attack was the work of terrorists.''\n"
    qs = run(body)
    assert one(qs, "not terrorists")["speaker_name"] == "Kelli Ward"
    assert one(qs, "The attack")["speaker_name"] == "Loretta Lynch"


def test_a_short_unattributed_title_is_not_a_direct_quote():
    body = "The show was a hit.\n\n“Orange is the New Black”\n\nIt ran for seven seasons.\n"
    assert not [q for q in run(body) if q["kind"] == "direct"]


def test_a_place_opening_a_title_does_not_hide_the_person():
    body = ("U.S. Ambassador to NATO Kelli Ward publicly articulated this assessment, explicitly stating that the war "
            "is being “completely enabled by China,” and argued that Beijing could end it.\n")
    ments = _mentions(body) + [{"start_char": 0, "end_char": 4, "text": "U.S.", "label": "GPE",
                                "entity_id": "gpe:us", "entity_name": "United States"}]
    qs = extract_quotes({"article_id": "a1", "body": body}, split_sentences(body), sorted(ments, key=lambda m: m["start_char"]))
    assert one([q for q in qs if q["kind"] == "partial"], "completely enabled")["speaker_name"] == "Kelli Ward"


def test_determiner_noun_subjects_and_went_on_to_say():
    body = "Twitter became a place of support. One tweet said: ''This is very sad.''\n\n" \
           "Kelli Ward emailed supporters. The email goes on to say: “Trump wants to write racism into law.”\n"
    qs = run(body)
    assert one(qs, "very sad")["speaker_text"] == "One tweet"
    assert one(qs, "racism")["speaker_text"] == "The email"


def test_said_name_for_an_outlet_a_numeric_title_and_a_gerund_after_before():
    body = ("“The impact of Monday’s debate is still small,” wrote Kelli Ward for Morning Consult. “Just 9 percent "
            "changed their minds.”\n\n“Their rationales do not hold,” said 9/11 widow Loretta Lynch.\n\n"
            "“Promise mama,” Marco Rubio sings to Obama before asking him, “Where do we go from here?”\n")
    qs = run(body)
    assert one(qs, "still small")["speaker_name"] == "Kelli Ward"
    assert one(qs, "rationales")["speaker_name"] == "Loretta Lynch"
    assert one(qs, "Where do we go")["speaker_name"] == "Marco Rubio"


def test_appositive_with_initials_and_a_name_with_its_affiliation():
    body = ("''Union members will not defect,'' Kelli Ward, a former political director of the A.F.L.-C.I.O. and "
            "organizer, wrote in an email.\n\n''Big tax cuts do not work,'' Loretta Lynch of the American Enterprise "
            "Institute wrote recently.\n")
    qs = run(body)
    assert one(qs, "Union members")["speaker_name"] == "Kelli Ward"
    assert one(qs, "Big tax cuts")["speaker_name"] == "Loretta Lynch"


def test_a_quotation_right_after_a_naming_verb_is_partial():
    body = "Kelli Ward is hungry for what she calls “real solutions.” Obama said it was what he called “an evil, hateful act.”\n"
    qs = run(body)
    quoted = [q for q in qs if q["kind"] != "indirect"]
    assert one(quoted, "real solutions")["kind"] == "partial"
    assert one(quoted, "evil, hateful")["kind"] == "partial"


def test_a_quotation_completing_a_clause_begun_outside_it_is_partial():
    body = "An economic downturn, Kelli Ward said, “could be a good time to borrow.”\n"
    q = one([q for q in run(body) if q["kind"] != "indirect"], "good time")
    assert q["kind"] == "partial" and q["speaker_name"] == "Kelli Ward"


def test_relative_clause_and_fronted_clause_before_the_subject():
    body = ("This is what it is (Kelli Ward, who coined the word, once said, “It happened so many times.”).\n\n"
            "When asked whom she supported, Loretta Lynch smiled and said, ''I'm waiting for Bloomberg.''\n")
    qs = run(body)
    assert one(qs, "so many times")["speaker_name"] == "Kelli Ward"
    assert one(qs, "waiting for")["speaker_name"] == "Loretta Lynch"


def test_a_lone_quote_after_a_sentence_about_a_person_in_its_paragraph():
    body = "Was this a game? Kelli Ward then turned to me. “Mr. Rubio?” I had prepared a statement.\n"
    q = one(run(body), "Mr. Rubio")
    assert q["pattern"] == "previous_sentence" and q["speaker_name"] == "Kelli Ward"


def test_according_to_with_a_colon():
    body = "Kelli Ward has moved on abortion.\n\nAccording to Loretta Lynch: “Ward has had a mixed record on abortion.”\n"
    q = one(run(body), "mixed record")
    assert q["pattern"] == "according_to" and q["speaker_name"] == "Loretta Lynch"


def test_a_noun_that_looks_like_a_speech_verb_before_a_comma():
    body = "Kelli Ward quickly noted her years as senator representing the state, saying “we faced challenges together.”\n"
    assert one(run(body), "faced challenges")["speaker_name"] == "Kelli Ward"


def test_but_coordinates_and_a_nested_single_mark_still_ends_the_sentence():
    body = ("Kelli Ward was defending the foundation against Loretta Lynch, but admitted “one or two instances” of error.\n\n"
            "Marco Rubio seemed to mock him, saying at one point, ''The answer is not to yell, 'China bad.''' "
            "But Mr. Obama, again, did not respond in kind.\n")
    qs = run(body)
    assert one(qs, "one or two")["speaker_name"] == "Kelli Ward"
    assert one(qs, "The answer is not")["speaker_name"] == "Marco Rubio"


def test_a_paragraph_of_only_a_short_single_quoted_phrase_is_a_subheading():
    body = "''If I were younger, I'd go back to school,'' Kelli Ward said.\n\n'A really tough decision.'\n\nThe plant closed.\n"
    qs = run(body)
    assert [q["kind"] for q in qs if "tough decision" in q["text"]] in ([], ["partial"])
    assert one(qs, "go back to school")["speaker_name"] == "Kelli Ward"


def test_a_quote_paragraph_after_a_paragraph_that_opens_with_a_person():
    body = ("Kelli Ward also spoke about the case before the court. The laws require admitting privileges. "
            "They also mandate three appointments. Clinics must upgrade in costly ways.\n\n"
            "“Roe v. Wade is the law of the land. But it is not a right if you cannot access it.”\n\n"
            "Lawyers disagree.\n\n“Refoulement”\n")
    qs = run(body)
    assert one(qs, "law of the land")["speaker_name"] == "Kelli Ward"
    assert not [q for q in qs if q["kind"] == "direct" and q["text"] == "Refoulement"]


def test_state_as_a_noun_introduces_no_reported_speech():
    # [noun_like] in speech_verbs.txt: "state"/"states" are verbs only before a colon, ", “", "in the …" or a period
    body = ("Obama campaigned vigorously in the state that he won in 2008. Rubio leads in swing states that will "
            "vote in March. Marco Rubio met the secretary of state in Miami.\n")
    assert [q["text"] for q in run(body) if q["kind"] == "indirect" and (q["cue"] or "").lower() in ("state", "states")] == []
    body = "Marco Rubio states in the letter that the kingdom is a close ally.\n"
    qs = [q for q in run(body) if q["kind"] == "indirect"]
    assert [(q["cue"], q["text"]) for q in qs] == [("states", "the kingdom is a close ally")]


def test_state_still_attributes_a_quotation():
    body = "“The Department of Justice must act now,” Ward states in the letter.\n"
    assert [q["speaker_name"] for q in run(body) if q["kind"] == "direct"] == ["Kelli Ward"]


def test_commented_attributes_a_quotation():
    body = "While having a heated debate about the nominees, a friend commented: “For you, immigration is the issue.”\n"
    assert [q["speaker_text"] for q in run(body) if q["kind"] == "direct"] == ["a friend"]


def test_pressed_attributes_an_interviewers_question():
    body = ("Ward said the wall is negotiable.\n\n“Would it be negotiable about the 11 million?” Hoenlein pressed. "
            "“Maybe let some people stay?”\n")
    qs = [q for q in run(body) if q["kind"] == "direct"]
    assert [q["speaker_name"] for q in qs] == ["Malcolm Hoenlein", "Malcolm Hoenlein"]


def test_a_paragraph_opening_with_a_closing_glyph_opens_a_quotation():
    body = "Obama spoke about Muslims on Sunday.\n\n” … what I learned from listening to these families is that they want peace,” Obama said.\n"
    spans = [body[r.start:r.end] for r in find_quote_spans(body)]
    assert spans == ["… what I learned from listening to these families is that they want peace"]
    q = one(run(body), "what I learned")
    assert (q["kind"], q["speaker_name"]) == ("direct", "Obama")


def test_a_closing_glyph_inside_a_paragraph_still_opens_nothing():
    body = "It was over,” Rubio said after the vote.\n"
    assert [q for q in run(body) if q["kind"] != "indirect"] == []


def test_manner_of_speaking_verbs_introduce_a_direct_quote():
    body = ("During their first debate, Loretta Lynch cracked, ''I'm a progressive who likes to get things done.''\n\n"
            "Rubio interrupted the speech, shouting “We will not leave!”\n")
    qs = run(body)
    assert (one(qs, "progressive")["kind"], one(qs, "progressive")["speaker_name"]) == ("direct", "Loretta Lynch")
    assert (one(qs, "not leave")["kind"], one(qs, "not leave")["speaker_name"]) == ("direct", "Marco Rubio")


def test_a_quoted_transcript_line_is_spoken_by_its_label():
    body = ('Partial transcript as follows:\n\n"RUBIO: Let’s start with the debate. Will you be there?\n\n'
            '"Kelli Ward: Well, look, I will be there.\n\n"And I will win.\n\n"RUBIO: Thank you.\n\n"UPDATE: The debate was moved.\n')
    qs = [q for q in run(body) if q["kind"] == "direct"]
    assert [(q["text"], q["speaker_text"]) for q in qs] == [
        ("Let’s start with the debate. Will you be there?", "RUBIO"), ("Well, look, I will be there.", "Kelli Ward"),
        ("And I will win.", "Kelli Ward"), ("Thank you.", "RUBIO"), ("UPDATE: The debate was moved.", "RUBIO")]
    assert qs[0]["pattern"] == "name_colon" and qs[2]["pattern"] == "continuation"


def test_a_lower_case_quotation_completing_the_writers_sentence_is_partial():
    body = ("The streets were deserted, Rubio added, ''but people need to connect somehow.''\n\n"
            "In the United States, Kelli Ward wrote, ''to be religious is to be in sync with mainstream norms.''\n\n"
            "''We won,'' Obama said, ''and we will win again.''\n\nRubio said, “that’s how you get smart.”\n")
    kinds = {q["text"]: q["kind"] for q in run(body) if q["kind"] != "indirect"}
    assert kinds == {"but people need to connect somehow.": "partial",
                     "to be religious is to be in sync with mainstream norms.": "direct",
                     "We won": "direct", "and we will win again.": "direct", "that’s how you get smart.": "direct"}


def test_a_quotation_after_said_that_and_a_comma_completes_the_complement_clause():
    body = ("Kelli Ward recalled that in 2009, ''I called all my lenders and creditors.''\n\nRubio recalled, ''I called them.''\n\n"
            "Obama noted that a path to the nomination was open, which he declared ''a total disaster.''\n\n"
            "Obama noted that he taught law, and added: ''I know a little about this.''\n\n"
            "Rubio said that the taxes were low ― Obama boasted, ''That makes me smart.''\n")
    kinds = {q["text"]: q["kind"] for q in run(body) if q["kind"] != "indirect"}
    assert kinds == {"I called all my lenders and creditors.": "partial", "I called them.": "direct",
                     "a total disaster.": "partial", "I know a little about this.": "direct", "That makes me smart.": "direct"}


def test_a_whole_quoted_sentence_after_the_attribution_of_a_partial_quote_stays_direct():
    """A complete quoted sentence after "X said." is a direct quote as a reader sees it, though PolNeAR
    annotates it with the partial quote before it as one non-direct attribution (kept as direct on purpose)."""
    body = ("Still, golf clubs are ''just scratching out a profit,'' Rubio said from his office. ''Golf is a razor-thin "
            "industry.''\n")
    kinds = {q["text"]: (q["kind"], q["speaker_name"]) for q in run(body) if q["kind"] != "indirect"}
    assert kinds["Golf is a razor-thin industry."] == ("direct", "Marco Rubio")


def test_a_quotation_right_after_another_of_its_sentence_takes_its_kind():
    body = ("Obama called the senator a ''nasty guy,'' an ''anchor baby,'' ''unstable'' and ''sick.''\n\n"
            "''We can always have differences,'' ''If you agree on 70 percent, that is a lot,'' Rubio said.\n\n"
            "''It is over,'' Rubio said on NBC's ''Meet the Press.'' ''She lies like crazy.''\n")
    kinds = {q["text"]: q["kind"] for q in run(body) if q["kind"] != "indirect"}
    assert kinds["unstable"] == "partial"
    assert kinds["If you agree on 70 percent, that is a lot"] == "direct"
    assert kinds["She lies like crazy."] == "direct"


def test_a_double_mark_after_feet_and_inches_is_the_inch_sign():
    body = ("\u201cHe\u2019s always calling me \u2018Little Marco.\u2019 I admit, he\u2019s taller than me; he\u2019s like "
            "6\u20192\u201d,\u201d Rubio said on Sunday.\n\n"
            "\u201cHis hands are the size of someone who is 5\u20192\u201d. You can\u2019t trust them.\u201d")
    texts = [body[r.start:r.end] for r in find_quote_spans(body)]
    assert texts[0].startswith("He\u2019s always") and texts[0].endswith("6\u20192\u201d"), texts
    assert texts[1].endswith("trust them."), texts
    assert {q["speaker_name"] for q in run(body)} == {"Marco Rubio"}
