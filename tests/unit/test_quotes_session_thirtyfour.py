"""Speakers on layouts seen in the blind sets tests/fixtures/crawls_heldout663-670 (first measured 967/1,076 = 0.899
before any rule of this session), with hand-written sentences and the real spaCy model.

Documents and who gave them out: "the sheriff's office said in a Facebook post. “…. …,” the post said" (the quotation's
own sentences not counted as sentences back); "X shared ways to help on its Facebook page" then "the post said"; "the
Health Department sent an advisory to local doctors" then "the advisory said"; "A letter from the company's board of
directors" then "the letter said" (the company named before); "a 2023 report of the Audit Service" then "the report
said"; a layoff notice filed with a labour department is the company's the article is about; "the authors wrote" of a
paper is its lead author, also "Dr X, …, who led the study".

People: "The remark came from X, the MSP who …. “…,” he told …" is X; a taxi driver described in the paragraph before a
bare quotation, not "officers" of a "when" clause in it; "X with the fire marshal's office says …" is X; "said the
headteacher, Madam X" is X; "the Public Relations Officer of the GNFS, DO II X, told" is X, not the GNFS; "Miguel X, now
a trumpet player, said she was the reason he kept playing" does not make Miguel a she.

Names the model missed: "Councilmembers Ingrid X-Y, Curtis …" (a plural title before the name), "said the watchman,
Issahaku Mumuni, 47." (an age closing the sentence), "Associate Professor X" (an academic rank). "It advised people to “…”" is the authority named before. "Another analyst, X of Marina Securities, wrote" makes X a
person. "the processor said it would move production to its factory at Cobram" is the company, not Cobram.

From the blind sets 671-678 (first measured 1,053/1,135 = 0.928 at c9b7a38c): "A report to cabinet said" is the council's;
"the researchers wrote in the paper" is the one "who led the study"; "the DCP" / "the SDO" is the one who holds the title
those letters stand for (not "the MP", a role); "the State Counsel" is the counsel named before; "said the man, X"
after "A man who lives …";
"the bill's sponsor, Council Member X" (the model's "Council" no body); "the department" after a state police; "X, the
national roads company," is an organisation; "Calgary-based X will cut …" opens the lead; "the 67-year-old former bus
driver" is the person just named; "The prosecutor, an old hand named X,"; "a letter years later that said"; words thought in a
labelled interview answer are the answerer's; the registry a notice was filed with ("a notice filed Tuesday with the
New Jersey Department of Labor and Workforce Development") is not the company.

From the blind sets 679-686 (first measured 1,032/1,109 = 0.931 at aa5969e7): a title's acronym also when a portfolio
stands between the title and the name ("Executive Member in charge of trade X" then "the EM said") or the name is read
into the capitalised title ("Chief Executive Member X" then "the CEM said")."""
from __future__ import annotations

from tests.unit.test_quotes_session_thirteen import _speaker, entities, run  # noqa: F401  (the fixtures)


def test_the_post_is_of_whoever_said_it_in_a_facebook_post_before_a_long_quotation(run):  # noqa: F811
    body = ("Residents were allowed to return home at about 4 p.m., the Ward County Sheriff's Office said on Facebook. "
            "\u201cThank you to everyone for your patience today. Please avoid the area. Crews will be on scene through "
            "the night. Do not call dispatch about it,\u201d the post said.")
    assert _speaker(run(body), "Thank you to everyone") == "Ward County Sheriff's Office"


def test_the_post_of_an_unnamed_office_that_said_in_a_facebook_post_is_that_office(run):  # noqa: F811
    body = ("Crews from three towns fought the fire for six hours.\n\n"
            "Residents were allowed to return home at about 4 p.m., the sheriff\u2019s office said in a Facebook post. "
            "\u201cThank you to everyone for your patience today. Please continue to avoid the area,\u201d the post said.")
    quote = next(q for q in run(body) if q["text"].startswith("Thank you to everyone"))
    assert quote["speaker_text"] == "the sheriff\u2019s office"


def test_the_post_of_a_city_that_shared_something_on_its_facebook_page(run):  # noqa: F811
    body = ("The City of Parkersburg shared ways to help on its Facebook page Sunday afternoon.\n\n"
            "\"If you would like to help, please donate through the Red Cross,\" the post said.")
    assert _speaker(run(body), "If you would like to help") == "City of Parkersburg"


