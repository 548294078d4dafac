"""Numbers written in digits or words (``1,000``, ``twenty-five``, ``a dozen``, ``two-thirds``) at a token."""
from __future__ import annotations

from tasks.facts.rules import Rules
from tasks.facts.tokens import _HYPHENS, Num, Tok, _digit_value, _is_hyphen_link, _word_at

# words other than number words that can start a number ("a fifth", "an hour"... "a dozen", "one-fifth", "half")
_WORD_STARTS = frozenset(("a", "an", "one", "half"))


def parse_number(toks: list[Tok], i: int, r: Rules) -> Num | None:
    """A number starting at token i, in digits or words; None if there is none."""
    if toks[i].kind == "num":
        return _in_digits(toks, i, r)
    if toks[i].kind != "word":
        return None
    if toks[i].low not in r.numbers and toks[i].low not in _WORD_STARTS:
        return None       # both readers below start with a number word or one of _WORD_STARTS
    return _vague_or_fraction(toks, i, r) or _in_words(toks, i, r)


def _in_digits(toks: list[Tok], i: int, r: Rules) -> Num | None:
    """``1,000``, ``1.5 million``; a bare four-digit 1900-2100 is marked year-like."""
    t = toks[i]
    n = len(toks)
    v = _digit_value(t)
    if v is None:
        return None
    j = i + 1
    if j < n and toks[j].kind == "word" and r.numbers.get(toks[j].low, (0, ""))[1] == "scale" and not toks[j].glued:
        v *= r.numbers[toks[j].low][0]
        j += 1
    year_like = ("," not in t.text and "." not in t.text and len(t.text) == 4 and 1900 <= v <= 2100 and j == i + 1)
    return Num(v, i, j, False, year_like=year_like)


def _vague_or_fraction(toks: list[Tok], i: int, r: Rules) -> Num | None:
    """Vague counts (``tens of thousands``, ``a few``, ``several``) and fractions (``a fifth``, ``half``)."""
    w = toks[i].low
    w1 = _word_at(toks, i + 1)
    # vague: "tens of thousands", "hundreds of thousands", "a few", "several", "dozens"
    if w in ("a",) and w1 == "few":
        return Num(r.numbers["few"][0], i, i + 2, True, vague=True)
    if w == "a" and w1 == "couple" and _word_at(toks, i + 2) == "of":
        return Num(2.0, i, i + 2, True, vague=True)
    entry = r.numbers.get(w)
    if entry and entry[1] == "vague" and w != "few":
        v = entry[0]
        j = i + 1
        if w1 == "of" and _word_at(toks, i + 2) in ("thousands", "millions", "billions") and w in ("tens", "hundreds"):
            # lower bound: "tens" = 20, "hundreds" = 200, times the scale ("tens of thousands" = 20,000)
            v = entry[0] * r.numbers[toks[i + 2].low][0] / 2.0
            j = i + 3
        return Num(v, i, j, True, vague=True)
    # fractions written alone: "a fifth of", "half of", "a third of", "one-fifth", "two-thirds"
    if w in ("a", "an", "one") and w1 is not None and r.numbers.get(w1, (0, ""))[1] == "fraction" and w1 != "half":
        return Num(r.numbers[w1][0], i, i + 2, True, fraction=True)
    if w == "one" and _is_hyphen_link(toks, i + 1) and r.numbers.get(_word_at(toks, i + 2) or "", (0, ""))[1] == "fraction":
        return Num(r.numbers[toks[i + 2].low][0], i, i + 3, True, fraction=True)
    if w == "half":
        if _is_hyphen_link(toks, i + 1) and _word_at(toks, i + 2) == "dozen":
            return Num(6.0, i, i + 3, True)
        if w1 == "a" and _word_at(toks, i + 2) == "dozen":
            return Num(6.0, i, i + 3, True)
        return Num(0.5, i, i + 1, True, fraction=True)
    return None


def _in_words(toks: list[Tok], i: int, r: Rules) -> Num | None:
    """Cardinal words (``one hundred and ten``, ``twenty-five``, ``a dozen``), then ``two-thirds of``."""
    n = len(toks)
    w = toks[i].low
    w1 = _word_at(toks, i + 1)
    total, current, j, seen = 0.0, 0.0, i, False
    if w in ("a", "an") and w1 is not None and r.numbers.get(w1, (0, ""))[1] in ("scale", "dozen"):
        current = 1.0
        j = i + 1
    while j < n:
        tw = _word_at(toks, j)
        if tw is None:
            if seen and _is_hyphen_link(toks, j) and toks[j - 1].kind == "word" \
                    and r.numbers.get(toks[j - 1].low, (0, ""))[1] == "ten" \
                    and r.numbers.get(_word_at(toks, j + 1) or "", (0, ""))[1] == "unit":
                j += 1
                continue
            break
        e = r.numbers.get(tw)
        if e is None:
            if tw == "and" and seen and r.numbers.get(_word_at(toks, j + 1) or "", (0, ""))[1] in ("unit", "ten") \
                    and toks[j - 1].low in ("hundred", "thousand", "million", "billion"):
                j += 1
                continue
            break
        v, typ = e
        if typ in ("unit", "ten"):
            if seen and current % 100 >= (10 if typ == "ten" else 1) and toks[j - 1].low not in ("hundred", "thousand", "million", "billion", "-"):
                # "two three" is not one number
                if not (typ == "unit" and current % 100 >= 20 and current % 10 == 0 and toks[j - 1].text in _HYPHENS):
                    break
            current += v
        elif typ == "scale":
            if v == 100:
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * v
                current = 0.0
        elif typ == "dozen":
            current = (current or 1.0) * 12
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    value = total + current
    # "two-thirds of", "three quarters of"
    k = j + 1 if _is_hyphen_link(toks, j) else j
    fw = _word_at(toks, k)
    if value <= 10 and fw is not None and r.numbers.get(fw, (0, ""))[1] == "fraction" and fw != "half" \
            and _word_at(toks, k + 1) == "of":
        return Num(value * r.numbers[fw][0], i, k + 1, True, fraction=True)
    return Num(value, i, j, True)
