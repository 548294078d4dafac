-- model: int_fact_intervals
-- materialized: incremental
-- unique_key: story_id
-- description: One row per fact with a value, of an article in a story: the interval of values the fact is compatible with - an exact value +-5% (dates: the exact day / month / year), "about" +-15%, "nearly" -15% to +5%, "over"/"more than"/"at least" and vague counts from -5% upwards, "under"/"up to" up to +5%. The one definition of when two reported values agree, read by fact_agreement (consensus and conflicts) and claim_conflicts (number conflicts).
-- depends_on: facts, articles
-- column story_id: story of the fact's article
-- column fact_id: facts.fact_id
-- column article_id: facts.article_id
-- column sentence_no: facts.sentence_no
-- column kind: facts.kind
-- column unit: facts.unit
-- column about: facts.about (null when the quantity is not named)
-- column value: facts.value
-- column value_text: facts.value_text
-- column qualifier: facts.qualifier, 'exact' when none
-- column lo: lowest value the fact is compatible with
-- column hi: highest value the fact is compatible with
with stated as (
    select
        a.story_id,
        x.fact_id,
        x.article_id,
        x.sentence_no,
        x.kind,
        x.unit,
        x.about,
        x.value,
        x.value_text,
        coalesce(x.qualifier, 'exact') as qualifier
    from facts as x
    join articles as a on a.article_id = x.article_id
    where x.value is not null and a.story_id is not null
      and {{ incremental_stories('a.story_id') }}
),
intervals as (
    select
        *,
        case
            when kind = 'date' then value
            when qualifier in ('about', 'nearly') then value - 0.15 * abs(value)
            when qualifier in ('under', 'up_to') then '-infinity'::double
            else value - 0.05 * abs(value)
        end as lo,
        case
            when kind = 'date' then value
            when qualifier = 'about' then value + 0.15 * abs(value)
            when qualifier in ('over', 'more_than', 'at_least', 'vague') then 'infinity'::double
            else value + 0.05 * abs(value)
        end as hi
    from stated
)
select * from intervals
