"""The benchmark's corpus: PolNeAR texts when ../shared/eval is present, else synthetic articles (bench/synth.py)."""
from __future__ import annotations

import shutil
from datetime import datetime, UTC
from pathlib import Path

from bench.synth import default_gold_dir, generate


def corpus_files(raw: Path) -> list[Path]:
    return sorted(p for p in raw.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html", ".json"))


def make_corpus(raw: Path, n: int | None, synthetic: bool, seed: int) -> str:
    """Fill ``raw``: the first ``n`` PolNeAR train texts as one drop, or ``n`` synthetic articles. Returns a label."""
    gold = default_gold_dir()
    polnear = gold / "polnear" / "train" / "text" if gold else None
    if not synthetic and polnear and polnear.is_dir():
        files = sorted(polnear.glob("*.txt"))[: n or None]
        drop = raw / "polnear-train"
        drop.mkdir(parents=True)
        for f in files:
            shutil.copy2(f, drop / f.name)
        return f"PolNeAR train, {len(files)} articles, one drop"
    g = generate(n or 840, seed, raw)
    return f"synthetic ({g.pool_origin} pool), {g.n_articles} articles in {len(g.drops)} drops"


def add_new_articles(raw: Path, n: int, seed: int, synthetic: bool, name: str = "new-drop", offset: int = 0) -> None:
    """``n`` articles the corpus does not hold, as a new drop ``name``: PolNeAR dev texts ``offset`` ..
    ``offset + n - 1`` when present, else synthetic ones."""
    gold = default_gold_dir()
    dev = gold / "polnear" / "dev" / "text" if gold else None
    drop = raw / name
    if not synthetic and dev and dev.is_dir():
        drop.mkdir(parents=True)
        for f in sorted(dev.glob("*.txt"))[offset:offset + n]:
            shutil.copy2(f, drop / f.name)
    else:
        generate(n, seed + 1000 + offset, drop / "tmp", n_drops=1, start=datetime(2025, 1, 1, tzinfo=UTC))
        for f in (drop / "tmp" / "2025-01-01").iterdir():
            shutil.move(str(f), drop / f.name)
        shutil.rmtree(drop / "tmp")


def n_words(files: list[Path]) -> int:
    return sum(len(f.read_text(encoding="utf-8", errors="replace").split()) for f in files)
