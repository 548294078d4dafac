"""ingest.discover / read_files: formats, manifests, drops, metadata, dates (real files in tmp_path)."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, UTC
from pathlib import Path

import pytest

from tasks.ingest import discover, file_hash, parse_datetime, read_files


def _read(raw: Path):
    files = discover(raw)
    return files, *read_files(raw, files)


def _by_path(docs):
    return {d["source_path"]: d for d in docs}


def test_discover_drops_hidden_and_manifests(tmp_path):
    raw = tmp_path / "raw"
    (raw / "d1" / "sub").mkdir(parents=True)
    (raw / "d1" / "a.txt").write_text("Title\n\nBody text.")
    (raw / "d1" / "sub" / "b.txt").write_text("Title\n\nBody text.")
    (raw / "d1" / ".hidden.txt").write_text("x")
    (raw / ".git").mkdir()
    (raw / ".git" / "c.txt").write_text("x")
    (raw / "d1" / "manifest.csv").write_text("file,outlet\na.txt,X\n")
    (raw / "top.txt").write_text("Title\n\nBody.")
    files = discover(raw)
    assert [f.rel_path for f in files] == ["d1/a.txt", "d1/sub/b.txt", "top.txt"]
    assert [f.drop_id for f in files] == ["d1", "d1", "default"]
    f = files[0]
    assert f.size == (raw / "d1" / "a.txt").stat().st_size
    assert f.mtime_ns == (raw / "d1" / "a.txt").stat().st_mtime_ns
    assert f.manifest_anchor and not files[1].manifest_anchor


def test_discover_missing_dir_is_empty(tmp_path):
    assert discover(tmp_path / "nope") == []


def test_file_hash_is_sha256(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(b"abc" * 1000)
    assert file_hash(p) == hashlib.sha256(b"abc" * 1000).hexdigest()


def test_txt_doc_fields(tmp_path):
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True)
    (raw / "d" / "a.txt").write_bytes(b"Headline here\r\nBody line one.\rBody line two.\n")
    files, docs, rej = _read(raw)
    assert rej == []
    (doc,) = docs
    assert doc["source_path"] == "d/a.txt" and doc["drop_id"] == "d" and doc["format"] == "txt"
    assert doc["file_hash"] == file_hash(raw / "d" / "a.txt")
    assert doc["text"] == "Headline here\nBody line one.\nBody line two.\n"
    assert set(doc["meta"]) >= {"title", "outlet", "url", "published_at", "byline", "id"}


def test_markdown_front_matter(tmp_path):
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True)
    (raw / "d" / "a.md").write_text(
        "---\ntitle: Front Title\nsource: https://example.org/story\ndate: 2025-05-19\noutlet: Example Post\n---\n"
        "# Front Title\n\nSome **bold** text with a [link](https://x.example) that is\nsoft wrapped.\n\n"
        "![photo](a.png)\n\n- first item\n- second item\n")
    _, docs, rej = _read(raw)
    assert rej == []
    (doc,) = docs
    m = doc["meta"]
    assert m["title"] == "Front Title" and m["outlet"] == "Example Post"
    assert m["url"] == "https://example.org/story"
    assert m["published_at"] == datetime(2025, 5, 19, tzinfo=UTC)
    assert "Some bold text with a link that is soft wrapped." in doc["text"]
    assert "png" not in doc["text"] and "**" not in doc["text"]
    assert "first item" in doc["text"] and "second item" in doc["text"]


def test_markdown_bad_front_matter_still_reads(tmp_path):
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True)
    (raw / "d" / "a.md").write_text("---\ntitle: [unclosed\n---\nBody of the markdown article.\n")
    _, docs, rej = _read(raw)
    assert rej == [] and docs[0]["text"].strip() == "Body of the markdown article."


HTML_PAGE = """<!doctype html><html><head><title>Fallback | Site</title>
<meta property="og:title" content="Floods hit northern Italy">
<meta property="og:site_name" content="Example Herald"><meta name="author" content="Jane Smith">
<meta property="article:published_time" content="2024-05-03T10:00:00+02:00">
<link rel="canonical" href="https://example.org/floods">
<script>var tracking = "SCRIPT_TEXT";</script><style>p { color: red }</style></head>
<body><header><nav><a>Home</a> / <a>World</a></nav></header>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<aside>Sidebar text</aside>
<main><article><h1>Floods hit northern Italy</h1>
<p>Heavy rain caused severe <b>flooding</b> across northern Italy on Friday, officials said.</p>
<p>The civil protection agency said 12 people were missing.<br>Rescue teams worked overnight.</p>
<div class="share-buttons">Share Tweet Email</div>
<form>Subscribe form</form>
</article></main><footer>Footer text</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True)
    (raw / "d" / "page.html").write_text(HTML_PAGE)
    _, docs, rej = _read(raw)
    assert rej == []
    (doc,) = docs
    t = doc["text"]
    paras = t.split("\n\n")
    assert "Heavy rain caused severe flooding across northern Italy on Friday, officials said." in paras
    assert "The civil protection agency said 12 people were missing.\nRescue teams worked overnight." in paras
    for junk in ("SCRIPT_TEXT", "color: red", "Home", "Sidebar text", "Footer text", "Share Tweet",
                 "We use cookies", "Subscribe form"):
        assert junk not in t
    m = doc["meta"]
    assert m["title"] == "Floods hit northern Italy"
    assert m["outlet"] == "Example Herald" and m["byline"] == "Jane Smith"
    assert m["url"] == "https://example.org/floods"
    assert m["published_at"] == datetime(2024, 5, 3, 8, 0, tzinfo=UTC)


