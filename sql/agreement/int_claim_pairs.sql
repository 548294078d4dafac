-- model: int_claim_pairs
-- materialized: incremental
-- unique_key: story_id
-- description: Candidate pairs of statements for the same-claim model (int_claim_scores), with their lexical scores: pairs of sentences (a_key < b_key) from different articles of the same story that share at least 2 terms . Blocking: a pair is a candidate only when the two sentences share at least one term rare in the story (df <= max(3, min(200, 25% of its sentences))), through an inverted-index join, so a big story never compares all its sentence pairs (candidates <= 200 x postings). Scores weigh every shared term by its in-story IDF (int_claim_weights); each sentence carries its (term, idf) list, so scoring a candidate is a list intersection, not a join.
-- depends_on: int_claim_tokens, int_claim_weights
-- column story_id: story
-- column a_key: sentence_key of the first sentence
-- column b_key: sentence_key of the second sentence
-- column a_article_id: article of a_key
-- column b_article_id: article of b_key
-- column n_shared: number of shared terms
-- column w_shared: summed IDF of the shared terms
-- column w_min: the smaller of the two sentences' summed IDF
-- column cosine: IDF-weighted cosine of the two term sets (binary tf)
-- column overlap: w_shared / w_min (weighted overlap coefficient)
-- column wjaccard: weighted Jaccard, w_shared / IDF weight of the union
with postings as (
    select t.story_id, t.sentence_key, t.article_id, unnest(t.words) as w
    from int_claim_tokens as t
    where {{ incremental_stories('t.story_id') }}
),
weighted as (
    select p.story_id, p.sentence_key, p.article_id, p.w, w.idf, w.df, w.n_sentences
    from postings as p
    join int_claim_weights as w using (story_id, w)
),
bags as (
    select sentence_key, any_value(story_id) as story_id, any_value(article_id) as article_id,
           list_sort(list(struct_pack(w := w, idf := idf))) as terms, list(w) as words
    from weighted
    group by sentence_key
),
-- sums over the term-sorted list: the same floating-point result whatever order the rows came in
-- (an incremental and a full build must break cosine ties the same way)
sums as (
    select *, list_sum(list_transform(terms, lambda x: x.idf)) as w_sum,
           list_sum(list_transform(terms, lambda x: x.idf * x.idf)) as w_sq
    from bags
),
rare as (
    select story_id, sentence_key, article_id, w
    from weighted
    where df <= greatest(3, least(200, 0.25 * n_sentences))
),
candidates as (
    select distinct a.sentence_key as a_key, b.sentence_key as b_key
    from rare as a
    join rare as b
      on a.story_id = b.story_id and a.w = b.w
     and a.sentence_key < b.sentence_key and a.article_id <> b.article_id
),
shared as (
    select c.a_key, c.b_key, ta.story_id, ta.article_id as a_article_id, tb.article_id as b_article_id,
           list_filter(ta.terms, lambda x: list_contains(tb.words, x.w)) as st,
           ta.w_sum as a_sum, tb.w_sum as b_sum, ta.w_sq as a_sq, tb.w_sq as b_sq
    from candidates as c
    join sums as ta on ta.sentence_key = c.a_key
    join sums as tb on tb.sentence_key = c.b_key
),
scored as (
    select *, len(st) as n_shared,
           list_sum(list_transform(st, lambda x: x.idf)) as w_shared,
           list_sum(list_transform(st, lambda x: x.idf * x.idf)) as w_shared_sq
    from shared
)
select
    story_id, a_key, b_key, a_article_id, b_article_id, n_shared, w_shared,
    least(a_sum, b_sum) as w_min,
    w_shared_sq / sqrt(a_sq * b_sq) as cosine,
    w_shared / least(a_sum, b_sum) as overlap,
    w_shared / (a_sum + b_sum - w_shared) as wjaccard
from scored
where n_shared >= 2
