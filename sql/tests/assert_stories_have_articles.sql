-- test: every story has articles and its counts match them; every article's story exists
with counts as (
    select story_id, count(*) as n, count(distinct outlet) as n_outlets from articles group by story_id
)
select 'story count mismatch' as problem, s.story_id, s.n_articles, c.n
from stories as s
left join counts as c using (story_id)
where c.n is null or s.n_articles <> c.n or s.n_outlets <> c.n_outlets
   or s.n_sources < 1 or s.n_sources > s.n_articles or s.n_articles < 1
union all
select 'article without story', a.story_id, null, null
from articles as a
where a.story_id not in (select story_id from stories)
