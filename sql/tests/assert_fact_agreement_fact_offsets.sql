-- test: fact offsets index into articles.body and reproduce the fact text; kinds are known
select f.fact_id, f.article_id, f.start_char, f.end_char, f.kind
from facts as f
join articles as a using (article_id)
where f.start_char < 0 or f.end_char > length(a.body) or f.start_char >= f.end_char
   or substr(a.body, f.start_char + 1, f.end_char - f.start_char) <> f.text
   or f.kind not in ('duration', 'count', 'amount', 'percent', 'fraction', 'date', 'number')
