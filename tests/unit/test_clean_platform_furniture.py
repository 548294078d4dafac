"""Page furniture seen in the blind sets tests/fixtures/crawls_heldout226-249 that the cleaner kept as article text:
publishing platforms' share, consent and follow prompts ("Click to share on X (Opens in new window)", "You are the
owner of this article."), app and affiliate notes, a section or byline line with its date stamp and reading time, a
byline with the reporter's e-mail or phone, stock-photo and caption credits, tip and affiliate notes, link rows, and
after the article comment guidelines, reuse terms, the Local Democracy Reporting note, the outlet's "You're reading …"
sign-off, funders' notes, the writer's bio, an interview's "was speaking to" note and references
(tasks/rules/page_junk.txt, page_junk_tail.txt). The last two tests are guards: the same words inside the article's
own sentences stay its text (they pass on the code before the change too)."""
from __future__ import annotations

import pytest

from tests.unit.test_clean_tail_furniture import BODY, _body


@pytest.mark.parametrize("line", [
    "Click to share on Facebook (Opens in new window)",
    "Click to email a link to a friend (Opens in new window)",
    "You are the owner of this article.",
    "I understand and agree that registration on or use of this site constitutes agreement to its user agreement and "
    "privacy policy.",
    "Follow Example News on Facebook and Twitter and never miss an update!",
    "Add Example Beacon to your Google News feed.",
    "Don't miss out on the headlines from Council. Followed categories will be added to My News.",
    "Jump to:",
    "P/S: The Example Beacon is also available on Apple's App Store and Android's Google Play.",
    "FTC: We use income earning auto affiliate links. More.",
    "In News · 05 Dec 2026, 12:15 · 3 minutes reading",
    "Jameson Okoro-Lindahl | Dec 5 2026 - 9:42 am PT",
    "By Marisol Okonkwo-Reyes | mokonkwo@examplenewsgroup.com | Example News Group",
    "(Source: Siriwat Boonmee/Alamy Stock Photo)",
    "Have a tip for Example Beacon? Want to advertise? Want to suggest a guest for our podcast? Contact us here.",
    "Example Beacon uses affiliate links. See our policy here.",
    "Support Example Beacon's work through a Substack subscription or on Stripe.",
    "Complete the form below to unlock access to ALL audio articles.",
    "Real-time updates and all local stories you want right in the palm of your hand.",
    "This document is subject to copyright. Apart from any fair dealing for the purpose of private study or research, "
    "no part may be reproduced without the written permission.",
    "Support HKFP | Code of Ethics | Error/typo? | Contact Us | Newsletter | Annual & Transparency Report",
    "Saturday, Dec. 5, 2026 | 2 a.m.",
    "Words by Nguyễn Thanh Tú. Photos by Khánh Linh Bùi.",
    "Lê Văn Tâm has repaired motorbikes on Bến Bình Đông Street since 1995. Photo by Khánh Linh Bùi.",
    "Ingrid Haldorsen-Achebe: 425-555-0142; ingrid.haldorsen@example.com. X: @ihaldorsen.",
    "This article is available exclusively for subscribers.",
    "Would you like to comment on this article?",
    "Register (it's quick and free) or sign in now.",
    "Leave a comment below. Comments are the sole responsibility of the writer.",
    "Support independent media in Burma. Donate to Example Radio today.",
    "Be part of the Example community. Become a sustaining member today.",
    "● Want to hear about our latest articles as soon as they're published? Follow us on Facebook and Twitter!",
    "Get our daily newsletter, the essential guide to what matters in San Diego.",
    "For the latest news, weather, sports, and streaming video, head to Example News 13.",
    "Thanks for subscribing. Check out more newsletters here.",
    "Min-woo Lee edited this article.",
    "Topline:",
    "December 5th, 2026 at 10:47am CST by Priyanka Venkataraman-Loeb",
])
def test_platform_prompts_stamps_and_credits_are_furniture_anywhere(tmp_path, line):
    assert _body(tmp_path, BODY[:2] + [line] + BODY[2:]) == BODY


@pytest.mark.parametrize("tail", [
    ["We want our comments to be a lively and valuable part of our community - a place where readers can debate."],
    ["This story was written by a Local Democracy Reporter. The service is funded by the BBC and used by local news "
     "organisations."],
    ["When citing and using any materials on the Internet, links to the website example.net not lower than the first "
     "paragraph are mandatory."],
    ["You're reading Example Wire — experts who break news about electric vehicles, day after day."],
    ["Example Radio's coverage of the Colorado River is supported by the Walton Family Foundation. Example Radio is "
     "solely responsible for its editorial content."],
    ["Marisol Etsitty-Vance covers water and agriculture for Example Radio. She joined the station in 2024 after "
     "reporting for newspapers in New Mexico."],
    ["Bridie is a Melbourne-based writer who covers electric vehicles, rooftop solar and the energy transition."],
    ["Rhiannon joined Example Networks in 2024 and writes about drug discovery and toxicology."],
    ["Dr. Oluwaseun Adeyemi-Strauss was speaking to Rhiannon Castellanos-Muir, Science Writer for Example Networks.",
     "Reference: Adeyemi-Strauss O, Hendriks-Yamamoto P, et al. Blinded evaluation of liver organoids. Example J. 2026."],
    ["Subscribe to Example+ to unlock premium stats, grades and player profiles."],
    ["Yesenia covers labor and immigration for Mission Example. She grew up on Folsom Street."],
    ["Adriana Heredia-Novak covers the U.S.-Mexico border and immigration for Example Radio. She previously reported "
     "from Mexicali."],
    ["Example Radio is a public service of San Diego State University."],
    ["Example News is made possible through the generosity of our members. If you find this reporting valuable, "
     "consider making a gift."],
])
def test_after_the_article_comment_guidelines_and_reuse_terms_are_furniture(tmp_path, tail):
    assert _body(tmp_path, BODY + tail) == BODY


@pytest.mark.parametrize("line", [
    "The ferry operator will follow the council on the timetable, and buses will run every ten minutes.",
    "The app is also available in Welsh, the council said, and the timetable will be printed at every stop.",
])
def test_the_articles_own_sentences_with_the_same_words_are_kept(tmp_path, line):
    assert _body(tmp_path, BODY[:2] + [line] + BODY[2:]) == BODY[:2] + [line] + BODY[2:]


def test_a_quotation_ending_the_article_is_no_sign_off(tmp_path):
    line = "“You are reading the situation wrongly — we have a plan,” the mayor said."
    assert _body(tmp_path, BODY + [line]) == BODY + [line]
