-- model: claim_conflicts
-- materialized: incremental
-- unique_key: story_id
-- description: Pairs of claims of a story, carried by different outlets (and different syndication groups), that assert incompatible things: two statements the same-claim model takes to be about the same thing once the conflict signals are left out (int_claim_scores.topic_same) but that differ in one of them - a number for the same quantity (number: each sentence holds a fact of the same kind and unit, about the same thing (or both about nothing named), with incompatible values (no value one states compatible with one the other states) (the intervals of int_fact_intervals, as in fact_agreement: an exact value +-5%, "about" +-15%, ...), see facts; "three-year war" and "two-hour call" are not a conflict), a negation on one side only whose governed words (the two after the cue) the other side states (negation: "has not confirmed" against "has confirmed"; not "the lone 'no' vote" against "the lone opposition"), or a denial on one side only whose governed words (the three after the cue) the other side states (denial; checked first, then negation, then number). Pairs the model groups as one claim are not conflicts. One row per pair of claims: its most confident pair of sentences.
-- depends_on: int_claim_scores, int_claim_tokens, int_claim_groups, int_fact_intervals
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
    select sentence_key, article_id, sentence_no, outlet, syndication_group_id, text
    from int_claim_tokens where {{ incremental_stories('story_id') }}
),
-- each value stands for the interval it is compatible with (int_fact_intervals, as in fact_agreement):
-- "nearly $44 million" agrees with "$43,885,310"
sentence_facts as (
    select t.sentence_key, f.kind, coalesce(f.unit, '') as unit, f.about, f.value, f.qualifier, f.lo, f.hi
    from int_fact_intervals as f
    join tokens as t on t.article_id = f.article_id and t.sentence_no = f.sentence_no
    where {{ incremental_stories('f.story_id') }}
),
-- pairs whose sentences state incompatible values of the same quantity: no value one states for it is
-- compatible with a value the other states ("from 2007 to 2014" agrees with "since 2007"; vague counts
-- never conflict)
number_conflicts as (
    select distinct s.a_key, s.b_key
    from scores as s
    join sentence_facts as fa on fa.sentence_key = s.a_key
    join sentence_facts as fb on fb.sentence_key = s.b_key
    where s.number_mismatch = 1 and fa.kind = fb.kind and fa.unit = fb.unit
      and fa.qualifier <> 'vague' and fb.qualifier <> 'vague'
      and (fa.about = fb.about or (fa.about is null and fb.about is null))
    group by s.a_key, s.b_key, fa.kind, fa.unit, fa.about
    having bool_and(fa.hi < fb.lo or fb.hi < fa.lo)
),
-- function words never count as what a negation or denial governs
function_words as (
    select ['the', 'and', 'for', 'was', 'are', 'has', 'had', 'have', 'been', 'being', 'were', 'will',
            'would', 'could', 'should', 'that', 'this', 'they', 'there', 'their', 'with', 'from', 'into',
            'about', 'only', 'even', 'just', 'more', 'much', 'longer', 'ever', 'also', 'really', 'then',
            'than', 'its', 'his', 'her', 'our', 'any', 'one', 'all', 'but', 'who', 'him', 'she', 'you',
            'because', 'yet', 'out', 'get', 'got', 'these', 'those', 'them', 'what', 'which', 'some', 'such'] as words
),
-- the words a negation or a denial governs: the two words after a negation cue, the three after a denial
-- cue (the cues of tasks/claims/rules/claim_cues.txt [negation] and [denial]; a unit test keeps the lists
-- equal), function words left out. "has not confirmed that" -> [confirmed]; "the lone 'no' vote in" ->
-- [vote]; "denied that the meeting" -> [meeting]; "making a false claim" -> [claim]
scope as (
    select sentence_key,
           list_filter(
               flatten(list_transform(
                   regexp_extract_all(lower(text), '(?:\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|dont|doesnt|didnt|isnt|arent|wasnt|werent|hasnt|havent|hadnt|wont|cant|couldnt|wouldnt|shouldnt)|n[''’]t)\b((?:[^a-z0-9.;:!?]+[a-z0-9]+){1,2})', 1),
                   lambda governed: regexp_extract_all(governed, '[a-z0-9]{3,}'))),
               lambda w: not list_contains(f.words, w)) as negated,
           list_filter(
               flatten(list_transform(
                   regexp_extract_all(lower(text), '\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refused|refuses|disputed|disputes|false|falsely|untrue)\b((?:[^a-z0-9.;:!?]+[a-z0-9]+){1,3})', 1),
                   lambda governed: regexp_extract_all(governed, '[a-z0-9]{3,}'))),
               lambda w: not list_contains(f.words, w)) as denied,
           regexp_extract_all(lower(text), '[a-z0-9]{3,}') as words
    from tokens
    cross join function_words as f
    where sentence_key in (select a_key from scores where negation_xor = 1 or denial_xor = 1)
       or sentence_key in (select b_key from scores where negation_xor = 1 or denial_xor = 1)
),
-- a negation or a denial on one side conflicts only when the other side states what it governs
scoped_conflicts as (
    select s.a_key, s.b_key,
           s.denial_xor = 1 and (list_has_any(na.denied, nb.words) or list_has_any(nb.denied, na.words)) as denial,
           s.negation_xor = 1 and (list_has_any(na.negated, nb.words) or list_has_any(nb.negated, na.words)) as negation
    from scores as s
    join scope as na on na.sentence_key = s.a_key
    join scope as nb on nb.sentence_key = s.b_key
    where s.negation_xor = 1 or s.denial_xor = 1
),
groups as (
    select sentence_key, claim_id from int_claim_groups where {{ incremental_stories('story_id') }}
),
pairs as (
    select s.story_id, ga.claim_id as claim_a, gb.claim_id as claim_b, ta.outlet as outlet_a, tb.outlet as outlet_b,
           ta.text as text_a, tb.text as text_b, s.topic_probability as confidence,
           case when g.denial then 'denial' when g.negation then 'negation' else 'number' end as kind
    from scores as s
    left join number_conflicts as n on n.a_key = s.a_key and n.b_key = s.b_key
    left join scoped_conflicts as g on g.a_key = s.a_key and g.b_key = s.b_key
    join tokens as ta on ta.sentence_key = s.a_key
    join tokens as tb on tb.sentence_key = s.b_key
    join groups as ga on ga.sentence_key = s.a_key
    join groups as gb on gb.sentence_key = s.b_key
    where ta.outlet <> tb.outlet and ta.syndication_group_id <> tb.syndication_group_id
      and (g.denial or g.negation or n.a_key is not null)
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
