-- test: quote_agreement counts equal what quote_variants holds; every quote is a variant exactly once; every variant's group exists
with v as (
    select quote_group_id, count(*) as n_variants, count(distinct outlet) as n_outlets,
           count(distinct article_id) as n_articles, count(distinct norm) as n_wordings,
           min(similarity) as min_similarity, count(*) filter (where is_canonical) as n_canonical
    from quote_variants
    group by quote_group_id
)
select 'counts differ' as problem, g.quote_group_id as id
from quote_agreement as g
left join v using (quote_group_id)
where v.quote_group_id is null or g.n_variants <> v.n_variants or g.n_outlets <> v.n_outlets
   or g.n_articles <> v.n_articles or g.n_wordings <> v.n_wordings or v.n_canonical <> 1
   or g.min_similarity <> v.min_similarity or g.verbatim <> (v.n_wordings = 1)
   or (g.verbatim and g.min_similarity < 1.0) or g.min_similarity <= 0 or g.min_similarity > 1
   or g.n_sources < 1 or g.n_sources > g.n_articles or len(g.outlets) <> g.n_outlets
   or g.canonical_text is null
union all
select 'variant without group', v.quote_group_id
from quote_variants as v
where v.quote_group_id not in (select quote_group_id from quote_agreement)
union all
select 'quote not exactly once in quote_variants', q.quote_id
from quotes as q
join articles as a using (article_id)
left join quote_variants as v using (quote_id)
where regexp_matches(q.text, '[\p{L}\p{N}]')
group by q.quote_id
having count(v.quote_id) <> 1
