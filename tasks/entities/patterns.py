"""Names the model missed (tables, fixtures, acronyms in parentheses, names propagated within the article; persons by
title or given name come from missed_names.py) and the headline filter."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from tasks.entities.keys import fold
from tasks.entities.rules import (
    _WORD,
    _aliases,
    _countries,
    _demonyms,
    _given_names,
    _lines,
    _office_holders,
    _org_words,
    _places,
    _stoplist,
    _table_stopwords,
    _title_set,
    trie_regex,
)
from tasks.entities.missed_names import add_missed_persons
from tasks.entities.company_names import missed_companies
from tasks.entities.surname_pairs import joined_surnames
from tasks.entities.evidence import _INITIAL_NAME, _PERSONAL_RESULT, _SPEAKS_AFTER, _WHO_AFTER, scorecard_player
from tasks.entities.name_edges import _PARTICLES
from tasks.entities.acronym_mentions import acronyms_in_parens, acronyms_of_names, spelt_out_names
from tasks.entities.spans import (
    _clean_span,
    _covered,
    _make_mention,
    _Mention,
    without_titles_of_persons,
)
from tasks.entities.votes import _sum_votes


@lru_cache(maxsize=1)
def _place_regex() -> re.Pattern:
    return re.compile(r"(?<![\w.])" + trie_regex(_lines("places.txt"), fold_case=True) + r"(?![\w])", re.IGNORECASE)


def _case_ok(found: str, form: str) -> bool:
    """An occurrence counts when it has the listed form's case, or is written in capitals."""
    return found == form or (found.isupper() and found.upper() == form.upper()) or found == form.title()


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _occurrences(body: str, forms) -> list[tuple[int, int]]:
    """(start, end) of the non-overlapping occurrences of ``forms`` in ``body``, case-insensitive, as whole
    words not preceded by a dot: leftmost first, the longest form at a position.

    The same matches as compiling ``(?<![\\w.])`` + trie_regex(forms) + ``(?![\\w])`` with IGNORECASE and
    iterating it, without compiling a regex per article (compiling cost more than the search): each
    form is found with ``str.find`` on the lower-cased body. Falls back to the regex when lower-casing
    changes the body's length (offsets would not line up)."""
    low = body.lower()
    if len(low) != len(body):
        pat = re.compile(r"(?<![\w.])" + trie_regex(forms, fold_case=True) + r"(?![\w])", re.IGNORECASE)
        return [mt.span() for mt in pat.finditer(body)]
    n = len(body)
    candidates: list[tuple[int, int]] = []
    for form in {f.lower() for f in forms}:
        i = low.find(form)
        while i != -1:
            j = i + len(form)
            if (i == 0 or not (_is_word_char(body[i - 1]) or body[i - 1] == ".")) \
                    and (j == n or not _is_word_char(body[j])):
                candidates.append((i, -len(form)))
            i = low.find(form, i + 1)
    out: list[tuple[int, int]] = []
    end = 0
    for start, neg_len in sorted(candidates):
        if start >= end:
            end = start - neg_len
            out.append((start, end))
    return out


def _votes_person(m: _Mention) -> bool:
    """Does the mention's own class evidence (given name, title, …) vote for a person over the model's label?"""
    votes = _sum_votes([m])
    return bool(votes) and max(votes.items(), key=lambda cv: cv[1])[0] == "per"


