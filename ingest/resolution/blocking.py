"""Blocking: which pairs of records are worth scoring (never all pairs).

Each record gets a few keys; only records sharing a key are compared:

* ``d:<document>`` — records of one report (a surname alone is resolved against
  the full name written earlier in the same report);
* ``n:<skeleton>|<skeleton>`` — every pair of words of a full name, by skeleton,
  so word order, a missing middle name and transliteration do not matter; and
  the same pair without each word's last consonant (``WONGSAWAT``/``WONGSAWAD``,
  ``GASHI``/``GASHAJ``), for spellings that differ at the end;
* ``a:<word>`` — each word of a full name (its skeleton, or its letters where the
  skeleton is too short: ``Adeyemi`` is ``dm``), so names sharing one word whose
  other words are spelled apart meet (``Tunde``/``Babatunde ADEYEMI``);
* ``i:<word>|<letter>`` and ``b:<word>|<birth date>`` — a word with the initial
  of another word, or with the birth date: where ``S. WONGSAWAD`` or a surname
  written alone with a birth date meets the full name in another report. A
  one-word name gets them only when it could match there at all
  (:func:`~.score.may_match_elsewhere`);
* ``k:<key>`` / ``q:<key>`` — a "known as" / a one-word name: a lone word meets
  the records known by it (``q`` looks up ``k``), never the other lone words
  (a lone surname in another report cannot reach the threshold by itself).

A block larger than its cap (``max_block``; 40 for ``i:``, 200 for a report) is
walked as sorted neighbourhoods: each record meets the ``window`` records either
side of it, in word blocks once by the rest of the name and once by the rest read
backwards, so spellings that share a start or an end meet; its short forms (an
initial, a birth date) meet its oldest 64 records whatever their place. A record
then has a bounded number of partners per key, and pairs grow with the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations

from .names import Token
from .score import Profile, may_match_elsewhere


def word_key(t: Token) -> str:
    """A word as blocking keys hold it: its skeleton, or its letters where the skeleton is short."""
    return t.skeleton if len(t.skeleton) >= 3 else t.text


def keys(p: Profile) -> Iterator[str]:
    """The blocking keys of one record."""
    for doc in p.documents:
        yield f"d:{doc}"
    words = [t for t in p.name.tokens if not t.initial]
    skeletons = sorted({t.skeleton for t in words if t.skeleton})
    if len(skeletons) >= 2:
        for x, y in combinations(skeletons, 2):
            yield f"n:{p.type}:{x}|{y}"
            sx, sy = sorted((stem(x), stem(y)))
            if (sx, sy) != (x, y):
                yield f"n:{p.type}:{sx}|{sy}"
        for t in words:  # one word in common, the others spelled apart (Tunde / Babatunde)
            if len(t.skeleton) >= 3 or len(t.text) >= 4:
                yield f"a:{p.type}:{word_key(t)}"
    elif words:
        yield f"q:{p.type}:{p.name.key}"  # where it meets a record it is the "known as" of
    # where a surname written alone meets the full name: with the birth date or the initial
    given = {w.text[:1] for w in words} | {t.text[:1] for t in p.name.tokens if t.initial}
    for t in words if p.name.full or may_match_elsewhere(p) else ():
        if p.birth_date:
            yield f"b:{p.type}:{word_key(t)}|{p.birth_date}"
        for letter in sorted(given - {t.text[:1]} if p.name.full else given):
            yield f"i:{p.type}:{word_key(t)}|{letter}"
    for alias in p.aliases:
        if alias.key:
            yield f"k:{p.type}:{alias.key}"


def stem(skeleton: str) -> str:
    """A skeleton without its last consonant, so ``wngst``/``wngsd`` and ``gs``/``gsj`` meet."""
    return skeleton[:-1] if len(skeleton) >= 3 else skeleton


#: A report's records are all compared with each other up to this many (a long table past it).
REPORT_BLOCK = 200
#: One-sided keys: a lone word (``q``) meets the records known by it (``k``), an initial and a
#: word (``i``) the full names with that word and a word of that letter (``I``); never their likes.
LOOKS_UP = {"q": "k"}
LOOKED_UP = {v: k for k, v in LOOKS_UP.items()}
#: The most records of a one-sided block a lone word meets, and of a walked block a short
#: form meets (the oldest).
ONE_SIDED_BLOCK = 64


#: A word and an initial (``i:``) is where most spellings of one name meet: walked past this.
INITIAL_BLOCK = 40


def _cap(key: str, max_block: int) -> int:
    """The largest block of this kind compared in full."""
    return (
        REPORT_BLOCK
        if key.startswith("d:")
        else INITIAL_BLOCK
        if key.startswith("i:")
        else max_block
    )


def _rest(p: Profile, word: str) -> str:
    """The words of ``p``'s name besides ``word`` (a word key), in letter order."""
    return " ".join(sorted(t.text for t in p.name.tokens if not t.initial and word_key(t) != word))


