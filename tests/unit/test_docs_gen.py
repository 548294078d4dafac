"""The data dictionary docs/tables.md is generated from the SQL model headers and kept in sync."""
from __future__ import annotations

from pathlib import Path

from tasks import docs_gen
from tasks.warehouse import load_models

REPO = Path(__file__).resolve().parents[2]


def test_docs_tables_md_is_in_sync_with_sql_models():
    expected = docs_gen.generate()
    current = (REPO / "docs" / "tables.md").read_text(encoding="utf-8")
    assert current == expected, "docs/tables.md is out of date: run `python -m tasks.docs_gen`"


def test_every_table_model_is_documented_in_tables_md():
    text = (REPO / "docs" / "tables.md").read_text(encoding="utf-8")
    for m in load_models():
        if m.path.parent.name in ("marts", "agreement"):
            assert f"\n## {m.name}\n" in text, m.name
        else:
            assert f"| `{m.name}` |" in text, m.name


def _write(p: Path, text: str) -> None:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")


def _toy_sql(root: Path) -> Path:
    sql = root / "sql"
    _write(sql / "staging" / "stg_runs.sql",
           "-- model: stg_runs\n-- description: runs as written\n-- depends_on:\n"
           "select * from {{ source('runs') }}\n")
    _write(sql / "marts" / "run_stats.sql",
           "-- model: run_stats\n"
           "-- description: one row per status, with the number of runs;\n"
           "--   continued on a second line\n"
           "-- depends_on: stg_runs\n"
           "-- column status: run status | ok or failed\n"
           "-- column n_runs: number of runs\n"
           "-- column gone: a column the model no longer produces\n"
           "with r as (select status, run_id, duration_s from stg_runs)\n"
           "select status, count(*) as n_runs, max(duration_s) as slowest from r group by status\n")
    (sql / "agreement").mkdir()
    return sql


def test_generated_text_from_headers_and_warehouse_types(tmp_path):
    sql = _toy_sql(tmp_path)
    text = docs_gen.generate(sql)
    assert "## run_stats" in text
    assert "one row per status, with the number of runs; continued on a second line" in text
    assert "| `status` | VARCHAR | run status \\| ok or failed |" in text      # pipe escaped
    assert "| `n_runs` | BIGINT | number of runs |" in text                  # type from DuckDB
    assert "| `slowest` | DOUBLE | *(undocumented)* |" in text
    assert "Documented in the header but not produced by the model: `gone`." in text
    assert "| `stg_runs` | `sql/staging/stg_runs.sql` | runs as written |" in text


def test_undocumented_columns_are_reported(tmp_path):
    sql = _toy_sql(tmp_path)
    models = load_models(sql)
    missing = docs_gen.undocumented_columns(models, docs_gen.warehouse_columns(models))
    assert missing == {"run_stats": ["slowest"]}


def test_check_mode(tmp_path, capsys):
    sql = _toy_sql(tmp_path)
    out = tmp_path / "tables.md"
    lineage = tmp_path / "lineage.md"
    args = ["--sql-dir", str(sql), "--out", str(out), "--lineage-out", str(lineage)]
    assert docs_gen.main([*args, "--check"]) == 1
    assert docs_gen.main(args) == 0
    assert docs_gen.main([*args, "--check"]) == 0
    assert "stg_runs --> run_stats" in lineage.read_text(encoding="utf-8")
    assert "undocumented column(s): slowest" in capsys.readouterr().err


def test_depends_on_headers_agree_with_the_sql():
    """Every model's `-- depends_on:` lists exactly the models its SQL reads (FROM/JOIN, deduplicate())."""
    from tasks.warehouse import load_fingerprint
    models = load_models()
    names = {m.name for m in models}
    fingerprint = load_fingerprint()
    for m in models + ([fingerprint] if fingerprint else []):
        reads = docs_gen.sql_references(m, names)
        assert set(m.depends_on) == reads, (
            f"{m.path}: -- depends_on: {sorted(m.depends_on)} but the SQL reads {sorted(reads)}")


def test_sql_references_ignore_ctes_comments_strings_and_columns(tmp_path):
    from tasks.warehouse import parse_model
    p = tmp_path / "agreement" / "x.sql"
    _write(p, "-- model: x\n-- depends_on: quotes\n"
              "with quotes as (select * from {{ deduplicate('stg_quotes', 'quote_id', 'run_id') }}),\n"
              "  -- from articles (a comment)\n"
              "  s as (select 'join stories' as note, q.articles from quotes as q)\n"
              "select * from s join facts using (article_id) left join\n  entities on true\n")
    refs = docs_gen.sql_references(parse_model(p), {"quotes", "stg_quotes", "articles", "stories", "facts",
                                                     "entities", "x"})
    assert refs == {"stg_quotes", "facts", "entities"}


def test_lineage_md_is_in_sync_and_draws_every_model():
    text = (REPO / "docs" / "lineage.md").read_text(encoding="utf-8")
    assert text == docs_gen.generate_lineage(), "docs/lineage.md is out of date: run `python -m tasks.docs_gen`"
    assert "```mermaid" in text and "flowchart LR" in text
    for m in load_models():
        assert f'    {m.name}["' in text, m.name
        for d in m.depends_on:
            assert f"  {d} --> {m.name}\n" in text
