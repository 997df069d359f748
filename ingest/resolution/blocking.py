"""Blocking: which pairs of records are worth scoring (never all pairs).

Each record gets a few keys; only records sharing a key are compared:

* ``d:<document>`` — records of one report (a surname alone is resolved against
  the full name written earlier in the same report);
* ``n:<skeleton>|<skeleton>`` — every pair of words of a full name, by skeleton,
  so word order, a missing middle name and transliteration do not matter; and
  the same pair without each word's last consonant (``WONGSAWAT``/``WONGSAWAD``,
  ``GASHI``/``GASHAJ``), for spellings that differ at the end;
* ``a:<key>`` — "known as" aliases, one-word names, and each longer word of a full
  name, so a surname written alone in another report meets the full name;
* ``t:<word>`` — a word whose skeleton is too short to block on (``Adeyemi``:
  ``dm``) by its letters, so ``Tunde ADEYEMI`` meets ``Babatunde ADEYEMI``.

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
        for t in p.name.tokens:  # a short skeleton ("dm": Adeyemi) is too common: the letters
            if not t.initial and len(t.skeleton) < 3 and len(t.text) >= 4:
                yield f"t:{p.type}:{t.text}"
    elif words:
        yield f"a:{p.type}:{words[0]}"
        if len(words[0]) < 3 and len(p.name.tokens[-1].text) >= 4:
            yield f"t:{p.type}:{p.name.tokens[-1].text}"
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
) -> Iterator[tuple[str, str]]:
    """Pairs ``(a, b)`` with ``a < b`` of one type sharing a key, each once; with ``new``, only pairs touching it.

    Generated record by record (a record's partners gathered over its keys, then
    dropped), so memory holds the blocks, never the pairs: a common name's block
    gives many pairs, and a large store millions of them.
    """
    everyone = list(profiles)
    blocks: dict[str, list[Profile]] = defaultdict(list)
    for p in everyone:
        for key in dict.fromkeys(keys(p)):
            blocks[key].append(p)
    position: dict[str, dict[str, int]] = {}  # key -> member id -> place in name order
    for key, members in blocks.items():
        if len(members) > max_block:
            members.sort(key=lambda m: (m.name.key, m.birth_date or "", m.seq))
            position[key] = {m.id: i for i, m in enumerate(members)}
    anchors = everyone if new is None else [p for p in everyone if p.id in new]
    anchor_ids = {p.id for p in anchors}
    for x in anchors:
        partners: dict[str, Profile] = {}
        for key in dict.fromkeys(keys(x)):
            members = blocks[key]
            if key in position:  # a sorted neighbourhood: the ``window`` records either side
                i = position[key][x.id]
                members = members[max(0, i - window) : i + window + 1]
            for y in members:
                partners[y.id] = y
        for y in partners.values():
            if y.type != x.type or y.id == x.id or (y.id in anchor_ids and y.id < x.id):
                continue  # a pair of two anchors is given once, by the one with the smaller id
            yield (x.id, y.id) if x.id < y.id else (y.id, x.id)
