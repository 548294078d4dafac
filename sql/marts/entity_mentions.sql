-- model: entity_mentions
-- description: One row per named-entity mention in an article body, with its corpus-wide entity; a lone surname (per:<surname>) is linked to the only full-name person in the corpus with that surname, if there is exactly one.
-- depends_on: stg_entity_mentions
-- column article_id: article the mention is in
-- column sentence_no: sentence of the article holding the mention
-- column start_char: start offset of the mention in articles.body
-- column end_char: end offset (exclusive) in articles.body
-- column text: the mention as printed ("Zelenskiy", "Kiev", "J.D. Vance")
-- column label: label after the article-level vote (PERSON, ORG, GPE, LOC, FAC, NORP, ...)
-- column ner_label: label the spaCy model gave this mention
-- column entity_id: first 16 hex chars of sha256(entity_key); the same for every spelling of one entity
-- column entity_key: canonical key "<class>:<match key>", class per | org | loc | norp | misc, e.g. "per:volodymyr zelensky", "loc:kyiv"
-- column entity_name: canonical display name of the entity (most frequent name given to its key in the corpus)
-- column run_id: run that extracted the mention
with latest as (
    select *
    from {{ deduplicate('stg_entity_mentions', 'article_id, start_char, end_char', 'run_id desc') }}
),
keyed as (
    select
        *,
        substr(entity_key, 1, strpos(entity_key, ':') - 1) as key_class,
        substr(entity_key, strpos(entity_key, ':') + 1) as key_name
    from latest
),
full_names as (
    select distinct
        entity_key,
        list_last(string_split(key_name, ' ')) as surname
    from keyed
    where key_class = 'per' and strpos(key_name, ' ') > 0
),
unique_surnames as (
    select surname, min(entity_key) as full_key
    from full_names
    group by surname
    having count(*) = 1
),
linked as (
    select
        k.* exclude (entity_key, entity_id),
        coalesce(u.full_key, k.entity_key) as entity_key,
        case when u.full_key is null then k.entity_id else left(sha256(u.full_key), 16) end as entity_id
    from keyed as k
    left join unique_surnames as u
        on k.key_class = 'per' and strpos(k.key_name, ' ') = 0 and u.surname = k.key_name
),
name_counts as (
    select entity_key, entity_name, count(*) as n
    from linked
    where entity_name is not null
    group by entity_key, entity_name
),
names as (
    select entity_key, entity_name as corpus_name
    from name_counts
    qualify row_number() over (partition by entity_key order by n desc, length(entity_name) desc, entity_name) = 1
),
final as (
    select
        l.article_id,
        l.sentence_no,
        l.start_char,
        l.end_char,
        l.text,
        l.label,
        l.ner_label,
        l.entity_id,
        l.entity_key,
        coalesce(n.corpus_name, l.entity_name) as entity_name,
        l.run_id
    from linked as l
    left join names as n using (entity_key)
)
select * from final
