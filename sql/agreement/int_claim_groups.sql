-- model: int_claim_groups
-- materialized: incremental
-- unique_key: story_id
-- description: Claim groups within a story. First the connected components of int_claim_edges (min-label propagation); a component that chained too far (more than 2 sentences per article it spans) is split without transitive chaining instead: each of its sentences joins the group of its best-connected match (itself included; most matches, then highest summed same-claim probability, then smallest key), so every member directly matches the group's hub. A sentence nothing matches is a group alone.
-- depends_on: int_claim_tokens, int_claim_edges
-- column sentence_key: the sentence
-- column story_id: its story
-- column root: smallest sentence_key of the component, or the hub sentence of a split component
-- column claim_id: stable hash of (story_id, root)
-- column degree: number of matching sentences (used to choose the representative text)
with recursive tokens as (
    select sentence_key, story_id, article_id from int_claim_tokens where {{ incremental_stories('story_id') }}
),
edges as (
    select src, dst, probability from int_claim_edges where {{ incremental_stories('story_id') }}
),
nodes as (
    select sentence_key from tokens
),
-- connected components by min-label propagation, keyed on the sentence: each round only
-- sentences whose label dropped pass it on (cost ~ edges x diameter, not component size squared)
cc(sentence_key, label) using key (sentence_key) as (
    select sentence_key, sentence_key from nodes
    union
    select e.dst, min(c.label)
    from cc as c
    join edges as e on e.src = c.sentence_key
    join recurring.cc as r on r.sentence_key = e.dst
    group by e.dst, r.label
    having min(c.label) < r.label
),
comp as (
    select sentence_key, label as root from cc
),
comp_size as (
    select c.root, count(*) as n, count(distinct t.article_id) as n_articles
    from comp as c
    join tokens as t using (sentence_key)
    group by c.root
),
degree as (
    select src as sentence_key, count(*) as degree, list_sum(list(probability order by dst)) as strength
    from edges
    group by src
),
options as (
    select t.sentence_key, t.sentence_key as hub from tokens as t
    union all
    select src, dst from edges
),
choice as (
    select o.sentence_key, o.hub
    from options as o
    left join degree as d on d.sentence_key = o.hub
    qualify row_number() over (
        partition by o.sentence_key
        order by coalesce(d.degree, 0) desc, coalesce(d.strength, 0) desc, o.hub) = 1
),
-- a hub that itself chose another hub still heads its own group
star as (
    select c.sentence_key,
           case when c.sentence_key in (select hub from choice) then c.sentence_key else c.hub end as root
    from choice as c
),
final as (
    select c.sentence_key,
           case when z.n > 2 * z.n_articles then s.root else c.root end as root
    from comp as c
    join comp_size as z using (root)
    join star as s using (sentence_key)
)
select
    f.sentence_key,
    t.story_id,
    f.root,
    'cl_' || substr(md5(t.story_id || '|' || f.root), 1, 16) as claim_id,
    coalesce(d.degree, 0) as degree
from final as f
join tokens as t using (sentence_key)
left join degree as d using (sentence_key)
