"""Story clustering and syndication: pure functions and the Parquet I/O layer (real Parquet, no mocks)."""
from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta, UTC
from pathlib import Path

import numpy as np
import pytest

from tasks import parquet, stories
from tasks.settings import SQL_DIR

T0 = datetime(2024, 3, 4, 9, tzinfo=UTC)

TALKS = ("Negotiators from Armenia and Azerbaijan met in Geneva for a round of talks on the disputed "
         "Lachin corridor, mediated by Swiss diplomats. Foreign minister Ararat Mirzoyan said the {n} round "
         "focused on border demarcation and the release of detainees held since the fighting in {place}. "
         "Azerbaijani envoy Elnur Mammadov said progress on the corridor depended on {topic}.")
REHAB = ("Actor {name} has checked into a rehabilitation facility in {place} after {event}, "
         "a spokesperson said. {last} cancelled appearances at the {festival} festival and thanked fans for "
         "their support. The {age}-year-old star had spoken openly about addiction in a 2019 interview.")


def art(aid: str, title: str, body: str, when: datetime | None, outlet: str = "o") -> dict:
    return {"article_id": aid, "title": title, "body": body, "published_at": when, "outlet": outlet,
            "source_path": f"{aid}.txt"}


def assign(arts, index=None):
    rows, index = stories.assign_articles(arts, {}, index)
    return {r["article_id"]: r["story_id"] for r in rows["story_assignments"]}, \
        {r["article_id"]: r["syndication_group_id"] for r in rows["syndication"]}, index


def test_same_event_joins_across_outlets_and_founder_is_story_id():
    a = art("a", "Armenia, Azerbaijan resume Lachin talks in Geneva",
            TALKS.format(n="first", place="Nagorno-Karabakh", topic="guarantees for civilians"), T0, "x")
    b = art("b", "Geneva round on Lachin corridor ends without deal",
            TALKS.format(n="latest", place="Karabakh", topic="Yerevan's concessions").replace("Swiss", "Swiss and EU"),
            T0 + timedelta(days=1), "y")
    story, _, _ = assign([b, a])
    assert story == {"a": "a", "b": "a"}   # earliest published founds the story, whatever the input order


def test_same_topic_months_apart_stays_apart():
    a = art("a", "Armenia, Azerbaijan resume Lachin talks in Geneva",
            TALKS.format(n="first", place="Karabakh", topic="guarantees"), T0)
    b = art("b", "Armenia, Azerbaijan hold new Lachin talks in Geneva",
            TALKS.format(n="fifth", place="Karabakh", topic="guarantees"), T0 + timedelta(days=120))
    story, _, _ = assign([a, b])
    assert story["a"] != story["b"]


def test_different_rehab_stories_same_week_stay_apart():
    a = art("a", "Liam Corver enters rehab after Cannes collapse",
            REHAB.format(name="Liam Corver", place="Arizona", event="collapsing at a Cannes premiere", last="Corver",
                         festival="Cannes", age=41), T0)
    b = art("b", "Tessa Brinley seeks treatment following Santa Monica DUI arrest",
            "Singer Tessa Brinley is receiving treatment for alcohol addiction at a Malibu clinic, her manager "
            "confirmed, a week after Santa Monica police arrested her on suspicion of drunk driving. Brinley "
            "postponed her Coachella set and her debut album release. Her label Red Hollow Records asked "
            "for privacy for the 29-year-old.", T0 + timedelta(days=2))
    story, _, _ = assign([a, b])
    assert story["a"] != story["b"]


