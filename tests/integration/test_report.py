"""The analyst HTML report (tasks/report.py) on a real DuckDB warehouse.

Two warehouses: a hand-built one with the CONTRACT tables and realistic rows taken
from the five seed articles (always available, lets us check exact content and
escaping), and the real warehouse of a seeds run through the nightly flow.
"""
from __future__ import annotations

import html
import re
import shutil
from datetime import datetime, UTC
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.report import story_filename, word_diff_html, write_report

XSS_TITLE = "Putin <script>alert(1)</script> & Trump talk"
STORY = "a1b2c3d4e5f60718"
LONELY = "ffee000011112222"

OUTLETS = ["North Press", "Moscow Digest", "Balkan Wire", "The Daily Guardian", "Euro Observer"]
ARTICLE_IDS = ["000aaa", "001bbb", "002ccc", "003ddd", "004eee"]

_DDL = {
    "articles": "article_id varchar, drop_id varchar, source_path varchar, outlet varchar, url varchar, "
                "title varchar, byline varchar, published_at timestamptz, body varchar, n_words integer, "
                "story_id varchar",
    "rejected_files": "source_path varchar, drop_id varchar, reason varchar, detail varchar, run_id varchar",
    "sentences": "article_id varchar, sentence_no integer, paragraph_no integer, start_char integer, "
                 "end_char integer, text varchar",
    "entity_mentions": "article_id varchar, sentence_no integer, start_char integer, end_char integer, "
                       "text varchar, label varchar, entity_id varchar",
    "entities": "entity_id varchar, name varchar, label varchar, aliases varchar[], n_articles integer, "
                "n_outlets integer",
    "quotes": "quote_id varchar, article_id varchar, sentence_no integer, start_char integer, end_char integer, "
              "text varchar, kind varchar, speaker_text varchar, speaker_start integer, speaker_end integer, "
              "speaker_entity_id varchar, speaker_name varchar, cue varchar, confidence double",
    "facts": "fact_id varchar, article_id varchar, sentence_no integer, start_char integer, end_char integer, "
             "text varchar, kind varchar, value double, unit varchar, about varchar",
    "stories": "story_id varchar, title varchar, n_articles integer, n_outlets integer, "
               "first_published timestamptz, last_published timestamptz",
    "quote_agreement": "story_id varchar, quote_group_id varchar, speaker_name varchar, canonical_text varchar, "
                       "n_outlets integer, n_articles integer, outlets varchar[], n_variants integer, "
                       "min_similarity double, verbatim boolean",
    "quote_variants": "quote_group_id varchar, quote_id varchar, article_id varchar, outlet varchar, "
                      "text varchar, similarity double",
    "entity_coverage": "story_id varchar, entity_id varchar, name varchar, label varchar, n_outlets integer, "
                       "outlet_share double, outlets varchar[], surface_forms struct(outlet varchar, forms varchar[])[]",
    "claim_agreement": "story_id varchar, claim_id varchar, text varchar, n_outlets integer, outlets varchar[], "
                       "support_share double, exclusive boolean",
    "fact_agreement": "story_id varchar, about varchar, kind varchar, unit varchar, consensus_value double, "
                      "n_outlets integer, conflict boolean",
    "outlet_agreement": "story_id varchar, outlet_a varchar, outlet_b varchar, shared_claims integer, jaccard double",
    "runs": "run_id varchar, started_at timestamptz, finished_at timestamptz, status varchar, files_seen bigint, "
            "articles_new bigint, articles_skipped bigint, files_rejected bigint, pipeline_version varchar",
}

CANONICAL = ("Russia will propose and is ready to work with the Ukrainian side on a memorandum "
             "on a possible future peace accord")
VARIANTS = [
    ("001bbb", "Moscow Digest", "Russia will propose and be ready to work with the Ukrainian side on a memorandum "
                                "on a potential future peace agreement", 0.86),
    ("002ccc", "Balkan Wire", "Russia will propose and is ready to work with the Ukrainian side on a memorandum "
                              "detailing key aspects of a future peace deal", 0.74),
    ("003ddd", "The Daily Guardian", CANONICAL, 1.0),
]


def _ins(con, table: str, rows: list[tuple]) -> None:
    n = len(rows[0])
    con.executemany(f"insert into {table} values ({', '.join('?' * n)})", rows)