def _add_propagated(mentions: list[_Mention], body: str, units: list[tuple[int, int, bool]]) -> list[_Mention]:
    """Recall boost (one sense per discourse): every other occurrence of a name found in the article,
    of the last word of a person's full name, and of a listed place, becomes a mention too; so does the first word
    (or an inner word of a name of three words or more) of a person's full name before a speech verb or ", who"
    ("Rahmat said", "Teo said" after "Nicholas Teo Boon Hock").

    Occurrences must start with a capital and match the form's case (or be in capitals) and must not
    overlap an existing mention. Added mentions take the class of their source and do not vote.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    taken = sorted((m.start, m.end) for m in mentions)
    forms: dict[str, tuple[str, str]] = {}
    given: set[str] = set()       # first (and inner) words of persons' full names
    for m in mentions:
        text = body[m.start:m.end]
        if len(text) >= 2 and text.lower() not in STOP_WORDS:
            forms.setdefault(text, (m.ner_label, m.cls))
        words = text.split()
        if len(words) >= 2 and (m.cls == "per" or _votes_person(m)):
            last = words[-1]     # (a person the model labelled otherwise but its own evidence calls one: "Kenji Morioka")
            if len(last) >= 3 and last[:1].isupper() and last.lower() not in STOP_WORDS \
                    and fold(last) not in _stoplist() and (last.lower(),) not in _title_set():
                forms.setdefault(last, ("PERSON", "per"))
            given.update(words[:-1] if len(words) >= 3 and not any(w.lower() in _PARTICLES for w in words)
                         else words[:1])    # (and inner words: "Teo" of "Nicholas Teo Boon Hock", a family name written
            #                                 second; not "Khalfan" of "Muna bint Khalfan Al-Riyami", her father)
            first_particle = next((i for i, w in enumerate(words) if w in _PARTICLES), 0)
            if first_particle >= 2 and len(words) >= 4:
                given.add(words[first_particle - 1])    # "Herrera said" after "Tomás Herrera de la Vega": the first
                #                                         of two surnames
    given = {g for g in given if len(g) >= 3 and g[:1].isupper() and g[1:2].islower() and g not in forms
             and g.lower() not in STOP_WORDS and fold(g) not in _stoplist() and (g.lower(),) not in _title_set()}
    unit_starts = [u[0] for u in units]

    def unit_of(pos: int) -> tuple[int, int, bool] | None:
        i = bisect.bisect_right(unit_starts, pos) - 1
        return units[i] if i >= 0 and pos < units[i][1] else None

    added: list[_Mention] = []
    dropped: set[tuple[int, int]] = set()

    def consider(s: int, e: int, label: str, cls: str) -> None:
        if _covered(taken, s, e):
            if cls != "per" or "-" not in body[s:e]:
                return
            lo = bisect.bisect_left(taken, (s - 200, 0))
            inside = [(a, b) for a, b in taken[lo:bisect.bisect_left(taken, (e, 0))] if b > s]
            if not all(s <= a and b <= e and (a, b) != (s, e) for a, b in inside):
                return
            dropped.update(inside)      # "Imboden|-Kalbermatter": the model's piece of a double-barrelled surname
            for span in inside:
                taken.remove(span)
        u = unit_of(s)
        if u is None or e > u[1]:
            return
        m = _make_mention(body, s, e, 0, label, u[2], weight=0.0, cls=cls)
        if m is None or (m.start, m.end) != (s, e):
            return
        added.append(m)
        bisect.insort(taken, (s, e))

    if forms:
        lower_forms = {f.lower(): f for f in forms}
        for s, e in _occurrences(body, forms):
            found = body[s:e]
            form = lower_forms.get(found.lower())
            if form and _case_ok(found, form):
                consider(s, e, *forms[form])
    for s, e in _occurrences(body, given) if given else []:
        if body[s:e] in given and (_SPEAKS_AFTER.match(body, e) or _WHO_AFTER.match(body, e)):
            consider(s, e, "PERSON", "per")      # "Rahmat said" after "Rahmat Syahputra-Lubis": the given name alone
    for mt in _place_regex().finditer(body):
        found = mt.group(0)
        if found[:1].isupper() and (found.isupper() or not any(w[:1].islower() for w in found.split() if len(w) > 3)):
            consider(mt.start(), mt.end(), "GPE", "loc")
    return [m for m in mentions if (m.start, m.end) not in dropped] + added


_NUM = re.compile(r"(?:\d[\d\-.:/,]*|\.\d+)")
_TABLE_WORD = re.compile(r"(?:[A-Z][\w'’.&-]*|of|de|del|la|le|'s)")
_FIXTURE = re.compile(r"^(?:[^:]*:\s+)?(.+?)\s+(v|vs\.?|AT|at)\s+(.+?)\s*$")
_TEAM_SUFFIX = re.compile(r"\s*\(\s*[A-Z]\s*\)")


_SCORECARD_LINE = re.compile(r"^\S.*\s(?:c|b|st|lbw)\s.*\s\d{1,3}\*?\s*$")
_DISMISSAL_NAME = re.compile(r"(?<!\S)(?:c and b|lbw b|c|b|st)\s+((?:[A-Z]\.\s?)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


_PAREN_GROUP = re.compile(r"\(([^()]{3,200})\)")
_SCORER = re.compile(r"\s*((?:[A-Z]\.\s?)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+\d{1,3}(?:st|nd|rd|th)?"
                     r"(?:\s+(?:pen|penalty|og|o\.g\.))?\s*$")


def _scorer_names(line: str) -> list[tuple[int, int]]:
    """Goal scorers listed in parentheses after a team's score, each with the minute
    ("Arsenal 2 ( Wright 31 , Merson 60 ) Derby 2"): (start, end) of each name."""
    out = []
    for g in _PAREN_GROUP.finditer(line):
        pos = g.start(1)
        for part in re.split(r"(,\s)", g.group(1)):     # "1,010" is a number, not two parts
            mt = _SCORER.match(part)
            if mt:
                out.append((pos + mt.start(1), pos + mt.end(1)))
            pos += len(part)
    return out


def _dismissal_names(line: str) -> list[tuple[int, int]]:
    """Fielders and bowlers named in a cricket batting line ("S. Law c Tillekeratne b Dharmasena 13"):
    (start, end) of each name after a dismissal word, in a line that ends with the batsman's score."""
    if not _SCORECARD_LINE.match(line):
        return []
    return [(mt.start(1), mt.end(1)) for mt in _DISMISSAL_NAME.finditer(line)]


