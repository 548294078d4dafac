"""Speakers and names on layouts seen in the blind sets tests/fixtures/crawls_heldout537-544 (first measured 941/983
= 0.957 before any rule of this session), with hand-written sentences and the real spaCy model.

Names: a span the model ended on a hyphen ("Ambrose T. Kealoha-") takes the surname's second half; "Emergency
Management" ends an organisation's name.

Bodies: "the union" in a lead is the union named further down when none was named before (never the company the lead
is about); "the agency" is the emergency management agency named before; "The Gainesville, Georgia-based company" is
the company, not Georgia.

Roles: "the prosecutor" is the Commonwealth's (district, state's) attorney named before; "the officer" a patrolman.
Blind sets 545-550, written after 3e71c5bd: first measured 736/776 = 0.948; the fronted clause ("Under questioning
by defense attorney X, the detective agreed …": the detective, not X) comes from them ("the doctor" for any specialist
named before was tried: it fixed 2 and broke 19 quotations of older sets, where a researcher is the specialist).

Subjects: "The retired Albertville science teacher" has no person for its subject (the model's PERSON "Albertville" is
a modifier), so "she" is the guide named before; "Parent X, dropping his daughter off at school," tells nothing of
X's gender from "daughter"; "told the court the defendant wrote …" is the teller's reported speech, and
"She" in the next sentence is the teller (the defendant is the listener's clause, not a subject)."""
from __future__ import annotations

from tests.unit.test_quotes_session_thirteen import _speaker, entities, run  # noqa: F401  (the fixtures)


def test_a_span_ended_on_a_hyphen_takes_the_surname_after_it(entities):  # noqa: F811
    body = ("Council members Ingrid Salo-Whitby, Casimir T. Ahuna-Reeve and Dolores Park-Ibarra voted in favor.\n\n"
            "Ahuna-Reeve pushed back, noting that the cap leaves downtown untouched.")
    texts = {m["text"]: m["label"] for m in entities(body)}
    assert texts.get("Casimir T. Ahuna-Reeve") == "PERSON"
    assert "Casimir T. Ahuna" not in texts


def test_a_union_named_after_the_lead_is_the_union_it_speaks_of(run):  # noqa: F811
    body = ("Harwick Axle Systems will move production to Mexico. The union called the decision 'a betrayal.'\n\n"
            "The Clarksville plant employs 640 people, the company said.\n\n"
            "Members of United Steelworkers Local 7-2210 learned of the closure at a shift meeting on Thursday.")
    assert _speaker(run(body), "a betrayal") == "United Steelworkers Local 7-2210"


def test_an_emergency_management_agency_speaks_as_the_agency(run):  # noqa: F811
    body = ("Union County Emergency Management said a second warming center is now open at the fire station.\n\n"
            "“Nobody should be sitting in a cold house tonight,” the agency said in a post on its Facebook page.")
    assert _speaker(run(body), "Nobody should be sitting") == "Union County Emergency Management"


def test_a_company_based_in_a_town_and_state_is_the_company(run):  # noqa: F811
    body = ("Maple Hollow Foods will close its processing plant in Clanton by the end of February, the company "
            "announced Thursday.\n\n"
            "The Gainesville, Georgia-based company said in a statement that the plant had become ‘the least efficient "
            "facility in our network.’")
    assert _speaker(run(body), "the least efficient") == "Maple Hollow Foods"


def test_the_prosecutor_is_the_commonwealths_attorney(run):  # noqa: F811
    body = ("Judge Porfirio Adeyemi-Lund imposed the sentence recommended under the plea agreement.\n\n"
            "Commonwealth's Attorney Wilhelmina Tsosie-Brandt said the thefts began in 2019.\n\n"
            "\"This was not one bad night at a casino,\" the prosecutor said.")
    assert _speaker(run(body), "This was not one bad night") == "Wilhelmina Tsosie-Brandt"


def test_the_officer_is_the_patrolman(run):  # noqa: F811
    body = ("Patrolman Ignatius Barros-Whitfield was the first to reach the crash on Main Street.\n\n"
            "The driver was taken to hospital with minor injuries.\n\n"
            "\"On a Friday night, there are people walking home from the bars down there,\" the officer said.")
    assert _speaker(run(body), "On a Friday night") == "Ignatius Barros-Whitfield"


def test_a_place_modifying_a_role_is_no_subject(run):  # noqa: F811
    body = ("For 30 winters, Henrietta Vasquez-Lindahl has led the eagle walks at the state park. The retired "
            "Albertville science teacher started leading walks in 1996.\n\n"
            "'My knees have been telling me for about five years,' she said.")
    assert _speaker(run(body), "My knees") == "Henrietta Vasquez-Lindahl"


def test_a_participle_clause_after_a_name_tells_no_gender(run):  # noqa: F811
    body = ("A district spokesperson told the Times: “Cafeterias are using bottled water today.”\n\n"
            "Parent Desmond Oyelaran-Pike, dropping his daughter off at school, was less relaxed.\n\n"
            "“I packed her two bottles and told her not to touch the sink,” he said.")
    assert _speaker(run(body), "I packed her two bottles") == "Desmond Oyelaran-Pike"


def test_told_the_court_then_a_clause_is_the_tellers_reported_speech(run):  # noqa: F811
    body = ("Commonwealth's Attorney Annabel Quist-Moreno told the court the defendant wrote 117 checks to herself "
            "over six years.")
    quotes = [q for q in run(body) if q["kind"] == "indirect"]
    assert [q["speaker_name"] for q in quotes] == ["Annabel Quist-Moreno"]
    assert quotes[0]["text"].startswith("the defendant wrote 117 checks")


def test_she_after_told_the_court_is_the_teller_not_the_defendant(run):  # noqa: F811
    body = ("Rosalind Pemberton-Achebe, 58, pleaded guilty in October to theft.\n\n"
            "Prosecutor Annika Villeneuve-Strand told the court the defendant wrote 117 checks to herself over six "
            "years. She described the scheme as \"patient, careful and deliberate.\"")
    assert _speaker(run(body), "patient, careful") == "Annika Villeneuve-Strand"


def test_a_name_in_a_fronted_clause_is_not_the_role_after_its_comma(run):  # noqa: F811
    body = ("Detective Sgt. Aurelio Baptiste-Whitlock of the Klamath Falls Police Department testified that the pickup "
            "was speeding.\n\n"
            "Under questioning by defense attorney Bartholomew Okwu-Kowalski, the detective agreed that the driver "
            "stayed at the scene.\n\n"
            "‘He was kneeling beside him in the road when the first officer got there,’ he said.")
    assert _speaker(run(body), "He was kneeling") == "Aurelio Baptiste-Whitlock"
