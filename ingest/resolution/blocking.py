"""Blocking: which pairs of records are worth scoring (never all pairs).

Each record gets a few keys; only records sharing a key are compared:

* ``d:<document>`` — records of one report (a surname alone is resolved against
  the full name written earlier in the same report);
* ``n:<skeleton>|<skeleton>`` — every pair of words of a full name, by skeleton,
  so word order, a missing middle name and transliteration do not matter; and
  the same pair without each word's last consonant (``WONGSAWAT``/``WONGSAWAD``,
  ``GASHI``/``GASHAJ``), for spellings that differ at the end;
* ``a:<key>`` — "known as" aliases, one-word names, and each longer word of a full
  name, so a surname written alone in another report meets the full name.

A block larger than ``max_block`` is compared as a sorted neighbourhood (each
record with the next ``window`` records in name order), so cost stays linear
however common a name is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations

from .score import Profile


def keys(p: Profile) -> Iterator[str]:
    """The blocking keys of one record."""
    for doc in p.documents:
        yield f"d:{doc}"
    words = sorted({t.skeleton for t in p.name.tokens if not t.initial and len(t.skeleton) >= 1})
    if len(words) >= 2:
        for x, y in combinations(words, 2):
            yield f"n:{p.type}:{x}|{y}"
            sx, sy = sorted((stem(x), stem(y)))
            if (sx, sy) != (x, y):
                yield f"n:{p.type}:{sx}|{sy}"
        for w in words:  # where a surname written alone ("S. WONGSAWAD") meets the full name
            if len(w) >= 3:
                yield f"a:{p.type}:{w}"
    elif words:
        yield f"a:{p.type}:{words[0]}"
    for alias in p.aliases:
        if alias.key:
            yield f"a:{p.type}:{alias.key}"


def stem(skeleton: str) -> str:
    """A skeleton without its last consonant, so ``wngst``/``wngsd`` and ``gs``/``gsj`` meet."""
    return skeleton[:-1] if len(skeleton) >= 3 else skeleton


def candidate_pairs(
    profiles: Iterable[Profile],
    new: set[str] | None = None,
    *,
    max_block: int = 64,
    window: int = 24,
) -> set[tuple[str, str]]:
    """Pairs ``(a, b)`` with ``a < b`` of one type sharing a key; with ``new``, only pairs touching it."""
    blocks: dict[str, list[Profile]] = defaultdict(list)
    for p in profiles:
        for key in keys(p):
            blocks[key].append(p)
    pairs: set[tuple[str, str]] = set()
    for members in blocks.values():
        if len(members) < 2 or (new is not None and not any(m.id in new for m in members)):
            continue
        if len(members) <= max_block:
            candidates: Iterable[tuple[Profile, Profile]] = combinations(members, 2)
        else:
            ordered = sorted(members, key=lambda m: (m.name.key, m.birth_date or "", m.seq))
            candidates = (
                (ordered[i], ordered[j])
                for i in range(len(ordered))
                for j in range(i + 1, min(i + 1 + window, len(ordered)))
            )
        for x, y in candidates:
            if x.type != y.type or x.id == y.id:
                continue
            if new is not None and x.id not in new and y.id not in new:
                continue
            pairs.add((x.id, y.id) if x.id < y.id else (y.id, x.id))
    return pairs