def test_wire_copy_is_one_syndication_group_and_one_story():
    wire = TALKS.format(n="second", place="Karabakh", topic="a peace treaty") + \
        " Both delegations agreed to meet again in April in Washington, officials said."
    arts = [art("w1", "Talks", wire, T0, "x"),
            art("w2", "Talks resume", wire.replace("officials said", "officials told reporters"), T0, "y"),
            art("w3", "Geneva talks", wire.replace("Swiss diplomats", "Swiss mediators"), T0, "z"),
            art("o1", "Other", REHAB.format(name="Liam Corver", place="Arizona", event="a fall", last="Corver",
                                           festival="Cannes", age=41), T0, "x")]
    story, group, _ = assign(arts)
    assert group["w1"] == group["w2"] == group["w3"] == "w1"
    assert story["w2"] == story["w3"] == story["w1"]
    assert group["o1"] == "o1"


def test_incremental_equals_full_and_ids_are_stable():
    base = [art(f"t{i}", f"Lachin talks day {i}", TALKS.format(n="new", place="Karabakh", topic=f"issue {i}"),
                T0 + timedelta(days=i % 2)) for i in range(3)]
    later = [art("r1", "Corver rehab", REHAB.format(name="Liam Corver", place="Arizona", event="a fall",
                                                    last="Corver", festival="Cannes", age=41), T0 + timedelta(days=1)),
             art("t9", "Lachin talks continue", TALKS.format(n="final", place="Karabakh", topic="maps"),
                 T0 + timedelta(days=2))]
    s1, _, idx = assign(base)
    s2, _, idx = assign(later, idx)
    assert s2["t9"] == s1["t0"] and s2["r1"] == "r1"
    again, _, _ = assign(base + later)
    assert again == {**s1, **s2}
    # already indexed articles are not re-assigned
    s3, _, _ = assign(base, idx)
    assert s3 == {}


def test_blocking_never_compares_unrelated_articles():
    a = art("a", "Lachin talks", TALKS.format(n="first", place="Karabakh", topic="maps"), T0)
    b = art("b", "Corver rehab", REHAB.format(name="Liam Corver", place="Arizona", event="a fall", last="Corver",
                                              festival="Cannes", age=41), T0)
    _, _, idx = assign([a])
    raw = stories.raw_features(b)
    stories.update_df(idx, [raw])
    f = stories.compact_features(raw, idx.df, idx.n_docs)
    assert stories.candidate_stories(f, idx) == set()
    far = stories.compact_features(stories.raw_features({**a, "article_id": "c", "published_at": T0 + timedelta(days=90)}),
                                   idx.df, idx.n_docs)
    assert stories.candidate_stories(far, idx) == set()     # outside the date window


def test_minhash_estimates_jaccard():
    x = np.arange(1000, dtype=np.int64)
    y = np.arange(500, 1500, dtype=np.int64)   # true Jaccard 1/3
    est = float(np.mean(stories.minhash(x) == stories.minhash(y)))
    assert 0.15 < est < 0.55
    assert float(np.mean(stories.minhash(x) == stories.minhash(x))) == 1.0


def test_proper_name_keys():
    keys = stories.proper_name_keys("Speaking in Sochi, Russian President Vladimir Putin met Mr. Trump. The talks ended.")
    assert {"name:sochi", "name:vladimir putin", "name:putin", "name:trump"} <= {k.replace("russian president ", "") for k in keys} | keys
    assert "name:speaking" not in keys and "name:the" not in keys


def test_sql_stopwords_match_rules_file():
    sql = (SQL_DIR / "agreement" / "int_claim_stopwords.sql").read_text()
    in_sql = set(re.findall(r"'([^']+)'", sql.split("unnest(", 1)[1]))
    assert in_sql == set(stories.STOPWORDS)


def _articles_batch(processed: Path, key: str, arts: list[dict]) -> None:
    rows = [{**a, "drop_id": "d", "body": a["body"], "ingested_at": T0} for a in arts]
    parquet.write_batch(processed, key, "d", {"articles": rows}, "run-" + key)


