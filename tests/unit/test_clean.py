"""clean.clean_documents on the five seeds and on generic (non-seed) pages."""
from __future__ import annotations

import re
from datetime import datetime, UTC
from pathlib import Path

import pytest

from tasks import clean
from tasks.clean import article_id_for, clean_documents
from tasks.ingest import discover, read_files

SEED_TITLES = {
    "000": "Putin Tells Trump Russia Open to Peace Framework with Ukraine",
    "001": "Putin Hails ‘Very Useful’ Two-Hour Call With Trump on Ukraine Peace Talks",
    "002": "Putin, Trump Signal Progress Toward Ukraine Peace Talks",
    "003": "After Putin Call, Trump Says Ceasefire Talks Between Russia, Ukraine to Begin",
    "004": "Trump and Putin speak again to negotiate peace in Ukraine",
}

# phrases that are boilerplate in the seeds: no paragraph of a cleaned body may contain them
BOILERPLATE_PHRASES = [
    "Home/", "Top News/", "Advertisement", "Scroll to continue", "[post-views]", "Updated on", "min read",
    "Photo credit", "Keep Independent Journalism Alive", "independent journalism is more vital",
    "making a donation", "PayPal", "Your support makes a difference", "Leave a Reply", "Leave a Comment",
    "Your email address will not be published", "Required fields are marked", "Enable Notifications",
    "No thanks", "Latest Videos", "Related Stories", "No stories found", "Russian Offensive Advances",
    "Europe, Ukraine Rush to Influence", "Trump Announces Planned Monday Call", "Inter Bellum News",
    "interbellumnews.com", "The Daily Guardian", "By Kardo Roj", "(North Press)",
]
# whole paragraphs that are boilerplate (words that also occur inside real sentences)
BOILERPLATE_PARAGRAPHS = ["Share", "Kremlin.ru", "Vladimir Putin speaking with Donald Trump"]


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, dict]:
    raw = seeds_dir.parent
    files = [f for f in discover(raw) if f.drop_id == seeds_dir.name]
    docs, rej = read_files(raw, files)
    assert rej == []
    arts, rej = clean_documents(docs)
    assert rej == [] and len(arts) == 5
    return {Path(a["source_path"]).name[:3]: a for a in arts}


def test_seed_titles(seeds):
    assert {k: a["title"] for k, a in seeds.items()} == SEED_TITLES


def test_seed_bodies_have_no_boilerplate(seeds):
    for key, a in seeds.items():
        paras = a["body"].split("\n\n")
        for p in paras:
            for phrase in BOILERPLATE_PHRASES:
                assert phrase not in p, (key, phrase, p)
            assert p not in BOILERPLATE_PARAGRAPHS, (key, p)
            assert p != a["title"], (key, p)
            assert p == p.strip() and "  " not in p and "\n" not in p


def test_seed_content_survives(seeds):
    must_keep = {
        "000": ["Putin also thanked Trump for encouraging continued negotiations, hinting at Washington’s "
                "possible mediating role in the months ahead."],
        "001": ["Putin: “We’re on the right track”",
                "The call, which focused on the ongoing conflict in Ukraine, marks a potential turning point "
                "in diplomatic efforts."],
        "002": ["Trump also revealed that the newly elected American Pope Leo XIV and the Vatican are "
                "“very interested” in hosting the peace talks."],
        "003": ["“I think honestly that President Putin, he doesn’t quite know how to get out of the war,” Vance said."],
        "004": ["The U.S. administration has not yet issued an official comment on the exchange."],
    }
    for key, paras in must_keep.items():
        body_paras = seeds[key]["body"].split("\n\n")
        for p in paras:
            assert p in body_paras, (key, p)
    # first and last real paragraphs are kept
    assert seeds["004"]["body"].split("\n\n")[-1].startswith("The war, which began in February 2022")
    assert seeds["001"]["body"].split("\n\n")[-1].startswith("Whether a long-term resolution")
    assert seeds["002"]["body"].split("\n\n")[-1].startswith("While both Washington and Moscow")
    assert seeds["003"]["body"].split("\n\n")[-1].startswith("Putin, whose military occupies")