def test_html_title_falls_back_to_title_tag(tmp_path):
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True)
    (raw / "d" / "p.htm").write_text("<html><head><title>Plain Title | Some Site</title></head>"
                                     "<body><p>Only paragraph of this page with text.</p></body></html>")
    _, docs, rej = _read(raw)
    assert rej == [] and docs[0]["meta"]["title"] == "Plain Title" and docs[0]["format"] == "html"


def test_json_and_jsonl(tmp_path):
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True)
    (raw / "d" / "one.json").write_text(json.dumps({
        "id": "a1", "title": "T", "outlet": "Wire X", "url": "http://x/1",
        "published_at": "Mon, 19 May 2025 14:30:00 +0200", "text": "Body of one."}))
    lines = [json.dumps({"text": "First body."}), "", "{not json", json.dumps({"html": "<p>Html body.</p>"}),
             json.dumps({"title": "no text here"}), json.dumps(["not", "an", "object"])]
    (raw / "d" / "many.jsonl").write_text("\n".join(lines) + "\n")
    _, docs, rej = _read(raw)
    by = _by_path(docs)
    assert set(by) == {"d/one.json", "d/many.jsonl#1", "d/many.jsonl#4"}
    one = by["d/one.json"]
    assert one["meta"]["id"] == "a1" and one["meta"]["outlet"] == "Wire X" and one["text"] == "Body of one."
    assert one["meta"]["published_at"] == datetime(2025, 5, 19, 12, 30, tzinfo=UTC)
    assert by["d/many.jsonl#4"]["text"] == "Html body."
    reasons = {r["source_path"]: r["reason"] for r in rej}
    assert reasons == {"d/many.jsonl#3": "malformed_json", "d/many.jsonl#5": "no_text", "d/many.jsonl#6": "no_text"}
    assert all(r["file_hash"] == file_hash(raw / "d" / "many.jsonl") for r in rej)


def test_manifest_metadata_wins_where_it_has_values(tmp_path):
    raw = tmp_path / "raw"
    (raw / "d" / "sub").mkdir(parents=True)
    (raw / "d" / "a.json").write_text(json.dumps({"text": "Body A.", "outlet": "Own Outlet", "title": "Own title"}))
    (raw / "d" / "sub" / "b.txt").write_text("Title B\n\nBody B.")
    (raw / "d" / "manifest.csv").write_text(
        "file,outlet,url,published_at,title\n"
        "a.json,Manifest Outlet,http://m/a,2025-05-19,\n"
        "sub/b.txt,,http://m/b,\"May 19, 2025\",Manifest Title\n")
    _, docs, rej = _read(raw)
    assert rej == []
    by = _by_path(docs)
    a, b = by["d/a.json"]["meta"], by["d/sub/b.txt"]["meta"]
    assert a["outlet"] == "Manifest Outlet" and a["title"] == "Own title" and a["url"] == "http://m/a"
    assert b["title"] == "Manifest Title" and b["outlet"] is None
    assert b["published_at"] == datetime(2025, 5, 19, tzinfo=UTC)


