-- model: stg_rejected_files
-- description: Input files (or jsonl lines, manifest entries) refused by ingest or cleaning, with the reason.
-- depends_on:
with source as (
    select * from {{ source('rejected_files') }}
),
renamed as (
    select source_path, drop_id, file_hash, reason, detail, rejected_at, run_id, pipeline_version
    from source
)
select * from renamed
