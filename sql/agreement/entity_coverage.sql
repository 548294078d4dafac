-- model: entity_coverage
-- description: One row per (story, entity): how many of the story's outlets mention the entity and which surface forms each outlet uses (e.g. Kiev vs Kyiv, Zelensky vs Zelenskiy).
-- depends_on: entity_mentions, entities, articles, stories
-- column story_id: story
-- column entity_id: entity
-- column name: canonical entity name (entities.name, else the most common mention name)
-- column label: entity label (PERSON, ORG, GPE, ...)
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
        m.entity_name,
        m.label,
        m.text,
        m.article_id,
        coalesce(a.outlet, 'unknown:' || m.article_id) as outlet
    from entity_mentions as m
    join articles as a using (article_id)
    where m.entity_id is not null
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
mention_name as (
    select entity_id, entity_name, label
    from (select entity_id, entity_name, label, count(*) as n from m group by all)
    qualify row_number() over (partition by entity_id order by n desc, entity_name, label) = 1
),
canonical as (
    select entity_id, any_value(name) as name, any_value(label) as label
    from entities
    group by entity_id
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
    coalesce(e.name, mn.entity_name) as name,
    coalesce(e.label, mn.label) as label,
    a.n_outlets,
    a.n_articles,
    a.n_mentions,
    a.n_outlets / s.n_outlets as outlet_share,
    a.outlets,
    f.surface_forms
from agg as a
join stories as s using (story_id)
join forms as f using (story_id, entity_id)
left join mention_name as mn using (entity_id)
left join canonical as e using (entity_id)
