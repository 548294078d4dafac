"""Memory budgets of the extraction stages on hostile inputs under 1 MB (issue 14, item 4).

Each case runs sentences -> entities (real spaCy model) -> quotes in a fresh subprocess and
reads its peak RSS (``resource.getrusage``) after the model is loaded; no timing asserts.
Before the budgets a 990k-character line took 3.0 GB, 10^5 quotation marks 2.6 GB (and
50,000 quotes from one sentence), 697 KB of ``"…," said Vladimir Putin.`` 3.5 GB and 880 KB
of repeated names 2.7 GB. The cases here are about a quarter of those sizes (already over
1 GB before) to keep the suite fast; the budgets make memory independent of the size.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tasks.settings import DEFAULT_MODEL

CHILD = r"""
import json, resource, sys
from tasks import entities, quotes, sentences
from tasks.nlp import load_nlp
kind, model = sys.argv[1], sys.argv[2]
bodies = {
    "quote_marks": '"ab" ' * 25_000,                                                  # 125 KB, 25k quotes
    "said_putin": '"We are ready to talk," said Vladimir Putin. ' * 4_000,              # 184 KB
    "long_line": ("word " * 60_000),                                                  # 300k characters, one line
    "names": "Vladimir Putin Donald Trump Volodymyr Zelensky " * 7_500,               # 352 KB
}
body = bodies[kind]
nlp = load_nlp(model)
list(nlp.pipe(["Warm up with Vladimir Putin in Moscow."]))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
article = {"article_id": "a", "body": body}
sents = sentences.split_sentences(body)
mentions = entities.extract_mentions(nlp, [article], {"a": sents})["a"]
rows = quotes.extract_quotes(article, sents, mentions)
per_sentence = {}
for q in rows:
    per_sentence[q["sentence_no"]] = per_sentence.get(q["sentence_no"], 0) + 1
print(json.dumps({"extra_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024,
                  "quotes": len(rows), "mentions": len(mentions),
                  "max_quotes_per_sentence": max(per_sentence.values(), default=0),
                  "sentences": len(sents)}))
"""


@pytest.mark.parametrize("kind", ["quote_marks", "said_putin", "long_line", "names"])
def test_extraction_memory_stays_within_budget(kind):
    pytest.importorskip("spacy", reason="spaCy is needed to measure extraction memory")
    model = os.environ.get("NEWSAGREE_MODEL", DEFAULT_MODEL)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([os.getcwd(), *sys.path])}
    proc = subprocess.run([sys.executable, "-c", CHILD, kind, model], capture_output=True, text=True, env=env,
                          cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["extra_mb"] < 400, out      # about 330 MB: one spaCy batch of MAX_BATCH_TOKENS
    from tasks.entities.ner import MAX_MENTIONS_PER_SENTENCE
    from tasks.quotes.extract import MAX_QUOTES_PER_SENTENCE
    assert out["max_quotes_per_sentence"] <= MAX_QUOTES_PER_SENTENCE
    if kind == "said_putin":
        assert out["quotes"] == out["sentences"] == 4_000        # legitimate quotes are all kept
    if kind == "names":
        assert out["mentions"] <= MAX_MENTIONS_PER_SENTENCE * out["sentences"]
