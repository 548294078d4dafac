"""Markdown reader: YAML front matter as metadata, the body as plain text."""
from __future__ import annotations

import re

import yaml

from tasks.ingest.meta import _clean_str, _meta_from_mapping

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])+)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_MD_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_MD_REF_DEF = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*\S+.*$", re.M)
_MD_EMPH = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$")
_URL = re.compile(r"<?\bhttps?://[^\s<>]+>?")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,500}>")


_TERMINAL = re.compile(r"[.!?…:;,][\"'”’»)\]*_]*$")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?=\S).+(?<=\S)\1\s*$")
MAX_FRONT_MATTER = 64 * 1024


def _inline(line: str) -> tuple[str, int, int, bool]:
    """(plain text, number of links, characters of link text, had an image) of one Markdown line."""
    line = line.replace("****", "** **")                    # adjacent bold runs: words the crawler glued
    had_image = bool(_MD_IMAGE.search(line))
    line = _MD_IMAGE.sub(" ", line)
    n_links = 0
    link_chars = 0
    for m in _MD_LINK.finditer(line):
        n_links += 1
        link_chars += len(m.group(1))
    for m in _MD_REF_LINK.finditer(line):
        n_links += 1
        link_chars += len(m.group(1))
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_REF_LINK.sub(r"\1", line)
    line = re.sub(r"\[\]\([^)\n]*\)", " ", line)           # empty links: [](url)
    for m in _URL.finditer(line):                           # autolinks and bare URLs count as link text
        n_links += 1
        link_chars += len(m.group(0))
    for _ in range(2):                                      # nested emphasis: **_x_**
        line = _MD_EMPH.sub(lambda m: m.group(2) or m.group(3) or "", line)
    line = re.sub(r"(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)", r"\1", line)
    line = re.sub(r"\*{2,}", " ", line)                     # emphasis markers left unpaired
    line = _MD_CODE.sub(r"\1", line)
    line = _HTML_TAG.sub("", line)
    return " ".join(line.split()), n_links, link_chars, had_image


def _wrapped(lines: list[str]) -> bool:
    """A soft-wrapped paragraph: >= 3 lines of similar length (40-100 chars), a third continuing in lower case."""
    if len(lines) < 3:
        return False
    lens = [len(x) for x in lines[:-1]]
    if not (min(lens) >= 40 and max(lens) <= 100 and max(lens) - min(lens) <= 30):
        return False
    return sum(1 for x in lines[1:] if x.lstrip()[:1].islower()) * 3 >= len(lines) - 1


