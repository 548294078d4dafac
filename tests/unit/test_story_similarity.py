"""Story similarity features and the second pass (issue 13: SHARED_DF, ALIKE_HALF_DATED); split from
test_stories.py, whose helpers it reuses."""
from __future__ import annotations

import numpy as np

from tasks import stories

from test_stories import REHAB, T0, TALKS, art, assign


def test_similarity_features_leave_out_what_no_other_document_has_but_cores_and_blocking_keep_it():
    """SHARED_DF: a term or entity only the article has counts in neither its vector, its norm nor its entity
    share; its blocking keys and its terms as a core member still hold it (a later drop may share it)."""
    from tasks.stories.index import Member
    a = art("a", "Lachin corridor talks", TALKS.format(n="first", place="Karabakh", topic="zanzibarite quotas"), T0)
    b = art("b", "Lachin corridor talks resume", TALKS.format(n="second", place="Karabakh", topic="maps"), T0)
    raws = [stories.raw_features(x) for x in (a, b)]
    df: dict[str, int] = {}
    for r in raws:
        for t in r.tf:
            df[t] = df.get(t, 0) + 1
    f = stories.compact_features(raws[0], df, 2)
    assert df["zanzibarite"] == 1 and "zanzibarite" not in f.vec and "corridor" in f.vec
    assert all(df[t] >= stories.SHARED_DF for t in f.vec) and all(df[e] >= stories.SHARED_DF for e in f.entities)
    assert abs(sum(w * w for w in f.vec.values()) - 1.0) < 1e-9          # normed over the shared terms
    assert "zanzibarite" in f.block_keys                                  # a later article may name it
    m = Member.of(f)
    assert stories.key_hash("zanzibarite") in set(m.keys[:m.n_terms].tolist())
    shared = [w for t, w in f.core_terms if df[t] >= stories.SHARED_DF]
    assert abs(m.norm - float(np.sqrt(sum(w * w for w in shared)))) < 1e-9


def test_second_pass_asks_more_of_a_dated_and_an_undated_story(monkeypatch):
    """ALIKE_HALF_DATED: two stories whose cores are as alike as two undated ones that merge stay apart when
    one is dated and the other is not (their dates cannot be compared)."""
    from tasks.stories import assign as assign_mod, scoring
    monkeypatch.setattr(scoring, "STORY_THRESHOLD", 10.0)      # one story per article in the first pass
    monkeypatch.setattr(assign_mod, "ALIKE_SPEC", 0.0)          # the threshold as set (see the test below)
    rehab = art("r", "Actor checks into rehab", REHAB.format(name="Ann Lee", place="Malibu", event="a relapse",
                                                             last="Lee", festival="Cannes", age=41), None, "o9")

    def pair(when) -> tuple[bool, float]:
        """(t0 and t1 in one story, the similarity of their stories before the second pass)."""
        one = art("t0", "Lachin corridor talks in Geneva",
                  TALKS.format(n="first", place="Karabakh", topic="maps"), when, "o1")
        two = art("t1", "Armenia, Azerbaijan envoys meet over Lachin corridor",
                  "Swiss diplomats hosted Ararat Mirzoyan and Elnur Mammadov in Geneva on Tuesday. The talks on "
                  "the Lachin corridor covered border demarcation and detainees; Mammadov said the corridor was "
                  "key.", None, "o2")
        rounds = assign_mod.ALIKE_ROUNDS
        monkeypatch.setattr(assign_mod, "ALIKE_ROUNDS", 0)
        story, _, idx = assign([one, two, rehab])
        assert story["t0"] != story["t1"]
        sim = scoring.story_similarity(idx.stories[story["t0"]], idx.stories[story["t1"]])
        monkeypatch.setattr(assign_mod, "ALIKE_ROUNDS", rounds)
        idx.touched = {s.idx for s in idx.stories.values()}
        assign_mod.merge_alike(idx)
        return idx.articles["t0"][0] == idx.articles["t1"][0], sim

    _, sim_undated = pair(None)
    _, sim_dated = pair(T0)
    low, high = sorted((sim_undated, sim_dated))
    monkeypatch.setattr(assign_mod, "ALIKE_THRESHOLD", low - 0.01)
    monkeypatch.setattr(assign_mod, "ALIKE_HALF_DATED", 0.0)
    assert pair(None)[0] and pair(T0)[0]
    monkeypatch.setattr(assign_mod, "ALIKE_HALF_DATED", high - low + 0.02)
    assert pair(None)[0]                     # both undated: the threshold alone
    assert not pair(T0)[0]                   # one dated, one not: the threshold + ALIKE_HALF_DATED


