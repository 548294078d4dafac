"""Speakers on layouts seen in the blind sets tests/fixtures/crawls_heldout711-718 (first measured 1,060/1,142 = 0.928
at 41d2219d, before any rule of this session), with hand-written sentences and the real spaCy model.

Courts: "Her Honour said …" is the judge named before, and so is the "she" after it (no unnamed "Her Honour").

Names: "said the teacher, X Y." is X Y even where the model read the name as an organisation or as a nationality and a
surname; "Satpal X, a retired bank employee from Y, said" after a fronted place phrase is Satpal X, not the employee;
"His son, Dr X, …, flew home" makes the "he" who speaks next the son, the title before his name allowed; "Town Clerk
Mr X" makes "the town clerk" X (clerks, corporators, registrars, clergy are roles).

Documents: "The prosecutor read aloud a text message from X to one of her managers: “…”" is X, who wrote it; "The Fiji
Meteorological Service says …" then "the latest bulletin said" is the service, the bulletin named nowhere before."""
from __future__ import annotations

from tests.unit.test_quotes_session_thirteen import _speaker, entities, run  # noqa: F401  (the fixtures)


def test_her_honour_and_the_she_after_are_the_judge_named_before(run):  # noqa: F811
    body = ("Justice Rosalind Achterberg-Nwosu jailed the driver for three years on Friday.\n\n"
            "\u201cYou had every chance to stop,\u201d Justice Achterberg-Nwosu said.\n\n"
            "Her Honour said the offence was made worse by the driver's speed and his phone use.\n\n"
            "\u201cI accept that your remorse is real,\u201d she said. \u201cIt does not undo what happened.\u201d")
    assert _speaker(run(body), "I accept that your remorse") == "Rosalind Achterberg-Nwosu"


def test_said_the_role_then_a_name_the_model_misreads_is_the_name(run):  # noqa: F811
    body = ("One of the women who took part, a teacher from Mochudi, said she had never been screened.\n\n"
            "\"I was afraid of the clinic for years,\" said the teacher, Goitseone Ramotswa. \"Now I did it myself at "
            "home.\"\n\n"
            "A woman from Gurugram who was travelling with her daughters said they had spent five hours in their car.\n\n"
            "\u201cI kept thinking, what if the fuel finishes,\u201d said the tourist, Ritika Malhotra-Sethi.")
    quotes = run(body)
    assert _speaker(quotes, "I was afraid of the clinic") == "Goitseone Ramotswa"
    assert _speaker(quotes, "I kept thinking") == "Ritika Malhotra-Sethi"


def test_said_the_role_then_an_organisation_is_not_read_as_a_person(run):  # noqa: F811
    body = ("The lender's shares fell on Monday.\n\n"
            "\u201cThe margins will not recover this year,\u201d said the analyst, Kestrel Capital Partners.")
    assert _speaker(run(body), "The margins will not recover") != "Kestrel Capital Partners"


def test_a_name_then_a_role_from_a_place_after_a_fronted_phrase_is_the_name(run):  # noqa: F811
    body = ("Residents were divided on the new fee.\n\n"
            "Outside the Town Hall, Satpal Manhas-Dogra, a retired bank employee from Talab Tillo, said he would pay "
            "\u201chappily\u201d if the truck came every day.")
    assert _speaker(run(body), "happily") == "Satpal Manhas-Dogra"


def test_a_possessive_role_then_a_titled_name_opens_the_sentence_of_the_next_he(run):  # noqa: F811
    body = ("Viliami Lolohea-Tupou died on Wednesday at Vaiola Hospital. He was 81.\n\n"
            "His son, Dr Sione Havili-Mahe, a lecturer in Auckland, flew home on Tuesday and reached the hospital "
            "hours before his father died.\n\n"
            "\u201cHe was my principal before he was my father,\u201d he said.")
    assert _speaker(run(body), "He was my principal") == "Sione Havili-Mahe"


def test_the_town_clerk_is_the_person_titled_town_clerk(run):  # noqa: F811
    body = ("Town Clerk Mr Oarabile Kebonang-Moeng said the report had been sent to all councillors.\n\n"
            "He said the contract would save the council P4.8 million a year.\n\n"
            "\u201cOur own fleet is old. Only five trucks are running today,\u201d the town clerk said.")
    assert _speaker(run(body), "Our own fleet is old") == "Oarabile Kebonang-Moeng"


