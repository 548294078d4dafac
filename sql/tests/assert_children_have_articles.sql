-- test: every sentence, mention, quote and fact belongs to an article
select 'sentences' as tbl, article_id from sentences where article_id not in (select article_id from articles)
union all
select 'entity_mentions', article_id from entity_mentions where article_id not in (select article_id from articles)
union all
select 'quotes', article_id from quotes where article_id not in (select article_id from articles)
union all
select 'facts', article_id from facts where article_id not in (select article_id from articles)
