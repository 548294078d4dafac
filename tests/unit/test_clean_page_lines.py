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
    from tasks.clean.classify import JUNK, classify_paragraphs
    from tasks.ingest.readers.markdown import markdown_paragraphs
    teaser = "Ferry operators say the new timetable will add a crossing every hour from the first week of June."
    labels = classify_paragraphs(markdown_paragraphs("\n".join(BODY + [bio, "Tags", teaser])))
    assert labels[len(BODY)] == JUNK          # the bio: no body paragraph right after it
    bio2 = "Jane Roe is senior law correspondent at The Example Herald, covering the courts."
    assert bio2 not in _body(tmp_path / "b", _page(HEADER + BODY + [bio2]))


def test_an_editors_note_ends_a_paragraph_that_stays(tmp_path):
    """An interview's intro whose last sentence is "This interview has been edited for length and clarity." is
    the article's text; the note alone on its line is furniture."""
    intro = ("I spoke to Ada Obi last week at her office in Lagos, where she had a dozen prototypes laid out on a "
             "table. This interview has been edited for length and clarity.")
    note = "This interview has been edited for length and clarity."
    body = _body(tmp_path, _page(HEADER + [intro] + BODY + [note]))
    assert intro in body and note not in body


CAPTIONS = [
    "Commuters wait for a train on Tuesday. “Every time they say it’s the last one,” one rider said.Jane Roe/Globe Staff",
    "Workers protest job cuts in Zwickau. \"This is our future,\" read one banner.Image: John Doe/dpa/picture alliance",
    "Ada Obi measures mussels from the lake. “Every mussel tells you something,” she says. Image credit: John Doe, University",
    "Officials count ballots at a station in central Seoul on Wednesday. (Yonhap)",
    "Crews work on an elevated home on 137th Avenue on Tuesday. [ JANE ROE | Times ]",
    "A woman holds a dog at the evacuation centre on Thursday.(ABC News: Jane Roe)",
    "A boat ramp sits above the waterline. \"We are running out of runway,\" a hydrologist said. (Jane Roe, Associated Press)",
]


def test_a_caption_ending_in_its_credit_is_dropped_even_when_it_quotes(tmp_path):
    for k, caption in enumerate(CAPTIONS):
        body = _body(tmp_path / str(k), _page(HEADER + BODY[:2] + [caption] + BODY[2:]))
        assert caption not in body and all(b in body for b in BODY), caption


def test_a_sentence_ending_in_a_footnote_or_end_mark_stays(tmp_path):
    """Footnote markers, a wire story's "(END)" and a glued "Read more" are no credits; "By Tuesday, ... published
    ..." is no byline."""
    lines = ["A Russian milblogger rejected recent reports of advances in the southern region of the country.[lxxix]",
             "The ministry said the talks would resume next week in the capital after a short break. (END)",
             "By Tuesday, the council had published its report on the state of the old bridge and its cables."]
    body = _body(tmp_path, _page(HEADER + BODY[:2] + lines + BODY[2:]))
    assert all(x in body for x in lines), body
    from tasks.clean.classify import CAPTION_CREDITS
    assert CAPTION_CREDITS is not None
    assert not CAPTION_CREDITS.fullmatch("The mayor said the bridge would reopen once the cables were replaced.Read more")


def test_a_caption_above_a_photographers_credit_line_is_dropped_mid_article(tmp_path):
    """"Jane Roe/AP" under a line marks it as a caption anywhere, quoted or not; a bare agency name
    signing off the story does not take the last paragraph with it."""
    caption = "Damage is seen at an elementary school after a tornado moved through the area. “We were lucky,” he said."
    body = _body(tmp_path, _page(HEADER + BODY[:3] + [caption, "Hank Ritter/AP"] + BODY[3:]))
    assert caption not in body and "Hank Ritter/AP" not in body and all(b in body for b in BODY)
    body = _body(tmp_path / "b", _page(HEADER + BODY + ["AFP"]))
    assert BODY[-1] in body
    body = _body(tmp_path / "c", _page(HEADER + BODY[:3] + ["Share/Bookmark"] + BODY[3:]))
    assert all(b in body for b in BODY)


def test_a_short_sentence_after_a_read_more_block_resumes_the_article(tmp_path):
    """A "Read more" heading takes the headlines under it, not the article's short sentence after them (when a
    prose paragraph follows it; a newsletter blurb before its sign-up form stays furniture)."""
    resume = "Opposition parties at Holyrood seized on the announcement."
    block = ["Read more", "Ferry chief executive to step down after turbulent three years",
             "Audit office says costs of new vessels now above 400 million"]
    body = _body(tmp_path, _page(HEADER + BODY[:2] + block + [resume] + BODY[2:]))
    assert resume in body and not any(b in body for b in block)
    blurb = "A free daily digest of the news that matters most."
    body = _body(tmp_path / "b", _page(HEADER + BODY + ["Most Popular"] + block[1:] + ["The Daily", blurb,
                                                                                       "Email (required)"]))
    assert blurb not in body and BODY[-1] in body


