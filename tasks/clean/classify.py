"""Paragraph classifier for page text (crawled Markdown: one paragraph per line, page furniture left in).

Each paragraph is labelled ``body``, ``heading`` or ``junk`` from features, not from phrases alone:

* per line: Markdown link density (share of the text that was link text), image syntax, list
  markers, length, final punctuation, quotation marks, repetition across pages of the same site in
  the batch, and the junk classes of ``tasks/rules/page_junk.txt`` (navigation, newsletter, cookie,
  share buttons, bylines/bios, time stamps, captions and credits, video player, copyright, appeals)
  plus the older boilerplate rule files; captions by the credit ending them, quoted or not
  (``page_junk_captions.txt``); author bios only where no body paragraph follows (``page_junk_tail.txt``);
  the page's own front-matter description is the standfirst;
* in context: a paragraph repeated on the same page (pull quote); a "Trending / Most read / Related" heading (``tasks/rules/junk_blocks.txt``) and the
  headlines under it; runs of three or more short non-sentence lines (lists of other stories'
  headlines); a caption repeated with its credit appended; a long run of furniture late in the
  page ends the article; non-sentence lines before the first
  and after the last sentence paragraph (page header and footer);
* around the article: a caption between an image (or furniture) and a bare credit line; a
  comment-section heading (``boilerplate_comments.txt``) after the prose ends the article; the short
  lines under a "Key points" heading (``summary_headings.txt``) are the article's summary; a short line
  ending in ":" before furniture is furniture; the line under the page's title copy is the standfirst;
* a short line without final punctuation left inside the article is a ``heading`` (a subhead, or a
  photo caption: the two cannot be told apart in crawled text, and neither is a sentence of the body).

Written by hand: trafilatura and jusText classify HTML DOM blocks, not lines of text that has lost
its markup; this uses the same kinds of features (link density, length, position, stop-phrases).
"""
from __future__ import annotations

import re

from tasks import rulefiles
from tasks.clean.boilerplate import _title_keys
from tasks.clean.rules import _compile_union, is_appeal_like, is_boilerplate, is_credit
from tasks.clean.text import _DATA_ROW, SIGN_OFF, _fold

PAGE_JUNK = _compile_union(rulefiles.lines("page_junk.txt"))
PAGE_JUNK_TAIL = _compile_union(rulefiles.lines("page_junk_tail.txt"))
CAPTION_CREDITS = _compile_union(rulefiles.lines("page_junk_captions.txt"))
JUNK_BLOCK_START = _compile_union(rulefiles.lines("junk_blocks.txt"))
COMMENTS_START = _compile_union(rulefiles.lines("boilerplate_comments.txt"))
SUMMARY_START = _compile_union(rulefiles.lines("summary_headings.txt"))

BODY, HEADING, JUNK = "body", "heading", "junk"
MAX_RULE_WORDS = 60          # page_junk rules apply to paragraphs up to this many words
MAX_BLOCK_LINES = 40         # a junk block ends after this many lines at the latest
TEASER_WORDS = 25           # lines after a block heading that runs to the page end are teasers below this
MIN_END_RUN = 8              # junk lines in a row that end the article (see _after_the_end)
MIN_PROSE_BEFORE_COMMENTS = 3  # body sentence paragraphs before a comment-section heading that ends the article
MIN_EDGE_WORDS = 3           # a "sentence" of fewer words before / after the article ("U.S.") is a menu item
CAPTION_WORDS = 40           # a line between an image and its credit up to this long is the image's caption
SUMMARY_LINES = (2, 8)       # lines under a "Key points" heading kept as the article's summary
INTRO_WORDS = 8              # a line up to this long ending in ":" introduces what follows it
STANDFIRST_WORDS = (8, 45)   # a line right after the title copy this long, not a sentence, is the standfirst

