"""Speakers, names and page furniture on layouts seen in the blind sets tests/fixtures/crawls_heldout274-297, with
hand-written sentences and the real spaCy model.

Epithets: "the Wilton Democrat" is the legislator just quoted (the model's PERSON or NORP "Wilton Democrat" is no name);
"the 6-foot-9 sophomore" and "the cleric" name a person as "the welder" does; "the 22-year-old off-spinner from
Kurunegala", "the 51-year-old MP from Kraków" and "the 46-year-old mother of seven" are age epithets (the person just
written about, also when a sentence opens "Instead, she …"); letters after a name ("… KC", ", MD, PhD,") are no speaker;
"the MEP" is the member titled so; in "the 19-year-old from Mississauga, Ontario, said" the region after the comma is no
speaker.

Roles: "the Ghanaian defender" is the person the sentence before, in the paragraph, opens with after their title
("Torino captain X refused …"), not the one person the article titled defender; "the CTO" is the person the article
titled CTO (an office, no name); "the judge" of a report's opening sentence, and "the club’s chair", are the one person
the article later titles so ("Judge Áine Ó Cearbhaill-Lindqvist said", "Club chair Nuala Ní Dhomhnaill-Barrett").

Names: "Madam" (and "Madame", "Mme") is an honorific that only stands before a person's name, and tells a gender ("cold
store operator Madam Ama Serwaa Owusu-Bekoe"); a hyphenated given name whose first part is a given name takes the
surname after it ("Pierre-Olivier N’Diaye"); a double-barrelled name before an age in apposition ("X, a 62-year-old
retired bus mechanic,") or right after "said" ("said Ilse van der Westhuizen-Park, a senior analyst") is a person's; a
person "of" a team that the model read as one organisation is a person ("Joost Haverkamp of Team Visma-Noordzee"); a
given name between a title and the model's surname is the person's ("Mayor |Ivona| Perić-Vukadin", "Judge |Áine Ó|
Cearbhaill-Lindqvist"), and the model's "Skipper Ruairidh" ORG then goes; a name the model found whole is not cut by a
shorter name pattern inside it ("Nicholas |Teo Boon Hock|", "Áine Ó |Cearbhaill-Lindqvist|"); an Irish surname of a
capitalised particle is a person's name ("Ó Fearghail, whose career …"); "Teo said" after "Nicholas Teo Boon Hock" is
that person; "Jackson Heights" and the "Bathurst" of "the 27-year-old from Bathurst" are places and "property
consultancy Huttons Asia" an organisation, never the "he" of the next sentence.

Cleaning: an attributed quotation in single quotes that says "contribute" is no appeal; an article's closing line with
its reporting credit ("… (With a report from PNA/PN)") is text; affiliate notes, a live blog's notes and time stamps, a
tips box, a newsletter pitch, an interview's sign-off, report and comment widgets, a bracketed photo credit, a
republishing note, a section promo and an outlet's byline are page furniture."""
from __future__ import annotations

import pytest

from tests.unit.test_clean_tail_furniture import BODY, _body
from tests.unit.test_quotes_session_fifteen import _persons
from tests.unit.test_quotes_session_thirteen import _speaker, run  # noqa: F401  (the fixture)


def test_a_party_epithet_is_the_legislator_just_named(run):  # noqa: F811
    body = ("The state's new child advocate starts work on Monday.\n\n"
            "The chair of the Committee on Children, state Sen. Ceci Maher-Oduya, described the appointment as "
            "“a reset” for the office. “The office lost momentum,” the Wilton Democrat said. “I think she gets it back.”")
    assert _speaker(run(body), "The office lost momentum") == "Ceci Maher-Oduya"


@pytest.mark.parametrize("epithet", ["the 6-foot-9 sophomore", "the cleric"])
def test_a_height_and_a_class_year_or_a_cleric_name_a_person(run, epithet):  # noqa: F811
    body = ("Wichita State beat Tulsa 74-69 on Thursday.\n\n"
            "Sergei Nakamura-Boateng grabbed the rebound with four seconds left and was fouled.\n\n"
            f"\"I just saw the ball come off and went and got it,\" {epithet} said.")
    assert _speaker(run(body), "I just saw the ball") == "Sergei Nakamura-Boateng"


