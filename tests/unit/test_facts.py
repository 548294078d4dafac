"""Unit tests for tasks/facts.py: numeric and date facts, their `about`, and robustness on any text."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.facts import extract_facts, fact_id_for, facts_in_sentence, load_rules, tokenize


def _sentences(body: str) -> list[dict]:
    """Line + full-stop split, enough for these hand-written texts (offsets into body)."""
    out = []
    for m in re.finditer(r"[^\n]+", body):
        for s in re.finditer(r".+?(?:[.!?]+(?=\s|$)|$)", m.group(0)):
            a = m.start() + s.start() + (len(s.group(0)) - len(s.group(0).lstrip()))
            b = m.start() + s.end()
            if b > a:
                out.append({"sentence_no": len(out), "start_char": a, "end_char": b, "text": body[a:b]})
    return out


def facts(body: str, published_at=None, mentions=None) -> list[dict]:
    art = {"article_id": "a1", "body": body, "published_at": published_at}
    rows = extract_facts(art, _sentences(body), mentions or [])
    for r in rows:
        assert body[r["start_char"]:r["end_char"]] == r["text"]
    return rows


def one(body: str, kind: str | None = None, **kw) -> dict:
    rows = [r for r in facts(body, **kw) if kind is None or r["kind"] == kind]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize("text,qualifier", [
    ("Putin held a two-hour call with Trump on Monday.", "exact"),
    ("Putin described his two-hour phone conversation with Trump as useful.", "exact"),
    ("Trump said: I just finished a very productive two-hour call with Putin.", "exact"),
    ("Trump spoke with Putin by phone. The call, which lasted two hours, ended at noon.", "exact"),
    ("The conversation, which reportedly lasted over two hours, signals renewed diplomacy.", "over"),
    ("Their telephone call lasted more than two hours on Monday.", "more_than"),
    ("The call lasted 120 minutes.", "exact"),
])
def test_call_duration_is_two_hours_about_call(text, qualifier):
    f = one(text, "duration")
    assert (f["value"], f["unit"], f["about"], f["qualifier"]) == (2.0, "hour", "call", qualifier)


def test_duration_units_are_canonical_per_scale():
    f = one("A 30-day ceasefire was proposed.", "duration")
    assert (f["value"], f["unit"], f["value_text"], f["about"]) == (30.0, "day", "P30D", "ceasefire")
    f = one("They agreed a two-week truce.", "duration")
    assert (f["value"], f["unit"], f["value_text"], f["about"]) == (14.0, "day", "P2W", "ceasefire")
    f = one("The meeting lasted 90 minutes.", "duration")
    assert (f["value"], f["unit"], f["value_text"], f["about"]) == (1.5, "hour", "PT90M", "meeting")
    f = one("The end of their three-year war is not in sight.", "duration")
    assert (f["value"], f["unit"], f["about"]) == (3.0, "year", "war")
    f = one("Talks resumed after a three-year hiatus.", "duration")
    assert f["about"] == "hiatus"
    f = one("They met after more than three years of armed conflict.", "duration")
    assert (f["value"], f["qualifier"], f["about"]) == (3.0, "more_than", "war")


def test_counts_and_vague_counts():
    f = one("Both sides agreed to exchange 1,000 prisoners each.", "count")
    assert (f["value"], f["about"], f["text"]) == (1000.0, "prisoners", "1,000 prisoners")
    f = one("The war has caused tens of thousands of deaths.", "count")
    assert (f["about"], f["qualifier"]) == ("deaths", "vague")
    f = one("At least twenty-five people were hurt.", "count")
    assert (f["value"], f["qualifier"], f["about"]) == (25.0, "at_least", "people")
    assert one("A dozen drones were shot down.", "count")["value"] == 12.0
    assert one("Officials said 1,200 Ukrainian soldiers were freed.", "count")["about"] == "soldiers"


def test_fractions_percent_amounts():
    f = one("Russia occupies a fifth of Ukraine.", "fraction")
    assert (f["value"], f["about"]) == (0.2, "territory")
    f = one("It holds about one-fifth of Ukraine's land.", "fraction")
    assert (f["value"], f["about"], f["qualifier"]) == (0.2, "territory", "about")
    f = one("Nearly two-thirds of voters backed it.", "fraction")
    assert f["value"] == pytest.approx(0.666667) and f["about"] == "voters" and f["qualifier"] == "nearly"
    f = one("Prices rose 20% last year.", "percent")
    assert (f["value"], f["unit"]) == (20.0, "percent")
    assert one("Turnout was 61.5 per cent.", "percent")["value"] == 61.5
    f = one("Congress approved $61 billion in military aid.", "amount")
    assert (f["value"], f["unit"], f["about"]) == (61e9, "USD", "aid")
    f = one("The fund holds 5 million euros.", "amount")
    assert (f["value"], f["unit"]) == (5e6, "EUR")
    assert one("It cost $1.5bn.", "amount")["value"] == 1.5e9


def test_fraction_place_uses_mentions_when_given():
    body = "Half of Congress voted no. A third of Ukraine is mined."
    cong = body.index("Congress")
    ukr = body.index("Ukraine")
    mentions = [{"start_char": cong, "end_char": cong + 8, "label": "ORG"},
                {"start_char": ukr, "end_char": ukr + 7, "label": "GPE"}]
    abouts = [r["about"] for r in facts(body, mentions=mentions) if r["kind"] == "fraction"]
    assert abouts == ["congress", "territory"]


def test_dates():
    f = one("The war began in February 2022 with the invasion.", "date")
    assert (f["value_text"], f["unit"], f["about"]) == ("2022-02", "month", "war")
    f = one("They met for the first time since 2022.", "date")
    assert (f["value_text"], f["unit"]) == ("2022", "year")
    f = one("The deal was signed on 18 March 2025.", "date")
    assert f["value_text"] == "2025-03-18" and f["value"] == 20165.0
    assert one("They spoke on March 18.", "date")["value_text"] == "--03-18"
    assert one("They spoke on March 18.", "date", published_at="2025-05-20T08:00:00Z")["value_text"] == "2025-03-18"
    assert one("They spoke on December 30.", "date", published_at="2025-01-02")["value_text"] == "2024-12-30"
    assert facts("You may 18 times do it.") == [] or all(r["kind"] != "date" for r in facts("You may 18 times do it."))


def test_previous_event_is_a_different_about():
    body = ("Putin and Trump spoke for two hours on Monday. The last phone call between the two leaders "
            "occurred on March 18 and lasted more than two hours.")
    rows = facts(body, published_at="2025-05-20")
    durs = [(r["about"], r["qualifier"]) for r in rows if r["kind"] == "duration"]
    assert ("previous call", "more_than") in durs
    assert all(a != "call" for a, q in durs if q == "more_than")
    date = [r for r in rows if r["kind"] == "date"][0]
    assert date["about"] == "previous call"
    # a dated earlier event without a marker word is also apart, when the publication date is known
    f = one("The call on March 18 lasted 90 minutes.", "duration", published_at="2025-05-20")
    assert f["about"] == "previous call"
    # while the article's own event keeps the plain noun
    f = one("The call on May 19 lasted 90 minutes.", "duration", published_at="2025-05-20")
    assert f["about"] == "call"


@pytest.mark.parametrize("text", [
    "The newly elected American Pope Leo XIV and the Vatican are interested.",
    "It is Europe's deadliest conflict since World War Two.",
    "Putin and Trump talked, the first time since the war began.",
    "It takes two to tango.",
    "Article 5 of the treaty applies.",
    "The G7 met at 10:30 on Friday.",
    "The score was 3-1 to the visitors.",
    "The 19th round of sanctions passed.",
    "The two leaders spoke again.",
])
def test_not_facts(text):
    rows = [r for r in facts(text) if r["kind"] in ("count", "number", "duration")]
    assert rows == []


def test_ids_offsets_and_schema_fields():
    body = "Intro line.\n\nThe two-hour call ended. They freed 1,000 prisoners."
    rows = facts(body)
    assert len(rows) == 2
    from tasks.schemas import FACTS
    names = {f.name for f in FACTS} - {"run_id", "pipeline_version"}
    for r in rows:
        assert set(r) == names
        assert r["fact_id"] == fact_id_for("a1", r["start_char"], r["end_char"])
    assert [r["sentence_no"] for r in rows] == [1, 2]


def test_works_without_sentences():
    body = "The two-hour call ended.\n\nThey freed 1,000 prisoners."
    rows = extract_facts({"article_id": "x", "body": body}, [], [])
    assert {r["about"] for r in rows} == {"call", "prisoners"}
    assert extract_facts({"article_id": "x", "body": ""}, [], []) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
       | st.lists(st.sampled_from(["two", "-", "hour", "a", "fifth", "of", "March", "18", ",", "2022", "1,000",
                                   "$", "%", "lasted", "call", "over", "tens", "thousands", "half", "an", "and",
                                   "last", "İ", "ß", "\n", "Two", "War", "’s", "1.5", "bn", "the", "'s", "."]),
                  max_size=40).map(" ".join))
def test_never_raises_and_offsets_valid(text):
    # the unguarded core first (extract_facts itself logs and skips a failing sentence)
    toks = tokenize(text)
    for f in facts_in_sentence(toks, load_rules(), None, [(0, 3)]):
        assert 0 <= f.i0 < f.i1 <= len(toks)
    art = {"article_id": "h", "body": text, "published_at": "2025-05-20"}
    for sents in (_sentences(text), []):
        rows = extract_facts(art, sents, [])
        for r in rows:
            assert 0 <= r["start_char"] < r["end_char"] <= len(text)
            assert text[r["start_char"]:r["end_char"]] == r["text"]
            assert r["kind"] in {"duration", "count", "amount", "percent", "date", "fraction", "number"}


def test_rule_files_hold_only_strings():
    """YAML turns bare on/off/no/yes into booleans: every listed word must stay a string."""
    r = load_rules()
    for name in ("stop_words", "event_nouns", "previous_markers", "next_markers", "duration_verbs", "definite"):
        assert all(isinstance(w, str) for w in getattr(r, name)), name
    assert {"on", "no", "off"} <= r.stop_words
    assert all(isinstance(k, str) for k in r.synonyms)


def test_more_general_cases():
    f = one("Federal agencies spent about $13 million on four trips.", "amount")
    assert (f["value"], f["qualifier"], f["about"]) == (13e6, "about", None)
    f = one("Trump asked for $5.7 billion for his border wall.", "amount")
    assert f["about"] == "wall"
    f = one("It could cost billions of dollars.", "amount")
    assert (f["unit"], f["qualifier"]) == ("USD", "vague")
    assert [r["kind"] for r in facts("Cuts approved 15 years ago were reversed.")] == []
    assert one("Calls to a half-dozen advisers went unanswered.", "count")["value"] == 6.0
    assert facts("It was his first one-on-one interview.") == []
    assert [r["kind"] for r in facts("The hope and change campaign of '08 is over.")] == []
    f = one("Malia, aged 16, spoke.", "number")
    assert f["unit"] == "age"