def test_an_advisory_a_department_sent_is_that_departments(run):  # noqa: F811
    body = ("Many doctors still do not test for the allergy, and the Wicomico County Health Department sent an "
            "advisory to local doctors in October.\n\n"
            "\"Providers should consider the syndrome in any patient with unexplained reactions,\" the advisory said.")
    assert _speaker(run(body), "Providers should consider") == "Wicomico County Health Department"


def test_a_letter_from_the_companys_board_is_the_companys(run):  # noqa: F811
    body = ("The Phoenix Hose Company lost more than $180,000 over six years, prosecutors said.\n\n"
            "A letter from the company\u2019s board of directors, read into the record by the prosecutor, asked for a "
            "prison sentence.\n\n"
            "\u201cThe damage to the trust between this company and the town cannot be measured in dollars,\u201d the "
            "letter said.")
    assert _speaker(run(body), "The damage to the trust") == "Phoenix Hose Company"


def test_a_report_of_an_audit_body_is_that_bodys(run):  # noqa: F811
    body = ("The payments were first flagged in a 2023 report of the Ghana Audit Service on the use of the fund. "
            "\u201cManagement could not produce evidence of the receipt of 3,400 desks,\u201d the report said.")
    assert _speaker(run(body), "Management could not produce") == "Ghana Audit Service"


def test_a_layoff_notice_is_the_companys_the_article_is_about(run):  # noqa: F811
    body = ("Bayhaven Marine Group will close its Annapolis yard by the end of March and lay off 94 workers, the "
            "company disclosed Friday.\n\n"
            "The company said it would offer severance to all affected employees.\n\n"
            "A notice filed with the Maryland Department of Labor lists 94 jobs, including 41 boatbuilders.\n\n"
            "\u201cSeparations are expected to begin on or about February 5,\u201d the notice said.")
    assert _speaker(run(body), "Separations are expected") == "Bayhaven Marine Group"


def test_the_authors_of_a_paper_are_its_lead_author(run):  # noqa: F811
    body = ("\u201cFour in ten of the riders we screened had high blood pressure,\u201d said Dr Hauwa Danladi, a "
            "cardiologist at the University of Abuja Teaching Hospital, who led the study.\n\n"
            "In the paper, the authors wrote that long hours in traffic \u201ccreate a perfect storm for early "
            "disease.\u201d")
    assert _speaker(run(body), "create a perfect storm") == "Hauwa Danladi"


def test_the_one_a_remark_came_from_is_the_he_after_it(run):  # noqa: F811
    body = ("Catriona Beaton-Mair has been in the job for nine weeks and has already been called \u201cthe least "
            "diplomatic Auditor General we've had.\u201d\n\n"
            "The remark came from Gordon Tulloch-Bain, the Conservative MSP who convenes the audit committee. \u201cShe "
            "answered the question she was asked,\u201d he told Holyrood this week.")
    assert _speaker(run(body), "She answered the question") == "Gordon Tulloch-Bain"


def test_a_bare_quotation_after_a_person_is_not_the_subject_of_a_when_clause(run):  # noqa: F811
    body = ("Police closed Gordon Street on Tuesday afternoon.\n\n"
            "Taxi driver Derek Lafferty, 61, was at the front of the rank when officers began moving people back.\n\n"
            "\"They were calm about it but they werenae hanging about.\"")
    assert _speaker(run(body), "They were calm about it") == "Derek Lafferty"


def test_a_person_with_an_office_speaks_not_the_office(run):  # noqa: F811
    body = ("The State Fire Marshal's Office is investigating. Lt. Dana Kreutzer with the fire marshal's office says "
            "the fire appears to have started in a kitchen and \"does not appear suspicious at this time.\"")
    assert _speaker(run(body), "does not appear suspicious") == "Dana Kreutzer"


def test_a_person_after_a_title_in_apposition_to_a_role_speaks(run):  # noqa: F811
    body = ("Pupils still sit on the floor at the school.\n\n"
            "\u201cWhen it rains, we move them to the church,\u201d said the headteacher, Madam Comfort Adjeley Addo. "
            "\u201cFour years later, we are still waiting.\u201d")
    assert _speaker(run(body), "When it rains") == "Comfort Adjeley Addo"


