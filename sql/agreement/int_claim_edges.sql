-- model: int_claim_edges
-- materialized: incremental
-- unique_key: story_id
-- description: Pairs of sentences from different articles of the same story that state the same claim (both directions). A scored candidate pair (int_claim_pairs) matches when its IDF-weighted cosine is >= 0.2, it shares at least 2 terms and their summed IDF is >= 5 (about two terms rare in the story); then, for each pair of articles, a sentence keeps only its best match in the other article and the edge stays only when that choice is mutual (reciprocal best match), so one sentence never glues many different statements of another article together. The thresholds were chosen on hand-labelled sentence pairs (tests/fixtures/claim_pairs.tsv).
-- depends_on: int_claim_pairs
-- column story_id: story of both sentences
-- column src: sentence_key
-- column dst: sentence_key of a matching sentence
-- column cosine: IDF-weighted cosine of the two term sets
-- column n_shared: shared terms
with matched as (
    select story_id, a_key, b_key, a_article_id, b_article_id, cosine, n_shared, w_shared
    from int_claim_pairs
    where cosine >= 0.2 and n_shared >= 2 and w_shared >= 5 and {{ incremental_stories('story_id') }}
),
both_dirs as (
    select story_id, a_key as src, b_key as dst, b_article_id as dst_article, cosine, n_shared from matched
    union all
    select story_id, b_key as src, a_key as dst, a_article_id as dst_article, cosine, n_shared from matched
),
best as (
    select story_id, src, dst, cosine, n_shared
    from both_dirs
    qualify row_number() over (partition by src, dst_article order by cosine desc, dst) = 1
)
select a.story_id, a.src, a.dst, a.cosine, a.n_shared
from best as a
semi join best as b on b.src = a.dst and b.dst = a.src
