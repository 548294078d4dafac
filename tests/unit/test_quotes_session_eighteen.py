"""Speakers on layouts seen in the blind sets tests/fixtures/crawls_heldout322-369, with hand-written sentences and the
real spaCy model.

Places and organisations no pronoun stands for: the place after a person's "of" ("Theodora X of East Boston, who said
she …"), a saint's name before a possessive ("St Peter's Primary"), a "Collegium"; "the district" is the school
district named before. A name after a parent's epithet ("Father-of-three Olusegun X, whose children …") is a person the
model missed. Titles: "a quickfire half-century from captain Charith X" introduces no anonymous captain, and a clause
after a name's comma ("off Jaswant X, but a 13-ball 29 from the captain Rohan Y") gives it no title.

Court reports: "the accused" and "the defendant" are the person the article said was charged or pleaded ("X, 52, faces
38 counts …", "He pleaded guilty …"), not the magistrate or the sergeant named since; "the bench" and "the court" of a
bench of one judge ("A bench of Justice X granted bail") are that judge (quotes/court.py).

Names: a name word between an owner's possessive and a lone double-barrelled surname is the given name ("Western
Pacific's Mateus Villanueva-Oyelowo": the model left "Mateus" out, and the later "Villanueva-Oyelowo" it read as an
organisation was no one a "He" could stand for); the Kalenjin "arap" and Gikuyu "wa" are surname particles ("Simon
Kiprono arap Langat": one person, not "Simon Kiprono" and an organisation "Langat").

Subjects: a relative clause's own subject says its verb, not the name before "which" ("a second-half effort from
Adewale-Roberts, which replays suggested was marginal": no speech of Adewale-Roberts, so a "he" after it is the
manager written about); a title word that opens an organisation's name is no role ("The Premier Soccer League said":
not a premier); "The bill's author said" is no unnamed person (a thing's author is the one named before), while "The
victim's mother said" still is. (A name the model missed has no speaker_name: its speaker_text names it.)"""
from __future__ import annotations

from tests.unit.test_quotes_session_thirteen import _speaker, run  # noqa: F401  (the fixture)


def test_a_given_name_after_an_owners_possessive_belongs_to_the_surname(run):  # noqa: F811
    body = ("Utah trailed 58-44 with 11 minutes left after Western Pacific's Mateus Villanueva-Oyelowo hit back-to-back "
            "3-pointers. Utah coach Ingrid Halloran-Mbatha called a timeout.\n\n"
            "'We stopped playing,' coach Desmond Abara-Whitlock said of his Western Pacific side.\n\n"
            "Villanueva-Oyelowo led Western Pacific with 24 points. He said the locker room was 'quiet, real quiet' "
            "afterward.\n\n"
            "'It stings,' he said.")
    quotes = run(body)
    assert _speaker(quotes, "It stings") == "Mateus Villanueva-Oyelowo"
    assert _speaker(quotes, "quiet, real quiet") == "Mateus Villanueva-Oyelowo"


def test_arap_is_a_surname_particle(run):  # noqa: F811
    body = ("Matatu owners oppose the ban; the operators' leader, Simon Kiprono arap Langat, has called it "
            "\"an attack on our livelihoods\".\n\n"
            "But transport analyst Peter Oduya-Wekesa was sceptical. \"Nairobi has announced this ban five times,\" he "
            "told reporters.\n\n"
            "Reached for comment, Langat said: \"We will meet our members on Monday and decide.\"\n\n"
            "\"We have heard promises before,\" he added.")
    quotes = run(body)
    assert _speaker(quotes, "We will meet our members") == "Simon Kiprono arap Langat"
    assert _speaker(quotes, "We have heard promises") == "Simon Kiprono arap Langat"


def test_the_subject_of_a_relative_clause_is_no_name_before_which(run):  # noqa: F811
    body = ("\"We should have been out of sight by half-time,\" Rhodri Esposito-Jones said after Wrexham's 2-1 win.\n\n"
            "The Wrexham boss was also unhappy with the decision to rule out a second-half effort from Callum "
            "Adewale-Roberts for offside, which replays suggested was marginal at best.\n\n"
            "\"I've seen it back on the laptop and I think he's onside,\" he said.")
    assert _speaker(run(body), "I've seen it back") == "Rhodri Esposito-Jones"


