-- model: facts
-- description: One row per numeric or date fact found in an article body (durations, counts, money amounts, percents, fractions, dates), with what it is about; rules in tasks/facts.py.
-- depends_on: stg_facts
-- column fact_id: first 16 hex chars of sha256("<article_id>:<start_char>:<end_char>")
-- column article_id: article the fact is in
-- column sentence_no: sentence of the article holding the fact
-- column start_char: start offset of the fact expression in articles.body
-- column end_char: end offset (exclusive) in articles.body
-- column text: the fact expression as printed, e.g. "over two hours", "two-hour call", "1,000 prisoners"
-- column kind: duration | count | amount | percent | fraction | date | number
-- column value: normalised value: durations in hour (seconds to hours), day (days, weeks) or year (months to centuries); counts as the number (vague counts: a lower bound); fractions as 0-1; percents as 0-100; amounts in the currency; dates as days since 1970-01-01 of the (first day of the) date, null for a day without a known year
-- column unit: hour | day | year for durations; ISO currency for amounts; percent; day | month | year (granularity) for dates; km, m, tonne, age for measures; null for counts, fractions and bare numbers
-- column about: what is quantified, a short normalised noun ("call", "prisoners", "ceasefire", "territory", "war", "deaths"); "previous <noun>" / "next <noun>" when the sentence is about another event than the article's own; null when not found
-- column qualifier: exact | over | more_than | at_least | about | nearly | under | up_to | vague
-- column value_text: normalised text value: ISO 8601 duration (PT2H, P30D), ISO date (2025-03-18, 2022-02, 2022, --03-18 without a year), "USD 1500000", "20%", or the number
-- column run_id: run that extracted the fact
with latest as (
    select *
    from {{ deduplicate('stg_facts', 'fact_id', 'run_id desc') }}
),
final as (
    select
        fact_id,
        article_id,
        sentence_no,
        start_char,
        end_char,
        text,
        kind,
        value,
        unit,
        about,
        qualifier,
        value_text,
        run_id
    from latest
)
select * from final
