"""The PolNeAR reader of the quote evaluation: every Content argument of an attribution event is a gold quotation with
the event's Source (a second piece of one quotation, "Content2", is no speaker-less quotation), and a discontinuous
span keeps its fragments."""
from __future__ import annotations

from tasks.evaluation.quotes_polnear import _parse_ann


def test_every_content_of_an_event_has_its_source(tmp_path):
    ann = tmp_path / "a_x.ann"
    ann.write_text("T1\tSource 0 5\tSmith\n"
                   "T2\tCue 6 10\tsaid\n"
                   "T3\tContent 11 20;25 30\t\"A\" and \"B\"\n"
                   "T4\tContent 40 50\t\"C more\"\n"
                   "T5\tContent 60 70\tunattached\n"
                   "E1\tAttribution:T2 Source:T1 Content:T3 Content2:T4\n", encoding="utf-8")
    atts = _parse_ann(ann)
    assert [(a["content"], a["source"]) for a in atts] == [
        ([(11, 20), (25, 30)], [(0, 5)]),
        ([(40, 50)], [(0, 5)]),
        ([(60, 70)], []),
    ]
