-- model: int_claim_edges
-- materialized: incremental
-- unique_key: story_id
-- description: Pairs of statements from different articles of the same story that state the same claim (both directions): a candidate pair (int_claim_pairs) the same-claim model accepts (int_claim_scores.same); then, for each pair of articles, a sentence keeps only its most probable match in the other article and the edge stays only when that choice is mutual (reciprocal best match), so one sentence never glues many different statements of another article together.
-- depends_on: int_claim_scores
-- column story_id: story of both sentences
-- column src: sentence_key
-- column dst: sentence_key of a matching sentence
-- column probability: the same-claim probability of the pair (int_claim_scores.probability)
with matched as (
    select story_id, a_key, b_key, a_article_id, b_article_id, probability
    from int_claim_scores
    where same and {{ incremental_stories('story_id') }}
),
both_dirs as (
    select story_id, a_key as src, b_key as dst, b_article_id as dst_article, probability from matched
    union all
    select story_id, b_key as src, a_key as dst, a_article_id as dst_article, probability from matched
),
best as (
    select story_id, src, dst, probability
    from both_dirs
    qualify row_number() over (partition by src, dst_article order by probability desc, dst) = 1
)
select a.story_id, a.src, a.dst, a.probability
from best as a
semi join best as b on b.src = a.dst and b.dst = a.src
