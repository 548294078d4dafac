"""Speakers on the layouts of tests/fixtures/crawls_heldout50-57 (written blind; 0.892 right on their 1,006 quotations
when first measured), with hand-written sentences and the real spaCy model: an unnamed spokesperson stands for the
organisation the article named with it, even when the model cut that name or gave it another label; "a spokeswoman
said" after "The Department … said" is that department; "the statement said" is whoever opens the sentence that
issued it ("In a statement signed by its manager, GWL attributed …", "The Prime Minister’s Office issues a
statement"); a role's gender comes from the role, not from the body it serves ("an economist at King Saud
University"); Gaelic particles and accented letters belong to titled names ("TD Síle Uí Dhonnchú-Kavanagh")."""
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


def _quote(rows: list[dict], start: str) -> dict:
    found = [q for q in rows if q["text"].startswith(start) and q["kind"] == "direct"]
    assert len(found) == 1, [(q["text"], q["kind"]) for q in rows]
    return found[0]


def _who(q: dict) -> str:
    return q["speaker_name"] or q["speaker_text"]


def test_the_spokesperson_of_an_organisation_whose_name_the_model_cut(run):
    rows = run("Harcastle Brewing will close two sites, its chief executive Martin Feeney-Walsh said on Tuesday.\n\n"
               "A spokesperson for the British Beer and Pub Association said the closures were a warning sign.\n\n"
               "\u201cBrewers up and down the country are telling us the same thing,\u201d the spokesperson said.")
    assert "Association" in _who(_quote(rows, "Brewers up and down"))


def test_the_spokesperson_of_an_organisation_named_after_its_kind(run):
    rows = run("Private scooters will need insurance from January, the transport authority said.\n\n"
               "A spokesperson for operator Glydo said the company fully supports the new framework.\n\n"
               "\"Shared scooters are already registered and insured,\" the spokesperson added.")
    assert _who(_quote(rows, "Shared scooters")) == "Glydo"


def test_a_spokeswoman_after_a_department_spoke_is_the_department(run):
    rows = run("Tomasz Wisniewski, 34, said he had handed in his notice after seven years.\n\n"
               "The Department for Education said that teacher numbers were at a record high.\n\n"
               "\u201cWe are determined to give teachers the time they need,\u201d a spokeswoman said.")
    assert _who(_quote(rows, "We are determined")) == "Department for Education"


@pytest.mark.parametrize("opening, issuer", [
    ("In a statement signed by its Communications Manager, Ghana Water Limited attributed the shortage to power "
     "outages.", "Ghana Water"),
    ("The National Treasury, in a statement, blamed the delay on a shortfall in revenue.", "National Treasury"),
    ("The Prime Minister\u2019s Office issues a statement following the morning rocket fire.", "Office"),
    ("Airlines for America, the industry's trade group, said in a statement that carriers were processing refunds.",
     "Airlines for America"),
])
def test_the_statement_is_whoever_opens_the_sentence_that_issued_it(run, opening, issuer):
    rows = run("Residents queued for water for a third day on Monday, said Akosua Dufie Boakye, a trader.\n\n"
               + opening + "\n\n"
               "\u201cManagement wishes to assure customers that engineers are working round the clock,\u201d "
               "the statement said.")
    assert issuer in (_who(_quote(rows, "Management wishes")) or "")


def test_a_statement_by_an_organisations_named_officer_stays_hers(run):
    rows = run("But NNPC Limited, in a statement by its Chief Corporate Communications Officer, Mrs. Adaeze "
               "Okonkwo-Bello, insisted that there was sufficient supply.\n\n"
               "The statement read in part: \"NNPC Ltd wishes to assure Nigerians that there is adequate supply.\"")
    assert _who(_quote(rows, "NNPC Ltd wishes")) == "Adaeze Okonkwo-Bello"


def test_a_roles_gender_is_not_taken_from_the_body_it_serves(run):
    rows = run("Faisal Al-Otaibi, the company's chief executive, said the listing would fund new warehouses.\n\n"
               "Dr. Hessa Al-Qahtani, an economist at King Saud University, said the sector had benefited from "
               "government investment.\n\n"
               "\"Saudi consumers now expect delivery in one or two days,\" she said.")
    assert _who(_quote(rows, "Saudi consumers")) == "Hessa Al-Qahtani"


