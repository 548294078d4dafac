"""pySBD's English Processor with the same output at a fraction of its CPU (used by tasks.sentences).

Why: pySBD 0.3.4 was ~20% of the extraction workers' own (non-spaCy) CPU. Its code calls the ``re`` module's
functions with pattern strings (a compiled-pattern cache lookup per call, ~1.1M per 8,000 paragraphs), applies
every rule to every piece of text even when the characters the rule needs are absent, and
``AbbreviationReplacer.search_for_abbreviations_in_string`` runs an IGNORECASE ``findall`` over the paragraph
for every one of its 188 abbreviations found anywhere as a substring ("is", "al", "co", "man" ...), then one
``re.sub`` over the paragraph per occurrence.

What changes (the algorithm does not; each step is kept in pySBD's order):

- every pattern is compiled once (``tasks.regex_subs``);
- a rule is skipped when a literal its pattern requires (derived from the parsed pattern: literals outside
  alternatives, optional parts and negative lookarounds) is not in the text - the substitution would change
  nothing;
- the abbreviation pass only looks at abbreviations that can change the text: each of its substitutions turns
  the ``.`` right after an abbreviation at the start of a line or after whitespace into ``∯``, so an
  abbreviation none of whose occurrences is followed by ``.`` is skipped, and a line without ``.`` is returned
  as it is; for the others pySBD's own steps run unchanged (its quirks included: the ``{abbr} `` lookbehind
  that never finds the next character, the unescaped ``.`` in ``e.g``);
- ``replace_punctuation`` (escape ``()[]-``, map ``.!?`` and full-width marks to placeholders, unescape) is
  one ``str.translate``: the escaping and unescaping cancel out.

tests/unit/test_sentences_pysbd.py checks that both give the same segments (pySBD's golden rules, list and
abbreviation cases); this module was checked against pySBD on 49,175 distinct paragraphs (PolNeAR, BASIL,
ECB+, MSRP, the crawl fixtures): identical segments.
"""
from __future__ import annotations

import re
from functools import partial

from pysbd.between_punctuation import BetweenPunctuation
from pysbd.exclamation_words import ExclamationWords
from pysbd.lang.english import English
from pysbd.lists_item_replacer import ListItemReplacer
from pysbd.processor import Processor

from tasks.regex_subs import _apply, _Sub, _subs

LANG = English


# replace_punctuation: escape ()[]- , the placeholders below, unescape - the escapes cancel out
_PUNCT = {".": "∯", "。": "&ᓰ&", "．": "&ᓱ&", "！": "&ᓳ&", "!": "&ᓴ&", "?": "&ᓷ&", "？": "&ᓸ&"}
_PUNCT_ALL = str.maketrans({**_PUNCT, "'": "&⎋&"})
_PUNCT_SINGLE = str.maketrans(_PUNCT)


def replace_punctuation(match: re.Match, match_type: str | None = None) -> str:
    """``pysbd.punctuation_replacer.replace_punctuation``."""
    return match.group().translate(_PUNCT_SINGLE if match_type == "single" else _PUNCT_ALL)


# --- lists --------------------------------------------------------------------------------------------------

_L = ListItemReplacer
# gates: every match of these list patterns is a lower-case letter or a digit right before "." or ")"
_ALPHA_PERIODS = _Sub(_L.ALPHABETICAL_LIST_WITH_PERIODS, None, gate=r"[a-z]\.")
_ALPHA_PARENS = _Sub(_L.ALPHABETICAL_LIST_WITH_PARENS, None, gate=r"[a-z]\)")
_ALPHA_LETTERS_PERIODS = re.compile(_L.ALPHABETICAL_LIST_LETTERS_AND_PERIODS_REGEX, re.IGNORECASE)
_ALPHA_LETTERS_PARENS = re.compile(_L.EXTRACT_ALPHABETICAL_LIST_LETTERS_REGEX, re.IGNORECASE)
_NUMBERED_1 = _Sub(_L.NUMBERED_LIST_REGEX_1, None, gate=r"\d\.")
_NUMBERED_2 = re.compile(_L.NUMBERED_LIST_REGEX_2)
_NUMBERED_PARENS = _Sub(_L.NUMBERED_LIST_PARENS_REGEX, None, gate=r"\d\)")
_LIST_PERIOD_LINES = re.compile("♨.+(\n|\r).+♨")
_LIST_FOR = re.compile(r"for\s\d{1,2}♨\s[a-z]")
_LIST_PAREN_LINES = re.compile("☝.+\n.+☝|☝.+\r.+☝")
_R_LIST_SPACES = _subs(_L.SpaceBetweenListItemsFirstRule, _L.SpaceBetweenListItemsSecondRule)
_R_LIST_SPACES_PARENS = _subs(_L.SpaceBetweenListItemsThirdRule)
_R_LIST_MARKER = _subs(_L.ListMarkerRule)
_R_LIST_PERIOD = _subs(_L.SubstituteListPeriodRule)
_ROMAN_PARENS = _Sub(_L.ROMAN_NUMERALS_IN_PARENTHESES, r"&✂&\1&⌬&")