def _orders(key: str, members: list[Profile]) -> list[dict[str, int]]:
    """The name orders a large block is walked in: member id -> place, per order.

    A word block (``a:``) is sorted by the rest of each name, once forwards and
    once read backwards, so ``Uche``/``Uchechukwu`` (same start) and
    ``Tunde``/``Babatunde`` (same end) fall near each other; other blocks by name.
    """
    if key.startswith(("a:", "i:")):
        word = key.split(":", 2)[2].split("|")[0]
        rest = {m.id: _rest(m, word) for m in members}
        sorts = [
            sorted(members, key=lambda m: (rest[m.id], m.seq)),
            sorted(members, key=lambda m: (rest[m.id][::-1], m.seq)),
        ]
    else:
        sorts = [sorted(members, key=lambda m: (m.name.key, m.birth_date or "", m.seq))]
    return [{m.id: i for i, m in enumerate(order)} for order in sorts]


def candidate_pairs(
    profiles: Iterable[Profile],
    new: set[str] | None = None,
    *,
    max_block: int = 12,
    window: int = 3,
) -> Iterator[tuple[str, str]]:
    """Pairs ``(a, b)`` with ``a < b`` of one type sharing a key, each once; with ``new``, only pairs touching it.

    A block of more than ``max_block`` records is walked as sorted
    neighbourhoods (:func:`_orders`): each record meets the ``window`` records
    either side of it in each order, so a record has a bounded number of partners
    per key and the pairs grow with the store, not with its square.

    Generated record by record (a record's partners gathered over its keys, then
    dropped), so memory holds the blocks, never the pairs.
    """
    everyone = list(profiles)
    blocks: dict[str, list[Profile]] = defaultdict(list)
    for p in everyone:
        for key in dict.fromkeys(keys(p)):
            blocks[key].append(p)
    walks: dict[str, list[tuple[list[Profile], dict[str, int]]]] = {}
    # in a walked block, the first ONE_SIDED_BLOCK members meet its short forms (a surname with
    # an initial, a birth date) whatever their place: both ways, so each pair is seen from each end
    shorts: dict[str, tuple[set[str], list[Profile]]] = {}
    for key, members in blocks.items():
        if len(members) > _cap(key, max_block):
            first = members[:ONE_SIDED_BLOCK]
            shorts[key] = ({m.id for m in first}, [m for m in first if not m.name.full])
            walks[key] = []
            for place in _orders(key, members):
                ordered = sorted(members, key=lambda m: place[m.id])
                walks[key].append((ordered, place))
    anchors = everyone if new is None else [p for p in everyone if p.id in new]
    anchor_ids = {p.id for p in anchors}
    for x in anchors:
        partners: dict[str, Profile] = {}
        for key in dict.fromkeys(keys(x)):
            if key[0] in LOOKS_UP:  # a lone word or initial meets full records, not its likes
                for y in blocks.get(LOOKS_UP[key[0]] + key[1:], ())[:ONE_SIDED_BLOCK]:
                    partners[y.id] = y
                continue
            if key[0] in LOOKED_UP:
                for y in blocks.get(LOOKED_UP[key[0]] + key[1:], ()):
                    partners[y.id] = y
            if key not in walks:
                for y in blocks[key]:
                    partners[y.id] = y
                continue
            first, short = shorts[key]
            if x.id in first:
                for y in blocks[key][:ONE_SIDED_BLOCK] if not x.name.full else short:
                    partners[y.id] = y
            w = window * INITIAL_BLOCK // max_block if key.startswith("i:") else window
            for ordered, place in walks[key]:  # sorted neighbourhoods: ``w`` either side
                i = place[x.id]
                for y in ordered[max(0, i - w) : i + w + 1]:
                    partners[y.id] = y
        for y in partners.values():
            if y.type != x.type or y.id == x.id or (y.id in anchor_ids and y.id < x.id):
                continue  # a pair of two anchors is given once, by the one with the smaller id
            yield (x.id, y.id) if x.id < y.id else (y.id, x.id)
