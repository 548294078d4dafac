-- model: story_fingerprints
-- description: One row per story (build_meta.story_fingerprints in the warehouse): a hash over every input row the incremental (story-scoped) agreement models read for it - its articles (with story, outlet, published_at), their syndication groups, the stories row, and the sentences, claim features, entity mentions (corpus entity ids included: a lone surname is re-linked when a full name arrives), quotes (resolved speakers) and facts of its articles. A build recomputes the incremental models only for stories whose fingerprint differs from the previous build's (or that appeared or vanished). Whole rows are hashed (DuckDB's 64-bit hash of the row, tagged with its table; the story combines the count, sum and xor of its row hashes, so row order does not matter), so a new column or any re-extraction counts as a change. Keep this list in step with the depends_on of the incremental models: warehouse.py refuses an incremental model that reads a model listed neither here nor incremental.
-- depends_on: articles, syndication, stories, sentences, claim_features, entity_mentions, quotes, facts
-- column story_id: story
-- column fingerprint: md5 of (row count, sum and xor of the row hashes)
-- column n_rows: input rows hashed
with story_of as (
    select article_id, story_id from articles
),
inputs as (
    select story_id, hash('articles', x) as h from articles as x
    union all
    select story_id, hash('stories', x) from stories as x
    union all
    select o.story_id, hash('syndication', x) from syndication as x join story_of as o using (article_id)
    union all
    select o.story_id, hash('sentences', x) from sentences as x join story_of as o using (article_id)
    union all
    select o.story_id, hash('claim_features', x) from claim_features as x join story_of as o using (article_id)
    union all
    select o.story_id, hash('entity_mentions', x) from entity_mentions as x join story_of as o using (article_id)
    union all
    select o.story_id, hash('quotes', x) from quotes as x join story_of as o using (article_id)
    union all
    select o.story_id, hash('facts', x) from facts as x join story_of as o using (article_id)
)
select
    story_id,
    md5(concat_ws('|', count(*), sum(h::hugeint), bit_xor(h))) as fingerprint,
    count(*) as n_rows
from inputs
group by story_id