def _findall(sub: _Sub, text: str) -> list:
    return sub.pattern.findall(text) if sub.possible(text) else []


class FastListItemReplacer(ListItemReplacer):
    """ListItemReplacer with compiled patterns and the literal checks of :class:`_Sub`."""

    text: str

    def replace_parens(self):
        return _ROMAN_PARENS(self.text)

    def format_numbered_list_with_parens(self):
        self.replace_parens_in_numbered_list()
        self.add_line_breaks_for_numbered_list_with_parens()
        self.text = _apply(self.text, _R_LIST_MARKER)

    def format_numbered_list_with_periods(self):
        self.replace_periods_in_numbered_list()
        self.add_line_breaks_for_numbered_list_with_periods()
        self.text = _apply(self.text, _R_LIST_PERIOD)

    def replace_periods_in_numbered_list(self):
        self._scan_lists(_NUMBERED_1, _NUMBERED_2, "♨", strip=True)

    def replace_parens_in_numbered_list(self):
        self._scan_lists(_NUMBERED_PARENS, _NUMBERED_PARENS.pattern, "☝")
        self._scan_lists(_NUMBERED_PARENS, _NUMBERED_PARENS.pattern, "☝")

    def _scan_lists(self, regex1: _Sub, regex2: re.Pattern, replacement: str, strip: bool = False) -> None:
        list_array = [int(x) for x in _findall(regex1, self.text)]
        for ind, item in enumerate(list_array):
            if ind < len(list_array) - 1 and item + 1 == list_array[ind + 1]:
                self._substitute_found_list_items(regex2, item, strip, replacement)
            elif ind > 0:
                if (((item - 1) == list_array[ind - 1]) or
                        ((item == 0) and (list_array[ind - 1] == 9)) or
                        ((item == 9) and (list_array[ind - 1] == 0))):
                    self._substitute_found_list_items(regex2, item, strip, replacement)

    def _substitute_found_list_items(self, regex: re.Pattern, each: int, strip: bool, replacement: str) -> None:
        def replace_item(match):
            match = match.group()
            if strip:
                match = str(match).strip()
            chomped_match = match if len(match) == 1 else match.strip('.])')
            if str(each) == chomped_match:
                return f"{each}{replacement}"
            return str(match)

        self.text = regex.sub(replace_item, self.text)

    def add_line_breaks_for_numbered_list_with_periods(self):
        if ('♨' in self.text) and not _LIST_PERIOD_LINES.search(self.text) and not _LIST_FOR.search(self.text):
            self.text = _apply(self.text, _R_LIST_SPACES)

    def add_line_breaks_for_numbered_list_with_parens(self):
        if '☝' in self.text and not _LIST_PAREN_LINES.search(self.text):
            self.text = _apply(self.text, _R_LIST_SPACES_PARENS)

    def replace_alphabet_list(self, a):
        def replace_letter_period(match, val=None):
            match = match.group()
            match_wo_period = match.strip('.')
            if match_wo_period == val:
                return f'\r{match_wo_period}∯'
            return match

        return _ALPHA_LETTERS_PERIODS.sub(partial(replace_letter_period, val=a), self.text)

    def replace_alphabet_list_parens(self, a):
        def replace_alphabet_paren(match, val=None):
            match = match.group()
            if '(' in match:
                match_wo_paren = match.strip('(')
                if match_wo_paren == val:
                    return f'\r&✂&{match_wo_paren}'
                return match
            if match == val:
                return f'\r{match}'
            return match

        return _ALPHA_LETTERS_PARENS.sub(partial(replace_alphabet_paren, val=a), self.text)

    def add_line_breaks_for_alphabetical_list_with_periods(self, roman_numeral=False):
        return self._iterate_alphabet_array(_ALPHA_PERIODS, roman_numeral=roman_numeral)

    def add_line_breaks_for_alphabetical_list_with_parens(self, roman_numeral=False):
        return self._iterate_alphabet_array(_ALPHA_PARENS, parens=True, roman_numeral=roman_numeral)

    def _iterate_alphabet_array(self, regex: _Sub, parens=False, roman_numeral=False):
        list_array = _findall(regex, self.text)
        if not list_array:
            return self.text
        alphabet = self.ROMAN_NUMERALS if roman_numeral else self.LATIN_NUMERALS
        list_array = [i for i in list_array if i in alphabet]
        for ind, each in enumerate(list_array):
            if ind == len(list_array) - 1:
                self.text = self.last_array_item_replacement(each, ind, alphabet, list_array, parens)
            else:
                self.text = self.other_items_replacement(each, ind, alphabet, list_array, parens)
        return self.text