def test_update_stories_over_parquet_is_incremental_and_recovers(tmp_path):
    processed = tmp_path / "processed"
    a = art("a", "Lachin talks", TALKS.format(n="first", place="Karabakh", topic="maps"), T0, "x")
    b = art("b", "Lachin talks go on", TALKS.format(n="second", place="Karabakh", topic="maps and roads"),
            T0 + timedelta(days=1), "y")
    _articles_batch(processed, "k1", [a])
    rows = stories.update_stories(processed, ["a"], "r1", False)
    assert [(r["article_id"], r["story_id"]) for r in rows["story_assignments"]] == [("a", "a")]
    assert (processed / stories.INDEX_DIR / stories.INDEX_FILE).exists()
    # rows of run r1 never committed (crash): the next run re-emits them along with the new article
    _articles_batch(processed, "k2", [b])
    rows = stories.update_stories(processed, ["b"], "r2", False)
    got = {r["article_id"]: r["story_id"] for r in rows["story_assignments"]}
    assert got == {"a": "a", "b": "a"}
    parquet.write_batch(processed, "stories-r2", "_corpus", rows, "r2")
    assert stories.update_stories(processed, [], "r3", False) == {"story_assignments": [], "syndication": []}
    # full refresh reproduces the same ids
    rows = stories.update_stories(processed, [], "r4", True)
    assert {r["article_id"]: r["story_id"] for r in rows["story_assignments"]} == {"a": "a", "b": "a"}


def _latest(processed: Path) -> dict[str, str]:
    t = parquet.read_table(processed, "story_assignments").to_pylist()
    return {r["article_id"]: r["story_id"] for r in sorted(t, key=lambda r: r["assigned_at"])}


def test_index_is_saved_after_the_commit_and_a_crash_in_between_is_repaired(tmp_path):
    from tasks import corpus
    processed = tmp_path / "processed"
    a = art("a", "Lachin talks", TALKS.format(n="first", place="Karabakh", topic="maps"), T0, "x")
    b = art("b", "Lachin talks go on", TALKS.format(n="second", place="Karabakh", topic="maps and roads"),
            T0 + timedelta(days=1), "y")
    _articles_batch(processed, "k1", [a, b])
    index_file = processed / stories.INDEX_DIR / stories.INDEX_FILE
    # assign_stories saves nothing; committing the rows and then dying leaves no index
    rows, index = stories.assign_stories(processed, ["a", "b"], "r1", False)
    assert index is not None and not index_file.exists()
    parquet.write_batch(processed, "stories-r1", "_corpus", rows, "r1")
    first = _latest(processed)
    # the next run assigns them again, the same way, commits, and saves the index
    assert corpus.assign_and_write(processed, [], "r2", False) == {"story_assignments": 2, "syndication": 2}
    assert index_file.exists() and _latest(processed) == first == {"a": "a", "b": "a"}
    assert corpus.assign_and_write(processed, [], "r3", False) == {}


def test_an_index_saved_under_other_rules_is_not_reused(tmp_path, monkeypatch):
    processed = tmp_path / "processed"
    _articles_batch(processed, "k1", [art("a", "Lachin talks", TALKS.format(n="first", place="Karabakh",
                                                                          topic="maps"), T0, "x")])
    parquet.write_batch(processed, "stories-r1", "_corpus", stories.update_stories(processed, ["a"], "r1"), "r1")
    folder = processed / stories.INDEX_DIR
    (folder / f".{stories.INDEX_FILE}.killed.tmp").write_bytes(b"half")    # a killed save's temp file
    assert stories.StoryIndex.load(folder) is not None
    monkeypatch.setattr(stories.params, "MAX_CORE", stories.MAX_CORE + 1)
    assert stories.StoryIndex.load(folder) is None
    # not reused: deleted before any row is committed, every article assigned again
    rows, index = stories.assign_stories(processed, [], "r2", False)
    assert not (folder / stories.INDEX_FILE).exists()
    assert [r["article_id"] for r in rows["story_assignments"]] == ["a"]
    index.save(folder)
    assert sorted(p.name for p in folder.iterdir()) == [stories.INDEX_FILE]
    assert stories.StoryIndex.load(folder) is not None


