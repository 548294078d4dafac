-- test: outlet pairs ordered and unique, within one story, counts consistent, jaccard in [0, 1]
select 'bad pair' as problem, story_id, outlet_a, outlet_b
from outlet_agreement
where outlet_a >= outlet_b or jaccard < 0 or jaccard > 1
   or shared_claims > least(claims_a, claims_b) or shared_claims < 0
union all
select 'duplicate pair', story_id, outlet_a, outlet_b
from outlet_agreement
group by story_id, outlet_a, outlet_b
having count(*) > 1
