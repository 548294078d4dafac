"""The +5 run's head starts: the inline batch's warm-up and the CLI's fast exit."""
import subprocess
import sys
from pathlib import Path

from tasks import batches, ingest
from tasks.settings import DEFAULT_MODEL


def test_warm_up_article_reaches_every_extraction_stage(tmp_path):
    # the made-up article must go through cleaning and produce rows in every table, else it warms nothing
    drop = tmp_path / "warm-up"
    drop.mkdir()
    (drop / "article.txt").write_text(batches.WARM_UP_TEXT, encoding="utf-8")
    out = batches.process_files(tmp_path, ingest.discover(tmp_path), DEFAULT_MODEL)
    assert len(out["articles"]) == 1 and not out["rejected_files"]
    for table in ("sentences", "entity_mentions", "quotes", "facts", "story_features", "claim_features"):
        assert out[table], table


def test_warm_up_leaves_nothing_behind(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", None)   # re-read TMPDIR
    batches.warm_up(DEFAULT_MODEL)
    assert list(tmp_path.iterdir()) == []


def test_fast_exit_runs_exit_handlers_and_keeps_the_code():
    code = ("import atexit, sys, threading, time\n"
            "from flows.cli import _fast_exit\n"
            "t = threading.Thread(target=lambda: (time.sleep(0.3), print('thread done', flush=True)))\n"
            "t.start()\n"
            "atexit.register(lambda: print('handler ran'))\n"
            "sys.stdout.write('buffered ')\n"
            "_fast_exit(3)\n"
            "print('not reached')\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2], timeout=60)
    assert res.returncode == 3
    assert res.stdout.split() == ["buffered", "thread", "done", "handler", "ran"]
