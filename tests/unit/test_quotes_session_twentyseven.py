"""Speakers and names on layouts seen in the blind sets tests/fixtures/crawls_heldout513-520 (first measured 840/889
= 0.945), with hand-written sentences and the real spaCy model.

Names: a name opening a sentence that ", the company said" closes is that company, when the model took it for one or
no given name opens it ("Fox River Fiber will cut 180 jobs …, the company said"), never a person the company named.

Quotations: a paragraph in straight single quotation marks is speech even when its words hold an appeal's ("… to chip
in."); a coordinated clause after the closing mark (", and praised officers, who he said …") names no speaker; what a
modal governs ("a sentence … would not reflect ‘the sustained …’") is a partial quotation of the reported speech
around it; "the emergency warning issued by VicEmergency said" is VicEmergency; "the warning reads:" is whoever put
out the warning.

Pronouns in interview answers: "he" is the nearest person of the answer who is no place's object ("came out from
Normandy") and not known as a "she"."""
from __future__ import annotations

from tests.unit.test_quotes_session_thirteen import _speaker, entities, run  # noqa: F401  (the fixtures)


def test_a_name_the_company_said_closes_is_the_company(entities):  # noqa: F811
    body = ("KAUKAUNA, Wis. (WBAY) - Fox River Fiber will cut about 180 jobs at its Kaukauna mill and shut two paper "
            "machines by March, the company said Friday.\n\n"
            "Harbourline Lithium will close its Kwinana refinery in January, the company said.\n\n"
            "Jane Okafor will succeed him in March, the company said.")
    labels = {m["text"]: m["label"] for m in entities(body)}
    assert labels["Fox River Fiber"] == "ORG"
    assert labels["Harbourline Lithium"] == "ORG"
    assert labels["Jane Okafor"] == "PERSON"
