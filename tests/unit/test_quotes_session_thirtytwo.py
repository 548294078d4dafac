"""Speakers on layouts seen in the blind sets tests/fixtures/crawls_heldout599-638 (631-638 first measured 1,029/1,116
= 0.922 before any rule of this session), with hand-written sentences and the real spaCy model.

Unnamed sources: whoever "asked not to be named" (or "did not want to be named", "declined to give his name") opens a
sentence is its subject whatever the verb ("stood outside", "was sceptical") and however long the phrase ("A volunteer
handing out tarps on Elm Road, who …"); "the operator said" after "A bus operator …, who asked not to be named, said"
is that operator, not a company the noun names elsewhere; a source who "only gave his first name, Eric" is Eric.

Organisations: an acronym is the one name it abbreviates even when the model also read a phrase holding the acronym
("That’s for the IHRB now" is no second expansion of IHRB); "Tenaga Nasional Berhad (TNB)" shows as the name it spells
without its legal form; "the company" after "Accounts filed at Companies House show X made a loss" is X, not the
registry the accounts were filed at.

Documents: "The pre-sentence report, prepared by the Department of Corrections, described …" and "The budget document,
published by the Ministry of Finance, said" are the author's; "the analysis said" after "an analysis by X"; "The
resolution states" after "The assembly adopted a resolution"; "the guidelines say" after "SCDF's fire safety
guidelines"; a document word inside the quotation is no document of its speaker's.

Judges and relatives: "Her Honour said" is the judge the article titled Justice; "her son said" in an obituary's
last paragraph is the son named in apposition near its top."""
from __future__ import annotations

from tests.unit.test_quotes_session_thirteen import _speaker, entities, run  # noqa: F401  (the fixtures)


def test_a_source_who_asked_not_to_be_named_is_the_subject_whatever_the_verb(run):  # noqa: F811
    body = ("Marguerite Olszewski-Diallo, who owns the bakery next door, said the butcher had served the town for "
            "half a century.\n\n"
            "One regular customer, who asked not to be named, came by on Tuesday to leave a card in the window.\n\n"
            "\u201cHe knew what my husband liked before my husband did,\u201d she said.")
    assert _speaker(run(body), "He knew what my husband liked") == "regular customer"


def test_a_source_who_did_not_want_to_be_named_is_the_one_quoted_next(run):  # noqa: F811
    body = ("Tevita Langi-Morrison, the mill's general manager, said the closure was final.\n\n"
            "A forklift driver with 15 years at the mill, who did not want to be named, said workers were told at a "
            "meeting in the canteen.\n\n"
            "\"Half of us cried. The other half went straight to the pub,\" he said.")
    assert _speaker(run(body), "Half of us cried") == "forklift driver"


def test_a_long_phrase_before_the_anonymity_clause_is_the_source(run):  # noqa: F811
    body = ("Sheriff Loretta Baptiste-Kemper said crews had cleared most of the roads by noon.\n\n"
            "A Salvation Army volunteer handing out blankets and coffee at the shelter on Bayou Street, who did not "
            "want her name used because she was not authorized to speak, said most families were worried about rent.\n\n"
            "\"Everybody asks me the same question,\" she said.")
    assert _speaker(run(body), "Everybody asks me the same question") == "Salvation Army volunteer"


def test_the_operator_is_the_unnamed_operator_just_quoted(run):  # noqa: F811
    body = ("The Toronto Transit Commission (TTC) said buses were running on diversion all morning.\n\n"
            "A streetcar operator on the 505 Dundas route, who asked not to be named because he is not authorized to "
            "speak to reporters, said he had been running 40 minutes late since dawn.\n\n"
            "\"People are patient. They just want to get to work,\" the operator said.")
    assert _speaker(run(body), "People are patient") == "streetcar operator"


def test_the_woman_named_in_apposition_is_no_anonymous_source(run):  # noqa: F811
    body = ("Firefighters were called to the building at 2 a.m.\n\n"
            "A woman who lived on the top floor with her son said she woke to smoke in the hallway.\n\n"
            "\u201cI grabbed my son and my keys and that was it,\u201d said the woman, Rosalind Achterberg-Nwosu, 61.")
    assert _speaker(run(body), "I grabbed my son") == "Rosalind Achterberg-Nwosu"


def test_the_first_name_a_source_gave_is_the_speaker(run):  # noqa: F811
    body = ("\"We were the better side for an hour,\" said Kwame Ashitey-Lund, the home side's captain.\n\n"
            "A visiting supporter who only gave his first name, Tobias, was philosophical. \"Football is like that. "
            "Next season it is our turn,\" he said.")
    assert _speaker(run(body), "Football is like that") == "Tobias"


