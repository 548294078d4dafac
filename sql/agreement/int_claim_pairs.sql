-- model: int_claim_pairs
-- description: Scored candidate pairs of sentences (a_key < b_key) from different articles of the same story. Blocking: a pair is a candidate only when the two sentences share at least one term rare in the story (df <= max(3, min(200, 25% of its sentences))), through an inverted-index join, so a big story never compares all its sentence pairs. Scores weigh every shared term by its in-story IDF (int_claim_weights).
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
    select t.story_id, t.sentence_key, t.article_id, unnest(t.words) as w from int_claim_tokens as t
),
rare as (
    select p.*
    from postings as p
    join int_claim_weights as w using (story_id, w)
    where w.df <= greatest(3, least(200, 0.25 * w.n_sentences))
),
candidates as (
    select distinct a.story_id, a.sentence_key as a_key, b.sentence_key as b_key,
           a.article_id as a_article_id, b.article_id as b_article_id
    from rare as a
    join rare as b
      on a.story_id = b.story_id and a.w = b.w
     and a.sentence_key < b.sentence_key and a.article_id <> b.article_id
),
sums as (
    select t.sentence_key, sum(w.idf) as w_sum, sum(w.idf * w.idf) as w_sq
    from postings as t
    join int_claim_weights as w using (story_id, w)
    group by t.sentence_key
),
shared as (
    select c.story_id, c.a_key, c.b_key, c.a_article_id, c.b_article_id,
           unnest(list_intersect(ta.words, tb.words)) as w
    from candidates as c
    join int_claim_tokens as ta on ta.sentence_key = c.a_key
    join int_claim_tokens as tb on tb.sentence_key = c.b_key
),
scored as (
    select s.story_id, s.a_key, s.b_key, any_value(s.a_article_id) as a_article_id,
           any_value(s.b_article_id) as b_article_id,
           count(*) as n_shared, sum(w.idf) as w_shared, sum(w.idf * w.idf) as w_shared_sq
    from shared as s
    join int_claim_weights as w using (story_id, w)
    group by s.story_id, s.a_key, s.b_key
)
select
    p.story_id, p.a_key, p.b_key, p.a_article_id, p.b_article_id, p.n_shared, p.w_shared,
    least(sa.w_sum, sb.w_sum) as w_min,
    p.w_shared_sq / sqrt(sa.w_sq * sb.w_sq) as cosine,
    p.w_shared / least(sa.w_sum, sb.w_sum) as overlap,
    p.w_shared / (sa.w_sum + sb.w_sum - p.w_shared) as wjaccard
from scored as p
join sums as sa on sa.sentence_key = p.a_key
join sums as sb on sb.sentence_key = p.b_key
