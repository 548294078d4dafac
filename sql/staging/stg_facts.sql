-- model: stg_facts
-- description: Numeric and date facts as written to Parquet by the extraction stage (tasks/facts.py); one row per committed fact row.
-- depends_on:
with source as (
    select * from {{ source('facts') }}
),
renamed as (
    select
        fact_id,
        article_id,
        sentence_no,
        start_char,
        end_char,
        text,
        kind,
        value,
        value_text,
        unit,
        qualifier,
        about,
        run_id,
        pipeline_version
    from source
)
select * from renamed