def test_a_determiners_noun_phrase_after_which_is_found_as_before(run):  # noqa: F811
    body = ("Corvanta Therapeutics reported phase 2 data for its obesity drug on Monday.\n\n"
            "Two patients had elevated liver enzymes that resolved, which the company said were \"not considered "
            "related to study drug\" by investigators.")
    assert _speaker(run(body), "not considered related") == "Corvanta Therapeutics"


def test_a_title_word_opening_an_organisations_name_is_no_role(run):  # noqa: F811
    body = ("Highlanders coach Mandla Ncube-Sibanda said his side were proud of the first half.\n\n"
            "The Premier Soccer League said in a statement that it would ‘take appropriate action once investigations "
            "are complete’.")
    found = [q for q in run(body) if q["text"].startswith("take appropriate action")]
    assert found and (found[0]["speaker_name"] or found[0]["speaker_text"] or "").endswith("Premier Soccer League")


def test_a_things_author_is_the_person_named_before(run):  # noqa: F811
    body = ("House Bill 2217, filed by state Rep. Delfina Arredondo-Baptiste, would require permits for water exports.\n\n"
            "The bill's author said she had spent two years traveling the Hill Country. \"People are not against "
            "growth,\" she said.")
    assert _speaker(run(body), "People are not against growth") == "Delfina Arredondo-Baptiste"


def test_a_persons_relative_is_still_an_unnamed_speaker(run):  # noqa: F811
    body = ("Marcus Oyelaran-Whitby, 34, was jailed for six years on Friday for the attack.\n\n"
            "The victim's mother said she had not slept since that night. \"I hear the phone ring and I freeze,\" she "
            "said.")
    assert _speaker(run(body), "I hear the phone ring") == "victim's mother"


def test_the_accused_is_the_person_said_to_be_charged(run):  # noqa: F811
    body = ("A former cashier of a planters' cooperative told the Intermediate Court on Thursday that he had only "
            "followed the instructions of the committee.\n\n"
            "Jean-Noël Pitchamootoo-Lebon, 52, of Centre de Flacq, faces 38 counts of embezzlement. He has pleaded not "
            "guilty to all charges. The case is being heard by Magistrate Shabnam Joomun-Delaitre.\n\n"
            "Taking the stand for the first time, the accused said the withdrawals had been authorised.\n\n"
            "“I was a cashier. I did not decide anything,” he told the court.\n\n"
            "Under cross-examination by the State Counsel, Me Kavita Purmessur-Noël, the accused was unable to explain "
            "why no receipts had been found.\n\n"
            "“There were papers. The committee kept them,” the accused replied.")
    quotes = run(body)
    assert _speaker(quotes, "I was a cashier") == "Jean-Noël Pitchamootoo-Lebon"
    assert _speaker(quotes, "There were papers") == "Jean-Noël Pitchamootoo-Lebon"


def test_the_defendant_of_a_pleading_said_by_pronoun(run):  # noqa: F811
    body = ("A man who drove at two gardaí at a checkpoint has been given a suspended sentence.\n\n"
            "Dónal Kilbane-Ruane, a father of three from Castlebar, appeared before Judge Fiona Lydon-Ward on Tuesday. "
            "He pleaded guilty to dangerous driving.\n\n"
            "Sergeant Aoife Gallagher-Reilly said the car had come within a metre of her colleague.\n\n"
            "Asked whether he understood the seriousness of it, the defendant said: \"I do, Judge. It won't happen "
            "again.\"")
    assert _speaker(run(body), "I do, Judge") == "Dónal Kilbane-Ruane"


def test_a_title_before_a_name_introduces_no_anonymous_captain(run):  # noqa: F811
    body = ("Earlier, a century from opener Kavindu Ratnayake-Fernando and a quickfire half-century from captain "
            "Charith Senanayake-Perera lifted Sri Lanka to 283 for 8.\n\n"
            "Senanayake-Perera, who made 61 off 44 balls, praised his young opener.\n\n"
            "\"Kavindu showed a lot of maturity today,\" the Sri Lanka captain said at the presentation.")
    assert _speaker(run(body), "Kavindu showed a lot") == "Charith Senanayake-Perera"


