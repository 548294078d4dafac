"""Speaker candidates and their resolution in one article.

``_Article`` holds an article's paragraphs, sentences, speaker-like mentions and the titles
written next to people ("Kremlin spokesman Dmitry Peskov") with the genders they show (read in ``titles.py``). ``candidate`` reads a short
phrase as a speaker (name, pronoun, role noun, noun phrase), ``subject_before`` /
``subject_first`` find the subject of a speech verb (these three are in ``subjects.py``),
``resolve`` maps a candidate to a named entity (pronoun -> nearest earlier person subject, in ``pronouns.py``; role
noun -> the person holding that title, in ``roles.py``); the person subject of a sentence is read in
``person_subjects.py``. The word lists and phrase patterns these read are in
``phrases.py``.
"""
from __future__ import annotations

import bisect
import re

from tasks.entities.rules import _given_names, given_name_gender
from tasks.quotes import (anonymous, candidates, court, interviews, org_subjects, person_subjects, pronouns, roles, spokespeople, subjects,
                          titles)
from tasks.quotes.rules import PERSON_LABELS, SPEAKER_LABELS, Rules
from tasks.quotes.spans import _paragraphs
from tasks.quotes.phrases import (
    _ADVERBS,  # noqa: F401  (re-exported: clauses, after_quote, indirect import it from here)
    _BARE_AFTER_ROLE,
    _BARE_BEFORE_ROLE,
    _BARE_GIVEN_BEFORE_ROLE,
    _FRONTED_CLAUSE,
    _Cand,
    _NOT_DESCRIPTOR,
    _NOT_SUBJECT,
    _credit,
    unlinked_mention,
)


def _surname_people(mentions: list[dict], adjectives: frozenset) -> list[dict]:
    """A nationality word that is a person's surname is that person ("Mark Cuban … Cuban said": the model's NORP
    "Cuban", a nationality adjective otherwise dropped, is the surname of a PERSON named in full)."""
    full: dict[str, dict] = {}
    for m in mentions:
        words = m["text"].split()
        if m.get("label") in PERSON_LABELS and len(words) >= 2:
            full.setdefault(words[-1], m)
    if not full:
        return mentions
    out = []
    for m in mentions:
        p = full.get(m["text"]) if m.get("label") == "NORP" or m["text"].lower() in adjectives else None
        out.append(m if p is None else {**m, "label": p["label"], "entity_id": p.get("entity_id"),
                                        "entity_name": p.get("entity_name") or p["text"], "surname_of": p["text"]})
    return out


#: "FRANK MORRIS, BYLINE:", "JAKE TAPPER, CNN ANCHOR:" opening a paragraph: a transcript label with its role
_TRANSCRIPT_INTRO = re.compile(r"(?m)^[\s\"“]*(?P<name>[A-Z][A-Z.’'-]+(?: [A-Z][A-Z.’'-]+){0,3}),\s*(?P<role>[A-Z][A-Z ]{1,30}?)\s*:")


#: a short title right before a name ("|Mrs |Pascoe-Whitlock"), its gender read from quote_patterns.txt [gendered_words]
_TITLE_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z]{1,3}\.?)[^\S\n]+$")
#: a fronted place phrase then a form of "be" and the subject after it ("Among those in the gallery was …")
_INVERTED_SUBJECT = re.compile(r"\s*(?:In|On|At|Among|Alongside|Beside|Inside|Outside|Within|Across|Throughout|Under"
                               r"|Amid|With|From)\b[^,]*?\s(?:was|were|is|are)\s")
#: an opening "participle" that is the first word of a main clause: a finite verb follows with no subordinate word
#: or pronoun before it ("|Listed dairy processor Tararua Valley Dairy (TVD) will| close its plant in March, putting …")
_FINITE_AFTER_PARTICIPLE = re.compile(r"\s*[A-Z][a-z]+(?:ing|ed)\b(?:(?!\b(?:who|which|that|he|she|it|they|we|I|you|what|whether"
                                      r"|how|when|where|if|because|after|before|since|to)\b)[^,])*?"
                                      r"\b(?:will|would|has|have|had|is|are|was|were|said|says)\b")


