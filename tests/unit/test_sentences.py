"""Sentence splitter: tricky English cases, paragraphs, offsets (including random Unicode)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.sentences import split_sentences


def texts(body: str) -> list[str]:
    return [s["text"] for s in split_sentences(body)]


def test_abbreviations_do_not_end_sentences():
    body = ("U.S. President Donald Trump met J.D. Vance on Jan. 5 in Washington. "
            "Gen. Mark Milley and Sen. John Smith spoke with Dr. Jane Doe of Acme Inc. about No. 5.")
    assert texts(body) == [
        "U.S. President Donald Trump met J.D. Vance on Jan. 5 in Washington.",
        "Gen. Mark Milley and Sen. John Smith spoke with Dr. Jane Doe of Acme Inc. about No. 5.",
    ]


def test_decimals_and_initials():
    body = "Growth was 3.5 percent last year. George W. Bush and J. R. R. Tolkien were mentioned. It ended."
    assert texts(body) == [
        "Growth was 3.5 percent last year.",
        "George W. Bush and J. R. R. Tolkien were mentioned.",
        "It ended.",
    ]


def test_acronym_at_sentence_end_before_a_starter():
    assert texts("He lives in the U.S. The vote passed.") == ["He lives in the U.S.", "The vote passed."]
    assert texts("The bill went to the U.S. Senate on Monday.") == ["The bill went to the U.S. Senate on Monday."]


def test_ellipsis_and_exclamation():
    assert texts("He paused... Then he spoke! Was it over? Yes.") == [
        "He paused...", "Then he spoke!", "Was it over?", "Yes."]


def test_quotations():
    body = ("“We value Washington’s efforts. It is preferable to achieve our objectives,” Peskov told state media. "
            "“Russia supports peace,” Putin said. “We must find the path.”")
    assert texts(body) == [
        "“We value Washington’s efforts.",
        "It is preferable to achieve our objectives,” Peskov told state media.",
        "“Russia supports peace,” Putin said.",
        "“We must find the path.”",
    ]
    # a quote with its attribution stays one sentence
    assert texts("“Is it over?” he asked. Nobody answered.") == ["“Is it over?” he asked.", "Nobody answered."]


def test_headline_line_is_not_glued_to_the_next_sentence():
    body = "Kyiv Shows Readiness, Moscow Sets Conditions\nKyiv announced it is prepared for a truce.\n\nNext one."
    rows = split_sentences(body)
    assert [r["text"] for r in rows] == [
        "Kyiv Shows Readiness, Moscow Sets Conditions",
        "Kyiv announced it is prepared for a truce.",
        "Next one.",
    ]
    assert [r["paragraph_no"] for r in rows] == [0, 1, 2]
    assert [r["sentence_no"] for r in rows] == [0, 1, 2]


def test_offsets_index_into_body():
    body = "  First one.  Second one.\n\n\n   Third para here.   \n"
    rows = split_sentences(body)
    assert [r["text"] for r in rows] == ["First one.", "Second one.", "Third para here."]
    for r in rows:
        assert body[r["start_char"]:r["end_char"]] == r["text"]


def test_empty_and_blank():
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t\n") == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
       | st.lists(st.sampled_from(["U.S.", "Mr.", " ", ".", "“", "”", "\n", "\n\n", "Hi", "the", "?", "...", "A.",
                                   "\u2028", "\r\n", "3.5", "é", "\t"]), max_size=60).map("".join))
def test_never_raises_and_offsets_valid(body):
    rows = split_sentences(body)
    prev_end = -1
    for i, r in enumerate(rows):
        assert r["sentence_no"] == i
        assert 0 <= r["start_char"] < r["end_char"] <= len(body)
        assert r["start_char"] >= prev_end
        assert body[r["start_char"]:r["end_char"]] == r["text"]
        assert r["text"] == r["text"].strip()
        prev_end = r["end_char"]
