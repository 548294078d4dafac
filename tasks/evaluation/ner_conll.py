"""Named entities against CoNLL-2003 English dev (gold_dir/conll2003/eng.testa, IOB1 tags).

Documents: the file is split on ``-DOCSTART-`` lines; inside a document each
sentence becomes one line (tokens joined by single spaces) and lines are joined
by ``"\\n"`` (a single newline is a paragraph break for the sentence splitter,
so a headline line is never glued to the next one). Gold spans are decoded from
IOB1 (``I-X`` after a token of another type, or ``B-X``, starts an entity) and
turned into character offsets in that text.

Prediction: ``entities.extract_mentions`` over all documents (``nlp.pipe`` in
batches), labels mapped PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; every
other label, and MISC in the gold, is ignored.

Match rule: exact span match — same start, same end and same type. Micro
P/R/F1 over all documents, overall and per type. The gold file is only read
here, never used to build rules.
"""
from __future__ import annotations

from pathlib import Path

from tasks.evaluation.metrics import match_exact, per_label_prf, prf, row

TARGET = 0.80
TYPES = ("PER", "ORG", "LOC")


def read_conll(path: Path, limit: int | None = None) -> list[dict]:
    """Documents as dicts: doc_id, text, entities [(start, end, type)] for PER/ORG/LOC (MISC dropped)."""
    docs: list[list[list[tuple[str, str]]]] = []
    sent: list[tuple[str, str]] = []

    def end_sentence():
        nonlocal sent
        if sent:
            if not docs:
                docs.append([])
            docs[-1].append(sent)
        sent = []

    for ln in Path(path).read_text(encoding="utf-8").splitlines():
        if ln.startswith("-DOCSTART-"):
            end_sentence()
            docs.append([])
            continue
        if not ln.strip():
            end_sentence()
            continue
        cols = ln.split()
        sent.append((cols[0], cols[-1]))
    end_sentence()
    out = []
    for i, sents in enumerate(d for d in docs if d):
        lines: list[str] = []
        ents: list[tuple[int, int, str]] = []
        pos = 0
        for s in sents:
            if lines:
                pos += 1  # "\n"
            toks = []
            cur = None  # (start, end, type)
            prev_type = "O"
            for j, (tok, tag) in enumerate(s):
                if j:
                    pos += 1
                start, end = pos, pos + len(tok)
                pos = end
                toks.append(tok)
                typ = tag[2:] if tag != "O" else "O"
                begins = tag.startswith("B-") or (tag.startswith("I-") and typ != prev_type)
                if cur and (tag == "O" or begins):
                    ents.append(cur)
                    cur = None
                if tag != "O":
                    if begins or cur is None:
                        cur = (start, end, typ)
                    else:
                        cur = (cur[0], end, typ)
                prev_type = typ
            if cur:
                ents.append(cur)
            lines.append(" ".join(toks))
        text = "\n".join(lines)
        out.append({"doc_id": f"conll-{i}", "text": text, "entities": [e for e in ents if e[2] in TYPES]})
        if limit and len(out) >= limit:
            break
    return out


def evaluate(gold_dir: Path, settings=None, limit: int | None = None) -> list[dict]:
    """Rows: ner_conll overall exact-match micro P/R/F1 and one row per type."""
    from tasks.entities import COARSE_LABELS, extract_mentions
    from tasks.nlp import load_nlp
    from tasks.sentences import split_sentences
    from tasks.settings import DEFAULT_MODEL

    docs = read_conll(Path(gold_dir) / "conll2003" / "eng.testa", limit)
    nlp = load_nlp(getattr(settings, "model", None) or DEFAULT_MODEL)
    gold, pred = [], []
    for k in range(0, len(docs), 200):
        chunk = docs[k:k + 200]
        articles = [{"article_id": d["doc_id"], "body": d["text"]} for d in chunk]
        sents = {a["article_id"]: split_sentences(a["body"]) for a in articles}
        mentions = extract_mentions(nlp, articles, sents)
        for d in chunk:
            gold += [(d["doc_id"], s, e, t) for s, e, t in d["entities"]]
            pred += [(d["doc_id"], m["start_char"], m["end_char"], COARSE_LABELS[m["label"]])
                     for m in mentions[d["doc_id"]] if m["label"] in COARSE_LABELS]
    # spans keyed by document: (doc:start, doc:end, type) keeps the (start, end, label) layout
    g = [((d, s), (d, e), t) for d, s, e, t in gold]
    p = [((d, s), (d, e), t) for d, s, e, t in pred]
    rows = [row("ner_conll", "exact_micro", prf(*match_exact(g, p)), target=TARGET)]
    per = per_label_prf(g, p)
    for t in TYPES:
        if t in per:
            rows.append(row("ner_conll", f"exact_{t}", per[t]))
    return rows


def main(argv: list[str] | None = None) -> None:
    from tasks.evaluation.run import format_table, gold_dir_from_argv

    gold = gold_dir_from_argv(argv, needs="conll2003/eng.testa")
    if gold is None:
        return
    print(format_table(evaluate(gold)))


if __name__ == "__main__":
    main()
