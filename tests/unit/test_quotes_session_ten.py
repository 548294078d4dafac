"""Speakers on layouts seen in the blind sets tests/fixtures/crawls_heldout122-129, with hand-written sentences and
the real spaCy model: "he"/"she" after a sentence whose subject is a role or epithet ("Back at the depot, the
supervisor was unmoved. “…,” she said"; "“…,” the Swede said. He added: …"); "the CEO" is the chief executive;
"the father of two", "the tenant" after a fronted clause and "the 52-year-old" opening a sentence that names
someone else stand for the person just written about, and "The 29-year-old added:" for the "he" who spoke just
before; a title never reaches back over another person's name ("Chief Judge A and Judge B": B is no chief judge);
an anonymous "lineman working for Elenia near Tampere" is the "he" after him. Entities: a surname with a joined
Arabic article is part of the name; the last words of a full name written again are that person; a name is a
person after "retired schoolteacher", after a title and its portfolio ("Minister for Housing Áine …"), before an
apposition headed by a person noun (", spokesperson for …", ", a young farmer from …") and after one that ends in
an acronym ("The chairman of the … Association (TCAA), Rehema …"). From the second batch (crawls_heldout130-137):
"A taxi driver waiting at …", "A father of three in …" are anonymous; "the mother of one"; a name between commas
after a title and its portfolio; "the Minister of Water Resources and Energy" and a four-word epithet holding a club
name opening a sentence are the "he" after them, but a role with a name in apposition is that name; a noun such as
"report" is no speech verb hiding the speaker before it; a singular "they" is the anonymous or named person the
sentence before called so; a river someone's office overlooks is no person. From the third batch
(crawls_heldout138-145): "A man in his 70s who runs …" / "A woman in her 40s raising …" are anonymous and named so;
"the ministry's press service" speaks for the ministry; the site reporting ("OC Media" on oc-media.org) is never "the
company" it reports on; a two-word surname alone ("Peña Castillo", which the model calls an ORG) is the person; a
name after a title, its portfolio and the body's acronym is a person, also where the model found only its surname. Every test here fails on the code before its change, except
the apposition test, which guards a mistake that change first made."""
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


def _speaker(rows: list[dict], start: str) -> str | None:
    found = [q for q in rows if q["text"].startswith(start) and q["kind"] == "direct"]
    assert len(found) == 1, [(q["text"], q["kind"]) for q in rows]
    return found[0]["speaker_name"]


def test_she_after_a_fronted_phrase_and_a_role_subject_is_that_role(run):
    rows = run("Councillor Ingrid Vos-Hoekstra proposed the parking ban in October.\n\n"
               "Transport economist Petra de Graaf-Lammers said the ban had \u201ca real chance\u201d in court.\n\n"
               "\u201cA judge will ask whether it is needed,\u201d she said.\n\n"
               "Back at city hall, the councillor was unmoved by the criticism. \u201cLet them sue,\u201d she said.")
    assert _speaker(rows, "Let them sue") == "Ingrid Vos-Hoekstra"


def test_he_after_a_fronted_clause_and_an_epithet_subject_is_that_person(run):
    rows = run("Coach Matteo Ricci-Barlow, whose side won 2-1, said his players had been brave.\n\n"
               "The visitors' goalkeeper Kwame Boateng-Ellis was booked late on.\n\n"
               "Asked about the penalty, awarded after a long review, the Italian-born coach was unapologetic.\n\n"
               "\u2018It was a clear foul,\u2019 he said.")
    assert _speaker(rows, "It was a clear foul") == "Matteo Ricci-Barlow"


def test_he_added_after_a_long_quotation_of_a_nationality_epithet_is_that_person(run):
    rows = run("Striker Ade Okonjo-Baird, who scored twice, said the win was deserved.\n\n"
               "Johan Lindqvist-Berg saw it differently. The Malmo coach was booked for his protests.\n\n"
               "\u2018I have seen it five times and there is nothing,\u2019 the Swede said. \u2018Nothing. He goes down. "
               "The referee looks. He points. Then he looks again. For what?\u2019\n\n"
               "He added: \u2018We were robbed today, and everybody saw it.\u2019")
    assert _speaker(rows, "We were robbed today") == "Johan Lindqvist-Berg"


def test_the_ceo_is_the_person_titled_chief_executive(run):
    rows = run("Shares in the chipmaker rose 40% on their first day of trading.\n\n"
               "Chief Executive Anjali Raman-Whitfield told reporters the demand had been \u201chumbling.\u201d\n\n"
               "Raman-Whitfield said the money would go into new factories.\n\n"
               "\u201cThis is where the real work starts,\u201d the CEO said.")
    assert _speaker(rows, "This is where the real work") == "Anjali Raman-Whitfield"


