"""Tunable parameters of the story stage (documented in the package docstring, tasks/stories/__init__.py).

Every upper-case int/float here is part of the index fingerprint (``index._index_rules``): an index saved
under other values is not reused.
"""
from __future__ import annotations

INDEX_DIR = "_story_index"
INDEX_FILE = "index.npz"
INDEX_VERSION = 6        # 4: story anchors (text dates of undated core members); 5: core members' weekdays;
#                          6: core members' event-specific key flags
LEGACY_INDEX_FILES = ("index.json.gz",)   # INDEX_VERSION 2, removed when a new index is saved
FEATURES_VERSION = 2    # bump when the tokenisation code changes (rule files are fingerprinted by themselves)

# ---- parameters (documented in the module docstring)
STORY_THRESHOLD = 0.2
MAX_CORE = 6            # founding articles that define a story's profile (it stops growing after that)
CORE_TERMS = 100        # tf-idf terms kept per core article
SPEC_SHARE = 0.03       # a term in at most this share of documents (or SPEC_MIN_DF) is event-specific
SPEC_MIN_DF = 5
SPEC_SHARE_MIN = 0.35   # share of the similarity that must come from event-specific terms ...
TOPIC_WEIGHT = 1.0      # weight of topic-wide (not event-specific) overlap when dates are unknown
TOPIC_WEIGHT_DATED = 1.0   # ... and when the dates agree
SPEC_MIN_UNDATED = 0.02  # without dates, at least this much similarity must come from event-specific keys
TOPIC_MARGIN = 0.10     # ... or the join threshold rises by this much (undated comparison)
TOPIC_MARGIN_DATED = 0.0   # ... (dates agree)
UNDATED_MARGIN = 0.04   # added to the threshold when the dates cannot be compared ...
UNDATED_SIZE_SLOPE = 0.01  # ... plus this times log2(story size)
MERGE_THRESHOLD = 0.3  # two stories one article joins merge when their cores are this alike (story_similarity)
ALIKE_THRESHOLD = 0.26  # after a batch, two stories merge when their cores are this alike (no article needed)
ALIKE_HALF_DATED = 0.08  # ... plus this (here and in MERGE_THRESHOLD) when one is dated and the other not
ALIKE_SPEC = 0.04       # ... minus this when at least SPEC_SHARE_MIN of the similarity
#                          comes from event-specific keys (a fragment of one event, not topic-wide coverage)
ALIKE_ROUNDS = 8       # at most this many merge rounds per batch
ALIKE_CANDIDATES = 10  # stories compared with each (those sharing the most blocking keys)
W_TERMS = 0.7
W_ENTS = 0.3
ENT_BREADTH = 0.5      # undated: entity share x (article's entities / member's entities) ** this, at most 1
DATE_SLACK = 3          # days around a story's dates with no penalty
DATE_WINDOW = 10        # days at which the date factor reaches 0 (and blocking stops)
REBUILD_GROWTH = 0.2    # the index is rebuilt from scratch once the corpus has grown by more than this share
ANCHOR_FAR = 30         # an undated article whose text dates are all further than this from a story's: another event
WEEKDAY_MARGIN = 0.1    # undated comparison: added when the two sides name other weekdays (more pairs disjoint than shared)
MAX_ANCHORS = 20        # text date anchors kept per article (the first ones in the text)
TITLE_BOOST = 2         # a title word counts as this many body occurrences
MAX_TERMS = 150         # terms kept in an article's tf-idf vector
SHARED_DF = 2           # ... and in its entity share: only those at least this many documents have (not blocking keys)
MAX_CENTROID = 250      # terms kept in a story centroid
BLOCK_MAX_POSTINGS = 300  # a blocking key with more (story, day) postings in the date window is topic-wide: unused
MAX_CANDIDATES = 100    # candidate stories scored per article (those sharing the most blocking keys)
N_BLOCK_KEYS = 25       # most salient (top tf-idf) keys of an article used for candidate blocking
SHINGLE = 5
N_PERM = 64
N_BANDS = 32            # 32 bands x 2 rows
SYN_THRESHOLD = 0.5
SYN_CONTAINMENT = 0.8
MIN_SHINGLES = 8        # shorter texts are never syndication candidates
NON_ENTITY_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
