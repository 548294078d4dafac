"""Text date anchors of the story stage (tasks/stories/dates.py): numeric and capitalised dates."""
from __future__ import annotations

from datetime import date

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
