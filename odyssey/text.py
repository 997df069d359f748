"""Text folding shared by every part: how names and labels are compared.

>>> fold("MUÑOZ"), fold("Durrës") == fold("DURRES")
('munoz', True)
"""

from __future__ import annotations

import re
import unicodedata

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