def build_sample_warehouse(path: Path, title: str = XSS_TITLE) -> Path:
    """A real DuckDB warehouse with every CONTRACT table and rows modelled on the seed articles.

    Story STORY has five outlets, claims (shared and exclusive), one quote group with
    differently worded variants, a conflicting fact (prisoners 1,000 vs 1,200) and
    Kiev/Kyiv surface forms; story LONELY has one article and empty agreement rows.
    """
    con = duckdb.connect(str(path))
    for t, cols in _DDL.items():
        con.execute(f"create table {t} ({cols})")
    _insert_articles(con, title)
    _insert_claims(con)
    _insert_quotes(con)
    _insert_facts(con)
    _insert_entities(con)
    con.close()
    return path


def _insert_articles(con, title: str) -> None:
    """Articles of STORY (five outlets, one XSS title, one javascript: url) and LONELY; stories, a rejected file, a run."""
    t0 = datetime(2025, 5, 19, 18, 0, tzinfo=UTC)
    t1 = datetime(2025, 5, 20, 7, 30, tzinfo=UTC)
    arts = []
    for i, (aid, outlet) in enumerate(zip(ARTICLE_IDS, OUTLETS)):
        t = title if i == 0 else f"Putin and Trump hold two-hour call ({outlet})"
        arts.append((aid, "sample", f"sample/{aid}.txt", outlet,
                     "javascript:alert(2)" if i == 1 else f"https://example.org/{aid}", t, None,
                     t0 if i < 3 else t1, "body", 400 + i, STORY))
    arts.append(("999zzz", "sample", "sample/999.txt", "Local Herald", None, "Council approves budget",
                 None, None, "body", 120, LONELY))
    _ins(con, "articles", arts)
    _ins(con, "stories", [(STORY, title, 5, 5, t0, t1),
                          (LONELY, "Council approves budget", 1, 1, None, None)])
    _ins(con, "rejected_files", [("sample/broken.bin", "sample", "binary", "not text", "run-1")])
    _ins(con, "runs", [("run-1", t0, t1, "ok", 6, 6, 0, 1, "0.1.0")])


def _insert_claims(con) -> None:
    """Claims shared and exclusive, and the outlet pairs' agreement derived from them."""
    claims = [
        ("c1", "Putin and Trump spoke by phone for about two hours on Monday", OUTLETS, False),
        ("c2", "Russia will draft a memorandum on a future peace agreement with Ukraine", OUTLETS[:4], False),
        ("c3", "Ceasefire negotiations will begin immediately", ["North Press", "The Daily Guardian", "Balkan Wire"], False),
        ("c4", "Talks resumed in Istanbul after a three-year hiatus", ["Moscow Digest", "Euro Observer"], False),
        ("c5", "Zelenskiy had no immediate reaction <b>bold</b>", ["The Daily Guardian"], True),
        ("c6", "Kremlin spokesman Dmitry Peskov called the conversation important", ["Euro Observer"], True),
    ]
    _ins(con, "claim_agreement", [(STORY, cid, text, len(o), o, len(o) / 5, ex) for cid, text, o, ex in claims])
    pairs = []
    for i, a in enumerate(OUTLETS):
        for b in OUTLETS[i + 1:]:
            sa = {c[0] for c in claims if a in c[2]}
            sb = {c[0] for c in claims if b in c[2]}
            pairs.append((STORY, a, b, len(sa & sb), len(sa & sb) / len(sa | sb)))
    _ins(con, "outlet_agreement", pairs)


def _insert_quotes(con) -> None:
    """One quote group with differently worded variants, one exclusive quote."""
    _ins(con, "quote_agreement", [(STORY, "qg1", "Vladimir Putin", CANONICAL, 3, 3,
                                   ["Moscow Digest", "Balkan Wire", "The Daily Guardian"], 3, 0.74, False),
                                  (STORY, "qg2", "Dmitry Peskov", "a very important conversation", 1, 1,
                                   ["Euro Observer"], 1, 1.0, True)])
    _ins(con, "quote_variants", [("qg1", f"q{i}", aid, outlet, text, sim)
                                 for i, (aid, outlet, text, sim) in enumerate(VARIANTS)]
         + [("qg2", "q9", "004eee", "Euro Observer", "a very important conversation", 1.0)])
    _ins(con, "quotes", [(f"q{i}", aid, 3, 0, len(text), text, "direct", "Putin", 0, 5, "e_putin",
                          "Vladimir Putin", "said", 0.9) for i, (aid, _, text, _) in enumerate(VARIANTS)])


