-- test: claim_conflicts pairs two different claims of one story (claim_id_a < claim_id_b), both in claim_agreement for that story, from different outlets, once per pair, with a known kind and a confidence in [0, 1]
with c as (
    select * from claim_conflicts
),
dupes as (
    select claim_id_a, claim_id_b from c group by all having count(*) > 1
)
select c.story_id, c.claim_id_a, c.claim_id_b, 'invalid conflict row' as problem
from c
left join claim_agreement as a on a.claim_id = c.claim_id_a and a.story_id = c.story_id
left join claim_agreement as b on b.claim_id = c.claim_id_b and b.story_id = c.story_id
where not (c.claim_id_a < c.claim_id_b) or c.outlet_a = c.outlet_b or a.claim_id is null or b.claim_id is null
   or c.kind not in ('number', 'negation', 'denial') or not (c.confidence between 0 and 1)
   or (c.claim_id_a, c.claim_id_b) in (select (claim_id_a, claim_id_b) from dupes)
