"""Compiled regex substitutions that skip text they cannot change (used by tasks/sentences_pysbd.py).

``required_literals`` reads a pattern's parse tree for the strings every match needs; ``_Sub`` is a compiled
substitution that first checks those strings (and an optional cheaper ``gate`` pattern) are in the text. Written
here because ``re`` has no such prefilter and pySBD applies every rule to every piece of text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as sre_c  # type: ignore[attr-defined]  # private, not in typeshed
from re import _parser as sre_parse  # type: ignore[attr-defined]

from pysbd.utils import Rule


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...]:
    """Strings every match of ``pattern`` needs somewhere in the searched text (in the match or in a positive
    lookaround): runs of literal characters outside optional parts, and single characters every branch of an
    alternative needs. Empty when unknown (IGNORECASE, nothing required)."""
    parsed = sre_parse.parse(pattern, flags)
    if parsed.state.flags & re.IGNORECASE:
        return ()
    found: list[str] = []

    def chars_of(seq) -> set[str]:
        sub: list[str] = []
        walk(seq, sub)
        return {ch for s in sub for ch in s}

    def walk(seq, out: list[str]) -> None:
        run: list[str] = []
        for op, av in seq:
            if op is sre_c.LITERAL:
                run.append(chr(av))
                continue
            if run:
                out.append("".join(run))
                run = []
            if op is sre_c.SUBPATTERN:
                if not (av[1] & re.IGNORECASE):
                    walk(av[3], out)
            elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
                if av[0] >= 1:
                    walk(av[2], out)
            elif op is sre_c.ASSERT:
                walk(av[1], out)
            elif op is sre_c.ATOMIC_GROUP:
                walk(av, out)
            elif op is sre_c.BRANCH:
                common = None
                for branch in av[1]:
                    cs = chars_of(branch)
                    common = cs if common is None else common & cs
                out.extend(sorted(common or ()))
        if run:
            out.append("".join(run))

    walk(parsed, found)
    return tuple(dict.fromkeys(found))


class _Sub:
    """A compiled substitution that first checks the literals its pattern needs, and ``gate``: a simpler
    pattern that matches wherever the pattern does (checked with one search)."""

    __slots__ = ("gate", "needles", "pattern", "repl")

    def __init__(self, pattern: str, repl, flags: int = 0, needles: Iterable[str] | None = None,
                 gate: str | None = None):
        self.pattern = re.compile(pattern, flags)
        self.repl = repl
        self.needles = tuple(needles) if needles is not None else required_literals(pattern, flags)
        self.gate = re.compile(gate) if gate else None

    def possible(self, text: str) -> bool:
        for n in self.needles:
            if n not in text:
                return False
        return self.gate is None or self.gate.search(text) is not None

    def __call__(self, text: str) -> str:
        return self.pattern.sub(self.repl, text) if self.possible(text) else text


def _subs(*rules: Rule) -> tuple[_Sub, ...]:
    return tuple(_Sub(r.pattern, r.replacement) for r in rules)


def _apply(text: str, subs: tuple[_Sub, ...]) -> str:
    """``pysbd.utils.Text(text).apply(*rules)``."""
    for s in subs:
        text = s(text)
    return text
