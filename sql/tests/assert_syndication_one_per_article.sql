-- test: syndication has exactly one row per article, and a group never spans two stories
select 'not one row per article' as problem, a.article_id as id, count(s.article_id) as n
from articles as a
left join syndication as s using (article_id)
group by a.article_id
having count(s.article_id) <> 1
union all
select 'group spans stories', syndication_group_id, count(distinct story_id)
from syndication
group by syndication_group_id
having count(distinct story_id) > 1
