"""Quote extraction with speakers: direct, partial and indirect (reported) speech.

``extract_quotes(article, sentences, mentions)`` is rule based (regular expressions
over the body, the sentence offsets and the entity mentions); it never calls spaCy,
so it adds almost nothing to the cost of the batch.

What counts as a quote
----------------------
- **direct**: text between a pair of double quotation marks (straight ``"``, curly
  ``“ ”``, ``„``, ``« »``, doubled apostrophes ``''`` / ``````) that stands as an
  utterance of its own: it starts its sentence or paragraph, follows a colon
  (``Putin said: "…"``), or follows a comma after a speech verb or after an earlier
  quote of the same sentence. Single quotation marks are never top-level quote
  marks (nested ``‘…’`` and ``'…'`` stay inside the outer quote; apostrophes such as
  everything’s, isn’t, the ’90s are therefore harmless).
- **partial**: quoted words embedded in a sentence (``Putin said efforts were
  "generally on the right track"``). A partial quote of 1–3 words in a sentence
  without any speech verb is a scare quote and is dropped (``SCARE_QUOTES``).
- **indirect**: reported speech without quote marks: ``X said (that) CLAUSE``,
  ``CLAUSE, X said``, ``according to X, CLAUSE`` / ``CLAUSE, according to X``.
  The content is the reported clause (without the complementiser "that").

Offsets: ``start_char``/``end_char`` span the quoted content in ``article["body"]``
*without* the quotation marks, leading/trailing whitespace and a trailing comma
(``"We are ready," he said`` -> ``We are ready``); final ``.?!`` stay in. A quote that
runs over several paragraphs (a paragraph opens a quote without closing it and the
next paragraph re-opens with a quote mark, the usual convention) is one quote whose
text includes the paragraph break and the re-opening mark. An opening mark that is
never closed ends at the end of its paragraph (lower confidence); a continuation
chain longer than ``MAX_CHAIN_PARAGRAPHS`` is cut, so no quote can swallow the article.

Attribution patterns (``pattern`` column), tried in this order for quoted text:
``verb_speaker`` (", said Putin"), ``speaker_verb`` (", Putin said" / ", she replied"),
``appositive`` (", Dmitry Peskov, the Kremlin spokesman, said"), ``verb_object``
("Peskov told reporters"), ``verb_in`` ("Trump wrote in a post"), ``colon_intro``
("Putin said: …"), ``comma_intro`` ("He said, …"), ``verb_intro`` ("She says “…”"),
``name_colon`` (headline/transcript "Ted Cruz: ‘…’", "Here’s Clinton in 1992: “…”"), ``according_to``,
``reported_speech`` (partial quote inside "X said …"), ``continuation`` (same speaker
as the previous quote of the paragraph, or of the previous paragraph when this one
only continues the quotation), ``previous_sentence`` (floating quote after a sentence
with a speech verb), ``previous_paragraph`` (a paragraph that is only a quote after a
paragraph naming a person), ``none``. Indirect quotes use ``indirect_speaker_verb``
("X said that …", "X told reporters he …"), ``indirect_post`` ("…, X said" also in
mid-sentence "…, X said, …"), ``indirect_as`` ("As X reported, …"), ``according_to``.

A speaker phrase may also be a determiner-led noun phrase right before the verb ("The ad
says", "a man in the crowd yelled"; unresolved), "I" or "it" (kept as written, never
resolved to a person). Mentions in parentheses ("Kasich (R-OH)") and datelines
("WASHINGTON —") are never subjects. Speech verbs include phrasal ones ("points out",
"shot back"; written with underscores in speech_verbs.txt).

Speakers: ``speaker_text/start/end`` is the speaker as written (name, pronoun or role
noun). It resolves to a named entity (``speaker_entity_id``/``speaker_name`` from the
mentions' ``entity_id``/``entity_name``): a name directly; a pronoun (he/she) to the
subject (first PERSON mention outside quotes) of the nearest earlier sentence that has
one; a role noun ("the Kremlin spokesman", "the Russian leader") to the person whose
title in the article ("Kremlin spokesman Dmitry Peskov", "Peskov, the Kremlin
spokesman,") shares the role head and most modifiers, most recent first.

``confidence``: explicit adjacent named speaker 0.95, role noun resolved 0.85, pronoun
resolved 0.8, continuation 0.75, previous sentence 0.65, previous paragraph 0.5,
unresolved speaker phrase 0.55, no speaker 0.2; partial x0.9, indirect x0.85,
unclosed quote x0.8.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent / "rules"

#: "drop" removes 1–3 word quotes without a speech verb (scare quotes); "keep" keeps them as partial, low confidence
SCARE_QUOTES = "drop"
#: extract indirect (reported) speech rows
INDIRECT = True
MAX_CHAIN_PARAGRAPHS = 6
MAX_QUOTE_CHARS = 4000

SPEAKER_LABELS = {"PERSON", "PER", "ORG", "GPE", "NORP"}
PERSON_LABELS = {"PERSON", "PER"}

CONF = {
    "named": 0.95, "role": 0.85, "pronoun": 0.8, "continuation": 0.75,
    "previous_sentence": 0.65, "previous_paragraph": 0.5, "unresolved": 0.55, "none": 0.2,
}


# ---------------------------------------------------------------- rule data

def _read_sections(path: Path) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {"": []}
    cur = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            cur = line[1:-1]
            sections.setdefault(cur, [])
            continue
        sections[cur].append(line)
    return sections


@dataclass(frozen=True)
class Rules:
    verb_forms: frozenset            # every speech-verb form (lowercase)
    report_forms: frozenset          # forms that may introduce reported speech
    roles: dict                      # role head -> set of heads it may refer to (incl. itself)
    person_pronouns: dict            # pronoun -> gender
    group_pronouns: frozenset
    title_modifiers: frozenset
    according: tuple
    reporting_objects: tuple
    not_after_verb: frozenset
    verb_alt: str                    # regex alternation of all verb forms (no groups)
    verb_re: re.Pattern = field(compare=False)
    role_re: re.Pattern = field(compare=False)
    pron_re: re.Pattern = field(compare=False)       # subject pronouns (person, group, "I")


@lru_cache(maxsize=1)
def load_rules(rules_dir: Path = RULES_DIR) -> Rules:
    """Read speech_verbs.txt, role_nouns.txt and quote_patterns.txt (cached per process)."""
    verbs = _read_sections(rules_dir / "speech_verbs.txt")
    # multi-word (phrasal) forms are written with underscores: points_out, shot_back
    report = {f.lower().replace("_", " ") for line in verbs.get("report", []) for f in line.split()}
    quote_only = {f.lower().replace("_", " ") for line in verbs.get("quote_only", []) for f in line.split()}
    roles: dict[str, set] = {}
    for line in _read_sections(rules_dir / "role_nouns.txt")[""]:
        head, _, syn = line.partition("=")
        head = head.strip().lower()
        roles[head] = {head, *(s.strip() for s in _split_multi(syn))}
    pat = _read_sections(rules_dir / "quote_patterns.txt")
    pp = {}
    for line in pat.get("person_pronouns", []):
        p, _, g = line.partition(":")
        pp[p.strip().lower()] = g.strip()
    all_forms = report | quote_only
    verb_alt = "|".join(sorted(map(re.escape, all_forms), key=len, reverse=True))
    verb_alt = verb_alt.replace(r"\ ", r"\s+")
    verb_re = re.compile(r"(?<![\w’'-])(" + verb_alt + r")(?![\w’'-])")   # lowercase only: "States" is not a verb
    role_alt = "|".join(sorted((re.escape(r) for r in roles), key=len, reverse=True))
    role_re = re.compile(r"(?<![\w-])(" + role_alt + r")(?:s|es)?(?![\w-])", re.I)
    prons = sorted({*pp, *(x.lower() for x in pat.get("group_pronouns", [])), "i"}, key=len, reverse=True)
    pron_re = re.compile(r"(?<![\w’'-])(" + "|".join(map(re.escape, prons)) + r")(?![\w’'-])", re.I)
    return Rules(
        verb_forms=frozenset(all_forms), report_forms=frozenset(report), roles=roles,
        person_pronouns=pp, group_pronouns=frozenset(x.lower() for x in pat.get("group_pronouns", [])),
        title_modifiers=frozenset(x.lower() for x in pat.get("title_modifiers", [])),
        according=tuple(x.lower() for x in pat.get("according", [])),
        reporting_objects=tuple(sorted((x.lower() for x in pat.get("reporting_objects", [])), key=len, reverse=True)),
        not_after_verb=frozenset(x.lower() for x in pat.get("not_after_verb", [])),
        verb_alt=verb_alt, verb_re=verb_re, role_re=role_re, pron_re=pron_re,
    )


def _split_multi(syn: str) -> list[str]:
    """Synonym list: words separated by spaces, except known two-word heads (``prime minister``)."""
    out, words, i = [], syn.split(), 0
    two = {"prime minister", "vice president", "press secretary", "campaign manager", "police chief"}
    while i < len(words):
        if i + 1 < len(words) and f"{words[i]} {words[i+1]}" in two:
            out.append(f"{words[i]} {words[i+1]}")
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out


# ---------------------------------------------------------------- quote marks

_MARK_RE = re.compile(r"``|''|[“”„‟\"«»]")
_OPEN_GLYPHS = {"“", "„", "‟", "«", "``"}
_CLOSE_GLYPHS = {"”", "»"}
_LEFT_OPEN = set("([{—–/")
_RIGHT_CLOSE = set(",.;:!?)]}—–…[")
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

    for pi, (ps, pe) in enumerate(paras):
        marks = [(m.start(), m.end()) for m in _MARK_RE.finditer(body, ps, pe)]
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
        for ms, me in marks[k0:]:
            role = _mark_role(body, ms, me)
            if state is None:
                if role != "close":
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


_SINGLE_OPEN = re.compile(r"(?:(?<=[\s:(—–])|^)(‘|(?<=: )'|^')(?=[A-Za-z])", re.M)
_SINGLE_CLOSE = re.compile(r"(?<=[^\s])[’'](?=[\s,.;:!?)—–]|$)", re.M)


def _single_quote_spans(body: str, paras, doubles: list[_Raw], n_chain: int) -> list[_Raw]:
    """Top-level single-quoted text (headline style ``Kasich: ‘We Are Going …’``) outside double quotes.

    An opening ‘ (or a straight ' at a paragraph start or after ": ") must be followed by a
    letter, so apostrophes inside words (isn’t) or before digits (the ’90s) never open a quote;
    the closing ’ must be followed by a space, punctuation or the line end.
    """
    out = []
    inside = [(r.open_s, r.close_e) for r in doubles]
    for ps, pe in paras:
        pos = ps
        while True:
            mo = _SINGLE_OPEN.search(body, pos, pe)
            if not mo:
                break
            if any(a <= mo.start() < b for a, b in inside):
                pos = mo.end()
                continue
            mc = _SINGLE_CLOSE.search(body, mo.end(), min(pe, mo.end() + 300))
            if not mc or any(a <= mc.start() < b for a, b in inside):
                pos = mo.end()
                continue
            n_chain += 1
            out.append(_Raw(mo.start(), mo.end(), mc.start(), mc.end(), para=0, chain=n_chain))
            pos = mc.end()
    return out


# ---------------------------------------------------------------- article context

@dataclass
class _Cand:
    start: int
    end: int
    kind: str                 # mention | pronoun | role | name | np
    mention: dict | None = None
    entity_id: str | None = None
    name: str | None = None


class _Article:
    def __init__(self, article: dict, sentences: list[dict], mentions: list[dict], rules: Rules):
        self.r = rules
        self.body = body = article["body"]
        self.aid = article["article_id"]
        self.paras = _paragraphs(body)
        self.para_starts = [p[0] for p in self.paras]
        sents = sorted(sentences, key=lambda s: s["start_char"]) if sentences else []
        if not sents:
            sents = [{"sentence_no": i, "paragraph_no": i, "start_char": s, "end_char": e, "text": body[s:e]}
                     for i, (s, e) in enumerate(self.paras)]
        self.sents = sents
        self.sent_starts = [s["start_char"] for s in sents]
        self.mentions = sorted((m for m in mentions if m.get("label") in SPEAKER_LABELS), key=lambda m: m["start_char"])
        self.m_starts = [m["start_char"] for m in self.mentions]
        self.quote_spans: list[tuple[int, int]] = []
        self.titles: list[tuple[int, set, dict]] = []   # (pos, title words, mention)
        self.gender: dict[str, str] = {}
        self.surnames: dict[str, dict] = {}
        for m in self.mentions:
            if m["label"] in PERSON_LABELS:
                for tok in (m.get("entity_name") or m["text"]).split()[-1:]:
                    self.surnames.setdefault(tok.lower(), m)
        self._collect_titles()

    # -- lookups
    def sent_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def para_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def mentions_in(self, s: int, e: int) -> list[dict]:
        i = bisect.bisect_left(self.m_starts, s)
        out = []
        while i < len(self.mentions) and self.mentions[i]["start_char"] < e:
            if self.mentions[i]["end_char"] <= e:
                out.append(self.mentions[i])
            i += 1
        return out

    def in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quote_spans)

    # -- titles ("Kremlin spokesman Dmitry Peskov", "Peskov, the Kremlin spokesman,")
    def _collect_titles(self) -> None:
        body, r = self.body, self.r
        for m in self.mentions:
            if m["label"] not in PERSON_LABELS:
                continue
            words: list[str] = []
            pos = m["start_char"]
            left = body[max(0, pos - 80):pos]
            for tok in reversed(re.findall(r"[\w.’'-]+|[^\w\s]", left)):
                low = tok.lower()
                if tok[0].isupper() or low in r.title_modifiers or r.role_re.fullmatch(low):
                    words.append(low)
                    if len(words) >= 6:
                        break
                else:
                    break
            ma = re.match(r",\s+(?:who is\s+)?(?:the|a|an|[A-Z][\w.]*[’']s)?\s*([^,.;()\n“”\"]{3,80}?)\s*[,.;)]", body[m["end_char"]:m["end_char"] + 100])
            if ma and r.role_re.search(ma.group(1)):
                words += [w.lower() for w in re.findall(r"[\w.’'-]+", ma.group(1))]
            words += [w.lower() for w in m["text"].split()[:-1]]
            if any(r.role_re.fullmatch(w) for w in words) or r.role_re.search(" ".join(words)):
                self.titles.append((pos, set(words), m))
            low = " ".join(words)
            g = None
            if re.search(r"\b(mr\.?|mister|spokesman|chairman|congressman|king|prince|businessman|actor)\b", low):
                g = "m"
            elif re.search(r"\b(mrs\.?|ms\.?|miss|spokeswoman|chairwoman|congresswoman|queen|princess|actress|first lady)\b", low):
                g = "f"
            if g and m.get("entity_id"):
                self.gender.setdefault(m["entity_id"], g)

    # -- resolution
    def _person_subject(self, si: int, before: int | None = None, gender: str | None = None) -> dict | None:
        s = self.sents[si]
        end = s["end_char"] if before is None else min(before, s["end_char"])
        for m in self.mentions_in(s["start_char"], end):
            if m["label"] not in PERSON_LABELS or self.in_quote(m["start_char"]):
                continue
            g = self.gender.get(m.get("entity_id"))
            if gender and g and g != gender:
                continue
            return m
        return None

    def resolve_pronoun(self, pos: int, pronoun: str) -> dict | None:
        """Subject (first PERSON mention outside quotes) of the nearest earlier sentence having one."""
        gender = self.r.person_pronouns.get(pronoun.lower())
        si = self.sent_index(pos)
        m = self._person_subject(si, before=pos, gender=gender)
        if m:
            return m
        for j in range(si - 1, max(-1, si - 8), -1):
            m = self._person_subject(j, gender=gender)
            if m:
                return m
        return None

    def resolve_role(self, text: str, pos: int) -> dict | None:
        """Person whose title shares the role head (or a broader role) and most modifiers; most recent wins ties."""
        low = text.lower()
        heads = [h.group(1).lower() for h in self.r.role_re.finditer(low)]
        if not heads:
            return None
        head = heads[-1]
        targets = self.r.roles.get(head, {head})
        mods = {w for w in re.findall(r"[\w.’'-]+", low) if w not in {"the", "a", "an", head} and w not in head.split()}
        best, best_key = None, None
        for tpos, words, m in self.titles:
            if tpos >= pos:
                break
            joined = " ".join(words)
            hit = any(re.search(r"(?<![\w-])" + re.escape(t) + r"(?![\w-])", joined) for t in targets)
            shared = len(mods & words)
            if not hit and not (head == "leader" and shared):
                continue
            key = (int(hit) * 2 + shared, tpos)
            if best_key is None or key > best_key:
                best, best_key = m, key
        return best

    # -- speaker phrase
    def candidate(self, s: int, e: int) -> _Cand | None:
        """Interpret body[s:e] (a short phrase) as a speaker: name, pronoun, role noun or other noun phrase."""
        body, r = self.body, self.r
        while s < e and (body[s].isspace() or body[s] in ",—–-"):
            s += 1
        while e > s and (body[e - 1].isspace() or body[e - 1] in ",—–-"):
            e -= 1
        if e <= s:
            return None
        phrase = body[s:e]
        # head noun phrase: up to the first comma (appositive / relative clause after it)
        cut = phrase.find(",")
        hs, he = s, (s + cut if cut > 0 else e)
        head = body[hs:he].strip()
        if not head or len(head.split()) > 8 or re.search(r"[“”\"«»\n]", head):
            return None
        ms = [m for m in self.mentions_in(hs, he)]
        persons = [m for m in ms if m["label"] in PERSON_LABELS]
        pick = (persons or ms)[-1] if ms else None
        if pick is not None:
            after = body[pick["end_char"]:he].strip()
            before = body[hs:pick["start_char"]]
            bw = re.findall(r"[\w.’'-]+", before)
            # title words before the name: capitalised, title modifiers, role nouns, determiners,
            # possessives, or (up to 5) other lowercase descriptors ("election law expert",
            # "Virginia delegate", "Senate minority leader") -- but never a clause (who/said/of …)
            ok_before = len(bw) <= 7 and all(
                w[0].isupper() or w.lower() in r.title_modifiers or r.role_re.fullmatch(w.lower())
                or w.lower() in {"the", "a", "an"} or w.lower().endswith(("’s", "'s"))
                or (w.isalpha() and w.lower() not in _NOT_DESCRIPTOR and w.lower() not in r.verb_forms)
                for w in bw) and sum(1 for w in bw if w[0].islower()) <= 5
            if ok_before and (not after or after.lower() in {"himself", "herself", "jr.", "sr."}
                              or re.fullmatch(r"\([^()]{1,30}\)", after)):
                return _Cand(pick["start_char"], pick["end_char"], "mention", pick,
                             pick.get("entity_id"), pick.get("entity_name") or pick["text"])
        low = head.lower()
        if low in r.person_pronouns or low in r.group_pronouns or low == "i":
            return _Cand(hs, he, "pronoun")
        words = re.findall(r"[\w.’'-]+", head)
        if r.role_re.search(low) and r.role_re.search(low.split()[-1]) and len(words) <= 7:
            return _Cand(hs, he, "role")
        if words and all(w[0].isupper() for w in words) and len(words) <= 4 and low not in {"i", "we"}:
            m = self.surnames.get(words[-1].lower())
            if m:
                return _Cand(hs, he, "mention", m, m.get("entity_id"), m.get("entity_name") or m["text"])
            return _Cand(hs, he, "name")
        if re.match(r"(the|a|an|one|another|some|many|two|three|several|other|his|her|their|its)\s", low) and len(words) <= 8:
            return _Cand(hs, he, "np")
        if low in {"sources", "officials", "critics", "analysts", "experts", "aides", "witnesses", "residents"}:
            return _Cand(hs, he, "np")
        return None

    def resolve(self, c: _Cand) -> tuple[str | None, str | None, str]:
        """(entity_id, name, how) for a speaker candidate; how is named|pronoun|role|unresolved."""
        if c.kind == "mention":
            return c.entity_id, c.name, "named"
        if c.kind == "pronoun":
            if self.body[c.start:c.end].lower() in ("i", "it"):
                return None, None, "unresolved"      # the writer / a thing (ad, statement): no person
            m = self.resolve_pronoun(c.start, self.body[c.start:c.end])
            if m:
                return m.get("entity_id"), m.get("entity_name") or m["text"], "pronoun"
            return None, None, "unresolved"
        if c.kind == "role":
            m = self.resolve_role(self.body[c.start:c.end], c.start)
            if m:
                return m.get("entity_id"), m.get("entity_name") or m["text"], "role"
        return None, None, "unresolved"

    def aside(self, m: dict) -> bool:
        """A mention that cannot be a subject: inside parentheses ("Kasich (R-OH)") or a dateline
        ("WASHINGTON, Dec. 8 (UPI) —", "ST. LOUIS —": all capitals at a paragraph start)."""
        body, s, e = self.body, m["start_char"], m["end_char"]
        if re.search(r"\([^()\n]{0,25}$", body[max(0, s - 25):s]) and re.match(r"[^()\n]{0,25}\)", body[e:e + 26]):
            return True
        pi = self.para_index(s)
        text = m["text"]
        return (s - self.paras[pi][0] <= 3 and text.upper() == text and any(c.isalpha() for c in text)
                and bool(re.match(r"\s*(?:,|—|–|-|\()", body[e:e + 3])))

    def subject_first(self, lo: int, hi: int) -> _Cand | None:
        """Leftmost speaker candidate (mention outside quotes or subject pronoun) in body[lo:hi]."""
        body = self.body
        ms = [m for m in self.mentions_in(lo, hi) if not self.in_quote(m["start_char"])
              and not re.match(r"[’']s\b", body[m["end_char"]:hi]) and not self.aside(m)
              and not (m["label"] not in PERSON_LABELS and _PREP_BEFORE.search(body[max(lo, m["start_char"] - 15):m["start_char"]]))]
        pm = self.r.pron_re.search(body, lo, hi)
        cands = []
        # a role noun phrase opening the clause ("The spokesman refused …, adding:")
        rm = re.match(r"\s*(?:(?:But|And|So|Then|Later|However|Meanwhile|Earlier),?\s+)?((?:the|a|an)\s+(?:[\w.’'-]+\s+){0,3}?(?:"
                      + self.r.role_re.pattern + r"))", body[lo:hi], re.I)
        if rm:
            cands.append(_Cand(lo + rm.start(1), lo + rm.end(1), "role"))
        if ms:
            m = ms[0]
            cands.append(_Cand(m["start_char"], m["end_char"], "mention", m, m.get("entity_id"), m.get("entity_name") or m["text"]))
        if pm and not self.in_quote(pm.start()):
            cands.append(_Cand(pm.start(), pm.end(), "pronoun"))
        return min(cands, key=lambda c: c.start) if cands else None

    def subject_before(self, verb_s: int, lo: int) -> _Cand | None:
        """Closest speaker candidate left of a verb (its subject), within body[lo:verb_s]."""
        body, r = self.body, self.r
        best: _Cand | None = None
        # coordinated verb phrase ("He thanked Trump ... and said"): the subject is the clause's first candidate
        # … and a gerund after "by" ("He explained the headline by saying:")
        if re.search(r"(?:,[”\"’]?|\band|\bby)\s+(?:" + _ADVERBS + r")$", body[lo:verb_s]):
            first = self.subject_first(lo, verb_s)
            if first is not None:
                return first
        for m in reversed(self.mentions_in(lo, verb_s)):
            if self.in_quote(m["start_char"]):
                continue
            tail = body[m["end_char"]:verb_s]
            if re.match(r"[’']s\b", tail):          # possessive: "Trump's spokesman said"
                continue
            if self.aside(m):                       # "(R-OH)", "WASHINGTON —"
                continue
            if m["label"] not in PERSON_LABELS and _PREP_BEFORE.search(body[max(lo, m["start_char"] - 15):m["start_char"]]):
                continue                            # "negotiations between Moscow and Kyiv"
            best = _Cand(m["start_char"], m["end_char"], "mention", m, m.get("entity_id"), m.get("entity_name") or m["text"])
            break
        seg = body[lo:verb_s]
        pron = None
        for pm in r.pron_re.finditer(body, lo, verb_s):
            if not self.in_quote(pm.start()):
                pron = _Cand(pm.start(), pm.end(), "pronoun")
        role = None
        for rm in re.finditer(r"(?:(?<=\s)|^)((?:the|a|an|[A-Z][\w.]*[’']s)\s+(?:[\w.’'-]+\s+){0,3}?)?(?:" + r.role_re.pattern + r")", seg, re.I):
            if not self.in_quote(lo + rm.start()):
                role = _Cand(lo + rm.start(), lo + rm.end(), "role")
        if best is not None and best.mention is not None and best.mention["label"] not in PERSON_LABELS:
            # prefer a person named in the last few words ("Gov. John Kasich (R-OH) said", "WASHINGTON — Clinton said")
            for m in reversed(self.mentions_in(max(lo, verb_s - 90), verb_s)):
                if m["label"] in PERSON_LABELS and not self.in_quote(m["start_char"]) \
                        and not re.match(r"[’']s\b", body[m["end_char"]:verb_s]):
                    best = _Cand(m["start_char"], m["end_char"], "mention", m, m.get("entity_id"), m.get("entity_name") or m["text"])
                    break
        cands = [c for c in (best, pron, role) if c is not None]
        # a name the NER missed, right before the verb ("Rubio says, …")
        mn = re.search(r"((?:[A-Z][\w.’'-]*\s+){1,4})" + _ADVERBS + r"$", seg)
        if mn and not self.in_quote(lo + mn.start(1)) and not any(c.end > lo + mn.start(1) for c in cands):
            c = self.candidate(lo + mn.start(1), lo + mn.end(1))
            if c is not None and c.kind in ("mention", "name"):
                return c
        # a noun phrase right before the verb is its subject ("The ad says", "a man yelled",
        # "The campaign’s statement then declares", "one of her ads asking")
        mnp = _NP_SUBJECT.search(seg)
        if mnp and not self.in_quote(lo + mnp.start(1)) and not any(c.end > lo + mnp.start(1) for c in cands):
            head = mnp.group(1).split()[-1].lower()
            if head not in _NOT_DESCRIPTOR and head not in r.verb_forms:
                return _Cand(lo + mnp.start(1), lo + mnp.end(1), "np")
        if not cands:
            return None
        c = max(cands, key=lambda c: c.end)
        # a role word immediately before a name is its title ("Kremlin spokesman Dmitry Peskov")
        if c.kind == "role" and best is not None and best.start >= c.start:
            return best
        if c.kind == "role" and best is not None and re.fullmatch(r"[\s,]*", body[best.end:c.start] or " ") and c.start > best.end:
            return best    # "Peskov, the Kremlin spokesman, said"
        if verb_s - c.end > 120:
            return None
        return c


# ---------------------------------------------------------------- extraction

def _qid(aid: str, s: int, e: int) -> str:
    return hashlib.sha256(f"{aid}:{s}:{e}".encode()).hexdigest()[:16]


#: lowercase words that cannot be part of a title before a name (clause and function words)
_NOT_DESCRIPTOR = frozenset("""
who whom whose which that when where while because if as and or but not nor than then so
is are was were be been being has have had do does did will would can could should may might must
to of in on at by with from for into onto over under about after before during against between
without within through toward towards upon like unlike via per
he she it they we i you him her them us me his its their our my your this these those
there here also even only just very said says told asked one some any all each every
""".split())

#: a determiner-led noun phrase ending right before a verb (after optional adverbs), e.g. "The ad", "a man",
#: "The campaign’s statement then", "one of her ads", "someone in the audience"
_NP_SUBJECT = re.compile(
    r"(?:^|(?<=[\s,(—–]))((?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Ss]ome|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)\s+"
    r"(?:[\w’'-]+\s+){0,3}?[a-z][\w’'-]*|[Ss]omeone|[Ss]omebody|[Oo]ne|[Aa]nother|[Oo]thers)(?:\s+(?:in|of|at|from)\s+(?:the|a|an|her|his|their)\s+[a-z][\w’'-]*)?)"
    r"\s+(?:(?:also|then|later|again|previously|recently|simply|further|flatly|quickly|once|just|repeatedly|earlier)\s+){0,2}$")

_PREP_BEFORE = re.compile(r"\b(?:between|and|or|of|in|from|to|with|for|against|on|at|by|into|over|toward|towards|about)\s+(?:the\s+)?$", re.I)
_ADVERBS = r"(?:(?:also|then|later|again|previously|recently|simply|further|flatly|quickly|once|had|has|have|would|will|was|is|just|repeatedly|earlier|on \w+day)\s+){0,2}"


def extract_quotes(article: dict, sentences: list[dict], mentions: list[dict]) -> list[dict]:
    """Direct, partial and indirect quotes of one article with their speakers (QUOTES rows).

    See the module docstring for what counts as each kind of quote, the offset rule and the
    attribution patterns. Never raises on unbalanced quote marks.
    """
    rules = load_rules()
    A = _Article(article, sentences, mentions, rules)
    body = A.body
    raws = find_quote_spans(body, A.paras)
    A.quote_spans = [(r.open_s, r.close_e) for r in raws]
    rows: list[dict] = []
    row_chain: list[int] = []
    prev_by_para: dict[int, dict] = {}
    last_row: dict | None = None

    for r in raws:
        si = A.sent_index(r.open_s)
        sent = A.sents[si]
        pi = A.para_index(r.open_s)
        ps, pe = A.paras[pi]
        # context before the open mark: from the sentence/paragraph start or the previous quote's close
        lo = max(sent["start_char"], ps)
        prev_close = [q for q in raws if q.close_e <= r.open_s and q.close_e > lo]
        if prev_close:
            lo = max(lo, prev_close[-1].close_e)
        prefix = body[lo:r.open_s]
        ptrim = prefix.rstrip()
        content = body[r.start:r.end]
        first_alpha = next((c for c in content if c.isalpha()), "")
        verb_in_prefix = list(rules.verb_re.finditer(prefix))
        if not ptrim or ptrim[-1] in ".!?":
            kind = "direct"
        elif ptrim[-1] == ":":
            kind = "direct"
        elif ptrim[-1] in ",—–" and verb_in_prefix and (
                prev_close or len(prefix[verb_in_prefix[-1].end():].split()) <= (6 if first_alpha.isupper() else 2)):
            kind = "direct"          # "He said, “…”", "“A,” he said, “b …”"
        elif ptrim[-1] == "," and re.search(r"\b(?:" + "|".join(map(re.escape, rules.according)) + r")\s+[^,]{2,80},$", ptrim, re.I):
            kind = "direct"          # "According to TASS, “…”"
        elif verb_in_prefix and verb_in_prefix[-1].end() >= len(ptrim) - 1:
            kind = "direct"          # "The ad says “nothing will change …”"
        else:
            kind = "partial"

        sent_text_s, sent_text_e = sent["start_char"], sent["end_char"]
        # ---- attribution
        spk: _Cand | None = None
        cue = pattern = None
        how_override = None
        post_lim = min(pe, r.close_e + 200)
        nxt_open = [q.open_s for q in raws if q.open_s >= r.close_e and q.open_s < post_lim]
        if nxt_open:
            post_lim = nxt_open[0]
        def post_attr() -> tuple:
            """Speaker after the closing mark: ", said X" / ", X said" / ", X, the Y, said"."""
            if r.close_s is None:
                return None, None, None
            post = body[r.close_e:post_lim]

            def said_x(rest_s: int):
                mm = re.match(r"[^,.;:!?\n“”\"]{1,80}", body[rest_s:post_lim])
                if not mm:
                    return None
                endp = rest_s + mm.end()
                # stop the speaker phrase before prepositions ("said Putin on Monday")
                inner = re.search(r"\s(?:on|in|at|during|after|before|while|when|as|from|to|of|about|that|who|which)\s", body[rest_s:endp])
                if inner:
                    endp = rest_s + inner.start()
                return A.candidate(rest_s, endp)

            mv = re.match(r"[\s,;]*(?:[—–-]\s*)?" + _ADVERBS + r"(?P<verb>" + rules.verb_alt + r")(?![\w’'-])\s+", post)
            if mv:
                c = said_x(r.close_e + mv.end())
                if c:
                    return c, mv.group("verb"), "verb_speaker"
            ms_ = re.match(r"[\s,;]*(?:[—–-]\s*)?(?P<region>[^“”\"«»\n]{1,140}?)\s+" + _ADVERBS + r"(?P<verb>" + rules.verb_alt + r")(?![\w’'-])", post)
            if not ms_:
                return None, None, None
            reg_s, reg_e = r.close_e + ms_.start("region"), r.close_e + ms_.end("region")
            region = body[reg_s:reg_e]
            if re.search(r"[.!?]\s+[a-z]|[.!?]\s*$", region) and not re.search(r"\b(?:[A-Z]\.|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Gen|St|Jr)\.\s", region):
                return None, None, None
            cue = ms_.group("verb")
            c = A.candidate(reg_s, reg_e)
            rs = region.rstrip()
            if (c is None or c.kind not in ("mention", "pronoun", "role")) and "," in rs.strip(","):
                # "…” the dawn of the movement, Bozell says" / "…” at the convention, he said":
                # the subject is the last comma segment when the head is no speaker
                last = A.candidate(reg_s + rs.rstrip(",").rfind(",") + 1, reg_e)
                if last is not None and last.kind in ("mention", "pronoun", "role"):
                    return last, cue, "speaker_verb"
            if (c is None or c.kind not in ("mention", "pronoun", "role")) and rs.endswith(","):
                # "“We’re happy” about the decision, said RoseAnn DeMoro"
                mv2 = re.match(_ADVERBS + r"\s*", body[r.close_e + ms_.end("verb"):post_lim])
                c2 = said_x(r.close_e + ms_.end("verb") + (mv2.end() if mv2 else 0))
                if c2 is not None and c2.kind in ("mention", "pronoun", "role"):
                    return c2, cue, "verb_speaker"
            if c is None:
                return None, None, None
            after = body[r.close_e + ms_.end("verb"):post_lim]
            if "," in region.strip().strip(","):
                pattern = "appositive"
            elif re.match(r"\s+in\s+(?:a|an|the|his|her|their|its)\s", after):
                pattern = "verb_in"
            elif re.match(r"\s+(?:" + "|".join(map(re.escape, rules.reporting_objects)) + r"|[A-Z]\w+)\b", after):
                pattern = "verb_object"
            else:
                pattern = "speaker_verb"
            return c, cue, pattern

        verb_ends_prefix = bool(verb_in_prefix) and verb_in_prefix[-1].end() >= len(ptrim) - 1
        prefix_intro = bool(ptrim) and (ptrim[-1] in ":,—–" or verb_ends_prefix) and bool(verb_in_prefix)

        # "Pollsters agree - Carl Bialik: “…”": a name after a dash, right before the colon, is the speaker
        colon_after_dash = bool(ptrim.endswith(":") and verb_in_prefix and re.search(
            r"\s[-—–]\s+[^-—–]{1,60}:$", ptrim[verb_in_prefix[-1].end():]))

        def prefix_attr() -> tuple:
            """Speaker of an introducing clause: "Putin said: …", "He added, …", "She says …"."""
            if not prefix_intro or colon_after_dash:
                return None, None, None
            v = verb_in_prefix[-1]
            vs = lo + v.start()
            c = A.subject_before(vs, sent_text_s if sent_text_s < vs else lo)
            if c is None:
                return None, None, None
            return c, v.group(1), ("colon_intro" if ptrim[-1] == ":" else ("comma_intro" if ptrim[-1] in ",—–" else "verb_intro"))

        # a quote that ends its own sentence ("… ahead.”) after an introducing clause belongs to that
        # clause; what follows the closing mark is the next sentence ("” The star then recalled …")
        ends_sentence = content.rstrip().endswith(".") and r.close_s is not None
        order = (prefix_attr, post_attr) if ends_sentence and prefix_intro else (post_attr, prefix_attr)
        for fn in order:
            spk, cue, pattern = fn()
            if spk is not None:
                break
        if spk is None and ptrim.endswith(":") and (not verb_in_prefix or colon_after_dash):
            # headline / transcript style "Ted Cruz: ‘…’", "HuffPollster: “…”"
            dash = max(ptrim.rfind(" - "), ptrim.rfind(" — "), ptrim.rfind(" – "))
            seg_s = lo if dash < 0 else lo + dash + 3
            seg_e = lo + len(ptrim) - 1
            # headline "Gillibrand on Hillary’s Speeches: ‘…’", "CNN President On Trump: ‘…’": speaker before "on"
            mon = re.match(r"\s*((?:\S+\s+){0,4}?\S+)\s+(?:on|On|about|About|to|To)\s", body[seg_s:seg_e])
            if mon:
                seg_e = seg_s + mon.end(1)
            spk = A.candidate(seg_s, seg_e)
            if spk is None:
                # "Here’s Clinton in December 1992:", "More from Jones:": the last person named before the colon
                for m in reversed(A.mentions_in(lo, lo + len(ptrim))):
                    if m["label"] in PERSON_LABELS and not re.match(r"[’']s\b", body[m["end_char"]:m["end_char"] + 3]):
                        spk = _Cand(m["start_char"], m["end_char"], "mention", m, m.get("entity_id"), m.get("entity_name") or m["text"])
                        break
            if spk is None:
                # "From the report:", "More from the statement:"
                mf = re.search(r"\b[Ff]rom\s+((?:the|a|an|his|her|their|its)\s+[^,.;:]{1,40})$", body[seg_s:seg_e])
                if mf:
                    spk = A.candidate(seg_s + mf.start(1), seg_e)
            if spk is None and not colon_after_dash:
                # "She then addressed the supporters again:", "the Board was conclusive in its findings:":
                # the subject opening the clause
                c = A.subject_first(seg_s, seg_e)
                if c is not None and len(body[seg_s:c.start].split()) <= 8 and not re.search(r"[,;]\s*$", body[c.end:seg_e]):
                    spk = c
            if spk:
                pattern = "name_colon"
        if spk is None:
            acc = re.search(r"\b(" + "|".join(map(re.escape, rules.according)) + r")\s+([^,.;:“”\"\n]{2,80}?)\s*,\s*$", prefix, re.I)
            if acc:
                spk = A.candidate(lo + acc.start(2), lo + acc.end(2))
                if spk:
                    cue, pattern = acc.group(1), "according_to"
        if spk is None and kind == "partial":
            # reported speech around a partial quote: nearest speech verb before the quote in the sentence
            seg_s = sent_text_s
            vv = [v for v in rules.verb_re.finditer(body, seg_s, r.open_s) if not A.in_quote(v.start())]
            if vv:
                v = vv[-1]
                spk = A.subject_before(v.start(), seg_s)
                if spk:
                    cue, pattern = v.group(1), "reported_speech"
        if spk is None:
            # continuation: previous quote of this paragraph, or of the previous paragraph when this
            # paragraph starts with the quote
            prev = prev_by_para.get(pi)
            if prev is None and not prefix.strip() and r.open_s == ps:
                prev = prev_by_para.get(pi - 1)
                # only when the previous paragraph's last sentence was that quote or its attribution
                if prev is not None and prev["end_char"] < A.paras[pi - 1][1] - 120:
                    prev = None
                # … and not when the previous paragraph ends by introducing this one ("She went on to say:")
                if prev is not None and si > 0 and body[A.sents[si - 1]["start_char"]:A.sents[si - 1]["end_char"]].rstrip().endswith(":") \
                        and prev["end_char"] < A.sents[si - 1]["start_char"] + 2:
                    prev = None
            if prev is not None and prev["speaker_text"] is not None:
                spk = _Cand(prev["speaker_start"], prev["speaker_end"], "prev")
                cue, pattern, how_override = prev["cue"], "continuation", "continuation"
                spk.entity_id, spk.name = prev["speaker_entity_id"], prev["speaker_name"]
        if spk is None and kind == "direct" and not prefix.strip():
            # floating quote: the previous sentence introduces the speaker
            if si > 0:
                ps_ = A.sents[si - 1]
                vv = [v for v in rules.verb_re.finditer(body, ps_["start_char"], ps_["end_char"]) if not A.in_quote(v.start())]
                if vv:
                    v = vv[-1]
                    spk = A.subject_before(v.start(), ps_["start_char"])
                    if spk:
                        cue, pattern, how_override = v.group(1), "previous_sentence", "previous_sentence"
                elif body[ps_["start_char"]:ps_["end_char"]].rstrip().endswith(":"):
                    spk = A.subject_first(ps_["start_char"], ps_["end_char"])     # "Here is what he wrote:"
                    if spk:
                        pattern, how_override = "previous_sentence", "previous_sentence"
                if spk is None and r.open_s == ps and pi > 0:
                    pps, ppe = A.paras[pi - 1]
                    psi = A.sent_index(ppe - 1)
                    for j in range(psi, max(-1, psi - 3), -1):
                        if A.sents[j]["end_char"] <= pps:
                            break
                        m = A._person_subject(j)
                        if m:
                            spk = _Cand(m["start_char"], m["end_char"], "mention", m, m.get("entity_id"), m.get("entity_name") or m["text"])
                            pattern, how_override = "previous_paragraph", "previous_paragraph"
                            break

        if spk is None and kind == "partial" and len(content.split()) <= 3:
            if SCARE_QUOTES == "drop":
                continue
        row = _row(A, r.start, r.end, kind, spk, cue, pattern or "none", how_override, unclosed=r.close_s is None and not r.continued)
        rows.append(row)
        row_chain.append(r.chain)
        last_row = row
        if row["speaker_text"] is not None or pi not in prev_by_para:
            prev_by_para[pi] = row
    del last_row
    # pieces of one multi-paragraph quotation share the speaker (e.g. "…,” he said" after the last piece)
    by_chain: dict[int, list[dict]] = {}
    for row, cid in zip(rows, row_chain):
        by_chain.setdefault(cid, []).append(row)
    for pieces in by_chain.values():
        named = [p for p in pieces if p["speaker_text"] is not None and p["pattern"] != "continuation"]
        if len(pieces) < 2 or not named:
            continue
        src = named[0]
        for p in pieces:
            if p["speaker_text"] is None or p["pattern"] in ("previous_sentence", "previous_paragraph"):
                p.update({k: src[k] for k in ("speaker_text", "speaker_start", "speaker_end", "speaker_entity_id", "speaker_name", "cue")})
                p["pattern"] = "continuation"
                p["confidence"] = round(min(src["confidence"], CONF["continuation"]), 3)

    if INDIRECT:
        rows.extend(_indirect(A, rows))
    rows.sort(key=lambda q: (q["start_char"], q["end_char"]))
    seen, out = set(), []
    for q in rows:
        if q["quote_id"] not in seen:
            seen.add(q["quote_id"])
            out.append(q)
    return out


def _row(A: _Article, s: int, e: int, kind: str, spk: _Cand | None, cue, pattern: str,
         how_override: str | None = None, unclosed: bool = False) -> dict:
    body = A.body
    if spk is None:
        eid = name = None
        how = "none"
        st = sp_s = sp_e = None
    else:
        if spk.kind == "prev":
            eid, name, how = spk.entity_id, spk.name, "continuation"
        else:
            eid, name, how = A.resolve(spk)
        st, sp_s, sp_e = body[spk.start:spk.end], spk.start, spk.end
    conf = CONF[how_override or how]
    if how_override and how == "unresolved":
        conf = min(conf, CONF["unresolved"])
    if kind == "partial":
        conf *= 0.9
    elif kind == "indirect":
        conf *= 0.85
    if unclosed:
        conf *= 0.8
    si = A.sent_index(s)
    return {
        "quote_id": _qid(A.aid, s, e), "article_id": A.aid, "sentence_no": A.sents[si]["sentence_no"],
        "start_char": s, "end_char": e, "text": body[s:e], "kind": kind,
        "speaker_text": st, "speaker_start": sp_s, "speaker_end": sp_e,
        "speaker_entity_id": eid, "speaker_name": name, "cue": cue, "pattern": pattern,
        "confidence": round(float(conf), 3),
    }


_PREP_STOP = {"in", "on", "at", "to", "for", "with", "about", "during", "after", "before", "from", "of", "by",
              "so", "nothing", "yes", "no", "goodbye", "hello", "thanks", "this", "as", "if", "when"}


def _trim(body: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (body[s].isspace() or body[s] in ",;:—–-"):
        s += 1
    while e > s and (body[e - 1].isspace() or body[e - 1] in ",;:—–-.!?"):
        e -= 1
    return s, e


def _indirect(A: _Article, quoted: list[dict]) -> list[dict]:
    """Reported speech without quotation marks: one row per sentence at most."""
    body, rules = A.body, A.r
    direct_spans = [(q["start_char"], q["end_char"]) for q in quoted]
    sent_spans = [(q["start_char"], q["end_char"]) for q in quoted if q["kind"] == "direct"]
    out = []

    def mostly_direct(s, e):
        cov = sum(max(0, min(e, b) - max(s, a)) for a, b in direct_spans)
        return cov >= 0.5 * max(1, e - s)

    acc_alt = "|".join(map(re.escape, rules.according))
    verb_alt = rules.verb_re.pattern
    for sent in A.sents:
        ss, se = sent["start_char"], sent["end_char"]
        text = body[ss:se]
        if sum(max(0, min(se, b) - max(ss, a)) for a, b in sent_spans) >= 0.5 * (se - ss) or len(text.split()) < 5:
            continue
        found = None
        # according to X, CLAUSE  |  CLAUSE, according to X
        for m in re.finditer(r"\b(" + acc_alt + r")\s+([^,.;:“”\"\n]{2,80}?)(?=\s*[,.;:]|\s*$)", text, re.I):
            spk = A.candidate(ss + m.start(2), ss + m.end(2))
            if spk is None:
                continue
            lead = text[:m.start()].strip()
            if len(lead.split()) <= 2:      # at the start (maybe after "But")
                cs, ce = _trim(body, ss + m.end(), se)
            else:
                cs, ce = _trim(body, ss, ss + m.start())
            found = (cs, ce, spk, m.group(1), "according_to")
            break
        if found is None:
            # CLAUSE, X said.  |  CLAUSE, said X.
            m = re.search(r",\s*(?P<region>[^,“”\"\n]{1,80}?(?:,[^,“”\"\n]{1,80},)?)\s+" + _ADVERBS + verb_alt + r"(?P<tail>[^,;“”\"]{0,80})$", text)
            if m and len(text[:m.start()].split()) >= 4:
                spk = A.candidate(ss + m.start("region"), ss + m.end("region"))
                if spk:
                    cs, ce = _trim(body, ss, ss + m.start())
                    found = (cs, ce, spk, m.group(2), "indirect_post")
            if found is None:
                m = re.search(r",\s*" + verb_alt + r"\s+(?P<region>[^,.;“”\"\n]{1,60}?)\s*[.!?]?$", text)
                if m and len(text[:m.start()].split()) >= 4:
                    spk = A.candidate(ss + m.start("region"), ss + m.end("region"))
                    if spk:
                        cs, ce = _trim(body, ss, ss + m.start())
                        found = (cs, ce, spk, m.group(1), "indirect_post")
        if found is None:
            # As X reported/said/noted, CLAUSE
            m = re.match(r"\s*(?:(?:But|And|Yet|So)\s+)?[Aa]s\s+(?P<region>[^,“”\"\n]{2,60}?)\s+" + _ADVERBS + verb_alt
                         + r"(?:\s+(?:in|on|at|last|this|earlier)\s+[^,“”\"\n]{1,40})?\s*,\s*(?=\S)", text)
            if m and m.group(2).lower() in rules.report_forms:
                spk = A.candidate(ss + m.start("region"), ss + m.end("region"))
                if spk is not None and spk.kind != "np" or (spk is not None and re.match(r"(?:the|a|an)\s", m.group("region"), re.I)):
                    cs, ce = _trim(body, ss + m.end(), se)
                    found = (cs, ce, spk, m.group(2), "indirect_as")
        if found is None:
            # CLAUSE, X said, CLAUSE (parenthetical attribution in mid-sentence)
            m = re.search(r",\s*(?P<region>[^,“”\"\n]{1,60}?)\s+" + _ADVERBS + verb_alt + r"\s*,\s+\S", text)
            if m and m.group(2).lower() in rules.report_forms and len(text[:m.start()].split()) >= 4:
                spk = A.candidate(ss + m.start("region"), ss + m.end("region"))
                if spk is not None and spk.kind in ("mention", "pronoun", "role", "name"):
                    cs, ce = _trim(body, ss, ss + m.start())
                    found = (cs, ce, spk, m.group(2), "indirect_post")
        if found is None:
            # X said (that) CLAUSE
            for v in rules.verb_re.finditer(body, ss, se):
                if v.group(1).lower() not in rules.report_forms or A.in_quote(v.start()):
                    continue
                if re.search(r"[”\"»]", body[max(ss, v.start() - 100):v.start()]) and not re.search(r"[.!?;]", body[max(ss, v.start() - 100):v.start()].rsplit("”", 1)[-1]):
                    continue                        # the cue of a quote just before ("“…,” Vance said ahead of …")
                before = body[max(ss, v.start() - 12):v.start()].lower().split()
                if before and before[-1] in {"was", "were", "is", "are", "be", "been", "being", "to"}:
                    continue
                after = body[v.end():se]
                nw = re.match(r"\s*([\w’'-]+)", after)
                if not nw or nw.group(1).lower() in rules.not_after_verb:
                    continue
                spk = A.subject_before(v.start(), ss)
                if spk is None:
                    continue
                th = re.match(r"((?:\s+[\w.’'-]+){0,10}?)\s+that\s", after)
                objc = None
                if v.group(1).lower().startswith(("told", "tell", "inform", "assur", "warn")):
                    # "told Breitbart News he’d support …": object, then a clause opened by a subject pronoun
                    objc = re.match(r"\s+(?:" + "|".join(map(re.escape, rules.reporting_objects))
                                    + r"|him|her|them|me|us|(?:[A-Z][\w.’'&-]*\s+){0,3}[A-Z][\w.’'&-]*)"
                                    + r"\s+(?=(?:he|she|they|it|we|I|there)[\s’'])", after)
                if th and not re.search(r"[,;:]", th.group(1)) or (th and v.group(1).lower().startswith(("told", "tell", "inform", "warn"))):
                    cs = v.end() + th.end()
                elif objc is not None:
                    cs = v.end() + objc.end()
                elif nw.group(1).lower() in _PREP_STOP or v.group(1).lower().startswith(("told", "tell", "inform", "ask", "urge")):
                    continue
                else:
                    cs = v.end()
                cs, ce = _trim(body, cs, se)
                if ce - cs < 15 or len(body[cs:ce].split()) < 3:
                    continue
                found = (cs, ce, spk, v.group(1), "indirect_speaker_verb")
                break
        if found is None:
            continue
        cs, ce, spk, cue, pat = found
        if ce - cs < 10 or mostly_direct(cs, ce) or _MARK_RE.match(body, cs):   # a quotation, not reported speech
            continue
        out.append(_row(A, cs, ce, "indirect", spk, cue, pat))
    return out
