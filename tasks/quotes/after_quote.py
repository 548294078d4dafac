"""The speaker written after a quotation's closing mark: "…,” said Putin", "…,” Putin said", "…,” Peskov, the Kremlin
spokesman, said", "…,” he told reporters", "…,” according to TASS", and where that clause rather introduces the next
quotation. ``said_x`` reads a speaker phrase next to a speech verb and is shared by the other families in
``direct.py``; split out of direct.py unchanged. Written by hand: no parser or library attributes news quotations.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from tasks import rulefiles
from tasks.quotes import appositions, candidates
from tasks.quotes.partial import noun_before_verb
from tasks.quotes.phrases import _NOT_AFTER_DETERMINER
from tasks.quotes.rules import PERSON_LABELS
from tasks.quotes.site import Attribution, QuoteSite
from tasks.quotes.speakers import _ADVERBS, _Article, _Cand


#: the period of a title (rules/honorifics.txt, and "St", "Jr", "Sr") or an initial inside a name ("said former Gov.
#: Bill Richardson", "said Coun. Thomas Ahn", "said John F. Kennedy")
ABBREV_DOT = "(?:" + "|".join(rf"(?<=\b{t})" for t in (
    *map(re.escape, rulefiles.lines("honorifics.txt")), "St", "Jr", "Sr", "[A-Z]")) + r")\.(?=\s+[A-Z])" \
    + r"|(?<=\b[A-Z])\.(?=[A-Z]\.)" \
    + r"|(?:" + "|".join(rf"(?<=\b{t})" for t in ("Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Atty")) \
    + r")\.(?=\s+and\s+[A-Z])"


#: labels of places: before a comma, the last comma segment speaks when it is a speaker ("…” South Carolina, he said")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


#: a nickname in quotation marks between two words of a name ("Ephraim| "Doc"| Mudau-Lindström")
_NICKNAME_IN_NAME = r"(?<=[^\W\d_]) [\"“‘'][A-Z][^\"“”‘’\n,.;:!?]{0,30}?[\"”’'](?= [A-Za-z])"


def said_x(A: _Article, rest_s: int, post_lim: int) -> _Cand | None:
    """The speaker phrase right after a verb (", said Putin on Monday" -> Putin)."""
    body = A.body
    # a party and state in brackets may hold periods ("said Sen. Dick Durbin (D-Ill.) in an interview")
    # … and a quoted nickname inside a name ("said station commander Ephraim "Doc" Mudau-Lindström")
    mm = re.match(r"(?:\([^()\n]{1,30}\)|" + _NICKNAME_IN_NAME + r"|[^,.;:!?\n“”\"]|" + ABBREV_DOT + r"){1,80}",
                  body[rest_s:post_lim])
    if not mm:
        return None
    endp = rest_s + mm.end()
    one = candidates.described_one(A, rest_s, post_lim)
    if one is not None:
        return one      # ", said one of them, a claims handler with 11 years at the company."
    # stop the speaker phrase before prepositions ("said Putin on Monday")
    # … and before a participle ("said a Ukrainian official stationed in Washington") but not inside
    # a title ("said Ukrainian Minister of Defence Mykhailo Fedorov")
    for inner in re.finditer(r"(?:\s[a-z]+(?:ed|ing))?\s(?P<prep>on|in|at|during|after|before|while|when|as|from|to|of|for|about|that|who|which)\s",
                             body[rest_s:endp]):
        if inner.group("prep") == "to" and body[rest_s:rest_s + inner.start()].endswith(" close"):
            continue       # "a source close to Khan"
        if inner.group("prep") in ("of", "for") and not any(
                m["label"] in PERSON_LABELS for m in A.mentions_in(rest_s, rest_s + inner.start())) and (
                body[rest_s + inner.end()].isupper() or _name_ends_title(A, rest_s + inner.end(), endp)):
            continue      # "said Minister of Defence Mykhailo Fedorov", "said master of ceremonies Asab Al-Tabchi"
        endp = rest_s + inner.start()
        break
    c = A.candidate(rest_s, endp)
    unnamed = c is not None and c.kind == "mention" and c.entity_id is None      # ("the man" of "A man who lives …")
    if c is not None and (c.kind in ("role", "np") or unnamed) and appositions._APPOSITION_COMMA.match(body, endp, post_lim):
        # ", said the group's chair, James Wallace.": the person named after the role speaks (also after a short phrase
        # of the role: "said his wife| of 56 years, Magdalena X"; and after an unnamed person: "said the man, X")
        stop = re.search(r"[.;!?\n]|$", body[endp:post_lim])
        stop_e = endp + stop.start() if stop else post_lim
        named = appositions._apposed_name(A, endp, stop_e) or appositions.misread_apposed_name(A, c.start, endp, stop_e)
        if named is not None:
            return named
    if (c is None or c.kind == "np") and body.startswith(",", endp) and _POSSESSIVE_NOUN.fullmatch(body[rest_s:endp].strip()):
        # ", exhorted Clinton’s introducer, actress Jamie Lee Curtis.": no role noun, the person named after it speaks
        nm = re.match(r"[^\S\n]*((?:[^,.;:!?\n“”\"]|" + ABBREV_DOT + r"){2,80})", body[endp + 1:post_lim])
        named = A.candidate(endp + 1 + nm.start(1), endp + 1 + nm.end(1)) if nm else None
        if named is not None and named.kind == "mention" and named.mention is not None \
                and named.mention["label"] in PERSON_LABELS:
            return named
    return c


#: "Clinton’s introducer", "the senator’s wife": a possessive name and one lowercase noun
_POSSESSIVE_NOUN = re.compile(r"(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.-]*[’']s\s+[a-z][\w-]*")




def _name_ends_title(A: _Article, s: int, e: int) -> bool:
    """Does a PERSON mention follow within two lowercase words in body[s:e] ("of ceremonies Asab Al-Tabchi")?"""
    for m in A.mentions_in(s, e):
        return m["label"] in PERSON_LABELS and bool(re.fullmatch(r"(?:[a-z][\w-]*\s+){1,2}", A.body[s:m["start_char"]]))
    return False


def speaker_after(A: _Article, site: QuoteSite) -> Attribution | None:
    """Speaker after the closing mark: ", said X" / ", X said" / ", X, the Y, said" / "X told Y" / "X wrote in".

    Patterns verb_speaker, speaker_verb, appositive, verb_object, verb_in.
    """
    r, body, rules, post_lim = site.raw, A.body, A.r, site.post_lim
    if r.close_s is None:
        return None
    post = body[r.close_e:post_lim]
    mv = re.match(r"[\s,;]*(?:[—–-]\s*)?" + _ADVERBS + r"(?P<verb>" + rules.quote_verb_alt + r")(?![\w’'-])\s+", post)
    if mv and not mv.group("verb").lower().endswith("ing"):     # not a participle: "…,' noting two earlier convictions"
        c = said_x(A, r.close_e + mv.end(), post_lim)
        if c:
            return Attribution(c, mv.group("verb"), "verb_speaker")
    acc = _according_after(A, r.close_e, post_lim)
    if acc is not None and not (site.kind == "partial" and site.verb_in_prefix and (acc.cue or "").lower().startswith("according")):
        return acc      # (not the source of the fact a speaker cites: "she said visibility had been 'fair to good'
        #                 according to the weather station": her words; the reported speech before it names her; but
        #                 "in the words of X" gives the words to X)
    shortest = 1
    for _ in range(3):
        found = _region_speaker(A, site, post, shortest)
        if not isinstance(found, int):
            return found
        shortest = found         # a verb of a relative clause: the next speech verb after it
    return None


#: a form of "be" ending a region before an -ing speech verb ("the minister was |warning|"): a finite verb phrase
_BE_END = re.compile(r"(?<![\w’'-])(?:is|are|was|were|be|been)\s*$")
#: a region after the closing mark opening with a conjunction and a lower-case word (", and praised officers, who he",
#: "… and that residents had asked"; not a preposition or "to": "… and against the Brady law, Clinton said", "… but to
#: take the lead, says X", a second complement of the same verb)
_COORDINATED_OPENING = re.compile(r"(?:and|but|or)\s+(?!(?:against|for|to|in|on|at|with|about|from|by|of|over|under"
                                  r"|into|than|not)\b)[a-z]")
#: a speaker phrase ending in where the person comes from, its region after a comma ("the 19-year-old from
#: Mississauga, Ontario,"): the region is no speaker
_FROM_PLACE_REGION = re.compile(r".*\bfrom\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?,\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?")


def _region_speaker(A: _Article, site: QuoteSite, post: str, shortest: int) -> Attribution | int | None:
    """", X said" / ", X, the Y, said" / "X told Y" after the closing mark (``speaker_after``), the subject region at
    least ``shortest`` characters long. An int (the next shortest length) when the verb found belongs to a relative
    clause that continues the quotation and no speaker stands before it ("“…records” that would respond to …, trial
    counsel X wrote")."""
    r, body, rules, post_lim = site.raw, A.body, A.r, site.post_lim
    ms_ = re.match(r"[\s,;]*(?:[—–-]\s*)?(?P<region>[^“”\"«»\n]{" + str(shortest) + r",140}?)\s+" + _ADVERBS + _NOT_AFTER_DETERMINER
                   + r"(?P<verb>" + rules.quote_verb_alt + r")(?![\w’'-])", A.nicknames_masked(r.close_e, post))
    if not ms_:
        return None
    reg_s, reg_e = r.close_e + ms_.start("region"), r.close_e + ms_.end("region")
    region = body[reg_s:reg_e]
    if (ms_.group("verb").lower().endswith("ing") and not _BE_END.search(region)) \
            or noun_before_verb(A, ms_.group("verb"), r.close_e + ms_.end("verb"), post_lim):
        return ms_.end("verb") - ms_.start("region")     # "the emergency |warning| issued by VicEmergency said": a noun
        #                                                  or a participle, no finite verb: the next one after it; "the
        #                                                  staff |report| said": a noun before the verb
    if _next_sentence(A, site, region, r.close_e + ms_.end("verb"), post_lim) \
            or _introduces_next(A, site, r.close_e + ms_.end("verb"), post_lim):
        return None
    if re.search(r"[.!?]\s+[a-z]|[.!?]\s*$", region) and not re.search(r"\b(?:[A-Z]|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Gen|St|Jr)\.\s", region):
        return None
    if _sentence_starts_after_words(A, r.close_e, reg_e):
        return None      # "… was “deeply concerned” by the figures. A spokesperson, Wren Adeyemi, said …": the next sentence's verb
    if re.search(r"(?<![\w’'-])(?:and|or|but)$", region.rstrip()) or _COORDINATED_OPENING.match(region):
        return None      # "… said it “strongly opposes” the survey and warned …": a verb coordinated with the clause's
        #                  subject; "… had been 'like something off the telly', and praised officers, who he said …": a
        #                  clause coordinated with the one the quotation ends
    cue = ms_.group("verb")
    if cue.lower() in rules.naming_verbs and re.match(r"\s+(?:the\s+|a\s+|an\s+|[A-Z“\"])", post[ms_.end("verb"):]):
        return None      # "“anybodybuttrump.us,” a website linked to a group called the “We The People Foundation.”"
    relative = re.match(r"\s*(?:that|which|who)\b", region) is not None
    c = None if relative else A.candidate(reg_s, reg_e)      # "…” that would respond to …": no speaker phrase
    rs = region.rstrip()
    place = c is not None and c.mention is not None and c.mention["label"] in _PLACE_LABELS
    named = _person_apposed_to_body(A, c, reg_s, reg_s + len(rs.rstrip(",")))
    if named is not None:
        return Attribution(named, cue, "appositive")
    if (c is None or c.kind not in ("mention", "pronoun", "role") or place) and "," in rs.strip(",") \
            and not (c is not None and _FROM_PLACE_REGION.fullmatch(rs.rstrip(","))):
        # "…” the dawn of the movement, Bozell says" / "…” at the convention, he said":
        # the subject is the last comma segment when the head is no speaker
        last = A.candidate(reg_s + rs.rstrip(",").rfind(",") + 1, reg_e)
        if last is not None and (last.kind in ("mention", "pronoun", "role")
                                 or (c is None and last.kind == "np" and re.match(r"(?:the|a|an)\s", A.body[last.start:last.end], re.I))):
            return Attribution(last, cue, "speaker_verb")      # "…” of the case, the unsigned opinion said"
    if (c is None or c.kind not in ("mention", "pronoun", "role")) and rs.endswith(",") \
            and not cue.lower().startswith(("told", "tell")):
        # "“We’re happy” about the decision, said RoseAnn DeMoro" (never whom someone told: "…, a research fellow
        # at X, told |the Global Times|")
        adverbs = re.match(_ADVERBS + r"\s*", body[r.close_e + ms_.end("verb"):post_lim])
        c2 = said_x(A, r.close_e + ms_.end("verb") + (adverbs.end() if adverbs else 0), post_lim)
        if c2 is not None and c2.kind in ("mention", "pronoun", "role"):
            return Attribution(c2, cue, "verb_speaker")
    if c is not None and c.kind == "np" and _words_noun(A, c):
        return None     # "“…,” a line several board members repeated": the words, not who said them
    if c is None:
        return ms_.end("verb") - ms_.start("region") if relative else None
    after = body[r.close_e + ms_.end("verb"):post_lim]
    if "," in region.strip().strip(","):
        pattern = "appositive"
    elif re.match(r"\s+in\s+(?:a|an|the|his|her|their|its)\s", after):
        pattern = "verb_in"
    elif re.match(r"\s+(?:" + "|".join(map(re.escape, rules.reporting_objects)) + r"|[A-Z]\w+)\b", after):
        pattern = "verb_object"
    else:
        pattern = "speaker_verb"
    return Attribution(c, cue, pattern)


def _person_apposed_to_body(A: _Article, c: _Cand | None, s: int, e: int) -> _Cand | None:
    """The person named in the last comma segment of the speaker region body[s:e] when the candidate reading took the
    organisation of a role before it ("the Public Relations Officer of |the GNFS|, DO II |Felicia X|, told"); else None."""
    if c is None or c.kind != "mention" or c.mention is None or c.mention["label"] in PERSON_LABELS \
            or "," not in A.body[c.end:e]:
        return None
    last = A.body.rfind(",", c.end, e)
    person = next((m for m in A.mentions_in(last, e) if m["label"] in PERSON_LABELS and m["end_char"] == e), None)
    return _Cand.of_mention(person["start_char"], person["end_char"], person) if person is not None else None


def _words_noun(A: _Article, c: _Cand) -> bool:
    """Does the noun phrase ``c`` name the quoted words themselves ("a line several board members", "a phrase";
    quote_patterns.txt [words_nouns])?"""
    words = A.body[c.start:c.end].lower().split()
    return len(words) >= 2 and words[0] in ("a", "the", "that", "this") and words[1] in A.r.words_nouns


def _sentence_starts_after_words(A: _Article, close_e: int, reg_e: int) -> bool:
    """A sentence starts inside body[close_e:reg_e] after some words of the quote's own sentence."""
    i = bisect.bisect_right(A.sent_starts, close_e)
    return i < len(A.sent_starts) and A.sent_starts[i] <= reg_e and re.search(r"\w", A.body[close_e:A.sent_starts[i]]) is not None


@lru_cache(maxsize=4)
def _according_re(according: tuple) -> re.Pattern:
    return re.compile(r"[\s,;]*(?P<acc>" + "|".join(map(re.escape, according)) + r")\s+(?P<who>(?:[^,.;:!?\n“”\"]|"
                      + ABBREV_DOT + r"){2,80})", re.I)


def _according_after(A: _Article, close_e: int, post_lim: int) -> Attribution | None:
    """"…,” according to Reuters." / "…,” according to a court document filed by …": the source of the
    ``[according]`` cue right after the closing mark (a name, role or any short noun phrase)."""
    m = _according_re(A.r.according).match(A.body, close_e, post_lim)
    if not m or not m.group("acc")[0].islower():
        return None      # "…settlements.” According to TASS, the leader …": the cue opens the next sentence
    ws, we = m.span("who")
    c = said_x(A, ws, we) or A.candidate(ws, we) or _Cand(ws, we, "np")
    return Attribution(c, m.group("acc"), "according_to")


def _introduces_next(A: _Article, site: QuoteSite, verb_e: int, post_lim: int) -> bool:
    """"''We are refugees,'' Ms. Alawee said. ''We are not terrorists.'' Mr. Zahed said: ''The attack …''":
    after a quote that ends its sentence, "X said:" introduces the next quotation, not this one; so does "X said," right
    before the next quotation's opening mark."""
    if not re.search(r"[.?!…][’'\"”]*\s*$", A.body[site.raw.start:site.raw.close_s or site.raw.end]):
        return False
    if re.match(r"[^.!?\n“”\"]{0,40},\s*$", A.body[verb_e:post_lim]) and A.body[post_lim:post_lim + 1] in ("“", '"', "«"):
        return True      # "…. Of Carson, Levine, who …, said, “He’s flat-out scary.”": the comma opens the next quotation
    return bool(re.match(r"[^.!?\n“”\"]{0,40}:\s*$", A.body[verb_e:post_lim]))


def introduces_following(A: _Article, site: QuoteSite, found: Attribution) -> bool:
    """"When someone in the audience shouted, “Cruz,” Beck joked, again using an accent, “Amen, brother!”": after a
    quotation introduced before it, the clause after the closing mark ends with a comma or colon right before the next
    quotation: it introduces that one."""
    if found.speaker is None or found.speaker.start < (site.raw.close_e or 0):
        return False
    nxt = site.post_lim
    return A.body[nxt:nxt + 1] in ("“", '"', "«", "‘") and bool(
        re.fullmatch(r"[^.!?\n“”\"]*[,:]\s*", A.body[found.speaker.end:nxt]))


#: what follows the verb of a parenthetical "X, he said, was …" inside the next sentence
_PARENTHETICAL_GOES_ON = re.compile(r"[^\S\n]*,[^\S\n]*(?:was|is|were|are|has|had|have|will|would|could|should|may|might|must|can)\b")


#: a finite clause after the speech verb ("… said he would have fired him", "… said both men are lightweights"): what
#: was said there is that clause, not the quotation before ("… said in a statement." attributes it)
_CLAUSE_GOES_ON = re.compile(r"\b(?:that|is|was|are|were|would|will|had|has|have|could|should|can|may|might|must|did|does"
                             r"|do|wants?|wanted|needs?|needed)\b")


def _next_sentence(A: _Article, site: QuoteSite, region: str, verb_e: int, post_lim: int) -> bool:
    """"…plan B?’” He told them there was no plan B.": after a quote that ends its sentence, a
    capitalised pronoun whose verb goes on with a clause opens the next sentence, not an attribution.
    After a quote that ends with a full stop inside the marks and follows other text of its paragraph
    ("…,” Cruz told reporters. “This is the consequence ….” Ohio Gov. John Kasich said he would …"), any
    capitalised subject whose verb goes on with a finite clause, or a parenthetical "X, he said, was …", opens the
    next sentence too (an attribution would follow a comma inside the marks; "….” Baker said in a statement." still
    attributes it)."""
    quoted = A.body[site.raw.start:site.raw.close_s or site.raw.end]
    if not re.search(r"[.?!…][’'\"”]*\s*$", quoted):
        return False
    after = A.body[verb_e:post_lim]
    if re.fullmatch(r"\s*(?:He|She|They|We|I)", region):
        if site.kind == "partial" or not re.search(r"[?!][’'\"”]*\s*$", quoted):
            return not re.match(r"[^\S\n]*(?:[.,;!?]|$)", after)
        # "“Too forced?” He tweeted when …": after a question or an exclamation, only a finite clause goes on
        return bool(_CLAUSE_GOES_ON.search(re.split(r"(?<=[a-z)])[.!?](?:\s|$)", after, maxsplit=1)[0]))
    if not re.search(r"(?<!\.)\.[’'\"”]*\s*$", quoted) or not re.match(r"\s*[A-Z]", region) \
            or not A.body[site.para_start:site.raw.open_s].strip():
        return False
    if _PARENTHETICAL_GOES_ON.match(after):
        return True
    if site.kind == "partial":      # a phrase that ends its sentence: whatever follows the verb is the next sentence's
        return not re.match(r"[^\S\n]*(?:[.,;:!?]|$)", after)
    return bool(_CLAUSE_GOES_ON.search(re.split(r"(?<=[a-z)])[.!?](?:\s|$)", after, maxsplit=1)[0]))
