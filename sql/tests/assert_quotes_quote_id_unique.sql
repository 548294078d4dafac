-- test: quote_id is unique in quotes (its primary key)
select quote_id, count(*) as n from quotes group by quote_id having count(*) > 1
