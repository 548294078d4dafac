"""Fixtures shared by the integration tests."""
from __future__ import annotations

import pytest

from tests.integration.incremental_corpus import Corpus, build_corpus


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, seeds_dir) -> Corpus:
    """Seeds + a local drop, then a late drop, built incrementally and fully (built once per test session:
    test_incremental_build.py and test_warehouse_states.py only read it or copy its warehouses)."""
    return build_corpus(tmp_path_factory, seeds_dir)