def test_north_press_byline_dateline_outlet(seeds):
    a = seeds["000"]
    assert a["byline"] == "Kardo Roj"
    assert a["dateline"] == "MOSCOW, Russia (North Press)"
    assert a["outlet"] == "North Press" and a["outlet_source"] == "text"
    assert a["body"].startswith("Russian President Vladimir Putin expressed Moscow’s willingness")


def test_masthead_and_footer_outlets(seeds):
    assert (seeds["003"]["outlet"], seeds["003"]["outlet_source"]) == ("The Daily Guardian", "text")
    assert (seeds["001"]["outlet"], seeds["001"]["outlet_source"]) == ("Inter Bellum News", "text")


def test_unknown_outlets_are_their_own(seeds):
    for key in ("002", "004"):
        a = seeds[key]
        assert a["outlet"] == f"unknown:{a['article_id']}" and a["outlet_source"] == "self"
    assert seeds["002"]["outlet"] != seeds["004"]["outlet"]


def test_article_fields(seeds):
    for a in seeds.values():
        assert a["article_id"] == article_id_for(a["body"])
        assert re.fullmatch(r"[0-9a-f]{16}", a["article_id"])
        assert a["n_words"] == len(a["body"].split())
        assert a["n_paragraphs"] == len(a["body"].split("\n\n"))
        assert a["drop_id"] == "sample" and a["file_hash"]
    assert seeds["000"]["n_paragraphs"] == 8


def test_curly_quotes_are_kept(seeds):
    assert "“eliminate the root causes”" in seeds["000"]["body"]


def test_article_id_normalises():
    assert article_id_for("Hello  World\n\nAgain") == article_id_for("hello world again")
    assert article_id_for("ﬁne") == article_id_for("fine")          # NFKC
    assert article_id_for("a") != article_id_for("b")


def _doc(text, fmt="txt", meta=None, path="d/x.txt"):
    return {"source_path": path, "drop_id": "d", "file_hash": "h", "format": fmt, "text": text, "meta": meta or {}}


GENERIC = """Mayor announces new budget for city schools
Home / Local / Education
By Maria Lopez and Tom Reed
Published: March 3, 2024 10:15 AM
5 min read

We use cookies to give you the best experience on our website. By continuing to use this site you accept our cookie policy.

SPRINGFIELD — The mayor on Monday unveiled a $2.3 billion budget that increases spending on city schools by 8 percent, the largest rise in a decade.

"This is an investment in our children," the mayor said at a news conference.

Advertisement

The plan goes to the council next week.

Read more: Council approves new bus routes

Critics said it relied on optimistic revenue forecasts.

Click here to subscribe to our daily briefing.

Sign up for our newsletter

Related Articles
Council delays vote on transit plan
School board names new superintendent
Springfield weather: storms expected

Follow us on Twitter and Facebook
Copyright 2024 Springfield Daily News. All rights reserved.
"""


def test_generic_page_is_cleaned():
    (a,), rej = clean_documents([_doc(GENERIC)])
    assert rej == []
    assert a["body"].split("\n\n") == [
        "The mayor on Monday unveiled a $2.3 billion budget that increases spending on city schools by 8 percent, "
        "the largest rise in a decade.",
        "\"This is an investment in our children,\" the mayor said at a news conference.",
        "The plan goes to the council next week.",
        "Critics said it relied on optimistic revenue forecasts.",
    ]
    assert a["title"] == "Mayor announces new budget for city schools"
    assert a["byline"] == "Maria Lopez and Tom Reed"
    assert a["dateline"] == "SPRINGFIELD"
    assert a["outlet"] == "Springfield Daily News" and a["outlet_source"] == "text"
    assert a["published_at"] == datetime(2024, 3, 3, 10, 15, tzinfo=UTC)


def test_metadata_outlet_wins_over_text():
    (a,), _ = clean_documents([_doc(GENERIC, meta={"outlet": "Manifest Outlet", "title": "Meta title"})])
    assert (a["outlet"], a["outlet_source"]) == ("Manifest Outlet", "metadata")
    assert a["title"] == "Meta title"


def test_known_outlet_domain_and_alias_are_canonical():
    assert clean.canonical_outlet("reuters.com") == "Reuters"
    assert clean.canonical_outlet("AP") == "Associated Press"
    assert clean.canonical_outlet("Some New Outlet") == "Some New Outlet"