def test_the_person_named_after_a_role_of_a_body_speaks_not_the_body(run):  # noqa: F811
    body = ("It took eight fire tenders of the Ghana National Fire Service (GNFS) five hours to control the blaze.\n\n"
            "\u201cWhen we arrived, the whole section was already burning,\u201d the Ashanti Regional Public Relations "
            "Officer of the GNFS, DO II Felicia Ama Antwi-Boasiako, told Norvan Reports.")
    assert _speaker(run(body), "When we arrived") == "Felicia Ama Antwi-Boasiako"


def test_she_after_a_mans_name_is_not_his_gender(run):  # noqa: F811
    body = ("Principal Jared Vanderwal said the band director had built one of the best programs in the state.\n\n"
            "\u201cWe won\u2019t replace her,\u201d he said.\n\n"
            "Former student Miguel Arredondo, now a trumpet player with an Air Force band, said she was the reason he "
            "kept playing.\n\n"
            "\u201cI was ready to quit as a sophomore. She handed me the solo,\u201d he said.")
    assert _speaker(run(body), "I was ready to quit") == "Miguel Arredondo"


def test_a_name_after_a_plural_title_is_a_person(run):  # noqa: F811
    body = ("Council President Vivian Tran-Oduya and Councilmembers Ingrid Holm-Adeyemi, Curtis Ng-Abernathy and "
            "Lorraine Fitzhugh-Obi voted yes. Councilmembers Peter Sandoval-Rhee and Daniel Whitcombe-Arce voted no.\n\n"
            "Holm-Adeyemi countered that the fee would raise about $1.4 million a year.\n\n"
            "\u201cOur residents tell us every week that the potholes are unacceptable,\u201d she said.")
    assert _speaker(run(body), "Our residents tell us") == "Ingrid Holm-Adeyemi"


def test_a_name_before_an_age_that_ends_the_sentence_is_a_person(run):  # noqa: F811
    body = ("\u201cI was shouting and blowing my whistle, but the wind was too strong,\u201d said the watchman, "
            "Issahaku Mumuni, 47. \u201cIn ten minutes the fire jumped to the next line.\u201d")
    assert _speaker(run(body), "I was shouting") == "Issahaku Mumuni"


def test_an_associate_professor_is_no_person_named_associate(entities):  # noqa: F811
    body = ("\u2018The results were the same,\u2019 said lead researcher Associate Professor Tamsin Varga-Nolan, of "
            "Federation University.")
    persons = [m["text"] for m in entities(body) if m["label"] == "PERSON"]
    assert persons == ["Tamsin Varga-Nolan"]


def test_an_authority_that_advised_people_is_the_speaker_of_a_partial_quote(run):  # noqa: F811
    body = ("The Assam State Disaster Management Authority (ASDMA) said districts had been asked to send damage reports.\n\n"
            "It advised people to \"stay away from damaged structures\" and to dial 112.")
    assert _speaker(run(body), "stay away from damaged") == "Assam State Disaster Management Authority (ASDMA)"


def test_a_name_in_apposition_after_a_person_noun_is_a_person(run):  # noqa: F811
    body = ("Kelechi Nnamdi Eze of Chapel Hill Denham said the rights issue mattered more.\n\n"
            "Another analyst, Ifeoma Chidinma Eze of Marina Securities Research, wrote in a note to clients that the "
            "merger could lift margins.\n\n"
            "\u201cThe risk is that volumes keep falling faster than costs,\u201d the Marina Securities analyst wrote.")
    assert _speaker(run(body), "The risk is that volumes") == "Ifeoma Chidinma Eze"


def test_the_processor_is_the_company_not_a_place_named_after_the_verb(run):  # noqa: F811
    body = ("More than 140 workers will lose their jobs when Strzelecki Dairy Holdings closes its Drouin plant next "
            "year.\n\n"
            "In an announcement to the Australian Securities Exchange on Monday, the processor said it would move "
            "production to its larger factory at Cobram.\n\n"
            "\u201cThe Drouin site has not been profitable since 2023,\u201d the company said in the announcement.")
    assert _speaker(run(body), "The Drouin site") in ("Strzelecki Dairy Holdings", "Strzelecki Dairy")