def test_an_age_epithet_with_where_the_person_comes_from(run):  # noqa: F811
    body = ("Sri Lanka won the second ODI by 31 runs.\n\n"
            "Malith Senanayake-Bandara, playing only his sixth ODI, was named Player of the Match.\n\n"
            "'Kavindu told me to keep it tight. I just bowled to my field,' the 22-year-old off-spinner from "
            "Kurunegala said.")
    assert _speaker(run(body), "Kavindu told me") == "Malith Senanayake-Bandara"


@pytest.mark.parametrize("lede, later, quote, name", [
    ("A farmer has been fined €2,500 at Castlebar District Court, with the judge describing his actions as "
     "\"reckless in the extreme\".", "Judge Áine Ó Cearbhaill-Lindqvist said she accepted the defendant's remorse.",
     "reckless in the extreme", "Áine Ó Cearbhaill-Lindqvist"),
    ("A lunch club in Kilburn has been saved from closure after an appeal that the club’s chair has called "
     "“overwhelming, humbling and very Irish”.", "Club chair Nuala Ní Dhomhnaill-Barrett said the response had left "
     "the committee speechless.", "overwhelming, humbling", "Nuala Ní Dhomhnaill-Barrett"),
])
def test_a_role_of_the_opening_sentence_is_its_later_titled_holder(run, lede, later, quote, name):  # noqa: F811
    body = f"{lede}\n\nThe case was heard on Tuesday.\n\n{later}"
    assert _speaker(run(body), quote) == name


def test_a_given_name_between_a_title_and_the_surname(run):  # noqa: F811
    body = ("Dubrovnik will cap cruise passengers at 4,000 a day from April.\n\n"
            "\"People live here,\" Mayor Ivona Perić-Vukadin told the council before the vote.\n\n"
            "\"Whoever does not book a slot does not come. It is that simple,\" the mayor said.")
    quotes = run(body)
    assert _speaker(quotes, "People live here") == "Ivona Perić-Vukadin"
    assert _speaker(quotes, "Whoever does not book") == "Ivona Perić-Vukadin"


def test_a_title_and_given_name_span_goes_when_the_person_grows_over_it(nlp):
    body = ("Skipper Ruairidh Tulloch-Eze, whose boat Valhalla II lands at Scalloway, said the fleet was seeing more "
            "haddock than at any time in the last 20 years.")
    labels = _persons(nlp, body)
    assert labels.get("Ruairidh Tulloch-Eze") == "PERSON" and "Skipper Ruairidh" not in labels


def test_a_whole_name_is_not_cut_by_a_shorter_pattern(nlp):
    body = ("Nicholas Teo Boon Hock, head of research at property consultancy Huttons Asia, said demand was being "
            "“front-loaded” by a cluster of launches.\n\n"
            "“Developers will need to be disciplined on pricing,” Teo said.")
    labels = _persons(nlp, body)
    assert labels.get("Nicholas Teo Boon Hock") == "PERSON" and labels.get("Huttons Asia") == "ORG"


def test_a_family_name_written_second_stands_for_the_person(run):  # noqa: F811
    body = ("Nicholas Teo Boon Hock, head of research at property consultancy Huttons Asia, said demand was being "
            "“front-loaded” by a cluster of launches.\n\n"
            "“Developers will need to be disciplined on pricing,” Teo said.")
    assert _speaker(run(body), "Developers will need") == "Nicholas Teo Boon Hock"


def test_an_irish_particle_surname_is_a_person(run):  # noqa: F811
    body = ("Corofin beat Castlebar by a point at Tuam Stadium on Sunday.\n\n"
            "Mikołaj Brennan-Walsh kicked four points for Castlebar.\n\n"
            "Ó Fearghail, whose career was threatened by a cruciate injury in 2024, described the winning point as "
            "‘the best feeling I’ve had in football’.\n\n"
            "‘I was in the gym for eighteen months looking at the lads playing,’ he said.")
    assert _speaker(run(body), "I was in the gym") == "Ó Fearghail"


