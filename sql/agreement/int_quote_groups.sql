-- model: int_quote_groups
-- description: Quote groups = connected components of int_quote_edges (transitive closure within a story, never across stories); each quote belongs to exactly one group, a quote with no match is its own group.
-- depends_on: int_quote_tokens, int_quote_edges
-- column quote_id: the quote
-- column story_id: its story
-- column root: smallest quote_id of the component
-- column quote_group_id: stable hash of (story_id, root)
with recursive walk(quote_id, root) as (
    select quote_id, quote_id from int_quote_tokens
    union
    select e.dst, w.root
    from walk as w
    join int_quote_edges as e on e.src = w.quote_id
),
comp as (
    select quote_id, min(root) as root from walk group by quote_id
)
select
    c.quote_id,
    t.story_id,
    c.root,
    'qg_' || substr(md5(t.story_id || '|' || c.root), 1, 16) as quote_group_id
from comp as c
join int_quote_tokens as t using (quote_id)