def test_the_father_of_two_is_the_person_just_written_about(run):
    rows = run("A storm brought down trees across the county overnight.\n\n"
               "His neighbour, Tomasz Wierzbicki-Lane, 51, said a branch had missed his car by inches.\n\n"
               "\u201cI just stood there in the rain,\u201d Wierzbicki-Lane said.\n\n"
               "\u201cMy kids think it is an adventure,\u201d the father of two said.")
    assert _speaker(rows, "My kids think") == "Tomasz Wierzbicki-Lane"


def test_a_role_after_a_fronted_clause_is_the_person_just_written_about(run):
    rows = run("Tenants say the heating has been off for three weeks.\n\n"
               "The building is owned by investor Rupert Ashcombe-Vance, who bought it in 2021.\n\n"
               "Reached by phone, Ashcombe-Vance blamed a broken part.\n\n"
               "Asked why the repair had taken so long, the landlord said the delays were \u201cbeyond our control\u201d "
               "and hung up.")
    found = [q for q in rows if q["text"].startswith("beyond our control")]
    assert len(found) == 1 and found[0]["speaker_name"] == "Rupert Ashcombe-Vance"


def test_an_age_opening_a_sentence_that_names_a_partner_is_not_the_partner(run):
    rows = run("The lender confirmed plans to list in London.\n\n"
               "Chief executive Olumide Hart-Bennett said the decision had been close.\n\n"
               "The 52-year-old, who founded the firm with former banker Greta Sundqvist, said the structure would stay.\n\n"
               "\u201cInvestors know what they are buying,\u201d the 52-year-old said.")
    assert _speaker(rows, "Investors know what") == "Olumide Hart-Bennett"


def test_a_title_does_not_reach_back_over_another_persons_name(run):
    rows = run("A bench of Chief Judge Leela Rao-Mehta and Judge Imran Qadri heard the case on Monday.\n\n"
               "\u201cWe are told every time that a plan exists,\u201d Judge Qadri said.\n\n"
               "\u201cA plan is not a result,\u201d the chief judge remarked.")
    assert _speaker(rows, "A plan is not a result") == "Leela Rao-Mehta"


def test_a_surname_with_a_joined_article_is_part_of_the_name(entities):
    rows = entities("Canal revenues rose in November, Canal Authority Chairman Youssef Tarek El-Hadidy said.\n\n"
                    "El-Hadidy said traffic would keep growing.")
    persons = {m["entity_name"] for m in rows if m["label"] == "PERSON"}
    assert "Youssef Tarek El-Hadidy" in persons
    assert {m["entity_name"] for m in rows if m["text"] == "El-Hadidy"} == {"Youssef Tarek El-Hadidy"}


def test_the_last_words_of_a_full_name_are_that_person(entities):
    rows = entities("Cabinet spokesperson Mariam Abdel Wahab-Tawfik said the government would act.\n\n"
                    "Abdel Wahab-Tawfik said the canal was a priority.")
    ids = {m["entity_id"] for m in rows if "Wahab-Tawfik" in m["text"]}
    assert len(ids) == 1


def test_a_name_before_an_apposition_headed_by_a_person_noun_is_a_person(run):
    rows = run("ERBIL - Salaries for November will be paid next week, the regional government said.\n\n"
               "\"The money reached our account this morning. Payments start on Sunday,\" Dlshad Omer Aziz, spokesperson "
               "for the regional finance ministry, told reporters.\n\n"
               "\"We have done what was asked of us,\" he added.")
    assert _speaker(rows, "The money reached") == "Dlshad Omer Aziz"
    assert _speaker(rows, "We have done what") == "Dlshad Omer Aziz"


def test_a_name_after_an_apposition_ending_in_an_acronym_is_a_person(entities):
    rows = entities("The chairman of the Tanzania Cargo Agents Association (TCAA), Rehema Salum Nyirenda, said agents had "
                    "raised the matter with the authority twice in the past month.\n\nNyirenda said the losses were "
                    "mounting.")
    assert {m["label"] for m in rows if "Nyirenda" in m["text"]} == {"PERSON"}


def test_the_age_after_a_pronoun_quote_is_the_person_that_pronoun_stands_for(run):
    rows = run("Femi Okorafor-Blake, 29, laughed off the accusation at the press conference.\n\n"
               "\"Scared? I have fought three times this year,\" he said. \"Three. Look it up.\"\n\n"
               "The 29-year-old added: \"I respect him as a fighter, not as a talker.\"")
    assert _speaker(rows, "I respect him as a fighter") == "Femi Okorafor-Blake"


