"""tasks/claims: statements filter, sentence features, static vectors, the same-claim decision (Python and
the warehouse's SQL agree), the MSRP reader and `newsagree eval --only claims`."""
from __future__ import annotations

import json
import math

import numpy as np
import pytest

from tasks.claims import features, similarity, statements, train, vectors
from tasks.claims.msrp import MSRPFormatError, load_pairs, pair_records

PARAPHRASE = ("Putin told Trump that Moscow is ready to work with Kyiv on a peace memorandum.",
              "Russia is willing to draft a memorandum on a future peace deal with Ukraine, Putin told Trump.")
UNRELATED = ("The central bank raised interest rates by half a point on Thursday.",
             "Heavy snow closed schools across the north of the country.")


@pytest.mark.parametrize("text, alone, kind", [
    ("Putin spoke with Trump for two hours on Monday, the Kremlin said.", False, "statement"),
    ("By the end of the day, troops had left the city.", False, "statement"),
    ("Outlook: Real compromise or fragile optics?", True, "question"),
    ("Will the ceasefire hold through the winter months?", False, "question"),
    ("Peace talks stall in Geneva after a second day", True, "heading"),
    ("Ceasefire talks", False, "heading"),
    ("Putin stated that Moscow will soon present a draft peace memorandum to Kiev:", True, "statement"),
    ("Key points:", True, "heading"),
    ("The Energy War Continues.", True, "heading"),
    ("Russian Manpower Mobilization Pressures.", False, "heading"),
    ("The Americans had a similar view.", True, "statement"),
    ("Zelensky met Putin in Kyiv.", True, "statement"),
    ("(Photo by Jane Doe/NurPhoto)", True, "caption"),
    ("Source: New York Times.", True, "caption"),
    ("'For now, we are not losing' - Zelensky speaks to BBC about war with Russia", False, "heading"),
    ("– Al Jazeera, accessed February 21, 2026,", False, "byline"),
    ("If you continue to use this site we will assume that you are happy with it.", False, "teaser"),
    ("By Jane Doe", True, "byline"),
    ("Ukrainian soldiers fire a howitzer near Bakhmut (Photo: John Smith/Reuters)", True, "caption"),
    ("Sign up for our daily newsletter to get the latest news.", True, "teaser"),
    ("Trump said the call went “very well.”", True, "statement"),
    ("See topline text for reports of Ukrainian strikes within Russia.", True, "teaser"),
    ("For more information on the map methodology, please view our statement here.", True, "teaser"),
    ("Welcome to this week’s edition of The Big Five.", True, "teaser"),
    ("This story has been updated with comment from the Kremlin.", True, "teaser"),
    ("See you in court, the president told reporters on Monday.", False, "statement"),
    ("Putin said he would see Trump for talks in Budapest next month.", False, "statement"),
    ("Welcome to the season of the big, political personal finance promises.", True, "statement"),
    ("The table below lists the technical specifications of the new drone:", True, "teaser"),
    ("The campaign issued the following statement on Tuesday evening:", True, "teaser"),
    ("He said the following year would be harder for the economy.", False, "statement"),
])
def test_claim_kind(text, alone, kind):
    assert statements.claim_kind(text, alone) == kind


def test_claim_kinds_uses_paragraphs():
    rows = [{"paragraph_no": 0, "text": "Talks resume in Istanbul after long pause"},
            {"paragraph_no": 1, "text": "Delegations met in Istanbul on Friday for two hours"},
            {"paragraph_no": 1, "text": "They agreed to swap a thousand prisoners of war."}]
    assert statements.claim_kinds(rows) == ["heading", "statement", "statement"]


