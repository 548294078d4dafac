"""Speakers on layouts seen in the blind sets tests/fixtures/crawls_heldout599-606 (first measured 1,018/1,107 = 0.920
before any rule of this session), with hand-written sentences and the real spaCy model.

Documents: "the affidavit said" is the trooper who filed it ("an affidavit filed by Trooper X"), "the study said" the
firm that prepared it ("a rate study prepared for the city by X of Hutchinson"), "the filing said" the company that
"said in a disclosure filed with" the exchange, "the report says" the body whose report it is ("The Ministry of
Health's 2025 annual report", "a report by the council's Markets and Health Committee").

Titles: no title reaches back into the paragraph before ("… by the Francistown Senior Magistrate's Court." then
"Gaolatlhe X, 41, …" is no magistrate). Gender: a given name with accents has the gender of the name without them
("Gérard" is a man, so "she" is not he)."""
from __future__ import annotations

from tests.unit.test_quotes_session_thirteen import _speaker, entities, run  # noqa: F401  (the fixtures)


def test_the_affidavit_is_the_trooper_s_who_filed_it(run):  # noqa: F811
    body = ("According to an affidavit filed by Nebraska State Patrol Trooper Ashlyn Dvorak, the pickup was found in a "
            "farm field about a quarter mile from the crash.\n\n"
            "\"The driver had bloodshot, watery eyes and a strong odor of an alcoholic beverage on his breath,\" the "
            "affidavit said.")
    assert _speaker(run(body), "The driver had bloodshot") == "Ashlyn Dvorak"


def test_the_study_is_the_firm_s_that_prepared_it(run):  # noqa: F811
    body = ("According to a rate study prepared for the city by Prairieland Engineering Group of Hutchinson, the "
            "average customer now pays $71.18 a month.\n\n"
            "\u201cWithout an adjustment, the sewer utility would operate at a deficit,\u201d the study said.")
    assert _speaker(run(body), "Without an adjustment") == "Prairieland Engineering Group"


def test_the_filing_is_the_company_s_that_said_it_in_a_disclosure(run):  # noqa: F811
    body = ("Tan Phu Thinh Textile JSC said in a disclosure filed with the Ho Chi Minh Stock Exchange on Tuesday that "
            "its board had approved the closure of the factory.\n\n"
            "\"Operating costs at the factory have risen above the level at which it can compete,\" the filing said.")
    assert _speaker(run(body), "Operating costs at the factory") == "Tan Phu Thinh Textile JSC"


def test_the_report_is_the_body_s_that_owns_or_wrote_it(run):  # noqa: F811
    body = ("Tonga has one of the highest rates of diabetes in the world. The Ministry of Health\u2019s 2025 annual "
            "report says non-communicable diseases cause about eight in ten deaths.\n\n"
            "\u2018Diabetes remains the single largest cause of avoidable hospital admissions,\u2019 the report says.")
    assert _speaker(run(body), "Diabetes remains") == "Ministry of Health"
    body = ("The decision follows a report by the council's Markets and Health Committee, which found that roadside "
            "selling had increased by nearly 60 percent.\n\n"
            "\"Unregulated vending on the road reserve presents a serious risk to public health,\" the report says.")
    found = [q for q in run(body) if q["text"].startswith("Unregulated vending")]
    assert [q["speaker_text"] for q in found] == ["Markets and Health Committee"]     # (a name the model missed)


def test_no_title_reaches_back_into_the_paragraph_before(run):  # noqa: F811
    body = ("A former land board officer was on Monday jailed for eight years by the Francistown Senior Magistrate's "
            "Court.\n\n"
            "Gaolatlhe Motshwane, 41, was convicted on 14 counts of obtaining money by false pretences.\n\n"
            "Senior Magistrate Lesego Mmereki-Tau said Motshwane had preyed on the most basic dream.\n\n"
            "\"The accused did not steal from a faceless institution,\" the magistrate said when passing sentence.")
    assert _speaker(run(body), "The accused did not steal") == "Lesego Mmereki-Tau"


def test_an_accented_given_name_has_the_gender_of_the_plain_one(run):  # noqa: F811
    body = ("Sandrine Mar\u00e9chal, a compliance officer at a bank in Kirchberg, has crossed the border every day "
            "since 2007.\n\n"
            "In October she was elected president of the association. Her predecessor, G\u00e9rard Thilges, who led "
            "the group for 12 years, called her \u201cthe most stubborn person I know.\u201d\n\n"
            "\u201cWe are tired of being the variable that adjusts,\u201d she told the general assembly.")
    assert _speaker(run(body), "We are tired") == "Sandrine Mar\u00e9chal"


def test_a_long_quotation_does_not_use_up_the_sentences_a_pronoun_looks_back_over(run):  # noqa: F811
    body = ("Mohd Hafizuddin bin Abdul Karim was 31 and working as a security guard when he fainted at work. He was "
            "diagnosed with kidney disease on the same day.\n\n"
            "\u201cThe doctor asked me when I last checked my sugar. I said never. I never felt sick,\u201d he said.\n\n"
            "Now 36, he goes for dialysis three times a week.\n\n"
            "\u201cI drank teh tarik and soft drinks all day. Everybody at work did. I wish someone had told me at 25 "
            "what I know now.\n\n"
            "\u201cIf my story makes one young person go for a check-up, then it is worth telling,\u201d he said.")
    assert _speaker(run(body), "If my story") == "Mohd Hafizuddin bin Abdul Karim"


