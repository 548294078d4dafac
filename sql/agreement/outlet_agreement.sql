-- model: outlet_agreement
-- materialized: incremental
-- unique_key: story_id
-- description: One row per pair of outlets (outlet_a < outlet_b) covering the same story: how many claims both carry and the Jaccard similarity of the sets of claims each carries.
-- depends_on: claim_agreement, articles
-- column story_id: story
-- column outlet_a: first outlet (alphabetically smaller)
-- column outlet_b: second outlet
-- column shared_claims: claims carried by both
-- column claims_a: claims carried by outlet_a
-- column claims_b: claims carried by outlet_b
-- column jaccard: shared_claims / (claims_a + claims_b - shared_claims); 0 when neither carries a claim
with carried as (
    select distinct story_id, claim_id, unnest(outlets) as outlet
    from claim_agreement
    where {{ incremental_stories('story_id') }}
),
story_outlets as (
    select distinct story_id, coalesce(outlet, 'unknown:' || article_id) as outlet
    from articles
    where {{ incremental_stories('story_id') }}
),
pairs as (
    select a.story_id, a.outlet as outlet_a, b.outlet as outlet_b
    from story_outlets as a
    join story_outlets as b on a.story_id = b.story_id and a.outlet < b.outlet
),
counts as (
    select story_id, outlet, count(*) as n from carried group by story_id, outlet
),
shared as (
    select a.story_id, a.outlet as outlet_a, b.outlet as outlet_b, count(*) as shared_claims
    from carried as a
    join carried as b on a.story_id = b.story_id and a.claim_id = b.claim_id and a.outlet < b.outlet
    group by all
)
select
    p.story_id,
    p.outlet_a,
    p.outlet_b,
    coalesce(s.shared_claims, 0) as shared_claims,
    coalesce(ca.n, 0) as claims_a,
    coalesce(cb.n, 0) as claims_b,
    case when coalesce(ca.n, 0) + coalesce(cb.n, 0) - coalesce(s.shared_claims, 0) = 0 then 0.0
         else coalesce(s.shared_claims, 0) / (coalesce(ca.n, 0) + coalesce(cb.n, 0) - coalesce(s.shared_claims, 0))
    end as jaccard
from pairs as p
left join shared as s using (story_id, outlet_a, outlet_b)
left join counts as ca on ca.story_id = p.story_id and ca.outlet = p.outlet_a
left join counts as cb on cb.story_id = p.story_id and cb.outlet = p.outlet_b
