-- model: outlet_agreement
-- materialized: incremental
-- unique_key: story_id
-- description: One row per pair of outlets (outlet_a < outlet_b) covering the same story: how many claims both carry and the Jaccard similarity of the sets of claims each carries. A story covered by more than 50 outlets lists the pairs among its 50 outlets that carry the most claims (ties: outlet name), so the table grows with the corpus, not with the square of a story's outlets (an article with no known outlet is an outlet of its own: 14,000 of them in one story gave 98 million pairs); counts and Jaccard of the listed pairs are exact.
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
counts as (
    select story_id, outlet, count(*) as n from carried group by story_id, outlet
),
-- the (at most) 50 outlets of each story that carry the most claims
kept as (
    select o.story_id, o.outlet, coalesce(c.n, 0) as n
    from story_outlets as o
    left join counts as c using (story_id, outlet)
    qualify row_number() over (partition by o.story_id order by coalesce(c.n, 0) desc, o.outlet) <= 50
),
pairs as (
    select a.story_id, a.outlet as outlet_a, b.outlet as outlet_b, a.n as claims_a, b.n as claims_b
    from kept as a
    join kept as b on a.story_id = b.story_id and a.outlet < b.outlet
),
kept_carried as (
    select c.story_id, c.claim_id, c.outlet
    from carried as c
    semi join kept as k on k.story_id = c.story_id and k.outlet = c.outlet
),
shared as (
    select a.story_id, a.outlet as outlet_a, b.outlet as outlet_b, count(*) as shared_claims
    from kept_carried as a
    join kept_carried as b on a.story_id = b.story_id and a.claim_id = b.claim_id and a.outlet < b.outlet
    group by all
)
select
    p.story_id,
    p.outlet_a,
    p.outlet_b,
    coalesce(s.shared_claims, 0) as shared_claims,
    p.claims_a,
    p.claims_b,
    case when p.claims_a + p.claims_b - coalesce(s.shared_claims, 0) = 0 then 0.0
         else coalesce(s.shared_claims, 0) / (p.claims_a + p.claims_b - coalesce(s.shared_claims, 0))
    end as jaccard
from pairs as p
left join shared as s using (story_id, outlet_a, outlet_b)