def test_a_message_from_someone_read_aloud_is_theirs(run):  # noqa: F811
    body = ("Assistant Attorney General Mireya Castillo-Brand asked for 16 years.\n\n"
            "The prosecutor also read aloud a 2022 text message from Corinne Vasquez-Harlow to one of her house "
            "managers: \u201cFill the beds by Friday or don't come back.\u201d")
    assert _speaker(run(body), "Fill the beds by Friday") == "Corinne Vasquez-Harlow"


def test_a_bulletin_named_nowhere_before_is_the_service_that_just_spoke(run):  # noqa: F811
    body = ("The Fiji Meteorological Service says the cyclone has strengthened to Category 3 and is 140km north-west "
            "of Labasa.\n\n"
            "\u201cAverage winds near the centre are estimated at 120km/h,\u201d the latest bulletin said.")
    assert _speaker(run(body), "Average winds near the centre") == "Fiji Meteorological Service"


# From the blind sets 719-726 (first measured 1,052/1,145 = 0.919 at 4235d436, before any rule of this session).


def test_a_detective_constable_with_a_table_word_surname_is_a_person(run):  # noqa: F811
    body = ("After the hearing, Det Con Owain Price, of North Wales Police's economic crime unit, said the case was "
            "a warning.\n\n"
            "\u201cThese offenders are patient and they are polite,\u201d he said.")
    assert _speaker(run(body), "These offenders are patient") == "Owain Price"


def test_a_horses_owner_described_before_his_name_is_the_he_who_speaks(run):  # noqa: F811
    body = ("Kennet Crossing\u2019s owner, retired Hungerford builder Roy Tadworth-Banks, has had horses in training "
            "since 1996.\n\n"
            "\u201cI\u2019ve waited 30 years for this,\u201d he told reporters in the winner\u2019s enclosure.")
    assert _speaker(run(body), "I\u2019ve waited 30 years") == "Roy Tadworth-Banks"


def test_trained_by_makes_the_trainer(run):  # noqa: F811
    body = ("It was a family affair, with Kennet Crossing trained by Harriet Lowther-Achebe in Upper Lambourn and "
            "ridden by her son Jamie, 24.\n\n"
            "\u201cI couldn\u2019t watch the last two fences,\u201d the trainer said.")
    assert _speaker(run(body), "I couldn\u2019t watch") == "Harriet Lowther-Achebe"


def test_a_head_injury_introduces_no_unnamed_head(run):  # noqa: F811
    body = ("Bath director of rugby Stuart Penhaligon-Reeve said his side had stopped playing.\n\n"
            "Penhaligon-Reeve also confirmed that the winger had failed a head injury assessment in the 70th minute.\n\n"
            "\u201cHarry\u2019s fine, he\u2019s chatting away,\u201d the Bath boss said.")
    assert _speaker(run(body), "Harry\u2019s fine") == "Stuart Penhaligon-Reeve"


def test_a_garda_is_a_title_and_the_garda_siochana_an_organisation(run, entities):  # noqa: F811
    body = ("Garda Shauna Feeney-Adeyemi, who arrested the accused, said he had been abusive at the scene.\n\n"
            "\u201cHe calmed down fairly quickly once he was in the station,\u201d she told the court.\n\n"
            "An Garda S\u00edoch\u00e1na said the Garda S\u00edoch\u00e1na Ombudsman Commission would investigate.")
    assert _speaker(run(body), "He calmed down fairly quickly") == "Shauna Feeney-Adeyemi"
    names = {m.get("entity_name"): m["label"] for m in entities(body)}
    assert names.get("An Garda S\u00edoch\u00e1na") == "ORG" and "S\u00edoch\u00e1na" not in names


def test_a_four_word_name_with_an_age_is_a_person(run):  # noqa: F811
    body = ("Siti Khadijah Mat Nor, 34, who arrived at the centre with her three children, said the water rose "
            "within an hour.\n\n"
            "\u201cI only managed to grab the school uniforms,\u201d she said.")
    assert _speaker(run(body), "I only managed to grab") == "Siti Khadijah Mat Nor"


def test_a_he_after_a_fronted_question_before_a_quotation_paragraph(run):  # noqa: F811
    body = ("\u201cWe made a decision to back the manager,\u201d said chief executive Marcus Hellewell-Obi.\n\n"
            "Asked whether supporters should be worried, he was firm.\n\n"
            "\u201cNo. The owners are committed and the funding is in place.\u201d")
    assert _speaker(run(body), "No. The owners") == "Marcus Hellewell-Obi"


