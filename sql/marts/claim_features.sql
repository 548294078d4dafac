-- model: claim_features
-- description: One row per sentence: whether it is a claim (a statement, not a heading, question, caption, byline or teaser: tasks/claims/statements.py) and what claim matching compares (tasks/claims/features.py, tasks/claims/vectors.py). Kept from the same extraction run as the sentence.
-- depends_on: stg_claim_features, articles
-- column article_id: article of the sentence
-- column sentence_no: position of the sentence in its article (as in sentences)
-- column claim_kind: statement | heading | question | caption | byline | teaser; only statements are claims
-- column words: distinct lower-cased, lightly stemmed words and normalised numbers
-- column content: words without stopwords
-- column bigrams: distinct word bigrams
-- column numbers: numbers the sentence states, normalised ("1,000" -> 1000, "two" -> 2)
-- column names: lower-cased capitalised words after the first (named actors and places)
-- column negated: a negation cue (not, never, no ...)
-- column modal: a modality cue (may, could, would, expected ...)
-- column denial: a denial cue (denied, rejected, dismissed ...)
-- column confirm: a confirmation cue (confirmed, acknowledged ...)
-- column n_tokens: word and number tokens of the sentence
-- column vector: static sentence embedding, 64 dims, unit length x 127 as int8 (TINYINT[]; null for non-statements)
-- column run_id: run that extracted it
with features as (
    select *
    from {{ deduplicate('stg_claim_features', 'article_id, sentence_no', 'run_id') }}
),
final as (
    select f.article_id, f.sentence_no, f.claim_kind, f.words, f.content, f.bigrams, f.numbers, f.names,
           f.negated, f.modal, f.denial, f.confirm, f.n_tokens, f.vector, f.run_id
    from features as f
    semi join articles as a on a.article_id = f.article_id
)
select * from final
