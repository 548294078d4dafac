"""Speaker candidates and their resolution in one article.

``_Article`` holds an article's paragraphs, sentences, speaker-like mentions and the titles
written next to people ("Kremlin spokesman Dmitry Peskov"). ``candidate`` reads a short
phrase as a speaker (name, pronoun, role noun, noun phrase), ``subject_before`` /
``subject_first`` find the subject of a speech verb, ``resolve`` maps a candidate to a named
entity (pronoun -> nearest earlier person subject, role noun -> the person holding that title).
The word lists and phrase patterns these read are in ``phrases.py``.
"""
from __future__ import annotations

import bisect
import re

from tasks.quotes.rules import PERSON_LABELS, SPEAKER_LABELS, Rules
from tasks.quotes.spans import _paragraphs
from tasks.quotes.phrases import (
    _ADVERBS,
    _BARE_AFTER_ROLE,
    _BARE_BEFORE_ROLE,
    _COORDINATED,
    _FRONTED_CLAUSE,
    _Cand,
    _INDEFINITE,
    _NOT_DESCRIPTOR,
    _NOT_SUBJECT,
    _NP_SUBJECT,
    _POSSESSIVE_SUBJECT,
    _PREP_BEFORE,
    _RELATIVE_BEFORE,
    _credit,
    _said_comma,
)


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
        self.mentions = sorted((m for m in mentions if m.get("label") in SPEAKER_LABELS and not _credit(body, m)
                                and not (m["label"] == "NORP" and not m["text"].endswith("s"))
                                and m["text"].lower() not in _NOT_SUBJECT and m["text"].lower() not in rules.adjectives),
                               key=lambda m: m["start_char"])
        self.m_starts = [m["start_char"] for m in self.mentions]
        self.quote_spans = []
        self.named_rows: list[tuple[int, dict]] = []   # (paragraph, row) of quotes with a named speaker, in order
        self.titles: list[tuple[int, set, dict, str]] = []   # (pos, title words, mention, title as written)
        self._anon_re: dict[tuple, re.Pattern] = {}
        self._bare: dict | None = None
        self.gender: dict[str | None, str] = {}   # looked up with a mention's entity_id, which may be None
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

    @property
    def quote_spans(self) -> list[tuple[int, int]]:
        return self._quote_spans

    @quote_spans.setter
    def quote_spans(self, spans: list[tuple[int, int]]) -> None:
        """(open, close) of every quotation; indexed so ``in_quote`` is a bisect, not a scan
        (a scan per lookup was quadratic: 15k quotes in one article took minutes)."""
        self._quote_spans = sorted(spans)
        self._quote_starts = [s for s, _ in self._quote_spans]
        self._quote_max_end = []
        hi = -1
        for _, e in self._quote_spans:
            hi = max(hi, e)
            self._quote_max_end.append(hi)

    def in_quote(self, pos: int) -> bool:
        """Is ``pos`` inside any quotation (``s <= pos < e`` for some span)?"""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and self._quote_max_end[i] > pos

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
            words.reverse()          # read right to left: back to the order of the text ("prime minister")
            ma = re.match(r",\s+(?:who is\s+)?(?:the|a|an|[A-Z][\w.]*[’']s)?\s*([^,.;()\n“”\"]{3,80}?)\s*[,.;)]", body[m["end_char"]:m["end_char"] + 100])
            if ma and r.role_re.search(ma.group(1)):
                words += [w.lower() for w in re.findall(r"[\w.’'-]+", ma.group(1))]
            words += [w.lower() for w in m["text"].split()[:-1]]
            if any(r.role_re.fullmatch(w) for w in words) or r.role_re.search(" ".join(words)):
                self.titles.append((pos, set(words), m, " ".join(words)))
            low = " ".join(words)
            g = None
            if re.search(r"\b(mr\.?|mister|spokesman|chairman|congressman|king|prince|businessman|actor)\b", low):
                g = "m"
            elif re.search(r"\b(mrs\.?|ms\.?|miss|spokeswoman|chairwoman|congresswoman|queen|princess|actress|first lady)\b", low):
                g = "f"
            if g and m.get("entity_id"):
                self.gender.setdefault(m["entity_id"], g)

    # -- resolution
    def _person_subject(self, si: int, before: int | None = None, gender: str | None = None,
                        chain: bool = False) -> dict | None:
        """First PERSON mention outside quotes of sentence ``si`` (of ``gender`` when known). With
        ``chain``, a sentence whose subject is already a pronoun of that gender ("Later, he tried to
        call Putin") has no new subject: None (the pronoun refers further back)."""
        s = self.sents[si]
        end = s["end_char"] if before is None else min(before, s["end_char"])
        if chain and gender:
            pm = self.r.pron_re.search(self.body, s["start_char"], end)
            first = next((m for m in self.mentions_in(s["start_char"], end)
                          if m["label"] in PERSON_LABELS and not self.in_quote(m["start_char"])), None)
            if pm and self.r.person_pronouns.get(pm.group(1).lower()) == gender and not self.in_quote(pm.start()) \
                    and (first is None or pm.start() < first["start_char"]):
                return None
        bare = self.bare_names()
        for m in self.mentions_in(s["start_char"], end):
            if self.in_quote(m["start_char"]):
                continue
            if m["label"] not in PERSON_LABELS:
                if m["text"] in bare["surnames"]:
                    return m        # "Zaluzhnyi said": the model's ORG is the surname of a person named before
                continue
            g = self.gender.get(m.get("entity_id"))
            if gender and g and g != gender:
                continue
            i = bisect.bisect_left(bare["starts"], s["start_char"])
            if i < len(bare["names"]) and bare["starts"][i] < m["start_char"]:
                return bare["names"][i]     # a name the model missed comes first in the sentence
            return m
        i = bisect.bisect_left(bare["starts"], s["start_char"])
        if i < len(bare["names"]) and bare["starts"][i] < end:
            return bare["names"][i]
        return None

    def bare_names(self) -> dict:
        """People the NER missed, named in apposition ("Huw Dylan, a historian of …", "The army
        commander-in-chief, Valerii Zaluzhnyi, was …"): two or three capitalised words that no place,
        group or organisation mention covers. Computed once per article."""
        if self._bare is not None:
            return self._bare
        names, surnames = [], set()
        for rx in (_BARE_BEFORE_ROLE, _BARE_AFTER_ROLE):
            for mm in rx.finditer(self.body):
                s, e = mm.span("name")
                if self.in_quote(s) or any(m["start_char"] <= s and m["end_char"] >= e for m in self.mentions_in(s - 60, e + 60)) \
                        or mm.group("name").split()[0].lower() in _NOT_DESCRIPTOR:
                    continue
                names.append({"start_char": s, "end_char": e, "text": mm.group("name"), "label": "PERSON",
                              "entity_id": None, "entity_name": mm.group("name")})
                surnames.add(mm.group("name").split()[-1])
        names.sort(key=lambda m: int(m["start_char"]))  # type: ignore[arg-type]  # start_char is always an int here
        self._bare = {"names": names, "starts": [m["start_char"] for m in names], "surnames": surnames}
        return self._bare

    def resolve_pronoun(self, pos: int, pronoun: str) -> dict | None:
        """Subject (first PERSON mention outside quotes) of the nearest earlier sentence having one."""
        gender = self.r.person_pronouns.get(pronoun.lower())
        si = self.sent_index(pos)
        m = self._person_subject(si, before=pos, gender=gender)
        if m:
            return m
        for j in range(si - 1, max(-1, si - 8), -1):
            m = self._person_subject(j, gender=gender, chain=True)
            if m:
                return m
        return None

    def group_subject(self, pos: int) -> dict | None:
        """An organisation (ORG/GPE/NORP mention) that is the subject of a speech verb before ``pos``
        in its sentence or the two before ("The FSB claimed … that it possesses …" -> FSB)."""
        si = self.sent_index(pos)
        for j in range(si, max(-1, si - 3), -1):
            ss, se = self.sents[j]["start_char"], min(self.sents[j]["end_char"], pos)
            for v in reversed(list(self.r.verb_re.finditer(self.body, ss, se))):
                if self.in_quote(v.start()):
                    continue
                c = self.subject_before(v.start(), ss)
                if c is not None and c.kind == "mention" and c.mention is not None and c.mention["label"] not in PERSON_LABELS:
                    return c.mention
                if c is not None:
                    return None          # the nearest speaker is a person or a phrase: not an organisation
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
        anonymous = self._last_anonymous(targets, pos)
        for tpos, words, m, joined in self.titles:   # joined in text order (a set's order changes per run)
            if tpos >= pos:
                break
            hit = any(re.search(r"(?<![\w-])" + re.escape(t) + r"(?![\w-])", joined) for t in targets)
            shared = len(mods & words)
            if not hit and not (head == "leader" and shared):
                continue
            key = (int(hit) * 2 + shared, tpos)
            if best_key is None or key > best_key:
                best, best_key = m, key
        if best is not None and best_key is not None and anonymous > best_key[1]:
            return None        # "the official" after "a European intelligence official …": that anonymous one
        return best

    def _last_anonymous(self, targets: set, pos: int) -> int:
        """Position of the last anonymous introduction of the role before ``pos`` ("a senior
        official", "One European intelligence officer"; outside quotes), -1 if none."""
        key = tuple(sorted(targets))
        rx = self._anon_re.get(key)
        if rx is None:
            alt = "|".join(sorted(map(re.escape, targets), key=len, reverse=True))
            rx = self._anon_re[key] = re.compile(
                r"(?<![\w-])(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,4}?(?:" + alt + r")(?![\w-])")
        last = -1
        for m in rx.finditer(self.body, max(0, pos - 6000), pos):
            if self.in_quote(m.start()):
                continue
            named = self.mentions_in(max(0, m.start() - 60), m.start())
            if named and named[-1]["label"] in PERSON_LABELS and re.fullmatch(r"[’']?,\s*", self.body[named[-1]["end_char"]:m.start()]):
                continue       # "Dmitry Peskov, a senior official": the title of a named person
            last = m.start()
        return last

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
        ms = list(self.mentions_in(hs, he))
        persons = [m for m in ms if m["label"] in PERSON_LABELS]
        pick = (persons or ms)[-1] if ms else None
        if pick is not None:
            after = body[pick["end_char"]:he].strip()
            before = body[hs:pick["start_char"]]
            bw = re.findall(r"[\w.’'-]+", re.sub(r"(?<=[A-Z]\w)(\w*)\s+(?:of|for)\s+(?=[A-Z])", r"\1 ", before))
            # title words before the name: capitalised, title modifiers, role nouns, determiners,
            # possessives, or (up to 5) other lowercase descriptors ("election law expert",
            # "Virginia delegate", "Senate minority leader") -- but never a clause (who/said/of …)
            ok_before = len(bw) <= 7 and all(
                w[0].isupper() or w.lower() in r.title_modifiers or r.role_re.fullmatch(w.lower())
                or w.lower() in {"the", "a", "an"} or w.lower().endswith(("’s", "'s"))
                or w[0].isdigit() or (w.isalpha() and w.lower() not in _NOT_DESCRIPTOR and w.lower() not in r.verb_forms)
                for w in bw) and sum(1 for w in bw if w[0].islower()) <= 5
            if ok_before and (not after or after.lower() in {"himself", "herself", "jr.", "sr."}
                              or re.fullmatch(r"\([^()]{1,30}\)", after)
                              # an affiliation: "James Pethokoukis of the American Enterprise Institute"
                              or (pick["label"] in PERSON_LABELS
                                  and re.fullmatch(r"(?:of|from|at|with)\s+(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[\w.&’'-]+){0,6}", after))):
                return _Cand(pick["start_char"], pick["end_char"], "mention", pick,
                             pick.get("entity_id"), pick.get("entity_name") or pick["text"])
        low = head.lower()
        if low in r.person_pronouns or low in r.group_pronouns or low == "i":
            return _Cand(hs, he, "pronoun")
        if low in ("one", "another"):
            return _Cand(hs, he, "np")          # "…,” said one."
        if low in _NOT_SUBJECT or low in r.adjectives:
            return None                         # "As noted …", "Russian": a function word or an adjective is no speaker
        words = re.findall(r"[\w.’'-]+", head)
        if r.role_re.search(low) and r.role_re.search(low.split()[-1]) and len(words) <= 7:
            return _Cand(hs, he, "role")
        if words and all(w[0].isupper() for w in words) and len(words) <= 4 and low not in {"i", "we"}:
            m = self.surnames.get(words[-1].lower())
            if m:
                return _Cand(hs, he, "mention", m, m.get("entity_id"), m.get("entity_name") or m["text"])
            return _Cand(hs, he, "name")
        if re.match(r"(the|a|an|one|another|some|many|two|three|several|other|his|her|their|its|my|our)\s", low) and len(words) <= 8:
            return _Cand(hs, he, "np")
        if low in {"sources", "officials", "critics", "analysts", "experts", "aides", "witnesses", "residents"}:
            return _Cand(hs, he, "np")
        return None

    def resolve(self, c: _Cand) -> tuple[str | None, str | None, str]:
        """(entity_id, name, how) for a speaker candidate; how is named|pronoun|role|unresolved."""
        if c.kind == "mention":
            return c.entity_id, c.name, "named"
        if c.kind == "pronoun":
            low = self.body[c.start:c.end].lower()
            if low in ("it", "they"):
                m = self.group_subject(c.start)      # "The FSB claimed that it …"
                if m:
                    return m.get("entity_id"), m.get("entity_name") or m["text"], "pronoun"
            if low == "i" or low in self.r.group_pronouns:
                return None, None, "unresolved"      # the writer / a thing / a group ("they"): never one person
            m = self.resolve_pronoun(c.start, self.body[c.start:c.end])
            if m:
                return m.get("entity_id"), m.get("entity_name") or m["text"], "pronoun"
            return None, None, "unresolved"
        if c.kind == "role":
            if _INDEFINITE.match(self.body, c.start, c.end):
                return None, None, "unresolved"     # "one US official", "a senior official": an anonymous source
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
        """Leftmost speaker candidate (mention outside quotes or subject pronoun) in body[lo:hi], after a
        fronted subordinate clause ("When Wallace died in 1998, President Clinton released …")."""
        body = self.body
        fronted = _FRONTED_CLAUSE.match(body, lo, hi)
        if fronted:
            lo = fronted.end()
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
            m = self._titled_person(ms)
            cands.append(_Cand(m["start_char"], m["end_char"], "mention", m, m.get("entity_id"), m.get("entity_name") or m["text"]))
        if pm and not self.in_quote(pm.start()):
            cands.append(_Cand(pm.start(), pm.end(), "pronoun"))
        # a possessive noun phrase opening the clause ("Ryan’s campaign shrugged off …, telling reporters, “…”")
        mp = _POSSESSIVE_SUBJECT.match(body, lo, hi)
        if mp and not cands and mp.group(1).split()[-1] not in _NOT_DESCRIPTOR and mp.group(1).split()[-1] not in self.r.verb_forms:
            cands.append(_Cand(mp.start(1), mp.end(1), "role" if self.r.role_re.fullmatch(mp.group(1).split()[-1]) else "np"))
        return min(cands, key=lambda c: c.start) if cands else None

    def _titled_person(self, ms: list[dict]) -> dict:
        """The first of ``ms``, or the person it is a title word of ("U.S. Ambassador to NATO Matthew
        Whitaker": the GPE "U.S." opens the title of the person)."""
        first = ms[0]
        if first["label"] in PERSON_LABELS:
            return first
        for m in ms[1:3]:
            between = self.body[first["end_char"]:m["start_char"]]
            if m["label"] in PERSON_LABELS and len(between) <= 60 and re.fullmatch(
                    r"(?:\s+(?:[A-Z][\w.’'-]*|" + "|".join(map(re.escape, self.r.title_modifiers)) + r"|to|of|for))*\s+", between):
                return m
        return first

    def _coordinated_subject(self, verb_s: int, lo: int) -> _Cand | None:
        """Subject of a coordinated verb phrase ("He thanked Trump ... and said": the clause's first
        candidate; a gerund after "by": "He explained the headline by saying:"; "…, he said,
        insisting that …": the subject of the speech verb just before)."""
        seg = self.body[lo:verb_s]
        if not _COORDINATED.search(seg) or self._named_before_comma(seg, lo) or _RELATIVE_BEFORE.search(seg):
            return None
        said = _said_comma(self.r.verb_alt).search(seg)
        if said and not self.in_quote(lo + said.start()):
            prev = self.subject_before(lo + said.start(), lo)
            if prev is not None:
                return prev
        fronted = _FRONTED_CLAUSE.match(seg)       # "When asked whom she supported, Ms. Sherry smiled and said"
        return self.subject_first(lo + (fronted.end() if fronted else 0), verb_s)

    def _named_before_comma(self, seg: str, lo: int) -> bool:
        """"…, Gov. John Kasich (R-OH), said": the comma closes the subject's name and its parenthesis
        (party and state), it does not coordinate two verb phrases."""
        mc = re.search(r"\s*\([^()\n]{1,30}\)\s*,\s*$", seg)
        if mc is None:
            return False
        end = lo + mc.start()
        for m in self.mentions_in(max(lo, end - 60), end):
            if m["end_char"] != end or m["label"] not in PERSON_LABELS or self.in_quote(m["start_char"]):
                continue
            # the name opens its clause (after a comma or the sentence start, titles allowed): it is the subject
            before = self.body[lo:m["start_char"]].rsplit(",", 1)[-1]
            return bool(re.fullmatch(r"\s*(?:(?:[A-Z][\w.’'-]*|former|the)\s+)*", before))
        return False

    def subject_before(self, verb_s: int, lo: int) -> _Cand | None:
        """Closest speaker candidate left of a verb (its subject), within body[lo:verb_s]."""
        body, r = self.body, self.r
        best: _Cand | None = None
        coordinated = self._coordinated_subject(verb_s, lo)
        if coordinated is not None:
            return coordinated
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
        for rm in re.finditer(r"(?:(?<=\s)|^)((?:the|a|an|one|another|[A-Z][\w.]*[’']s)\s+(?:[\w.’'-]+\s+){0,3}?)?(?:" + r.role_re.pattern + r")", seg, re.I):
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
            words = mnp.group(1).split()
            head = words[-1].lower()
            # a verb form is the head noun right after a determiner ("One tweet said", "The report says")
            noun_after_det = len(words) == 2 and words[0].lower() in {"the", "a", "an", "one", "another", "his", "her", "its", "their", "this", "that"}
            if head not in _NOT_DESCRIPTOR and (head not in r.verb_forms or noun_after_det):
                return _Cand(lo + mnp.start(1), lo + mnp.end(1), "np")
        if not cands:
            return None
        c = max(cands, key=lambda c: c.end)
        # a role word immediately before a name is its title ("Kremlin spokesman Dmitry Peskov")
        if c.kind == "role" and best is not None and best.start >= c.start and best.end >= c.end:
            return best
        if c.kind == "role" and best is not None and best.start >= c.start:
            return c       # "the Russian leader": the name or adjective inside is a modifier of the role
        if c.kind == "role" and best is not None and re.fullmatch(r"[\s,]*", body[best.end:c.start] or " ") and c.start > best.end \
                and (best.mention is None or best.mention["label"] in PERSON_LABELS or re.match(r"\s*,", body[c.end:verb_s])):
            return best    # "Peskov, the Kremlin spokesman, said" (not "According to TASS, the Russian leader said")
        if verb_s - c.end > 120:
            return None
        return c