def test_the_association_is_the_one_named_though_the_model_missed_it(run):  # noqa: F811
    body = ("A Cohasset man who stole $186,000 from the Itasca Area Youth Hockey Association was sentenced on "
            "Tuesday, one mother told the Herald-Review.\n\n"
            "In a statement, the association's board said it had adopted new controls.\n\n"
            "\u201cOur kids are on the ice this winter because this community refused to let the program fold,\u201d "
            "the association said.")
    assert _speaker(run(body), "Our kids are on the ice") == "Itasca Area Youth Hockey Association"


def test_that_captain_named_after_an_unnamed_one_spoke(run):  # noqa: F811
    body = ("Another veteran captain, who led a rival troupe in St George\u2019s for three decades, described him as "
            "\u2018the strictest man on the road\u2019. That captain, Lorenzo Burgess-Outerbridge, is now 81.")
    assert _speaker(run(body), "the strictest man on the road") == "Lorenzo Burgess-Outerbridge"


def test_a_name_given_by_an_unnamed_supporter_is_his_he(run):  # noqa: F811
    body = ("Harri Vaughan-Price was taken to hospital as a precaution.\n\n"
            "Among the 612 fans in the ground was a supporter from Shotton who gave his name only as Kev.\n\n"
            "\u201cTwenty-six years I\u2019ve been coming here,\u201d he said.")
    assert _speaker(run(body), "Twenty-six years") == "Kev"


def test_an_investigation_by_a_commission_is_the_report_that_speaks(run):  # noqa: F811
    body = ("An investigation by the Ethics and Anti-Corruption Commission (EACC), produced in court as an exhibit, "
            "found no record of the supplies.\n\n"
            "\u201cNot a single carton of the drugs was received at the hospital,\u201d the report said.")
    assert _speaker(run(body), "Not a single carton") in ("Ethics and Anti-Corruption Commission",
                                                          "Ethics and Anti-Corruption Commission (EACC)", "EACC")


def test_a_persons_advice_before_a_quotation_paragraph_is_theirs(run):  # noqa: F811
    body = ("Cricket Ireland said in a statement that the squad would assemble in Dublin.\n\n"
            "\u201cThis is a young squad,\u201d the statement said.\n\n"
            "Coach Bobby Rankin-Adomako picked the spinner for the tour.\n\n"
            "Rankin-Adomako's advice to his spinner was simple.\n\n"
            "\u201cEnjoy it. Don't change a thing.\u201d")
    assert _speaker(run(body), "Enjoy it") == "Bobby Rankin-Adomako"


def test_one_of_her_neighbours_is_the_delivery_driver(run):  # noqa: F811
    body = ("One of her neighbours, a delivery driver who did not want to be named, said he took rubbish to the tip.\n\n"
            "\u201cI\u2019ve got four kids. Our black bin is full by the Thursday,\u201d he said.")
    assert _speaker(run(body), "I\u2019ve got four kids") == "delivery driver"


def test_an_unnamed_person_described_before_who_said_is_the_speaker(run):  # noqa: F811
    body = ("BAEZA: Everybody was selling. I remember one rancher, an old man near Valentine, who said to me, "
            "\u201cI\u2019m not selling cows, I\u2019m selling my grandfather.\u201d\n\n"
            "AMUNDSEN: I met a nursing student in my first week, a mother of two from Rockaway Beach, who told me, "
            "\u201cI can pass anatomy. I can\u2019t pass the rent.\u201d")
    quotes = run(body)
    assert _speaker(quotes, "I\u2019m not selling cows") == "old man near Valentine"
    assert _speaker(quotes, "I can pass anatomy") == "mother of two from Rockaway Beach"


def test_a_lawyer_familiar_with_the_case_stays_unnamed(run):  # noqa: F811
    body = ("Defence counsel Cornelius Van der Merwe-Hollis said his client would appeal.\n\n"
            "A lawyer familiar with the case, who was not authorised to speak publicly, said the appeal was weak.\n\n"
            "\u201cThe record is against him,\u201d the lawyer said.")
    assert _speaker(run(body), "The record is against him") != "Cornelius Van der Merwe-Hollis"


# From the blind sets 727-734 (first measured 967/1,076 = 0.899 at b19696eb, before any rule tuned on them).