def test_a_clause_after_a_name_gives_it_no_title(run):  # noqa: F811
    body = ("Rathore fell in the 16th over, caught at long-on off Jaswant Bhamra-Sethi, but a 13-ball 29 from the "
            "captain Rohan Venkatesh pushed Super Kings past 200.\n\n"
            "Venkatesh praised his bowlers for staying calm. \"At 78 for 1, you can panic. We didn't,\" the Super Kings "
            "captain said.")
    assert _speaker(run(body), "At 78 for 1") == "Rohan Venkatesh"


def test_a_collegium_is_no_one_a_pronoun_stands_for(run):  # noqa: F811
    body = ("Demographer Dr András de la Fuente-Szabó of the Mathias Corvinus Collegium said the housing scheme had "
            "changed decisions at the margin.\n\n"
            "“Housing support helps couples who already want children to have them sooner,” he said.")
    assert _speaker(run(body), "Housing support helps") == "András de la Fuente-Szabó"


def test_the_place_of_a_person_is_no_one_a_pronoun_stands_for(run):  # noqa: F811
    body = ("Among the victims who spoke was 81-year-old Theodora Papadakis-Burke of East Boston, who said she paid "
            "$22,500 for a ramp so her husband could come home.\n\n"
            "“He never came home,” she said, her voice breaking.")
    assert _speaker(run(body), "He never came home") == "Theodora Papadakis-Burke"


def test_the_district_is_the_school_district_named_before(run):  # noqa: F811
    body = ("Students at two Fresno schools will stay indoors on Friday, the Fresno Unified School District announced.\n\n"
            "\"Most of our HVAC systems were already switched over to heating,\" the district said.")
    assert _speaker(run(body), "Most of our HVAC") == "Fresno Unified School District"


def test_a_parent_epithet_before_a_name_the_model_missed(run):  # noqa: F811
    body = ("St Peter's head teacher Maeve Ní Cheallaigh-Brown said staff at her school were ‘open-minded’.\n\n"
            "Not all parents share the concerns. Father-of-three Olusegun Armstrong-Leith, whose children attend "
            "Langlee, described the existing building as ‘freezing in winter and falling apart’.\n\n"
            "‘My youngest had lessons in the corridor last year,’ he said.")
    quotes = run(body)
    assert _speaker(quotes, "My youngest had lessons") == "Olusegun Armstrong-Leith"
    assert _speaker(quotes, "freezing in winter") == "Olusegun Armstrong-Leith"


def test_a_saints_possessive_names_a_school_not_a_person(run):  # noqa: F811
    from tasks import entities, sentences
    from tasks.nlp import load_nlp
    from tasks.settings import DEFAULT_MODEL

    body = ("The council is consulting on merging Langlee Primary with St Peter's Primary on a new campus.\n\n"
            "St Peter's head teacher said staff were open-minded.")
    art = {"article_id": "a", "body": body}
    mentions = entities.extract_mentions(load_nlp(DEFAULT_MODEL), [art], {"a": sentences.split_sentences(body)})["a"]
    assert all(m["label"] != "PERSON" for m in mentions if m["text"].startswith("St Peter"))


def test_the_bench_of_one_judge_is_that_judge(run):  # noqa: F811
    body = ("A bench of Justice Farhat Naqvi-Kaul granted bail to Ravinder Singh Jamwal, 52, on Tuesday.\n\n"
            "\"Liberty of a person cannot be curtailed indefinitely,\" the court said.\n\n"
            "\"The petitioner has been in custody for more than 100 days,\" the bench added.")
    quotes = run(body)
    assert _speaker(quotes, "Liberty of a person") == "Farhat Naqvi-Kaul"
    assert _speaker(quotes, "The petitioner has been") == "Farhat Naqvi-Kaul"


def test_a_bench_of_two_judges_is_no_one_of_them(run):  # noqa: F811
    body = ("A bench of Justice Farhat Naqvi-Kaul and Justice Omar Siddiqui-Reshi granted bail on Tuesday.\n\n"
            "\"Liberty of a person cannot be curtailed indefinitely,\" the court said.")
    assert _speaker(run(body), "Liberty of a person") != "Farhat Naqvi-Kaul"
