"""Cleaning of crawled pages, line by line: standfirst from the page's description, bios inside an article,
editor's notes, captions with their credits, related-story blocks (tasks/clean/classify.py)."""
from __future__ import annotations

from pathlib import Path

from tasks.clean import clean_documents
from tasks.ingest import discover, read_files

BODY = [
    "The city council voted on Tuesday to close the old harbour bridge for repairs that will take at least six months.",
    "Engineers found cracks in two of the four main cables during an inspection last spring, the council said.",
    "“We cannot take any risk with people's safety,” the mayor told reporters after the vote.",
    "Ferries will run every twenty minutes while the bridge is closed, and buses will be rerouted through the tunnel.",
    "The repairs are expected to cost about 40 million dollars, most of it paid by the regional government.",
]
HEADER = ["Skip to main content", "Example Herald", "News", "# Harbour bridge to close for repairs"]


def _page(lines: list[str], description: str | None = None) -> str:
    fm = "title: \"Harbour bridge to close for repairs\"\nsource: https://www.example-herald.com/news/bridge\n" \
         "date: 2025-03-14\n"
    if description:
        fm += f"description: \"{description}\"\n"
    return f"---\n{fm}---\n\n" + "\n".join(lines) + "\n"


def _body(tmp_path: Path, page: str) -> list[str]:
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True, exist_ok=True)
    (raw / "d" / "p.md").write_text(page, encoding="utf-8")
    docs, rej = read_files(raw, discover(raw))
    arts, rej2 = clean_documents(docs)
    assert rej == [] and rej2 == [] and len(arts) == 1
    return arts[0]["body"].split("\n\n")


def test_the_line_that_is_the_page_description_is_the_standfirst(tmp_path):
    """A standfirst after the byline (not right under the title), without a final full stop, is kept when it
    is the page's own description; without a description it reads as header furniture."""
    standfirst = "A campaign to rescue the old harbour bridge is gathering pace, writes Jane Roe"
    lines = HEADER + ["Jane Roe, Wednesday 3 Dec 2026", standfirst, "Share"] + BODY
    assert _body(tmp_path, _page(lines, description=standfirst))[0] == standfirst
    assert standfirst not in _body(tmp_path / "b", _page(lines))


def test_a_bio_line_inside_the_article_is_its_text_and_at_the_end_a_bio(tmp_path):
    """"Name is the director of ..." before the questions of an interview introduces the interviewee; the same
    kind of line after the last paragraph is the author's bio."""
    intro = ("Ada Obi is the managing director of PayLink Africa, a Lagos-based payments company. "
             "In this interview, she speaks about regulation.")
    bio = "Jane Roe is a senior reporter at the Example Herald covering transport."
    body = _body(tmp_path, _page(HEADER + ["Ada Obi, managing director, PayLink Africa", intro] + BODY + [bio]))
    assert body[0] == intro and bio not in body


def test_an_editors_note_ends_a_paragraph_that_stays(tmp_path):
    """An interview's intro whose last sentence is "This interview has been edited for length and clarity." is
    the article's text; the note alone on its line is furniture."""
    intro = ("I spoke to Ada Obi last week at her office in Lagos, where she had a dozen prototypes laid out on a "
             "table. This interview has been edited for length and clarity.")
    note = "This interview has been edited for length and clarity."
    body = _body(tmp_path, _page(HEADER + [intro] + BODY + [note]))
    assert intro in body and note not in body
