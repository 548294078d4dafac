-- model: int_claim_tokens
-- materialized: incremental
-- unique_key: story_id
-- description: Each statement of a story (claim_features.claim_kind = 'statement': not a heading, question, caption, byline or teaser) as a candidate claim: its set of normalised terms, used to block candidate pairs (int_claim_pairs) and weigh them. A named-entity mention counts as one term, its corpus entity id ("e:<entity_id>", so Kiev/Kyiv or Zelensky/Zelenskiy are the same term) and its words are not counted again; number words become digits (two -> 2, "1,000" -> 1000); other words are lower-cased, stopwords and reporting noise (said, told, reporters, ...) dropped, and lightly stemmed (a Porter-like suffix strip: talks/talking/talked -> talk, negotiations/negotiate -> negotiat). Sentences with fewer than 3 terms carry no comparable claim and are left out.
-- depends_on: sentences, claim_features, articles, syndication, entity_mentions, int_claim_stopwords
-- column sentence_key: article_id || ':' || sentence_no
-- column article_id: article of the sentence
-- column sentence_no: position of the sentence in its article
-- column text: the sentence
-- column story_id: story of the article
-- column outlet: outlet of the article ('unknown:<article_id>' when unknown)
-- column published_at: publication time of the article
-- column syndication_group_id: syndication group of the article (the article itself when alone)
-- column words: distinct terms of the sentence (stems, digits, e:<entity_id>)
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
    join claim_features as c on c.article_id = s.article_id and c.sentence_no = s.sentence_no
    left join syndication as y on y.article_id = s.article_id
    where s.text is not null and c.claim_kind = 'statement' and {{ incremental_stories('a.story_id') }}
),
-- reporting / attribution noise on top of the stopwords: who said it, not what was said
noise as (
    select unnest([
        'add', 'added', 'adding', 'announce', 'announced', 'announcing', 'claim', 'claimed', 'comment',
        'comments', 'confirmed', 'declared', 'describe', 'described', 'describing', 'emphasize',
        'emphasized', 'emphasizing', 'explained', 'expressed', 'insisted', 'interview', 'journalist',
        'journalists', 'mentioned', 'noted', 'noting', 'press', 'remarks', 'reporter', 'reporters',
        'reportedly', 'revealed', 'speaking', 'spokesman', 'spokeswoman', 'spokesperson', 'stated',
        'stating', 'stressed', 'suggested', 'telling', 'underscored', 'wrote', 'writes', 'writing'
    ]) as word
),
numbers as (
    select * from (values
        ('two', '2'), ('three', '3'), ('four', '4'), ('five', '5'), ('six', '6'), ('seven', '7'),
        ('eight', '8'), ('nine', '9'), ('ten', '10'), ('eleven', '11'), ('twelve', '12'),
        ('fifteen', '15'), ('twenty', '20'), ('thirty', '30'), ('forty', '40'), ('fifty', '50'),
        ('hundred', '100'), ('thousand', '1000'), ('dozen', '12'), ('half', '0.5'), ('twice', '2')
    ) as t(word, digits)
),
clean as (
    select sentence_key,
           regexp_replace(regexp_replace(lower(text), '(\d),(\d{3})', '\1\2', 'g'), '[’'']s\b', '', 'g') as t
    from s
),
-- a run of characters that are not letters or digits becomes one space (so no run of spaces is left)
words as (
    select sentence_key, unnest(string_split(
        trim(regexp_replace(t, '[^\p{L}\p{N}]+', ' ', 'g')), ' ')) as w
    from clean
),
-- words that are part of an entity mention of the sentence are replaced by the entity term
mention_words as (
    select distinct m.article_id || ':' || m.sentence_no as sentence_key,
           unnest(string_split(trim(regexp_replace(
               regexp_replace(lower(m.text), '[’'']s\b', '', 'g'), '[^\p{L}\p{N}]+', ' ', 'g')), ' ')) as w
    from entity_mentions as m
    join articles as a using (article_id)
    where m.entity_id is not null and {{ incremental_stories('a.story_id') }}
),
entity_terms as (
    select distinct m.article_id || ':' || m.sentence_no as sentence_key, 'e:' || m.entity_id as w
    from entity_mentions as m
    join articles as a using (article_id)
    where m.entity_id is not null and {{ incremental_stories('a.story_id') }}
),
plain as (
    select w.sentence_key, coalesce(n.digits, w.w) as w, n.digits is not null or regexp_full_match(w.w, '\d+') as is_number
    from words as w
    left join numbers as n on n.word = w.w
    anti join mention_words as m on m.sentence_key = w.sentence_key and m.w = w.w
    where w.w <> ''
),
content as (
    select sentence_key, w, is_number
    from plain
    where is_number or (length(w) >= 3 and not regexp_full_match(w, '.*\d.*')
                        and w not in (select word from int_claim_stopwords)
                        and w not in (select word from noise))
),
-- light Porter-like stemming, step by step
st1 as (
    select sentence_key, is_number, w as w0,
           case when is_number then w
                when w like '%ies' and length(w) > 4 then left(w, length(w) - 3) || 'y'
                when w like '%sses' then left(w, length(w) - 2)
                when w like '%s' and w not like '%ss' and w not like '%us' and w not like '%is' and length(w) > 3
                     then left(w, length(w) - 1)
                else w end as w
    from content
),
st2 as (
    select sentence_key, is_number, w0,
           case when is_number then w
                when (w like '%ing' or w like '%ed') and regexp_matches(w, '^(.*[aeiouy].*[^aeiouy].*)(ing|ed)$') and length(regexp_replace(w, '(ing|ed)$', '')) >= 3
                     then case when regexp_matches(regexp_replace(w, '(ing|ed)$', ''), '(bb|dd|ff|gg|mm|nn|pp|rr|tt)$')
                               then left(regexp_replace(w, '(ing|ed)$', ''), length(regexp_replace(w, '(ing|ed)$', '')) - 1)
                               else regexp_replace(w, '(ing|ed)$', '') end
                when w like '%ly' and length(w) >= 6 then left(w, length(w) - 2)
                else w end as w
    from st1
),
st3 as (
    select sentence_key, is_number, w0,
           case when is_number then w
                when regexp_matches(w, '[st]ion$') and length(w) >= 7 then left(w, length(w) - 3)
                when w like '%al' and length(w) >= 7 then left(w, length(w) - 2)
                else w end as w
    from st2
),
stemmed as (
    select sentence_key,
           case when is_number then w
                when w like '%e' and length(w) >= 5 then left(w, length(w) - 1)
                else w end as w
    from st3
),
terms as (
    select sentence_key, w from stemmed
    union
    select sentence_key, w from entity_terms
),
bags as (
    select sentence_key, list_sort(list(distinct w)) as words, count(distinct w) as n_words
    from terms
    group by sentence_key
)
select s.*, b.words, b.n_words
from s
join bags as b using (sentence_key)
where b.n_words >= 3
