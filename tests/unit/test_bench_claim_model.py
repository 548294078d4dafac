"""The benchmark's claim-model measure loads the real model in a fresh interpreter and reports what it holds."""
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
