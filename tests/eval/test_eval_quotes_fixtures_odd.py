"""The speakers of the hand-written pages' folders at the odd places of their sorted order (the even ones are scored by
test_eval_quotes.py): split in two files so that two test processes share the pipeline run over the pages (in the
repository: never skipped)."""
from __future__ import annotations

import pytest

from tests.eval.test_eval_quotes import check_share

pytestmark = pytest.mark.eval

SHARE = (1, 2)


def test_speakers_on_the_hand_written_pages_of_other_sites_odd_folders():
    from tasks.evaluation import quotes_crawls
    from tasks.settings import DEFAULT_MODEL
    check_share(quotes_crawls.fixture_pairs(DEFAULT_MODEL, SHARE)[0], SHARE)