_PAREN_RUN = re.compile(
    r"(?<![\w.'’-])((?:[A-Z][\w'’.-]*)(?:\s+(?:(?:" + "|".join(sorted(_PARTICLES)) + r")\s+)*[A-Z][\w'’.-]+){1,3})"
    r"\s+\(\s*([^()\n]{2,30}?)\s*\)")


def _country_paren_runs(line: str) -> list[tuple[int, int]]:
    """Results-list names the model missed or cut short: two to four capitalised words followed by a
    country in parentheses ("1 - Steffi Graf ( Germany ) beat Natasha Zvereva ( Belarus ) 6-4 6-2",
    "5. Chryste Gaines ( U.S. ) 11.20"): (start, end) of each name run. The line must show an
    individual's result (``_PERSONAL_RESULT``) or the run start with a given name or an initial; a run
    that is itself a country or place, or holds a table word, is not a name."""
    out = []
    personal = bool(_PERSONAL_RESULT.search(line))
    for mt in _PAREN_RUN.finditer(line):
        if fold(mt.group(2)) not in _countries():
            continue
        words = mt.group(1).split()
        if not (personal or words[0] in _given_names() or _INITIAL_NAME.match(mt.group(1))):
            continue        # a club in a team results line ("Red Star ( Yugoslavia ) 92")
        if fold(mt.group(1)) in _places() or fold(words[0]) in _places() \
                or any(fold(w) in _table_stopwords() for w in words):
            continue
        out.append((mt.start(1), mt.end(1)))
    return out


def _table_runs(line: str) -> list[tuple[int, int, bool]]:
    """Names laid out as in a results table, standings or fixture list: (start, end, fixture)."""
    toks = list(_WORD.finditer(line))
    out: list[tuple[int, int, bool]] = []
    fx = _FIXTURE.match(line)
    if fx and not any(_NUM.fullmatch(t.group(0)) for t in toks):
        for g in (1, 3):
            ws = fx.group(g).split()
            if 1 <= len(ws) <= 4 and all(_TABLE_WORD.fullmatch(w) for w in ws) and ws[0][:1].isupper():
                out.append((fx.start(g), fx.end(g), True))
        if len(out) != 2:
            return []
        # "Houston AT Pittsburgh": the visitors are a team, the name after "at" is the venue
        return out if fx.group(2) in ("v", "vs", "vs.") else out[:1]
    if sum(1 for t in toks if _NUM.fullmatch(t.group(0))) < 2:
        return []
    i = 0
    while i < len(toks):
        w = toks[i].group(0)
        if not (w[:1].isupper() and _TABLE_WORD.fullmatch(w)):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and _TABLE_WORD.fullmatch(toks[j + 1].group(0)):
            j += 1
        while j > i and not toks[j].group(0)[:1].isupper():
            j -= 1
        end = toks[j].end()
        k = j + 1
        suf = _TEAM_SUFFIX.match(line, end)
        if suf:
            end = suf.end()
            while k < len(toks) and toks[k].start() < end:
                k += 1
        prev = toks[i - 1].group(0) if i else ""
        if k < len(toks) and _NUM.fullmatch(toks[k].group(0)) and j - i < 4 \
                and (not prev or _NUM.fullmatch(prev) or prev in {",", ":", ";", "-", "|", ")"}):
            out.append((toks[i].start(), end, False))
        i = j + 1
    return out