def test_wire_dateline_agency_is_outlet():
    text = ("Talks resume in Geneva\n\nGENEVA, May 19 (Reuters) - Negotiators met again on Monday to discuss "
            "a ceasefire, diplomats said, after weeks of stalled talks.\n\nMore talks are planned.")
    (a,), _ = clean_documents([_doc(text)])
    assert a["dateline"] == "GENEVA, May 19 (Reuters)"
    assert a["outlet"] == "Reuters" and a["body"].startswith("Negotiators met again")


def test_transcript_speaker_label_is_not_a_dateline():
    """ "STEVE INSKEEP, HOST:" names a speaker and a role, not a place: the line stays whole in the body."""
    first = ("STEVE INSKEEP, HOST: Farmers in the Midwest are deciding what to plant this spring, and many say "
             "prices are too low to cover their costs.")
    text = f"Farmers brace for low prices\n\n{first}\n\nFRANK MORRIS, BYLINE: The bins are still full of last year's crop."
    (a,), _ = clean_documents([_doc(text)])
    assert a["dateline"] is None and a["body"].startswith(first)
    text = ("Talks resume\n\nKYIV, Ukraine: Negotiators met again on Monday to discuss a ceasefire, diplomats "
            "said, after weeks of stalled talks.\n\nMore talks are planned.")
    (a,), _ = clean_documents([_doc(text)])
    assert a["dateline"] == "KYIV, Ukraine"


def test_donation_appeal_block_and_caption_removed():
    text = """Storm batters coast
Residents flee as waters rise
A flooded street in the harbour district
Photo: John Doe/Example Agency

Heavy storms battered the coast on Tuesday, flooding hundreds of homes and cutting power to thousands, officials said.

The weather service warned that more rain was expected later in the week across the region.

Support Our Journalism
We rely on readers like you to keep our reporting free. If you value what we do, please consider a donation today.
Donate via PayPal
Thank you for your support!
"""
    (a,), _ = clean_documents([_doc(text)])
    paras = a["body"].split("\n\n")
    assert paras == ["Residents flee as waters rise",
                     "Heavy storms battered the coast on Tuesday, flooding hundreds of homes and cutting power to "
                     "thousands, officials said.",
                     "The weather service warned that more rain was expected later in the week across the region."]


def test_real_short_sentences_and_reported_appeals_survive():
    text = """Charity drive raises record sum

The charity said it had raised $5 million in its annual drive, more than double last year's total, with most of it from small donors.

“Please donate whatever you can, every dollar helps us,” its director said on Tuesday.

He declined to comment further.

Share prices of the sponsor rose.
"""
    (a,), _ = clean_documents([_doc(text)])
    paras = a["body"].split("\n\n")
    assert "“Please donate whatever you can, every dollar helps us,” its director said on Tuesday." in paras
    assert "He declined to comment further." in paras
    assert "Share prices of the sponsor rose." in paras


def test_html_doc_uses_metadata_title_and_drops_title_copy():
    text = "Floods hit Italy\n\nROME (AP) — Heavy rain flooded northern Italy on Friday, forcing thousands from their homes.\n\nRead more"
    (a,), _ = clean_documents([_doc(text, fmt="html", meta={"title": "Floods hit Italy", "outlet": "Example Herald"})])
    assert a["body"] == "Heavy rain flooded northern Italy on Friday, forcing thousands from their homes."
    assert a["dateline"] == "ROME (AP)" and a["outlet"] == "Example Herald"


def test_hard_wrapped_text_is_joined():
    text = ("Wrapped story title\n\n"
            "The committee met on Tuesday to discuss the proposal and\n"
            "agreed that the new rules would take effect next year, after\n"
            "a period of consultation with the industry and the public.\n\n"
            "A second paragraph follows here.")
    (a,), _ = clean_documents([_doc(text)])
    assert a["body"].split("\n\n")[0] == ("The committee met on Tuesday to discuss the proposal and agreed that the new "
                                          "rules would take effect next year, after a period of consultation with the "
                                          "industry and the public.")


