"""Speakers on layouts seen in the blind sets tests/fixtures/crawls_heldout146-153, with hand-written sentences and
the real spaCy model: "the statement said" is whoever opens the sentence that gave the statement out, named or not
("Western Cape police said in a statement …", "The consortium, in a statement released after the hearing, said …",
"The referees committee said in a statement …"); a span of the model that ends with a short title before a name
("Kanata North Coun. Oluwaseun …") is no person; a hyphenated given name before a double-barrelled surname and
", who" is a person ("Hye-jin Paek-Sullivan, who commutes …"); a given name alone that is written as a person
("Wanida, who heads …", "Rahmat said") is the person whose full name begins with it; two capitalised words and an age
between commas are a person; a name ending in "Hospitals" or "Health" is an organisation; an anonymous person opening
the sentence before ("A rice trader at the … Market in East Jakarta, who declined to be named, said") is "the
trader" after; "the judge" is the person titled "Mr Justice"; a name before ", a 52-year-old farmer in …" is a person.
"The notice read" is whoever gave the notice out; "the committee" after "The city's audit committee said in a report"
is that committee, as written. From the second batch (crawls_heldout154-161): a straight single quotation continued in
the next paragraph ('… ¶ '…') is one quotation; "a Swim Wales statement said" is Swim Wales; "O'Halloran-Webb" is a
name word; a person noun before a short title ("Campaigner Dr …") is no name; a given name before ", a 67-year-old …"
is a person; a word inside a longer title ("Deputy Defence Minister") is no name; a name apposed to "The mayor of the
mountain town of Berkovitsa" is a person; a name after a sentence's "But", with a macron in its barrelled surname
or apposed to "the sarpanch of …" is a person; a name before "faction" is an organisation; a place inside an epithet
("the 26-year-old from Guadalajara", "The Inverness runner, who …, said") is not the speaker; a name in brackets after
an unnamed body that gave out a statement is that body; "they" after one unnamed person, or a person who uses
they/them pronouns, is that person; "a letter from X to the court" is X's; "the memo" reaches back five sentences; an
anonymous person who "was blunter" is the "he" after; "Stellantis NV" is named "Stellantis" where the article writes
that too. Every test here fails on the code before its change, except the "Keystone" test and
the "the company" test, which guard mistakes that the given-name and the committee changes first made."""
from __future__ import annotations

import pytest

from tasks.entities import extract_mentions
from tasks.quotes import extract_quotes
from tasks.sentences import split_sentences


@pytest.fixture(scope="module")
def run(nlp):
    def go(body: str) -> list[dict]:
        art = {"article_id": "a", "body": body}
        sents = split_sentences(body)
        mentions = extract_mentions(nlp, [art], {"a": sents})["a"]
        return extract_quotes(art, sents, mentions)
    return go


@pytest.fixture(scope="module")
def entities(nlp):
    def go(body: str) -> list[dict]:
        art = {"article_id": "a", "body": body}
        return extract_mentions(nlp, [art], {"a": split_sentences(body)})["a"]
    return go


def _quote(rows: list[dict], start: str) -> dict:
    found = [q for q in rows if q["text"].startswith(start) and q["kind"] == "direct"]
    assert len(found) == 1, [(q["text"], q["kind"]) for q in rows]
    return found[0]


@pytest.mark.parametrize("issuer, opening", [
    ("Western Cape police", "Western Cape police said in a statement that 23 people had been arrested."),
    ("The consortium", "The consortium, in a statement released after the hearing, said it rejected the claims."),
    ("The referees committee", "The referees committee said in a statement after the match that it would publish "
                               "the audio."),
])
def test_the_statement_is_the_unnamed_body_that_gave_it_out(run, issuer, opening):
    rows = run("Taxi owners blocked the main roads into the city on Monday.\n\n"
               f"{opening}\n\n"
               "\u201cWe will keep a visible presence at hotspots over the coming days,\u201d the statement said.")
    q = _quote(rows, "We will keep")
    assert q["speaker_text"] == issuer


def test_a_span_ending_with_a_short_title_before_a_name_is_no_person(entities, run):
    body = ("The vote on Wednesday was 19-5.\n\n"
            "Kanata North Coun. Oluwaseun Adeyemi-Clarke, who voted against the motion, said residents had been "
            "told the line was fixed.\n\n"
            "\"People in my ward are not angry about the money,\" he said.")
    persons = [m["text"] for m in entities(body) if m["label"] == "PERSON"]
    assert persons == ["Oluwaseun Adeyemi-Clarke"]
    assert _quote(run(body), "People in my ward")["speaker_name"] == "Oluwaseun Adeyemi-Clarke"


