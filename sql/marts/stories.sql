-- model: stories
-- description: One row per story (articles about the same event, clustered by the corpus story stage), with its size across outlets and independent sources.
-- depends_on: articles, syndication
-- column story_id: id of the story's founding article; stable across runs
-- column title: most common article title in the story (ties: earliest published, then alphabetical)
-- column n_articles: articles in the story
-- column n_outlets: distinct outlets in the story
-- column n_sources: independent sources: distinct syndication groups (three reprints of one wire story count once)
-- column first_published: earliest published_at of its articles
-- column last_published: latest published_at of its articles
-- column outlets: sorted list of the outlets
with members as (
    select a.story_id, a.article_id, a.outlet, a.title, a.published_at, s.syndication_group_id
    from articles as a
    join syndication as s using (article_id)
),
titles as (
    select story_id, title, count(*) as n, min(published_at) as first_pub
    from members
    where title is not null and trim(title) <> ''
    group by story_id, title
),
best_title as (
    select story_id, title
    from titles
    qualify row_number() over (partition by story_id order by n desc, first_pub asc nulls last, title) = 1
),
agg as (
    select
        story_id,
        count(*) as n_articles,
        count(distinct outlet) as n_outlets,
        count(distinct syndication_group_id) as n_sources,
        min(published_at) as first_published,
        max(published_at) as last_published,
        list_sort(list_distinct(list(outlet))) as outlets
    from members
    group by story_id
),
final as (
    select a.story_id, t.title, a.n_articles, a.n_outlets, a.n_sources, a.first_published, a.last_published, a.outlets
    from agg as a
    left join best_title as t using (story_id)
)
select * from final
