-- model: stg_entity_mentions
-- description: Named-entity mentions as written to Parquet by the extraction stage (tasks/entities.py); one row per committed mention row.
-- depends_on:
with source as (
    select * from {{ source('entity_mentions') }}
),
renamed as (
    select
        article_id,
        sentence_no,
        start_char,
        end_char,
        text,
        label,
        ner_label,
        entity_id,
        entity_key,
        entity_name,
        run_id,
        pipeline_version
    from source
)
select * from renamed
