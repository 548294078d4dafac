"""Speakers on layouts seen in the blind sets tests/fixtures/crawls_heldout639-654 (647-654 first measured 1,018/1,136
= 0.896 before any rule of this session), with hand-written sentences and the real spaCy model.

People described first and named a little later: "A woman who lives up the road stood …" then "“…,” she said" then "The
woman, Sharon X, 71, said …" is Sharon X; so is "said a woman who manages four rentals" then "The woman, X, said"; "said
one woman in the front row, who later identified herself as X" is X; "said the neighbour, retired truck driver X" is X.

Organisations opening a sentence after a descriptor: "Birmingham-based X will close …, the company said" and "Listed
dairy processor X (TVD) will close its plant in March, putting …" (no fronted participle clause: a finite verb follows)
are the company.

Documents and their authors: "A 2025 report by the Office of the City Comptroller found that …" then "the report said" is
that office; "A staff report prepared by the city's Planning Department found …" is that department; "a report by
council planning officers" is the council named before."""
from __future__ import annotations

from tests.unit.test_quotes_session_thirteen import _speaker, entities, run  # noqa: F401  (the fixtures)


def test_a_person_described_then_quoted_by_pronoun_is_the_one_named_after(run):  # noqa: F811
    body = ("The Siletz River crested at 19 feet late Sunday, closing two county roads.\n\n"
            "A man who runs a bait shop near the boat ramp stood on his porch watching the current take a picnic table.\n\n"
            "\u201cI moved everything up to the loft on Saturday night,\u201d he said.\n\n"
            "The man, Dwight Harkavy-Lund, 66, said he had seen the river this high only twice since 1996.")
    assert _speaker(run(body), "I moved everything up") == "Dwight Harkavy-Lund"


def test_an_unnamed_speaker_after_the_verb_is_the_one_named_in_the_next_sentence(run):  # noqa: F811
    body = ("Dozens of owners of holiday lets filled the chamber on Tuesday.\n\n"
            "\u201cWe pay our taxes and we answer the phone at two in the morning,\u201d said a man who rents out three "
            "flats near the harbour.\n\n"
            "The man, Corwin Ashdale-Price, said he had never had a complaint in eight years.")
    assert _speaker(run(body), "We pay our taxes") == "Corwin Ashdale-Price"


def test_a_speaker_who_later_identified_herself_after_a_place_phrase_is_that_name(run):  # noqa: F811
    body = ("Residents chanted outside the civic centre while the budget was read.\n\n"
            "\"We have had no water for nine days,\" said one woman at the back of the hall, who later identified "
            "herself as Nomvula Adeyemi-Khumalo. \"Nine days.\"")
    assert _speaker(run(body), "We have had no water") == "Nomvula Adeyemi-Khumalo"


def test_a_named_apposition_after_a_description_is_the_speaker(run):  # noqa: F811
    body = ("Police said the burglary happened between 2 a.m. and 4 a.m. on Sunday.\n\n"
            "\u201cYou never think it will be your street,\u201d said the neighbour, retired postman Alwyn Trethewey-Okoro.")
    assert _speaker(run(body), "You never think") == "Alwyn Trethewey-Okoro"


def test_a_company_after_its_place_based_modifier_speaks_for_the_company(run):  # noqa: F811
    body = ("Cleveland-based Harrowgate Fasteners Holdings will close its Elyria plant by March and lay off 230 "
            "workers, the company said on Tuesday.\n\n"
            "\u201cThis decision reflects a sustained decline in orders,\u201d the company said.")
    assert _speaker(run(body), "This decision reflects") == "Harrowgate Fasteners Holdings"


def test_a_descriptor_with_a_participle_before_the_company_is_no_fronted_clause(run):  # noqa: F811
    body = ("Listed meat processor Waitaki Valley Foods (WVF) will close its Oamaru plant in April, putting 140 jobs at "
            "risk, after a half-year loss.\n\n"
            "\u2018The board has concluded that the site cannot be run profitably,\u2019 the company said.")
    assert _speaker(run(body), "The board has concluded") == "Waitaki Valley Foods (WVF)"


def test_a_report_by_an_office_that_found_something_is_that_office(run):  # noqa: F811
    body = ("The council voted 38-9 for the tax on empty shops.\n\n"
            "A 2024 report by the Office of the Boston City Auditor found that one in nine ground-floor shops was "
            "empty. Vacancy was \u201chighest where asking rents were highest,\u201d the report said.")
    assert _speaker(run(body), "highest where asking rents") == "Office of the Boston City Auditor"


def test_a_report_by_council_officers_is_the_council(run):  # noqa: F811
    body = ("Members of Cumbria County Council's planning committee voted seven to two to approve the solar farm.\n\n"
            "A report by council planning officers, which recommended approval, said the site was screened by "
            "woodland.\n\n"
            "\u201cThe visual impact would be localised,\u201d the report said.")
    assert _speaker(run(body), "The visual impact") == "Cumbria County Council"


