"""Boilerplate in the body and the tail: anywhere rules, credits, appeal blocks, tail markers, related lists,
site footers (which name the outlet)."""
from __future__ import annotations

import re

from tasks.clean.header import _copyright_outlet, _State, author_names, is_author_bio
from tasks.clean.outlets import _TITLE_SEP, _outlet_for_domain, _outlet_like
from tasks.clean.rules import (APPEAL_KW, APPEAL_START, TAIL_MARKER, is_appeal_like, is_boilerplate, is_credit,
                               is_edge_boilerplate)
from tasks.clean.text import (SIGN_OFF, _QUOTE_CHARS, _fold, _is_short_line, _title_key, is_domain_line, is_headline_like,
                              is_prose, n_words)

GALLERY_COUNTER = re.compile(r"\d{1,3}\s*(?:of|/)\s*\d{1,3}")
CAPTION_WORDS = 25      # a paragraph right after a gallery counter ("1 of 12") up to this long is its caption


def _drop_everywhere(paras: list[str], st: _State) -> list[str]:
    """Anywhere rules, title copies, credits (+ the caption above), gallery counters (+ the caption
    below), consecutive duplicates."""
    title_keys = _title_keys(st.title) if st.title else {}
    keep: list[str] = []
    drop_next_domain = drop_next_caption = False
    for p in paras:
        if any(abs(len(p) - tlen) <= 8 + tlen // 4 for tlen in title_keys.values()) and _title_key(p) in title_keys:
            continue
        if drop_next_caption and n_words(p) <= CAPTION_WORDS and not _QUOTE_CHARS.search(p):
            drop_next_caption = False
            continue
        drop_next_caption = bool(GALLERY_COUNTER.fullmatch(p.strip()))
        if is_credit(p):
            if len(keep) >= 2 and n_words(keep[-1]) <= 30 and not _QUOTE_CHARS.search(keep[-1]) \
                    and not is_prose(keep[-1]) or (len(keep) >= 2 and n_words(keep[-1]) <= 12
                                                  and not _QUOTE_CHARS.search(keep[-1])):
                keep.pop()
            drop_next_domain = True
            continue
        if is_boilerplate(p):
            out_name = _copyright_outlet(p)
            if out_name:
                st.outlet_footer = st.outlet_footer or out_name
            continue
        if drop_next_domain and is_domain_line(p):
            continue
        drop_next_domain = False
        if keep and keep[-1] == p:
            continue
        keep.append(p)
    return keep


def _title_keys(title: str) -> dict[str, int]:
    """Folded title -> its length, for the whole title and for each part before a site-name separator
    of four or more words ("Hospitals ... give birth." of "Hospitals ... give birth. - The Washington Post"):
    a copy of the page title inside the text is not a paragraph of the article."""
    keys = {_fold(title): len(title)}
    for m in _TITLE_SEP.finditer(title):
        head = title[:m.start()].strip()
        if len(head.split()) >= 4:
            keys[_fold(head)] = len(head)
    return keys


def _drop_appeal_blocks(paras: list[str]) -> list[str]:
    """An appeal heading and the appeal-like paragraphs that follow it."""
    if APPEAL_START is None:
        return paras
    out: list[str] = []
    i = 0
    while i < len(paras):
        p = paras[i]
        if n_words(p) <= 25 and APPEAL_START.fullmatch(p) and not _QUOTE_CHARS.search(p) and i > 0:
            j = i + 1
            while j < len(paras) and (is_appeal_like(paras[j]) or is_boilerplate(paras[j])):
                j += 1
            if j > i + 1 or APPEAL_KW.search(p):
                i = j
                continue
        out.append(p)
        i += 1
    return out


def _cut_tail_marker(paras: list[str], st: _State) -> list[str]:
    """Cut at the first tail marker that has at least half of the article's words before it
    (the cut part is still searched for a site footer naming the outlet)."""
    if TAIL_MARKER is None or len(paras) < 2:
        return paras
    total = sum(n_words(p) for p in paras)
    seen = 0
    for i, p in enumerate(paras):
        if i > 0 and seen * 2 >= total and n_words(p) <= 12 and (TAIL_MARKER.fullmatch(p) or _about_block(paras, i)):
            _footer_outlets(paras[i:], st)
            return paras[:i]
        seen += n_words(p)
    return paras


_ABOUT = re.compile(r"About\s+(?P<name>(?:the\s+)?[A-Z][\w&.'’\-]*(?:\s+[A-Z&][\w&.'’\-]*){0,5})\s*:?")


def _about_block(paras: list[str], i: int) -> bool:
    """A press release's "About Acme Robotics" heading whose next paragraph describes that name ("Acme Robotics
    designs ..."): the company boilerplate that closes a release, not the news."""
    m = _ABOUT.fullmatch(paras[i].strip())
    if not m or i + 1 >= len(paras):
        return False
    name = re.sub(r"^the\s+", "", m.group("name"), flags=re.I)
    return bool(re.match(r"(?:the\s+)?" + re.escape(name) + r"\b", paras[i + 1], flags=re.I))


def _footer_outlets(tail: list[str], st: _State) -> None:
    """Site name / domain / copyright lines at the end name the outlet."""
    domains = [(i, is_domain_line(p)) for i, p in enumerate(tail)]
    for i, dom in domains:
        if not dom:
            continue
        sld = _fold(dom.split(".")[-2] if dom.count(".") >= 1 else dom)
        sld_full = _fold("".join(dom.split(".")[:-1]).replace("www", "", 1))
        for j in (i - 1, i + 1, i - 2):
            if 0 <= j < len(tail) and not is_domain_line(tail[j]) and n_words(tail[j]) <= 6:
                f = _fold(re.sub(r"^the\s+", "", tail[j], flags=re.I))
                if f and (f == sld or f == sld_full or _fold(tail[j]) == sld):
                    st.outlet_footer = st.outlet_footer or tail[j]
                    return
        known = _outlet_for_domain(dom)
        st.outlet_footer = st.outlet_footer or known or dom
        return
    for p in tail[::-1]:
        c = _copyright_outlet(p)
        if c:
            st.outlet_footer = st.outlet_footer or c
            return
    for p in tail[-3:][::-1]:
        if _outlet_like(p):
            st.outlet_footer = st.outlet_footer or p
            return


def _peel_tail(paras: list[str], st: _State) -> list[str]:
    """Remove furniture after the article: edge rules, appeals, domains/site names, the author's bio
    (a paragraph opening with a byline name: "Daniel Okafor is a professor of ..."), and related-story
    lists (a final run of >= 3 short lines, or of 2 title-case headline-like lines)."""
    end = len(paras)
    removed: list[str] = []
    authors = author_names(st.author, st.byline)
    while end > 0:
        p = paras[end - 1]
        if is_edge_boilerplate(p) or is_appeal_like(p) or is_domain_line(p) or is_credit(p) \
                or (end > 1 and is_author_bio(p, authors)) \
                or _copyright_outlet(p) or (removed and len(removed) <= 3 and _outlet_like(p) and end < len(paras)
                                             and any(is_domain_line(r) for r in removed)):
            removed.append(p)
            end -= 1
            continue
        # a run of headline-like lines: related-story list
        j = end
        while j > 0 and _is_short_line(paras[j - 1]):
            j -= 1
        run = end - j
        n_title_case = sum(1 for q in paras[j:end] if is_headline_like(q))
        if j > 0 and (run >= 3 or (run == 2 and n_title_case == 2)):
            removed.extend(paras[j:end][::-1])
            end = j
            continue
        if run == 1 and end == len(paras) and end > 1 and _outlet_like(p):
            removed.append(p)       # a lone site-name line at the very end
            end -= 1
            continue
        break
    if removed:
        _footer_outlets(removed[::-1], st)
    return paras[:end]


def _strip_sign_off(paras: list[str], st: _State) -> list[str]:
    """A site's domain signed after the last sentence ("… will be worse.” – Rappler.com") is the outlet,
    not article text: cut it off the paragraph (a name signed there, "– John Smith", is kept: it can be
    the speaker of the quote before it)."""
    if not paras:
        return paras
    m = SIGN_OFF.search(paras[-1])
    if not m or not is_domain_line(m.group(0).strip(" –—-")):
        return paras
    _footer_outlets([m.group(0).strip(" –—-")], st)
    return paras[:-1] + [paras[-1][:m.start()].rstrip()]


PULL_QUOTE_WORDS = (6, 40)     # a pull quote is a paragraph of this many words repeated inside a longer one


_OPENS_QUOTED = re.compile(r"\s*[\"“‘'«„]")


def _drop_pull_quotes(paras: list[str]) -> list[str]:
    """A short paragraph that opens with a quotation mark and whose words (quote marks and punctuation
    aside) are repeated inside a longer paragraph of the same article: a pull quote, set out twice on
    the page. (Not any repeated sentence: a lead repeated later, or a report's key takeaways repeated in
    its body, are the article's own text.)"""
    lo, hi = PULL_QUOTE_WORDS
    candidates = {i for i, p in enumerate(paras) if _OPENS_QUOTED.match(p) and lo <= n_words(p) <= hi}
    if not candidates:
        return paras
    keys = [_fold(SIGN_OFF.sub("", p) if i in candidates else p) for i, p in enumerate(paras)]   # "“…” — Steve Kerr"
    return [p for i, p in enumerate(paras) if i not in candidates or not keys[i] or not any(
        j != i and len(keys[j]) > len(keys[i]) and keys[i] in keys[j] for j in range(len(paras)))]
