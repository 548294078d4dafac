-- model: int_quote_tokens
-- materialized: incremental
-- unique_key: story_id
-- description: Each extracted quote with its story, outlet, independent source, normalised wording and word set (the input of quote grouping).
-- depends_on: quotes, articles, syndication
-- column quote_id: the quote
-- column story_id: story of the quote's article
-- column norm: text lower-cased, quote marks / punctuation / symbols removed, whitespace collapsed
-- column words: distinct words of norm
-- column n_words: size of words
-- column trigrams: distinct word 3-grams of norm, in order of the text (for shared-passage matching)
-- column article_id: article carrying the quote
-- column outlet: outlet of the article (its own outlet when unknown)
-- column syndication_group_id: independent source (near-duplicate group) of the article
-- column text: the quote as printed
-- column kind: direct, partial or indirect
-- column speaker_entity_id: resolved speaker entity (may be null)
-- column speaker_name: resolved speaker name (may be null)
-- column unit_id: hash of (story_id, norm, speaker_entity_id, speaker_name): quotes with the same unit always report the same quotation, so grouping compares units, not every copy of a widely carried quote
with q as (
    select
        q.quote_id,
        q.article_id,
        a.story_id,
        coalesce(a.outlet, 'unknown:' || q.article_id) as outlet,
        s.syndication_group_id,
        q.text,
        q.kind,
        q.speaker_entity_id,
        q.speaker_name,
        trim(regexp_replace(regexp_replace(lower(q.text), '[\p{P}\p{S}]+', ' ', 'g'), '\s+', ' ', 'g')) as norm
    from quotes as q
    join articles as a using (article_id)
    left join syndication as s using (article_id)
    where q.text is not null and {{ incremental_stories('a.story_id') }}
),
seq as (
    select *, list_filter(string_split(norm, ' '), lambda w: w <> '') as seq from q
),
final as (
    select
        * exclude (seq),
        list_distinct(seq) as words,
        list_distinct(list_transform(range(1, len(seq) - 1),
                                     lambda i: seq[i] || ' ' || seq[i + 1] || ' ' || seq[i + 2])) as trigrams
    from seq
)
select
    *,
    len(words) as n_words,
    md5(concat_ws(chr(31), story_id, norm, coalesce('e' || speaker_entity_id, '-'),
                  coalesce('n' || speaker_name, '-'))) as unit_id
from final
where len(words) > 0
