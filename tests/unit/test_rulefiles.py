"""The one rule-file loader: comments, blank lines, sections, tab/comma tables, records, YAML, paths."""
from __future__ import annotations

import pytest

from tasks import rulefiles
from tasks.settings import RULES_DIR


def test_lines_and_sections_skip_comments_and_blanks(tmp_path):
    f = tmp_path / "verbs.txt"
    f.write_text("# what this file is\n\nSay\n  # indented comment\n[past]\nSaid \n[ future ]\nwill say\n",
                 encoding="utf-8")
    assert rulefiles.lines(f) == ["Say", "[past]", "Said", "[ future ]", "will say"]
    assert rulefiles.lines(f, lower=True)[0] == "say"
    assert rulefiles.sections(f) == {"": ["Say"], "past": ["Said"], "future": ["will say"]}


def test_tables_split_cells_as_written(tmp_path):
    tsv = tmp_path / "n.tsv"
    tsv.write_text('# word\tvalue\ttype\ntwo\t2\tcardinal\n"six"\t6\tcardinal\textra\n', encoding="utf-8")
    assert rulefiles.table(tsv) == [["two", "2", "cardinal"], ['"six"', "6", "cardinal", "extra"]]
    csv_file = tmp_path / "aliases.csv"
    csv_file.write_text("# aliases\nalias,canonical\n\"Kiev, city\",Kyiv\n", encoding="utf-8")
    assert rulefiles.records(csv_file) == [{"alias": "Kiev, city", "canonical": "Kyiv"}]


def test_names_resolve_in_the_rules_folder_and_missing_files_say_where(tmp_path):
    assert rulefiles.path_of("fact_units.yaml") == RULES_DIR / "fact_units.yaml"
    assert "durations" in rulefiles.load_yaml("fact_units.yaml")
    with pytest.raises(FileNotFoundError, match="nope.txt"):
        rulefiles.lines(tmp_path / "nope.txt")
