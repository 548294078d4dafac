-- test: quote_group_id is unique in quote_agreement (its primary key)
select quote_group_id, count(*) as n from quote_agreement group by quote_group_id having count(*) > 1