def test_a_neighbourhood_is_no_person(run):  # noqa: F811
    body = ("Wilmer Ochoa-Tshibangu, 31, paid $1,800 in three cash installments to a business on Roosevelt Avenue in "
            "Jackson Heights called Centro Legal Esperanza.\n\n"
            "‘They told me my case was filed,’ he said in an interview in Spanish.")
    assert _speaker(run(body), "They told me my case") == "Wilmer Ochoa-Tshibangu"


def test_an_attributed_single_quoted_line_is_no_appeal(tmp_path):
    line = ("'There has been a lot of talk about my form. I don't read much of it, but you do hear things,' the Sri "
            "Lanka captain said with a smile. 'It's nice to contribute when the team needs it.'")
    assert line in _body(tmp_path, [*BODY[:3], line, *BODY[3:]])


def test_a_closing_line_with_its_reporting_credit_is_text(tmp_path):
    line = ("The trial is set to resume on Jan. 21, 2027. The accused remains detained at the city jail. (With a "
            "report from PNA/PN)")
    assert line in _body(tmp_path, [*BODY[:3], line, *BODY[3:]])


@pytest.mark.parametrize("line", [
    "If you purchase a product or register for an account through a link on our site, we may receive compensation.",
    "When you purchase through links in our articles, we may earn a small commission.",
    "Example Radio will update this story throughout the day.",
    "Refresh for updates. All times local (CET).",
    "Thursday, 5:30 a.m.",
    "Send us tips, comments, questions, and hot takes: tips@example.news.",
    "Get the essential news in sports business delivered every weekday morning.",
    "Thanks to Saoirse for her time. You can follow her season on Instagram @saoirse_rides.",
    "Thank you for your report!",
    "Comments will be edited (grammar, spelling and slang) and authorized at the discretion of Example online.",
    "[Photo: Example News/Jane Roe]",
    "Example Watch is a nonprofit, nonpartisan newsroom. Republish this story for free.",
    "For more on travel in Croatia, check out our dedicated travel section.",
    "|Published: Dec. 04, 2026, 4:52 p.m.",
])
def test_page_furniture_of_the_blind_batch(tmp_path, line):
    body = _body(tmp_path, [*BODY[:3], line, *BODY[3:]])
    assert line not in body and len(body) == len(BODY)


def test_an_outlets_byline_over_the_article(tmp_path):
    line = "Example Radio 89.3 | By Jane Roe, Ali Khan"
    body = _body(tmp_path, [line, *BODY])
    assert line not in body and len(body) == len(BODY)


def test_a_person_of_a_team_the_model_read_as_one_organisation(run):  # noqa: F811
    body = ("Itziar Ruiz-Okafor took the stage after out-kicking Joost Haverkamp of Team Visma-Noordzee in Al Bustan.\n\n"
            "“I knew he would wait for me to open the sprint,” Ruiz-Okafor said at the finish.\n\n"
            "Haverkamp, who had done the bulk of the work in the final ten kilometres, was in no mood to be generous.\n\n"
            "“I pulled for eight kilometres and she pulled for maybe five hundred metres,” the Dutchman said.")
    assert _speaker(run(body), "I pulled for eight") == "Joost Haverkamp"


def test_the_cto_is_the_person_titled_so(run):  # noqa: F811
    body = ("Founded in 2022 by CEO Ruta Kazlauskiene and CTO Dovydas Petraitis-Olsen, Gridlane builds software for local "
            "networks.\n\n"
            "\"We are not trying to replace grid investment,\" the CTO said.")
    assert _speaker(run(body), "We are not trying") == "Dovydas Petraitis-Olsen"


def test_a_name_before_an_age_apposition_and_after_said(nlp):
    body = ("Hyun-woo Castellanos-Reid, a 62-year-old retired bus mechanic, said his rent would rise.\n\n"
            "“Investors have stopped funding science projects,” said Ilse van der Westhuizen-Park, a senior analyst at "
            "PitchBook.")
    labels = _persons(nlp, body)
    assert labels.get("Hyun-woo Castellanos-Reid") == "PERSON"
    assert labels.get("Ilse van der Westhuizen-Park") == "PERSON"