def test_only_boilerplate_is_rejected():
    (), rej = clean_documents([_doc("Share\n\nAdvertisement\n\nLeave a Reply\n")])
    assert [r["reason"] for r in rej] == ["no_text"] and rej[0]["source_path"] == "d/x.txt"


def test_rule_files_exist_and_compile():
    rules = clean.RULES_DIR
    for name in ("boilerplate.txt", "boilerplate_edge.txt", "boilerplate_credits.txt", "boilerplate_tail.txt",
                 "boilerplate_appeals.yaml", "outlets.csv", "outlet_words.txt"):
        assert (rules / name).is_file(), name
    assert clean.BOILER_ANY is not None and clean.TAIL_MARKER is not None and clean.APPEAL_START is not None


@pytest.mark.parametrize("line", [
    "Advertisement", "Advertisement · Scroll to continue", "[post-views]", "Share", "Leave a Comment",
    "Your email address will not be published. Required fields are marked *", "Enable Notifications OK No thanks",
    "We use cookies to improve your experience on our site.", "Sign up for our newsletter",
    "Click here to subscribe", "All rights reserved.", "© 2025 Example Media Ltd. All rights reserved.",
    "Follow us on Twitter", "Read more: Something else happened", "Reporting by Jane Doe; Editing by John Roe",
    "Share on Facebook | Twitter | Email", "Latest Videos",
])
def test_boilerplate_lines(line):
    assert clean.is_boilerplate(line), line


@pytest.mark.parametrize("line", [
    "Share prices fell sharply on Monday.", "Copyright law is changing in the EU, officials said.",
    "Writing by hand is becoming rare.", "Putin: “We’re on the right track”", "He declined to comment.",
    "Russia proposes peace framework", "The advertisement campaign cost $2 million, the company said.",
])
def test_content_lines_are_not_boilerplate(line):
    assert not clean.is_boilerplate(line), line


@pytest.mark.parametrize("line", [
    "Back to News | Print this story | Email this story",
    "Valley Gazette, 101 Main St., Pleasantville. Phone 555-0100. Copyright 2025.",
    "Published by the Valley Gazette Company. All rights reserved. Reproduction prohibited.",
])
def test_edge_furniture_lines(line):
    assert clean.is_edge_boilerplate(line), line


@pytest.mark.parametrize("line", [
    "Crude rose 2% after the report | Brent at $80 | WTI at $76 | Gas flat.",   # a sentence with pipes: not a menu
    "The band's lawyers said the copyright 2019 ruling would be appealed to the supreme court next month.",
])
def test_edge_furniture_rules_leave_sentences(line):
    assert not clean.is_edge_boilerplate(line), line


def test_glued_caption_and_agency_credit_is_a_credit():
    assert clean.is_credit("Trees were brought down in Cumbria overnightGetty Images")
    assert clean.is_credit("Firefighters at the scene on Monday Shutterstock")
    assert not clean.is_credit("The photographer sold the picture to Getty Images.")


def test_page_header_kickers_and_author_block_dropped():
    """Trafilatura text of a page: a section label and the author's byline block (name glued to a role) above
    the first sentence go; the body stays; an all-capitals line (a dateline) is not a kicker."""
    text = ("Weather\n\nJames HartBBC News style correspondent\n\nMore than 40,000 homes were left without power "
            "on Wednesday after Storm Ida brought gusts of up to 90mph to northern England.\n\nForecasters "
            "expect the winds to ease.")
    (a,), _ = clean_documents([_doc(text, meta={"title": "Storm knocks out power", "byline": "James Hart"},
                                    fmt="html")])
    assert a["body"].split("\n\n")[0].startswith("More than 40,000 homes")
    assert "Weather" not in a["body"] and "correspondent" not in a["body"]
    kept = clean.clean_text("Storm hits\n\nLONDON\n\nMore than 40,000 homes were left without power on Wednesday "
                            "after a storm brought gusts of up to 90mph.", {"title": "Storm hits"}, "html")
    assert kept["body"].startswith("LONDON")