def test_a_shop_owner_whose_store_flooded_is_the_source(run):  # noqa: F811
    body = ("Mayor Ghislaine Abou-Rahal said the pumps had failed overnight.\n\n"
            "A shop owner whose hardware store on the coast road was flooded for the second time this year said he "
            "had given up on compensation.\n\n"
            "\u201cWho do I complain to? Nobody answers,\u201d he said.")
    assert _speaker(run(body), "Who do I complain to") == "shop owner"


def test_an_acronym_is_the_name_it_abbreviates_though_a_phrase_holds_it(entities):  # noqa: F811
    body = ("The Irish Horseracing Regulatory Board said it was aware of the outcome of the case.\n\n"
            "\u201cThe welfare of the horse comes first,\u201d the IHRB said in a statement.\n\n"
            "Asked about his future, the trainer's son said: \u201cThat\u2019s for the IHRB now. He knows that himself.\u201d")
    ms = [m for m in entities(body) if m["text"] == "IHRB"]
    assert ms and {m["entity_name"] for m in ms} == {"Irish Horseracing Regulatory Board (IHRB)"}


def test_an_acronym_of_a_name_with_its_legal_form_shows_the_name(entities):  # noqa: F811
    body = ("Tenaga Nasional Berhad (TNB) said it had cut the electricity supply to 14,300 premises in Kelantan.\n\n"
            "\"Supply will be restored in stages once the water recedes,\" TNB said.")
    ms = [m for m in entities(body) if m["text"] == "TNB"]
    assert ms and {m["entity_name"] for m in ms} == {"Tenaga Nasional (TNB)"}


def test_the_company_is_not_the_registry_its_accounts_were_filed_at(run):  # noqa: F811
    body = ("The firm, which makes cardboard packaging for food brands, has been based in Witham since 1978.\n\n"
            "Accounts filed at Companies House in September show Blackmoor Cartons Ltd made a pre-tax loss of \u00a32.1 "
            "million in the year to March.\n\n"
            "In the accounts, the company said rising energy costs and the loss of \"a significant customer contract\" "
            "had hit the business.")
    assert _speaker(run(body), "a significant customer contract") in ("Blackmoor Cartons Ltd", "Blackmoor Cartons")


def test_a_document_s_author_in_apposition_speaks_for_it(run):  # noqa: F811
    body = ("Defence counsel asked for a suspended sentence.\n\n"
            "The pre-sentence investigation report, prepared by the Idaho Department of Correction, described him as "
            "remorseful but \u201ca high risk to reoffend without structured treatment.\u201d\n\n"
            "The budget document, published by the Ministry of Finance on its website, said the levy would \"apply "
            "only to commercial remittances.\"")
    quotes = run(body)
    assert _speaker(quotes, "a high risk to reoffend") == "Idaho Department of Correction"
    assert _speaker(quotes, "apply only to commercial") == "Ministry of Finance"


def test_an_adopted_resolution_and_owned_guidelines_speak_for_their_body(run):  # noqa: F811
    body = ("The Nago City Assembly on Friday unanimously adopted a resolution protesting the spill.\n\n"
            "The resolution states, \"The residents have been told again and again that measures are in place.\"\n\n"
            "SCDF's fire safety guidelines for mobility devices, published on its website, are blunt.\n\n"
            "\"Do not charge the batteries near combustible materials,\" the guidelines say.")
    quotes = run(body)
    assert _speaker(quotes, "The residents have been told") == "Nago City Assembly"
    assert _speaker(quotes, "Do not charge the batteries") == "SCDF"


def test_a_document_word_inside_the_quotation_is_no_document_of_its_speaker(run):  # noqa: F811
    body = ("The judge directed the Public Procurement Regulatory Authority to file a report within 21 days.\n\n"
            "In a statement after the ruling, the PPRA said it would comply. \"The Authority has opened a file on the "
            "Kisumu tender following complaints received in November,\" the statement read.")
    assert _speaker(run(body), "The Authority has opened a file") in (
        "PPRA", "Public Procurement Regulatory Authority (PPRA)", "Public Procurement Regulatory Authority")


def test_her_honour_is_the_judge(run):  # noqa: F811
    body = ("Justice Losaline Fifita-Mahe sentenced him yesterday. The final 12 months were suspended.\n\n"
            "\"The money was given by ordinary families, many of them poor,\" Her Honour said.")
    assert _speaker(run(body), "The money was given") == "Losaline Fifita-Mahe"