@pytest.mark.parametrize("body, start, name", [
    ("“This is a case about a small studio,” said Tobias Fairclough-Nwachukwu KC, for the developers, in his opening "
     "submissions.", "This is a case about", "Tobias Fairclough-Nwachukwu"),
    ("Presenting author Magdalena Wróblewska-Santos, MD, PhD, of the University of Texas, described the results as "
     "“clinically meaningful for a population with limited options.”", "clinically meaningful",
     "Magdalena Wróblewska-Santos"),
])
def test_letters_after_a_name_are_no_speaker(run, body, start, name):  # noqa: F811
    assert _speaker(run(body), start) == name


def test_the_mep_is_the_member_titled_so(run):  # noqa: F811
    body = ("Romanian MEP Dragoș Ionescu-Varga leads Parliament's negotiators on the research budget.\n\n"
            "Back in Parliament, Ionescu-Varga was unmoved. Asked whether there was room for compromise, the MEP said "
            "the Parliament would ‘not sign anything that weakens the ERC’.")
    assert _speaker(run(body), "not sign anything") == "Dragoș Ionescu-Varga"


@pytest.mark.parametrize("opening, epithet", [
    ("Halina Zawadzka-Nowicka, who chairs the opposition caucus, voted against the bill.", "the 51-year-old MP from Kraków"),
    ("When Hauwa Ali Mustapha-Bukar returned to Gwoza in March, she expected to farm again. Instead, she found a "
     "trench.", "the 46-year-old mother of seven"),
])
def test_an_age_epithet_with_a_title_or_children(run, opening, epithet):  # noqa: F811
    body = (f"{opening}\n\nThe ditch encircles the town at a distance of three kilometres. Beyond it, residents say, "
            "no civilian is allowed to go without a military escort.\n\n"
            f"\"We will use every legal path available to us,\" {epithet} said.")
    name = "Halina Zawadzka-Nowicka" if "MP" in epithet else "Hauwa Ali Mustapha-Bukar"
    assert _speaker(run(body), "We will use every legal path") == name


def test_the_town_an_aged_person_is_from_is_a_place(run):  # noqa: F811
    body = ("Harvey Nakamura-Boyd has won the Australian Rally Championship by 2.4 seconds.\n\n"
            "The 27-year-old from Bathurst, who lost the 2025 title on the last day, said the win was for his late "
            "grandfather.\n\n"
            "\"He'd be telling me I was too slow in the middle sector,\" he said with a grin.")
    assert _speaker(run(body), "He'd be telling me") == "Harvey Nakamura-Boyd"


def test_a_hyphenated_given_name_takes_its_surname(nlp):
    body = "Arrows coach Pierre-Olivier N’Diaye was asked whether his team had been too passive in the first half."
    assert _persons(nlp, body).get("Pierre-Olivier N’Diaye") == "PERSON"


def test_a_nationality_role_is_the_titled_person_just_written_about(run):  # noqa: F811
    body = ("Fiorentina beat Torino 2-1 on Sunday.\n\n"
            "Torino defender Samuele Greco-Adjei was sent off after 70 minutes.\n\n"
            "Torino captain Kwame Owusu-Bianchi refused to blame the referee. ‘We have to look at ourselves first,’ the "
            "Ghanaian defender said.")
    assert _speaker(run(body), "We have to look at ourselves") == "Kwame Owusu-Bianchi"


def test_the_region_after_a_place_of_origin_is_no_speaker(run):  # noqa: F811
    body = ("Cornell beat Colgate 3-2 in overtime on Friday.\n\n"
            "Freshman Mateus Kowalski-Ferreira scored the winner 2:11 into the extra period.\n\n"
            "\"I just tried to get it through,\" the 19-year-old from Mississauga, Ontario, said.")
    assert _speaker(run(body), "I just tried to get it through") == "Mateus Kowalski-Ferreira"


def test_madam_is_an_honorific_before_a_name(run):  # noqa: F811
    body = ("ECG's regional manager, Akosua Darkwa-Ofori, said the utility stood by its statement.\n\n"
            "At the Kaneshie market, cold store operator Madam Ama Serwaa Owusu-Bekoe said she had to throw away fish "
            "worth about GH¢8,000.\n\n"
            "“My generator can only carry the lights and one freezer,” she said.")
    assert _speaker(run(body), "My generator can only") == "Ama Serwaa Owusu-Bekoe"