def _insert_facts(con) -> None:
    """A conflicting fact (prisoners 1,000 vs 1,200) and an agreed one."""
    _ins(con, "facts", [
        ("f1", "004eee", 5, 0, 10, "1,000 prisoners", "count", 1000.0, "prisoners", "prisoner exchange"),
        ("f2", "001bbb", 7, 0, 10, "1,200 prisoners", "count", 1200.0, "prisoners", "prisoner exchange"),
        ("f3", "000aaa", 1, 0, 10, "two hours", "duration", 2.0, "hour", "phone call"),
        ("f4", "003ddd", 1, 0, 10, "two hours", "duration", 2.0, "hour", "phone call"),
    ])
    _ins(con, "fact_agreement", [(STORY, "prisoner exchange", "count", "prisoners", 1000.0, 2, True),
                                 (STORY, "phone call", "duration", "hour", 2.0, 2, False)])


def _insert_entities(con) -> None:
    """Kiev/Kyiv surface forms and their coverage per outlet."""
    mentions = [("000aaa", "Kyiv", "e_kyiv"), ("001bbb", "Kiev", "e_kyiv"), ("001bbb", "Kiev", "e_kyiv"),
                ("002ccc", "Kyiv", "e_kyiv"), ("004eee", "Kyiv", "e_kyiv"),
                ("003ddd", "Zelenskiy", "e_zel"), ("004eee", "Volodymyr Zelensky", "e_zel"),
                ("000aaa", "Vladimir Putin", "e_putin"), ("001bbb", "Putin", "e_putin")]
    _ins(con, "entity_mentions", [(aid, 1, 0, len(t), t, "GPE" if e == "e_kyiv" else "PERSON", e)
                                  for aid, t, e in mentions])
    _ins(con, "entities", [("e_kyiv", "Kyiv", "GPE", ["Kiev", "Kyiv"], 4, 4),
                           ("e_zel", "Volodymyr Zelensky", "PERSON", ["Zelenskiy"], 2, 2),
                           ("e_putin", "Vladimir Putin", "PERSON", ["Putin"], 2, 2)])

    def forms(*pairs):
        return [{"outlet": o, "forms": sorted(f)} for o, f in sorted(pairs)]

    _ins(con, "entity_coverage", [
        (STORY, "e_kyiv", "Kyiv", "GPE", 4, 0.8, ["Balkan Wire", "Euro Observer", "Moscow Digest", "North Press"],
         forms(("North Press", ["Kyiv"]), ("Moscow Digest", ["Kiev"]), ("Balkan Wire", ["Kyiv"]),
               ("Euro Observer", ["Kyiv"]))),
        (STORY, "e_zel", "Volodymyr Zelensky", "PERSON", 2, 0.4, ["Euro Observer", "The Daily Guardian"],
         forms(("The Daily Guardian", ["Zelenskiy"]), ("Euro Observer", ["Volodymyr Zelensky"]))),
        (STORY, "e_putin", "Vladimir Putin", "PERSON", 2, 0.4, ["Moscow Digest", "North Press"],
         forms(("North Press", ["Vladimir Putin"]), ("Moscow Digest", ["Putin"]))),
    ])


@pytest.fixture()
def sample_warehouse(tmp_path: Path) -> Path:
    return build_sample_warehouse(tmp_path / "warehouse.duckdb")


def _read(p: Path) -> str:
    return p.read_text(encoding="utf-8")


def test_index_lists_stories_with_agreement_at_a_glance(sample_warehouse, tmp_path):
    index = write_report(sample_warehouse, tmp_path / "site")
    assert index == tmp_path / "site" / "index.html"
    page = _read(index)
    assert f'href="stories/{story_filename(STORY)}"' in page
    assert f'href="stories/{story_filename(LONELY)}"' in page
    assert "Council approves budget" in page
    # 4 of 6 claims carried by 2+ outlets, one quote group, one fact conflict
    row = page.split(f"stories/{story_filename(STORY)}", 1)[1].split("</tr>", 1)[0]
    assert "4/6" in row
    assert "4 of 6 claims carried by 2+ outlets" in row
    assert "<svg" in row
    assert '<span class=badge-warn>1</span>' in row
    assert '>2<span class="small"> (1 multi)</span>' in row   # two quote groups, one carried by 2+ outlets
    for outlet in OUTLETS:
        assert f'<span class="chip" title="{outlet}">{outlet}</span>' in row
    # the widest story comes first
    assert page.index(story_filename(STORY)) < page.index(story_filename(LONELY))
    assert (tmp_path / "site" / "assets" / "report.css").is_file()
    assert (tmp_path / "site" / "assets" / "report.js").is_file()


