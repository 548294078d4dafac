-- model: claim_conflicts
-- materialized: incremental
-- unique_key: story_id
-- description: Pairs of claims of a story, carried by different outlets (and different syndication groups), that assert incompatible things: two statements the same-claim model takes to be about the same thing once the conflict signals are left out (int_claim_scores.topic_same) but that differ in one of them - the numbers they state (number), a negation on one side only (negation), or a denial on one side only (denial; checked first, then negation, then number). Pairs the model groups as one claim are not conflicts. One row per pair of claims: its most confident pair of sentences.
-- depends_on: int_claim_scores, int_claim_tokens, int_claim_groups
-- column story_id: story
-- column claim_id_a: one claim (claim_agreement.claim_id; claim_id_a < claim_id_b)
-- column claim_id_b: the claim that contradicts it
-- column outlet_a: outlet of the sentence of claim_id_a
-- column outlet_b: outlet of the sentence of claim_id_b
-- column text_a: the sentence of claim_id_a
-- column text_b: the sentence of claim_id_b
-- column kind: what conflicts: denial | negation | number
-- column confidence: how sure the two are about the same thing (topic_probability), 0-1
with scores as (
    select * from int_claim_scores
    where {{ incremental_stories('story_id') }} and not same
      and topic_same and (number_mismatch = 1 or negation_xor = 1 or denial_xor = 1)
),
tokens as (
    select sentence_key, outlet, syndication_group_id, text
    from int_claim_tokens where {{ incremental_stories('story_id') }}
),
groups as (
    select sentence_key, claim_id from int_claim_groups where {{ incremental_stories('story_id') }}
),
pairs as (
    select s.story_id, ga.claim_id as claim_a, gb.claim_id as claim_b, ta.outlet as outlet_a, tb.outlet as outlet_b,
           ta.text as text_a, tb.text as text_b, s.topic_probability as confidence,
           case when s.denial_xor = 1 then 'denial' when s.negation_xor = 1 then 'negation' else 'number' end as kind
    from scores as s
    join tokens as ta on ta.sentence_key = s.a_key
    join tokens as tb on tb.sentence_key = s.b_key
    join groups as ga on ga.sentence_key = s.a_key
    join groups as gb on gb.sentence_key = s.b_key
    where ta.outlet <> tb.outlet and ta.syndication_group_id <> tb.syndication_group_id
      and ga.claim_id <> gb.claim_id
),
ordered as (
    select story_id, kind, confidence,
           case when claim_a < claim_b then claim_a else claim_b end as claim_id_a,
           case when claim_a < claim_b then claim_b else claim_a end as claim_id_b,
           case when claim_a < claim_b then outlet_a else outlet_b end as outlet_a,
           case when claim_a < claim_b then outlet_b else outlet_a end as outlet_b,
           case when claim_a < claim_b then text_a else text_b end as text_a,
           case when claim_a < claim_b then text_b else text_a end as text_b
    from pairs
)
select story_id, claim_id_a, claim_id_b, outlet_a, outlet_b, text_a, text_b, kind, confidence
from ordered
qualify row_number() over (partition by claim_id_a, claim_id_b order by confidence desc, text_a, text_b) = 1
