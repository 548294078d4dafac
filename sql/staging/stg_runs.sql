-- model: stg_runs
-- description: Run records; a run may write several rows (e.g. success then a later failure record), the latest wins in the runs mart.
-- depends_on:
with source as (
    select * from {{ source('runs') }}
)
select * from source