def _add_patterns(mentions: list[_Mention], body: str, units: list[tuple[int, int, bool]]) -> list[_Mention]:
    """Names the model missed, found by their shape or layout (they vote like model mentions):

    * a person: a common given name or an initial followed by one or two capitalised words
      ("Petr Korda", "A. Fraser") outside headline lines, where no mention overlaps;
    * a person: one to three capitalised words after a short title of ``rules/honorifics.txt`` ("Cr Lachlan
      Petrakis", "Mr Thewlis") outside headline lines, where no mention overlaps;
    * a team or player in a results/standings line (>= 2 numbers: "Tranmere 4 2 1 1 6 4 7",
      "Bradford 1 Tranmere 0") or a fixture line ("Queens Park Rangers v Bolton"): the run of
      capitalised words at the line start or after a number or separator, followed by a number.
      It replaces overlapping model mentions. Its class: a country is a national team (place), a
      given name or initial a person, anything else a team (organisation).
    """
    added: list[_Mention] = []
    drop: set[int] = set()
    spans = sorted(((m.start, m.end, i) for i, m in enumerate(mentions)))
    starts = [x[0] for x in spans]

    def overlapping(s: int, e: int) -> list[int]:
        i = bisect.bisect_left(starts, e)
        return [spans[j][2] for j in range(max(0, i - 8), i) if spans[j][1] > s]

    for us, ue, headline in units:
        pos = us
        for line in body[us:ue].split("\n"):
            ls = pos
            pos += len(line) + 1
            for rs, re_, _fixture in _table_runs(line):
                text = line[rs:re_]
                first = text.split()[0]
                f = fold(text)
                if any(fold(w) in _table_stopwords() for w in text.split()) or f in _stoplist():
                    continue
                if f in _countries():
                    label = "GPE"
                elif first in _given_names() or _INITIAL_NAME.match(text) \
                        or scorecard_player(line, rs, re_):
                    label = "PERSON"
                else:
                    label = "ORG"
                m = _make_mention(body, ls + rs, ls + re_, 0, label, headline)
                if m is None:
                    continue
                if label == "ORG":
                    m.score_after = True
                drop.update(overlapping(m.start, m.end))
                added.append(m)
            if headline:
                continue
            for rs, re_ in _dismissal_names(line) + _scorer_names(line):
                s, e = ls + rs, ls + re_
                if overlapping(s, e) or any(a.start < e and a.end > s for a in added):
                    continue
                m = _make_mention(body, s, e, 0, "PERSON", headline)
                if m is not None and (m.start, m.end) == (s, e):
                    added.append(m)
            for rs, re_ in _country_paren_runs(line):
                s, e = ls + rs, ls + re_
                over = [i for i in overlapping(s, e) if mentions[i].start >= s and mentions[i].end <= e]
                if any((mentions[i].start, mentions[i].end) == (s, e) for i in over) \
                        or len(over) != len(overlapping(s, e)) or any(a.start < e and a.end > s for a in added):
                    continue        # the model's own span (a club: "Red Star ( Yugoslavia )") or a crossing one
                m = _make_mention(body, s, e, 0, "PERSON", headline)
                if m is not None and (m.start, m.end) == (s, e):
                    drop.update(over)
                    added.append(m)
            add_missed_persons(line, ls, body, headline, mentions, overlapping, added, drop)
    kept = without_titles_of_persons([m for i, m in enumerate(mentions) if i not in drop] + added, body)
    kept = _offices(kept, body, units)
    kept = missed_companies(_bodies_after_places(kept, body, units), body, units)
    kept = acronyms_in_parens(spelt_out_names(joined_surnames(kept, body), body, units), body)
    return kept + acronyms_of_names(kept, body, units)