def test_a_hyphenated_given_name_and_a_barrelled_surname_before_who_is_a_person(entities):
    body = ("Riders at Blair station on Wednesday evening were cautiously hopeful.\n\n"
            "Hye-jin Paek-Sullivan, who commutes from Orleans to a government office downtown, said she spent two "
            "hours getting to work.")
    assert "Hye-jin Paek-Sullivan" in [m["text"] for m in entities(body) if m["label"] == "PERSON"]


def test_a_given_name_alone_is_the_person_whose_full_name_begins_with_it(entities, run):
    body = ("\"We have sold here for 22 years,\" said Wanida Thongprasert, 51, who sells rice near the pier.\n\n"
            "Wanida, who heads an informal association of about 300 vendors, said the group had asked for a "
            "meeting.\n\n"
            "Jirapat Boonmee, a 29-year-old nurse, said she often had to step into traffic.\n\n"
            "Rahmat Syahputra-Lubis, a deputy at the commission, said the case was strong.\n\n"
            "Rahmat said the suspects would be summoned next week.\n\n"
            "\"We ask the suspect to be cooperative,\" he said.")
    rows = entities(body)
    wanida = [m for m in rows if m["text"] == "Wanida"]
    assert wanida and all(m["entity_name"] == "Wanida Thongprasert" and m["label"] == "PERSON" for m in wanida)
    rahmat = [m for m in rows if m["text"] == "Rahmat"]
    assert rahmat and rahmat[0]["entity_name"] == "Rahmat Syahputra-Lubis"
    assert _quote(run(body), "We ask the suspect")["speaker_name"] == "Rahmat Syahputra-Lubis"


def test_a_first_word_that_is_no_given_name_stays_apart(entities):
    # "Keystone" is never written as a person (no speech verb, no ", who"): it does not join "Keystone Bulk Transport"
    body = ("The truck was operated by Keystone Bulk Transport, a Pennsylvania carrier.\n\n"
            "NPR reached Keystone by phone and email.")
    keystone = [m for m in entities(body) if m["text"] == "Keystone"]
    assert all(m["entity_name"] == "Keystone" for m in keystone)


def test_two_capitalised_words_and_an_age_between_commas_are_a_person(entities):
    body = ("Farmers said the fencing was not enough against monkeys.\n\n"
            "Tshering Yangzom, 56, from Yurung village, said her family harvested only nine sacks of maize.")
    assert "Tshering Yangzom" in [m["text"] for m in entities(body) if m["label"] == "PERSON"]


def test_a_name_ending_in_hospitals_is_an_organisation(entities, run):
    body = ("Dr Oyelaran Fashola-Brent, a consultant microbiologist at Cambridge University Hospitals, who is not "
            "involved with the company, said new antibiotics were needed.\n\n"
            "\u201cWe are now regularly seeing patients with infections where we have no option left,\u201d he said.")
    assert [m["label"] for m in entities(body) if m["text"] == "Cambridge University Hospitals"] == ["ORG"]
    assert _quote(run(body), "We are now regularly")["speaker_name"] == "Oyelaran Fashola-Brent"


@pytest.mark.parametrize("intro, role, name", [
    ("A longtime driver on the line, who asked not to be named because employees may not speak to reporters, said "
     "operators had been told little.", "the driver", "longtime driver"),
    ("A rice trader at the Cipinang Main Rice Market in East Jakarta, who declined to be named, said supplies had "
     "been smooth.", "the trader", "rice trader"),
    ("Another vendor, who asked not to be named for fear of losing his stall, accused council officials of taking "
     "money.", "the vendor", "vendor"),
])
def test_an_anonymous_person_opening_the_sentence_before_is_the_role_after(run, intro, role, name):
    rows = run("\"Honestly, I'll believe it when I see it,\" said Thuy Nguyen-Sullivan, 29, who takes the C branch "
               "to her job.\n\n"
               f"{intro}\n\n"
               f"\"We find out the same time the riders do,\" {role} said.")
    assert _quote(rows, "We find out")["speaker_name"] == name



def test_a_name_before_an_aged_person_noun_apposition_is_a_person(entities, run):
    body = ("Farmers in Ambo told reporters that many planted wheat without urea.\n\n"
            "Gemechu Tolera Bayisa, a 52-year-old farmer in Dendi woreda, said he waited for nine days.\n\n"
            "\u201cI paid for four quintals in advance,\u201d the father of seven added.")
    assert "Gemechu Tolera Bayisa" in [m["text"] for m in entities(body) if m["label"] == "PERSON"]
    assert _quote(run(body), "I paid for four")["speaker_name"] == "Gemechu Tolera Bayisa"


