-- model: quote_variants
-- materialized: incremental
-- unique_key: story_id
-- description: One row per extracted quote, with the quote group (the same quotation across outlets in a story) it belongs to and its similarity to the group's canonical wording.
-- depends_on: int_quote_tokens, int_quote_groups
-- column quote_group_id: group (see quote_agreement)
-- column quote_id: the quote
-- column story_id: story of the quote
-- column article_id: article carrying it
-- column outlet: outlet of the article
-- column syndication_group_id: independent source (near-duplicate group) of the article
-- column text: the quote as printed
-- column norm: normalised wording (lower case, no punctuation or quote marks)
-- column speaker_name: speaker as resolved in the article (may be null)
-- column speaker_entity_id: resolved speaker entity (see entities)
-- column kind: direct, partial or indirect
-- column similarity: overlap coefficient of the word sets of this quote and the canonical wording (1.0 when identical after normalisation)
-- column is_canonical: true for the quote whose text is the group's canonical_text
with members as (
    select g.quote_group_id, t.*
    from int_quote_groups as g
    join int_quote_tokens as t using (quote_id)
    where {{ incremental_stories('g.story_id') }}
),
wordings as (
    select
        quote_group_id, norm,
        count(distinct outlet) as n_outlets,
        min(quote_id) as first_quote_id,
        any_value(words) as words
    from members
    group by quote_group_id, norm
),
canonical as (
    select quote_group_id, norm as canonical_norm, first_quote_id as canonical_quote_id, words as canonical_words
    from wordings
    qualify row_number() over (
        partition by quote_group_id order by n_outlets desc, length(norm) desc, first_quote_id) = 1
),
final as (
    select
        m.quote_group_id,
        m.quote_id,
        m.story_id,
        m.article_id,
        m.outlet,
        m.syndication_group_id,
        m.text,
        m.norm,
        m.speaker_entity_id,
        m.speaker_name,
        m.kind,
        case when m.norm = c.canonical_norm then 1.0
             else len(list_filter(m.words, lambda w: list_contains(c.canonical_words, w))) / least(len(m.words), len(c.canonical_words))
        end as similarity,
        m.quote_id = c.canonical_quote_id as is_canonical
    from members as m
    join canonical as c using (quote_group_id)
)
select * from final
