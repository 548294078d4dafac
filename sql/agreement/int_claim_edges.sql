-- model: int_claim_edges
-- description: Pairs of sentences from different articles of the same story that state the same thing (both directions): at least 3 shared content words, overlap coefficient |A∩B| / min(|A|,|B|) >= 0.6 and Jaccard >= 0.3 of their content-word sets. Candidate pairs come from a shared-word index within the story, never all pairs of the corpus.
-- depends_on: int_claim_tokens
-- column src: sentence_key
-- column dst: sentence_key of a matching sentence
-- column overlap: overlap coefficient
-- column jaccard: Jaccard similarity of the content-word sets
with postings as (
    select story_id, sentence_key, article_id, n_words, unnest(words) as w
    from int_claim_tokens
),
shared as (
    select a.sentence_key as a_key, b.sentence_key as b_key,
           count(*) as inter, any_value(a.n_words) as na, any_value(b.n_words) as nb
    from postings as a
    join postings as b
      on a.story_id = b.story_id and a.w = b.w
     and a.sentence_key < b.sentence_key and a.article_id <> b.article_id
    group by a.sentence_key, b.sentence_key
),
matched as (
    select a_key, b_key, inter / least(na, nb) as overlap, inter / (na + nb - inter) as jaccard
    from shared
    where inter >= 3 and inter / least(na, nb) >= 0.6 and inter / (na + nb - inter) >= 0.3
)
select a_key as src, b_key as dst, overlap, jaccard from matched
union all
select b_key as src, a_key as dst, overlap, jaccard from matched