@pytest.mark.parametrize("line, furniture", [
    ("Proud of every nurse who stood on the picket line. This deal is a first step. — RCN North (@RCNNorth) May 8, 2026",
     True),                                                     # an embedded post, signed with its handle
    ("Our Standards: The Thomson Reuters Trust Principles.", True),
    ("The account — run by Jane Doe (@janedoe) — posted the video on Monday, police said.", False),
    ("He wrote on X — later deleted — that the deal was dead.", False),
])
def test_embedded_posts_and_standards_links(line, furniture):
    assert clean.is_boilerplate(line) is furniture, line


@pytest.mark.parametrize("line, edge", [
    ("Follow Lena Fischer on X.", True),
    ("Have a news tip? Email news@eastbaytribune.com or call 555-0199.", True),
    ("This story has been updated to include comment from the European Commission.", True),
    ("This article was amended on 9 May 2026 to correct the number of cancelled appointments.", True),
    ("Follow Trump on his path to power and you will see a pattern.", False),
    ("This story was updated daily by the ministry, he said.", False),
])
def test_tail_notes_and_follow_prompts(line, edge):
    assert clean.is_edge_boilerplate(line) is edge, line


@pytest.mark.parametrize("line, edge", [
    ("Mykola Bielieskov is a research fellow at the National Institute. The views expressed in this article are the "
     "author’s personal position and do not reflect the opinions of NISS.", True),
    ("The Eurasia Center’s mission is to enhance transatlantic cooperation in promoting stability.", True),
    ("The agency’s mission is to protect consumers, the judge wrote, and it failed.", False),
])
def test_disclaimers_and_mission_statements(line, edge):
    assert clean.is_edge_boilerplate(line) is edge, line


def test_report_paragraph_with_contributor_and_link_is_not_an_appeal():
    assert not clean.is_appeal_like(
        "In this latest report, the author argues that the Army must view itself as an indispensable contributor "
        "to sea control. You can read the full report at this link.")
    assert clean.is_appeal_like("Independent journalism is more vital than ever. Your contribution keeps us going.")


@pytest.mark.parametrize("line, furniture", [
    ("Associated Press writer Jesse Bedayn in Denver contributed to this report.", True),
    ("Jane Doe and John Roe contributed reporting from Kyiv.", True),
    ("___", True),
    ("* * *", True),
    ("He said he had contributed to this report as an adviser, but the board disagreed.", False),
])
def test_contributor_lines_and_separators(line, furniture):
    assert clean.is_boilerplate(line) is furniture, line


def test_articles_not_in_english_are_rejected_with_the_language():
    de = ("Bundesregierung kündigt Klimapaket an\n\nDie Bundesregierung hat am Mittwoch ein neues Klimapaket im "
          "Umfang von 20 Milliarden Euro vorgestellt. \"Wir müssen jetzt handeln\", sagte der Wirtschaftsminister "
          "bei einer Pressekonferenz in Berlin. Die Opposition kritisierte das Paket als unzureichend.")
    ru = ("Путин и Трамп провели телефонный разговор\n\nПрезидент России Владимир Путин и президент США Дональд "
          "Трамп провели телефонный разговор, который продолжался более двух часов, сообщил помощник президента "
          "Юрий Ушаков. По его словам, стороны обсудили возможность возобновления прямых переговоров.")
    en = ("Talks resume in Geneva\n\nNegotiators met again on Monday to discuss a ceasefire, diplomats said, "
          "after weeks of stalled talks. \"Мы готовы\", the Russian envoy told reporters in Russian.")
    arts, rej = clean_documents([_doc(de, path="d/de.txt"), _doc(ru, path="d/ru.txt"), _doc(en, path="d/en.txt")])
    assert [a["source_path"] for a in arts] == ["d/en.txt"]
    reasons = {r["source_path"]: (r["reason"], r["detail"]) for r in rej}
    assert reasons["d/de.txt"][0] == reasons["d/ru.txt"][0] == "not_english"
    assert "'de'" in reasons["d/de.txt"][1] and "'ru'" in reasons["d/ru.txt"][1]


