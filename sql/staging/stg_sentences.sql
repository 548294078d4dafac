-- model: stg_sentences
-- description: Sentences as written to Parquet by the sentence stage.
-- depends_on:
with source as (
    select * from {{ source('sentences') }}
)
select article_id, sentence_no, paragraph_no, start_char, end_char, text, run_id, pipeline_version from source
