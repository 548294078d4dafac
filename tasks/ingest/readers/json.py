"""JSON reader: one article object -> (text, meta, format of the text)."""
from __future__ import annotations

from typing import Any

from tasks.ingest.meta import _meta_from_mapping
from tasks.ingest.readers.html import read_html
from tasks.ingest.records import _Reject

def _doc_from_object(obj: Any) -> tuple[str, dict, str]:
    """(text, meta, format-of-text) from one JSON article object; raises _Reject."""
    if not isinstance(obj, dict):
        raise _Reject("no_text", f"expected a JSON object, got {type(obj).__name__}")
    meta = _meta_from_mapping(obj)
    for key in ("text", "body", "content", "articleBody"):
        v = obj.get(key)
        if isinstance(v, list):
            v = "\n\n".join(str(x) for x in v if isinstance(x, (str, int, float)))
        if isinstance(v, str) and v.strip():
            return v, meta, "text"
    v = obj.get("html")
    if isinstance(v, str) and v.strip():
        text, hmeta = read_html(v)
        if text.strip():
            return text, {**hmeta, **meta}, "html"
        raise _Reject("no_text", "the html field has no visible body text")
    raise _Reject("no_text", "object has no non-empty 'text' or 'html' field")

