"""Explicit pyarrow schemas of every Parquet table under data/processed/.

These are the contract between the Python stages and the SQL staging models.
Every row written by the pipeline is stamped with run_id and pipeline_version.
Offsets (start_char, end_char) are Python string indices into articles.body
(end exclusive): body[start_char:end_char] == text.
"""
from __future__ import annotations

import pyarrow as pa

STAMP = [
    pa.field("run_id", pa.string()),
    pa.field("pipeline_version", pa.string()),
]

ARTICLES = pa.schema([
    pa.field("article_id", pa.string(), nullable=False),   # sha256(normalised body)[:16]
    pa.field("drop_id", pa.string()),
    pa.field("source_path", pa.string()),                  # relative to raw dir, posix; "#<n>" suffix for jsonl line n
    pa.field("file_hash", pa.string()),                    # sha256 of the raw file bytes
    pa.field("outlet", pa.string()),
    pa.field("outlet_source", pa.string()),                # metadata | text | self
    pa.field("url", pa.string()),
    pa.field("title", pa.string()),
    pa.field("byline", pa.string()),
    pa.field("dateline", pa.string()),
    pa.field("published_at", pa.timestamp("us", tz="UTC")),
    pa.field("body", pa.string()),                         # cleaned text, paragraphs joined by "\n\n"
    pa.field("n_words", pa.int32()),
    pa.field("n_paragraphs", pa.int32()),
    pa.field("ingested_at", pa.timestamp("us", tz="UTC")),
    *STAMP,
])

REJECTED_FILES = pa.schema([
    pa.field("source_path", pa.string(), nullable=False),
    pa.field("drop_id", pa.string()),
    pa.field("file_hash", pa.string()),
    pa.field("reason", pa.string()),     # short machine code: empty, binary, unsupported_format, decode_error, malformed_json, no_text, duplicate, outside_raw_dir, missing_file, too_large, extraction_error, ...
    pa.field("detail", pa.string()),     # human-readable explanation
    pa.field("rejected_at", pa.timestamp("us", tz="UTC")),
    *STAMP,
])

SENTENCES = pa.schema([
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("sentence_no", pa.int32()),
    pa.field("paragraph_no", pa.int32()),
    pa.field("start_char", pa.int32()),
    pa.field("end_char", pa.int32()),
    pa.field("text", pa.string()),
    *STAMP,
])

ENTITY_MENTIONS = pa.schema([
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("sentence_no", pa.int32()),
    pa.field("start_char", pa.int32()),
    pa.field("end_char", pa.int32()),
    pa.field("text", pa.string()),
    pa.field("label", pa.string()),          # mention label as decided by the article-level vote (PERSON, ORG, GPE, LOC, NORP, ...)
    pa.field("ner_label", pa.string()),      # raw spaCy label
    pa.field("entity_id", pa.string()),      # stable hash of entity_key
    pa.field("entity_key", pa.string()),     # canonical key, e.g. "person:vladimir putin", "gpe:kyiv"
    pa.field("entity_name", pa.string()),    # canonical display name within the article
    *STAMP,
])

QUOTES = pa.schema([
    pa.field("quote_id", pa.string(), nullable=False),   # hash(article_id, start_char, end_char)
    pa.field("article_id", pa.string()),
    pa.field("sentence_no", pa.int32()),
    pa.field("start_char", pa.int32()),
    pa.field("end_char", pa.int32()),
    pa.field("text", pa.string()),
    pa.field("kind", pa.string()),           # direct | partial | indirect
    pa.field("speaker_text", pa.string()),
    pa.field("speaker_start", pa.int32()),
    pa.field("speaker_end", pa.int32()),
    pa.field("speaker_entity_id", pa.string()),
    pa.field("speaker_name", pa.string()),
    pa.field("cue", pa.string()),
    pa.field("pattern", pa.string()),        # which attribution pattern matched
    pa.field("confidence", pa.float64()),
    *STAMP,
])

FACTS = pa.schema([
    pa.field("fact_id", pa.string(), nullable=False),
    pa.field("article_id", pa.string()),
    pa.field("sentence_no", pa.int32()),
    pa.field("start_char", pa.int32()),
    pa.field("end_char", pa.int32()),
    pa.field("text", pa.string()),
    pa.field("kind", pa.string()),           # duration | count | amount | percent | date | fraction | number
    pa.field("value", pa.float64()),
    pa.field("value_text", pa.string()),     # normalised textual value (ISO date for dates)
    pa.field("unit", pa.string()),
    pa.field("qualifier", pa.string()),      # exact | over | about | under | up_to | ...
    pa.field("about", pa.string()),
    *STAMP,
])

