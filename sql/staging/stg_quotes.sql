-- model: stg_quotes
-- description: Quotes (direct, partial, indirect) with their speakers as written to Parquet by the extraction stage (tasks/quotes.py); one row per committed quote row.
-- depends_on:
with source as (
    select * from {{ source('quotes') }}
),
renamed as (
    select
        quote_id,
        article_id,
        sentence_no,
        start_char,
        end_char,
        text,
        kind,
        speaker_text,
        speaker_start,
        speaker_end,
        speaker_entity_id,
        speaker_name,
        cue,
        pattern,
        confidence,
        run_id,
        pipeline_version
    from source
)
select * from renamed
