-- model: int_claim_weights
-- materialized: incremental
-- unique_key: story_id
-- description: Inverse document frequency of each claim term within its story, counting sentences as documents: a term nearly every sentence of the story has ("Putin", "Ukraine" in a Putin-Ukraine story) weighs little, a rare shared term ("memorandum", "Vatican") much.
-- depends_on: int_claim_tokens
-- column story_id: story
-- column w: term (as in int_claim_tokens.words)
-- column df: sentences of the story holding the term
-- column n_sentences: candidate sentences of the story
-- column idf: ln((n_sentences + 1) / df)
with tokens as (
    select story_id, sentence_key, words from int_claim_tokens where {{ incremental_stories('story_id') }}
),
postings as (
    select story_id, sentence_key, unnest(words) as w from tokens
),
n as (
    select story_id, count(*) as n_sentences from tokens group by story_id
),
df as (
    select story_id, w, count(distinct sentence_key) as df from postings group by story_id, w
)
select d.story_id, d.w, d.df, n.n_sentences, ln((n.n_sentences + 1) / d.df) as idf
from df as d
join n using (story_id)