FILE_LEDGER = pa.schema([
    pa.field("source_path", pa.string(), nullable=False),  # the file, relative to the raw dir
    pa.field("drop_id", pa.string()),
    pa.field("file_hash", pa.string()),
    pa.field("size", pa.int64()),
    pa.field("mtime_ns", pa.int64()),
    pa.field("n_articles", pa.int32()),
    pa.field("n_rejected", pa.int32()),
    # a .jsonl split over batches has one row per part: its lines first..last of n_lines (null: the whole file)
    pa.field("first_line", pa.int32()),
    pa.field("last_line", pa.int32()),
    pa.field("n_lines", pa.int32()),
    *STAMP,
])

RUNS = pa.schema([
    pa.field("run_id", pa.string(), nullable=False),
    pa.field("started_at", pa.timestamp("us", tz="UTC")),
    pa.field("finished_at", pa.timestamp("us", tz="UTC")),
    pa.field("status", pa.string()),
    pa.field("files_seen", pa.int64()),
    pa.field("files_new", pa.int64()),
    pa.field("articles_new", pa.int64()),
    pa.field("articles_skipped", pa.int64()),
    pa.field("files_rejected", pa.int64()),
    pa.field("duration_s", pa.float64()),
    pa.field("pipeline_version", pa.string()),
    pa.field("message", pa.string()),
])

STORY_ASSIGNMENTS = pa.schema([
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("story_id", pa.string()),            # stable: id of the story's founding article
    pa.field("score", pa.float64()),              # similarity to the story when joined (1.0 for founders)
    pa.field("assigned_at", pa.timestamp("us", tz="UTC")),
    *STAMP,
])

SYNDICATION = pa.schema([
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("syndication_group_id", pa.string()),  # near-duplicate group (wire copy); singleton = own article_id
    pa.field("similarity", pa.float64()),
    *STAMP,
])

STORY_FEATURES = pa.schema([     # IDF-free story features, one row per article (tasks/stories/features.py feature_row)
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("terms", pa.list_(pa.string())),      # distinct content terms of body and title, in order of first use
    pa.field("counts", pa.list_(pa.int32())),      # their counts (a title occurrence counts stories.TITLE_BOOST)
    pa.field("entities", pa.list_(pa.string())),   # entity keys "e:<key>" (mentions and proper-name runs), sorted
    pa.field("signature", pa.list_(pa.int64())),   # MinHash of the body's word 5-shingles; null when too few shingles
    pa.field("n_shingles", pa.int32()),            # distinct word 5-shingles of the body
    pa.field("anchors", pa.list_(pa.int32())),     # full dates the text names ("19 May 2025"), as day ordinals
    pa.field("month_days", pa.list_(pa.int16())),  # month-days named without a year ("May 19" -> 519)
    pa.field("years", pa.list_(pa.int16())),       # years named (1950-2049)
    pa.field("weekdays", pa.int8()),               # weekdays named, bit 0 Monday ... bit 6 Sunday
    pa.field("feature_rules", pa.string()),        # stories.FEATURE_RULES when written; other values are recomputed
    *STAMP,
])

CLAIM_FEATURES = pa.schema([    # one row per sentence (tasks/claims/records.py): what claim matching compares
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("sentence_no", pa.int32()),
    pa.field("claim_kind", pa.string()),           # statement | heading | question | caption | byline | teaser
    pa.field("words", pa.list_(pa.string())),      # distinct lower-cased, lightly stemmed words and numbers
    pa.field("content", pa.list_(pa.string())),    # words without stopwords
    pa.field("bigrams", pa.list_(pa.string())),    # distinct word bigrams
    pa.field("numbers", pa.list_(pa.string())),    # normalised numbers stated
    pa.field("names", pa.list_(pa.string())),      # lower-cased capitalised words after the first token
    pa.field("negated", pa.bool_()),
    pa.field("modal", pa.bool_()),
    pa.field("denial", pa.bool_()),
    pa.field("confirm", pa.bool_()),
    pa.field("n_tokens", pa.int32()),
    pa.field("vector", pa.list_(pa.int8())),       # static embedding x 127 as int8, statements only (tasks/claims/vectors.py)
    *STAMP,
])

# table name -> schema; stage modules may register more (stories, syndication, ...)
TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "rejected_files": REJECTED_FILES,
    "sentences": SENTENCES,
    "entity_mentions": ENTITY_MENTIONS,
    "quotes": QUOTES,
    "facts": FACTS,
    "runs": RUNS,
    "file_ledger": FILE_LEDGER,
    "story_assignments": STORY_ASSIGNMENTS,
    "syndication": SYNDICATION,
    "story_features": STORY_FEATURES,
    "claim_features": CLAIM_FEATURES,
}
