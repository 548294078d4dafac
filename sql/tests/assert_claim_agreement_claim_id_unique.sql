-- test: claim_id is unique in claim_agreement (its primary key)
select claim_id, count(*) as n from claim_agreement group by claim_id having count(*) > 1