def test_a_long_answer_naming_a_subscription_is_no_appeal():
    """An interview answer of 40+ words with one appeal word is text; a short appeal to the reader is not."""
    from tasks.clean.rules import is_appeal_like
    answer = ("Castellanos: By being the company that only does this. Meta has to make glasses that fit into Meta's "
              "business, and that business is advertising. We charge for the hardware and for a subscription, and "
              "that's it. We don't train on your photos. I'd love for that to be a boring promise one day.")
    assert not is_appeal_like(answer)
    assert is_appeal_like("Never miss a story. Start your subscription to The Example Herald today.")
    assert is_appeal_like("We rely on readers like you: please donate today and become a supporter of our work. " * 3)


FURNITURE = [
    "By Jane Roe Globe Staff,Updated December 2, 2026, 6:14 p.m.",
    "By Jane Roe and John Doe, Associated Press | Posted - Dec. 2, 2026 at 3:48 p.m.",
    "By: Jane Roe - Reporter / @janeroeEH",
    "Jane Roe can be reached at jane.roe@example-herald.com. Follow her @janeroe.",
    "Reach the reporter at jane.roe@example-herald.com.",
    "Good journalism costs a lot of money. Yet only good journalism can ensure an accountable democracy.",
    "By contributing to the Example Herald, you are helping to sustain a journalism of relevance.",
    "Independent journalism costs money. Support the Example Herald for the price of a coffee.",
    "Sign up for Herald Business: The global business news you need.",
    "You can unsubscribe at any time by clicking the link in the footer of our emails.",
    "Want to join the conversation? Please or to comment on this article.",
    "Please note you must be a Herald Insider to comment. Sign up here.",
    "Voiced by artificial intelligence.",
    "This story was originally published December 2, 2026 at 5:00 AM.",
    "— With assistance from John Doe.",
    "If you buy something from a Herald link, Example Media may earn a commission. See our ethics statement.",
    "Herald live coverage will continue overnight. Refresh the page for the latest updates.",
    "For more information on our map methodology, please view our statement here .",
]


def test_furniture_lines_of_the_page_are_dropped(tmp_path):
    for k, line in enumerate(FURNITURE):
        body = _body(tmp_path / str(k), _page(HEADER + BODY[:3] + [line] + BODY[3:]))
        assert line not in body and all(b in body for b in BODY), line


def test_a_dont_miss_heading_takes_its_teasers():
    from tasks.clean.classify import JUNK, classify_paragraphs
    from tasks.ingest.readers.markdown import markdown_paragraphs
    lines = BODY[:3] + ["Don't miss...", "Driver who killed mum on school run jailed[LATEST]",
                        "Family in plea to drivers after tragic crash[INSIGHT]"] + BODY[3:]
    labels = classify_paragraphs(markdown_paragraphs("\n".join(lines)))
    assert labels[3:6] == [JUNK] * 3 and JUNK not in labels[:3] + labels[6:]


def test_a_table_of_figures_closing_the_article_is_kept(tmp_path):
    """Rows of figures right after the last paragraph (under a short title) are the article's own table, not a
    list of other stories' headlines; the related headlines after them still go."""
    rows = ["-13: Callum Roe (67-64)", "-10: Tyler Doe (66-67)", "-9: Ada Obi (69-65)"]
    stats = ["Possession: 54% - 46%", "Shots on target: 6 - 5", "Corners: 8 - 3"]
    related = ["Related", "Arsenal 3-1 Aston Villa: Gunners move five clear at the top",
               "Spurs boss hits out after Newcastle defeat", "Premier League"]
    for k, table in enumerate((rows, stats)):
        body = _body(tmp_path / str(k), _page(HEADER + BODY + ["Second-round scores"] + table + related))
        assert all(r in body for r in table) and not any(r in body for r in related[1:]), body


def test_a_quoted_two_sentence_line_ending_the_article_is_no_headline(tmp_path):
    """'"This is my life. Where else would I go?"' before the tags: the article's last paragraph."""
    last = "\"This is my life. Where else would I go?\""
    body = _body(tmp_path, _page(HEADER + BODY + [last, "Tags", "Harbour", "Bridges"]))
    assert body[-1] == last


def test_more_furniture_with_curly_apostrophes_and_a_second_bio_sentence(tmp_path):
    lines = ["We’ll keep you informed during hurricane season with timely updates and expert analysis.",
             "Jane Roe covers water and the environment for the Example Herald. She previously reported for the "
             "Valley Gazette."]
    for k, line in enumerate(lines):
        body = _body(tmp_path / str(k), _page(HEADER + BODY + [line]))
        assert line not in body and BODY[-1] in body, line


def test_a_last_paragraph_signed_with_the_outlets_initials_is_kept(tmp_path):
    last = "“The tribunal considered all objections in detail. Its reasons are public,” the statement said. DM"
    body = _body(tmp_path, _page(HEADER + BODY + [last, "Gallery", "Comments", "Most read"]))
    assert body[-1] == last


def test_a_line_repeated_with_a_closing_quote_is_no_caption_pair():
    """"... in Munich." then "... in Munich.Jane Roe—Getty Images" is a caption and its credited copy; a
    sentence followed by itself plus a closing quotation mark is not (the appended part has no letters)."""
    from tasks.clean.classify import BODY, classify_paragraphs
    from tasks.ingest.readers.markdown import markdown_paragraphs
    s = "The the the the the the the the the the the the the the the the."
    labels = classify_paragraphs(markdown_paragraphs("\n".join(["||", s, s + "”"])))
    assert labels[1] == BODY
