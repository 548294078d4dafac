"""Paragraph splitting: every non-empty line, hard-wrapped blocks joined."""
from __future__ import annotations

import re

from tasks.clean.text import _BULLET, _TERMINAL, collapse_ws, is_domain_line

def _is_wrapped_block(lines: list[str]) -> bool:
    """A block of >= 3 lines whose lines (but the last) have similar lengths between 40 and 100 chars
    and at least a third of which continue in lower case (wrapped prose, not a list of headlines)."""
    if len(lines) < 3:
        return False
    body = [len(ln) for ln in lines[:-1]]
    if not (min(body) >= 40 and max(body) <= 100 and max(body) - min(body) <= 30):
        return False
    lower_starts = sum(1 for ln in lines[1:] if ln[:1].islower())
    return lower_starts * 3 >= len(lines) - 1


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain text: every non-empty line, whitespace collapsed; lines of a visibly
    hard-wrapped block are joined, and a line not ending in punctuation is joined with a next line
    that starts in lower case (a wrapped sentence; only for lines of >= 40 chars)."""
    paras: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [collapse_ws(ln) for ln in block.split("\n")]
        lines = [ln for ln in lines if ln]
        if not lines:
            continue
        if _is_wrapped_block(lines):
            paras.append(_join_wrapped(lines))
            continue
        cur = lines[0]
        for nxt in lines[1:]:
            if len(cur) >= 40 and not _TERMINAL.search(cur) and nxt[:1].islower() and not _BULLET.match(nxt) \
                    and not is_domain_line(nxt):
                cur = _join_wrapped([cur, nxt])
            else:
                paras.append(cur)
                cur = nxt
        paras.append(cur)
    return paras


def _join_wrapped(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        if re.search(r"[A-Za-z]-$", out) and line[:1].islower():
            out = out + line        # "peace-\nkeeping" -> "peace-keeping"
        else:
            out = out + " " + line
    return out

