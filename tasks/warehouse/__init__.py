"""Build the DuckDB warehouse from the SQL models in sql/, dbt style.

- ``sql/staging/*.sql`` become views over the committed Parquet files
  (``{{ source('table') }}`` is replaced by a ``read_parquet([...])`` of them,
  or by an empty relation with the table's schema when there are none);
- ``sql/marts/*.sql`` and ``sql/agreement/*.sql`` become tables;
- models run in the order given by their ``-- depends_on:`` headers;
- ``sql/tests/*.sql`` run after the build: each returns the rows that break an
  invariant, zero rows = pass.

The build writes a new database file next to the warehouse and swaps it in
with ``os.replace`` only when every data test passed, so an analyst holding a
read-only connection keeps reading the old file (same inode) and new
connections see the complete new one. A failed build leaves the previous
warehouse in place and keeps the failed one as ``<warehouse>.failed`` for
inspection.

Incremental models (dbt's ``materialized: incremental``): a model whose
header says ``-- materialized: incremental`` and ``-- unique_key: story_id``
is story-scoped - each story's rows depend only on that story's inputs - and
marks where the story enters with ``{{ incremental_stories('a.story_id') }}``.
Every build stores a fingerprint per story in ``build_meta.story_fingerprints``
(``sql/incremental/story_fingerprints.sql``: a hash of every input row the
story-scoped models read) and a ``model_fingerprint`` in
``build_meta.build_info`` (all ``sql/`` files, the pipeline version, the DuckDB
version and the modules of this package). A warehouse another process holds
read-write is never built over (``WarehouseBusy``: see swap.py, which also folds
a dead writer's write-ahead log into its file and moves a foreign one aside), and
a processed folder whose parts disagree with their commit markers is refused
(``parquet.DamagedProcessed``). When the previous warehouse exists, its last build
did not fail, it opens read-only, it carries the same model fingerprint and its file has not grown
too much (at most half free space, at most twice its size after the last full
build: updates in place leave deleted rows and free blocks behind), the new
file starts as a byte copy of it (taken while the read-only connection holds
DuckDB's shared lock) and the build is incremental: the stories whose fingerprint changed, appeared or vanished lose
their rows in every incremental model, which is recomputed for them only
(the macro renders to ``<expr> in (select story_id from _changed_stories)``;
in a full build to ``true``); the rows of the other stories stay. Objects
that no model makes are dropped from the copy. Anything else -
``full_refresh=True``, no usable previous warehouse, a previous table that is
missing or has other columns - builds everything into an empty file. Staging,
marts and the models that are not incremental are always rebuilt, data tests
always run over the whole result, the previous warehouse is only read, and
the new file is swapped in as above.

Chunked runs: the stories an incremental model is computed for (all of them in a full build, the changed
ones otherwise) are split, in story_id order, into chunks of about ``BUILD_CHUNK_ROWS`` input rows (the
fingerprint's per-story row count; env ``NEWSAGREE_BUILD_CHUNK_ROWS``). With more than one chunk the
whole chain of incremental models runs for one chunk, each model as a temp table of its own name that the
next model reads (the macro renders to ``<expr> in (select story_id from _chunk_stories)``), and the
chunk's rows are spooled to Parquet beside the new file, loaded into the model tables in one insert each
after the last chunk. Hash tables and sorts then hold one
chunk at a time: memory stays flat and time linear in the corpus size, where one pass over 12.6k
articles already spilled under the memory limit. The large story-scoped inputs (sentences, mentions,
quotes, facts) are split by chunk once, so a chunk reads its own rows of them, not the corpus's.
"""
from tasks.warehouse.chunks import BUILD_CHUNK_ROWS
from tasks.warehouse.incremental import (META_SCHEMA, Incremental, IncrementalUnavailable, model_set_fingerprint)
from tasks.warehouse.models import (FINGERPRINT_SQL, MODEL_DIRS, Model, check_fingerprint_covers, check_models,
                                    load_fingerprint, load_models, order_models, parse_model, phase_order)
from tasks.warehouse.render import (expand_deduplicate, render, render_deduplicate, render_incremental,
                                    render_macros, source_relation)
from tasks.warehouse.render import quote_ident
from tasks.warehouse.runner import (BUILD_MEMORY_LIMIT, CONTRACT_TABLES, BuildResult, DataTestError, build,
                                    build_memory_limit, missing_contract_tables, run_models, run_tests)
from tasks.warehouse.swap import WarehouseBusy, is_current, settle

__all__ = [
    "BUILD_CHUNK_ROWS", "BUILD_MEMORY_LIMIT", "CONTRACT_TABLES", "FINGERPRINT_SQL", "META_SCHEMA", "MODEL_DIRS",
    "BuildResult", "DataTestError", "WarehouseBusy", "build_memory_limit", "quote_ident", "settle", "Incremental", "IncrementalUnavailable", "Model", "build",
    "check_fingerprint_covers", "check_models", "expand_deduplicate", "is_current", "load_fingerprint",
    "load_models", "missing_contract_tables", "model_set_fingerprint", "order_models", "parse_model",
    "phase_order", "render", "render_deduplicate", "render_incremental", "render_macros", "run_models",
    "run_tests", "source_relation",
]
