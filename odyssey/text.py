"""Text folding shared by every part: how names and labels are compared.

>>> fold("MUÑOZ"), fold("Durrës") == fold("DURRES")
('munoz', True)
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case-folded, without accents or other combining marks: ``MUÑOZ`` → ``munoz``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
