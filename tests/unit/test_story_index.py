"""The story index's structures: merge groups (real save/load through the .npz, no mocks)."""
from __future__ import annotations

import numpy as np

from tasks import stories


def test_merges_resolve_every_story_to_its_live_story_also_after_save_and_load(tmp_path):
    """Merge groups move the smaller group's stories (union by size, not a scan of every story per merge): a
    big group of young stories absorbed by an older singleton, and stories merged after a reload, all resolve
    to the story that absorbed them."""
    idx = stories.StoryIndex()
    s = [idx.new_story(f"s{i}") for i in range(8)]
    for x in s:                                    # each founded by an article of its id
        idx.add_article(stories.Features(x.story_id, None, ("9999", "", x.story_id), {}, {}, [], None), x, None,
                        1.0, 1.0)
    for young in s[4:7]:
        idx.merge(s[3], young)                     # group {3, 4, 5, 6}
    idx.merge(s[1], s[3])                          # the older singleton absorbs the bigger group
    assert [idx.find(x.idx) for x in s] == [0, 1, 2, 1, 1, 1, 1, 7]
    assert idx.roots(np.arange(8, dtype=np.int32)).tolist() == [0, 1, 2, 1, 1, 1, 1, 7]
    assert set(idx.stories) == {"s0", "s1", "s2", "s7"}
    idx.save(tmp_path)
    again = stories.StoryIndex.load(tmp_path)
    assert again is not None
    assert again.roots(np.arange(8, dtype=np.int32)).tolist() == [0, 1, 2, 1, 1, 1, 1, 7]
    again.merge(again.stories["s0"], again.stories["s1"])
    again.merge(again.stories["s0"], again.stories["s7"])
    assert again.roots(np.arange(8, dtype=np.int32)).tolist() == [0, 0, 2, 0, 0, 0, 0, 0]
    assert set(again.stories) == {"s0", "s2"}
    assert again.memberships() == {"s0": frozenset({"s0", "s1", "s3", "s4", "s5", "s6", "s7"}),
                                   "s2": frozenset({"s2"})}