def test_sentence_features():
    f = features.sentence_features("Officials didn't confirm that 1,000 prisoners and two generals may be freed by Russia.")
    assert f["numbers"] == ["1000", "2"]
    assert "russia" in f["names"] and "officials" not in f["names"]     # first token is not a name
    assert f["negated"] and f["modal"] and f["confirm"] and not f["denial"]
    assert "prisoner" in f["content"] and "the" not in f["content"]
    assert f["n_tokens"] == 14
    assert features.sentence_features("The Kremlin denied the report.")["denial"]


def test_quantise_keeps_the_direction():
    vs = vectors.encode(list(PARAPHRASE))
    q = np.array(vectors.quantise(vs), dtype=float)
    assert q.dtype == float and np.abs(q).max() <= 127
    cos = q[0] @ q[1] / np.linalg.norm(q[0]) / np.linalg.norm(q[1])
    assert cos == pytest.approx(np.dot(vs[0], vs[1]), abs=0.01)


def test_vectors_are_unit_and_meaningful():
    vs = np.array(vectors.encode([*PARAPHRASE, *UNRELATED, "", "the of and"]))
    assert vs.shape == (6, vectors.dimensions())
    assert np.allclose(np.linalg.norm(vs[:4], axis=1), 1.0, atol=1e-5)
    assert not vs[4].any() and not vs[5].any()          # nothing known: a zero vector, never NaN
    assert vs[0] @ vs[1] > vs[0] @ vs[2] + 0.1
    assert vs[0] @ vs[1] > vs[2] @ vs[3]


def _record(text):
    rec = features.sentence_features(text)
    rec["vector"] = vectors.quantise(vectors.encode([text]))[0]     # as the workers store it
    return rec


def test_sql_params_are_the_model_file():
    sql = similarity.SQL_FILE.read_text(encoding="utf-8")
    assert similarity.sql_params(sql).strip() == similarity.params_sql(similarity.model()).strip()
    assert set(similarity.model()["weights"]) == set(similarity.FEATURES)


def test_sql_decision_equals_python():
    texts = [PARAPHRASE, UNRELATED,
             ("Twelve people were killed in the attack on the market.", "14 people were killed in the market attack."),
             ("Russia has agreed to a ceasefire.", "Russia has not agreed to a ceasefire."),
             ("The Kremlin confirmed the meeting.", "The Kremlin denied the meeting took place."),
             ("", "Nothing here at all, really."), ("Same sentence here today.", "Same sentence here today.")]
    pairs = [(_record(a), _record(b)) for a, b in texts]
    decided = similarity.decide_pairs(pairs)
    for (a, b), (prob, same) in zip(pairs, decided):
        assert prob == pytest.approx(similarity.probability(similarity.pair_features(a, b)), abs=1e-5)
        assert same == similarity.same_claim(a, b)
    assert decided[0][1] and not decided[1][1] and decided[-1][1]
    assert not decided[3][1]          # negation on one side only


def test_fit_recovers_a_separable_rule():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] - 0.5 * x[:, 1] > 0).astype(float)
    w = train.fit(x, y, l2=0.1)
    assert w[1] > 0 and w[2] < 0 and abs(w[1] / w[2] + 2) < 0.6
    p = 1 / (1 + np.exp(-(w[0] + x @ w[1:])))
    assert ((p >= train.best_threshold(p, y)) == y).mean() > 0.95


def test_cross_validation_scores_every_pair_with_the_gate():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(300, 2))
    y = (x[:, 0] > 0).astype(float)
    no_gate = np.zeros(len(y), dtype=bool)
    clean = train.cross_validate(x, y, no_gate, folds=5)
    assert clean["accuracy"] > 0.95
    gated = train.cross_validate(x, y, y == 1, folds=5)     # the gate vetoes every positive
    assert gated["recall"] == 0.0 and 0.9 * (1 - y.mean()) < gated["accuracy"] <= 1 - y.mean()


