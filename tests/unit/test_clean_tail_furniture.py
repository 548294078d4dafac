"""Page furniture seen in the blind sets tests/fixtures/crawls_heldout170-209 that the cleaner kept as article text:
a byline with its date stamp ("By: Jane Roe - December 5, 2026 4:00 am"), share rows written as "Share on Facebook |
Share on X" or "Share: Facebook | X", and after the article the author's "covers … for …" bio, the outlet describing
itself ("… is part of States Newsroom, a nonprofit news network"), its republishing terms and partners, comment
notices and subscription appeals. The same words inside an article stay its text (tasks/rules/page_junk.txt,
page_junk_tail.txt). The last four tests are guards (they pass on the code before the change too)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tasks.clean import clean_documents
from tasks.ingest import discover, read_files

BODY = [
    "The city council voted on Tuesday to close the old harbour bridge for repairs that will take at least six months.",
    "Engineers found cracks in two of the four main cables during an inspection last spring, the council said.",
    "“We cannot take any risk with people's safety,” the mayor told reporters after the vote.",
    "Ferries will run every twenty minutes while the bridge is closed, and buses will be rerouted through the tunnel.",
    "The repairs are expected to cost about 40 million dollars, most of it paid by the regional government.",
]


def _body(tmp_path: Path, lines: list[str]) -> list[str]:
    page = ("---\ntitle: \"Harbour bridge to close for repairs\"\nsource: https://www.example-beacon.com/news/bridge\n"
            "date: 2026-12-05\n---\n\n# Harbour bridge to close for repairs\n" + "\n".join(lines) + "\n")
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True, exist_ok=True)
    (raw / "d" / "p.md").write_text(page, encoding="utf-8")
    docs, rej = read_files(raw, discover(raw))
    arts, rej2 = clean_documents(docs)
    assert rej == [] and rej2 == [] and len(arts) == 1
    return arts[0]["body"].split("\n\n")


@pytest.mark.parametrize("line", [
    "By: Anastasia Petrovna Kuzmina-Ahgook - December 5, 2026 4:00 am",
    "By Priyanka Venkataraman-Holt Dec. 5, 2026, 10:13 a.m.",
    "by Tan Mei Ling and Rayyan Hakimi bin Osman on 5 December 2026",
])
def test_a_byline_with_its_date_stamp_is_furniture(tmp_path, line):
    assert _body(tmp_path, [line] + BODY) == BODY


@pytest.mark.parametrize("line", ["Share on Facebook | Share on X | Email",
                                  "Share this story: Facebook | X | LinkedIn | Copy link"])
def test_a_share_row_after_the_standfirst_is_furniture(tmp_path, line):
    """After the standfirst, where the page's header rules no longer reach."""
    assert _body(tmp_path, BODY[:1] + [line] + BODY[1:]) == BODY


@pytest.mark.parametrize("tail", [
    ["Anastasia Kuzmina-Ahgook covers fisheries and rural Alaska for the Example Beacon. She is based in Bethel."],
    ["Ruairí Ó Dálaigh covers the DP World Tour for Golfweek. Follow him on X @RuairiOD."],
    ["Ana Luísa Cavalcanti-Reyes is Dialogue Earth’s climate diplomacy editor, based in São Paulo."],
    ["Example Beacon is part of States Newsroom, a nonprofit news network supported by grants and a coalition of donors.",
     "Our stories may be republished online or in print under Creative Commons license CC BY-NC-ND 4.0."],
    ["The Example Project is a nonpartisan, nonprofit news organization that seeks to hold power to account."],
    ["This article was published in partnership with the Baton Rouge Advocate."],
    ["Comments are closed on this article."],
    ["Subscribe to the Example Beacon for unlimited digital access.", "We can’t do it without you."],
])
def test_after_the_article_bios_self_descriptions_and_notices_are_furniture(tmp_path, tail):
    assert _body(tmp_path, BODY + tail) == BODY


@pytest.mark.parametrize("line", [
    "Greenpeace is an independent campaigning organisation, its spokesperson said.",
    "The charity is an independent body and will review the case.",
    "The Government covers the rest of the cost, the council said.",
])
def test_the_same_shapes_as_the_articles_own_text_are_kept(tmp_path, line):
    assert _body(tmp_path, BODY + [line]) == BODY + [line]
    assert _body(tmp_path / "b", [line] + BODY)[0] == line


def test_a_sentence_opening_with_by_and_a_day_is_no_dated_byline(tmp_path):
    line = "By Tuesday, the council had published its report on the cables."
    assert _body(tmp_path, BODY[:2] + [line] + BODY[2:]) == BODY[:2] + [line] + BODY[2:]


def test_a_source_line_before_a_labelled_quote_is_the_articles_text(tmp_path):
    """Ukrainska Pravda's layout: "Source: X, head of …, on Telegram" then "Quote: “…”" and "Details: …" lines; its
    footer's Ctrl+Enter prompt and Patreon appeal are furniture."""
    source = "Source: Serhii Bondarenko-Holub, head of the Kupiansk District Military Administration, on Telegram"
    item = [BODY[0], source, "Quote: “The shelling has become constant. I am asking parents: do not wait, leave.”",
            "Details: About 140 children were still living in the three villages, the administration said."]
    footer = ["Support Example Pravda on Patreon!",
              "If you notice an error, select the required text and press Ctrl+Enter to report it to the editors."]
    assert _body(tmp_path, item + BODY[1:] + footer) == item + BODY[1:]
