-- test: entity_id is unique in entities (its primary key)
select entity_id, count(*) as n from entities group by entity_id having count(*) > 1