_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
# two sentences in the line ("This is my life. Where else would I go?"): a headline has no full stop inside
_INNER_STOP = re.compile(r"\w{2}[.!?][\"'”’»]?\s+[\"'“‘]?[A-Z]")
_NO_FINAL_STOP = re.compile(r"[^.!…:;,\"'”’»)\]]$")
_LIST_ITEM_END = re.compile(r"[.!?…;:,][\"'”’»)\]]*$")
_FOOTNOTE_MARK = re.compile(r"(\s*\[\w{1,10}\])+\s*$")
# an outlet's initials signed after the article's last sentence: "... the statement said. DM"
_INITIALS_SIGN_OFF = re.compile(r"(?<=[.!?…\"'”’»)])\s+[A-Z]{2,4}$")
_QUOTES = re.compile(r"[“”\"«»„]|^\s*[‘'][A-Z].*[.?!…][’']\s*$")     # (a paragraph in single quotation marks, open to close)
#: a quotation closed and attributed ("…,’ he said", "…,' the minister added"): speech, whatever its words ("…
#: the fans would have every right to let us know about it,’ he said" is no comment prompt)
_ATTRIBUTED = re.compile(r"[,.?!…][”\"’']\s*(?:he|she|they|we|(?:the|a|an|one)\s[\w\- ]{1,30}|[A-Z][\w\-’']+(?:\s[A-Z][\w\-’']+){0,3})"
                         r"\s(?:said|says|added|told|explained|warned|stated|asked|replied)\b")
DATA_ROWS_MIN = 2            # data rows in a row right after the article's last paragraph are its table
# a bare photo credit line: "Jane Roe/The Daily Herald", "Photo: John Doe / Reuters"
_NAME_SLASH_CREDIT = re.compile(r"(?:photo(?:graph)?s?:?\s*)?[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){0,3}\s?/\s?"
                                r"(?:the )?[A-Z][\w.'’&\-]+(?: [A-Z][\w.'’&\-]+){0,4}\.?")


# the same with a person's name of two or more words before the slash ("Hank Ritter/AP"; not "Share/Bookmark",
# "Sci/Tech", nor "Image: Jane Roe" under a body paragraph whose image the crawler dropped)
_PERSON_SLASH_CREDIT = re.compile(r"[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){1,3}\s?/\s?"
                                  r"(?:the )?[A-Z][\w.'’&\-]+(?: [A-Z][\w.'’&\-]+){0,4}\.?")


def _features(rec: dict, repeated: frozenset[str]) -> dict:
    text = rec.get("text") or ""
    n_words = len(text.split())
    sentence = bool(_SENTENCE_END.search(_INITIALS_SIGN_OFF.sub("", SIGN_OFF.sub("", _FOOTNOTE_MARK.sub("", text)))))
    return {
        "text": text, "n_words": n_words, "sentence": sentence,
        "prose": sentence and n_words >= 12 or n_words >= 30,
        "link_share": min(1.0, (rec.get("link_chars") or 0) / max(1, len(text))),
        "kind": rec.get("kind") or "para", "image": bool(rec.get("image")), "bold": bool(rec.get("bold")),
        "quoted": bool(_QUOTES.search(text) or _ATTRIBUTED.search(text)), "repeated": _fold(text) in repeated if repeated else False,
        "tail_rule": n_words <= MAX_RULE_WORDS and not _QUOTES.search(text) and PAGE_JUNK_TAIL is not None
        and PAGE_JUNK_TAIL.fullmatch(text),
        "headline_like": 1 <= n_words <= 25 and bool(_NO_FINAL_STOP.search(text.rstrip("'\"”’»"))) and rec.get("kind") != "table"
        and not (n_words <= 12 and _DATA_ROW.fullmatch(text)) and not (sentence and _INNER_STOP.search(text)),
        "data_row": n_words <= 12 and bool(_DATA_ROW.fullmatch(text)),
    }


def _line_label(f: dict) -> str:
    text, n = f["text"], f["n_words"]
    if not text or f["kind"] == "code":
        return JUNK
    if f["link_share"] >= 0.8 or (f["link_share"] >= 0.5 and n <= 30):
        return JUNK
    if f["repeated"]:
        return JUNK
    if n <= MAX_RULE_WORDS and CAPTION_CREDITS is not None and CAPTION_CREDITS.fullmatch(text):
        return JUNK          # a caption ending in its credit, even one that quotes its subject
    if n <= MAX_RULE_WORDS and not f["quoted"] and PAGE_JUNK is not None and PAGE_JUNK.fullmatch(text):
        return JUNK          # (a line with two "|" reads as a table row: "... in print. Reprints | Subscribe")
    if f["tail_rule"]:
        return JUNK          # (taken back by _tail_rules_inside when the article goes on after it)
    if f["kind"] == "table":
        return BODY
    if is_boilerplate(text) or is_credit(text) or (not f["quoted"] and is_appeal_like(text)):
        return JUNK
    return BODY