def test_the_judge_is_the_person_titled_justice(run):
    rows = run("Mr Justice Okafor-Bramwell heard the claim against the solicitor Priya Dhaliwal-Stroud.\n\n"
               "Dhaliwal-Stroud told the court she had \u2018around 60 live files\u2019 at the time.\n\n"
               "The judge said she was \u2018an honest witness doing her best\u2019 but that her evidence "
               "\u2018tended to confirm rather than undermine the claimants\u2019 case\u2019.")
    found = [q for q in rows if q["text"].startswith("tended to confirm")]
    assert found and found[0]["speaker_name"] == "Okafor-Bramwell"


def test_the_notice_is_whoever_gave_it_out(run):
    rows = run("Load-shedding will rise to 14 hours a day from Monday.\n\n"
               "In a notice to customers on Monday, ZESCO said the revised schedule would remain in force.\n\n"
               "\"Customers are advised to use energy sparingly during the restoration periods,\" the notice read.")
    assert _quote(rows, "Customers are advised")["speaker_name"] == "ZESCO"


def test_the_committee_is_the_unnamed_committee_that_opened_the_sentence_before(run):
    rows = run("The tram line to Malmi would cost 480 million euros, the city said.\n\n"
               "The city's audit committee said in a report last month that similar projects had gone over budget.\n\n"
               "\"The risk of cost overruns is significant,\" the committee wrote.")
    assert _quote(rows, "The risk of cost")["speaker_text"] == "The city's audit committee"


def test_the_company_after_the_company_said_is_still_the_company_named_before(run):
    rows = run("Halvorsen Systems Inc. cut its forecast on Tuesday. Halvorsen Systems said demand had slowed.\n\n"
               "The company said it had told investors in time.\n\n"
               "\u201cWe updated our guidance as soon as we could,\u201d the company said.")
    assert _quote(rows, "We updated our")["speaker_name"] is not None


def test_a_straight_single_quote_continued_in_the_next_paragraph_is_one_quotation(run):
    rows = run("Prosecuting for Camden Council, Anjali Raghunathan-Cole said the house was unlicensed.\n\n"
               "'There were eleven people living in a property licensed for none,' she said. 'The smoke alarms had "
               "no batteries. The door from the kitchen was not a fire door.\n\n"
               "'When the fire started, the two tenants in the loft had nowhere to go.'\n\n"
               "The landlord denied it.")
    for start in ("The smoke alarms", "When the fire started"):
        assert _quote(rows, start)["speaker_name"] == "Anjali Raghunathan-Cole"


def test_a_statement_named_by_its_issuer_is_the_issuer(run):
    rows = run("Swim Wales said it would support the club.\n\n"
               "\"Clubs like Junction Dolphins are the lifeblood of our sport,\" a Swim Wales statement said.")
    assert _quote(rows, "Clubs like")["speaker_text"] == "Swim Wales"


def test_a_surname_with_an_apostrophe_after_a_short_title_is_a_person(entities):
    body = "Labour opposition leader County Coun Declan O'Halloran-Webb said the plans were a false economy."
    assert "Declan O'Halloran-Webb" in [m["text"] for m in entities(body) if m["label"] == "PERSON"]


def test_a_person_noun_before_a_short_title_is_no_name(entities):
    body = ("Campaigner Dr Imran Siddiqui-Barlow, a GP in Chorley whose daughter has cerebral palsy, said families "
            "had heard similar promises before.")
    persons = [m["text"] for m in entities(body) if m["label"] == "PERSON"]
    assert persons == ["Imran Siddiqui-Barlow"]


def test_a_given_name_before_an_aged_apposition_is_a_person(entities):
    body = ("But in the village square, not everyone was convinced. Halina Szymańska-Dąb, a 67-year-old retired "
            "teacher, said she had heard the air raid siren only once.")
    assert "Halina Szymańska-Dąb" in [m["text"] for m in entities(body) if m["label"] == "PERSON"]


def test_a_word_inside_a_longer_title_is_no_name(entities):
    body = "Deputy Defence Minister Grzegorz Ostrowski-Pęcak cut the ribbon at a shelter in Krynki."
    rows = entities(body)
    assert "Grzegorz Ostrowski-Pęcak" in [m["text"] for m in rows if m["label"] == "PERSON"]
    assert "Defence" not in [m["text"] for m in rows]


def test_a_name_apposed_to_a_person_noun_with_a_lower_case_complement_is_a_person(entities):
    body = ("The mayor of the mountain town of Berkovitsa, Tsvetelina Nikolova-Pesheva, told Bulgarian National Radio "
            "that the only road to the town had been closed.")
    assert [m["label"] for m in entities(body) if m["text"] == "Tsvetelina Nikolova-Pesheva"] == ["PERSON"]


