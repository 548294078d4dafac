"""Benchmark children: the claim-model measure loads the real model in a fresh interpreter and reports what it
holds; the profiled run writes its profile."""
from bench.children import child_env, claim_model_load
from tasks.claims import similarity, vectors


def test_claim_model_load_reports_the_shipped_table_and_weights(tmp_path):
    run, info = claim_model_load(child_env(tmp_path))
    vocab, table = vectors.load()
    assert run.ok()
    assert (info["pieces"], info["dims"]) == (len(vocab), table.shape[1])
    assert info["features"] == len(similarity.model()["weights"])
    assert abs(info["table_mb"] - table.nbytes / 2 ** 20) < 1e-6
    assert 0 < info["load_s"] < run.wall_s
    assert info["rss_mb"] >= info["table_mb"] / 2      # the table is held in memory, not mapped lazily


def test_profiled_run_writes_its_profile_even_when_the_command_exits(tmp_path):
    """bench --profile: the command ends with SystemExit (here argparse's --help), the profile is still written."""
    import pstats
    import sys

    from bench.__main__ import _PROFILED_RUN, run_child
    prof = tmp_path / "run.prof"
    r = run_child([sys.executable, "-c", _PROFILED_RUN, str(prof), "status", "--help"], env=child_env(tmp_path))
    assert r.ok() and "usage" in r.stdout
    assert any("cli.py" in f for f, _line, _fn in pstats.Stats(str(prof)).stats)   # type: ignore[attr-defined]