def test_gallery_caption_pull_quote_and_link_pointer_removed():
    text = ("Flooding closes schools\n\nMore than 40 schools were closed on Monday after heavy rain caused widespread "
            "flooding across the region, the county council said.\n\n1 of 12\n\nFloodwater on the high street on "
            "Monday morning.\n\nThe Environment Agency issued 18 flood warnings on Monday.\n\n\"We have never seen "
            "water this high\"\n\n\"We have never seen water this high,\" said shop owner Karen Mills, who has run a "
            "bakery in the town for 30 years.\n\nRead the council's full statement here.\n\nThe town's lead of the "
            "recovery effort was named on Monday.\n\nForecasters expect more rain on Wednesday, and the town's lead "
            "of the recovery effort was named on Monday.")
    (a,), _ = clean_documents([_doc(text)])
    paras = a["body"].split("\n\n")
    assert not any(p.startswith(("1 of 12", "Floodwater on the high", "Read the council")) for p in paras)
    assert paras.count('"We have never seen water this high"') == 0
    assert any(p.startswith('"We have never seen water this high," said') for p in paras)
    # a repeated sentence that is not set out as a quotation stays (a lead repeated later is the article's text)
    assert "The town's lead of the recovery effort was named on Monday." in paras


def test_author_bio_letters_invitation_and_press_release_dateline():
    oped = ("Cities must plan for hotter summers\n\nLast July, our city recorded 19 days above 35 degrees, more than in "
            "any summer on record.\n\nNone of this is expensive compared with the cost of doing nothing.\n\n"
            "Daniel Okafor is a professor of urban planning at Lakeside University and a former deputy mayor.\n\n"
            "The Civic Review welcomes letters to the editor. Send yours to letters@civicreview.example.org.")
    r = clean.clean_text(oped, {"title": "Cities must plan for hotter summers", "byline": "Daniel Okafor"}, "html")
    assert r["body"].endswith("the cost of doing nothing.")
    # a paragraph about someone else, or the author quoted, is the article's text
    kept = clean.clean_text(oped.replace("Daniel Okafor is", "Maria Ruiz is"), {"byline": "Daniel Okafor"}, "html")
    assert "Maria Ruiz is a professor" in kept["body"]
    release = ("Acme Robotics opens new plant\n\nCOLUMBUS, Ohio, March 3, 2026 /PRWire/ -- Acme Robotics today opened "
               "a 200,000-square-foot manufacturing plant in Columbus that will employ 450 people by 2028.")
    r = clean.clean_text(release, {"title": "Acme Robotics opens new plant"}, "html")
    assert r["body"].startswith("Acme Robotics today opened") and r["outlet_text"] == "PRWire"
    assert r["dateline"] == "COLUMBUS, Ohio, March 3, 2026 /PRWire/"


def test_outlet_named_in_a_byline_with_a_role():
    r = clean.clean_text("Local farmers report record harvest\n\nBy Ed Parker, Valley Gazette staff writer\n\nFarmers "
                         "across Marion County are reporting their best corn harvest in more than twenty years.",
                         {"title": "Local farmers report record harvest"}, "html")
    assert (r["byline"], r["outlet_text"]) == ("Ed Parker", "Valley Gazette")


def test_press_release_about_block_is_cut_but_a_subhead_about_something_is_not():
    release = ("Acme Robotics opens new plant\n\nAcme Robotics today opened a 200,000-square-foot manufacturing plant "
               "in Columbus that will employ 450 people by 2028, the company said.\n\n\"Ohio gives us the workforce "
               "and the suppliers we need to grow,\" said Acme chief executive Laura Chen.\n\nAbout Acme Robotics\n\n"
               "Acme Robotics designs and builds autonomous mobile robots for logistics. Founded in 2015, the company "
               "is headquartered in Pittsburgh.")
    r = clean.clean_text(release, {"title": "Acme Robotics opens new plant"}, "html")
    assert r["body"].endswith("said Acme chief executive Laura Chen.")
    story = release.replace("About Acme Robotics\n\nAcme Robotics designs", "About the money\n\nAcme Robotics designs")
    assert "Founded in 2015" in clean.clean_text(story, {"title": "Acme Robotics opens new plant"}, "html")["body"]


@pytest.mark.parametrize("line, furniture", [
    ("10:32 p.m.", True), ("09.15 GMT", True), ("11:45pm", True),
    ("10:32 p.m. Officials said the count was over.", False), ("3.5 million", False),
])
def test_a_time_stamp_alone_is_no_sentence(line, furniture):
    assert clean.is_boilerplate(line) is furniture, line
