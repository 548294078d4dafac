-- model: stg_sentences
-- description: Sentences as written to Parquet by the extraction stage (tasks/sentences.py); one row per committed sentence row.
-- depends_on:
with source as (
    select * from {{ source('sentences') }}
),
renamed as (
    select
        article_id,
        sentence_no,
        paragraph_no,
        start_char,
        end_char,
        text,
        run_id,
        pipeline_version
    from source
)
select * from renamed
