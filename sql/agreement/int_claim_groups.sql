-- model: int_claim_groups
-- description: Claim groups = connected components of int_claim_edges within a story; every candidate sentence belongs to exactly one group (alone when nothing matches it).
-- depends_on: int_claim_tokens, int_claim_edges
-- column sentence_key: the sentence
-- column story_id: its story
-- column root: smallest sentence_key of the component
-- column claim_id: stable hash of (story_id, root)
-- column degree: number of matching sentences (used to choose the representative text)
with recursive walk(sentence_key, root) as (
    select sentence_key, sentence_key from int_claim_tokens
    union
    select e.dst, w.root
    from walk as w
    join int_claim_edges as e on e.src = w.sentence_key
),
comp as (
    select sentence_key, min(root) as root from walk group by sentence_key
),
degree as (
    select src as sentence_key, count(*) as degree from int_claim_edges group by src
)
select
    c.sentence_key,
    t.story_id,
    c.root,
    'cl_' || substr(md5(t.story_id || '|' || c.root), 1, 16) as claim_id,
    coalesce(d.degree, 0) as degree
from comp as c
join int_claim_tokens as t using (sentence_key)
left join degree as d using (sentence_key)
