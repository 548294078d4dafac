-- model: stg_claim_features
-- description: Per-sentence claim features as written to Parquet by the extraction workers (tasks/claims/records.py): claim kind, comparable words, numbers, names, cue flags and static embedding.
-- depends_on:
with source as (
    select * from {{ source('claim_features') }}
),
renamed as (
    select
        article_id,
        sentence_no,
        claim_kind,
        words,
        content,
        bigrams,
        numbers,
        names,
        negated,
        modal,
        denial,
        confirm,
        n_tokens,
        vector,
        run_id,
        pipeline_version
    from source
)
select * from renamed
