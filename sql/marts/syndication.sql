-- model: syndication
-- description: One row per article with its near-duplicate (syndication / wire copy) group; articles copied from the same text share a group and count as one independent source.
-- depends_on: articles, stg_syndication
-- column article_id: the article
-- column syndication_group_id: id of the group's founding article (the first copy processed); an article with no near-duplicate is its own group
-- column similarity: estimated word 5-shingle Jaccard (or containment) with the copy it joined; 1.0 for a group's founder
-- column story_id: story of the article
-- column outlet: outlet of the article
-- column group_size: number of articles in the syndication group
-- column group_outlets: number of distinct outlets carrying the group's text
with latest as (
    select article_id, syndication_group_id, similarity
    from stg_syndication
    qualify row_number() over (partition by article_id order by run_id desc) = 1
),
joined as (
    select
        a.article_id,
        coalesce(l.syndication_group_id, a.article_id) as syndication_group_id,
        coalesce(l.similarity, 1.0) as similarity,
        a.story_id,
        a.outlet
    from articles as a
    left join latest as l using (article_id)
),
final as (
    select
        *,
        count(*) over (partition by syndication_group_id) as group_size,
        count(distinct outlet) over (partition by syndication_group_id) as group_outlets
    from joined
)
select * from final