MSRP_TEXT = ("\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
             f"1\t1\t2\t{PARAPHRASE[0]}\t{PARAPHRASE[1]}\n"
             f"0\t3\t4\t{UNRELATED[0]}\t{UNRELATED[1]}\n"
             "1\t5\t6\tThe rover found \"water\" on Mars.\tThe rover found water on Mars.0\t7\t8\t"
             "Shares rose 5 percent.\tShares fell 5 percent.\n")


def test_load_pairs_bom_quotes_and_glued_line(tmp_path):
    p = tmp_path / "m.txt"
    p.write_text(MSRP_TEXT, encoding="utf-8")
    pairs = load_pairs(p)
    assert [x["label"] for x in pairs] == [1, 0, 1, 0]
    assert pairs[2]["text_a"] == 'The rover found "water" on Mars.' and pairs[2]["text_b"].endswith("Mars.")
    assert pairs[3]["id_a"] == "7"
    assert len(pair_records(pairs)) == 4
    bad = tmp_path / "bad.txt"
    bad.write_text("Quality\t#1 ID\n2\tx\n", encoding="utf-8")
    with pytest.raises(MSRPFormatError):
        load_pairs(bad)
    (tmp_path / "nohead.txt").write_text("1\t2\t3\ta\tb\n", encoding="utf-8")
    with pytest.raises(MSRPFormatError):
        load_pairs(tmp_path / "nohead.txt")


def test_eval_only_claims_json(tmp_path, capsys):
    from flows.cli import main
    (tmp_path / "msrp").mkdir()
    (tmp_path / "msrp" / "a.txt").write_text(MSRP_TEXT, encoding="utf-8")
    (tmp_path / "msrp" / "b.txt").write_text(MSRP_TEXT.split("1\t5")[0], encoding="utf-8")
    assert main(["eval", "--only", "claims", "--gold", str(tmp_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["file"] for r in rows] == ["a.txt", "b.txt"]
    for r in rows:
        assert {"accuracy", "precision", "recall", "f1", "n"} <= set(r) and r["task"] == "claims"
        assert 0 <= r["accuracy"] <= 1 and not math.isnan(r["f1"])
    assert rows[1]["n"] == 2 and rows[1]["accuracy"] == 1.0


def test_conflict_scopes_use_the_negation_and_denial_cues():
    """claim_conflicts finds what a negation or a denial governs with regular expressions over the cue words;
    they must list exactly the single-word cues of claim_cues.txt [negation] and [denial] (n't is n['’]t)."""
    import re

    from tasks import rulefiles
    from tasks.settings import SQL_DIR
    sql = (SQL_DIR / "agreement" / "claim_conflicts.sql").read_text(encoding="utf-8")
    alternations = [set(a.split("|")) for a in re.findall(r"\\b\(\?:([a-z|]+)\)", sql)]
    sections = rulefiles.sections(features.CUES_FILE, lower=True)
    assert alternations == [set(sections["negation"]) - {"n't"}, set(sections["denial"])]
    assert "n[''’]t" in sql



def test_anchored_patterns_match_where_they_search():
    """claim_kind tries a pattern opening with ^ with .match; the kind must be that of the first pattern of
    not_statements.txt whose .search matches, on sentences that hit each kind and on plain statements."""
    import re
    from tasks.claims.statements import _anchored, _testers, patterns
    texts = ["Photo by Jane Doe", "Source: Reuters", "By John Smith and Mary Jones", "Read more: here",
             "Sign up for our newsletter", "“A quoted title” - Opinion", "The minister said the talks would resume.",
             "Jane Doe is a reporter for the paper", "(Photo / AP) ", "© 2024 Example News", "See our statement here for details",
             "The following table lists the results:", "He denied it, the newsletter said.", "Photo: the vote. By John Smith"]
    for t in texts:
        first = next((kind for kind, p in patterns() if p.search(t)), None)
        assert next((kind for kind, test in _testers() if test(t)), None) == first, t
    assert _anchored(re.compile("^(a|b)c")) and not _anchored(re.compile("^a|b")) and not _anchored(re.compile("a^"))
