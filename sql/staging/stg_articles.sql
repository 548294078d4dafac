-- model: stg_articles
-- description: Articles as written to Parquet by the ingest and clean stages, typed; one row per committed article row.
-- depends_on:
with source as (
    select * from {{ source('articles') }}
),
renamed as (
    select
        article_id,
        drop_id,
        source_path,
        file_hash,
        outlet,
        outlet_source,
        url,
        title,
        byline,
        dateline,
        published_at,
        body,
        n_words,
        n_paragraphs,
        ingested_at,
        run_id,
        pipeline_version
    from source
)
select * from renamed
