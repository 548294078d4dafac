"""Crawled pages in Spanish (tests/fixtures/not_english_heldout333/, written blind to imitate Central American sites,
with Spanish navigation, captions and footers) are rejected with reason not_english and the language found, while the
English pages of the same set are read: newsagree reads English, and every file ends up in articles or
rejected_files."""
from __future__ import annotations

import shutil
from pathlib import Path

from tasks.clean import clean_documents
from tasks.ingest import discover, read_files

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_spanish_pages_are_rejected_and_english_ones_of_the_same_set_read(tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    spanish = sorted((FIXTURES / "not_english_heldout333").glob("*.md"))
    english = sorted((FIXTURES / "crawls_heldout333").glob("*.md"))
    assert len(spanish) == 5 and len(english) == 3
    for f in spanish + english:
        shutil.copy(f, drop / f.name)
    docs, rejected = read_files(tmp_path, discover(tmp_path))
    articles, rejected_clean = clean_documents(docs)
    reasons = {Path(r["source_path"]).name: (r["reason"], r["detail"]) for r in list(rejected) + list(rejected_clean)}
    assert sorted(Path(a["source_path"]).name for a in articles) == [f.name for f in english]
    assert set(reasons) == {f.name for f in spanish}
    assert all(reason == "not_english" and "'es'" in detail for reason, detail in reasons.values())
