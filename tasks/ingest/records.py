"""What the ingest stage hands on: RawDoc and rejection dicts (see docs/INTERNALS.md), and the
internal ``_Reject`` exception a reader raises to turn one file (or one JSON line) into a rejection."""
from __future__ import annotations

META_KEYS = ("title", "outlet", "url", "published_at", "byline", "id")

RawDoc = dict
Rejection = dict

class _Reject(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def _rejection(source_path: str, drop_id: str, fhash: str | None, reason: str, detail: str) -> Rejection:
    return {"source_path": source_path, "drop_id": drop_id, "file_hash": fhash, "reason": reason,
            "detail": detail[:500]}


def _doc(source_path: str, drop_id: str, fhash: str, fmt: str, text: str, meta: dict) -> RawDoc:
    return {"source_path": source_path, "drop_id": drop_id, "file_hash": fhash, "format": fmt,
            "text": text, "meta": meta}

