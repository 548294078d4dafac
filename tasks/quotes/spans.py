"""Quotation marks: pairs of double marks, multi-paragraph continuations, headline single quotes.

Written by hand: the pairing depends on news conventions (a paragraph that re-opens a quote
continues it; an opening glyph typed as a closing mark) that no quote-parsing library handles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHAIN_PARAGRAPHS = 6
MAX_QUOTE_CHARS = 4000

#: a run of three apostrophes (``,''' he said``) is a nested single mark closing before the doubled one
#: (a double mark right after feet and inches is the inch sign: "he’s like 6’2”," is no closing mark)
_MARK_RE = re.compile(r"``|''(?!')|(?<!\d[’']\d)(?<!\d[’']\d\d)[“”„‟\"«»]")
#: glyph families: a quotation opened with one family may hold a nested pair of another
_FAMILY = {"“": "curly", "”": "curly", "„": "curly", "‟": "curly", '"': "straight", "«": "guillemet",
           "»": "guillemet", "``": "apostrophes", "''": "apostrophes"}
_OPEN_GLYPHS = {"“", "„", "‟", "«", "``"}
_CLOSE_GLYPHS = {"”", "»"}
_LEFT_OPEN = set("([{—–/")
_RIGHT_CLOSE = set(",.;:!?)]}—–…[")
#: a markup tag with quoted attributes left in the text ("<tweet tweet-author="@X" tweet-date="March 9, 2016">"): its
#: quotation marks enclose attribute values, no one's words
_MARKUP_TAG = re.compile(r"<[A-Za-z][\w-]*(?:\s+[\w-]+=\"[^\"<>]*\")+\s*/?>")
_MISUSED_SINGLE_CLOSE = re.compile(r"[.!?,][’'](?=\s|$)")
_WORD_RE = re.compile(r"[\w’'.-]+")


def _mark_role(body: str, s: int, e: int) -> str:
    """'open', 'close' or 'either' for the quote mark body[s:e], from its context first, glyph second."""
    prev = body[s - 1] if s > 0 else "\n"
    nxt = body[e] if e < len(body) else "\n"
    left_open = prev.isspace() or prev in _LEFT_OPEN
    right_close = nxt.isspace() or nxt in _RIGHT_CLOSE
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    g = body[s:e]
    if g in _OPEN_GLYPHS:
        return "open"
    if g in _CLOSE_GLYPHS:
        return "close"
    return "either"


@dataclass
class _Raw:
    open_s: int
    open_e: int
    close_s: int | None      # None: no closing mark in this paragraph (ends at paragraph end)
    close_e: int
    start: int = 0           # content span
    end: int = 0
    para: int = 0
    chain: int = -1          # pieces of one multi-paragraph quotation share a chain id
    continued: bool = False  # the quotation continues in the next paragraph (not an unclosed mark)


def _paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: a paragraph for quote purposes."""
    out = []
    for m in re.finditer(r"[^\n]+", body):
        if m.group().strip():
            s, e = m.start(), m.end()
            while s < e and body[s].isspace():
                s += 1
            while e > s and body[e - 1].isspace():
                e -= 1
            out.append((s, e))
    return out


