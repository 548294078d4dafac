-- model: sentences
-- description: One row per sentence of each article, split paragraph first (a headline, crosshead or caption is never glued to a sentence).
-- depends_on: stg_sentences, articles
-- column article_id: article the sentence belongs to
-- column sentence_no: 0-based position of the sentence in the article
-- column paragraph_no: 0-based paragraph of the article body
-- column start_char: offset of the first character in articles.body
-- column end_char: offset just past the last character in articles.body (body[start_char:end_char] = text)
-- column text: the sentence
-- column run_id: run that extracted it
with sentences as (
    select *
    from {{ deduplicate('stg_sentences', 'article_id, sentence_no', 'run_id') }}
),
final as (
    select s.article_id, s.sentence_no, s.paragraph_no, s.start_char, s.end_char, s.text, s.run_id
    from sentences as s
    semi join articles as a on a.article_id = s.article_id
)
select * from final
