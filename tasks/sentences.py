"""Sentence splitting of a cleaned article body, with exact character offsets.

``split_sentences(body)`` works in two steps:

1. **Paragraphs.** Every line break ends a paragraph (``"\\n\\n"`` between body
   paragraphs, and also a single ``"\\n"``), so a headline, crosshead or photo
   caption on its own line is never glued to the next sentence. Blank lines are
   skipped; ``paragraph_no`` counts non-blank lines from 0.
2. **Sentences within a paragraph** with pySBD (rule-based, English), followed
   by our own repairs read from ``tasks/rules/sentence_abbreviations.txt``:

   - a boundary right after a title-like abbreviation (``Gen.``, ``Sen.``,
     ``Mr.``, ``Dr.`` ...) is removed when a word follows;
   - a boundary right after a month or numbering abbreviation (``Jan.``,
     ``No.``) is removed when a number follows;
   - a boundary right after a single-letter initial (``George W.``) is removed
     when a capitalised word follows;
   - a segment that starts with a lowercase letter or with closing punctuation
     is attached to the previous one (segmenter over-splits such as
     ``"...!" he said``), except a lettered list item after another
     (``a. The first item`` / ``b. The second item``);
   - a list item marker is never a sentence of its own (``1.) The first
     item``, ``• 9. The first item``), nor is a 2-4 word phrase opened by a
     preposition of ``[phrase_openers]`` and closed by an abbreviation
     (``At 5 a.m.`` + ``Mr. Smith went to the bank.``); a spaced ellipsis
     (``. . .``) inside a sentence and a parenthetical citation after it
     (``"…" (Smith 55).``) are no sentence ends.

   These keep pySBD's own golden-rule behaviour (48 of its 48 English rules,
   tests/unit/test_sentences.py) although we call its Processor directly.

   Quotations: a sentence end *inside* a quotation is a boundary, as in the GUM
   gold (``"We value it. It is preferable," Peskov said.`` gives two
   sentences); a quotation followed by its attribution (``"...," he said.``) stays
   one sentence.

Output rows: ``sentence_no`` (0-based, running over the article),
``paragraph_no``, ``start_char``, ``end_char`` (Python indices into ``body``,
end exclusive, ``body[start_char:end_char] == text``; text has no surrounding
whitespace) and ``text``. The function never raises: if pySBD fails or its
output cannot be aligned to the paragraph, a simple regex splitter is used for
that paragraph.
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks import rulefiles
from tasks.sentences_pysbd import FastProcessor
from tasks.settings import RULES_DIR

# the re module's compiled-pattern cache (512) is shared by every module-level re call of the process; pySBD's
# abbreviation patterns (tasks/sentences_pysbd.py compiles them through it, up to ~900 distinct) must not evict the
# others' patterns over and over
re._MAXCACHE = max(getattr(re, "_MAXCACHE", 512), 4096)  # type: ignore[attr-defined]  # private, not in typeshed

RULES_FILE = RULES_DIR / "sentence_abbreviations.txt"
STARTERS_FILE = RULES_DIR / "sentence_starters.txt"

# paragraphs longer than this are split with the regex splitter (pySBD is slow on huge inputs)
_MAX_PYSBD_CHARS = 20_000

_LINE_RE = re.compile(r"[^\n]+")
# a possible sentence end followed by more text, or a list item marker after text ("… 2) The
# second item", "• 10. The second item"): if absent, the paragraph is one sentence
_MAYBE_BOUNDARY = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+\S|\S\s+(?:[\u2022\u2043]\s*)?\d{1,2}\.?\)\s")
# regex splitter (fallback): end punctuation, optional closers, whitespace, then a likely sentence start
_FALLBACK_BOUNDARY = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_LAST_TOKEN = re.compile(r"(\S+)\s*$")
_INITIAL_END = re.compile(r"(?:^|[\s(])[A-Z]\.$")
#: a quoted nickname of initials after a capitalised name word ("Kwabena “K.O.”", "Ernest 'E.J.'")
_INITIALS_NICKNAME_END = re.compile(r"(?:^|\s)[A-Z][\w’'-]*[a-z]\s[“\"‘'](?:[A-Z]\.){1,3}[”\"’']$")
_OPEN_QUOTES = "\u201c\u2018\"'"
# a sentence end inside a segment: end punctuation, closers, whitespace, then a capital/digit start
_INNER_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(\s+)(?=[\"\u201c\u2018(\[]?[A-Z0-9])")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_NEXT_WORD = re.compile(r"[\"\u201c\u2018(\[]?([A-Za-z]+)")
# a list item marker opening a segment: "1.", "1.)", "2)", "a.", "• 9.", "⁃10."
_LIST_MARKER = re.compile(r"\s*(?:[\u2022\u2043*-]\s*)?(?:\d{1,3}|[A-Za-z])\.?\)?$")
_WORDS = re.compile(r"\S+")
_CITATION = re.compile(r"\([^()]{1,40}\)[.!?]?[\"'\u201d\u2019]?$")
_LETTER_ITEM = re.compile(r"[a-z][.)]\)?\s+[A-Z]")


@lru_cache(maxsize=1)
def _abbreviation_sections() -> dict[str, frozenset[str]]:
    """{section: abbreviations} from the rules file (sections prefix, number, ambiguous; lines before the first
    section header are prefixes)."""
    sections: dict[str, set[str]] = {"prefix": set(), "number": set(), "ambiguous": set()}
    for name, lines in rulefiles.sections(RULES_FILE).items():
        sections.setdefault(name or "prefix", set()).update(lines)
    return {k: frozenset(v) for k, v in sections.items()}


def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """(prefix abbreviations, before-number abbreviations)."""
    sec = _abbreviation_sections()
    return sec["prefix"], sec["number"]


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    return frozenset(rulefiles.lines(STARTERS_FILE))


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _regex_spans(para: str) -> list[tuple[int, int]]:
    """Fallback splitter: boundaries at end punctuation + whitespace + capital/digit/quote."""
    spans, start = [], 0
    for m in _FALLBACK_BOUNDARY.finditer(para):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(para)))
    return spans


def _pysbd_spans(para: str) -> list[tuple[int, int]] | None:
    """pySBD segments aligned to ``para`` by forward search; None when alignment fails."""
    try:
        # the Processor directly: Segmenter.segment() would also align every sentence to the text by
        # compiling it as a regex (re.escape(sentence)) - a regex compile per sentence, ~half of pySBD's
        # time on news text; the forward search below does that alignment for a fraction of the cost.
        # FastProcessor is pySBD's English Processor with compiled patterns and literal prefilters, same
        # segments at ~1/4 of the CPU (tasks/sentences_pysbd.py)
        segments = FastProcessor(para).process() if para else []
    except Exception:  # noqa: BLE001 - pySBD can fail on odd input; the caller falls back
        return None
    spans, cursor = [], 0
    for seg in segments:
        s = seg.strip()
        if not s:
            continue
        idx = para.find(s, cursor)
        if idx < 0 or para[cursor:idx].strip():
            return None
        spans.append((idx, idx + len(s)))
        cursor = idx + len(s)
    if para[cursor:].strip():
        return None
    return spans


def _should_join(prev: str, nxt: str) -> bool:
    """True when the boundary between segment texts ``prev`` and ``nxt`` is a false sentence end."""
    prefix, number = _abbreviations()
    m = _LAST_TOKEN.search(prev)
    last = m.group(1) if m else ""
    last = last.lstrip("(\"'\u201c\u2018[")
    first = nxt[:1]
    if not first:
        return False
    if last in prefix and (first.isalnum() or first in _OPEN_QUOTES):
        return True
    if last in number and first.isdigit():
        return True
    nxt_tok = nxt.split(None, 1)[0].rstrip(",;:") if nxt.split() else ""
    if last in _abbreviation_sections()["ambiguous"] and nxt_tok in _abbreviation_sections()["ambiguous"] \
            and last[:1].isupper():
        return True             # "Ronghua Holdings Group Co." + "Ltd., a developer, …": one name's two suffixes
    if _INITIAL_END.search(prev) and first.isupper():
        # "George W. Bush", but not a sentence that ends with a lone capital like "... Plan B."
        before = prev[: -2].rstrip()
        prev_tok = before.rsplit(None, 1)[-1] if before else ""
        if prev_tok[:1].isupper() and not prev_tok.endswith((".", "!", "?")) or prev_tok.endswith(".") and len(prev_tok) == 2:
            return True
    if _INITIALS_NICKNAME_END.search(prev) and first.isupper():
        return True             # "Kwabena “K.O.”" + "Oyelaran-Tveit, a welder, said": a nickname of initials
    if _LETTER_ITEM.match(nxt) and _LETTER_ITEM.match(prev):
        return False            # "a. The first item" + "b. The second item"
    if first.islower() or first in ",;:)]\u201d\u2019":
        return True
    if first in "\u2014\u2013" or nxt.startswith(("- ", "--")):
        return True             # "PITTSFIELD, Mass." + "— Taconic Polymer Corp. will close …": no sentence opens with a dash
    if _LIST_MARKER.match(prev) or _is_phrase_only(prev):
        return True             # "1." + "The first item", "At 5 a.m." + "Mr. Smith went to the bank."
    return False


def _is_phrase_only(piece: str) -> bool:
    """A would-be sentence that is only a short phrase opened by a preposition and closed by an
    abbreviation ("At 5 a.m." before "Mr. Smith went to the bank."): not a sentence of its own."""
    words = _WORDS.findall(piece)
    if not 2 <= len(words) <= 4 or words[0].lower() not in _abbreviation_sections().get("phrase_openers", ()):
        return False
    last = words[-1]
    sec = _abbreviation_sections()
    return last in sec["ambiguous"] or last in sec["prefix"] or bool(_DOTTED_ACRONYM.match(last))


def _inner_boundary_ok(seg: str, punct_start: int, next_start: int, piece_start: int = 0) -> bool:
    """Is the candidate boundary inside ``seg`` (punctuation at ``punct_start``, next sentence at
    ``next_start``; the would-be sentence starts at ``piece_start``) a real sentence end? Rejects list
    item markers, spaced ellipses and "[...]", a lone prepositional phrase ("At 5 a.m."),
    title/number abbreviations, initials, and ambiguous abbreviations or dotted acronyms not
    followed by a typical sentence starter."""
    sec = _abbreviation_sections()
    m = _LAST_TOKEN.search(seg, 0, punct_start + 1)
    tok = (m.group(1) if m else "").lstrip("(\"'\u201c\u2018[")
    nxt = seg[next_start:]
    if _LIST_MARKER.match(seg, piece_start, punct_start + 1):
        return False            # "1. The first item", "1.) The first item": a list marker, not an end
    if seg[punct_start - 4:punct_start + 2] == ". . . ":
        return False            # a spaced ellipsis ". . ." inside a sentence
    if _CITATION.match(nxt):
        return False            # a parenthetical citation closing the sentence: "…" (Smith 55).
    if seg[punct_start] == ".":
        if _is_phrase_only(seg[piece_start:punct_start + 1]):
            return False
        if tok in sec["prefix"] or (tok in sec["number"] and nxt[:1].isdigit()):
            return False
        if len(tok) == 2 and tok[0].isupper():  # an initial: "George W. Bush"
            return False
        if tok in sec["ambiguous"] or _DOTTED_ACRONYM.match(tok):
            w = _NEXT_WORD.match(nxt)
            return w is not None and w.group(1) in _starters()
    return True


def _subsplit(para: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split segments at sentence ends the segmenter left inside them (mostly inside quotations)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        seg = para[s:e]
        cur = 0
        for m in _INNER_BOUNDARY.finditer(seg):
            if m.end() >= len(seg):
                break
            if _inner_boundary_ok(seg, m.start(), m.end(), cur):
                out.append((s + cur, s + m.start(1)))
                cur = m.end()
        out.append((s + cur, e))
    return out


def _repair(para: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and _should_join(para[out[-1][0]:out[-1][1]], para[s:e]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _paragraph_spans(para: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within one paragraph, stripped, non-empty."""
    spans: list[tuple[int, int]] | None
    if not _MAYBE_BOUNDARY.search(para):
        spans = [(0, len(para))]
    else:
        spans = None
        if len(para) <= _MAX_PYSBD_CHARS:
            spans = _pysbd_spans(para)
        if spans is None:
            spans = _regex_spans(para)
        spans = _repair(para, _subsplit(para, spans))
    out = []
    for s, e in spans:
        s, e = _strip_span(para, s, e)
        if s < e:
            out.append((s, e))
    return out


def split_sentences(body: str) -> list[dict]:
    """Sentences of ``body`` as dicts (sentence_no, paragraph_no, start_char, end_char, text).

    See the module docstring for what counts as a paragraph and a sentence.
    ``body[start_char:end_char] == text`` always holds; never raises.
    """
    if not body:
        return []
    rows: list[dict] = []
    paragraph_no = 0
    for m in _LINE_RE.finditer(body):
        line = m.group(0)
        if not line.strip():
            continue
        try:
            spans = _paragraph_spans(line)
        except Exception:  # noqa: BLE001 - never fail a whole article on one paragraph
            spans = [_strip_span(line, 0, len(line))]
        base = m.start()
        for s, e in spans:
            start, end = base + s, base + e
            rows.append({
                "sentence_no": len(rows),
                "paragraph_no": paragraph_no,
                "start_char": start,
                "end_char": end,
                "text": body[start:end],
            })
        paragraph_no += 1
    return rows