def test_every_text_is_escaped(sample_warehouse, tmp_path):
    index = write_report(sample_warehouse, tmp_path / "site")
    pages = [index, *sorted((tmp_path / "site" / "stories").glob("*.html"))]
    for p in pages:
        text = _read(p)
        assert "<script>alert(1)</script>" not in text, p
        assert "<b>bold</b>" not in text, p
        assert "javascript:alert(2)" not in text, p   # non-http URLs are never links
        # the only <script> tags are our own bundled asset
        assert re.findall(r"<script[^>]*>", text) in ([], ['<script src="assets/report.js" defer>']), p
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in _read(index)
    story = _read(tmp_path / "site" / "stories" / story_filename(STORY))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in story
    assert "&lt;b&gt;bold&lt;/b&gt;" in story


def test_site_is_self_contained(sample_warehouse, tmp_path):
    """No CDN, nothing fetched from the network: every src and stylesheet is a relative local file."""
    out = tmp_path / "site"
    write_report(sample_warehouse, out)
    for p in [out / "index.html", *sorted((out / "stories").glob("*.html"))]:
        text = _read(p)
        refs = re.findall(r'<(?:script|img|link)[^>]*?(?:src|href)="([^"]*)"', text)
        assert refs, p
        for ref in refs:
            if ref == "data:,":
                continue
            assert "://" not in ref and not ref.startswith("//"), (p, ref)
            assert (p.parent / ref).resolve().is_file(), (p, ref)
    css = _read(out / "assets" / "report.css") + _read(out / "assets" / "report.js")
    assert "http" not in css and "@import" not in css


def test_story_page_sections(sample_warehouse, tmp_path):
    write_report(sample_warehouse, tmp_path / "site")
    page = _read(tmp_path / "site" / "stories" / story_filename(STORY))
    # claim matrix: the 4 claims carried by 2+ outlets x 5 outlets, 5+4+3+2 = 14 filled cells,
    # then one row of exclusive-claim counts per outlet
    matrix = page.split('<section id="claims">', 1)[1].split("</section>", 1)[0]
    assert matrix.count('class="cell on"') == 14
    assert matrix.count('class="cell off"') == 20 - 14
    excl_row = matrix.split('<tr class="excl-row">', 1)[1].split("</tr>", 1)[0]
    assert re.findall(r'title="([^"]+): (\d) exclusive', excl_row) == [
        ("Balkan Wire", "0"), ("Euro Observer", "1"), ("Moscow Digest", "0"), ("North Press", "0"),
        ("The Daily Guardian", "1")]
    # quote diff against the canonical wording
    quotes = page.split('<section id="quotes">', 1)[1].split("</section>", 1)[0]
    assert "<del>is</del><ins>be</ins> ready" in quotes
    assert "<del>possible</del><ins>potential</ins> future" in quotes
    assert "identical" in quotes                      # The Daily Guardian carries the canonical text
    multi, single = quotes.split("<details>", 1)
    assert "Vladimir Putin" in multi and "Dmitry Peskov" not in multi
    assert "1 quote(s) carried by a single outlet" in single and "Dmitry Peskov" in single
    # fact conflict highlighted with each outlet's value
    facts = page.split('<section id="facts">', 1)[1].split("</section>", 1)[0]
    conflict_row = facts.split('<tr class="conflict">', 1)[1].split("</tr>", 1)[0]
    assert "prisoner exchange" in conflict_row
    assert "1,200" in conflict_row and 'class="differs">1,200' in conflict_row
    # entity coverage shows each outlet's surface form: Kiev vs Kyiv
    ents = page.split('<section id="entities">', 1)[1].split("</section>", 1)[0]
    kyiv = ents.split('<th class="rowhead">Kyiv', 1)[1].split("</tr>", 1)[0]
    assert "forms differ" in kyiv
    putin = ents.split('<th class="rowhead">Vladimir Putin', 1)[1].split("</tr>", 1)[0]
    assert "forms differ" not in putin          # a shortened name is not a different spelling
    assert "Kiev ×2" in kyiv and "Kyiv" in kyiv
    # exclusives grouped by outlet
    excl = page.split('<section id="exclusives">', 1)[1].split("</section>", 1)[0]
    assert "Euro Observer" in excl and "Dmitry Peskov" in excl
    assert "The Daily Guardian" in excl


