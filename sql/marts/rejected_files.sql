-- model: rejected_files
-- description: Every input that did not become an article, with a reason code and a readable detail; each input file appears once here or in articles.
-- depends_on: stg_rejected_files
-- column source_path: input path relative to the raw dir (`file.jsonl#n` for a jsonl line, `manifest.csv:name` for a manifest entry)
-- column drop_id: drop the file belongs to
-- column reason: short code (empty, binary, unsupported_format, decode_error, malformed_json, no_text, not_english, duplicate, outside_raw_dir, missing_file, too_large, unreadable, extraction_error)
-- column detail: human-readable explanation
-- column run_id: run that rejected it
-- column file_hash: sha256 of the file bytes when readable
-- column rejected_at: when
-- column pipeline_version: version of the pipeline that rejected it
with rejected as (
    select *
    from stg_rejected_files
    qualify row_number() over (partition by source_path, coalesce(file_hash, '') order by rejected_at desc) = 1
)
select source_path, drop_id, reason, detail, run_id, file_hash, rejected_at, pipeline_version
from rejected
