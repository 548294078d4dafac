-- test: every article has a non-empty body, a word count and an outlet
select article_id, source_path from articles
where body is null or length(trim(body)) = 0 or n_words is null or n_words <= 0 or outlet is null or outlet = ''