def test_a_titled_name_with_a_gaelic_particle_and_accents(run):
    rows = run("Dr Fintan Lysaght, an economist at University College Cork, said the cuts fitted a wider pattern.\n\n"
               "Local TD Síle Uí Dhonnchú-Kavanagh said the news was a blow for the area.\n\n"
               "\u201cI know families where both parents work there,\u201d she said.")
    assert _who(_quote(rows, "I know families")) == "Síle Uí Dhonnchú-Kavanagh"


def test_a_party_epithet_is_the_titled_person_just_named(run):
    rows = run("\"We want answers,\" Sen. Walt Dunmore, R-Okla., told reporters.\n\n"
               "Dunmore, who sits on the Armed Services Committee, wrote to the Army on Monday.\n\n"
               "Dunmore said he was not trying to kill the contract.\n\n"
               "\"If everything is above board, the Army can show us the paperwork,\" the Oklahoma Republican said.")
    assert _who(_quote(rows, "If everything")) == "Walt Dunmore"


@pytest.mark.parametrize("epithet", ["the Edinburgh wing", "the New Zealander"])
def test_an_epithet_after_the_quote_is_the_person_just_written_about(run, epithet):
    rows = run("Scotland head coach Euan MacAskill-Drummond said his side had left a win out there.\n\n"
               "Kyle Abernethy-Dunn, who has now scored six tries in the Championship, was philosophical.\n\n"
               f"\"Tries are nice, but I'd swap both for a win,\" {epithet} said.")
    assert _who(_quote(rows, "Tries are nice")) == "Kyle Abernethy-Dunn"


def test_the_chairperson_is_who_chaired_the_meeting(run):
    rows = run("The meeting, chaired by Senator Shahida Rafiq-Khan, was attended by officials of the regulator.\n\n"
               "Additional Secretary Nadia Sheikh said one cargo had been rescheduled by the supplier.\n\n"
               "The committee directed the utility to publish a schedule within a week.\n\n"
               "\"Consumers have the right to know when they will get gas,\" the chairperson said.")
    assert _who(_quote(rows, "Consumers have")) == "Shahida Rafiq-Khan"


def test_he_after_a_reported_clause_is_the_reporter_not_the_clauses_object(run):
    rows = run("\"We have more than 150 patients in our hospitals who are well enough to leave,\" Dr Hamish "
               "O'Loughlin-Teo said.\n\n"
               "Asked whether he would guarantee ramping would fall, Mr Michael Dunstan-Aldridge said he would not put "
               "a number on it.\n\n"
               "\"I'm not going to make that mistake twice,\" he said.")
    assert _who(_quote(rows, "I'm not going")) == "Michael Dunstan-Aldridge"


def test_he_after_a_participle_clause_is_the_main_subject(run):
    rows = run("\"I want to know where the money is going,\" Sen. Walt Dunmore, R-Okla., told Fox News Digital.\n\n"
               "Dunmore, who sits on the Armed Services Committee, said he had written to Army Secretary Glenn "
               "Harwick-Soto on Monday asking for the documents behind the award.\n\n"
               "\"We'll get the answers one way or another,\" he said.")
    assert _who(_quote(rows, "We'll get")) == "Walt Dunmore"


def test_the_name_an_anonymous_person_gave(run):
    rows = run("Hotel owner Lim Chee Keong said business had fallen by a third.\n\n"
               "A nasi kandar stall operator who gave his name only as Ravi said many customers now parked further "
               "away.\n\n"
               "\u201cSome of them just order delivery now,\u201d he said.")
    assert _who(_quote(rows, "Some of them")) == "Ravi"


def test_a_nationality_before_the_role_of_the_only_holder(run):
    rows = run("Brighton head coach Tomás Ferreira-Lund says his side must be braver with the ball.\n\n"
               "The Portuguese-Swedish coach confirmed that midfielder Kofi Asante-Bekoe would miss the match.\n\n"
               "\"Kofi felt something at the end of Saturday's game,\" he said.")
    assert _who(_quote(rows, "Kofi felt")) == "Tomás Ferreira-Lund"


def test_the_md_is_the_managing_director(run):
    rows = run("SNGPL Managing Director Engr Amir Hussain Chattha told the committee that the company faced a "
               "shortfall.\n\n"
               "\"We are not hiding anything. The gap between demand and supply is real,\" the MD said.")
    assert _who(_quote(rows, "We are not hiding")) == "Amir Hussain Chattha"