# ---- topic chaining: undated campaign coverage must not collapse into one story

CAMPAIGN = [
    "The presidential campaign entered a new phase as Donald Trump and Hillary Clinton crisscrossed battleground states.",
    "Republicans and Democrats traded accusations about the economy, immigration and national security.",
    "Polls show a tight race in Ohio, Florida and Pennsylvania, with voters divided along party lines.",
    "Trump told supporters at a rally that the election was rigged, while Clinton's campaign urged turnout.",
    "Campaign aides said the candidates would keep up a punishing schedule of rallies until Election Day.",
    "Clinton said Trump was unfit to be president; Trump called Clinton crooked and blamed the media.",
    "Party officials worried that the bitter primary season had left voters disillusioned with both candidates.",
    "The Republican National Committee and the Democratic National Committee raised record sums this month.",
]
EVENTS = [  # (event words, names): one distinct event each
    ("a debate at Hofstra University moderated by Lester Holt", "Holt", "Hofstra"),
    ("a letter from FBI director James Comey to Congress about new emails", "Comey", "Chaffetz"),
    ("a leaked Access Hollywood tape recorded with Billy Bush", "Bush", "Hollywood"),
    ("Clinton's pneumonia and her stumble at a September 11 memorial", "Fallon", "Manhattan"),
    ("a speech by Khizr Khan at the Democratic convention in Philadelphia", "Khan", "Philadelphia"),
    ("the selection of Indiana governor Mike Pence as running mate", "Pence", "Indianapolis"),
    ("Tim Kaine's vice presidential debate at Longwood University", "Kaine", "Longwood"),
    ("the Clinton Foundation's meetings with foreign donors reported by AP", "Huma", "Foundation"),
    ("a Trump visit to Mexico City to meet President Enrique Pena Nieto", "Nieto", "Mexico"),
    ("WikiLeaks releasing emails hacked from John Podesta's account", "Podesta", "WikiLeaks"),
    ("the Orlando nightclub shooting and Trump's call for a Muslim ban", "Mateen", "Orlando"),
    ("Ted Cruz refusing to endorse Trump in his Cleveland convention speech", "Cruz", "Cleveland"),
]


def _campaign_article(i: int, ev: int, variant: int) -> dict:
    what, n1, n2 = EVENTS[ev]
    topic = " ".join(CAMPAIGN[(i + k) % len(CAMPAIGN)] for k in (0, 3, 5))   # no two articles copy each other
    lead = (f"The week was dominated by {what}. {n1} and {n2} were at the centre of the coverage, "
            f"and {n1} spoke to reporters about it." if variant == 0 else
            f"Reporters focused on {what}, with {n2} and {n1} both drawing attention; {n1} later commented.")
    # no publication date; ingested the same day, as a backfill drop is (the old centroid model chained 20 of 24)
    return {**art(f"c{i:02d}", f"Campaign news {i}", lead + "\n\n" + topic, None, f"outlet{i % 5}"), "ingested_at": T0}


