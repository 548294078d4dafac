-- test: fact_id is unique in facts (its primary key)
select fact_id, count(*) as n from facts group by fact_id having count(*) > 1
