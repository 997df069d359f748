"""The common words of a language, read from its spaCy pipeline's own language data.

The small news-trained models take a capitalised word at the start of a sentence for a
name: the Spanish model tags ``Adjunto``, ``Actualización``, ``Rogamos`` and ``¿Podéis`` as
people or places, the English one ``Update``. Capitals there say nothing, so the word is
judged by what it is: a stop word of the language, or a form that the pipeline's rule
lemmatizer knows (a lemma of its index, an exception form, or a form that one of its
suffix rules turns into an indexed lemma: ``rogamos`` → ``rogar``). The lemmatizer is
disabled for NER but its tables are loaded with the model, so this costs no extra model.

Only some parts of speech count: the French (Lefff) and English (WordNet) noun and
adjective indexes list people's names (``jean``, ``martin``, ``john``, ``smith``), so for
them only verbs and adverbs are common words; the Spanish indexes hold no such names.
:data:`CONTENT_POS` says which, per language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from odyssey.ingest import nlp as nlp_models
from odyssey.text import fold

#: Parts of speech whose lemmatizer forms count as common words, per language; others: ``_DEFAULT_POS``.
CONTENT_POS: dict[str, tuple[str, ...]] = {
    "es": ("verb", "aux", "noun", "adj", "adv"),
}
_DEFAULT_POS = ("verb", "aux", "adv")


@dataclass(slots=True)
class Lexicon:
    """Stop words and lemmatizer forms of one language (all lower case)."""

    stop: frozenset[str]
    lemmas: frozenset[str]
    exceptions: frozenset[str]
    rules: tuple[tuple[str, str], ...]  # (suffix, replacement) pairs of the lemmatizer
    _seen: dict[str, bool] = field(default_factory=dict)

    def is_common(self, word: str) -> bool:
        """True when ``word`` (any case) is a stop word or a known form of the language."""
        low = word.lower()
        known = self._seen.get(low)
        if known is None:
            known = self._seen[low] = self._known(low)
        return known

    def _known(self, low: str) -> bool:
        if low in self.stop or low in self.lemmas or low in self.exceptions:
            return True
        # The rules are tried on the word as written and without accents: some suffixes
        # are written without theirs (Spanish "iamos" for "agradeceríamos").
        for form in dict.fromkeys((low, fold(low))):
            for suffix, replacement in self.rules:
                if form.endswith(suffix) and len(form) > len(suffix) + 1:
                    lemma = form[: len(form) - len(suffix)] + replacement
                    if lemma != form and lemma in self.lemmas:
                        return True
        return False


@cache
def lexicon(language: str | None) -> Lexicon:
    """The lexicon of ``language`` from its configured pipeline (stop words only without one)."""
    nlp = nlp_models.pipeline(language if language in nlp_models.configured_models() else None)
    stop = frozenset(w.lower() for w in nlp.Defaults.stop_words)
    if "lemmatizer" not in nlp.component_names:
        return Lexicon(stop, frozenset(), frozenset(), ())
    lookups = nlp.get_pipe("lemmatizer").lookups
    wanted = CONTENT_POS.get(language or "", _DEFAULT_POS)
    lemmas: set[str] = set()
    exceptions: set[str] = set()
    if lookups.has_table("lemma_index"):
        index = lookups.get_table("lemma_index")
        for pos in wanted:
            lemmas.update(index.get(pos, ()))
    if lookups.has_table("lemma_exc"):
        table = lookups.get_table("lemma_exc")
        for pos in wanted:
            exceptions.update(table.get(pos, {}).keys())
    rules: set[tuple[str, str]] = set()
    if lookups.has_table("lemma_rules"):
        for pairs in lookups.get_table("lemma_rules").values():
            rules.update((old, new) for old, new in pairs if _PLAIN.fullmatch(old + new))
    return Lexicon(
        stop,
        frozenset(lemmas),
        frozenset(exceptions),
        tuple(sorted(rules, key=lambda r: -len(r[0]))),
    )


_PLAIN = re.compile(r"[^\W\d_]*")  # suffix rules written as plain letters (not regular expressions)