def test_topic_wide_coverage_without_dates_does_not_chain_into_one_story():
    arts = [_campaign_article(i, i % len(EVENTS), i // len(EVENTS)) for i in range(2 * len(EVENTS))]
    story, _, idx = assign(arts)
    sizes = sorted(Counter(story.values()).values(), reverse=True)
    assert sizes[0] <= len(arts) // 4, sizes             # no topic-wide blob
    assert all(len(s.core) <= stories.MAX_CORE for s in idx.stories.values())


def test_story_profile_stops_growing_after_the_core():
    lead = ["Swiss mediators opened the session in Geneva with a plea for patience from both capitals.",
            "Crowds of displaced families gathered in Stepanakert to follow the broadcast from the negotiations.",
            "Russian peacekeepers stationed along the Lachin road reported no incidents during the Geneva session.",
            "An Armenian opposition party called the Geneva format a trap and threatened street protests in Yerevan.",
            "Baku's state television showed Mammadov shaking hands with the Swiss mediator before the Geneva talks.",
            "The European Union's special representative flew to Geneva and met both delegations separately.",
            "Truck drivers stuck at the Lachin checkpoint told reporters they had waited for three days.",
            "Mirzoyan's spokeswoman said the Armenian delegation brought new maps of the border to Geneva.",
            "Human rights groups urged negotiators in Geneva to put the fate of missing persons on the agenda."]
    talks = TALKS.format(n="new", place="Karabakh", topic="maps").split(". ")
    base = [art(f"t{i}", f"Lachin talks day {i}", lead[i] + " " + lead[(i + 4) % 9] + "\n\n" + talks[0] + ".",
                T0 + timedelta(hours=i))
            for i in range(len(lead))]
    story, group, idx = assign(base)
    assert set(story.values()) == {"t0"}
    n_texts = len(set(group.values()))                 # copies do not enter the core
    assert n_texts > stories.MAX_CORE
    s = idx.stories["t0"]
    assert len(s.core) == stories.MAX_CORE and s.n == len(base)
    assert len(s.keys) <= stories.MAX_CORE * stories.N_BLOCK_KEYS


def test_missing_dates_are_unknown_not_compatible():
    assert stories.date_factor(None, [5]) is None and stories.date_factor(5, []) is None
    assert stories.date_factor(5, [6]) == 1.0 and stories.date_factor(5, [40]) == 0.0
    dated = stories.join_threshold(0.3, 0.3, undated=False, size=8)
    undated_small = stories.join_threshold(0.3, 0.3, undated=True, size=1)
    undated_big = stories.join_threshold(0.3, 0.3, undated=True, size=64)
    assert undated_small < undated_big and dated < undated_big   # the larger the undated story, the higher the bar
    # without dates, sharing nothing event-specific never joins; sharing mostly topic-wide terms raises the bar
    assert stories.join_threshold(0.3, 0.0, undated=True, size=1) == float("inf")
    assert stories.join_threshold(0.3, 0.05, undated=True, size=1) > undated_small
    # the ingestion time is not a publication date
    f = stories.raw_features({"article_id": "x", "title": "t", "body": "b", "published_at": None, "ingested_at": T0})
    assert f.day is None


def test_undated_same_event_still_joins():
    a = art("a", "Armenia, Azerbaijan resume Lachin talks in Geneva",
            TALKS.format(n="first", place="Nagorno-Karabakh", topic="guarantees for civilians"), None, "x")
    b = art("b", "Geneva round on Lachin corridor ends without deal",
            TALKS.format(n="latest", place="Karabakh", topic="Yerevan's concessions"), None, "y")
    c = art("c", "Corver rehab", REHAB.format(name="Liam Corver", place="Arizona", event="a fall", last="Corver",
                                              festival="Cannes", age=41), None, "z")
    story, _, _ = assign([a, b, c])
    assert story == {"a": "a", "b": "a", "c": "c"}


def test_a_corrupt_index_is_named_never_unpickled_and_rebuilt(tmp_path, caplog):
    """Issue 14 item 7: a corrupt story index failed every run with numpy's allow_pickle error naming no file."""
    from tasks import corpus
    processed = tmp_path / "processed"
    a = art("a", "Lachin talks", TALKS.format(n="first", place="Karabakh", topic="maps"), T0, "x")
    b = art("b", "Lachin talks go on", TALKS.format(n="second", place="Karabakh", topic="maps and roads"),
            T0 + timedelta(days=1), "y")
    _articles_batch(processed, "k1", [a, b])
    corpus.assign_and_write(processed, [], "r1", False)
    folder = processed / stories.INDEX_DIR
    index_file = folder / stories.INDEX_FILE
    good = index_file.read_bytes()
    pickled = tmp_path / "pickled.npz"
    np.savez(pickled, meta=np.array([{"version": stories.INDEX_VERSION}], dtype=object))   # needs unpickling
    corruptions = {"garbage": b"not a zip file at all", "truncated": good[: len(good) // 2],
                   "pickled object array": pickled.read_bytes()}
    for what, data in corruptions.items():
        index_file.write_bytes(data)
        caplog.clear()
        with caplog.at_level("WARNING", logger="newsagree.stories"):
            assert stories.StoryIndex.load(folder) is None, what
        assert str(index_file) in caplog.text and "rebuilding" in caplog.text, what
        # the next run assigns every committed article again and writes a readable index
        rows = corpus.assign_and_write(processed, [], f"r-{len(data)}", False)
        assert rows == {"story_assignments": 2, "syndication": 2}, what
        assert stories.StoryIndex.load(folder) is not None and _latest(processed) == {"a": "a", "b": "a"}


def test_topic_wide_blocking_keys_are_not_used_so_the_work_per_article_is_bounded(monkeypatch):
    """Issue 14 item 3: 200k tiny articles sharing a few words made every article a candidate for every story
    (5,000 took 172 s). A key posted by more than BLOCK_MAX_POSTINGS stories is not used for blocking, and at
    most MAX_CANDIDATES stories are scored."""
    monkeypatch.setattr(stories.blocking, "BLOCK_MAX_POSTINGS", 5)
    words = ["alpha", "beta", "gamma", "delta", "market", "storm"]
    tiny = [art(f"x{i:03d}", f"Note {i}", f"Tiny note {i} " + " ".join(words[(i + k) % 6] for k in range(3)), None)
            for i in range(30)]
    _, _, idx = assign(tiny)
    raw = stories.raw_features(art("new", "Note", "Tiny note alpha beta gamma", None))
    stories.update_df(idx, [raw])
    f = stories.compact_features(raw, idx.df, idx.n_docs)
    assert len(idx.posted_stories(stories.key_hashes(f.block_keys), None)[0]) <= 5
    monkeypatch.setattr(stories.blocking, "BLOCK_MAX_POSTINGS", 10_000)
    monkeypatch.setattr(stories.scoring, "MAX_CANDIDATES", 3)
    assert len(idx.posted_stories(stories.key_hashes(f.block_keys), None)[0]) > 3
    assert len(stories.candidate_stories(f, idx)) == 3


def test_text_anchors_and_their_date_factor():
    from tasks.stories import dates
    full, month_days, years = dates.text_anchors(
        "On Monday, May 19, Putin called Trump. The 19 May 2025 call followed talks on 2025-05-16 and the "
        "Dec.14 vote since 2022. It may 5 times be said.")
    d = lambda y, m, dd: datetime(y, m, dd).toordinal()   # noqa: E731
    assert full == sorted([d(2025, 5, 19), d(2025, 5, 16)])
    assert month_days == [519, 1214] and years == [2022, 2025]
    story_days = [d(2025, 5, 20)]
    # "May 19" without a year is resolved against the story's dates: the undated article is as good as dated
    assert dates.anchor_factor([], [519], [], story_days, stories.date_factor) == 1.0
    # every anchored date months away: another event, however alike the words
    assert dates.anchor_factor([d(2026, 2, 17)], [], [], story_days, stories.date_factor) == 0.0
    assert dates.anchor_factor([], [], [2028], story_days, stories.date_factor) == 0.0
    assert dates.anchor_factor([], [], [2022], story_days, stories.date_factor) is None   # a past year: unknown


def test_an_undated_report_joins_by_its_anchored_date_and_not_months_away():
    a = art("a", "Armenia, Azerbaijan resume Lachin talks in Geneva",
            TALKS.format(n="first", place="Nagorno-Karabakh", topic="guarantees for civilians"), T0, "x")
    near = art("b", "Geneva round on Lachin corridor ends without deal",
               "On March 4, " + TALKS.format(n="latest", place="Karabakh", topic="Yerevan's concessions"), None, "y")
    far = art("c", "Geneva round on Lachin corridor ends without deal",
              "On October 9, 2025, negotiators from Armenia and Azerbaijan met again in Geneva for talks on the "
              "Lachin corridor. Foreign minister Ararat Mirzoyan and envoy Elnur Mammadov discussed border "
              "demarcation, Swiss diplomats said, and agreed to meet in Geneva after the winter.", None, "z")
    story, _, _ = assign([a, near, far])
    assert story["b"] == "a" and story["c"] != "a"


def test_an_article_that_resembles_two_stories_merges_them_only_when_they_are_alike():
    first = art("a", "Lachin talks in Geneva", TALKS.format(n="first", place="Karabakh", topic="maps"), None, "x")
    second = art("b", "Lachin corridor talks", TALKS.format(n="second", place="Karabakh", topic="roads"), None, "y")
    rows_a, idx = stories.assign_articles([first], {})
    rows_b, idx = stories.assign_articles([second], {}, idx)
    assert {r["story_id"] for r in rows_a["story_assignments"] + rows_b["story_assignments"]} == {"a"}
    # two alike stories founded apart, then an article resembling both: one story, rows re-emitted for both
    idx = stories.StoryIndex()
    s1 = idx.new_story("s1")
    s2 = idx.new_story("s2")
    idx.merge(s1, s2)
    assert idx.find(s2.idx) == s1.idx and "s2" not in idx.stories and s1.idx in idx.merged


def _event_corpus() -> list[dict]:
    """Four articles each on six events (two of them same-topic: two rounds of Lachin talks months apart),
    some dated, some undated, plus an unrelated distractor."""
    arts = []
    for e, (what, n1, n2) in enumerate(EVENTS[:5]):
        for k in range(4):
            lead = [f"Coverage focused on {what}, with {n1} and {n2} at the centre.",
                    f"{n1} spoke about {what}; {n2} was also in the news.",
                    f"The story of the day was {what}. {n2} and {n1} drew the attention.",
                    f"Reporters followed {what} as {n1} commented and {n2} declined to."][k]
            when = T0 + timedelta(days=30 * e + k % 2) if k != 3 else None
            arts.append(art(f"e{e}k{k}", f"{n1} and {n2}: {what[:40]}", lead + " " + CAMPAIGN[(e + k) % 8], when,
                            f"outlet{k}"))
    for k, (n, when) in enumerate((("first", T0), ("first", T0 + timedelta(days=1)),
                                   ("fifth", T0 + timedelta(days=200)), ("fifth", T0 + timedelta(days=201)))):
        arts.append(art(f"t{k}", "Lachin talks in Geneva", TALKS.format(n=n, place="Karabakh", topic=f"item {k}"),
                        when, f"outlet{k}"))
    arts.append(art("oil", "Oil prices climb as OPEC+ holds output",
                    "Brent crude rose 2.1 percent to $84.30 a barrel after OPEC+ delegates said production cuts "
                    "would stay in place. West Texas Intermediate gained 1.9 percent to $80.12.", T0, "wire"))
    return arts


def _memberships(story: dict[str, str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for aid, sid in story.items():
        groups.setdefault(sid, []).append(aid)
    return sorted(sorted(g) for g in groups.values())


@pytest.mark.parametrize("with_undated", [False, True])
def test_the_same_articles_in_one_or_many_drops_in_any_order_end_in_the_same_stories(tmp_path, with_undated):
    """Issue 13: 1, 3 and 10 drops in shuffled orders, each run over Parquet with the persisted index."""
    import random

    from tasks import corpus
    arts = [a for a in _event_corpus() if with_undated or a["published_at"] is not None]
    results = []
    for n_drops, seed in ((1, 0), (3, 1), (3, 2), (10, 3), (10, 4)):
        processed = tmp_path / f"p{n_drops}-{seed}"
        order = arts[:]
        random.Random(seed).shuffle(order)
        for d in range(n_drops):
            _articles_batch(processed, f"k{d:02d}", order[d::n_drops])
            corpus.assign_and_write(processed, [], f"r{d:02d}", False)
        results.append(_memberships(_latest(processed)))
    assert all(r == results[0] for r in results), results
    groups = {aid: g for g in results[0] for aid in g}
    assert groups["t0"] == ["t0", "t1"] and groups["t2"] == ["t2", "t3"]     # two rounds of talks apart
    assert groups["oil"] == ["oil"]
    assert groups["e1k0"] == ["e1k0", "e1k1", "e1k2"] + (["e1k3"] if with_undated else [])


def test_second_pass_merges_stories_whose_cores_are_alike_but_not_other_events(monkeypatch):
    """merge_alike: stories founded apart (here: no article may join another's story) merge when their cores
    are alike; another event stays apart."""
    from tasks.stories import assign as assign_mod, scoring
    monkeypatch.setattr(scoring, "STORY_THRESHOLD", 10.0)      # one story per article in the first pass
    monkeypatch.setattr(assign_mod, "ALIKE_ROUNDS", 0)
    one = art("t0", "Lachin corridor talks in Geneva", TALKS.format(n="first", place="Karabakh", topic="maps"),
              None, "o1")
    two = art("t1", "Armenia, Azerbaijan envoys meet over Lachin corridor",
              "Swiss diplomats hosted Ararat Mirzoyan and Elnur Mammadov in Geneva on Tuesday. The talks on the "
              "Lachin corridor covered border demarcation and detainees; Mammadov said the corridor was key.",
              None, "o2")
    rehab = art("r", "Actor checks into rehab", REHAB.format(name="Ann Lee", place="Malibu", event="a relapse",
                                                             last="Lee", festival="Cannes", age=41), None, "o9")
    story, _, idx = assign([one, two, rehab])
    assert len(set(story.values())) == 3
    monkeypatch.setattr(assign_mod, "ALIKE_ROUNDS", 8)
    idx.touched = {s.idx for s in idx.stories.values()}
    assign_mod.merge_alike(idx)
    now = {aid: idx.articles[aid][0] for aid in story}
    assert now["t0"] == now["t1"]                       # two undated reports of one round of talks
    assert now["r"] != now["t0"]                        # another event


def test_without_dates_a_broad_member_counts_its_entity_share_less():
    from tasks.stories import scoring
    from tasks.stories.index import Member
    short = art("s", "Putin and Trump speak", "Vladimir Putin told Donald Trump in Sochi that talks could start.",
                None)
    names = ("Vladimir Putin", "Donald Trump", "Sochi Mayor", "Kaja Kallas", "Olaf Scholz", "Emmanuel Macron",
             "Keir Starmer", "Recep Erdogan", "Xi Jinping", "Narendra Modi", "Giorgia Meloni", "Donald Tusk",
             "Mark Rutte", "Antonio Guterres", "Pope Leo")
    broad = art("b", "Everything about the war", " ".join(f"{name} said something about the war." for name in names),
                None)
    # another round-up names them too (a name only one document has counts for nothing: SHARED_DF)
    other = art("o", "Who said what", " ".join(f"{name} spoke." for name in names), None)
    raws = [stories.raw_features(a) for a in (short, broad, other)]
    df: dict[str, int] = {}
    for r in raws:
        for t in r.tf:
            df[t] = df.get(t, 0) + 1
    f, g, _ = (stories.compact_features(r, df, 3) for r in raws)
    arrays = scoring.article_arrays(f, df, 5)
    m = Member.of(g)
    (plain, _), = scoring.pair_similarities(arrays, [m], [False])
    (scaled, _), = scoring.pair_similarities(arrays, [m], [True])
    assert scaled < plain
    assert scoring.pair_similarities(arrays, [m]) == scoring.pair_similarities(arrays, [m], [True])