def test_a_name_after_a_title_and_its_portfolio_is_a_person(run):
    rows = run("Opposition housing spokesperson Cian Mac Giolla Bhríde said rents had doubled in a decade.\n\n"
               "Minister for Housing Áine Ó Ceallaigh-Reddy rejected the criticism on Tuesday.\n\n"
               "\u201cI understand the anger,\u201d the minister said.")
    assert _speaker(rows, "I understand the anger") == "Áine Ó Ceallaigh-Reddy"


def test_a_retired_schoolteacher_is_a_person_and_the_she_after_her(run):
    rows = run("Storm winds cut power to 120,000 homes on Tuesday.\n\n"
               "In Kemiönsaari, retired schoolteacher Elle-Marjut Aikio-Rautio told Yle that her house had been dark "
               "since dawn.\n\n"
               "\"We have candles, so we are fine,\" she said.")
    assert _speaker(rows, "We have candles") == "Elle-Marjut Aikio-Rautio"


def test_an_anonymous_worker_for_a_firm_near_a_town_is_the_he_after_him(run):
    rows = run("Crews worked through the night to restore power.\n\n"
               "Engineer Maija Korhonen-Salo said the damage was the worst in a decade.\n\n"
               "A lineman working for Elenia near Tampere, who asked not to be named, said crews were sent out in "
               "dangerous gusts.\n\n"
               "\"You are up a pole and the forest is moving,\" he said.")
    assert _speaker(rows, "You are up a pole") == "lineman"


def test_a_name_before_a_person_noun_from_a_place_is_a_person(run):
    rows = run("Growers are still waiting for their second payment.\n\n"
               "Iliesa Tuilagi-Rokobuli, a young farmer from Ba, said many growers were 'losing hope'.\n\n"
               "'My father told me to stay away from cane,' the 27-year-old said.")
    assert _speaker(rows, "My father told me") == "Iliesa Tuilagi-Rokobuli"


@pytest.mark.parametrize("intro, name", [
    ("A taxi driver waiting at Eminonu, who did not want to give his name,", "taxi driver"),
    ("A father of three in Al Barsha, who did not want to be named,", "father of three"),
])
def test_an_anonymous_person_with_a_participle_or_a_family_is_the_he_after_him(run, intro, name):
    rows = run("The new low-emission zone starts on Monday.\n\n"
               f"{intro} said he expected to lose customers. \u201cThe traffic will just move elsewhere,\u201d he said.")
    assert _speaker(rows, "The traffic will just move") == name


def test_the_mother_of_one_is_the_person_just_written_about(run):
    rows = run("Residents of the subdivided flats face eviction next month.\n\n"
               "Wong Siu-ling, 41, lives with her son in a 70 sq ft room.\n\n"
               "\u201cThe room has no window,\u201d the mother of one said.")
    assert _speaker(rows, "The room has no window") == "Wong Siu-ling"


def test_a_name_between_commas_after_a_title_and_its_portfolio_is_a_person(run):
    rows = run("Vendors say they will not move to the new market site.\n\n"
               "The Minister of Agriculture and Fisheries, Afioga Tuilagi Lemalu, told reporters the building "
               "was no longer safe.\n\n"
               "\"This is about giving our farmers a proper place to sell,\" the Minister said.")
    assert _speaker(rows, "This is about giving") == "Afioga Tuilagi Lemalu"


def test_he_after_a_minister_with_a_portfolio_opening_a_sentence_is_that_minister(run):
    rows = run("The Minister of Water Resources and Energy, Jean-Claude Mbida Essomba, opened the dam on Friday.\n\n"
               "Factory owner Paul Ndzana-Owona said cuts had cost him dearly.\n\n"
               "Back at the site, the Minister of Water Resources and Energy insisted that shortages would end. "
               "\"In 2027 we will export power,\" he said.")
    assert _speaker(rows, "In 2027 we will export") == "Jean-Claude Mbida Essomba"


def test_he_after_a_long_epithet_holding_a_club_name_is_that_coach(run):
    rows = run("Coach Hassan Kizza-Mukasa said his side had refused to give up.\n\n"
               "The former Uganda Cranes assistant coach singled out striker Rogers Ssali, who scored twice.\n\n"
               "\"Rogers trains like a professional,\" he said.")
    assert _speaker(rows, "Rogers trains like") == "Hassan Kizza-Mukasa"


def test_a_noun_that_looks_like_a_speech_verb_does_not_hide_the_speaker_before_it(run):
    rows = run("Housing Minister Ailsa MacLeod-Kerr said the ferries would sail next year.\n\n"
               "Labour's Rhona Mbeki-Fraser called for an inquiry.\n\n"
               "Responding, the minister said she had \u2018nothing to hide\u2019 and had published the yard\u2019s "
               "technical report in full.\n\n"
               "\u2018The member can read every page of it,\u2019 she told the chamber.")
    assert _speaker(rows, "The member can read") == "Ailsa MacLeod-Kerr"