def test_story_without_agreement_rows_says_none(sample_warehouse, tmp_path):
    write_report(sample_warehouse, tmp_path / "site")
    page = _read(tmp_path / "site" / "stories" / story_filename(LONELY))
    for section in ("claims", "quotes", "facts", "entities", "exclusives"):
        body = page.split(f'<section id="{section}">', 1)[1].split("</section>", 1)[0]
        assert 'class="none"' in body, section
    assert "Council approves budget" in page


def test_empty_warehouse_and_stale_pages(tmp_path):
    db = tmp_path / "empty.duckdb"
    con = duckdb.connect(str(db))
    for t, cols in _DDL.items():
        con.execute(f"create table {t} ({cols})")
    con.close()
    out = tmp_path / "site"
    (out / "stories").mkdir(parents=True)
    (out / "stories" / "gone.html").write_text("old")
    index = write_report(db, out)
    assert "no stories yet" in _read(index)
    assert not (out / "stories" / "gone.html").exists()


def test_missing_warehouse_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_report(tmp_path / "nope.duckdb", tmp_path / "site")


def test_report_opens_the_warehouse_read_only(sample_warehouse, tmp_path):
    # another process-level reader holds a read-only connection; the report must coexist with it
    reader = duckdb.connect(str(sample_warehouse), read_only=True)
    try:
        write_report(sample_warehouse, tmp_path / "site")
        assert reader.execute("select count(*) from articles").fetchone()[0] > 0   # the reader still works
    finally:
        reader.close()
    assert (tmp_path / "site" / "index.html").stat().st_size > 0


def test_word_diff_marks_words_and_escapes():
    out = word_diff_html("We are on the right track.", "We’re on the <b>correct</b> track!")
    assert "<b>" not in out and "&lt;b&gt;" in out
    assert "<ins>" in out and "<del>" in out
    assert "right" in out.split("<del>", 1)[1] or "right" in out
    same = word_diff_html("Don’t stop.", "don't stop.")
    assert "<ins>" not in same and "<del>" not in same
    assert html.unescape(re.sub(r"</?(ins|del)>", "", word_diff_html("a b c", "a x c"))).count("x") == 1


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab c.,“”'’<&\n", max_size=40), st.text(alphabet="ab c.,“”'’<&\n", max_size=40))
def test_word_diff_keeps_the_variant_exactly(canonical, variant):
    out = word_diff_html(canonical, variant)
    kept = re.sub(r"<del>.*?</del>", "", out, flags=re.S)
    assert html.unescape(re.sub(r"</?ins>", "", kept)) == variant
    dropped = "".join(re.findall(r"<del>(.*?)</del>", out, flags=re.S))
    assert "<" not in dropped                               # canonical text is escaped too


def test_story_filename_is_safe():
    assert story_filename("abc123") == "abc123.html"
    odd = story_filename("../../etc/passwd")
    assert "/" not in odd and odd.endswith(".html") and not odd.startswith(".")
    assert story_filename("a/b") != story_filename("a_b")


# --------------------------------------------------------------------------- on the real seeds warehouse

_SEEDS_CACHE: dict[str, Path] = {}


def seeds_warehouse_path(tmp_path_factory) -> Path:
    """The warehouse of a real nightly run over the five seed articles, built once per session
    (shared with test_analyst_queries, which imports this function). Needs the prefect_harness fixture."""
    key = str(tmp_path_factory.getbasetemp())
    if key not in _SEEDS_CACHE:
        from flows.nightly import run_nightly
        from tasks.settings import Settings

        root = tmp_path_factory.mktemp("report_seeds")
        raw = root / "raw"
        shutil.copytree(Path(__file__).resolve().parents[2] / "data" / "raw" / "sample", raw / "sample")
        settings = Settings.from_env(env={}, raw_dir=raw, processed_dir=root / "processed",
                                     warehouse=root / "warehouse.duckdb", runner="thread", n_process=1)
        run_nightly(settings)
        _SEEDS_CACHE[key] = settings.warehouse
    return _SEEDS_CACHE[key]