# --- abbreviations ------------------------------------------------------------------------------------------

_A = LANG.Abbreviation
_PREPOSITIVE = frozenset(_A.PREPOSITIVE_ABBREVIATIONS)
_NUMBER_ABBR = frozenset(_A.NUMBER_ABBREVIATIONS)
_ABBREVIATIONS = tuple(a.strip() for a in _A.ABBREVIATIONS)
# abbreviations whose pattern has a "." (unescaped in pySBD: any character): always looked at
_WILDCARD_ABBR = frozenset(a for a in _ABBREVIATIONS if not a.isalpha())
_LETTER_ABBR = frozenset(a for a in _ABBREVIATIONS if a.isalpha())
# a word (letters) right before a "." at the start of the line or after whitespace
_WORD_BEFORE_PERIOD = re.compile(r"(?<!\S)([^\W\d_]+)\.")
_R_ABBR_START = _subs(LANG.PossessiveAbbreviationRule, LANG.KommanditgesellschaftRule,
                      *LANG.SingleLetterAbbreviationRules.All)
_R_AMPM = _subs(*LANG.AmPmRules.All)
_MULTI_PERIOD = _Sub(LANG.MULTI_PERIOD_ABBREVIATION_REGEX, lambda m: m.group().replace(".", "∯"),
                     flags=re.IGNORECASE, needles=(".",))
_SENTENCE_STARTERS = "|".join(rf"(?=\s{w}\s)" for w in LANG.AbbreviationReplacer.SENTENCE_STARTERS)
_ABBR_AS_BOUNDARY = _Sub(rf"(U∯S|U\.S|U∯K|E∯U|E\.U|U∯S∯A|U\.S\.A|I|i.v|I.V)∯({_SENTENCE_STARTERS})", "\\1.",
                         needles=("∯",))
_patterns: dict[tuple[str, str], re.Pattern] = {}


def _pattern(kind: str, abbr: str) -> re.Pattern:
    key = (kind, abbr)
    p = _patterns.get(key)
    if p is None:
        if kind == "find":
            p = re.compile(rf"(?:^|\s|\r|\n){abbr}", re.IGNORECASE)
        elif kind == "next":
            p = re.compile(r"(?<={" + str(re.escape(abbr)) + "} ).{1}")
        elif kind == "prepositive":
            p = re.compile(rf"(?<=\s{abbr})\.(?=(\s|:\d+))")
        elif kind == "number":
            p = re.compile(rf"(?<=\s{abbr})\.(?=(\s\d|\s+\())")
        else:
            p = re.compile(rf"(?<=\s{re.escape(abbr)})\.(?=((\.|\:|-|\?|,)|(\s([a-z]|I\s|I'm|I'll|\d|\())))")
        _patterns[key] = p
    return p


_word_matches: dict[str, tuple[str, ...]] = {}


def _abbreviations_of(word: str) -> tuple[str, ...]:
    """The letter abbreviations an IGNORECASE match could find as ``word`` (exact for non-ASCII words too)."""
    found = _word_matches.get(word)
    if found is None:
        if word.isascii():
            low = word.lower()
            found = (low,) if low in _LETTER_ABBR else ()
        else:
            found = tuple(a for a in _LETTER_ABBR if len(a) == len(word) and _pattern("find", a).fullmatch(word))
        if len(_word_matches) < 100_000:
            _word_matches[word] = found
    return found


