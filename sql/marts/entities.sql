-- model: entities
-- description: One row per canonical entity (person, organisation, place, group, other name) across the corpus, with every surface form used for it and how many articles and outlets mention it.
-- depends_on: entity_mentions, stg_articles
-- column entity_id: first 16 hex chars of sha256(entity_key)
-- column name: canonical display name ("Volodymyr Zelensky", "Kyiv"; a body the article names by its acronym too: "Niagara Frontier Transportation Authority (NFTA)")
-- column label: most frequent mention label of the entity (PERSON, ORG, GPE, LOC, FAC, NORP, ...)
-- column entity_key: canonical key "<class>:<match key>"
-- column aliases: sorted distinct surface forms of its mentions (e.g. [Kiev, Kyiv])
-- column n_mentions: number of mentions
-- column n_articles: number of distinct articles mentioning it
-- column n_outlets: number of distinct outlets mentioning it (an article without a known outlet is its own outlet)
with outlets as (
    select article_id, any_value(outlet) as outlet
    from stg_articles
    group by article_id
),
m as (
    select
        m.*,
        coalesce(o.outlet, 'unknown:' || m.article_id) as outlet
    from entity_mentions as m
    left join outlets as o using (article_id)
    where m.entity_id is not null
),
label_counts as (
    select entity_id, label, count(*) as n
    from m
    group by entity_id, label
),
labels as (
    select entity_id, label
    from label_counts
    qualify row_number() over (partition by entity_id order by n desc, label) = 1
),
agg as (
    select
        entity_id,
        min(entity_key) as entity_key,
        min(entity_name) as name,
        list_sort(list_distinct(list(text))) as aliases,
        count(*) as n_mentions,
        count(distinct article_id) as n_articles,
        count(distinct outlet) as n_outlets
    from m
    group by entity_id
),
final as (
    select
        a.entity_id,
        a.name,
        l.label,
        a.entity_key,
        a.aliases,
        a.n_mentions,
        a.n_articles,
        a.n_outlets
    from agg as a
    join labels as l using (entity_id)
)
select * from final
