"""Scale-out: the extraction batches run on a real dask.distributed LocalCluster (2 worker processes)
and the warehouse equals the one a local run builds."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from flows.nightly import run_nightly
from tasks.settings import Settings

pytestmark = pytest.mark.slow

# content columns only (ids, text, offsets, values), not run ids or timestamps
COMPARE = {
    "articles": "select article_id, source_path, outlet, title, byline, body, n_words, story_id from articles",
    "sentences": "select article_id, sentence_no, start_char, end_char, text from sentences",
    "entity_mentions": "select article_id, start_char, end_char, label, entity_id from entity_mentions",
    "entities": "select entity_id, name, label, n_articles from entities",
    "quotes": "select quote_id, kind, text, speaker_entity_id from quotes",
    "facts": "select fact_id, kind, value, unit, about from facts",
    "stories": "select story_id, n_articles, n_outlets from stories",
    "quote_agreement": "select quote_group_id, canonical_text, n_outlets from quote_agreement",
    "claim_agreement": "select claim_id, n_outlets from claim_agreement",
}


def _dump(db) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(con.execute(q).fetchall(), key=repr) for t, q in COMPARE.items()}
    finally:
        con.close()


def test_dask_cluster_run_equals_local_run(tmp_path, prefect_harness, seeds_dir):
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
    raw = tmp_path / "raw"
    shutil.copytree(seeds_dir, raw / "sample")
    local = Settings.from_env(env={}, raw_dir=raw, processed_dir=tmp_path / "p_local",
                              warehouse=tmp_path / "local.duckdb", runner="thread", n_process=1)
    assert run_nightly(local)["articles_new"] == 5

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        remote = local.with_(processed_dir=tmp_path / "p_dask", warehouse=tmp_path / "dask.duckdb",
                             runner="dask", dask_address=cluster.scheduler_address, batch_size=2)
        summary = run_nightly(remote)
        assert summary["batches"] == 3 and summary["articles_new"] == 5
        with distributed.Client(cluster.scheduler_address) as client:
            # the batches really ran on the cluster's workers: they loaded the extraction code
            loaded = client.run(lambda: __import__("sys").modules.get("tasks.extract") is not None)
            assert any(loaded.values()), loaded

    assert _dump(tmp_path / "dask.duckdb") == _dump(tmp_path / "local.duckdb")
