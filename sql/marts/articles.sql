-- model: articles
-- description: One row per unique article (deduplicated by content hash), cleaned body and metadata, with its story.
-- depends_on: stg_articles, stg_story_assignments
-- column article_id: stable id, first 16 hex chars of sha256 of the normalised body; the same text in two drops is one article
-- column drop_id: drop (folder under the raw dir) the article was first ingested from
-- column source_path: path of the input file relative to the raw dir (`file.jsonl#n` for line n of a jsonl)
-- column outlet: publisher, from metadata, else named in the text (masthead, dateline agency, footer), else `unknown:<article_id>` (its own outlet)
-- column outlet_source: where the outlet came from: metadata, text or self
-- column url: article URL when known
-- column title: headline
-- column byline: author(s) as printed after "By"
-- column dateline: dateline removed from the start of the body, e.g. "MOSCOW, Russia (North Press) –"
-- column published_at: publication time (UTC) when known
-- column body: cleaned text (boilerplate removed), paragraphs separated by a blank line; all offsets index into it
-- column n_words: number of words in body
-- column n_paragraphs: number of paragraphs in body
-- column story_id: story the article belongs to (see stories)
-- column ingested_at: when the article was first ingested
-- column run_id: run that ingested it
-- column file_hash: sha256 of the input file's bytes
-- column pipeline_version: version of the pipeline that ingested it
with articles as (
    select *
    from stg_articles
    qualify row_number() over (partition by article_id order by ingested_at, source_path) = 1
),
assignments as (
    select article_id, story_id
    from stg_story_assignments
    qualify row_number() over (partition by article_id order by assigned_at desc, run_id desc) = 1
),
final as (
    select
        a.article_id,
        a.drop_id,
        a.source_path,
        a.outlet,
        a.outlet_source,
        a.url,
        a.title,
        a.byline,
        a.dateline,
        a.published_at,
        a.body,
        a.n_words,
        a.n_paragraphs,
        coalesce(s.story_id, a.article_id) as story_id,
        a.file_hash,
        a.ingested_at,
        a.run_id,
        a.pipeline_version
    from articles as a
    left join assignments as s using (article_id)
)
select * from final