@lru_cache(maxsize=1)
def _office_re() -> re.Pattern:
    holders = "|".join(sorted(map(re.escape, _office_holders()), key=len, reverse=True))
    # up to five capitalised words or ordinals before the holder ("Champaign County State's", "18th Judicial District")
    return re.compile(r"(?<![\w’'-])(?!(?:The|A|An|This|That)[^\S\n])(?:(?:[A-Z][\w.-]*|\d+(?:st|nd|rd|th))(?:[’']s)?[^\S\n]+){0,5}(?:" + holders
                      + r")[’']s[^\S\n]+Office(?![\w-])")


def _offices(mentions: list[_Mention], body: str, units: list[tuple[int, int, bool]]) -> list[_Mention]:
    """An office named after its holder ("the Milwaukee District Attorney's Office", "Chief Minister's Office",
    holders in ``rules/org_cues.txt``) is one organisation mention, in place of the model's pieces inside it (the
    place "Milwaukee", a person span "District Attorney"); not where a mention crosses its edge."""
    out = list(mentions)
    for mo in _office_re().finditer(body):
        s, e = mo.span()
        inside = [m for m in out if s <= m.start and m.end <= e]
        if any(m.start < e and m.end > s and not (s <= m.start and m.end <= e) for m in out) \
                or any((m.start, m.end) == (s, e) for m in inside):
            continue
        headline = any(us <= s < ue and h for us, ue, h in units)
        office = _Mention(s, e, mo.group(0), "ORG", "org", headline, folded=fold(mo.group(0)))
        office.org_cue = True
        out = [m for m in out if m not in inside] + [office]
    return out


#: one to three capitalised words right after a place, in its line, not followed by another ("Mansfield| City Schools|
#: will be closed", "Greensburg| Police Department|"): the last may name an organisation (``org_cues.txt`` suffix)
_WORDS_AFTER_PLACE = re.compile(r"(?:[^\S\n]+[A-Z][\w’'&-]*){1,3}(?![\w’'&-])(?![^\S\n]+[A-Z])")


def _bodies_after_places(mentions: list[_Mention], body: str, units: list[tuple[int, int, bool]]) -> list[_Mention]:
    """A body named after its place ("Mansfield City Schools", "Bucyrus Police Department"), where the model found the
    place alone, is one organisation mention in place of it: capitalised words after the place up to an organisation
    suffix word; not in headlines (title case: "Akron Council Votes") nor where another mention begins inside."""
    out = list(mentions)
    starts = {m.start for m in mentions}
    for m in mentions:
        if m.cls != "loc" or m.headline:
            continue
        mo = _WORDS_AFTER_PLACE.match(body, m.end)
        if mo is None or fold(mo.group().split()[-1]) not in _org_words()[0] \
                or any(m.end < x <= mo.end() for x in starts) or any(us <= m.start < ue and h for us, ue, h in units):
            continue
        text = body[m.start:mo.end()]
        org = _Mention(m.start, mo.end(), text, "ORG", "org", False, folded=fold(text))
        org.org_cue = True
        out = [x for x in out if x is not m] + [org]
    return out


def _word_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every contiguous run of words in ``text``, longest first."""
    ws = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    runs = []
    for n in range(len(ws), 0, -1):
        for i in range(0, len(ws) - n + 1):
            runs.append((ws[i][0], ws[i + n - 1][1]))
    return runs


def _filter_headlines(mentions: list[_Mention], body: str) -> list[_Mention]:
    """Keep headline-line mentions only when confirmed by the article body or the rule lists."""
    known = {m.folded for m in mentions if not m.headline}
    if not known:
        # a text made only of headline-like lines (e.g. a list): nothing to confirm against
        return mentions
    lists = _aliases().keys() | _places() | _demonyms()
    out = []
    for m in mentions:
        if not m.headline:
            out.append(m)
            continue
        for rs, re_ in _word_runs(m.text):
            sub = m.text[rs:re_]
            s2, e2, _ = _clean_span(sub, 0, len(sub))
            sub = sub[s2:e2]
            f = fold(sub)
            if f and (f in known or f in lists) and f not in _stoplist():
                start = m.start + rs + s2
                out.append(replace(m, start=start, end=start + len(sub), text=sub, folded=f))
                break
    return out