def test_manifest_jsonl_missing_and_escapes(tmp_path):
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True)
    outside = tmp_path / "secret.txt"
    outside.write_text("SECRET")
    (raw / "d" / "a.txt").write_text("T\n\nBody.")
    (raw / "d" / "link.txt").symlink_to(outside)
    rows = [{"file": "a.txt", "outlet": "O"}, {"file": "missing.txt"}, {"file": "../../etc/passwd"},
            {"file": "/etc/passwd"}, {"file": "link.txt", "outlet": "L"}]
    (raw / "d" / "manifest.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    files, docs, rej = _read(raw)
    assert [d["source_path"] for d in docs] == ["d/a.txt"] and docs[0]["meta"]["outlet"] == "O"
    got = {(r["source_path"], r["reason"]) for r in rej}
    assert got == {
        ("d/manifest.jsonl:missing.txt", "missing_file"),
        ("d/manifest.jsonl:../../etc/passwd", "outside_raw_dir"),
        ("d/manifest.jsonl:/etc/passwd", "outside_raw_dir"),
        ("d/manifest.jsonl:link.txt", "outside_raw_dir"),
        ("d/link.txt", "outside_raw_dir"),
    }
    assert all("SECRET" not in (d["text"]) for d in docs)


def test_manifest_problems_reported_once_across_batches(tmp_path):
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True)
    for n in "abc":
        (raw / "d" / f"{n}.txt").write_text(f"T {n}\n\nBody {n}.")
    (raw / "d" / "manifest.csv").write_text("file,outlet\nmissing.txt,X\n")
    files = discover(raw)
    rej = []
    for f in files:                       # one file per batch
        rej += read_files(raw, [f])[1]
    assert [r["reason"] for r in rej] == ["missing_file"]


def test_default_drop_manifest(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("T\n\nBody.")
    (raw / "manifest.csv").write_text("file,outlet\na.txt,Root Outlet\n")
    files, docs, rej = _read(raw)
    assert [f.rel_path for f in files] == ["a.txt"] and rej == []
    assert docs[0]["drop_id"] == "default" and docs[0]["meta"]["outlet"] == "Root Outlet"


@pytest.mark.parametrize("value, expected", [
    ("2025-05-19T10:30:00Z", datetime(2025, 5, 19, 10, 30, tzinfo=UTC)),
    ("2025-05-19T10:30:00+03:00", datetime(2025, 5, 19, 7, 30, tzinfo=UTC)),
    ("2025-05-19", datetime(2025, 5, 19, tzinfo=UTC)),
    ("Mon, 19 May 2025 10:30:00 GMT", datetime(2025, 5, 19, 10, 30, tzinfo=UTC)),
    ("May 19, 2025", datetime(2025, 5, 19, tzinfo=UTC)),
    ("19 May 2025", datetime(2025, 5, 19, tzinfo=UTC)),
    ("May 19th, 2025", datetime(2025, 5, 19, tzinfo=UTC)),
    (1747650600, datetime(2025, 5, 19, 10, 30, tzinfo=UTC)),
    ("not a date", None), ("", None), (None, None), ("99999-99-99", None),
])
def test_parse_datetime(value, expected):
    got = parse_datetime(value)
    assert got == expected
    if got is not None:
        assert got.tzinfo is not None and got.utcoffset().total_seconds() == 0


# ------------------------------------------------------------------ HTML through trafilatura

NEWS_PAGE = """<!doctype html><html lang="en"><head><title>Harbour bridge reopens after repairs | The Coastal Gazette</title>
<meta property="og:site_name" content="The Coastal Gazette">
<meta name="author" content="Maria Lopez"><meta property="article:published_time" content="2025-03-14T09:30:00Z">
<link rel="canonical" href="https://www.coastalgazette.example/news/2025/03/14/bridge-reopens"></head>
<body><header><a href="/">Home</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<div id="cookie-consent">We use cookies to give you the best experience. <button>Accept all</button></div>
<main><article><h1>Harbour bridge reopens after repairs</h1>
<p class="byline">By Maria Lopez</p>
<p>The harbour bridge reopened to traffic on Friday morning after eight months of repairs that cost the city
about 40 million dollars, officials said.</p>
<p>“It has been a long wait for everyone who commutes across the bay,” the mayor told reporters at the
reopening ceremony. Engineers replaced two of the four main cables and resurfaced the deck.</p>
<h2>Traffic expected to return</h2>
<p>Transport officials expect about 60,000 vehicles a day to use the bridge again by the end of the month,
close to the level before the closure began last July.</p>
<div class="share-tools"><a>Share on Facebook</a><a>Share on X</a><a>Email</a></div>
</article>
<aside class="related"><h3>Most read</h3><ul><li><a href="/a">Council approves new budget</a></li>
<li><a href="/b">Storm warning for the weekend</a></li><li><a href="/c">Local team wins the cup</a></li></ul></aside>
</main><footer><p>© 2025 The Coastal Gazette. All rights reserved.</p></footer></body></html>"""


def test_html_news_page_through_trafilatura(tmp_path):
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True)
    (raw / "d" / "bridge.html").write_text(NEWS_PAGE)
    _, docs, rej = _read(raw)
    assert rej == []
    (doc,) = docs
    paras = doc["text"].split("\n\n")
    assert any(p.startswith("The harbour bridge reopened to traffic on Friday morning") for p in paras)
    assert any(p.startswith("Transport officials expect about 60,000 vehicles") for p in paras)
    assert "Traffic expected to return" in paras                     # a subheading is its own paragraph
    for junk in ("Sport", "We use cookies", "Share on Facebook", "Council approves new budget", "All rights reserved"):
        assert junk not in doc["text"], junk
    m = doc["meta"]
    assert m["outlet"] == "The Coastal Gazette" and m["byline"] == "Maria Lopez"
    assert m["published_at"] == datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
    assert m["url"] == "https://www.coastalgazette.example/news/2025/03/14/bridge-reopens"