def test_a_report_to_cabinet_is_the_councils(run):  # noqa: F811
    body = ("Lancaster City Council will introduce overnight parking charges on the promenade from April.\n\n"
            "A report to cabinet said the council faced \u201ca significant and persistent gap\u201d between spending and "
            "income.\n\n"
            "\u201cWithout further savings, the council\u2019s reserves would fall below the minimum level,\u201d the "
            "report said.")
    assert _speaker(run(body), "a significant and persistent gap") == "Lancaster City Council"
    assert _speaker(run(body), "Without further savings") == "Lancaster City Council"


def test_the_researchers_of_a_study_are_the_one_who_led_it(run):  # noqa: F811
    body = ("\"Hypertension does not hurt until the day it kills you,\" said Dr. Musu Kollie-Gbessay, a senior lecturer "
            "at the A.M. Dogliotti College of Medicine who led the study.\n\n"
            "\"Travel costs were the strongest predictor of loss to follow-up,\" the researchers wrote in the paper.")
    assert _speaker(run(body), "Travel costs were") == "Musu Kollie-Gbessay"


def test_a_titles_acronym_is_the_one_who_holds_the_title(run):  # noqa: F811
    body = ("Addressing a press conference, Deputy Commissioner of Police (DCP) Prateek Ranjan Das said the victim had "
            "received a video call.\n\n"
            "\"The caller told him that a parcel had been seized,\" the DCP said.\n\n"
            "The Senior Divisional Officer for Mezam, Emmanuel Ndongo Ebolo, visited the market.\n\n"
            "\"The State will not abandon the victims,\" the SDO said.")
    quotes = run(body)
    assert _speaker(quotes, "The caller told him") == "Prateek Ranjan Das"
    assert _speaker(quotes, "The State will not") == "Emmanuel Ndongo Ebolo"


def test_the_man_named_in_apposition_after_a_described_man_speaks(run):  # noqa: F811
    body = ("A man who lives on the third floor said he was woken by a smoke alarm.\n\n"
            "\"I opened the door and the hallway was black,\" said the man, Emmanuel Ndayisaba-Kroeker. \"I grabbed my "
            "daughter.\"")
    assert _speaker(run(body), "I opened the door") == "Emmanuel Ndayisaba-Kroeker"


def test_a_title_word_the_model_took_for_a_body_does_not_hide_the_name_after_it():
    # the model's spans as seen on a real page: "Council" ORG, then the person (built by hand: the small model tags
    # "Council" so only in some contexts)
    from tasks.quotes import appositions
    from tasks.quotes.rules import load_rules
    from tasks.quotes.speakers import _Article

    body = "said the bill's sponsor, Council Member Denise Abernathy-Cole, a Brooklyn Democrat."
    def mention(text: str, label: str) -> dict:
        s = body.index(text)
        return {"article_id": "a", "sentence_no": 0, "start_char": s, "end_char": s + len(text), "text": text,
                "label": label, "entity_id": text.lower(), "entity_name": text}
    mentions = [mention("Council", "ORG"), mention("Denise Abernathy-Cole", "PERSON"), mention("Brooklyn", "GPE")]
    sents = [{"sentence_no": 0, "paragraph_no": 0, "start_char": 0, "end_char": len(body), "text": body}]
    A = _Article({"article_id": "a", "body": body}, sents, mentions, load_rules())
    role_end = body.index(", Council")
    named = appositions._apposed_name(A, role_end, body.index(", a Brooklyn") + 1)
    assert named is not None and named.name == "Denise Abernathy-Cole"


def test_the_department_after_a_state_police_is_that_police(run):  # noqa: F811
    body = ("The Boston Fire Department said crews had answered 40 calls overnight.\n\n"
            "Massachusetts State Police said troopers had responded to more than 60 crashes overnight.\n\n"
            "\"If you must travel, slow down,\" the department posted on X.")
    assert _speaker(run(body), "If you must travel") == "Massachusetts State Police"


def test_a_name_with_a_company_in_apposition_is_an_organisation(run):  # noqa: F811
    body = ("Netivei Israel, the national roads company, said the highway would remain closed \"at least until the "
            "morning.\"\n\n"
            "\"The drainage channels are still full,\" the company said in a statement.")
    assert _speaker(run(body), "The drainage channels") == "Netivei Israel"


