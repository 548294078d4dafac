-- model: int_entity_coverage
-- materialized: incremental
-- unique_key: story_id
-- description: The story-scoped part of entity_coverage: one row per (story, entity) with its outlets, counts and surface forms. Kept apart from the entity's name and label, which are corpus-wide (they can change when another story gets new articles), so incremental builds recompute only the stories whose inputs changed.
-- depends_on: entity_mentions, articles, stories
-- column story_id: story
-- column entity_id: entity
-- column n_outlets: outlets of the story that mention the entity
-- column n_articles: articles of the story that mention it
-- column n_mentions: mentions in the story
-- column outlet_share: n_outlets / number of outlets in the story
-- column outlets: sorted list of the outlets mentioning it
-- column surface_forms: list of {outlet, forms} (forms = sorted distinct mention texts), one per outlet, sorted by outlet
with m as (
    select
        a.story_id,
        m.entity_id,
        m.text,
        m.article_id,
        coalesce(a.outlet, 'unknown:' || m.article_id) as outlet
    from entity_mentions as m
    join articles as a using (article_id)
    where m.entity_id is not null and {{ incremental_stories('a.story_id') }}
),
by_outlet as (
    select story_id, entity_id, outlet, list_sort(list_distinct(list(text))) as forms
    from m
    group by story_id, entity_id, outlet
),
forms as (
    select story_id, entity_id, list(struct_pack(outlet := outlet, forms := forms) order by outlet) as surface_forms
    from by_outlet
    group by story_id, entity_id
),
agg as (
    select
        story_id,
        entity_id,
        count(distinct outlet) as n_outlets,
        count(distinct article_id) as n_articles,
        count(*) as n_mentions,
        list_sort(list_distinct(list(outlet))) as outlets
    from m
    group by story_id, entity_id
)
select
    a.story_id,
    a.entity_id,
    a.n_outlets,
    a.n_articles,
    a.n_mentions,
    a.n_outlets / s.n_outlets as outlet_share,
    a.outlets,
    f.surface_forms
from agg as a
join stories as s using (story_id)
join forms as f using (story_id, entity_id)
