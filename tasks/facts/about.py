"""What a quantity is about: the noun it modifies, the object of ``of``, the event before a linking verb."""
from __future__ import annotations

from tasks.facts.rules import Rules
from tasks.facts.tokens import _IRREGULAR_PLURALS, Tok, _is_hyphen_link, _strip_possessive


def _canon(word: str, r: Rules) -> str:
    return r.synonyms.get(word, word)


def _np_after(toks: list[Tok], k: int, r: Rules, max_words: int = 4) -> list[tuple[str, int, int, bool]]:
    """Words of the noun phrase starting at token k: (lower word, first tok, last tok + 1, capitalised)."""
    out: list[tuple[str, int, int, bool]] = []
    n = len(toks)
    while k < n and len(out) < max_words:
        t = toks[k]
        if t.kind != "word":
            break
        w, e = t.low, k + 1
        while e + 1 < n and _is_hyphen_link(toks, e) and toks[e + 1].kind == "word":
            w += "-" + toks[e + 1].low
            e += 2
        if w in r.stop_words or w in r.months or (r.numbers.get(w) and w not in ("half",)):
            break
        if w.endswith("ing") and w not in r.synonyms and w not in r.event_nouns:
            break
        if len(w) > 3 and w.endswith("ed") and w not in r.synonyms and w not in r.event_nouns and out:
            break
        out.append((w, k, e, t.cap))
        k = e
    return out


def _head(np: list[tuple[str, int, int, bool]], r: Rules, mode: str) -> tuple[str, int] | None:
    """About-noun of a noun phrase: a listed (bi)gram first, else by mode:
    'final' = last lower-case word (compounds), 'plural' = first plural-looking word (counts)."""
    words = [x for x in np if not x[3]]
    for a, b in zip(np, np[1:]):
        key = f"{_strip_possessive(a[0])} {_strip_possessive(b[0])}"
        if key in r.synonyms:
            return r.synonyms[key], b[1]
    for w, k, _, _cap in np:
        w2 = _strip_possessive(w.lower())
        if w2 in r.synonyms or w2 in r.event_nouns:
            return _canon(w2, r), k
    if not words:
        return None
    if mode == "plural":
        for w, k, _, _cap in words:
            if w in _IRREGULAR_PLURALS or (w.endswith("s") and not w.endswith("ss") and len(w) > 2):
                return _canon(w, r), k
        return None
    w, k = words[-1][0], words[-1][1]
    return _canon(_strip_possessive(w), r), k


def _of_object(toks: list[Tok], k: int, r: Rules, places: list[tuple[int, int]] | None) -> tuple[str, int, int] | None:
    """About of a share: the object after "of"/"the" at token k. Returns (about, about tok, end tok)."""
    n = len(toks)
    if k < n and toks[k].low == "of":
        k += 1
    while k < n and toks[k].low in ("the", "its", "their", "his", "her", "our", "this", "that", "a", "an"):
        k += 1
    if k >= n or toks[k].kind != "word":
        return None
    # possessor(s): "Ukraine's land"
    start_obj = k
    while k < n and toks[k].kind == "word" and (toks[k].low.endswith("'s") or toks[k].low.endswith("s'")):
        k += 1
    np = _np_after(toks, k, r, 3)
    h = _head([x for x in np if not x[3]], r, "final") if np else None
    if h is not None and k > start_obj or (h is not None and not any(x[3] for x in np)):
        end = max(x[2] for x in np)
        return h[0], h[1], end
    # proper name object ("a fifth of Ukraine", "of eastern Ukraine")
    j = start_obj
    names = []
    while j < n and toks[j].kind == "word" and (toks[j].cap or _strip_possessive(toks[j].low) in ("eastern", "western", "southern", "northern")):
        names.append(j)
        j += 1
    if not names:
        return None
    s, e = toks[names[0]].start, toks[names[-1]].end
    if places is not None:
        if any(ps < e and pe > s for ps, pe in places):
            return r.place_about, names[-1], j
        return " ".join(_strip_possessive(toks[x].low) for x in names), names[-1], j
    last = _strip_possessive(toks[names[-1]].low)
    if last.endswith("s") and not last.endswith("ss"):
        return last, names[-1], j
    return r.place_about, names[-1], j


def _event_back(toks: list[Tok], k: int, r: Rules, limit: int = 12) -> tuple[str, int] | None:
    """Nearest event noun (after synonym mapping) in the `limit` tokens before token k."""
    lo = max(0, k - limit)
    for j in range(k - 1, lo - 1, -1):
        t = toks[j]
        if t.kind == "sym" and t.text in ";:":
            return None
        if t.kind != "word":
            continue
        w = _strip_possessive(t.low)
        if j > 0 and toks[j - 1].kind == "word":
            big = f"{_strip_possessive(toks[j - 1].low)} {w}"
            if big in r.synonyms:
                return r.synonyms[big], j
        c = _canon(w, r)
        if c in r.event_nouns and (w in r.synonyms or w in r.event_nouns):
            return c, j
    return None


def _qualifier_before(toks: list[Tok], i: int, r: Rules) -> tuple[str, int]:
    """(qualifier code, first token of the qualifier) for the words right before token i."""
    for size in (3, 2, 1):
        if i - size < 0:
            continue
        words = tuple(toks[x].low for x in range(i - size, i))
        if all(toks[x].kind == "word" for x in range(i - size, i)) and words in r.qualifiers:
            return r.qualifiers[words], i - size
    return "exact", i
