-- test: claim shares in (0, 1], exclusive means one outlet, sources within articles, no claim spans two stories
select 'bad claim row' as problem, claim_id as id
from claim_agreement
where support_share <= 0 or support_share > 1 or exclusive <> (n_outlets = 1)
   or n_sources < 1 or n_sources > n_articles or len(outlets) <> n_outlets or text is null
union all
select 'claim spans stories', claim_id
from int_claim_groups
group by claim_id
having count(distinct story_id) > 1
union all
select 'duplicate claim id', claim_id
from claim_agreement
group by claim_id
having count(*) > 1