class FastAbbreviationReplacer(LANG.AbbreviationReplacer):  # type: ignore[name-defined]
    """pySBD's AbbreviationReplacer that skips abbreviations that cannot change the text (module docstring)."""

    text: str

    def replace(self):
        self.text = _apply(self.text, _R_ABBR_START)
        abbr_handled_text = ""
        for line in self.text.splitlines(True):
            abbr_handled_text += self.search_for_abbreviations_in_string(line)
        self.text = abbr_handled_text
        self.text = _MULTI_PERIOD(self.text)
        self.text = _apply(self.text, _R_AMPM)
        self.text = _ABBR_AS_BOUNDARY(self.text)
        return self.text

    def search_for_abbreviations_in_string(self, text):
        if "." not in text:
            return text
        found = set(_WILDCARD_ABBR)
        for word in _WORD_BEFORE_PERIOD.findall(text):
            found.update(_abbreviations_of(word))
        lowered = text.lower()
        for stripped in _ABBREVIATIONS:
            if stripped not in found or stripped not in lowered:
                continue
            abbrev_match = _pattern("find", stripped).findall(text)
            if not abbrev_match:
                continue
            char_array = _pattern("next", stripped).findall(text)
            for ind, match in enumerate(abbrev_match):
                text = self.scan_for_replacements(text, match, ind, char_array)
        return text

    def scan_for_replacements(self, txt, am, ind, char_array):
        try:
            char = char_array[ind]
        except IndexError:
            char = ""
        abbr = am.strip()
        low = abbr.lower()
        if not str(char).isupper() or low in _PREPOSITIVE:
            if abbr + "." not in txt:
                return txt          # every pattern below needs the abbreviation followed by "."
            kind = "prepositive" if low in _PREPOSITIVE else "number" if low in _NUMBER_ABBR else "period"
            txt = _pattern(kind, abbr).sub("∯", " " + txt)[1:]
        return txt


# --- the processor ------------------------------------------------------------------------------------------

_B = BetweenPunctuation
_SINGLE_QUOTES = _Sub(_B.BETWEEN_SINGLE_QUOTES_REGEX, partial(replace_punctuation, match_type="single"))
_LEADING_APOSTROPHE = re.compile(_B.WORD_WITH_LEADING_APOSTROPHE)
_QUOTE_SPACE = re.compile(r"'\s")
_BETWEEN = tuple(_Sub(p, replace_punctuation) for p in (
    _B.BETWEEN_SINGLE_QUOTE_SLANTED_REGEX, _B.BETWEEN_DOUBLE_QUOTES_REGEX_2, _B.BETWEEN_SQUARE_BRACKETS_REGEX_2,
    _B.BETWEEN_PARENS_REGEX_2, _B.BETWEEN_QUOTE_ARROW_REGEX_2, _B.BETWEEN_EM_DASHES_REGEX_2,
    _B.BETWEEN_QUOTE_SLANTED_REGEX_2))
_EXCLAMATION_WORDS = _Sub(ExclamationWords.EXCLAMATION_REGEX, replace_punctuation, needles=())
_EXCLAMATION_MARKS = ("!", "ǃ")      # one of them is in every exclamation word
_R_PROCESS = _subs(LANG.Abbreviation.WithMultiplePeriodsAndEmailRule, LANG.GeoLocationRule, LANG.FileFormatRule)
_R_NUMBERS = _subs(*LANG.Numbers.All)
_R_SEGMENT = _subs(LANG.SingleNewLineRule, *LANG.EllipsisRules.All)
_R_SUB_SYMBOLS = _subs(*LANG.SubSymbolsRules.All)
_R_SUB_SINGLE_QUOTE = _subs(LANG.SubSingleQuoteRule)
_R_DOUBLE_PUNCT = _subs(*LANG.DoublePunctuationRules.All)
_DOUBLE_PUNCT = re.compile(LANG.DoublePunctuationRules.DoublePunctuation)
_R_QUESTION_EXCLAMATION = _subs(LANG.QuestionMarkInQuotationRule, *LANG.ExclamationPointRules.All)
_R_REINSERT_ELLIPSIS = _subs(*LANG.ReinsertEllipsisRules.All)
_CONTINUOUS_PUNCT = re.compile(LANG.CONTINUOUS_PUNCTUATION_REGEX)
_NUMBERED_REFERENCE = re.compile(LANG.NUMBERED_REFERENCE_REGEX)
_SPACE_BEFORE_PAREN = re.compile(r"\s(?=\()")
_SPACE_AFTER_PAREN = re.compile(r"(?<=\))\s")
_EXCLAMATION_AT_END = re.compile(r"&ᓴ&$")
_SENTENCE_BOUNDARY = re.compile(LANG.SENTENCE_BOUNDARY_REGEX)
_ALL_LETTERS = re.compile(r"\A[a-zA-Z]*\Z")
_QUOTATION_AT_END = re.compile(LANG.QUOTATION_AT_END_OF_SENTENCE_REGEX)
_SPLIT_QUOTATION_AT_END = re.compile(LANG.SPLIT_SPACE_QUOTATION_AT_END_OF_SENTENCE_REGEX)
_PUNCTUATIONS = tuple(LANG.Punctuations)


