"""Bytes -> text: binary sniffing, encoding detection, line endings, control and invisible characters.

UTF-8 wins whenever the bytes are mostly UTF-8: a few stray bytes that are not UTF-8 become U+FFFD
and the document carries a warning (one bad byte used to turn a whole UTF-8 article into latin-1
mojibake). Only when UTF-8 clearly fails (no more valid multi-byte characters than bad bytes) does
decoding fall back to cp1252, then latin-1.
"""
from __future__ import annotations

import logging

from tasks.ingest.normalise import normalise_unicode
from tasks.ingest.records import _Reject

log = logging.getLogger("newsagree.ingest")

# control characters to delete: C0 except \t \n (\r handled before), DEL, C1, and
# invisible troublemakers (zero-width space, BOM, soft hyphen, word joiner)
_CTRL_TABLE: dict[int, str | None] = {c: None for c in list(range(0, 32)) + list(range(127, 160)) if c not in (9, 10)}
_CTRL_TABLE.update({0x200B: None, 0xFEFF: None, 0x00AD: None, 0x2060: None,
                    0x2028: "\n", 0x2029: "\n\n", 0x0085: "\n", 0x000B: "\n", 0x000C: "\n"})
_BINARY_CTRL = set(range(0, 32)) - {9, 10, 12, 13, 27, 8}
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def normalise_text(text: str) -> str:
    """Line endings to ``\\n``; control characters (except ``\\n`` and ``\\t``) removed; then
    :func:`tasks.ingest.normalise.normalise_unicode` (invisible characters, NFKC, mixed-script words)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return normalise_unicode(text.translate(_CTRL_TABLE))


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not text: in the first 64 KiB, NUL bytes (at least 2 and >= 1%),
    or more than 10% control bytes. A stray NUL in a text file is stripped later instead."""
    head = data[:65536]
    if not head:
        return False
    for bom, _ in _BOMS[1:]:
        if head.startswith(bom):
            return False
    n_nul = head.count(0)
    if n_nul >= 2 and n_nul * 100 >= len(head):
        return True
    n_ctrl = sum(1 for b in head if b in _BINARY_CTRL)
    return n_ctrl / len(head) > 0.10


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding). Never raises.

    Order: BOM-declared encoding, UTF-8, cp1252 (smart quotes come out as real
    curly quotes), latin-1 (always succeeds).
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    n_bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    n_multibyte = sum(1 for ch in text if ord(ch) > 127) - n_bad - data.count("\ufffd".encode("utf-8"))
    if n_multibyte > n_bad:
        return text, f"utf-8 ({n_bad} invalid byte sequence{'s' if n_bad != 1 else ''} replaced)"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    return data.decode("latin-1"), "latin-1"


def _decode_text(data: bytes) -> tuple[str, list[str]]:
    """(normalised text, warnings); raises _Reject for empty or binary data."""
    if not data:
        raise _Reject("empty", "file has no bytes")
    if looks_binary(data):
        raise _Reject("binary", "file looks binary (NUL or control bytes), not text")
    text, enc = decode_bytes(data)
    warnings = [f"decoded as {enc}"] if "replaced" in enc else []
    text = normalise_text(text)
    if not text.strip():
        raise _Reject("empty", "file holds only whitespace")
    return text, warnings

