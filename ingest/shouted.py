"""People's names in text written all in capitals (telegrams), where capitals say nothing.

Police style writes surnames in capitals (``CELA Fatmir``) and :mod:`odyssey.ingest.names`
reads that; a telegram writes *every* word in capitals (``PERSONS DETAINED: FAWZI ALI
BELHAJ DOB 04/02/1982``), and the news-trained NER models tag half its words as people.
On such a line a run of words in capitals is a person's name when it starts with a known
given name (``data/given_names.txt``, folded): the name is that given name and the words
after it, up to five, stopping at a stop word of the language. The words after the given
names are the surname, found again alone later (``BELHAJ``, ``MORENO VEGA``).

>>> text = "PERSONS DETAINED: FAWZI ALI BELHAJ DOB 04/02/1982; HIS BROTHER OMAR BELHAJ."
>>> lines = shouted_lines(text)
>>> [text[a:b] for a, b in lines] == [text]
True
>>> given_name_start(["HIS", "BROTHER", "OMAR", "BELHAJ"])
2
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from odyssey.text import fold

_DATA = Path(__file__).with_name("data") / "given_names.txt"
# A line with two capitals together and no lower-case letter ("SUBJ: ...", "NOMBRE: JUAN ...").
_SHOUTED_LINE = re.compile(r"^[^a-zà-ÿ\n]*[A-ZÀ-Ý]{2}[^a-zà-ÿ\n]*$", re.MULTILINE)
#: Most words a name in capitals takes from its given name on.
MAX_WORDS = 5


@cache
def given_names() -> frozenset[str]:
    """The given names of ``data/given_names.txt``, folded (lower case, no accents)."""
    words: set[str] = set()
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(fold(w) for w in line.split())
    return frozenset(words)


def shouted_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of ``text`` written without a lower-case letter."""
    return [m.span() for m in _SHOUTED_LINE.finditer(text)]


def inside(pos: int, lines: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of ``lines`` (few: a linear scan)."""
    return any(a <= pos < b for a, b in lines)


def given_name_start(words: list[str]) -> int | None:
    """Index of the first word of ``words`` that is a known given name; None if none is."""
    names = given_names()
    for i, word in enumerate(words):
        if fold(word) in names:
            return i
    return None


def surname_words(words: list[str]) -> list[str]:
    """The words of a name after its leading given names (at least the last word)."""
    names = given_names()
    i = 0
    while i < len(words) - 1 and fold(words[i]) in names:
        i += 1
    return words[i:]
