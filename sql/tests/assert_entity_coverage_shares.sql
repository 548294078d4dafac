-- test: entity coverage shares in (0, 1], one surface-form entry per outlet, one row per (story, entity)
select 'bad coverage row' as problem, story_id, entity_id
from entity_coverage
where outlet_share <= 0 or outlet_share > 1 or len(outlets) <> n_outlets or len(surface_forms) <> n_outlets
   or n_articles < n_outlets or n_outlets < 1
union all
select 'duplicate (story, entity)', story_id, entity_id
from entity_coverage
group by story_id, entity_id
having count(*) > 1
