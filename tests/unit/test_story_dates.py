"""Text date anchors of the story stage (tasks/stories/dates.py): numeric and capitalised dates."""
from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from tasks import stories
from tasks.stories import dates


def _iso(ordinals: list[int]) -> list[str]:
    return [date.fromordinal(o).isoformat() for o in ordinals]


def test_numeric_dates_are_anchors_with_both_readings_when_ambiguous():
    full, _, _ = dates.text_anchors("Last updated 13:26 14/09/2013. Posted 05 / 02 / 2013. Published: 2012. 08. 08")
    # 14/09: only day-month; 05/02: May 2 or 5 February; a year-first date; spaces around separators allowed
    assert _iso(full) == ["2012-08-08", "2013-02-05", "2013-05-02", "2013-09-14"]
    full, _, _ = dates.text_anchors("02.29.12 4:15 PM and 7/24/06")
    assert _iso(full) == ["2006-07-24", "2012-02-29"]        # two-digit years: 20xx before 50, else 19xx


def test_numbers_that_are_not_dates_give_no_anchor():
    for text in ("version 1.2.3", "scored 3/4/5 of them", "host 10.1.12.5", "a 31/12 split", "13/13/2013",
                 "ratio 1.5.2012x"):
        assert dates.text_anchors(text)[0] == [], text


def test_capitalised_month_names_are_dates_too():
    full, month_days, _ = dates.text_anchors("10:55 P. M. FEB. 2, 2009 and APR 28; JUNE 8")
    assert _iso(full) == ["2009-02-02"] and month_days == [428, 608]
    assert dates.text_anchors("You may 5 times say so")[1] == []      # the verb "may" is no month


def test_a_numeric_dateline_places_an_undated_report():
    story_days = [date(2013, 9, 15).toordinal()]
    full, month_days, years = dates.text_anchors("Last updated 15:48 15/09/2013\nTwo climbers killed in falls")
    assert dates.anchor_factor(full, month_days, years, story_days, stories.date_factor) == 1.0
    full, month_days, years = dates.text_anchors("Posted 3/27/2012\nAMD completes its acquisition")
    assert dates.anchor_factor(full, month_days, years, story_days, stories.date_factor) == 0.0


# ---------------------------------------------------------------- weekdays


def test_weekday_masks():
    assert dates.weekday_mask("He was arrested early Sunday and released on Monday.") == 0b1000001
    assert dates.weekday_mask("Sundays are quiet; the sunday paper") == 0b1000000    # capitalised names only
    assert dates.weekday_mask("No day named.") == 0
    assert dates.weekdays_disagree(0b1000000, 0b0000010)          # Sunday vs Tuesday
    assert not dates.weekdays_disagree(0b1000001, 0b0000001)      # a day in common
    assert not dates.weekdays_disagree(0, 0b0000010)              # one names none: nothing to compare


DUI = ("{team} {role} {name} was arrested on suspicion of drunken driving early {day}, the team said. Police "
       "stopped {last} on Interstate 15 in San Diego after his car weaved between lanes. {last} failed field "
       "sobriety tests and was booked into county jail, then released on bail. The Chargers said they were aware "
       "of the arrest and would have no further comment while the legal process continues.")


def _dui(aid: str, day: str, when=None) -> dict:
    return {"article_id": aid, "title": "Chargers player arrested on DUI suspicion", "published_at": when,
            "body": DUI.format(team="San Diego Chargers", role="receiver", name="Vincent Jackson", last="Jackson",
                               day=day), "outlet": aid, "source_path": f"{aid}.txt"}


def test_an_undated_report_naming_another_weekday_needs_more_to_join():
    from tasks.stories.params import WEEKDAY_MARGIN
    others = [{"article_id": f"x{i}", "title": f"Market note {i}", "published_at": None, "outlet": "w",
               "source_path": f"x{i}.txt", "body": f"Shares of company {i} rose as investors weighed interest "
               f"rates, oil prices and the outlook for retail sales in quarter {i}."} for i in range(12)]
    rows, idx = stories.assign_articles([_dui("a", "Sunday")] + others, {})
    raws = [stories.raw_features(_dui(k, day)) for k, day in (("b", "Sunday"), ("c", "Tuesday"))]
    stories.update_df(idx, raws)
    f_same, f_other = (stories.compact_features(r, idx.df, idx.n_docs) for r in raws)
    s = idx.stories["a"]
    (score_same, thr_same), (score_other, thr_other) = (stories.story_score(f, s, idx.df, idx.n_docs)
                                                        for f in (f_same, f_other))
    assert thr_other > thr_same and thr_other == pytest.approx(thr_same + WEEKDAY_MARGIN)
    assert score_other == pytest.approx(score_same, abs=0.02)     # the words alike: only the weekday differs
    # dated on both sides, the dates decide and the weekdays add nothing
    day0 = date(2009, 2, 1)
    _, idx = stories.assign_articles([_dui("d", "Sunday", day0.isoformat())], {})
    f = stories.compact_features(stories.raw_features(_dui("e", "Tuesday", day0.isoformat())), idx.df, idx.n_docs)
    f_ok = stories.compact_features(stories.raw_features(_dui("e", "Sunday", day0.isoformat())), idx.df, idx.n_docs)
    assert stories.story_score(f, idx.stories["d"], idx.df, idx.n_docs)[1] == \
        stories.story_score(f_ok, idx.stories["d"], idx.df, idx.n_docs)[1]


def test_stories_naming_other_weekdays_need_more_to_merge(tmp_path):
    from tasks.stories.params import WEEKDAY_MARGIN
    from tasks.stories.scoring import weekday_margin
    idx = stories.StoryIndex()
    sunday, tuesday, both = (idx.new_story(k) for k in ("s", "t", "u"))
    for s, mask in ((sunday, 0b1000000), (tuesday, 0b0000010), (both, 0b1000010)):
        s.core.append(stories.Member(np.zeros(0, dtype=np.int64), np.zeros(0), 0, 1.0, mask))
    assert weekday_margin(sunday, tuesday) == WEEKDAY_MARGIN > 0
    assert weekday_margin(sunday, both) == 0.0
    sunday.days, tuesday.days = [733000], [733001]
    assert weekday_margin(sunday, tuesday) == 0.0          # both dated: the dates decide
    # the weekdays of core members survive a save and a load of the index
    other = {**_dui("b", "Tuesday"), "body": "On Friday the Lakers beat the Celtics 101-99 in Boston on Tuesday."}
    _, idx = stories.assign_articles([_dui("a", "Sunday"), other], {})
    idx.save(tmp_path)
    again = stories.StoryIndex.load(tmp_path)
    assert sorted(m.weekdays for s in again.stories.values() for m in s.core) == [0b0010010, 0b1000000]