def find_quote_spans(body: str, paras: list[tuple[int, int]] | None = None) -> list[_Raw]:
    """Pairs of double quotation marks, with multi-paragraph continuation and unbalanced-mark recovery.

    A quotation running over several paragraphs is returned as one piece per paragraph
    (same ``chain``), each piece without its quote marks.
    """
    paras = _paragraphs(body) if paras is None else paras
    out: list[_Raw] = []
    state: list | None = None  # [open_s, open_e, paragraph index, chain id]
    chain_len = 0
    n_chain = 0

    def emit(st, close_s, close_e, para_end, continued=False):
        os_, oe, pi, cid = st
        if close_s is None and not continued:
            # an unclosed quote often ends with a single mark typed by mistake ("… violence.’ Schumer was")
            mm = _MISUSED_SINGLE_CLOSE.search(body, oe, para_end)
            if mm:
                close_s, close_e = mm.start() + 1, mm.end()
        out.append(_Raw(os_, oe, close_s, close_e if close_s is not None else para_end,
                        para=pi, chain=cid, continued=continued))

    tags = [(m.start(), m.end()) for m in _MARKUP_TAG.finditer(body)] if "=\"" in body else []
    for pi, (ps, pe) in enumerate(paras):
        marks = [(m.start(), m.end()) for m in _MARK_RE.finditer(body, ps, pe)
                 if not any(ts <= m.start() < te for ts, te in tags)]
        k0 = 0
        if state is not None:
            first = marks[0] if marks else None
            if first and first[0] == ps and _mark_role(body, *first) != "close" and chain_len < MAX_CHAIN_PARAGRAPHS:
                emit(state, None, None, paras[pi - 1][1], continued=True)
                state = [first[0], first[1], pi, state[3]]      # re-opening mark of a continued quotation
                k0 = 1
                chain_len += 1
            else:
                emit(state, None, None, paras[pi - 1][1])
                state = None
        nested: set[int] = set()
        for k in range(k0, len(marks)):
            ms, me = marks[k]
            if k in nested:
                continue
            role = _mark_role(body, ms, me)
            if state is not None and role == "open":
                kc = _nested_close(body, marks, k, _FAMILY.get(body[state[0]:state[1]]))
                if kc is not None:      # "The DOJ isn’t about “Equal Justice Under Law” anymore.": a nested pair
                    nested.add(kc)
                    continue
            if state is None:
                if role != "close" or ms == ps:      # "” … what I learned": a paragraph opens with a mistyped closing glyph
                    n_chain += 1
                    state, chain_len = [ms, me, pi, n_chain], 0
            elif role != "open":
                emit(state, ms, me, pe)
                state = None
            elif not body[ms - 1].isspace() and body[ms - 1] in ".!?,;—–…":
                emit(state, ms, me, pe)      # an opening glyph used as a closing mark ("… the headline.“")
                state = None
            else:
                # two openings in a row: the first one was never closed -> keep it only if it
                # visibly ends with a mistyped single mark, else drop it
                mm = _MISUSED_SINGLE_CLOSE.search(body, state[1], ms)
                if mm:
                    emit(state, mm.start() + 1, mm.end(), pe)
                n_chain += 1
                state, chain_len = [ms, me, pi, n_chain], 0
    if state is not None:
        emit(state, None, None, paras[state[2]][1])
    out.extend(_single_quote_spans(body, paras, out, n_chain))
    out.sort(key=lambda r: r.open_s)
    for r in out:
        s, e = r.open_e, (r.close_s if r.close_s is not None else r.close_e)
        while s < e and body[s].isspace():
            s += 1
        while e > s and (body[e - 1].isspace() or body[e - 1] == ","):
            e -= 1
        r.start, r.end = s, e
    return [r for r in out if r.end > r.start and any(c.isalnum() for c in body[r.start:r.end])
            and r.end - r.start <= MAX_QUOTE_CHARS]


def _nested_close(body: str, marks: list[tuple[int, int]], k: int, outer: str | None) -> int | None:
    """Index of the mark closing a nested pair opened at ``marks[k]`` inside a quotation of glyph family
    ``outer``: the next closing mark of the inner family, met before any mark of the outer family."""
    inner = _FAMILY.get(body[marks[k][0]:marks[k][1]])
    if inner is None or outer is None:
        return None
    if inner == outer:
        return _same_glyph_nested(body, marks, k)
    for j in range(k + 1, len(marks)):
        fam = _FAMILY.get(body[marks[j][0]:marks[j][1]])
        if fam == outer:
            return None
        if fam == inner:
            return j if _mark_role(body, *marks[j]) != "open" else None
    return None


def _same_glyph_nested(body: str, marks: list[tuple[int, int]], k: int) -> int | None:
    """"“… what he calls “hell” than live …”": an opening glyph (“, „, «) inside a quotation of its own family
    opens a nested pair when two closing marks follow before any other opening one; the index of the first."""
    if body[marks[k][0]:marks[k][1]] not in _OPEN_GLYPHS:
        return None
    closes: list[int] = []
    for j in range(k + 1, len(marks)):
        if body[marks[j][0]:marks[j][1]] in _OPEN_GLYPHS or _mark_role(body, *marks[j]) == "open":
            return None
        closes.append(j)
        if len(closes) == 2:
            return closes[0]
    return None


_SINGLE_OPEN = re.compile(r"(?:(?<=[\s:(—–])|^)(‘|(?<=\s)'|^')(?=[A-Za-z])", re.M)
_SINGLE_CLOSE = re.compile(r"(?<=[^\s])[’'](?=[\s,.;:!?)—–]|$)", re.M)
#: the farthest a closing single mark is looked for: a curly ‘ opens nothing else, a straight ' is mostly an apostrophe
SINGLE_REACH = {"‘": 1500, "'": 300}