def test_a_place_based_company_opening_the_lead_is_the_company(run):  # noqa: F811
    body = ("Calgary-based Chinook Ridge Energy Services Ltd. will cut about 240 jobs in Alberta and close its "
            "fabrication plant in Nisku as it moves more of its work to the United States, the company said Thursday.\n\n"
            "In a filing with Canadian securities regulators released before markets opened, the company said it would "
            "close the Nisku plant by the end of March.\n\n"
            "The move would eliminate about 185 jobs at the plant south of Edmonton. Another 55 positions, or roughly a "
            "third of the company\u2019s head office staff, will be cut in Calgary.\n\n"
            "\u201cActivity levels have not recovered,\u201d the company said in the filing.")
    assert (_speaker(run(body), "Activity levels have not") or "").startswith("Chinook Ridge")


def test_an_age_and_three_words_describe_the_person_just_named(run):  # noqa: F811
    body = ("Derek Armstrong keeps a thermometer on the mantelpiece of his terraced house in Felling.\n\n"
            "\u201cI\u2019d sit in my coat with a blanket over my knees,\u201d the 67-year-old former bus driver told "
            "North East Bylines.")
    assert _speaker(run(body), "I\u2019d sit in my coat") == "Derek Armstrong"


def test_a_description_that_gives_the_name_gives_the_speaker(run):  # noqa: F811
    body = ("Teague-Holloway: I thought I was Clarence Darrow. The prosecutor, an old hand named Hollis Brandenberg, "
            "waited until I sat down and then told the jury, \u201cLadies and gentlemen, that was a fine speech.\u201d")
    assert _speaker(run(body), "Ladies and gentlemen") == "Hollis Brandenberg"


def test_a_letter_someone_wrote_years_later_that_said_is_theirs(run):  # noqa: F811
    body = ("There was a young woman who took a plea I advised her to take in 1991. Her sister wrote me a letter "
            "years later that said, \u201cShe did the time for something she didn\u2019t do.\u201d")
    quote = next(q for q in run(body) if q["text"].startswith("She did the time"))
    assert quote["speaker_text"] == "Her sister"


def test_words_thought_in_a_labelled_answer_are_the_answerers(run):  # noqa: F811
    body = ("Leanne Mataroa-Quigley retires this month after twelve years running the hall.\n\n"
            "**Critic: What\u2019s next for you?**\n\n"
            "Leanne Mataroa-Quigley: Sleep. Then my garden in Waikouaiti. I might come back in February to see the "
            "first-years arrive. Just to look at them and think, \u201cYou have no idea what\u2019s coming.\u201d")
    assert _speaker(run(body), "You have no idea") == "Leanne Mataroa-Quigley"


def test_a_labour_department_a_notice_was_filed_with_is_not_the_company(run):  # noqa: F811
    body = ("Raritan Bay Biologics Inc. will close its manufacturing plant in Piscataway and lay off 260 employees in "
            "stages through December 2027, the contract drug manufacturer told state officials this week.\n\n"
            "The layoffs will begin in March, according to a notice filed Tuesday with the New Jersey Department of "
            "Labor and Workforce Development under the state's WARN Act. The notice said the company would offer each "
            "affected employee \"meaningful severance.\"\n\n"
            "In a filing with the Securities and Exchange Commission on Wednesday, the Nasdaq-listed company said it "
            "would move production from Piscataway to its plants in Morrisville, N.C., and Cork, Ireland.\n\n"
            "\"The Piscataway facility, which was built in 1994, would require significant capital investment,\" the "
            "filing said.")
    assert (_speaker(run(body), "The Piscataway facility") or "").startswith("Raritan Bay Biologics")


def test_the_state_counsel_is_the_counsel_named_before(run):  # noqa: F811
    body = ("State Counsel Tanyi Ayuk-Ebot, who prosecuted the case, told reporters that the ruling should serve as a "
            "warning.\n\n"
            "\u201cWe shall study the judgment,\u201d the State Counsel added.")
    assert _speaker(run(body), "We shall study") == "Tanyi Ayuk-Ebot"


def test_a_titles_acronym_when_the_name_follows_a_portfolio(run):  # noqa: F811
    body = ("Moving the Bill, Executive Member in charge of trade Wanshan Lyngdoh said the council had found 4,000 "
            "shops running on expired licences.\n\n"
            "\"We are not chasing anyone out,\" the EM said.")
    assert _speaker(run(body), "We are not chasing") == "Wanshan Lyngdoh"
