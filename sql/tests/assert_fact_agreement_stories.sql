-- test: every fact_agreement row belongs to a story that has articles, and one row per (story, about, kind, unit)
select 'no_articles' as problem, story_id, fact_group_id from fact_agreement
where story_id not in (select story_id from articles where story_id is not null)
union all
select 'duplicate_group', any_value(story_id), fact_group_id from fact_agreement
group by fact_group_id having count(*) > 1
