-- model: stg_syndication
-- description: Near-duplicate (syndicated / wire copy) group of each article, written by the corpus story stage.
-- depends_on:
with source as (
    select * from {{ source('syndication') }}
)
select article_id, syndication_group_id, similarity, run_id, pipeline_version from source
