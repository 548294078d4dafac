"""Corpus stage: story clustering and syndication (near-duplicate) groups.

Two groupings of articles, both incremental and stable across runs:

* **Syndication group** — near-duplicate copies of the same text (wire copy
  republished by several outlets, lightly edited or truncated). A match is an
  estimated Jaccard similarity of word 5-shingle sets >= ``SYN_THRESHOLD``
  (MinHash signatures, candidates blocked by LSH bands), or a containment of
  the shorter text's shingles in the longer one >= ``SYN_CONTAINMENT`` checked on
  the same candidates. The group id is the id of the group's founding article.

* **Story** — articles about the same *event* ("the first presidential
  debate", not "the election"). A story's profile is its *core*: the compact
  features of its first ``MAX_CORE`` non-copy articles. The profile stops
  growing after that, and an article is compared with the core members one by
  one, never with an ever-broadening centroid, so a story cannot chain its way
  through a whole topic. For one core member m:

      pair(a, m) = W_TERMS * cosine(tf-idf of a, tf-idf of m)
                 + W_ENTS  * idf-weighted share of a's named entities that m names

  (when the dates cannot be compared, the entity share is scaled by
  (a's entities / m's entities) ** ENT_BREADTH, at most 1: a broad explainer
  names most of a short report's entities without being about its event)

  Only terms and entities at least ``SHARED_DF`` documents have count in the
  article's vector, its norm and its entity share (a word no other document has
  matches nothing; it only lowered the cosines of long articles: BASIL without
  dates 0.906 -> 0.96 with the thresholds recalibrated). A core member keeps its
  top terms shared or not (normed over the shared ones), so an article of a
  later drop that shares one still matches it; blocking keys are taken from all
  terms for the same reason.

  and the story score is ``date_factor`` times the mean pair similarity to the
  closest *majority* of the core (1 of 1, 2 of 2, 2 of 3, 3 of 4 or 5, 4 of 6).
  The article joins the best-scoring story whose score reaches its join threshold:

      STORY_THRESHOLD
      + TOPIC_MARGIN (TOPIC_MARGIN_DATED when the dates agree) if less than
        SPEC_SHARE_MIN of the similarity comes from event-specific terms and
        entities (document frequency <= max(SPEC_MIN_DF, SPEC_SHARE * documents));
        sharing only topic-wide words ("Trump", "campaign") is not enough
      + UNDATED_MARGIN + UNDATED_SIZE_SLOPE * log2(story size) when the article
        or the story has no publication date: a missing date is unknown, not
        compatible, so the text has to carry more evidence, the more so the
        larger the story
      + WEEKDAY_MARGIN, also when the dates cannot be compared, if the article
        and the closest majority of the core name weekdays and more of these
        pairs name no weekday in common than one ("arrested early Sunday" vs
        "on Tuesday": the same kind of event on another day).

  ``date_factor`` is 1 within ``DATE_SLACK`` days of the story's dates and falls
  linearly to 0 at ``DATE_WINDOW`` days, so the same topic months apart (two
  rounds of talks, two rehab stories) stays apart. ``published_at`` is the
  date where there is one (ingestion time says nothing about the event);
  without it, the dates the text names (``dates.py``: "May 19", "19 May 2025",
  years) place the article: an anchored date near the story's dates makes it as
  good as dated there, anchored dates all months away (or a year named well
  after the story) keep it out, also as a syndicated copy. A syndicated copy
  otherwise always joins the story of the text it copies (without entering the
  core). Otherwise the article founds a new story whose id is its own article id.

  When an article reaches the join threshold of several stories, the others merge
  into the best one if their cores are alike (``story_similarity`` >=
  ``MERGE_THRESHOLD``, plus ``ALIKE_HALF_DATED`` when one is dated and the other not; the older story keeps its id, the members of the merged
  one get rows again): the same articles arriving in another order then still
  end together. An article that resembles two unlike stories (a live blog, a
  round-up) joins one and never bridges them.

  After each batch a second pass (``assign.merge_alike``) compares whole
  cores: every story that got articles in the batch merges with the candidate
  story whose core is most alike (``story_similarity`` >= ``ALIKE_THRESHOLD``,
  among the ``ALIKE_CANDIDATES`` stories sharing the most of its blocking keys,
  best pair first, at most ``ALIKE_ROUNDS`` rounds), unless their dates are
  further apart than the date window or the text dates of one contradict the
  other's dates, and not both dated stories whose cores name other weekdays need ``WEEKDAY_MARGIN`` more
  (``scoring.weekday_margin``, as for an article), and two stories at least ``SPEC_SHARE_MIN`` of whose
  similarity comes from keys their members flag as event-specific need ``ALIKE_SPEC`` less
  (``assign.alike_threshold``: fragments of one event are alike through its own names and words, topic-wide
  coverage through the topic's; each core member flags its keys when it is weighted). A dated story and an undated one (their dates cannot be
  compared) need ``ALIKE_HALF_DATED`` more: its undated articles were each
  compared with the dated story and did not join it, and the same kind of event
  at another time (two DUI arrests of one team's players, two elections in one
  country) is the usual reason. An undated article that founded its own story because its
  sibling reports arrived later (or passed no single threshold) is otherwise
  never looked at again.

Comparisons are blocked: an article is compared only with stories that share
one of its most salient keys (entity keys, high-idf terms) with a core member,
on a day within the date window or undated (inverted index key -> day ->
stories), never with the whole corpus. A key with more than
``BLOCK_MAX_POSTINGS`` postings in the window is topic-wide and not used, and
at most ``MAX_CANDIDATES`` stories (those sharing the most keys) are scored, so
the work per article is bounded (200k tiny articles sharing a handful of words
made the stage quadratic). Nothing else may grow with the corpus either: a story's dates are searched by
bisection, story merges relabel the smaller merge group, two cores are compared in one vectorised match,
and the syndication candidates (articles sharing an LSH band; boilerplate such as "X said on Monday that"
makes them a fixed share of a flood of tiny articles, the one per-article cost that still grows with the
corpus) are scored all at once in numpy. CPU per tiny article (bench.hostile's generator, pure functions,
loaded shared machine): 5k/10k/20k/40k articles 3.0/2.3/1.7/1.4 ms (before: 3.3/2.9/3.5/6.4 ms); the whole
stage over Parquet (``assign_stories``, 200k tiny articles in 1,000 committed batches of 200): 402 s CPU
(2.0 ms per article), peak RSS 1.0 GB (before: unfinished after 2,700 s at 15-18 ms per article and growing).

An index file that cannot be read (truncated, garbage, an object array that
would need unpickling: it is never unpickled) is logged as a warning naming the
file and rebuilt from the committed articles, like an index of another version.

Processing is deterministic in article order (published_at, source_path,
article_id), so a full refresh reproduces the same ids.

Order independence: one article at a time, the stories an article finds depend on what arrived before it
and on the document frequencies of the corpus so far (a small corpus's move a lot). So the index is
rebuilt from scratch (every committed article assigned again in that one order, with the whole corpus's
document frequencies, as if it had arrived in one drop) whenever the committed corpus has grown by more
than ``REBUILD_GROWTH`` since the index was last built; between rebuilds new articles are assigned
incrementally against a corpus at least 1 / (1 + REBUILD_GROWTH) as large. The rebuilds cost at most
1 / REBUILD_GROWTH + 1 passes over the final corpus in all (linear), and a +5 run on a large corpus never
rebuilds. A story whose members are exactly those of a story before the rebuild (or before
``--full-refresh``) keeps its id, so the warehouse reuses its rows.

Where the work happens:

* The extraction workers tokenise each article once (:func:`feature_row`:
  content-term counts, entity keys, MinHash signature, text date anchors; nothing that depends on
  the rest of the corpus) into the processed table ``story_features``, stamped
  with ``FEATURE_RULES`` (a fingerprint of the tokenisation rules).
* :func:`update_stories` reads those rows for the articles the index does not
  know yet: pass 1 adds their document frequencies; pass 2 sorts them by
  (published_at, source_path, article_id), reading only those columns of
  ``articles``, then computes compact tf-idf features and assigns them a
  chunk at a time (at most ``STREAM_CHUNK`` articles and ``STREAM_TERMS``
  terms: tiny articles come in few large chunks), re-reading only the part
  files that hold the chunk. An article without a current feature row (a processed dir written
  before the table existed, or under other rules) is tokenised from
  ``articles`` + ``entity_mentions`` instead, with the same result.
* The index (document frequencies, article columns, MinHash signatures, story
  cores and dates, blocking postings) persists as one ``.npz`` under
  ``<processed>/_story_index/index.npz``, written atomically: numpy columns per
  article, terms and keys as 64-bit hashes (:func:`key_hash`), LSH bands as
  packed integers searched with ``np.searchsorted`` (rebuilt from the
  signatures on load), and a JSON member for article ids and document
  frequencies. An index of another ``INDEX_VERSION`` (or the gzip JSON of
  version 2) is ignored: every committed article is assigned again and its
  rows re-emitted (the newest assignment wins in the warehouse). Article
  bodies are never all held in memory.

The package, by concern: ``params`` (tunable parameters), ``features`` (per-article tokenising and
weighting, the ``story_features`` row), ``dates`` (text date anchors), ``index`` (the persistent
index), ``blocking`` (its blocking postings: which stories are posted under which key and day),
``scoring`` (article vs. story), ``assign`` (the in-memory assignment loop, merges), ``io`` (the stage
over Parquet). Callers import from ``tasks.stories``; the names below are its public surface.
"""
from __future__ import annotations

from tasks.stories.params import *  # noqa: F401,F403  (every parameter, as before the split)
from tasks.stories.features import (FEATURE_RULES, STOPWORDS, Features, RawFeatures, compact_features,  # noqa: F401
                                    content_terms, feature_row, idf, key_hash, key_hashes, minhash,
                                    proper_name_keys, raw_features, raw_from_row, shingle_hashes, sort_key_of,
                                    tokens)
from tasks.stories.index import NO_DAY, Member, Story, StoryIndex  # noqa: F401
from tasks.stories.scoring import (ArticleArrays, article_arrays, candidate_stories, date_factor,  # noqa: F401
                                   find_syndicated, join_threshold, pair_similarities, pair_similarity,
                                   specific_df, story_score, story_scores)
from tasks.stories.assign import assign_articles, assign_one, update_df  # noqa: F401
from tasks.stories.io import STREAM_CHUNK, _iter_articles, assign_stories, update_stories  # noqa: F401
