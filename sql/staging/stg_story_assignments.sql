-- model: stg_story_assignments
-- description: Story assignment of each article, written by the corpus story stage (latest assignment wins).
-- depends_on:
with source as (
    select * from {{ source('story_assignments') }}
)
select article_id, story_id, score, assigned_at, run_id, pipeline_version from source