def test_a_role_opening_a_sentence_with_a_name_in_apposition_is_that_person(run):
    rows = run("Illegal mining has destroyed farms along the river.\n\n"
               "A young miner who spoke on condition of anonymity said he had no other income.\n\n"
               "The Wassa East District Chief Executive, Dr Kofi Asamoah-Boadu, admitted the assembly was struggling.\n\n"
               "He, however, denied claims that officials were protecting the miners. \"We are doing our best,\" he "
               "said.")
    assert _speaker(rows, "We are doing our best") == "Kofi Asamoah-Boadu"


def test_a_singular_they_is_the_anonymous_person_the_sentence_before_called_so(run):
    rows = run("Ambulances queued outside the hospital for hours on Monday.\n\n"
               "Hospital director Anil Mehta-Brooks said the trust was opening extra beds.\n\n"
               "A paramedic with the ambulance service, who asked not to be named because they were not authorised to "
               "speak, said crews had waited for up to 11 hours.\n\n"
               "\"When we're stuck outside, we're not answering calls,\" they said.")
    assert _speaker(rows, "When we're stuck outside") == "paramedic"


def test_a_singular_they_after_they_said_is_the_person_named_before(run):
    rows = run("The shelter opened its doors on Friday night.\n\n"
               "\u201cThe first night is always the hardest,\u201d organiser Rowan Blackfeather-Ortiz said. \u201cPeople "
               "don't know us yet.\u201d\n\n"
               "The answer, they said, is yes to pets and carts.\n\n"
               "\u201cWe'd rather have someone inside with their cart,\u201d they said.")
    assert _speaker(rows, "We'd rather have someone") == "Rowan Blackfeather-Ortiz"


def test_a_river_a_person_overlooks_is_no_person(run):
    rows = run("RIGA - Latvia's Defence Minister Ilze Kalnina-Rozenberga has a message for her colleagues.\n\n"
               "In an interview in her office overlooking the Daugava, the minister said the loan scheme was slow.\n\n"
               "\u201cI am still waiting for the first delivery,\u201d she said.")
    assert _speaker(rows, "I am still waiting") == "Ilze Kalnina-Rozenberga"


@pytest.mark.parametrize("intro, name", [
    ("A man in his 70s who runs a fishing business in Kashiwazaki", "man in his 70s"),
    ("A woman in her 40s raising two children in the city", "woman in her 40s"),
])
def test_an_anonymous_person_described_by_age_is_the_pronoun_after_them(run, intro, name):
    rows = run("The governor approved the restart of the nuclear plant on Friday.\n\n"
               f"{intro} said the decision was a relief.\n\n"
               "\u201cThe town was full of workers when the plant ran,\u201d " + ("he" if "man " in intro and "woman" not in intro else "she") + " said.")
    assert _speaker(rows, "The town was full") == name


def test_a_press_service_speaks_for_its_organisation(run):
    rows = run("Gas prices for households will rise in January, the Ministry of Energy said.\n\n"
               "\"Most of the pipelines were built before 1990,\" the ministry's press service said.")
    assert _speaker(rows, "Most of the pipelines") == "Ministry of Energy"


def test_the_site_reporting_is_never_the_company_it_reports_on(nlp):
    body = ("Aragats Mining resumed work at the mine in November.\n\n"
            "OC Media reported on Tuesday that the mine had restarted.\n\n"
            "\"The project meets every international standard,\" the company said.")
    art = {"article_id": "a", "body": body, "outlet": "oc-media.org"}
    sents = split_sentences(body)
    rows = extract_quotes(art, sents, extract_mentions(nlp, [art], {"a": sents})["a"])
    assert _speaker(rows, "The project meets") != "OC Media"


def test_a_two_word_surname_written_alone_is_the_person_whatever_its_label(entities):
    rows = entities("Hotel association president Rafael Peña Castillo said the airport works were late.\n\n"
                    "Peña Castillo said hoteliers remained optimistic about the season.")
    assert {m["entity_name"] for m in rows if "Castillo" in m["text"]} == {"Rafael Peña Castillo"}
    assert {m["label"] for m in rows if "Castillo" in m["text"]} == {"PERSON"}


def test_a_name_after_a_title_its_portfolio_and_an_acronym_is_a_person(entities):
    rows = entities("Chairman of the Bahrain Chamber of Commerce and Industry (BCCI) Sameer Abdulla Nass-Jaffar said the "
                    "private sector was ready.")
    assert "Sameer Abdulla Nass-Jaffar" in {m["text"] for m in rows if m["label"] == "PERSON"}
