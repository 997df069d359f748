"""Text folding shared by every part: how names and labels are compared.

>>> fold("MUÑOZ"), fold("Durrës") == fold("DURRES")
('munoz', True)
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable

#: Letters that Unicode does not decompose into a base letter and a mark (Vietnamese đ,
#: Polish ł, Nordic ø...): folded by hand so ``ĐẶNG`` and ``DANG`` compare equal.
LETTERS = str.maketrans(
    {"đ": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i", "ð": "d", "þ": "th", "ħ": "h"}
)


def fold(text: str) -> str:
    """Case-folded, without accents or other combining marks: ``MUÑOZ`` → ``munoz``.

    >>> fold("ĐẶNG Văn Hùng"), fold("Łódź")
    ('dang van hung', 'lodz')
    """
    if text.isascii():  # no accents, no marks, no hand-folded letters: the common case, fast
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def has_arabic_letter(text: str) -> bool:
    """Whether ``text`` holds an Arabic letter: rules for Arabic script skip the many texts
    that have none."""
    return _ARABIC_LETTER.search(text) is not None


class Spans:
    """Spans of a text that never overlap one another, kept sorted: whether a span overlaps
    one of them is a bisection, not a look at each (a report's names are tried against
    everything found before them; identifiers against those kept before them).

    >>> kept = Spans([(0, 4), (10, 12)])
    >>> kept.overlaps(3, 5), kept.overlaps(4, 10)
    (True, False)
    """

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []  # sorted too, since none overlaps the next
        for start, end in sorted(spans):  # any that overlap are kept as one: the same test
            if self._ends and start < self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], end)
            else:
                self._starts.append(start)
                self._ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, end)  # the spans before i start before ``end``
        return i > 0 and self._ends[i - 1] > start  # the last of them ends furthest

    def add(self, start: int, end: int) -> None:
        """Keep ``start:end``, which overlaps none of the spans (see :meth:`overlaps`)."""
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
