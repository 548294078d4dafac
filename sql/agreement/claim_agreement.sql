-- model: claim_agreement
-- materialized: incremental
-- unique_key: story_id
-- description: One row per claim (a group of statements across articles of a story that state the same thing: candidate pairs blocked on shared rare terms, int_claim_pairs; decided by the same-claim model, int_claim_scores; reciprocal best matches, int_claim_edges; grouped, int_claim_groups), with the share of the story's outlets that carry it.
-- depends_on: int_claim_tokens, int_claim_groups, stories
-- column story_id: story
-- column claim_id: stable hash of the story and the group's first sentence
-- column text: representative sentence (the one matching most others; ties: earliest published, then first by key)
-- column n_outlets: distinct outlets carrying the claim
-- column n_articles: distinct articles carrying it
-- column n_sources: independent sources (distinct syndication groups) carrying it
-- column outlets: sorted list of the outlets
-- column support_share: n_outlets / number of outlets in the story
-- column exclusive: true when only one outlet carries the claim
-- column n_sentences: sentences in the group
with members as (
    select g.claim_id, g.degree, t.*
    from int_claim_groups as g
    join int_claim_tokens as t using (sentence_key)
    where {{ incremental_stories('g.story_id') }}
),
rep as (
    select claim_id, text
    from members
    qualify row_number() over (
        partition by claim_id order by degree desc, published_at asc nulls last, sentence_key) = 1
),
agg as (
    select
        story_id,
        claim_id,
        count(distinct outlet) as n_outlets,
        count(distinct article_id) as n_articles,
        count(distinct syndication_group_id) as n_sources,
        list_sort(list_distinct(list(outlet))) as outlets,
        count(*) as n_sentences
    from members
    group by story_id, claim_id
)
select
    a.story_id,
    a.claim_id,
    r.text,
    a.n_outlets,
    a.n_articles,
    a.n_sources,
    a.outlets,
    a.n_outlets / s.n_outlets as support_share,
    a.n_outlets = 1 as exclusive,
    a.n_sentences
from agg as a
join rep as r using (claim_id)
join stories as s using (story_id)