def test_a_currency_code_is_no_company(run):  # noqa: F811
    body = ("Voltrek Motors posted a loss of INR 512 Cr in FY26 against INR 390 Cr a year earlier, according to its "
            "filings with the Registrar of Companies. Revenue rose to INR 1,286 Cr.\n\n"
            "\u201cThe board believes the investments will yield benefits from FY28,\u201d the company said.")
    assert _speaker(run(body), "The board believes") != "INR"


def test_a_review_by_a_firm_is_that_firms_not_a_phrase_before_call(run):  # noqa: F811
    body = ("The motion came out of a fire service review by Emberly Risk Group, an Ontario consultancy. The review "
            "found that 11 halls could not put four firefighters on a truck within 10 minutes of a weekday daytime "
            "call.\n\n"
            "\u201cA hall that cannot staff a truck is not a fire hall,\u201d the review said.")
    assert _speaker(run(body), "A hall that cannot staff") == "Emberly Risk Group"


def test_a_name_after_an_unnamed_persons_who_clause_is_that_person(run):  # noqa: F811
    body = ("A Kandy-based consultant nephrologist who was not involved in the research, Dr. Aravinthan "
            "Sivakumar-Ratnam, described the findings as \u201cencouraging but not conclusive\u201d.")
    assert _speaker(run(body), "encouraging but not conclusive") == "Aravinthan Sivakumar-Ratnam"


def test_a_given_name_that_is_also_a_place_after_a_title(run):  # noqa: F811
    body = ("Mayor Regina Stallworth-Pugh called him \u201cthe steadiest man I have ever seen in a crisis.\u201d\n\n"
            "\u201cThe first person I call is Lonnie,\u201d the mayor said.")
    assert _speaker(run(body), "The first person I call") == "Regina Stallworth-Pugh"


def test_the_court_of_a_single_bench_is_its_judge(run):  # noqa: F811
    body = ("The Single Bench of Justice Meenakshi Rao-Venkataraman observed that the clause was void.\n\n"
            "\u201cThe freedom of an employee to earn a livelihood cannot be bartered away,\u201d the Court said.")
    assert _speaker(run(body), "The freedom of an employee") == "Meenakshi Rao-Venkataraman"


def test_the_lead_author_named_in_a_long_apposition(run):  # noqa: F811
    body = ("\u201cMost readmissions are about a scale nobody stepped on,\u201d said Dr. Anjali Deshpande-Rowe, an "
            "associate professor of family medicine at MSU\u2019s College of Human Medicine and the study\u2019s lead "
            "author.\n\n"
            "Josh Kretzschmer, one of five community paramedics in the study, said patients tell him things.\n\n"
            "\u201cThat is a very easy conversation,\u201d the lead author said.")
    assert _speaker(run(body), "That is a very easy conversation") == "Anjali Deshpande-Rowe"


def test_an_infinitive_after_a_name_is_no_title(run):  # noqa: F811
    body = ("Eli Vandermolen finished a cross-ice feed from his younger brother, Gus, to give the Knights a 4-3 win over "
            "crosstown rival Palmer in the season opener for both teams.\n\n"
            "Knights coach Dario Whitcomb-Ashby said he didn't say much during the second intermission.\n\n"
            "The Knights outshot the Moose 16-5 in the third period.\n\n"
            "\"That's the best 20 minutes of hockey a group of mine has played,\" the Knights coach said.")
    assert _speaker(run(body), "That's the best 20 minutes") == "Dario Whitcomb-Ashby"


def test_a_place_that_is_a_given_name_opens_no_long_title(run):  # noqa: F811
    body = ("Deputy Washington County Attorney Priyanka Sorensen-Hale told the court the case was a pattern of fraud.\n\n"
            "\u201cA business in trouble stops taking new customers,\u201d she said.")
    assert _speaker(run(body), "A business in trouble") == "Priyanka Sorensen-Hale"


def test_a_statement_from_an_office_is_the_offices_not_an_earlier_statements(run):  # noqa: F811
    body = ("\"Small businesses will be relieved,\" CCIQ said in a statement.\n\n"
            "A statement from the Premier's office said the Government would not introduce new taxes.\n\n"
            "\"Queenslanders are doing it tough,\" the statement said.")
    assert _speaker(run(body), "Queenslanders are doing it tough") != "CCIQ"
