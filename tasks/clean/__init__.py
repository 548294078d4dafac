"""Cleaning stage: RawDocs -> articles (title, byline, dateline, outlet, boilerplate-free body).

Pure functions, no Prefect. Rules are data in ``tasks/rules/``:

* ``boilerplate.txt``        paragraphs removed anywhere (UI labels, ads, share rows, cookie and
                             newsletter prompts, copyright lines, wire credit tails);
* ``boilerplate_edge.txt``   paragraphs removed only before the first / after the last prose
                             paragraph (navigation labels, bare domains, date stamps, bios);
* ``boilerplate_credits.txt`` photo credit lines (and the short caption right above one);
* ``boilerplate_tail.txt``   tail markers ("Related Stories", "Leave a Reply"): when one sits in the
                             second half of the article, it and everything after it is removed;
* ``boilerplate_appeals.yaml`` donation/subscription appeal blocks;
* ``outlets.csv`` / ``outlet_words.txt`` known outlet names and words that mark a publication name.

What counts as what (see the helpers for details):

* a *paragraph* is a non-empty line; lines of a block that are visibly hard-wrapped are joined;
* a *prose* paragraph has >= 12 words and ends in sentence punctuation, or has >= 30 words;
* *headline-like*: 1-20 words, no final full stop, mostly capitalised words;
* the *header* is everything before the first prose paragraph, the *tail* everything after the last.

Outlet precedence: metadata > text (masthead, site footer / copyright line, byline suffix,
dateline agency, in that order) > the article is its own outlet (``unknown:<article_id>``).
All regexes are compiled once at import.
"""
from tasks.clean.document import MAX_ARTICLE_CHARS, Article, Rejection, clean_documents, clean_text
from tasks.clean.outlets import OUTLET_DOMAINS, OUTLET_NAMES, OUTLET_WORDS, canonical_outlet
from tasks.clean.paragraphs import split_paragraphs
from tasks.clean.rules import (APPEAL_KW, APPEAL_READER, APPEAL_START, BOILER_ANY, BOILER_EDGE, CREDIT,
                               TAIL_MARKER, RuleSet, is_appeal_like, is_boilerplate, is_credit, is_edge_boilerplate)
from tasks.clean.text import (article_id_for, collapse_ws, is_domain_line, is_headline_like, is_prose, n_words)
from tasks.settings import RULES_DIR   # the rule files (read through tasks.rulefiles)

__all__ = ["clean_documents", "clean_text", "article_id_for", "canonical_outlet", "split_paragraphs",
           "is_boilerplate", "is_edge_boilerplate", "is_credit", "is_appeal_like", "is_domain_line", "is_prose",
           "is_headline_like", "collapse_ws", "n_words", "RuleSet", "RULES_DIR", "MAX_ARTICLE_CHARS",
           "BOILER_ANY", "BOILER_EDGE", "CREDIT", "TAIL_MARKER", "APPEAL_START", "APPEAL_KW", "APPEAL_READER",
           "OUTLET_NAMES", "OUTLET_DOMAINS", "OUTLET_WORDS", "Article", "Rejection"]
