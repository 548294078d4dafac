-- model: quotes
-- description: One row per quote found in an article body: direct quotes (between quotation marks, standing as an utterance), partial quotes (quoted words inside a sentence) and indirect quotes (reported speech without quotation marks), with the speaker as written and the named entity it resolves to; rules in tasks/quotes.py.
-- depends_on: stg_quotes, stg_entity_mentions, entity_mentions
-- column quote_id: first 16 hex chars of sha256("<article_id>:<start_char>:<end_char>")
-- column article_id: article the quote is in
-- column sentence_no: sentence of the article where the quote starts
-- column start_char: start offset of the quoted content in articles.body (after the opening quotation mark)
-- column end_char: end offset (exclusive) of the quoted content (before the closing mark; a trailing comma is left out)
-- column text: the quoted content as printed, without the quotation marks; a quote running over several paragraphs gives one row per paragraph
-- column kind: direct | partial | indirect
-- column speaker_text: the speaker as written next to the quote: a name, a pronoun ("she") or a role noun ("the Kremlin spokesman"); null when none was found
-- column speaker_start: start offset of speaker_text in articles.body (for continued or floating quotes, the speaker of the earlier quote or sentence)
-- column speaker_end: end offset (exclusive) of speaker_text
-- column speaker_entity_id: entity the speaker resolves to; the same id as entity_mentions.entity_id / entities.entity_id; null when unresolved
-- column speaker_name: canonical name of that entity (entity_mentions.entity_name), else null
-- column cue: the speech verb or phrase as written ("said", "told", "according to"); null when the speaker comes from a headline colon or a previous paragraph
-- column pattern: attribution pattern that matched: verb_speaker, speaker_verb, appositive, verb_object, verb_in, colon_intro, comma_intro, verb_intro, dash_name, quote_from, name_colon, according_to, reported_speech, continuation, previous_sentence, last_speaker, previous_paragraph, indirect_speaker_verb, indirect_post, indirect_as, indirect_object, indirect_directive, indirect_noun, indirect_evidence, indirect_belief, indirect_colon, indirect_headline, indirect_asked, indirect_referring, none
-- column confidence: 0-1; how the speaker was found: explicit adjacent name 0.95 > role noun 0.85 > pronoun 0.8 > continuation 0.75 > previous sentence 0.65 > previous paragraph 0.5 > no speaker 0.2, lowered for partial (x0.9), indirect (x0.85) and unclosed (x0.8) quotes
-- column run_id: run that extracted the quote
with latest as (
    select *
    from {{ deduplicate('stg_quotes', 'quote_id', 'run_id desc') }}
),
-- the extraction stage's per-article entity id -> the corpus-level id of the entity_mentions mart
id_map as (
    select
        s.article_id,
        s.entity_id as stage_entity_id,
        any_value(m.entity_id order by m.start_char) as entity_id,
        any_value(m.entity_name order by m.start_char) as entity_name
    from stg_entity_mentions as s
    -- only the entities some quote names as its speaker
    semi join (select distinct article_id, speaker_entity_id from latest where speaker_entity_id is not null) as w
        on w.article_id = s.article_id and w.speaker_entity_id = s.entity_id
    join entity_mentions as m
        on m.article_id = s.article_id and m.start_char = s.start_char and m.end_char = s.end_char
    where s.entity_id is not null
    group by s.article_id, s.entity_id
),
final as (
    select
        q.quote_id,
        q.article_id,
        q.sentence_no,
        q.start_char,
        q.end_char,
        q.text,
        q.kind,
        q.speaker_text,
        q.speaker_start,
        q.speaker_end,
        case when q.speaker_entity_id is null then null else coalesce(i.entity_id, q.speaker_entity_id) end as speaker_entity_id,
        case when q.speaker_entity_id is null then q.speaker_name else coalesce(i.entity_name, q.speaker_name) end as speaker_name,
        q.cue,
        q.pattern,
        q.confidence,
        q.run_id
    from latest as q
    left join id_map as i
        on i.article_id = q.article_id and i.stage_entity_id = q.speaker_entity_id
)
select * from final