def _junk_blocks(feats: list[dict], labels: list[str]) -> None:
    """A "Most read / Related" heading and the headlines under it, up to the next real paragraph (or short
    sentence);
    when the heading comes late (at most 10 lines after it, the article's prose well behind it)
    and nothing after it is a long paragraph, everything to the end of the page (teasers of other
    stories, often full sentences)."""
    if JUNK_BLOCK_START is None:
        return
    for i, f in enumerate(feats):
        if f["n_words"] > 25 or (f["sentence"] and not f["text"].endswith(("...", "…"))) \
                or not JUNK_BLOCK_START.fullmatch(f["text"]):
            continue
        labels[i] = JUNK
        rest = feats[i + 1:]
        prose_before = sum(1 for g in feats[:i] if g["prose"])
        if rest and len(rest) <= 10 and prose_before >= 2 * sum(1 for g in rest if g["prose"]) + 3 \
                and all(g["n_words"] < TEASER_WORDS for g in rest):
            for j in range(i + 1, len(feats)):     # a block that runs to the end of the page: teasers
                labels[j] = JUNK
            continue
        for j in range(i + 1, min(len(feats), i + 1 + MAX_BLOCK_LINES)):
            g = feats[j]
            if (g["prose"] or _short_statement(g) and j + 1 < len(feats) and _statement(feats[j + 1])
                    and feats[j + 1]["link_share"] < 0.5) and g["kind"] != "list" and g["link_share"] < 0.5:
                break
            labels[j] = JUNK


BLOCK_END_WORDS = 6          # a sentence of this many words (not a question) ends a related-stories block


def _short_statement(f: dict) -> bool:
    """A short sentence ending in a full stop ("Opposition parties seized on the announcement."): before a
    prose paragraph, the article's text going on after a block of links (other stories' headlines carry no
    final full stop; a newsletter's one-line blurb is followed by its sign-up form)."""
    return f["n_words"] >= BLOCK_END_WORDS and f["sentence"] and not f["repeated"] \
        and f["text"].rstrip("\"'”’»)] ").endswith(".") and f["text"][:1].isupper()


def _statement(f: dict) -> bool:
    """A prose paragraph that is not a question (headlines may be questions, rarely statements)."""
    return f["prose"] and not f["text"].rstrip("\"'”’»)] ").endswith("?")


def _headline_runs(feats: list[dict], labels: list[str]) -> None:
    """Three or more consecutive short non-sentence lines (questions included, statements end a
    run): a list of other stories' headlines."""
    i = 0
    while i < len(feats):
        j = i
        while j < len(feats) and not _statement(feats[j]) and \
                (feats[j]["headline_like"] or labels[j] == JUNK and feats[j]["n_words"] <= 25):
            j += 1
        run = [k for k in range(i, j) if feats[k]["headline_like"]]
        if len(run) >= 3:
            for k in range(i, j):
                labels[k] = JUNK
        i = max(j, i + 1)


def _caption_pairs(feats: list[dict], labels: list[str]) -> None:
    """A caption followed by the same caption with its credit appended ("... in Munich." then
    "... in Munich.Jane Roe—Getty Images"): both are furniture. The appended part is a credit:
    at most 8 words and no final sentence punctuation."""
    for i in range(len(feats) - 1):
        a, b = feats[i]["text"], feats[i + 1]["text"]
        if feats[i]["n_words"] < 4 or len(b) <= len(a) or not b.startswith(a):
            continue
        tail = b[len(a):].strip()
        if len(_fold(tail)) >= 2 and len(tail.split()) <= 8 and not _SENTENCE_END.search(tail):   # a credit has letters
            labels[i] = JUNK
            labels[i + 1] = JUNK