@pytest.fixture(scope="module")
def seeds_warehouse(tmp_path_factory, prefect_harness) -> Path:
    return seeds_warehouse_path(tmp_path_factory)


@pytest.mark.slow
def test_report_on_seeds_warehouse(seeds_warehouse, tmp_path):
    index = write_report(seeds_warehouse, tmp_path / "site")
    con = duckdb.connect(str(seeds_warehouse), read_only=True)
    try:
        stories = con.execute("select story_id, title from stories").fetchall()
        n_outlets = con.execute("select count(distinct outlet) from articles").fetchone()[0]
    finally:
        con.close()
    assert stories
    page = _read(index)
    for sid, title in stories:
        assert f'href="stories/{story_filename(sid)}"' in page
        assert html.escape(title or "(untitled)") in page
        assert (tmp_path / "site" / "stories" / story_filename(sid)).is_file()
    assert f"<b>{n_outlets}</b><span>outlets</span>" in page


def test_surface_forms_fallback_without_mentions(tmp_path):
    """With no entity_mentions table, per-outlet forms come from entity_coverage.surface_forms."""
    db = build_sample_warehouse(tmp_path / "w.duckdb")
    con = duckdb.connect(str(db))
    con.execute("drop table entity_mentions")
    con.close()
    write_report(db, tmp_path / "site")
    page = _read(tmp_path / "site" / "stories" / story_filename(STORY))
    ents = page.split('<section id="entities">', 1)[1].split("</section>", 1)[0]
    kyiv = ents.split('<th class="rowhead">Kyiv', 1)[1].split("</tr>", 1)[0]
    assert "forms differ" in kyiv and "Kiev" in kyiv
    assert "{" not in ents                                # no Python reprs of structs


def test_forms_differ_only_on_spelling():
    from tasks.report import forms_differ
    assert forms_differ(["Kiev", "Kyiv"])
    assert forms_differ(["Zelenskiy", "Volodymyr Zelensky"])
    assert not forms_differ(["Putin", "Vladimir Putin", "putin"])
    assert not forms_differ(["Kyiv"])
    assert not forms_differ([])


def test_unknown_outlets_are_shortened_for_display():
    from tasks.report import outlet_html, outlet_text
    assert outlet_text("unknown:95d62464b64da0c4") == "unknown · 95d624"
    assert outlet_text("Reuters") == "Reuters"
    assert 'title="unknown:95d62464b64da0c4"' in outlet_html("unknown:95d62464b64da0c4")
    assert "&lt;" in outlet_html("<i>x</i>")


def test_claim_conflicts_section_when_the_table_exists(sample_warehouse, tmp_path):
    """claim_conflicts (CONTRACT columns) shows as a section of its story, escaped; absent table, no section."""
    write_report(sample_warehouse, tmp_path / "before")
    before = _read(tmp_path / "before" / "stories" / story_filename(STORY))
    assert 'id="conflicts"' not in before and "#conflicts" not in before

    con = duckdb.connect(str(sample_warehouse))
    con.execute("create table claim_conflicts (story_id varchar, claim_id_a varchar, claim_id_b varchar, "
                "outlet_a varchar, outlet_b varchar, text_a varchar, text_b varchar, kind varchar, "
                "confidence double)")
    _ins(con, "claim_conflicts", [
        (STORY, "c7", "c8", "North Press", "Moscow Digest", "1,000 prisoners will be exchanged",
         "1,200 prisoners <i>will</i> be exchanged", "number", 0.91),
        (STORY, "c9", "c10", "Balkan Wire", "Euro Observer", "The Kremlin confirmed the call",
         "The Kremlin denied the call", "denial", 0.64),
    ])
    con.close()
    write_report(sample_warehouse, tmp_path / "after")
    page = _read(tmp_path / "after" / "stories" / story_filename(STORY))
    section = page.split('<section id="conflicts">', 1)[1].split("</section>", 1)[0]
    assert section.index("0.91") < section.index("0.64")                 # most confident first
    assert ">number<" in section and ">denial<" in section
    assert "1,200 prisoners &lt;i&gt;will&lt;/i&gt; be exchanged" in section and "<i>" not in section
    assert 'title="North Press"' in section and 'title="Moscow Digest"' in section
    lonely = _read(tmp_path / "after" / "stories" / story_filename(LONELY))
    assert "none — no claims that outlets contradict" in lonely