def test_html_short_page_is_not_rejected(tmp_path):
    """A page with a readable body is never no_text, even when it is too short for trafilatura."""
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True)
    (raw / "d" / "short.html").write_text("<html><body><div><span>Ferry services resume.</span></div>"
                                          "<div>Ferries to the islands run again from Monday, the operator said.</div>"
                                          "</body></html>")
    _, docs, rej = _read(raw)
    assert rej == [] and "Ferries to the islands run again from Monday" in docs[0]["text"]


def test_html_page_without_a_body_gets_a_clear_reason(tmp_path):
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True)
    links = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(30))
    (raw / "d" / "nav.html").write_text(f"<html><body><nav><ul>{links}</ul></nav><script>app()</script></body></html>")
    _, docs, rej = _read(raw)
    assert docs == [] and rej[0]["reason"] == "no_text" and "trafilatura" in rej[0]["detail"]


def _teaser_page(container: str) -> str:
    teasers = "".join(f'<div><h3><a href="/n/{i}">Council debates harbour plan {i}</a></h3><p>Members of the council '
                      f'spent the evening discussing the proposal, which would add {i} new bus stops along the harbour '
                      f'road, officials said on Monday.</p><span>2 hours ago</span></div>' for i in range(8))
    return ("<html><head><title>Ferry service suspended after engine fault</title></head><body><main>"
            "<article><h1>Ferry service suspended after engine fault</h1>"
            "<p>The island ferry service was suspended on Tuesday after an engine fault was found during a routine "
            "inspection, the operator said.</p><p>Passengers were offered refunds, and a replacement vessel is "
            "expected to arrive on Friday.</p></article>"
            f"{container.format(teasers=teasers)}</main></body></html>")


def test_html_teaser_list_of_other_stories_is_not_article_text(tmp_path):
    """A "More news" list of other stories with their summaries (class more-news) inside <main> is pruned
    before trafilatura reads the page; a container with an unknown class, or without links, is not."""
    raw = tmp_path / "raw"
    (raw / "d").mkdir(parents=True)
    (raw / "d" / "a.html").write_text(_teaser_page('<section class="more-news box"><h2>More news</h2>{teasers}</section>'))
    (raw / "d" / "b.html").write_text(_teaser_page('<section class="teaser">{teasers}</section>').replace(
        '<a href="/n/', '<b data-n="'))    # a "teaser" without a single link: kept
    _, docs, rej = _read(raw)
    assert rej == []
    by = _by_path(docs)
    a, b = by["d/a.html"]["text"], by["d/b.html"]["text"]
    assert "replacement vessel" in a and "bus stops" not in a and "2 hours ago" not in a
    assert "replacement vessel" in b and "bus stops" in b


def test_prune_never_takes_the_headline_or_the_whole_page():
    from trafilatura.utils import load_html

    from tasks.ingest.readers.html_prune import prune_furniture
    tree = load_html('<html><body><div class="related"><h1>Headline</h1><p><a href="/x">link</a> '
                     + "text " * 100 + '</p></div></body></html>')
    assert prune_furniture(tree) == 0                       # holds the <h1>
    tree = load_html('<html><body><div class="sidebar"><p><a href="/x">link</a> ' + "text " * 100
                     + '</p></div><p>Short.</p></body></html>')
    assert prune_furniture(tree) == 0                       # would leave under 200 characters