def _image_captions(feats: list[dict], labels: list[str]) -> None:
    """A line followed by a bare credit line ("Jane Roe/The Daily Herald") is the image's caption, even
    when it is a full sentence, when an image comes right before it, or (the crawler dropped the image)
    furniture on both sides: page junk before it and no body sentence right after the credit; a credit that
    names the photographer ("Jane Roe/AP", not a bare "AP" that may sign off a wire story) needs no context."""
    for i in range(1, len(feats) - 1):
        f, credit = feats[i], feats[i + 1]
        after_image = feats[i - 1]["image"] and len(feats[i - 1]["text"].split()) <= 12
        in_furniture = labels[i - 1] == JUNK and not (i + 2 < len(feats) and labels[i + 2] == BODY
                                                       and feats[i + 2]["prose"])
        # a photographer's "Jane Roe/Agency" credit line marks the line above as a caption anywhere, a quoted one too
        named = credit["kind"] == "para" and not credit["bold"] and bool(_PERSON_SLASH_CREDIT.fullmatch(credit["text"]))
        if not (after_image or in_furniture or named) or (f["quoted"] and not named) \
                or f["n_words"] > CAPTION_WORDS or f["kind"] == "heading" \
                or credit["n_words"] > 8 or (credit["sentence"] and credit["n_words"] > 3):
            continue
        if is_credit(credit["text"]) or _NAME_SLASH_CREDIT.fullmatch(credit["text"]):
            labels[i] = labels[i + 1] = JUNK


def _comments_end(feats: list[dict], labels: list[str]) -> None:
    """A comment-section heading ("3 thoughts on ...", "Responses (34)", "Leave a Reply") after the
    article's prose ends the article: the comments, reply buttons and forms after it are not its text."""
    if COMMENTS_START is None:
        return
    prose_before = 0
    for i, f in enumerate(feats):
        if prose_before >= MIN_PROSE_BEFORE_COMMENTS and f["n_words"] <= 25 and not f["sentence"] \
                and COMMENTS_START.fullmatch(f["text"]):
            for k in range(i, len(feats)):
                labels[k] = JUNK
            return
        prose_before += labels[i] == BODY and f["prose"]


def _page_duplicates(feats: list[dict], labels: list[str]) -> None:
    """A paragraph seen earlier on the same page (a pull quote, a repeated teaser) is dropped the second time."""
    seen: set[str] = set()
    for i, f in enumerate(feats):
        key = _fold(f["text"])
        if not key:
            continue
        if key in seen and f["n_words"] >= 4:
            labels[i] = JUNK
        seen.add(key)