def _second_pass(arts, monkeypatch, margin: float) -> tuple[bool, float]:
    """(the first two articles in one story after the second pass with ALIKE_THRESHOLD ``margin`` above the
    similarity of their stories, the specific share of that similarity)."""
    from tasks.stories import assign as assign_mod, scoring
    monkeypatch.setattr(scoring, "STORY_THRESHOLD", 10.0)      # one story per article in the first pass
    rounds = assign_mod.ALIKE_ROUNDS
    monkeypatch.setattr(assign_mod, "ALIKE_ROUNDS", 0)
    story, _, idx = assign(arts)
    a, b = idx.stories[story[arts[0]["article_id"]]], idx.stories[story[arts[1]["article_id"]]]
    assert a is not b
    sim, share = scoring.story_similarity(a, b), scoring.specific_share(a, b)
    assert sim > 0
    monkeypatch.setattr(assign_mod, "ALIKE_ROUNDS", rounds)
    monkeypatch.setattr(assign_mod, "ALIKE_THRESHOLD", sim + margin)
    idx.touched = {s.idx for s in idx.stories.values()}
    assign_mod.merge_alike(idx)
    return idx.articles[arts[0]["article_id"]][0] == idx.articles[arts[1]["article_id"]][0], share


def test_the_second_pass_asks_less_of_stories_alike_through_their_own_names_than_through_topic_words(monkeypatch):
    """ALIKE_SPEC: two stories whose similarity comes mostly (SPEC_SHARE_MIN) from event-specific keys merge a
    little below ALIKE_THRESHOLD; two stories alike through topic-wide words do not."""
    from tasks.stories.params import ALIKE_SPEC, SPEC_SHARE_MIN
    from test_stories import EVENTS, _campaign_article
    campaign = [_campaign_article(i, i % len(EVENTS), i // len(EVENTS)) for i in range(2 * len(EVENTS))]
    event = [art("t0", "Lachin corridor talks in Geneva", TALKS.format(n="first", place="Karabakh", topic="maps"),
                 None, "x"),
             art("t1", "Armenia, Azerbaijan envoys meet over Lachin corridor",
                 "Swiss diplomats hosted Ararat Mirzoyan and Elnur Mammadov in Geneva. The talks on the Lachin "
                 "corridor covered border demarcation and detainees.", None, "y")]
    merged, share = _second_pass(event + campaign, monkeypatch, ALIKE_SPEC / 2)
    assert share >= SPEC_SHARE_MIN and merged
    assert not _second_pass(event + campaign, monkeypatch, ALIKE_SPEC * 1.5)[0]     # only a little below
    # two campaign reports on different events: alike through the campaign's words, the threshold as it is
    from tasks.stories import assign as assign_mod, scoring
    story, _, idx = assign(campaign)
    a, b = idx.stories[story[campaign[0]["article_id"]]], idx.stories[story[campaign[1]["article_id"]]]
    sim = scoring.story_similarity(a, b)
    assert a is not b and sim > 0 and scoring.specific_share(a, b) < SPEC_SHARE_MIN
    assert assign_mod.alike_threshold(a, b, sim) == assign_mod.ALIKE_THRESHOLD
    assert assign_mod.alike_threshold(a, b, assign_mod.ALIKE_THRESHOLD - ALIKE_SPEC / 2) == assign_mod.ALIKE_THRESHOLD


def test_a_story_whose_partner_merged_first_looks_again_in_the_next_round(monkeypatch):
    """Second pass, best pair first: a story whose most alike partner merged with another story in the same
    round is compared again in the next one (before, only the merged story was, and the left-over fragment
    stayed alone unless it was among the merged story's ALIKE_CANDIDATES)."""
    from tasks.stories import assign as assign_mod, scoring
    monkeypatch.setattr(scoring, "STORY_THRESHOLD", 10.0)      # one story per article in the first pass
    monkeypatch.setattr(assign_mod, "ALIKE_THRESHOLD", 0.05)
    arts = [art("a1", "Lachin corridor talks in Geneva",
                "Ararat Mirzoyan and Elnur Mammadov met Swiss mediators in Geneva over the Lachin corridor. The "
                "first round covered border demarcation, detainees and the Karabakh checkpoint.", None, "x"),
            art("a2", "Geneva round on the Lachin corridor",
                "Swiss mediators hosted Mirzoyan and Mammadov for Lachin corridor talks; detainees, the Karabakh "
                "checkpoint and demarcation of the border were on the Geneva agenda.", None, "y"),
            art("a3", "Envoys discuss the Lachin corridor",
                "Mammadov said the Lachin corridor talks with Mirzoyan would go on after the winter.", None, "z")]
    rounds = assign_mod.ALIKE_ROUNDS
    monkeypatch.setattr(assign_mod, "ALIKE_ROUNDS", 0)
    story, _, idx = assign(arts)
    monkeypatch.setattr(assign_mod, "ALIKE_ROUNDS", rounds)
    pos = {aid: idx.stories[story[aid]].idx for aid in ("a1", "a2", "a3")}
    assert len(set(pos.values())) == 3
    # a1 and a2 are each other's candidates; a3 sees only a1, and the merged a1 + a2 does not see a3
    only = {pos["a1"]: [pos["a2"]], pos["a2"]: [pos["a1"]], pos["a3"]: [pos["a1"]]}
    monkeypatch.setattr(assign_mod, "_alike_candidates",      # live stories only, as the real one gives
                        lambda index, s: sorted({index.find(j) for j in only.get(s.idx, [])} - {s.idx}))
    a = {k: idx.stories[story[k]] for k in pos}
    assert scoring.story_similarity(a["a1"], a["a2"]) > scoring.story_similarity(a["a1"], a["a3"]) > 0.05
    idx.touched = set(pos.values())
    assign_mod.merge_alike(idx)
    assert idx.articles["a1"][0] == idx.articles["a2"][0] == idx.articles["a3"][0]


def test_story_similarities_of_many_stories_are_the_floats_of_one_pair_at_a_time(monkeypatch):
    """The second pass compares a story with all its candidates in one match: the same floats as
    story_similarity pair by pair (also for a candidate without a core and one months away: 0)."""
    from datetime import timedelta

    from tasks.stories import assign as assign_mod, scoring
    from tasks.stories.index import Story
    monkeypatch.setattr(scoring, "STORY_THRESHOLD", 10.0)      # one story per article (no copies either)
    monkeypatch.setattr(scoring, "SYN_THRESHOLD", 2.0)
    monkeypatch.setattr(scoring, "SYN_CONTAINMENT", 2.0)
    monkeypatch.setattr(assign_mod, "ALIKE_ROUNDS", 0)
    arts = [art(f"t{n}", f"Lachin corridor talks round {n}",
                TALKS.format(n=n, place=place, topic=topic), when, f"o{n}")
            for n, (place, topic, when) in enumerate([("Karabakh", "maps", T0), ("Karabakh", "detainees", None),
                                                      ("Goris", "maps", T0 + timedelta(days=1)),
                                                      ("Karabakh", "maps", T0 + timedelta(days=400))])]
    arts.append(art("r", "Actor checks into rehab", REHAB.format(name="Ann Lee", place="Malibu", event="a relapse",
                                                                 last="Lee", festival="Cannes", age=41), T0, "o9"))
    story, _, idx = assign(arts)
    assert len(set(story.values())) == len(arts)
    all_stories = [idx.stories[story[a["article_id"]]] for a in arts] + [Story("empty")]
    for s in all_stories:
        sims = scoring.story_similarities(s, all_stories)
        assert sims == [scoring.story_similarity(s, o) for o in all_stories]
    first = scoring.story_similarities(all_stories[0], all_stories)
    assert first[1] > 0 and first[3] == 0.0 and first[-1] == 0.0
    assert scoring.story_similarities(Story("empty"), all_stories) == [0.0] * len(all_stories)
