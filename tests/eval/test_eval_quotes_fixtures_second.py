"""The speakers of every twelfth of the hand-written pages' folders in sorted order, from the seventh (every twelfth from
the first is scored by test_eval_quotes.py): split in two files so that two test processes share the pipeline run over
the pages (in the repository: never skipped)."""
from __future__ import annotations

import pytest

from tests.eval.test_eval_quotes import check_share

pytestmark = pytest.mark.eval

SHARE = (6, 12)


def test_speakers_on_the_hand_written_pages_of_other_sites_second_twelfth():
    from tasks.evaluation import quotes_crawls
    from tasks.settings import DEFAULT_MODEL
    check_share(quotes_crawls.fixture_pairs(DEFAULT_MODEL, SHARE)[0], SHARE)
