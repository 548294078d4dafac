"""Story clustering and syndication: pure functions and the Parquet I/O layer (real Parquet, no mocks)."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

from tasks import parquet, stories
from tasks.settings import SQL_DIR

T0 = datetime(2024, 3, 4, 9, tzinfo=timezone.utc)

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
