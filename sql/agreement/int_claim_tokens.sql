-- model: int_claim_tokens
-- description: Each sentence of a story as a candidate claim: its content words (lower case, stopwords and numbers-as-words kept out, plural -s stripped). Sentences with fewer than 3 content words carry no comparable claim and are left out.
-- depends_on: sentences, articles, syndication, int_claim_stopwords
-- column sentence_key: article_id || ':' || sentence_no
-- column words: distinct content words
-- column n_words: size of words
with s as (
    select
        s.article_id || ':' || s.sentence_no as sentence_key,
        s.article_id,
        s.sentence_no,
        s.text,
        a.story_id,
        coalesce(a.outlet, 'unknown:' || s.article_id) as outlet,
        a.published_at,
        coalesce(y.syndication_group_id, s.article_id) as syndication_group_id
    from sentences as s
    join articles as a using (article_id)
    left join syndication as y using (article_id)
    where s.text is not null
),
words as (
    select sentence_key, unnest(string_split(
        trim(regexp_replace(regexp_replace(lower(text), '[^\p{L}\p{N}]+', ' ', 'g'), '\s+', ' ', 'g')), ' ')) as w
    from s
),
stemmed as (
    select distinct
        sentence_key,
        case when length(w) > 4 and w like '%ies' then left(w, length(w) - 3) || 'y'
             when length(w) > 3 and w like '%s' and w not like '%ss' and w not like '%us' and w not like '%is'
                  then left(w, length(w) - 1)
             else w end as w
    from words
    where length(w) >= 3 and w not in (select word from int_claim_stopwords)
),
bags as (
    select sentence_key, list_sort(list(w)) as words, count(*) as n_words
    from stemmed
    group by sentence_key
)
select s.*, b.words, b.n_words
from s
join bags as b using (sentence_key)
where b.n_words >= 3
