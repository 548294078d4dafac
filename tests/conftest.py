"""Shared fixtures: a real Prefect test harness (one per session), the real spaCy model, seed and gold paths."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")

REPO = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO / "data" / "raw" / "sample"


def _gold_dir() -> Path | None:
    env = os.environ.get("NEWSAGREE_GOLD_DIR")
    cand = Path(env) if env else REPO.parent / "shared" / "eval"
    return cand if cand.is_dir() else None


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """../shared/eval (or NEWSAGREE_GOLD_DIR); tests that need it skip cleanly when it is absent."""
    d = _gold_dir()
    if d is None:
        pytest.skip("gold data not available (../shared/eval or NEWSAGREE_GOLD_DIR)")
    return d


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture(scope="session")
def nlp():
    from tasks.nlp import load_nlp
    from tasks.settings import DEFAULT_MODEL
    return load_nlp(os.environ.get("NEWSAGREE_MODEL", DEFAULT_MODEL))


@pytest.fixture(scope="session")
def prefect_harness():
    """A real (temporary, local) Prefect API for flow runs, shared by the whole session."""
    from prefect.testing.utilities import prefect_test_harness
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture()
def sample_drop(tmp_path: Path) -> Path:
    """A raw dir holding a copy of the five seed articles as drop `sample`."""
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS_DIR, raw / "sample")
    return raw
