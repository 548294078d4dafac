-- model: int_quote_groups
-- materialized: incremental
-- unique_key: story_id
-- description: Quote groups = connected components of int_quote_edges over quote units (transitive closure within a story, never across stories); quotes of one unit (same story, wording and speaker) are always in one group; each quote belongs to exactly one group, a quote with no match is its own group (with the other copies of its unit). A wording sharing no word with its component's canonical wording (most outlets, then longest, as in quote_variants) — two fragments chained through a long rendering that contains both — is split off as its own group (with its identical wordings), so every variant overlaps its group's canonical wording. Components are found by min-label propagation (a recursive CTE keyed on the unit: each round only units whose label dropped pass it on), so the cost grows with edges x component diameter, not with the square of component size.
-- depends_on: int_quote_tokens, int_quote_edges
-- column quote_id: the quote
-- column story_id: its story
-- column root: smallest quote_id of the group
-- column quote_group_id: stable hash of (story_id, root)
with recursive tokens as (
    select quote_id, story_id, outlet, norm, words, unit_id from int_quote_tokens
    where {{ incremental_stories('story_id') }}
),
edges as (
    select src, dst from int_quote_edges where {{ incremental_stories('story_id') }}
),
units as (
    select distinct unit_id from tokens
),
cc(unit_id, label) using key (unit_id) as (
    select unit_id, unit_id from units
    union
    select e.dst, min(c.label)
    from cc as c
    join edges as e on e.src = c.unit_id
    join recurring.cc as r on r.unit_id = e.dst
    group by e.dst, r.label
    having min(c.label) < r.label
),
members as (
    select t.quote_id, t.story_id, t.outlet, t.norm, t.words, c.label
    from tokens as t
    join cc as c using (unit_id)
),
-- the component's canonical wording, chosen exactly as quote_variants chooses it
wordings as (
    select label, norm, count(distinct outlet) as n_outlets, min(quote_id) as first_quote_id, any_value(words) as words
    from members
    group by label, norm
),
canonical as (
    select label, words as canonical_words
    from wordings
    qualify row_number() over (partition by label order by n_outlets desc, length(norm) desc, first_quote_id) = 1
),
-- chaining through a long rendering can join fragments that share no word with the canonical
-- wording ("women's card big league" -> a sentence quoting both -> "weak like a baby"):
-- such a wording leaves the group and forms its own group with its identical copies
placed as (
    select m.quote_id, m.story_id,
           case when len(list_filter(m.words, lambda w: list_contains(c.canonical_words, w))) > 0 then m.label
                else m.label || chr(31) || m.norm end as grp
    from members as m
    join canonical as c using (label)
),
comp as (
    select quote_id, story_id, min(quote_id) over (partition by grp) as root
    from placed
)
select
    quote_id,
    story_id,
    root,
    'qg_' || substr(md5(story_id || '|' || root), 1, 16) as quote_group_id
from comp
