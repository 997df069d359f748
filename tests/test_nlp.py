"""spaCy pipelines per language: only what NER reads runs, and NER finds the same names."""

from __future__ import annotations

import spacy

from odyssey.ingest import nlp


def test_the_small_models_run_ner_without_the_shared_tok2vec() -> None:
    """Their NER embeds tokens itself; the shared tok2vec only fed the tagger and parser."""
    for language in ("en", "fr", "es"):
        assert nlp.pipeline(language).pipe_names == ["sentencizer", "ner"]
    assert nlp.pipeline(None).pipe_names == ["sentencizer"]
    text = "Mohamed ABDELRAHMAN travelled from Tripoli to Rome with Ali HASSAN of Sahara Travel."
    full = spacy.load(nlp.configured_models()["en"], exclude=["tagger", "parser", "lemmatizer"])
    assert [(e.text, e.label_) for e in nlp.pipeline("en")(text).ents] == [
        (e.text, e.label_) for e in full(text).ents
    ]


def test_an_ner_that_reads_the_shared_embedding_keeps_it() -> None:
    listening = spacy.blank("en")
    listening.add_pipe("tok2vec")
    listening.add_pipe(
        "ner",
        config={
            "model": {
                "@architectures": "spacy.TransitionBasedParser.v2",
                "state_type": "ner",
                "extra_state_tokens": False,
                "hidden_width": 64,
                "maxout_pieces": 2,
                "use_upper": True,
                "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 96},
            }
        },
    )
    assert nlp._needed(listening) >= {"ner", "tok2vec"}
    embedded = spacy.blank("en")
    embedded.add_pipe("tok2vec")
    embedded.add_pipe("ner")  # spaCy's default NER embeds its own tokens
    assert nlp._needed(embedded) == {"ner"}
