-- test: a quote group never spans two stories, and every variant belongs to its article's story
select 'group spans stories' as problem, quote_group_id as id, count(distinct story_id) as n
from quote_variants
group by quote_group_id
having count(distinct story_id) > 1
union all
select 'variant outside its article''s story', v.quote_id, null
from quote_variants as v
join articles as a using (article_id)
where a.story_id <> v.story_id
