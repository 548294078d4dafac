-- model: quote_agreement
-- materialized: incremental
-- unique_key: story_id
-- description: One row per group of quotes in a story that report the same quotation (grouped by speaker and wording overlap, see int_quote_edges), with how many outlets and independent sources carry it and whether they all print it word for word.
-- depends_on: quote_variants
-- column story_id: story
-- column quote_group_id: stable hash of the story and the group's smallest quote_id
-- column speaker_entity_id: most common resolved speaker entity of the group's quotes
-- column speaker_name: most common speaker name of the group's quotes
-- column canonical_text: the wording carried by the most outlets (ties: the longest)
-- column canonical_quote_id: the quote whose text is canonical_text
-- column n_outlets: distinct outlets carrying the quotation
-- column n_articles: distinct articles carrying it
-- column n_sources: independent sources (distinct syndication groups) carrying it
-- column outlets: sorted list of the outlets
-- column n_variants: number of quotes in the group (rows of quote_variants)
-- column n_wordings: distinct wordings after normalisation (quote marks, case, punctuation)
-- column min_similarity: lowest similarity of a variant to the canonical wording
-- column verbatim: true when every variant has the same wording after normalisation
-- column kinds: sorted list of quote kinds in the group (direct, partial, indirect)
with v as (
    select * from quote_variants where {{ incremental_stories('story_id') }}
),
speaker as (
    select quote_group_id, speaker_entity_id, speaker_name
    from (
        select quote_group_id, speaker_entity_id, speaker_name, count(*) as n
        from v
        where speaker_name is not null or speaker_entity_id is not null
        group by all
    )
    qualify row_number() over (partition by quote_group_id order by n desc, speaker_name nulls last, speaker_entity_id) = 1
),
agg as (
    select
        story_id,
        quote_group_id,
        any_value(text) filter (where is_canonical) as canonical_text,
        any_value(quote_id) filter (where is_canonical) as canonical_quote_id,
        count(distinct outlet) as n_outlets,
        count(distinct article_id) as n_articles,
        count(distinct coalesce(syndication_group_id, article_id)) as n_sources,
        list_sort(list_distinct(list(outlet))) as outlets,
        count(*) as n_variants,
        count(distinct norm) as n_wordings,
        min(similarity) as min_similarity,
        count(distinct norm) = 1 as verbatim,
        list_sort(list_distinct(list(kind))) as kinds
    from v
    group by story_id, quote_group_id
)
select
    a.story_id,
    a.quote_group_id,
    s.speaker_entity_id,
    s.speaker_name,
    a.canonical_text,
    a.canonical_quote_id,
    a.n_outlets,
    a.n_articles,
    a.n_sources,
    a.outlets,
    a.n_variants,
    a.n_wordings,
    a.min_similarity,
    a.verbatim,
    a.kinds
from agg as a
left join speaker as s using (quote_group_id)
