-- test: sentence offsets index into articles.body and reproduce the sentence text
select s.article_id, s.sentence_no, s.start_char, s.end_char
from sentences as s
join articles as a using (article_id)
where s.start_char < 0 or s.end_char > length(a.body) or s.start_char >= s.end_char
   or substr(a.body, s.start_char + 1, s.end_char - s.start_char) <> s.text
