-- model: entity_coverage
-- description: One row per (story, entity): how many of the story's outlets mention the entity and which surface forms each outlet uses (e.g. Kiev vs Kyiv, Zelensky vs Zelenskiy). The per-story part is int_entity_coverage (built incrementally); the name and label are corpus-wide and joined here in every build.
-- depends_on: int_entity_coverage, entity_mentions, entities, articles
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
    select m.entity_id, m.entity_name, m.label
    from entity_mentions as m
    join articles as a using (article_id)
    where m.entity_id is not null
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
)
select
    c.story_id,
    c.entity_id,
    coalesce(e.name, mn.entity_name) as name,
    coalesce(e.label, mn.label) as label,
    c.n_outlets,
    c.n_articles,
    c.n_mentions,
    c.outlet_share,
    c.outlets,
    c.surface_forms
from int_entity_coverage as c
left join mention_name as mn using (entity_id)
left join canonical as e using (entity_id)
