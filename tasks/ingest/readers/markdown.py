"""Markdown reader: YAML front matter as metadata, the body as plain text."""
from __future__ import annotations

import re

import yaml

from tasks.ingest.meta import _clean_str, _meta_from_mapping

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_MD_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_MD_REF_DEF = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*\S+.*$", re.M)
_MD_EMPH = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,500}>")


def markdown_to_text(md: str) -> tuple[str, str | None]:
    """Plain text from Markdown (links -> their text, images dropped, emphasis and heading marks removed,
    soft-wrapped lines of a paragraph joined). Returns (text, first heading or None)."""
    md = _MD_REF_DEF.sub("", md)
    out_paras: list[str] = []
    cur: list[str] = []
    first_heading = None
    in_code = False

    def flush():
        if cur:
            out_paras.append(" ".join(cur))
            cur.clear()

    for line in md.split("\n"):
        if line.strip().startswith(("```", "~~~")):
            flush()
            in_code = not in_code
            continue
        if in_code:
            if line.strip():
                out_paras.append(line.strip())
            continue
        if not line.strip():
            flush()
            continue
        if _MD_RULE.match(line) and not cur:
            flush()
            continue
        if _MD_SETEXT.match(line) and cur:
            heading = " ".join(cur)
            cur.clear()
            out_paras.append(heading)
            first_heading = first_heading or heading
            continue
        h = _MD_HEADING.match(line)
        if h:
            flush()
            if h.group(1):
                out_paras.append(h.group(1))
                first_heading = first_heading or h.group(1)
            continue
        line = _MD_QUOTE.sub("", line)
        if _MD_LIST.match(line):
            flush()
            cur.append(_MD_LIST.sub("", line).strip())
            continue
        if line.endswith("  ") or line.endswith("\\"):     # hard line break
            cur.append(line.rstrip(" \\"))
            flush()
            continue
        cur.append(line.strip())
    flush()
    text = "\n\n".join(out_paras)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REF_LINK.sub(r"\1", text)
    text = _MD_EMPH.sub(lambda m: m.group(2) or m.group(3) or "", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    if first_heading:
        first_heading = _MD_EMPH.sub(lambda m: m.group(2) or m.group(3) or "",
                                     _MD_LINK.sub(r"\1", first_heading)).strip() or None
    return text, first_heading


def read_markdown(text: str) -> tuple[str, dict]:
    """Front matter (YAML between --- lines) as metadata; body converted to plain text.
    Front matter that is not valid YAML mapping is dropped (not an error)."""
    meta: dict = {}
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            fm = yaml.safe_load(m.group(1))
        except yaml.YAMLError:
            fm = None
        except Exception:          # pathological YAML (recursion etc.): ignore the block
            fm = None
        if isinstance(fm, dict):
            meta = _meta_from_mapping({str(k).lower(): v for k, v in fm.items()})
        text = text[m.end():]
    body, heading = markdown_to_text(text)
    if heading and "title" not in meta:
        meta["title"] = _clean_str(heading)
    return body, meta

