-- model: int_quote_edges
-- materialized: incremental
-- unique_key: story_id
-- description: Pairs of quote units (int_quote_tokens.unit_id: one story, one normalised wording, one speaker) in the same story that report the same quotation (both directions). Blocking: only units sharing an index key are compared — a word, a word 3-gram or the whole normalised wording — and only keys held by at most 64 units of the story (document-frequency cap), through an inverted-index join, so a big story never compares all its quote pairs (pairs <= 64 x postings; a story with <= 64 distinct units is compared exhaustively). A candidate pair matches when the speakers are compatible (same speaker entity, similar speaker names, one the other's long name or acronym as in "Niagara Frontier Transportation Authority (NFTA)", or at least one unknown) and either the normalised wording is identical, or both have >= 4 distinct words and the overlap coefficient |A∩B| / min(|A|,|B|) of their word sets is >= 0.7 with at least 4 shared words (so a quote embedded in a longer rendering of it matches), or they share a passage: >= 5 word 3-grams in common covering >= 25% of the shorter quote's 3-grams (two renderings that each add words at different ends, e.g. "We have agreed ... that Russia will propose and is ready to work with the Ukrainian side on a memorandum ..."). Pairs with one unknown speaker need overlap >= 0.8 or 3-gram share >= 0.4. Reworded quotes (two translations of one remark share few words): units of the same known speaker also match when the sentences carrying them are judged the same claim (int_claim_scores.same, the same-claim model).
-- depends_on: int_quote_tokens, quotes, int_claim_scores
-- column story_id: story of both units
-- column src: unit id
-- column dst: unit id of a matching unit
-- column overlap: overlap coefficient of the two word sets
with units as (
    select
        unit_id,
        any_value(story_id) as story_id,
        any_value(norm) as norm,
        any_value(words) as words,
        any_value(n_words) as n_words,
        any_value(trigrams) as trigrams,
        any_value(speaker_entity_id) as speaker_entity_id,
        any_value(speaker_name) as speaker_name
    from int_quote_tokens
    where {{ incremental_stories('story_id') }}
    group by unit_id
),
postings as (
    select story_id, unit_id, 'w ' || unnest(words) as k from units
    union all
    select story_id, unit_id, 't ' || unnest(trigrams) as k from units
    union all
    select story_id, unit_id, 'n ' || norm as k from units
),
df as (
    select story_id, k, count(*) as df from postings group by story_id, k
),
indexed as (
    select p.story_id, p.unit_id, p.k
    from postings as p
    join df as d using (story_id, k)
    where d.df between 2 and 64
),
quote_sentences as materialized (
    select t.unit_id, q.article_id || ':' || q.sentence_no as sentence_key
    from int_quote_tokens as t
    join quotes as q using (quote_id)
    where {{ incremental_stories('t.story_id') }}
),
-- the same-claim pairs of sentences that carry quotes, joined one side at a time (each step an equi-join:
-- a plan that paired the two quote sides first, on unit_id <> unit_id, was quadratic in a story's quotes)
same_pairs as materialized (
    select qa.unit_id as a_unit, s.b_key
    from int_claim_scores as s
    join quote_sentences as qa on qa.sentence_key = s.a_key
    where s.same and {{ incremental_stories('s.story_id') }}
),
-- units whose sentences the same-claim model pairs (either order of the sentence pair)
reworded as materialized (
    select distinct least(p.a_unit, qb.unit_id) as a_id, greatest(p.a_unit, qb.unit_id) as b_id
    from same_pairs as p
    join quote_sentences as qb on qb.sentence_key = p.b_key
    where p.a_unit <> qb.unit_id
),
candidates as (
    select distinct a.unit_id as a_id, b.unit_id as b_id
    from indexed as a
    join indexed as b
      on a.story_id = b.story_id and a.k = b.k and a.unit_id < b.unit_id
    union
    select a_id, b_id from reworded
),
-- speakers first (most candidate pairs have different known speakers), then the word lists of the rest only
speakers as (
    select
        a.story_id,
        a.unit_id as a_id,
        b.unit_id as b_id,
        a.norm = b.norm as same_norm,
        case
            when a.speaker_entity_id is not null and a.speaker_entity_id = b.speaker_entity_id then 'same'
            when a.speaker_name is not null and b.speaker_name is not null
                 and jaro_winkler_similarity(lower(a.speaker_name), lower(b.speaker_name)) >= 0.9 then 'same'
            -- a body named with its acronym in one article and by either form alone in another
            -- ("Niagara Frontier Transportation Authority (NFTA)" and "NFTA" or "Niagara Frontier Transportation Authority")
            when a.speaker_name like '% (%)' and b.speaker_name in (
                     regexp_extract(a.speaker_name, '^(.*) \(([^()]+)\)$', 1),
                     regexp_extract(a.speaker_name, '^(.*) \(([^()]+)\)$', 2)) then 'same'
            when b.speaker_name like '% (%)' and a.speaker_name in (
                     regexp_extract(b.speaker_name, '^(.*) \(([^()]+)\)$', 1),
                     regexp_extract(b.speaker_name, '^(.*) \(([^()]+)\)$', 2)) then 'same'
            when a.speaker_entity_id is null and a.speaker_name is null
                 and b.speaker_entity_id is null and b.speaker_name is null then 'both_unknown'
            when (a.speaker_entity_id is null and a.speaker_name is null)
                 or (b.speaker_entity_id is null and b.speaker_name is null) then 'one_unknown'
            else 'different'
        end as speakers
    from candidates as c
    join units as a on a.unit_id = c.a_id
    join units as b on b.unit_id = c.b_id
),
-- word and 3-gram lists are distinct (int_quote_tokens): a shared count is a filter of one list by the other
-- (several times faster than list_intersect, which hashes both lists for every pair)
pairs as (
    select
        p.story_id,
        p.a_id,
        p.b_id,
        p.same_norm,
        r.a_id is not null as reworded,
        len(list_filter(a.words, lambda w: list_contains(b.words, w))) as inter,
        least(a.n_words, b.n_words) as min_words,
        len(list_filter(a.trigrams, lambda t: list_contains(b.trigrams, t))) as shared_tri,
        greatest(least(len(a.trigrams), len(b.trigrams)), 1) as min_tri,
        p.speakers
    from speakers as p
    join units as a on a.unit_id = p.a_id
    join units as b on b.unit_id = p.b_id
    left join reworded as r on r.a_id = p.a_id and r.b_id = p.b_id
    where p.speakers <> 'different'
),
matched as (
    select story_id, a_id, b_id, case when same_norm then 1.0 else inter / min_words end as overlap
    from pairs
    where (same_norm
           or (min_words >= 4 and inter >= 4
               and inter / min_words >= case when speakers = 'one_unknown' then 0.8 else 0.7 end)
           or (shared_tri >= 5
               and shared_tri / min_tri >= case when speakers = 'one_unknown' then 0.4 else 0.25 end)
           or (reworded and speakers = 'same'))
)
select story_id, a_id as src, b_id as dst, overlap from matched
union all
select story_id, b_id as src, a_id as dst, overlap from matched
