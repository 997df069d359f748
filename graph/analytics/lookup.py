"""Finding the entity an analyst means: by id, by exact label, then by full-text search.

``A`` and ``B`` on the command line may be ids (``Phone:+218912345678``) or
labels (``"Ali HASSAN"``). An exact label (case and accents ignored) wins; else
the store's search is asked. More than one candidate is an error that lists
them, so the analyst can give the id.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from odyssey.errors import NotFoundError, ValidationError

#: A full-text search: text → candidate entity ids, best first.
Search = Callable[[str], Iterable[str]]

#: Candidates listed in an ambiguity error.
LISTED = 8


def fold(text: str) -> str:
    """Case- and accent-free form of ``text`` with single spaces."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).split())


def find_entity(graph: nx.Graph, text: str, search: Search | None = None) -> Any:
    """The node of ``graph`` that ``text`` names (an id, an exact label, else a search hit)."""
    if text in graph:
        return text
    wanted = fold(text)
    exact = [
        n for n, lbl in graph.nodes(data="label") if lbl is not None and fold(str(lbl)) == wanted
    ]
    if not exact and search is not None:
        exact = list(dict.fromkeys(n for n in search(text) if n in graph))
    if len(exact) == 1:
        return exact[0]
    if not exact:
        raise NotFoundError(
            f"no entity in the analysed graph matches {text!r}; try `odyssey search` or widen the filters"
        )
    shown = "; ".join(
        f"{graph.nodes[n].get('label', n)} [{n}]" for n in sorted(exact, key=str)[:LISTED]
    )
    more = f" and {len(exact) - LISTED} more" if len(exact) > LISTED else ""
    raise ValidationError(f"{text!r} is ambiguous: {shown}{more}; give the entity id")