def markdown_paragraphs(md: str) -> list[dict]:
    """Paragraph records of a Markdown body. A line is a paragraph (crawlers write one paragraph per
    line), except that a soft-wrapped block, or a line continued in lower case after a line without
    final punctuation, is joined. Each record: ``text`` (Markdown removed), ``kind`` (``heading``,
    ``list``, ``quote``, ``table`` (a row of a pipe table), ``code`` or ``para``), ``n_links``, ``link_chars``, ``image``, ``bold``, ``raw_len``."""
    md = _MD_REF_DEF.sub(" ", md)       # keeps line numbers
    records: list[dict] = []
    in_code = False
    block: list[tuple[str, str, int]] = []     # (kind, raw line, line number) of the current blank-line block

    def emit(kind: str, raw: str, line_no: int) -> None:
        text, n_links, link_chars, image = _inline(raw)
        records.append({"text": text, "kind": kind, "n_links": n_links, "link_chars": link_chars,
                        "image": image, "bold": bool(_BOLD_LINE.match(raw)), "raw_len": len(raw),
                        "line": line_no})

    def flush() -> None:
        if not block:
            return
        raws = [r for _, r, _ in block]
        if all(k == "para" for k, _, _ in block) and _wrapped(raws):
            emit("para", " ".join(r.strip() for r in raws), block[0][2])
        else:
            cur_kind, cur, cur_no = block[0]
            for kind, raw, no in block[1:]:
                if kind == "para" and cur_kind in ("para", "list", "quote") and not _TERMINAL.search(cur.rstrip()) \
                        and raw.lstrip()[:1].islower() and len(cur) >= 30:
                    cur = cur.rstrip() + " " + raw.strip()
                    continue
                emit(cur_kind, cur, cur_no)
                cur_kind, cur, cur_no = kind, raw, no
            emit(cur_kind, cur, cur_no)
        block.clear()

    for line_no, line in enumerate(md.split("\n")):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            flush()
            in_code = not in_code
            continue
        if in_code:
            if stripped:
                emit("code", stripped, line_no)
            continue
        if not stripped or (_MD_RULE.match(line) and not block):
            flush()
            continue
        if _MD_SETEXT.match(line) and block and block[-1][0] == "para":
            kind, raw, no = block.pop()
            flush()
            emit("heading", raw, no)
            continue
        h = _MD_HEADING.match(line)
        if h:
            flush()
            if h.group(1):
                emit("heading", h.group(1), line_no)
            continue
        kind = "para"
        if _MD_QUOTE.match(line):
            line, kind = _MD_QUOTE.sub("", line), "quote"
        if _MD_LIST.match(line):
            line, kind = _MD_LIST.sub("", line), "list"
        elif line.count("|") >= 2 and not _MD_TABLE_RULE.match(line):
            kind = "table"
        elif _MD_TABLE_RULE.match(line):
            continue
        if line.endswith("  ") or line.endswith("\\"):
            line = line.rstrip(" \\")
        block.append((kind, line, line_no))
    flush()
    _single_pipe_tables(records)
    return [r for r in records if r["text"] or r["image"] or r["n_links"]]


def _single_pipe_tables(records: list[dict]) -> None:
    """Rows of a two-column pipe table have one ``|``: a run of three or more such lines is a table."""
    i = 0
    while i < len(records):
        j = i
        while j < len(records) and records[j]["kind"] == "para" and records[j]["text"].count("|") == 1:
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                records[k]["kind"] = "table"
        i = max(j, i + 1)


def markdown_to_text(md: str) -> tuple[str, str | None]:
    """Plain text from Markdown (see :func:`markdown_paragraphs`): paragraphs separated by a blank
    line. Returns (text, first heading or None)."""
    records = [r for r in markdown_paragraphs(md) if r["text"]]
    first_heading = next((r["text"] for r in records if r["kind"] == "heading"), None)
    return "\n\n".join(r["text"] for r in records), first_heading


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses anchors/aliases: front matter never needs them, and an alias bomb
    (9 levels x 9 aliases in 517 bytes) expands exponentially."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("YAML aliases are not allowed in front matter")
        return super().compose_node(parent, index)


def _front_matter(block: str) -> dict | None:
    if len(block) > MAX_FRONT_MATTER:
        return None
    try:
        fm = yaml.load(block, Loader=_NoAliasLoader)
    except yaml.YAMLError:
        return None
    except Exception:          # pathological YAML (recursion etc.): ignore the block
        return None
    return fm if isinstance(fm, dict) else None


def read_markdown_doc(text: str) -> tuple[str, dict, list[dict]]:
    """(plain body, metadata, paragraph records). Front matter (YAML between --- lines, no aliases,
    at most 64 KB) gives the metadata; front matter that is not a valid YAML mapping is ignored."""
    meta: dict = {}
    m = _FRONT_MATTER.match(text)
    if m:
        fm = _front_matter(m.group(1))
        if fm is not None:
            meta = _meta_from_mapping({str(k).lower(): v for k, v in fm.items()})
        text = text[m.end():]
    records = markdown_paragraphs(text)
    kept = [r for r in records if r["text"]]
    heading = next((r["text"] for r in kept if r["kind"] == "heading"), None)
    if heading and "title" not in meta:
        meta["title"] = _clean_str(heading)
    return "\n\n".join(r["text"] for r in kept), meta, records


def read_markdown(text: str) -> tuple[str, dict]:
    """Front matter as metadata; body converted to plain text (paragraphs separated by a blank line)."""
    body, meta, _ = read_markdown_doc(text)
    return body, meta