def test_her_son_named_near_an_obituary_s_top_speaks_in_its_last_paragraph(run):  # noqa: F811
    career = "\n\n".join(
        f"In {1970 + i}, she worked on bill number {100 + 7 * i}, which changed how county libraries in the state were "
        f"funded, and she testified {i + 2} times before the budget committee that year about rural branches."
        for i in range(24))
    body = ("Margaret Ostrowski-Vail, who lobbied for California's public libraries for four decades, died Nov. 30 in "
            "Sacramento. She was 91. The cause was complications of pneumonia, said her son, Daniel Ostrowski-Vail.\n\n"
            + career + "\n\n"
            "\u201cShe\u2019d want people to bring a book they loved and leave it there,\u201d her son said.")
    assert len(career) > 4000
    assert _speaker(run(body), "She\u2019d want people to bring a book") == "Daniel Ostrowski-Vail"


def test_the_name_an_unnamed_speaker_gave_after_the_quotation_is_the_speaker(run):  # noqa: F811
    body = ("A man digging his car out of a drift on Avenue H said he had been stuck for two hours.\n\n"
            "\"We just wanted milk. The store was three blocks away,\" said the man, who gave only his first name, Reza.\n\n"
            "\u201cI saw two of them carrying a black bag,\u201d said a woman who sells mandazi opposite the shop, who "
            "later identified herself as Grace Nakato.")
    quotes = run(body)
    assert _speaker(quotes, "We just wanted milk") == "Reza"
    assert _speaker(quotes, "I saw two of them") == "Grace Nakato"


def test_a_participle_after_the_speech_verb_shares_its_subject(run):  # noqa: F811
    body = ("The Danville Fire Department installed 40 smoke alarms last month.\n\n"
            "The department repeated the offer in a Facebook post on Saturday, writing that \"every home in the city "
            "should have a working smoke alarm on every level.\"\n\n"
            "The National Weather Service confirmed an EF2 tornado. Forecasters issued a warning at 2:31 a.m., the "
            "agency said in a post on X, adding that \"overnight tornadoes are among the most dangerous.\"")
    quotes = run(body)
    assert _speaker(quotes, "every home in the city") == "Danville Fire Department"
    assert _speaker(quotes, "overnight tornadoes") == "National Weather Service"


def test_you_in_an_interview_question_is_the_interviewee(run):  # noqa: F811
    body = ("Marisol Quintanilla-Berg has run the district's attendance office since 2019. Education Week spoke to her "
            "about chronic absenteeism.\n\n"
            "**What did families tell you?**\n\n"
            "The top reason was transportation. Some of our routes took 75 minutes each way.\n\n"
            "**You told your school board last year that absenteeism was \u201ca transportation problem wearing a "
            "discipline costume.\u201d What did you mean?**\n\n"
            "That we were suspending children for missing a bus.\n\n"
            "**You\u2019ve described the buses as \u201cthe real truancy officer.\u201d Is that still how you see it?**\n\n"
            "Yes, more than ever.")
    quotes = run(body)
    assert _speaker(quotes, "a transportation problem") == "Marisol Quintanilla-Berg"
    assert _speaker(quotes, "the real truancy officer") == "Marisol Quintanilla-Berg"


def test_an_unnamed_source_introducing_a_quotation_with_a_colon_speaks_it(run):  # noqa: F811
    body = ("Staff were told of the job cuts at a meeting on Tuesday morning.\n\n"
            "One forklift driver, who has worked at the depot for 19 years and asked not to be named, told the Courier: "
            "\"There were people crying in the car park.\"")
    assert _speaker(run(body), "There were people crying") == "forklift driver"


def test_an_assembly_member_s_acronym_is_a_title(run):  # noqa: F811
    body = ("Nairobi's county assembly voted 71 to 19 to reject the plan.\n\n"
            "Airbase MCA Halima Ibrahim Aden-Shuriye said most of the hawkers were women who \u201ccannot afford two "
            "extra fares every day.\u201d\n\n"
            "Patuakhali Deputy Commissioner Shahnaz Parveen Chowdhury said 214,000 people had gone to shelters.\n\n"
            "\u201cAt first many people did not want to leave their houses,\u201d the DC said.")
    quotes = run(body)
    assert _speaker(quotes, "cannot afford two") == "Halima Ibrahim Aden-Shuriye"
    assert _speaker(quotes, "At first many people") == "Shahnaz Parveen Chowdhury"
