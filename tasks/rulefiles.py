"""The one loader for rule files (tasks/rules/ and any rules/ folder of a stage package).

Rule files are data that explain their own format in `#` comment lines. Every stage reads them through these
functions, so comments, blank lines, `[section]` headers, delimited tables and YAML mean the same everywhere:

- ``lines(name)``: the non-blank lines, stripped, without `#` comment lines (optionally lower-cased).
- ``sections(name)``: ``lines`` grouped under `[section]` headers (lines before the first header: section "").
- ``table(name)``: rows of a tab- (``.tsv``) or comma-separated (``.csv``) file split into cells, comment and
  blank lines skipped (a header row, if any, is the caller's; ``records`` reads one as field names).
- ``records(name)``: a ``.csv``/``.tsv`` with a header row as dicts.
- ``load_yaml(name)``: a YAML document.

``name`` is a file name in ``tasks/rules/`` (``"speech_verbs.txt"``) or a path. Read with UTF-8; a missing
file raises FileNotFoundError naming the path. Nothing is cached here: loaders of each stage cache the rule
objects they build (``functools.lru_cache``).
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml

from tasks.settings import RULES_DIR


def path_of(name: str | Path) -> Path:
    """A rule file's path: ``name`` itself when it is a Path or has a folder part, else tasks/rules/<name>."""
    p = Path(name)
    return p if isinstance(name, Path) or len(p.parts) > 1 else RULES_DIR / p


def _text(name: str | Path) -> str:
    return path_of(name).read_text(encoding="utf-8")


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def lines(name: str | Path, lower: bool = False) -> list[str]:
    """Non-blank lines, stripped, `#` comment lines dropped; lower-cased when ``lower``."""
    out = [ln.strip() for ln in _text(name).splitlines() if ln.strip() and not _is_comment(ln)]
    return [ln.lower() for ln in out] if lower else out


def sections(name: str | Path, lower: bool = False) -> dict[str, list[str]]:
    """``lines`` grouped by `[section]` headers; lines before the first header are in section ""."""
    out: dict[str, list[str]] = {"": []}
    current = ""
    for line in lines(name, lower=lower):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            out.setdefault(current, [])
        else:
            out[current].append(line)
    return out


def _delimiter(name: str | Path) -> str:
    return "\t" if str(name).endswith(".tsv") else ","


def table(name: str | Path, delimiter: str | None = None) -> list[list[str]]:
    """Rows of a delimited file as lists of cells (not stripped), comment and blank lines skipped."""
    rows = [ln for ln in _text(name).splitlines() if ln.strip() and not _is_comment(ln)]
    delimiter = delimiter or _delimiter(name)
    if delimiter == "\t":   # a tab file is split as it is: quote characters are data
        return [list(r) for r in csv.reader(rows, delimiter=delimiter, quoting=csv.QUOTE_NONE)]
    return [list(r) for r in csv.reader(rows, delimiter=delimiter)]


def records(name: str | Path, delimiter: str | None = None) -> list[dict[str, str]]:
    """Rows of a delimited file with a header row, as dicts; comment and blank lines skipped."""
    rows = [ln for ln in _text(name).splitlines() if ln.strip() and not _is_comment(ln)]
    return list(csv.DictReader(rows, delimiter=delimiter or _delimiter(name)))


def load_yaml(name: str | Path) -> Any:
    """A YAML document (safe loader)."""
    return yaml.safe_load(_text(name))