def test_the_ps_is_the_principal_secretary_named_after_a_comma_and_a_short_title(run):
    rows = run("Kenya\u2019s Principal Secretary for Agriculture, Dr Wanjiru Kamau-Ndegwa, said the verification was "
               "necessary.\n\n"
               "Millers\u2019 chairman Jim Kasaija-Mutebi said the rules were unfair.\n\n"
               "\u201cKenya will not close its market to Uganda,\u201d the PS said.")
    assert _who(_quote(rows, "Kenya will not")) == "Wanjiru Kamau-Ndegwa"


def test_letters_after_a_name_are_no_speaker(run):
    rows = run("Sentencing him on Wednesday, Judge Philippa Orme-Castell KC said Slattery had taken a knife out "
               "\u201cfor no other reason than to use it\u201d.\n\n"
               "Defending, Jonathan Pell KC said his client was \u201cgenuinely remorseful\u201d.")
    partials = {q["text"]: q["speaker_name"] for q in rows if q["kind"] == "partial"}
    assert partials == {"for no other reason than to use it": "Philippa Orme-Castell",
                        "genuinely remorseful": "Jonathan Pell"}


def test_accented_given_names_and_a_surname_cut_at_its_hyphen(run):
    rows = run("Iñigo Zubeldia-Arrate (Euskaltel-Euskadi) won stage 14 on Saturday, holding off a late chase by Théo "
               "Larrieu-Bastide (Decathlon AG2R La Mondiale).\n\n"
               "Behind them, race leader Kasper Rørvig-Holm was dropped in the final three kilometres.\n\n"
               "Zubeldia-Arrate, 26, crossed the line in tears.\n\n"
               "\"I have dreamed of this since I was a boy,\" he said.")
    assert _who(_quote(rows, "I have dreamed")) == "Iñigo Zubeldia-Arrate"


def test_an_age_and_an_occupation_is_the_person_just_introduced(run):
    rows = run("In a corner of the market, Mutale Banda wipes the sweat from his face.\n\n"
               "\"Two hours. That is what we got yesterday,\" the 38-year-old welder told DW.")
    assert _who(_quote(rows, "Two hours")) == "Mutale Banda"


def test_she_after_a_name_and_its_apposition(run):
    rows = run("Judge Fiona Radcliffe said the builder had treated deposits as a personal line of credit.\n\n"
               "Several victims read impact statements to the court. Rukhsana Idrees-Colby, a nurse from Tarneit, said "
               "she and her husband had lost $96,000.\n\n"
               "\u201cWe rented a small flat so we could save,\u201d she said.")
    assert _who(_quote(rows, "We rented")) == "Rukhsana Idrees-Colby"


def test_the_outlet_that_reached_a_company_is_not_the_company(run):
    rows = run("Residents of the village have been told not to drink the tap water.\n\n"
               "The truck was operated by Keystone Bulk Transport, a Pennsylvania carrier. NPR reached Keystone by "
               "phone and email. In a written statement, the company said it was cooperating with the authorities.\n\n"
               "\"We are reviewing the claims process with our insurer,\" the company said.")
    assert "Keystone" in _who(_quote(rows, "We are reviewing"))


def test_a_double_barrelled_name_before_whose_is_a_person(run):
    rows = run("Forecaster Ngaire Tūhoe-Banks said the fire risk would rise all week.\n\n"
               "Lyn Kawharu-Pratt, whose house on Worsleys Road was destroyed, said she had already packed a bag.\n\n"
               "\u201cYou don\u2019t forget the smell,\u201d she said.")
    assert _who(_quote(rows, "You don")) == "Lyn Kawharu-Pratt"


def test_a_role_opening_the_sentence_before_is_he_not_its_object(run):
    rows = run("Blues coach Brad Hennessey-Cole said his side had let the series slip.\n\n"
               "The coach refused to blame referee Adam Gee-Whitlock for a contentious call in the 71st minute.\n\n"
               "\"I've seen it once on the big screen,\" he said.")
    assert _who(_quote(rows, "I've seen it")) == "Brad Hennessey-Cole"


