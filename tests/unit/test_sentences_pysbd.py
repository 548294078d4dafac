"""tasks.sentences_pysbd: the same segments as pySBD's own English Processor."""
from __future__ import annotations

import random

import pysbd
import pytest

from tasks.regex_subs import required_literals
from tasks.sentences_pysbd import FastProcessor, replace_punctuation
from tests.unit.test_sentences import GOLDEN_EN_RULES

_SEGMENTER = pysbd.Segmenter(language="en", clean=False)

TRICKY = [
    "Mr. Smith met Dr. Jones at 5 p.m. on Jan. 5. They talked.",
    "See pp. 12-14 and art. 5 of the U.S. constitution. It is short.",
    "He works for Acme Co. KG in the U.S. He said it is fine. That is it.",
    "The vote was 7-2. It is what it is. Al. Gore was there etc. and more.",
    "Items: 1. apples 2. pears 3. plums. Then a) one b) two c) three.",
    "(i) first (ii) second (iii) third. Done.",
    "He said \"Stop it. Now.\" and left. 'Is it? Yes.' she asked (twice. really).",
    "Wait... What? No!!! Really?! Yes!? OK?? Fine!!",
    "Yahoo! said !Kung people live there. Yum! Good.",
    "Download file .pdf now. The angle was 45°. 5 degrees. Email j.doe@mail.com today.",
    "Prices rose 3.5 percent.[2] Analysts said so. See 12. It ended.",
    "ſt. Kelvin K. İs. ıs. IS. Is. MRS. Ms. may. May. man. fig. Fig. 3 shows it.",
    "e.g. this, i.e. that, e g. other. Ph.D. students. U.S.A. today. I.V. drip.",
    "He left at 5 A.M. The next day P.M. Jones came. It was 9 a.m. Nobody knew.",
    "One . . . two . . . . Three. Four.... Five...Six.",
    "“Quoted. Text.” he said. «Arrow. Text.» and [bracket. text] and -- dash. text --.",
    "。Full width．marks！and？ here.",
]


def _rnd_texts(n: int, seed: int) -> list[str]:
    from pysbd.lang.english import English
    toks = ["The", "he", "said", "It", "is", "I", "U.S.", "a.m.", "P.M.", "Mr.", "No.", "pp.", "Jan.", "etc.", "e.g.",
            "1.", "2.", "3.", "1)", "2)", "a.", "b.", "a)", "(ii)", "\"", "“", "”", "'", "(", ")", "...", "!", "?", "?!",
            "!!!", ".", ",", "3.5", "Co.", "KG", "'s", "However", "There", "\n", "Yahoo!", "ſt.", "İs."]
    toks += [a + "." for a in English.Abbreviation.ABBREVIATIONS[::7]]
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rnd.randint(1, 30)):
            parts.append(rnd.choice(toks))
            parts.append(rnd.choice([" ", " ", " ", "", "  "]))
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("text", [t for t, _ in GOLDEN_EN_RULES] + TRICKY + _rnd_texts(300, 7))
def test_same_segments_as_pysbd(text):
    assert FastProcessor(text).process() == _SEGMENTER.processor(text).process()


def test_required_literals():
    assert required_literals(r"\.(?=\d)") == (".",)
    assert required_literals(r"(?<= P∯M)∯(?=\s[A-Z])") == (" P∯M", "∯")
    assert required_literals(r"\s\d{1,2}(?=\.\s)|^\d{1,2}(?=\.\))") == (".",)
    assert required_literals(r"a?b*") == ()
    assert required_literals(r"abc", 2) == ()          # IGNORECASE: no literal is required as written
    assert required_literals(r"(?!x)y") == ("y",)       # a negative lookahead requires nothing


def test_replace_punctuation_is_pysbds():
    from pysbd.punctuation_replacer import replace_punctuation as original
    import re
    for text in ["(a.b!c?d) [e-f]", "'x.y' \\(z.\\)", "。．！？", "no marks"]:
        m = re.match(r".*", text)
        assert m is not None
        assert replace_punctuation(m) == original(m)
        assert replace_punctuation(m, "single") == original(m, "single")