def _paren_replace(match: re.Match) -> str:
    return _SPACE_AFTER_PAREN.sub("\r", _SPACE_BEFORE_PAREN.sub("\r", match.group()))


_PARENS_BETWEEN_QUOTES = _Sub(LANG.PARENS_BETWEEN_DOUBLE_QUOTES_REGEX, _paren_replace)


def _continuous_puncs_replace(match: re.Match) -> str:
    return match.group().replace("!", "&ᓴ&").replace("?", "&ᓷ&")


class FastProcessor(Processor):
    """``pysbd.processor.Processor`` for English, same segments (module docstring); ``FastProcessor(text).process()``."""

    text: str

    def __init__(self, text: str, lang=LANG, char_span: bool = False):
        if lang is not LANG:
            raise ValueError("FastProcessor implements pySBD's English rules only")
        super().__init__(text, lang, char_span)

    def process(self):
        if not self.text:
            return self.text
        self.text = self.text.replace('\n', '\r')
        self.text = FastListItemReplacer(self.text).add_line_break()
        self.replace_abbreviations()
        self.replace_numbers()
        self.replace_continuous_punctuation()
        self.replace_periods_before_numeric_references()
        self.text = _apply(self.text, _R_PROCESS)
        return self.split_into_segments()

    def abbreviations_replacer(self):
        return FastAbbreviationReplacer(self.text, self.lang)

    def replace_numbers(self):
        self.text = _apply(self.text, _R_NUMBERS)

    def replace_continuous_punctuation(self):
        if "!" in self.text or "?" in self.text:
            self.text = _CONTINUOUS_PUNCT.sub(_continuous_puncs_replace, self.text)

    def replace_periods_before_numeric_references(self):
        if "." in self.text or "∯" in self.text:
            self.text = _NUMBERED_REFERENCE.sub(r"∯\2\r\7", self.text)

    def check_for_parens_between_quotes(self):
        self.text = _PARENS_BETWEEN_QUOTES(self.text)

    def split_into_segments(self):
        self.check_for_parens_between_quotes()
        sents = self.rm_none_flatten(self.text.split('\r'))
        sents = [_apply(s, _R_SEGMENT) for s in sents]
        sents = self.rm_none_flatten([self.check_for_punctuation(s) for s in sents])
        postprocessed_sents = []
        for sent in sents:
            post_process_sent = self.post_process_segments(_apply(sent, _R_SUB_SYMBOLS))
            if post_process_sent and isinstance(post_process_sent, str):
                postprocessed_sents.append(post_process_sent)
            elif isinstance(post_process_sent, list):
                postprocessed_sents.extend(post_process_sent)
        return [_apply(ns, _R_SUB_SINGLE_QUOTE) for ns in postprocessed_sents]

    def post_process_segments(self, txt):
        if len(txt) > 2 and _ALL_LETTERS.search(txt):
            return txt
        txt = _apply(txt, _R_REINSERT_ELLIPSIS)
        if _QUOTATION_AT_END.search(txt):
            return _SPLIT_QUOTATION_AT_END.split(txt)
        return txt.replace('\n', '').strip()

    def check_for_punctuation(self, txt):
        for p in _PUNCTUATIONS:
            if p in txt:
                return self.process_text(txt)
        return [txt]

    def process_text(self, txt):
        if txt[-1] not in _PUNCTUATIONS:
            txt += 'ȸ'
        if "!" in txt or "ǃ" in txt:
            txt = _EXCLAMATION_WORDS(txt)
        txt = self.between_punctuation(txt)
        if not _DOUBLE_PUNCT.match(txt):
            txt = _apply(txt, _R_DOUBLE_PUNCT)
        txt = _apply(txt, _R_QUESTION_EXCLAMATION)
        txt = _ROMAN_PARENS(txt)
        return self.sentence_boundary_punctuation(txt)

    def between_punctuation(self, txt):
        if "'" in txt and not (_LEADING_APOSTROPHE.search(txt) and not _QUOTE_SPACE.search(txt)):
            txt = _SINGLE_QUOTES(txt)
        for sub in _BETWEEN:
            txt = sub(txt)
        return txt

    def sentence_boundary_punctuation(self, txt):
        if "&ᓴ&" in txt:
            txt = _EXCLAMATION_AT_END.sub('!', txt)
        return [m.group() for m in _SENTENCE_BOUNDARY.finditer(txt)]