def test_an_epithet_subject_and_a_quotation_of_several_sentences(run):
    rows = run("Everton manager Gavin McTernan was frustrated by his side's first half.\n\n"
               "\"For an hour we weren't at the races, I'll be honest with you,\" McTernan told Sky Sports.\n\n"
               "\"But the one thing I can never question with this group is their spirit.\"\n\n"
               "Asked about Okonjo-Reid, the 19-year-old making only his third senior appearance, the Scot said the "
               "teenager had earned his chance in training.\n\n"
               "\"Danny's been outstanding on the training pitch for weeks. He's brave, he attacks the ball. I'm "
               "delighted for him and his family,\" he said.")
    assert _who(_quote(rows, "Danny's been")) == "Gavin McTernan"


def test_a_district_collector_is_a_title_not_part_of_an_organisation(run):
    rows = run("\"Who will pay for the labour when the price is 15 rupees?\" grower R. Thangavelu asked.\n\n"
               "District Collector Lakshmi Bhavya Tanneeru said the administration was aware of the distress.\n\n"
               "\"Where factories are paying below the benchmark price, action will be taken,\" she said.")
    assert _who(_quote(rows, "Where factories")) == "Lakshmi Bhavya Tanneeru"


def test_a_person_inside_an_asked_clause_is_not_the_subject(run):
    rows = run("\"I think today was my best match of the tournament,\" Haruto Nishimura-Kane said.\n\n"
               "Asked about facing Tomás Vasquez-Moreau, who beat him in three sets in Umag in July, the 20-year-old "
               "smiled. \"He's a fighter. He never gives you anything for free,\" he said.")
    assert _who(_quote(rows, "He's a fighter")) == "Haruto Nishimura-Kane"


def test_organisation_suffixes_hyphenated_given_names_and_regional_nouns(run):
    rows = run("For Marc-Olivier Thibaudeau, a cocoa analyst at a Paris brokerage, the high prices have not revived "
               "production.\n\n"
               "\"Farmers are not investing because they do not see the money,\" he said.\n\n"
               "Merlus Seafood Processors, one of the largest hake operators in Walvis Bay, said in a statement that it "
               "had no plans to cut jobs.\n\n"
               "\"We remain committed to onshore processing in Namibia,\" the company said.\n\n"
               "Cathal Ó Brolcháin finished two shots back after a bogey at the 17th.\n\n"
               "\"I couldn't see the flag from where I was in that bunker,\" the Kerryman said.")
    assert _who(_quote(rows, "Farmers are not")) == "Marc-Olivier Thibaudeau"
    assert _who(_quote(rows, "We remain committed")) == "Merlus Seafood Processors"
    assert _who(_quote(rows, "I couldn't see")) == "Cathal Ó Brolcháin"


def test_a_statement_whose_subject_is_an_organisation_role_word(run):
    rows = run("Powercor says about 8,400 customers are without power after the network was shut down.\n\n"
               "In a statement, the distributor said crews would restore supply when it was safe.\n\n"
               "\"We understand how difficult this is on a day like today,\" the statement said.")
    assert _who(_quote(rows, "We understand")) == "Powercor"


def test_court_and_ring_roles(run):
    rows = run("Prosecuting, Ms Bethany Oakes-Morrow said the defendant had been looking at his phone.\n\n"
               "Recorder Hugh Latimer-Price told the court he had read the statements.\n\n"
               "\"The dashcam of a following vehicle shows the defendant was wearing no seatbelt,\" the prosecutor said.\n\n"
               "The fight was stopped by referee Howard Pemberton-Lyle in the ninth round.\n\n"
               "Pemberton-Lyle defended his decision. \"His legs were gone,\" the referee told reporters at ringside.")
    assert _who(_quote(rows, "The dashcam")) == "Bethany Oakes-Morrow"
    assert _who(_quote(rows, "His legs")) == "Howard Pemberton-Lyle"


def test_a_scottish_sheriff_is_a_title_not_part_of_the_name(nlp):
    body = ("Mr Sandhu asked Sheriff Alasdair Drummond-Kerr to consider a community payback order.\n\n"
            "\u201cYou armed yourself with a weapon,\u201d Sheriff Drummond-Kerr told McAteer.")
    mentions = extract_mentions(nlp, [{"article_id": "a", "body": body}], {"a": split_sentences(body)})["a"]
    assert {m["text"] for m in mentions if "Drummond" in m["text"]} == {"Alasdair Drummond-Kerr", "Drummond-Kerr"}