def _single_quote_spans(body: str, paras, doubles: list[_Raw], n_chain: int) -> list[_Raw]:
    """Top-level single-quoted text outside double quotes: headline style (``Kasich: ‘We Are Going …’``,
    ``Farage claims Reform 'now the real opposition'``) and British style (‘…,’ she said), whose quotation
    continues in the next paragraph when that one re-opens with ‘ (as double marks do).

    An opening ‘ (or a straight ' after a space or at a paragraph start) must be followed by a letter, so
    apostrophes inside words (isn’t) or before digits (the ’90s) never open a quote; the closing ’ must be
    followed by a space, punctuation or the line end; a straight pair inside a line must hold three characters or
    more (rock 'n' roll is no quotation; "described the win as 'massive'" is one).
    """
    out = []
    inside = [(r.open_s, r.close_e) for r in doubles]
    for pi, (ps, pe) in enumerate(paras):
        pos = ps
        while True:
            mo = _SINGLE_OPEN.search(body, pos, pe)
            if not mo:
                break
            if any(a <= mo.start() < b for a, b in inside):
                pos = mo.end()
                continue
            glyph = body[mo.start()]
            mc = _SINGLE_CLOSE.search(body, mo.end(), min(pe, mo.end() + SINGLE_REACH[glyph]))
            mc = _past_plural_possessives(body, mo.start() == ps, mc, min(pe, mo.end() + SINGLE_REACH[glyph]))
            if mc and any(a <= mc.start() < b for a, b in inside):
                mc = None
            if mc and glyph == "'" and mo.start() > ps and len(body[mo.end():mc.start()].strip()) < 3:
                pos = mc.end()      # rock 'n' roll: no quotation, nor one left open to the next paragraph (a word
                continue            # in a name, Marguerite 'Peg' Fontenot-Adeyemi, is dropped with the names: extract.py)
            if not mc:
                if _reopens(body, paras, pi, glyph):
                    n_chain += 1      # ‘No. Absolutely not. … ¶ ‘But the answer …’: one quotation over two paragraphs
                    out.append(_Raw(mo.start(), mo.end(), None, pe, para=pi, chain=n_chain, continued=True))
                    break
                pos = mo.end()
                continue
            n_chain += 1
            out.append(_Raw(mo.start(), mo.end(), mc.start(), mc.end(), para=0, chain=n_chain))
            pos = mc.end()
    return _chain_continued(out)


#: an apostrophe that ends a plural possessive ("the officers’ recommendation", "three weeks' notice"): after an "s",
#: before a lower-case word
_PLURAL_POSSESSIVE = re.compile(r"(?<=[a-z]s)[’'](?= [a-z])")
#: a closing single mark after the punctuation that ends a quoted sentence ("…,’ she said")
_SENTENCE_CLOSE = re.compile(r"(?<=[,.!?…])[’'](?=[\s—–]|$)", re.M)


def _past_plural_possessives(body: str, opens_paragraph: bool, mc: re.Match | None, limit: int) -> re.Match | None:
    """The closing mark of a quotation that opens its paragraph, past the plural possessives inside it ("‘It is the
    convention that the chair votes for the officers’ recommendation,’ she said"): such an apostrophe closes nothing
    when a mark after a sentence's punctuation follows in the paragraph."""
    if mc is None or not opens_paragraph or not _PLURAL_POSSESSIVE.match(body, mc.start()):
        return mc
    later = _SENTENCE_CLOSE.search(body, mc.end(), limit)
    return later if later is not None else mc


def _reopens(body: str, paras, pi: int, glyph: str) -> bool:
    """The paragraph after ``pi`` opens with the same single mark and a letter (a continued British-style quotation:
    ‘…’ or, on sites that type straight marks, '…')."""
    return pi + 1 < len(paras) and bool(re.match(re.escape(glyph) + r"[^\W\d_]", body[paras[pi + 1][0]:paras[pi + 1][0] + 2]))


def _chain_continued(spans: list[_Raw]) -> list[_Raw]:
    """The piece after a continued one (the next paragraph's opening ‘) shares its chain."""
    by_open = {r.open_s: r for r in spans}
    for r in spans:
        if r.continued:
            nxt = min((o for o in by_open if o > r.close_e), default=None)
            if nxt is not None:
                by_open[nxt].chain = r.chain
    return spans
