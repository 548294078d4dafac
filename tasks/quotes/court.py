"""Court reports: who "the accused" and "the defendant" are. A court report names the person on trial once, with what
they are charged with or how they pleaded ("Jean-Noël X, 52, of Centre de Flacq, faces 38 counts of embezzlement", "Y
(29) pleaded guilty at Clonmel Circuit Court", "He has pleaded not guilty"), and from then on calls them "the accused"
or "the defendant" while the judge, the prosecutor and the witnesses are named between: the nearest person before
such a role is often not the one meant. A ruling read out by one judge ("A bench of Justice X granted bail") is quoted as
"the bench" or "the court" said: that judge. The cues are data (quote_patterns.txt [defendant_roles], [charge_cues]); no
library reads court roles, so this is written here."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tasks.quotes.rules import PERSON_LABELS
from tasks.quotes.titles import court_officer

if TYPE_CHECKING:
    from tasks.quotes.phrases import _Cand
    from tasks.quotes.speakers import _Article

#: a sentence opening with a person pronoun ("He has pleaded not guilty to all the charges.")
_PRONOUN_OPENING = re.compile(r"\s*(He|She)\s")


def defendant(A: _Article, c: _Cand) -> dict | None:
    """The person on trial that the role ``c`` ("the accused", "the defendant") stands for: the one said to be
    charged, or to have pleaded, in the nearest earlier sentence that says so outside quotations; None when the role is
    another or no sentence before says who is charged."""
    words = A.body[c.start:c.end].lower().split()
    if not words or words[-1] not in A.r.defendant_roles:
        return None
    for si in range(A.sent_index(c.start) - 1, -1, -1):
        found = _charged_in(A, si)
        if found is not None:
            return found
    return None


def _charged_in(A: _Article, si: int) -> dict | None:
    """The person a charge cue of sentence ``si`` is said of: the last person named before the cue in the sentence
    who is no officer of the court, else the person a "He"/"She" opening the sentence stands for."""
    s, e = A.sents[si]["start_char"], A.sents[si]["end_char"]
    for cue in A.r.charge_re.finditer(A.body, s, e):
        if A.in_quote(cue.start()):
            continue
        people = [m for m in A.mentions_in(s, cue.start()) if m["label"] in PERSON_LABELS
                  and not A.in_quote(m["start_char"]) and not court_officer(A, m)]
        if people and _AGE_OR_ADDRESS.match(A.body, people[0]["end_char"]):
            return people[0]    # "X, 29, of Glenview Terrace, |Midleton|, pleaded guilty": X (the model's PERSON
            #                     "Midleton" is his address)
        if people:
            return people[-1]
        opening = _PRONOUN_OPENING.match(A.body, s, e)
        if opening is not None:
            return A.resolve_pronoun(opening.start(1), opening.group(1).lower())
    return None


#: an age or an address in apposition after a defendant's name (", 29, of", ", of")
_AGE_OR_ADDRESS = re.compile(r",[^\S\n]+(?:\d{1,3},[^\S\n]+)?of[^\S\n]")
#: a bench of one judge ("A bench of Justice |Farhat Naqvi-Kaul| granted bail", "A single-member bench headed by Justice
#: X", "The Single Bench of Justice X observed"): the judge's name starts at the end of the match
_ONE_JUDGE_BENCH = re.compile(r"\b[Bb]ench\s+(?:of|headed\s+by|comprising|presided\s+over\s+by)\s+(?:(?:Chief|Acting)\s+)?"
                              r"(?:Justice|Judge)\s+")
#: the heads of a court speaking as a whole
_BENCH_HEADS = ("bench", "court")


def bench_judge(A: _Article, c: _Cand) -> dict | None:
    """The one judge of the bench the article named before ``c`` ("the bench", "the court") said, when it named a bench
    of one judge and no second judge after them ("… Justice X and Justice Y": a bench of two speaks as a court)."""
    words = A.body[c.start:c.end].lower().split()
    if words[:1] != ["the"] or len(words) != 2 or words[-1] not in _BENCH_HEADS:
        return None
    benches = [b for b in _ONE_JUDGE_BENCH.finditer(A.body, 0, c.start) if not A.in_quote(b.start())]
    if not benches:
        return None
    judge = next((m for m in A.mentions_in(benches[-1].end(), benches[-1].end() + 60)
                  if m["start_char"] == benches[-1].end() and m["label"] in PERSON_LABELS), None)
    if judge is None or re.match(r"\s+and\s+(?:Justice|Judge)\b", A.body[judge["end_char"]:judge["end_char"] + 20]):
        return None
    return judge
