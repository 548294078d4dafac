-- model: fact_agreement
-- materialized: incremental
-- unique_key: story_id
-- description: One row per story and compared quantity (about, kind, unit): the value carried by the most independent sources, how many outlets agree with it, and whether independent sources contradict each other. Facts without an `about` are not compared.
-- Each fact stands for the interval of values it is compatible with (int_fact_intervals: an exact value +-5% (dates: the exact day / month / year), "about" +-15%, "nearly" -15% to +5%, "over"/"more than"/"at least" and vague counts from -5% upwards, "under"/"up to" up to +5%).
-- A fact supports a value when the value lies in its interval, so "over two hours" agrees with "two hours".
-- depends_on: int_fact_intervals, articles, syndication
-- column story_id: story (see stories)
-- column fact_group_id: stable hash of story_id, about, kind and unit
-- column about: what is quantified (facts.about), e.g. call, prisoners, ceasefire, previous call
-- column kind: facts.kind (duration, count, amount, percent, fraction, date, number)
-- column unit: facts.unit (canonical unit, currency or date granularity; null for counts and fractions)
-- column consensus_value: the reported value supported by the most independent sources (syndication groups); ties: most outlets, then values stated without qualifier, then the smallest value. Vague counts only count when nothing else is reported
-- column consensus_text: a value_text of a fact carrying the consensus value (e.g. PT2H, 2025-03-18)
-- column n_outlets: distinct outlets with a fact supporting the consensus value
-- column n_sources: independent sources (distinct syndication groups) supporting the consensus value
-- column n_outlets_reporting: distinct outlets reporting any value for this quantity
-- column n_articles: distinct articles reporting any value for this quantity
-- column outlets: sorted list of the outlets supporting the consensus value
-- column values: sorted list of the distinct values reported
-- column conflict: true when two facts from different syndication groups of different outlets have incompatible intervals (vague counts never conflict)
with intervals as (
    select
        i.fact_id,
        i.article_id,
        i.kind,
        i.unit,
        i.about,
        i.value,
        i.value_text,
        i.qualifier,
        i.lo,
        i.hi,
        i.story_id,
        coalesce(a.outlet, 'unknown:' || a.article_id) as outlet,
        coalesce(s.syndication_group_id, a.article_id) as source_group,
        md5(i.story_id || '|' || i.about || '|' || i.kind || '|' || coalesce(i.unit, '')) as fact_group_id
    from int_fact_intervals as i
    join articles as a on a.article_id = i.article_id
    left join syndication as s on s.article_id = i.article_id
    where i.about is not null and {{ incremental_stories('i.story_id') }}
),
groups as (
    select
        fact_group_id,
        any_value(story_id) as story_id,
        any_value(about) as about,
        any_value(kind) as kind,
        any_value(unit) as unit,
        count(distinct outlet) as n_outlets_reporting,
        count(distinct article_id) as n_articles,
        list(distinct value order by value) as "values",
        bool_or(qualifier <> 'vague') as has_precise
    from intervals
    group by fact_group_id
),
candidates as (
    select distinct i.fact_group_id, i.value, i.qualifier = 'exact' as stated_exactly
    from intervals as i
    join groups as g using (fact_group_id)
    where i.qualifier <> 'vague' or not g.has_precise
),
support as (
    select
        c.fact_group_id,
        c.value,
        bool_or(c.stated_exactly) as stated_exactly,
        count(distinct i.source_group) as n_sources,
        count(distinct i.outlet) as n_outlets,
        list(distinct i.outlet order by i.outlet) as outlets
    from candidates as c
    join intervals as i on i.fact_group_id = c.fact_group_id and c.value between i.lo and i.hi
    group by c.fact_group_id, c.value
),
consensus as (
    select *
    from support
    qualify row_number() over (
        partition by fact_group_id
        order by n_sources desc, n_outlets desc, stated_exactly desc, value
    ) = 1
),
consensus_text as (
    select i.fact_group_id, min(i.value_text) as consensus_text
    from intervals as i
    join consensus as c on c.fact_group_id = i.fact_group_id and c.value = i.value
    group by i.fact_group_id
),
conflicts as (
    select distinct x.fact_group_id
    from intervals as x
    join intervals as y
        on y.fact_group_id = x.fact_group_id
        and y.source_group <> x.source_group
        and y.outlet <> x.outlet
        and x.qualifier <> 'vague' and y.qualifier <> 'vague'
        and (x.hi < y.lo or y.hi < x.lo)
),
final as (
    select
        g.story_id,
        g.fact_group_id,
        g.about,
        g.kind,
        g.unit,
        c.value as consensus_value,
        t.consensus_text,
        c.n_outlets,
        c.n_sources,
        g.n_outlets_reporting,
        g.n_articles,
        c.outlets,
        g."values",
        k.fact_group_id is not null as conflict
    from groups as g
    join consensus as c using (fact_group_id)
    left join consensus_text as t using (fact_group_id)
    left join conflicts as k using (fact_group_id)
)
select * from final
