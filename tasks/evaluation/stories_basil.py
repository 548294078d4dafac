"""Story clustering against BASIL: 100 events x 3 outlets (NYT, Fox, HuffPost), 2010-2019.

Every article of ``<gold>/basil/articles/<year>/<event-uuid>_<n>.json`` is
clustered by ``tasks.stories.assign_articles`` using only what the product
would see (title, date, source as outlet, body paragraphs); the gold cluster
is the ``triplet-uuid``. Scored with B-cubed precision / recall / F1, once as
given and once with every publication date removed (``published_at`` None:
real drops are often undated).

Entity keys come from ``tasks.entities.extract_mentions`` when that module and
the spaCy model are available (``settings.extra['stories_use_nlp']`` false
disables it), else from the stage's own proper-name features.

Run: ``.venv/bin/python -m tasks.evaluation.stories_basil [GOLD_DIR]``
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from tasks import stories
from tasks.evaluation.metrics import bcubed

TARGET = 0.97
TARGET_UNDATED = 0.93     # every publication date removed: the story must be found from what the articles say


def load_basil(gold_dir: Path) -> tuple[list[dict], dict[str, str]]:
    """(articles as pipeline dicts, gold article_id -> triplet id)."""
    articles, gold = [], {}
    for p in sorted((Path(gold_dir) / "basil" / "articles").glob("*/*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        paras = [" ".join(x for x in para if x) if isinstance(para, list) else str(para)
                 for para in d.get("body-paragraphs", [])]
        aid = p.stem
        articles.append({
            "article_id": aid, "title": d.get("title") or "", "body": "\n\n".join(x for x in paras if x.strip()),
            "published_at": d.get("date"), "outlet": d.get("source"), "source_path": str(p.relative_to(gold_dir)),
        })
        gold[aid] = d.get("triplet-uuid") or aid.rsplit("_", 1)[0]
    return articles, gold


def _mentions(articles: list[dict], settings) -> dict[str, list[dict]]:
    use = True if settings is None else (getattr(settings, "extra", {}) or {}).get("stories_use_nlp", True)
    if not use:
        return {}
    try:
        from tasks import entities
        from tasks.nlp import load_nlp
        from tasks.sentences import split_sentences
    except ImportError:
        return {}
    model = getattr(settings, "model", None) or __import__("tasks.settings", fromlist=["DEFAULT_MODEL"]).DEFAULT_MODEL
    nlp = load_nlp(model)
    sents = {a["article_id"]: split_sentences(a["body"]) for a in articles}
    return entities.extract_mentions(nlp, articles, sents)


def cluster(articles: list[dict], mentions: dict[str, list[dict]] | None = None) -> dict[str, str]:
    """article_id -> story_id."""
    rows, _ = stories.assign_articles(articles, mentions or {})
    return {r["article_id"]: r["story_id"] for r in rows["story_assignments"]}


def evaluate(gold_dir: Path, settings=None) -> list[dict]:
    """B-cubed P/R/F1 of the story clusters against BASIL triplets."""
    articles, gold = load_basil(Path(gold_dir))
    mentions = _mentions(articles, settings)
    kind = " (with entity mentions)" if mentions else " (lexical features)"
    out = []
    for metric, arts, target in (("b-cubed", articles, TARGET),
                                 ("b-cubed, dates removed", [{**a, "published_at": None} for a in articles],
                                  TARGET_UNDATED)):
        s = bcubed(gold, cluster(arts, mentions))
        out.append({"task": "stories", "metric": metric + kind, "precision": s["precision"], "recall": s["recall"],
                    "f1": s["f1"], "n": s["n"], "target": target})
    return out


def load_polnear(gold_dir: Path, split: str = "train") -> list[dict]:
    """PolNeAR texts as pipeline dicts (first line = title, no dates: published_at is None)."""
    out = []
    for p in sorted((Path(gold_dir) / "polnear" / split / "text").glob("*.txt")):
        title, _, body = p.read_text(encoding="utf-8").partition("\n")
        out.append({"article_id": p.stem, "title": title.strip(), "body": body.strip(), "published_at": None,
                    "source_path": f"polnear/{split}/{p.name}"})
    return out


def polnear_story_sizes(gold_dir: Path, split: str = "train") -> dict:
    """Story-size profile on undated campaign news (no gold clusters: a guard against topic chaining).

    Lexical features only. Returns n articles, n stories, the largest story, the
    number of stories with more than 20 articles, and the titles of the 3 largest.
    """
    from collections import Counter
    arts = load_polnear(gold_dir, split)
    pred = cluster(arts)
    sizes = Counter(pred.values())
    titles = {a["article_id"]: a["title"] for a in arts}
    top = sizes.most_common(3)
    return {"n": len(pred), "stories": len(sizes), "largest": top[0][1] if top else 0,
            "over_20": sum(1 for n in sizes.values() if n > 20),
            "top_titles": [[titles[a] for a in sorted(pred) if pred[a] == sid] for sid, _ in top]}


if __name__ == "__main__":
    from tasks.evaluation.run import format_table, gold_dir_from_argv
    from tasks.settings import Settings
    gd = gold_dir_from_argv(needs="basil")
    if gd is None:
        sys.exit(0)
    print(format_table(evaluate(gd, Settings.from_env())))
    if (gd / "polnear" / "train" / "text").is_dir():
        prof = polnear_story_sizes(gd)
        print(f"PolNeAR train (undated): {prof['n']} articles, {prof['stories']} stories, largest {prof['largest']}, "
              f"{prof['over_20']} with > 20 articles")
