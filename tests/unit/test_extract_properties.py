"""Property-based: random Unicode through cleaning, splitting and the whole extraction batch (real spaCy).

No exception, and every offset of every row indexes into the article body and reproduces its text.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks import clean, extract
from tasks.settings import DEFAULT_MODEL

# text with the characters that matter here: quotes of every kind, newlines, digits, capitals, odd Unicode
ALPHABET = st.one_of(
    st.sampled_from(list("“”‘’\"'«»„\n\n .,;:!?-—–()[]0123456789$%")),
    st.sampled_from(["Putin", "Kyiv", "said", "told reporters", "according to", "two-hour", "March 18", "U.S.",
                     "Zelenskiy", "Mr.", "1,000", "a fifth of"]),
    st.characters(blacklist_categories=("Cs",)),
)
TEXTS = st.lists(ALPHABET, min_size=1, max_size=120).map(lambda parts: " ".join(parts))


def _check_offsets(article: dict, rows: list[dict], start: str, end: str, text: str | None) -> None:
    body = article["body"]
    for r in rows:
        if r.get(start) is None:
            continue
        assert 0 <= r[start] <= r[end] <= len(body), r
        if text:
            assert body[r[start]:r[end]] == r[text], r


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXTS, body=TEXTS)
def test_random_text_through_clean_and_extract(title, body):
    doc = {"source_path": "d/x.txt", "drop_id": "d", "file_hash": "h", "format": "txt",
           "text": f"{title}\n\n{body}", "meta": {}}
    articles, rejected = clean.clean_documents([doc])
    assert len(articles) + len(rejected) == 1
    if not articles:
        assert rejected[0]["reason"] in {"no_text", "too_large"}
        return
    out = extract.extract_batch(articles, DEFAULT_MODEL)
    assert out["rejected_files"] == []            # nothing here may crash the extractors
    (article,) = out["articles"]
    _check_offsets(article, out["sentences"], "start_char", "end_char", "text")
    _check_offsets(article, out["entity_mentions"], "start_char", "end_char", "text")
    _check_offsets(article, out["quotes"], "start_char", "end_char", "text")
    _check_offsets(article, out["quotes"], "speaker_start", "speaker_end", "speaker_text")
    _check_offsets(article, out["facts"], "start_char", "end_char", "text")