class _Article:
    def __init__(self, article: dict, sentences: list[dict], mentions: list[dict], rules: Rules):
        self.r = rules
        self.body = body = article["body"]
        self.aid = article["article_id"]
        self.outlet = (article.get("outlet") or "").lower()     # the site's own name: never whom "he"/"she" stands for
        site = self.outlet.split(".")[0] if "." in self.outlet and " " not in self.outlet else self.outlet
        site_words = re.findall(r"[a-z0-9]+", site)
        #: the site's name as letters and digits, its initials and its word count ("oc-media.org": "ocmedia", "om", 2)
        self._site_key = ("".join(site_words), "".join(w[0] for w in site_words), len(site_words))
        self.paras = _paragraphs(body)
        self.para_starts = [p[0] for p in self.paras]
        sents = sorted(sentences, key=lambda s: s["start_char"]) if sentences else []
        if not sents:
            sents = [{"sentence_no": i, "paragraph_no": i, "start_char": s, "end_char": e, "text": body[s:e]}
                     for i, (s, e) in enumerate(self.paras)]
        self.sents = sents
        self.sent_starts = [s["start_char"] for s in sents]
        self.mentions = sorted((m for m in _surname_people(mentions, rules.adjectives) if m.get("label") in SPEAKER_LABELS and not _credit(body, m)
                                and not (m["label"] == "NORP" and not m["text"].endswith("s"))
                                and m["text"].lower() not in _NOT_SUBJECT
                                and (m["text"].lower() not in rules.adjectives or "surname_of" in m)),
                               key=lambda m: m["start_char"])
        self.m_starts = [m["start_char"] for m in self.mentions]
        self.quote_spans = []
        self.named_rows: list[tuple[int, dict]] = []   # (paragraph, row) of quotes with a named speaker, in order
        self.titles: list[tuple[int, set, dict, str]] = []   # (pos, title words, mention, title as written)
        self._anon_re: dict[tuple, re.Pattern] = {}
        self._bare: dict | None = None
        self._narrators: frozenset[str] | None = None
        self._told_names: set[str] | None = None     # whom the article's people told something (person_subjects)
        self.gender: dict[str | None, str] = {}   # looked up with a mention's entity_id, which may be None
        self.name_gender: dict[str | None, str] = {}   # the given name's usual gender: used first, then ignored
        self._soft_gender = True
        self.surnames: dict[str, dict] = {}
        for m in self.mentions:
            if m["label"] in PERSON_LABELS:
                for tok in (m.get("entity_name") or m["text"]).split()[-1:]:
                    self.surnames.setdefault(tok.lower(), m)
                    first = tok.split("-")[0]      # "Larrañaga added" for Iñigo Larrañaga-Bidegain
                    if "-" in tok and len(first) >= 4 and first[0].isupper():
                        self.surnames.setdefault(first.lower(), m)
        titles.collect_titles(self)

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

    @property
    def quote_spans(self) -> list[tuple[int, int]]:
        return self._quote_spans

    @quote_spans.setter
    def quote_spans(self, spans: list[tuple[int, int]]) -> None:
        """(open, close) of every quotation; indexed so ``in_quote`` is a bisect, not a scan
        (a scan per lookup was quadratic: 15k quotes in one article took minutes)."""
        self._quote_spans = sorted(spans)
        self._gender_read = False         # pronoun evidence is read outside quotes: again once they are known
        self._quote_starts = [s for s, _ in self._quote_spans]
        self._quote_max_end = []
        hi = -1
        for _, e in self._quote_spans:
            hi = max(hi, e)
            self._quote_max_end.append(hi)

    def nicknames_masked(self, start: int, text: str) -> str:
        """``text`` (at ``start`` in the body) with the quotation marks inside a person's name made apostrophes, so a
        name with a nickname reads as one speaker phrase ("AWU WA branch secretary Stephen “Stevo” Karadimas said")."""
        if not any(c in text for c in "“”\"«»"):
            return text
        chars = list(text)
        for m in self.mentions_in(start, start + len(text)):
            if m["label"] in PERSON_LABELS:
                for i in range(max(m["start_char"], start), min(m["end_char"], start + len(text))):
                    if chars[i - start] in "“”\"«»":
                        chars[i - start] = "'"
        return "".join(chars)

    def in_quote(self, pos: int) -> bool:
        """Is ``pos`` inside any quotation (``s <= pos < e`` for some span)?"""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and self._quote_max_end[i] > pos

    def fronted(self, lo: int, hi: int) -> re.Match | None:
        """A fronted clause opening body[lo:hi] (``_FRONTED_CLAUSE``: "When asked …,", "Smiling broadly,"), unless its
        first word is a name: "Boreing said …, but said", "Ahmed, the chairman,", "Fred Ahmed said", "United Illuminating
        reported" are a subject, not a participle (but "Sentencing Pettigrew-Nwosu, the judge said": the model took the
        participle into a person's name that opens with no given name)."""
        m = _FRONTED_CLAUSE.match(self.body, lo, hi)
        if m is None or _INVERTED_SUBJECT.match(m.group(0)) or _FINITE_AFTER_PARTICIPLE.match(m.group(0)):
            return None     # "Among those in the gallery was 71-year-old Lorraine X, who …": the subject, inverted;
            #                 "Listed dairy processor X (TVD) will close its plant in March,": a main clause
        w = lo + len(self.body[lo:hi]) - len(self.body[lo:hi].lstrip())
        named = next((x for x in self.mentions_in(w, hi) if x["start_char"] == w), None)
        if named is None or named["label"] not in SPEAKER_LABELS:
            return m
        words = named["text"].split()
        person = named["label"] in PERSON_LABELS
        return None if not person or len(words) == 1 or words[0] in _given_names() else m

    def words_gender(self, words: list[str]) -> str | None:
        """The gender the title or role words tell (quote_patterns.txt [gendered_words]), the last such word first
        ("Mr Smith's widow": f); None when none does."""
        for w in reversed(words):
            g = self.r.gendered_words.get(w.lower())
            if g:
                return g
        return None


    # -- resolution
    def _person_subject(self, si: int, before: int | None = None, gender: str | None = None,
                        chain: bool = False) -> dict | None:
        """The person subject of sentence ``si`` (``person_subjects.person_subject``)."""
        return person_subjects.person_subject(self, si, before, gender, chain)

    def apposed_opening(self, si: int, end: int, gender: str | None) -> dict | None:
        """The person apposed to a possessive role opening sentence ``si`` (``person_subjects.apposed_opening``)."""
        return person_subjects.apposed_opening(self, si, end, gender)

    def as_place(self, m: dict, start: int) -> bool:
        """Is the person mention ``m`` an outlet, a place or a modifier (``person_subjects.as_place``)?"""
        return person_subjects.as_place(self, m, start)

    def mention_gender(self, m: dict) -> str | None:
        """The gender of a person mention: its honorific's, its entity's pronouns' in the article, or (while
        ``_soft_gender``) its given name's usual one; None when nothing tells."""
        if not self._gender_read:
            self._gender_read = True
            titles.collect_pronoun_gender(self)
        return self._honorific_gender(m) or self.gender.get(m.get("entity_id")) \
            or (self.name_gender.get(m.get("entity_id")) if self._soft_gender else None)

    def _first_person(self, start: int, end: int, gender: str | None) -> dict | None:
        """First person outside quotes in body[start:end] (``person_subjects.first_person``)."""
        return person_subjects.first_person(self, start, end, gender)

    def _honorific_gender(self, m: dict) -> str | None:
        """The gender the short title right before this mention tells ("|Mr| Pascoe-Whitlock said" is the husband
        even where the entity also stands for "Mrs Pascoe-Whitlock", his wife); None without one."""
        title = _TITLE_WORD_BEFORE.search(self.body, max(0, m["start_char"] - 8), m["start_char"])
        return self.words_gender([title.group(1)]) if title else None

    def _is_outlet(self, m: dict) -> bool:
        """Is mention ``m`` the site's own name (``person_subjects.is_outlet``)?"""
        return person_subjects.is_outlet(self, m)

    def bare_names(self) -> dict:
        """People the NER missed, named in apposition ("Huw Dylan, a historian of …", "The army
        commander-in-chief, Valerii Zaluzhnyi, was …"): two or three capitalised words that no place,
        group or organisation mention covers. Computed once per article."""
        if self._bare is not None:
            return self._bare
        names, surnames = [], set()
        for rx in (_BARE_BEFORE_ROLE, _BARE_AFTER_ROLE, _BARE_GIVEN_BEFORE_ROLE):
            for mm in rx.finditer(self.body):
                s, e = mm.span("name")
                if self.in_quote(s) or any(m["start_char"] <= s and m["end_char"] >= e for m in self.mentions_in(s - 60, e + 60)) \
                        or mm.group("name").split()[0].lower() in _NOT_DESCRIPTOR \
                        or (rx is _BARE_GIVEN_BEFORE_ROLE and mm.group("name") not in _given_names()
                            and given_name_gender(mm.group("name")) is None):
                    continue
                names.append(unlinked_mention(s, e, mm.group("name"), "PERSON"))
                surnames.add(mm.group("name").split()[-1])
        names.sort(key=lambda m: int(m["start_char"]))
        self._bare = {"names": names, "starts": [m["start_char"] for m in names], "surnames": surnames}
        return self._bare

    def resolve_pronoun(self, pos: int, pronoun: str) -> dict | None:
        """The person a pronoun at ``pos`` stands for (``pronouns.resolve_pronoun``)."""
        return pronouns.resolve_pronoun(self, pos, pronoun)

    def _anonymous_subject(self, si: int, gender: str | None) -> dict | None:
        """An unnamed person opening sentence ``si`` as a speaker (``anonymous.anonymous_subject``)."""
        return anonymous.anonymous_subject(self, si, gender)

    def _described_by(self, c: _Cand) -> dict | None:
        """The unnamed person whose noun phrase, opening the sentence, holds the mention ``c`` ("An engineer at |Lunar
        Meridian|"; ``anonymous.anonymous_subject``), else None; not a spokesperson's ("A spokesperson for |X|": X speaks)."""
        si = self.sent_index(c.start)
        np = self.anonymous_np(si)
        s = self.sents[si]["start_char"]
        if np is None or spokespeople.SPOKES.search(np) or not (s <= c.start and c.end <= self.body.index(np, s) + len(np)):
            return None         # (a spokesperson's organisation or person speaks: "A spokesperson for |Nepra| said")
        return anonymous.anonymous_subject(self, si, None)

    def anonymous_np(self, si: int) -> str | None:
        """The noun phrase of an unnamed person opening sentence ``si`` (``anonymous.anonymous_np``)."""
        return anonymous.anonymous_np(self, si)

    def group_subject(self, pos: int) -> dict | None:
        """The organisation a "they"/"it" at ``pos`` stands for (``pronouns.group_subject``)."""
        return pronouns.group_subject(self, pos)

    def narrators(self) -> frozenset[str]:
        """Upper-case transcript labels of the outlet's own journalists: "FRANK MORRIS, BYLINE:" gives "FRANK
        MORRIS" and "MORRIS" (quote_patterns.txt [narrator_roles]). Computed once per article."""
        if self._narrators is None:
            found: set[str] = set()
            for m in _TRANSCRIPT_INTRO.finditer(self.body):
                if set(m.group("role").lower().split()) & self.r.narrator_roles:
                    found.update((m.group("name"), m.group("name").split()[-1]))
            self._narrators = frozenset(found)
        return self._narrators

    def org_subject(self, pos: int) -> dict | None:
        """The organisation that opens the nearest sentence before ``pos`` (``org_subjects.org_subject``)."""
        return org_subjects.org_subject(self, pos)

    # -- speaker phrase
    def candidate(self, s: int, e: int) -> _Cand | None:
        """Interpret body[s:e] (a short phrase) as a speaker (``candidates.candidate``)."""
        return candidates.candidate(self, s, e)

    def resolve(self, c: _Cand) -> tuple[str | None, str | None, str]:
        """(entity_id, name, how) for a speaker candidate; how is named|pronoun|role|unresolved."""
        if c.kind == "mention":
            bench = court.bench_judge(self, _Cand(c.start - 4, c.end, "np")) \
                if self.body[max(0, c.start - 4):c.start].lower() == "the " else None
            if bench is not None:       # "The Single Bench of Justice X observed" then "the Court said" (the model's ORG)
                return bench.get("entity_id"), bench.get("entity_name") or bench["text"], "role"
            anonymous = self._described_by(c)
            if anonymous is not None:   # "An engineer at |Lunar Meridian|, who asked not to be named, said": the engineer
                return anonymous.get("entity_id"), anonymous.get("entity_name") or anonymous["text"], "role"
            return c.entity_id, c.name, "named"
        if c.kind == "pronoun":
            low = self.body[c.start:c.end].lower()
            low = {"him": "he", "her": "she"}.get(low, low)     # "According to him"
            if low in ("it", "they"):
                m = self.group_subject(c.start) or (pronouns.singular_they(self, c.start) if low == "they"
                                                    else self.org_subject(c.start))
                if m:       # "The FSB claimed that it …"; "A paramedic, who asked not to be named, said they …";
                    #             "The Victorian Department of Transport rejected the request. It said …"
                    return m.get("entity_id"), m.get("entity_name") or m["text"], "pronoun"
            interviewee = interviews.first_person(self, c.start) if low == "i" else \
                interviews.second_person(self, c.start) if interviews.is_you(low) else None
            if interviewee is not None:     # "Achieng-Mutua: … I told my co-founder, “…”": the person answering
                return interviewee.get("entity_id"), interviewee.get("entity_name") or interviewee["text"], "pronoun"
            if low == "i" or interviews.is_you(low) or low in self.r.group_pronouns:
                return None, None, "unresolved"      # the writer / a thing / a group ("they"): never one person
            m = interviews.answer_person(self, c.start, low) if low in ("he", "she") else None
            m = m or self.resolve_pronoun(c.start, low)
            if m:
                return m.get("entity_id"), m.get("entity_name") or m["text"], "pronoun"
            return None, None, "unresolved"
        nat = re.fullmatch(r"[Tt]he\s+(\w+)", self.body[c.start:c.end]) if c.kind == "name" else None
        if nat and self.r.nationality(nat.group(1)):
            c = _Cand(c.start, c.end, "role")      # "The Norwegian said:" (the model's NORP, read as a name)
        if c.kind in ("role", "np"):
            m = roles.role_speaker(self, c)
            if m:
                return m.get("entity_id"), m.get("entity_name") or m["text"], "role"
            one = _ONE_OF_GROUP.fullmatch(self.body, c.start, c.end)
            if one:     # "One of my battalion chiefs told me: …": a battalion chief, as readers name such a source
                return None, _singular(one.group(1)), "role"
        return None, None, "unresolved"

    def aside(self, m: dict) -> bool:
        """A mention that cannot be a subject: inside parentheses ("Kasich (R-OH)") or a dateline
        ("WASHINGTON, Dec. 8 (UPI) —", "ST. LOUIS —": all capitals at a paragraph start)."""
        body, s, e = self.body, m["start_char"], m["end_char"]
        if re.search(r"\([^()\n“”\"]{0,60}$", body[max(0, s - 61):s]) and re.match(r"[^()\n“”\"]{0,60}\)", body[e:e + 61]):
            return True     # (also "Cllr Tomasz Wiśniewski-Hart (|Lib Dem|, Huntington and New Earswick) urged")
        pi = self.para_index(s)
        text = m["text"]
        return (s - self.paras[pi][0] <= 3 and text.upper() == text and any(c.isalpha() for c in text)
                and bool(re.match(r"\s*(?:,|—|–|-|\()", body[e:e + 3])))

    def subject_first(self, lo: int, hi: int) -> _Cand | None:
        """Leftmost speaker candidate opening the clause body[lo:hi] (``subjects.subject_first``)."""
        return subjects.subject_first(self, lo, hi)

    def subject_before(self, verb_s: int, lo: int) -> _Cand | None:
        """Closest speaker candidate left of a verb, its subject (``subjects.subject_before``)."""
        return subjects.subject_before(self, verb_s, lo)


#: one unnamed member of someone's group ("One of our |English instructors|", "one of the |older guys|")
_ONE_OF_GROUP = re.compile(r"[Oo]ne[^\S\n]+of[^\S\n]+(?:my|our|his|her|their|its|the)[^\S\n]+((?:[\w’'-]+[^\S\n]+){0,2}[\w’'-]+s)")


def _singular(phrase: str) -> str:
    """The phrase with its last word in the singular ("battalion chiefs" -> "battalion chief", "deputies" -> "deputy",
    "coaches" -> "coach")."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith("ies"):
        last = last[:-3] + "y"
    elif re.search(r"(?:ch|sh|ss|x)es$", last):
        last = last[:-2]
    else:
        last = last[:-1]
    return f"{head} {last}" if head else last
