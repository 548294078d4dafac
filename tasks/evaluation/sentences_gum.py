"""Sentence boundaries and named entities against GUM news (gold_dir/gum_news/*.conllu).

Document text: each document is rebuilt from its ``# text =`` lines; a
``# newpar`` comment starts a new paragraph; sentences of one paragraph are
joined with a single space and paragraphs with ``"\\n\\n"`` (the same layout as
a cleaned article body).

Sentence metric (``sentence_end``): a predicted sentence matches a gold
sentence when its ``end_char`` equals the gold sentence's end offset (end of
its ``# text`` in the rebuilt document). Micro P/R/F1 over all documents. A
second row, ``sentence_end_internal``, scores only ends that are *not* the end
of a paragraph (those are given away by the paragraph break and inflate the
first number).

Entity metric: gold mentions are GUM ``Entity=`` annotations (MISC column) of
type person -> PER, organization -> ORG, place -> LOC that are *named*: after
dropping a leading determiner, the first and last tokens are proper nouns
(UPOS PROPN) and every token in between is a proper noun or a function word
(ADP, DET, CCONJ, PUNCT, PART, NUM); the gold span starts after the dropped
determiner. Pronouns and
common-noun mentions ("the team") are not NER targets and are left out.
Predictions are ``entities.extract_mentions`` labels mapped the same way
(PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; others ignored). ``ner_exact``:
same start, end and type. ``ner_overlap``: one-to-one, sharing at least one
character, same type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tasks.evaluation.metrics import add_counts, match_exact, match_overlap, prf, row

SENTENCE_TARGET = 0.97
GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
# UPOS allowed inside a named mention ("Bank of America", "Daughters of the American Revolution")
_NAME_INTERNAL = {"PROPN", "ADP", "DET", "CCONJ", "PUNCT", "PART", "NUM"}
_ENTITY_RE = re.compile(r"\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)")


@dataclass
class GumDoc:
    doc_id: str
    text: str
    sentence_ends: list[int] = field(default_factory=list)
    paragraph_ends: set[int] = field(default_factory=set)
    entities: list[tuple[int, int, str]] = field(default_factory=list)


def _align_tokens(text: str, forms: list[str]) -> list[tuple[int, int]]:
    """Character spans of ``forms`` in ``text`` by forward search (whitespace between tokens optional)."""
    spans, cursor = [], 0
    for f in forms:
        idx = text.find(f, cursor)
        if idx < 0:
            idx = cursor
        spans.append((idx, idx + len(f)))
        cursor = idx + len(f)
    return spans


def _sentence_entities(lines: list[str], text: str, base: int) -> list[tuple[int, int, str]]:
    """Named person/organization/place mentions of one sentence as (start, end, PER|ORG|LOC), doc offsets."""
    # surface tokens (multiword ranges replace their parts for alignment)
    words: list[tuple[str, str, str]] = []  # (form, upos, misc) per syntactic word
    surface: list[str] = []
    word_surface: list[int] = []  # index of the surface token each word belongs to
    mwt_end = 0
    for ln in lines:
        cols = ln.split("\t")
        if len(cols) < 10 or "." in cols[0]:
            continue
        if "-" in cols[0]:
            a, b = cols[0].split("-")
            mwt_end = int(b)
            surface.append(cols[1])
            continue
        wid = int(cols[0])
        if wid > mwt_end:
            surface.append(cols[1])
        words.append((cols[1], cols[3], cols[9]))
        word_surface.append(len(surface) - 1)
    spans = _align_tokens(text, surface)
    out: list[tuple[int, int, str]] = []
    open_: dict[str, list[tuple[int, str]]] = {}
    for i, (_, _, misc) in enumerate(words):
        ent = next((kv[7:] for kv in misc.split("|") if kv.startswith("Entity=")), None)
        if not ent:
            continue
        for m in _ENTITY_RE.finditer(ent):
            if m.group(1):
                eid, etype = m.group(1), m.group(2)
                if m.group(3):
                    out.append((i, i, etype))
                else:
                    open_.setdefault(eid, []).append((i, etype))
            else:
                eid = m.group(4)
                if open_.get(eid):
                    j, etype = open_[eid].pop()
                    out.append((j, i, etype))
    result = []
    for j, i, etype in out:
        if etype not in GUM_TYPES:
            continue
        first = j
        while first <= i and words[first][1] == "DET":
            first += 1
        if first > i or words[first][1] != "PROPN" or words[i][1] != "PROPN":
            continue
        if any(words[k][1] not in _NAME_INTERNAL for k in range(first, i + 1)):
            continue  # "Muslims traveling to the U.S." is a description, not a name
        s = spans[word_surface[first]][0]
        e = spans[word_surface[i]][1]
        result.append((base + s, base + e, GUM_TYPES[etype]))
    return result


def read_gum(path: Path) -> GumDoc:
    """Parse one GUM .conllu file into a rebuilt document with gold sentence ends and named entities."""
    paragraphs: list[list[tuple[str, list[str]]]] = []
    text: str | None = None
    tokens: list[str] = []
    newpar = False

    def flush():
        nonlocal text, tokens, newpar
        if text is not None:
            if newpar or not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append((text, tokens))
        text, tokens, newpar = None, [], False

    for ln in path.read_text(encoding="utf-8").splitlines():
        if not ln.strip():
            flush()
        elif ln.startswith("# newpar") and not ln.startswith("# newpar_"):
            newpar = True
        elif ln.startswith("# text = "):
            text = ln[len("# text = "):]
        elif not ln.startswith("#"):
            tokens.append(ln)
    flush()
    doc = GumDoc(doc_id=path.stem, text="")
    parts, pos = [], 0
    for pi, para in enumerate(paragraphs):
        if pi:
            parts.append("\n\n")
            pos += 2
        for si, (sent, toks) in enumerate(para):
            if si:
                parts.append(" ")
                pos += 1
            doc.entities.extend(_sentence_entities(toks, sent, pos))
            parts.append(sent)
            pos += len(sent)
            doc.sentence_ends.append(pos)
        doc.paragraph_ends.add(pos)
    doc.text = "".join(parts)
    return doc


def read_gum_dir(gold_dir: Path, limit: int | None = None) -> list[GumDoc]:
    files = sorted((Path(gold_dir) / "gum_news").glob("*.conllu"))
    return [read_gum(p) for p in files[:limit]]


def evaluate(gold_dir: Path, settings=None, limit: int | None = None, entities: bool = True) -> list[dict]:
    """Rows for sentence boundaries (all ends, paragraph-internal ends) and GUM named entities."""
    from tasks.sentences import split_sentences

    docs = read_gum_dir(gold_dir, limit)
    all_c, int_c = (0, 0, 0), (0, 0, 0)
    sents_by_doc = {}
    for d in docs:
        sents = split_sentences(d.text)
        sents_by_doc[d.doc_id] = sents
        pred = [s["end_char"] for s in sents]
        all_c = add_counts(all_c, match_exact([(e, e) for e in d.sentence_ends], [(e, e) for e in pred]))
        int_c = add_counts(int_c, match_exact(
            [(e, e) for e in d.sentence_ends if e not in d.paragraph_ends],
            [(e, e) for e in pred if e not in d.paragraph_ends],
        ))
    rows = [
        row("sentences_gum", "sentence_end", prf(*all_c), target=SENTENCE_TARGET),
        row("sentences_gum", "sentence_end_internal", prf(*int_c)),
    ]
    if not entities:
        return rows
    from tasks.entities import COARSE_LABELS, extract_mentions
    from tasks.nlp import load_nlp
    from tasks.settings import DEFAULT_MODEL

    nlp = load_nlp(getattr(settings, "model", None) or DEFAULT_MODEL)
    articles = [{"article_id": d.doc_id, "body": d.text} for d in docs]
    mentions = extract_mentions(nlp, articles, sents_by_doc)
    ex, ov = (0, 0, 0), (0, 0, 0)
    for d in docs:
        pred = [(m["start_char"], m["end_char"], COARSE_LABELS[m["label"]])
                for m in mentions.get(d.doc_id, []) if m["label"] in COARSE_LABELS]
        ex = add_counts(ex, match_exact(d.entities, pred))
        ov = add_counts(ov, match_overlap(d.entities, pred))
    rows.append(row("ner_gum", "ner_exact", prf(*ex)))
    rows.append(row("ner_gum", "ner_overlap", prf(*ov)))
    return rows


def main(argv: list[str] | None = None) -> None:
    from tasks.evaluation.run import format_table, gold_dir_from_argv

    gold = gold_dir_from_argv(argv, needs="gum_news")
    if gold is None:
        return
    print(format_table(evaluate(gold)))


if __name__ == "__main__":
    main()
