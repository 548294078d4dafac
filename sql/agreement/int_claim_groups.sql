-- model: int_claim_groups
-- materialized: incremental
-- unique_key: story_id
-- description: Claim groups within a story, one sentence per article in a group. First the connected components of int_claim_edges (min-label propagation); where one article has several sentences in a component (a chain through two different statements of one article: "the call was useful" joins "we will draft a memorandum" through a third outlet's sentence that says both), the article keeps the sentence with the strongest matches (summed same-claim probability, then smallest key) and its other sentences leave the component as groups of their own; the components are then formed again without them, so a group never holds two statements of one article. A sentence nothing matches is a group alone.
-- depends_on: int_claim_tokens, int_claim_edges
-- column sentence_key: the sentence
-- column story_id: its story
-- column root: smallest sentence_key of the group
-- column claim_id: stable hash of (story_id, root)
-- column degree: number of matching sentences (used to choose the representative text)
with recursive tokens as (
    select sentence_key, story_id, article_id from int_claim_tokens where {{ incremental_stories('story_id') }}
),
edges as (
    select src, dst, probability from int_claim_edges where {{ incremental_stories('story_id') }}
),
-- connected components by min-label propagation, keyed on the sentence: each round only
-- sentences whose label dropped pass it on (cost ~ edges x diameter, not component size squared)
cc(sentence_key, label) using key (sentence_key) as (
    select sentence_key, sentence_key from tokens
    union
    select e.dst, min(c.label)
    from cc as c
    join edges as e on e.src = c.sentence_key
    join recurring.cc as r on r.sentence_key = e.dst
    group by e.dst, r.label
    having min(c.label) < r.label
),
degree as (
    select src as sentence_key, count(*) as degree, list_sum(list(probability order by dst)) as strength
    from edges
    group by src
),
-- per component and article, the sentence with the strongest matches stays; the others leave
ranked as (
    select c.sentence_key,
           row_number() over (
               partition by c.label, t.article_id
               order by coalesce(d.strength, 0) desc, c.sentence_key) as article_rank
    from cc as c
    join tokens as t using (sentence_key)
    left join degree as d using (sentence_key)
),
leaving as (
    select sentence_key from ranked where article_rank > 1
),
kept_edges as (
    select src, dst from edges
    where src not in (select sentence_key from leaving) and dst not in (select sentence_key from leaving)
),
-- the components again, over the edges between the sentences that stayed
groups(sentence_key, label) using key (sentence_key) as (
    select sentence_key, sentence_key from tokens
    union
    select e.dst, min(g.label)
    from groups as g
    join kept_edges as e on e.src = g.sentence_key
    join recurring.groups as r on r.sentence_key = e.dst
    group by e.dst, r.label
    having min(g.label) < r.label
)
select
    g.sentence_key,
    t.story_id,
    g.label as root,
    'cl_' || substr(md5(t.story_id || '|' || g.label), 1, 16) as claim_id,
    coalesce(d.degree, 0) as degree
from groups as g
join tokens as t using (sentence_key)
left join degree as d using (sentence_key)