def test_a_person_and_their_own_others_speak_as_the_person(run):  # noqa: F811
    body = ("Dr. Octavia Ramsdell-Okafor, an allergist at the university, led the study.\n\n"
            "\"Awareness among clinicians in the region remains low,\" Ramsdell-Okafor and her co-authors wrote in the "
            "journal.")
    assert _speaker(run(body), "Awareness among") == "Octavia Ramsdell-Okafor"
    body = ("Sigrid Aamodt-Haugen, a researcher at the university, followed 3,000 people for ten years.\n\n"
            "In the study, she and her colleagues write that hearing loss is \"one of the few risk factors that can be "
            "treated in late life.\"")
    assert _speaker(run(body), "one of the few") == "Sigrid Aamodt-Haugen"


def test_a_relative_named_far_before_or_after_a(run):  # noqa: F811
    body = ("Winslow is survived by his wife of 58 years, Margaret; two sons, Daniel and Peter; a daughter, Susan "
            "Winslow-Ketter; and seven grandchildren.\n\n"
            "\"Dad treated the ballpark like a classroom,\" Daniel Winslow said with a laugh.\n\n"
            "\"He always said the best seat in the house was the one next to Mom,\" his daughter said.")
    assert _speaker(run(body), "He always said") == "Susan Winslow-Ketter"
    filler = " ".join(["The judge set out the history of the case at length in the order."] * 30)
    body = ("The judge referred Robert Kessler and his son, Daniel Kessler, to the disciplinary commission.\n\n"
            + filler + "\n\n"
            "Robert Kessler told the journal on Wednesday that the firm would not appeal.\n\n"
            "In a post on Tuesday, his son wrote that he had \u201clearned the most expensive lesson of my career.\u201d")
    assert _speaker(run(body), "learned the most") == "Daniel Kessler"


def test_a_name_opening_with_an_accented_capital_after_a_title(run):  # noqa: F811
    body = ("Councillor Karel Nov\u00e1k voted against the decree.\n\n"
            "Prague 1 Mayor Lenka \u0160\u0165astn\u00e1-Habr, whose district council had asked the city to act, said "
            "the decree was only a first step.\n\n"
            "\u201cWe will need inspectors on the ground,\u201d she said.")
    assert _speaker(run(body), "We will need inspectors") == "Lenka \u0160\u0165astn\u00e1-Habr"


def test_a_rugby_stand_off_is_a_person(run):  # noqa: F811
    body = ("Ben Hogarth-Rae missed the late penalty that would have won the game.\n\n"
            "Hogarth-Rae, who had landed both of his conversions, was the only player to speak to reporters.\n\n"
            "\"I've hit that kick a hundred times in training,\" the stand-off said.")
    assert (_speaker(run(body), "I've hit that kick") or "").endswith("Hogarth-Rae")


def test_warnings_issued_without_an_article_and_posts_said_on_x(run):  # noqa: F811
    body = ("The National Weather Service in Portland issued flood warnings for the Long Tom River until Sunday.\n\n"
            "\"Do not drive through flooded roadways,\" the warning said.")
    assert _speaker(run(body), "Do not drive") == "National Weather Service"
    body = ("The Oregon Department of Transportation said on X that the highway would stay closed overnight.\n\n"
            "\u201cThank you to our crews for another long night,\u201d the post said.")
    assert _speaker(run(body), "Thank you to our crews") == "Oregon Department of Transportation"


def test_one_of_several_unnamed_people_is_as_the_apposition_describes(run):  # noqa: F811
    body = ("Two employees, who asked not to be named, told the paper they had been given no warning.\n\n"
            "\"They read from a script for 15 minutes,\" said one of them, a claims handler with 11 years at the "
            "company.\n\n"
            "\"What am I supposed to do, move to Kingston?\" said the other, a customer service supervisor.")
    quotes = run(body)
    assert [q["speaker_text"] for q in quotes if q["text"].startswith("They read")] == ["a claims handler"]
    assert [q["speaker_text"] for q in quotes if q["text"].startswith("What am I")] == ["a customer service supervisor"]


def test_the_company_after_a_place_based_description_or_an_exchange_listed_one(run):  # noqa: F811
    body = ("Wexford-based dairy and meat processor Slaney Valley Foods has cut its full-year profit guidance.\n\n"
            "In a trading update issued this morning, the company said it now expects lower profit.\n\n"
            "\"Milk intake in the four months to the end of November was 9% lower,\" the company said in the "
            "statement.")
    assert _speaker(run(body), "Milk intake") == "Slaney Valley Foods"
    body = ("Kilele Foods Plc has warned investors that its earnings will be at least 25% lower than last year's.\n\n"
            "In a profit warning published on Thursday, the Nairobi Securities Exchange (NSE)-listed miller said its "
            "net earnings would fall.\n\n"
            "\u201cThe Board wishes to inform shareholders that the net earnings are expected to be lower,\u201d the "
            "company said in the notice.")
    assert _speaker(run(body), "The Board wishes") == "Kilele Foods"


def test_a_document_with_three_words_before_its_word(run):  # noqa: F811
    body = ("Helixa Surgical, a Minneapolis device maker, sued Corvantis in 2025.\n\n"
            "Helixa reported $96 million in Tessera sales, according to its most recent quarterly filing with the "
            "Securities and Exchange Commission. The filing warned that an adverse outcome \u201ccould require us to "
            "pay substantial damages.\u201d")
    found = [q for q in run(body) if q["text"].startswith("could require us")]
    assert [q["speaker_text"] for q in found] == ["Helixa"]     # (the company, as the sentence names it)