def test_a_paper_quoted_after_its_lead_researcher_is_the_lead_researcher(run):  # noqa: F811
    body = ("A foot check at every clinic visit halved amputations among patients with diabetes, a study published this "
            "week found.\n\n"
            "\u201cWe are talking about taking off somebody\u2019s shoes and looking,\u201d said lead researcher Dr. "
            "Marisol Quintero-Abbott, an epidemiologist at the university.\n\n"
            "The paper describes those figures as \u201ca preventable burden that falls hardest on the rural poor.\u201d")
    assert _speaker(run(body), "a preventable burden") == "Marisol Quintero-Abbott"


def test_a_court_order_quoted_is_the_judge_who_wrote_it(run):  # noqa: F811
    body = ("The High Court on Tuesday ordered the water board to send tankers to the colony every day.\n\n"
            "The order, written by Justice Meenakshi Rao-Varghese, recorded that residents had complained since August.\n\n"
            "\"The response of the Board has been, at best, leisurely,\" the order said.")
    assert _speaker(run(body), "The response of the Board") == "Meenakshi Rao-Varghese"


def test_the_name_after_a_role_and_its_short_phrase_is_the_speaker(run):  # noqa: F811
    body = ("The clinic treats about 400 children a year.\n\n"
            "\u201cThey come for review and they are laughing,\u201d said a nurse at the clinic, Chipo Banda-Mwale.")
    assert _speaker(run(body), "They come for review") == "Chipo Banda-Mwale"


def test_a_filing_after_the_application_is_the_applicant(run):  # noqa: F811
    body = ("The Tasman Power Cooperative asked regulators on Monday to raise base rates by 9 percent.\n\n"
            "\u201cThat period of stability cannot continue,\u201d the cooperative said in the application.\n\n"
            "The filing said insurance premiums had risen \u201cmore than fourfold\u201d since 2022.")
    assert _speaker(run(body), "more than fourfold") == "Tasman Power Cooperative"


def test_i_in_an_answer_of_an_interview_without_labels_is_the_interviewee(run):  # noqa: F811
    body = ("Next month Saoirse Tiernan-Lykke will try to row alone from Portugal to Barbados.\n\n"
            "Her coach, Fergal Dunleavy-Osei, has no doubts about her.\n\n"
            "We caught up with Saoirse at the harbour before the boat was shipped.\n\n"
            "How did it start?\n\n"
            "I watched the race online during lockdown and could not stop thinking about it.\n\n"
            "What will you eat?\n\n"
            "Freeze-dried meals mostly. My dad looked at the biscuits and said they were heavy. I said, "
            "\u201cThen I\u2019ll row faster.\u201d")
    assert _speaker(run(body), "Then I\u2019ll row faster") == "Saoirse Tiernan-Lykke"


def test_a_study_read_about_is_no_speaker_for_its_lead_author(run):  # noqa: F811
    body = ("\u2018Every minute counts,\u2019 said Dr. Ingeborg Azikiwe-Laine, the study's lead author.\n\n"
            "Rosalind Whitebear-Kohl, 67, had a stroke in her kitchen in March.\n\n"
            "Whitebear-Kohl said she hopes people who read about the study remember the signs of a stroke.\n\n"
            "\u2018Don\u2019t butter the toast. Call,\u2019 she said.")
    assert _speaker(run(body), "Don\u2019t butter the toast") == "Rosalind Whitebear-Kohl"


def test_a_woman_titled_chairman_is_she(run):  # noqa: F811
    body = ("The theft came to light in February, when a payment for the carnival cart bounced.\n\n"
            "The club\u2019s chairman, Gwendolyn Ashby-Nwosu, read a victim personal statement to the court.\n\n"
            "\u201cOur members build a cart from scratch every year,\u201d she said.")
    assert _speaker(run(body), "Our members build a cart") == "Gwendolyn Ashby-Nwosu"


def test_a_filing_with_no_issuer_named_is_the_company_the_story_is_about(run):  # noqa: F811
    body = ("Tallgrass Valve Works Inc. will close its Enid plant by June and move production to Texas, eliminating 140 "
            "jobs, the company said Wednesday.\n\n"
            "The closure was disclosed in a filing with the Securities and Exchange Commission.\n\n"
            "\u201cConsolidating operations will reduce freight costs,\u201d the filing said.")
    assert _speaker(run(body), "Consolidating operations") == "Tallgrass Valve Works"


def test_one_of_them_described_then_named_as_the_woman_wins_over_an_earlier_speaker(run):  # noqa: F811
    body = ("\u201cThis is the largest investment this county has seen,\u201d Mayor Rosalind Ebersole-Katz said.\n\n"
            "Most of the 30 people who spoke opposed the abatement.\n\n"
            "One of them, a retired Trinity Valley College chemistry teacher who lives near the site, held up a jar of "
            "cloudy water.\n\n"
            "\u201cWe already get boil notices every summer,\u201d she said.\n\n"
            "The woman, Philippa Orchard-Nakamura, 71, said she had never spoken at a council meeting before.")
    assert _speaker(run(body), "We already get boil notices") == "Philippa Orchard-Nakamura"