@pytest.mark.parametrize("body, name", [
    ("But Aled Prydderch-Owen, chairman of Junction Dolphins Swimming Club, said the alternatives were full.",
     "Aled Prydderch-Owen"),
    ("Back on Great North Road, Sione Lātū-Whitford, who runs a barbershop two doors down, is less sure.",
     "Sione Lātū-Whitford"),
    ("Phulmati Marabi, the sarpanch of Salhi, said she had been called to the block office.", "Phulmati Marabi"),
])
def test_names_the_model_misses_before_an_apposition_or_who(entities, body, name):
    assert name in [m["text"] for m in entities(body) if m["label"] == "PERSON"]


def test_a_name_before_faction_is_an_organisation(entities):
    body = ("MK Jamal Abu Ghosh-Masarwa of the Hadash-Ta'al faction said the budget ignored the wave of violent "
            "crime.")
    assert [m["label"] for m in entities(body) if m["text"] == "Hadash-Ta'al"] == ["ORG"]


@pytest.mark.parametrize("intro, quote", [
    ("Carlos Mendoza arrived in Manchester on Monday for the title fight.\n\n"
     "Speaking through an interpreter, the 26-year-old "
     "from Guadalajara said: \u2018He says he will knock me out. They all went home.\u2019", "He says he will"),
    ("Freya MacAskill-Bain finished fourth in the final.\n\nThe Inverness runner, who won European under-23 silver "
     "in 2024, said afterwards that she had been \"close to tears\" on the start line.", "close to tears"),
])
def test_a_place_inside_an_epithet_is_not_the_speaker(run, intro, quote):
    found = [q for q in run(intro) if q["text"].startswith(quote)]
    assert found and found[0]["speaker_name"] in ("Carlos Mendoza", "Freya MacAskill-Bain")


def test_the_statement_of_an_unnamed_body_with_its_name_in_brackets_is_that_name(run):
    rows = run("Three communes have had no doctor since the summer.\n\n"
               "The regional health agency (ARS Nouvelle-Aquitaine) said in a statement that it was \u201cfully "
               "mobilised\u201d to find solutions for affected patients.\n\n"
               "\u201cTeleconsultation booths will be installed from February,\u201d the statement said.")
    assert _quote(rows, "Teleconsultation booths")["speaker_text"] == "ARS Nouvelle-Aquitaine"


@pytest.mark.parametrize("intro, name", [
    ("A council IT worker, who spoke on condition of anonymity, said staff were \"exhausted\".", "council IT worker"),
    ("One senior journalist at one of the affected titles, who asked not to be named, told Press Gazette the mood was "
     "grim.", "senior journalist"),
    ("Youth delegate Riley Cardinal-Grey, who is Two-Spirit and uses they/them pronouns, told the assembly young people "
     "had been shut out.", "Riley Cardinal-Grey"),
])
def test_they_after_one_unnamed_or_they_them_person_is_that_person(run, intro, name):
    rows = run("The council has been rebuilding its systems since the attack in September.\n\n"
               f"{intro}\n\n"
               "\"People are proud of what we've rebuilt, but nobody has had a proper break,\" they said.")
    assert _quote(rows, "People are proud")["speaker_name"] == name


def test_a_letter_from_someone_to_the_court_is_theirs(run):
    rows = run("Declan O'Rourke-Fenn, 24, admitted causing death by careless driving.\n\n"
               "His barrister read a letter from O'Rourke-Fenn to the court, in which he apologised.\n\n"
               "\u2018I wish I could take it back,\u2019 the letter said.")
    assert _quote(rows, "I wish I could")["speaker_name"] == "Declan O'Rourke-Fenn"


def test_the_memo_reaches_back_five_sentences(run):
    rows = run("In an internal memo seen by Press Gazette, chief executive Lachlan Moretti-Grayson told staff the "
               "changes were necessary. About 40 roles will go. The newsrooms will merge. Print will move to "
               "Saturdays.\n\n"
               "\"To be absolutely clear, this agreement is not replacing journalists,\" the memo added.")
    assert _quote(rows, "To be absolutely")["speaker_name"] == "Lachlan Moretti-Grayson"


def test_an_anonymous_person_who_was_blunter_is_the_he_after(run):
    rows = run("\u2018Saudi is where the loan growth is,\u2019 Priya Raghunathan-Ellis says.\n\n"
               "A senior banker at a rival Dubai lender was blunter. \u2018They were outbid and they have dressed it "
               "up as discipline,\u2019 he says.")
    assert _quote(rows, "They were outbid")["speaker_name"] == "senior banker"


def test_a_company_is_named_without_its_legal_form_when_the_article_writes_it_so(entities):
    body = ("Stellantis NV said on Tuesday it would idle the Warren Truck plant for two weeks.\n\n"
            "Stellantis said the pause would align production with demand.")
    names = {m["entity_name"] for m in entities(body) if m["text"].startswith("Stellantis")}
    assert names == {"Stellantis"}
