"""Page-furniture containers removed from an HTML tree before trafilatura reads it.

trafilatura discards many boilerplate containers itself (navigation, share bars, comments ...), but a
list of other stories with their summaries ("More news", "Latest") inside <main> reads like article text
to it: on a hand-written page a two-paragraph article came out followed by twelve teaser summaries and
their time stamps. This removes containers whose class or id holds a token of
tasks/rules/html_furniture.txt (whole tokens, not substrings: "related" removes class="related box", not
class="article-related-media") when they hold a link or a form (teaser lists, newsletter boxes and comment
threads do; a lead paragraph marked "teaser" does not), never when they hold the page's <h1> or its
article body (itemprop=articleBody) or are <article>, <main> or <body>, and not at all when they would
leave less than MIN_LEFT_CHARS of the page's text (a page marked up against every convention keeps its text).

Written here because trafilatura's own pruning option (prune_xpath) has no such guards; the tree is
parsed once, by trafilatura's own loader, and handed to it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks import rulefiles

MIN_LEFT_CHARS = 200  # pruning must leave at least this much of the page's text
_TOKEN_SPLIT = re.compile(r"[\s]+")


@lru_cache(maxsize=1)
def furniture_tokens() -> frozenset[str]:
    return frozenset(rulefiles.lines("html_furniture.txt", lower=True))


def _is_furniture(el, tokens: frozenset[str]) -> bool:
    attrs = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return any(t in tokens for t in _TOKEN_SPLIT.split(attrs) if t)


def _protected(el) -> bool:
    """Holds the page's headline or an article body, or nothing a reader could follow (no link or form)."""
    if el.tag in ("article", "main", "body", "html") or el.find(".//h1") is not None:
        return True
    if el.xpath(".//*[@itemprop='articleBody']"):
        return True
    return el.find(".//a[@href]") is None and el.find(".//form") is None


def prune_furniture(tree) -> int:
    """Remove the furniture containers of ``tree`` (an lxml HTML tree) in place; returns how many."""
    tokens = furniture_tokens()
    found = [el for el in tree.xpath("//*[@class or @id]") if isinstance(el.tag, str) and _is_furniture(el, tokens)]
    chosen = set(found)
    outer = [el for el in found if not any(a in chosen for a in el.iterancestors()) and not _protected(el)]
    if not outer:
        return 0
    left = len(tree.text_content()) - sum(len(el.text_content()) for el in outer)
    if left < MIN_LEFT_CHARS:
        return 0
    for el in outer:
        parent = el.getparent()
        if parent is not None:
            el.drop_tree()          # the element's tail text stays in the page
    return len(outer)
