"""Ingest stage: find raw files, read and decode them into RawDocs (or rejections).

Pure functions, no Prefect. Two entry points (see docs/INTERNALS.md):

* :func:`discover` lists candidate files under the raw dir (one drop per first
  path component; files directly in the raw dir belong to drop ``default``).
* :func:`read_files` turns a list of discovered files into ``RawDoc`` dicts and
  rejection dicts. Every file handed in ends up as at least one RawDoc or as
  exactly one rejection (a .jsonl/.json array may produce both: good lines as
  docs, bad lines as ``file.jsonl#<n>`` rejections). It never raises on input
  content.

What counts as what:

* text decoding: UTF-8 (with or without BOM), UTF-16/32 when a BOM says so,
  then cp1252 (so Windows smart quotes become real “ ” ’), latin-1 as last resort.
  Line endings are normalised to ``\\n``; control characters other than ``\\n``
  and ``\\t`` are removed.
* ``binary``: NUL bytes (>= 2 and >= 1%, without a UTF-16/32 BOM) or more than
  10% control bytes in the first 64 KiB.
* ``empty``: zero bytes or only whitespace after decoding.
* ``too_large``: more than :data:`MAX_BYTES` bytes (never read, only hashed).
* ``outside_raw_dir``: a path (symlink or manifest entry) that resolves outside
  the raw dir; such files are never opened.
"""
from tasks.ingest.decode import decode_bytes, looks_binary, normalise_text
from tasks.ingest.discover import (DEFAULT_DROP, FORMATS, MANIFEST_NAMES, MAX_BYTES, RawFile,
                                   discover, file_hash)
from tasks.ingest.meta import parse_datetime
from tasks.ingest.read import read_files, read_one
from tasks.ingest.readers import markdown_to_text, read_html, read_markdown
from tasks.ingest.records import META_KEYS, RawDoc, Rejection

__all__ = ["discover", "read_files", "read_one", "file_hash", "parse_datetime", "normalise_text",
           "decode_bytes", "looks_binary", "read_html", "read_markdown", "markdown_to_text", "RawFile",
           "RawDoc", "Rejection", "MAX_BYTES", "FORMATS", "MANIFEST_NAMES", "DEFAULT_DROP", "META_KEYS"]