def _after_the_end(feats: list[dict], labels: list[str]) -> None:
    """The article does not resume after a long run of furniture (8+ junk lines: reference lists,
    related stories, comments) that comes once at least two thirds of its body lines are behind
    and leaves at most a tenth of them (or 3) after it: those are other stories' teasers or site
    furniture. A long article that goes on after an embedded list keeps its text."""
    n_body = labels.count(BODY)
    seen = run = 0
    for i, lab in enumerate(labels):
        if lab == JUNK:
            run += 1
            after = n_body - seen
            if run >= MIN_END_RUN and seen > 0 and seen * 3 >= n_body * 2 and after <= max(3, n_body // 10):
                for k in range(i + 1, len(labels)):
                    labels[k] = JUNK
                return
        else:
            run = 0
            seen += lab == BODY


def _tail_rules_inside(feats: list[dict], labels: list[str]) -> None:
    """A paragraph that only a page_junk_tail.txt rule made junk ("Jane Roe is a professor of ...") is the
    article's text when a body sentence paragraph comes right after it: an interviewee's introduction before
    the first question, not the author's bio."""
    for i in range(len(feats) - 2, -1, -1):
        f, g = feats[i], feats[i + 1]
        if f["tail_rule"] and labels[i] == JUNK and labels[i + 1] == BODY and g["prose"] and g["kind"] != "list" \
                and f["link_share"] < 0.5 and not f["repeated"] and _line_label({**f, "tail_rule": False}) != JUNK:
            labels[i] = BODY


def _edges(feats: list[dict], labels: list[str]) -> None:
    """Before the first and after the last body sentence paragraph only sentences are kept (and the rows of a
    table of figures closing the article)."""
    anchors = [i for i, f in enumerate(feats) if labels[i] == BODY and f["prose"] and f["kind"] != "list"]
    if not anchors:
        return
    table = _closing_table(feats, labels, anchors[-1])
    for i in list(range(0, anchors[0])) + list(range(anchors[-1] + 1, len(feats))):
        if i in table:
            labels[i] = BODY
            continue
        if labels[i] == BODY and (not feats[i]["sentence"] or feats[i]["n_words"] < MIN_EDGE_WORDS):
            labels[i] = HEADING if feats[i]["kind"] == "heading" else JUNK


def _closing_table(feats: list[dict], labels: list[str], last: int) -> set[int]:
    """Data rows ("Possession: 54% - 46%", "-13: Jane Roe (67-64)") right after the article's last paragraph
    (or after one short title line under it): the article's own table of figures, kept as body."""
    start = last + 1
    if start < len(feats) and not feats[start]["data_row"] and feats[start]["n_words"] <= 8 \
            and not feats[start]["sentence"]:
        start += 1
    end = start
    while end < len(feats) and feats[end]["data_row"] and feats[end]["link_share"] < 0.5:
        end += 1
    return set(range(start, end)) if end - start >= DATA_ROWS_MIN else set()


def _headings(feats: list[dict], labels: list[str]) -> None:
    for i, f in enumerate(feats):
        if labels[i] == BODY and f["kind"] != "table" and (f["kind"] == "heading" or (f["headline_like"] and not f["sentence"]
                                                              and not f["quoted"]) or
                                  (f["bold"] and not f["sentence"]) or
                                  (f["kind"] == "list" and not _LIST_ITEM_END.search(f["text"])) or
                                  (f["kind"] == "quote" and not f["sentence"])):
            labels[i] = HEADING


def _summary_lists(feats: list[dict], labels: list[str]) -> None:
    """The short lines under a "Key points" heading (summary_headings.txt) are the article's summary, not
    a list of other stories' headlines: 2-8 lines of 3-30 words, not links, not page furniture."""
    if SUMMARY_START is None:
        return
    lo, hi = SUMMARY_LINES
    for i, f in enumerate(feats):
        if f["n_words"] > 5 or not SUMMARY_START.fullmatch(f["text"]):
            continue
        j = i + 1
        while j < len(feats) and j - i - 1 < hi and 3 <= feats[j]["n_words"] <= 30 and not feats[j]["prose"] \
                and feats[j]["link_share"] < 0.5 and _line_label(feats[j]) == BODY:
            j += 1
        if j - i - 1 >= lo:
            labels[i] = HEADING
            for k in range(i + 1, j):
                labels[k] = BODY


#: a news agency's labelled lines under an item: "Source: X, head of the district administration, on Telegram", then
#: "Quote: “…”" or "Details: …" (Ukrainska Pravda's layout): the "Source:" line says whom the next lines quote
_SOURCE_LINE = re.compile(r"source\s*:\s*\w.{2,200}", re.I)
_LABELLED_LINE = re.compile(r"(?:quote|details|background|context)(?:\s+from\s[^:]{1,80})?\s*:", re.I)


def _source_lines(feats: list[dict], labels: list[str]) -> None:
    """A "Source: …" line right before a labelled "Quote:" or "Details:" line of the article is its text (no photo
    credit, no subhead)."""
    for i, f in enumerate(feats[:-1]):
        if labels[i] != BODY and labels[i + 1] == BODY and _SOURCE_LINE.fullmatch(f["text"]) \
                and _LABELLED_LINE.match(feats[i + 1]["text"]) and i > 0 and BODY in labels[:i]:
            labels[i] = BODY


def _dangling_intros(feats: list[dict], labels: list[str]) -> None:
    """A short line ending in ":" ("Read more from Sky News:") introduces what follows it; when what
    follows is page furniture (or nothing), so is the line. (Before a list or a subhead it stays.)"""
    for i, f in enumerate(feats):
        if labels[i] == BODY and f["n_words"] <= INTRO_WORDS and f["text"].endswith(":") and not f["quoted"] \
                and (i + 1 == len(feats) or labels[i + 1] == JUNK):
            labels[i] = JUNK


def _standfirst(feats: list[dict], labels: list[str], title: str | None) -> None:
    """The line right after the page's copy of its title (the title without its site-name suffix) is the
    standfirst, kept as body even without a final full stop ("Dozens of projects paused as ..."), when it
    is 8-45 words, no furniture rule matches it and it is not a link or an image."""
    if not title:
        return
    keys = _title_keys(title)
    lo, hi = STANDFIRST_WORDS
    for i, f in enumerate(feats[:-1]):
        if f["n_words"] > 60 or _fold(f["text"]) not in keys:
            continue
        g = feats[i + 1]
        if labels[i + 1] != BODY and not g["sentence"] and lo <= g["n_words"] <= hi and not g["image"] \
                and g["link_share"] < 0.3 and g["kind"] in ("para", "quote") and _line_label(g) == BODY:
            labels[i + 1] = BODY
        return


def _description_line(feats: list[dict], labels: list[str], description: str | None) -> None:
    """A line that is the page's own summary (its front matter ``description``) is the standfirst: body,
    wherever it sits among the header furniture and whatever its final punctuation, unless it is a link."""
    key = _fold(description or "")
    if len(key) < 20:
        return
    for i, f in enumerate(feats):
        if labels[i] != BODY and f["link_share"] < 0.3 and not f["image"] and f["kind"] in ("para", "quote") \
                and _fold(f["text"]) == key:
            labels[i] = BODY
            return


def classify_paragraphs(records: list[dict], repeated: frozenset[str] = frozenset(),
                        title: str | None = None, description: str | None = None) -> list[str]:
    """One label per paragraph record (``text`` plus optional Markdown features, see
    ``tasks.ingest.readers.markdown.markdown_paragraphs``): body, heading or junk. Never raises
    on odd input; an article of real sentences always keeps them (only rules that match a whole
    paragraph, or its links/repetition, turn a sentence into junk)."""
    feats = [_features(r, repeated) for r in records]
    labels = [_line_label(f) for f in feats]
    by_line_rules = list(labels)
    _junk_blocks(feats, labels)
    _headline_runs(feats, labels)
    _caption_pairs(feats, labels)
    _image_captions(feats, labels)
    _comments_end(feats, labels)
    _page_duplicates(feats, labels)
    _after_the_end(feats, labels)
    _tail_rules_inside(feats, labels)
    _edges(feats, labels)
    _headings(feats, labels)
    _summary_lists(feats, labels)
    _source_lines(feats, labels)
    _dangling_intros(feats, labels)
    _standfirst(feats, labels, title)
    _description_line(feats, labels, description)
    if BODY not in labels:
        # context rules (blocks, runs, position) never take every sentence of a page: when nothing
        # is left, the sentence paragraphs that no line rule rejected are the article
        for i, f in enumerate(feats):
            if by_line_rules[i] == BODY and f["prose"]:
                labels[i] = BODY
    return labels


def repeated_paragraphs(docs_paragraphs: list[list[str]], min_docs: int = 2) -> frozenset[str]:
    """Folded paragraphs that occur on ``min_docs`` or more pages of one site. Pages that share three
    or more long paragraphs (20+ words) are copies of one article (counted once: site furniture is
    short or comes one long blurb at a time), so an article is never its own boilerplate."""
    keysets: list[set[str]] = []
    long_sets: list[set[str]] = []
    for paras in docs_paragraphs:
        keys = {k for k in (_fold(p) for p in paras) if k}
        long_keys = {_fold(p) for p in paras if len(p.split()) >= 20}
        if not keys or any(len(long_keys & other) >= 3 for other in long_sets):
            continue
        keysets.append(keys)
        long_sets.append(long_keys)
    counts: dict[str, int] = {}
    for keys in keysets:
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
    return frozenset(k for k, c in counts.items() if c >= min_docs)
